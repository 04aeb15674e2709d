package ui

import (
	"bytes"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// openDetail opens the detail of the first lead of basic ▸ enh.
func (h *harness) openDetail(basic uint16, enh string) {
	h.t.Helper()
	h.gotoGroup(basic, enh)
	h.press("enter", "enter")
	if h.a.screen() != scrDetail {
		h.t.Fatalf("screen %d, want the detail", h.a.screen())
	}
}

func TestCopyInDetailCopiesThatLead(t *testing.T) {
	ds := smallDataset()
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "a", "down", "enter") // marks do not matter in the detail
	want := ds.Leads[h.a.detailP.lead].Email
	h.press("y")
	if len(h.clipboard) != 1 || h.clipboard[0] != want {
		t.Fatalf("clipboard = %q, want only %q", h.clipboard, want)
	}
	if len(h.native) != 1 || h.native[0] != want {
		t.Fatalf("system clipboard = %q, want %q", h.native, want)
	}
	if v := h.view(); !strings.Contains(v, "Sent "+want+" to the terminal clipboard; copied with test-clip") {
		t.Fatalf("status line:\n%s", v)
	}
}

func TestCopyReasonIsRawTextWithoutControls(t *testing.T) {
	ds := smallDataset()
	ds.Leads[4].Reason = "452-4.2.2 The email account that you tried to reach is over quota.\r\n" +
		"452 4.2.2 \x1b]0;pwned\a\x1b[31mPlease direct\x1b[0m the recipient to https://support.example/?p=1\x07"
	h := newHarness(t, ds, 120, 40)
	h.openDetail(452, "4.2.2")
	h.press("Y")
	want := "452-4.2.2 The email account that you tried to reach is over quota.\n" +
		"452 4.2.2 Please direct the recipient to https://support.example/?p=1"
	if len(h.clipboard) != 1 || h.clipboard[0] != want {
		t.Fatalf("clipboard = %q\nwant %q", h.clipboard, want)
	}
	if v := h.view(); !strings.Contains(v, "Sent the reason text") {
		t.Fatalf("status line:\n%s", v)
	}
	h.press("esc", "Y") // only the detail has one reason to copy
	if len(h.clipboard) != 1 {
		t.Fatalf("Y in the leads list copied %q", h.clipboard[1:])
	}
}

// An email cell holding a line break would paste as two addresses, the second one planted:
// only cells that are one valid address leave, and the others are counted.
func TestCopySkipsCellsThatAreNotOneAddress(t *testing.T) {
	ds := smallDataset()
	ds.Leads[1].Email = "bob@acme.example\nceo@attacker.example"
	ds.Leads[2].Email = "  cy@globex.example\u00a0"
	ds.Leads[6].Email = "=HYPERLINK(\"http://x.example\")"
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("y")
	want := "ann@acme.example\ncy@globex.example"
	if len(h.clipboard) != 1 || h.clipboard[0] != want {
		t.Fatalf("clipboard = %q, want %q", h.clipboard, want)
	}
	if v := h.view(); !strings.Contains(v, "Sent 2 emails (550 ▸ 5.1.1) (2 skipped: not one address) to the terminal clipboard") {
		t.Fatalf("status line does not count the skipped cells:\n%s", v)
	}

	h.gotoGroup(0, "") // nothing valid left: nothing is sent
	ds.Leads[7].Email = "n/a"
	h.press("y")
	if len(h.clipboard) != 1 {
		t.Fatalf("a group without a valid address was copied: %q", h.clipboard[1:])
	}
	if v := h.view(); !strings.Contains(v, "Nothing copied: 1 email cell is not one valid address") {
		t.Fatalf("status line:\n%s", v)
	}
}

func TestCopyAsksBeforeSendingTooMuch(t *testing.T) {
	ds := smallDataset()
	long := strings.Repeat("x", 60)
	for i := 0; i < 2000; i++ {
		l := ds.Leads[0]
		l.Email = long + itoa(i) + "@acme.example"
		ds.Leads = append(ds.Leads, l)
	}
	h := newHarness(t, ds, 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("y")
	if len(h.clipboard) != 0 {
		t.Fatal("sent more than osc52Limit without asking")
	}
	if v := h.view(); !strings.Contains(v, "to the clipboard? Terminals often drop more than") || !strings.Contains(v, "y/n") {
		t.Fatalf("no question:\n%s", v)
	}
	h.press("n")
	if len(h.clipboard) != 0 || !strings.Contains(h.view(), "Cancelled") {
		t.Fatalf("n still sent it, or said nothing:\n%s", h.view())
	}
	h.press("y") // no question open: y copies again and asks again
	h.press("y")
	if len(h.clipboard) != 1 || len(h.clipboard[0]) <= osc52Limit {
		t.Fatalf("after y: %d writes", len(h.clipboard))
	}
}

func TestCopiedSaysSentAndGivesTheTmuxHint(t *testing.T) {
	h := newHarness(t, smallDataset(), 120, 40)
	h.a.copied(copiedMsg{what: "2 emails (marked)", err: errNoClipTool, tmux: true})
	if v := h.view(); !strings.Contains(v, "Sent 2 emails (marked) to the terminal clipboard (in tmux it needs set -g set-clipboard on)") {
		t.Fatalf("status line:\n%s", v)
	}
}

func TestClipTools(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	names := func(ts []clipTool) []string {
		var out []string
		for _, t := range ts {
			out = append(out, strings.TrimSpace(t.name+" "+strings.Join(t.args, " ")))
		}
		return out
	}
	tests := []struct {
		name, goos string
		env        func(string) string
		want       []string
	}{
		{"macos", "darwin", env(), []string{"pbcopy"}},
		{"windows", "windows", env(), []string{"clip.exe"}},
		{"wayland", "linux", env("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"), []string{"wl-copy", "xclip -selection clipboard", "xsel --clipboard --input"}},
		{"x11", "linux", env("DISPLAY", ":0"), []string{"xclip -selection clipboard", "xsel --clipboard --input"}},
		{"ssh session", "linux", env("SSH_TTY", "/dev/pts/1"), nil},
		{"wsl", "linux", env("WSL_DISTRO_NAME", "Ubuntu"), []string{"clip.exe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(clipTools(tt.goos, tt.env)); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("clipTools = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFlowCopyInDetail opens a lead of the sample and presses y: the OSC 52 write must decode to
// exactly that lead's address, and Y to its reason text.
func TestFlowCopyInDetail(t *testing.T) {
	ds := loadSample(t)
	groups := ds.Groups(ds.Select(model.Filter{}), model.ByCount)
	lead := groups[0].Subgroups[0].Leads[0] // row 1, first lead
	want, ok := model.Address(ds.Leads[lead].Email)
	if !ok {
		t.Fatalf("the sample's lead %q is not an address", ds.Leads[lead].Email)
	}

	app := New(Options{Load: model.Options{Now: func() time.Time { return testNow }}})
	app.native = func(string) (string, error) { return "", errNoClipTool }
	tm := teatest.NewTestModel(t, app,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	// Typed at once, before the load and the groups land: the keys wait for them.
	tm.Send(keyMsg("down"))
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("enter"))
	tm.Type("y")
	osc := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(want)) + "\a"
	waitFor(t, tm, func(b []byte) bool { return bytes.Contains(b, []byte(osc)) })
	tm.Type("Y")
	reason := strings.TrimSpace(codes.SafeText(ds.Leads[lead].Reason))
	waitFor(t, tm, func(b []byte) bool {
		return bytes.Contains(b, []byte("\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(reason))+"\a"))
	})
	tm.Send(keyMsg("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
