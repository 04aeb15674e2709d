package codes

import "testing"

// TestActionOf pins the action of every reason under every class: the decision users act on.
func TestActionOf(t *testing.T) {
	dead := map[Reason]bool{UserUnknown: true, HostUnknown: true, HasMoved: true}
	unsure := map[Reason]bool{OnHold: true, Undefined: true, Suppressed: true}
	waits := map[Reason]bool{MailboxFull: true, Suspend: true}
	works := map[Reason]bool{Delivered: true, Vacation: true}
	for _, r := range Reasons() {
		for _, c := range []Class{Hard, Soft, Unknown, Success} {
			var want Action
			switch {
			case dead[r], r == NotAccept && c == Hard:
				want = Suppress
			case r == NotAccept:
				want = Wait
			case unsure[r]:
				want = Review
			case works[r]:
				want = Readd
			case waits[r], c == Soft:
				want = Wait
			case c == Hard, c == Success:
				want = Readd
			default:
				want = Review
			}
			if got := ActionOf(c, r); got != want {
				t.Errorf("ActionOf(%s, %s) = %s, want %s", c, r, got, want)
			}
		}
	}
}

// TestActionAddressAtFault checks that exactly the bounces whose address is at fault are
// suppressed, on real texts.
func TestActionAddressAtFault(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Action
	}{
		{"550 5.1.1 The email account that you tried to reach does not exist. gsmtp", Suppress},
		{"smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", Readd},
		{"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints", Wait},
		{"552 5.2.2 The email account that you tried to reach is over quota", Wait},
		{"550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass)", Readd},
		{"Undeliverable", Review},
	} {
		b := Classify(tt.text)
		got := ActionOf(b.Class, b.Reason)
		if got != tt.want {
			t.Errorf("%q: %s/%s → %s, want %s", tt.text, b.Class, b.Reason, got, tt.want)
		}
		if (got == Suppress) != b.AddressAtFault {
			t.Errorf("%q: action %s but AddressAtFault %v", tt.text, got, b.AddressAtFault)
		}
	}
}

func TestParseAction(t *testing.T) {
	for _, a := range Actions() {
		got, err := ParseAction(" " + a.String() + " ")
		if err != nil || got != a {
			t.Errorf("ParseAction(%q) = %v, %v", a.String(), got, err)
		}
	}
	if a, err := ParseAction("Re-Add"); err != nil || a != Readd {
		t.Errorf("ParseAction(Re-Add) = %v, %v", a, err)
	}
	if _, err := ParseAction("delete"); err == nil {
		t.Error("ParseAction(delete) succeeded")
	}
}

func TestSenderFix(t *testing.T) {
	for _, r := range []Reason{AuthFailure, RequirePTR, BadReputation, Blocked} {
		if SenderFix(r) == "" {
			t.Errorf("SenderFix(%s) is empty: the sender must be told what to fix", r)
		}
	}
	if SenderFix(UserUnknown) != "" {
		t.Error("a dead address has no sender fix")
	}
}
