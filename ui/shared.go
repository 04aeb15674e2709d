package ui

import "github.com/bouncelens/bouncelens/model"

// shared is what every pane reads and only the root changes: styles, keys and the cache of
// cleaned texts.
type shared struct {
	styles Styles
	keys   KeyMap
	text   *textCache
}

// Actions: what a pane asks the root to do. The root interprets them; panes never reach up.
type (
	// openGroupAction opens the leads of a group, named by its Key and, for a subgroup, the
	// subgroup's Key: 550 ▸ 5.1.1, readd ▸ ratelimited.
	openGroupAction struct {
		top, sub string
		isSub    bool
	}
	// openDomainAction opens the leads of a receiving domain.
	openDomainAction struct{ domain string }
	// openLeadAction opens one lead's detail.
	openLeadAction struct{ lead int32 }
	// stepLeadAction opens the next (+1) or previous (-1) lead of the list in the detail.
	stepLeadAction struct{ by int }
	// filterChangedAction says the filter text changed (while typing).
	filterChangedAction struct{ text string }
	// filterDoneAction ends typing in the filter; cancel puts back text, the filter before "/".
	filterDoneAction struct {
		cancel bool
		text   string
	}
	// exportAction asks to write the export to path, as preset (NoPreset: the plain CSV);
	// force overwrites.
	exportAction struct {
		path   string
		preset model.Preset
		force  bool
	}
	// exportCancelAction closes the export prompt.
	exportCancelAction struct{}
)

// label spells a group key the way titles and file names show it: "550 ▸ 5.1.1".
func (k openGroupAction) label(sep string) string {
	if k.isSub {
		return k.top + sep + k.sub
	}
	return k.top
}
