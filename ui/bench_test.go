package ui

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
	"github.com/bouncelens/bouncelens/sample"
)

// millionLeads is a generated export of a million leads loaded by the model, or, while the
// generator or loader are not there yet, leads built by hand.
func millionLeads(b *testing.B) *model.Dataset {
	const n = 1_000_000
	var buf bytes.Buffer
	if err := sample.Generate(&buf, n, 1); err == nil && buf.Len() > 0 {
		ds, err := model.LoadReader(context.Background(), &buf, "generated.csv", model.Options{})
		if err == nil && ds != nil && len(ds.Leads) == n {
			return ds
		}
	}
	b.Log("sample.Generate or model.LoadReader not ready: leads built by hand")
	return bigDataset(n)
}

// bigDataset builds n leads over a spread of codes and 1,000 domains, bounces filled in by hand,
// so the benchmarks do not depend on the loader.
func bigDataset(n int) *model.Dataset {
	kinds := []model.Lead{
		lead("", "", "", "", "550 5.1.1 The email account that you tried to reach does not exist", 550, "5.1.1", codes.Hard, codes.UserUnknown, true),
		lead("", "", "", "", "550 5.7.1 Service unavailable; client host blocked using Spamhaus", 550, "5.7.1", codes.Hard, codes.Blocked, false),
		lead("", "", "", "", "552 5.2.2 mailbox full", 552, "5.2.2", codes.Hard, codes.MailboxFull, false),
		lead("", "", "", "", "421 4.7.0 Try again later, closing connection", 421, "4.7.0", codes.Soft, codes.RateLimited, false),
		lead("", "", "", "", "450 4.2.1 The user you are trying to contact is receiving mail too quickly", 450, "4.2.1", codes.Soft, codes.RateLimited, false),
		lead("", "", "", "", "554 5.7.1 Message rejected as spam", 554, "5.7.1", codes.Hard, codes.SpamDetected, false),
		lead("", "", "", "", "550 5.4.1 Recipient address rejected: Access denied", 550, "5.4.1", codes.Hard, codes.Rejected, false),
		lead("", "", "", "", "mailbox unavailable", 0, "", codes.Unknown, codes.OnHold, false),
	}
	firsts := []string{"Ann", "Bob", "Carla", "Dmitri", "Emeka", "Fatima", "Greta", "Hiro"}
	lasts := []string{"Lee", "Ray", "Okafor", "Novak", "Silva", "Tanaka", "Müller", "Smith"}
	companies := []string{"Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises"}
	leads := make([]model.Lead, n)
	for i := range leads {
		k := kinds[(i*7+i/3)%len(kinds)]
		k.FirstName = firsts[i%len(firsts)]
		k.LastName = lasts[(i/8)%len(lasts)]
		k.Company = companies[i%len(companies)]
		k.Email = fmt.Sprintf("%s.%s%d@domain%03d.example", k.FirstName, k.LastName, i, i%1000)
		k.Line = int32(i + 2)
		k.UpdatedAt = testNow.Add(-time.Duration(i%1000) * time.Hour)
		leads[i] = k
	}
	return &model.Dataset{Files: []string{"big.csv"}, Leads: leads, Now: testNow}
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
