package codes

import "strings"

// Some providers write a code of their own in the reply text, and document what each one means:
// Cox and Spectrum after "AUP#" (Cox's AUP#CXBL, Spectrum's AUP#I-1220), GoDaddy as "IB" and three
// digits at the end of the reply (IB104), i.ua in the address of its error page (mail.i.ua/err/3/),
// Orange and La Poste after a server tag (OFR006_102, LPN007_420, OFR_416), Facebook as a word
// such as RCP-P1.
// What each code means is data (rules/providers.tsv, tier provider-code); how to find it in the
// text is here.
//
// Such a code says more than the generic words around it ("rejected", "connection refused"), so
// it is looked at before the phrase rules. The tables follow the providers' published lists (as
// Sisimai's provider modules do).

// providerCodeReason returns the reason a provider's own code in the text stands for, or Undefined.
func (m *matcher) providerCodeReason() Reason {
	if m.has("aup#") {
		if r := aupReason(m.s[strings.Index(m.s, "aup#")+4:]); r != Undefined {
			return r
		}
	}
	if m.has("i.ua/err/") {
		if r := iuaReason(m.s[strings.Index(m.s, "i.ua/err/")+9:]); r != Undefined {
			return r
		}
	}
	for _, tag := range [...]string{"ofr", "lpn", "ouk"} {
		if !m.has(tag) {
			continue
		}
		for s := m.s; ; {
			i := strings.Index(s, tag)
			if i < 0 {
				break
			}
			s = s[i+3:]
			if r := franceReason(s); r != Undefined {
				return r
			}
		}
	}
	for _, prefix := range [...]string{"rcp-", "pol-", "msg-", "int-", "dns-", "con-"} {
		if !m.has(prefix) {
			continue
		}
		for _, c := range facebookCodes {
			if c.code[:4] == prefix && m.has(c.code) && wholeWord(m.s, c.code) {
				return c.reason
			}
		}
	}
	if m.has(" ib") {
		for s := m.s; ; {
			i := strings.Index(s, " ib")
			if i < 0 {
				break
			}
			s = s[i+3:]
			if r := goDaddyReason(s); r != Undefined {
				return r
			}
		}
	}
	return Undefined
}

// aupReason reads what follows "AUP#": Cox's letter codes or Spectrum's four digits (AUP#I-1220,
// AUP#O1530; I for incoming, O for outgoing).
func aupReason(s string) Reason {
	word := s[:alnumRun(s)]
	for _, c := range coxCodes {
		if word == c.code {
			return c.reason
		}
	}
	switch {
	case strings.HasPrefix(word, "ipbl"):
		return Blocked
	case strings.HasPrefix(word, "urlbl"):
		return SpamDetected
	}
	if len(s) > 0 && (s[0] == 'i' || s[0] == 'o') {
		s = s[1:]
	}
	s = strings.TrimPrefix(s, "-")
	if len(s) < 4 || (len(s) > 4 && isDigit(s[4])) {
		return Undefined
	}
	n := 0
	for i := range 4 {
		if !isDigit(s[i]) {
			return Undefined
		}
		n = n*10 + int(s[i]-'0')
	}
	return spectrumReason(n)
}

// spectrumReason maps Spectrum's documented AUP# numbers to reasons.
func spectrumReason(n int) Reason {
	switch {
	case n == 1000, n >= 1200 && n <= 1250:
		return Blocked
	case n >= 1010 && n <= 1080, n == 1500, n == 1520:
		return Rejected
	case n == 1090:
		return SystemError
	case n >= 1100 && n <= 1150:
		return RequirePTR
	case n >= 1160 && n <= 1190, n == 1560:
		return PolicyViolation
	case n == 1260:
		return NetworkError
	case n >= 1300 && n <= 1490, n == 1540, n == 1550, n == 1580:
		return RateLimited
	case n == 1530:
		return EmailTooLarge
	}
	return Undefined
}

func iuaReason(s string) Reason {
	n := 0
	i := 0
	for ; i < len(s) && i < 3 && isDigit(s[i]); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || i == len(s) || s[i] != '/' || n >= len(iuaReasons) {
		return Undefined
	}
	return iuaReasons[n]
}

// franceReason reads what follows an OFR, LPN or OUK tag: letters, digits, '_' and '-' ending in a
// three-digit code that is the whole word or follows '_' or '-' (OFR_416, LPN007_420, LPN416).
func franceReason(s string) Reason {
	n := 0
	for n < len(s) && (isAlnum(s[n]) || s[n] == '_' || s[n] == '-') {
		n++
	}
	w := s[:n]
	if len(w) < 3 || !isDigit(w[len(w)-1]) || !isDigit(w[len(w)-2]) || !isDigit(w[len(w)-3]) {
		return Undefined
	}
	if len(w) > 3 && w[len(w)-4] != '_' && w[len(w)-4] != '-' {
		return Undefined
	}
	code := w[len(w)-3:]
	for _, c := range franceCodes {
		if code == c.code {
			return c.reason
		}
	}
	return Undefined
}

// goDaddyReason reads the three digits after " IB"; they must end the word.
func goDaddyReason(s string) Reason {
	if len(s) < 3 || (len(s) > 3 && isAlnum(s[3])) {
		return Undefined
	}
	for _, c := range goDaddyCodes {
		if s[:3] == c.code {
			return c.reason
		}
	}
	return Undefined
}

// wholeWord reports whether w occurs in s with no letter or digit right before or after it.
func wholeWord(s, w string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isAlnum(s[i-1])) && (end == len(s) || !isAlnum(s[end])) {
			return true
		}
		from = i + 1
	}
}

// alnumRun returns how many letters and digits s starts with.
func alnumRun(s string) int {
	i := 0
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	return i
}

// providerCode is one provider code and the reason it stands for.
type providerCode struct {
	code   string
	reason Reason
}

// Each provider's codes, from the provider-code tier (rule "scheme:code").
var (
	coxCodes      = rules.providerCodes("cox")
	franceCodes   = rules.providerCodes("france")
	goDaddyCodes  = rules.providerCodes("godaddy")
	facebookCodes = rules.providerCodes("facebook")
	iuaReasons    = iuaTable(rules.providerCodes("iua"))
)

// providerCodes returns the codes of one scheme of the provider-code tier, in file order.
func (d ruleData) providerCodes(scheme string) []providerCode {
	t := d["provider-code"]
	if t == nil {
		return nil
	}
	var out []providerCode
	for i, id := range t.ids {
		if code, ok := strings.CutPrefix(id, scheme+":"); ok {
			out = append(out, providerCode{code, t.rules[i].reason})
		}
	}
	return out
}

// iuaTable indexes i.ua's codes (error page numbers) by number.
func iuaTable(codes []providerCode) []Reason {
	var t []Reason
	for _, c := range codes {
		n := 0
		for i := 0; i < len(c.code); i++ {
			n = n*10 + int(c.code[i]-'0')
		}
		for len(t) <= n {
			t = append(t, Undefined)
		}
		t[n] = c.reason
	}
	return t
}
