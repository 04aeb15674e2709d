package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// domainsPane is which receiving domains bounce, and why: a list of domains above the
// reasons of the one under the cursor, a bar per reason.
type domainsPane struct {
	sh      *shared
	domains []model.DomainGroup
	total   int
	win     window
	width   int
	height  int
	byName  bool
}

// SetDomains replaces the domains; total is the size of the selection, for the shares.
func (p *domainsPane) SetDomains(ds []model.DomainGroup, total int) {
	cur := ""
	if d := p.Current(); d != nil {
		cur = d.Domain
	}
	p.domains, p.total = ds, total
	if p.byName {
		p.sortByName()
	}
	p.win.setLen(len(ds))
	p.win.cursor = 0
	for i := range p.domains {
		if p.domains[i].Domain == cur {
			p.win.cursor = i
			break
		}
	}
	p.win.clamp()
}

func (p *domainsPane) sortByName() {
	sorted := make([]model.DomainGroup, len(p.domains))
	copy(sorted, p.domains)
	sortDomainsByName(sorted)
	p.domains = sorted
}

// reasonRows is how many lines the reasons panel gets.
func (p *domainsPane) reasonRows() int {
	return min(12, max(p.height/3, 3))
}

// SetSize gives the pane its size.
func (p *domainsPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.win.setHeight(h - 1 - p.reasonRows() - 1)
}

// Current returns the domain under the cursor, or nil.
func (p *domainsPane) Current() *model.DomainGroup {
	if len(p.domains) == 0 || p.win.cursor >= len(p.domains) {
		return nil
	}
	return &p.domains[p.win.cursor]
}

// Update moves and asks to open a domain's leads on enter.
func (p domainsPane) Update(msg tea.Msg) (domainsPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case key.Matches(k, km.Up):
		p.win.move(-1)
	case key.Matches(k, km.Down):
		p.win.move(1)
	case key.Matches(k, km.PageUp):
		p.win.page(-1)
	case key.Matches(k, km.PageDown):
		p.win.page(1)
	case key.Matches(k, km.Home):
		p.win.top()
	case key.Matches(k, km.End):
		p.win.bottom()
	case key.Matches(k, km.Sort):
		p.byName = !p.byName
		if p.byName {
			p.sortByName()
		} else {
			sortDomainsByCount(p.domains)
		}
		p.win.top()
	case key.Matches(k, km.Enter):
		if d := p.Current(); d != nil {
			return p, openDomainAction{domain: d.Domain}
		}
	}
	return p, nil
}

func topReason(d *model.DomainGroup) codes.Reason {
	if len(d.Reasons) == 0 {
		return codes.Undefined
	}
	return d.Reasons[0].Reason
}

// View draws the domain list and the reasons of the current domain, exactly height lines.
func (p domainsPane) View() string {
	st := p.sh.styles
	countW, shareW, barW := 9, 6, 12
	if p.width >= 110 {
		barW = 20
	}
	nameW := max(p.width-2-countW-shareW-barW-16-4, 10)
	var b strings.Builder
	head := "  " + fit("Receiving domain", nameW) + " " + fitRight("Leads", countW) + " " +
		fitRight("Share", shareW) + " " + fit("", barW) + " " + "Top reason"
	b.WriteString(st.ColumnHead.Render(fit(head, p.width)))
	from, to := p.win.visible()
	if len(p.domains) == 0 {
		b.WriteString("\n" + st.Dim.Render(fit("  No domains match.", p.width)))
		from, to = 0, 1
	}
	for i := from; i < to && i < len(p.domains); i++ {
		d := &p.domains[i]
		share := 0.0
		if p.total > 0 {
			share = float64(d.Count) / float64(p.total)
		}
		selected := i == p.win.cursor
		name := fit(p.sh.text.Line(d.Domain), nameW)
		line := " " + " " + name + " " + fitRight(commas(d.Count), countW) + " " +
			fitRight(fmt.Sprintf("%.1f%%", share*100), shareW) + " "
		if selected {
			line = "▶" + line[1:] + plainBar(share, barW)
		} else {
			line += bar(st, share, barW)
		}
		line += " " + topReason(d).String()
		if selected {
			line = st.Selected.Render(fit(line, p.width))
		} else {
			line = fit(line, p.width)
		}
		b.WriteString("\n" + line)
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	// The reasons of the current domain.
	rows := p.reasonRows()
	d := p.Current()
	title := "Why it bounces"
	if d != nil {
		title = "Why " + p.sh.text.Line(d.Domain) + " bounces"
	}
	b.WriteString("\n" + st.Section.Render(fit(title, min(p.width, lipgloss.Width(title)))))
	for i := 0; i < rows; i++ {
		b.WriteString("\n")
		if d == nil || i >= len(d.Reasons) {
			continue
		}
		if i == rows-1 && len(d.Reasons) > rows {
			b.WriteString(st.Dim.Render(fit(fmt.Sprintf("  ... and %d more reasons", len(d.Reasons)-i), p.width)))
			continue
		}
		rc := d.Reasons[i]
		share := float64(rc.Count) / float64(max(d.Count, 1))
		line := "  " + fit(rc.Reason.String(), 16) + " " + fitRight(commas(rc.Count), countW) + " " +
			fitRight(fmt.Sprintf("%.0f%%", share*100), 5) + " " + bar(st, share, barW) + " " +
			st.Dim.Render(codes.Describe(rc.Reason))
		b.WriteString(fit(line, p.width))
	}
	return b.String()
}

func sortDomainsByName(ds []model.DomainGroup) {
	slices.SortStableFunc(ds, func(a, b model.DomainGroup) int { return cmp.Compare(a.Domain, b.Domain) })
}

func sortDomainsByCount(ds []model.DomainGroup) {
	slices.SortStableFunc(ds, func(a, b model.DomainGroup) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Domain, b.Domain)
	})
}
