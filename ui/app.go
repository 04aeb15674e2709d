package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// screen is what the body shows.
type screen uint8

const (
	scrLoading screen = iota
	scrGroups
	scrDomains
	scrLeads
	scrDetail
	scrHelp
	scrSkipped
)

// Messages the root's commands send back. Each carries the generation it was started for;
// a stale one is dropped.
type (
	selectedMsg struct {
		gen     int
		sel     []int32
		counts  [4]int
		groups  []model.Group
		domains []model.DomainGroup // nil when not asked for
	}
	domainsMsg struct {
		gen     int
		domains []model.DomainGroup
	}
	leadsSortedMsg struct {
		gen int
		idx []int32
	}
	filterTickMsg struct{ gen int }
	// distinctMsg is how many distinct addresses load gen holds.
	distinctMsg struct{ gen, n int }
	exportedMsg struct {
		gen  int
		path string
		n    int
		err  error
	}
	copiedMsg struct {
		n     int
		bytes int
		label string
	}
)

// osc52Limit is the payload size past which some terminals drop an OSC 52 clipboard write.
const osc52Limit = 100_000

// App is the root model, the only tea.Model: it owns focus, layout and routing.
type App struct {
	sh       *shared
	opts     Options
	load     LoadFunc
	now      func() time.Time
	debounce time.Duration // wait this long after a filter keystroke before selecting; 0: at once

	width, height int
	stack         []screen

	loadGen  int
	ld       *loader
	loadingP loadingPane
	loadErr  error
	partial  bool
	distinct int // distinct addresses in the dataset; 0 until counted

	ds        *model.Dataset
	marks     *marks
	classes   []codes.Class
	match     string
	groupSort model.SortBy

	sel          []int32
	counts       [4]int
	selGen       int
	selecting    bool
	domainsStale bool
	sortGen      int
	sorting      bool
	exportGen    int
	exporting    bool

	groupsP  groupsPane
	leadsP   leadsPane
	detailP  detailPane
	domainsP domainsPane
	filterP  filterPane
	helpP    helpPane
	statusP  statusBar
	skippedP skippedPane
	exportP  exportPrompt
}

// New builds the browser for opts; nothing is read until the program starts it.
func New(opts Options) *App {
	return newApp(opts, defaultLoad(opts), 4*time.Second, 40*time.Millisecond)
}

func newApp(opts Options, load LoadFunc, statusTTL, debounce time.Duration) *App {
	sh := &shared{styles: NewStyles(true), keys: DefaultKeyMap(), text: newTextCache()}
	names := opts.Files
	if len(names) == 0 {
		names = []string{sample.Name}
	}
	a := &App{
		sh:       sh,
		opts:     opts,
		load:     load,
		now:      time.Now,
		debounce: debounce,
		width:    80,
		height:   24,
		stack:    []screen{scrLoading},
		classes:  opts.Filter.Classes,
		match:    opts.Filter.Match,
		loadingP: loadingPane{sh: sh, names: names},
		groupsP:  newGroupsPane(sh),
		leadsP:   leadsPane{sh: sh},
		detailP:  detailPane{sh: sh},
		domainsP: domainsPane{sh: sh},
		filterP:  filterPane{sh: sh},
		helpP:    newHelpPane(sh),
		statusP:  newStatusBar(sh, statusTTL),
		skippedP: skippedPane{sh: sh},
		exportP:  exportPrompt{sh: sh},
	}
	a.filterP.input.SetValue(a.match)
	a.leadsP.query = a.match
	a.layout()
	return a
}

// defaultLoad reads the files of opts, or the embedded sample when there are none.
func defaultLoad(opts Options) LoadFunc {
	return func(ctx context.Context, progress func(model.Progress)) (*model.Dataset, error) {
		lo := opts.Load
		lo.Progress = progress
		if len(opts.Files) == 0 {
			return model.LoadReader(ctx, bytes.NewReader(sample.CSV()), sample.Name, lo)
		}
		return model.Load(ctx, opts.Files, lo)
	}
}

// Init starts loading and asks the terminal for its background colour.
func (a *App) Init() tea.Cmd {
	a.loadGen++
	ld, cmd := startLoad(a.loadGen, a.load)
	a.ld = ld
	return tea.Batch(cmd, tea.RequestBackgroundColor)
}

func (a *App) screen() screen { return a.stack[len(a.stack)-1] }

func (a *App) push(s screen) { a.stack = append(a.stack, s) }

func (a *App) pop() {
	if len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
}

func (a *App) inStack(s screen) bool { return slices.Contains(a.stack, s) }

// filter is the command line's filter with the browser's class and text on top.
func (a *App) filter() model.Filter {
	f := a.opts.Filter
	f.Classes = a.classes
	f.Match = a.match
	return f
}

// Update routes a message; the result is always the same *App.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	a.layout()
	return a, cmd
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		a.sh.styles = NewStyles(msg.IsDark())
		a.detailP.Rebuild()
	case progressMsg:
		if msg.gen == a.loadGen && a.ld != nil {
			a.loadingP.p = msg.p
			return a.ld.wait()
		}
	case loadedMsg:
		if msg.gen == a.loadGen {
			return a.loaded(msg)
		}
	case distinctMsg:
		if msg.gen == a.loadGen {
			a.distinct = msg.n
		}
	case selectedMsg:
		if msg.gen == a.selGen {
			a.selected(msg)
			return a.afterSelect()
		}
	case domainsMsg:
		if msg.gen == a.selGen {
			a.domainsP.SetDomains(msg.domains, len(a.sel))
			a.domainsStale = false
		}
	case leadsSortedMsg:
		if msg.gen == a.sortGen {
			a.sorting = false
			a.leadsP.SetLeads(a.ds, a.leadsP.src, a.leadsP.title, msg.idx)
			a.leadsP.Reset()
		}
	case filterTickMsg:
		if msg.gen == a.selGen {
			return a.reselect()
		}
	case exportedMsg:
		if msg.gen == a.exportGen {
			return a.exported(msg)
		}
	case copiedMsg:
		text := "Copied " + plural(msg.n, "email", "emails") + " (" + msg.label + ") to the clipboard"
		if msg.bytes > osc52Limit {
			text += "; " + bytesize(int64(msg.bytes)) + " may be too much for your terminal: e exports"
		}
		return a.statusP.Set(statusInfo, text)
	case statusClearMsg:
		a.statusP.Clear(msg)
	case tea.KeyPressMsg:
		return a.key(msg)
	case tea.PasteMsg:
		switch {
		case a.exporting:
			var act any
			a.exportP, act = a.exportP.Update(msg)
			return a.act(act)
		case a.filterP.active:
			var act any
			a.filterP, act = a.filterP.Update(msg)
			return a.act(act)
		}
	case tea.MouseWheelMsg:
		d := 3
		if msg.Button == tea.MouseWheelUp {
			d = -3
		} else if msg.Button != tea.MouseWheelDown {
			return nil
		}
		a.scroll(d)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			return a.click(msg.Y)
		}
	}
	return nil
}

// loaded takes a finished load: show it, or quit with its error.
func (a *App) loaded(msg loadedMsg) tea.Cmd {
	a.ld = nil
	ds := msg.ds
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			a.loadErr = msg.err
			return tea.Quit
		}
		if ds == nil || len(ds.Leads) == 0 {
			return tea.Quit
		}
		a.partial = true
	}
	if ds == nil {
		ds = &model.Dataset{Files: a.loadingP.names}
	}
	a.ds = ds
	a.marks = newMarks(len(ds.Leads))
	a.leadsP.marks = a.marks
	a.skippedP.SetRows(ds.Skipped)
	a.stack = []screen{scrGroups}
	var cmds []tea.Cmd
	if a.partial {
		cmds = append(cmds, a.statusP.Set(statusError, "Loading cancelled: showing the "+plural(len(ds.Leads), "lead", "leads")+" read so far"))
	} else if n := len(ds.Skipped); n > 0 {
		cmds = append(cmds, a.statusP.Set(statusError, plural(n, "row", "rows")+" could not be read: ! lists them"))
	}
	gen := a.loadGen
	cmds = append(cmds, a.reselect(), func() tea.Msg {
		return distinctMsg{gen: gen, n: ds.DistinctLeads(ds.All())}
	})
	return tea.Batch(cmds...)
}

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

// findGroup finds the group an open action names in the current groups.
func (a *App) findGroup(g openGroupAction) *model.Group {
	for i := range a.groupsP.groups {
		b := &a.groupsP.groups[i]
		if b.Basic != g.basic {
			continue
		}
		if !g.sub {
			return b
		}
		for j := range b.Subgroups {
			if b.Subgroups[j].Enhanced == g.enhanced {
				return &b.Subgroups[j]
			}
		}
	}
	return nil
}

// key handles a key press: quitting first, then typing, then global keys, then the pane.
func (a *App) key(k tea.KeyPressMsg) tea.Cmd {
	km := a.sh.keys
	if key.Matches(k, km.ForceQuit) {
		a.cancelLoad()
		return tea.Quit
	}
	if a.screen() == scrLoading {
		switch {
		case k.String() == "esc":
			if a.ld != nil {
				a.ld.cancel()
				a.loadingP.stopping = true
			}
		case key.Matches(k, km.Quit):
			a.cancelLoad()
			return tea.Quit
		}
		return nil
	}
	if a.exporting {
		var act any
		a.exportP, act = a.exportP.Update(k)
		return a.act(act)
	}
	if a.filterP.active {
		var act any
		a.filterP, act = a.filterP.Update(k)
		return a.act(act)
	}
	scr := a.screen()
	switch {
	case key.Matches(k, km.Quit):
		return tea.Quit
	case key.Matches(k, km.Help):
		if scr == scrHelp {
			a.pop()
		} else {
			a.push(scrHelp)
		}
		return nil
	case scr == scrHelp && key.Matches(k, km.Back):
		a.pop()
		return nil
	case key.Matches(k, km.Skipped):
		if scr == scrSkipped {
			a.pop()
		} else {
			a.push(scrSkipped)
		}
		return nil
	case key.Matches(k, km.Back):
		if len(a.stack) > 1 {
			a.pop()
			return nil
		}
		if a.match != "" {
			a.match = ""
			a.filterP.input.SetValue("")
			return a.reselect()
		}
		return nil
	case key.Matches(k, km.Filter) && scr != scrHelp:
		if scr == scrDetail {
			a.pop()
		}
		a.filterP.Start()
		return nil
	case key.Matches(k, km.Class):
		a.classes = nextClass(a.classes)
		return a.reselect()
	case key.Matches(k, km.Domains), key.Matches(k, km.Tab):
		if scr == scrGroups {
			a.stack = []screen{scrDomains}
			if a.domainsStale {
				return a.loadDomains()
			}
		} else if scr == scrDomains {
			a.stack = []screen{scrGroups}
		} else if key.Matches(k, km.Domains) {
			a.stack = []screen{scrDomains}
			if a.domainsStale {
				return a.loadDomains()
			}
		}
		return nil
	case key.Matches(k, km.Copy):
		return a.copy()
	case key.Matches(k, km.Export):
		return a.openExport()
	case key.Matches(k, km.Sort) && scr == scrGroups:
		a.groupSort = 1 - a.groupSort
		return a.reselect()
	case key.Matches(k, km.Sort) && scr == scrLeads:
		a.leadsP.order = (a.leadsP.order + 1) % numLeadOrders
		src := a.leadsP.src
		idx := a.sourceLeads(src)
		if a.leadsP.order == byFile {
			a.sortGen++
			a.sorting = false
			a.leadsP.SetLeads(a.ds, src, a.leadsP.title, idx)
			a.leadsP.Reset()
			return nil
		}
		return a.sortLeads(idx, a.leadsP.order)
	case key.Matches(k, km.Unmark):
		if a.marks != nil && a.marks.n > 0 {
			n := a.marks.n
			a.marks.clear()
			return a.statusP.Set(statusInfo, "Unmarked "+plural(n, "lead", "leads"))
		}
		return nil
	case key.Matches(k, km.MarkAll) && scr == scrGroups:
		if g, _ := a.groupsP.Current(); g != nil {
			a.marks.toggleAll(g.Leads)
		}
		return nil
	case key.Matches(k, km.MarkAll) && scr == scrDomains:
		if d := a.domainsP.Current(); d != nil {
			a.marks.toggleAll(d.Leads)
		}
		return nil
	}
	var act any
	switch scr {
	case scrGroups:
		a.groupsP, act = a.groupsP.Update(k)
	case scrDomains:
		a.domainsP, act = a.domainsP.Update(k)
	case scrLeads:
		a.leadsP, act = a.leadsP.Update(k)
	case scrDetail:
		a.detailP, act = a.detailP.Update(k)
	case scrHelp:
		a.helpP, act = a.helpP.Update(k)
	case scrSkipped:
		a.skippedP, act = a.skippedP.Update(k)
	}
	return a.act(act)
}

func (a *App) cancelLoad() {
	if a.ld != nil {
		a.ld.cancel()
	}
}

// nextClass cycles the class filter: all ▸ hard ▸ soft ▸ all.
func nextClass(cs []codes.Class) []codes.Class {
	switch {
	case len(cs) == 0:
		return []codes.Class{codes.Hard}
	case len(cs) == 1 && cs[0] == codes.Hard:
		return []codes.Class{codes.Soft}
	}
	return nil
}

// sourceLeads returns the leads of a source in file order, from the current groups.
func (a *App) sourceLeads(src leadSource) []int32 {
	if src.domain != "" {
		for i := range a.domainsP.domains {
			if a.domainsP.domains[i].Domain == src.domain {
				return a.domainsP.domains[i].Leads
			}
		}
		return nil
	}
	if g := a.findGroup(src.group); g != nil {
		return g.Leads
	}
	return nil
}

// act interprets what a pane asked for.
func (a *App) act(act any) tea.Cmd {
	switch act := act.(type) {
	case openGroupAction:
		g := a.findGroup(act)
		if g == nil {
			return nil
		}
		title := codeLabel(act.basic, act.enhanced, false)
		if act.sub {
			title += " ▸ " + codeLabel(act.basic, act.enhanced, true)
		}
		if g.Name != "" {
			title += "  " + a.sh.text.Line(g.Name)
		}
		a.openLeads(leadSource{group: act}, title, g.Leads)
	case openDomainAction:
		a.openLeads(leadSource{domain: act.domain}, "@"+a.sh.text.Line(act.domain), a.sourceLeads(leadSource{domain: act.domain}))
	case openLeadAction:
		a.detailP.SetLead(a.ds, act.lead, a.match)
		a.push(scrDetail)
	case filterChangedAction:
		a.match = act.text
		a.leadsP.query = act.text
		if a.debounce <= 0 {
			return a.reselect()
		}
		a.selGen++ // what is in flight is stale now
		gen := a.selGen
		return tea.Tick(a.debounce, func(time.Time) tea.Msg { return filterTickMsg{gen: gen} })
	case filterDoneAction:
		if act.cancel && a.match != "" {
			a.match = ""
			a.leadsP.query = ""
			return a.reselect()
		}
		if !act.cancel && a.selecting {
			return a.reselect() // do not wait for the debounce
		}
	case exportAction:
		a.exportGen++
		gen, ds, sel := a.exportGen, a.ds, a.exportP.sel
		return func() tea.Msg {
			err := ds.ExportFile(act.path, sel, model.ExportOptions{}, act.force)
			return exportedMsg{gen: gen, path: act.path, n: len(sel), err: err}
		}
	case exportCancelAction:
		a.exporting = false
	}
	return nil
}

// openLeads shows a list of leads, in file order.
func (a *App) openLeads(src leadSource, title string, idx []int32) {
	a.leadsP.SetLeads(a.ds, src, title, idx)
	a.leadsP.order = byFile
	a.leadsP.Reset()
	a.sortGen++
	a.sorting = false
	if a.screen() == scrLeads {
		return
	}
	a.push(scrLeads)
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

// copy puts the target's emails on the clipboard (OSC 52), one per line, built in a command.
func (a *App) copy() tea.Cmd {
	sel, label, _ := a.target()
	if len(sel) == 0 {
		return a.statusP.Set(statusError, "Nothing to copy")
	}
	ds := a.ds
	return func() tea.Msg {
		var b strings.Builder
		for i, li := range sel {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(ds.Leads[li].Email)
		}
		s := b.String()
		return tea.BatchMsg{tea.SetClipboard(s), func() tea.Msg {
			return copiedMsg{n: len(sel), bytes: len(s), label: label}
		}}
	}
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

// scroll moves the list in view by d rows (mouse wheel).
func (a *App) scroll(d int) {
	switch a.screen() {
	case scrGroups:
		a.groupsP.win.scroll(d)
	case scrDomains:
		a.domainsP.win.scroll(d)
	case scrLeads:
		a.leadsP.win.scroll(d)
	case scrDetail:
		a.detailP.scroll(d)
	case scrSkipped:
		a.skippedP.win.scroll(d)
	case scrHelp:
		a.helpP.offset = max(a.helpP.offset+d, 0)
	}
}

// headerLines is how many lines the header takes; the body starts below it.
const headerLines = 2

// click selects the row under the pointer; clicking the selected row opens it.
func (a *App) click(y int) tea.Cmd {
	row := y - headerLines - 1 // the body starts with the column titles
	var w *window
	switch a.screen() {
	case scrGroups:
		w = &a.groupsP.win
	case scrDomains:
		w = &a.domainsP.win
	case scrLeads:
		w = &a.leadsP.win
	case scrSkipped:
		w = &a.skippedP.win
	default:
		return nil
	}
	before := w.cursor
	if !w.clickRow(row) || w.cursor != before {
		return nil
	}
	return a.key(tea.KeyPressMsg{Code: tea.KeyEnter})
}

// bottom renders what sits between the body and the status line: the filter or export prompt.
func (a *App) bottom() string {
	switch {
	case a.exporting:
		return a.exportP.View(a.width)
	case a.filterP.active:
		return a.filterP.View(a.width)
	}
	return ""
}

// layout gives each pane the size left for the body.
func (a *App) layout() {
	h := a.bodyHeight()
	w := a.width
	a.groupsP.SetSize(w, h)
	a.leadsP.SetSize(w, h)
	a.detailP.SetSize(w, h)
	a.domainsP.SetSize(w, h)
	a.helpP.SetSize(w, h)
	a.skippedP.SetSize(w, h)
}

func (a *App) bodyHeight() int {
	h := a.height - headerLines - 1
	if b := a.bottom(); b != "" {
		h -= strings.Count(b, "\n") + 1
	}
	return max(h, 2)
}

// header draws the two header lines: files and counts, then where the user is and the filters.
func (a *App) header() string {
	st := a.sh.styles
	w := a.width
	files := a.loadingP.names
	if a.ds != nil && len(a.ds.Files) > 0 {
		files = a.ds.Files
	}
	names := a.fileNames(files)
	line1 := st.Header.Render(strings.Join(names, ", "))
	if a.ds != nil {
		total := len(a.ds.Leads)
		n := len(a.sel)
		count := plural(total, "lead", "leads")
		if n != total {
			count = commas(n) + " of " + count
		}
		if a.distinct > 0 && a.distinct < total {
			count += " (" + commas(a.distinct) + " distinct)"
		}
		line1 += st.Dim.Render(" · ") + count + st.Dim.Render(" · ") +
			st.Class(codes.Hard).Render("hard "+commas(a.counts[codes.Hard])) + st.Dim.Render(" · ") +
			st.Class(codes.Soft).Render("soft "+commas(a.counts[codes.Soft])) + st.Dim.Render(" · ") +
			st.Class(codes.Unknown).Render("unknown "+commas(a.counts[codes.Unknown]))
		if s := a.counts[codes.Success]; s > 0 {
			line1 += st.Dim.Render(" · ") + st.Class(codes.Success).Render("success "+commas(s))
		}
		if k := len(a.ds.Skipped); k > 0 {
			line1 += st.Dim.Render(" · ") + st.Error.Render(commas(k)+" skipped (!)")
		}
		if a.partial {
			line1 += st.Dim.Render(" · ") + st.Error.Render("partial: cancelled")
		}
	}
	if title := st.Title.Render("bouncelens") + " "; lipgloss.Width(title)+lipgloss.Width(line1) <= w {
		line1 = title + line1
	}
	line2 := st.Crumb.Render(a.crumb())
	var filters []string
	if len(a.classes) > 0 {
		cs := make([]string, len(a.classes))
		for i, c := range a.classes {
			cs[i] = c.String()
		}
		filters = append(filters, "class "+strings.Join(cs, ","))
	}
	f := a.opts.Filter
	if f.Basic != 0 {
		filters = append(filters, "code "+itoa(int(f.Basic)))
	}
	if !f.Enhanced.IsZero() {
		filters = append(filters, "enhanced "+f.Enhanced.String())
	}
	for _, r := range f.Reasons {
		filters = append(filters, "reason "+r.String())
	}
	if f.Domain != "" {
		filters = append(filters, "domain "+a.sh.text.Line(f.Domain))
	}
	if a.match != "" {
		filters = append(filters, "\""+a.sh.text.Line(a.match)+"\"")
	}
	right := ""
	if len(filters) > 0 {
		right = "filter: " + strings.Join(filters, " · ")
	} else {
		right = "filter: none"
	}
	if a.marks != nil && a.marks.n > 0 {
		right += " · " + commas(a.marks.n) + " marked"
	}
	if a.selecting {
		right += " · filtering…"
	}
	if a.sorting {
		right += " · sorting…"
	}
	line2 += "   " + st.Dim.Render(right)
	return fit(line1, w) + "\n" + fit(line2, w)
}

// crumb says where the user is.
func (a *App) crumb() string {
	switch a.screen() {
	case scrLoading:
		return "Loading"
	case scrGroups:
		s := "Codes"
		if a.groupSort == model.ByCode {
			return s + " (by code)"
		}
		return s + " (by count)"
	case scrDomains:
		return "Domains"
	case scrLeads:
		s := "Leads " + a.leadsP.title
		if a.leadsP.order != byFile {
			s += " (by " + a.leadsP.order.String() + ")"
		}
		return s
	case scrDetail:
		return "Lead " + a.leadsP.title
	case scrHelp:
		return "Help"
	case scrSkipped:
		return "Skipped rows"
	}
	return ""
}

// shortHelp is the status line's help for the current screen.
func (a *App) shortHelp() bindings {
	km := a.sh.keys
	switch a.screen() {
	case scrGroups:
		return bindings{km.Enter, km.Filter, km.Class, km.Copy, km.Export, km.Domains, km.Expand, km.Sort, km.Quit}
	case scrDomains:
		return bindings{km.Enter, km.Filter, km.Class, km.Copy, km.Export, km.Tab, km.Sort, km.Quit}
	case scrLeads:
		return bindings{km.Enter, km.Back, km.Mark, km.MarkAll, km.Unmark, km.Copy, km.Export, km.Filter, km.Sort, km.Quit}
	case scrDetail:
		return bindings{km.Back, km.Down, km.Copy, km.Export, km.Quit}
	}
	return bindings{km.Back, km.Quit}
}

// render draws the whole screen: header, body, prompt, status line.
func (a *App) render() string {
	if a.screen() == scrLoading {
		return a.loadingP.View(a.width, a.height)
	}
	var body string
	switch a.screen() {
	case scrGroups:
		body = a.groupsP.View()
	case scrDomains:
		body = a.domainsP.View()
	case scrLeads:
		body = a.leadsP.View()
	case scrDetail:
		body = a.detailP.View()
	case scrHelp:
		body = a.helpP.View()
	case scrSkipped:
		body = a.skippedP.View()
	}
	parts := []string{a.header(), body}
	if b := a.bottom(); b != "" {
		parts = append(parts, b)
	}
	right := "? help"
	if a.screen() == scrLeads && len(a.leadsP.idx) > 0 {
		right = fmt.Sprintf("%s/%s  ? help", commas(a.leadsP.win.cursor+1), commas(len(a.leadsP.idx)))
	}
	parts = append(parts, a.statusP.View(a.width, a.shortHelp(), right))
	return strings.Join(parts, "\n")
}

// View is the frame: the alt screen with mouse reporting, and the load's progress in the
// terminal's own progress bar where it has one.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bouncelens"
	if a.ds != nil && len(a.ds.Files) > 0 {
		v.WindowTitle += " - " + strings.Join(a.fileNames(a.ds.Files), ", ")
	}
	if a.screen() == scrLoading && a.loadingP.p.BytesTotal > 0 {
		v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault,
			int(100*a.loadingP.p.BytesRead/a.loadingP.p.BytesTotal))
	}
	return v
}

// LoadErr is the error that ended the load, if any.
func (a *App) LoadErr() error { return a.loadErr }

// fileNames are the names of files as the header shows them: safe, stdin spelled out.
func (a *App) fileNames(files []string) []string {
	names := make([]string, len(files))
	for i, f := range files {
		if f == "-" {
			names[i] = "(stdin)"
		} else {
			names[i] = a.sh.text.Line(f)
		}
	}
	return names
}
