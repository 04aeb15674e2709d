package model

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportRoundTrip(t *testing.T) {
	ds := genDataset(t, 2000)
	sel := ds.Select(Filter{Match: "gmail"})
	var b bytes.Buffer
	opts := ExportOptions{Columns: []string{"email invalid cause", "Job Title", "Email Invalid", "Created At", "bouncelens class", "Email Suspended Cause", "Email Suspended At"}}
	if err := ds.Export(&b, sel, opts); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(b.String(), "\n"); first != "Email Address,First Name,Last Name,Company Name,Email Invalid Cause,Job Title,Email Invalid,Created At,bouncelens class,Email Suspended Cause,Email Suspended At" {
		t.Errorf("header %q", first)
	}
	back, err := LoadReader(context.Background(), &b, "export.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, back)
	if len(back.Leads) != len(sel) || len(back.Skipped) != 0 {
		t.Fatalf("%d leads back (skipped %v), exported %d", len(back.Leads), back.Skipped, len(sel))
	}
	for k, i := range sel {
		a, b := &ds.Leads[i], &back.Leads[k]
		if a.Email != b.Email || a.FirstName != b.FirstName || a.LastName != b.LastName || a.Company != b.Company ||
			a.EmailInvalidCause != b.EmailInvalidCause || a.EmailInvalid != b.EmailInvalid || !a.CreatedAt.Equal(b.CreatedAt) ||
			a.Extra[0] != b.Extra[0] || a.Bounce != b.Bounce {
			t.Fatalf("lead %d changed in the round trip:\n%+v\n%+v", k, a, b)
		}
	}
}

func TestExportFormats(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "people.csv")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ds.Export(&b, []int32{2, 0}, ExportOptions{Format: "emails"}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "ce@example.de\nann.lee@example.com\n" {
		t.Errorf("emails: %q", b.String())
	}
	if err := ds.Export(&b, nil, ExportOptions{Columns: []string{"Shoe Size"}}); err == nil || !strings.Contains(err.Error(), `unknown column "Shoe Size"`) {
		t.Errorf("unknown column: %v", err)
	}
	if err := ds.Export(&b, nil, ExportOptions{Format: "xml"}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestExportGuardsFormulas(t *testing.T) {
	csv := "Email Address,First Name,Last Name,Company Name,Email Invalid Cause\n" +
		"a@example.com,\"=HYPERLINK(\"\"http://evil\"\")\",+1,-2,550 5.1.1 x\n" +
		"b@example.com,@SUM(A1),\"\tTab\",Plain,550 5.1.1 x\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(csv), "f.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ds.Export(&b, ds.All(), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "Email Address,First Name,Last Name,Company Name\n" +
		"a@example.com,\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2\n" +
		"b@example.com,'@SUM(A1),'\tTab,Plain\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A bidirectional override in a cell would make a spreadsheet show it reordered: exports drop
// them, as the screen does, and guard what is left.
func TestExportDropsBidiOverrides(t *testing.T) {
	csv := "Email Address,First Name,Last Name,Company Name,Email Invalid Cause\n" +
		"a@example.com,Ann\u202egpj.exe,\u2066=1+1\u2069,Acme\u200f,550 5.1.1 x\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(csv), "f.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ds.Export(&b, ds.All(), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "Email Address,First Name,Last Name,Company Name\n" + "a@example.com,Anngpj.exe,'=1+1,Acme\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestExportFileAtomicNoOverwrite(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "people.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = ds.ExportFile(path, ds.All(), ExportOptions{}, false)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("export over an existing file: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Errorf("existing file changed to %q", got)
	}
	if err := ds.ExportFile(path, ds.All(), ExportOptions{}, true); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), "Email Address,") || strings.Count(string(got), "\n") != 4 {
		t.Errorf("forced export wrote %q", got)
	}
	fresh := filepath.Join(dir, "new.csv")
	if err := ds.ExportFile(fresh, []int32{0}, ExportOptions{Format: "emails"}, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(fresh); string(got) != "ann.lee@example.com\n" {
		t.Errorf("new file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := ds.ExportFile(filepath.Join(dir, "no", "such", "dir.csv"), nil, ExportOptions{}, false); err == nil {
		t.Error("export into a missing directory succeeded")
	}
}

func TestWriteSummary(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "people.csv", "second.csv")
	if err != nil {
		t.Fatal(err)
	}
	sel := ds.All()
	groups := ds.Groups(sel, ByCount)
	var b bytes.Buffer
	if err := ds.WriteSummary(&b, sel, groups, SummaryOptions{Format: "table", Width: 80}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	if !strings.Contains(b.String(), "550 ") || !strings.Contains(b.String(), "5.1.1") || !strings.Contains(b.String(), "total") {
		t.Errorf("table:\n%s", b.String())
	}

	b.Reset()
	if err := ds.WriteSummary(&b, sel, groups, SummaryOptions{Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Leads, Distinct int
		Groups          []struct {
			Key       string
			Basic     *int
			Count     int
			Class     string
			Subgroups []struct {
				Enhanced *string
				Count    int
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("json: %v\n%s", err, b.String())
	}
	total := 0
	for _, r := range out.Groups {
		total += r.Count
	}
	rows := out.Groups
	if total != 5 || out.Leads != 5 || rows[0].Basic == nil || *rows[0].Basic != 550 || rows[0].Count != 2 || rows[0].Class != "hard" {
		t.Errorf("json %+v", out)
	}

	b.Reset()
	if err := ds.WriteSummary(&b, sel, groups, SummaryOptions{Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "level,group,key,basic,enhanced,count,share,class,hard,soft,unknown,success,suppress,readd,wait,review,name\ngroup,550,550,550,,2,0.4000,hard,2,") {
		t.Errorf("csv:\n%s", b.String())
	}
	if err := ds.WriteSummary(&b, sel, groups, SummaryOptions{Format: "yaml"}); err == nil {
		t.Error("unknown format accepted")
	}
}
