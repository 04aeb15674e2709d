package ui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// lineInput is a one-line text field: the filter and the export file name.
type lineInput struct {
	value  []rune
	cursor int
}

func (in *lineInput) Value() string { return string(in.value) }

func (in *lineInput) SetValue(s string) {
	in.value = []rune(s)
	in.cursor = len(in.value)
}

// Update edits the text; it reports whether the text changed.
func (in *lineInput) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.insert(sanitize(msg.Content, false))
		return true
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			if in.cursor > 0 {
				in.value = append(in.value[:in.cursor-1], in.value[in.cursor:]...)
				in.cursor--
				return true
			}
		case "delete", "ctrl+d":
			if in.cursor < len(in.value) {
				in.value = append(in.value[:in.cursor], in.value[in.cursor+1:]...)
				return true
			}
		case "left", "ctrl+b":
			in.cursor = max(in.cursor-1, 0)
		case "right", "ctrl+f":
			in.cursor = min(in.cursor+1, len(in.value))
		case "home", "ctrl+a":
			in.cursor = 0
		case "end", "ctrl+e":
			in.cursor = len(in.value)
		case "ctrl+u":
			if in.cursor > 0 {
				in.value = in.value[in.cursor:]
				in.cursor = 0
				return true
			}
		case "ctrl+w":
			i := in.cursor
			for i > 0 && in.value[i-1] == ' ' {
				i--
			}
			for i > 0 && in.value[i-1] != ' ' {
				i--
			}
			if i < in.cursor {
				in.value = append(in.value[:i], in.value[in.cursor:]...)
				in.cursor = i
				return true
			}
		default:
			if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
				in.insert(sanitize(msg.Text, false))
				return true
			}
		}
	}
	return false
}

func (in *lineInput) insert(s string) {
	if s == "" {
		return
	}
	rs := []rune(s)
	v := make([]rune, 0, len(in.value)+len(rs))
	v = append(v, in.value[:in.cursor]...)
	v = append(v, rs...)
	v = append(v, in.value[in.cursor:]...)
	in.value = v
	in.cursor += len(rs)
}

// View draws the text in w cells with a block cursor, scrolled to keep the cursor in sight.
func (in *lineInput) View(st Styles, w int, focused bool) string {
	before := string(in.value[:in.cursor])
	at, after := " ", ""
	if in.cursor < len(in.value) {
		at = string(in.value[in.cursor])
		after = string(in.value[in.cursor+1:])
	}
	if !focused {
		return st.Input.Render(fit(string(in.value), w))
	}
	// Keep the cursor visible: drop text from the left when the line is too long.
	for lipgloss.Width(before)+lipgloss.Width(at) > w && before != "" {
		_, size := utf8.DecodeRuneInString(before)
		before = before[size:]
	}
	s := st.Input.Render(before) + st.Cursor.Render(at) + st.Input.Render(after)
	return fit(s, w)
}

// filterPane is the "/" prompt: typing updates the filter live; enter keeps it, esc clears it.
type filterPane struct {
	sh     *shared
	input  lineInput
	active bool
}

// Start begins typing, keeping the current text.
func (p *filterPane) Start() { p.active = true; p.input.cursor = len(p.input.value) }

// Value is the filter text.
func (p *filterPane) Value() string { return strings.TrimSpace(p.input.Value()) }

// Update edits the filter and reports what changed.
func (p filterPane) Update(msg tea.Msg) (filterPane, any) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter", "tab", "up", "down":
			p.active = false
			return p, filterDoneAction{}
		case "esc":
			p.active = false
			p.input.SetValue("")
			return p, filterDoneAction{cancel: true}
		}
	}
	if p.input.Update(msg) {
		return p, filterChangedAction{text: p.Value()}
	}
	return p, nil
}

// View draws the prompt line.
func (p filterPane) View(w int) string {
	st := p.sh.styles
	prompt := st.Prompt.Render("/ ")
	hint := st.Dim.Render("  enter keep · esc clear")
	iw := w - 2 - lipgloss.Width(hint)
	if iw < 10 {
		hint, iw = "", w-2
	}
	return prompt + p.input.View(st, iw, p.active) + hint
}
