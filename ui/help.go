package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// helpText is what the help screen says beyond the keys: the questions users ask.
var helpText = []string{
	"Groups are basic reply code ▸ enhanced status code (g switches to action ▸ reason). " +
		"hard = permanent (5xx), soft = transient (4xx).",
	"Every lead has an action: suppress (the address does not work), readd (refused for a cause that is not " +
		"the address's fault: fix it or wait, then re-add), wait (temporary: the platform retries), review " +
		"(the text does not say enough). A group's row shows its mix of actions.",
	"A 550 alone does not mean the person left: read the enhanced code and the text.",
	"F picks actions, classes and reasons to filter by (several at once); f cycles the class; / matches text.",
	"e exports by job: readd (Marketo import columns), suppress (the dead addresses) or handoff (for sales), " +
		"each once per address; an address dead on any lead is never in a re-add list.",
	"To re-add leads in Marketo: import the readd file (it matches on Email Address), " +
		"then reset Email Invalid to false for them: it stays true until someone resets it.",
	"In a lead's detail: / searches its text (n/N: next/previous match, esc clears the search); " +
		"] and [ step to the next and previous lead, and so do n and p when no search is on.",
	"y copies the emails of the marked leads, else of the group in view; in a lead's detail its address, " +
		"and Y its reason text (for delisting forms). Only cells that hold one valid address are copied.",
	"Copying sends OSC 52 to the terminal, which does not say whether it took it: in tmux it needs " +
		"`set -g set-clipboard on`, some terminals ignore it. Where a system clipboard tool is reachable " +
		"(wl-copy, xclip, xsel, pbcopy, clip.exe) it gets the text too, and the status line names it.",
}

// helpPane is the full help in a bubbles viewport: every key, then the answers to the usual
// questions. Its lines are built once per width and palette.
type helpPane struct {
	sh     *shared
	model  help.Model
	vp     viewport.Model
	width  int
	height int
	builtW int
	stale  bool
}

func newHelpPane(sh *shared) helpPane {
	h := help.New()
	h.ShowAll = true
	vp := viewport.New()
	vp.FillHeight = true
	vp.SetHorizontalStep(0)
	return helpPane{sh: sh, model: h, vp: vp, stale: true}
}

// SetSize gives the pane its size; the text is rebuilt for a new width.
func (p *helpPane) SetSize(w, h int) {
	p.width, p.height = w, max(h, 1)
	p.vp.SetWidth(w)
	p.vp.SetHeight(p.height)
	if w != p.builtW || p.stale {
		p.builtW, p.stale = w, false
		p.vp.SetContentLines(p.content())
	}
}

// Rebuild redraws the text with the current styles, at the next SetSize.
func (p *helpPane) Rebuild() { p.stale = true }

// Update scrolls.
func (p helpPane) Update(msg tea.Msg) (helpPane, any) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		km := p.sh.keys
		switch {
		case key.Matches(k, km.Up):
			p.vp.ScrollUp(1)
		case key.Matches(k, km.Down):
			p.vp.ScrollDown(1)
		case key.Matches(k, km.PageDown):
			p.vp.PageDown()
		case key.Matches(k, km.PageUp):
			p.vp.PageUp()
		case key.Matches(k, km.Home):
			p.vp.GotoTop()
		case key.Matches(k, km.End):
			p.vp.GotoBottom()
		}
	}
	return p, nil
}

// scroll moves the text by d lines (mouse wheel).
func (p *helpPane) scroll(d int) {
	if d < 0 {
		p.vp.ScrollUp(-d)
	} else {
		p.vp.ScrollDown(d)
	}
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
	for i := range lines {
		lines[i] = fit(lines[i], p.width)
	}
	return lines
}

// View draws the help, exactly height lines.
func (p helpPane) View() string {
	out := strings.Split(p.vp.View(), "\n")
	out = out[:min(len(out), p.height)]
	for len(out) < p.height {
		out = append(out, "")
	}
	if !p.vp.AtBottom() && p.height > 1 {
		out[len(out)-1] = p.sh.styles.Dim.Render(fit("↓ more: j", p.width))
	}
	return strings.Join(out, "\n")
}
