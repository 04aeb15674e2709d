package codes

import "slices"

// A reason template is a reason text with what a server writes afresh into every reply masked:
// the recipient's address, IP addresses, queue and message ids, host names' numbered labels,
// times and dates, long numbers. Texts with the same template almost always classify the same
// ("550 5.1.1 <ann@x.com>: user unknown" and "550 5.1.1 <bob@x.com>: user unknown"), so a loader
// can classify each template once, not each text. What the classifier reads is kept: words,
// domains and the stable labels of host names (gsmtp, prod.protection.outlook.com, yahoodns,
// spamhaus.org), reply and enhanced codes, short numbers (IB108, OFR004_405, [TSS04], rfc 5322),
// punctuation and the words of URLs.
//
// The masks keep the character class the classifier sees at their place: a masked address keeps
// its '@', an IP stays a dotted quad ("0.0.0.0"), an id stays a word ("x0"), a number a number
// ("0"). Runs of white space become one space, as Classify reads them; letters keep their case
// (a platform's CamelCase status tag, "SoftBounce", is read by its case).

// Template returns the reason template of text: see AppendTemplate.
func Template(text string) string {
	return string(AppendTemplate(nil, text))
}

// AppendTemplate appends the reason template of text to dst and returns the extended slice; it
// allocates nothing when dst has room.
func AppendTemplate(dst []byte, text string) []byte {
	start := len(dst)
	n := len(text)
	dst = slices.Grow(dst, n+8) // a template is hardly ever longer than its text
	space := true               // the last byte written is a space, or nothing was written
	for i := 0; i < n; {
		switch byteClasses[text[i]] {
		case classSpace:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			i++
			continue
		case classAt:
			dst = maskLocal(dst, start)
			dst = append(dst, '@')
			i++
		case classLetter:
			j := i + 1
			for j < n && byteClasses[text[j]] == classLetter {
				j++
			}
			if j < n && (byteClasses[text[j]] == classDigit || text[j] == ':') {
				dst, i = appendWord(dst, text, i)
				break
			}
			dst = appendWordAs(dst, text[i:j]) // letters only, the commonest word
			i = j
		case classDigit:
			dst, i = appendWord(dst, text, i)
		default: // punctuation and non-ASCII: copied as they are
			j := i + 1
			for j < n && byteClasses[text[j]] == classOther {
				j++
			}
			dst = append(dst, text[i:j]...)
			i = j
		}
		space = false
	}
	return dst
}

// The classes of bytes AppendTemplate tells apart.
const (
	classOther = iota
	classSpace
	classLetter
	classDigit
	classAt
)

var byteClasses = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			t[c] = classSpace
		case isAlpha(byte(c)):
			t[c] = classLetter
		case isDigit(byte(c)):
			t[c] = classDigit
		case c == '@':
			t[c] = classAt
		}
	}
	return t
}()

// maskLocal replaces the local part of an address that ends dst (after start) with "x". A local
// part neither starts with a dot nor holds two in a row ("not allowed...ann@x.com").
func maskLocal(dst []byte, start int) []byte {
	j := len(dst)
	for j > start && isLocalByte(dst[j-1]) && !(dst[j-1] == '.' && j < len(dst) && dst[j] == '.') {
		j--
	}
	for j < len(dst) && dst[j] == '.' {
		j++
	}
	if j == len(dst) {
		return dst
	}
	return append(dst[:j], 'x')
}

// isLocalByte reports whether c may be part of an address's local part.
func isLocalByte(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'' || c >= 0x80
}

// appendWord appends the template of the word of letters and digits that starts at text[i],
// or of the time, date or address that starts there, and returns where the text goes on.
func appendWord(dst []byte, text string, i int) ([]byte, int) {
	j := i
	letters, digits, turns := 0, 0, 0
	prevDigit := isDigit(text[i])
	for ; j < len(text); j++ {
		c := text[j]
		d := c-'0' <= 9
		if !d && (c|0x20)-'a' > 'z'-'a' {
			break
		}
		if d {
			digits++
		} else {
			letters++
		}
		if d != prevDigit {
			turns++
			prevDigit = d
		}
	}
	var next byte // the byte after the word
	if j < len(text) {
		next = text[j]
	}
	if next == ':' && j-i <= 4 && allHex(text[i:j]) {
		if e := ipv6End(text, i); e > 0 {
			return append(dst, "0::0"...), e
		}
	}
	if digits == 0 {
		return appendWordAs(dst, text[i:j]), j
	}
	if letters == 0 {
		switch next {
		case '.':
			if e := ipv4End(text, i); e > 0 {
				return append(dst, "0.0.0.0"...), e
			}
		case '-', '/':
			if e := dateEnd(text, i); e > 0 {
				dst = append(dst, "0-0-0"...)
				if e+1 < len(text) && (text[e] == 'T' || text[e] == ' ') {
					if k := timeEnd(text, e+1); k > 0 {
						dst = append(dst, text[e]|0x20, '0', ':', '0')
						return dst, k
					}
				}
				return dst, e
			}
		case ':':
			if e := timeEnd(text, i); e > 0 {
				return append(dst, "0:0"...), e
			}
		}
	}
	w := text[i:j]
	switch {
	case digits == 3 && turns == 1 && isDigit(w[0]):
		return appendWordAs(dst, w), j // a reply code glued to a word: "451Requested", "421HL"
	case letters > 0 && (turns >= 2 && len(w) >= 5 || len(w) >= 10):
		// An id: d2si123456qkb, DM6NAM12FT056, 4ABCD12345, 08DD2E6F2A0B1C3D. The numbered parts
		// joined to it are the id's too (a640c23a62f3a-7bb2ae25e7asi9876543a.45, ...jKL.us123).
		dst = append(dst, 'x', '0')
		for j+1 < len(text) && (text[j] == '.' || text[j] == '-') && isAlnum(text[j+1]) {
			k := j + 1
			hasDigit := false
			for ; k < len(text) && isAlnum(text[k]); k++ {
				hasDigit = hasDigit || isDigit(text[k])
			}
			if !hasDigit {
				break
			}
			j = k
		}
		return dst, j
	case letters == 0 && (digits >= 5 || digits == 4 && isYear(w)) && !afterRFC(text, i):
		return append(dst, '0'), j // a queue number, a size, a unix time, a year
	case digits >= 5:
		// A long number inside a word: mta12345, AS16012609, S2017062302.
		for k := i; k < j; {
			if !isDigit(text[k]) {
				dst = append(dst, text[k]|0x20)
				k++
				continue
			}
			e := k
			for e < j && isDigit(text[e]) {
				e++
			}
			if e-k >= 5 {
				dst = append(dst, '0')
			} else {
				dst = append(dst, text[k:e]...)
			}
			k = e
		}
		return dst, j
	}
	return appendWordAs(dst, w), j
}

// appendWordAs appends the ASCII word w as it is written.
func appendWordAs(dst []byte, w string) []byte {
	return append(dst, w...)
}

// allHex reports whether w is hex digits only.
func allHex(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isHex(w[k]) {
			return false
		}
	}
	return true
}

// isYear reports whether the four digits w are a year from 1970 to 2099.
func isYear(w string) bool {
	return w[0] == '2' && w[1] == '0' || w[0] == '1' && w[1] == '9' && w[2] >= '7'
}

// afterRFC reports whether the number at text[i] follows "RFC", "RFC ", "RFC." or "RFC-": an RFC's
// number, which the classifier reads.
func afterRFC(text string, i int) bool {
	k := i
	if k > 0 && (text[k-1] == ' ' || text[k-1] == '.' || text[k-1] == '-') {
		k--
	}
	return k >= 3 && eqFold(text[k-3:k], "rfc")
}

// digitRun returns the end of the run of digits at text[i], at most max long, or i.
func digitRun(text string, i, max int) int {
	j := i
	for j < len(text) && j-i < max && isDigit(text[j]) {
		j++
	}
	return j
}

// ipv4End returns the end of the IPv4 address at text[i], or 0: four dot-separated numbers of one
// to three digits, not followed by another dot and digit or by a letter or digit.
func ipv4End(text string, i int) int {
	j := i
	for part := range 4 {
		e := digitRun(text, j, 3)
		if e == j {
			return 0
		}
		j = e
		if part < 3 {
			if j >= len(text) || text[j] != '.' {
				return 0
			}
			j++
		}
	}
	if j < len(text) && (isAlnum(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1])) {
		return 0
	}
	return j
}

// ipv6End returns the end of the IPv6 address at text[i], or 0: hex digits and colons with "::"
// or at least three colons, and a digit (2404:6800:4008:c05::1a, 2001:db8::1), with an IPv4
// address at its end.
func ipv6End(text string, i int) int {
	j, colons, double, digit := i, 0, false, false
	end := min(len(text), i+maxIPv6) // bounded, so that a long run of hex and colons costs linear time
	for j < end && (isHex(text[j]) || text[j] == ':' || text[j] == '.' && colons > 0) {
		switch c := text[j]; {
		case c == ':':
			colons++
			double = double || j > i && text[j-1] == ':'
		case isDigit(c):
			digit = true
		}
		j++
	}
	for j > i && (text[j-1] == '.' || text[j-1] == ':' && !(j-2 > i && text[j-2] == ':')) {
		j--
	}
	if !digit || !double && colons < 3 || j < len(text) && isAlnum(text[j]) {
		return 0
	}
	return j
}

// maxIPv6 is the longest IPv6 address written in text (with an IPv4 address at its end).
const maxIPv6 = 45

// dateEnd returns the end of the date at text[i], or 0: 2026-11-27, 2026/11/27 or 11/27/2026.
func dateEnd(text string, i int) int {
	e := digitRun(text, i, 4)
	switch e - i {
	case 4: // year first
		if e+5 < len(text) && (text[e] == '-' || text[e] == '/') {
			m := digitRun(text, e+1, 2)
			if m-e-1 >= 1 && m < len(text) && text[m] == text[e] {
				d := digitRun(text, m+1, 2)
				if d > m+1 && (d == len(text) || !isAlnum(text[d]) || text[d] == 'T') {
					return d
				}
			}
		}
	case 1, 2: // month or day first
		if e+4 < len(text) && text[e] == '/' {
			m := digitRun(text, e+1, 2)
			if m > e+1 && m < len(text) && text[m] == '/' {
				y := digitRun(text, m+1, 4)
				if (y-m-1 == 4 || y-m-1 == 2) && (y == len(text) || !isAlnum(text[y])) {
					return y
				}
			}
		}
	}
	return 0
}

// timeEnd returns the end of the time of day at text[i], or 0: 14:03, 14:03:11, 14:03:11.123,
// with the fraction, "Z" or a following " AM"/" PM".
func timeEnd(text string, i int) int {
	h := digitRun(text, i, 2)
	if h == i || h+2 >= len(text) || text[h] != ':' {
		return 0
	}
	m := digitRun(text, h+1, 2)
	if m-h-1 != 2 {
		return 0
	}
	j := m
	if j+2 < len(text) && text[j] == ':' {
		if s := digitRun(text, j+1, 2); s-j-1 == 2 {
			j = s
		}
	}
	if j+1 < len(text) && (text[j] == '.' || text[j] == ',') && isDigit(text[j+1]) {
		j = digitRun(text, j+1, 9)
	}
	if j < len(text) && text[j] == 'Z' {
		j++
	}
	if j < len(text) && (text[j] == ':' || isAlnum(text[j])) {
		return 0
	}
	if j+3 <= len(text) && text[j] == ' ' && (text[j+1]|0x20 == 'a' || text[j+1]|0x20 == 'p') && text[j+2]|0x20 == 'm' &&
		(j+3 == len(text) || !isAlnum(text[j+3])) {
		j += 3
	}
	return j
}
