package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// Styles is every style the browser draws with, built from a light or a dark palette. No other
// file names a colour. Selection and marks never rely on colour alone: rows also carry a ▶
// marker and reverse video, marks a ✓, so NO_COLOR users see them.
type Styles struct {
	Title      lipgloss.Style // app name in the header
	Header     lipgloss.Style // header text
	Dim        lipgloss.Style // secondary text
	Crumb      lipgloss.Style // where the user is
	ColumnHead lipgloss.Style // list column titles
	Selected   lipgloss.Style // the cursor row
	Marked     lipgloss.Style // the ✓ of a marked lead
	Match      lipgloss.Style // filter matches inside a row
	Bar        lipgloss.Style // filled part of a share bar
	BarEmpty   lipgloss.Style // empty part of a share bar
	Label      lipgloss.Style // "Reason:" and other labels in the detail view
	Section    lipgloss.Style // section titles in the detail and help views
	Good       lipgloss.Style // "no, not the address" and other reassuring words
	Bad        lipgloss.Style // "yes, the address is dead"
	Status     lipgloss.Style // the right end of the status line
	Message    lipgloss.Style // a transient status message
	Error      lipgloss.Style // an error in the status line
	Prompt     lipgloss.Style // the filter and file-name prompts
	Input      lipgloss.Style // text being typed
	Cursor     lipgloss.Style // the typing cursor
	class      [4]lipgloss.Style
	action     [model.NumActions]lipgloss.Style // a lead's verdict: suppress, readd, wait, review
	Help       help.Styles
}

// palette is the handful of colours a theme is made of.
type palette struct {
	accent, dim, hard, soft, ok, unknown, bar, barEmpty, match, text color.Color
}

// NewStyles builds the styles for a dark or a light terminal background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	p := palette{
		accent:   ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48BFF")),
		dim:      ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A")),
		hard:     ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B")),
		soft:     ld(lipgloss.Color("#9A6200"), lipgloss.Color("#F5C451")),
		ok:       ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#6BD68A")),
		unknown:  ld(lipgloss.Color("#5F5F87"), lipgloss.Color("#A0A0C8")),
		bar:      ld(lipgloss.Color("#3F6FD8"), lipgloss.Color("#6FA0FF")),
		barEmpty: ld(lipgloss.Color("#D0D0D0"), lipgloss.Color("#3A3A3A")),
		match:    ld(lipgloss.Color("#7A4B00"), lipgloss.Color("#FFD37A")),
		text:     ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E8E8E8")),
	}
	s := Styles{
		Title:      lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Header:     lipgloss.NewStyle().Foreground(p.text),
		Dim:        lipgloss.NewStyle().Foreground(p.dim),
		Crumb:      lipgloss.NewStyle().Bold(true),
		ColumnHead: lipgloss.NewStyle().Foreground(p.dim).Underline(true),
		Selected:   lipgloss.NewStyle().Reverse(true).Bold(true),
		Marked:     lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Match:      lipgloss.NewStyle().Underline(true).Bold(true).Foreground(p.match),
		Bar:        lipgloss.NewStyle().Foreground(p.bar),
		BarEmpty:   lipgloss.NewStyle().Foreground(p.barEmpty),
		Label:      lipgloss.NewStyle().Bold(true),
		Section:    lipgloss.NewStyle().Bold(true).Underline(true).Foreground(p.accent),
		Good:       lipgloss.NewStyle().Foreground(p.ok),
		Bad:        lipgloss.NewStyle().Bold(true).Foreground(p.hard),
		Status:     lipgloss.NewStyle().Foreground(p.dim),
		Message:    lipgloss.NewStyle().Bold(true).Foreground(p.ok),
		Error:      lipgloss.NewStyle().Bold(true).Foreground(p.hard),
		Prompt:     lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Input:      lipgloss.NewStyle().Foreground(p.text),
		Cursor:     lipgloss.NewStyle().Reverse(true),
		Help:       help.DefaultStyles(isDark),
	}
	s.class[codes.Unknown] = lipgloss.NewStyle().Foreground(p.unknown)
	s.class[codes.Hard] = lipgloss.NewStyle().Bold(true).Foreground(p.hard)
	s.class[codes.Soft] = lipgloss.NewStyle().Foreground(p.soft)
	s.class[codes.Success] = lipgloss.NewStyle().Foreground(p.ok)
	s.action[codes.Suppress] = lipgloss.NewStyle().Foreground(p.hard)
	s.action[codes.Readd] = lipgloss.NewStyle().Bold(true).Foreground(p.ok)
	s.action[codes.Wait] = lipgloss.NewStyle().Foreground(p.soft)
	s.action[codes.Review] = lipgloss.NewStyle().Foreground(p.unknown)
	return s
}

// Class returns the style a class's name is drawn in.
func (s Styles) Class(c codes.Class) lipgloss.Style {
	if int(c) < len(s.class) {
		return s.class[c]
	}
	return s.class[codes.Unknown]
}

// Action returns the style an action (a lead's verdict) is drawn in.
func (s Styles) Action(a codes.Action) lipgloss.Style {
	if int(a) < len(s.action) {
		return s.action[a]
	}
	return s.action[codes.Review]
}
