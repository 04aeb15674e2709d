package codes

import "strings"

// Some providers write a code of their own in the reply text, and document what each one means:
// Cox and Spectrum after "AUP#" (Cox's AUP#CXBL, Spectrum's AUP#I-1220), GoDaddy as "IB" and three
// digits at the end of the reply (IB104), i.ua in the address of its error page (mail.i.ua/err/3/),
// Orange and La Poste after a server tag (OFR006_102, LPN007_420, OFR_416), Facebook as a word
// such as RCP-P1.
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

// coxCodes are Cox's AUP# codes; codes that start with IPBL or URLBL are decided by their prefix.
var coxCodes = [...]struct {
	code   string
	reason Reason
}{
	{"cxbl", Blocked}, {"cdrbl", Blocked}, {"cxdns", RequirePTR}, {"cxsndr", AuthFailure},
	{"cxsmtp", Rejected}, {"cxcnct", RateLimited}, {"cxmxrt", RateLimited}, {"cxthrt", SecurityError},
	{"cxmj", SecurityError},
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

// iuaReasons are i.ua's error page numbers (mail.i.ua/err/N/).
var iuaReasons = [...]Reason{
	1: NoRelaying, 2: UserUnknown, 3: Suspend, 4: MailboxFull, 5: RateLimited, 6: NoRelaying,
	7: Blocked, 8: Rejected, 9: Blocked, 10: Filtered,
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

// franceCodes are Orange's and La Poste's documented codes (the last three digits of OFR006_102).
var franceCodes = [...]struct {
	code   string
	reason Reason
}{
	{"101", Blocked}, {"102", Blocked}, {"103", Blocked}, {"104", RateLimited},
	{"305", SecurityError}, {"401", AuthFailure}, {"402", SecurityError}, {"403", Rejected},
	{"405", Rejected}, {"415", Rejected}, {"416", UserUnknown}, {"417", MailboxFull},
	{"420", Suspend}, {"421", Rejected}, {"426", Suspend}, {"505", SystemError},
	{"506", SpamDetected}, {"510", Blocked}, {"514", EmailTooLarge}, {"517", AuthFailure},
	{"630", PolicyViolation}, {"999", Blocked},
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

// goDaddyCodes are GoDaddy's IB codes.
var goDaddyCodes = [...]struct {
	code   string
	reason Reason
}{
	{"007", RateLimited}, {"101", RateLimited}, {"103", BadReputation}, {"104", Blocked},
	{"105", Blocked}, {"106", Blocked}, {"108", RequirePTR}, {"110", Blocked}, {"111", Blocked},
	{"112", Blocked}, {"113", Blocked}, {"212", SpamDetected}, {"401", SecurityError},
	{"501", NotCompliantRFC}, {"502", NotCompliantRFC}, {"504", RateLimited}, {"506", Rejected},
	{"508", AuthFailure}, {"510", RateLimited}, {"605", RateLimited}, {"607", RateLimited},
	{"705", VirusDetected},
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

// facebookCodes are Facebook's documented response codes.
var facebookCodes = [...]struct {
	code   string
	reason Reason
}{
	{"rcp-p1", UserUnknown}, {"int-p1", UserUnknown}, {"int-p3", UserUnknown}, {"int-p4", UserUnknown},
	{"rcp-p2", Filtered}, {"rcp-p3", Filtered}, {"rcp-t4", Suspend}, {"rcp-t1", SystemError},
	{"pol-p1", Blocked}, {"pol-p2", Blocked}, {"pol-p3", Blocked}, {"pol-p4", Blocked},
	{"pol-t1", Blocked}, {"pol-t2", Blocked}, {"pol-t3", Blocked}, {"pol-p5", VirusDetected},
	{"pol-p6", SpamDetected}, {"pol-p7", AuthFailure}, {"msg-p1", EmailTooLarge},
	{"int-p2", EmailTooLarge}, {"msg-p2", ContentError}, {"msg-p3", NotCompliantRFC},
	{"dns-p1", Rejected}, {"dns-p2", Rejected}, {"dns-t1", Rejected}, {"dns-p3", RequirePTR},
	{"dns-t2", RequirePTR}, {"con-t1", RateLimited}, {"con-t2", RateLimited}, {"con-t3", RateLimited},
	{"con-t4", RateLimited}, {"msg-t1", RateLimited},
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
