package codes

import (
	"fmt"
	"strings"
)

// Action is what a user should do with a bounced lead: the decision the codes only hint at.
type Action uint8

// The actions, from the most final to the least sure. Review is the zero value: nothing decided.
const (
	Review   Action = iota // the text does not say enough: read it
	Suppress               // the address itself does not work: do not send again
	Readd                  // refused for a cause that is not the address's fault: fix or wait, then re-add
	Wait                   // temporary: the platform retries, nothing to do yet
	numActions
)

var actionNames = [...]string{Review: "review", Suppress: "suppress", Readd: "readd", Wait: "wait"}

// actionText says in plain words what each action means for the lead.
var actionText = [...]string{
	Suppress: "the address itself does not work (unknown user, dead domain, moved): suppress it, do not send again",
	Readd:    "refused for a cause that is not the address's fault (a block, a blocklist, reputation, authentication, policy, content, a rate limit): fix the cause or wait for it to lift, then re-add",
	Wait:     "temporary (a soft bounce, a full mailbox, a lead suspended now): the platform retries, nothing to do yet",
	Review:   "the text does not say enough to decide: read it before you act",
}

// Actions lists every action in the order users read them: suppress, readd, wait, review.
func Actions() []Action { return []Action{Suppress, Readd, Wait, Review} }

// String returns the action's name as users type it: suppress, readd, wait or review.
func (a Action) String() string {
	if a < numActions {
		return actionNames[a]
	}
	return "review"
}

// Explain says in plain words what the action means and what to do.
func (a Action) Explain() string {
	if a < numActions {
		return actionText[a]
	}
	return actionText[Review]
}

// ParseAction reads an action name, ignoring case and surrounding blanks ("re-add" is accepted).
func ParseAction(s string) (Action, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "re-add" {
		s = "readd"
	}
	for a, name := range actionNames {
		if s == name {
			return Action(a), nil
		}
	}
	return Review, fmt.Errorf("unknown action %q (want suppress, readd, wait or review)", s)
}

// ActionOf decides the action for a bounce of the given class and reason (the class may be a
// lead's own, when the platform's flags overrule the text). The address is dead only for the
// reasons that say so (AddressAtFault); a temporary bounce waits; a permanent refusal that is
// not the address's fault is re-added once its cause is fixed; a text without enough to go on
// is reviewed. A 2xx or an auto-reply says the address works, so it is re-added.
func ActionOf(class Class, reason Reason) Action {
	switch reason {
	case UserUnknown, HostUnknown, HasMoved:
		return Suppress
	case NotAccept:
		if class == Hard {
			return Suppress
		}
		return Wait
	case OnHold, Undefined, Suppressed:
		// A platform's own suppression list says an earlier bounce was final, not why.
		return Review
	case Delivered, Vacation:
		return Readd
	case MailboxFull, Suspend:
		return Wait
	}
	switch class {
	case Soft:
		return Wait
	case Hard, Success:
		return Readd
	}
	return Review
}

// SenderFix says what the sender must fix before re-adding leads refused for this reason, or
// "" when the cause is not on the sender's side.
func SenderFix(r Reason) string {
	switch r {
	case AuthFailure:
		return "fix SPF, DKIM and DMARC for the sending domain (and align them), then re-add"
	case RequirePTR:
		return "give the sending IP a reverse DNS (PTR) name that resolves back to it, then re-add"
	case BadReputation:
		return "repair the sending reputation (list hygiene, volume, complaints: see the provider's postmaster tools), then re-add slowly"
	case Blocked:
		return "find which blocklist lists the sending IP or domain (the text often names it) and request delisting, then re-add"
	case SpamDetected, ContentError, PolicyViolation:
		return "change the content that was flagged (links, attachments, wording), then re-add"
	case RateLimited:
		return "send more slowly to this provider; the leads can be re-added as they are"
	case NoRelaying:
		return "check the sending platform's domain and envelope settings, then re-add"
	}
	return ""
}
