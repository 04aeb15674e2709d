package codes

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse and Classify never panic, that every code Parse reports is well
// formed and written literally in the input, and that the server's sentence only blanks out.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"bounce-reasons", "real-world", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13"} {
		for _, row := range readLabelled(f, "testdata/"+name+".tsv") {
			f.Add(row.text)
		}
	}
	for _, s := range benchReasons {
		f.Add(s)
	}
	f.Add("550-5.1.1 a 550-5.1.1 b 550 5.1.1 c")
	f.Add("[2001:db8::220:5.1.1]:443 4.16.55.1 v2.5.1 #554")
	// Unicode boundaries, Postfix fields and queue ids, Exchange's placeholder.
	f.Add("《550 5.1.1》 ＂550＂ 550：5.7.1 12：550 1，550 10–550 №550 →550 5.1.1 \u200b550 IB‐550")
	f.Add("dsn=5.1.1/x dsn=5.1.1, postfix/smtp[1]: 450D318E2F87: 552 MS Office 552 ms")
	f.Add("#< #5.0.0 smtp;554 5.0.0 Service unavailable> #SMTP#")
	// Providers' own codes, which Classify reads from the text.
	f.Add("554 AUP#I-1220 blocked; 550 AUP#CXBL; mail.i.ua/err/10/ IB104 OFR006_102 LPN416 RCP-P1")
	f.Add("aup#o1 aup#-99999 i.ua/err/999/ ib ib1 ofr_ lpn- ouk rcp-")
	f.Add("OFR_514 [514]. LPN 104 [104] a1[551] _550 [550] [554] 9[55")
	f.Fuzz(func(t *testing.T, text string) {
		c := Parse(text)
		checkLiteral(t, text, c)
		if c.Basic != 0 && !validBasic(c.Basic) {
			t.Errorf("Parse(%q) reported basic %d, not a reply code", text, c.Basic)
		}
		if e := c.Enhanced; !e.IsZero() {
			if e.Subject > 7 || e.Detail > 999 {
				t.Errorf("Parse(%q) reported enhanced %v", text, e)
			}
			if _, err := ParseEnhanced(e.String()); err != nil {
				t.Errorf("Parse(%q) reported enhanced %v: %v", text, e, err)
			}
		}
		b := Classify(text)
		if b.Code != c {
			t.Errorf("Classify(%q).Code = %+v, Parse = %+v", text, b.Code, c)
		}
		if b.Reason == Vacation && (b.Class != Unknown || c != (Code{})) {
			t.Errorf("Classify(%q) = %v/%v with codes %+v: an auto-reply has no codes and no class", text, b.Class, b.Reason, c)
		}
		if b.AddressAtFault && b.Reason != UserUnknown && b.Reason != HostUnknown && b.Reason != HasMoved && b.Reason != NotAccept {
			t.Errorf("Classify(%q): address at fault with reason %v", text, b.Reason)
		}
		low := string(lowerText(make([]byte, 0, 2048), text))
		var tg trigrams
		tg.fill(low)
		masked, _ := maskNonSentence(make([]byte, 0, 2048), low, &tg)
		if len(masked) != len(low) {
			t.Errorf("maskNonSentence(%q) changed the length: %d, want %d", low, len(masked), len(low))
		}
		for i := range masked {
			if masked[i] != low[i] && masked[i] != ' ' {
				t.Errorf("maskNonSentence(%q) wrote %q at %d: it may only blank bytes out", low, masked[i], i)
				break
			}
		}
		safe := SafeText(text)
		if !utf8.ValidString(safe) {
			t.Errorf("SafeText(%q) = %q is not valid UTF-8", text, safe)
		}
		for _, r := range safe {
			if r < ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Errorf("SafeText(%q) = %q keeps control %U", text, safe, r)
				break
			}
		}
	})
}
