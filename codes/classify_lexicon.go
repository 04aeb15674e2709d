package codes

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The compositional lexicon (rules/lexicon.tsv): phrase lists cannot cover every wording of
// every language, but a bounce names a subject (the recipient's mailbox, the domain, the size of
// the message, the sender, the sending IP, the content) and says what is wrong with it (does not
// exist, is full, is too large, was refused, is spam, try later, delivered). For a text without
// codes that no phrase rule decides, lexiconReason finds those words and pairs them: "Uživatel
// neznámý" is a mailbox and "unknown", so userunknown, however the sentence is worded.

// lexRole is what a lexicon word names.
type lexRole uint8

const (
	lexNone lexRole = iota
	// subjects
	subjMailbox
	subjDomain
	subjSize
	subjSender
	subjIP
	subjContent
	subjServer
	subjError // an error, a problem, a reason: "unknown error" says nothing of the mailbox
	// predicates
	predMissing
	predUnavailable
	predFull
	predTooLarge
	predExceeds
	predRefused
	predSpam
	predLater
	predDelivered
	predFailed
	predUnreachable
	predExpired
	lexRoles
)

// lexRoleNames are the roles as lexicon.tsv writes them.
var lexRoleNames = [lexRoles]string{
	"", "subject-mailbox", "subject-domain", "subject-size", "subject-sender", "subject-ip", "subject-content",
	"subject-server", "subject-error", "pred-missing", "pred-unavailable", "pred-full", "pred-toolarge", "pred-exceeds", "pred-refused",
	"pred-spam", "pred-later", "pred-delivered", "pred-failed", "pred-unreachable", "pred-expired",
}

func (r lexRole) subject() bool { return r >= subjMailbox && r <= subjError }

// lexLanguages are the languages the lexicon must cover (ISO 639-1).
var lexLanguages = []string{
	"en", "ja", "zh", "ko", "ru", "uk", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "tr", "sv",
	"da", "no", "fi", "hu", "ro", "ar", "he", "vi", "th", "id",
}

// lexWord is one word of the lexicon.
type lexWord struct {
	word  string
	role  lexRole
	inner bool // matched anywhere (scripts written without spaces, or with attached prefixes)
	whole bool // matched only as a whole word
	keys  [2]uint16
}

// lexRow is one row of lexicon.tsv, for the lint.
type lexRow struct {
	line   int
	role   lexRole
	langs  []string
	word   string
	source string
}

// lexicon is the embedded lexicon: the ASCII words first (an ASCII text cannot contain the others).
var lexicon, lexiconASCII, lexiconRows = mustLoadLexicon()

func mustLoadLexicon() ([]lexWord, int, []lexRow) {
	b, err := ruleFiles.ReadFile("rules/lexicon.tsv")
	if err != nil {
		panic("codes: " + err.Error())
	}
	ws, n, rows, err := parseLexicon(string(b))
	if err != nil {
		panic("codes: " + err.Error())
	}
	return ws, n, rows
}

// parseLexicon reads lexicon.tsv: role, lang, word, source.
func parseLexicon(content string) ([]lexWord, int, []lexRow, error) {
	var ascii, other []lexWord
	var rows []lexRow
	known := map[string]bool{}
	for _, l := range lexLanguages {
		known[l] = true
	}
	for i, line := range strings.Split(content, "\n") {
		if i == 0 || line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: %d fields, want 4 (role lang word source)", i+1, len(f))
		}
		row := lexRow{line: i + 1, word: f[2], source: f[3]}
		for r := subjMailbox; r < lexRoles; r++ {
			if lexRoleNames[r] == f[0] {
				row.role = r
			}
		}
		if row.role == lexNone {
			return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: unknown role %q", i+1, f[0])
		}
		for _, l := range strings.Split(f[1], ",") {
			if !known[l] {
				return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: unknown language %q", i+1, l)
			}
			row.langs = append(row.langs, l)
		}
		w := lexWord{word: strings.TrimSuffix(f[2], "$"), role: row.role, whole: strings.HasSuffix(f[2], "$")}
		row.word = w.word
		if w.word == "" || row.source == "" {
			return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: word and source must not be empty", i+1)
		}
		if strings.TrimSpace(w.word) != w.word || strings.Contains(w.word, "  ") {
			return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: %q has stray spaces", i+1, w.word)
		}
		if low := string(lowerText(make([]byte, 0, 2*len(w.word)+8), w.word)); low != w.word {
			return nil, 0, nil, fmt.Errorf("lexicon.tsv:%d: %q is not as the text is lower-cased (%q)", i+1, w.word, low)
		}
		r, _ := utf8.DecodeRuneInString(w.word)
		w.inner = innerScript(r)
		if nonASCII(w.word) == 0 && len(w.word) <= 3 {
			w.whole = true
		}
		mid, last := keysOf(w.word)
		w.keys = [2]uint16{mid, last}
		rows = append(rows, row)
		if nonASCII(w.word) == 0 {
			ascii = append(ascii, w)
		} else {
			other = append(other, w)
		}
	}
	return append(ascii, other...), len(ascii), rows, nil
}

// innerScript reports whether words of r's script are found anywhere in a word: scripts written
// without spaces (Han, kana, Thai) and those whose words take attached particles or prefixes
// (Hangul, Arabic, Hebrew).
func innerScript(r rune) bool {
	switch {
	case r >= 0x0590 && r <= 0x06ff, // Hebrew, Arabic
		r >= 0x0e00 && r <= 0x0e7f, // Thai
		r >= 0x3040 && r <= 0x30ff, // kana
		r >= 0x3400 && r <= 0x9fff, // Han
		r >= 0xac00 && r <= 0xd7af, // Hangul
		r >= 0xf900 && r <= 0xfaff:
		return true
	}
	return false
}

// lexHit is one lexicon word found in the text.
type lexHit struct {
	role       lexRole
	start, end int
	segment    int
	negated    bool
}

// lexNegations are the words that, right before a predicate, deny it ("nicht zugestellt", "not
// blocked", "не доставлено"), in the lexicon's languages.
var lexNegations = [...]string{
	"not ", "not been ", "not be ", "isn't ", "wasn't ", "never ", "nicht ", "pas ", "не ", "ні ", "nie ",
	"ne ", "non ", "no ", "não ", "niet ", "inte ", "ej ", "ikke ", "ei ", "nem ", "nu ", "không ",
	"tidak ", "belum ", "לא ",
}

// errorNear is how close an error word must be to a missing predicate to be what it qualifies
// ("неизвестная ошибка": the rest of the adjective between).
const errorNear = 10

// shortText is how long a text may be for its subject and predicate to pair wherever they are.
const shortText = 120

// maxLexHits bounds the words looked at (Classify works on the stack), maxWordHits the
// occurrences of one word.
const (
	maxLexHits  = 48
	maxWordHits = 4
)

// useLexicon turns the lexicon step on; tests turn it off to compare verdicts without it.
var useLexicon = true

// lexiconReason reads a text that no rule decided as a subject and a predicate: the reason their
// pair names (Undefined if none), whether the text says to try later (a soft onhold), and
// whether it says, without a cause, that delivery failed for good ("配信に失敗しました",
// "Transakce selhala": a hard onhold).
func (m *matcher) lexiconReason() (r Reason, later, failed bool) {
	s := m.s
	var hits [maxLexHits]lexHit
	n := 0
	words := lexicon
	if m.ascii {
		words = lexicon[:lexiconASCII]
	}
	for i := range words {
		w := &words[i]
		if len(w.word) > len(s) {
			continue
		}
		if w.keys[0] != 0 && (!m.tg.hasKey(w.keys[0]) || !m.tg.hasKey(w.keys[1])) {
			continue
		}
		if !m.tg.mayContain(w.word) {
			continue
		}
		for from, found := 0, 0; from < len(s) && n < maxLexHits && found < maxWordHits; {
			k := strings.Index(s[from:], w.word)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			e := k + len(w.word)
			if !w.inner && (letterBefore(s, k) || w.whole && letterAt(s, e)) {
				continue
			}
			hits[n] = lexHit{role: w.role, start: k, end: e}
			n++
			found++
		}
	}
	if n == 0 {
		return Undefined, false, false
	}
	hs := hits[:n]
	// A word inside a longer word of the same kind says less ("address" in "ip address",
	// "overskredet" in "kvote overskredet").
	for i := range hs {
		for j := range hs {
			if i != j && hs[i].role != lexNone && hs[j].role != lexNone && hs[i].role.subject() == hs[j].role.subject() &&
				hs[j].start <= hs[i].start && hs[i].end <= hs[j].end && hs[j].end-hs[j].start > hs[i].end-hs[i].start {
				hs[i].role = lexNone
			}
		}
	}
	short := len(s) <= shortText
	var ends [maxSentenceEnds]int
	nends := 0
	if !short {
		nends = sentenceEnds(s, ends[:])
	}
	var has [lexRoles]bool
	notDelivered := false // "nicht erfolgreich zugestellt", "не было доставлено": it failed
	for i := range hs {
		h := &hs[i]
		if h.role == lexNone {
			continue
		}
		if !h.role.subject() && negatedAt(s, h.start, lexNegations[:]) {
			h.negated = true
			notDelivered = notDelivered || h.role == predDelivered
			continue
		}
		if (h.role == predMissing || h.role == predUnavailable) && nearRole(hs, h, subjError, errorNear) {
			// "unknown error", "erreur inconnue", "未知错误", "原因不明": what is unknown is the
			// error, not the address.
			h.negated = true
			continue
		}
		for h.segment < nends && ends[h.segment] <= h.start {
			h.segment++
		}
		has[h.role] = true
	}
	if has[predExpired] {
		// "your account has expired" is about the account, not a message that timed out.
		has[predExpired] = false
		for i := range hs {
			if p := &hs[i]; p.role == predExpired && !p.negated && !nearRole(hs, p, subjMailbox, 12) {
				has[predExpired] = true
			}
		}
	}
	if has[predSpam] && (has[predRefused] || has[subjContent]) {
		return SpamDetected, false, false
	}
	best, bestGap := Undefined, len(s)+1
	for i := range hs {
		p := &hs[i]
		if p.role == lexNone || p.role.subject() || p.negated {
			continue
		}
		for j := range hs {
			q := &hs[j]
			if q.role == lexNone || !q.role.subject() || q.segment != p.segment {
				continue
			}
			subj := q.role
			if subj == subjMailbox {
				// "le domaine du destinataire", "メールアドレスのドメイン", "der Server des
				// Empfängers": the domain or the server of the address is the subject.
				for _, owner := range [...]lexRole{subjDomain, subjServer} {
					if ownedBy(hs, q, p, owner) && lexPair(owner, p.role) != Undefined {
						subj = owner
						break
					}
				}
			}
			r := lexPair(subj, p.role)
			if r == Undefined || r == UserUnknown && (p.role == predUnavailable || p.role == predUnreachable) && has[predLater] {
				// "временно недоступен", "vorübergehend nicht verfügbar": a mailbox
				// unavailable for now is not a mailbox that does not exist.
				continue
			}
			gap := max(0, p.start-q.end, q.start-p.end)
			if gap < bestGap || gap == bestGap && subj == subjDomain {
				best, bestGap = r, gap
			}
		}
	}
	if best == NetworkError || best == SystemError {
		if has[predExpired] {
			return Expired, false, false // "timed out because the server could not be reached": the outcome
		}
	}
	if best != Undefined {
		return best, false, false
	}
	if has[predTooLarge] {
		return EmailTooLarge, false, false
	}
	if has[predDelivered] && !has[predFailed] && !has[predMissing] && !has[predFull] && !has[predRefused] && !m.any(failurePhrases) {
		return Delivered, false, false
	}
	if has[predExpired] {
		return Expired, false, false
	}
	return Undefined, has[predLater], (has[predFailed] || notDelivered) && !has[predLater]
}

// ownerNear is how close a domain or server word must be to a mailbox word to make one subject
// (a few short words between: " of the ", " des ", "の"; not "ist auf dem Server")
// with it ("domaine du destinataire", "recipient domain", "アドレスのドメイン").
const ownerNear = 9

// ownedBy reports whether a word of the role owner stands next to the mailbox word q, on the same
// side of the predicate p: the two name one subject, the address's domain or server.
func ownedBy(hs []lexHit, q, p *lexHit, owner lexRole) bool {
	for i := range hs {
		d := &hs[i]
		if d.role != owner || d.segment != q.segment || max(d.start-q.end, q.start-d.end) > ownerNear {
			continue
		}
		if (d.start < p.start) == (q.start < p.start) {
			return true
		}
	}
	return false
}

// nearRole reports whether a word of role r is within gap bytes of h, outside it ("virhe" in
// "virheellinen" does not count).
func nearRole(hs []lexHit, h *lexHit, r lexRole, gap int) bool {
	for i := range hs {
		if q := &hs[i]; q.role == r && (q.start >= h.end || q.end <= h.start) && max(q.start-h.end, h.start-q.end) <= gap {
			return true
		}
	}
	return false
}

// lexPair returns the reason a subject and a predicate name together, or Undefined.
func lexPair(subj, pred lexRole) Reason {
	switch subj {
	case subjMailbox:
		switch pred {
		case predMissing, predUnavailable, predUnreachable:
			return UserUnknown
		case predFull:
			return MailboxFull
		}
	case subjDomain:
		if pred == predMissing {
			return HostUnknown
		}
	case subjSize:
		switch pred {
		case predTooLarge, predExceeds, predFull:
			return EmailTooLarge
		}
	case subjIP:
		if pred == predRefused {
			return Blocked
		}
	case subjSender:
		if pred == predRefused {
			return Rejected
		}
	case subjContent:
		if pred == predRefused {
			return PolicyViolation
		}
	case subjServer:
		switch pred {
		case predUnreachable:
			return NetworkError
		case predUnavailable:
			return SystemError
		}
	}
	return Undefined
}

// maxSentenceEnds bounds the sentence ends sentenceEnds records; the text after the last one
// recorded counts as one sentence.
const maxSentenceEnds = 32

// sentenceEnds records in ends where the sentences and clauses of s end (". ", "; ", "! ", "? ",
// "。", and the full-width "！", "？", "；") and returns how many it recorded.
func sentenceEnds(s string, ends []int) int {
	n := 0
	for k := 0; k < len(s) && n < len(ends); k++ {
		switch s[k] {
		case '.', ';', '!', '?':
			if k+1 < len(s) && s[k+1] == ' ' {
				ends[n] = k + 1
				n++
			}
		case 0xe3: // 。 is e3 80 82
			if k+2 < len(s) && s[k+1] == 0x80 && s[k+2] == 0x82 {
				ends[n] = k + 3
				n++
			}
		case 0xef: // ！？； are ef bc 81, ef bc 9f, ef bc 9b
			if k+2 < len(s) && s[k+1] == 0xbc && (s[k+2] == 0x81 || s[k+2] == 0x9f || s[k+2] == 0x9b) {
				ends[n] = k + 3
				n++
			}
		}
	}
	return n
}

// letterBefore reports whether the rune that ends at s[i] is a letter or a digit (so a word found
// at i does not start a word).
func letterBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// letterAt reports whether the rune at s[i] is a letter or a digit.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
