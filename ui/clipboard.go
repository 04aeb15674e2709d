package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// osc52Limit is the payload size past which some terminals drop an OSC 52 clipboard write.
const osc52Limit = 100_000

// nativeTimeout is how long a clipboard tool may take before it is given up on.
const nativeTimeout = 2 * time.Second

// Copying: a command builds the text (clipReadyMsg), the root asks first when it is large, then
// the text goes out as OSC 52 and to the native clipboard, whose tool reports back (copiedMsg).
type (
	clipReadyMsg struct {
		text    string
		what    string // "4 emails (550 5.1.1)", "the reason text"
		skipped int    // email cells left out: not one valid address
	}
	copiedMsg struct {
		what    string
		skipped int
		tool    string // the native clipboard tool that took the text; "" for none
		err     error  // why no native tool took it, when one was tried
		tmux    bool
	}
)

// nativeCopier writes text to the system clipboard and names the tool that did.
type nativeCopier func(text string) (tool string, err error)

// clipTool is a command that reads the clipboard's new content on its stdin.
type clipTool struct {
	name string
	args []string
}

// clipTools are the tools to try, in order, on goos with the environment getenv reads: what a
// local session can reach (over SSH none is, and OSC 52 alone does the job).
func clipTools(goos string, getenv func(string) string) []clipTool {
	switch goos {
	case "darwin":
		return []clipTool{{"pbcopy", nil}}
	case "windows":
		return []clipTool{{"clip.exe", nil}}
	}
	var tools []clipTool
	if getenv("WAYLAND_DISPLAY") != "" {
		tools = append(tools, clipTool{"wl-copy", nil})
	}
	if getenv("DISPLAY") != "" {
		tools = append(tools, clipTool{"xclip", []string{"-selection", "clipboard"}}, clipTool{"xsel", []string{"--clipboard", "--input"}})
	}
	if getenv("WSL_DISTRO_NAME") != "" {
		tools = append(tools, clipTool{"clip.exe", nil})
	}
	return tools
}

// errNoClipTool says no clipboard tool is reachable from this session.
var errNoClipTool = errors.New("no clipboard tool reachable")

// systemCopy is the nativeCopier of the running system: the first tool of clipTools that is
// installed and takes the text within nativeTimeout.
func systemCopy(text string) (string, error) {
	err := errNoClipTool
	for _, t := range clipTools(runtime.GOOS, os.Getenv) {
		path, lerr := exec.LookPath(t.name)
		if lerr != nil {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), nativeTimeout)
		cmd := exec.CommandContext(ctx, path, t.args...)
		cmd.Stdin = strings.NewReader(text)
		err = cmd.Run()
		cancel()
		if err == nil {
			return t.name, nil
		}
		err = errors.New(t.name + ": " + err.Error())
	}
	return "", err
}

// copy puts on the clipboard the emails of what y acts on: in a lead's detail that lead, else
// the marked leads or the group, domain or list in view. Only cells that are one valid address
// leave; the others are counted.
func (a *App) copy() tea.Cmd {
	var sel []int32
	label := ""
	if a.screen() == scrDetail {
		sel, label = []int32{a.detailP.lead}, "this lead"
	} else {
		sel, label, _ = a.target()
	}
	if len(sel) == 0 || a.ds == nil {
		return a.statusP.Set(statusError, "Nothing to copy")
	}
	ds := a.ds
	return func() tea.Msg {
		var b strings.Builder
		n, skipped := 0, 0
		for _, li := range sel {
			addr, ok := model.Address(ds.Leads[li].Email)
			if !ok {
				skipped++
				continue
			}
			if n > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(addr)
			n++
		}
		what := plural(n, "email", "emails") + " (" + label + ")"
		if label == "this lead" && n == 1 {
			what = b.String()
		}
		return clipReadyMsg{text: b.String(), what: what, skipped: skipped}
	}
}

// copyReason puts the detail's lead's raw reason text on the clipboard, for a delisting form:
// as the server wrote it, line by line, with terminal control sequences removed.
func (a *App) copyReason() tea.Cmd {
	if a.ds == nil || a.detailP.lead < 0 || int(a.detailP.lead) >= len(a.ds.Leads) {
		return a.statusP.Set(statusError, "Nothing to copy")
	}
	reason := a.ds.Leads[a.detailP.lead].Reason
	return func() tea.Msg {
		lines := strings.Split(strings.ReplaceAll(reason, "\r\n", "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(codes.SafeText(l), " ")
		}
		text := strings.TrimSpace(strings.Join(lines, "\n"))
		return clipReadyMsg{text: text, what: "the reason text (" + bytesize(int64(len(text))) + ")"}
	}
}

// sendClip sends ready text to the clipboard, asking first when it is more than a terminal is
// likely to take.
func (a *App) sendClip(msg clipReadyMsg) tea.Cmd {
	if msg.text == "" {
		if msg.skipped > 0 {
			return a.statusP.Set(statusError, "Nothing copied: "+plural(msg.skipped, "email cell is", "email cells are")+" not one valid address")
		}
		return a.statusP.Set(statusError, "Nothing to copy")
	}
	native := a.native
	send := tea.Batch(tea.SetClipboard(msg.text), func() tea.Msg {
		tool, err := native(msg.text)
		return copiedMsg{what: msg.what, skipped: msg.skipped, tool: tool, err: err, tmux: os.Getenv("TMUX") != ""}
	})
	if len(msg.text) > osc52Limit {
		a.ask("Send "+bytesize(int64(len(msg.text)))+" to the clipboard? Terminals often drop more than "+
			itoa(osc52Limit/1000)+" KB (e exports instead).", send)
		return nil
	}
	return send
}

// copied says where the text went. OSC 52 has no acknowledgement: the terminal may have dropped
// it, so the message says "sent", and names the native tool when one took the text.
func (a *App) copied(msg copiedMsg) tea.Cmd {
	text := "Sent " + msg.what
	if msg.skipped > 0 {
		text += " (" + itoa(msg.skipped) + " skipped: not one address)"
	}
	text += " to the terminal clipboard"
	switch {
	case msg.tool != "":
		text += "; copied with " + msg.tool
	case msg.tmux:
		text += " (in tmux it needs set -g set-clipboard on)"
	}
	return a.statusP.Set(statusInfo, text)
}
