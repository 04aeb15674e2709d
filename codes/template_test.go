package codes

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTemplateMasksWhatVaries(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		// Gmail's queue ids.
		{"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser d2si1234567qkb.123 - gsmtp",
			"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a640c23a62f3a-7bb2ae25e7asi9876543a.45 - gsmtp"},
		// Microsoft's front ends.
		{"550 5.4.1 Recipient address rejected: Access denied [DM6NAM12FT056.eop-nam12.prod.protection.outlook.com]",
			"550 5.4.1 Recipient address rejected: Access denied [BN8NAM12FT101.eop-nam12.prod.protection.outlook.com]"},
		// Addresses, sending and receiving IPs.
		{"host mx.example.com[203.0.113.7] said: 550 5.1.1 <ann.lee@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
			"host mx.example.com[198.51.100.250] said: 550 5.1.1 <b@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)"},
		{"554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10",
			"554 5.7.1 Service unavailable; Client host [192.0.2.211] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.211"},
		{"host gmail-smtp-in.l.google.com[2404:6800:4008:c05::1a] said: 452 4.2.2 over quota",
			"host gmail-smtp-in.l.google.com[2a00:1450:400c:c0b::1b] said: 452 4.2.2 over quota"},
		// Postfix queue ids, Mimecast ids, times, dates, long numbers and line breaks.
		{"250 2.0.0 Ok: queued as 4ABCD12345", "250 2.0.0 Ok: queued as 7F3E2A90B1C"},
		{"550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [aB3dE5fG7hI9jK1lM3nO5p.us123]",
			"550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [Zq8Wx2Ce4Rv6Tb8Ny0Um2i.eu456]"},
		{"5/25/2018 8:21:10 AM - Server at x.example returned '550 5.4.316 Message expired'",
			"12/1/2026 11:02:59 PM - Server at x.example returned '550 5.4.316 Message expired'"},
		{"451 4.7.500 Server busy. (S77714) [BN8NAM12FT056.eop-nam12.prod.protection.outlook.com 2026-11-27T14:03:11.123Z 08DD2E6F2A0B1C3D]",
			"451 4.7.500 Server busy. (S77714) [CO1NAM12FT999.eop-nam12.prod.protection.outlook.com 2025-01-02T01:00:00.999Z 08DDFFEE11223344]"},
		{"554 5.7.0 Reject, id=12345-07 - spam", "554 5.7.0 Reject, id=98765-07 - spam"},
		{"550-5.7.1 Our system has detected\r\n550-5.7.1 unsolicited mail", "550-5.7.1 Our system has  detected 550-5.7.1 unsolicited mail"},
	} {
		if ta, tb := Template(c.a), Template(c.b); ta != tb {
			t.Errorf("different templates for texts that differ only in per-message values:\n%q\n%q\n-> %q\n-> %q", c.a, c.b, ta, tb)
		}
	}
	// Case is kept: a platform's CamelCase status tag is read by it.
	if Template("SoftBounce") != "SoftBounce" {
		t.Errorf("Template(SoftBounce) = %q", Template("SoftBounce"))
	}
}

func TestTemplateKeepsWhatTheClassifierReads(t *testing.T) {
	for _, c := range []struct{ text, kept string }{
		{"550 5.1.1 ... d2si1234567qkb.123 - gsmtp", "- gsmtp"},
		{"550 5.4.1 Access denied [DM6NAM12FT056.eop-nam12.prod.protection.outlook.com]", ".prod.protection.outlook.com]"},
		{"421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred", "[tss04] messages from 0.0.0.0 "},
		{"501 5.1.0 Emetteur invalide. OFR004_405 [405]", "ofr004_405 [405]"},
		{"421 Temporarily rejected. Reverse DNS for this IP failed. IB108", "ib108"},
		{"550 5.7.1 Messages must follow RFC 5322 and RFC5321 and RFC.5321 specifications", "rfc 5322 and rfc5321 and rfc.5321"},
		{"554 AUP#I-1220 blocked", "aup#i-1220"},
		{"550 5.7.1 <x@example.com>: Relay access denied", "<x@example.com>"},
		{"mx-aol.mail.gm0.yahoodns.net", "mx-aol.mail.gm0.yahoodns.net"},
		{"smtp.office365.com said: 550 5.1.10", "smtp.office365.com said: 550 5.1.10"},
		{"552 5.6.0 Headers too large (32768 max)", "552 5.6.0 headers too large (0 max)"},
		{"See mail.i.ua/err/3/", "mail.i.ua/err/3/"},
		{"送信元IPアドレスは拒否リストに登録されています", "送信元ipアドレスは拒否リストに登録されています"},
		{"SMTP; 550 This account is not allowed...xxxxx@yourdomain.com", "not allowed...x@yourdomain.com"},
	} {
		if got := Template(c.text); !strings.Contains(strings.ToLower(got), c.kept) {
			t.Errorf("Template(%q) = %q, want it to keep %q", c.text, got, c.kept)
		}
	}
}

func TestAppendTemplateDoesNotAllocate(t *testing.T) {
	text := "host mx.example.com[203.0.113.7] said: 550 5.1.1 <ann.lee@example.com>: User unknown [DM6NAM12FT056.eop-nam12.prod.protection.outlook.com]"
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = AppendTemplate(buf[:0], text) }); n != 0 {
		t.Errorf("AppendTemplate allocates %.0f times per call", n)
	}
}

// TestTemplateClassifiesAsText checks on every labelled reason that the template classifies as
// the text does: same codes, class, reason, provider and whether the address is at fault.
// model's TestTemplateVerdicts does the same for the loader's inputs and generated exports.
func TestTemplateClassifiesAsText(t *testing.T) {
	files, err := filepath.Glob("testdata/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled tables: %v", err)
	}
	checked, differ := 0, 0
	for _, f := range files {
		if strings.HasSuffix(f, "enhanced-status-codes.tsv") {
			continue
		}
		for _, r := range readLabelled(t, f) {
			checked++
			tmpl := Template(r.text)
			if a, b := Classify(r.text), Classify(tmpl); a != b {
				differ++
				t.Errorf("%s:%d: text and template classify differently:\n  text     %q\n  template %q\n  %+v\n  %+v", f, r.line, r.text, tmpl, a, b)
			}
		}
	}
	t.Logf("%d labelled reasons checked, %d differ", checked, differ)
	if checked < 1000 {
		t.Errorf("only %d labelled reasons checked", checked)
	}
}

// BenchmarkAppendTemplate measures AppendTemplate over realistic reasons.
func BenchmarkAppendTemplate(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 1024)
	n, bytes := 0, 0
	for b.Loop() {
		r := benchReasons[n%len(benchReasons)]
		buf = AppendTemplate(buf[:0], r)
		n++
		bytes += len(r)
	}
	b.ReportMetric(float64(bytes)/b.Elapsed().Seconds()/1e6, "MB/s")
}

// FuzzTemplate checks that any text gets a template, valid UTF-8 when the text is, and not much
// longer than the text.
func FuzzTemplate(f *testing.F) {
	for _, s := range benchReasons {
		f.Add(s)
	}
	f.Add("1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1x")
	f.Add("a@b@c@ 2026-11-27T14:03:11.123Z 5/25/2018 8:21:10 AM [2404:6800:4008:c05::1a] 1::")
	f.Fuzz(func(t *testing.T, text string) {
		tmpl := AppendTemplate(nil, text)
		if len(tmpl) > 2*len(text)+8 {
			t.Errorf("template of %d bytes for a text of %d", len(tmpl), len(text))
		}
		if utf8.ValidString(text) && !utf8.Valid(tmpl) {
			t.Errorf("template %q of valid UTF-8 %q is not valid UTF-8", tmpl, text)
		}
	})
}
