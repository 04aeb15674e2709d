package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
)

// leadOrder is how the leads list is sorted.
type leadOrder uint8

const (
	byFile   leadOrder = iota // as in the export
	byEmail                   // email address, A to Z
	byDomain                  // receiving domain, then address
	byDate                    // newest bounce first
	numLeadOrders
)

var leadOrderNames = [...]string{"file order", "email", "domain", "newest"}

func (o leadOrder) String() string { return leadOrderNames[o] }

// leadSource says which leads the list shows, so they can be found again after a filter.
type leadSource struct {
	group  openGroupAction
	domain string // set for a domain's leads
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
	win   window
	width int
}

// SetLeads shows idx (not copied: never modified) titled title.
func (p *leadsPane) SetLeads(ds *model.Dataset, src leadSource, title string, idx []int32) {
	p.ds, p.src, p.title, p.idx = ds, src, title, idx
	p.win.setLen(len(idx))
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

// leadColumns are the widths of the leads list's columns.
type leadColumns struct{ email, name, company, state, date, reason int }

func (p *leadsPane) columns() leadColumns {
	c := leadColumns{state: 9, date: 10}
	rest := p.width - 4 - c.state - c.date - 4
	if p.width >= 150 {
		// Wide enough for the reason text, where a filter often matches.
		c.reason = rest * 40 / 100
		rest -= c.reason + 1
	}
	c.email = rest * 45 / 100
	c.name = rest * 25 / 100
	if p.width < 100 {
		c.email = rest * 50 / 100
		c.name = rest * 22 / 100
	}
	c.company = rest - c.email - c.name
	return c
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

// View draws the column titles and the visible leads, exactly height lines.
func (p leadsPane) View() string {
	st := p.sh.styles
	c := p.columns()
	var b strings.Builder
	head := "    " + fit("Email", c.email) + " " + fit("Name", c.name) + " " + fit("Company", c.company) +
		" " + fit("State", c.state) + " " + fit("Date", c.date)
	if c.reason > 0 {
		head += " Reason"
	}
	b.WriteString(st.ColumnHead.Render(fit(head, p.width)))
	from, to := p.win.visible()
	if len(p.idx) == 0 {
		b.WriteString("\n" + st.Dim.Render(fit("  No leads match.", p.width)))
		from, to = 0, 1
	}
	for i := from; i < to && i < len(p.idx); i++ {
		l := &p.ds.Leads[p.idx[i]]
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		mark := "  "
		if p.marks.has(p.idx[i]) {
			mark = "✓ "
		}
		email := fit(p.sh.text.Line(l.Email), c.email)
		name := fit(p.sh.text.Line(fullName(l)), c.name)
		company := fit(p.sh.text.Line(l.Company), c.company)
		date := ""
		if d := leadDate(l); !d.IsZero() {
			date = d.Format("2006-01-02")
		}
		state := fit(leadState(p.ds, l), c.state)
		date = fit(date, c.date)
		reason := ""
		if c.reason > 0 {
			reason = " " + fit(p.sh.text.Line(l.Reason), c.reason)
		}
		var line string
		if selected {
			line = st.Selected.Render(fit(marker+mark+email+" "+name+" "+company+" "+state+" "+date+reason, p.width))
		} else {
			if mark != "  " {
				mark = st.Marked.Render(mark)
			}
			plain := st.Header
			line = marker + mark + highlight(email, p.query, plain, st.Match) + " " +
				highlight(name, p.query, plain, st.Match) + " " + highlight(company, p.query, plain, st.Match) +
				" " + st.Dim.Render(state) + " " + st.Dim.Render(date)
			if reason != "" {
				line += " " + highlight(reason[1:], p.query, plain, st.Match)
			}
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
