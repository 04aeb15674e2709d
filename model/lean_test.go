package model

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

// summaries writes every summary a user can ask of ds without a text match or a bounce count:
// each grouping, format and order, under several filters.
func summaries(t *testing.T, ds *Dataset) string {
	t.Helper()
	since := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	filters := []struct {
		name string
		f    Filter
	}{
		{"all", Filter{}},
		{"hard", Filter{Classes: []codes.Class{codes.Hard}}},
		{"550", Filter{Basic: 550}},
		{"5.1.1", Filter{Enhanced: codes.Enhanced{Class: 5, Subject: 1, Detail: 1}}},
		{"userunknown", Filter{Reasons: []codes.Reason{codes.UserUnknown}}},
		{"suppress", Filter{Actions: []codes.Action{codes.Suppress}}},
		{"wait,readd", Filter{Actions: []codes.Action{codes.Wait, codes.Readd}}},
		{"gmail.com", Filter{Domain: "Gmail.com"}},
		{"no domain", Filter{Domain: NoDomainName}},
		{"since", Filter{History: History{Since: since}}},
		{"until", Filter{History: History{Until: since}}},
	}
	var b strings.Builder
	for _, f := range filters {
		sel := ds.Select(f.f)
		for _, g := range []Grouping{ByCodes, ByActions, ByReasons, ByDomains, ByProviders} {
			for _, format := range []string{"table", "csv", "json"} {
				orders := []SortBy{ByCount}
				if f.name == "all" {
					orders = append(orders, ByCode)
				}
				for _, by := range orders {
					b.WriteString("== " + f.name + " " + g.String() + " " + format + "\n")
					if err := ds.WriteSummary(&b, sel, ds.GroupsBy(sel, g, by), SummaryOptions{By: g, Format: format}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	return b.String()
}

// TestLeanSummariesAreTheFullLoads checks that a lean load, which keeps only what counting
// needs, writes every summary exactly as a full load does: on every export in testdata
// (hostile ones included), on files read together, and on generated exports and activity
// extracts.
func TestLeanSummariesAreTheFullLoads(t *testing.T) {
	dir := t.TempDir()
	gen := func(name string, write func(*os.File) error) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := write(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	export := gen("export.csv", func(f *os.File) error { return sample.Generate(f, 8_000, 7) })
	acts := gen("activities.csv", func(f *os.File) error { return sample.GenerateActivities(f, 1_500, 7) })
	// Ambiguous dates, decided day first by a later row of the same file.
	dayFirst := gen("dayfirst.csv", func(f *os.File) error {
		_, err := f.WriteString("Email Address,Email Invalid Cause,Email Suspended At,Updated At\n" +
			"a@example.com,550 5.1.1 user unknown,03/04/2026 10:00,03/04/2026 10:00\n" +
			"b@example.net,421 4.7.0 try later,04/05/2026 10:00,\n" +
			"c@example.org,452 4.2.2 mailbox full,25/05/2026 10:00,25/05/2026 10:00\n")
		return err
	})

	inputs := [][]string{{export}, {acts}, {dayFirst}, {export, dayFirst}}
	names, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && fi.Mode().IsRegular() {
			inputs = append(inputs, []string{n})
		}
	}
	inputs = append(inputs, []string{"testdata/people.csv", "testdata/sendgrid-events.json", "testdata/second.csv"})
	loaded := 0
	start := time.Now()
	for _, files := range inputs {
		for _, opts := range []Options{{}, {All: true}} {
			full, ferr := Load(context.Background(), files, opts)
			opts.Lean = true
			lean, lerr := Load(context.Background(), files, opts)
			if (ferr == nil) != (lerr == nil) || ferr != nil && ferr.Error() != lerr.Error() {
				t.Errorf("%v: full load: %v; lean load: %v", files, ferr, lerr)
				continue
			}
			if ferr != nil {
				continue
			}
			loaded++
			if !lean.Lean() || len(lean.Leads) != 0 || lean.Len() != len(full.Leads) {
				t.Errorf("%v: lean load: lean %v, %d leads kept, Len %d; full load has %d leads", files, lean.Lean(), len(lean.Leads), lean.Len(), len(full.Leads))
				continue
			}
			if !lean.Now.Equal(full.Now) && full.Now.Before(start) { // else both are the clock's: no date in the files
				t.Errorf("%v: lean Now %v, full %v", files, lean.Now, full.Now)
			}
			if len(lean.Skipped) != len(full.Skipped) {
				t.Errorf("%v: lean skipped %d rows, full %d", files, len(lean.Skipped), len(full.Skipped))
			}
			got, want := summaries(t, lean), summaries(t, full)
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for k := range min(len(gl), len(wl)) {
					if gl[k] != wl[k] {
						t.Errorf("%v (all %v): line %d of the summaries differs:\nlean: %s\nfull: %s", files, opts.All, k+1, gl[k], wl[k])
						break
					}
				}
			}
		}
	}
	if loaded < 40 {
		t.Errorf("only %d loads compared", loaded)
	}
}

// TestLeanLoadKeepsNoTexts checks what makes a lean load lean: no lead is kept, and the memory
// held after it is a fraction of a full load's.
func TestLeanLoadKeepsNoTexts(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.Generate(&buf, 20_000, 3); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	ds, err := Load(context.Background(), []string{p}, Options{Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Lean() || len(ds.Leads) != 0 || ds.Len() < 19_000 {
		t.Fatalf("lean load: lean %v, %d leads, Len %d", ds.Lean(), len(ds.Leads), ds.Len())
	}
	// A join needs the lead rows: such a load is never lean.
	joined, err := Load(context.Background(), []string{"testdata/people-join.csv", "testdata/activities-join.csv"}, Options{Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	if joined.Lean() || len(joined.Leads) == 0 {
		t.Errorf("a joining load was lean (%d leads kept)", len(joined.Leads))
	}
}
