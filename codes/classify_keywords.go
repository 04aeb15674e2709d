package codes

import "strings"

// keywordRules are single words (or two-word terms) that name what a reason is about, matched as
// whole words. They are the classifier's fallback for text that no phrase family covers: tried
// after the strong phrases, a specific enhanced code and the first generic phrases (see
// keywordsAfter), before the rest ("policy", "transaction failed"), generic enhanced codes (X.7.1)
// and the basic code. Unseen replies are mostly new wordings of known families ("host denies the sender", "black ip", "user
// is locked"), and the family's key word survives the rewording even when no phrase does; the
// generic layers below them name the wrapper ("Transaction failed:", "policy analysis reported:")
// rather than the reason. Rules are tried in order: the more specific subject first (a relay
// before a sender, a sender before an IP).
var keywordRules = [...]rule{
	// "relay" names the act unless it names a machine ("Relay Server Not Ready").
	{reason: NoRelaying, phrases: []string{"relaying", "relay"}, unless: []string{"relay server", "relay host"}},
	{reason: Suspend, phrases: suspendWords},
	{reason: RateLimited, phrases: []string{
		"per hour", "per minute", "per second", "per day", "rate limit", "rate limited",
		"throttled", "throttling",
	}},
	{reason: UserUnknown, phrases: []string{"exist", "exists"}},
	{reason: SyntaxError, phrases: []string{
		"characters", "illegal", "invalid address", "address is invalid", "email is invalid",
	}},
	{reason: NotCompliantRFC, phrases: []string{
		"line length", "rfc5322", "rfc 5322", "rfc822", "rfc 822", "syntax",
	}},
	{reason: Rejected, phrases: []string{"sender", "from address"}},
	{reason: Blocked, phrases: []string{
		"ip", "rbl", "dnsbl", "blacklist", "blacklisted", "black list", "listed", "helo", "ehlo",
	}},
	{reason: SpamDetected, phrases: []string{"spam"}},
	{reason: PolicyViolation, phrases: []string{"content", "attachment", "extension"}},
}

// keywordsAfter is how many weakRules are tried before the keyword rules: the reply's context
// (in reply to MAIL FROM) and the explicit "blocked"/"banned" say more than a key word does; the
// later weak rules ("policy", "spam", "security", "transaction failed", "internal") mostly name a
// filter or a wrapper rather than what it objected to.
const keywordsAfter = 3

// keywordReason returns the reason of the first keyword rule one of whose words (and none of its
// unless phrases) is in the text, or Undefined.
func (m *matcher) keywordReason() Reason {
	for i := range keywordRules {
		r := &keywordRules[i]
		if m.anyWord(r.phrases) && !m.any(r.unless) {
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

// suspendWords name a mailbox's state.
var suspendWords = []string{"locked", "inactive", "frozen", "deactivated"}

// mailboxStateRules override X.1.1, the code servers send for any unusable mailbox, when the text
// names what is wrong with it ("550 5.1.1 Inactive mbox", "550 5.1.1 Suspended user", "550 5.1.1
// ... loops back to myself"). Whole words; "suspended" and "disabled" are safe here, where the code
// already says the mailbox is unusable.
var mailboxStateRules = [...]rule{
	{reason: Suspend, phrases: []string{"locked", "inactive", "frozen", "deactivated", "suspended", "disabled"}},
	{reason: NetworkError, phrases: []string{"loops", "loop", "looping"}},
}

// mailboxStateReason returns the reason of the first mailbox-state rule whose word is in the
// text, or Undefined.
func (m *matcher) mailboxStateReason() Reason {
	for i := range mailboxStateRules {
		if m.anyWord(mailboxStateRules[i].phrases) {
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

// blockSubjectRules decide what a generic refusal ("blocked", "banned", "deny") refused, by the
// subject the text names, following the tables' decisions: a client host or IP is blocked, a
// banned attachment or content is a policy violation, a sender address or domain is rejected.
// Tried in order; a text that names none stays blocked.
var blockSubjectRules = [...]rule{
	{reason: Blocked, phrases: []string{
		"ip", "client", "host", "helo", "ehlo", "connection", "rbl", "dnsbl", "network", "server",
	}},
	{reason: PolicyViolation, phrases: []string{"attachment", "extension", "exe", "file", "content"}},
	{reason: Rejected, phrases: []string{"sender", "domain", "from"}},
}

// blockSubject returns the reason of a generic refusal: see blockSubjectRules.
func (m *matcher) blockSubject() Reason {
	if m.hasDottedQuad() {
		return Blocked
	}
	for i := range blockSubjectRules {
		if m.anyWord(blockSubjectRules[i].phrases) {
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
