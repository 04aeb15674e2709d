package ui

import (
	"context"
	"errors"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
	scrPicker
	scrTimeline
)

// Messages the root's commands send back. Each carries the generation it was started for;
// a stale one is dropped.
type (
	selectedMsg struct {
		gen      int
		sel      []int32
		counts   [4]int
		actions  [model.NumActions]int
		groups   []model.Group
		seen     [][]model.Seen      // per group, itself then its subgroups: when they bounced
		domains  []model.DomainGroup // nil when not asked for
		provs    []providerGroup
		domSeen  domainsSeen
		grouping model.Grouping
	}
	domainsMsg struct {
		gen     int
		domains []model.DomainGroup
		provs   []providerGroup
		seen    domainsSeen
	}
	leadsSortedMsg struct {
		gen int
		idx []int32
	}
	filterTickMsg struct{ gen int }
	// distinctMsg is how many distinct addresses load gen holds.
	distinctMsg struct{ gen, n int }
	exportedMsg struct {
		gen    int
		path   string
		n      int
		preset model.Preset
		report model.PresetReport
		err    error
	}
	// planMsg is what export preset will write from the prompt's leads.
	planMsg struct {
		gen    int
		report model.PresetReport
	}
)

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
	grouping  model.Grouping // the home screen's: ByCodes or ByActions
	actions   []codes.Action // the picker's filters, on top of the command line's
	reasons   []codes.Reason
	actCounts [model.NumActions]int

	sel          []int32
	counts       [4]int
	selGen       int
	selecting    bool
	domainsStale bool
	sortGen      int
	sorting      bool
	exportGen    int
	exporting    bool
	planGen      int
	tlGen        int

	asking *question         // the yes/no question the next key answers
	queued []tea.KeyPressMsg // keys typed while busy, replayed when the data is ready
	native nativeCopier      // writes the system clipboard beside OSC 52

	groupsP   groupsPane
	leadsP    leadsPane
	detailP   detailPane
	domainsP  domainsPane
	filterP   filterPane
	helpP     helpPane
	statusP   statusBar
	skippedP  skippedPane
	exportP   exportPrompt
	pickerP   pickerPane
	timelineP timelinePane
}

// New builds the browser for opts; nothing is read until the program starts it.
func New(opts Options) *App {
	return newApp(opts, defaultLoad(opts), 4*time.Second, 25*time.Millisecond)
}

func newApp(opts Options, load LoadFunc, statusTTL, debounce time.Duration) *App {
	sh := &shared{styles: NewStyles(opts.Theme != "light"), keys: DefaultKeyMap(), text: newTextCache()}
	names := opts.Files
	if len(names) == 0 {
		names = []string{sample.Name, sample.ActivityName}
	}
	a := &App{
		sh:        sh,
		opts:      opts,
		load:      load,
		now:       time.Now,
		debounce:  debounce,
		width:     80,
		height:    24,
		stack:     []screen{scrLoading},
		classes:   opts.Filter.Classes,
		actions:   opts.Filter.Actions,
		reasons:   opts.Filter.Reasons,
		match:     opts.Filter.Match,
		loadingP:  loadingPane{sh: sh, names: names},
		groupsP:   newGroupsPane(sh),
		leadsP:    leadsPane{sh: sh, verd: &verdicts{}},
		detailP:   newDetailPane(sh),
		domainsP:  domainsPane{sh: sh},
		filterP:   newFilterPane(sh),
		helpP:     newHelpPane(sh),
		statusP:   newStatusBar(sh, statusTTL),
		skippedP:  skippedPane{sh: sh},
		exportP:   newExportPrompt(sh),
		pickerP:   pickerPane{sh: sh},
		timelineP: timelinePane{sh: sh},
		native:    systemCopy,
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
			return LoadSample(ctx, lo)
		}
		return model.Load(ctx, opts.Files, lo)
	}
}

// LoadSample loads the embedded sample as the browser opens it: the People export and its
// leads' bounce log (a Marketo activity extract), joined on the lead id, so that every bounce
// counts with its date. "Suspended now" is as of the sample's own export unless lo says when.
func LoadSample(ctx context.Context, lo model.Options) (*model.Dataset, error) {
	if lo.Now == nil {
		lo.Now = sample.ExportedAt
	}
	return model.LoadBytes(ctx, []model.Input{{Name: sample.Name, Data: sample.CSV()}, {Name: sample.ActivityName, Data: sample.ActivityCSV()}}, lo)
}

// Init starts loading and asks the terminal for its background colour.
func (a *App) Init() tea.Cmd {
	a.loadGen++
	ld, cmd := startLoad(a.loadGen, a.load)
	a.ld = ld
	if !a.opts.autoTheme() {
		return cmd
	}
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
	f.Actions = a.actions
	f.Reasons = a.reasons
	f.Match = a.match
	return f
}

// Update routes a message; the result is always the same *App.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	if len(a.queued) > 0 && !a.busy() {
		cmd = tea.Batch(cmd, a.replay())
	}
	a.layout()
	return a, cmd
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		if !a.opts.autoTheme() {
			break
		}
		a.sh.styles = NewStyles(msg.IsDark())
		a.detailP.Rebuild()
		a.helpP.Rebuild()
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
	case fileCountsMsg:
		if msg.gen == a.loadGen {
			a.pickerP.counts = &msg
			if msg.most > 1 {
				a.leadsP.bounces = msg.bounces
			}
		}
	case selectedMsg:
		if msg.gen == a.selGen {
			a.selected(msg)
			return a.afterSelect()
		}
	case domainsMsg:
		if msg.gen == a.selGen {
			a.domainsP.SetDomains(msg.domains, msg.provs, msg.seen, len(a.sel))
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
	case timelineMsg:
		if msg.gen == a.tlGen {
			a.timelineP.SetTimeline(msg)
		}
	case planMsg:
		if msg.gen == a.planGen {
			a.exportP.SetPlan(msg.report)
		}
	case clipReadyMsg:
		return a.sendClip(msg)
	case copiedMsg:
		return a.copied(msg)
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
		case a.screen() == scrDetail && a.detailP.Searching():
			a.detailP, _ = a.detailP.Update(msg)
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
	a.leadsP.bounces = nil // until counted
	cmds = append(cmds, a.reselect(), countFile(gen, ds), func() tea.Msg {
		// Count the distinct addresses, and build the text index and the bounce history now
		// rather than on the first filter keystroke or the first detail opened.
		n := ds.DistinctLeads(ds.All())
		ds.PrepareSearch()
		ds.PrepareHistory()
		return distinctMsg{gen: gen, n: n}
	})
	return tea.Batch(cmds...)
}

// findGroup finds the group an open action names in the current groups.
func (a *App) findGroup(g openGroupAction) *model.Group { return a.groupsP.Find(g) }

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
			return nil
		case key.Matches(k, km.Quit):
			a.cancelLoad()
			return tea.Quit
		}
	}
	if a.asking != nil {
		return a.answer(k)
	}
	if a.busy() {
		if len(a.queued) < maxQueued {
			a.queued = append(a.queued, k)
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
	if scr == scrPicker {
		var act any
		a.pickerP, act = a.pickerP.Update(k)
		return a.act(act)
	}
	if scr == scrDetail && a.detailP.WantsKey(k) {
		var act any
		a.detailP, act = a.detailP.Update(k)
		return a.act(act)
	}
	if scr == scrDomains && a.domainsP.inReasons && key.Matches(k, km.Back) {
		a.domainsP, _ = a.domainsP.Update(k)
		return nil
	}
	switch {
	case key.Matches(k, km.Pick) && scr != scrHelp:
		if scr == scrDetail {
			a.pop()
		}
		a.pickerP.Open(a.filter(), a.sh.text)
		a.push(scrPicker)
		return nil
	case key.Matches(k, km.Quit):
		return a.quit()
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
		if h := &a.opts.Filter.History; !h.Since.IsZero() || !h.Until.IsZero() {
			h.Since, h.Until = time.Time{}, time.Time{}
			return tea.Batch(a.reselect(), a.statusP.Set(statusInfo, "Cleared the period"))
		}
		return nil
	case key.Matches(k, km.Filter) && scr != scrHelp && scr != scrDetail:
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
	case key.Matches(k, km.Timeline) && (scr == scrGroups || scr == scrDomains || scr == scrTimeline):
		if scr == scrTimeline {
			a.pop()
			return nil
		}
		a.push(scrTimeline)
		return a.loadTimeline()
	case key.Matches(k, km.Copy):
		return a.copy()
	case key.Matches(k, km.CopyReason) && scr == scrDetail:
		return a.copyReason()
	case key.Matches(k, km.Export):
		return a.openExport()
	case key.Matches(k, km.Grouping) && scr == scrGroups:
		a.grouping = model.ByActions - a.grouping
		return a.reselect()
	case key.Matches(k, km.Sort) && scr == scrGroups:
		a.groupSort = 1 - a.groupSort
		return a.reselect()
	case (key.Matches(k, km.Sort) || key.Matches(k, km.SortDir)) && scr == scrLeads:
		if key.Matches(k, km.Sort) {
			a.leadsP.order = a.leadsP.nextSort()
		} else {
			a.leadsP.order.desc = !a.leadsP.order.desc
		}
		src := a.leadsP.src
		idx := a.sourceLeads(src)
		if a.leadsP.order.natural() {
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
	case scrTimeline:
		a.timelineP, act = a.timelineP.Update(k)
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
	if src.provider != "" {
		pg := a.domainsP.provider(src.provider)
		switch {
		case pg == nil:
			return nil
		case src.hasReason:
			return pg.byReason[src.reason]
		}
		return pg.Leads
	}
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
		title := act.label(" ▸ ")
		if g.Name != "" {
			title += "  " + a.sh.text.Line(g.Name)
		}
		a.openLeads(leadSource{group: act}, title, g.Leads)
	case openDomainAction:
		a.openLeads(leadSource{domain: act.domain}, "@"+a.sh.text.Line(act.domain), a.sourceLeads(leadSource{domain: act.domain}))
	case openProviderAction:
		src := leadSource{provider: act.provider, reason: act.reason, hasReason: act.hasReason}
		a.openLeads(src, src.label(a.sh.text), a.sourceLeads(src))
	case openLeadAction:
		a.detailP.SetLead(a.ds, act.lead, a.match)
		a.push(scrDetail)
	case stepLeadAction:
		before := a.leadsP.win.cursor
		a.leadsP.win.move(act.by)
		if a.leadsP.win.cursor != before {
			a.detailP.SetLead(a.ds, a.leadsP.Current(), a.match)
		}
	case filterChangedAction:
		a.match = act.text
		a.leadsP.query = act.text
		if a.debounce <= 0 {
			return a.reselect()
		}
		a.selGen++ // what is in flight is stale now
		a.selecting = true
		gen := a.selGen
		return tea.Tick(a.debounce, func(time.Time) tea.Msg { return filterTickMsg{gen: gen} })
	case filterDoneAction:
		if act.cancel && (a.match != act.text || a.selecting) {
			a.match = act.text
			a.leadsP.query = act.text
			return a.reselect()
		}
		if !act.cancel && a.selecting {
			return a.reselect() // do not wait for the debounce
		}
	case exportAction:
		a.exportGen++
		gen, ds, sel := a.exportGen, a.ds, a.exportP.sel
		return func() tea.Msg {
			m := exportedMsg{gen: gen, path: act.path, n: len(sel), preset: act.preset}
			m.err = ds.ExportFile(act.path, sel, model.ExportOptions{Preset: act.preset, Report: &m.report}, act.force)
			return m
		}
	case exportPlanAction:
		a.planGen++
		gen, ds, sel := a.planGen, a.ds, a.exportP.sel
		return func() tea.Msg { return planMsg{gen: gen, report: ds.PlanPreset(sel, act.preset)} }
	case exportCancelAction:
		a.exporting = false
	case pickedAction:
		a.pop()
		a.actions, a.classes, a.reasons = act.actions, act.classes, act.reasons
		f := &a.opts.Filter
		if act.clearCode {
			f.Basic = 0
		}
		if act.clearEnhanced {
			f.Enhanced = codes.Enhanced{}
		}
		if act.clearDo {
			f.Domain = ""
		}
		if act.clearPeriod {
			f.Since, f.Until = time.Time{}, time.Time{}
		}
		f.MinBounces = act.minBounces
		return a.reselect()
	case pickCancelAction:
		a.pop()
	case narrowAction:
		a.pop()
		a.opts.Filter.Since, a.opts.Filter.Until = act.since, act.until
		return tea.Batch(a.reselect(), a.statusP.Set(statusInfo, "Narrowed to the "+act.label+": esc at home, or F, clears it"))
	}
	return nil
}

// openLeads shows a list of leads, in file order.
func (a *App) openLeads(src leadSource, title string, idx []int32) {
	a.leadsP.SetLeads(a.ds, src, title, idx)
	a.leadsP.order = leadOrder{}
	a.leadsP.Reset()
	a.sortGen++
	a.sorting = false
	if a.screen() == scrLeads {
		return
	}
	a.push(scrLeads)
}

// headerLines is how many lines the header takes; the body starts below it.
const headerLines = 3

// LoadErr is the error that ended the load, if any.
func (a *App) LoadErr() error { return a.loadErr }
