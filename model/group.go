package model

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bouncelens/bouncelens/codes"
)

// SortBy orders groups.
type SortBy uint8

// The group orders.
const (
	ByCount SortBy = iota // most leads first
	ByCode                // numeric code order
)

// Group is the leads of one group and its subgroups. Grouped by code (Groups), a top-level
// group is one basic code and its subgroups its enhanced codes; Basic 0 is the "no code" group,
// and an Enhanced zero subgroup holds leads with no enhanced code. Grouped by action
// (GroupsBy), a group is one action and its subgroups the reasons under it.
type Group struct {
	Basic     uint16
	Enhanced  codes.Enhanced
	Action    codes.Action // grouped by action or reason: the group's action (the subgroups')
	Reason    codes.Reason // grouped by reason: the group's reason
	Key       string       // what the group is of, as a user reads it: "550", "5.1.1", "no code", "suppress", "userunknown", "gmail.com"
	Count     int
	Share     float64                // Count over the selection's size, 0..1
	Class     codes.Class            // the class most of its leads have
	Classes   [codes.Success + 1]int // its leads per class (the class mix)
	Actions   [NumActions]int        // its leads per action (the action mix)
	Name      string                 // the catalog name of the enhanced code, else of the basic code; the plain words of an action or reason
	Leads     []int32                // indices into ds.Leads
	Subgroups []Group
}

// Mixed reports whether the group's leads have more than one action.
func (g *Group) Mixed() bool {
	n := 0
	for _, c := range g.Actions {
		if c > 0 {
			n++
		}
	}
	return n > 1
}

// NoCodeName is the Name of the group of leads whose reason holds no reply code.
const NoCodeName = "no code"

// groupAcc accumulates one (basic, enhanced) pair.
type groupAcc struct {
	basic    uint16
	enhanced codes.Enhanced
	count    int
	classes  [codes.Success + 1]int
	actions  [NumActions]int
	provider codes.Provider
	mixed    bool // leads from more than one provider
	leads    []int32
}

// Groups groups the selected leads by basic code, then by enhanced code.
func (ds *Dataset) Groups(sel []int32, by SortBy) []Group {
	meta := ds.prepared()
	acts := ds.actions()
	index := make(map[uint64]int32)
	var accs []groupAcc
	// Leads with the same reason text have the same codes: look the pair up once per text.
	byReason := make([]int32, len(ds.ridBounce))
	for i := range byReason {
		byReason[i] = -1
	}
	for _, i := range sel {
		mt := meta[i]
		rid := mt >> 2
		idx := byReason[rid]
		if idx < 0 {
			b := &ds.ridBounce[rid]
			k := uint64(b.Basic)<<48 | uint64(b.Enhanced.Class)<<32 | uint64(b.Enhanced.Subject)<<16 | uint64(b.Enhanced.Detail)
			var ok bool
			if idx, ok = index[k]; !ok {
				idx = int32(len(accs))
				index[k] = idx
				accs = append(accs, groupAcc{basic: b.Basic, enhanced: b.Enhanced, provider: b.Provider})
			}
			if b.Provider != accs[idx].provider {
				accs[idx].mixed = true
			}
			byReason[rid] = idx
		}
		a := &accs[idx]
		a.count++
		a.classes[mt&3]++
		a.actions[acts[i]]++
	}

	total := float64(len(sel))
	top := make(map[uint16]int)
	var groups []Group
	accTop := make([]int, len(accs))
	for k := range accs {
		a := &accs[k]
		t, ok := top[a.basic]
		if !ok {
			t = len(groups)
			top[a.basic] = t
			groups = append(groups, Group{Basic: a.basic, Key: basicKey(a.basic), Name: basicName(a.basic)})
		}
		accTop[k] = t
		g := &groups[t]
		for c, n := range a.classes {
			g.Classes[c] += n
		}
		for c, n := range a.actions {
			g.Actions[c] += n
		}
		g.Count += a.count
	}
	// The groups' and subgroups' lead lists are carved from two blocks: two allocations
	// instead of hundreds.
	block := make([]int32, len(sel))
	for k := range accs {
		a := &accs[k]
		a.leads, block = block[:0:a.count], block[a.count:]
	}
	block = make([]int32, len(sel))
	for t := range groups {
		n := groups[t].Count
		groups[t].Leads, block = block[:0:n], block[n:]
	}
	for _, i := range sel {
		k := byReason[meta[i]>>2]
		accs[k].leads = append(accs[k].leads, i)
		g := &groups[accTop[k]]
		g.Leads = append(g.Leads, i)
	}
	for k := range accs {
		a := &accs[k]
		g := &groups[accTop[k]]
		p := codes.NoProvider
		if !a.mixed {
			p = a.provider
		}
		key := NoCodeName
		if !a.enhanced.IsZero() {
			key = a.enhanced.String()
		}
		g.Subgroups = append(g.Subgroups, Group{
			Basic: a.basic, Enhanced: a.enhanced, Key: key, Count: a.count, Share: float64(a.count) / total,
			Class: majority(a.classes), Classes: a.classes, Actions: a.actions,
			Name: enhancedName(a.basic, a.enhanced, p), Leads: a.leads,
		})
	}
	for t := range groups {
		g := &groups[t]
		g.Share = float64(g.Count) / total
		g.Class = majority(g.Classes)
		sortGroups(g.Subgroups, by)
	}
	sortGroups(groups, by)
	return groups
}

func majority(n [codes.Success + 1]int) codes.Class {
	best := codes.Unknown
	for c := range n {
		if n[c] > n[best] {
			best = codes.Class(c)
		}
	}
	return best
}

func sortGroups(gs []Group, by SortBy) {
	byCode := func(a, b Group) int {
		// "no code" (0) sorts last.
		if c := cmp.Compare(a.Basic-1, b.Basic-1); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Enhanced.Class-1, b.Enhanced.Class-1); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Enhanced.Subject, b.Enhanced.Subject); c != 0 {
			return c
		}
		return cmp.Compare(a.Enhanced.Detail, b.Enhanced.Detail)
	}
	slices.SortStableFunc(gs, func(a, b Group) int {
		if by == ByCount {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
		}
		return byCode(a, b)
	})
}

// basicKey is a basic code as a group's key: "550", or "no code".
func basicKey(basic uint16) string {
	if basic == 0 {
		return NoCodeName
	}
	return strconv.Itoa(int(basic))
}

func basicName(basic uint16) string {
	if basic == 0 {
		return NoCodeName
	}
	if e, ok := codes.LookupBasic(basic); ok {
		return e.Name
	}
	return ""
}

func enhancedName(basic uint16, e codes.Enhanced, p codes.Provider) string {
	if !e.IsZero() {
		if en, ok := codes.LookupEnhanced(e, p); ok && en.Name != "" {
			return en.Name
		}
	}
	return basicName(basic)
}

// DomainGroup is the bounces of one receiving domain.
type DomainGroup struct {
	Domain  string
	Count   int
	Reasons []ReasonCount // most first
	Leads   []int32
}

// ReasonCount is how many leads of a domain bounced for one reason.
type ReasonCount struct {
	Reason codes.Reason
	Count  int
}

// Domains groups the selected leads by receiving domain (lowercased), most bounces first.
// Large selections are counted on every core.
func (ds *Dataset) Domains(sel []int32) []DomainGroup {
	parts := 1
	if len(sel) >= 1<<16 {
		parts = runtime.GOMAXPROCS(0)
	}
	partial := make([][]DomainGroup, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(sel)*p/parts, len(sel)*(p+1)/parts
		wg.Go(func() { partial[p] = ds.domains(sel[lo:hi]) })
	}
	wg.Wait()
	out := partial[0]
	if parts > 1 {
		index := make(map[string]int, len(out))
		for k := range out {
			index[out[k].Domain] = k
		}
		for _, more := range partial[1:] {
			for _, g := range more {
				k, ok := index[g.Domain]
				if !ok {
					index[g.Domain] = len(out)
					out = append(out, g)
					continue
				}
				o := &out[k]
				o.Count += g.Count
				o.Leads = append(o.Leads, g.Leads...)
				for _, r := range g.Reasons {
					o.Reasons = addReason(o.Reasons, r.Reason, r.Count)
				}
			}
		}
	}
	for k := range out {
		slices.SortStableFunc(out[k].Reasons, func(a, b ReasonCount) int {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
			return cmp.Compare(a.Reason, b.Reason)
		})
	}
	slices.SortStableFunc(out, func(a, b DomainGroup) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Domain, b.Domain)
	})
	return out
}

// domains groups part of a selection by domain, in order of first appearance.
func (ds *Dataset) domains(sel []int32) []DomainGroup {
	index := make(map[string]int)
	var out []DomainGroup
	for _, i := range sel {
		l := &ds.Leads[i]
		d := l.Domain()
		if !isLowerASCII(d) {
			d = strings.ToLower(d)
		}
		k, ok := index[d]
		if !ok {
			k = len(out)
			index[d] = k
			out = append(out, DomainGroup{Domain: d})
		}
		g := &out[k]
		g.Count++
		g.Leads = append(g.Leads, i)
		g.Reasons = addReason(g.Reasons, l.Bounce.Reason, 1)
	}
	return out
}

// addReason adds n leads of reason r to a domain's short list of reasons.
func addReason(rs []ReasonCount, r codes.Reason, n int) []ReasonCount {
	for k := range rs {
		if rs[k].Reason == r {
			rs[k].Count += n
			return rs
		}
	}
	return append(rs, ReasonCount{Reason: r, Count: n})
}
