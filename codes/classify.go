package codes

import (
	"strings"
	"unsafe"
)

// Classify parses text and decides its class, reason, whether the address is at fault, and the
// provider that wrote it.
//
// The reason comes from the text first, because codes lie ("550 5.1.1 ... has sent to too many
// recipients this hour" is a rate limit). In order (the tiers of rules/*.tsv, see
// rules/README.md): an auto-reply or a delivery confirmation without codes; the sending
// platform's suppression list; a provider's own code (Cox's AUP#CXBL, GoDaddy's IB104); specific
// phrases in any of the supported languages; a code-less text that is a registry code's name; then
// the enhanced code when the catalog says it decides (a specific one), unless the sentence names
// another cause for an address code; onhold for text that only says delivery failed ("554 5.0.0
// Service unavailable"); then the server's sentence (without host names, addresses, URLs and
// advice): its context and explicit blocks, key words, generic words; the catalog's default of a
// generic enhanced code (X.7.1); the vaguest words; the basic code's catalog reason; for a text
// without codes that all of them leave at onhold, the compositional lexicon (classify_lexicon.go:
// a subject and a predicate, in 26 languages). A verdict
// after a negation ("not blacklisted") does not count. The class is the enhanced code's, else
// the basic code's, else what the text says (a failure notice is final unless it says it will be
// retried); an auto-reply has none.
func Classify(text string) Bounce {
	b := classify(text, false)
	if b.Reason == OnHold && isIdentifier(text) && strings.IndexByte(text, '-') >= 0 {
		// A kebab-case tag that no rule knows as it is written ("grey-list" is a phrase) is
		// read in words: "mailbox-unknown", "message-expired".
		if w := classify(text, true); w.Reason != OnHold {
			return w
		}
	}
	return b
}

// isIdentifier reports whether text is one short identifier without digits or spaces (an ESP's
// status tag: "bounce_bad-domain", "DNS_ERROR", "mailbox-unknown").
func isIdentifier(text string) bool {
	return len(text) <= 64 && strings.IndexAny(text, "0123456789 \t\r\n") < 0
}

// classify is Classify, reading the '-' of an identifier as a space when hyphens is set.
func classify(text string, hyphens bool) Bounce {
	var buf [2048]byte
	low := lowerWords(buf[:0], text, hyphens)
	// low is never modified after this point, so viewing it as a string is safe.
	s := unsafe.String(unsafe.SliceData(low), len(low))
	var tg trigrams
	tg.fill(s)
	m := matcher{s: s, tg: &tg, ascii: nonASCII(s) == 0}

	b := Bounce{Code: Parse(text)}
	b.Provider = m.provider()
	r, decided := m.earlyReason(b.Code)
	if !decided {
		// Generic words count only in the server's sentence: the text without host names,
		// addresses, URLs and advice, built only when the specific phrases did not decide.
		w := &m
		var mbuf [2048]byte
		var sm matcher
		if masked, ok := maskNonSentence(mbuf[:0], s, &tg); ok {
			// masked is never modified after this point either.
			sm = matcher{s: unsafe.String(unsafe.SliceData(masked), len(masked)), tg: &tg, ascii: m.ascii}
			w = &sm
		}
		r = m.lateReason(w, b.Code, b.Provider)
	}
	later, failed := false, false
	if useLexicon && (r == OnHold || r == Undefined) && b.Code.Basic == 0 && b.Code.Enhanced.IsZero() && len(s) > 1 && !m.onlyWords(contentlessPhrases) {
		// No code and no rule (and not a text that says only that delivery failed, on
		// purpose onhold): the subject and predicate words decide (classify_lexicon.go).
		if lr, l, f := m.lexiconReason(); lr != Undefined {
			r = lr
		} else {
			later, failed = l, f
		}
	} else if useLexicon && r == UserUnknown && !m.ascii && b.Code.Basic == 0 && b.Code.Enhanced.IsZero() {
		// A phrase said the recipient does not exist; when the words make the recipient's
		// domain the subject ("domena adresata nie istnieje", "Doména příjemce neexistuje"),
		// it is the domain that is missing.
		if lr, _, _ := m.lexiconReason(); lr == HostUnknown {
			r = lr
		}
	}
	b.Reason = r
	b.Class = classOf(b.Code, b.Reason, &m)
	switch {
	case later && b.Class == Unknown:
		b.Class = Soft // "zkuste to prosím později": it will be, or can be, retried
	case failed && b.Class == Unknown && !m.ascii && !m.any(temporaryPhrases):
		// "配信に失敗しました", "Transakce selhala": delivery failed, and nothing says it will be
		// retried. (In English the permanent and temporary phrases decide, as the corpus labels
		// "Unable to deliver message" without a class.)
		b.Class = Hard
	}
	switch b.Reason {
	case UserUnknown, HostUnknown, HasMoved:
		b.AddressAtFault = true
	case NotAccept:
		b.AddressAtFault = b.Class == Hard
	}
	return b
}

// lowerText appends text to dst in ASCII lower case with every run of white space (and other
// control characters) turned into one space, and without the codes that start continuation lines
// ("... multiple 550-5.7.1 addresses in From: ..."), so that phrases match across line breaks.
// It stops when dst is full, so that Classify never allocates: phrases are looked for in the
// first 2 KB of a reason (whole bounce bodies are rarely longer; the codes are parsed in full).
func lowerText(dst []byte, text string) []byte {
	return lowerWords(dst, text, false)
}

// lowerWords is lowerText that also reads an identifier's '_' (and '-' when hyphens is set) as
// a space, so that the word rules read a tag such as "DNS_ERROR" or "mailbox-unknown".
func lowerWords(dst []byte, text string, hyphens bool) []byte {
	space := true
	underscored := strings.Count(text[:min(len(text), cap(dst))], "_") >= 4 && underscoredWords(text) >= 4
	tag := len(text) <= 64 && strings.IndexAny(text, "0123456789") < 0 // an ESP's status tag, perhaps
	ident := isIdentifier(text)
	for i := 0; i < len(text) && len(dst) < cap(dst); i++ {
		c := text[i]
		if space && len(dst) > 0 && isDigit(c) {
			if n := continuationCode(text[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		switch {
		case c <= ' ' || c == 0x7f:
			if space {
				continue
			}
			if mailBox(dst, text[i+1:]) {
				continue // "mail box" is the mailbox the phrases name
			}
			c = ' '
			space = true
		case c == '_' || c == '-':
			// qmail's log writes '_' for spaces ("does_not_like_recipient", "Remote_host_said");
			// a tag joins its words with them ("bounce_bad-domain").
			space = (c == '_' && (underscored || ident) || hyphens && ident) &&
				len(dst) > 0 && isAlnum(dst[len(dst)-1]) && i+1 < len(text) && isAlnum(text[i+1])
			if space {
				c = ' '
			}
		case c >= 'A' && c <= 'Z':
			if tag && i > 0 && camelHump(text, i) && camelWord(text, i) && len(dst)+1 < cap(dst) {
				dst = append(dst, ' ') // "MailboxFull", "ContentRejected": an ESP's tag, in words
			}
			c += 'a' - 'A'
			space = false
		case c >= 0xc3 && c <= 0xd0 && i+1 < len(text) && len(dst)+2 <= cap(dst):
			lead, next := foldUpper(c, text[i+1])
			dst = append(dst, lead, next)
			i++
			space = false
			continue
		default:
			space = false
		}
		dst = append(dst, c)
	}
	return dst
}

// mailBox reports whether dst ends with the word "mail" and rest starts with the word "box",
// as "mail box" is written for mailbox.
func mailBox(dst []byte, rest string) bool {
	n := len(dst)
	if n < 4 || string(dst[n-4:]) != "mail" || n > 4 && isAlnum(dst[n-5]) {
		return false
	}
	return len(rest) >= 3 && eqFold(rest[:3], "box") && (len(rest) == 3 || !isAlnum(rest[3]))
}

// foldUpper lower-cases one two-byte UTF-8 letter of the Latin-1, Latin Extended-A, Greek or
// Cyrillic upper case (É, Ł, Σ, Д), so that phrases in those scripts match whatever the case of
// the text; any other pair is returned as it is.
func foldUpper(lead, next byte) (byte, byte) {
	switch lead {
	case 0xc3: // À-Þ, except ×
		if next >= 0x80 && next <= 0x9e && next != 0x97 {
			return lead, next + 0x20
		}
	case 0xc4: // Ā-ķ: upper case even; Ĺ-ľ: odd (İ stays)
		switch {
		case next >= 0x80 && next <= 0xb7 && next%2 == 0:
			return lead, next + 1
		case next >= 0xb9 && next <= 0xbe && next%2 == 1:
			return lead, next + 1
		case next == 0xbf:
			return 0xc5, 0x80
		}
	case 0xc5: // Ł-ň: odd; Ŋ-ŷ: even; Ź-ž: odd
		switch {
		case next >= 0x81 && next <= 0x88 && next%2 == 1,
			next >= 0x8a && next <= 0xb7 && next%2 == 0,
			next >= 0xb9 && next <= 0xbe && next%2 == 1:
			return lead, next + 1
		}
	case 0xce: // Α-Ο, Π-Ω, and the accented Ά Έ Ή Ί Ό Ύ Ώ
		switch {
		case next == 0x86:
			return lead, 0xac
		case next >= 0x88 && next <= 0x8a:
			return lead, next + 0x25
		case next == 0x8c:
			return 0xcf, 0x8c
		case next == 0x8e, next == 0x8f:
			return 0xcf, next - 1
		case next >= 0x91 && next <= 0x9f:
			return lead, next + 0x20
		case next >= 0xa0 && next <= 0xa9 && next != 0xa2:
			return 0xcf, next - 0x20
		}
	case 0xd0: // Ѐ-Џ, А-П, Р-Я
		switch {
		case next >= 0x80 && next <= 0x8f:
			return 0xd1, next + 0x10
		case next >= 0x90 && next <= 0x9f:
			return lead, next + 0x20
		case next >= 0xa0 && next <= 0xaf:
			return 0xd1, next - 0x20
		}
	}
	return lead, next
}

// camelWord reports whether the upper-case letter at text[i] starts a hump of a CamelCase tag
// ("MailboxFull", "OnAccountSuppressionList"; only short texts without digits are tags): a run of letters that starts with an upper-case
// letter after a space, a colon or the start of the text, not part of a dotted identifier
// ("RESOLVER.ADR.RecipNotFound") or a URL parameter ("?p=NoSuchUser").
func camelWord(text string, i int) bool {
	k := i
	for k > 0 && isAlpha(text[k-1]) {
		k--
	}
	if text[k] < 'A' || text[k] > 'Z' {
		return false
	}
	if k > 0 {
		switch text[k-1] {
		case ' ', ':', '\t', '"', '\'', '(', '[', ',', ';':
		default:
			return false
		}
	}
	e := i
	for e < len(text) && isAlpha(text[e]) {
		e++
	}
	return e == len(text) || text[e] != '.'
}

// camelHump reports whether the upper-case letter at text[i] (i > 0) starts a new word of a
// CamelCase tag: after a lower-case letter ("NoMailbox"), or ending a run of capitals when a
// lower-case letter follows it ("DNSProblem": DNS, Problem).
func camelHump(text string, i int) bool {
	prev := text[i-1]
	if prev >= 'a' && prev <= 'z' {
		return true
	}
	return prev >= 'A' && prev <= 'Z' && i+1 < len(text) && text[i+1] >= 'a' && text[i+1] <= 'z'
}

// underscoredWords counts the '_' that join two words ("Remote_host_said"), in the first 2 KB.
func underscoredWords(text string) int {
	n := 0
	for i := 1; i+1 < len(text) && i < 2048; i++ {
		if text[i] == '_' && isAlpha(text[i-1]) && isAlpha(text[i+1]) {
			n++
		}
	}
	return n
}

// continuationCode returns the length of a "550-5.7.1 " or "550 5.7.1 " at the start of s, or 0.
func continuationCode(s string) int {
	if len(s) < 10 || !isDigit(s[1]) || !isDigit(s[2]) || (s[3] != '-' && s[3] != ' ') {
		return 0
	}
	e, ok := enhancedAt(s, 4)
	if !ok || e.end >= len(s) || s[e.end] != ' ' {
		return 0
	}
	return e.end + 1
}

// trigrams is the set of runs of three adjacent bytes in a lower-cased text, each byte folded to
// its low five bits (a-z stay distinct; space, digits and punctuation share values with them).
// Checking a phrase's trigrams against it is much cheaper than searching for the phrase, and rules
// out almost every absent phrase at once; a phrase that passes is then searched for.
type trigrams [1 << 15 / 64]uint64

// trigramKey folds three bytes into a 15-bit key.
func trigramKey(a, b, c byte) uint {
	return uint(a&31)<<10 | uint(b&31)<<5 | uint(c&31)
}

func (g *trigrams) fill(s string) {
	for i := 2; i < len(s); i++ {
		k := trigramKey(s[i-2], s[i-1], s[i])
		g[k/64] |= 1 << (k % 64)
	}
}

// has reports whether the trigram of a, b and c is in the set.
func (g *trigrams) has(a, b, c byte) bool {
	k := trigramKey(a, b, c)
	return g[k/64]&(1<<(k%64)) != 0
}

// mayContain reports whether every trigram of p is in the set: false means p is surely absent.
func (g *trigrams) mayContain(p string) bool {
	if len(p) < 3 {
		return true
	}
	// The middle of a phrase is more telling than its start ("user unknown" starts like "user"),
	// and its end rules out most of the rest.
	if m := len(p)/2 - 1; !g.has(p[m], p[m+1], p[m+2]) || !g.has(p[len(p)-3], p[len(p)-2], p[len(p)-1]) {
		return false
	}
	for i := 2; i < len(p); i++ {
		if !g.has(p[i-2], p[i-1], p[i]) {
			return false
		}
	}
	return true
}

// matcher searches one lower-cased text for phrases.
type matcher struct {
	s     string
	ascii bool      // the text has no byte outside ASCII
	tg    *trigrams // the trigrams of the whole text: a superset of sentence's, so a valid filter for it
}

// maskNonSentence copies s to dst with every host name, mail address and URL replaced by spaces;
// it reports whether it replaced any.
func maskNonSentence(dst []byte, s string, tg *trigrams) ([]byte, bool) {
	dst = append(dst, s...)
	changed := false
	for i := 0; i < len(dst); {
		if isTokenDelim(dst[i]) {
			i++
			continue
		}
		j := i
		for j < len(dst) && !isTokenDelim(dst[j]) {
			j++
		}
		e := j
		for e > i && (dst[e-1] == '.' || dst[e-1] == ':' || dst[e-1] == '!' || dst[e-1] == '?') {
			e--
		}
		if n := notSentence(dst[i:e]); n > 0 {
			for k := i; k < i+n; k++ {
				dst[k] = ' '
			}
			changed = true
		}
		i = j
	}
	for _, a := range adviceMarkers {
		if !tg.mayContain(a) {
			continue
		}
		for from := 0; ; {
			k := indexFrom(unsafe.String(unsafe.SliceData(dst), len(dst)), a, from)
			if k < 0 {
				break
			}
			if k > 0 && isWordByte(dst[k-1]) {
				from = k + 1
				continue
			}
			e := sentenceEnd(dst, k)
			for x := k; x < e; x++ {
				dst[x] = ' '
			}
			changed = true
			from = e
		}
	}
	return dst, changed
}

// adviceMarkers start advice to the reader ("Please visit ... to learn more about spam", "To
// request removal from this list see ..."), not the server's verdict; the advice runs to the end of
// its sentence. Product names ("Email Security", "Spam Firewall") name a filter, not a cause.
var adviceMarkers = [...]string{
	"please see", "please visit", "please contact", "please check", "please refer", "please read",
	"please review", "learn more", "to learn", "for more information", "for more info",
	"for further information", "for further assistance", "for assistance", "to request removal",
	"for details", "more information at", "more info at", "if you believe", "if you think",
	"if you feel", "refer to", "see http", "visit http", "to protect our users",
	"email security", "spam firewall", "security appliance", "security gateway", "mail security",
	"protection server", "messaging security",
}

// sentenceEnd returns where the sentence that contains s[k] ends: at ". " or ";" or the end.
func sentenceEnd(s []byte, k int) int {
	for ; k < len(s); k++ {
		switch s[k] {
		case ';':
			return k
		case '.':
			if k+1 == len(s) || s[k+1] == ' ' {
				return k
			}
		}
	}
	return len(s)
}

// isTokenDelim reports whether c separates the tokens maskNonSentence looks at.
func isTokenDelim(c byte) bool {
	switch c {
	case ' ', '<', '>', '(', ')', '[', ']', '"', '\'', ',', ';', '{', '}', '|', '=':
		return true
	}
	return false
}

// notSentence returns how many bytes at the start of tok are a URL, a mail address or a host
// name (labels of letters, digits and '-' joined by dots, ending in a top-level domain of two to
// six letters) with its port and path; 0 if tok does not start with one.
func notSentence(tok []byte) int {
	if len(tok) < 4 {
		return 0
	}
	host := tok
	for k := 0; k < len(tok); k++ {
		switch tok[k] {
		case '@':
			if k == 0 || !hasByte(tok[k+1:], '.') {
				return 0
			}
			e := k + 1
			for e < len(tok) && (isAlnum(tok[e]) || tok[e] == '.' || tok[e] == '-' || tok[e] == '_') {
				e++
			}
			for e > k+1 && tok[e-1] == '.' {
				e--
			}
			return e
		case '/', '?', '#':
			host = tok[:k]
			k = len(tok)
		case ':':
			if k+2 < len(tok) && tok[k+1] == '/' && tok[k+2] == '/' {
				return len(tok) // scheme://
			}
			host = tok[:k] // a port
			k = len(tok)
		}
	}
	labels, letters, last := 0, false, 0
	start := 0
	for k := 0; k <= len(host); k++ {
		if k < len(host) && host[k] != '.' {
			c := host[k]
			switch {
			case c >= 'a' && c <= 'z':
				letters = true
			case c >= '0' && c <= '9', c == '-', c == '_':
			default:
				return 0
			}
			continue
		}
		if k == start {
			return 0 // an empty label
		}
		labels++
		last = start
		start = k + 1
	}
	if labels < 2 || !letters {
		return 0
	}
	tld := host[last:]
	if len(tld) < 2 || len(tld) > 6 {
		return 0
	}
	for _, c := range tld {
		if c < 'a' || c > 'z' {
			return 0
		}
	}
	if len(host) == len(tok) || tok[len(host)] == ':' && !hasByte(tok[len(host):], '/') {
		return len(host) // a port or a word glued with ':' stays outside
	}
	return len(tok)
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// hasKey reports whether the trigram with key k is in the set.
func (g *trigrams) hasKey(k uint16) bool {
	return g[k/64]&(1<<(k%64)) != 0
}

// has reports whether the text contains phrase p (lower case). The phrase's middle trigram is
// checked here, without a call, because it rules out most phrases.
func (m *matcher) has(p string) bool {
	if len(p) > len(m.s) {
		return false
	}
	if h := len(p)/2 - 1; h >= 0 && h+2 < len(p) && !m.tg.has(p[h], p[h+1], p[h+2]) {
		return false
	}
	return m.tg.mayContain(p) && strings.Contains(m.s, p)
}

// matches reports whether rule r applies: one of its phrases or aligned fragment lists is in the
// text, and none of its unless phrases is.
func (m *matcher) matches(r *rule) bool {
	if r.reason == Blocked || r.reason == SpamDetected {
		// A verdict can be denied: "your IP is not blacklisted", "was not detected as spam"; a
		// block can be a guess ("the domain may not exist, or may be blacklisted").
		if !m.anyAffirmed(m.phrasesFor(r), r.reason == Blocked) && !m.anyAligned(r.aligned) {
			return false
		}
		return !m.any(r.unless)
	}
	if !m.anyOf(r) && !m.anyAligned(r.aligned) {
		return false
	}
	return !m.any(r.unless)
}

// anyAffirmed is any for phrases that state a verdict: an occurrence right after a negation ("not
// blacklisted", "is not listed", "wasn't blocked") does not count.
func (m *matcher) anyAffirmed(ps []string, hedged bool) bool {
	for _, p := range ps {
		if !m.has(p) {
			continue
		}
		for from := 0; ; {
			i := indexFrom(m.s, p, from)
			if i < 0 {
				break
			}
			if !negatedAt(m.s, i, negations[:]) && !(hedged && negatedAt(m.s, i, hedges[:])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// negations are the words that, right before a verdict, deny it.
var negations = [...]string{"not ", "not been ", "not be ", "isn't ", "wasn't ", "aren't ", "never been ", "nicht ", "pas ", "не "}

// hedges are the words that, right before a block, make it a guess rather than a verdict. (Not
// for spam: "possible spam" is how filters state their verdict.)
var hedges = [...]string{"may be ", "might be ", "could be ", "may have been ", "possibly ", "perhaps "}

// negatedAt reports whether the text right before s[i] is one of the words ws.
func negatedAt(s string, i int, ws []string) bool {
	for _, n := range ws {
		if i >= len(n) && s[i-len(n):i] == n && (i == len(n) || !isWordByte(s[i-len(n)-1])) {
			return true
		}
	}
	return false
}

// alignedGap is how many bytes may separate two fragments of an aligned list: enough for an
// address or a few words ("mailbox for user <x@example.com> is full"), not for another sentence.
const alignedGap = 48

// anyAligned reports whether the text contains, for one of the lists, every fragment in order,
// each starting at most alignedGap bytes after the end of the previous one.
func (m *matcher) anyAligned(lists [][]string) bool {
	for _, l := range lists {
		if m.hasAligned(l) {
			return true
		}
	}
	return false
}

func (m *matcher) hasAligned(parts []string) bool {
	for _, p := range parts {
		if len(p) > len(m.s) || !m.tg.mayContain(p) {
			return false
		}
	}
	for from := 0; from < len(m.s); {
		i := strings.Index(m.s[from:], parts[0])
		if i < 0 {
			return false
		}
		end := from + i + len(parts[0])
		if m.alignedFrom(end, parts[1:]) {
			return true
		}
		from += i + 1
	}
	return false
}

// alignedFrom reports whether parts follow in order from position at, each within alignedGap.
func (m *matcher) alignedFrom(at int, parts []string) bool {
	for _, p := range parts {
		window := m.s[at:min(len(m.s), at+alignedGap+len(p))]
		i := strings.Index(window, p)
		if i < 0 {
			return false
		}
		at += i + len(p)
	}
	return true
}

// any reports whether the text contains one of the phrases.
func (m *matcher) any(ps []string) bool {
	for _, p := range ps {
		if m.has(p) {
			return true
		}
	}
	return false
}

// onlyWords reports whether the text's letters, ignoring codes, punctuation, spaces and a leading
// "smtp", are exactly those of one of the phrases.
func (m *matcher) onlyWords(ps []string) bool {
	s := m.s
	for len(s) > 0 && (s[0] < 'a' || s[0] > 'z') {
		s = s[1:]
	}
	s = strings.TrimPrefix(s, "smtp")
	for _, p := range ps {
		if sameLetters(s, p) {
			return true
		}
	}
	return false
}

// sameLetters reports whether a and b have the same sequence of the letters a to z.
func sameLetters(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && (a[i] < 'a' || a[i] > 'z') {
			i++
		}
		for j < len(b) && (b[j] < 'a' || b[j] > 'z') {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

// provider detects the receiving provider from the text.
func (m *matcher) provider() Provider {
	for _, pp := range providerPhrases {
		if m.any(pp.phrases) {
			return pp.p
		}
	}
	return NoProvider
}

// earlyReason decides what the whole text decides: an auto-reply, a delivery, a suppression list,
// a provider's own code or a specific phrase; false if none of them does (see lateReason).
func (m *matcher) earlyReason(c Code) (Reason, bool) {
	if c.Enhanced.IsZero() && c.Basic == 0 && m.any(vacationPhrases) {
		return Vacation, true
	}
	if c.Enhanced.Class == 2 || (c.Enhanced.IsZero() && c.Basic/100 == 2) {
		if !m.any(failurePhrases) {
			return Delivered, true
		}
	}
	if c.Enhanced.IsZero() && c.Basic == 0 && m.first(deliveredRules) != nil {
		return Delivered, true
	}
	if r := m.first(suppressionRules); r != nil {
		return r.reason, true // the sending platform's suppression list, whatever else
	}
	if r := m.providerCodeReason(); r != Undefined {
		return r, true
	}
	if r := m.first(strongRules); r != nil {
		return m.refine(r.reason, c), true
	}
	if c.Enhanced.IsZero() {
		if r := m.registryName(); r != Undefined {
			return r, true // "Other or undefined mail system status": the code's name, without the code
		}
	}
	return Undefined, false
}

// registryName returns the reason of the registry code whose name is the whole text, or
// Undefined.
func (m *matcher) registryName() Reason {
	s := m.s
	for len(s) > 0 && (s[0] < 'a' || s[0] > 'z') {
		s = s[1:]
	}
	if len(s) < 10 || len(s) > 80 {
		return Undefined
	}
	for i, name := range registryNames {
		if sameLetters(s, name) {
			return enhancedCatalog[i].reason
		}
	}
	return Undefined
}

// registryNames are the registry's names of the enhanced codes, lower case, in catalog order.
var registryNames = func() []string {
	names := make([]string, len(enhancedCatalog))
	for i := range enhancedCatalog {
		names[i] = strings.ToLower(enhancedCatalog[i].name)
	}
	return names
}()

// lateReason goes on from earlyReason: a specific code, then the generic words of the server's
// sentence w (the whole text's when the sentence has none), generic codes, the vaguest words, the
// basic code, and finally onhold (text without a clue) or undefined (no text).
func (m *matcher) lateReason(w *matcher, c Code, p Provider) Reason {
	code, specific := codeReason(c.Enhanced, p)
	if specific {
		if code == UserUnknown {
			if r := w.mailboxStateReason(); r != Undefined {
				return r
			}
		}
		if r := w.causeOverAddressCode(code); r != Undefined {
			return r
		}
		return code
	}
	if m.onlyWords(contentlessPhrases) {
		return OnHold // "554 5.0.0 Service unavailable": text, but nothing to decide on
	}
	if r := w.genericReason(); r != Undefined {
		return r
	}
	if w != m && w.first(lateRules) == nil {
		// The sentence says nothing: a word in a host name or a URL is all there is.
		if r := m.genericReason(); r != Undefined {
			return r
		}
	}
	if code == SecurityError {
		// X.7.x names a security or policy status; what the sentence refused says more: the
		// sender ("must match authenticated sender"), the content, spam.
		if r := w.blockSubject(); r != Blocked {
			return r
		}
	}
	if code != Undefined && code != OnHold {
		return code
	}
	if r := w.first(lateRules); r != nil {
		return w.subjectOf(r.reason)
	}
	if code == OnHold {
		return OnHold // X.0.0: the enhanced code says, on purpose, nothing more
	}
	if r := basicCodeReason(c.Basic); r != Undefined {
		return r
	}
	if len(m.s) == 0 || m.s == " " {
		return Undefined
	}
	return OnHold
}

// causeOverAddressCode returns the cause the sentence names when the code only says the address
// is unusable (X.1.1, X.2.1: servers send them for any refusal at RCPT): an explicit block or
// ban, a refusal of the sender, or spam; Undefined otherwise.
func (m *matcher) causeOverAddressCode(code Reason) Reason {
	if code != UserUnknown && code != Suspend {
		return Undefined
	}
	if r := m.first(contextRules); r != nil && r.reason != UserUnknown {
		return m.subjectOf(r.reason)
	}
	for i := range genericRules {
		if r := &genericRules[i]; r.reason == SpamDetected && m.matches(r) {
			return SpamDetected
		}
	}
	return Undefined
}

// genericReason returns the reason of the first context, keyword or generic rule that applies, or
// Undefined.
func (m *matcher) genericReason() Reason {
	if r := m.first(contextRules); r != nil {
		return m.subjectOf(r.reason)
	}
	if r := m.keywordReason(); r != Undefined {
		return r
	}
	if r := m.first(genericRules); r != nil {
		return m.subjectOf(r.reason)
	}
	return Undefined
}

// first returns the first of rs that applies, or nil.
func (m *matcher) first(rs []rule) *rule {
	for i := range rs {
		if m.matches(&rs[i]) {
			return &rs[i]
		}
	}
	return nil
}

// subjectOf returns r, or for a generic refusal (Blocked), what the refusal's subject makes it.
func (m *matcher) subjectOf(r Reason) Reason {
	if r == Blocked {
		return m.blockSubject()
	}
	return r
}

// refine adjusts a reason found from the text with what the codes and the context add: a "user
// unknown" given in reply to the message data is a filter's verdict (Sisimai's filtered), not a
// dead mailbox; a domain that does not exist in reply to MAIL FROM is the sender's.
func (m *matcher) refine(r Reason, c Code) Reason {
	switch r {
	case UserUnknown:
		if c.Enhanced.Subject == 1 && (c.Enhanced.Detail == 7 || c.Enhanced.Detail == 8) {
			return Rejected // X.1.7 and X.1.8 are about the sender's address
		}
		if c.Enhanced.Subject != 1 && c.Enhanced.Subject != 2 && m.any(dataPhasePhrases) && !m.any(recipientRejectedPhrases) {
			return Filtered
		}
	case HostUnknown:
		if m.any(mailFromPhrases) {
			return Rejected // the sender's domain does not exist
		}
	}
	return r
}

// classOf decides the class: the enhanced code's, else the basic code's, else the text's.
func classOf(c Code, r Reason, m *matcher) Class {
	switch cl := c.Enhanced.Class; {
	case cl == 0:
	case cl == 2:
		return Success
	case cl == 4:
		return Soft
	default:
		return Hard
	}
	switch c.Basic / 100 {
	case 2:
		return Success
	case 4:
		return Soft
	case 5:
		return Hard
	}
	switch r {
	case UserUnknown, HostUnknown, HasMoved, NotAccept:
		return Hard
	case MailboxFull, Expired:
		return Soft // soft even when the MTA gave up: the same address may well take mail later
	case RateLimited, NetworkError, SystemError, SystemFull:
		// Transient, unless the text says the message was given up for good ("This is a
		// permanent error ... exceeded the max defers and failures per hour").
		if m.any(permanentPhrases) && !m.any(temporaryPhrases) {
			return Hard
		}
		return Soft
	case Vacation:
		return Unknown // an auto-reply is not a bounce, whatever words about delays it has
	case Delivered:
		return Success
	case OnHold, Undefined, MailerError:
		if m.any(temporaryPhrases) {
			return Soft
		}
		if m.any(permanentPhrases) {
			return Hard
		}
		return Unknown
	}
	if m.any(temporaryPhrases) {
		return Soft
	}
	return Hard
}
