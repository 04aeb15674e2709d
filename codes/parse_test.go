package codes

import (
	"strings"
	"testing"
)

// TestParseCorpus measures how often Parse agrees with the labelled corpus on the basic and the
// enhanced code, and checks that every reported code is literally in the text.
func TestParseCorpus(t *testing.T) {
	rows := readLabelled(t, "testdata/bounce-reasons.tsv")
	var basic, enhanced agreement
	for _, row := range rows {
		want := row.expected()
		got := Parse(row.text)
		basic.add(basicText(got.Basic) == want.basic)
		enhanced.add(got.Enhanced.String() == want.enhanced)
		if basicText(got.Basic) != want.basic || got.Enhanced.String() != want.enhanced {
			t.Logf("line %d: got %q %q, want %q %q", row.line, basicText(got.Basic), got.Enhanced, want.basic, want.enhanced)
		}
		checkLiteral(t, row.text, got)
	}
	t.Logf("corpus (%d rows): basic %.1f%%, enhanced %.1f%%", len(rows), basic.percent(), enhanced.percent())
	if basic.percent() < 99 || enhanced.percent() < 99 {
		t.Errorf("agreement below 99%%: basic %.1f%%, enhanced %.1f%%", basic.percent(), enhanced.percent())
	}
}

// checkLiteral fails the test when a code Parse reported is not written in text: the basic code
// as three digits between non-digits, the enhanced code as written, not inside a longer number.
func checkLiteral(t testing.TB, text string, c Code) {
	t.Helper()
	if c.Basic != 0 {
		if c.Basic < 200 || c.Basic > 599 || !containsNumber(text, basicText(c.Basic)) {
			t.Errorf("basic %d is not in %q", c.Basic, text)
		}
	}
	if !c.Enhanced.IsZero() {
		e := c.Enhanced
		if (e.Class != 2 && e.Class != 4 && e.Class != 5) || e.Subject > 999 || e.Detail > 999 {
			t.Errorf("enhanced %v is malformed (from %q)", e, text)
		}
		if !containsNumber(text, e.String()) {
			t.Errorf("enhanced %v is not in %q", e, text)
		}
	}
}

// containsNumber reports whether s occurs in text with no digit right before or after it.
func containsNumber(text, s string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(s)
		if (i == 0 || !isDigit(text[i-1])) && (end == len(text) || !isDigit(text[end])) {
			return true
		}
		from = i + 1
	}
}
