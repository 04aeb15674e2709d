package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// newInput returns a one-line text field for the filter and the export file name: bubbles'
// textinput without its own prompt, a steady cursor, and no clipboard reading of its own
// (the terminal's paste arrives as a tea.PasteMsg).
func newInput() textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.KeyMap.Paste.SetEnabled(false)
	return in
}

// inputView draws in in w cells with the browser's styles.
func inputView(in textinput.Model, st Styles, w int) string {
	ts := textinput.DefaultStyles(true)
	ts.Focused.Text, ts.Focused.Prompt, ts.Focused.Placeholder = st.Input, st.Prompt, st.Dim
	ts.Blurred = ts.Focused
	ts.Cursor.Blink = false
	ts.Cursor.Color = st.Input.GetForeground()
	in.SetStyles(ts)
	in.SetWidth(max(w-1, 1))
	return fit(in.View(), w)
}

// updateInput passes msg to in, cleaning pasted text first; it reports whether the text changed.
// The field's own commands are only cursor blinks, which are off, so they are dropped.
func updateInput(in *textinput.Model, msg tea.Msg) bool {
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: sanitize(p.Content, false)}
	}
	before := in.Value()
	*in, _ = in.Update(msg)
	return in.Value() != before
}

// filterPane is the "/" prompt: typing updates the filter live; enter keeps it, esc puts back
// the filter as it was before "/".
type filterPane struct {
	sh     *shared
	input  textinput.Model
	prior  string
	active bool
}

func newFilterPane(sh *shared) filterPane { return filterPane{sh: sh, input: newInput()} }

// Start begins typing, keeping the current text so esc can restore it.
func (p *filterPane) Start() {
	p.active = true
	p.prior = p.input.Value()
	p.input.Focus()
	p.input.CursorEnd()
}

// Value is the filter text.
func (p *filterPane) Value() string { return strings.TrimSpace(p.input.Value()) }

// Update edits the filter and reports what changed.
func (p filterPane) Update(msg tea.Msg) (filterPane, any) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter", "tab", "up", "down":
			p.active = false
			p.input.Blur()
			return p, filterDoneAction{}
		case "esc":
			p.active = false
			p.input.Blur()
			p.input.SetValue(p.prior)
			return p, filterDoneAction{cancel: true, text: strings.TrimSpace(p.prior)}
		}
	}
	if updateInput(&p.input, msg) {
		return p, filterChangedAction{text: p.Value()}
	}
	return p, nil
}

// View draws the prompt line.
func (p filterPane) View(w int) string {
	st := p.sh.styles
	prompt := st.Prompt.Render("/ ")
	hint := st.Dim.Render("  enter keep · esc undo")
	iw := w - 2 - lipgloss.Width(hint)
	if iw < 10 {
		hint, iw = "", w-2
	}
	return prompt + inputView(p.input, st, iw) + hint
}
