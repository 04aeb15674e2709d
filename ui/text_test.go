package ui

import (
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// FuzzSanitize checks that no input gets a control character or an invalid byte through, and
// that fit never draws wider than asked.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"550 5.1.1 user unknown",
		"a\x1b[2J\x1b[10;5Hb",
		"a\x1b]0;title\x07b",
		"a\x1b]52;c;ZXZpbA==\x07b",
		"a\u009b31mb",
		"a\x00\x07\x7fb\r\n",
		"a\u202eb",
		"a\xffb",
		"メール 550 \x1b[31m赤\x1b[0m",
		"\x1bP1;2|payload\x1b\\",
		"\x1b]8;;http://x\x07link\x1b]8;;\x07",
	} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		for _, keep := range []bool{false, true} {
			out := sanitize(s, keep)
			if !utf8.ValidString(out) {
				t.Fatalf("sanitize(%q) = %q: invalid UTF-8", s, out)
			}
			for _, r := range out {
				if r < 0x20 && !(keep && r == '\n') || r == 0x7f || r >= 0x80 && r <= 0x9f {
					t.Fatalf("sanitize(%q, %v) = %q: control %U kept", s, keep, out, r)
				}
			}
		}
		w = w%200 + 1
		if w < 1 {
			w += 200
		}
		if got := lipgloss.Width(fit(sanitize(s, false), w)); got != w {
			t.Fatalf("fit(%q, %d) is %d cells wide", s, w, got)
		}
	})
}
