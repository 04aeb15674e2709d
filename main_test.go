package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs bouncelens with args and stdin, returning the exit status and both outputs.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown flag", []string{"--bogus"}, "flag provided but not defined"},
		{"unknown subcommand flag", []string{"explain", "--frmat", "tsv"}, "flag provided but not defined"},
		{"unknown word", []string{"summarize"}, `unknown command or file "summarize"`},
		{"bad explain format", []string{"explain", "--format", "xml", "550"}, "--format must be one of text, tsv, json"},
		{"bad class", []string{"summary", "--class", "medium", "x.csv"}, "--class"},
		{"bad code", []string{"summary", "--code", "5.1.1", "x.csv"}, "--code"},
		{"bad enhanced", []string{"export", "--enhanced", "550", "x.csv"}, "--enhanced"},
		{"bad reason", []string{"summary", "--reason", "nosuchreason", "x.csv"}, "--reason"},
		{"summary without file", []string{"summary"}, "name at least one FILE"},
		{"codes with argument", []string{"codes", "550"}, "codes takes no arguments"},
		{"negative rows", []string{"sample", "--rows", "-3"}, "--rows must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != 2 {
				t.Fatalf("exit status = %d, want 2; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr does not say %q:\n%s", tt.wantErr, stderr)
			}
			if n := strings.Count(stderr, "Usage:"); n != 1 {
				t.Errorf("stderr has the usage %d times, want once:\n%s", n, stderr)
			}
			if !strings.HasPrefix(stderr, "bouncelens: ") {
				t.Errorf("stderr does not start with the error:\n%s", stderr)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "bouncelens explain") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
	code, out, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "bouncelens ") {
		t.Errorf("--version: exit %d, output %q", code, out)
	}
	code, _, stderr := runCLI(t, "", "explain", "--help")
	if code != 0 || !strings.Contains(stderr, "-format") {
		t.Errorf("explain --help: exit %d, stderr %q", code, stderr)
	}
}

func TestMissingFileIsARuntimeError(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.csv")
	code, _, stderr := runCLI(t, "", "summary", missing)
	if code != 1 {
		t.Fatalf("exit status = %d, want 1; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "nope.csv") {
		t.Errorf("stderr does not name the file:\n%s", stderr)
	}
}

func TestExplainTSVFromStdinKeepsInputOrder(t *testing.T) {
	in := "550-5.1.1 The email account that you tried to reach does not exist.\n" +
		"smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org\n" +
		"\n" +
		"421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected volume\n"
	code, out, stderr := runCLI(t, in, "explain", "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "basic\tenhanced\tclass\treason\texplanation" {
		t.Fatalf("header = %q", lines[0])
	}
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want a header and 4 rows:\n%s", len(lines), out)
	}
	want := [][]string{
		{"550", "5.1.1", "hard", "userunknown"},
		{"554", "5.7.1", "hard", "blocked"},
		{"", "", "unknown"},
		{"421", "4.7.0", "soft"},
	}
	for i, w := range want {
		got := strings.Split(lines[i+1], "\t")
		if len(got) != 5 {
			t.Fatalf("row %d has %d fields: %q", i+1, len(got), lines[i+1])
		}
		for j, field := range w {
			if got[j] != field {
				t.Errorf("row %d field %d = %q, want %q (row %q)", i+1, j, got[j], field, lines[i+1])
			}
		}
	}
}

func TestSampleThenSummaryAndExport(t *testing.T) {
	dir := t.TempDir()
	code, csv, stderr := runCLI(t, "", "sample", "--rows", "500", "--seed", "7")
	if code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, stderr := runCLI(t, "", "summary", "--format", "csv", path)
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "550") || !strings.Contains(out, "5.1.1") {
		t.Errorf("summary has no 550 / 5.1.1 group:\n%s", out)
	}

	outFile := filepath.Join(dir, "hard.csv")
	code, _, stderr = runCLI(t, "", "export", "--class", "hard", "-o", outFile, path)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "Email Address,First Name,Last Name,Company Name") {
		t.Errorf("export header = %q", strings.SplitN(string(data), "\n", 2)[0])
	}

	code, _, stderr = runCLI(t, "", "export", "--class", "hard", "-o", outFile, path)
	if code != 1 || !strings.Contains(stderr, "--force") {
		t.Errorf("export over an existing file: exit %d, stderr %q; want 1 and a hint about --force", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "export", "--force", "--class", "hard", "-o", outFile, path)
	if code != 0 {
		t.Errorf("export --force: exit %d: %s", code, stderr)
	}
}

func TestEmailColumnAndAll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crm.csv")
	text := "Work,Private,Reason\nw1@example.com,p1@example.com,550 5.1.1 gone\nw2@example.com,p2@example.com,\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "export", "--email-column", "private", path)
	if code != 0 || !strings.Contains(out, "p1@example.com") || strings.Contains(out, "w1@example.com") || strings.Contains(out, "p2@example.com") {
		t.Fatalf("--email-column: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", "export", "--email-column", "private", "--all", path)
	if code != 0 || !strings.Contains(out, "p2@example.com") {
		t.Fatalf("--all: exit %d, out %q, stderr %q", code, out, stderr)
	}
	if code, _, stderr = runCLI(t, "", "summary", "--email-column", "nope", path); code != 1 || !strings.Contains(stderr, `"nope"`) {
		t.Errorf("unknown --email-column: exit %d, stderr %q", code, stderr)
	}
}

// An export none of whose rows can be read fails (exit 1), and export -o then writes no file.
func TestNothingReadableExitsOneAndWritesNoFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.csv")
	data := "Email Address,Email Invalid,Email Invalid Cause\na@example.com,true,550,x,y,z\nb@example.com,true,550,x,y,z\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	code, _, stderr := runCLI(t, "", "export", "-o", out, in)
	if code != 1 || !strings.Contains(stderr, "no row could be read") {
		t.Errorf("exit %d, stderr %q; want 1 and why", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("wrote an export of nothing")
	}
	if code, _, _ := runCLI(t, "", "summary", in); code != 1 {
		t.Errorf("summary: exit %d, want 1", code)
	}
}

// hasControl reports whether s holds an escape, a C0 control other than line ends, a C1
// control or a bidi override.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return true
		}
	}
	return false
}

// No byte from a file reaches the terminal raw: column names, file names and cells are made
// safe on stderr and stdout.
func TestNothingFromAFileReachesTheTerminalRaw(t *testing.T) {
	dir := t.TempDir()
	evil := "\x1b]0;pwn\x07\u009b31m\u202e" // one ; so that the header stays comma-separated
	cell := "\x1b]52;c;ZXZpbA==\x07\u0085\u009b31m"
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		// Enough plain rows that the controls do not make the file look binary.
		data += strings.Repeat("pad@example.com,true,550 5.1.1 user unknown\n", 20)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noEmail := write("noemail"+evil+".csv", "Who"+evil+",Email Invalid,Email Invalid Cause\n")
	badBool := write("badbool.csv", "Email Address,Email Invalid"+evil+",Email Invalid Cause\na@b.co,maybe"+cell+",550\n")
	good := write("good.csv", "Email Address,Note"+evil+",Email Invalid Cause\na@b.co,n"+cell+",550 5.1.1"+cell+"\n")
	for _, args := range [][]string{
		{"summary", noEmail},
		{"summary", badBool},
		{"summary", filepath.Join(dir, "missing"+evil+".csv")},
		{"export", "--columns", "nope", good},
		{"export", "--columns", "Note", good},
		{"export", "--columns", "Note", "--format", "csv", badBool},
	} {
		_, out, stderr := runCLI(t, "", args...)
		if hasControl(out) || hasControl(stderr) {
			t.Errorf("%q: control characters reach the terminal:\nstdout %q\nstderr %q", args[:len(args)-1], out, stderr)
		}
	}
}

// --format emails leaves out cells that are not an address and says how many; --domain
// matches padded addresses; --force -o DIR says it is a directory.
func TestExportEmailsDomainAndDirectory(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	data := "Email Address,Email Invalid Cause\n  ann@gmail.com ,550 5.1.1\nNULL,550 5.1.1\n\"a@gmail.com\nb@evil.test\",550 5.1.1\nbob@yahoo.com,550\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "export", "--format", "emails", in)
	if code != 0 || out != "ann@gmail.com\nbob@yahoo.com\n" || !strings.Contains(stderr, "left out 2") {
		t.Errorf("emails: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "export", "--format", "emails", "--domain", "gmail.com", in)
	if code != 0 || out != "ann@gmail.com\n" {
		t.Errorf("--domain gmail.com: exit %d, out %q", code, out)
	}
	code, _, stderr = runCLI(t, "", "export", "--force", "-o", dir, in)
	if code != 1 || strings.Contains(stderr, "pass --force") || !strings.Contains(stderr, "directory") {
		t.Errorf("--force -o DIR: exit %d, stderr %q", code, stderr)
	}
}

// A line of several MB on explain's stdin is cut, not the end of the input: every line after it
// is still explained.
func TestExplainReadsPastAHugeLine(t *testing.T) {
	in := "550 5.1.1 user unknown\n554 5.7.1 " + strings.Repeat("x", 3<<20) + "\r\n452 4.2.2 mailbox full\n\nlast"
	code, out, stderr := runCLI(t, in, "explain", "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != 6 || !strings.HasPrefix(rows[2], "554\t5.7.1") || !strings.HasPrefix(rows[3], "452\t4.2.2") || !strings.HasPrefix(rows[4], "\t\t") {
		t.Errorf("%d rows: %q", len(rows), rows)
	}
}

// TestSampleActivityThenTimeline: `sample --activity` writes the sample leads' bounce log,
// which loads as a Marketo activity extract with every bounce kept, and --min-bounces finds
// its repeat offenders.
func TestSampleActivityThenTimeline(t *testing.T) {
	code, acts, stderr := runCLI(t, "", "sample", "--activity")
	if code != 0 || !strings.HasPrefix(acts, "marketoGUID,leadId,activityDate,activityTypeId,") {
		t.Fatalf("sample --activity: exit %d: %s\n%.200s", code, stderr, acts)
	}
	path := filepath.Join(t.TempDir(), "activities.csv")
	if err := os.WriteFile(path, []byte(acts), 0o644); err != nil {
		t.Fatal(err)
	}
	rows := strings.Count(acts, "\n") - 1
	code, out, stderr := runCLI(t, "", "summary", "--format", "json", path)
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, stderr)
	}
	var sum struct{ Leads int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Leads != rows {
		t.Fatalf("summary: %d leads of %d activity rows (%v)", sum.Leads, rows, err)
	}
	code, out, stderr = runCLI(t, "", "summary", "--format", "json", "--min-bounces", "3", path)
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || sum.Leads == 0 || sum.Leads >= rows {
		t.Fatalf("--min-bounces 3: exit %d, %d of %d leads: %s", code, sum.Leads, rows, stderr)
	}
	if code, _, _ := runCLI(t, "", "sample", "--activity", "--rows", "50"); code != 0 {
		t.Errorf("sample --activity --rows 50: exit %d", code)
	}
}
