package ui

import "github.com/bouncelens/bouncelens/codes"

// shared is what every pane reads and only the root changes: styles, keys and the cache of
// cleaned texts.
type shared struct {
	styles Styles
	keys   KeyMap
	text   *textCache
}

// Actions: what a pane asks the root to do. The root interprets them; panes never reach up.
type (
	// openGroupAction opens the leads of a group; sub is false for a whole basic code.
	openGroupAction struct {
		basic    uint16
		enhanced codes.Enhanced
		sub      bool
	}
	// openDomainAction opens the leads of a receiving domain.
	openDomainAction struct{ domain string }
	// openLeadAction opens one lead's detail.
	openLeadAction struct{ lead int32 }
	// stepLeadAction opens the next (+1) or previous (-1) lead of the list in the detail.
	stepLeadAction struct{ by int }
	// filterChangedAction says the filter text changed (while typing).
	filterChangedAction struct{ text string }
	// filterDoneAction ends typing in the filter; cancel clears it.
	filterDoneAction struct{ cancel bool }
	// exportAction asks to write the export to path; force overwrites.
	exportAction struct {
		path  string
		force bool
	}
	// exportCancelAction closes the export prompt.
	exportCancelAction struct{}
)

// codeLabel spells a group's code the way the list shows it.
func codeLabel(basic uint16, e codes.Enhanced, sub bool) string {
	if sub {
		if e.IsZero() {
			return "(none)"
		}
		return e.String()
	}
	if basic == 0 {
		return "no code"
	}
	return itoa(int(basic))
}
