package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Address returns the email address in an email cell, trimmed of surrounding blanks (spaces,
// tabs, NBSP and other Unicode spaces), and whether it is a single, plausible address that may
// leave the program as one: to the clipboard, a list of emails or an export preset. A cell with
// a line break, a control character, inner blanks, no or several @, an empty local part or a
// domain without a dot is not an address (NULL, "n/a", a formula, two addresses planted in one
// cell). The check is syntactic (RFC 5322 dot-atoms, RFC 6531 UTF-8); quoted local parts are
// refused, since no marketing platform stores them.
func Address(cell string) (string, bool) {
	s := strings.TrimFunc(cell, unicode.IsSpace)
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || len(s) > 254 {
		return s, false
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 || !dotAtom(local, isAtext) || !dotAtom(domain, isDomainByte) {
		return s, false
	}
	if !strings.Contains(domain, ".") || !utf8.ValidString(s) {
		return s, false
	}
	for _, label := range strings.Split(domain, ".") {
		if len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return s, false
		}
	}
	return s, true
}

// AddressKey is the form addresses are compared in (de-duplication, conflicts): trimmed and
// lowercased.
func AddressKey(cell string) string {
	return strings.ToLower(strings.TrimFunc(cell, unicode.IsSpace))
}

// dotAtom reports whether s is non-empty runs of ok bytes (or non-ASCII UTF-8) joined by single
// dots, with no dot at either end.
func dotAtom(s string, ok func(byte) bool) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' || ok(c) {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsGraphic(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// isAtext reports whether c may appear in an unquoted local part (RFC 5322 atext).
func isAtext(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("!#$%&'*+/=?^_`{|}~-", c) >= 0
}

// isDomainByte reports whether c may appear in an ASCII domain label.
func isDomainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
}

// Formulaish reports whether a spreadsheet would read the cell as a formula: it starts, after
// any blanks or invisible format characters (NBSP, a byte order mark, zero-width spaces), with
// = + - @ (or a tab or carriage return).
func Formulaish(cell string) bool {
	s := strings.TrimLeftFunc(cell, func(r rune) bool {
		return r != '\t' && r != '\r' && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r))
	})
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}
