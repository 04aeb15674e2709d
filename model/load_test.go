package model

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bouncelens/bouncelens/codes"
)

var testNow = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return testNow }}
}

func loadFiles(t *testing.T, opts Options, names ...string) (*Dataset, error) {
	t.Helper()
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join("testdata", n)
	}
	return Load(context.Background(), paths, opts)
}

// checkTotals asserts that every row read is a lead, a skipped row, a row left out as not
// bounced or a lead row joined to its activity bounces.
func checkTotals(t *testing.T, ds *Dataset) {
	t.Helper()
	tot := ds.Totals()
	left := tot.NotBounced
	for i := range ds.Leads {
		if ds.Leads[i].NotBounced() {
			left--
		}
	}
	if ds.Rows != len(ds.Leads)+len(ds.Skipped)+left+tot.Joined || tot.Rows != ds.Rows || tot.Leads != len(ds.Leads) {
		t.Errorf("rows %d != leads %d + skipped %d + not bounced left out %d + joined %d", ds.Rows, len(ds.Leads), len(ds.Skipped), left, tot.Joined)
	}
}

func TestLoadPeopleExportVariants(t *testing.T) {
	for _, name := range []string{"people.csv", "people-lf.csv", "people-bom.csv", "people-utf16le.csv", "people-utf16be.csv", "people.csv.gz"} {
		t.Run(name, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), name)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			if len(ds.Leads) != 3 || len(ds.Skipped) != 0 {
				t.Fatalf("got %d leads, %d skipped (%v), want 3 and 0", len(ds.Leads), len(ds.Skipped), ds.Skipped)
			}
			a, b, c := &ds.Leads[0], &ds.Leads[1], &ds.Leads[2]
			if a.ID != "1001" || a.FirstName != "Ann" || a.LastName != "Lee" || a.Email != "ann.lee@example.com" || a.Company != "Acme, Inc." {
				t.Errorf("lead 1 fields: %+v", a)
			}
			if !a.EmailInvalid || a.EmailSuspended || a.Unsubscribed || !b.EmailSuspended || b.EmailInvalid || !b.Unsubscribed == false || !c.EmailInvalid || !c.Unsubscribed {
				t.Errorf("booleans: a=%v/%v/%v b=%v/%v/%v c=%v/%v", a.EmailInvalid, a.EmailSuspended, a.Unsubscribed, b.EmailInvalid, b.EmailSuspended, b.Unsubscribed, c.EmailInvalid, c.Unsubscribed)
			}
			if want := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC); !a.CreatedAt.Equal(want) || !b.CreatedAt.Equal(want) {
				t.Errorf("Created At: %v, %v; want %v", a.CreatedAt, b.CreatedAt, want)
			}
			if want := time.Date(2026, 11, 27, 14, 3, 11, 0, time.UTC); !a.UpdatedAt.Equal(want) {
				t.Errorf("Updated At %v, want %v", a.UpdatedAt, want)
			}
			if want := time.Date(2026, 11, 28, 20, 5, 0, 0, time.UTC); !b.UpdatedAt.Equal(want) {
				t.Errorf("Updated At with zone %v, want %v", b.UpdatedAt, want)
			}
			if want := time.Date(2026, 11, 28, 21, 5, 0, 0, time.UTC); !b.EmailSuspendedAt.Equal(want) {
				t.Errorf("Email Suspended At %v, want %v", b.EmailSuspendedAt, want)
			}
			if !ds.SuspendedNow(b) || ds.SuspendedNow(a) {
				t.Errorf("SuspendedNow: b=%v a=%v", ds.SuspendedNow(b), ds.SuspendedNow(a))
			}
			if a.Reason != a.EmailInvalidCause || b.Reason != b.EmailSuspendedCause {
				t.Errorf("reasons: %q, %q", a.Reason, b.Reason)
			}
			if !strings.Contains(c.Reason, `"please" retry`) {
				t.Errorf("escaped quotes: %q", c.Reason)
			}
			if a.Bounce.Basic != 550 || a.Bounce.Enhanced != (codes.Enhanced{Class: 5, Subject: 1, Detail: 1}) || a.Bounce.Class != codes.Hard {
				t.Errorf("bounce of lead 1: %+v", a.Bounce)
			}
			if c.LastName != "Dürr" || c.Company != "Dürr GmbH" {
				t.Errorf("UTF-8 text: %q %q", c.LastName, c.Company)
			}
			if len(ds.ExtraColumns) != 1 || ds.ExtraColumns[0] != "Job Title" || a.Extra[0] != "VP Sales" || b.Extra[0] != "" || c.Extra[0] != "Einkäufer" {
				t.Errorf("extra columns %q: %q %q %q", ds.ExtraColumns, a.Extra, b.Extra, c.Extra)
			}
			if a.Line != 2 || c.Line != 4 {
				t.Errorf("lines %d, %d; want 2, 4", a.Line, c.Line)
			}
		})
	}
}

func TestLoadBulkExtracts(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "bulk.tsv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 2 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	a, b := &ds.Leads[0], &ds.Leads[1]
	if a.Email != "rw@example.com" || a.Company != "" || a.FirstName != "Russell" || !a.EmailInvalid || a.EmailSuspendedCause != "" {
		t.Errorf("lead 1: %+v", a)
	}
	if b.FirstName != "" || b.Company != "Seahawks" || b.Reason != "421 4.7.0 Try again later, closing connection." || b.Bounce.Class != codes.Soft {
		t.Errorf("lead 2: %+v", b)
	}
	if len(ds.ExtraColumns) != 1 || ds.ExtraColumns[0] != "leadSource" || a.Extra[0] != "Webinar" || b.Extra[0] != "" {
		t.Errorf("extra: %q %q %q", ds.ExtraColumns, a.Extra, b.Extra)
	}

	ds, err = loadFiles(t, testOptions(), "bulk.ssv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 1 || ds.Leads[0].Reason != "550 5.1.1 user unknown; no such mailbox" {
		t.Errorf("semicolon-separated: %+v", ds.Leads)
	}
	if n := ds.Totals().NotBounced; n != 1 {
		t.Errorf("empty reason, Email Invalid false: %d not bounced, want 1", n)
	}

	ds, err = loadFiles(t, testOptions(), "sep-hint.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 1 || ds.Leads[0].Reason != "550 5.1.1 user unknown, no such user" || ds.Leads[0].Line != 3 {
		t.Errorf("sep= hint: %+v", ds.Leads)
	}
}

func TestLoadEmbeddedNewlines(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "multiline.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 2 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	if r := ds.Leads[0].Reason; strings.Count(r, "\n") != 2 || !strings.HasSuffix(r, "gsmtp") {
		t.Errorf("multi-line reason %q", r)
	}
	if ds.Leads[0].Extra[0] != "first" || ds.Leads[1].Line != 5 || ds.Leads[1].Extra[0] != "second" {
		t.Errorf("after a multi-line field: %q line %d %q", ds.Leads[0].Extra, ds.Leads[1].Line, ds.Leads[1].Extra)
	}
}

func TestLoadReasonColumnChoice(t *testing.T) {
	tests := []struct {
		name   string
		column string
		want   []string
	}{
		{"invalid, then suspended, then other", "", []string{"550 5.1.1 user unknown", "554 5.7.1 blocked", "421 4.7.0 later"}},
		{"named column", "bounce details", []string{"421 4.7.0 later", "421 4.7.0 later", "421 4.7.0 later"}},
		{"named Marketo column", "emailSuspendedCause", []string{"554 5.7.1 blocked", "554 5.7.1 blocked"}}, // c: no text there, no flag: not bounced
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOptions()
			opts.ReasonColumn = tt.column
			ds, err := loadFiles(t, opts, "reasons.csv")
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Leads) != len(tt.want) || ds.Totals().NotBounced != 3-len(tt.want) {
				t.Fatalf("%d leads, %d not bounced; want %d", len(ds.Leads), ds.Totals().NotBounced, len(tt.want))
			}
			for i, w := range tt.want {
				if ds.Leads[i].Reason != w {
					t.Errorf("lead %d: reason %q, want %q", i, ds.Leads[i].Reason, w)
				}
			}
		})
	}
	opts := testOptions()
	opts.ReasonColumn = "Nope"
	_, err := loadFiles(t, opts, "reasons.csv")
	if err == nil || !strings.Contains(err.Error(), "reasons.csv:1:") || !strings.Contains(err.Error(), `"Nope"`) {
		t.Errorf("unknown reason column: %v", err)
	}
}

func TestLoadOtherPlatforms(t *testing.T) {
	tests := []struct{ file, reason string }{
		{"sendgrid.csv", "550 5.1.1 unknown or illegal user: ann@example.com"},
		{"mailgun.csv", "550 5.1.1 The email account does not exist"},
		{"postmark.csv", "smtp;550 5.1.1 user unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Leads) != 1 || ds.Leads[0].Email != "ann@example.com" || ds.Leads[0].Reason != tt.reason {
				t.Fatalf("got %+v, skipped %v", ds.Leads, ds.Skipped)
			}
			if ds.Leads[0].Bounce.Enhanced != (codes.Enhanced{Class: 5, Subject: 1, Detail: 1}) {
				t.Errorf("bounce %+v", ds.Leads[0].Bounce)
			}
		})
	}
}

func TestLoadSeveralFiles(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "people.csv", "second.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 5 || len(ds.Files) != 2 {
		t.Fatalf("%d leads from %q", len(ds.Leads), ds.Files)
	}
	if got := ds.DistinctLeads(ds.All()); got != 4 {
		t.Errorf("distinct leads %d, want 4 (ann.lee@example.com bounced in both files)", got)
	}
	l := &ds.Leads[3]
	if l.File != 1 || l.Line != 2 || l.Email != "ann.lee@example.com" || l.Bounce.Class != codes.Soft {
		t.Errorf("lead from the second file: %+v", l)
	}
	if len(ds.ExtraColumns) != 2 || ds.ExtraColumns[1] != "Lead Source" || l.Extra[1] != "Webinar" || l.Extra[0] != "" {
		t.Errorf("merged extra columns %q, lead extra %q", ds.ExtraColumns, l.Extra)
	}
	if len(ds.Leads[0].Extra) > 1 && ds.Leads[0].Extra[1] != "" {
		t.Errorf("first file has no Lead Source: %q", ds.Leads[0].Extra)
	}
}

func TestLoadStdinReader(t *testing.T) {
	data, err := os.ReadFile("testdata/people.csv.gz")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := LoadReader(context.Background(), bytes.NewReader(data), "-", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 3 || ds.Files[0] != "-" {
		t.Errorf("%d leads from %q", len(ds.Leads), ds.Files)
	}
}

func TestLoadNotCSV(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"binary.bin", "binary.bin: is not text"},
		{"book.xlsx", "book.xlsx: is a zip archive or an Excel workbook"},
		{"unknown-shape.json", "unknown-shape.json:1: JSON event of an unknown shape (an object with \"id\", \"name\"); want Amazon SES"},
		{"empty.csv", "empty.csv: is empty"},
		{"header-only.csv", "header-only.csv: has a header but no rows"},
		{"no-email.csv", "no-email.csv:1: no email column"},
		{"no-reason.csv", "no-reason.csv:1: no bounce reason column"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), tt.file)
			if err == nil {
				t.Fatalf("loaded %d leads, want error %q", len(ds.Leads), tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != filepath.Join("testdata", tt.file) {
				t.Errorf("error %v is not a *ParseError naming the file", err)
			}
		})
	}
}

func TestLoadBadRows(t *testing.T) {
	type skip struct {
		line int
		why  string
	}
	tests := []struct {
		file  string
		leads []string // emails kept
		skips []skip
	}{
		{"ragged.csv", []string{"a@example.com", "d@example.com"}, []skip{{3, "has 1 field, the header has 2"}, {4, "has 3 fields"}}},
		{"bare-quote.csv", []string{"c@example.com"}, []skip{{2, `bare "`}, {3, `extraneous or missing "`}}},
		// Bytes Windows-1252 leaves undefined (0x81, 0x8D) become U+FFFD: the lead is kept.
		{"invalid-utf8.csv", []string{"a@example.com", "b@example.com", "c@example.com"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ds, err := loadFiles(t, testOptions(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			var got []string
			for _, l := range ds.Leads {
				got = append(got, l.Email)
			}
			if strings.Join(got, " ") != strings.Join(tt.leads, " ") {
				t.Errorf("kept %q, want %q", got, tt.leads)
			}
			if len(ds.Skipped) != len(tt.skips) {
				t.Fatalf("skipped %v, want %v", ds.Skipped, tt.skips)
			}
			for i, s := range tt.skips {
				pe := ds.Skipped[i]
				msg := pe.Error()
				prefix := filepath.Join("testdata", tt.file) + ":" + strconv.Itoa(s.line) + ":"
				if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, s.why) {
					t.Errorf("skipped[%d] = %q, want %q ... %q", i, msg, prefix, s.why)
				}
			}
			if len(tt.skips) == 0 {
				return
			}
			opts := testOptions()
			opts.Strict = true
			if _, err := loadFiles(t, opts, tt.file); err == nil || err.Error() != ds.Skipped[0].Error() {
				t.Errorf("strict: error %v, want %v", err, ds.Skipped[0])
			}
		})
	}
	ds, err := loadFiles(t, testOptions(), "invalid-utf8.csv")
	if err != nil {
		t.Fatal(err)
	}
	if ds.Leads[0].Company != "Müller GmbH" || ds.Leads[1].Reason != "550 5.1.1 rép \uFFFD" || ds.Leads[2].Company != "\uFFFD\uFFFD" {
		t.Errorf("repaired text: %q, %q, %q", ds.Leads[0].Company, ds.Leads[1].Reason, ds.Leads[2].Company)
	}
}

func TestLoadUTF16WithoutBOM(t *testing.T) {
	data, err := os.ReadFile("testdata/people-utf16le.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LoadReader(context.Background(), bytes.NewReader(data[2:]), "nobom.csv", testOptions())
	if err == nil || !strings.Contains(err.Error(), "nobom.csv: looks like UTF-16 text without a byte order mark") {
		t.Errorf("error %v", err)
	}
}

func TestLoadHugeField(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Email Address,Email Invalid Cause\n")
	b.WriteString("a@example.com,550 5.1.1 ok\n")
	b.WriteString("b@example.com,\"")
	b.WriteString(strings.Repeat("x", maxField+10))
	b.WriteString("\"\nc@example.com,550 5.1.1 ok\n")
	b.WriteString("d@example.com,\"never closed\n")
	b.WriteString(strings.Repeat("y,", 100) + "\n")
	ds, err := LoadReader(context.Background(), &b, "huge.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 3 || len(ds.Skipped) != 1 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	if r := ds.Leads[1].Reason; len(r) != maxField || !strings.HasSuffix(r, cutMark) || !strings.HasPrefix(r, "xxx") {
		t.Errorf("huge field: %d bytes ending %q, want %d bytes marked as cut", len(r), r[max(0, len(r)-40):], maxField)
	}
	if msg := ds.Skipped[0].Error(); !strings.HasPrefix(msg, "huge.csv:6: record from line 5:") || !strings.Contains(msg, "not closed") {
		t.Errorf("unclosed quote: %q", msg)
	}
}

func TestLoadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Load(ctx, []string{"testdata/people.csv"}, testOptions())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestLoadProgress(t *testing.T) {
	var got []Progress
	opts := testOptions()
	opts.Progress = func(p Progress) { got = append(got, p) }
	path := filepath.Join("testdata", "people.csv.gz")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), []string{path}, opts); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no progress reported")
	}
	last := got[len(got)-1]
	if last.File != path || last.Rows != 3 || last.BytesRead != fi.Size() || last.BytesTotal != fi.Size() {
		t.Errorf("last progress %+v, want 3 rows and %d of %d bytes", last, fi.Size(), fi.Size())
	}
}

func TestLoadBadRowsAcrossChunks(t *testing.T) {
	good := genCSV(60000) // several chunks
	lines := bytes.SplitAfter(good, []byte("\r\n"))
	var b bytes.Buffer
	badAt := map[int]bool{}
	line, odd := 0, false // odd: inside a quoted field that spans lines
	for i, l := range lines {
		if i > 0 && i%7919 < 20 && !odd && len(badAt) < i/7919 {
			// A row with one field too many: it splits, but cannot be read.
			b.WriteString("999,Bad,Row,bad@example.com,,true,550 5.1.1 x,false,,,false,,,,more\r\n")
			badAt[line+1] = true
			line++
		}
		b.Write(l)
		line += bytes.Count(l, []byte("\n"))
		odd = odd != (bytes.Count(l, []byte{'"'})%2 == 1)
	}
	ds, err := LoadReader(context.Background(), &b, "mixed.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 60000 || len(ds.Skipped) != len(badAt) {
		t.Fatalf("%d leads, %d skipped; want 60000 and %d", len(ds.Leads), len(ds.Skipped), len(badAt))
	}
	for _, pe := range ds.Skipped {
		if !badAt[pe.Line] || !strings.Contains(pe.Error(), `has 15 fields`) {
			t.Errorf("unexpected skip %v", pe)
		}
	}
	for i := range ds.Leads {
		if want := strconv.Itoa(100000 + i); ds.Leads[i].ID != want || ds.Leads[i].Email == "bad@example.com" {
			t.Fatalf("lead %d has Id %s, want %s", i, ds.Leads[i].ID, want)
		}
		if i > 0 && ds.Leads[i].Line <= ds.Leads[i-1].Line {
			t.Fatalf("lead %d out of order", i)
		}
	}
	if got := len(ds.Select(Filter{})); got != len(ds.Leads) {
		t.Errorf("select all: %d of %d", got, len(ds.Leads))
	}
}

func TestControlCharactersAreDroppedAndTheRowKept(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "control.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 2 || len(ds.Skipped) != 0 {
		t.Fatalf("kept %d leads and skipped %d rows, want 2 and 0", len(ds.Leads), len(ds.Skipped))
	}
	l := ds.Leads[0]
	if strings.ContainsRune(l.Reason, 0x1b) {
		t.Errorf("reason still holds ESC: %q", l.Reason)
	}
	if l.Reason != "550 5.1.1 [31mred[0m" {
		t.Errorf("reason = %q, want the text with only the control bytes removed", l.Reason)
	}
	if l.Bounce.Basic != 550 || l.Bounce.Enhanced.String() != "5.1.1" {
		t.Errorf("bounce = %+v, want 550 5.1.1", l.Bounce.Code)
	}
}

// A 20 MB reason (a runaway field) keeps its lead, the field cut at maxField and marked as cut;
// the rows after it are read, with their own line numbers.
func TestHugeFieldIsCutAndTheLeadKept(t *testing.T) {
	huge := strings.Repeat("é", 2<<20) + "\n" // 4 MiB a line
	var b strings.Builder
	b.WriteString("Email Address,Email Invalid Cause\n")
	b.WriteString("a@example.com,550 5.1.1 user unknown\n")                       // line 2
	b.WriteString(`b@example.com,"550 5.1.1 ` + strings.Repeat(huge, 5) + "\"\n") // lines 3-8
	b.WriteString("c@example.com,554 5.7.1 blocked using zen.spamhaus.org\n")     // line 9
	b.WriteString(`d@example.com,"never closed` + "\n")                           // line 10
	path := filepath.Join(t.TempDir(), "huge.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := Load(context.Background(), []string{path}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	var emails []string
	for _, l := range ds.Leads {
		emails = append(emails, fmt.Sprintf("%s:%d", l.Email, l.Line))
	}
	if got := strings.Join(emails, " "); got != "a@example.com:2 b@example.com:3 c@example.com:9" {
		t.Errorf("kept %s, want a@example.com:2 b@example.com:3 c@example.com:9", got)
	}
	if len(ds.Leads) == 3 {
		l := ds.Leads[1]
		if len(l.Reason) > maxField || !strings.HasSuffix(l.Reason, cutMark) || !utf8.ValidString(l.Reason) || l.Bounce.Basic != 550 {
			t.Errorf("cut reason: %d bytes, valid %v, bounce %v", len(l.Reason), utf8.ValidString(l.Reason), l.Bounce.Code)
		}
	}
	if len(ds.Skipped) != 1 {
		t.Fatalf("skipped %v, want the unclosed row", ds.Skipped)
	}
	if pe := ds.Skipped[0]; pe.StartLine != 10 {
		t.Errorf("skipped[0] = %v, want line 10", pe)
	}
}

// A stray NUL in one reason does not make the whole export "binary": the row is kept without it.
func TestStrayNULIsDroppedNotFatal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nul.csv")
	data := "Email Address,Email Invalid Cause\na@example.com,550 5.1.1 user\x00 unknown\nb@example.com,421 4.7.0 try later\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := Load(context.Background(), []string{path}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 2 || ds.Leads[0].Reason != "550 5.1.1 user unknown" {
		t.Fatalf("leads %d, first reason %q; want 2 leads and the NUL dropped", len(ds.Leads), ds.Leads[0].Reason)
	}
}

// While a file streams in, the progress reports carry its groups so far; they only grow, and
// the last one holds every lead loaded, in the same groups, counts and classes as Groups gives
// once the load is done. The browser draws them while it waits.
func TestLoadProgressGroups(t *testing.T) {
	data := genCSV(60000) // several chunks
	var got []Progress
	opts := testOptions()
	opts.Progress = func(p Progress) { got = append(got, p) }
	ds, err := LoadReader(context.Background(), bytes.NewReader(data), "many.csv", opts)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		basic    uint16
		enhanced codes.Enhanced
	}
	counts := func(gs []Group) (map[key][codes.Success + 1]int, int) {
		m := map[key][codes.Success + 1]int{}
		total := 0
		for _, g := range gs {
			sum := 0
			for _, s := range g.Subgroups {
				m[key{s.Basic, s.Enhanced}] = s.Classes
				sum += s.Count
			}
			if sum != g.Count {
				t.Errorf("group %s: subgroups hold %d leads, the group %d", g.Key, sum, g.Count)
			}
			total += g.Count
		}
		return m, total
	}
	prev := 0
	for _, p := range got {
		_, n := counts(p.Groups)
		if n < prev {
			t.Errorf("progress groups shrank from %d to %d leads", prev, n)
		}
		prev = n
	}
	last, n := counts(got[len(got)-1].Groups)
	want, wn := counts(ds.Groups(ds.All(), ByCount))
	if n != len(ds.Leads) || wn != n {
		t.Errorf("last progress groups hold %d leads, Groups %d, loaded %d", n, wn, len(ds.Leads))
	}
	if len(last) != len(want) {
		t.Errorf("last progress has %d code pairs, Groups %d", len(last), len(want))
	}
	for k, c := range want {
		if last[k] != c {
			t.Errorf("%d %v: progress classes %v, Groups %v", k.basic, k.enhanced, last[k], c)
		}
	}
	if len(got) < 2 {
		t.Logf("only %d progress report(s): the file loaded within one report interval", len(got))
	}
}
