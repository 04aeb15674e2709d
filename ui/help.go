package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// helpText is what the help screen says beyond the keys: the questions users ask.
var helpText = []string{
	"Groups are basic reply code ▸ enhanced status code. hard = permanent (5xx), soft = transient (4xx).",
	"A 550 alone does not mean the person left: read the enhanced code and the text.",
	"\"Address at fault\" is yes only for a dead mailbox or domain; a 5.7.x block is not the lead's fault.",
	"Soft bounces and blocks: retry a few times over days, not weeks.",
	"To re-add leads: export them (e), import the CSV in Marketo (it matches on Email Address), " +
		"then reset Email Invalid to false for them: it stays true until someone resets it.",
	"y copies with OSC 52: in tmux it needs `set -g set-clipboard on`; some terminals ignore it.",
}

// helpPane is the full help: every key, then the answers to the usual questions.
type helpPane struct {
	sh     *shared
	model  help.Model
	width  int
	height int
	offset int
}

func newHelpPane(sh *shared) helpPane {
	h := help.New()
	h.ShowAll = true
	h.Styles = sh.styles.Help
	return helpPane{sh: sh, model: h}
}

// SetSize gives the pane its size.
func (p *helpPane) SetSize(w, h int) {
	p.width, p.height = w, max(h, 1)
	p.model.SetWidth(w)
}

// Update scrolls.
func (p helpPane) Update(msg tea.Msg) (helpPane, any) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		km := p.sh.keys
		switch {
		case key.Matches(k, km.Up):
			p.offset = max(p.offset-1, 0)
		case key.Matches(k, km.Down):
			p.offset++
		case key.Matches(k, km.PageDown):
			p.offset += max(p.height-1, 1)
		case key.Matches(k, km.PageUp):
			p.offset = max(p.offset-p.height+1, 0)
		}
		p.offset = min(p.offset, max(len(p.content())-p.height, 0))
	}
	return p, nil
}

// content is every line of the help at the pane's width.
func (p helpPane) content() []string {
	st := p.sh.styles
	p.model.Styles = st.Help
	var lines []string
	lines = append(lines, st.Section.Render("Keys"), "")
	groups := p.sh.keys.FullHelp()
	p.model.SetWidth(0) // measure the columns untruncated
	keys := p.model.FullHelpView(groups)
	if lipgloss.Width(keys) > p.width {
		// Too narrow for every column side by side: two rows of columns.
		half := (len(groups) + 1) / 2
		keys = p.model.FullHelpView(groups[:half]) + "\n\n" + p.model.FullHelpView(groups[half:])
	}
	lines = append(lines, strings.Split(keys, "\n")...)
	lines = append(lines, "", st.Section.Render("Good to know"), "")
	for _, s := range helpText {
		lines = append(lines, wrap(s, p.width)...)
	}
	return lines
}

// View draws the help, exactly height lines.
func (p helpPane) View() string {
	lines := p.content()
	off := min(p.offset, max(len(lines)-p.height, 0))
	out := make([]string, 0, p.height)
	for i := off; i < len(lines) && len(out) < p.height; i++ {
		out = append(out, fit(lines[i], p.width))
	}
	if off+p.height < len(lines) && p.height > 1 {
		out[len(out)-1] = p.sh.styles.Dim.Render(fit("↓ more: j", p.width))
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}
