package ui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bouncelens/bouncelens/model"
)

// maxCached bounds the cache of cleaned texts; past it the cache starts over.
const maxCached = 1 << 16

// textCache makes untrusted text safe to print, once per distinct text: escape sequences are
// stripped, C0 and C1 controls and DEL removed, invalid UTF-8 replaced, and characters that
// reorder or hide text (bidi overrides) dropped. Plain printable ASCII, by far the most common
// case, is returned as is without touching the cache.
type textCache struct {
	line  map[string]string // single-line form: newlines and tabs become spaces
	block map[string]string // multi-line form: newlines kept
}

func newTextCache() *textCache {
	return &textCache{line: map[string]string{}, block: map[string]string{}}
}

// Line returns s safe to print on one line.
func (c *textCache) Line(s string) string { return c.get(c.line, s, false) }

// Block returns s safe to print, keeping its line breaks.
func (c *textCache) Block(s string) string { return c.get(c.block, s, true) }

func (c *textCache) get(m map[string]string, s string, keepNewlines bool) string {
	if plainASCII(s) {
		return s
	}
	if v, ok := m[s]; ok {
		return v
	}
	v := sanitize(s, keepNewlines)
	if len(m) >= maxCached {
		clear(m)
	}
	m[s] = v
	return v
}

func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// sanitize strips terminal escape sequences and every control character from s. With
// keepNewlines, line breaks survive (CRLF and CR become LF); else they become spaces.
func sanitize(s string, keepNewlines bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = ansi.Strip(s) // escape sequences; the C0 controls it keeps are dropped below
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == '\n' || r == '\r':
			if keepNewlines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			// C0, DEL and C1 controls: dropped.
		case r != 0x200d && unicode.Is(unicode.Cf, r):
			// Format characters (bidi overrides, invisible marks, byte-order marks): they
			// reorder or hide the rest of the row, or glue onto the padding after them.
			// The zero-width joiner stays for emoji sequences.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fit truncates s to w cells with an ellipsis and pads it with spaces to exactly w cells.
// s may hold styling; its width is measured in cells, never bytes.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := lipgloss.Width(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = lipgloss.Width(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
		// A character that joins the next one into a cluster can swallow a space: top up.
		for i := 0; i < 4 && lipgloss.Width(s) < w; i++ {
			s += " "
		}
	}
	return s
}

// fitRight is fit with the text aligned right.
func fitRight(s string, w int) string {
	n := lipgloss.Width(s)
	if n >= w {
		return fit(s, w)
	}
	return strings.Repeat(" ", w-n) + s
}

// wrap breaks plain text into lines of at most w cells, at spaces where it can.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	return strings.Split(ansi.Wrap(s, w, " -/;,"), "\n")
}

// bar draws a share 0..1 as a bar of w cells.
func bar(st Styles, share float64, w int) string {
	if w <= 0 {
		return ""
	}
	if share < 0 {
		share = 0
	}
	if share > 1 {
		share = 1
	}
	full := int(share*float64(w) + 0.5)
	if full == 0 && share > 0 {
		full = 1
	}
	return st.Bar.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}

// highlight styles the first case-insensitive occurrence of q in plain text s with match,
// and the rest with base.
func highlight(s, q string, base, match lipgloss.Style) string {
	if q == "" {
		return base.Render(s)
	}
	ls := strings.ToLower(s)
	if len(ls) != len(s) {
		return base.Render(s)
	}
	lq := strings.ToLower(q)
	i := strings.Index(ls, lq)
	if i < 0 {
		return base.Render(s)
	}
	j := i + len(lq)
	return base.Render(s[:i]) + match.Render(s[i:j]) + base.Render(s[j:])
}

func itoa(n int) string { return strconv.Itoa(n) }

// commas writes n with thousands separators: 1,000,000.
func commas(n int) string { return model.Commas(n) }

// plural returns "1 lead" or "2 leads".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return commas(n) + " " + many
}

// plainBar is a bar without colour, for a row drawn in reverse video.
func plainBar(share float64, w int) string {
	if w <= 0 {
		return ""
	}
	share = min(max(share, 0), 1)
	full := int(share*float64(w) + 0.5)
	if full == 0 && share > 0 {
		full = 1
	}
	return strings.Repeat("█", full) + strings.Repeat("░", w-full)
}
