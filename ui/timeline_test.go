package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/bouncelens/bouncelens/model"
)

// timelineRows reads the chart's rows off the screen: period label to the count shown.
func timelineRows(t *testing.T, h *harness) map[string]int {
	t.Helper()
	rows := map[string]int{}
	for _, ln := range strings.Split(h.view(), "\n")[headerLines+1:] {
		ln = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(ln, "▶ "), "┃ "), "  ")
		f := strings.Fields(ln)
		if len(f) < 2 {
			continue
		}
		if _, err := time.Parse("2006-01-02", f[0]); err != nil {
			continue
		}
		label, count := f[0], f[1]
		if every := h.a.timelineP.msg.every; every != model.Week && len(f) > 2 {
			label, count = f[0]+" "+f[1], f[2] // "2026-11-10 14:00", "2026-11-10 Tue"
		}
		n, err := strconv.Atoi(strings.ReplaceAll(count, ",", ""))
		if err != nil {
			t.Fatalf("row %q: count %q", ln, count)
		}
		rows[label] = n
	}
	return rows
}

func TestTimelineCountsEqualTheModels(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 40)
	h.press("t")
	if h.a.screen() != scrTimeline {
		t.Fatalf("t: screen %d, want the timeline", h.a.screen())
	}
	every := model.AutoPeriod(ds.Span(h.a.sel))
	want := map[string]int{}
	for _, b := range ds.Timeline(h.a.sel, every, model.KeyAction) {
		want[periodLabel(every, b.Start)] += b.Count
	}
	for _, key := range []string{"home", "pgdown", "pgdown", "end"} {
		h.press(key)
		rows := timelineRows(t, h)
		if len(rows) == 0 {
			t.Fatalf("%s: no period on screen:\n%s", key, h.view())
		}
		for label, n := range rows {
			if want[label] != n {
				t.Errorf("%s: period %s shows %d leads, Timeline has %d", key, label, n, want[label])
			}
		}
	}
	// Stacked by provider, the bars count the same leads.
	before := timelineRows(t, h)
	h.press("b")
	if !h.a.timelineP.byProvider || !strings.Contains(h.view(), "by provider") {
		t.Fatalf("b: not stacked by provider:\n%s", h.view())
	}
	if after := timelineRows(t, h); len(after) != len(before) {
		t.Fatalf("b changed the periods: %v, then %v", before, after)
	}
	h.press("b")
	if h.a.timelineP.byProvider {
		t.Fatal("b twice: still by provider")
	}
}

func TestTimelineCursorShowsThePeriodsProvidersAndReasons(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 40)
	h.press("t", "b", "home")
	for range 3 {
		for h.a.timelineP.Current().total == 0 {
			h.press("down")
		}
		c := h.a.timelineP.Current()
		v := h.view()
		title := "Day " + periodLabel(model.Day, c.start)
		if h.a.timelineP.msg.every != model.Day {
			t.Fatalf("the sample spans 100 days, got per %s", h.a.timelineP.msg.every)
		}
		if !strings.Contains(v, title+" · "+plural(c.total, "bounce", "bounces")) {
			t.Fatalf("details lack %q:\n%s", title, v)
		}
		for _, want := range []string{"By provider", "Top reasons", "By action", c.by[stackProvider][0].Key, c.reasons[0].Key} {
			if !strings.Contains(v, want) {
				t.Errorf("period %s: details lack %q:\n%s", title, want, v)
			}
		}
		h.press("down")
	}
}

// TestTimelineShowsWhoStartedBlocking is the history issue's "done means" on the embedded
// sample: t opens the timeline on the burst (which provider, which reason, since when), and
// enter narrows every view to the burst's days.
func TestTimelineShowsWhoStartedBlocking(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 80, 24)
	h.press("t")
	tp := &h.a.timelineP
	if len(tp.msg.bursts) == 0 {
		t.Fatalf("no burst in the sample's timeline:\n%s", h.view())
	}
	b := tp.msg.bursts[0]
	v := h.view()
	for _, want := range []string{"Burst 1/", b.Provider + " " + b.Reason.String(), plural(b.Count, "lead", "leads"), b.From.Format("Jan 2")} {
		if !strings.Contains(v, want) {
			t.Errorf("timeline lacks %q:\n%s", want, v)
		}
	}
	if c := tp.Current(); c == nil || !c.start.Equal(b.From) {
		t.Fatalf("cursor on %v, want the burst's first day %v", c, b.From)
	}
	marked := 0
	for _, ln := range strings.Split(v, "\n") {
		if strings.HasPrefix(ln, "┃ ") || strings.HasPrefix(ln, "▶ ") {
			marked++
		}
	}
	if marked != b.Periods {
		t.Errorf("%d periods marked, the burst spans %d:\n%s", marked, b.Periods, v)
	}
	h.press("enter")
	f := h.a.opts.Filter
	if h.a.screen() != scrGroups || !f.Since.Equal(b.From) || !f.Until.Equal(b.Until) {
		t.Fatalf("enter: screen %d, period [%v, %v), want home narrowed to [%v, %v)", h.a.screen(), f.Since, f.Until, b.From, b.Until)
	}
	n := 0
	for _, i := range h.a.sel {
		if ds.Provider(i) == b.Provider && ds.Leads[i].Bounce.Reason == b.Reason {
			n++
		}
	}
	if n != b.Count {
		t.Errorf("narrowed: %d %s %s leads, the burst said %d", n, b.Provider, b.Reason, b.Count)
	}
	// z shows the next burst, and comes back round.
	h.press("esc", "t", "z")
	if len(tp.msg.bursts) > 1 && (tp.burst != 1 || !strings.Contains(h.view(), "Burst 2/")) {
		t.Errorf("z: burst %d shown:\n%s", tp.burst, h.view())
	}
	for range len(tp.msg.bursts) - 1 {
		h.press("z")
	}
	if tp.burst != 0 {
		t.Errorf("z round the %d bursts: burst %d shown", len(tp.msg.bursts), tp.burst)
	}
}

func TestTimelineNarrowsEveryViewToThePeriod(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 40)
	all := len(h.a.sel)
	h.press("t", "home")
	for h.a.timelineP.Current().total == 0 || h.a.timelineP.inBurst(h.a.timelineP.win.cursor) {
		h.press("down")
	}
	c := *h.a.timelineP.Current()
	h.press("enter")
	if h.a.screen() != scrGroups {
		t.Fatalf("enter: screen %d, want home", h.a.screen())
	}
	f := h.a.opts.Filter
	if !f.Since.Equal(c.start) || !f.Until.Equal(c.start.Add(24*time.Hour)) {
		t.Fatalf("period [%v, %v), want the day of %v", f.Since, f.Until, c.start)
	}
	if len(h.a.sel) != c.total || c.total == 0 {
		t.Fatalf("narrowed to %d leads, the bar said %d", len(h.a.sel), c.total)
	}
	for _, i := range h.a.sel {
		at, _ := ds.BounceDate(&ds.Leads[i])
		if at.Before(f.Since) || !at.Before(f.Until) {
			t.Fatalf("lead %s bounced %v, outside [%v, %v)", ds.Leads[i].Email, at, f.Since, f.Until)
		}
	}
	title := strings.Split(h.view(), "\n")[2]
	if want := "since " + f.Since.Format("2006-01-02") + " until " + f.Until.Format("2006-01-02"); !strings.Contains(title, want) {
		t.Fatalf("title %q lacks %q", title, want)
	}
	// The leads of a group are the period's too.
	h.press("enter")
	for _, i := range h.a.leadsP.idx {
		if at, _ := ds.BounceDate(&ds.Leads[i]); at.Before(f.Since) || !at.Before(f.Until) {
			t.Fatalf("leads list holds %s, bounced %v", ds.Leads[i].Email, at)
		}
	}
	// esc at home clears the period.
	h.press("esc", "esc")
	if len(h.a.sel) != all || !h.a.opts.Filter.Since.IsZero() {
		t.Fatalf("esc: %d of %d leads, since %v", len(h.a.sel), all, h.a.opts.Filter.Since)
	}
	// So does the picker: uncheck the period, apply.
	h.press("t", "n")
	if len(h.a.sel) == all {
		t.Fatal("n did not narrow")
	}
	h.press("F")
	pickerRow(t, h, pickPeriod, strings.TrimSpace(sinceUntil(h.a.opts.Filter.History)))
	h.press("space", "enter")
	if len(h.a.sel) != all || !h.a.opts.Filter.Until.IsZero() {
		t.Fatalf("picker: %d of %d leads, until %v", len(h.a.sel), all, h.a.opts.Filter.Until)
	}
}

func TestTimelineWithoutDates(t *testing.T) {
	ds := smallDataset()
	for i := range ds.Leads {
		ds.Leads[i].UpdatedAt = time.Time{}
	}
	h := newHarness(t, ds, 80, 24)
	h.press("t")
	v := h.view()
	if !strings.Contains(v, "No lead has a bounce date") || !strings.Contains(v, "8 leads have no bounce date") {
		t.Fatalf("timeline without dates:\n%s", v)
	}
	h.press("enter", "down", "b")
	if h.a.screen() != scrTimeline || !h.a.opts.Filter.Since.IsZero() {
		t.Fatal("enter on an empty timeline narrowed or left it")
	}
}

func TestTimelineHoursWhenTheSpanIsShort(t *testing.T) {
	ds := smallDataset()
	for i := range ds.Leads {
		ds.Leads[i].UpdatedAt = testNow.Add(time.Duration(i) * 90 * time.Minute)
	}
	h := newHarness(t, ds, 120, 40)
	h.press("t")
	if h.a.timelineP.msg.every != model.Hour {
		t.Fatalf("10.5 hours of bounces: per %s, want hour", h.a.timelineP.msg.every)
	}
	rows := timelineRows(t, h)
	sum := 0
	for _, n := range rows {
		sum += n
	}
	if !strings.Contains(h.view(), "Timeline per hour") || strings.Contains(h.view(), "without a date") {
		t.Fatalf("title:\n%s", h.view())
	}
	if sum != len(ds.Leads) || len(rows) != 11 {
		t.Fatalf("rows %v: %d leads in %d hours, want 8 in 11 (12:00 to 22:00, empty hours drawn)", rows, sum, len(rows))
	}
}

func TestGoldenTimeline(t *testing.T) {
	ds := loadSample(t)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			h := newHarness(t, ds, size[0], size[1])
			h.press("t")
			t.Run("by-action", func(t *testing.T) { golden.RequireEqual(t, trimLines(h.view())) })
			h.press("b", "down")
			t.Run("by-provider", func(t *testing.T) { golden.RequireEqual(t, trimLines(h.view())) })
		})
	}
}

// TestDatesSayWhichDateTheyAre: the leads list marks each date with its column, the detail
// spells it out.
func TestDatesSayWhichDateTheyAre(t *testing.T) {
	ds := smallDataset()
	ds.Leads[1].EmailSuspendedAt = testNow.Add(-time.Hour)
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter")
	v := h.view()
	for _, want := range []string{"Bounced A/S/U", testNow.Add(-48*time.Hour).Format("2006-01-02") + " U", testNow.Format("2006-01-02") + " S"} {
		if !strings.Contains(v, want) {
			t.Errorf("leads list lacks %q:\n%s", want, v)
		}
	}
	for _, c := range []struct {
		email, want string
	}{
		{"ann@acme.example", "Bounced: " + testNow.Add(-48*time.Hour).Format("2006-01-02 15:04") + " UTC (from Updated At)"},
		{"bob@acme.example", "Bounced: " + testNow.Add(-time.Hour).Format("2006-01-02 15:04") + " UTC (from Email Suspended At)"},
	} {
		h.press("home")
		for ds.Leads[h.a.leadsP.Current()].Email != c.email {
			h.press("down")
		}
		h.press("enter")
		if v := h.view(); !strings.Contains(v, c.want) {
			t.Errorf("detail of %s lacks %q:\n%s", c.email, c.want, v)
		}
		h.press("esc")
	}
}

// providerDataset has leads at two Microsoft domains, one Google domain and a company's own.
func providerDataset() *model.Dataset {
	ds := smallDataset()
	for i, e := range []string{"ann@outlook.com", "bob@hotmail.fr", "cy@gmail.com", "dee@outlook.com", "eve@gmail.com", "fay@outlook.com"} {
		ds.Leads[i].Email = e
	}
	return ds
}

func TestDomainsRollUpIntoProviders(t *testing.T) {
	ds := providerDataset()
	h := newHarness(t, ds, 120, 40)
	h.press("d")
	v := h.view()
	for _, want := range []string{"▸ Microsoft (2 domains)", "▸ Google (1 domain)", "▸ other (1 domain)"} {
		if !strings.Contains(v, want) {
			t.Errorf("domain view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "hotmail.fr") {
		t.Fatalf("a collapsed provider shows its domains:\n%s", v)
	}
	if d := h.a.domainsP.Current(); d.Domain != "Microsoft" || d.Count != 4 {
		t.Fatalf("first row %s %d, want Microsoft 4", d.Domain, d.Count)
	}
	h.press("right")
	v = h.view()
	for _, want := range []string{"▾ Microsoft", "outlook.com", "hotmail.fr"} {
		if !strings.Contains(v, want) {
			t.Errorf("expanded: lacks %q:\n%s", want, v)
		}
	}
	h.press("down")
	if d := h.a.domainsP.Current(); d.Domain != "outlook.com" || d.Count != 3 {
		t.Fatalf("under Microsoft: %s %d, want outlook.com 3", d.Domain, d.Count)
	}
	h.press("enter")
	if got := emailsOf(ds, h.a.leadsP.idx); len(got) != 3 {
		t.Fatalf("leads of outlook.com: %v", got)
	}
	h.press("esc", "left")
	if d := h.a.domainsP.Current(); d.Domain != "Microsoft" || strings.Contains(h.view(), "hotmail.fr") {
		t.Fatalf("left on a domain: cursor on %s, view:\n%s", d.Domain, h.view())
	}
	// enter on a provider opens all its leads, in file order.
	h.press("enter")
	want := []string{"ann@outlook.com", "bob@hotmail.fr", "dee@outlook.com", "fay@outlook.com"}
	if got := emailsOf(ds, h.a.leadsP.idx); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("leads of Microsoft: %v, want %v", got, want)
	}
}

func TestProviderReasonOpensItsLeads(t *testing.T) {
	ds := providerDataset()
	h := newHarness(t, ds, 80, 24)
	h.press("d", "r")
	if !h.a.domainsP.inReasons {
		t.Fatal("r on a provider: the reasons do not have the focus")
	}
	// Microsoft: userunknown 2 (ann, bob), then blocked and ratelimited 1 each.
	h.press("down")
	pg := h.a.domainsP.currentProvider()
	r := pg.Reasons[h.a.domainsP.rwin.cursor].Reason
	if !strings.Contains(h.view(), "▶ "+r.String()) {
		t.Fatalf("the reason under the cursor is not marked:\n%s", h.view())
	}
	h.press("enter")
	if h.a.screen() != scrLeads {
		t.Fatalf("enter on a reason: screen %d, want leads", h.a.screen())
	}
	if len(h.a.leadsP.idx) != 1 {
		t.Fatalf("Microsoft ▸ %s: %v", r, emailsOf(ds, h.a.leadsP.idx))
	}
	for _, i := range h.a.leadsP.idx {
		if ds.Leads[i].Bounce.Reason != r || !strings.Contains("outlook.com hotmail.fr", ds.Leads[i].Domain()) {
			t.Fatalf("Microsoft ▸ %s holds %s (%s)", r, ds.Leads[i].Email, ds.Leads[i].Bounce.Reason)
		}
	}
	if !strings.Contains(h.view(), "Leads Microsoft ▸ "+r.String()) {
		t.Fatalf("title:\n%s", h.view())
	}
	// A filter keeps the list to the provider's reason.
	h.press("f")
	for _, i := range h.a.leadsP.idx {
		if ds.Leads[i].Bounce.Reason != r {
			t.Fatalf("after f: %s", ds.Leads[i].Email)
		}
	}
	h.press("f", "f", "esc", "esc")
	if h.a.domainsP.inReasons || h.a.screen() != scrDomains {
		t.Fatalf("esc in the reasons: still focused (%v) or left the screen (%d)", h.a.domainsP.inReasons, h.a.screen())
	}
}

func TestGoldenDomainProviders(t *testing.T) {
	ds := loadSample(t)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			h := newHarness(t, ds, size[0], size[1])
			h.press("d", "down", "l", "down")
			t.Run("expanded", func(t *testing.T) { golden.RequireEqual(t, trimLines(h.view())) })
			h.press("up", "r", "down")
			t.Run("reasons", func(t *testing.T) { golden.RequireEqual(t, trimLines(h.view())) })
		})
	}
}

// TestTimelineAndProvidersFitAnySize: every size draws, no line wider than the terminal.
func TestTimelineAndProvidersFitAnySize(t *testing.T) {
	ds := loadSample(t)
	for _, sz := range [][2]int{{12, 5}, {40, 10}, {79, 20}, {109, 30}, {110, 12}, {200, 60}} {
		h := newHarness(t, ds, sz[0], sz[1])
		lines := strings.Count(h.view(), "\n") // the home screen's
		for _, keys := range [][]string{{"t"}, {"b", "end"}, {"t", "d"}, {"l", "r", "down"}} {
			h.press(keys...)
			if n := strings.Count(h.view(), "\n"); n != lines {
				t.Fatalf("%dx%d after %v: %d lines, the home screen %d", sz[0], sz[1], keys, n+1, lines+1)
			}
			for _, ln := range strings.Split(h.view(), "\n") {
				if w := ansi.StringWidth(ln); w > max(sz[0], 1) {
					t.Fatalf("%dx%d after %v: a line %d cells wide: %q", sz[0], sz[1], keys, w, ln)
				}
			}
		}
	}
}

func TestTimelineSaysHowManyLeadsHaveNoDate(t *testing.T) {
	ds := smallDataset()
	ds.Leads[0].UpdatedAt, ds.Leads[1].UpdatedAt = time.Time{}, time.Time{}
	h := newHarness(t, ds, 120, 40)
	h.press("t")
	rows := timelineRows(t, h)
	sum := 0
	for _, n := range rows {
		sum += n
	}
	if sum != 6 || !strings.Contains(h.view(), "2 leads without a date left out") {
		t.Fatalf("%d leads in the bars, want 6; view:\n%s", sum, h.view())
	}
}
