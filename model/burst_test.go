package model

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

// burstDataset is 30 days of bounces in a steady mix (Gmail and Microsoft dead addresses,
// Yahoo full mailboxes), with extra on some days.
func burstDataset(extra func(day int) []Lead) *Dataset {
	dead := codes.Bounce{Code: codes.Code{Basic: 550}, Class: codes.Hard, Reason: codes.UserUnknown}
	full := codes.Bounce{Code: codes.Code{Basic: 452}, Class: codes.Soft, Reason: codes.MailboxFull}
	ds := &Dataset{Now: day(2026, 11, 29, 12)}
	n := 0
	add := func(l Lead) {
		n++
		l.Email = fmt.Sprintf("lead%d@%s", n, l.Email)
		ds.Leads = append(ds.Leads, l)
	}
	for d := range 30 {
		at := day(2026, 10, 1+d, 10)
		for range 4 {
			add(Lead{Email: "gmail.com", Reason: "550 no such user", Bounce: dead, UpdatedAt: at})
		}
		for range 3 {
			add(Lead{Email: "outlook.com", Reason: "550 no such user", Bounce: dead, UpdatedAt: at})
		}
		add(Lead{Email: "yahoo.com", Reason: "452 mailbox full", Bounce: full, UpdatedAt: at})
		for _, l := range extra(d) {
			l.UpdatedAt = at
			add(l)
		}
	}
	return ds
}

func TestBurstsFindOneProviderBlocking(t *testing.T) {
	block := codes.Bounce{Code: codes.Code{Basic: 554}, Class: codes.Hard, Reason: codes.Blocked}
	ds := burstDataset(func(d int) []Lead {
		if d == 12 || d == 13 { // Oct 13 and 14: Microsoft blocks
			return []Lead{{Email: "hotmail.com", Reason: "554 blocked", Bounce: block}, {Email: "live.com", Reason: "554 blocked", Bounce: block},
				{Email: "outlook.com", Reason: "554 blocked", Bounce: block}, {Email: "hotmail.com", Reason: "554 blocked", Bounce: block}}
		}
		return nil
	})
	got := ds.Bursts(ds.All(), Day)
	if len(got) != 1 {
		t.Fatalf("bursts %+v, want one: Microsoft blocked", got)
	}
	b := got[0]
	if b.Provider != "Microsoft" || b.Reason != codes.Blocked || b.Count != 8 || b.Total != 8 || b.Periods != 2 ||
		!b.From.Equal(day(2026, 10, 13, 0)) || !b.Until.Equal(day(2026, 10, 15, 0)) {
		t.Errorf("burst %+v, want Microsoft blocked, 8 leads, Oct 13 to Oct 15", b)
	}
	if b.Expected <= 0 || b.Expected > float64(b.Count)/burstRatio {
		t.Errorf("expected %.2f for %d leads", b.Expected, b.Count)
	}
}

// A send that bounces five times as much everywhere is no provider's burst, nor is a steady mix.
func TestBurstsIgnoreSpikesEverywhere(t *testing.T) {
	dead := codes.Bounce{Code: codes.Code{Basic: 550}, Class: codes.Hard, Reason: codes.UserUnknown}
	full := codes.Bounce{Code: codes.Code{Basic: 452}, Class: codes.Soft, Reason: codes.MailboxFull}
	ds := burstDataset(func(d int) []Lead {
		if d != 20 {
			return nil
		}
		var ls []Lead
		for range 4 {
			for range 4 {
				ls = append(ls, Lead{Email: "gmail.com", Reason: "550 no such user", Bounce: dead})
			}
			for range 3 {
				ls = append(ls, Lead{Email: "outlook.com", Reason: "550 no such user", Bounce: dead})
			}
			ls = append(ls, Lead{Email: "yahoo.com", Reason: "452 mailbox full", Bounce: full})
		}
		return ls
	})
	if got := ds.Bursts(ds.All(), Day); len(got) != 0 {
		t.Errorf("bursts %+v in a mix that only grew everywhere at once", got)
	}
	if got := ds.Bursts(nil, Day); got != nil {
		t.Errorf("no leads: bursts %+v", got)
	}
}

// TestSampleTellsAStory: the embedded sample's timeline shows Microsoft blocking for two days
// after a Spamhaus listing and throttling for about a week earlier, the story the sample is
// written to tell, and nothing else stands out as much.
func TestSampleTellsAStory(t *testing.T) {
	ds, err := LoadReader(context.Background(), bytes.NewReader(sample.CSV()), sample.Name, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	all := ds.All()
	every := AutoPeriod(ds.Span(all))
	if every != Day {
		t.Fatalf("the sample spans %v: want a timeline by day", every)
	}
	bursts := ds.Bursts(all, every)
	if len(bursts) < 2 {
		t.Fatalf("bursts %+v: want the Microsoft block and throttling", bursts)
	}
	top := bursts[0]
	if top.Provider != "Microsoft" || top.Reason != codes.Blocked || top.Periods > 2 || top.Count < 10 {
		t.Errorf("top burst %+v: want Microsoft blocked over at most two days", top)
	}
	var spamhaus int
	for _, i := range ds.Select(Filter{History: History{Since: top.From, Until: top.Until}}) {
		if ds.Provider(i) == "Microsoft" && bytes.Contains([]byte(ds.Leads[i].Reason), []byte("Spamhaus")) {
			spamhaus++
		}
	}
	if spamhaus == 0 {
		t.Error("no Microsoft bounce names Spamhaus during the block")
	}
	throttled := false
	for _, b := range bursts[1:] {
		if b.Provider == "Microsoft" && (b.Reason == codes.RateLimited || b.Reason == codes.BadReputation) && b.Periods <= 7 && b.Until.Before(top.From) {
			throttled = true
		}
	}
	if !throttled {
		t.Errorf("bursts %+v: want Microsoft throttling for at most a week before the block", bursts)
	}
	// Dead addresses trickle in: user unknown bounces in most weeks of the span.
	weeks := map[time.Time]bool{}
	for _, b := range ds.Timeline(ds.Select(Filter{Reasons: []codes.Reason{codes.UserUnknown}}), Week, KeyReason) {
		weeks[b.Start] = true
	}
	if len(weeks) < 10 {
		t.Errorf("user unknown bounces in %d weeks: want a trickle over the whole span", len(weeks))
	}
}
