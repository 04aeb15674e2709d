package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// window is a cursor over n rows of which height are visible: the state every list shares.
// It never looks at the rows themselves, so a million rows cost nothing to move over.
type window struct {
	cursor, offset, n, height int
}

// navigate moves the cursor for the keys every list shares (up, down, page, home, end) and
// reports whether k was one of them.
func (w *window) navigate(k tea.KeyPressMsg, km KeyMap) bool {
	switch {
	case key.Matches(k, km.Up):
		w.move(-1)
	case key.Matches(k, km.Down):
		w.move(1)
	case key.Matches(k, km.PageUp):
		w.page(-1)
	case key.Matches(k, km.PageDown):
		w.page(1)
	case key.Matches(k, km.Home):
		w.top()
	case key.Matches(k, km.End):
		w.bottom()
	default:
		return false
	}
	return true
}

func (w *window) setLen(n int) {
	w.n = n
	w.clamp()
}

func (w *window) setHeight(h int) {
	w.height = max(h, 1)
	w.clamp()
}

func (w *window) move(d int) {
	w.cursor += d
	w.clamp()
}

func (w *window) page(d int) { w.move(d * max(w.height-1, 1)) }

func (w *window) top() { w.cursor = 0; w.clamp() }

func (w *window) bottom() { w.cursor = w.n - 1; w.clamp() }

// scroll moves the view by d rows, dragging the cursor along when it leaves the view.
func (w *window) scroll(d int) {
	w.offset += d
	w.offset = min(w.offset, w.n-w.height)
	w.offset = max(w.offset, 0)
	if w.cursor < w.offset {
		w.cursor = w.offset
	}
	if w.cursor >= w.offset+w.height {
		w.cursor = w.offset + w.height - 1
	}
	w.clamp()
}

// clickRow puts the cursor on the visible row y (0 = the first visible row).
func (w *window) clickRow(y int) bool {
	i := w.offset + y
	if y < 0 || i >= w.n {
		return false
	}
	w.cursor = i
	return true
}

func (w *window) clamp() {
	if w.height < 1 {
		w.height = 1
	}
	w.cursor = min(w.cursor, w.n-1)
	w.cursor = max(w.cursor, 0)
	if w.cursor < w.offset {
		w.offset = w.cursor
	}
	if w.cursor >= w.offset+w.height {
		w.offset = w.cursor - w.height + 1
	}
	w.offset = min(w.offset, max(w.n-w.height, 0))
	w.offset = max(w.offset, 0)
}

// visible returns the range of rows on screen.
func (w *window) visible() (from, to int) {
	return w.offset, min(w.offset+w.height, w.n)
}
