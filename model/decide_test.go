package model

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// decideCSV has one address dead on one lead and blocked on another (in other case and with
// blanks), a repeated re-add address, a lead without an address, one suspended now, and a
// formula planted in a name.
const decideCSV = `Id,First Name,Last Name,Email Address,Company Name,Email Invalid,Email Invalid Cause,Email Suspended,Email Suspended Cause,Email Suspended At
1,Ann,Lee, ANN@Example.com ,Acme,true,554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org,false,,
2,Ann,Lee,ann@example.com,Acme,true,550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown,false,,
3,Bob,Ng,bob@example.org,Birch,true,554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org,false,,
4,Bob,Ng,Bob@example.org,Birch,true,550 5.7.26 This message does not pass authentication checks,false,,
5,Cy,Doe,,Cedar,true,554 5.7.1 blocked using zen.spamhaus.org,false,,
6,Di,Ray,di@example.net,Dune,false,,true,554 5.7.1 blocked using zen.spamhaus.org,2026-11-29T06:00:00Z
7,=HYPERLINK(1),Fox,eve@example.com,"+Evil",true,550 5.7.1 Message rejected as spam by Content Filtering,false,,
8,Gus,Hill,gus@nowhere.example,Gale,true,550 5.1.2 Host unknown: domain nowhere.example does not exist,false,,
9,Hal,Ives,hal@example.com,Hart,true,421 4.7.0 Try again later,false,,
`

func loadDecide(t *testing.T) *Dataset {
	t.Helper()
	ds, err := LoadReader(context.Background(), strings.NewReader(decideCSV), "decide.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 9 {
		t.Fatalf("%d leads, want 9", len(ds.Leads))
	}
	return ds
}

func TestActions(t *testing.T) {
	ds := loadDecide(t)
	want := []codes.Action{codes.Readd, codes.Suppress, codes.Readd, codes.Readd, codes.Readd, codes.Wait, codes.Readd, codes.Suppress, codes.Wait}
	for i, w := range want {
		if got := ds.Action(int32(i)); got != w {
			t.Errorf("lead %d (%s): action %s, want %s", i+1, ds.Leads[i].Reason, got, w)
		}
	}
	n := ds.ActionCounts(ds.All())
	if n[codes.Suppress] != 2 || n[codes.Readd] != 5 || n[codes.Wait] != 2 || n[codes.Review] != 0 {
		t.Errorf("action counts %v", n)
	}
	sel := ds.Select(Filter{Actions: []codes.Action{codes.Suppress, codes.Wait}})
	if len(sel) != 4 || sel[0] != 1 {
		t.Errorf("--action suppress,wait selects %v", sel)
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return rows
}

func TestPresetReadd(t *testing.T) {
	ds := loadDecide(t)
	var b bytes.Buffer
	r, err := ds.ExportPreset(&b, ds.All(), PresetReadd)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	if strings.Join(rows[0], ",") != "Id,Email Address,First Name,Last Name,Company Name" {
		t.Errorf("header %v", rows[0])
	}
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[1])
	}
	// ann is dead on lead 1: held back; bob twice: once; Cy has no address; Di waits.
	if strings.Join(got, " ") != "bob@example.org eve@example.com" {
		t.Errorf("re-add list %q", got)
	}
	if rows[2][2] != "'=HYPERLINK(1)" || rows[2][4] != "'+Evil" {
		t.Errorf("formula cells not guarded: %v", rows[2])
	}
	if r.Written != 2 || r.HeldBack != 1 || r.Duplicate != 1 || r.NoAddress != 1 || r.Other[codes.Suppress] != 2 || r.Other[codes.Wait] != 2 {
		t.Errorf("report %+v", r)
	}
	if s := r.Summary(); !strings.Contains(s, "held back") || !strings.Contains(s, "suppress 2") {
		t.Errorf("summary %q", s)
	}
}

func TestPresetSuppress(t *testing.T) {
	ds := loadDecide(t)
	var b bytes.Buffer
	r, err := ds.ExportPreset(&b, ds.All(), PresetSuppress)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	if len(rows) != 3 || rows[1][0] != "ann@example.com" || rows[2][0] != "gus@nowhere.example" {
		t.Errorf("suppress list %v", rows)
	}
	if rows[1][1] != "userunknown" || rows[2][1] != "hostunknown" {
		t.Errorf("reasons %v", rows)
	}
	if r.Written != 2 {
		t.Errorf("report %+v", r)
	}
}

func TestPresetHandoff(t *testing.T) {
	ds := loadDecide(t)
	var b bytes.Buffer
	if _, err := ds.ExportPreset(&b, ds.All(), PresetHandoff); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff")) {
		t.Error("handoff has no UTF-8 byte order mark")
	}
	rows := readCSV(t, b.Bytes())
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		k := AddressKey(row[3])
		if seen[k] {
			t.Errorf("address %s repeated", k)
		}
		seen[k] = true
	}
	if len(rows) != 1+6 { // 9 leads, one without an address, one repeat of ann, one of bob
		t.Errorf("%d rows:\n%s", len(rows), b.String())
	}
	if rows[1][4] != "suppress" || !strings.Contains(rows[1][5], "does not exist") || rows[1][6] != "550" || rows[1][7] != "5.1.1" {
		t.Errorf("first row %v", rows[1])
	}
}

func TestGroupsMix(t *testing.T) {
	ds := loadDecide(t)
	groups := ds.Groups(ds.All(), ByCount)
	for _, g := range groups {
		if g.Basic == 554 {
			if ActionMixText(g.Actions) != "readd 3 · wait 1" {
				t.Errorf("554 mix %q", ActionMixText(g.Actions))
			}
		}
	}
	by := ds.GroupsBy(ds.All(), ByActions, ByCount)
	total := 0
	for _, g := range by {
		total += g.Count
		sub := 0
		for _, s := range g.Subgroups {
			sub += s.Count
			if s.Action != g.Action {
				t.Errorf("reason %s under %s has action %s", s.Key, g.Key, s.Action)
			}
		}
		if sub != g.Count || len(g.Leads) != g.Count {
			t.Errorf("group %s: %d in subgroups, %d leads, count %d", g.Key, sub, len(g.Leads), g.Count)
		}
	}
	if total != 9 || by[0].Key != "suppress" {
		t.Errorf("by action: %d leads, first %q", total, by[0].Key)
	}
}

func TestPresetHandoffCounts(t *testing.T) {
	ds := loadDecide(t)
	r := ds.PlanPreset(ds.All(), PresetHandoff)
	if r.Written != 6 || r.Duplicate != 2 || r.NoAddress != 1 {
		t.Errorf("handoff report %+v", r)
	}
}

// TestSuspendedNowIsTheExportsOwnDay: without a clock given, an export's suspensions are
// measured against its newest date, so a lead suspended hours before an old export was taken
// still waits, and the file reads the same whenever it is opened.
func TestSuspendedNowIsTheExportsOwnDay(t *testing.T) {
	const csv = "Email Address,Email Invalid Cause,Email Suspended,Email Suspended At,Updated At\n" +
		"ann@example.com,554 5.7.1 blocked using zen.spamhaus.org,true,2021-03-01T06:00:00Z,2021-03-01T06:00:00Z\n" +
		"bob@example.com,554 5.7.1 blocked using zen.spamhaus.org,true,2021-02-20T06:00:00Z,2021-03-01T12:00:00Z\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(csv), "old.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Now.Equal(time.Date(2021, 3, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("Now = %v, want the export's newest date", ds.Now)
	}
	if ds.Action(0) != codes.Wait || ds.Action(1) != codes.Readd {
		t.Errorf("actions %s, %s; want wait (suspended that day), readd", ds.Action(0), ds.Action(1))
	}
}

// TestPlatformLabelGivesTheClassOfATextWithoutCode: Postmark's Type says soft or hard where the
// Details text has no code and only a vague wording; a code in the text still comes first.
func TestPlatformLabelGivesTheClassOfATextWithoutCode(t *testing.T) {
	const csv = "ID,Type,TypeCode,Details,Email,BouncedAt\n" +
		"1,HardBounce,1,The message could not be delivered.,a@example.com,2019-11-05T16:33:54Z\n" +
		"2,SoftBounce,4096,The message could not be delivered.,b@example.com,2019-11-05T16:33:55Z\n" +
		"3,Transient,2,Delivery delayed.,c@example.com,2019-11-05T16:33:56Z\n" +
		"4,SoftBounce,4096,550 5.1.1 user unknown,d@example.com,2019-11-05T16:33:57Z\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(csv), "postmark.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []codes.Class{codes.Hard, codes.Soft, codes.Soft, codes.Hard}
	for i, w := range want {
		if got := ds.Leads[i].Bounce.Class; got != w {
			t.Errorf("lead %d (%s): class %s, want %s", i+1, ds.PlatformLabel(&ds.Leads[i]), got, w)
		}
	}
}
