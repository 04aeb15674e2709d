package codes

import "testing"

// benchReasons are reasons as Marketo and other platforms export them: short and long, with and
// without codes, in the proportions a real export shows (Gmail and Microsoft replies dominate).
var benchReasons = []string{
	"smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1si4559855pfb.201 - gsmtp",
	"550 5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown in virtual alias table",
	"smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
	"smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using Spamhaus; To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.10",
	"421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
	"5.3.0 - Other mail system problem 554-'5.1.0 Sender denied'",
	"smtp; 5.1.0 - Unknown address error 550-'5.1.1 <john@example.org>... User unknown' (delivery attempts: 0)",
	"552 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
	"smtp; 550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
	"smtp; 554 Message rejected: Email address is not verified.",
	"Mailbox full",
	"smtp; 550 Requested action not taken: mailbox unavailable",
	"smtp;554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]",
	"X-Postfix; connect to mx.example.net[203.0.113.7]:25: Connection timed out",
	"smtp; 451 4.7.650 The mail server [192.0.2.4] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)",
	"550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. - gsmtp",
	"Host or domain name not found. Name service error for name=exmaple.com type=A: Host not found",
	"smtp; 550 5.7.1 <x@example.com>: Relay access denied",
	"554 30 Sorry, your message to someone@aol.com cannot be delivered. This mailbox is disabled (554.30).",
	"",
}

// BenchmarkParse measures Parse over realistic reasons; it reports reasons per second.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Parse(benchReasons[n%len(benchReasons)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reasons/s")
}

// BenchmarkClassify measures Classify over the same reasons.
func BenchmarkClassify(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Classify(benchReasons[n%len(benchReasons)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reasons/s")
}

// BenchmarkParseCorpus measures Parse over the labelled corpus, whose reasons are long: whole
// bounce bodies.
func BenchmarkParseCorpus(b *testing.B) {
	rows := readLabelled(b, "testdata/bounce-reasons.tsv")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Parse(rows[n%len(rows)].text)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reasons/s")
}

// BenchmarkClassifyCorpus measures Classify over the labelled corpus.
func BenchmarkClassifyCorpus(b *testing.B) {
	rows := readLabelled(b, "testdata/bounce-reasons.tsv")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Classify(rows[n%len(rows)].text)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reasons/s")
}

// TestParseDoesNotAllocate guards the property BenchmarkParse reports: Parse works on the stack.
func TestParseDoesNotAllocate(t *testing.T) {
	for _, s := range benchReasons {
		if n := testing.AllocsPerRun(10, func() { Parse(s) }); n != 0 {
			t.Errorf("Parse(%.40q) allocates %v times", s, n)
		}
	}
}
