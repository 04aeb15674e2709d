package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

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
	h := newHarness(b, bigDataset(1_000_000), 120, 40)
	h.gotoGroup(550, "5.1.1")
	frame := func(keys ...string) {
		h.press(keys...)
		_ = h.a.View()
	}
	b.Run("home/down", func(b *testing.B) {
		for b.Loop() {
			frame("down")
		}
	})
	h.press("home")
	h.gotoGroup(550, "5.1.1")
	b.Run("home/drill-in+back", func(b *testing.B) {
		for b.Loop() {
			frame("enter")
			frame("esc")
		}
	})
	h.press("enter")
	b.Run("leads/down", func(b *testing.B) {
		for b.Loop() {
			frame("down")
		}
	})
	b.Run("leads/pgdown", func(b *testing.B) {
		for b.Loop() {
			frame("pgdown")
		}
	})
	b.Run("leads/end+home", func(b *testing.B) {
		for b.Loop() {
			frame("end")
			frame("home")
		}
	})
	b.Run("leads/mark", func(b *testing.B) {
		for b.Loop() {
			frame("space")
		}
	})
	b.Run("leads/detail+back", func(b *testing.B) {
		for b.Loop() {
			frame("enter")
			frame("esc")
		}
	})
	h.press("esc", "d")
	b.Run("domains/down", func(b *testing.B) {
		for b.Loop() {
			frame("down")
		}
	})
}

// BenchmarkFilterKeystroke measures a filter keystroke on a million leads: the text changes,
// the selection and grouping run (the command the debounce would start), and the frame is drawn.
func BenchmarkFilterKeystroke(b *testing.B) {
	h := newHarness(b, bigDataset(1_000_000), 120, 40)
	h.gotoGroup(550, "5.1.1")
	h.press("enter", "/")
	h.typ("okafor")
	b.Run("type", func(b *testing.B) {
		for b.Loop() {
			h.typ("1")
			_ = h.a.View()
			h.press("backspace")
			_ = h.a.View()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N)/1e6, "ms/keystroke")
	})
}
