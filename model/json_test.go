package model

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// TestLoadJSON reads each platform's JSON, written from its documented format: one lead per
// bounced recipient, codes from the text first and from the status/code fields where the text
// has none, the platform's label kept, events that are not bounces counted and left out.
func TestLoadJSON(t *testing.T) {
	type want struct {
		email    string
		line     int32
		basic    uint16
		enhanced string
		class    codes.Class
		label    string
	}
	tests := []struct {
		file          string
		reason, email string
		codeCols      []string
		notBounced    int
		leads         []want
	}{
		{"ses-sns.json", "diagnosticCode", "email", []string{"status", "action"}, 0, []want{
			{"jane@example.com", 1, 550, "5.1.1", codes.Hard, "Permanent / General"},
			{"richard@example.com", 1, 0, "5.3.0", codes.Hard, "Permanent / General"}, // no diagnosticCode: the status field
		}},
		{"ses-events.jsonl", "diagnosticCode", "email", []string{"status", "action"}, 2, []want{
			{"ann@example.org", 1, 452, "4.2.2", codes.Soft, "Transient / MailboxFull"},
			{"cat@example.org", 3, 421, "4.4.7", codes.Soft, "DeliveryDelay / TransientCommunicationFailure"},
		}},
		{"sendgrid-events.json", "reason", "email", []string{"status"}, 4, []want{
			{"ann@example.com", 2, 550, "5.1.1", codes.Hard, "bounce / Invalid Address"},
			{"noemail@this.does.not.exist.tld", 17, 0, "", codes.Hard, "blocked / Unclassified"},
			{"cat@example.com", 27, 0, "", codes.Hard, "dropped"},
			{"dan@example.com", 35, 400, "", codes.Soft, "deferred"},
		}},
		{"sendgrid-bounces-api.json", "reason", "email", []string{"status"}, 0, []want{
			{"a@example.com", 1, 550, "5.1.1", codes.Hard, ""},
			{"b@example.com", 1, 0, "4.2.2", codes.Soft, ""},
		}},
		{"postmark-bounces.json", "Details", "Email", nil, 0, []want{
			{"anything@blackhole.postmarkapp.com", 4, 550, "5.1.1", codes.Hard, "HardBounce"},
			{"bob@example.com", 24, 0, "", codes.Soft, "Transient"},
			{"cat@example.com", 43, 0, "", codes.Unknown, "SpamNotification"},
		}},
		{"mailgun-events.json", "message", "recipient", []string{"code", "enhanced-code"}, 2, []want{
			{"alice@example.com", 3, 550, "5.1.1", codes.Hard, "permanent / bounce"},
			{"bob@example.com", 19, 452, "", codes.Soft, "temporary / generic"},
			{"carol@example.com", 34, 0, "", codes.Hard, "permanent / suppress-bounce"}, // 605 is Mailgun's, not a reply code
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			tot := ds.Totals()
			if len(ds.Leads) != len(tt.leads) || tot.NotBounced != tt.notBounced || len(ds.Skipped) != 0 {
				t.Fatalf("%d leads, %d not bounced, skipped %v", len(ds.Leads), tot.NotBounced, ds.Skipped)
			}
			if !slices.Equal(tot.ReasonColumn, []string{tt.reason}) || !slices.Equal(tot.EmailColumn, []string{tt.email}) || !slices.Equal(tot.CodeColumn, tt.codeCols) {
				t.Errorf("columns: reason %q, email %q, code %q", tot.ReasonColumn, tot.EmailColumn, tot.CodeColumn)
			}
			for i, w := range tt.leads {
				l := &ds.Leads[i]
				got := want{l.Email, l.Line, l.Bounce.Basic, l.Bounce.Enhanced.String(), l.Bounce.Class, ds.PlatformLabel(l)}
				if got != w {
					t.Errorf("lead %d (%q):\n got %+v\nwant %+v", i, l.Reason, got, w)
				}
			}
			sel := ds.Select(Filter{})
			n := 0
			for _, g := range ds.Groups(sel, ByCount) {
				n += g.Count
			}
			if n != len(tt.leads) {
				t.Errorf("groups hold %d leads, want %d", n, len(tt.leads))
			}
		})
	}

	ds, err := loadFiles(t, testOptions(), "sendgrid-bounces-api.json")
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Leads[0].CreatedAt.Equal(time.Unix(1443651125, 0)) {
		t.Errorf("created %v", ds.Leads[0].CreatedAt)
	}
	opts := testOptions()
	opts.All = true
	ds, err = loadFiles(t, opts, "sendgrid-events.json")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 8 || !ds.Leads[4].NotBounced() || ds.Leads[4].Bounce.Class == codes.Unknown {
		t.Errorf("--all: %d leads; delivered: %+v", len(ds.Leads), ds.Leads[4])
	}
}

func TestLoadJSONHostile(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown object", `{"id": 1}`, `x.json:1: JSON event of an unknown shape (an object with "id")`},
		{"not an event", `[ 1, 2]`, `x.json:1: JSON event of an unknown shape (a value that is not an object)`},
		{"broken", "[{\"email\": \"a@example.com\",\n \"reason\": }]", "x.json:2: JSON: invalid character"},
		{"cut short", `[{"email": "a@example.com", "reason": "550 x"}`, "x.json:1: JSON: the file ends inside a JSON value"},
		{"stray close", `{"email": "a@example.com", "reason": "550 x"}]`, "x.json:1: JSON"},
		{"empty list", `[]`, "x.json: holds no events"},
		{"too large", `[{"email": "a@example.com", "reason": "` + strings.Repeat("x", maxJSONValue+10) + `"}]`, "x.json:1: JSON: a JSON value is larger than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadReader(context.Background(), strings.NewReader(tt.text), "x.json", testOptions())
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	// An escape sequence in a reason is dropped; the lead is kept.
	ds, err := LoadReader(context.Background(), strings.NewReader(`[{"email":"a@example.com","event":"bounce","reason":"550 5.1.1 \u001b[31mgone"}, {"x": 1}]`), "x.json", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 1 || strings.ContainsRune(ds.Leads[0].Reason, 0x1b) || len(ds.Skipped) != 1 {
		t.Errorf("leads %+v, skipped %v", ds.Leads, ds.Skipped)
	}
	checkTotals(t, ds)
}

// TestLoadMarketoRESTActivities: Marketo's Get Lead Activities response (the REST API's JSON)
// loads as the bulk extract does: each Email Bounced and Email Bounced Soft activity is one
// bounce dated by activityDate, with Marketo's category; other activity types are not bounces.
func TestLoadMarketoRESTActivities(t *testing.T) {
	ds, err := loadFiles(t, Options{Now: func() time.Time { return time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC) }}, "marketo-rest-activities.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		email, id, reason, category string
		invalid, suspendedNow       bool
		at                          time.Time
	}{
		{"ann@hotmail.com", "5001", `550 5.7.1 Service unavailable, Client host [192.0.2.9] blocked using Spamhaus; "see" https://www.spamhaus.org/query/ip/192.0.2.9`, "1", false, true, time.Date(2026, 11, 10, 14, 6, 20, 0, time.UTC)},
		{"bob@gmail.com", "5002", "452-4.2.2 The recipient's inbox is out of storage space.\n452 4.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp", "3", false, false, time.Date(2026, 11, 9, 8, 7, 20, 0, time.UTC)},
		{"carol@example.com", "5004", "Marketo subcategory 2003: email address invalid", "2", true, false, time.Date(2026, 11, 8, 10, 0, 0, 0, time.UTC)},
	}
	if len(ds.Leads) != len(want) {
		t.Fatalf("%d leads, want %d: %+v", len(ds.Leads), len(want), ds.Leads)
	}
	for i, w := range want {
		l := &ds.Leads[i]
		at, from := ds.BounceDate(l)
		mc, _ := ds.Marketo(int32(i))
		if l.Email != w.email || l.ID != w.id || l.Reason != w.reason || mc.Category != w.category || l.EmailInvalid != w.invalid ||
			ds.SuspendedNow(l) != w.suspendedNow || !at.Equal(w.at) || from != ActivityDate {
			t.Errorf("lead %d: %s id %s %q category %q invalid %v suspended now %v at %v (%s), want %+v",
				i, l.Email, l.ID, l.Reason, mc.Category, l.EmailInvalid, ds.SuspendedNow(l), at, from, w)
		}
	}
	if tot := ds.Totals(); tot.NotBounced != 1 || tot.Rows != 4 {
		t.Errorf("totals %+v: want the page view counted as not bounced, 4 rows", tot)
	}
}

// A Marketo activity whose attributes cannot be read is a skipped row naming its line, not a
// bounce without a text.
func TestMarketoRESTActivityBadAttributes(t *testing.T) {
	data := `{"result":[
{"id":1,"leadId":1,"activityDate":"2026-11-10T14:06:20Z","activityTypeId":8,"attributes":[{"name":"Details","value":"550 5.1.1 user unknown"},{"name":"Email","value":"a@example.com"}]},
{"id":2,"leadId":2,"activityDate":"2026-11-10T14:06:20Z","activityTypeId":8,"attributes":"[[[not json"}
]}`
	ds, err := LoadReader(context.Background(), strings.NewReader(data), "acts.json", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 1 || len(ds.Skipped) != 1 || ds.Skipped[0].Line != 3 || !strings.Contains(ds.Skipped[0].Error(), "attributes") {
		t.Fatalf("%d leads, skipped %v: want one lead and line 3 skipped for its attributes", len(ds.Leads), ds.Skipped)
	}
	if ds.Rows != 2 {
		t.Errorf("rows %d, want 2", ds.Rows)
	}
}
