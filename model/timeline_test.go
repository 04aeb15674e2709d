package model

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

// timelineDataset is six leads: Microsoft's four domains, Gmail, and one without a date.
func timelineDataset() *Dataset {
	hard := codes.Bounce{Code: codes.Code{Basic: 550, Enhanced: codes.Enhanced{Class: 5, Subject: 1, Detail: 1}}, Class: codes.Hard, Reason: codes.UserUnknown}
	block := codes.Bounce{Code: codes.Code{Basic: 550, Enhanced: codes.Enhanced{Class: 5, Subject: 7, Detail: 1}}, Class: codes.Hard, Reason: codes.Blocked}
	paris := time.FixedZone("CET", 3600)
	return &Dataset{Now: day(2026, 11, 29, 12), Leads: []Lead{
		// Sunday 2026-11-01 23:30 UTC (Monday 00:30 in Paris): the week of Oct 26 in UTC.
		{Email: "a@hotmail.com", Reason: "550 5.7.1 blocked", Bounce: block, EmailSuspendedAt: time.Date(2026, 11, 2, 0, 30, 0, 0, paris)},
		{Email: "b@Outlook.com", Reason: "550 5.7.1 blocked", Bounce: block, UpdatedAt: day(2026, 11, 3, 9)},
		{Email: "c@live.com", Reason: "550 5.7.1 blocked", Bounce: block, EmailSuspendedAt: day(2026, 11, 3, 10), UpdatedAt: day(2025, 1, 1, 0)},
		{Email: "d@contoso.onmicrosoft.com", Reason: "550 5.1.1 unknown", Bounce: hard, UpdatedAt: day(2026, 11, 3, 23)},
		{Email: "e@gmail.com", Reason: "550 5.1.1 unknown", Bounce: hard, UpdatedAt: day(2026, 11, 4, 1)},
		{Email: "f@acme.com", Reason: "550 5.1.1 unknown", Bounce: hard},
	}}
}

func TestTimelineByProvider(t *testing.T) {
	ds := timelineDataset()
	got := ds.Timeline(ds.All(), Day, KeyProvider)
	want := []Bucket{
		{day(2026, 11, 1, 0), "Microsoft", 1},
		{day(2026, 11, 3, 0), "Microsoft", 3},
		{day(2026, 11, 4, 0), "Google", 1},
	}
	if len(got) != len(want) {
		t.Fatalf("buckets %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].Start.Equal(want[i].Start) || got[i].Start.Location() != time.UTC || got[i].Key != want[i].Key || got[i].Count != want[i].Count {
			t.Errorf("bucket %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if n := ds.Undated(ds.All()); n != 1 {
		t.Errorf("undated %d, want 1", n)
	}
}

func TestTimelinePeriods(t *testing.T) {
	ds := timelineDataset()
	week := ds.Timeline(ds.All(), Week, KeyReason)
	// Weeks start on Monday: Nov 1 (a Sunday) is in the week of Oct 26; Nov 3 and 4 in Nov 2's.
	want := []Bucket{{day(2026, 10, 26, 0), "blocked", 1}, {day(2026, 11, 2, 0), "blocked", 2}, {day(2026, 11, 2, 0), "userunknown", 2}}
	if len(week) != len(want) {
		t.Fatalf("weeks %+v", week)
	}
	for i := range want {
		if !week[i].Start.Equal(want[i].Start) || week[i].Key != want[i].Key || week[i].Count != want[i].Count {
			t.Errorf("week bucket %d: %+v, want %+v", i, week[i], want[i])
		}
	}
	hours := ds.Timeline(ds.All(), Hour, KeyCode)
	if len(hours) != 5 || !hours[0].Start.Equal(time.Date(2026, 11, 1, 23, 0, 0, 0, time.UTC)) || hours[0].Key != "550 5.7.1" {
		t.Errorf("hours %+v", hours)
	}
	if got := periodStart(time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC), Week); got != day(1969, 12, 29, 0).Unix() {
		t.Errorf("week before 1970 starts at %v", time.Unix(got, 0).UTC())
	}
}

func TestSpanAndAutoPeriod(t *testing.T) {
	ds := timelineDataset()
	first, last := ds.Span(ds.All())
	if !first.Equal(day(2026, 11, 1, 23).Add(30*time.Minute)) || !last.Equal(day(2026, 11, 4, 1)) {
		t.Errorf("span %v .. %v", first, last)
	}
	if f, l := ds.Span([]int32{5}); !f.IsZero() || !l.IsZero() {
		t.Errorf("span of an undated lead: %v .. %v", f, l)
	}
	for _, tt := range []struct {
		span time.Duration
		want Period
	}{{time.Hour, Hour}, {47 * time.Hour, Hour}, {3 * 24 * time.Hour, Day}, {120 * 24 * time.Hour, Day}, {121 * 24 * time.Hour, Week}} {
		if got := AutoPeriod(first, first.Add(tt.span)); got != tt.want {
			t.Errorf("AutoPeriod over %v: %v, want %v", tt.span, got, tt.want)
		}
	}
}

func TestFilterDateRange(t *testing.T) {
	ds := timelineDataset()
	var f Filter
	f.Since = day(2026, 11, 3, 0)
	f.Until = day(2026, 11, 4, 0)
	got := ds.Select(f)
	if len(got) != 3 || got[0] != 1 || got[2] != 3 {
		t.Errorf("Nov 3: %v, want leads 1, 2, 3", got)
	}
	f.Until = time.Time{}
	if got := ds.Select(f); len(got) != 4 {
		t.Errorf("since Nov 3: %v", got)
	}
	if got := ds.Select(Filter{}); len(got) != 6 {
		t.Errorf("no range: %d leads, want all 6 (the undated one too)", len(got))
	}
}

// TestTimelineCountsEveryLead checks, on a generated export large enough to be counted in
// parallel, that for every period and key the buckets hold every dated lead once.
func TestTimelineCountsEveryLead(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.Generate(&buf, 70_000, 3); err != nil {
		t.Fatal(err)
	}
	ds, err := LoadReader(context.Background(), &buf, "gen.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	sel := ds.Select(Filter{Classes: []codes.Class{codes.Hard, codes.Soft}})
	undated := ds.Undated(sel)
	for _, every := range []Period{Hour, Day, Week} {
		for _, by := range []Key{KeyAction, KeyProvider, KeyReason, KeyCode, KeyDomain} {
			buckets := ds.Timeline(sel, every, by)
			sum := 0
			perKey := map[string]int{}
			for k, b := range buckets {
				sum += b.Count
				perKey[b.Key] += b.Count
				if k > 0 && (b.Start.Before(buckets[k-1].Start) || b.Start.Equal(buckets[k-1].Start) && b.Count > buckets[k-1].Count) {
					t.Fatalf("%v by %v: bucket %d out of order", every, by, k)
				}
				if periodStart(b.Start, every) != b.Start.Unix() {
					t.Fatalf("%v by %v: bucket starts at %v, not at a period's start", every, by, b.Start)
				}
			}
			if sum+undated != len(sel) {
				t.Errorf("%v by %v: %d in buckets + %d undated != %d selected", every, by, sum, undated, len(sel))
			}
			if by == KeyProvider && perKey["Microsoft"] == 0 {
				t.Errorf("by provider: no Microsoft bucket in %v", perKey)
			}
		}
	}
	// Per-key totals agree with an independent count over the leads.
	buckets := ds.Timeline(sel, Day, KeyProvider)
	perKey := map[string]int{}
	for _, b := range buckets {
		perKey[b.Key] += b.Count
	}
	want := map[string]int{}
	for _, i := range sel {
		if at, _ := ds.BounceDate(&ds.Leads[i]); at.IsZero() {
			continue
		}
		p := ds.Provider(i)
		if p == "" {
			p = OtherProvider
		}
		want[p]++
	}
	for k, n := range want {
		if perKey[k] != n {
			t.Errorf("provider %q: %d in buckets, %d leads", k, perKey[k], n)
		}
	}
}

func BenchmarkTimeline(b *testing.B) {
	ds := loaded1M(b)
	sel := ds.All()
	b.Run("Select", func(b *testing.B) { // the baseline: one scan of every lead
		for b.Loop() {
			ds.Select(Filter{})
		}
	})
	// The per-lead dates, domains and providers are built once per dataset, by the first timeline
	// that needs them.
	b.Run("FirstTimeline/provider", func(b *testing.B) {
		for b.Loop() {
			ds.hist = historyIndex{}
			ds.Timeline(sel, Day, KeyProvider)
		}
	})
	for _, by := range []Key{KeyAction, KeyReason, KeyCode, KeyProvider, KeyDomain} {
		b.Run("Day/"+by.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ds.Timeline(sel, Day, by)
			}
		})
	}
	b.Run("Bursts/day", func(b *testing.B) {
		ds.Bursts(sel, Day) // the per-lead dates and providers, built once per dataset
		b.ReportAllocs()
		for b.Loop() {
			ds.Bursts(sel, Day)
		}
	})
	// The sparklines of the home screen's groups: every lead once for its group, once for its
	// subgroup.
	groups := ds.Groups(sel, ByCount)
	from, until := ds.Span(sel)
	b.Run("SeenOver/groups", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range groups {
				ds.SeenOver(groups[i].Leads, from, until, 12)
				for j := range groups[i].Subgroups {
					ds.SeenOver(groups[i].Subgroups[j].Leads, from, until, 12)
				}
			}
		}
	})
}

func TestBounceCountsAndMinBounces(t *testing.T) {
	ds := &Dataset{Leads: []Lead{
		{Email: "ann@x.com"}, {Email: " ANN@x.com"}, {Email: "bob@y.com"}, {Email: "ann@x.com"}, {Email: ""}, {Email: ""},
	}}
	got := ds.BounceCounts()
	want := []int32{3, 3, 1, 3, 1, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("BounceCounts() = %v, want %v", got, want)
		}
	}
	var f Filter
	f.MinBounces = 3
	if sel := ds.Select(f); len(sel) != 3 || sel[0] != 0 || sel[2] != 3 {
		t.Errorf("MinBounces 3: %v, want ann's three leads", sel)
	}
	f.MinBounces = 4
	if sel := ds.Select(f); len(sel) != 0 {
		t.Errorf("MinBounces 4: %v", sel)
	}
	f.MinBounces = 1
	if sel := ds.Select(f); len(sel) != 6 {
		t.Errorf("MinBounces 1: %v, want every lead", sel)
	}
}

func TestSeenOver(t *testing.T) {
	ds := timelineDataset()
	all := ds.All()
	from, until := ds.Span(all)
	s := ds.SeenOver(all, from, until, 4)
	if !s.First.Equal(from) || !s.Last.Equal(until) {
		t.Errorf("first %v, last %v; Span says %v, %v", s.First, s.Last, from, until)
	}
	// Nov 1 23:30 to Nov 4 01:00 in 4 cells of about 12.4 hours: 1, 0, 3 (Nov 3 09:00, 10:00
	// and 23:00 fall in cells 2 and 3), and Nov 4 in the last.
	sum := 0
	for _, n := range s.Cells {
		sum += int(n)
	}
	if sum != 5 || s.Cells[0] != 1 || s.Cells[3] == 0 {
		t.Errorf("cells %v, want the 5 dated leads, the first in cell 0, the last in cell 3", s.Cells)
	}
	// Gmail's one lead: first and last the same; the undated lead alone: no dates, no cells.
	if g := ds.SeenOver([]int32{4}, from, until, 4); !g.First.Equal(g.Last) || g.Cells[3] != 1 {
		t.Errorf("one lead: %+v", g)
	}
	if u := ds.SeenOver([]int32{5}, from, until, 4); !u.First.IsZero() || u.Cells[0]+u.Cells[1]+u.Cells[2]+u.Cells[3] != 0 {
		t.Errorf("undated lead: %+v", u)
	}
}

func TestDateSources(t *testing.T) {
	ds := timelineDataset()
	got := DatedBy(ds.DateSources(ds.All()))
	// Two leads have Email Suspended At, three only Updated At, one no date.
	if want := "dated by Updated At 3, Email Suspended At 2"; got != want {
		t.Errorf("DatedBy = %q, want %q", got, want)
	}
	if got := DatedBy(ds.DateSources([]int32{4})); got != "dated by Updated At" {
		t.Errorf("one lead: %q", got)
	}
	if got := DatedBy(ds.DateSources(nil)); got != "" {
		t.Errorf("no lead: %q", got)
	}
}
