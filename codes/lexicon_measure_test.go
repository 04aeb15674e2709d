package codes

import (
	"os"
	"testing"
)

// notEnglish reports whether a labelled text is (mostly) not in English: it has letters outside
// ASCII (accents, CJK, Cyrillic...). A heuristic, for the measurement's breakdown only.
func notEnglish(s string) bool {
	n := 0
	for _, r := range s {
		if r > 0x7f && r != 0xa0 && r != '’' && r != '“' && r != '”' && r != '–' && r != '—' {
			n++
		}
	}
	return n >= 2
}

// TestLexiconMeasure logs, per labelled table, class and reason agreement for all rows and for
// the rows not in English (-v; nothing fails here).
func TestLexiconMeasure(t *testing.T) {
	for _, table := range labelledTables {
		path := "testdata/" + table + ".tsv"
		if _, err := os.Stat(path); err != nil {
			continue
		}
		var overrides map[int]override
		if table == "bounce-reasons" {
			overrides = corpusOverrides
		}
		var ca, ra, cn, rn agreement
		for _, row := range readLabelled(t, path) {
			want := row.expected(overrides)
			wr, _ := ParseReason(want.reason)
			alt := wr
			if want.alt != "" {
				alt, _ = ParseReason(want.alt)
			}
			got := Classify(row.text)
			cok, rok := got.Class.String() == want.class, got.Reason == wr || got.Reason == alt
			ca.add(cok)
			ra.add(rok)
			if notEnglish(row.text) {
				cn.add(cok)
				rn.add(rok)
				if os.Getenv("LEXDUMP") == table && !rok {
					t.Logf("MISS %s:%d got %v/%v want %s/%s: %.200s", table, row.line, got.Class, got.Reason, want.class, want.reason, row.text)
				}
			}
		}
		t.Logf("MEASURE %-14s all %3d: class %5.1f%% reason %5.1f%% | not English %3d: class %5.1f%% reason %5.1f%%",
			table, ca.all, ca.percent(), ra.percent(), cn.all, cn.percent(), rn.percent())
	}
}
