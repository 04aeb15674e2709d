package ui

import (
	"bytes"
	"context"
	"testing"

	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// millionLeads is a generated export of a million leads, loaded by the model as the app would.
func millionLeads(b *testing.B) *model.Dataset {
	b.Helper()
	const n = 1_000_000
	var buf bytes.Buffer
	if err := sample.Generate(&buf, n, 1); err != nil {
		b.Fatal(err)
	}
	ds, err := model.LoadReader(context.Background(), &buf, "generated.csv", model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(ds.Leads) != n {
		b.Fatalf("loaded %d leads, want %d", len(ds.Leads), n)
	}
	return ds
}

// BenchmarkKeyPress measures one key press handled and its frame rendered, on a million leads
// at 120x40: moving, paging, drilling in and going back.
func BenchmarkKeyPress(b *testing.B) {
	h := newHarness(b, millionLeads(b), 120, 40)
	h.gotoGroup(550, "5.1.1")
	frame := func(keys ...string) {
		h.press(keys...)
		_ = h.a.View()
	}
	b.Run("home/down", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
	})
	h.press("home")
	h.gotoGroup(550, "5.1.1")
	b.Run("home/drill-in+back", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("enter")
			frame("esc")
		}
	})
	h.press("enter")
	b.Run("leads/down", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
	})
	b.Run("leads/pgdown", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("pgdown")
		}
	})
	b.Run("leads/end+home", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("end")
			frame("home")
		}
	})
	b.Run("leads/mark", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("space")
		}
	})
	b.Run("leads/detail+back", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("enter")
			frame("esc")
		}
	})
	h.press("esc", "d")
	b.Run("domains/down", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
	})
	b.Run("domains/expand+collapse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("l")
			frame("h")
		}
	})
	b.Run("domains/reasons-down", func(b *testing.B) {
		h.press("home", "r")
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
		h.press("esc")
	})
	h.press("t")
	b.Run("timeline/down", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
	})
	b.Run("timeline/stack", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("b")
		}
	})
	h.press("t")
	h.press("tab", "g", "l")
	b.Run("actions/down", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("down")
		}
	})
	b.Run("actions/export-prompt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame("e")
			frame("esc")
		}
	})
}

// BenchmarkFilterKeystroke measures a filter keystroke on a million leads, in the leads of
// 550 ▸ 5.1.1. "echo": the key handled and the frame drawn with the new text (the select runs
// in a command, off the update loop). "results": the same plus the command that selects and
// groups the million leads, its result applied and the frame drawn again.
func BenchmarkFilterKeystroke(b *testing.B) {
	h := newHarness(b, millionLeads(b), 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "/")
	h.typ("gmai")
	b.Run("echo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			h.a.Update(keyMsg("l")) // the command is dropped: only the update loop is timed
			_ = h.a.View()
			h.a.Update(keyMsg("backspace"))
			_ = h.a.View()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(2*b.N)/1e3, "ms/keystroke")
	})
	b.Run("results", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			h.typ("l")
			_ = h.a.View()
			h.press("backspace")
			_ = h.a.View()
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(2*b.N)/1e3, "ms/keystroke")
	})
	b.ReportMetric(float64(len(h.a.sel)), "leads-matched")
}

// BenchmarkTimeline measures the timeline's command on a million leads (its span, then counts
// by action, provider and reason), off the update loop, beside the select it follows.
func BenchmarkTimeline(b *testing.B) {
	ds := millionLeads(b)
	sel := ds.Select(model.Filter{})
	ds.Timeline(sel, model.Day, model.KeyProvider) // the per-lead indexes, built once per dataset
	b.Run("select", func(b *testing.B) {
		for b.Loop() {
			_ = ds.Select(model.Filter{})
		}
	})
	b.Run("timeline", func(b *testing.B) {
		for b.Loop() {
			_ = computeTimeline(1, ds, sel)
		}
	})
	doms := ds.Domains(sel)
	b.Run("providers", func(b *testing.B) {
		for b.Loop() {
			_ = groupProviders(ds, doms)
		}
	})
}
