package ui

import (
	tea "charm.land/bubbletea/v2"
)

// question is a yes/no question shown in the status line; the next key answers it: y runs yes,
// any other key cancels.
type question struct {
	text string
	yes  tea.Cmd
}

// ask puts a question to the user.
func (a *App) ask(text string, yes tea.Cmd) {
	a.asking = &question{text: text, yes: yes}
	a.statusP.question = text + " y/n"
}

// answer takes the key that answers the open question.
func (a *App) answer(k tea.KeyPressMsg) tea.Cmd {
	q := a.asking
	a.asking = nil
	a.statusP.question = ""
	if s := k.String(); s == "y" || s == "Y" {
		return q.yes
	}
	return a.statusP.Set(statusInfo, "Cancelled")
}

// quit quits, asking first when leads are marked: the marks would be lost.
func (a *App) quit() tea.Cmd {
	if a.marks != nil && a.marks.n > 0 {
		a.ask(plural(a.marks.n, "marked lead", "marked leads")+": quit?", tea.Quit)
		return nil
	}
	return tea.Quit
}

// maxQueued bounds the keys kept while the data is not ready (a held key repeats).
const maxQueued = 64

// busy says whether the data the keys act on is being loaded, selected and grouped, or sorted.
// Keys typed then wait for it, so that the enter pressed as the groups appear opens a group;
// text typed into a prompt never waits.
func (a *App) busy() bool {
	if a.exporting || a.filterP.active || a.asking != nil || a.screen() == scrDetail && a.detailP.Searching() {
		return false
	}
	return a.screen() == scrLoading || a.selecting || a.sorting || a.screen() == scrTimeline && a.timelineP.pending
}

// replay handles the keys that waited, in order, until the data is busy again.
func (a *App) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(a.queued) > 0 && !a.busy() {
		k := a.queued[0]
		a.queued = a.queued[1:]
		cmds = append(cmds, a.key(k))
	}
	return tea.Batch(cmds...)
}
