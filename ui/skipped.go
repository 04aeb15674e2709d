package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
)

// skippedPane lists the rows that could not be read, with file:line and why.
type skippedPane struct {
	sh    *shared
	rows  []*model.ParseError
	win   window
	width int
}

// SetRows replaces the list.
func (p *skippedPane) SetRows(rows []*model.ParseError) {
	p.rows = rows
	p.win.setLen(len(rows))
}

// SetSize gives the pane its size.
func (p *skippedPane) SetSize(w, h int) {
	p.width = w
	p.win.setHeight(h - 1)
}

// Update moves.
func (p skippedPane) Update(msg tea.Msg) (skippedPane, any) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		p.win.navigate(k, p.sh.keys)
	}
	return p, nil
}

// View draws the title and the visible rows, exactly height lines.
func (p skippedPane) View() string {
	st := p.sh.styles
	var b strings.Builder
	b.WriteString(st.ColumnHead.Render(fit("  Rows that could not be read (file:line: why)", p.width)))
	from, to := p.win.visible()
	if len(p.rows) == 0 {
		b.WriteString("\n" + st.Dim.Render(fit("  Every row was read.", p.width)))
		from, to = 0, 1
	}
	for i := from; i < to && i < len(p.rows); i++ {
		line := "  " + p.sh.text.Line(p.rows[i].Error())
		if i == p.win.cursor {
			line = st.Selected.Render(fit("▶"+line[1:], p.width))
		} else {
			line = fit(line, p.width)
		}
		b.WriteString("\n" + line)
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	return b.String()
}
