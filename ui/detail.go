package ui

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// detailPane is one lead: its raw reason text beside the standard explanation of its codes, in
// a bubbles viewport, with a search over that text (/, then n/N). Its lines are built once per
// lead and width; a search only restyles the lines it matches.
type detailPane struct {
	sh     *shared
	ds     *model.Dataset
	lead   int32
	query  string   // filter text to highlight in the reason
	lines  []string // the lead laid out, without search highlights
	builtW int
	width  int
	height int
	vp     viewport.Model
	search detailSearch
}

// detailSearch is the search over the detail's text.
type detailSearch struct {
	input  textinput.Model
	typing bool
	term   string
	hits   []searchHit
	cur    int // the hit n/N moved to; -1 for none yet
}

// searchHit is a match of the search: a line and its cells [start, end).
type searchHit struct{ line, start, end int }

func newDetailPane(sh *shared) detailPane {
	vp := viewport.New()
	vp.FillHeight = true
	vp.SetHorizontalStep(0)
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search this lead's text"
	p := detailPane{sh: sh, lead: -1, vp: vp, search: detailSearch{input: in, cur: -1}}
	p.styleInput()
	return p
}

// styleInput gives the search field the browser's styles.
func (p *detailPane) styleInput() {
	st := p.sh.styles
	ts := textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	ts.Focused = textinput.StyleState{Text: st.Input, Placeholder: st.Dim, Prompt: st.Prompt}
	ts.Blurred = ts.Focused
	p.search.input.SetStyles(ts)
}

// SetLead shows lead i of ds from the top, with query highlighted in its reason text. A search
// stays on, to be found again in this lead.
func (p *detailPane) SetLead(ds *model.Dataset, i int32, query string) {
	p.ds, p.lead, p.query = ds, i, query
	p.build()
	p.find()
	p.vp.GotoTop()
}

// SetSize gives the pane its size; the text is rewrapped for a new width.
func (p *detailPane) SetSize(w, h int) {
	p.width, p.height = w, max(h, 1)
	vh := p.height
	if p.searchBar() && vh > 1 {
		vh--
	}
	p.vp.SetWidth(w)
	p.vp.SetHeight(vh)
	if w != p.builtW {
		p.build()
		p.find()
	}
}

// Rebuild redraws the text, after a change of styles.
func (p *detailPane) Rebuild() {
	p.styleInput()
	p.build()
	p.show()
}

// searchBar says whether the last line is the search's.
func (p *detailPane) searchBar() bool { return p.search.typing || p.search.term != "" }

// Searching says whether keys are being typed into the search: every key goes to the pane.
func (p *detailPane) Searching() bool { return p.search.typing }

// WantsKey says whether the pane takes k before the global keys: all of them while typing a
// search, and esc, n and N while a search is on.
func (p *detailPane) WantsKey(k tea.KeyPressMsg) bool {
	km := p.sh.keys
	return p.search.typing || p.search.term != "" && key.Matches(k, km.Back, km.NextMatch, km.PrevMatch)
}

// Update scrolls, searches and steps to the next or previous lead.
func (p detailPane) Update(msg tea.Msg) (detailPane, any) {
	if paste, ok := msg.(tea.PasteMsg); ok && p.search.typing {
		p.search.input, _ = p.search.input.Update(tea.PasteMsg{Content: codes.SafeText(paste.Content)})
		p.searchChanged()
		return p, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	if p.search.typing {
		switch {
		case k.String() == "enter":
			p.search.typing = false
			p.search.input.Blur()
			if p.search.term == "" {
				p.clearSearch()
			}
		case k.String() == "esc":
			p.clearSearch()
		default:
			p.search.input, _ = p.search.input.Update(k)
			p.searchChanged()
		}
		return p, nil
	}
	switch {
	case key.Matches(k, km.Search):
		p.search.typing = true
		p.search.input.SetValue(p.search.term)
		p.search.input.CursorEnd()
		p.search.input.Focus()
	case p.search.term != "" && key.Matches(k, km.Back):
		p.clearSearch()
	case p.search.term != "" && key.Matches(k, km.NextMatch):
		p.jump(1)
	case p.search.term != "" && key.Matches(k, km.PrevMatch):
		p.jump(-1)
	case key.Matches(k, km.Up):
		p.vp.ScrollUp(1)
	case key.Matches(k, km.Down):
		p.vp.ScrollDown(1)
	case key.Matches(k, km.PageUp):
		p.vp.PageUp()
	case key.Matches(k, km.PageDown):
		p.vp.PageDown()
	case key.Matches(k, km.Home):
		p.vp.GotoTop()
	case key.Matches(k, km.End):
		p.vp.GotoBottom()
	case key.Matches(k, km.NextLead):
		return p, stepLeadAction{by: 1}
	case key.Matches(k, km.PrevLead):
		return p, stepLeadAction{by: -1}
	}
	return p, nil
}

// searchChanged looks again when the search's text changed, and shows the first match.
func (p *detailPane) searchChanged() {
	if v := p.search.input.Value(); v != p.search.term {
		p.search.term = v
		p.find()
		p.jump(0)
	}
}

func (p *detailPane) clearSearch() {
	p.search.typing = false
	p.search.input.Blur()
	p.search.input.SetValue("")
	p.search.term = ""
	p.find()
}

// find looks for the search term in every line, case-insensitively, and restyles the text.
func (p *detailPane) find() {
	p.search.hits = p.search.hits[:0]
	p.search.cur = -1
	if q := []rune(strings.ToLower(p.search.term)); len(q) > 0 {
		for i, l := range p.lines {
			p.search.hits = appendHits(p.search.hits, i, ansi.Strip(l), q)
		}
	}
	p.show()
}

// appendHits adds the matches of q (lowercase runes) in the plain line s, in cells.
func appendHits(hits []searchHit, line int, s string, q []rune) []searchHit {
	rs := []rune(s)
	for i := 0; i+len(q) <= len(rs); i++ {
		j := 0
		for j < len(q) && unicode.ToLower(rs[i+j]) == q[j] {
			j++
		}
		if j < len(q) {
			continue
		}
		start := ansi.StringWidth(string(rs[:i]))
		hits = append(hits, searchHit{line: line, start: start, end: start + ansi.StringWidth(string(rs[i:i+len(q)]))})
		i += len(q) - 1
	}
	return hits
}

// jump moves to the next (+1) or previous (-1) hit, or with 0 to the first hit from the top of
// the view, and scrolls it into view.
func (p *detailPane) jump(by int) {
	n := len(p.search.hits)
	if n == 0 {
		return
	}
	switch {
	case by == 0 || p.search.cur < 0 && by > 0:
		p.search.cur = 0
		for i, h := range p.search.hits {
			if h.line >= p.vp.YOffset() {
				p.search.cur = i
				break
			}
		}
	case p.search.cur < 0:
		p.search.cur = n - 1
	default:
		p.search.cur = (p.search.cur + by + n) % n
	}
	p.show()
	p.vp.EnsureVisible(p.search.hits[p.search.cur].line, 0, 0)
}

// show puts the lines in the viewport, the search's hits highlighted.
func (p *detailPane) show() {
	if len(p.search.hits) == 0 {
		p.vp.SetContentLines(p.lines)
		return
	}
	st := p.sh.styles
	lines := slices.Clone(p.lines)
	for i := 0; i < len(p.search.hits); {
		line := p.search.hits[i].line
		var ranges []lipgloss.Range
		for ; i < len(p.search.hits) && p.search.hits[i].line == line; i++ {
			h := p.search.hits[i]
			style := st.Hit
			if i == p.search.cur {
				style = st.CurrentHit
			}
			ranges = append(ranges, lipgloss.NewRange(h.start, h.end, style))
		}
		lines[line] = lipgloss.StyleRanges(lines[line], ranges...)
	}
	p.vp.SetContentLines(lines)
}

// scroll moves the text by d lines (mouse wheel).
func (p *detailPane) scroll(d int) {
	if d < 0 {
		p.vp.ScrollUp(-d)
	} else {
		p.vp.ScrollDown(d)
	}
}

// View draws the pane, exactly height lines: the text, then the search line when one is on.
func (p detailPane) View() string {
	out := strings.Split(p.vp.View(), "\n")
	vh := p.vp.Height()
	out = out[:min(len(out), vh)]
	for len(out) < vh {
		out = append(out, "")
	}
	if !p.vp.AtBottom() && vh > 1 {
		out[len(out)-1] = p.sh.styles.Dim.Render(fit("↓ more: j, pgdn", p.width))
	}
	if p.searchBar() && p.height > 1 {
		out = append(out, p.searchLine())
	}
	return strings.Join(out, "\n")
}

// searchLine is the search's prompt or its result.
func (p detailPane) searchLine() string {
	st := p.sh.styles
	s := p.search
	count := st.Dim.Render("no match")
	if n := len(s.hits); n > 0 {
		at := "-"
		if s.cur >= 0 {
			at = itoa(s.cur + 1)
		}
		count = st.Dim.Render(at + "/" + itoa(n) + " matches · n/N next/previous · esc clears")
	}
	if s.typing {
		return fit(s.input.View()+"  "+count, p.width)
	}
	return fit(st.Prompt.Render("/ ")+st.Input.Render(p.sh.text.Line(s.term))+"  "+count, p.width)
}

// causeColumns lists every column of the lead that holds a bounce cause, with its value.
func causeColumns(ds *model.Dataset, l *model.Lead) [][2]string {
	var out [][2]string
	if l.EmailInvalidCause != "" {
		out = append(out, [2]string{"Email Invalid Cause", l.EmailInvalidCause})
	}
	if l.EmailSuspendedCause != "" {
		out = append(out, [2]string{"Email Suspended Cause", l.EmailSuspendedCause})
	}
	for i, name := range ds.ExtraColumns {
		if i >= len(l.Extra) || strings.TrimSpace(l.Extra[i]) == "" {
			continue
		}
		n := strings.ToLower(name)
		if strings.Contains(n, "bounce") || strings.Contains(n, "reason") {
			out = append(out, [2]string{name, l.Extra[i]})
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// build lays the lead out: two columns when the width allows, else one after the other.
func (p *detailPane) build() {
	p.builtW = p.width
	if p.ds == nil || p.lead < 0 || int(p.lead) >= len(p.ds.Leads) || p.width <= 0 {
		p.lines = nil
		return
	}
	st := p.sh.styles
	tx := p.sh.text
	l := &p.ds.Leads[p.lead]
	w := p.width

	var top []string
	who := tx.Line(l.Email)
	if n := tx.Line(fullName(l)); n != "" {
		who += "  ·  " + n
	}
	if c := tx.Line(l.Company); c != "" {
		who += "  ·  " + c
	}
	top = append(top, fit(st.Label.Render(who), w))
	where := ""
	if int(l.File) < len(p.ds.Files) {
		where = tx.Line(p.ds.Files[l.File]) + ":" + itoa(int(l.Line))
	}
	top = append(top, fit(st.Dim.Render(where), w))
	top = append(top, "")

	twoCols := w >= 100
	colW := w
	if twoCols {
		colW = (w - 3) / 2
	}

	// Each section is a list of lines wrapped to one column.
	var reasonSec, causeSec, stateSec, verdictSec, adviceSec, meaningSec []string
	para := func(dst *[]string, s string) { *dst = append(*dst, wrap(s, colW)...) }

	reasonSec = append(reasonSec, st.Section.Render("Reason text (as the server wrote it)"))
	reason := tx.Block(l.Reason)
	if strings.TrimSpace(reason) == "" {
		reasonSec = append(reasonSec, st.Dim.Render("(empty)"))
	} else {
		plain := lipgloss.NewStyle()
		for _, ln := range strings.Split(reason, "\n") {
			for _, w := range wrap(ln, colW) {
				reasonSec = append(reasonSec, highlight(w, p.query, plain, st.Match))
			}
		}
	}
	if causes := causeColumns(p.ds, l); len(causes) > 0 {
		causeSec = append(causeSec, st.Section.Render("Cause columns"))
		for _, c := range causes {
			causeSec = append(causeSec, st.Label.Render(tx.Line(c[0])+":"))
			for _, ln := range strings.Split(tx.Block(c[1]), "\n") {
				for _, s := range wrap(ln, colW-2) {
					causeSec = append(causeSec, "  "+s)
				}
			}
		}
	}
	stateSec = append(stateSec, st.Section.Render("Marketo state"), "Email Invalid: "+yesNo(l.EmailInvalid))
	susp := "Email Suspended: " + yesNo(l.EmailSuspended)
	// A bounce of an activity file holds its activity's date there: a suspension only when
	// Marketo suspended (a category 1 block).
	if _, src := p.ds.BounceDate(l); !l.EmailSuspendedAt.IsZero() && (l.EmailSuspended || src != model.ActivityDate) {
		susp += " (at " + l.EmailSuspendedAt.Format("2006-01-02 15:04") + ")"
	}
	stateSec = append(stateSec, susp)
	if at, src := p.ds.BounceDate(l); !at.IsZero() {
		stateSec = append(stateSec, st.Label.Render("Bounced: ")+at.UTC().Format("2006-01-02 15:04")+" UTC (from "+src+")")
	} else {
		stateSec = append(stateSec, st.Label.Render("Bounced: ")+st.Dim.Render("no date (neither Email Suspended At nor Updated At)"))
	}
	if p.ds.SuspendedNow(l) {
		stateSec = append(stateSec, st.Bad.Render("Suspended now: yes")+" (within the last 24 hours)")
	} else {
		stateSec = append(stateSec, "Suspended now: no")
	}
	if l.Unsubscribed {
		stateSec = append(stateSec, "Unsubscribed: yes")
	}

	b := l.Bounce
	verdictSec = append(verdictSec, st.Section.Render("Verdict"))
	act := p.ds.Action(p.lead)
	para(&verdictSec, st.Label.Render("Action: ")+st.Action(act).Render(act.String())+" - "+act.Explain())
	if fix := codes.SenderFix(b.Reason); fix != "" && act == codes.Readd {
		para(&verdictSec, st.Label.Render("Sender fix: ")+fix)
	}
	para(&verdictSec, st.Label.Render("Class: ")+st.Class(b.Class).Render(b.Class.String()))
	reasonLine := st.Label.Render("Reason: ") + b.Reason.String()
	if d := codes.Describe(b.Reason); d != "" {
		reasonLine += " - " + d
	}
	para(&verdictSec, reasonLine)
	if b.AddressAtFault {
		para(&verdictSec, st.Label.Render("Address at fault: ")+st.Bad.Render("yes")+" - the address itself does not work.")
	} else {
		para(&verdictSec, st.Label.Render("Address at fault: ")+st.Good.Render("no")+" - a block or a server problem, not a dead address.")
	}
	if b.Provider != codes.NoProvider {
		para(&verdictSec, st.Label.Render("Provider: ")+b.Provider.String())
	}
	if mc, ok := p.ds.Marketo(p.lead); ok {
		para(&verdictSec, st.Label.Render("Marketo's category: ")+marketoText(mc, act))
	}
	bounces := p.ds.Bounces(p.lead)
	first, last := p.ds.Span(bounces)
	adv := codes.Advice(b)
	if act == codes.Readd || act == codes.Wait {
		since := ""
		if !first.IsZero() {
			since = first.UTC().Format("2006-01-02")
		}
		adv = strings.TrimSpace(adv + " " + model.RetryAdvice(len(bounces), since))
	}
	if adv != "" {
		adviceSec = append(adviceSec, st.Section.Render("Advice"))
		para(&adviceSec, adv)
	}

	meaningSec = append(meaningSec, st.Section.Render("What the codes mean"))
	entry := func(code string, e codes.Entry) {
		para(&meaningSec, st.Label.Render(code)+"  "+e.Name)
		if e.Explanation != "" {
			para(&meaningSec, e.Explanation)
		}
		if e.Marketo != "" {
			para(&meaningSec, st.Dim.Render("Marketo's page says: \""+e.Marketo+"\""))
		}
	}
	if b.Basic != 0 {
		if e, ok := codes.LookupBasic(b.Basic); ok {
			entry(itoa(int(b.Basic)), e)
		} else {
			para(&meaningSec, st.Label.Render(itoa(int(b.Basic)))+"  not in the catalog")
		}
	} else {
		para(&meaningSec, st.Dim.Render("No basic reply code in the text."))
	}
	meaningSec = append(meaningSec, "")
	if !b.Enhanced.IsZero() {
		if e, ok := codes.LookupEnhanced(b.Enhanced, b.Provider); ok {
			entry(b.Enhanced.String(), e)
		} else {
			para(&meaningSec, st.Label.Render(b.Enhanced.String())+"  not in the registry")
		}
	} else {
		para(&meaningSec, st.Dim.Render("No enhanced status code in the text."))
	}

	join := func(secs ...[]string) []string {
		var out []string
		for _, sec := range secs {
			if len(sec) == 0 {
				continue
			}
			if len(out) > 0 {
				out = append(out, "")
			}
			out = append(out, sec...)
		}
		return out
	}
	// Two columns: what the server said and Marketo recorded, beside what it means. One column:
	// the verdict and advice come right after the text, the rest below.
	historySec := p.historyLines(bounces, first, last, colW)
	left := join(reasonSec, causeSec, stateSec, historySec)
	right := join(verdictSec, adviceSec, meaningSec)
	if !twoCols {
		left = join(reasonSec, verdictSec, adviceSec, historySec, meaningSec, causeSec, stateSec)
		right = nil
	}

	lines := top
	if twoCols {
		n := max(len(left), len(right))
		for i := 0; i < n; i++ {
			a, c := "", ""
			if i < len(left) {
				a = left[i]
			}
			if i < len(right) {
				c = right[i]
			}
			lines = append(lines, fit(a, colW)+" "+st.Dim.Render("│")+" "+fit(c, w-colW-3))
		}
	} else {
		for _, s := range left {
			lines = append(lines, fit(s, w))
		}
	}
	for i, s := range lines {
		if lipgloss.Width(s) > w {
			lines[i] = fit(s, w)
		}
	}
	p.lines = lines
}

// maxHistory is how many bounces of an address the detail lists.
const maxHistory = 20

// historyLines lists the bounces of the lead's address in a column w wide, newest first: when,
// the verdict and the codes, then the first line of the text; the lead shown is marked.
func (p *detailPane) historyLines(bounces []int32, first, last time.Time, w int) []string {
	st := p.sh.styles
	tx := p.sh.text
	n := len(bounces)
	if n == 1 {
		return []string{st.Section.Render("Bounces of this address: 1"), st.Dim.Render("Only this one in the files loaded.")}
	}
	out := []string{st.Section.Render("Bounces of this address: " + itoa(n))}
	if !first.IsZero() {
		out = append(out, "First "+first.UTC().Format("2006-01-02 15:04")+" · last "+last.UTC().Format("2006-01-02 15:04")+" UTC")
	}
	shown := 0
	for k := n - 1; k >= 0 && shown < maxHistory; k-- {
		i := bounces[k]
		shown++
		l := &p.ds.Leads[i]
		mark := "  "
		if i == p.lead {
			mark = "▶ "
		}
		when := st.Dim.Render("no date")
		if at, src := p.ds.BounceDate(l); !at.IsZero() {
			when = at.UTC().Format("2006-01-02 15:04") + st.Dim.Render(" ("+dateSource(src)+")")
		}
		act := p.ds.Action(i)
		b := l.Bounce
		code := "no code"
		switch {
		case b.Basic != 0 && !b.Enhanced.IsZero():
			code = itoa(int(b.Basic)) + " " + b.Enhanced.String()
		case b.Basic != 0:
			code = itoa(int(b.Basic))
		case !b.Enhanced.IsZero():
			code = b.Enhanced.String()
		}
		text, _, _ := strings.Cut(tx.Block(l.Reason), "\n")
		if text = strings.TrimSpace(text); text == "" {
			text = "(no text)"
		}
		out = append(out, fit(mark+when+"  "+st.Action(act).Render(act.String())+" · "+b.Reason.String(), w),
			fit("    "+code+"  "+st.Dim.Render(text), w))
	}
	if more := n - shown; more > 0 {
		out = append(out, st.Dim.Render("  and "+itoa(more)+" more"))
	}
	return out
}

// dateSource is the short name of the column a bounce date came from (Dataset.BounceDate).
func dateSource(src string) string {
	switch src {
	case "Email Suspended At":
		return "suspended"
	case "Updated At":
		return "updated"
	case model.ActivityDate:
		return "activity"
	}
	return strings.ToLower(src)
}

// marketoText is Marketo's category of a bounce beside the verdict: what it means, and where it
// and the action disagree, which to trust.
func marketoText(mc model.MarketoCategory, act codes.Action) string {
	s := mc.Category
	if mc.Meaning != "" {
		s += ", " + mc.Meaning
	}
	if mc.Subcategory != "" {
		s += "; subcategory " + mc.Subcategory
		if mc.Sub != "" {
			s += " (" + mc.Sub + ")"
		}
	}
	switch {
	case mc.Category == "2" && act != codes.Suppress:
		s += ". Marketo counts the address as invalid, the reply does not say so: read it before re-adding, and reset Email Invalid if you do."
	case mc.Category != "2" && mc.Category != "" && act == codes.Suppress:
		s += ". Marketo does not count the address as invalid, but the reply says it does not work: suppress it."
	}
	return s
}
