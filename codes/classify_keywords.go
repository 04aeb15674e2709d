package codes

import "strings"

// keywordReason returns the reason of the first keyword rule one of whose words (and none of its
// unless phrases) is in the text, or Undefined.
func (m *matcher) keywordReason() Reason {
	for i := range keywordRules {
		r := &keywordRules[i]
		if m.anyWord(m.phrasesFor(r)) && !m.any(r.unless) {
			return r.reason
		}
	}
	return Undefined
}

// anyWord reports whether one of the words is in the text as a whole word.
func (m *matcher) anyWord(ws []string) bool {
	for _, w := range ws {
		if m.hasWord(w) {
			return true
		}
	}
	return false
}

// mailboxStateReason returns the reason of the first mailbox-state rule whose word is in the
// text, or Undefined.
func (m *matcher) mailboxStateReason() Reason {
	for i := range mailboxStateRules {
		if m.anyWord(m.phrasesFor(&mailboxStateRules[i])) {
			return mailboxStateRules[i].reason
		}
	}
	return Undefined
}

// hasWord reports whether the text contains w with no letter or digit right before or after it.
func (m *matcher) hasWord(w string) bool {
	if !m.has(w) {
		return false
	}
	s := m.s
	for from := 0; ; {
		i := indexFrom(s, w, from)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		from = i + 1
	}
}

// indexFrom returns the index of w in s at or after from, or -1.
func indexFrom(s, w string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], w)
	if i < 0 {
		return -1
	}
	return from + i
}

// isWordByte reports whether c continues a word: an ASCII letter or digit, or the joiners of
// compound words and URL parameters ("header-based", "ip_control", "?ip=").
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '='
}

// blockSubject returns the reason of a generic refusal: see blockSubjectRules.
func (m *matcher) blockSubject() Reason {
	if m.hasDottedQuad() {
		return Blocked
	}
	for i := range blockSubjectRules {
		if m.anyWord(m.phrasesFor(&blockSubjectRules[i])) {
			return blockSubjectRules[i].reason
		}
	}
	return Blocked
}

// hasDottedQuad reports whether the text contains four dot-separated runs of digits (an IPv4
// address, or something that looks like one).
func (m *matcher) hasDottedQuad() bool {
	s := m.s
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		j, parts := i, 0
		for parts < 4 {
			k := j
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if k == j {
				break
			}
			parts++
			if parts == 4 || k >= len(s) || s[k] != '.' {
				j = k
				break
			}
			j = k + 1
		}
		if parts == 4 {
			return true
		}
	}
	return false
}
