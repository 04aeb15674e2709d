package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// statusKind is the tone of a status message.
type statusKind uint8

const (
	statusInfo statusKind = iota
	statusError
)

// statusClearMsg clears the status message it names, if it is still the one shown.
type statusClearMsg struct{ id int }

// statusBar is the bottom line: a transient message when there is one, else short help.
type statusBar struct {
	sh       *shared
	help     help.Model
	msg      string
	kind     statusKind
	question string // a yes/no question waiting for its answer: shown before anything else
	id       int
	ttl      time.Duration // 0: messages stay until replaced
}

func newStatusBar(sh *shared, ttl time.Duration) statusBar {
	return statusBar{sh: sh, help: help.New(), ttl: ttl}
}

// Set shows a message and returns the command that clears it later.
func (s *statusBar) Set(kind statusKind, msg string) tea.Cmd {
	s.id++
	s.msg, s.kind = msg, kind
	if s.ttl <= 0 {
		return nil
	}
	id := s.id
	return tea.Tick(s.ttl, func(time.Time) tea.Msg { return statusClearMsg{id: id} })
}

// Clear removes the message named by msg, if it is still shown.
func (s *statusBar) Clear(msg statusClearMsg) {
	if msg.id == s.id {
		s.msg = ""
	}
}

// View draws the line: the message, else the keys that matter on this screen.
func (s statusBar) View(w int, keys help.KeyMap, right string) string {
	st := s.sh.styles
	rw := 0
	if right != "" {
		right = " " + right
		rw = lipgloss.Width(right)
	}
	left := ""
	if s.question != "" {
		left = st.Prompt.Render(fit(s.question, max(w-rw, 0)))
	} else if s.msg != "" {
		style := st.Message
		if s.kind == statusError {
			style = st.Error
		}
		left = style.Render(fit(s.msg, max(w-rw, 0)))
	} else {
		s.help.Styles = st.Help
		s.help.SetWidth(max(w-rw, 0))
		left = fit(s.help.ShortHelpView(keys.ShortHelp()), max(w-rw, 0))
	}
	return left + st.Status.Render(right)
}
