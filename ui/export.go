package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// reAddHelp is what the export panel says about putting the leads back in Marketo.
var reAddHelp = []string{
	"To re-add them in Marketo: Import List with this CSV (it matches on Email Address),",
	"then reset Email Invalid to false for them (e.g. Change Data Value): it stays true until reset.",
}

// exportPrompt asks for the export's file name, and for confirmation before overwriting.
type exportPrompt struct {
	sh         *shared
	input      lineInput
	count      int
	label      string
	sel        []int32
	confirming bool // the file exists: waiting for y or n
}

// Open starts the prompt for sel, described by label, with a default file name.
func (p *exportPrompt) Open(sel []int32, label, name string) {
	p.sel, p.count, p.label = sel, len(sel), label
	p.input.SetValue(name)
	p.confirming = false
}

// Update edits the name; enter asks to export, esc cancels; y/n answer the overwrite question.
func (p exportPrompt) Update(msg tea.Msg) (exportPrompt, any) {
	k, isKey := msg.(tea.KeyPressMsg)
	if p.confirming {
		if !isKey {
			return p, nil
		}
		switch k.String() {
		case "y", "Y":
			p.confirming = false
			return p, exportAction{path: p.path(), force: true}
		case "n", "N", "esc":
			p.confirming = false
		}
		return p, nil
	}
	if isKey {
		switch k.String() {
		case "enter":
			if p.path() == "" {
				return p, nil
			}
			return p, exportAction{path: p.path()}
		case "esc":
			return p, exportCancelAction{}
		}
	}
	p.input.Update(msg)
	return p, nil
}

func (p *exportPrompt) path() string { return strings.TrimSpace(p.input.Value()) }

// View draws the panel in w cells.
func (p exportPrompt) View(w int) string {
	st := p.sh.styles
	title := "Export " + plural(p.count, "lead", "leads") + " (" + p.label + ") as CSV"
	var second string
	if p.confirming {
		second = st.Error.Render(p.sh.text.Line(p.path())+" exists. Overwrite it?") + st.Prompt.Render(" y/n")
	} else {
		prompt := st.Prompt.Render("File: ")
		hint := st.Dim.Render("  enter save · esc cancel")
		iw := w - lipgloss.Width(prompt) - lipgloss.Width(hint)
		if iw < 12 {
			hint, iw = "", w-lipgloss.Width(prompt)
		}
		second = prompt + p.input.View(st, iw, true) + hint
	}
	lines := []string{st.Label.Render(fit(title, w)), fit(second, w)}
	for _, s := range wrap(strings.Join(reAddHelp, " "), w) {
		lines = append(lines, st.Dim.Render(fit(s, w)))
	}
	return strings.Join(lines, "\n")
}
