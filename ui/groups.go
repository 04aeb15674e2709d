package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
)

// groupRow is one line of the groups list: a basic code, or one of its enhanced codes.
type groupRow struct {
	basic int // index into groups
	sub   int // index into Subgroups, -1 for the basic code's own row
}

// groupsPane is the home screen: basic code ▸ enhanced code, with counts, shares and bars.
type groupsPane struct {
	sh        *shared
	groups    []model.Group
	collapsed map[uint16]bool
	rows      []groupRow
	win       window
	width     int
}

func newGroupsPane(sh *shared) groupsPane {
	return groupsPane{sh: sh, collapsed: map[uint16]bool{}}
}

// SetGroups replaces the groups, keeping the cursor on the same code when it is still there.
func (p *groupsPane) SetGroups(gs []model.Group) {
	var keep *model.Group
	var keepSub bool
	if g, sub := p.Current(); g != nil {
		keep, keepSub = g, sub
	}
	kb, ke := uint16(0), model.Group{}.Enhanced
	if keep != nil {
		kb, ke = keep.Basic, keep.Enhanced
	}
	p.groups = gs
	p.flatten()
	p.win.cursor = 0
	if keep != nil {
		for i, r := range p.rows {
			g := &p.groups[r.basic]
			if r.sub >= 0 {
				g = &g.Subgroups[r.sub]
			}
			if g.Basic == kb && (r.sub >= 0) == keepSub && (!keepSub || g.Enhanced == ke) {
				p.win.cursor = i
				break
			}
		}
	}
	p.win.clamp()
}

func (p *groupsPane) flatten() {
	p.rows = p.rows[:0]
	for i, g := range p.groups {
		p.rows = append(p.rows, groupRow{basic: i, sub: -1})
		if p.collapsed[g.Basic] {
			continue
		}
		for j := range g.Subgroups {
			p.rows = append(p.rows, groupRow{basic: i, sub: j})
		}
	}
	p.win.setLen(len(p.rows))
}

// SetSize gives the pane its width and height, the column titles included.
func (p *groupsPane) SetSize(w, h int) {
	p.width = w
	p.win.setHeight(h - 1)
}

// Current returns the group under the cursor and whether it is an enhanced subgroup.
func (p *groupsPane) Current() (*model.Group, bool) {
	if p.win.cursor >= len(p.rows) || len(p.rows) == 0 {
		return nil, false
	}
	r := p.rows[p.win.cursor]
	g := &p.groups[r.basic]
	if r.sub >= 0 {
		return &g.Subgroups[r.sub], true
	}
	return g, false
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
		g, sub := p.Current()
		if g == nil {
			break
		}
		collapse := key.Matches(k, km.Collapse)
		if sub && !collapse {
			break
		}
		p.collapsed[g.Basic] = collapse
		basic := g.Basic
		p.flatten()
		if collapse {
			for i, r := range p.rows {
				if r.sub < 0 && p.groups[r.basic].Basic == basic {
					p.win.cursor = i
				}
			}
			p.win.clamp()
		}
	case key.Matches(k, km.Enter):
		if g, sub := p.Current(); g != nil {
			return p, openGroupAction{basic: g.Basic, enhanced: g.Enhanced, sub: sub}
		}
	}
	return p, nil
}

// groupColumns are the widths of the list's columns at a given width.
type groupColumns struct{ code, count, share, bar, class, name int }

func (p *groupsPane) columns() groupColumns {
	c := groupColumns{code: 12, count: 9, share: 6, bar: 12, class: 7}
	if p.width >= 110 {
		c.bar = 20
	}
	c.name = p.width - 2 - c.code - c.count - c.share - c.bar - c.class - 5
	if c.name < 8 {
		c.bar = max(c.bar-(8-c.name), 3)
		c.name = p.width - 2 - c.code - c.count - c.share - c.bar - c.class - 5
	}
	return c
}

// View draws the column titles and the visible rows, exactly height lines.
func (p groupsPane) View() string {
	st := p.sh.styles
	c := p.columns()
	var b strings.Builder
	head := "  " + fit("Code", c.code) + " " + fitRight("Leads", c.count) + " " + fitRight("Share", c.share) +
		" " + fit("", c.bar) + " " + fit("Class", c.class) + " " + "Meaning"
	b.WriteString(st.ColumnHead.Render(fit(head, p.width)))
	from, to := p.win.visible()
	if len(p.rows) == 0 {
		b.WriteString("\n" + st.Dim.Render(fit("  No bounces match.", p.width)))
		from, to = 0, 1
	}
	for i := from; i < to && i < len(p.rows); i++ {
		r := p.rows[i]
		g := &p.groups[r.basic]
		code := ""
		if r.sub >= 0 {
			g = &g.Subgroups[r.sub]
			code = "  " + codeLabel(g.Basic, g.Enhanced, true)
		} else {
			arrow := "▾ "
			if p.collapsed[g.Basic] || len(g.Subgroups) == 0 {
				arrow = "▸ "
			}
			code = arrow + codeLabel(g.Basic, g.Enhanced, false)
		}
		name := p.sh.text.Line(g.Name)
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		cls := fit(g.Class.String(), c.class)
		barStr := bar(st, g.Share, c.bar)
		if selected {
			barStr = plainBar(g.Share, c.bar)
		} else {
			cls = st.Class(g.Class).Render(cls)
		}
		line := marker + fit(code, c.code) + " " + fitRight(commas(g.Count), c.count) + " " +
			fitRight(fmt.Sprintf("%.1f%%", g.Share*100), c.share) + " " + barStr + " " + cls + " " + fit(name, c.name)
		if selected {
			line = st.Selected.Render(fit(line, p.width))
		}
		b.WriteString("\n" + line)
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	return b.String()
}
