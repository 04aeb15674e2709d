package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// loadPeople loads the embedded sample's People export alone: one bounce per lead.
func loadPeople(t testing.TB) *model.Dataset {
	t.Helper()
	ds, err := model.LoadReader(context.Background(), bytes.NewReader(sample.CSV()), sample.Name, model.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("loading the embedded People export: %v", err)
	}
	requireModel(t, ds)
	return ds
}

// loadSample loads the embedded sample the way the browser does (the People export joined with
// its bounce log); an empty sample fails the test.
func loadSample(t testing.TB) *model.Dataset {
	t.Helper()
	if len(sample.CSV()) == 0 || len(sample.ActivityCSV()) == 0 {
		t.Fatal("the embedded sample is empty: it must load")
	}
	ds, err := LoadSample(context.Background(), model.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("loading the embedded sample: %v", err)
	}
	if ds == nil || len(ds.Leads) == 0 {
		t.Fatal("the embedded sample loaded no leads: it must load")
	}
	requireModel(t, ds)
	return ds
}

// rowOf returns the row of basic ▸ enh in the groups list as first shown (all expanded).
func rowOf(t testing.TB, groups []model.Group, basic uint16, enh string) int {
	row := 0
	for _, g := range groups {
		for _, s := range append([]model.Group{g}, g.Subgroups...) {
			if s.Basic == basic && s.Enhanced.String() == enh && enh != "" {
				return row
			}
			row++
		}
	}
	t.Fatalf("no group %d ▸ %s in the sample", basic, enh)
	return 0
}

// waitFor waits until the program's output so far satisfies cond.
func waitFor(t *testing.T, tm *teatest.TestModel, cond func([]byte) bool) {
	t.Helper()
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		return cond(seen)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// TestFlowSampleDrillFilterMarkCopyExport opens the sample, drills into 550 ▸ 5.1.1, filters to
// hard bounces, marks all, copies (the OSC 52 write must carry exactly those emails) and exports.
func TestFlowSampleDrillFilterMarkCopyExport(t *testing.T) {
	ds := loadSample(t)
	hard := ds.Select(model.Filter{Classes: []codes.Class{codes.Hard}})
	var want []int32
	for _, g := range ds.Groups(hard, model.ByCount) {
		for _, s := range g.Subgroups {
			if g.Basic == 550 && s.Enhanced.String() == "5.1.1" {
				want = s.Leads
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample has no hard 550 ▸ 5.1.1 leads")
	}
	row := rowOf(t, ds.Groups(ds.Select(model.Filter{}), model.ByCount), 550, "5.1.1")

	app := New(Options{Load: model.Options{Now: func() time.Time { return testNow }}})
	tm := teatest.NewTestModel(t, app,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("By code ▸ enhanced (most first)")) })
	for range row {
		tm.Send(keyMsg("down"))
	}
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("Leads 550 ▸ 5.1.1")) })
	tm.Type("f")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("class hard")) })
	tm.Type("a")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte(commas(len(want))+" marked")) })
	tm.Type("y")
	emails := strings.Join(emailsOf(ds, want), "\n")
	osc := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(emails)) + "\a"
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte(osc)) })

	path := filepath.Join(t.TempDir(), "hard-550-5.1.1.csv")
	tm.Type("e")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("plain CSV")) })
	tm.Type("c")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("bouncelens-marked-leads-")) })
	tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	tm.Type(path)
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("Exported")) })
	tm.Type("q")
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte("marked leads: quit? y/n")) })
	tm.Type("y")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var exp bytes.Buffer
	if err := ds.Export(&exp, want, model.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, exp.Bytes()) {
		t.Fatalf("exported file:\n%s\nwant:\n%s", got, exp.Bytes())
	}
	if !strings.HasPrefix(string(got), "Email Address") {
		t.Fatalf("export does not start with Marketo's Email Address column:\n%s", got)
	}
	for _, e := range emailsOf(ds, want) {
		if !strings.Contains(string(got), e) {
			t.Errorf("export lacks %s", e)
		}
	}
}

// TestGolden draws the main screens of the sample at 120x40 and 80x24, ANSI stripped.
// Update with: go test ./ui/ -run TestGolden -update
func TestGolden(t *testing.T) {
	ds := loadSample(t)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		name := itoa(size[0]) + "x" + itoa(size[1])
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, ds, size[0], size[1])
			shot := func(screen string) {
				t.Run(screen, func(t *testing.T) { golden.RequireEqual(t, trimLines(h.view())) })
			}
			shot("home")
			h.gotoGroup(550, "5.1.1")
			h.press("enter")
			shot("leads")
			h.press("enter")
			shot("detail")
			h.press("esc", "esc", "d")
			shot("domains")
			h.press("?")
			shot("help")
			h.press("?", "tab", "g")
			h.gotoKey("suppress", "")
			h.press("l")
			h.gotoKey("readd", "")
			h.press("l", "down")
			shot("home-actions")
			h.press("F")
			shot("picker")
			h.press("esc", "e")
			shot("export-choice")
			h.press("enter")
			shot("export-readd")
		})
	}
}

// trimLines drops trailing spaces, so golden files read well in an editor.
func trimLines(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
