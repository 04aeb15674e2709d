package model

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extraOf returns the lead's value of the kept column name, or "(no column)".
func extraOf(ds *Dataset, l *Lead, name string) string {
	for c, n := range ds.ExtraColumns {
		if n == name {
			if c < len(l.Extra) {
				return l.Extra[c]
			}
			return ""
		}
	}
	return "(no column)"
}

// bounceByGUID returns the lead made of the activity with that marketoGUID, or nil.
func bounceByGUID(ds *Dataset, guid string) *Lead {
	for i := range ds.Leads {
		if extraOf(ds, &ds.Leads[i], "Marketo GUID") == guid {
			return &ds.Leads[i]
		}
	}
	return nil
}

func TestJoinActivityExtractWithPeopleExport(t *testing.T) {
	for _, files := range [][]string{
		{"people-join.csv", "activities-join.csv"},
		{"activities-join.csv", "people-join.csv"},
	} {
		t.Run(strings.Join(files, "+"), func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), files...)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			tot := ds.Totals()
			// Six bounce rows (two rows of other activity types are counted, not read); three
			// of the four lead rows are those of leads with activity bounces.
			if len(ds.Leads) != 7 || tot.Joined != 3 || ds.Rows != 10 || len(ds.Skipped) != 0 {
				t.Fatalf("%d leads, %d joined, %d rows, %d skipped; want 7, 3, 10, 0", len(ds.Leads), tot.Joined, ds.Rows, len(ds.Skipped))
			}
			if len(ds.Joins) != 1 || ds.Joins[0].Rows != 3 || !strings.HasSuffix(ds.Joins[0].File, "people-join.csv") {
				t.Errorf("joins %+v", ds.Joins)
			}
			note := "people-join.csv: 3 lead row(s) joined to their activity bounces"
			if !strings.Contains(strings.Join(tot.Notes, "\n"), note) {
				t.Errorf("notes %q, want %q", tot.Notes, note)
			}
			want := []struct {
				guid, id, first, last, email, company, title, source string
				unsubscribed                                         bool
			}{
				{"201", "7001", "Ann", "Lee", "ann.lee@gmail.com", "Acme, Inc.", "VP Sales", "Webinar", false},
				{"203", "7001", "Ann", "Lee", "ann.lee@gmail.com", "Acme, Inc.", "VP Sales", "Webinar", false},
				{"206", "7001", "Ann", "Lee", "ann.lee@gmail.com", "Acme, Inc.", "VP Sales", "Webinar", false},
				{"202", "7002", "Bob", "Ng", "bob@acme-corp.com", "Acme Corp", "Buyer", "Trade Show", true},
				// No Email attribute: the address comes from the lead row; the id is trimmed.
				{"205", " 7004 ", "Dee", "Ray", "dee@example.com", "Ray & Co", "Analyst", "List Import", false},
				// A lead the lead export does not have stays as it is.
				{"208", "7008", "", "", "hal@example.net", "", "", "", false},
			}
			for _, w := range want {
				l := bounceByGUID(ds, w.guid)
				if l == nil {
					t.Errorf("no bounce of activity %s", w.guid)
					continue
				}
				got := []string{l.ID, l.FirstName, l.LastName, l.Email, l.Company, extraOf(ds, l, "Job Title"), extraOf(ds, l, "Lead Source")}
				exp := []string{w.id, w.first, w.last, w.email, w.company, w.title, w.source}
				if strings.Join(got, "|") != strings.Join(exp, "|") || l.Unsubscribed != w.unsubscribed {
					t.Errorf("activity %s: %q unsubscribed %v, want %q %v", w.guid, got, l.Unsubscribed, exp, w.unsubscribed)
				}
				if l.NoAddress() {
					t.Errorf("activity %s still counted without an address", w.guid)
				}
				if a := extraOf(ds, l, "Marketo Activity"); !strings.HasPrefix(a, "Email Bounced") {
					t.Errorf("activity %s: its own column lost: %q", w.guid, a)
				}
			}
			if tot.NoAddress != 0 {
				t.Errorf("%d leads without an address, want 0 (the bounce without Email took its lead's)", tot.NoAddress)
			}
			// The bounce text is the activity's, not the lead row's.
			if l := bounceByGUID(ds, "201"); l != nil && !strings.Contains(l.Reason, "does not exist") {
				t.Errorf("reason %q", l.Reason)
			}
			// The lead row with no activity bounce is its own one bounce.
			var own []*Lead
			for i := range ds.Leads {
				if !strings.HasPrefix(extraOf(ds, &ds.Leads[i], "Marketo Activity"), "Email Bounced") {
					own = append(own, &ds.Leads[i])
				}
			}
			if len(own) != 1 || own[0].ID != "7003" || own[0].FirstName != "Cé" || own[0].Reason != "550 5.1.1 no such user" {
				t.Errorf("lead rows kept: %+v, want only 7003's", own)
			}
			if n := len(ds.Activities); n != 1 || ds.Activities[0].Bounces != 6 || ds.Activities[0].OtherRows() != 2 {
				t.Errorf("activities %+v", ds.Activities)
			}
			// Groups and selections see the joined leads.
			if n := len(ds.All()); n != 7 {
				t.Errorf("All() has %d leads, want 7", n)
			}
			if s := TotalsText(ds, ds.All()); !strings.Contains(s, "3 lead row(s) joined to their activity bounces") {
				t.Errorf("totals text does not count the joined rows:\n%s", s)
			}
		})
	}
}

func TestJoinNeedsBothKinds(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "people-join.csv", "people.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 7 || ds.Totals().Joined != 0 {
		t.Errorf("%d leads, %d joined: two lead exports are not joined", len(ds.Leads), ds.Totals().Joined)
	}
	ds, err = loadFiles(t, testOptions(), "activities-join.csv", "marketo-activities.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if ds.Totals().Joined != 0 || len(ds.Leads) != 6+5 {
		t.Errorf("%d leads, %d joined: two activity extracts are not joined", len(ds.Leads), ds.Totals().Joined)
	}
}

// writeLeadExport writes a lead export into a temporary directory and returns its path.
func writeLeadExport(t *testing.T, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "leads.csv")
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestJoinNotBouncedLeadRow(t *testing.T) {
	// 7008's row is not a bounce (no cause, not invalid); 7100's neither, and it has no bounce.
	people := writeLeadExport(t, "Id,First Name,Last Name,Email Address,Company Name,Email Invalid,Email Invalid Cause\n"+
		"7008,Hal,Ko,hal@example.net,Ko Inc,false,\n"+
		"7100,Ida,Lu,,Lu AG,false,\n")
	acts := filepath.Join("testdata", "activities-join.csv")
	for _, all := range []bool{false, true} {
		opts := testOptions()
		opts.All = all
		ds, err := Load(context.Background(), []string{acts, people}, opts)
		if err != nil {
			t.Fatal(err)
		}
		checkTotals(t, ds)
		tot := ds.Totals()
		// The row that is not a bounce still gives its fields, and is counted once, as joined.
		if l := bounceByGUID(ds, "208"); l == nil || l.FirstName != "Hal" || l.Company != "Ko Inc" || tot.Joined != 1 {
			t.Errorf("all=%v: joined %d, bounce %+v", all, tot.Joined, l)
		}
		// 7100's row is what it always was: left out as not bounced, or, with --all, kept.
		wantLeads, wantNoAddress := 6, 1 // 205 has no Email and no lead row
		if all {
			wantLeads, wantNoAddress = 7, 2
		}
		if tot.NotBounced != 1 || len(ds.Leads) != wantLeads || tot.NoAddress != wantNoAddress {
			t.Errorf("all=%v: not bounced %d, %d leads, %d without address; want 1, %d, %d", all, tot.NotBounced, len(ds.Leads), tot.NoAddress, wantLeads, wantNoAddress)
		}
	}
}

func TestJoinLeadExportWithoutReasonColumn(t *testing.T) {
	// A plain lead list (Id, names, company, Job Title, no bounce column) joins an activity file.
	people := writeLeadExport(t, "Id,First Name,Last Name,Email Address,Company Name,Job Title\n"+
		"7001,Ann,Lee,ann@acme.example,\"Acme, Inc.\",VP Sales\n"+
		"7004,Dee,Ray,dee@example.com,Ray & Co,Analyst\n"+
		"7100,Ida,Lu,ida@example.com,Lu AG,CFO\n")
	for _, files := range [][]string{
		{people, filepath.Join("testdata", "activities-join.csv")},
		{filepath.Join("testdata", "marketo-activity-log.csv"), people},
	} {
		ds, err := Load(context.Background(), files, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		checkTotals(t, ds)
		tot := ds.Totals()
		if tot.Joined != 2 || tot.NotBounced != 1 {
			t.Errorf("%v: joined %d, not bounced %d; want 2 and 1 (7100 has no bounce)", files, tot.Joined, tot.NotBounced)
		}
		for i := range ds.Leads {
			l := &ds.Leads[i]
			switch strings.TrimSpace(l.ID) {
			case "7001":
				if l.FirstName != "Ann" || extraOf(ds, l, "Job Title") != "VP Sales" {
					t.Errorf("%v: 7001 %+v", files, l)
				}
			case "7004":
				if l.Email != "dee@example.com" || l.Company != "Ray & Co" {
					t.Errorf("%v: 7004 %+v", files, l)
				}
			case "7100":
				t.Errorf("%v: 7100, no bounce anywhere, is a lead", files)
			}
		}
		if notes := strings.Join(tot.Notes, "\n"); !strings.Contains(notes, "leads.csv has no bounce reason column") {
			t.Errorf("notes %q", notes)
		}
	}
	// Without an activity file, a lead list is not a bounce export.
	_, err := Load(context.Background(), []string{people, filepath.Join("testdata", "people.csv")}, testOptions())
	if err == nil || !strings.Contains(err.Error(), "no bounce reason column") {
		t.Errorf("lead list without an activity file: %v", err)
	}
}

// FuzzJoin checks that a lead export and an activity extract of any rows load together without
// a panic and that the totals add up, joined rows included.
func FuzzJoin(f *testing.F) {
	f.Add("7001,Ann,ann@a.example,550 5.1.1 unknown\n7002,Bob,,\n", `1,7001,2026-11-03T09:00:00Z,8,,,,"{""Details"":""550 5.1.1 x"",""Email"":""a@b.com""}"`+"\n")
	f.Add(" 7001 ,Ann,,\n7001,Dup,d@e.com,452 full\n", `2, 7001,2026-11-03,27,,,,"{""Details"":""""}"`+"\n3,7002,x,1,,,,{}\n")
	f.Fuzz(func(t *testing.T, leads, activities string) {
		dir := t.TempDir()
		people := filepath.Join(dir, "people.csv")
		acts := filepath.Join(dir, "acts.csv")
		if err := os.WriteFile(people, []byte("Id,First Name,Email Address,Email Invalid Cause\n"+leads), 0o600); err != nil {
			t.Fatal(err)
		}
		header := "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n"
		if err := os.WriteFile(acts, []byte(header+activities), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, all := range []bool{false, true} {
			opts := testOptions()
			opts.All = all
			ds, err := Load(context.Background(), []string{people, acts}, opts)
			if err != nil {
				continue
			}
			checkTotals(t, ds)
			if tot := ds.Totals(); tot.NoAddress < 0 || tot.NotBounced < 0 || tot.Joined < 0 {
				t.Fatalf("negative counts %+v", tot)
			}
			noAddress := 0
			for i := range ds.Leads {
				if ds.Leads[i].flags&flagJoinOnly != 0 {
					t.Fatalf("lead %d kept for the join only is still a lead", i)
				}
				if ds.Leads[i].NoAddress() {
					noAddress++
				}
			}
			if tot := ds.Totals(); tot.NoAddress != noAddress {
				t.Fatalf("%d leads without an address counted, %d found", tot.NoAddress, noAddress)
			}
		}
	})
}
