package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestDetailSearchFindsHighlightsAndSteps(t *testing.T) {
	ds := smallDataset()
	ds.Leads[0].Reason = "550 5.1.1 user unknown; the user does not exist. USER ann is gone"
	h := newHarness(t, ds, 120, 40)
	h.openDetail(550, "5.1.1")
	first := h.a.detailP.lead
	h.press("/")
	h.typ("user q y") // q and y are text here, not quit and copy
	if h.quit || len(h.clipboard) != 0 || h.a.detailP.search.term != "user q y" {
		t.Fatalf("keys typed into the search acted: quit %v, clipboard %q, term %q", h.quit, h.clipboard, h.a.detailP.search.term)
	}
	for range len(" q y") {
		h.press("backspace")
	}
	h.press("enter")
	s := h.a.detailP.search
	if s.typing || s.term != "user" || len(s.hits) < 3 {
		t.Fatalf("after enter: typing %v, term %q, %d hits", s.typing, s.term, len(s.hits))
	}
	if v := h.view(); !strings.Contains(v, "/ user  1/"+itoa(len(s.hits))+" matches") {
		t.Fatalf("no search line:\n%s", v)
	}
	if cur := h.a.sh.styles.CurrentHit.Render("user"); !strings.Contains(h.a.View().Content, cur) {
		t.Fatal("the current match is not drawn in the current-match style")
	}
	h.press("n", "n")
	if got := h.a.detailP.search.cur; got != 2 {
		t.Fatalf("n n: current match %d, want 2", got)
	}
	h.press("N")
	if got := h.a.detailP.search.cur; got != 1 {
		t.Fatalf("N: current match %d, want 1", got)
	}
	if h.a.detailP.lead != first {
		t.Fatal("n/N stepped the lead while a search is on")
	}
	h.press("]")
	if h.a.detailP.lead == first || h.a.detailP.search.term != "user" {
		t.Fatalf("]: lead %d (was %d), search %q", h.a.detailP.lead, first, h.a.detailP.search.term)
	}
	h.press("[", "esc")
	if h.a.detailP.lead != first || h.a.detailP.search.term != "" || h.a.screen() != scrDetail {
		t.Fatalf("[ then esc: lead %d, search %q, screen %d", h.a.detailP.lead, h.a.detailP.search.term, h.a.screen())
	}
	h.press("n") // no search: n is the next lead again
	if h.a.detailP.lead == first {
		t.Fatal("n without a search did not step to the next lead")
	}
	h.press("p", "esc")
	if h.a.screen() != scrLeads {
		t.Fatalf("esc without a search: screen %d, want the leads", h.a.screen())
	}
}

func TestDetailSearchScrollsToTheMatch(t *testing.T) {
	h := newHarness(t, smallDataset(), 80, 24)
	h.openDetail(550, "5.1.1")
	h.press("/")
	h.typ("Marketo state")
	if h.a.detailP.vp.YOffset() == 0 {
		t.Fatal("the match below the fold was not scrolled into view")
	}
	if v := h.view(); !strings.Contains(v, "Marketo state") {
		t.Fatalf("match not on screen:\n%s", v)
	}
	h.press("esc") // while typing: esc clears the search, the detail stays
	if h.a.screen() != scrDetail || h.a.detailP.searchBar() {
		t.Fatalf("esc while typing: screen %d, search line %v", h.a.screen(), h.a.detailP.searchBar())
	}
}

func TestDetailSearchWithoutMatch(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.openDetail(550, "5.1.1")
	h.press("/")
	h.typ("zzzz")
	h.press("enter")
	if v := h.view(); !strings.Contains(v, "/ zzzz  no match") {
		t.Fatalf("no 'no match':\n%s", v)
	}
	h.press("n") // nothing to go to: nothing happens, no panic
}

func TestDetailSearchTakesAPaste(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.openDetail(550, "5.1.1")
	h.press("/")
	h.send(tea.PasteMsg{Content: "user\x1b[2J unknown"})
	if got := h.a.detailP.search.term; got != "user unknown" || len(h.a.detailP.search.hits) == 0 {
		t.Fatalf("pasted search %q, %d hits", got, len(h.a.detailP.search.hits))
	}
}
