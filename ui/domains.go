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

// sideBySide reports whether the reasons panel sits right of the list rather than below it.
func (p *domainsPane) sideBySide() bool { return p.width >= 110 }

// reasonRows is how many lines the reasons panel gets below the list.
func (p *domainsPane) reasonRows() int {
	return min(12, max(p.height/3, 3))
}

// listWidth is the width of the domain list.
func (p *domainsPane) listWidth() int {
	if p.sideBySide() {
		return (p.width - 3) * 60 / 100
	}
	return p.width
}

// SetSize gives the pane its size.
func (p *domainsPane) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.sideBySide() {
		p.win.setHeight(h - 1)
	} else {
		p.win.setHeight(h - 1 - p.reasonRows() - 1)
	}
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
	case p.win.navigate(k, km):
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
	list := p.listLines(p.listWidth())
	if p.sideBySide() {
		rw := p.width - p.listWidth() - 3
		reasons := p.reasonLines(rw, p.height)
		sep := p.sh.styles.Dim.Render("│")
		for i := range list {
			list[i] += " " + sep + " " + reasons[i]
		}
		return strings.Join(list, "\n")
	}
	return strings.Join(append(list, p.reasonLines(p.width, p.reasonRows()+1)...), "\n")
}

// listLines draws the column titles and the visible domains in w cells.
func (p domainsPane) listLines(w int) []string {
	st := p.sh.styles
	countW, shareW, barW := 9, 6, 12
	switch {
	case w >= 110:
		barW = 20
	case w < 80:
		countW, barW = 7, 8
	}
	nameW := max(w-2-countW-shareW-barW-16-4, 10)
	out := make([]string, 0, p.win.height+1)
	head := "  " + fit("Receiving domain", nameW) + " " + fitRight("Leads", countW) + " " +
		fitRight("Share", shareW) + " " + fit("", barW) + " " + "Top reason"
	out = append(out, st.ColumnHead.Render(fit(head, w)))
	from, to := p.win.visible()
	if len(p.domains) == 0 {
		out = append(out, st.Dim.Render(fit("  No domains match.", w)))
	}
	for i := from; i < to && i < len(p.domains); i++ {
		d := &p.domains[i]
		share := 0.0
		if p.total > 0 {
			share = float64(d.Count) / float64(p.total)
		}
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		line := marker + fit(p.sh.text.Line(d.Domain), nameW) + " " + fitRight(commas(d.Count), countW) + " " +
			fitRight(fmt.Sprintf("%.1f%%", share*100), shareW) + " "
		if selected {
			line = st.Selected.Render(fit(line+plainBar(share, barW)+" "+topReason(d).String(), w))
		} else {
			line = fit(line+bar(st, share, barW)+" "+topReason(d).String(), w)
		}
		out = append(out, line)
	}
	for len(out) < p.win.height+1 {
		out = append(out, fit("", w))
	}
	return out
}

// reasonLines draws why the current domain bounces in w cells and exactly h lines.
func (p domainsPane) reasonLines(w, h int) []string {
	st := p.sh.styles
	d := p.Current()
	title := "Why it bounces"
	if d != nil {
		title = "Why " + p.sh.text.Line(d.Domain) + " bounces"
	}
	out := []string{st.Section.Render(fit(title, min(w, lipgloss.Width(title)))) + fit("", w-min(w, lipgloss.Width(title)))}
	barW := 12
	if w >= 70 {
		barW = 16
	}
	for i := 0; len(out) < h; i++ {
		if d == nil || i >= len(d.Reasons) {
			out = append(out, fit("", w))
			continue
		}
		if len(out) == h-1 && len(d.Reasons) > i+1 {
			out = append(out, st.Dim.Render(fit(fmt.Sprintf("  ... and %d more reasons", len(d.Reasons)-i), w)))
			continue
		}
		rc := d.Reasons[i]
		share := float64(rc.Count) / float64(max(d.Count, 1))
		line := "  " + fit(rc.Reason.String(), 16) + " " + fitRight(commas(rc.Count), 7) + " " +
			fitRight(fmt.Sprintf("%.0f%%", share*100), 4) + " " + bar(st, share, barW)
		if p.sideBySide() {
			out = append(out, fit(line, w))
			if desc := codes.Describe(rc.Reason); desc != "" && len(out) < h-1 {
				out = append(out, st.Dim.Render(fit("    "+desc, w)))
			}
			continue
		}
		out = append(out, fit(line+" "+st.Dim.Render(codes.Describe(rc.Reason)), w))
	}
	return out
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
