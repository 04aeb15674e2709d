package ui

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// loadActivities loads the embedded sample's bounce log (`bouncelens sample --activity`):
// several bounces per lead.
func loadActivities(t testing.TB) *model.Dataset {
	t.Helper()
	var buf bytes.Buffer
	if err := sample.Activities(&buf); err != nil {
		t.Fatal(err)
	}
	ds, err := model.LoadReader(context.Background(), &buf, "activities.csv", model.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestRepeatOffenders: on a bounce log, the leads list has a Bounces column (sortable, most
// first) and the picker a "3+ bounces" filter that keeps the addresses that bounced 3 times
// or more, and says how many leads that is.
func TestRepeatOffenders(t *testing.T) {
	ds := loadActivities(t)
	counts := ds.BounceCounts()
	repeats := 0
	for _, n := range counts {
		if n >= repeatBounces {
			repeats++
		}
	}
	if repeats == 0 {
		t.Fatal("the sample's bounce log has no repeat offender")
	}
	h := newHarness(t, ds, 120, 40)
	h.press("enter")
	v := h.view()
	if !strings.Contains(strings.Split(v, "\n")[3], "Bounces") {
		t.Fatalf("leads list without a Bounces column:\n%s", v)
	}
	// Sorted by it, most first: the first row shows the most bounces of any lead listed.
	for h.a.leadsP.order.col != colBounces {
		h.press("s")
	}
	most := int32(0)
	for _, i := range h.a.leadsP.idx {
		most = max(most, counts[i])
	}
	first := strings.Fields(strings.Split(h.view(), "\n")[4])
	if got := first[len(first)-1]; got != strconv.Itoa(int(most)) || !strings.Contains(h.view(), "Bounces ▼") {
		t.Errorf("sorted by bounces: first row ends %q, want %d, and the title marked ▼:\n%s", got, most, h.view())
	}

	h.press("esc", "F")
	pickerRow(t, h, pickRepeat, "3+ bounces")
	it := h.a.pickerP.items[h.a.pickerP.win.cursor]
	if it.count != repeats {
		t.Errorf("picker: 3+ bounces counts %d leads, want %d", it.count, repeats)
	}
	h.press("space", "enter")
	if len(h.a.sel) != repeats || !strings.Contains(h.view(), "min-bounces 3") {
		t.Fatalf("3+ bounces: %d leads selected, want %d:\n%s", len(h.a.sel), repeats, h.view())
	}
	for _, i := range h.a.sel {
		if counts[i] < repeatBounces {
			t.Fatalf("lead %s bounced %d times, kept by 3+ bounces", ds.Leads[i].Email, counts[i])
		}
	}
	h.press("F")
	pickerRow(t, h, pickRepeat, "3+ bounces")
	h.press("space", "enter")
	if len(h.a.sel) != len(ds.Leads) {
		t.Errorf("3+ bounces unchecked: %d of %d leads", len(h.a.sel), len(ds.Leads))
	}
}

// A People export where no address repeats has neither the column nor the filter.
func TestNoRepeatsNoBouncesColumn(t *testing.T) {
	h := newHarness(t, loadPeople(t), 120, 40)
	h.press("enter")
	if strings.Contains(strings.Split(h.view(), "\n")[3], "Bounces") {
		t.Errorf("Bounces column on a file without repeats:\n%s", h.view())
	}
	h.press("esc", "F")
	for _, it := range h.a.pickerP.items {
		if it.kind == pickRepeat {
			t.Errorf("picker offers %q on a file without repeats", it.name)
		}
	}
}

func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		cells []int32
		want  string
	}{
		{[]int32{0, 1, 2, 4}, " ▁▃█"},
		{[]int32{3, 3}, "██"},
		{[]int32{0, 0}, "  "},
		{[]int32{1, 0, 8}, "▁ █"},
	} {
		if got := sparkline(c.cells); got != c.want {
			t.Errorf("sparkline(%v) = %q, want %q", c.cells, got, c.want)
		}
	}
}

// TestGroupsSayWhenTheyBounced: each group shows a sparkline over the selection's span, and
// the line under the list gives the selected group's first and last bounce dates.
func TestGroupsSayWhenTheyBounced(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 150, 40)
	v := h.view()
	if !strings.Contains(strings.Split(v, "\n")[3], "Over time") {
		t.Fatalf("no Over time column at 150 wide:\n%s", v)
	}
	g, _ := h.a.groupsP.Current()
	first, last := ds.Span(g.Leads)
	want := g.Key + ": first bounce " + first.Format(time.DateOnly) + ", last " + last.Format(time.DateOnly) + " (UTC)"
	if !strings.Contains(v, want) {
		t.Errorf("home lacks %q:\n%s", want, v)
	}
	// A group that bounced only during the burst has one or two cells drawn, the others blank.
	for i, r := range h.a.groupsP.rows {
		gr := h.a.groupsP.group(r)
		if r.sub < 0 || gr.Key != "5.7.606" {
			continue
		}
		s := h.a.groupsP.seenOf(r)
		drawn := 0
		for _, n := range s.Cells {
			if n > 0 {
				drawn++
			}
		}
		if drawn == 0 || drawn > 2 || !strings.Contains(strings.Split(v, "\n")[4+i], strings.TrimSpace(sparkline(s.Cells))) {
			t.Errorf("5.7.606 (the burst's code): cells %v, row %q", s.Cells, strings.Split(v, "\n")[4+i])
		}
		return
	}
	t.Fatal("no 5.7.606 row in the sample's home screen")
}

// The domain view says when the provider or domain under the cursor bounced.
func TestDomainsSayWhenTheyBounced(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 40)
	h.press("d", "down")
	d := h.a.domainsP.Current()
	if d == nil {
		t.Fatal("no row in the domain view")
	}
	first, last := ds.Span(d.Leads)
	s := model.Seen{First: first, Last: last}
	if want := seenSpan(&s); !strings.Contains(h.view(), want) {
		t.Errorf("domain view lacks %q for %s:\n%s", want, d.Domain, h.view())
	}
}

// The detail of a bounce from the bounce log says Marketo's category beside the verdict.
func TestDetailShowsMarketosCategory(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 60)
	h.openDetail(550, "5.7.606") // Microsoft's banned sending IP: a spam block, category 1
	mc, ok := ds.Marketo(h.a.detailP.lead)
	if !ok || mc.Category != "1" {
		t.Fatalf("lead %s: Marketo category %+v, %v; want 1", ds.Leads[h.a.detailP.lead].Email, mc, ok)
	}
	// One column at 80 wide: the paragraph reads in order once its lines are joined.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 80})
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "Marketo's category: 1, hard: blocked as spam") || !strings.Contains(v, "1003 (spam blocked on source)") {
		t.Errorf("detail lacks Marketo's category:\n%s", v)
	}
}
