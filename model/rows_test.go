package model

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

func TestLoadSpreadsheetStructure(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "spreadsheet.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Skipped) != 0 {
		t.Fatalf("skipped %v", ds.Skipped)
	}
	var emails []string
	for _, l := range ds.Leads {
		emails = append(emails, l.Email)
	}
	if strings.Join(emails, " ") != "a@example.com b@example.com  d@example.com" {
		t.Fatalf("leads %q", emails)
	}
	tot := ds.Totals()
	if tot.Rows != 5 || tot.Leads != 4 || tot.NotBounced != 1 || tot.NoAddress != 1 || tot.BlankRows != 2 ||
		tot.RepeatedHeaders != 1 || tot.Distinct != 3 || tot.Files != 1 {
		t.Errorf("totals %+v", tot)
	}
	if !slices.Equal(tot.ReasonColumn, []string{"Email Invalid Cause"}) || !slices.Equal(tot.EmailColumn, []string{"Email Address"}) {
		t.Errorf("columns used: %q %q", tot.ReasonColumn, tot.EmailColumn)
	}
	a, b, n, d := &ds.Leads[0], &ds.Leads[1], &ds.Leads[2], &ds.Leads[3]
	day := func(y, m, dd, h, mi int) time.Time { return time.Date(y, time.Month(m), dd, h, mi, 0, 0, time.UTC) }
	if !a.CreatedAt.Equal(day(2024, 1, 2, 3, 4)) || !b.CreatedAt.Equal(day(2024, 1, 13, 10, 0)) || !n.CreatedAt.Equal(day(2024, 1, 2, 0, 0)) {
		t.Errorf("dates %v %v %v", a.CreatedAt, b.CreatedAt, n.CreatedAt)
	}
	if !d.CreatedAt.Equal(day(2024, 1, 5, 0, 0)) {
		t.Errorf("05/01/2024 in a file that writes 13/01/2024: %v, want January 5", d.CreatedAt)
	}
	if !b.EmailInvalid || !n.EmailInvalid || !d.EmailInvalid || !n.NoAddress() || a.NoAddress() || n.Email != "" {
		t.Errorf("flags: b %v, NULL row %v %v %q, d %v", b.EmailInvalid, n.EmailInvalid, n.NoAddress(), n.Email, d.EmailInvalid)
	}
	if d.Bounce.Class != codes.Hard || d.NotBounced() {
		t.Errorf("Email Invalid Y, no text: class %v, not bounced %v", d.Bounce.Class, d.NotBounced())
	}

	opts := testOptions()
	opts.All = true
	all, err := loadFiles(t, opts, "spreadsheet.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, all)
	if len(all.Leads) != 5 || !all.Leads[2].NotBounced() || all.Leads[2].Email != "c@example.com" ||
		all.Leads[2].Bounce.Class == codes.Unknown || all.Leads[2].Bounce.Basic != 0 || all.Totals().NotBounced != 1 {
		t.Errorf("--all: %d leads, third %+v", len(all.Leads), all.Leads[2])
	}
	for _, g := range all.Groups(all.Select(Filter{}), ByCount) {
		for _, sg := range g.Subgroups {
			if sg.Class == codes.Unknown {
				t.Errorf("--all: an unknown group %+v", sg)
			}
		}
	}
}

func TestLoadSideFieldsNotUnderstood(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "bad-values.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 3 || len(ds.Skipped) != 0 {
		t.Fatalf("%d leads, skipped %v: every lead is kept", len(ds.Leads), ds.Skipped)
	}
	a, b, c := &ds.Leads[0], &ds.Leads[1], &ds.Leads[2]
	if a.EmailInvalid || !b.CreatedAt.IsZero() || c.CreatedAt.IsZero() {
		t.Errorf("fields not understood are left empty: %v %v", a.EmailInvalid, b.CreatedAt)
	}
	if got := ds.Unparsed(a); !slices.Equal(got, []RawValue{{"Email Invalid", "maybe"}}) {
		t.Errorf("raw of a: %q", got)
	}
	if got := ds.Unparsed(b); !slices.Equal(got, []RawValue{{"Created At", "yesterday"}}) {
		t.Errorf("raw of b: %q", got)
	}
	if ds.Unparsed(c) != nil {
		t.Errorf("raw of c: %q", ds.Unparsed(c))
	}
	notes := strings.Join(ds.Totals().Notes, "\n")
	if !strings.Contains(notes, "1 true/false values not understood in Email Invalid") || !strings.Contains(notes, "1 dates not understood in Created At") {
		t.Errorf("notes %q", notes)
	}
}

func TestLoadGermanExcel(t *testing.T) {
	// Re-saved by a German Excel: semicolons, Windows-1252, D.M.YYYY dates, WAHR/FALSCH.
	text := "Email Address;First Name;Email Invalid;Email Invalid Cause;Created At;Updated At\r\n" +
		"j\xfcrgen@example.de;J\xfcrgen;WAHR;550 5.1.1 Benutzer unbekannt;02.01.2024 03:04;31.12.2024 23:59\r\n" +
		"anna@example.de;Anna;FALSCH;452 4.2.2 Postfach voll;2.1.2024;\r\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(text), "de.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 2 || len(ds.Skipped) != 0 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	j := &ds.Leads[0]
	if j.FirstName != "Jürgen" || !j.EmailInvalid || j.UpdatedAt.Month() != 12 || j.CreatedAt.Day() != 2 || ds.Leads[1].EmailInvalid {
		t.Errorf("lead %+v", j)
	}
	if len(ds.Totals().Notes) != 0 {
		t.Errorf("notes %q", ds.Totals().Notes)
	}
}

func TestLoadEmailColumn(t *testing.T) {
	text := "Work Mail,Private Mail,Reason\nw@example.com,p@example.com,550 5.1.1 gone\n"
	opts := testOptions()
	opts.EmailColumn = "private mail"
	ds, err := LoadReader(context.Background(), strings.NewReader(text), "x.csv", opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 1 || ds.Leads[0].Email != "p@example.com" || ds.Totals().EmailColumn[0] != "Private Mail" {
		t.Errorf("leads %+v, email columns %q", ds.Leads, ds.Totals().EmailColumn)
	}
	opts.EmailColumn = "nope"
	if _, err := LoadReader(context.Background(), strings.NewReader(text), "x.csv", opts); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown email column: %v", err)
	}
}
