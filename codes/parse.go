package codes

import (
	"unicode"
	"unicode/utf8"
)

// maxCandidates bounds how many codes of each kind Parse remembers in one text; later ones are
// ignored. Real reasons hold a handful at most (Gmail repeats its code on every line).
const maxCandidates = 24

// span is one code found in the text: where it starts and ends, and its value.
type span struct {
	start, end int
	basic      uint16
	enh        Enhanced
	field      bool // a log field's value ("dsn=5.1.1"), not a reply's
}

// Parse finds the basic reply code and the enhanced status code in one free-text bounce reason.
// It never reports a code that is not literally in the text.
//
// Rules when several codes appear: the enhanced code is the first one that is not X.0.0 (X.0.0
// only when nothing else is there), 4.x.x and 5.x.x before 2.x.x, and the inner remote reply
// before a relay's wrapper ("5.3.0 - Other mail system problem 554-'5.1.0 Sender denied'", "...
// -> 550 5.1.1", Exchange's "<host #5.4.4 smtp; 550 5.4.4 ...>"; Exchange's "#5.0.0 smtp;" placeholder
// is no code at all: the quoted reply's own code wins, even an X.0.0, and without one there is
// none), and a server's code before Postfix's "dsn=" summary (a dsn= value counts only when a
// delimiter ends it: "dsn=5.1.1, status=bounced"). The basic code is the one written right
// before that enhanced code, else the first 4xx/5xx reply code, else the first 2xx. Reply codes
// are 2xx (those RFC 5321 and its extensions define), 4xx and 5xx with a second digit 0-5, and
// the common 571; 3xx replies (354, 334) are steps of a dialogue, not outcomes, and are never
// reported. Enhanced codes have class 2, 4 or 5,
// a subject 0-7 (the registry's) and a detail of one to three digits without a leading zero.
// Look-alikes are skipped: IPv4 and IPv6 addresses, version numbers (v2.5.1, Postfix 2.5.1),
// dates, Yahoo's 4.16.55.1 and [#4.16.5], numbers inside URLs, tags such as IB504 or sa.2.2, ports,
// process ids ("smtp[451]"), field values ("id=550"; a reply code after "word=" counts only with
// an enhanced code after it, as Office 365's message trace writes "{LED=550 5.1.8 ...}") and
// sizes ("552 ms", but "552 MS Office"). Codes may touch the spaces and punctuation of any script
// (quotes, brackets, dashes, arrows, full-width colons: "returned ‘554", "《550 5.1.1》"), but not
// letters, symbols or marks of a number (№, %, ′), nor a separator with a digit beyond it
// ("12：550", "10–550").
// A 4xx or 5xx code glued to a capitalised word is read only where a reply starts (the start of
// the text, after "smtp;" or after ": "): NetEase's "421HL:ICC", "451Requested mail action";
// a word with a digit or of four hex letters makes an id ("postfix/smtp[3799]: 450D318E2F87:").
func Parse(text string) Code {
	var enh, bas [maxCandidates]span
	ne, nb := 0, 0
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		if c < '2' || c > '5' || c == '3' {
			continue
		}
		if i > 0 && isDigit(text[i-1]) {
			continue
		}
		if i+1 < n && text[i+1] == '.' {
			if s, ok := enhancedAt(text, i); ok {
				if ne < maxCandidates {
					enh[ne] = s
					ne++
				}
				i = s.end - 1
			}
			continue
		}
		if s, ok := basicAt(text, i); ok {
			if nb < maxCandidates {
				bas[nb] = s
				nb++
			}
			i = s.end - 1
		}
	}
	var code Code
	if w := wrapperIndex(text, enh[:ne]); w >= 0 {
		// Exchange's "<host #5.4.4 smtp; 550 5.4.4 Unable to relay>": the reply quoted after the
		// diagnostic type is the server's own; the code before it is Exchange's summary. The
		// server's code wins unless it is an X.0.0 and the summary says more; the placeholder
		// "#5.0.0" never wins ("#< #5.0.0 smtp;554 5.0.0 Service unavailable> #SMTP#").
		inner := diagnosticType(text, enh[w].end)
		placeholder := diagnosticWrapper(text, enh[w])
		if i := chooseEnhanced(text, enh[w+1:ne]); i >= 0 && (enhancedRank(enh[w+1+i].enh) <= 1 || placeholder && enhancedRank(enh[w+1+i].enh) == 2) {
			s := enh[w+1+i]
			code.Enhanced = s.enh
			if b := basicBefore(text, bas[:nb], s.start); b >= 0 {
				code.Basic = bas[b].basic
				return code
			}
		} else if !placeholder {
			code.Enhanced = enh[w].enh // a summary that says more than the quoted reply ("#5.1.1 smtp;550 ...")
		}
		code.Basic = firstBasicFrom(bas[:nb], inner)
		return code
	}
	chosen := chooseEnhanced(text, enh[:ne])
	if chosen >= 0 && enh[chosen].field {
		// Postfix's "dsn=4.7.1" summarises; the server's own code, if quoted, says what happened.
		for j := range enh[:ne] {
			if !enh[j].field && enhancedRank(enh[j].enh) <= enhancedRank(enh[chosen].enh) {
				chosen = j
				break
			}
		}
	}
	if chosen >= 0 {
		code.Enhanced = enh[chosen].enh
		if b := basicBefore(text, bas[:nb], enh[chosen].start); b >= 0 {
			code.Basic = bas[b].basic
			return code
		}
	}
	code.Basic = firstBasic(bas[:nb])
	return code
}

// wrapperIndex returns the index of the first enhanced code written as Exchange's summary of a
// quoted diagnostic ("#5.4.4 smtp;"), or -1.
func wrapperIndex(text string, es []span) int {
	for i, s := range es {
		if s.start > 0 && text[s.start-1] == '#' && diagnosticType(text, s.end) > 0 {
			return i
		}
	}
	return -1
}

// diagnosticType returns where the quoted reply starts after a diagnostic type ("smtp;",
// "X-Postfix;") that follows position k, or 0 if none does.
func diagnosticType(text string, k int) int {
	for k < len(text) && text[k] == ' ' {
		k++
	}
	w := k
	for k < len(text) && k-w < 12 && (isAlpha(text[k]) || text[k] == '-') {
		k++
	}
	if k > w && k < len(text) && text[k] == ';' {
		return k + 1
	}
	return 0
}

// firstBasicFrom is firstBasic for the codes at or after position from, else for all of them.
func firstBasicFrom(bs []span, from int) uint16 {
	for i, b := range bs {
		if b.start >= from {
			return firstBasic(bs[i:])
		}
	}
	return firstBasic(bs)
}

// chooseEnhanced returns the index of the enhanced code that Parse reports, or -1.
func chooseEnhanced(text string, es []span) int {
	if len(es) == 0 {
		return -1
	}
	best, bestRank := -1, 99
	for i, s := range es {
		r := enhancedRank(s.enh)
		if r < bestRank {
			best, bestRank = i, r
			if r == 0 {
				break
			}
		}
	}
	// A relay's wrapper ("5.1.0 - Unknown address error '5.2.2 ...'" or "5.1.351 ... -> 550 5.1.1")
	// gives way to the remote server's own reply quoted after it.
	for {
		next := -1
		if isWrapper(text, es, best) {
			for j := best + 1; j < len(es); j++ {
				if r := enhancedRank(es[j].enh); r == 0 || r == 1 {
					next = j
					break
				}
			}
		}
		if next < 0 {
			return best
		}
		best = next
	}
}

// diagnosticWrapper reports whether s is the X.0.0 that Exchange writes before a quoted
// diagnostic ("< #5.0.0 smtp; 550 Requested action not taken>", "#5.0.0 X-Postfix; ..."): a
// placeholder, chosen only because the inner reply has no enhanced code of its own.
func diagnosticWrapper(text string, s span) bool {
	if s.enh.Subject != 0 || s.enh.Detail != 0 || s.start == 0 || text[s.start-1] != '#' {
		return false
	}
	return diagnosticType(text, s.end) > 0
}

// enhancedRank orders enhanced codes by how much they say: 0 a 4.x.x or 5.x.x code other than
// X.0.0, 1 a 2.x.x other than 2.0.0, 2 the X.0.0 of a failure, 3 2.0.0.
func enhancedRank(e Enhanced) int {
	zero := e.Subject == 0 && e.Detail == 0
	switch {
	case e.Class != 2 && !zero:
		return 0
	case !zero:
		return 1
	case e.Class != 2:
		return 2
	}
	return 3
}

// isWrapper reports whether es[i] is a relay's summary of an inner reply: it is followed by " - "
// (Marketo/StrongMail "5.3.0 - Other mail system problem 554-'5.1.0 ...'") or by "->" (or "→")
// before the next code (Exchange "5.1.351 ... -> 550 5.1.1 ...").
func isWrapper(text string, es []span, i int) bool {
	if i+1 >= len(es) {
		return false
	}
	end := es[i].end
	if end+2 < len(text) && text[end] == ' ' && text[end+1] == '-' && text[end+2] == ' ' {
		return quotedBefore(text, es[i+1].start, end)
	}
	limit := es[i+1].start
	for k := end; k+1 < limit; k++ {
		if text[k] == '-' && text[k+1] == '>' || text[k] == 0xe2 && k+2 < limit && text[k+1] == 0x86 && text[k+2] == 0x92 {
			return true // "->" or "→"
		}
	}
	return false
}

// quotedBefore reports whether the code starting at pos is quoted: a quote mark (or '<', or the
// '#' that Sendmail and qmail write before a code: "5.3.0 - Other mail system problem #5.3.4") right
// before it, or before a reply code right before it (554-'5.1.0), looking no further back than
// from.
func quotedBefore(text string, pos, from int) bool {
	k := pos - 1
	for steps := 0; k >= from && steps < 8; steps++ {
		switch c := text[k]; {
		case c == '\'' || c == '"' || c == '<' || c == '`' || c == '#':
			return true
		case c >= 0x80:
			return punctBefore(text, k+1, false)
		case c == ' ' || c == '-' || isDigit(c):
			k--
		default:
			return false
		}
	}
	return false
}

// basicBefore returns the index of the basic code written right before the enhanced code at pos
// ("550 5.1.1", "550-5.1.1", "554-'5.1.0", "501 #5.1.1", "550: 5.2.2", "550 ‘5.1.1", "550：5.1.1"),
// or -1.
func basicBefore(text string, bs []span, pos int) int {
	for i := len(bs) - 1; i >= 0; i-- {
		if b := bs[i]; b.end <= pos {
			if pos-b.end < 1 || pos-b.end > 12 || !codeGap(text[b.end:pos]) {
				return -1
			}
			return i
		}
	}
	return -1
}

// codeGap reports whether gap may stand between a reply code and its enhanced code: one to three
// spaces, dashes, quotes, opening brackets, colons or '#', of any script.
func codeGap(gap string) bool {
	chars := 0
	for k := 0; k < len(gap); chars++ {
		if c := gap[k]; c < 0x80 {
			switch c {
			case ' ', '-', '\'', '"', ':', '#', '(', '[', '\t':
			default:
				return false
			}
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(gap[k:])
		if !unicode.IsSpace(r) && !unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pf, unicode.Pd) && !isColon(r) {
			return false
		}
		k += size
	}
	return chars <= 3
}

// firstBasic returns the first 4xx or 5xx code, else the first 2xx code, else 0.
func firstBasic(bs []span) uint16 {
	for _, b := range bs {
		if b.basic >= 400 {
			return b.basic
		}
	}
	if len(bs) > 0 {
		return bs[0].basic
	}
	return 0
}

// enhancedAt reads an enhanced status code starting at text[i] (class digit 2, 4 or 5, already
// checked not to follow a digit), such as 5.1.1, 5.7.26 or 4.7.650.
func enhancedAt(text string, i int) (span, bool) {
	n := len(text)
	field := false
	if i > 0 {
		switch p := text[i-1]; {
		case p >= 0x80:
			if !punctBefore(text, i, true) {
				return span{}, false
			}
		case isAlpha(p) || p == '.' || p == '/' || p == '_':
			return span{}, false
		case p == '=' && dsnBefore(text, i-1):
			field = true // Postfix's log field "dsn=5.1.1" is the enhanced code of the delivery
		case p == '#' || p == '=':
			if i > 1 && (isAlnum(text[i-2]) || text[i-2] == '/') || inURL(text, i-1) {
				return span{}, false
			}
		case p == ':' && i > 1 && (text[i-2] == ':' || isHex(text[i-2])) && colonsAround(text, i) >= 2:
			return span{}, false // inside an IPv6 address
		}
	}
	// class "." subject "." detail; the subject is one digit 0-7, the detail one to three digits.
	j := i + 2
	if j >= n || text[j] < '0' || text[j] > '7' {
		return span{}, false
	}
	subject := uint16(text[j] - '0')
	j++
	if j >= n || text[j] != '.' {
		return span{}, false
	}
	j++
	start := j
	var detail uint16
	for j < n && isDigit(text[j]) && j-start < 4 {
		detail = detail*10 + uint16(text[j]-'0')
		j++
	}
	if j == start || j-start > 3 || (j-start > 1 && text[start] == '0') {
		return span{}, false // no detail, too long, or with a leading zero ("5.1.01")
	}
	if j < n {
		switch a := text[j]; {
		case a >= 0x80:
			if !punctAt(text, j) {
				return span{}, false
			}
		case isAlnum(a) || a == '_':
			return span{}, false
		case (a == '.' || a == ':' || a == '-') && j+1 < n && isAlnum(text[j+1]):
			return span{}, false // 4.16.55.1-like dotted numbers, IPs, hosts
		}
	}
	if field && !fieldEnd(text, j) {
		return span{}, false
	}
	if versionWordBefore(text, i) {
		return span{}, false
	}
	return span{start: i, end: j, enh: Enhanced{Class: uint16(text[i] - '0'), Subject: subject, Detail: detail}, field: field}, true
}

// basicAt reads a three-digit reply code starting at text[i] (first digit 2, 4 or 5, already
// checked not to follow a digit).
func basicAt(text string, i int) (span, bool) {
	n := len(text)
	if i+3 > n || !isDigit(text[i+1]) || !isDigit(text[i+2]) {
		return span{}, false
	}
	if i+3 < n && isDigit(text[i+3]) {
		return span{}, false
	}
	code := uint16(text[i]-'0')*100 + uint16(text[i+1]-'0')*10 + uint16(text[i+2]-'0')
	if !validBasic(code) {
		return span{}, false
	}
	underscored := false
	if i > 0 {
		switch p := text[i-1]; {
		case p >= 0x80:
			if !punctBefore(text, i, false) || hyphenBefore(text, i) {
				return span{}, false
			}
		case p == '_' && i > 1 && text[i-2] == ':' && i+3 < n && (text[i+3] == '_' || text[i+3] == ' '):
			// qmail's log writes the reply with '_' for spaces: "Remote_host_said:_550_No_such_user"
			underscored = true
		case isAlpha(p) || p == '.' || p == '/' || p == '_' || p == '-' || p == '+' || p == '@' || p == '%' || p == '&' || p == '?':
			return span{}, false
		case p == '[' && i > 1 && isAlnum(text[i-2]) && i+3 < n && text[i+3] == ']':
			return span{}, false // a process id: "postfix/smtp[459]:"
		case p == '#' || p == '=':
			if inURL(text, i-1) {
				return span{}, false
			}
			if i > 1 && (isAlnum(text[i-2]) || text[i-2] == '/' || text[i-2] == '=') && (p == '#' || !enhancedFollows(text, i+3)) {
				return span{}, false // "id=550123", "AUP#554"; but a field holding a reply: "{LED=550 5.1.8 Access denied}"
			}
		case p == ':':
			if i > 1 && (isDigit(text[i-2]) || text[i-2] == ']' || text[i-2] == ':') {
				return span{}, false // a port, or part of an IPv6 address
			}
			if colonsAround(text, i) >= 2 {
				return span{}, false
			}
		}
	}
	j := i + 3
	if tagEcho(text, i) {
		return span{}, false
	}
	if j < n {
		switch a := text[j]; {
		case a >= 0x80:
			if !punctAt(text, j) {
				return span{}, false
			}
		case a == '_' && underscored:
		case isAlpha(a) || a == '_' || a == '/' || a == '@' || a == '%':
			// NetEase glues its tag to the reply code: "421HL:ICC ...", "451Requested mail action".
			if a < 'A' || a > 'Z' || code < 400 || !replyStart(text, i) || gluedID(text, j) {
				return span{}, false
			}
		case a == '.' || a == ',':
			if j+1 < n && isAlnum(text[j+1]) {
				return span{}, false
			}
		case a == ':':
			if j+1 < n && (isHex(text[j+1]) || text[j+1] == ':') && colonsAround(text, i) >= 2 {
				return span{}, false // IPv6
			}
		case a == '-':
			if j+1 < n && isAlpha(text[j+1]) && inURL(text, i) {
				return span{}, false
			}
		}
		if unitAfter(text, j) {
			return span{}, false
		}
	}
	return span{start: i, end: j, basic: code}, true
}

// enhancedFollows reports whether a space and an enhanced status code follow position j: the
// three digits before j are then a reply's code ("LED=550 5.1.8", Office 365's message trace).
func enhancedFollows(text string, j int) bool {
	if j+2 >= len(text) || text[j] != ' ' || text[j+2] != '.' {
		return false
	}
	if c := text[j+1]; c != '2' && c != '4' && c != '5' {
		return false
	}
	_, ok := enhancedAt(text, j+1)
	return ok
}

// replyStart reports whether text[i] is where a reply starts: the start of the text, or after a
// diagnostic type ("smtp;") or a colon and a space ("said: "), with only spaces between.
func replyStart(text string, i int) bool {
	k := i - 1
	for k >= 0 && text[k] == ' ' {
		k--
	}
	switch {
	case k < 0:
		return true
	case text[k] == ';':
		return k >= 4 && eqFold(text[k-4:k], "smtp") && (k == 4 || !isAlnum(text[k-5]))
	case text[k] == ':':
		return k < i-1
	}
	return false
}

// tagEcho reports whether the three digits at text[i] are a provider tag's number repeated in
// brackets, as Orange and La Poste write it ("OFR_514 [514]"): not a reply code.
func tagEcho(text string, i int) bool {
	if i < 5 || i+3 >= len(text) || text[i-1] != '[' || text[i+3] != ']' {
		return false
	}
	k := i - 2
	for k >= 0 && text[k] == ' ' {
		k--
	}
	if k < 3 || text[k] != text[i+2] || text[k-1] != text[i+1] || text[k-2] != text[i] {
		return false
	}
	return k-3 >= 0 && (isAlpha(text[k-3]) || text[k-3] == '_')
}

// validBasic reports whether code is a reply code a bounce can carry: the 2xx replies of RFC 5321
// and its extensions, 4xx and 5xx with a second digit 0-5, and the common non-standard 571.
func validBasic(code uint16) bool {
	switch code / 100 {
	case 2:
		switch code {
		case 211, 214, 220, 221, 235, 250, 251, 252, 253:
			return true
		}
		return false
	case 4, 5:
		return code%100 <= 59 || code == 571
	}
	return false
}

// colonsAround counts the colons of the run of hex digits, dots and colons around text[i]: two
// or more mean an IPv6 address.
func colonsAround(text string, i int) int {
	colons := 0
	for k := i; k >= 0 && k > i-48; k-- {
		c := text[k]
		if c == ':' {
			colons++
		} else if !isHex(c) && c != '.' {
			break
		}
	}
	for k := i + 1; k < len(text) && k < i+48; k++ {
		c := text[k]
		if c == ':' {
			colons++
		} else if !isHex(c) && c != '.' {
			break
		}
	}
	return colons
}

// inURL reports whether text[i] belongs to a word containing "/" (a URL or a path), looking back to
// the previous space.
func inURL(text string, i int) bool {
	for k := i; k >= 0 && k > i-256; k-- {
		switch text[k] {
		case ' ', '\t', '\n', '\r', '<', '(', '[', '"', '\'':
			return false
		case '/':
			return true
		}
	}
	return false
}

// unitAfter reports whether the number ending at text[j] is followed by a unit ("500 KB",
// "421 seconds", "552 ms"): a size or a duration, not a reply code. A unit is written as units
// are in a sentence: a word in lower case, or a byte size in any case; a capitalised word starts
// the reply's own text ("552 MS Office file ...", "452 Recipients pool maxed out").
func unitAfter(text string, j int) bool {
	if j >= len(text) || text[j] != ' ' {
		return false
	}
	k := j + 1
	e := k
	for e < len(text) && e-k < 12 && isAlpha(text[e]) {
		e++
	}
	if e < len(text) && (isAlpha(text[e]) || text[e] == '-') {
		return false // a longer word, or a compound such as "MS-Office"
	}
	switch w := text[k:e]; len(w) {
	case 2:
		return eqFold(w, "kb") || eqFold(w, "mb") || eqFold(w, "gb") || w == "ms"
	default:
		for _, u := range units {
			if w == u {
				return true
			}
		}
	}
	return false
}

var units = [...]string{"bytes", "byte", "octets", "seconds", "secs", "sec", "minutes", "mins", "hours", "hrs", "days", "messages", "recipients", "attempts", "times", "kbytes", "mbytes"}

// versionWordBefore reports whether the code at text[i] follows a word that announces a version
// number: "version 4.2.1", "Postfix 2.5.1".
func versionWordBefore(text string, i int) bool {
	k := i - 1
	for k >= 0 && (text[k] == ' ' || text[k] == ':' || text[k] == '/' || text[k] == '=') {
		k--
	}
	if k == i-1 || k < 0 {
		return false
	}
	e := k + 1
	for k >= 0 && isAlpha(text[k]) {
		k--
	}
	w := text[k+1 : e]
	if len(w) < 1 || len(w) > 9 {
		return false
	}
	for _, v := range versionWords {
		if eqFold(w, v) {
			return true
		}
	}
	return false
}

var versionWords = [...]string{"v", "ver", "version", "release", "rel", "build", "rev", "revision", "postfix", "exim", "sendmail", "qmail", "courier", "mdaemon", "zimbra", "haraka", "opensmtpd", "asyncos", "powermta", "pmta", "kumomta", "dovecot", "cyrus"}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool { return isDigit(c) || isAlpha(c) }
func isHex(c byte) bool   { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// eqFold reports whether s equals the lower-case ASCII word w, ignoring case.
func eqFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// punctBefore reports whether the character that ends right before text[i] (not ASCII) may
// touch a code that starts at i: a space or punctuation of any script ("returned ‘554 5.2.0",
// "错误：550", "「550」", "《550》"), but not a letter (é, 的), a symbol (№, €) or a mark that
// belongs to a number (§, %, ′), nor a separator with a digit on its other side ("12：550",
// "1，550", "10–550"); a colon may stand between a reply code and an enhanced code
// ("550：5.1.1") when enhanced is set.
func punctBefore(text string, i int, enhanced bool) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if !codeBoundary(r) {
		return false
	}
	k := i - size
	if k == 0 || !isDigit(text[k-1]) || !separator(r) {
		return true
	}
	return enhanced && isColon(r)
}

// isColon reports whether r is a full-width, small or vertical colon.
func isColon(r rune) bool { return r == '：' || r == '﹕' || r == '︰' }

// punctAt reports whether the character that starts at text[j] (not ASCII) may end a code that
// ends at j (see punctBefore); a colon may be followed by a digit ("550：5.1.1").
func punctAt(text string, j int) bool {
	r, size := utf8.DecodeRuneInString(text[j:])
	if !codeBoundary(r) {
		return false
	}
	e := j + size
	return e == len(text) || !isDigit(text[e]) || !separator(r) || isColon(r)
}

// codeBoundary reports whether the non-ASCII character r separates a code from the text around
// it: a space (including zero-width ones), an opening or closing bracket or quote, a dash, an
// arrow, or other punctuation that is not part of a number or a word.
func codeBoundary(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return false
	case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
		return true
	case unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Pd):
		return true
	case r == '＜' || r == '＞' || r == '﹤' || r == '﹥' || (r >= '❛' && r <= '❞') || (r >= '←' && r <= '⇿'):
		return true // full-width angle brackets, ornamental quotes and arrows, which Unicode files as symbols
	case unicode.Is(unicode.Po, r):
		return !numberMark(r)
	}
	return false
}

// numberMark reports whether the punctuation r belongs to the number or word it touches, as
// ASCII's '%', '#', '@', '&', '/' and '_' do: section and per-mille signs, primes, decimal and
// thousands separators, and the full-width and small forms of those ASCII marks.
func numberMark(r rune) bool {
	switch r {
	case '§', '¶', '·', '‰', '‱', '′', '″', '‴', '‵', '‶', '‷', '⁗', '‧', '٪', '٫', '٬', '⸱',
		'＃', '％', '＆', '＊', '＠', '／', '＼', '﹟', '﹠', '﹡', '﹨', '﹪', '﹫':
		return true
	}
	return false
}

// separator reports whether r joins two numbers when digits stand on both sides of it: a dash
// ("10–550"), or a full-width or ideographic full stop, comma, colon or semicolon, or an ellipsis
// or middle dot ("12：550", "1，550"). The ideographic enumeration comma '、' lists, it never joins.
func separator(r rune) bool {
	switch r {
	case '．', '。', '｡', '，', '﹐', '﹒', '：', '﹕', '︰', '；', '﹔', '・', '･', '…', '‥':
		return true
	}
	return unicode.Is(unicode.Pd, r)
}

// hyphenBefore reports whether a hyphen (not a dash) ends right before text[i]: like ASCII's '-',
// it joins a reply code to the word before it ("IB‐550").
func hyphenBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	switch r {
	case '\u2010', '\u2011', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// fieldEnd reports whether a log field's value ends at text[j]: at the end of the text, or at a
// space, a comma or semicolon, a closing bracket or a quote ("dsn=5.1.1, status=bounced"). A
// value that goes on ("dsn=5.1.1/x", "dsn=5.1.1=") is not a code.
func fieldEnd(text string, j int) bool {
	if j == len(text) {
		return true
	}
	switch c := text[j]; c {
	case ' ', '\t', '\r', '\n', ',', ';', ')', ']', '>', '"', '\'':
		return true
	case '.':
		return j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n'
	}
	return false
}

// gluedID reports whether the word glued to a reply code at text[j] makes the whole an id, not a
// NetEase-style tag ("421HL:ICC"): it holds a digit ("550AB12C3D", Postfix's queue ids) or is four
// or more hex letters ("450ABCDEF:").
func gluedID(text string, j int) bool {
	hex := true
	k := j
	for ; k < len(text) && isAlnum(text[k]); k++ {
		if isDigit(text[k]) {
			return true
		}
		if !isHex(text[k]) {
			hex = false
		}
	}
	return hex && k-j >= 4
}

// dsnBefore reports whether the '=' at text[k] ends the word "dsn" (Postfix's log field).
func dsnBefore(text string, k int) bool {
	return k >= 3 && eqFold(text[k-3:k], "dsn") && (k == 3 || !isAlnum(text[k-4]))
}
