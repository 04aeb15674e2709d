package model

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

func TestLoadMarketoActivityExtract(t *testing.T) {
	ds, err := loadFiles(t, testOptions(), "marketo-activities.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	// Six bounce rows are read (one has broken attributes and is skipped); three rows of other
	// activity types are counted, not read.
	if len(ds.Leads) != 5 || len(ds.Skipped) != 1 {
		t.Fatalf("%d leads and %d skipped, want 5 and 1: %v", len(ds.Leads), len(ds.Skipped), ds.Skipped)
	}
	if pe := ds.Skipped[0]; pe.Line != 9 || !strings.Contains(pe.Error(), "attributes") {
		t.Errorf("skipped row: %v, want line 9 and a word about the attributes", pe)
	}
	if len(ds.Activities) != 1 {
		t.Fatalf("activities %+v", ds.Activities)
	}
	rep := ds.Activities[0]
	if rep.Bounces != 5 || rep.OtherRows() != 3 || rep.Other["1"] != 1 || rep.Other["6"] != 1 || rep.Other["7"] != 1 {
		t.Errorf("report %+v", rep)
	}
	if s := rep.Summary(); !strings.Contains(s, "5 bounce(s)") || !strings.Contains(s, "skipped 3 row(s) of other activity types (type 1: 1, type 6: 1, type 7: 1)") {
		t.Errorf("summary %q", s)
	}
	want := []struct {
		email, id string
		line      int32
		at        time.Time
		reason    codes.Reason
		class     codes.Class
	}{
		{"ann.lee@gmail.com", "5001", 2, time.Date(2026, 11, 3, 9, 14, 2, 0, time.UTC), codes.UserUnknown, codes.Hard},
		{"bob@acme-corp.com", "5002", 3, time.Date(2026, 11, 3, 9, 15, 40, 0, time.UTC), codes.MailboxFull, codes.Soft},
		{"ann.lee@gmail.com", "5001", 7, time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC), codes.UserUnknown, codes.Hard},
		{"carol@hotmail.fr", "5005", 8, time.Date(2026, 11, 10, 10, 5, 0, 0, time.UTC), codes.MailboxFull, codes.Unknown},
		{"erin@contoso.onmicrosoft.com", "5008", 11, time.Date(2026, 11, 11, 8, 0, 0, 0, time.UTC), codes.Blocked, codes.Hard},
	}
	for k, w := range want {
		l := &ds.Leads[k]
		at, from := ds.BounceDate(l)
		if l.Email != w.email || l.ID != w.id || l.Line != w.line || !at.Equal(w.at) || from != ActivityDate {
			t.Errorf("lead %d: %s id %s line %d at %v (%s), want %s id %s line %d at %v", k, l.Email, l.ID, l.Line, at, from, w.email, w.id, w.line, w.at)
		}
		if l.Bounce.Reason != w.reason || l.Bounce.Class != w.class && w.class != codes.Unknown {
			t.Errorf("lead %d (%q): %v %v, want %v %v", k, l.Reason, l.Bounce.Class, l.Bounce.Reason, w.class, w.reason)
		}
	}
	if !strings.Contains(ds.Leads[1].Reason, "over quota.\nPlease direct") {
		t.Errorf("the line break inside Details is lost: %q", ds.Leads[1].Reason)
	}
	if !strings.Contains(ds.Leads[4].Reason, `"see https://www.spamhaus.org"`) {
		t.Errorf("quotes inside Details: %q", ds.Leads[4].Reason)
	}
	if !ds.Leads[0].EmailInvalid || ds.Leads[1].EmailInvalid {
		t.Errorf("Email Invalid should be set by a category 2 hard bounce only")
	}
	col := func(l *Lead, name string) string {
		for c, n := range ds.ExtraColumns {
			if n == name && c < len(l.Extra) {
				return l.Extra[c]
			}
		}
		return "(no column)"
	}
	if c, s := col(&ds.Leads[4], "Marketo Category"), col(&ds.Leads[4], "Marketo Subcategory"); c != "1" || s != "1003" {
		t.Errorf("category %q subcategory %q, want 1 and 1003", c, s)
	}
	if a := col(&ds.Leads[1], "Marketo Activity"); a != "Email Bounced Soft" {
		t.Errorf("activity %q", a)
	}
	// Two bounces of one address are two events of that lead.
	if n := ds.DistinctLeads(ds.All()); n != 4 {
		t.Errorf("%d distinct addresses, want 4", n)
	}
	// The timeline dates them by activityDate; acme-corp.com's reply names Google.
	buckets := ds.Timeline(ds.All(), Day, KeyProvider)
	if len(buckets) != 4 || buckets[0].Key != "Google" || buckets[0].Count != 2 || !buckets[0].Start.Equal(time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("timeline %+v", buckets)
	}
}

func TestLoadActivityExtractWithoutBounces(t *testing.T) {
	data := "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n" +
		`1,7,2026-11-03T09:00:00Z,1,null,5,page,"{""Client IP Address"":""192.0.2.1""}"` + "\n" +
		`2,8,2026-11-03T09:01:00Z,7,4,6,mail,"{}"` + "\n"
	_, err := LoadReader(context.Background(), strings.NewReader(data), "act.csv", testOptions())
	if err == nil || !strings.Contains(err.Error(), "act.csv") || !strings.Contains(err.Error(), "without Email Bounced") || !strings.Contains(err.Error(), "2 row(s)") {
		t.Errorf("error %v", err)
	}
}

func TestLoadActivityExtractStrict(t *testing.T) {
	opts := testOptions()
	opts.Strict = true
	_, err := loadFiles(t, opts, "marketo-activities.csv")
	if err == nil || !strings.Contains(err.Error(), ":9:") {
		t.Errorf("strict load: %v, want the broken row on line 9", err)
	}
}

func TestParseAttributes(t *testing.T) {
	for _, tt := range []struct{ cell, details string }{
		{`{"Details":"550 user unknown","Email":"a@b.com"}`, "550 user unknown"},
		{`[{"name":"Details","value":"550 user unknown"},{"name":"Email","value":"a@b.com"}]`, "550 user unknown"},
		{"{\"Details\":\"550-5.1.1 a\n550 5.1.1 b\"}", "550-5.1.1 a\n550 5.1.1 b"},
		{`null`, ""},
	} {
		a, err := parseAttributes(tt.cell)
		if err != nil || a.get("details") != tt.details {
			t.Errorf("parseAttributes(%q) = %q, %v", tt.cell, a.get("details"), err)
		}
	}
	if _, err := parseAttributes(`{"Details":`); err == nil {
		t.Error("truncated JSON: no error")
	}
}

func TestLoadActivityExtractUnclosedQuote(t *testing.T) {
	var b strings.Builder
	b.WriteString("marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n")
	b.WriteString(`1,7,2026-11-03T09:00:00Z,8,4,6,mail,"{""Details"":""550 user unknown"",""Email"":""a@b.com""}"` + "\n")
	b.WriteString(`2,8,2026-11-03T09:01:00Z,8,4,6,mail,"{""Details"":""never closed`)
	for b.Len() < 10<<20 {
		b.WriteString(" more text and more text and more text\n")
	}
	ds, err := LoadReader(context.Background(), strings.NewReader(b.String()), "big.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 1 || len(ds.Skipped) != 1 || ds.Skipped[0].Line != 3 || !strings.Contains(ds.Skipped[0].Error(), "longer than") {
		t.Errorf("%d leads, skipped %v: want the first row kept and the unclosed one skipped at line 3", len(ds.Leads), ds.Skipped)
	}
}

// FuzzActivityExtract checks that any rows under an activity extract's header load without a
// panic, every row read is a lead or a skipped row, and every lead is a bounce row.
func FuzzActivityExtract(f *testing.F) {
	f.Add("101,5001,2026-11-03T09:14:02Z,8,3310,1204,Mail,\"{\"\"Details\"\":\"\"550 5.1.1 unknown\"\",\"\"Email\"\":\"\"a@b.com\"\"}\"\n")
	f.Add("1,2,2026-11-03,27,,,,\"{\"\"Details\"\":\"\"452 full\nline two\"\"}\"\n3,4,x,1,,,,{}\n")
	f.Add("1,2,3,8,,,,\"[{\"\"name\"\":\"\"Email\"\",\"\"value\"\":1}]\"\n\"unclosed,8\n")
	f.Fuzz(func(t *testing.T, rows string) {
		data := "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n" + rows
		ds, err := LoadReader(context.Background(), strings.NewReader(data), "fuzz.csv", testOptions())
		if err != nil {
			return
		}
		checkTotals(t, ds)
		if len(ds.Activities) != 1 {
			t.Fatalf("activities %+v", ds.Activities)
		}
		// Rows are the bounce rows written for the loader and those the conversion skipped.
		if b := ds.Activities[0].Bounces; ds.Rows < b || ds.Rows-b > len(ds.Skipped) {
			t.Fatalf("%d rows, %d bounces, %d skipped", ds.Rows, b, len(ds.Skipped))
		}
		lines := int32(strings.Count(data, "\n") + 1)
		for i := range ds.Leads {
			if l := &ds.Leads[i]; len(l.Extra) == 0 || l.Line < 2 || l.Line > lines {
				t.Fatalf("lead %d: line %d of %d, extra %q", i, l.Line, lines, l.Extra)
			}
		}
	})
}

// cancelAfter cancels a context once n bytes were read through it.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	return n, err
}

func TestLoadActivityExtractCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n")
	for i := 0; b.Len() < 8<<20; i++ {
		fmt.Fprintf(&b, `%d,%d,2026-11-03T09:00:00Z,8,4,6,mail,"{""Details"":""550 5.1.1 user unknown"",""Email"":""lead%d@example.com""}"`+"\n", i, i, i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := LoadReader(ctx, &cancelAfter{r: strings.NewReader(b.String()), n: 1 << 20, cancel: cancel}, "big.csv", testOptions())
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a canceled load of an activity extract does not return")
	}
}

// TestLoadGeneratedActivities: the bounce log `bouncelens sample --activity` writes loads with
// every bounce kept, and each address's bounce count is its number of activities.
func TestLoadGeneratedActivities(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.Activities(&buf); err != nil {
		t.Fatal(err)
	}
	// One activity per line: the JSON attributes escape their line breaks.
	rows := 0
	perLead := map[string]int{}
	for _, line := range strings.Split(buf.String(), "\r\n")[1:] {
		if f := strings.SplitN(line, ",", 3); len(f) == 3 {
			perLead[f[1]]++
			rows++
		}
	}
	ds, err := LoadReader(context.Background(), &buf, "activities.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != rows || len(ds.Skipped) != 0 {
		t.Fatalf("%d bounces loaded, %d skipped, of %d rows", len(ds.Leads), len(ds.Skipped), rows)
	}
	counts := ds.BounceCounts()
	repeat := 0
	for i := range ds.Leads {
		if want := perLead[ds.Leads[i].ID]; int(counts[i]) != want {
			t.Fatalf("lead %s (%s): %d bounces counted, %d activities", ds.Leads[i].ID, ds.Leads[i].Email, counts[i], want)
		}
		if counts[i] >= 3 {
			repeat++
		}
	}
	if repeat == 0 {
		t.Error("no address bounced 3 times or more")
	}
	if got := ds.Select(Filter{History: History{MinBounces: 3}}); len(got) != repeat {
		t.Errorf("--min-bounces 3: %d leads, %d have 3 or more", len(got), repeat)
	}
}

// A bounce of an activity file is dated by its activity and is "suspended now" only when it is
// a recent category 1 block, the one kind Marketo suspends for: a recent soft bounce is not.
func TestActivityBouncesSuspendOnlyOnBlocks(t *testing.T) {
	extract := "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n" +
		`1,7,2026-11-29T10:00:00Z,8,1,1,N.Email,"{""Category"":""1"",""Details"":""554 5.7.1 blocked using Spamhaus"",""Email"":""a@x.com""}"` + "\n" +
		`2,8,2026-11-29T11:00:00Z,27,1,1,N.Email,"{""Category"":""3"",""Details"":""452 4.2.2 mailbox full"",""Email"":""b@x.com""}"` + "\n" +
		`3,9,2026-11-29T12:00:00Z,8,1,1,N.Email,"{""Category"":""2"",""Details"":""550 5.1.1 user unknown"",""Email"":""c@x.com""}"` + "\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(extract), "a.csv", Options{Now: func() time.Time { return time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a@x.com": true, "b@x.com": false, "c@x.com": false}
	for i := range ds.Leads {
		l := &ds.Leads[i]
		if got := ds.SuspendedNow(l); got != want[l.Email] {
			t.Errorf("%s: suspended now %v, want %v", l.Email, got, want[l.Email])
		}
		if _, from := ds.BounceDate(l); from != ActivityDate {
			t.Errorf("%s: dated by %q", l.Email, from)
		}
	}
}

// Marketo's own category of each bounce is kept and explained beside ours; a People export has
// none.
func TestMarketoCategoryBesideTheVerdict(t *testing.T) {
	ds, err := LoadReader(context.Background(), bytes.NewReader(sample.ActivityCSV()), "activities.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i := range ds.Leads {
		mc, ok := ds.Marketo(int32(i))
		if !ok || mc.Meaning == "" || mc.Sub == "" {
			t.Fatalf("lead %d: Marketo category %+v, %v", i, mc, ok)
		}
		seen[mc.Category]++
		// Category 2 is Marketo's invalid address: every such bounce sets Email Invalid.
		if (mc.Category == "2") != ds.Leads[i].EmailInvalid {
			t.Errorf("lead %d: category %s, Email Invalid %v", i, mc.Category, ds.Leads[i].EmailInvalid)
		}
	}
	if seen["1"] == 0 || seen["2"] == 0 || seen["3"] == 0 {
		t.Errorf("categories %v: want blocks, invalid addresses and soft bounces", seen)
	}
	people, err := LoadReader(context.Background(), bytes.NewReader(sample.CSV()), "export.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if mc, ok := people.Marketo(0); ok {
		t.Errorf("a People export's lead has a Marketo category: %+v", mc)
	}
}
