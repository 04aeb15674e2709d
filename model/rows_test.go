package model

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
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

// TestLoadCodeColumns reads the platforms' own code, status and type columns, written from each
// platform's documented format: a code column fills in the code a text lacks (and only that),
// the platform's label is kept, and the columns used are reported.
func TestLoadCodeColumns(t *testing.T) {
	type want struct {
		basic    uint16
		enhanced string
		class    codes.Class
		label    string
	}
	tests := []struct {
		file    string
		reason  string // the reason column used
		codeCol string
		leads   []want
		notBnc  int
	}{
		{"sendgrid-bounces.csv", "reason", "status", []want{
			{0, "5.1.1", codes.Hard, "bounce"},
			{550, "", codes.Hard, "bounce"},
			{550, "5.1.1", codes.Hard, "bounce"}, // the text's codes come first: not SendGrid's 5.0.0
			{0, "", codes.Hard, "blocked"},       // no code anywhere: the text decides
			{0, "4.0.0", codes.Soft, "blocked"},
		}, 0},
		{"dsn-log.csv", "Diagnostic-Code", "Status", []want{
			{0, "5.1.1", codes.Hard, "failed"},
			{0, "4.4.7", codes.Soft, "delayed"},
			{550, "5.7.1", codes.Hard, "failed"},
		}, 0},
		{"sfmc-bounces.csv", "BounceReason", "SMTPCode", []want{
			{550, "", codes.Hard, "Hard bounce"},
			{452, "", codes.Soft, "Soft bounce"},
			{554, "5.7.1", codes.Hard, "Block bounce"},
		}, 1},
		{"postmark-bounces.csv", "Details", "", []want{
			{550, "5.1.1", codes.Hard, "HardBounce"},
			{0, "", codes.Soft, "Transient"},
			{0, "", codes.Unknown, "DnsError"}, // TypeCode 256 is Postmark's, not a reply code
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			tot := ds.Totals()
			if len(ds.Leads) != len(tt.leads) || tot.NotBounced != tt.notBnc || len(ds.Skipped) != 0 {
				t.Fatalf("%d leads, %d not bounced, skipped %v", len(ds.Leads), tot.NotBounced, ds.Skipped)
			}
			if !slices.Equal(tot.ReasonColumn, []string{tt.reason}) {
				t.Errorf("reason columns %q, want %q", tot.ReasonColumn, tt.reason)
			}
			if tt.codeCol != "" && !slices.Equal(tot.CodeColumn, []string{tt.codeCol}) || tt.codeCol == "" && len(tot.CodeColumn) != 0 {
				t.Errorf("code columns %q, want %q", tot.CodeColumn, tt.codeCol)
			}
			for i, w := range tt.leads {
				l := &ds.Leads[i]
				if l.Bounce.Basic != w.basic || l.Bounce.Enhanced.String() != w.enhanced || l.Bounce.Class != w.class || ds.PlatformLabel(l) != w.label {
					t.Errorf("lead %d (%q): %d %s %v %q; want %d %s %v %q", i, l.Reason, l.Bounce.Basic, l.Bounce.Enhanced, l.Bounce.Class,
						ds.PlatformLabel(l), w.basic, w.enhanced, w.class, w.label)
				}
				if strings.ContainsRune(l.Reason, 0) {
					t.Errorf("lead %d: reason %q holds the code key", i, l.Reason)
				}
			}
			// Groups see the codes the column filled in.
			seen := map[uint16]int{}
			for _, g := range ds.Groups(ds.Select(Filter{}), ByCode) {
				seen[g.Basic] += g.Count
			}
			for _, w := range tt.leads {
				seen[w.basic]--
			}
			for b, n := range seen {
				if n != 0 {
					t.Errorf("group %d off by %d", b, n)
				}
			}
		})
	}
}

// TestLoadSections reads two exports concatenated: the second header, with other columns,
// starts a section read by its own columns, in the chunk where it is met and in every later one.
func TestLoadSections(t *testing.T) {
	var b strings.Builder
	b.Write(genCSV(30000)) // several chunks
	b.WriteString("Email Address,Email Invalid Cause,Id\r\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "second.%d@example.com,452 4.2.2 mailbox full,%d\r\n", i, 500000+i)
		if i == 10000 {
			b.WriteString("email address,email invalid cause,id\r\n") // the section's header again
		}
	}
	b.WriteString("Email,Bounce Reason\r\n")
	b.WriteString("third@example.com,421 4.7.0 try later\r\n")
	ds, err := LoadReader(context.Background(), strings.NewReader(b.String()), "two.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 50001 || len(ds.Skipped) != 0 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	for i := range 30000 {
		if l := &ds.Leads[i]; l.ID != strconv.Itoa(100000+i) || !strings.HasPrefix(l.Email, "lead.") {
			t.Fatalf("lead %d: %+v", i, l)
		}
	}
	for i := range 20000 {
		l := &ds.Leads[30000+i]
		if l.Email != fmt.Sprintf("second.%d@example.com", i) || l.ID != strconv.Itoa(500000+i) || l.Bounce.Basic != 452 || l.FirstName != "" {
			t.Fatalf("second export, lead %d: %+v", i, l)
		}
	}
	if l := &ds.Leads[50000]; l.Email != "third@example.com" || l.Bounce.Basic != 421 {
		t.Errorf("third export: %+v", l)
	}
	tot := ds.Totals()
	if tot.RepeatedHeaders != 3 || tot.Rows != 50001 || !slices.Contains(tot.ReasonColumn, "Bounce Reason") || !slices.Contains(tot.EmailColumn, "Email") {
		t.Errorf("totals %+v", tot)
	}
	if n := strings.Count(strings.Join(tot.Notes, "\n"), "a new header"); n != 2 {
		t.Errorf("notes %q", tot.Notes)
	}
}

func TestLoadDSNFields(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "dsn-fields.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 2 || ds.Leads[0].Email != "ann@example.com" || ds.Leads[1].Email != "bob@example.com" ||
		ds.Leads[0].Bounce.Enhanced.String() != "5.1.1" || ds.Leads[1].Bounce.Class != codes.Soft {
		t.Errorf("leads %+v", ds.Leads)
	}
}

func TestIsBounceEvent(t *testing.T) {
	for _, e := range []string{"bounce", "Bounce", "dropped", "deferred", "DeliveryDelay", "failed", "rejected", "Reject",
		"HardBounce", "SoftBounce", "BlockBounce", "blocked"} {
		if !isBounceEvent([]byte(e)) {
			t.Errorf("%q is a bounce", e)
		}
	}
	for _, e := range []string{"delivered", "Delivery", "open", "opened", "click", "processed", "Sent", "Send", "Complaint",
		"SpamComplaint", "spamreport", "unsubscribe", "group_unsubscribe", "Rendering Failure", "accepted", "Subscription"} {
		if isBounceEvent([]byte(e)) {
			t.Errorf("%q is not a bounce", e)
		}
	}
}

func TestIsNull(t *testing.T) {
	for _, tt := range []struct {
		in     string
		strict bool
		want   bool
	}{
		{"null", false, true}, {"NULL", false, true}, {"Null", false, true}, {"N/A", false, true}, {"n/a", false, true},
		{"#N/A", false, true}, {"-", true, true}, {"-", false, false}, {"", false, false}, {"nul", false, false},
		{"none", false, false}, {"N/B", false, false}, {"nulls", false, false}, {"0", true, false},
	} {
		if got := isNull([]byte(tt.in), tt.strict); got != tt.want {
			t.Errorf("isNull(%q, %v) = %v", tt.in, tt.strict, got)
		}
	}
}

// TestLoadCRMColumns: a CRM export's Status, Type and Event columns are no bounce signs and
// no platform labels; a lead without a bounce reason is not bounced whatever they hold.
func TestLoadCRMColumns(t *testing.T) {
	text := "Email,Status,Type,Event,EmailBouncedReason\n" +
		"a@example.com,Open - Not Contacted,Customer,Webinar 2024,\n" +
		"b@example.com,Working,Partner,Webinar 2024,550 5.1.1 user unknown\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(text), "crm.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 1 || ds.Leads[0].Email != "b@example.com" || ds.Totals().NotBounced != 1 {
		t.Fatalf("leads %+v, totals %+v", ds.Leads, ds.Totals())
	}
	if got := ds.PlatformLabel(&ds.Leads[0]); got != "" {
		t.Errorf("label %q", got)
	}
	if b := ds.Leads[0].Bounce; b.Basic != 550 || b.Class != codes.Hard {
		t.Errorf("bounce %+v", b)
	}
}

// TestLoadDateOrderPerFile: the day/month order is decided once per file, from every date
// column, and files are decided apart.
func TestLoadDateOrderPerFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dmy := write("dmy.csv", "Email Address,Email Invalid Cause,Created At,Updated At\n"+
		"a@example.com,550 x,13/01/2024,05/01/2024 10:00\n")
	mdy := write("mdy.csv", "Email Address,Email Invalid Cause,Created At,Updated At\n"+
		"b@example.com,550 x,05/01/2024,06/02/2024\n")
	mixed := write("mixed.csv", "Email Address,Email Invalid Cause,Created At\n"+
		"c@example.com,550 x,13/01/2024\nd@example.com,550 x,01/13/2024\ne@example.com,550 x,02/03/2024\n")
	ds, err := Load(context.Background(), []string{dmy, mdy, mixed}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	a, b, e := &ds.Leads[0], &ds.Leads[1], &ds.Leads[4]
	if !a.CreatedAt.Equal(day(2024, 1, 13)) || !a.UpdatedAt.Equal(day(2024, 1, 5).Add(10*time.Hour)) {
		t.Errorf("day-first file: %v %v", a.CreatedAt, a.UpdatedAt)
	}
	if !b.CreatedAt.Equal(day(2024, 5, 1)) || !b.UpdatedAt.Equal(day(2024, 6, 2)) {
		t.Errorf("file with no evidence, read month first: %v %v", b.CreatedAt, b.UpdatedAt)
	}
	if !e.CreatedAt.Equal(day(2024, 2, 3)) || !strings.Contains(strings.Join(ds.Totals().Notes, "\n"), "mixed.csv mixes day-first and month-first") {
		t.Errorf("mixed file: %v, notes %q", e.CreatedAt, ds.Totals().Notes)
	}
}

// TestLoadSectionWithoutReason: a header inside a file that has no reason column is a bad row;
// the rows after it keep the file's columns.
func TestLoadSectionWithoutReason(t *testing.T) {
	text := "Email Address,Email Invalid Cause\na@example.com,550 x\nEmail Address,First Name\nb@example.com,552 y\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(text), "s.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 2 || ds.Leads[1].Bounce.Basic != 552 || len(ds.Skipped) != 1 ||
		!strings.HasPrefix(ds.Skipped[0].Error(), "s.csv:3: a header inside the file: no bounce reason column") {
		t.Errorf("leads %+v, skipped %v", ds.Leads, ds.Skipped)
	}
}
