package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/model"
)

func TestQuitAsksWhenLeadsAreMarked(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "space", "down", "space", "q")
	if h.quit {
		t.Fatal("q quit with 2 marked leads without asking")
	}
	if v := h.view(); !strings.Contains(v, "2 marked leads: quit? y/n") {
		t.Fatalf("no question in the status line:\n%s", v)
	}
	h.press("n")
	if h.quit || h.a.marks.n != 2 || h.a.asking != nil {
		t.Fatalf("n: quit %v, %d marked, still asking %v", h.quit, h.a.marks.n, h.a.asking != nil)
	}
	before := h.a.leadsP.win.cursor
	h.press("up") // the question is gone: keys move again
	if h.a.leadsP.win.cursor != before-1 {
		t.Fatalf("after answering, up moved the cursor from %d to %d", before, h.a.leadsP.win.cursor)
	}
	h.press("q", "y")
	if !h.quit {
		t.Fatal("q then y did not quit")
	}
}

func TestQuitWithoutMarksAndCtrlCNeverAsk(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.press("q")
	if !h.quit {
		t.Fatal("q without marks did not quit at once")
	}
	h = newHarness(t, smallDataset(), 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("a", "ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c with marked leads did not quit at once")
	}
}

// stagedLoad starts an App whose load has finished but whose messages the test delivers by hand:
// it returns the loadedMsg, so keys can be sent before the data and the selection land.
func stagedLoad(t *testing.T, ds *model.Dataset) (*harness, tea.Msg) {
	t.Helper()
	requireModel(t, ds)
	a := newApp(Options{}, func(context.Context, func(model.Progress)) (*model.Dataset, error) { return ds, nil }, 0, 0)
	a.native = func(string) (string, error) { return "", errNoClipTool }
	h := &harness{t: t, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, c := range a.Init()().(tea.BatchMsg) {
		if m, ok := c().(loadedMsg); ok {
			return h, m
		}
	}
	t.Fatal("Init started no load")
	return nil, nil
}

// Keys typed while the file loads and while the groups are computed act once they are ready:
// the enter pressed as the groups appear opens the group under the cursor instead of being lost.
func TestKeysTypedWhileLoadingTakeEffect(t *testing.T) {
	ds := smallDataset()
	h, loaded := stagedLoad(t, ds)
	h.press("down") // still loading
	_, selecting := h.a.Update(loaded)
	if h.a.screen() != scrGroups || !h.a.selecting {
		t.Fatalf("after the load: screen %d, selecting %v", h.a.screen(), h.a.selecting)
	}
	h.press("enter") // the groups have not landed yet
	if h.a.screen() != scrGroups {
		t.Fatalf("enter acted before the groups landed: screen %d", h.a.screen())
	}
	h.run(selecting)
	if h.a.screen() != scrLeads {
		t.Fatalf("enter typed before the groups landed was lost: screen %d", h.a.screen())
	}
	groups := ds.Groups(ds.Select(model.Filter{}), model.ByCount)
	want := groups[0].Subgroups[0] // row 1: the first basic code's first enhanced code
	if got := emailsOf(ds, h.a.leadsP.idx); strings.Join(got, ",") != strings.Join(emailsOf(ds, want.Leads), ",") {
		t.Fatalf("opened %v, want the leads of row 1 %v", got, emailsOf(ds, want.Leads))
	}
}

func TestCtrlCWhileLoadingIsNeverQueued(t *testing.T) {
	h, _ := stagedLoad(t, smallDataset())
	h.press("down", "ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c while loading did not quit at once")
	}
	if len(h.a.queued) != 1 {
		t.Fatalf("queued %d keys, want only the down", len(h.a.queued))
	}
}

// Text typed into the filter prompt while a selection runs goes to the prompt at once.
func TestTypingInFilterIsNotQueued(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.press("/")
	for _, r := range "acme" {
		h.a.Update(tea.KeyPressMsg{Code: r, Text: string(r)}) // the selection it starts never lands
	}
	if got := h.a.filterP.input.Value(); got != "acme" || !h.a.selecting || len(h.a.queued) != 0 {
		t.Fatalf("filter text %q, selecting %v, %d keys queued", got, h.a.selecting, len(h.a.queued))
	}
}
