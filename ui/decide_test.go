package ui

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// exportByAction walks the sample in a real program: g (action grouping), down to the action's
// row, e, the preset's letter, a file name, enter; it returns the written file's rows.
func exportByAction(t *testing.T, action codes.Action, preset model.Preset) [][]string {
	t.Helper()
	app := New(Options{Load: model.Options{Now: func() time.Time { return testNow }}})
	tm := teatest.NewTestModel(t, app,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("By code ▸ enhanced")) })
	tm.Type("g")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("Action ▸ reason")) })
	for _, a := range codes.Actions() {
		if a == action {
			break
		}
		tm.Send(keyMsg("down"))
	}
	tm.Type("e")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("plain CSV")) })
	tm.Type(choiceKey(preset))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("Will write")) })
	path := filepath.Join(t.TempDir(), preset.String()+".csv")
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type(path)
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("Wrote the "+preset.String()+" list")) })
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("the %s list is empty", preset)
	}
	return rows
}

// addressesBy returns the addresses (AddressKey) of every lead of the sample, by action.
func addressesBy(ds *model.Dataset) map[codes.Action]map[string]bool {
	out := map[codes.Action]map[string]bool{}
	for _, a := range codes.Actions() {
		out[a] = map[string]bool{}
	}
	for i := range ds.Leads {
		if k := model.AddressKey(ds.Leads[i].Email); k != "" {
			out[ds.Action(int32(i))][k] = true
		}
	}
	return out
}

// checkList asserts a written list: its columns, one row per address, every address one of
// the action's, and for a re-add list, none that any lead says is dead.
func checkList(t *testing.T, rows [][]string, wantCols []string, action codes.Action, by map[codes.Action]map[string]bool) {
	t.Helper()
	head := rows[0]
	email := -1
	for i, c := range head {
		if c == "Email Address" {
			email = i
		}
	}
	for _, c := range wantCols {
		if !strings.Contains(strings.Join(head, ","), c) {
			t.Errorf("columns %v lack %q", head, c)
		}
	}
	if email < 0 {
		t.Fatalf("no Email Address column in %v", head)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		k := model.AddressKey(r[email])
		if seen[k] {
			t.Errorf("%s is written twice", r[email])
		}
		seen[k] = true
		if !by[action][k] {
			t.Errorf("%s has no %s lead", r[email], action)
		}
		if action == codes.Readd && by[codes.Suppress][k] {
			t.Errorf("%s is in the re-add list though a lead says it is dead", r[email])
		}
	}
}

// TestFlowActionGroupingReaddExport: g, down to readd, e, r, a name, enter writes Marketo's
// import columns, one row per address, none that any lead marks suppress.
func TestFlowActionGroupingReaddExport(t *testing.T) {
	ds := loadSample(t)
	rows := exportByAction(t, codes.Readd, model.PresetReadd)
	checkList(t, rows, []string{"Email Address", "First Name", "Last Name", "Company Name"}, codes.Readd, addressesBy(ds))
}

// TestFlowActionGroupingSuppressExport: g, e, s on the suppress row writes the dead addresses
// with why, one row each.
func TestFlowActionGroupingSuppressExport(t *testing.T) {
	ds := loadSample(t)
	by := addressesBy(ds)
	rows := exportByAction(t, codes.Suppress, model.PresetSuppress)
	checkList(t, rows, []string{"Email Address", "Reason", "Code"}, codes.Suppress, by)
	for _, r := range rows[1:] {
		if len(r) > 0 && r[0] != "" && !by[codes.Suppress][model.AddressKey(r[0])] {
			t.Errorf("%s is not a dead address", r[0])
		}
	}
}

// TestMixedGroupRowShowsItsMix: every group of the sample whose leads call for more than one
// action shows its action mix on its row, and a group of more than one class its class split.
func TestMixedGroupRowShowsItsMix(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 140, 200)
	lines := strings.Split(h.view(), "\n")
	mixed := 0
	for i, r := range h.a.groupsP.rows {
		g := h.a.groupsP.group(r)
		line := lines[headerLines+1+i]
		if !strings.Contains(line, " "+g.Key+" ") {
			t.Fatalf("row %d is not %s: %q", i, g.Key, line)
		}
		if g.Mixed() {
			mixed++
			// In full, or written short where the sparkline takes the room: "sup 1 readd 64 wait 8".
			if short := actionTextIn(g, 0); !strings.Contains(line, model.ActionMixText(g.Actions)) && !strings.Contains(line, short) {
				t.Errorf("mixed group %s does not show %q or %q: %q", g.Key, model.ActionMixText(g.Actions), short, line)
			}
		}
		if classText(g) != g.Class.String() && !strings.Contains(line, model.ClassMixText(g.Classes)) {
			t.Errorf("group %s of several classes does not show %q: %q", g.Key, model.ClassMixText(g.Classes), line)
		}
	}
	if mixed == 0 {
		t.Fatal("the sample has no mixed group: the test checks nothing")
	}
}

// TestFourKeysToReaddLeads: from the home screen, g, down, enter lists exactly the leads to
// re-add.
func TestFourKeysToReaddLeads(t *testing.T) {
	ds := loadSample(t)
	h := newHarness(t, ds, 120, 40)
	h.press("g", "down", "enter")
	if h.a.screen() != scrLeads || len(h.a.leadsP.idx) != ds.ActionCounts(ds.All())[codes.Readd] {
		t.Fatalf("g, down, enter: %d leads on %v\n%s", len(h.a.leadsP.idx), h.a.screen(), h.view())
	}
	for _, i := range h.a.leadsP.idx {
		if ds.Action(i) != codes.Readd {
			t.Fatalf("%s (%s) among the leads to re-add", ds.Leads[i].Email, ds.Action(i))
		}
	}
	if !strings.Contains(h.view(), "readd · ") {
		t.Fatalf("no verdict column:\n%s", h.view())
	}
}

// TestFilterEscRestoresThePreviousFilter: esc in the / prompt puts back the filter as it was
// before /, enter keeps the new one.
func TestFilterEscRestoresThePreviousFilter(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.press("/")
	h.typ("acme")
	h.press("enter")
	h.press("/")
	h.typ(" x")
	if h.a.match != "acme x" {
		t.Fatalf("typing: filter %q", h.a.match)
	}
	h.press("esc")
	if h.a.match != "acme" || len(h.a.sel) != 3 || h.a.filterP.input.Value() != "acme" {
		t.Fatalf("esc: filter %q (input %q), %d leads; want acme and 3", h.a.match, h.a.filterP.input.Value(), len(h.a.sel))
	}
	h.press("/")
	h.send(tea.PasteMsg{Content: "\x1b[31m\n"})
	if strings.ContainsAny(h.a.filterP.input.Value(), "\x1b\n") {
		t.Fatalf("paste let a control through: %q", h.a.filterP.input.Value())
	}
}

// TestGoldenPalettes keeps the colours of the home screen in action grouping, per palette.
// Update with: go test ./ui/ -run TestGolden -update
func TestGoldenPalettes(t *testing.T) {
	ds := loadSample(t)
	for _, pal := range []struct {
		name string
		bg   color.Color
	}{{"dark", color.Black}, {"light", color.White}} {
		t.Run(pal.name, func(t *testing.T) {
			h := newHarness(t, ds, 100, 20)
			h.send(tea.BackgroundColorMsg{Color: pal.bg})
			h.press("g")
			h.gotoKey("readd", "")
			h.press("l", "down")
			golden.RequireEqual(t, h.a.View().Content)
		})
	}
}

// TestTitleNeverCutsTheFilters: with many filters on a narrow screen the group's name gives
// way, the filters stay whole.
func TestTitleNeverCutsTheFilters(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 80, 24)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "F")
	pickerRow(t, h, pickAction, "suppress")
	h.press("space")
	pickerRow(t, h, pickReason, "userunknown")
	h.press("space", "enter", "f", "/")
	h.typ("acme")
	h.press("enter")
	want := `filter: class hard · action suppress · reason userunknown · "acme"`
	title := strings.Split(h.view(), "\n")[2]
	if !strings.Contains(title, want) || !strings.Contains(title, "Leads 550") {
		t.Fatalf("title %q lacks %q", title, want)
	}
}

// TestPickerClickTogglesARow: a click selects a picker row, a second click toggles it.
func TestPickerClickTogglesARow(t *testing.T) {
	h := newHarness(t, smallDataset(), 100, 30)
	h.press("F")
	y := headerLines + 1 + 2 // the third item: the wait action
	h.send(tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	h.send(tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	it := h.a.pickerP.items[h.a.pickerP.win.cursor]
	if it.name != "wait" || !it.on {
		t.Fatalf("after two clicks: %s on=%v", it.name, it.on)
	}
	h.press("enter")
	if len(h.a.actions) != 1 || h.a.actions[0] != codes.Wait {
		t.Fatalf("filter %v", h.a.actions)
	}
}

// TestHeaderCountsRowsThatAreNotBounces: the header says how many rows were not bounces and how
// many leads have no address, as summary does.
func TestHeaderCountsRowsThatAreNotBounces(t *testing.T) {
	const csv = "Email Address,Email Invalid,Email Invalid Cause\n" +
		"ann@acme.example,true,550 5.1.1 user unknown\n" +
		"bob@acme.example,false,\n" +
		",true,550 5.1.1 user unknown\n"
	ds, err := model.LoadReader(context.Background(), strings.NewReader(csv), "mixed.csv", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, ds, 120, 40)
	top := strings.SplitN(h.view(), "\n", 2)[0]
	if !strings.Contains(top, "1 not bounced") || !strings.Contains(top, "1 without an address") {
		t.Fatalf("header: %q", top)
	}
}
