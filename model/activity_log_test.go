package model

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

func TestActivityLogHeader(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   bool
		detail int // column of the bounce text
	}{
		{"ID,Date/Time,Activity Type,Detail,Campaign Name,Person", true, 3},
		{"Activity Date,Activity Type Id,Details,Lead ID,Email Address", true, 2},
		{"activity_date,activity,reason,email", true, 2},
		{"Date/Time,Activity Type,Detail,Details", true, 3}, // Details, the attribute's name, wins
		{"Date/Time,Activity Type,Campaign Name", false, 0}, // no detail column
		{"Date/Time,Detail,Email Address", false, 0},        // no activity type column
		{"Activity Type,Detail,Email Address", false, 0},    // no date column
		{"ID,Type,Email,Description,Details,BouncedAt", false, 0},
		{"Id,First Name,Email Address,Email Invalid Cause", false, 0},
	} {
		ll := activityLog(strings.Split(tt.header, ","))
		if (ll != nil) != tt.want || ll != nil && ll.detail != tt.detail {
			t.Errorf("activityLog(%q) = %+v, want a log: %v (detail column %d)", tt.header, ll, tt.want, tt.detail)
		}
	}
	// A bulk extract is read as an extract, not as a log.
	if rows := activityFile(strings.Split("marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes", ",")); rows == nil || rows.kind() != "activity extract" {
		t.Errorf("bulk extract header read as %v", rows)
	}
}

func TestBounceActivity(t *testing.T) {
	for typ, want := range map[string]string{
		"Email Bounced": "Email Bounced", "EMAIL BOUNCED": "Email Bounced", " email_bounced ": "Email Bounced", "8": "Email Bounced",
		"Email Bounced Soft": "Email Bounced Soft", "emailBouncedSoft": "Email Bounced Soft", "27": "Email Bounced Soft",
		"Email Delivered": "", "Sales Email Bounced": "", "48": "", "": "", "Email Bounced Softly": "",
	} {
		if got := bounceActivity(typ); got != want {
			t.Errorf("bounceActivity(%q) = %q, want %q", typ, got, want)
		}
	}
}

func TestLoadMarketoActivityLog(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "marketo-activity-log.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 5 || len(ds.Skipped) != 0 || ds.Rows != 5 {
		t.Fatalf("%d leads, %d skipped, %d rows; want 5, 0, 5: %v", len(ds.Leads), len(ds.Skipped), ds.Rows, ds.Skipped)
	}
	if len(ds.Activities) != 1 {
		t.Fatalf("activities %+v", ds.Activities)
	}
	rep := ds.Activities[0]
	if rep.Kind != "activity log" || rep.Bounces != 5 || rep.OtherRows() != 4 ||
		rep.Other["Visit Web Page"] != 1 || rep.Other["Email Delivered"] != 1 || rep.Other["Open Email"] != 1 {
		t.Errorf("report %+v", rep)
	}
	s := rep.Summary()
	if !strings.Contains(s, "Marketo activity log: 5 bounce(s)") || !strings.Contains(s, "skipped 4 row(s) of other activity types (") ||
		!strings.Contains(s, "Email Delivered: 1") {
		t.Errorf("summary %q", s)
	}
	// The other type's name came with terminal escapes: none survives.
	if codes.SafeText(s) != s || strings.ContainsAny(s, "\x1b\x07") {
		t.Errorf("summary keeps control characters: %q", s)
	}
	want := []struct {
		id, email string
		line      int32
		at        time.Time
		activity  string
		reason    codes.Reason
	}{
		{"7001", "ann.lee@gmail.com", 2, time.Date(2026, 11, 3, 9, 14, 0, 0, time.UTC), "Email Bounced", codes.UserUnknown},
		{"7002", "bob@acme-corp.com", 3, time.Date(2026, 11, 3, 9, 15, 0, 0, time.UTC), "Email Bounced Soft", codes.MailboxFull},
		{"7008", "hal@example.net", 7, time.Time{}, "Email Bounced", codes.UserUnknown},
		{"7004", "", 8, time.Date(2026, 11, 10, 10, 5, 0, 0, time.UTC), "Email Bounced Soft", codes.Undefined},
		{"7009", "eve@example.org", 9, time.Date(2026, 11, 11, 8, 0, 0, 0, time.UTC), "Email Bounced Soft", codes.Blocked},
	}
	for k, w := range want {
		l := &ds.Leads[k]
		if l.ID != w.id || l.Email != w.email || l.Line != w.line || !l.EmailSuspendedAt.Equal(w.at) || extraOf(ds, l, "Marketo Activity") != w.activity {
			t.Errorf("lead %d: id %q %q line %d at %v %q; want %q %q line %d at %v %q", k, l.ID, l.Email, l.Line, l.EmailSuspendedAt,
				extraOf(ds, l, "Marketo Activity"), w.id, w.email, w.line, w.at, w.activity)
		}
		if w.reason != codes.Undefined && l.Bounce.Reason != w.reason {
			t.Errorf("lead %d (%q): reason %v, want %v", k, l.Reason, l.Bounce.Reason, w.reason)
		}
	}
	if !strings.Contains(ds.Leads[1].Reason, "over quota.\nPlease direct") {
		t.Errorf("the line break inside Detail is lost: %q", ds.Leads[1].Reason)
	}
	if !strings.Contains(ds.Leads[2].Reason, `"hal"`) {
		t.Errorf("doubled quotes inside Detail: %q", ds.Leads[2].Reason)
	}
	if c := extraOf(ds, &ds.Leads[0], "Marketo Campaign"); c != "Nov Newsletter.Send" {
		t.Errorf("campaign %q", c)
	}
	if id := extraOf(ds, &ds.Leads[0], "Marketo Activity Id"); id != "90001" {
		t.Errorf("activity id %q", id)
	}
	// Hostile text: control characters are dropped from cells, as elsewhere.
	eve := &ds.Leads[4]
	if strings.ContainsAny(eve.Reason, "\x1b\x07\u009b") || !strings.Contains(eve.Reason, "554 5.7.1 Service unavailable") {
		t.Errorf("reason %q", eve.Reason)
	}
	if p := extraOf(ds, eve, "Marketo Person"); p != "Eve Moss" {
		t.Errorf("person %q", p)
	}
	// The unreadable date is left empty, its text kept and counted in a note.
	hal := &ds.Leads[2]
	if raw := ds.Unparsed(hal); len(raw) != 1 || raw[0].Text != "not a date" {
		t.Errorf("unparsed values of the bad date's row: %+v", raw)
	}
	if notes := strings.Join(ds.Totals().Notes, "\n"); !strings.Contains(notes, "1 dates not understood in Email Suspended At") {
		t.Errorf("notes %q", notes)
	}
	if ds.Totals().NoAddress != 1 {
		t.Errorf("%d leads without an address, want 1", ds.Totals().NoAddress)
	}
}

func TestJoinActivityLogWithPeopleExport(t *testing.T) {
	for _, files := range [][]string{
		{"people-join.csv", "marketo-activity-log.csv"},
		{"marketo-activity-log.csv", "people-join.csv"},
	} {
		t.Run(strings.Join(files, "+"), func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), files...)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			tot := ds.Totals()
			// 7001, 7002 and 7004 have bounces in the log; 7003's row stays.
			if len(ds.Leads) != 6 || tot.Joined != 3 || tot.NoAddress != 0 {
				t.Fatalf("%d leads, %d joined, %d without address; want 6, 3, 0", len(ds.Leads), tot.Joined, tot.NoAddress)
			}
			byID := map[string]*Lead{}
			for i := range ds.Leads {
				byID[strings.TrimSpace(ds.Leads[i].ID)] = &ds.Leads[i]
			}
			if l := byID["7001"]; l == nil || l.FirstName != "Ann" || l.Company != "Acme, Inc." || extraOf(ds, l, "Job Title") != "VP Sales" || l.Email != "ann.lee@gmail.com" {
				t.Errorf("7001: %+v", l)
			}
			if l := byID["7004"]; l == nil || l.Email != "dee@example.com" || l.LastName != "Ray" || extraOf(ds, l, "Marketo Activity") != "Email Bounced Soft" {
				t.Errorf("7004: %+v", l)
			}
			if l := byID["7003"]; l == nil || l.Reason != "550 5.1.1 no such user" {
				t.Errorf("7003: %+v", l)
			}
			if l := byID["7009"]; l == nil || l.FirstName != "" {
				t.Errorf("7009, not in the lead export: %+v", l)
			}
		})
	}
}

func TestLoadActivityLogWithoutBounces(t *testing.T) {
	data := "ID,Date/Time,Activity Type,Detail\n1,\"Nov 3, 2026 9:20 AM\",Visit Web Page,example.com\n2,\"Nov 3, 2026 9:21 AM\",Open Email,Newsletter\n"
	_, err := LoadReader(context.Background(), strings.NewReader(data), "log.csv", testOptions())
	if err == nil || !strings.Contains(err.Error(), "log.csv") || !strings.Contains(err.Error(), "activity log without Email Bounced") || !strings.Contains(err.Error(), "2 row(s)") {
		t.Errorf("error %v", err)
	}
}

func TestLoadActivityLogBadRows(t *testing.T) {
	// A bare quote inside a cell, a row with one more field and a quote never closed: every
	// row is read (the quote that never closes takes the rest of the file as its text), each
	// lead on its own line.
	data := "Date/Time,Activity Type,Detail,Email Address\n" +
		"2026-11-03,Email Bounced,550 5.1.1 \"unknown\" user,a@example.com\n" +
		"2026-11-03,Email Bounced,550 5.1.1 unknown,b@example.com,extra\n" +
		"2026-11-04,Email Bounced Soft,452 4.2.2 full,c@example.com\n" +
		"2026-11-05,Email Bounced,\"never closed,d@example.com\n" +
		"2026-11-06,Email Bounced,550 lost,e@example.com\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(data), "log.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 4 || len(ds.Skipped) != 0 {
		t.Fatalf("%d leads, skipped %v; want 4 and none", len(ds.Leads), ds.Skipped)
	}
	for k, w := range []struct {
		email string
		line  int32
	}{{"a@example.com", 2}, {"b@example.com", 3}, {"c@example.com", 4}, {"", 5}} {
		if l := &ds.Leads[k]; l.Email != w.email || l.Line != w.line {
			t.Errorf("lead %d: %q line %d, want %q line %d", k, l.Email, l.Line, w.email, w.line)
		}
	}
	if r := ds.Leads[0].Reason; r != `550 5.1.1 "unknown" user` {
		t.Errorf("reason %q", r)
	}
	if r := ds.Leads[3].Reason; !strings.Contains(r, "never closed") || !strings.Contains(r, "550 lost") {
		t.Errorf("reason of the unclosed quote %q", r)
	}
}

// FuzzActivityLog checks that any rows under an activity log's header load without a panic,
// every row read is a lead or a skipped row, and every lead is a bounce row.
func FuzzActivityLog(f *testing.F) {
	f.Add("1,\"Nov 3, 2026 9:14 AM\",Email Bounced,550 5.1.1 unknown,a@b.com\n")
	f.Add("2,x,Email Bounced Soft,\"452 full\nline two\",\n3,y,Visit Web Page,page,\n")
	f.Add("4,2026-11-03,27,\"\x1b[2J\",c@d.com\n\"unclosed,8\n")
	f.Fuzz(func(t *testing.T, rows string) {
		data := "ID,Date/Time,Activity Type,Detail,Email Address\n" + rows
		ds, err := LoadReader(context.Background(), strings.NewReader(data), "fuzz.csv", testOptions())
		if err != nil {
			return
		}
		checkTotals(t, ds)
		if len(ds.Activities) != 1 || ds.Activities[0].Kind != "activity log" {
			t.Fatalf("activities %+v", ds.Activities)
		}
		if b := ds.Activities[0].Bounces; ds.Rows < b || ds.Rows-b > len(ds.Skipped) {
			t.Fatalf("%d rows, %d bounces, %d skipped", ds.Rows, b, len(ds.Skipped))
		}
		lines := int32(strings.Count(data, "\n") + 1)
		for i := range ds.Leads {
			l := &ds.Leads[i]
			if a := extraOf(ds, l, "Marketo Activity"); !strings.HasPrefix(a, "Email Bounced") || l.Line < 2 || l.Line > lines {
				t.Fatalf("lead %d: line %d of %d, activity %q", i, l.Line, lines, a)
			}
		}
	})
}
