package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/bouncelens/bouncelens/model"
)

// streamCSV is a small export the loading tests stream through the real loader.
const streamCSV = "Id,Email Address,Email Invalid Cause\n" +
	"1,ann@acme.example,550 5.1.1 <ann@acme.example>: user unknown\n" +
	"2,bob@acme.example,550 5.1.1 <bob@acme.example>: no such user\n" +
	"3,cy@globex.example,550 5.7.1 Service unavailable; client [192.0.2.7] blocked using zen.spamhaus.org\n" +
	"4,dee@initech.example,421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred\n" +
	"5,eve@umbrella.example,552 5.2.2 mailbox full\n" +
	"6,fay@umbrella.example,mailbox not found\n"

// A large export shows its groups while it is still being read: the loading screen lists the
// codes counted so far under the progress bar, and updates them with every report.
func TestLoadingShowsGroupsSoFar(t *testing.T) {
	var reports []model.Progress
	opts := model.Options{Now: func() time.Time { return testNow }, Progress: func(p model.Progress) { reports = append(reports, p) }}
	if _, err := model.LoadReader(context.Background(), strings.NewReader(streamCSV), "big.csv", opts); err != nil {
		t.Fatal(err)
	}
	p := reports[len(reports)-1]
	p.BytesTotal = 4 * p.BytesRead // as if a quarter of the file were read
	a := newApp(Options{Files: []string{"big.csv"}}, nil, 0, 0)
	a.Init() // the load's command is not run: the test feeds its reports
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	a.Update(progressMsg{gen: a.loadGen, p: p})
	v := ansi.Strip(a.View().Content)
	for _, want := range []string{"So far: 6 leads", "550", "5.1.1", "421", "no code", "25%"} {
		if !strings.Contains(v, want) {
			t.Errorf("loading screen lacks %q:\n%s", want, v)
		}
	}
	golden.RequireEqual(t, trimLines(v))

	// The next report replaces the groups.
	more := p
	more.Groups = p.Groups[:1]
	more.Groups[0].Count = 3
	a.Update(progressMsg{gen: a.loadGen, p: more})
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "So far: 3 leads") || strings.Contains(v, "421") {
		t.Errorf("the groups were not updated:\n%s", v)
	}
}

// A file too small or a terminal too short for the groups keeps the centred progress pane.
func TestLoadingWithoutGroupsIsCentred(t *testing.T) {
	a := newApp(Options{Files: []string{"big.csv"}}, nil, 0, 0)
	a.Init()
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	a.Update(progressMsg{gen: a.loadGen, p: model.Progress{File: "big.csv", BytesRead: 10, BytesTotal: 100, Rows: 5}})
	lines := strings.Split(ansi.Strip(a.View().Content), "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == 0 || strings.Contains(strings.Join(lines, "\n"), "So far") {
		t.Errorf("want the progress centred without groups:\n%s", strings.Join(lines, "\n"))
	}
}

// However many enhanced codes the biggest basic code has, every basic code read so far gets a
// line on the loading screen.
func TestLoadingGroupsShowEveryBasicCode(t *testing.T) {
	var b strings.Builder
	b.WriteString("Id,Email Address,Email Invalid Cause\n")
	id := 0
	add := func(n int, reason string) {
		for range n {
			id++
			fmt.Fprintf(&b, "%d,u%d@example.com,%s\n", id, id, reason)
		}
	}
	for d := range 30 {
		add(40-d, fmt.Sprintf("550 5.7.%d refused", d+1))
	}
	add(5, "421 4.7.0 try again later")
	add(4, "452 4.2.2 mailbox full")
	add(3, "451 4.3.0 temporary local problem")
	add(2, "mailbox not found")
	var last model.Progress
	opts := model.Options{Now: func() time.Time { return testNow }, Progress: func(p model.Progress) { last = p }}
	if _, err := model.LoadReader(context.Background(), strings.NewReader(b.String()), "big.csv", opts); err != nil {
		t.Fatal(err)
	}
	a := newApp(Options{Files: []string{"big.csv"}}, nil, 0, 0)
	a.Init()
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	a.Update(progressMsg{gen: a.loadGen, p: last})
	v := ansi.Strip(a.View().Content)
	for _, want := range []string{" 550 ", " 421 ", " 452 ", " 451 ", " no code ", "5.7.1 ", "4.2.2"} {
		if !strings.Contains(v, want) {
			t.Errorf("loading screen lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "\n") + 1; n != 24 {
		t.Errorf("%d lines, want 24", n)
	}
}
