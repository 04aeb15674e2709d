package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// providerGroup is a mailbox provider and the receiving domains rolled up into it.
type providerGroup struct {
	model.DomainGroup                          // Domain is the provider's name; Leads in file order
	domains           []int                    // its domains, indices into the pane's, most leads first
	byReason          map[codes.Reason][]int32 // its leads per reason, in file order
}

// groupProviders rolls domains up into mailbox providers, most leads first: a domain belongs to
// the provider most of its leads have (ds.ProviderIDs). It runs in a command.
func groupProviders(ds *model.Dataset, domains []model.DomainGroup) []providerGroup {
	ids, names := ds.ProviderIDs()
	index := make([]int, len(names)) // provider id to its group + 1
	counts := make([]int, len(names))
	owner := make([]int32, len(ds.Leads)) // lead to its group + 1 (0: not selected)
	var out []providerGroup
	for di := range domains {
		d := &domains[di]
		best, bestN := int32(-1), 0
		for _, i := range d.Leads {
			id := ids[i]
			counts[id]++
			if n := counts[id]; n > bestN || n == bestN && id < best {
				best, bestN = id, n
			}
		}
		for _, i := range d.Leads {
			counts[ids[i]] = 0
		}
		if best < 0 {
			continue
		}
		if index[best] == 0 {
			out = append(out, providerGroup{DomainGroup: model.DomainGroup{Domain: names[best]}})
			index[best] = len(out)
		}
		k := index[best]
		pg := &out[k-1]
		pg.domains = append(pg.domains, di)
		pg.Count += d.Count
		for _, r := range d.Reasons {
			pg.Reasons = addReasonCount(pg.Reasons, r)
		}
		for _, i := range d.Leads {
			owner[i] = int32(k)
		}
	}
	for k := range out {
		out[k].Leads = make([]int32, 0, out[k].Count)
		out[k].byReason = map[codes.Reason][]int32{}
	}
	// One pass in file order fills every provider's leads, and its leads per reason, in order.
	for i, k := range owner {
		if k == 0 {
			continue
		}
		pg := &out[k-1]
		pg.Leads = append(pg.Leads, int32(i))
		r := ds.Leads[i].Bounce.Reason
		pg.byReason[r] = append(pg.byReason[r], int32(i))
	}
	for k := range out {
		slices.SortStableFunc(out[k].Reasons, func(a, b model.ReasonCount) int {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
			return cmp.Compare(a.Reason, b.Reason)
		})
	}
	slices.SortStableFunc(out, func(a, b providerGroup) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Domain, b.Domain)
	})
	return out
}

func addReasonCount(rs []model.ReasonCount, r model.ReasonCount) []model.ReasonCount {
	for k := range rs {
		if rs[k].Reason == r.Reason {
			rs[k].Count += r.Count
			return rs
		}
	}
	return append(rs, r)
}

// domRow is a row of the domain list: a provider's, or (dom >= 0) one of its domains'.
type domRow struct{ prov, dom int }

// domainsPane is which receiving domains bounce, and why: providers that expand into their
// domains, beside or above the reasons of the row under the cursor, a bar per reason. The
// reasons can take the focus: provider ▸ reason ▸ leads.
type domainsPane struct {
	sh        *shared
	domains   []model.DomainGroup // most leads first, as the model gives them
	providers []providerGroup
	seen      domainsSeen
	rows      []domRow
	open      map[string]bool // the providers expanded, by name
	total     int
	win       window
	width     int
	height    int
	byName    bool

	inReasons bool   // the reasons have the focus
	rwin      window // the cursor over the reasons
}

// SetDomains replaces the domains and their providers; total is the size of the selection, for
// the shares.
func (p *domainsPane) SetDomains(ds []model.DomainGroup, provs []providerGroup, seen domainsSeen, total int) {
	cur := p.rowName()
	p.domains, p.providers, p.seen, p.total = ds, provs, seen, total
	p.rebuild()
	p.win.cursor = 0
	for i, r := range p.rows {
		if p.nameOf(r) == cur {
			p.win.cursor = i
			break
		}
	}
	p.win.clamp()
	p.syncReasons()
}

// nameOf is a row's provider or domain, "provider\x00domain" for a domain.
func (p *domainsPane) nameOf(r domRow) string {
	if r.dom >= 0 {
		return p.providers[r.prov].Domain + "\x00" + p.domains[r.dom].Domain
	}
	return p.providers[r.prov].Domain
}

func (p *domainsPane) rowName() string {
	if p.win.cursor < len(p.rows) {
		return p.nameOf(p.rows[p.win.cursor])
	}
	return ""
}

// rebuild lays out the rows: every provider, and the domains of the expanded ones.
func (p *domainsPane) rebuild() {
	order := make([]int, len(p.providers))
	for i := range order {
		order[i] = i
	}
	if p.byName {
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p.providers[a].Domain, p.providers[b].Domain) })
	}
	p.rows = p.rows[:0]
	for _, k := range order {
		p.rows = append(p.rows, domRow{prov: k, dom: -1})
		if !p.open[p.providers[k].Domain] {
			continue
		}
		doms := p.providers[k].domains
		if p.byName {
			doms = slices.Clone(doms)
			slices.SortStableFunc(doms, func(a, b int) int { return cmp.Compare(p.domains[a].Domain, p.domains[b].Domain) })
		}
		for _, d := range doms {
			p.rows = append(p.rows, domRow{prov: k, dom: d})
		}
	}
	p.win.setLen(len(p.rows))
}

// sideBySide reports whether the reasons panel sits right of the list rather than below it.
func (p *domainsPane) sideBySide() bool { return p.width >= 110 }

// reasonRows is how many lines the reasons panel gets below the list.
func (p *domainsPane) reasonRows() int {
	return min(12, max(p.height/3, 3), p.height-3)
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
		p.rwin.setHeight(h - 1)
	} else if p.reasonRows() < 1 {
		p.win.setHeight(h - 1) // too short for the reasons
	} else {
		p.win.setHeight(h - 1 - p.reasonRows() - 1)
		p.rwin.setHeight(p.reasonRows())
	}
}

// Current returns the provider or domain under the cursor (a provider as the sum of its
// domains), or nil.
func (p *domainsPane) Current() *model.DomainGroup {
	if p.win.cursor >= len(p.rows) {
		return nil
	}
	r := p.rows[p.win.cursor]
	if r.dom >= 0 {
		return &p.domains[r.dom]
	}
	return &p.providers[r.prov].DomainGroup
}

// currentProvider returns the provider whose row is under the cursor, or nil on a domain row.
func (p *domainsPane) currentProvider() *providerGroup {
	if p.win.cursor >= len(p.rows) || p.rows[p.win.cursor].dom >= 0 {
		return nil
	}
	return &p.providers[p.rows[p.win.cursor].prov]
}

// provider finds a provider by name.
func (p *domainsPane) provider(name string) *providerGroup {
	for k := range p.providers {
		if p.providers[k].Domain == name {
			return &p.providers[k]
		}
	}
	return nil
}

// syncReasons fits the reasons' cursor to the row under the list's cursor.
func (p *domainsPane) syncReasons() {
	n := 0
	if d := p.Current(); d != nil {
		n = len(d.Reasons)
	}
	p.rwin.setLen(n)
	if p.currentProvider() == nil || n == 0 {
		p.inReasons = false
	}
}

// openProviderAction opens the leads of a mailbox provider; with a reason, only those that
// bounced for it.
type openProviderAction struct {
	provider  string
	reason    codes.Reason
	hasReason bool
}

// Update moves, expands and collapses providers, moves the focus into the reasons and back,
// and asks to open a provider's, a domain's or a provider's reason's leads on enter.
func (p domainsPane) Update(msg tea.Msg) (domainsPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	if p.inReasons {
		switch {
		case p.rwin.navigate(k, km):
		case key.Matches(k, km.Collapse), key.Matches(k, km.Back), key.Matches(k, km.Reasons):
			p.inReasons = false
		case key.Matches(k, km.Enter):
			if pg := p.currentProvider(); pg != nil && p.rwin.cursor < len(pg.Reasons) {
				return p, openProviderAction{provider: pg.Domain, reason: pg.Reasons[p.rwin.cursor].Reason, hasReason: true}
			}
		}
		return p, nil
	}
	if p.open == nil {
		p.open = map[string]bool{}
	}
	switch {
	case p.win.navigate(k, km):
		p.rwin.top()
		p.syncReasons()
	case key.Matches(k, km.Sort):
		p.byName = !p.byName
		p.rebuild()
		p.win.top()
		p.syncReasons()
	case key.Matches(k, km.Expand):
		if pg := p.currentProvider(); pg != nil {
			if p.open[pg.Domain] {
				p.inReasons = len(pg.Reasons) > 0
			} else {
				p.open[pg.Domain] = true
				p.rebuild()
			}
		}
	case key.Matches(k, km.Reasons):
		if pg := p.currentProvider(); pg != nil {
			p.inReasons = len(pg.Reasons) > 0
		}
	case key.Matches(k, km.Collapse):
		if p.win.cursor < len(p.rows) {
			r := p.rows[p.win.cursor]
			if r.dom >= 0 || p.open[p.providers[r.prov].Domain] {
				p.open[p.providers[r.prov].Domain] = false
				p.rebuild()
				for i, row := range p.rows {
					if row.prov == r.prov && row.dom < 0 {
						p.win.cursor = i
					}
				}
				p.win.clamp()
				p.syncReasons()
			}
		}
	case key.Matches(k, km.Enter):
		if pg := p.currentProvider(); pg != nil {
			return p, openProviderAction{provider: pg.Domain}
		}
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
	if p.reasonRows() < 1 {
		return strings.Join(list, "\n")
	}
	return strings.Join(append(list, p.reasonLines(p.width, p.reasonRows()+1)...), "\n")
}

// listLines draws the column titles and the visible rows in w cells.
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
	head := "  " + fit("Provider ▸ domain", nameW) + " " + fitRight("Leads", countW) + " " +
		fitRight("Share", shareW) + " " + fit("", barW) + " " + "Top reason"
	out = append(out, st.ColumnHead.Render(fit(head, w)))
	from, to := p.win.visible()
	if len(p.rows) == 0 {
		out = append(out, st.Dim.Render(fit("  No domains match.", w)))
	}
	for i := from; i < to && i < len(p.rows); i++ {
		r := p.rows[i]
		var d *model.DomainGroup
		var name string
		if r.dom >= 0 {
			d = &p.domains[r.dom]
			name = "    " + p.sh.text.Line(d.Domain)
		} else {
			d = &p.providers[r.prov].DomainGroup
			sign := "▸ "
			if p.open[d.Domain] {
				sign = "▾ "
			}
			name = sign + p.sh.text.Line(d.Domain) + st.Dim.Render(" ("+plural(len(p.providers[r.prov].domains), "domain", "domains")+")")
		}
		share := 0.0
		if p.total > 0 {
			share = float64(d.Count) / float64(p.total)
		}
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		line := marker + fit(name, nameW) + " " + fitRight(commas(d.Count), countW) + " " +
			fitRight(fmt.Sprintf("%.1f%%", share*100), shareW) + " "
		switch {
		case selected && !p.inReasons:
			line = st.Selected.Render(fit(ansi.Strip(line)+plainBar(share, barW)+" "+topReason(d).String(), w))
		case selected:
			line = st.Crumb.Render(fit(ansi.Strip(line)+plainBar(share, barW)+" "+topReason(d).String(), w))
		default:
			line = fit(line+bar(st, share, barW)+" "+topReason(d).String(), w)
		}
		out = append(out, line)
	}
	for len(out) < p.win.height+1 {
		out = append(out, fit("", w))
	}
	return out
}

// currentSeen is when the leads of the row under the cursor bounced, or nil when not known.
func (p *domainsPane) currentSeen() *model.Seen {
	if p.win.cursor >= len(p.rows) {
		return nil
	}
	r := p.rows[p.win.cursor]
	switch {
	case r.dom >= 0 && r.dom < len(p.seen.domains):
		return &p.seen.domains[r.dom]
	case r.dom < 0 && r.prov < len(p.seen.providers):
		return &p.seen.providers[r.prov]
	}
	return nil
}

// reasonLines draws why the current row bounces in w cells and exactly h lines; with the focus,
// the reason under its cursor is marked.
func (p domainsPane) reasonLines(w, h int) []string {
	st := p.sh.styles
	d := p.Current()
	title := "Why it bounces"
	if d != nil {
		title = "Why " + p.sh.text.Line(d.Domain) + " bounces"
		if p.currentProvider() != nil && !p.inReasons {
			title += " (r: pick a reason)"
		}
	}
	out := []string{st.Section.Render(fit(title, min(w, lipgloss.Width(title)))) + fit("", w-min(w, lipgloss.Width(title)))}
	if s := p.currentSeen(); s != nil && h > 3 {
		out = append(out, st.Dim.Render(fit("  "+sparkline(s.Cells)+"  "+seenSpan(s), w)))
	}
	barW := 12
	if w >= 70 {
		barW = 16
	}
	from := 0
	if p.inReasons {
		from = p.rwin.offset
	}
	for i := from; len(out) < h; i++ {
		if d == nil || i >= len(d.Reasons) {
			out = append(out, fit("", w))
			continue
		}
		if len(out) == h-1 && len(d.Reasons) > i+1 && !(p.inReasons && p.rwin.cursor == i) {
			out = append(out, st.Dim.Render(fit(fmt.Sprintf("  ... and %d more reasons", len(d.Reasons)-i), w)))
			continue
		}
		rc := d.Reasons[i]
		share := float64(rc.Count) / float64(max(d.Count, 1))
		marker := "  "
		selected := p.inReasons && i == p.rwin.cursor
		if selected {
			marker = "▶ "
		}
		head := marker + fit(rc.Reason.String(), 16) + " " + fitRight(commas(rc.Count), 7) + " " +
			fitRight(fmt.Sprintf("%.0f%%", share*100), 4) + " "
		line := head + bar(st, share, barW)
		if selected {
			line = st.Selected.Render(head + plainBar(share, barW))
		}
		if p.sideBySide() {
			out = append(out, fit(line, w))
			if desc := codes.Describe(rc.Reason); desc != "" && len(out) < h-1 && !p.inReasons {
				out = append(out, st.Dim.Render(fit("    "+desc, w)))
			}
			continue
		}
		out = append(out, fit(line+" "+st.Dim.Render(codes.Describe(rc.Reason)), w))
	}
	return out
}
