package model

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/bouncelens/bouncelens/codes"
)

// Action returns what to do with lead i (see codes.ActionOf): decided from the lead's class and
// reason, except that a lead Marketo suspends now waits (Marketo retries it after 24 hours)
// unless its address is dead.
func (ds *Dataset) Action(i int32) codes.Action {
	return ds.actions()[i]
}

// actions returns every lead's action, computed on first use (one byte a lead).
func (ds *Dataset) actions() []codes.Action {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if len(ds.acts) == ds.Len() {
		return ds.acts
	}
	if st := ds.lean; st != nil {
		meta := ds.meta
		acts := make([]codes.Action, len(st.leads))
		for i := range st.leads {
			b := &ds.ridBounce[meta[i]>>2]
			a := codes.ActionOf(codes.Class(meta[i]&3), b.Reason)
			if a != codes.Suppress && ds.leanSuspendedNow(&st.leads[i]) {
				a = codes.Wait
			}
			acts[i] = a
		}
		ds.acts = acts
		return acts
	}
	acts := make([]codes.Action, len(ds.Leads))
	for i := range ds.Leads {
		l := &ds.Leads[i]
		a := codes.ActionOf(l.Bounce.Class, l.Bounce.Reason)
		if a != codes.Suppress && !l.EmailSuspendedAt.IsZero() && ds.SuspendedNow(l) {
			a = codes.Wait
		}
		acts[i] = a
	}
	ds.acts = acts
	return acts
}

// ActionCounts counts the selected leads of each action, indexed by codes.Action.
func (ds *Dataset) ActionCounts(sel []int32) [NumActions]int {
	acts := ds.actions()
	var n [NumActions]int
	for _, i := range sel {
		n[acts[i]]++
	}
	return n
}

// NumActions is the number of actions (the length of an action mix).
const NumActions = 4

// addressActions returns, per address (AddressKey), the set of actions its leads have across
// the whole dataset, as bits 1<<action: the conflict rule looks at every lead of an address,
// not only the selected ones.
func (ds *Dataset) addressActions() map[string]uint8 {
	acts := ds.actions()
	m := make(map[string]uint8, len(ds.Leads)/2)
	for i := range ds.Leads {
		k := AddressKey(ds.Leads[i].Email)
		if k == "" {
			continue
		}
		m[k] |= 1 << acts[i]
	}
	return m
}

// Grouping is what leads are grouped by.
type Grouping uint8

// The groupings: the home screen's two, and the two summary adds.
const (
	ByCodes     Grouping = iota // basic code ▸ enhanced code
	ByActions                   // action ▸ reason
	ByReasons                   // reason
	ByDomains                   // receiving domain
	ByProviders                 // mailbox provider (Google, Microsoft, …; "other" for companies' own)
)

var groupingNames = [...]string{ByCodes: "code", ByActions: "action", ByReasons: "reason", ByDomains: "domain", ByProviders: "provider"}

// String returns the grouping's name as users type it: code, action, reason or domain.
func (g Grouping) String() string {
	if int(g) < len(groupingNames) {
		return groupingNames[g]
	}
	return "code"
}

// ParseGrouping reads a grouping name.
func ParseGrouping(s string) (Grouping, error) {
	for g, name := range groupingNames {
		if s == name {
			return Grouping(g), nil
		}
	}
	return ByCodes, fmt.Errorf("unknown grouping %q (want code, action, reason, domain or provider)", s)
}

// GroupsBy groups the selected leads by codes (as Groups), by action ▸ reason, by reason or
// by receiving domain. Every group carries its class and action mix.
func (ds *Dataset) GroupsBy(sel []int32, g Grouping, by SortBy) []Group {
	switch g {
	case ByActions, ByReasons:
		return ds.reasonGroups(sel, g == ByActions, by)
	case ByDomains:
		return ds.domainGroups(sel)
	case ByProviders:
		return ds.providerGroups(sel)
	}
	return ds.Groups(sel, by)
}

// reasonGroups groups by reason, under each action when byAction.
func (ds *Dataset) reasonGroups(sel []int32, byAction bool, by SortBy) []Group {
	meta := ds.prepared()
	acts := ds.actions()
	type cell struct {
		classes [codes.Success + 1]int
		actions [NumActions]int
	}
	nr := len(codes.Reasons())
	cells := make([]cell, NumActions*nr) // [action][reason]; action 0 only when !byAction
	for _, i := range sel {
		mt := meta[i]
		r := int(ds.ridBounce[mt>>2].Reason)
		a := acts[i]
		k := r
		if byAction {
			k += int(a) * nr
		}
		c := &cells[k]
		c.classes[mt&3]++
		c.actions[a]++
	}
	total := float64(len(sel))
	leads := make([][]int32, len(cells))
	var topLeads [NumActions][]int32
	for _, i := range sel {
		mt := meta[i]
		k := int(ds.ridBounce[mt>>2].Reason)
		if byAction {
			k += int(acts[i]) * nr
			topLeads[acts[i]] = append(topLeads[acts[i]], i)
		}
		leads[k] = append(leads[k], i)
	}
	reasonGroup := func(k int) Group {
		c := &cells[k]
		r := codes.Reason(k % nr)
		a := codes.Action(k / nr)
		if !byAction {
			a = majorityAction(c.actions)
		}
		return Group{Action: a, Reason: r, Key: r.String(), Count: len(leads[k]),
			Share: float64(len(leads[k])) / total, Class: majority(c.classes), Classes: c.classes,
			Actions: c.actions, Name: codes.Describe(r), Leads: leads[k]}
	}
	var out []Group
	if !byAction {
		for k := range cells {
			if len(leads[k]) > 0 {
				out = append(out, reasonGroup(k))
			}
		}
		sortReasonGroups(out, by)
		return out
	}
	for _, a := range codes.Actions() {
		top := Group{Action: a, Key: a.String(), Name: a.Explain()}
		for r := range nr {
			k := int(a)*nr + r
			if len(leads[k]) == 0 {
				continue
			}
			sg := reasonGroup(k)
			top.Count += sg.Count
			for c, n := range sg.Classes {
				top.Classes[c] += n
			}
			top.Actions[a] += sg.Count
			top.Subgroups = append(top.Subgroups, sg)
		}
		if top.Count == 0 {
			continue
		}
		top.Leads = topLeads[a]
		top.Share = float64(top.Count) / total
		top.Class = majority(top.Classes)
		sortReasonGroups(top.Subgroups, by)
		out = append(out, top)
	}
	return out
}

// sortReasonGroups orders reason groups by count (most first), or by reason (catalog order).
func sortReasonGroups(gs []Group, by SortBy) {
	slices.SortStableFunc(gs, func(a, b Group) int {
		if by == ByCount {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
}

func majorityAction(n [NumActions]int) codes.Action {
	best := codes.Review
	for a := range n {
		if n[a] > n[best] {
			best = codes.Action(a)
		}
	}
	return best
}

// domainGroups groups by receiving domain, most bounces first, each with its mixes.
func (ds *Dataset) domainGroups(sel []int32) []Group {
	acts := ds.actions()
	total := float64(len(sel))
	doms := ds.Domains(sel)
	out := make([]Group, len(doms))
	for k := range doms {
		d := &doms[k]
		g := Group{Key: d.Domain, Count: d.Count, Share: float64(d.Count) / total, Leads: d.Leads}
		if g.Key == "" {
			g.Key = NoDomainName
		}
		for _, i := range d.Leads {
			g.Classes[ds.classOf(i)]++
			g.Actions[acts[i]]++
		}
		g.Class = majority(g.Classes)
		g.Action = majorityAction(g.Actions)
		if len(d.Reasons) > 0 {
			g.Reason = d.Reasons[0].Reason
			g.Name = "mostly " + g.Reason.String()
		}
		out[k] = g
	}
	return out
}

// NoDomainName is the Key of the group of leads whose email has no domain.
const NoDomainName = "no domain"

// providerGroups groups by mailbox provider, most bounces first, each with its mixes.
func (ds *Dataset) providerGroups(sel []int32) []Group {
	ids, names := ds.ProviderIDs()
	acts := ds.actions()
	total := float64(len(sel))
	byID := make([]int, len(names)+1)
	var out []Group
	for k := range byID {
		byID[k] = -1
	}
	for _, i := range sel {
		id := int(ids[i])
		if id < 0 || id >= len(names) {
			id = len(names)
		}
		k := byID[id]
		if k < 0 {
			key := "other"
			if id < len(names) && names[id] != "" {
				key = names[id]
			}
			k = len(out)
			byID[id] = k
			out = append(out, Group{Key: key})
		}
		g := &out[k]
		g.Count++
		g.Leads = append(g.Leads, i)
		g.Classes[ds.classOf(i)]++
		g.Actions[acts[i]]++
	}
	for k := range out {
		g := &out[k]
		g.Share = float64(g.Count) / total
		g.Class = majority(g.Classes)
		g.Action = majorityAction(g.Actions)
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}
