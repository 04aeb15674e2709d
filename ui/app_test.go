package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

var testNow = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)

// lead builds a lead with its bounce filled in by hand.
func lead(email, first, last, company, reason string, basic uint16, enh string, class codes.Class, r codes.Reason, atFault bool) model.Lead {
	var e codes.Enhanced
	if enh != "" {
		e, _ = codes.ParseEnhanced(enh)
	}
	return model.Lead{
		Email: email, FirstName: first, LastName: last, Company: company,
		EmailInvalid: class == codes.Hard, EmailInvalidCause: reason, Reason: reason,
		UpdatedAt: testNow.Add(-48 * time.Hour),
		Bounce:    codes.Bounce{Code: codes.Code{Basic: basic, Enhanced: e}, Class: class, Reason: r, AddressAtFault: atFault},
		Line:      2,
	}
}

// smallDataset is eight leads over three basic codes.
func smallDataset() *model.Dataset {
	leads := []model.Lead{
		lead("ann@acme.example", "Ann", "Lee", "Acme", "550 5.1.1 user unknown", 550, "5.1.1", codes.Hard, codes.UserUnknown, true),
		lead("bob@acme.example", "Bob", "Ray", "Acme", "550 5.1.1 no such user", 550, "5.1.1", codes.Hard, codes.UserUnknown, true),
		lead("cy@globex.example", "Cy", "Oh", "Globex", "550 5.1.1 mailbox unavailable", 550, "5.1.1", codes.Hard, codes.UserUnknown, true),
		lead("dee@initech.example", "Dee", "Fox", "Initech", "550 5.7.1 blocked using Spamhaus", 550, "5.7.1", codes.Hard, codes.Blocked, false),
		lead("eve@acme.example", "Eve", "Moss", "Acme", "452 4.2.2 mailbox full", 452, "4.2.2", codes.Soft, codes.MailboxFull, false),
		lead("fay@globex.example", "Fay", "Ng", "Globex", "421 4.7.0 try again later", 421, "4.7.0", codes.Soft, codes.RateLimited, false),
		lead("gus@umbrella.example", "Gus", "Poe", "Umbrella", "550 5.1.1 user unknown", 550, "5.1.1", codes.Hard, codes.UserUnknown, true),
		lead("hal@umbrella.example", "Hal", "Ivy", "Umbrella", "mailbox not found", 0, "", codes.Unknown, codes.OnHold, false),
	}
	for i := range leads {
		leads[i].Line = int32(i + 2)
	}
	return &model.Dataset{Files: []string{"test-export.csv"}, Leads: leads, Now: testNow}
}

// requireModel fails when a dataset with leads groups into nothing: every UI test needs groups.
func requireModel(t testing.TB, ds *model.Dataset) {
	t.Helper()
	if len(ds.Leads) > 0 && len(ds.Groups(ds.Select(model.Filter{}), model.ByCount)) == 0 {
		t.Fatalf("model.Select/Groups put %d leads into no group: the UI has nothing to show", len(ds.Leads))
	}
}

// harness drives an App synchronously: commands run at once and their messages are fed back.
type harness struct {
	t         testing.TB
	a         *App
	clipboard []string // OSC 52 writes
	native    []string // system clipboard writes (a stand-in tool: tests never touch the real one)
	quit      bool
}

func newHarness(t testing.TB, ds *model.Dataset, w, h int) *harness {
	t.Helper()
	requireModel(t, ds)
	a := newApp(Options{}, func(context.Context, func(model.Progress)) (*model.Dataset, error) { return ds, nil }, 0, 0)
	a.now = func() time.Time { return testNow }
	hs := &harness{t: t, a: a}
	a.native = func(text string) (string, error) {
		hs.native = append(hs.native, text)
		return "test-clip", nil
	}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(a.Init())
	return hs
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.a.Update(msg)
	h.run(cmd)
}

// run executes cmd and feeds back what it returns, batches included.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		if v := reflect.ValueOf(msg); strings.HasSuffix(reflect.TypeOf(msg).String(), "setClipboardMsg") && v.Kind() == reflect.String {
			h.clipboard = append(h.clipboard, v.String())
			return
		}
		if reflect.TypeOf(msg).PkgPath() == "charm.land/bubbletea/v2" {
			return // terminal requests such as RequestBackgroundColor: nobody answers in tests
		}
		h.send(msg)
	}
}

// press sends keys: names such as "enter", "esc", "space", "ctrl+c", or single characters.
func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typ types text one rune at a time.
func (h *harness) typ(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func (h *harness) view() string { return ansi.Strip(h.a.View().Content) }

// gotoGroup moves the cursor to the group basic ▸ enh (enh "" for the basic row).
func (h *harness) gotoGroup(basic uint16, enh string) {
	h.t.Helper()
	top := model.NoCodeName
	if basic != 0 {
		top = itoa(int(basic))
	}
	h.gotoKey(top, enh)
}

// gotoKey moves the cursor to the row of the group top ▸ sub (sub "" for the top row).
func (h *harness) gotoKey(top, sub string) {
	h.t.Helper()
	p := &h.a.groupsP
	want := openGroupAction{top: top, sub: sub, isSub: sub != ""}
	for i, r := range p.rows {
		if p.rowKey(r) == want {
			for p.win.cursor != i {
				if p.win.cursor < i {
					h.press("down")
				} else {
					h.press("up")
				}
			}
			return
		}
	}
	h.t.Fatalf("no group %s ▸ %s in %v", top, sub, p.rows)
}

func emailsOf(ds *model.Dataset, idx []int32) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = ds.Leads[j].Email
	}
	return out
}

func TestDrillIntoGroupLeadAndBack(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	if h.a.screen() != scrGroups {
		t.Fatalf("after load: screen %d, want groups", h.a.screen())
	}
	h.gotoGroup(550, "5.1.1")
	h.press("enter")
	if h.a.screen() != scrLeads {
		t.Fatalf("enter on 550 ▸ 5.1.1: screen %d, want leads", h.a.screen())
	}
	got := emailsOf(ds, h.a.leadsP.idx)
	want := []string{"ann@acme.example", "bob@acme.example", "cy@globex.example", "gus@umbrella.example"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("leads of 550 ▸ 5.1.1 = %v, want %v", got, want)
	}
	h.press("down", "enter")
	if h.a.screen() != scrDetail || h.a.detailP.lead != 1 {
		t.Fatalf("enter on second lead: screen %d lead %d, want detail of lead 1", h.a.screen(), h.a.detailP.lead)
	}
	v := h.view()
	for _, s := range []string{"bob@acme.example", "550 5.1.1 no such user", "Address at fault", "Marketo state", "Email Invalid Cause"} {
		if !strings.Contains(v, s) {
			t.Errorf("detail view lacks %q:\n%s", s, v)
		}
	}
	h.press("n")
	if h.a.detailP.lead != 2 || !strings.Contains(h.view(), "cy@globex.example") {
		t.Fatalf("n in the detail: lead %d, want 2", h.a.detailP.lead)
	}
	h.press("p")
	if h.a.detailP.lead != 1 {
		t.Fatalf("p in the detail: lead %d, want 1", h.a.detailP.lead)
	}
	h.press("esc")
	if h.a.screen() != scrLeads || h.a.leadsP.win.cursor != 1 {
		t.Fatalf("esc from detail: screen %d cursor %d, want leads at 1", h.a.screen(), h.a.leadsP.win.cursor)
	}
	h.press("esc")
	if h.a.screen() != scrGroups {
		t.Fatalf("esc from leads: screen %d, want groups", h.a.screen())
	}
	if g, sub := h.a.groupsP.Current(); g == nil || !sub || g.Enhanced.String() != "5.1.1" {
		t.Fatalf("cursor left 550 ▸ 5.1.1 after going back: %+v", g)
	}
}

func TestCollapseAndExpand(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.gotoGroup(550, "")
	before := len(h.a.groupsP.rows)
	h.press("left")
	if n := len(h.a.groupsP.rows); n != before-2 {
		t.Fatalf("collapse 550: %d rows, want %d", n, before-2)
	}
	h.press("right")
	if n := len(h.a.groupsP.rows); n != before {
		t.Fatalf("expand 550: %d rows, want %d", n, before)
	}
}

func TestClassFilterCycles(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	if len(h.a.sel) != 8 {
		t.Fatalf("all: %d leads selected, want 8", len(h.a.sel))
	}
	h.press("f")
	if len(h.a.sel) != 5 || !strings.Contains(h.view(), "class hard") {
		t.Fatalf("hard: %d leads selected, want 5; view:\n%s", len(h.a.sel), h.view())
	}
	h.press("f")
	if len(h.a.sel) != 2 || !strings.Contains(h.view(), "class soft") {
		t.Fatalf("soft: %d leads selected, want 2", len(h.a.sel))
	}
	h.press("f")
	if len(h.a.sel) != 8 || !strings.Contains(h.view(), "filter: none") {
		t.Fatalf("back to all: %d leads selected, want 8", len(h.a.sel))
	}
}

func TestFilterTypingIsLiveAndQDoesNotQuit(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.press("/")
	h.typ("umbrella q")
	if h.quit {
		t.Fatal("q quit while typing in the filter")
	}
	h.press("backspace", "backspace")
	if h.a.match != "umbrella" || len(h.a.sel) != 2 {
		t.Fatalf("filter %q selects %d leads, want umbrella and 2", h.a.match, len(h.a.sel))
	}
	h.press("enter")
	if h.a.filterP.active {
		t.Fatal("enter did not end typing")
	}
	h.press("esc")
	if h.a.match != "" || len(h.a.sel) != 8 {
		t.Fatalf("esc on home: filter %q, %d leads; want cleared and 8", h.a.match, len(h.a.sel))
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit outside the filter")
	}
}

func TestFilterHighlightsMatchesInLeads(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "/")
	h.typ("ACME")
	h.press("enter")
	if got := emailsOf(h.a.ds, h.a.leadsP.idx); !reflect.DeepEqual(got, []string{"ann@acme.example", "bob@acme.example"}) {
		t.Fatalf("leads after filter = %v", got)
	}
	// Bob's row is not under the cursor: its match is drawn in the match style.
	want := h.a.sh.styles.Match.Render("acme")
	for _, line := range strings.Split(h.a.View().Content, "\n") {
		if strings.Contains(ansi.Strip(line), "bob@acme.example") {
			if !strings.Contains(line, want) {
				t.Fatalf("match not highlighted in %q", line)
			}
			return
		}
	}
	t.Fatal("bob's row is not shown")
}

func TestMarkAllAndCopy(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "a", "y")
	want := "ann@acme.example\nbob@acme.example\ncy@globex.example\ngus@umbrella.example"
	if len(h.clipboard) != 1 || h.clipboard[0] != want {
		t.Fatalf("clipboard = %q, want %q", h.clipboard, want)
	}
	if !strings.Contains(h.view(), "Sent 4 emails (marked) to the terminal clipboard; copied with test-clip") {
		t.Fatalf("no confirmation in the status line:\n%s", h.view())
	}
	h.press("a") // all marked: a unmarks them
	if h.a.marks.n != 0 {
		t.Fatalf("a on an all-marked list left %d marked", h.a.marks.n)
	}
	h.press("a", "u")
	if h.a.marks.n != 0 {
		t.Fatalf("u left %d marked", h.a.marks.n)
	}
	h.press("down", "space", "y")
	if got := h.clipboard[len(h.clipboard)-1]; got != "bob@acme.example" {
		t.Fatalf("copy of one marked lead = %q", got)
	}
}

func TestCopyWithoutMarksCopiesTheGroup(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.gotoGroup(452, "4.2.2")
	h.press("y")
	if len(h.clipboard) != 1 || h.clipboard[0] != "eve@acme.example" {
		t.Fatalf("clipboard = %q, want eve's address", h.clipboard)
	}
}

func TestExportAsksBeforeOverwriting(t *testing.T) {
	dir := t.TempDir()
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("e")
	if !h.a.exporting || h.a.exportP.Preset() != model.PresetSuppress {
		t.Fatalf("export prompt: open %v, suggests %q for dead addresses", h.a.exporting, h.a.exportP.Preset())
	}
	h.press("enter")
	if h.a.exportP.input.Value() != "bouncelens-550-5.1.1-suppress-20260314.csv" {
		t.Fatalf("export name %q", h.a.exportP.input.Value())
	}
	if v := h.view(); strings.Contains(v, "Email Invalid") || !strings.Contains(v, "Do not re-add") ||
		!strings.Contains(v, "Will write 4 address(es)") {
		t.Fatalf("the suppress prompt must count the list and never tell how to re-add:\n%s", v)
	}
	path := filepath.Join(dir, "out.csv")
	h.a.exportP.input.SetValue(path)
	h.press("enter")
	if h.a.exporting {
		t.Fatalf("prompt still open after export; status: %s", h.view())
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"ann@acme.example", "gus@umbrella.example"} {
		if !strings.Contains(string(first), e) {
			t.Errorf("export lacks %s:\n%s", e, first)
		}
	}
	if strings.Contains(string(first), "dee@initech.example") {
		t.Errorf("export holds a lead of another group:\n%s", first)
	}
	// A second export to the same file asks first; n keeps the file.
	h.press("esc", "esc")
	h.gotoGroup(452, "4.2.2")
	h.press("e", "c")
	if v := h.view(); strings.Contains(v, "Email Invalid") || !strings.Contains(v, "nothing is left out") {
		t.Fatalf("the plain CSV prompt:\n%s", v)
	}
	h.a.exportP.input.SetValue(path)
	h.press("enter")
	if h.a.exportP.stage != exportConfirming || !strings.Contains(h.view(), "Overwrite") {
		t.Fatalf("no overwrite question:\n%s", h.view())
	}
	h.press("n")
	if b, _ := os.ReadFile(path); string(b) != string(first) {
		t.Fatal("the file changed although the user said n")
	}
	h.press("enter", "y")
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "eve@acme.example") || strings.Contains(string(b), "ann@acme.example") {
		t.Fatalf("overwrite after y did not write the new leads:\n%s", b)
	}
}

// sgrOnly matches the only escape sequences the browser itself writes into content: colours.
var sgrOnly = regexp.MustCompile("\x1b\\[[0-9;:]*m")

func TestHostileReasonRendersInert(t *testing.T) {
	hostile := "550 5.1.1 \x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07user\x9b31m unknown\x00\x07\x7f\u202eevil\r\nnext line"
	ds := smallDataset()
	ds.Leads[0].Reason = hostile
	ds.Leads[0].EmailInvalidCause = hostile
	ds.Leads[0].Company = "Acme\x1b[31m\x1b]8;;http://x\x07link"
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter")
	for _, scr := range []string{"leads", "detail"} {
		if scr == "detail" {
			h.press("enter")
		}
		content := h.a.View().Content
		rest := sgrOnly.ReplaceAllString(content, "")
		for i, r := range rest {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x202e {
				t.Fatalf("%s view: control %U at %d reaches the terminal: %q", scr, r, i, rest)
			}
		}
		if strings.Contains(content, "ZXZpbA==\a") || strings.Contains(content, "]52;") {
			t.Fatalf("%s view carries an OSC 52 write", scr)
		}
	}
	v := h.view()
	if !strings.Contains(v, "550 5.1.1 user") || !strings.Contains(v, "unknown") || !strings.Contains(v, "next line") {
		t.Fatalf("the reason's words are gone:\n%s", v)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, line, block string }{
		{"plain", "550 5.1.1 user unknown", "550 5.1.1 user unknown", "550 5.1.1 user unknown"},
		{"cursor move and clear", "a\x1b[2J\x1b[10;5Hb", "ab", "ab"},
		{"title change", "a\x1b]0;title\x07b", "ab", "ab"},
		{"osc 52", "a\x1b]52;c;ZXZpbA==\x07b", "ab", "ab"},
		{"c1 csi", "a\u009b31mb", "a31mb", "a31mb"},
		{"nul bel del", "a\x00\x07\x7fb", "ab", "ab"},
		{"crlf", "a\r\nb", "a b", "a\nb"},
		{"tab", "a\tb", "a b", "a b"},
		{"bidi override", "a\u202eb", "ab", "ab"},
		{"invalid utf8", "a\xffb", "a\uFFFDb", "a\uFFFDb"},
		{"wide", "メール 550", "メール 550", "メール 550"},
	}
	c := newTextCache()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := c.Block(tt.in); got != tt.block {
				t.Errorf("Block(%q) = %q, want %q", tt.in, got, tt.block)
			}
		})
	}
}

func TestWideCharactersKeepRowsAligned(t *testing.T) {
	ds := smallDataset()
	ds.Leads[0].Company = "株式会社テスト株式会社テスト株式会社テスト"
	ds.Leads[0].FirstName = "太郎"
	h := newHarness(t, ds, 80, 24)
	h.gotoGroup(550, "5.1.1")
	h.press("enter")
	for i, line := range strings.Split(h.view(), "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, w, line)
		}
	}
}

func TestResizeRedraws(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	for _, size := range [][2]int{{80, 24}, {200, 60}, {60, 15}, {120, 40}, {20, 6}, {1, 1}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, scr := range []string{"groups", "leads", "detail"} {
			switch scr {
			case "leads":
				h.gotoGroup(550, "5.1.1")
				h.press("enter")
			case "detail":
				h.press("enter")
			}
			lines := strings.Split(h.view(), "\n")
			if size[1] < 10 {
				continue // too small to lay out: it must only not crash
			}
			if len(lines) != size[1] {
				t.Errorf("%dx%d %s: %d lines, want %d", size[0], size[1], scr, len(lines), size[1])
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%dx%d %s: line %d is %d wide", size[0], size[1], scr, i, w)
				}
			}
		}
		h.press("esc", "esc")
	}
}

func TestDomainView(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.press("d")
	if h.a.screen() != scrDomains {
		t.Fatalf("d: screen %d, want domains", h.a.screen())
	}
	// Every domain here is a company's own: they roll up into "other", which expands.
	h.press("l", "down")
	v := h.view()
	for _, s := range []string{"▾ other", "acme.example", "userunknown", "Why acme.example bounces"} {
		if !strings.Contains(v, s) {
			t.Errorf("domain view lacks %q:\n%s", s, v)
		}
	}
	h.press("enter")
	if got := emailsOf(h.a.ds, h.a.leadsP.idx); len(got) != 3 || !strings.HasSuffix(got[0], "@acme.example") {
		t.Fatalf("leads of acme.example = %v", got)
	}
	h.press("esc", "tab")
	if h.a.screen() != scrGroups {
		t.Fatalf("tab from domains: screen %d, want groups", h.a.screen())
	}
}

func TestSortLeads(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "s") // by email
	if got := emailsOf(ds, h.a.leadsP.idx); got[0] != "ann@acme.example" || got[3] != "gus@umbrella.example" {
		t.Fatalf("by email: %v", got)
	}
	h.press("s") // by domain
	if got := emailsOf(ds, h.a.leadsP.idx); got[2] != "cy@globex.example" {
		t.Fatalf("by domain: %v", got)
	}
}

func TestLoadingShowsAtOnceAndEscCancels(t *testing.T) {
	started := make(chan struct{})
	load := func(ctx context.Context, progress func(model.Progress)) (*model.Dataset, error) {
		progress(model.Progress{File: "big.csv", BytesRead: 50, BytesTotal: 100, Rows: 1234})
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	a := newApp(Options{Files: []string{"big.csv"}}, load, 0, 0)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "loading big.csv") {
		t.Fatalf("first frame:\n%s", v)
	}
	cmd := a.Init()
	msgs := make(chan tea.Msg, 4)
	go func() {
		for _, c := range cmd().(tea.BatchMsg) {
			if m := c(); m != nil {
				if _, ok := m.(progressMsg); ok {
					msgs <- m
				}
			}
		}
	}()
	<-started
	m := <-msgs
	_, next := a.Update(m)
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "1,234 rows") || !strings.Contains(v, "50%") {
		t.Fatalf("progress not shown:\n%s", v)
	}
	a.Update(keyMsg("esc"))
	done := next()
	if _, ok := done.(loadedMsg); !ok {
		t.Fatalf("after esc: %T, want loadedMsg", done)
	}
	if _, cmd := a.Update(done); cmd == nil {
		t.Fatal("cancelled load with nothing read did not quit")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("cancelled load with nothing read did not quit")
	}
}

func TestSkippedRowsAreCountedAndListed(t *testing.T) {
	ds := smallDataset()
	ds.Skipped = []*model.ParseError{{File: "test-export.csv", StartLine: 9, Line: 9, Err: errTest("wrong number of fields")}}
	h := newHarness(t, ds, 120, 40)
	if !strings.Contains(h.view(), "1 skipped (!)") {
		t.Fatalf("header does not count the skipped row:\n%s", h.view())
	}
	h.press("!")
	if v := h.view(); !strings.Contains(v, "test-export.csv:9: wrong number of fields") {
		t.Fatalf("skipped list:\n%s", v)
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

func TestMouseWheelScrollsAndClickSelects(t *testing.T) {
	ds := bigDatasetForMouse()
	h := newHarness(t, ds, 80, 24)
	h.gotoGroup(550, "5.1.1")
	h.press("enter")
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if h.a.leadsP.win.offset != 3 {
		t.Fatalf("wheel down: offset %d, want 3", h.a.leadsP.win.offset)
	}
	// Row 0 of the list is at y = header (2) + column titles (1).
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft, Y: headerLines + 1 + 2})
	if got := h.a.leadsP.win.cursor; got != 5 {
		t.Fatalf("click on the third visible row: cursor %d, want 5", got)
	}
	if h.a.screen() != scrLeads {
		t.Fatal("a first click opened the lead")
	}
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft, Y: headerLines + 1 + 2})
	if h.a.screen() != scrDetail || h.a.detailP.lead != h.a.leadsP.idx[5] {
		t.Fatal("a click on the selected row did not open it")
	}
}

// bigDatasetForMouse is the small dataset with enough 550 5.1.1 leads to scroll.
func bigDatasetForMouse() *model.Dataset {
	ds := smallDataset()
	for i := range 40 {
		l := ds.Leads[0]
		l.Email = "x" + itoa(i) + "@acme.example"
		ds.Leads = append(ds.Leads, l)
	}
	return ds
}

func TestStaleSelectionIsDropped(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	stale := selectedMsg{gen: h.a.selGen - 1, sel: []int32{0}}
	h.send(stale)
	if len(h.a.sel) != 8 {
		t.Fatalf("a stale selection replaced the current one: %d leads", len(h.a.sel))
	}
}

func TestBackgroundColourSwitchesPalette(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	dark := h.a.sh.styles.Title.Render("x")
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if light := h.a.sh.styles.Title.Render("x"); light == dark {
		t.Fatal("a light background did not change the palette")
	}
}

func TestSelectionVisibleWithoutColour(t *testing.T) {
	h := newHarness(t, smallDataset(), 80, 24)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "space")
	var cursorRow, markedRow string
	for _, line := range strings.Split(h.view(), "\n") {
		if strings.Contains(line, "bob@acme.example") {
			cursorRow = line
		}
		if strings.Contains(line, "ann@acme.example") {
			markedRow = line
		}
	}
	if !strings.HasPrefix(cursorRow, "▶") {
		t.Errorf("cursor row without colour: %q", cursorRow)
	}
	if !strings.Contains(markedRow, "✓") {
		t.Errorf("marked row without colour: %q", markedRow)
	}
}

func TestDuplicateLeadsAreCountedOnce(t *testing.T) {
	ds := smallDataset()
	dup := ds.Leads[0]
	dup.Email = "ANN@acme.example"
	ds.Leads = append(ds.Leads, dup)
	h := newHarness(t, ds, 120, 40)
	if v := h.view(); !strings.Contains(v, "9 leads (8 distinct)") {
		t.Fatalf("header does not count the lead found twice once:\n%s", v)
	}
}

func TestTinyTerminalDoesNotPanic(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {10, 3}, {30, 8}} {
		h := newHarness(t, smallDataset(), size[0], size[1])
		for _, k := range []string{"d", "down", "enter", "esc", "tab", "?", "esc", "!", "esc", "e", "esc", "/", "a", "enter", "enter", "enter"} {
			h.press(k)
			_ = h.view()
		}
	}
}

func TestCancelledLoadShowsWhatWasRead(t *testing.T) {
	ds := smallDataset()
	requireModel(t, ds)
	a := newApp(Options{}, func(context.Context, func(model.Progress)) (*model.Dataset, error) {
		return ds, context.Canceled
	}, 0, 0)
	h := &harness{t: t, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(a.Init())
	if h.quit || a.screen() != scrGroups {
		t.Fatalf("partial load: quit %v, screen %d", h.quit, a.screen())
	}
	if v := h.view(); !strings.Contains(v, "partial: cancelled") || !strings.Contains(v, "read so far") {
		t.Fatalf("partial load not flagged:\n%s", v)
	}
}

func TestLoadErrorQuitsWithIt(t *testing.T) {
	a := newApp(Options{}, func(context.Context, func(model.Progress)) (*model.Dataset, error) {
		return nil, errTest("big.csv:3: bad gzip header")
	}, 0, 0)
	h := &harness{t: t, a: a}
	h.run(a.Init())
	if !h.quit || a.LoadErr() == nil || a.LoadErr().Error() != "big.csv:3: bad gzip header" {
		t.Fatalf("load error: quit %v, err %v", h.quit, a.LoadErr())
	}
}

// The embedded sample is measured against its own export time, so its recent suspensions show as
// "suspended now" whatever today's date is.
func TestSampleShowsRecentSuspensionsAsSuspendedNow(t *testing.T) {
	ds, err := defaultLoad(Options{})(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	now, suspended := 0, 0
	for i := range ds.Leads {
		if ds.Leads[i].EmailSuspended {
			suspended++
		}
		if ds.SuspendedNow(&ds.Leads[i]) {
			now++
		}
	}
	if now == 0 || now >= suspended {
		t.Errorf("%d of %d suspended sample leads are suspended now; want a few, not none or all", now, suspended)
	}
}

// TestSortLeadsByEveryColumnBothWays cycles s through the visible columns, the verdict among
// them, and S reverses; the column title carries the arrow.
func TestSortLeadsByEveryColumnBothWays(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	h.press("g")
	h.gotoKey("readd", "")
	h.press("enter")
	all := h.a.leadsP.idx
	if len(all) == 0 {
		t.Fatal("no readd leads")
	}
	seen := map[leadCol]bool{}
	for range numLeadCols {
		h.press("s")
		seen[h.a.leadsP.order.col] = true
	}
	for _, c := range []leadCol{colEmail, colName, colCompany, colState, colDate, colVerdict, colFile} {
		if !seen[c] {
			t.Errorf("s never sorts by %s", c)
		}
	}
	if seen[colReason] {
		t.Errorf("s sorts by the reason column, hidden at 120 wide")
	}
	h.press("esc", "g")
	h.gotoGroup(550, "") // 550 holds dead addresses and one blocked (readd) lead
	h.press("enter")
	for h.a.leadsP.order.col != colVerdict {
		h.press("s")
	}
	got := h.a.leadsP.idx
	if ds.Action(got[0]) != codes.Suppress || ds.Action(got[len(got)-1]) != codes.Readd {
		t.Fatalf("by verdict: first %s, last %s", ds.Action(got[0]), ds.Action(got[len(got)-1]))
	}
	if !strings.Contains(h.view(), "Verdict ▲") {
		t.Fatalf("no ▲ on the verdict title:\n%s", h.view())
	}
	h.press("S")
	got = h.a.leadsP.idx
	if ds.Action(got[0]) != codes.Readd || !strings.Contains(h.view(), "Verdict ▼") {
		t.Fatalf("reversed: first %s\n%s", ds.Action(got[0]), h.view())
	}
}

// pickerRow finds the picker's row of a kind and name.
func pickerRow(t *testing.T, h *harness, kind pickKind, name string) {
	t.Helper()
	p := &h.a.pickerP
	for i, it := range p.items {
		if it.kind == kind && it.name == name {
			for p.win.cursor != i {
				if p.win.cursor < i {
					h.press("down")
				} else {
					h.press("up")
				}
			}
			return
		}
	}
	t.Fatalf("no %s in the picker", name)
}

// TestPickerFiltersActionsAndReasons picks two actions and a reason (several at once), applies
// them on top of the class filter, and shows them in the title; esc leaves them as they were.
func TestPickerFiltersActionsAndReasons(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 100, 30)
	h.press("F")
	if h.a.screen() != scrPicker {
		t.Fatalf("F does not open the picker")
	}
	pickerRow(t, h, pickAction, "readd")
	h.press("space")
	pickerRow(t, h, pickAction, "wait")
	h.press("space")
	h.press("enter")
	if h.a.screen() != scrGroups {
		t.Fatalf("enter does not close the picker")
	}
	for _, i := range h.a.sel {
		if a := ds.Action(i); a != codes.Readd && a != codes.Wait {
			t.Errorf("%s (%s) passes a readd,wait filter", ds.Leads[i].Email, a)
		}
	}
	if len(h.a.sel) != 3 || !strings.Contains(h.view(), "filter: action readd,wait") {
		t.Fatalf("%d leads selected:\n%s", len(h.a.sel), h.view())
	}
	h.press("f") // hard on top: the blocked lead only
	if len(h.a.sel) != 1 || !strings.Contains(h.view(), "class hard · action readd,wait") {
		t.Fatalf("with class hard: %d leads\n%s", len(h.a.sel), h.view())
	}
	h.press("F")
	pickerRow(t, h, pickReason, codes.MailboxFull.String())
	h.press("space", "esc")
	if len(h.a.reasons) != 0 || len(h.a.sel) != 1 {
		t.Fatalf("esc applied the picker: reasons %v", h.a.reasons)
	}
	h.press("F", "c", "enter")
	if len(h.a.sel) != len(ds.Leads) || !strings.Contains(h.view(), "filter: none") {
		t.Fatalf("c then enter should clear every filter: %d leads\n%s", len(h.a.sel), h.view())
	}
}

// TestPickerShowsAndClearsCommandLineFilters: --reason and --domain given on the command line
// show checked in the picker, and unchecking clears them.
func TestPickerShowsAndClearsCommandLineFilters(t *testing.T) {
	ds := smallDataset()
	a := newApp(Options{Filter: model.Filter{Reasons: []codes.Reason{codes.UserUnknown}, Domain: "acme.example"}},
		func(context.Context, func(model.Progress)) (*model.Dataset, error) { return ds, nil }, 0, 0)
	h := &harness{t: t, a: a}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(a.Init())
	if len(h.a.sel) != 2 || !strings.Contains(h.view(), "reason userunknown · domain acme.example") {
		t.Fatalf("command line filters: %d leads\n%s", len(h.a.sel), h.view())
	}
	h.press("F")
	on := map[string]bool{}
	for _, it := range h.a.pickerP.items {
		if it.on {
			on[it.name] = true
		}
	}
	if !on["userunknown"] || !on["acme.example"] || len(on) != 2 {
		t.Fatalf("picker checks %v", on)
	}
	pickerRow(t, h, pickDomain, "acme.example")
	h.press("space", "enter")
	if len(h.a.sel) != 4 || strings.Contains(h.view(), "domain acme") {
		t.Fatalf("domain not cleared: %d leads\n%s", len(h.a.sel), h.view())
	}
}

// The error Run returns is printed after the alternate screen is gone: a file's crafted header
// must not reach the terminal as escape sequences through it.
func TestRunErrorIsCleaned(t *testing.T) {
	cause := errTest("evil.csv:1: unknown column \"\x1b]0;pwned\a\x1b[2J\"\nsecond line")
	err := safeError(fmt.Errorf("loading: %w", cause))
	if strings.ContainsAny(err.Error(), "\x1b\a\n") {
		t.Fatalf("error text keeps control characters: %q", err.Error())
	}
	if !strings.Contains(err.Error(), "evil.csv:1: unknown column") {
		t.Fatalf("error text lost its message: %q", err.Error())
	}
	if !errors.Is(err, cause) {
		t.Fatal("errors.Is no longer finds the cause")
	}
	if safeError(nil) != nil {
		t.Fatal("safeError(nil) is not nil")
	}
}
