package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the browser answers to, with the help text bubbles/help shows.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End   key.Binding
	Enter, Back, Tab, Expand, Collapse      key.Binding
	NextLead, PrevLead                      key.Binding
	Filter, Class, Sort                     key.Binding
	Grouping, SortDir, Pick, Toggle         key.Binding
	Apply, Cancel, ClearAll                 key.Binding
	Mark, MarkAll, Unmark, Copy, Export     key.Binding
	Domains, Skipped, Help, Quit, ForceQuit key.Binding
	CopyReason                              key.Binding
	Search, NextMatch, PrevMatch            key.Binding
	Timeline, Stack, Narrow, Burst, Reasons key.Binding
}

// DefaultKeyMap returns the bindings DESIGN.md lists: arrows and vim keys both work.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+b", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Home:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", "first")),
		End:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:      key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Tab:       key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "codes/domains")),
		Expand:    key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp("→/l", "expand")),
		Collapse:  key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/h", "collapse")),
		NextLead:  key.NewBinding(key.WithKeys("]", "n"), key.WithHelp("]/n", "next lead")),
		PrevLead:  key.NewBinding(key.WithKeys("[", "p", "N"), key.WithHelp("[/p", "previous lead")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Class:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "all/hard/soft")),
		Sort:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		SortDir:   key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
		Grouping:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "code/action view")),
		Pick:      key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "pick filters")),
		Toggle:    key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "toggle")),
		Apply:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ClearAll:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clear all")),
		Mark:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		MarkAll:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "mark all")),
		Unmark:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unmark all")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy emails")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export…")),
		Domains:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "domains")),
		Skipped:   key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "skipped rows")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),

		CopyReason: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy reason")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search text")),
		NextMatch:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/prev match")),
		PrevMatch:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Timeline:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timeline")),
		Stack:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "by action/provider")),
		Narrow:     key.NewBinding(key.WithKeys("enter", "n"), key.WithHelp("enter/n", "narrow to period")),
		Burst:      key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "next burst")),
		Reasons:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "provider's reasons")),
	}
}

// ShortHelp is the status line's help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Enter, k.Back, k.Grouping, k.Filter, k.Pick, k.Class, k.Copy, k.Export, k.Help, k.Quit}
}

// FullHelp is the help screen, one column per kind of key.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Narrow},
		{k.Enter, k.Back, k.Tab, k.Domains, k.Expand, k.Collapse, k.NextLead, k.PrevLead},
		{k.Grouping, k.Filter, k.Pick, k.Class, k.Sort, k.SortDir, k.Skipped, k.Timeline, k.Stack, k.Burst, k.Reasons},
		{k.Mark, k.MarkAll, k.Unmark, k.Copy, k.CopyReason, k.Export, k.Search, k.NextMatch},
		{k.Help, k.Quit, k.ForceQuit},
	}
}

// bindings is a screen's own short help.
type bindings []key.Binding

func (b bindings) ShortHelp() []key.Binding  { return b }
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
