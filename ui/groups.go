package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// groupRow is one line of the groups list: a top group, or one of its subgroups.
type groupRow struct {
	top int // index into groups
	sub int // index into Subgroups, -1 for the top group's own row
}

// groupsPane is the home screen: code ▸ enhanced code, or action ▸ reason, with counts, shares,
// bars and each group's class and action mix.
type groupsPane struct {
	sh       *shared
	groups   []model.Group
	seen     [][]model.Seen // per group, itself then its subgroups; nil when not known
	grouping model.Grouping
	folded   map[string]bool // top groups folded the other way from their grouping's default
	rows     []groupRow
	win      window
	width    int
	height   int
	pending  bool // a selection is being made: an empty list is not an answer yet
	classW   int  // the widest class text and action mix of the groups: set with them
	actionW  int
}

func newGroupsPane(sh *shared) groupsPane {
	return groupsPane{sh: sh, folded: map[string]bool{}}
}

// collapsed reports whether a top group hides its subgroups. Codes start open; actions start
// closed, so the four decisions fit on one screen and each is one key from its leads.
func (p *groupsPane) collapsed(g *model.Group) bool {
	return p.folded[p.grouping.String()+"/"+g.Key] != (p.grouping == model.ByActions)
}

func (p *groupsPane) setCollapsed(g *model.Group, c bool) {
	k := p.grouping.String() + "/" + g.Key
	if c == (p.grouping == model.ByActions) {
		delete(p.folded, k)
	} else {
		p.folded[k] = true
	}
}

// SetGroups replaces the groups, keeping the cursor on the same group when it is still there.
func (p *groupsPane) SetGroups(gs []model.Group, seen [][]model.Seen, grouping model.Grouping) {
	keep := p.CurrentKey()
	same := grouping == p.grouping
	p.groups, p.seen, p.grouping = gs, seen, grouping
	p.classW, p.actionW = len("Class"), len("Action")
	for i := range gs {
		g := &gs[i]
		for _, s := range append([]model.Group{*g}, g.Subgroups...) {
			p.classW = max(p.classW, lipgloss.Width(classText(&s)))
			p.actionW = max(p.actionW, lipgloss.Width(model.ActionMixText(s.Actions)))
		}
	}
	p.flatten()
	p.win.cursor = 0
	if same && keep.top != "" {
		for i, r := range p.rows {
			if p.rowKey(r) == keep {
				p.win.cursor = i
				break
			}
		}
	}
	p.win.clamp()
}

func (p *groupsPane) flatten() {
	p.rows = p.rows[:0]
	for i := range p.groups {
		g := &p.groups[i]
		p.rows = append(p.rows, groupRow{top: i, sub: -1})
		if p.collapsed(g) {
			continue
		}
		for j := range g.Subgroups {
			p.rows = append(p.rows, groupRow{top: i, sub: j})
		}
	}
	p.win.setLen(len(p.rows))
}

// SetSize gives the pane its width and height, the column titles included.
func (p *groupsPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.win.setHeight(h - 1 - p.hintLines())
}

// hintLines is how many lines end the pane with words about the selected row: when its leads
// bounced, then in action grouping what it means (two lines); on a short screen only the
// meaning, on a tiny one nothing.
func (p *groupsPane) hintLines() int {
	switch {
	case p.height < 6:
		return 0
	case p.height < 14 && p.grouping == model.ByActions:
		return 1
	case p.height < 14:
		return 0
	case p.grouping == model.ByActions:
		return 3
	}
	return 1
}

// seenOf returns when row r's leads bounced, or nil when not known.
func (p *groupsPane) seenOf(r groupRow) *model.Seen {
	if r.top >= len(p.seen) || r.sub+1 >= len(p.seen[r.top]) {
		return nil
	}
	return &p.seen[r.top][r.sub+1]
}

// seenLine says when the selected row's leads bounced: first and last bounce date.
func (p *groupsPane) seenLine() string {
	if p.win.cursor >= len(p.rows) {
		return ""
	}
	r := p.rows[p.win.cursor]
	s := p.seenOf(r)
	if s == nil {
		return ""
	}
	return p.rowKey(r).label(" ▸ ") + ": " + seenText(s)
}

// seenSpan is seenText in short: Sep 1 – Nov 29, 2026.
func seenSpan(s *model.Seen) string {
	switch {
	case s.First.IsZero():
		return "no bounce date"
	case s.First.Format(time.DateOnly) == s.Last.Format(time.DateOnly):
		return s.First.Format("Jan 2, 2006")
	case s.First.Year() == s.Last.Year():
		return s.First.Format("Jan 2") + " – " + s.Last.Format("Jan 2, 2006")
	}
	return s.First.Format("Jan 2, 2006") + " – " + s.Last.Format("Jan 2, 2006")
}

// seenText says when leads bounced: first and last bounce date.
func seenText(s *model.Seen) string {
	switch {
	case s.First.IsZero():
		return "no bounce date (Email Suspended At or Updated At)"
	case s.First.Format(time.DateOnly) == s.Last.Format(time.DateOnly):
		return "bounced on " + s.First.Format(time.DateOnly) + " (UTC)"
	}
	return "first bounce " + s.First.Format(time.DateOnly) + ", last " + s.Last.Format(time.DateOnly) + " (UTC)"
}

// sparkGlyphs draw a sparkline's cells, from one bounce to the most of the row's cells.
var sparkGlyphs = []rune("▁▂▃▄▅▆▇█")

// sparkline draws cells scaled to their largest: a blank for none.
func sparkline(cells []int32) string {
	most := int32(0)
	for _, n := range cells {
		most = max(most, n)
	}
	out := make([]rune, len(cells))
	for i, n := range cells {
		out[i] = ' '
		if n > 0 {
			out[i] = sparkGlyphs[int(n-1)*(len(sparkGlyphs)-1)/max(int(most-1), 1)]
		}
	}
	return string(out)
}

func (p *groupsPane) group(r groupRow) *model.Group {
	g := &p.groups[r.top]
	if r.sub >= 0 {
		return &g.Subgroups[r.sub]
	}
	return g
}

func (p *groupsPane) rowKey(r groupRow) openGroupAction {
	g := &p.groups[r.top]
	if r.sub < 0 {
		return openGroupAction{top: g.Key}
	}
	return openGroupAction{top: g.Key, sub: g.Subgroups[r.sub].Key, isSub: true}
}

// Current returns the group under the cursor and whether it is a subgroup.
func (p *groupsPane) Current() (*model.Group, bool) {
	if p.win.cursor >= len(p.rows) || len(p.rows) == 0 {
		return nil, false
	}
	r := p.rows[p.win.cursor]
	return p.group(r), r.sub >= 0
}

// CurrentKey names the group under the cursor (zero when there is none).
func (p *groupsPane) CurrentKey() openGroupAction {
	if p.win.cursor >= len(p.rows) || len(p.rows) == 0 {
		return openGroupAction{}
	}
	return p.rowKey(p.rows[p.win.cursor])
}

// Find returns the group a key names, or nil.
func (p *groupsPane) Find(k openGroupAction) *model.Group {
	for i := range p.groups {
		g := &p.groups[i]
		if g.Key != k.top {
			continue
		}
		if !k.isSub {
			return g
		}
		for j := range g.Subgroups {
			if g.Subgroups[j].Key == k.sub {
				return &g.Subgroups[j]
			}
		}
	}
	return nil
}

// Update moves, expands and collapses, and asks to open a group on enter.
func (p groupsPane) Update(msg tea.Msg) (groupsPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case p.win.navigate(k, km):
	case key.Matches(k, km.Expand), key.Matches(k, km.Collapse):
		if len(p.rows) == 0 {
			break
		}
		r := p.rows[p.win.cursor]
		collapse := key.Matches(k, km.Collapse)
		if r.sub >= 0 && !collapse {
			break
		}
		top := &p.groups[r.top]
		p.setCollapsed(top, collapse)
		p.flatten()
		if collapse {
			for i, row := range p.rows {
				if row.sub < 0 && row.top == r.top {
					p.win.cursor = i
				}
			}
			p.win.clamp()
		}
	case key.Matches(k, km.Enter):
		if len(p.rows) > 0 {
			return p, p.CurrentKey()
		}
	}
	return p, nil
}

// groupColumns are the widths of the list's columns at a given width; 0 hides a column.
type groupColumns struct{ code, count, share, bar, class, action, spark, name int }

// columns sizes the columns to the mixes in the list. The action mix matters most (it says
// whether a group holds live leads among dead ones), then the class mix, then the meaning:
// narrow screens drop the bar and the share first.
func (p *groupsPane) columns() groupColumns {
	c := groupColumns{code: 12, count: 9, share: 6, bar: 12, class: max(p.classW, len("Class")), action: max(p.actionW, len("Action"))}
	if p.grouping == model.ByActions {
		c.code = 18
	}
	c.class = min(c.class, 30)
	c.action = min(c.action, 44)
	if p.grouping == model.ByActions {
		c.action = 0 // every row is one action: the row says which
	}
	if p.width >= 150 {
		c.bar = 20
	}
	if p.width < 100 {
		c.code, c.count, c.share, c.bar = min(c.code, 13), 7, 0, 0
		c.class, c.action = min(c.class, 14), min(c.action, 30)
	}
	rest := func() int {
		n := p.width - 2 - c.code - 1 - c.count - 1 - c.class - 1
		if c.action > 0 {
			n -= c.action + 1
		}
		if c.share > 0 {
			n -= c.share + 1
		}
		if c.bar > 0 {
			n -= c.bar + 1
		}
		if c.spark > 0 {
			n -= c.spark + 1
		}
		return n
	}
	// The sparkline says when; it takes the share bar's room (the share shows as a number too).
	if p.seen != nil && p.width >= 100 {
		before := c
		if rest() < 24+sparkCells+1 && c.bar > 12 {
			c.bar = 12
		}
		if rest() < 24+sparkCells+1 {
			c.bar = 0
		}
		if short := 24 + sparkCells + 1 - rest(); short > 0 && c.action > 30 {
			c.action = max(c.action-short, 30) // the mix is written short: "sup 109 readd 66 wait 13"
		}
		if short := 24 + sparkCells + 1 - rest(); short > 0 && c.class > 18 {
			c.class = max(c.class-short, 18) // and the class mix: "216h 10s"
		}
		if rest() >= 24+sparkCells+1 {
			c.spark = sparkCells
		} else {
			c = before // no room for it: the columns as they were
		}
	}
	if rest() < 24 {
		c.bar = 0
	}
	if rest() < 20 {
		c.share = 0
	}
	if rest() < 10 {
		c.class = min(c.class, 9)
	}
	if rest() < 10 && c.action > 0 {
		c.action = max(c.action-(10-rest()), 12)
	}
	c.name = max(rest(), 0)
	return c
}

// classTextIn is classText in at most w cells: a split too wide for them is written short,
// "183h 2s", so that a narrow screen still shows that a group is mixed.
func classTextIn(g *model.Group, w int) string {
	t := classText(g)
	if lipgloss.Width(t) <= w {
		return t
	}
	var parts []string
	for _, c := range []codes.Class{codes.Hard, codes.Soft, codes.Unknown, codes.Success} {
		if n := g.Classes[c]; n > 0 {
			parts = append(parts, commas(n)+c.String()[:1])
		}
	}
	return strings.Join(parts, " ")
}

// actionTextIn is a group's action mix in at most w cells: too wide, it is written short
// ("sup 114 readd 66 wait 5"), so that no action of a mixed group is cut off unseen.
func actionTextIn(g *model.Group, w int) string {
	t := model.ActionMixText(g.Actions)
	if lipgloss.Width(t) <= w {
		return t
	}
	short := map[codes.Action]string{codes.Suppress: "sup", codes.Readd: "readd", codes.Wait: "wait", codes.Review: "rev"}
	var parts []string
	for _, a := range codes.Actions() {
		if n := g.Actions[a]; n > 0 {
			parts = append(parts, short[a]+" "+commas(n))
		}
	}
	return strings.Join(parts, " ")
}

// classText is a group's class, or its split when its leads have more than one.
func classText(g *model.Group) string {
	n := 0
	for _, c := range g.Classes {
		if c > 0 {
			n++
		}
	}
	if n > 1 {
		return model.ClassMixText(g.Classes)
	}
	return g.Class.String()
}

// label is how a group's row names it: its key, and for a code that is no code, NoCodeName.
func (p *groupsPane) label(r groupRow) string {
	g := p.group(r)
	if r.sub >= 0 {
		return "  " + g.Key
	}
	arrow := "▾ "
	if p.collapsed(g) || len(g.Subgroups) == 0 {
		arrow = "▸ "
	}
	return arrow + g.Key
}

// meaning is what a row's last column says: the code's name, the action's or reason's plain words.
func (p *groupsPane) meaning(r groupRow) string {
	g := p.group(r)
	if p.grouping == model.ByActions && r.sub >= 0 {
		return codes.Describe(g.Reason)
	}
	return p.sh.text.Line(g.Name)
}

// hint is the line under the list in action grouping: what the selected row means and, for a
// cause on the sender's side, what to fix.
func (p *groupsPane) hint() string {
	g, sub := p.Current()
	if g == nil {
		return ""
	}
	if !sub {
		return g.Action.String() + ": " + g.Action.Explain()
	}
	if fix := codes.SenderFix(g.Reason); fix != "" {
		return "Sender fix for " + g.Reason.String() + ": " + fix
	}
	return g.Reason.String() + ": " + codes.Describe(g.Reason)
}

// View draws the column titles and the visible rows, exactly height lines.
func (p groupsPane) View() string {
	st := p.sh.styles
	c := p.columns()
	var b strings.Builder
	first := "Code"
	if p.grouping == model.ByActions {
		first = "Action ▸ reason"
	}
	head := "  " + fit(first, c.code) + " " + fitRight("Leads", c.count) + " "
	if c.share > 0 {
		head += fitRight("Share", c.share) + " "
	}
	if c.bar > 0 {
		head += fit("", c.bar) + " "
	}
	head += fit("Class", c.class) + " "
	if c.action > 0 {
		head += fit("Action", c.action) + " "
	}
	if c.spark > 0 {
		head += fit("Over time", c.spark) + " "
	}
	head += "Meaning"
	b.WriteString(st.ColumnHead.Render(fit(head, p.width)))
	from, to := p.win.visible()
	if len(p.rows) == 0 {
		msg := "  No bounces match."
		if p.pending {
			msg = "  Grouping the leads…"
		}
		b.WriteString("\n" + st.Dim.Render(fit(msg, p.width)))
		from, to = 0, 1
	}
	for i := from; i < to && i < len(p.rows); i++ {
		r := p.rows[i]
		g := p.group(r)
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		cls := fit(classTextIn(g, c.class), c.class)
		act := ""
		if c.action > 0 {
			act = fit(actionTextIn(g, c.action), c.action) + " "
		}
		code := fit(p.label(r), c.code)
		barStr := ""
		if c.bar > 0 {
			if selected {
				barStr = plainBar(g.Share, c.bar) + " "
			} else {
				barStr = bar(st, g.Share, c.bar) + " "
			}
		}
		if !selected {
			if !g.Mixed() {
				act = st.Action(dominant(g.Actions)).Render(act)
			}
			cls = st.Class(g.Class).Render(cls)
			if p.grouping == model.ByActions && r.sub < 0 {
				code = st.Action(g.Action).Render(code)
			}
		}
		share := ""
		if c.share > 0 {
			share = fitRight(fmt.Sprintf("%.1f%%", g.Share*100), c.share) + " "
		}
		spark := ""
		if c.spark > 0 {
			if s := p.seenOf(r); s != nil {
				spark = sparkline(s.Cells)
			}
			spark = fit(spark, c.spark) + " "
			if !selected {
				spark = st.Dim.Render(spark)
			}
		}
		line := marker + code + " " + fitRight(commas(g.Count), c.count) + " " + share + barStr +
			cls + " " + act + spark + fit(p.meaning(r), c.name)
		if selected {
			line = st.Selected.Render(fit(line, p.width))
		}
		b.WriteString("\n" + line)
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	if n := p.hintLines(); n > 0 {
		var lines []string
		if n != 1 || p.grouping != model.ByActions {
			lines = append(lines, p.seenLine())
		}
		if p.grouping == model.ByActions {
			lines = append(lines, wrap(p.hint(), p.width)...)
		}
		for i := range n {
			s := ""
			if i < len(lines) {
				s = lines[i]
				if i == n-1 && len(lines) > n {
					s += " " + strings.Join(lines[n:], " ") // fit cuts it with an ellipsis
				}
			}
			b.WriteString("\n" + st.Dim.Render(fit(s, p.width)))
		}
	}
	return b.String()
}

// dominant is the action most of a mix's leads have.
func dominant(n [model.NumActions]int) codes.Action {
	best := codes.Review
	for a := range n {
		if n[a] > n[best] {
			best = codes.Action(a)
		}
	}
	return best
}
