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
}

// Groups groups the selected leads by basic code, then by enhanced code.
func (ds *Dataset) Groups(sel []int32, by SortBy) []Group {
	meta := ds.prepared()
	acts := ds.actions()
	var t codeTally
	for _, i := range sel {
		a := t.add(meta[i], ds.ridBounce)
		a.actions[acts[i]]++
	}
	groups, accTop, accSub := t.rollUp()
	// The groups' and subgroups' lead lists are carved from two blocks: two allocations
	// instead of hundreds.
	block := make([]int32, len(sel))
	for k := range t.accs {
		n := t.accs[k].count
		sub := &groups[accTop[k]].Subgroups[accSub[k]]
		sub.Leads, block = block[:0:n], block[n:]
	}
	block = make([]int32, len(sel))
	for g := range groups {
		n := groups[g].Count
		groups[g].Leads, block = block[:0:n], block[n:]
	}
	for _, i := range sel {
		k := t.byReason[meta[i]>>2]
		g := &groups[accTop[k]]
		g.Leads = append(g.Leads, i)
		sub := &g.Subgroups[accSub[k]]
		sub.Leads = append(sub.Leads, i)
	}
	for g := range groups {
		sortGroups(groups[g].Subgroups, by)
	}
	sortGroups(groups, by)
	return groups
}

// codeTally counts leads by (basic, enhanced) pair: for Groups, and for the groups a load
// reports while it reads (Progress.Groups).
type codeTally struct {
	index    map[uint64]int32
	accs     []groupAcc
	byReason []int32 // per reason text (rid): its index in accs, -1 not seen yet
	total    int
}

// add counts the lead whose meta is mt (rid<<2 | class) and returns its pair's accumulator.
// Leads with the same reason text have the same codes: the pair is looked up once per text.
func (t *codeTally) add(mt uint32, ridBounce []codes.Bounce) *groupAcc {
	rid := mt >> 2
	for int(rid) >= len(t.byReason) {
		t.byReason = append(t.byReason, -1)
	}
	idx := t.byReason[rid]
	if idx < 0 {
		if t.index == nil {
			t.index = make(map[uint64]int32)
		}
		b := &ridBounce[rid]
		k := uint64(b.Basic)<<48 | uint64(b.Enhanced.Class)<<32 | uint64(b.Enhanced.Subject)<<16 | uint64(b.Enhanced.Detail)
		var ok bool
		if idx, ok = t.index[k]; !ok {
			idx = int32(len(t.accs))
			t.index[k] = idx
			t.accs = append(t.accs, groupAcc{basic: b.Basic, enhanced: b.Enhanced, provider: b.Provider})
		}
		if b.Provider != t.accs[idx].provider {
			t.accs[idx].mixed = true
		}
		t.byReason[rid] = idx
	}
	a := &t.accs[idx]
	a.count++
	a.classes[mt&3]++
	t.total++
	return a
}

// rollUp makes the basic-code groups and their enhanced subgroups of what was counted, without
// lead lists and unsorted: accumulator k is groups[accTop[k]].Subgroups[accSub[k]].
func (t *codeTally) rollUp() (groups []Group, accTop, accSub []int) {
	total := float64(t.total)
	top := make(map[uint16]int)
	accTop = make([]int, len(t.accs))
	accSub = make([]int, len(t.accs))
	for k := range t.accs {
		a := &t.accs[k]
		g, ok := top[a.basic]
		if !ok {
			g = len(groups)
			top[a.basic] = g
			groups = append(groups, Group{Basic: a.basic, Key: basicKey(a.basic), Name: basicName(a.basic)})
		}
		accTop[k] = g
		gr := &groups[g]
		for c, n := range a.classes {
			gr.Classes[c] += n
		}
		for c, n := range a.actions {
			gr.Actions[c] += n
		}
		gr.Count += a.count
		p := codes.NoProvider
		if !a.mixed {
			p = a.provider
		}
		key := NoCodeName
		if !a.enhanced.IsZero() {
			key = a.enhanced.String()
		}
		accSub[k] = len(gr.Subgroups)
		gr.Subgroups = append(gr.Subgroups, Group{
			Basic: a.basic, Enhanced: a.enhanced, Key: key, Count: a.count, Share: float64(a.count) / total,
			Class: majority(a.classes), Classes: a.classes, Actions: a.actions,
			Name: enhancedName(a.basic, a.enhanced, p),
		})
	}
	for g := range groups {
		gr := &groups[g]
		gr.Share = float64(gr.Count) / total
		gr.Class = majority(gr.Classes)
	}
	return groups, accTop, accSub
}

// Preview returns the groups counted so far, most leads first, without lead lists or actions.
func (t *codeTally) preview() []Group {
	groups, _, _ := t.rollUp()
	for g := range groups {
		sortGroups(groups[g].Subgroups, ByCount)
	}
	sortGroups(groups, ByCount)
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
	if ds.lean != nil {
		return ds.leanDomains(sel)
	}
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
