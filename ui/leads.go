package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// leadCol is a column of the leads list the list can be sorted by; colFile is the export's order.
type leadCol uint8

const (
	colFile    leadCol = iota // as in the export
	colEmail                  // email address
	colDomain                 // the email column, by receiving domain then address
	colName                   // first and last name
	colCompany                // company
	colVerdict                // action, then reason
	colState                  // Marketo state
	colDate                   // suspended or updated date
	colBounces                // how many times the address bounced (files with repeats only)
	colReason                 // the bounce text (wide screens only)
	numLeadCols
)

var leadColNames = [...]string{"file order", "email", "domain", "name", "company", "verdict", "state", "date", "bounces", "reason"}

func (c leadCol) String() string { return leadColNames[c] }

// leadOrder is how the leads list is sorted: a column and a direction. Dates sort newest
// first unless reversed; everything else A to Z.
type leadOrder struct {
	col  leadCol
	desc bool // reversed from the column's natural order
}

// natural reports whether o is the export's own order.
func (o leadOrder) natural() bool { return o.col == colFile && !o.desc }

// mostFirst reports whether the column sorts most or newest first unless reversed.
func (c leadCol) mostFirst() bool { return c == colDate || c == colBounces }

// arrow is ▲ for ascending (A to Z, oldest first) and ▼ for descending.
func (o leadOrder) arrow() string {
	if o.desc != o.col.mostFirst() {
		return "▼"
	}
	return "▲"
}

// leadSource says which leads the list shows, so they can be found again after a filter.
type leadSource struct {
	group  openGroupAction
	domain string // set for a domain's leads
	// provider is set for a mailbox provider's leads; with hasReason, only those that bounced
	// for reason.
	provider  string
	reason    codes.Reason
	hasReason bool
}

// label names the source as titles and file names show it.
func (s leadSource) label(text *textCache) string {
	switch {
	case s.provider != "" && s.hasReason:
		return text.Line(s.provider) + " ▸ " + s.reason.String()
	case s.provider != "":
		return text.Line(s.provider)
	case s.domain != "":
		return text.Line(s.domain)
	}
	return s.group.label(" ▸ ")
}

// leadsPane is the leads of one group or domain: a window over indices, never a row per lead.
type leadsPane struct {
	sh    *shared
	ds    *model.Dataset
	src   leadSource
	title string
	idx   []int32
	order leadOrder
	marks *marks
	query string // filter text to highlight
	verd  *verdicts
	// bounces is, per lead, how many times its address bounced, once counted after loading
	// and only when some address bounced more than once; nil hides the column.
	bounces []int32
	win     window
	width   int
}

// SetLeads shows idx (not copied: never modified) titled title.
func (p *leadsPane) SetLeads(ds *model.Dataset, src leadSource, title string, idx []int32) {
	p.ds, p.src, p.title, p.idx = ds, src, title, idx
	p.win.setLen(len(idx))
}

// nextSort is the order s moves to: the next visible column, then back to file order,
// keeping the direction.
func (p *leadsPane) nextSort() leadOrder {
	c := p.columns()
	o := p.order
	for {
		o.col = (o.col + 1) % numLeadCols
		if c.shows(o.col) {
			return o
		}
	}
}

// Reset puts the cursor on the first lead.
func (p *leadsPane) Reset() { p.win.cursor, p.win.offset = 0, 0; p.win.clamp() }

// SetSize gives the pane its width and height, the column titles included.
func (p *leadsPane) SetSize(w, h int) {
	p.width = w
	p.win.setHeight(h - 1)
}

// Current returns the index of the lead under the cursor, or -1.
func (p *leadsPane) Current() int32 {
	if len(p.idx) == 0 {
		return -1
	}
	return p.idx[p.win.cursor]
}

// Update moves, marks, and asks to open a lead on enter.
func (p leadsPane) Update(msg tea.Msg) (leadsPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case p.win.navigate(k, km):
	case key.Matches(k, km.Mark):
		if i := p.Current(); i >= 0 {
			p.marks.toggle(i)
			p.win.move(1)
		}
	case key.Matches(k, km.MarkAll):
		p.marks.toggleAll(p.idx)
	case key.Matches(k, km.Enter):
		if i := p.Current(); i >= 0 {
			return p, openLeadAction{lead: i}
		}
	}
	return p, nil
}

// leadColumns are the widths of the leads list's columns; 0 hides one.
type leadColumns struct{ email, name, company, state, date, bounces, verdict, reason int }

// verdictWidth fits "suppress · userunknown" and most reasons.
const verdictWidth = 24

// columns sizes the columns: the verdict always shows; narrow screens drop the company and
// the date, wide ones add the bounce text, where a filter often matches.
func (p *leadsPane) columns() leadColumns {
	c := leadColumns{state: 9, date: 13, verdict: verdictWidth}
	if p.width < 100 {
		c.date, c.verdict = 0, 22
	}
	if p.bounces != nil {
		c.bounces = 9 // "Bounces ▼"
	}
	rest := p.width - 4 - (c.state + 1) - (c.verdict + 1)
	if c.date > 0 {
		rest -= c.date + 1
	}
	if c.bounces > 0 {
		rest -= c.bounces + 1
	}
	if p.width >= 150 {
		c.reason = rest * 35 / 100
		rest -= c.reason + 1
	}
	if p.width < 100 {
		rest--
		c.email = rest * 60 / 100
		c.name = rest - c.email
		return c
	}
	rest -= 2
	c.email = rest * 45 / 100
	c.name = rest * 25 / 100
	c.company = rest - c.email - c.name
	return c
}

// shows reports whether the list draws col (file order always counts).
func (c leadColumns) shows(col leadCol) bool {
	switch col {
	case colCompany:
		return c.company > 0
	case colDate:
		return c.date > 0
	case colBounces:
		return c.bounces > 0
	case colReason:
		return c.reason > 0
	}
	return true
}

// verdicts spell what to do with a lead and why, in two words: "readd · ratelimited", one
// string per action and reason, built once rather than once per row drawn.
type verdicts [model.NumActions][]string

func (v *verdicts) text(a codes.Action, r codes.Reason) string {
	if v[0] == nil {
		for act := range v {
			v[act] = make([]string, len(codes.Reasons()))
			for _, re := range codes.Reasons() {
				v[act][re] = codes.Action(act).String() + " · " + re.String()
			}
		}
	}
	if int(a) < len(v) && int(r) < len(v[a]) {
		return v[a][r]
	}
	return a.String() + " · " + r.String()
}

// leadState is the lead's Marketo state in a word or two.
func leadState(ds *model.Dataset, l *model.Lead) string {
	now := ds.SuspendedNow(l)
	switch {
	case l.EmailInvalid && now:
		return "inv+susp"
	case l.EmailInvalid:
		return "invalid"
	case now:
		return "susp now"
	case l.EmailSuspended:
		return "was susp"
	}
	return "-"
}

// dateSourceLetter is the leads list's one-letter note of where a bounce date came from: A for
// a Marketo activity's date, S for Email Suspended At, U for Updated At (the column title says
// "Bounced A/S/U", the detail view spells it out).
func dateSourceLetter(src string) string {
	switch {
	case src == model.ActivityDate:
		return "A"
	case strings.HasPrefix(src, "Email Suspended"):
		return "S"
	}
	return "U"
}

// leadDate is the date shown for a lead: when it was suspended, else when it was last updated.
func leadDate(l *model.Lead) time.Time {
	if !l.EmailSuspendedAt.IsZero() {
		return l.EmailSuspendedAt
	}
	return l.UpdatedAt
}

func fullName(l *model.Lead) string {
	return strings.TrimSpace(l.FirstName + " " + l.LastName)
}

// head is a column's title, with ▲ or ▼ when the list is sorted by it.
func (p *leadsPane) head(title string, col leadCol, w int) string {
	if p.order.col == col || (col == colEmail && p.order.col == colDomain) {
		if p.order.col == colDomain {
			title += " (domain)"
		}
		title += " " + p.order.arrow()
	}
	return fit(title, w)
}

// View draws the column titles and the visible leads, exactly height lines.
func (p leadsPane) View() string {
	st := p.sh.styles
	c := p.columns()
	var b strings.Builder
	lead := "    "
	if p.order.col == colFile && p.order.desc {
		lead = " ▼  "
	}
	head := lead + p.head("Email", colEmail, c.email) + " " + p.head("Name", colName, c.name)
	if c.company > 0 {
		head += " " + p.head("Company", colCompany, c.company)
	}
	head += " " + p.head("Verdict", colVerdict, c.verdict) + " " + p.head("State", colState, c.state)
	if c.date > 0 {
		head += " " + p.head("Bounced A/S/U", colDate, c.date)
	}
	if c.bounces > 0 {
		head += " " + p.head("Bounces", colBounces, c.bounces)
	}
	if c.reason > 0 {
		head += " " + p.head("Reason", colReason, c.reason)
	}
	b.WriteString(st.ColumnHead.Render(fit(head, p.width)))
	from, to := p.win.visible()
	if len(p.idx) == 0 {
		b.WriteString("\n" + st.Dim.Render(fit("  No leads match.", p.width)))
		from, to = 0, 1
	}
	plain := st.Header
	for i := from; i < to && i < len(p.idx); i++ {
		li := p.idx[i]
		l := &p.ds.Leads[li]
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		mark := "  "
		if p.marks.has(li) {
			mark = "✓ "
		}
		email := fit(p.sh.text.Line(l.Email), c.email)
		name := fit(p.sh.text.Line(fullName(l)), c.name)
		company := ""
		if c.company > 0 {
			company = fit(p.sh.text.Line(l.Company), c.company)
		}
		act := p.ds.Action(li)
		verd := fit(p.verd.text(act, l.Bounce.Reason), c.verdict)
		state := fit(leadState(p.ds, l), c.state)
		date := ""
		if c.date > 0 {
			if d, src := p.ds.BounceDate(l); !d.IsZero() {
				date = d.Format("2006-01-02") + " " + dateSourceLetter(src)
			}
			date = fit(date, c.date)
		}
		bounces := ""
		if c.bounces > 0 {
			bounces = fitRight(itoa(int(p.bounces[li])), c.bounces-1) + " "
		}
		reason := ""
		if c.reason > 0 {
			reason = fit(p.sh.text.Line(l.Reason), c.reason)
		}
		if selected {
			line := marker + mark + email + " " + name
			for _, s := range []string{company, verd, state, date, bounces, reason} {
				if s != "" {
					line += " " + s
				}
			}
			b.WriteString("\n" + st.Selected.Render(fit(line, p.width)))
			continue
		}
		if mark != "  " {
			mark = st.Marked.Render(mark)
		}
		line := marker + mark + highlight(email, p.query, plain, st.Match) + " " + highlight(name, p.query, plain, st.Match)
		if company != "" {
			line += " " + highlight(company, p.query, plain, st.Match)
		}
		line += " " + st.Action(act).Render(verd) + " " + st.Dim.Render(state)
		if date != "" {
			line += " " + st.Dim.Render(date)
		}
		if bounces != "" {
			if p.bounces[li] >= repeatBounces {
				line += " " + st.Marked.Render(bounces)
			} else {
				line += " " + st.Dim.Render(bounces)
			}
		}
		if reason != "" {
			line += " " + highlight(reason, p.query, plain, st.Match)
		}
		b.WriteString("\n" + line)
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	return b.String()
}

// marks are the leads the user marked with space or a, as one flag per lead.
type marks struct {
	on []bool
	n  int
}

func newMarks(n int) *marks { return &marks{on: make([]bool, n)} }

func (m *marks) has(i int32) bool { return m != nil && int(i) < len(m.on) && m.on[i] }

func (m *marks) toggle(i int32) {
	if int(i) >= len(m.on) {
		return
	}
	m.on[i] = !m.on[i]
	if m.on[i] {
		m.n++
	} else {
		m.n--
	}
}

// toggleAll marks every lead of idx, or unmarks them all when they are all marked already.
func (m *marks) toggleAll(idx []int32) {
	all := true
	for _, i := range idx {
		if !m.on[i] {
			all = false
			break
		}
	}
	for _, i := range idx {
		if m.on[i] == all {
			m.on[i] = !all
			if all {
				m.n--
			} else {
				m.n++
			}
		}
	}
}

// list returns the marked leads in file order.
func (m *marks) list() []int32 {
	out := make([]int32, 0, m.n)
	for i, on := range m.on {
		if on {
			out = append(out, int32(i))
		}
	}
	return out
}

func (m *marks) clear() {
	clear(m.on)
	m.n = 0
}
