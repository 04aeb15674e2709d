package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// stack is what the timeline's bars are split by.
type stack uint8

const (
	stackAction stack = iota
	stackProvider
	numStacks
)

// maxSeries is how many keys of a stack get their own glyph and colour; the rest share one.
const maxSeries = 6

// seriesGlyphs tell the parts of a bar apart without colour; the last one is "the rest".
var seriesGlyphs = [maxSeries + 1]string{"█", "▓", "▒", "░", "▚", "≡", "·"}

// maxGapPeriods bounds the periods a timeline draws: past it, periods without a bounce are
// left out rather than drawn empty.
const maxGapPeriods = 5000

// tlPeriod is one bar of the timeline: the period's leads per action, provider and reason.
type tlPeriod struct {
	start   time.Time
	total   int
	by      [numStacks][]model.Bucket
	reasons []model.Bucket
}

// timelineMsg is the timeline of selection gen.
type timelineMsg struct {
	gen     int
	every   model.Period
	periods []tlPeriod
	keys    [numStacks][]string // per stack, the keys most leads first
	bursts  []model.Burst       // a provider refusing far more than its share, most striking first
	dated   string              // which columns the dates come from (model.DatedBy)
	undated int
}

// computeTimeline counts sel per period (model.AutoPeriod of its span) by action, provider and
// reason; it runs in a command.
func computeTimeline(gen int, ds *model.Dataset, sel []int32) timelineMsg {
	m := timelineMsg{gen: gen, undated: ds.Undated(sel)}
	first, last := ds.Span(sel)
	m.every = model.AutoPeriod(first, last)
	if first.IsZero() {
		return m
	}
	m.bursts = ds.Bursts(sel, m.every)
	m.dated = model.DatedBy(ds.DateSources(sel))
	byAct := ds.Timeline(sel, m.every, model.KeyAction)
	byProv := ds.Timeline(sel, m.every, model.KeyProvider)
	byReason := ds.Timeline(sel, m.every, model.KeyReason)
	for _, a := range codes.Actions() {
		m.keys[stackAction] = append(m.keys[stackAction], a.String())
	}
	m.keys[stackProvider] = keysByTotal(byProv)
	// Every list is sorted by period: walk them side by side.
	runs := func(bs []model.Bucket) [][]model.Bucket {
		var out [][]model.Bucket
		for i := 0; i < len(bs); {
			j := i + 1
			for j < len(bs) && bs[j].Start.Equal(bs[i].Start) {
				j++
			}
			out = append(out, bs[i:j:j])
			i = j
		}
		return out
	}
	acts, provs, reasons := runs(byAct), runs(byProv), runs(byReason)
	step := m.every.Length()
	lo, hi := acts[0][0].Start, acts[len(acts)-1][0].Start
	gaps := hi.Sub(lo)/step < maxGapPeriods
	next := lo
	for k := range acts {
		start := acts[k][0].Start
		for gaps && next.Before(start) {
			m.periods = append(m.periods, tlPeriod{start: next})
			next = next.Add(step)
		}
		p := tlPeriod{start: start, by: [numStacks][]model.Bucket{acts[k], nil}}
		if k < len(provs) {
			p.by[stackProvider] = provs[k]
		}
		if k < len(reasons) {
			p.reasons = reasons[k]
		}
		for _, b := range acts[k] {
			p.total += b.Count
		}
		m.periods = append(m.periods, p)
		next = start.Add(step)
	}
	return m
}

// keysByTotal returns the buckets' keys, most leads first.
func keysByTotal(bs []model.Bucket) []string {
	total := map[string]int{}
	var keys []string
	for _, b := range bs {
		if _, ok := total[b.Key]; !ok {
			keys = append(keys, b.Key)
		}
		total[b.Key] += b.Count
	}
	sortKeysByCount(keys, total)
	return keys
}

func sortKeysByCount(keys []string, total map[string]int) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0; j-- {
			a, b := keys[j-1], keys[j]
			if total[a] > total[b] || total[a] == total[b] && a <= b {
				break
			}
			keys[j-1], keys[j] = b, a
		}
	}
}

// periodLabel spells a period's start: an hour with its time, a day with its weekday.
func periodLabel(p model.Period, t time.Time) string {
	switch p {
	case model.Hour:
		return t.Format("2006-01-02 15:04")
	case model.Week:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 Mon")
}

// narrowAction asks the root to narrow every view to the bounces in [since, until).
type narrowAction struct {
	since, until time.Time
	label        string
}

// timelinePane is bounces over time: a bar per period, stacked by action or by provider, and
// what the period under the cursor holds beside or below it.
type timelinePane struct {
	sh         *shared
	msg        timelineMsg
	series     [numStacks]map[string]int // key to glyph index
	peak       int
	pending    bool
	byProvider bool
	burst      int // the burst shown and marked, an index in msg.bursts; -1 for none
	win        window
	width      int
	height     int
}

// SetTimeline replaces the periods and puts the cursor on the start of the most striking
// burst, else on the busiest period.
func (p *timelinePane) SetTimeline(m timelineMsg) {
	p.msg, p.pending, p.peak, p.burst = m, false, 0, -1
	for s := range p.series {
		p.series[s] = map[string]int{}
		for i, k := range m.keys[s] {
			p.series[s][k] = min(i, maxSeries)
		}
	}
	p.layout()
	p.win.setLen(len(m.periods))
	p.win.cursor = 0
	for i := range m.periods {
		if m.periods[i].total > p.peak {
			p.peak, p.win.cursor = m.periods[i].total, i
		}
	}
	p.win.clamp()
	if len(m.bursts) > 0 {
		p.showBurst(0)
	}
}

// showBurst marks burst b and puts the cursor on its first period.
func (p *timelinePane) showBurst(b int) {
	p.burst = b
	from := p.msg.bursts[b].From
	for i := range p.msg.periods {
		if !p.msg.periods[i].start.Before(from) {
			p.win.cursor = i
			break
		}
	}
	// The periods before the burst show too: what it started from.
	p.win.offset = max(p.win.cursor-p.win.height/3, 0)
	p.win.clamp()
}

// inBurst reports whether period i lies in the burst shown.
func (p *timelinePane) inBurst(i int) bool {
	if p.burst < 0 || i >= len(p.msg.periods) {
		return false
	}
	b, at := &p.msg.bursts[p.burst], p.msg.periods[i].start
	return !at.Before(b.From) && at.Before(b.Until)
}

// burstLine says what the burst shown is: the provider, the reason, how many leads, when, and
// how far above its share.
func (p *timelinePane) burstLine() string {
	b := &p.msg.bursts[p.burst]
	when := shortPeriod(p.msg.every, b.From)
	if last := b.Until.Add(-p.msg.every.Length()); b.Periods > 1 {
		to := shortPeriod(p.msg.every, last)
		if p.msg.every == model.Day && last.Month() == b.From.Month() {
			to = last.Format("2")
		}
		when += "–" + to
	}
	head := "Burst"
	if n := len(p.msg.bursts); n > 1 {
		head = fmt.Sprintf("Burst %d/%d (z next)", p.burst+1, n)
	}
	return fmt.Sprintf("%s: %s %s · %s · %s · %s its share", head, p.sh.text.Line(b.Provider), b.Reason,
		plural(b.Count, "lead", "leads"), when, ratio(float64(b.Count)/b.Expected))
}

// shortPeriod spells a period's start briefly: Nov 10 14:00, Nov 10, week of Nov 9.
func shortPeriod(p model.Period, t time.Time) string {
	switch p {
	case model.Hour:
		return t.Format("Jan 2 15:04")
	case model.Week:
		return "week of " + t.Format("Jan 2")
	}
	return t.Format("Jan 2")
}

// ratio spells how many times as many: 2.5×, 13×.
func ratio(x float64) string {
	if x < 10 {
		return fmt.Sprintf("%.1f×", x)
	}
	return fmt.Sprintf("%.0f×", x)
}

func (p *timelinePane) stack() stack {
	if p.byProvider {
		return stackProvider
	}
	return stackAction
}

// sideBySide reports whether the period's details sit right of the chart rather than below.
func (p *timelinePane) sideBySide() bool { return p.width >= 110 }

// detailRows is how many lines the details get below the chart.
func (p *timelinePane) detailRows() int { return min(9, max(p.height/3, 4), max(p.height-2, 0)) }

func (p *timelinePane) chartWidth() int {
	if p.sideBySide() {
		return p.width - 44
	}
	return p.width
}

// SetSize gives the pane its size.
func (p *timelinePane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.layout()
}

// layout sizes the chart: the title line, a line for bursts when there are any, the periods,
// and the details below unless they sit beside.
func (p *timelinePane) layout() {
	h := p.height - 1 - p.burstRows()
	if !p.sideBySide() {
		h -= p.detailRows()
	}
	p.win.setHeight(h)
}

// burstRows is 1 when there are bursts and room for a line about them beside two periods.
func (p *timelinePane) burstRows() int {
	h := p.height - 1
	if !p.sideBySide() {
		h -= p.detailRows()
	}
	if len(p.msg.bursts) > 0 && h >= 3 {
		return 1
	}
	return 0
}

// Current returns the period under the cursor, or nil.
func (p *timelinePane) Current() *tlPeriod {
	if p.win.cursor >= len(p.msg.periods) {
		return nil
	}
	return &p.msg.periods[p.win.cursor]
}

// Update moves, toggles the stack and asks to narrow to the current period.
func (p timelinePane) Update(msg tea.Msg) (timelinePane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case p.win.navigate(k, km):
	case key.Matches(k, km.Stack):
		p.byProvider = !p.byProvider
	case key.Matches(k, km.Burst):
		if n := len(p.msg.bursts); n > 0 {
			p.showBurst((p.burst + 1) % n)
		}
	case key.Matches(k, km.Narrow):
		if p.inBurst(p.win.cursor) {
			b := &p.msg.bursts[p.burst]
			return p, narrowAction{since: b.From, until: b.Until,
				label: p.sh.text.Line(b.Provider) + " " + b.Reason.String() + " burst"}
		}
		if c := p.Current(); c != nil {
			return p, narrowAction{since: c.start, until: c.start.Add(p.msg.every.Length()),
				label: p.msg.every.String() + " of " + periodLabel(p.msg.every, c.start)}
		}
	}
	return p, nil
}

// glyph is the glyph and style of key in the current stack.
func (p *timelinePane) glyph(key string) (string, int) {
	i, ok := p.series[p.stack()][key]
	if !ok {
		i = maxSeries
	}
	return seriesGlyphs[i], i
}

func (p *timelinePane) paint(key, s string) string {
	st := p.sh.styles
	if p.stack() == stackAction {
		if a, err := codes.ParseAction(key); err == nil {
			return st.Action(a).Render(s)
		}
	}
	_, i := p.glyph(key)
	return st.Series(i).Render(s)
}

// View draws the chart and the current period's details, exactly height lines.
func (p timelinePane) View() string {
	chart := p.chartLines(p.chartWidth())
	if p.sideBySide() {
		w := p.width - p.chartWidth() - 3
		details := p.detailLines(w, p.height, true)
		sep := p.sh.styles.Dim.Render("│")
		for i := range chart {
			chart[i] += " " + sep + " " + details[i]
		}
		return strings.Join(chart, "\n")
	}
	return strings.Join(append(chart, p.detailLines(p.width, p.detailRows(), false)...), "\n")
}

// legend is the glyph and name of every series of the current stack.
func (p *timelinePane) legend() string {
	keys := p.msg.keys[p.stack()]
	var parts []string
	for i, k := range keys {
		if i == maxSeries {
			parts = append(parts, p.paint("", seriesGlyphs[maxSeries])+" "+plural(len(keys)-maxSeries, "other", "others"))
			break
		}
		g, _ := p.glyph(k)
		parts = append(parts, p.paint(k, g)+" "+p.sh.text.Line(k))
	}
	return strings.Join(parts, " ")
}

// chartLines draws the column titles with the legend, then the visible periods in w cells.
func (p timelinePane) chartLines(w int) []string {
	st := p.sh.styles
	labelW := len(periodLabel(p.msg.every, time.Time{}))
	countW := 7
	barW := max(w-2-labelW-1-countW-1, 4)
	out := make([]string, 0, p.win.height+1)
	what := map[model.Period]string{model.Hour: "Hour", model.Day: "Day", model.Week: "Week of"}[p.msg.every]
	head := "  " + fit(what, labelW) + " " + fitRight("Leads", countW) + " "
	out = append(out, fit(st.ColumnHead.Render(head)+p.legend(), w))
	if p.burstRows() > 0 {
		line := "  " + p.burstLine()
		if p.burst < 0 {
			line = "  " + plural(len(p.msg.bursts), "burst", "bursts") + ": z shows them"
		}
		out = append(out, st.Label.Render(fit(line, w)))
	}
	switch {
	case p.pending && len(p.msg.periods) == 0:
		out = append(out, st.Dim.Render(fit("  Counting…", w)))
	case len(p.msg.periods) == 0:
		out = append(out, st.Dim.Render(fit("  No lead has a bounce date (Email Suspended At or Updated At).", w)))
	}
	from, to := p.win.visible()
	for i := from; i < to && i < len(p.msg.periods); i++ {
		per := &p.msg.periods[i]
		marker := "  "
		switch {
		case i == p.win.cursor:
			marker = "▶ "
		case p.inBurst(i):
			marker = "┃ "
		}
		label := marker + fit(periodLabel(p.msg.every, per.start), labelW) + " " + fitRight(commas(per.total), countW) + " "
		if i == p.win.cursor {
			label = st.Selected.Render(label)
		}
		out = append(out, fit(label+fit(p.stackedBar(per, barW), barW), w))
	}
	for len(out) < p.win.height+1+p.burstRows() {
		out = append(out, fit("", w))
	}
	return out
}

// stackedBar draws a period's leads as a bar w cells long at the peak, a part per series.
func (p *timelinePane) stackedBar(per *tlPeriod, w int) string {
	if p.peak == 0 || per.total == 0 {
		return ""
	}
	// Sum per glyph first so "the rest" is one part; draw in legend order.
	var sums [maxSeries + 1]int
	var names [maxSeries + 1]string
	for _, b := range per.by[p.stack()] {
		_, i := p.glyph(b.Key)
		sums[i] += b.Count
		if names[i] == "" {
			names[i] = b.Key
		}
	}
	var sb strings.Builder
	cum, drawn := 0, 0
	for i, n := range sums {
		if n == 0 {
			continue
		}
		cum += n
		end := (cum*w + p.peak/2) / p.peak
		if end <= drawn {
			end = drawn + 1 // every part shows, however small
		}
		key := names[i]
		if i == maxSeries {
			key = ""
		}
		sb.WriteString(p.paint(key, strings.Repeat(seriesGlyphs[i], end-drawn)))
		drawn = end
	}
	return sb.String()
}

// narrowHint says what enter narrows to.
func (p *timelinePane) narrowHint() string {
	if p.inBurst(p.win.cursor) {
		return "enter: narrow to the burst's " + plural(p.msg.bursts[p.burst].Periods, p.msg.every.String(), p.msg.every.String()+"s")
	}
	return "enter: narrow to this " + p.msg.every.String()
}

// detailLines draws what the current period holds: its leads per series, its top reasons and
// top providers (or actions, when the bars are by provider), in w cells and exactly h lines.
func (p timelinePane) detailLines(w, h int, vertical bool) []string {
	st := p.sh.styles
	c := p.Current()
	if c == nil {
		out := make([]string, h)
		for i := range out {
			out[i] = fit("", w)
		}
		if p.msg.undated > 0 && h > 0 {
			out[0] = st.Dim.Render(fit("  "+plural(p.msg.undated, "lead has", "leads have")+" no bounce date", w))
		}
		return out
	}
	title := fmt.Sprintf("%s %s · %s", map[model.Period]string{model.Hour: "Hour", model.Day: "Day", model.Week: "Week of"}[p.msg.every],
		periodLabel(p.msg.every, c.start), plural(c.total, "bounce", "bounces"))
	section := func(name string, bs []model.Bucket, glyphs bool, n, cw int) []string {
		nameW := max(cw-2-8-5, 6)
		lines := []string{st.Label.Render(name)}
		for i, b := range bs {
			if i == n {
				lines = append(lines, st.Dim.Render(fmt.Sprintf("  … and %d more", len(bs)-n)))
				break
			}
			g := " "
			if glyphs {
				g, _ = p.glyph(b.Key)
				g = p.paint(b.Key, g)
			}
			share := itoa(100*b.Count/max(c.total, 1)) + "%"
			if 100*b.Count < c.total {
				share = "<1%"
			}
			lines = append(lines, g+" "+fit(p.sh.text.Line(b.Key), nameW)+" "+fitRight(commas(b.Count), 7)+fitRight(share, 5))
		}
		if len(bs) == 0 {
			lines = append(lines, st.Dim.Render("  none"))
		}
		return lines
	}
	other, otherName := c.by[stackProvider], "Top providers"
	if p.byProvider {
		other, otherName = c.by[stackAction], "By action"
	}
	mine := "By action"
	if p.byProvider {
		mine = "By provider"
	}
	out := []string{st.Section.Render(fit(title, min(w, len([]rune(title))))) + fit("", w-min(w, len([]rune(title))))}
	if vertical {
		per := max((h-4)/3-1, 2)
		for _, sec := range [][]string{section(mine, c.by[p.stack()], true, per, w), section("Top reasons", c.reasons, false, per, w), section(otherName, other, false, per, w)} {
			out = append(out, sec...)
		}
		out = append(out, st.Dim.Render(p.narrowHint()))
		for i := range out {
			out[i] = fit(out[i], w)
		}
	} else {
		n := h - 3
		colW := max((w-2)/3, 10)
		cols := [][]string{section(mine, c.by[p.stack()], true, n, colW), section("Top reasons", c.reasons, false, n, colW), section(otherName, other, false, n, colW)}
		for r := 0; r < h-1; r++ {
			line := ""
			for k, col := range cols {
				cell := ""
				if r < len(col) {
					cell = col[r]
				}
				if k < 2 {
					line += fit(cell, colW) + " "
				} else {
					line += cell
				}
			}
			out = append(out, fit(line, w))
		}
	}
	for len(out) < h {
		out = append(out, fit("", w))
	}
	return out[:h]
}
