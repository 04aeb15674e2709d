package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// sampleFile writes the embedded sample export to a file, as a user would with
// 'bouncelens sample > export.csv'.
func sampleFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.csv")
	if err := os.WriteFile(path, sample.CSV(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// emailColumn reads a preset's CSV and returns its Email Address cells.
func emailColumn(t *testing.T, out string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for k, name := range rows[0] {
		if name == "Email Address" {
			col = k
		}
	}
	if col < 0 {
		t.Fatalf("no Email Address column in %v", rows[0])
	}
	var emails []string
	for _, r := range rows[1:] {
		emails = append(emails, r[col])
	}
	return emails
}

// TestPresetsOnSample is the decide issue's "done means": on the embedded sample, the
// suppress preset holds every address some lead marks dead and nothing else, the readd preset
// none of them, and no preset repeats an address.
func TestPresetsOnSample(t *testing.T) {
	path := sampleFile(t)
	ds, err := model.Load(context.Background(), []string{path}, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dead := map[string]bool{}
	for i := range ds.Leads {
		if ds.Action(int32(i)) == codes.Suppress {
			if a, ok := model.Address(ds.Leads[i].Email); ok {
				dead[model.AddressKey(a)] = true
			}
		}
	}
	if len(dead) == 0 {
		t.Fatal("the sample has no dead address")
	}
	got := map[string]map[string]bool{}
	for _, preset := range []string{"suppress", "readd", "handoff"} {
		code, out, stderr := runCLI(t, "", "export", "--preset", preset, path)
		if code != 0 {
			t.Fatalf("export --preset %s: exit %d: %s", preset, code, stderr)
		}
		set := map[string]bool{}
		for _, e := range emailColumn(t, out) {
			k := model.AddressKey(strings.TrimPrefix(e, "'"))
			if set[k] {
				t.Errorf("--preset %s repeats %s", preset, k)
			}
			set[k] = true
		}
		got[preset] = set
		if !strings.Contains(stderr, "address(es)") {
			t.Errorf("--preset %s says nothing of what it wrote: %q", preset, stderr)
		}
	}
	for k := range dead {
		if !got["suppress"][k] {
			t.Errorf("dead address %s missing from --preset suppress", k)
		}
		if got["readd"][k] {
			t.Errorf("dead address %s in --preset readd", k)
		}
	}
	for k := range got["suppress"] {
		if !dead[k] {
			t.Errorf("--preset suppress holds %s, which no lead marks dead", k)
		}
	}
	if len(got["readd"]) == 0 {
		t.Error("--preset readd is empty on the sample")
	}
}

// TestSummaryByActionJSON checks that summary --by action counts the same as the dataset.
func TestSummaryByActionJSON(t *testing.T) {
	path := sampleFile(t)
	ds, err := model.Load(context.Background(), []string{path}, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := ds.ActionCounts(ds.All())
	code, out, stderr := runCLI(t, "", "summary", "--by", "action", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Leads, Distinct int
		Actions         map[string]int
		Groups          []struct {
			Key       string
			Count     int
			Actions   map[string]int
			Subgroups []struct{ Count int }
		}
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if s.Leads != len(ds.Leads) || s.Distinct == 0 || s.Distinct > s.Leads {
		t.Errorf("leads %d distinct %d, want %d leads", s.Leads, s.Distinct, len(ds.Leads))
	}
	for _, g := range s.Groups {
		a, err := codes.ParseAction(g.Key)
		if err != nil {
			t.Fatalf("group key %q is not an action", g.Key)
		}
		if g.Count != want[a] || s.Actions[g.Key] != want[a] || g.Actions[g.Key] != g.Count {
			t.Errorf("group %s: count %d, header %d, want %d", g.Key, g.Count, s.Actions[g.Key], want[a])
		}
		sub := 0
		for _, sg := range g.Subgroups {
			sub += sg.Count
		}
		if sub != g.Count {
			t.Errorf("group %s: subgroups add up to %d, not %d", g.Key, sub, g.Count)
		}
	}
}

func TestFilterListsAndUnknownNames(t *testing.T) {
	path := sampleFile(t)
	code, out, stderr := runCLI(t, "", "summary", "--reason", "userunknown,hostunknown", "--by", "reason", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct{ Groups []struct{ Key string } }
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Groups) != 2 {
		t.Errorf("--reason userunknown,hostunknown gives groups %+v", s.Groups)
	}
	code, _, stderr = runCLI(t, "", "summary", "--action", "suppress,delete", path)
	if code != 2 || !strings.Contains(stderr, "suppress, readd, wait or review") {
		t.Errorf("unknown action: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "summary", "--reason", "nosuch", path)
	if code != 2 || !strings.Contains(stderr, "userunknown") {
		t.Errorf("unknown reason: exit %d, %q", code, stderr)
	}
}

func TestSummaryTableNeverCutsIntoAPipe(t *testing.T) {
	path := sampleFile(t)
	var out bytes.Buffer
	if code := run([]string{"summary", path}, strings.NewReader(""), &out, &bytes.Buffer{}); code != 0 {
		t.Fatal(code)
	}
	if strings.Contains(out.String(), "…") {
		t.Errorf("summary into a pipe cut text:\n%s", out.String())
	}
}

// TestSummaryByProviderWithFirstAndLast: summary --by provider rolls domains up into mailbox
// providers, every lead in one group, each group with its first and last bounce date.
func TestSummaryByProviderWithFirstAndLast(t *testing.T) {
	path := sampleFile(t)
	code, out, stderr := runCLI(t, "", "summary", "--by", "provider", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Leads  int
		Groups []struct {
			Key         string
			Count       int
			First, Last *string
		}
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	total, keys := 0, map[string]bool{}
	for _, g := range s.Groups {
		total += g.Count
		keys[g.Key] = true
		if g.First == nil || g.Last == nil || *g.First > *g.Last {
			t.Errorf("group %s: first %v last %v", g.Key, g.First, g.Last)
		}
	}
	if total != s.Leads || !keys["Microsoft"] || !keys["Google"] || keys["hotmail.com"] {
		t.Errorf("providers %v, %d of %d leads", keys, total, s.Leads)
	}
}
