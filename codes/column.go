package codes

import (
	"strconv"
	"strings"
)

// ClassifyWith is Classify for a reason text that comes with a platform's own code column (SendGrid's
// and SES's status "5.1.1", Mailgun's code "550", Marketing Cloud's SMTPCode, a DSN's Status).
// The codes in text come first; the column fills in the basic or the enhanced code the text
// lacks. A code is never made up: each is one Parse finds in text or in column. The reason and
// class are decided as Classify decides them for the text with the codes it lacks written
// before it, as a mail server writes them ("550 5.1.1 user unknown").
func ClassifyWith(text, column string) Bounce {
	tc := Parse(text)
	cc := Parse(column)
	want := tc
	var prefix []string
	if tc.Basic == 0 && cc.Basic != 0 {
		want.Basic = cc.Basic
		prefix = append(prefix, strconv.Itoa(int(cc.Basic)))
	}
	if tc.Enhanced.IsZero() && !cc.Enhanced.IsZero() {
		want.Enhanced = cc.Enhanced
		prefix = append(prefix, cc.Enhanced.String())
	}
	if len(prefix) == 0 {
		return Classify(text)
	}
	b := Classify(strings.TrimSpace(strings.Join(prefix, " ") + " " + text))
	b.Code = want
	return b
}
