package model

import (
	"strings"
	"testing"

	"github.com/bouncelens/bouncelens/codes"
)

// naiveSelect is Select written the obvious way, to check the fast one against.
func naiveSelect(ds *Dataset, f Filter) []int32 {
	var out []int32
	for i := range ds.Leads {
		l := &ds.Leads[i]
		ok := len(f.Classes) == 0
		for _, c := range f.Classes {
			ok = ok || l.Bounce.Class == c
		}
		rok := len(f.Reasons) == 0
		for _, r := range f.Reasons {
			rok = rok || l.Bounce.Reason == r
		}
		if !ok || !rok || f.Basic != 0 && l.Bounce.Basic != f.Basic || !f.Enhanced.IsZero() && l.Bounce.Enhanced != f.Enhanced {
			continue
		}
		if f.Domain != "" && !strings.EqualFold(l.Email[strings.LastIndexByte(l.Email, '@')+1:], f.Domain) {
			continue
		}
		if f.Match != "" {
			m := strings.ToLower(f.Match)
			hay := strings.ToLower(l.Email + "\x00" + l.FirstName + "\x00" + l.LastName + "\x00" + l.FirstName + " " + l.LastName + "\x00" + l.Company + "\x00" + l.Reason)
			if !strings.Contains(hay, m) {
				continue
			}
		}
		out = append(out, int32(i))
	}
	return out
}

func TestSelect(t *testing.T) {
	ds := genDataset(t, 1<<17) // large enough to scan in parallel
	tests := []struct {
		name string
		f    Filter
	}{
		{"all", Filter{}},
		{"hard", Filter{Classes: []codes.Class{codes.Hard}}},
		{"soft or unknown", Filter{Classes: []codes.Class{codes.Soft, codes.Unknown}}},
		{"code 550", Filter{Basic: 550}},
		{"enhanced 5.7.1", Filter{Enhanced: codes.Enhanced{Class: 5, Subject: 7, Detail: 1}}},
		{"reason", Filter{Reasons: []codes.Reason{codes.UserUnknown}}},
		{"domain any case", Filter{Domain: "example.com"}},
		{"match reason text", Filter{Match: "SPAMHAUS"}},
		{"match name", Filter{Match: "müller"}},
		{"match full name", Filter{Match: "ann lee"}},
		{"match company", Filter{Match: "kestrel"}},
		{"match email", Filter{Match: "lead.4242@"}},
		{"match and class", Filter{Match: "gmail", Classes: []codes.Class{codes.Hard}}},
		{"no match", Filter{Match: "zzzz-nothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := ds.Select(tt.f), naiveSelect(ds, tt.f)
			if len(got) != len(want) {
				t.Fatalf("%d leads, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("lead %d: %d, want %d", i, got[i], want[i])
				}
			}
			if tt.name != "no match" && len(got) == 0 {
				t.Errorf("filter selects nothing: the test data does not exercise it")
			}
		})
	}
}

func TestGroups(t *testing.T) {
	ds := genDataset(t, 5000)
	sel := ds.Select(Filter{})
	for _, by := range []SortBy{ByCount, ByCode} {
		groups := ds.Groups(sel, by)
		total := 0
		seen := make(map[int32]bool)
		for gi, g := range groups {
			total += g.Count
			sub := 0
			if len(g.Leads) != g.Count {
				t.Errorf("group %d: %d leads, count %d", g.Basic, len(g.Leads), g.Count)
			}
			for i := 1; i < len(g.Leads); i++ {
				if g.Leads[i] <= g.Leads[i-1] {
					t.Fatalf("group %d leads not in file order", g.Basic)
				}
			}
			for _, s := range g.Subgroups {
				sub += s.Count
				for _, i := range s.Leads {
					l := &ds.Leads[i]
					if l.Bounce.Basic != g.Basic || l.Bounce.Enhanced != s.Enhanced || seen[i] {
						t.Fatalf("lead %d (%v) in group %d/%v", i, l.Bounce.Code, g.Basic, s.Enhanced)
					}
					seen[i] = true
				}
			}
			if sub != g.Count {
				t.Errorf("group %d: subgroups count %d, group %d", g.Basic, sub, g.Count)
			}
			if g.Basic == 0 && g.Name != NoCodeName {
				t.Errorf("no-code group named %q", g.Name)
			}
			if gi > 0 && by == ByCount && groups[gi-1].Count < g.Count {
				t.Errorf("not sorted by count")
			}
			if gi > 0 && by == ByCode && g.Basic != 0 && groups[gi-1].Basic > g.Basic {
				t.Errorf("not sorted by code")
			}
			if share := float64(g.Count) / float64(len(sel)); share != g.Share {
				t.Errorf("share %v, want %v", g.Share, share)
			}
		}
		if total != len(sel) || len(seen) != len(sel) {
			t.Errorf("groups hold %d leads (%d distinct), selection %d", total, len(seen), len(sel))
		}
	}
	hard := ds.Select(Filter{Classes: []codes.Class{codes.Hard}})
	for _, g := range ds.Groups(hard, ByCount) {
		if g.Class != codes.Hard {
			t.Errorf("group %d of hard bounces has class %v", g.Basic, g.Class)
		}
	}
}

func TestDomains(t *testing.T) {
	ds := genDataset(t, 1<<17) // large enough to count in parallel
	doms := ds.Domains(ds.Select(Filter{}))
	total := 0
	for i, d := range doms {
		total += d.Count
		if d.Domain != strings.ToLower(d.Domain) {
			t.Errorf("domain %q not lowercased", d.Domain)
		}
		if i > 0 && doms[i-1].Count < d.Count {
			t.Errorf("domains not sorted by count")
		}
		n := 0
		for j, r := range d.Reasons {
			n += r.Count
			if j > 0 && d.Reasons[j-1].Count < r.Count {
				t.Errorf("reasons not sorted")
			}
		}
		if n != d.Count || len(d.Leads) != d.Count {
			t.Errorf("%s: reasons sum %d, leads %d, count %d", d.Domain, n, len(d.Leads), d.Count)
		}
		for k, i := range d.Leads {
			if k > 0 && d.Leads[k-1] >= i || !strings.EqualFold(ds.Leads[i].Domain(), d.Domain) {
				t.Fatalf("%s: lead %d (%s) out of order or misplaced", d.Domain, i, ds.Leads[i].Email)
			}
		}
	}
	if total != len(ds.Leads) || len(doms) != len(testDomains) {
		t.Errorf("%d domains holding %d leads", len(doms), total)
	}
}

func TestSelectHandBuiltDataset(t *testing.T) {
	hard := codes.Bounce{Code: codes.Code{Basic: 550, Enhanced: codes.Enhanced{Class: 5, Subject: 1, Detail: 1}}, Class: codes.Hard, Reason: codes.UserUnknown}
	soft := codes.Bounce{Code: codes.Code{Basic: 421}, Class: codes.Soft, Reason: codes.RateLimited}
	ds := &Dataset{Leads: []Lead{
		{Email: "a@x.com", Reason: "550 5.1.1 user unknown", Bounce: hard},
		{Email: "b@y.com", FirstName: "Zed", Reason: "421 try later", Bounce: soft},
		{Email: "c@x.com", Reason: "550 5.1.1 user unknown", Bounce: hard},
	}}
	if got := ds.Select(Filter{Classes: []codes.Class{codes.Hard}}); len(got) != 2 || got[1] != 2 {
		t.Errorf("hard: %v", got)
	}
	if got := ds.Select(Filter{Match: "TRY"}); len(got) != 1 || got[0] != 1 {
		t.Errorf("match reason: %v", got)
	}
	if got := ds.Select(Filter{Match: "zed"}); len(got) != 1 || got[0] != 1 {
		t.Errorf("match name: %v", got)
	}
	groups := ds.Groups(ds.All(), ByCode)
	if len(groups) != 2 || groups[0].Basic != 421 || groups[1].Count != 2 || groups[1].Subgroups[0].Enhanced != hard.Enhanced {
		t.Errorf("groups %+v", groups)
	}
}

func TestSelectConcurrentWithPrepareSearch(t *testing.T) {
	ds := genDataset(t, 2000)
	done := make(chan []int32)
	go func() {
		ds.PrepareSearch()
		done <- ds.Select(Filter{Match: "müller"})
	}()
	a := ds.Select(Filter{Match: "müller"})
	b := <-done
	if len(a) == 0 || len(a) != len(b) {
		t.Errorf("concurrent selects found %d and %d leads", len(a), len(b))
	}
	if len(ds.Groups(a, ByCount)) == 0 {
		t.Error("no groups")
	}
}
