package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// detailPane is one lead: its raw reason text beside the standard explanation of its codes.
// Its lines are built once per lead and width, then only windowed.
type detailPane struct {
	sh     *shared
	ds     *model.Dataset
	lead   int32
	query  string // filter text to highlight in the reason
	lines  []string
	builtW int
	width  int
	height int
	offset int
}

// SetLead shows lead i of ds from the top, with query highlighted in its reason text.
func (p *detailPane) SetLead(ds *model.Dataset, i int32, query string) {
	p.ds, p.lead, p.offset, p.query = ds, i, 0, query
	p.build()
}

// SetSize gives the pane its size; the text is rewrapped for a new width.
func (p *detailPane) SetSize(w, h int) {
	p.width, p.height = w, max(h, 1)
	if w != p.builtW {
		p.build()
	}
	p.clamp()
}

// Rebuild redraws the text, after a change of styles.
func (p *detailPane) Rebuild() { p.build() }

func (p *detailPane) clamp() {
	p.offset = min(p.offset, len(p.lines)-p.height)
	p.offset = max(p.offset, 0)
}

// Update scrolls the text.
func (p detailPane) Update(msg tea.Msg) (detailPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case key.Matches(k, km.Up):
		p.offset--
	case key.Matches(k, km.Down):
		p.offset++
	case key.Matches(k, km.PageUp):
		p.offset -= max(p.height-1, 1)
	case key.Matches(k, km.PageDown):
		p.offset += max(p.height-1, 1)
	case key.Matches(k, km.Home):
		p.offset = 0
	case key.Matches(k, km.End):
		p.offset = len(p.lines)
	case key.Matches(k, km.NextLead):
		return p, stepLeadAction{by: 1}
	case key.Matches(k, km.PrevLead):
		return p, stepLeadAction{by: -1}
	}
	p.clamp()
	return p, nil
}

// scroll moves the text by d lines (mouse wheel).
func (p *detailPane) scroll(d int) {
	p.offset += d
	p.clamp()
}

// View draws the visible lines, exactly height of them.
func (p detailPane) View() string {
	end := min(p.offset+p.height, len(p.lines))
	out := make([]string, 0, p.height)
	if p.offset < end {
		out = append(out, p.lines[p.offset:end]...)
	}
	if end < len(p.lines) && p.height > 1 {
		out[len(out)-1] = p.sh.styles.Dim.Render(fit("↓ more: j, pgdn", p.width))
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
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
	if !l.EmailSuspendedAt.IsZero() {
		susp += " (at " + l.EmailSuspendedAt.Format("2006-01-02 15:04") + ")"
	}
	stateSec = append(stateSec, susp)
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
	if adv := codes.Advice(b); adv != "" {
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
	left := join(reasonSec, causeSec, stateSec)
	right := join(verdictSec, adviceSec, meaningSec)
	if !twoCols {
		left = join(reasonSec, verdictSec, adviceSec, meaningSec, causeSec, stateSec)
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
