package ui

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// reselect runs the filter and the grouping in a command.
func (a *App) reselect() tea.Cmd {
	if a.ds == nil {
		return nil
	}
	a.selGen++
	a.selecting = true
	a.groupsP.pending = true
	gen, ds, f, by, grouping := a.selGen, a.ds, a.filter(), a.groupSort, a.grouping
	wantDomains := a.inStack(scrDomains)
	return func() tea.Msg {
		return selectAll(gen, ds, f, by, grouping, wantDomains)
	}
}

func selectAll(gen int, ds *model.Dataset, f model.Filter, by model.SortBy, grouping model.Grouping, wantDomains bool) selectedMsg {
	sel := ds.Select(f)
	m := selectedMsg{gen: gen, sel: sel, grouping: grouping}
	cc := ds.ClassCounts(sel)
	copy(m.counts[:], cc[:])
	m.actions = ds.ActionCounts(sel)
	m.groups = ds.GroupsBy(sel, grouping, by)
	m.seen = groupsSeen(ds, sel, m.groups)
	if wantDomains {
		m.domains = ds.Domains(sel)
		if m.domains == nil {
			m.domains = []model.DomainGroup{}
		}
		m.provs = groupProviders(ds, m.domains)
		m.domSeen = seenOfDomains(ds, sel, m.domains, m.provs)
	}
	return m
}

// sparkCells is how many cells a group's sparkline has.
const sparkCells = 12

// groupsSeen says when each group's leads bounced, the sparklines over the selection's span.
func groupsSeen(ds *model.Dataset, sel []int32, groups []model.Group) [][]model.Seen {
	from, until := ds.Span(sel)
	out := make([][]model.Seen, len(groups))
	for i := range groups {
		g := &groups[i]
		out[i] = make([]model.Seen, 1+len(g.Subgroups))
		out[i][0] = ds.SeenOver(g.Leads, from, until, sparkCells)
		for j := range g.Subgroups {
			out[i][1+j] = ds.SeenOver(g.Subgroups[j].Leads, from, until, sparkCells)
		}
	}
	return out
}

// domainsSeen is when each domain's and each provider's leads bounced.
type domainsSeen struct{ domains, providers []model.Seen }

func seenOfDomains(ds *model.Dataset, sel []int32, domains []model.DomainGroup, provs []providerGroup) domainsSeen {
	from, until := ds.Span(sel)
	s := domainsSeen{domains: make([]model.Seen, len(domains)), providers: make([]model.Seen, len(provs))}
	for i := range domains {
		s.domains[i] = ds.SeenOver(domains[i].Leads, from, until, sparkCells)
	}
	for i := range provs {
		s.providers[i] = ds.SeenOver(provs[i].Leads, from, until, sparkCells)
	}
	return s
}

// selected applies a new selection to every pane.
func (a *App) selected(msg selectedMsg) {
	a.selecting = false
	a.groupsP.pending = false
	a.sel, a.counts, a.actCounts = msg.sel, msg.counts, msg.actions
	a.groupsP.SetGroups(msg.groups, msg.seen, msg.grouping)
	if msg.domains != nil {
		a.domainsP.SetDomains(msg.domains, msg.provs, msg.domSeen, len(msg.sel))
		a.domainsStale = false
	} else {
		a.domainsStale = true
	}
	a.leadsP.query = a.match
}

// loadTimeline counts the selection over time in a command.
func (a *App) loadTimeline() tea.Cmd {
	a.tlGen++
	a.timelineP.pending = true
	gen, ds, sel := a.tlGen, a.ds, a.sel
	return func() tea.Msg { return computeTimeline(gen, ds, sel) }
}

// afterSelect refreshes the open timeline and leads list from the new selection.
func (a *App) afterSelect() tea.Cmd {
	var tl tea.Cmd
	if a.inStack(scrTimeline) {
		tl = a.loadTimeline()
	}
	return tea.Batch(tl, a.afterSelectLeads())
}

func (a *App) afterSelectLeads() tea.Cmd {
	if !a.inStack(scrLeads) {
		return nil
	}
	src := a.leadsP.src
	var idx []int32
	if (src.domain != "" || src.provider != "") && a.domainsStale {
		return a.loadDomains()
	}
	idx = a.sourceLeads(src)
	cur := a.leadsP.win.cursor
	a.leadsP.SetLeads(a.ds, src, a.leadsP.title, idx)
	a.leadsP.win.cursor = cur
	a.leadsP.win.clamp()
	if !a.leadsP.order.natural() {
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
		provs := groupProviders(ds, d)
		return domainsMsg{gen: gen, domains: d, provs: provs, seen: seenOfDomains(ds, sel, d, provs)}
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
	dir := 1
	if order.desc {
		dir = -1
	}
	switch order.col {
	case colFile:
		if order.desc {
			slices.Reverse(idx)
		}
		return
	case colDate:
		slices.SortStableFunc(idx, func(x, y int32) int {
			return dir * leadDate(&leads[y]).Compare(leadDate(&leads[x]))
		})
		return
	case colBounces:
		counts := ds.BounceCounts()
		slices.SortStableFunc(idx, func(x, y int32) int { return dir * int(counts[y]-counts[x]) })
		return
	}
	// Build each key once, not once per comparison.
	type keyed struct {
		key string
		i   int32
	}
	var rank [model.NumActions]byte
	for k, a := range codes.Actions() {
		rank[a] = byte('0' + k)
	}
	ks := make([]keyed, len(idx))
	for j, i := range idx {
		l := &leads[i]
		var k string
		switch order.col {
		case colEmail:
			k = strings.ToLower(l.Email)
		case colDomain:
			e := strings.ToLower(l.Email)
			k = domainOf(e) + "\x00" + e
		case colName:
			k = strings.ToLower(fullName(l))
		case colCompany:
			k = strings.ToLower(l.Company)
		case colState:
			k = leadState(ds, l)
		case colVerdict:
			k = string(rank[ds.Action(i)]) + l.Bounce.Reason.String()
		case colReason:
			k = strings.ToLower(l.Reason)
		}
		ks[j] = keyed{k, i}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int { return dir * strings.Compare(x.key, y.key) })
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
		if g, _ := a.groupsP.Current(); g != nil {
			l := a.groupsP.CurrentKey().label(" ▸ ")
			return g.Leads, l, slugify(l)
		}
	case scrDomains:
		if d := a.domainsP.Current(); d != nil {
			l := a.sh.text.Line(d.Domain)
			return d.Leads, l, slugify(l)
		}
	case scrLeads, scrDetail:
		l := a.leadsP.src.label(a.sh.text)
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

// openExport opens the export prompt for the target, suggesting the job its leads call for.
func (a *App) openExport() tea.Cmd {
	sel, label, slug := a.target()
	if len(sel) == 0 {
		return a.statusP.Set(statusError, "Nothing to export")
	}
	if slug == "" {
		slug = "leads"
	}
	a.exportP.Open(sel, label, slug, a.now().Format("20060102"), a.suggestPreset())
	a.exporting = true
	return nil
}

// suggestPreset is the job the target's leads mostly call for: suppress for dead addresses,
// readd for the rest of what can be re-added, handoff when they mostly wait or need reading.
func (a *App) suggestPreset() model.Preset {
	var g *model.Group
	switch {
	case a.marks != nil && a.marks.n > 0:
	case a.screen() == scrGroups:
		g, _ = a.groupsP.Current()
	case a.screen() == scrLeads || a.screen() == scrDetail:
		if a.leadsP.src.domain == "" && a.leadsP.src.provider == "" {
			g = a.findGroup(a.leadsP.src.group)
		}
	}
	if g == nil {
		return model.PresetReadd
	}
	switch dominant(g.Actions) {
	case codes.Suppress:
		return model.PresetSuppress
	case codes.Readd:
		return model.PresetReadd
	}
	return model.PresetHandoff
}

// exported takes the result of an export: done, ask to overwrite, or say what failed.
func (a *App) exported(msg exportedMsg) tea.Cmd {
	switch {
	case msg.err == nil:
		a.exporting = false
		path := a.sh.text.Line(msg.path)
		if msg.preset == model.NoPreset {
			return a.statusP.Set(statusInfo, "Exported "+plural(msg.n, "lead", "leads")+" to "+path)
		}
		// The count and the file first: the status line may cut what was left out, which the
		// prompt showed in full before writing.
		text := "Wrote the " + msg.preset.String() + " list: " + plural(msg.report.Written, "address", "addresses") + " to " + path
		if sum := msg.report.Summary(); strings.Contains(sum, "; ") {
			text += "; " + sum[strings.Index(sum, "; ")+2:]
		}
		return a.statusP.Set(statusInfo, text)
	case errors.Is(msg.err, fs.ErrExist):
		a.exportP.stage = exportConfirming
		return nil
	}
	return a.statusP.Set(statusError, "Export failed: "+a.sh.text.Line(msg.err.Error()))
}
