package ui

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
)

// reselect runs the filter and the grouping in a command.
func (a *App) reselect() tea.Cmd {
	if a.ds == nil {
		return nil
	}
	a.selGen++
	a.selecting = true
	gen, ds, f, by := a.selGen, a.ds, a.filter(), a.groupSort
	wantDomains := a.inStack(scrDomains)
	return func() tea.Msg {
		return selectAll(gen, ds, f, by, wantDomains)
	}
}

func selectAll(gen int, ds *model.Dataset, f model.Filter, by model.SortBy, wantDomains bool) selectedMsg {
	sel := ds.Select(f)
	m := selectedMsg{gen: gen, sel: sel}
	cc := ds.ClassCounts(sel)
	copy(m.counts[:], cc[:])
	m.groups = ds.Groups(sel, by)
	if wantDomains {
		m.domains = ds.Domains(sel)
		if m.domains == nil {
			m.domains = []model.DomainGroup{}
		}
	}
	return m
}

// selected applies a new selection to every pane.
func (a *App) selected(msg selectedMsg) {
	a.selecting = false
	a.sel, a.counts = msg.sel, msg.counts
	a.groupsP.SetGroups(msg.groups)
	if msg.domains != nil {
		a.domainsP.SetDomains(msg.domains, len(msg.sel))
		a.domainsStale = false
	} else {
		a.domainsStale = true
	}
	a.leadsP.query = a.match
}

// afterSelect refreshes the open leads list from the new selection.
func (a *App) afterSelect() tea.Cmd {
	if !a.inStack(scrLeads) {
		return nil
	}
	src := a.leadsP.src
	var idx []int32
	if src.domain != "" {
		if a.domainsStale {
			return a.loadDomains()
		}
		for i := range a.domainsP.domains {
			if a.domainsP.domains[i].Domain == src.domain {
				idx = a.domainsP.domains[i].Leads
			}
		}
	} else if g := a.findGroup(src.group); g != nil {
		idx = g.Leads
	}
	cur := a.leadsP.win.cursor
	a.leadsP.SetLeads(a.ds, src, a.leadsP.title, idx)
	a.leadsP.win.cursor = cur
	a.leadsP.win.clamp()
	if a.leadsP.order != byFile {
		return a.sortLeads(idx, a.leadsP.order)
	}
	return nil
}

func (a *App) loadDomains() tea.Cmd {
	gen, ds, sel := a.selGen, a.ds, a.sel
	return func() tea.Msg {
		d := ds.Domains(sel)
		if d == nil {
			d = []model.DomainGroup{}
		}
		return domainsMsg{gen: gen, domains: d}
	}
}

// sortLeads sorts a copy of idx in a command.
func (a *App) sortLeads(idx []int32, order leadOrder) tea.Cmd {
	a.sortGen++
	a.sorting = true
	gen, ds := a.sortGen, a.ds
	return func() tea.Msg {
		out := slices.Clone(idx)
		sortLeadIndices(ds, out, order)
		return leadsSortedMsg{gen: gen, idx: out}
	}
}

func sortLeadIndices(ds *model.Dataset, idx []int32, order leadOrder) {
	leads := ds.Leads
	if order == byDate {
		slices.SortStableFunc(idx, func(x, y int32) int {
			return leadDate(&leads[y]).Compare(leadDate(&leads[x]))
		})
		return
	}
	// Lowercase each key once, not once per comparison.
	type keyed struct {
		key string
		i   int32
	}
	ks := make([]keyed, len(idx))
	for j, i := range idx {
		e := strings.ToLower(leads[i].Email)
		if order == byDomain {
			e = domainOf(e) + "\x00" + e
		}
		ks[j] = keyed{e, i}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int { return strings.Compare(x.key, y.key) })
	for j := range ks {
		idx[j] = ks[j].i
	}
}

func domainOf(email string) string {
	if i := strings.LastIndexByte(email, '@'); i >= 0 {
		return email[i+1:]
	}
	return ""
}

// target is what y and e act on: the marked leads, else the group, domain or list in view.
func (a *App) target() (sel []int32, label, slug string) {
	if a.marks != nil && a.marks.n > 0 {
		return a.marks.list(), "marked", "marked"
	}
	switch a.screen() {
	case scrGroups:
		if g, sub := a.groupsP.Current(); g != nil {
			l := codeLabel(g.Basic, g.Enhanced, false)
			if sub {
				l += " " + codeLabel(g.Basic, g.Enhanced, true)
			}
			return g.Leads, l, slugify(l)
		}
	case scrDomains:
		if d := a.domainsP.Current(); d != nil {
			l := a.sh.text.Line(d.Domain)
			return d.Leads, l, slugify(l)
		}
	case scrLeads, scrDetail:
		src := a.leadsP.src
		if src.domain != "" {
			l := a.sh.text.Line(src.domain)
			return a.leadsP.idx, l, slugify(l)
		}
		l := codeLabel(src.group.basic, src.group.enhanced, false)
		if src.group.sub {
			l += " " + codeLabel(src.group.basic, src.group.enhanced, true)
		}
		return a.leadsP.idx, l, slugify(l)
	}
	return nil, "", ""
}

// slugify makes a label fit for a file name: 550 5.1.1 → 550-5.1.1.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.'
		if ok {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}

// openExport opens the file-name prompt with a default name.
func (a *App) openExport() tea.Cmd {
	sel, label, slug := a.target()
	if len(sel) == 0 {
		return a.statusP.Set(statusError, "Nothing to export")
	}
	if slug == "" {
		slug = "leads"
	}
	name := "bouncelens-" + slug + "-" + a.now().Format("20060102") + ".csv"
	a.exportP.Open(sel, label, name)
	a.exporting = true
	return nil
}

// exported takes the result of an export: done, ask to overwrite, or say what failed.
func (a *App) exported(msg exportedMsg) tea.Cmd {
	switch {
	case msg.err == nil:
		a.exporting = false
		return a.statusP.Set(statusInfo, "Exported "+plural(msg.n, "lead", "leads")+" to "+a.sh.text.Line(msg.path)+
			": import in Marketo, then reset Email Invalid")
	case errors.Is(msg.err, fs.ErrExist):
		a.exportP.confirming = true
		return nil
	}
	return a.statusP.Set(statusError, "Export failed: "+a.sh.text.Line(msg.err.Error()))
}
