package codes

import (
	"fmt"
	"strconv"
	"strings"
)

// Class says how permanent a bounce is: the "hard bounces" filter.
type Class uint8

// The classes, in the order a user reads them.
const (
	Unknown Class = iota // nothing to go on
	Hard                 // permanent: 5xx
	Soft                 // transient: 4xx
	Success              // 2xx: not a bounce
)

var classNames = [...]string{Unknown: "unknown", Hard: "hard", Soft: "soft", Success: "success"}

// String returns the class's name as users type it: hard, soft, success or unknown.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// ParseClass reads a class name, ignoring case.
func ParseClass(s string) (Class, error) {
	for c, name := range classNames {
		if strings.EqualFold(s, name) {
			return Class(c), nil
		}
	}
	return Unknown, fmt.Errorf("unknown class %q (want hard, soft, success or unknown)", s)
}

// Reason is what actually went wrong, in Sisimai's (v5.6) vocabulary.
type Reason uint8

// The reasons. Undefined is the zero value: nothing to go on.
const (
	Undefined Reason = iota
	UserUnknown
	HostUnknown
	HasMoved
	NotAccept
	MailboxFull
	Suspend
	Filtered
	Rejected
	Blocked
	SpamDetected
	VirusDetected
	PolicyViolation
	SecurityError
	AuthFailure
	BadReputation
	RequirePTR
	NotCompliantRFC
	NoRelaying
	ContentError
	EmailTooLarge
	RateLimited
	Expired
	NetworkError
	SystemError
	SystemFull
	SyntaxError
	FailedSTARTTLS
	Suppressed
	MailerError
	Vacation
	Delivered
	OnHold
	numReasons
)

var reasonNames = [...]string{
	Undefined:       "undefined",
	UserUnknown:     "userunknown",
	HostUnknown:     "hostunknown",
	HasMoved:        "hasmoved",
	NotAccept:       "notaccept",
	MailboxFull:     "mailboxfull",
	Suspend:         "suspend",
	Filtered:        "filtered",
	Rejected:        "rejected",
	Blocked:         "blocked",
	SpamDetected:    "spamdetected",
	VirusDetected:   "virusdetected",
	PolicyViolation: "policyviolation",
	SecurityError:   "securityerror",
	AuthFailure:     "authfailure",
	BadReputation:   "badreputation",
	RequirePTR:      "requireptr",
	NotCompliantRFC: "notcompliantrfc",
	NoRelaying:      "norelaying",
	ContentError:    "contenterror",
	EmailTooLarge:   "emailtoolarge",
	RateLimited:     "ratelimited",
	Expired:         "expired",
	NetworkError:    "networkerror",
	SystemError:     "systemerror",
	SystemFull:      "systemfull",
	SyntaxError:     "syntaxerror",
	FailedSTARTTLS:  "failedstarttls",
	Suppressed:      "suppressed",
	MailerError:     "mailererror",
	Vacation:        "vacation",
	Delivered:       "delivered",
	OnHold:          "onhold",
}

// oldReasonNames maps Sisimai's names from before v5.6 to the current ones.
var oldReasonNames = map[string]Reason{
	"toomanyconn": RateLimited,
	"speeding":    RateLimited,
	"exceedlimit": EmailTooLarge,
	"mesgtoobig":  EmailTooLarge,
}

// String returns the reason's Sisimai name, such as "userunknown".
func (r Reason) String() string {
	if r < numReasons {
		return reasonNames[r]
	}
	return "undefined"
}

// Reasons lists every reason in catalog order.
func Reasons() []Reason {
	rs := make([]Reason, numReasons)
	for i := range rs {
		rs[i] = Reason(i)
	}
	return rs
}

// ParseReason reads a reason name, ignoring case; Sisimai's pre-5.6 names are accepted too.
func ParseReason(s string) (Reason, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for r, name := range reasonNames {
		if s == name {
			return Reason(r), nil
		}
	}
	if r, ok := oldReasonNames[s]; ok {
		return r, nil
	}
	return Undefined, fmt.Errorf("unknown reason %q", s)
}

// Enhanced is an enhanced status code (RFC 3463) such as 5.1.1. The zero value means none.
type Enhanced struct {
	Class, Subject, Detail uint16
}

// IsZero reports whether e is the absence of a code.
func (e Enhanced) IsZero() bool { return e.Class == 0 }

// String returns the code as written, "5.1.1", or "" for none.
func (e Enhanced) String() string {
	if e.IsZero() {
		return ""
	}
	b := make([]byte, 0, 11)
	b = strconv.AppendUint(b, uint64(e.Class), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(e.Subject), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(e.Detail), 10)
	return string(b)
}

// Suffix returns the code without its class, "X.1.1", the way the registry lists it.
func (e Enhanced) Suffix() string {
	if e.IsZero() {
		return ""
	}
	return "X" + e.String()[1:]
}

// ParseEnhanced reads a code written exactly as "5.1.1": class 2, 4 or 5, subject and detail of
// one to three digits.
func ParseEnhanced(s string) (Enhanced, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || len(parts[0]) != 1 || (parts[0] != "2" && parts[0] != "4" && parts[0] != "5") {
		return Enhanced{}, fmt.Errorf("invalid enhanced status code %q (want a form like 5.1.1)", s)
	}
	var n [3]uint16
	for i, p := range parts {
		if len(p) == 0 || len(p) > 3 {
			return Enhanced{}, fmt.Errorf("invalid enhanced status code %q (want a form like 5.1.1)", s)
		}
		v, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			return Enhanced{}, fmt.Errorf("invalid enhanced status code %q (want a form like 5.1.1)", s)
		}
		n[i] = uint16(v)
	}
	return Enhanced{n[0], n[1], n[2]}, nil
}

// Code is what Parse finds in a reason text: the basic reply code (0 for none) and the
// enhanced status code (zero for none).
type Code struct {
	Basic    uint16
	Enhanced Enhanced
}

// Provider is the receiving mail provider, when the text identifies it; some providers give a
// code their own meaning (Microsoft's 5.1.10, Gmail's 4.7.30).
type Provider uint8

// The providers whose wording the classifier recognises.
const (
	NoProvider Provider = iota
	Google
	Microsoft
	Yahoo
	Apple
	Proofpoint
	Mimecast
	Barracuda
	Cisco
	numProviders
)

var providerNames = [...]string{"", "Google", "Microsoft", "Yahoo", "Apple", "Proofpoint", "Mimecast", "Barracuda", "Cisco"}

// String returns the provider's name, or "" for none.
func (p Provider) String() string {
	if p < numProviders {
		return providerNames[p]
	}
	return ""
}

// Bounce is one reason text understood: its codes, class, reason and whether the address
// itself is at fault (a dead mailbox, not a block).
type Bounce struct {
	Code
	Class          Class
	Reason         Reason
	AddressAtFault bool
	Provider       Provider
}
