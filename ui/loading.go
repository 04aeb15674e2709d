package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bouncelens/bouncelens/model"
)

// LoadFunc loads the dataset, reporting progress now and then; it stops when ctx is done.
type LoadFunc func(ctx context.Context, progress func(model.Progress)) (*model.Dataset, error)

// progressMsg is a progress report of load gen.
type progressMsg struct {
	gen int
	p   model.Progress
}

// loadedMsg ends load gen.
type loadedMsg struct {
	gen int
	ds  *model.Dataset
	err error
}

// loader runs one load in the background: a goroutine feeds progress into a channel and a
// re-issued command reads it, so the screen stays live whatever the file size.
type loader struct {
	gen      int
	cancel   context.CancelFunc
	progress chan model.Progress
	done     chan loadedMsg
}

// start begins load gen and returns the command that reads its first message.
func startLoad(gen int, load LoadFunc) (*loader, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &loader{gen: gen, cancel: cancel, progress: make(chan model.Progress, 1), done: make(chan loadedMsg, 1)}
	run := func() tea.Msg {
		go func() {
			ds, err := load(ctx, func(p model.Progress) {
				select {
				case l.progress <- p:
				default: // the screen has not caught up: drop this report
				}
			})
			l.done <- loadedMsg{gen: gen, ds: ds, err: err}
		}()
		return l.next()
	}
	return l, run
}

// next waits for the load's next message.
func (l *loader) next() tea.Msg {
	select {
	case r := <-l.done:
		return r
	case p := <-l.progress:
		return progressMsg{gen: l.gen, p: p}
	}
}

// wait is the command that reads the next message.
func (l *loader) wait() tea.Cmd { return l.next }

// loadingPane is the first frame: which file, a progress bar and a row counter, and, as the
// file streams in, its groups so far (code ▸ enhanced, most first), so that a large export
// shows what it holds long before it is all read.
type loadingPane struct {
	sh       *shared
	names    []string
	p        model.Progress
	stopping bool
}

// View draws the pane in w×h: centred while there is nothing to show but progress, else at
// the top with the groups so far below.
func (p loadingPane) View(w, h int) string {
	st := p.sh.styles
	name := p.p.File
	if name == "" {
		name = strings.Join(p.names, ", ")
	}
	lines := []string{st.Title.Render("bouncelens") + "  loading " + p.sh.text.Line(name)}
	bw := min(w-8, 50)
	if p.p.BytesTotal > 0 {
		share := float64(p.p.BytesRead) / float64(p.p.BytesTotal)
		lines = append(lines, bar(st, share, bw)+fmt.Sprintf(" %3.0f%%", share*100))
		lines = append(lines, fmt.Sprintf("%s rows · %s of %s", commas(p.p.Rows), bytesize(p.p.BytesRead), bytesize(p.p.BytesTotal)))
	} else {
		lines = append(lines, fmt.Sprintf("%s rows · %s read", commas(p.p.Rows), bytesize(p.p.BytesRead)))
	}
	if p.stopping {
		lines = append(lines, "", st.Dim.Render("cancelling…"))
	} else {
		lines = append(lines, "", st.Dim.Render("esc cancels · ctrl+c quits · keys typed now act when the file is read"))
	}
	if len(p.p.Groups) == 0 || h < len(lines)+4 {
		for i := range lines {
			lines[i] = ansi.Truncate(lines[i], w, "…")
		}
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
	}
	lines = append(lines, "")
	lines = append(lines, p.groupLines(w, h-len(lines))...)
	for i := range lines {
		lines[i] = ansi.Truncate(" "+lines[i], w, "…")
	}
	return lipgloss.PlaceVertical(h, lipgloss.Top, strings.Join(lines, "\n"))
}

// groupLines lists the groups read so far in at most n lines: each basic code, then its
// enhanced codes, most leads first.
func (p loadingPane) groupLines(w, n int) []string {
	st := p.sh.styles
	total := 0
	for _, g := range p.p.Groups {
		total += g.Count
	}
	out := []string{st.Header.Render(fmt.Sprintf("So far: %s leads by code ▸ enhanced (most first; actions once the file is read)", commas(total)))}
	const codeW, countW = 10, 11
	barW := max(0, min(20, (w-40)/4))
	row := func(indent, key string, g model.Group) string {
		var b strings.Builder
		b.WriteString(fit(indent+key, codeW))
		b.WriteString(fitRight(commas(g.Count), countW))
		b.WriteString(" ")
		if barW > 0 {
			b.WriteString(bar(st, g.Share, barW))
			b.WriteString(" ")
		}
		b.WriteString(fitRight(fmt.Sprintf("%.1f%%", g.Share*100), 6))
		b.WriteString("  ")
		b.WriteString(fit(g.Class.String(), 8))
		b.WriteString(p.sh.text.Line(g.Name))
		return b.String()
	}
	// Every basic code gets a line before any enhanced code does; the lines left are shared
	// among the basic codes, most leads first, so that a big 550 does not hide the 421s.
	tops := min(len(p.p.Groups), max(n-1, 0))
	left := max(n-1-tops, 0)
	for i, g := range p.p.Groups[:tops] {
		out = append(out, row("", g.Key, g))
		share := (left + tops - i - 1) / (tops - i) // the lines left, over the codes left, rounded up
		k := min(len(g.Subgroups), share)
		for _, s := range g.Subgroups[:k] {
			out = append(out, row("  ", s.Key, s))
		}
		left -= k
	}
	return out
}

// bytesize writes n bytes the way people read them: 12.3 MB.
func bytesize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
