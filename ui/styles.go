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
	Hit        lipgloss.Style // a search match in the detail view
	CurrentHit lipgloss.Style // the search match n/N moved to (reverse video: seen without colour)
	class      [4]lipgloss.Style
	action     [model.NumActions]lipgloss.Style // a lead's verdict: suppress, readd, wait, review
	series     [maxSeries + 1]lipgloss.Style    // the parts of a timeline's bars by provider
	Help       help.Styles                      // key hints: status line and help screen
}

// palette is the handful of colours a theme is made of, and the backgrounds it is meant for:
// every text colour keeps at least WCAG's 4.5:1 contrast against each of them (styles_test.go).
type palette struct {
	accent, dim, hard, soft, ok, unknown, bar, barEmpty, match, text color.Color
	keyHint, descHint                                                color.Color
	backgrounds                                                      []color.Color
}

// newPalette is the light or the dark palette.
func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		accent:   ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48BFF")),
		dim:      ld(lipgloss.Color("#5E5E5E"), lipgloss.Color("#9E9E9E")),
		hard:     ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B")),
		soft:     ld(lipgloss.Color("#8A5700"), lipgloss.Color("#F5C451")),
		ok:       ld(lipgloss.Color("#17713A"), lipgloss.Color("#6BD68A")),
		unknown:  ld(lipgloss.Color("#5F5F87"), lipgloss.Color("#A0A0C8")),
		bar:      ld(lipgloss.Color("#3F6FD8"), lipgloss.Color("#6FA0FF")),
		barEmpty: ld(lipgloss.Color("#D0D0D0"), lipgloss.Color("#3A3A3A")),
		match:    ld(lipgloss.Color("#7A4B00"), lipgloss.Color("#FFD37A")),
		text:     ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E8E8E8")),
		keyHint:  ld(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C8C8C8")),
		descHint: ld(lipgloss.Color("#5E5E5E"), lipgloss.Color("#9E9E9E")),
		backgrounds: map[bool][]color.Color{
			false: {lipgloss.Color("#FFFFFF"), lipgloss.Color("#F5F5F5"), lipgloss.Color("#EEEEEE")},
			true:  {lipgloss.Color("#000000"), lipgloss.Color("#1E1E1E"), lipgloss.Color("#282C34")},
		}[isDark],
	}
}

// NewStyles builds the styles for a dark or a light terminal background.
func NewStyles(isDark bool) Styles {
	p := newPalette(isDark)
	hintKey := lipgloss.NewStyle().Bold(true).Foreground(p.keyHint)
	hintDesc := lipgloss.NewStyle().Foreground(p.descHint)
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
		Hit:        lipgloss.NewStyle().Underline(true).Bold(true).Foreground(p.match),
		CurrentHit: lipgloss.NewStyle().Reverse(true).Bold(true),
		Help: help.Styles{
			ShortKey: hintKey, ShortDesc: hintDesc, ShortSeparator: hintDesc, Ellipsis: hintDesc,
			FullKey: hintKey, FullDesc: hintDesc, FullSeparator: hintDesc,
		},
	}
	s.class[codes.Unknown] = lipgloss.NewStyle().Foreground(p.unknown)
	s.class[codes.Hard] = lipgloss.NewStyle().Bold(true).Foreground(p.hard)
	s.class[codes.Soft] = lipgloss.NewStyle().Foreground(p.soft)
	s.class[codes.Success] = lipgloss.NewStyle().Foreground(p.ok)
	s.action[codes.Suppress] = lipgloss.NewStyle().Foreground(p.hard)
	s.action[codes.Readd] = lipgloss.NewStyle().Bold(true).Foreground(p.ok)
	s.action[codes.Wait] = lipgloss.NewStyle().Foreground(p.soft)
	s.action[codes.Review] = lipgloss.NewStyle().Foreground(p.unknown)
	for i, c := range []color.Color{p.bar, p.hard, p.ok, p.soft, p.accent, p.match, p.dim} {
		s.series[i] = lipgloss.NewStyle().Foreground(c)
	}
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

// Series returns the style of the i-th part of a timeline's stacked bars; the last is "the rest".
func (s Styles) Series(i int) lipgloss.Style {
	return s.series[min(max(i, 0), len(s.series)-1)]
}
