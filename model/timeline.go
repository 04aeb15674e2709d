package model

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// History bounds a lead's bounce history. Since and Until bound the date it bounced
// (Dataset.BounceDate): Since is inclusive, Until exclusive, and a zero bound is no bound; a lead
// without a date is outside every bounded range. MinBounces keeps the leads whose address bounced
// at least that many times (Dataset.BounceCounts); 0 or 1 keeps all.
type History struct {
	Since, Until time.Time
	MinBounces   int
}

// IsZero reports whether the history has no bound.
func (h *History) IsZero() bool { return h.Since.IsZero() && h.Until.IsZero() && h.MinBounces <= 1 }

// holds reports whether lead i's history is within the bounds.
func (h *History) holds(ds *Dataset, i int) bool {
	if h.MinBounces > 1 && int(ds.BounceCounts()[i]) < h.MinBounces {
		return false
	}
	if h.Since.IsZero() && h.Until.IsZero() {
		return true
	}
	at := ds.leadDates()[i]
	if at == noDate {
		return false
	}
	// Whole seconds: BounceDate's dates are to the second.
	return (h.Since.IsZero() || at >= ceilUnix(h.Since)) && (h.Until.IsZero() || at < ceilUnix(h.Until))
}

// ceilUnix is t in Unix seconds, rounded up.
func ceilUnix(t time.Time) int64 {
	s := t.Unix()
	if t.Nanosecond() > 0 {
		s++
	}
	return s
}

// BounceCounts returns, per lead, how many leads of the dataset share its address (AddressKey:
// trimmed, any case), that is how many bounces the address has across every file loaded; a lead
// without an address counts 1. It is built on first use.
func (ds *Dataset) BounceCounts() []int32 {
	hx := &ds.hist
	hx.countsOnce.Do(func() {
		counts := make(map[string]int32, len(ds.Leads)/2)
		keys := make([]string, len(ds.Leads))
		for i := range ds.Leads {
			k := AddressKey(ds.Leads[i].Email)
			keys[i] = k
			if k != "" {
				counts[k]++
			}
		}
		hx.counts = make([]int32, len(ds.Leads))
		for i, k := range keys {
			hx.counts[i] = max(counts[k], 1)
		}
	})
	return hx.counts
}

// Period is the width of a timeline's buckets.
type Period uint8

// The periods. A week starts on Monday; every period starts at midnight or on the hour, UTC.
const (
	Hour Period = iota
	Day
	Week
)

var periodNames = [...]string{Hour: "hour", Day: "day", Week: "week"}

// String returns the period's name: hour, day or week.
func (p Period) String() string {
	if int(p) < len(periodNames) {
		return periodNames[p]
	}
	return ""
}

// Length is how long one period lasts (UTC has no daylight saving).
func (p Period) Length() time.Duration {
	switch p {
	case Hour:
		return time.Hour
	case Week:
		return 7 * 24 * time.Hour
	}
	return 24 * time.Hour
}

// ParsePeriod reads a period name: hour, day or week.
func ParsePeriod(s string) (Period, error) {
	for p, name := range periodNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Period(p), nil
		}
	}
	return Day, fmt.Errorf("unknown period %q (want hour, day or week)", s)
}

// AutoPeriod picks a timeline's period for leads that bounced between first and last: hours
// under two days, weeks over 120 days, else days.
func AutoPeriod(first, last time.Time) Period {
	switch span := last.Sub(first); {
	case span < 48*time.Hour:
		return Hour
	case span > 120*24*time.Hour:
		return Week
	}
	return Day
}

// Key is what a timeline's buckets are split by.
type Key uint8

// The keys.
const (
	KeyAction   Key = iota // suppress, readd, wait, review
	KeyProvider            // the mailbox provider (codes.MailboxProvider), else OtherProvider
	KeyReason              // userunknown, blocked...
	KeyCode                // "550 5.1.1", "550", "no code"
	KeyDomain              // the receiving domain, lowercased
)

var keyNames = [...]string{KeyAction: "action", KeyProvider: "provider", KeyReason: "reason", KeyCode: "code", KeyDomain: "domain"}

// String returns the key's name as users type it.
func (k Key) String() string {
	if int(k) < len(keyNames) {
		return keyNames[k]
	}
	return ""
}

// ParseKey reads a key name: action, provider, reason, code or domain.
func ParseKey(s string) (Key, error) {
	for k, name := range keyNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Key(k), nil
		}
	}
	return KeyAction, fmt.Errorf("unknown key %q (want action, provider, reason, code or domain)", s)
}

// OtherProvider is the provider key of leads whose domain and reply text name no provider
// (most often a company's own mail server).
const OtherProvider = "other"

// Bucket is how many leads of one group bounced in one period.
type Bucket struct {
	Start time.Time // the period's start, UTC
	Key   string
	Count int
}

// Timeline counts the selected leads per period of their bounce date (Dataset.BounceDate) and
// per group, ordered by period, then most leads first, then key. Leads without a date are in no
// bucket: Undated counts them.
func (ds *Dataset) Timeline(sel []int32, every Period, by Key) []Bucket {
	meta := ds.prepared()
	var acts []codes.Action
	if by == KeyAction {
		acts = ds.actions()
	}
	parts := 1
	if len(sel) >= 1<<16 {
		parts = runtime.GOMAXPROCS(0)
	}
	type bkey struct {
		period int64
		key    string
	}
	switch by {
	case KeyDomain:
		ds.domainIDs()
	case KeyProvider:
		ds.providerIDs()
	}
	// Key ids are the same in every part, except by code: there each part names its own.
	counters := make([]*timelineCounter, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(sel)*p/parts, len(sel)*(p+1)/parts
		wg.Go(func() {
			tc := newTimelineCounter(ds, by, every, acts, meta)
			for _, i := range sel[lo:hi] {
				tc.add(i, every)
			}
			tc.flush()
			counters[p] = tc
		})
	}
	wg.Wait()
	var buckets []Bucket
	if by != KeyCode {
		total := counters[0].counts
		for _, tc := range counters[1:] {
			for k, n := range tc.counts {
				total[k] += n
			}
		}
		buckets = make([]Bucket, 0, len(total))
		for k, n := range total {
			start, key := counters[0].bucket(k, every)
			buckets = append(buckets, Bucket{Start: time.Unix(start, 0).UTC(), Key: key, Count: n})
		}
	} else {
		total := make(map[bkey]int)
		for _, tc := range counters {
			for k, n := range tc.counts {
				start, key := tc.bucket(k, every)
				total[bkey{start, key}] += n
			}
		}
		buckets = make([]Bucket, 0, len(total))
		for k, n := range total {
			buckets = append(buckets, Bucket{Start: time.Unix(k.period, 0).UTC(), Key: k.key, Count: n})
		}
	}
	slices.SortFunc(buckets, func(a, b Bucket) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return buckets
}

// Undated counts the selected leads that have no bounce date (neither Email Suspended At nor
// Updated At): a timeline leaves them out.
func (ds *Dataset) Undated(sel []int32) int {
	dates := ds.leadDates()
	n := 0
	for _, i := range sel {
		if dates[i] == noDate {
			n++
		}
	}
	return n
}

// Span returns the earliest and the latest bounce date of the leads; both are zero when none
// has a date.
func (ds *Dataset) Span(leads []int32) (first, last time.Time) {
	if st := ds.lean; st != nil {
		for _, i := range leads {
			s := st.bounceDate(&st.leads[i])
			if s.isZero() {
				continue
			}
			if at := s.time(); first.IsZero() || at.Before(first) {
				first = at
			}
			if at := s.time(); last.IsZero() || at.After(last) {
				last = at
			}
		}
		return first, last
	}
	for _, i := range leads {
		at, _ := ds.BounceDate(&ds.Leads[i])
		if at.IsZero() {
			continue
		}
		if first.IsZero() || at.Before(first) {
			first = at
		}
		if last.IsZero() || at.After(last) {
			last = at
		}
	}
	return first, last
}

// periodStart is the Unix time at which the period holding t starts.
func periodStart(t time.Time, every Period) int64 { return periodOf(t.Unix(), every) }

// periodOf is the Unix time at which the period holding Unix time s starts.
func periodOf(s int64, every Period) int64 {
	switch every {
	case Hour:
		return floorDiv(s, 3600) * 3600
	case Week:
		// Day 0, 1970-01-01, was a Thursday: weeks start three days before.
		d := floorDiv(s, 86400)
		return (floorDiv(d+3, 7)*7 - 3) * 86400
	}
	return floorDiv(s, 86400) * 86400
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// noDate is a lead's entry in leadDates when it has no bounce date.
const noDate = math.MinInt64

// historyIndex holds what timelines and history filters look up per lead, each part built on
// first use (a dataset's leads do not change once loaded).
type historyIndex struct {
	datesOnce sync.Once
	dates     []int64 // per lead: BounceDate as Unix seconds, or noDate

	domOnce  sync.Once
	domIDs   []int32  // per lead: domain id
	domNames []string // per domain id: the domain, lowercased

	provOnce  sync.Once
	provIDs   []int32  // per lead: provider id
	provNames []string // per provider id: the provider, or OtherProvider

	countsOnce sync.Once
	counts     []int32 // per lead: BounceCounts

	groupsOnce sync.Once
	groups     map[string][]int32 // per address that bounced more than once: its leads, oldest first
}

// leadDates returns every lead's bounce date as Unix seconds (noDate for none).
func (ds *Dataset) leadDates() []int64 {
	hx := &ds.hist
	hx.datesOnce.Do(func() {
		if st := ds.lean; st != nil {
			hx.dates = make([]int64, len(st.leads))
			for i := range st.leads {
				hx.dates[i] = noDate
				if s := st.bounceDate(&st.leads[i]); !s.isZero() {
					hx.dates[i] = s.unix()
				}
			}
			return
		}
		hx.dates = make([]int64, len(ds.Leads))
		for i := range ds.Leads {
			hx.dates[i] = noDate
			if at, _ := ds.BounceDate(&ds.Leads[i]); !at.IsZero() {
				hx.dates[i] = at.Unix()
			}
		}
	})
	return hx.dates
}

// domainIDs returns every lead's domain id and the domains: each core numbers the domains of
// its part of the leads, then the parts' numbers are joined.
func (ds *Dataset) domainIDs() ([]int32, []string) {
	dx := &ds.hist
	dx.domOnce.Do(func() {
		if st := ds.lean; st != nil {
			dx.domIDs = make([]int32, len(st.leads))
			for i := range st.leads {
				dx.domIDs[i] = st.leads[i].dom
			}
			dx.domNames = st.names
			return
		}
		n := len(ds.Leads)
		parts := 1
		if n >= 1<<16 {
			parts = runtime.GOMAXPROCS(0)
		}
		dx.domIDs = make([]int32, n)
		local := make([][]string, parts)
		var wg sync.WaitGroup
		for p := range parts {
			lo, hi := n*p/parts, n*(p+1)/parts
			wg.Go(func() {
				seen := make(map[string]int32)
				var names []string
				for i := lo; i < hi; i++ {
					d := ds.Leads[i].Domain()
					if d == "" {
						d = NoDomainName // no address, or not one valid address
					}
					k, ok := seen[d]
					if !ok {
						k = int32(len(names))
						seen[d] = k
						names = append(names, d)
					}
					dx.domIDs[i] = k
				}
				local[p] = names
			})
		}
		wg.Wait()
		global := make(map[string]int32)
		remap := make([][]int32, parts)
		for p, names := range local {
			remap[p] = make([]int32, len(names))
			for k, d := range names {
				if !isLowerASCII(d) {
					d = strings.ToLower(d)
				}
				id, ok := global[d]
				if !ok {
					id = int32(len(dx.domNames))
					global[d] = id
					dx.domNames = append(dx.domNames, d)
				}
				remap[p][k] = id
			}
		}
		for p := range parts {
			lo, hi := n*p/parts, n*(p+1)/parts
			wg.Go(func() {
				for i := lo; i < hi; i++ {
					dx.domIDs[i] = remap[p][dx.domIDs[i]]
				}
			})
		}
		wg.Wait()
	})
	return dx.domIDs, dx.domNames
}

// providerIDs returns every lead's provider id and the providers: the provider of its domain,
// else the one its reply text names, else OtherProvider. Each domain and each reply text is
// looked up once.
func (ds *Dataset) providerIDs() ([]int32, []string) {
	hx := &ds.hist
	hx.provOnce.Do(func() {
		doms, names := ds.domainIDs()
		meta := ds.prepared()
		ids := map[string]int32{}
		intern := func(p string) int32 {
			k, ok := ids[p]
			if !ok {
				k = int32(len(hx.provNames))
				ids[p] = k
				hx.provNames = append(hx.provNames, p)
			}
			return k
		}
		byDomain := make([]int32, len(names))
		for d, name := range names {
			byDomain[d] = -1
			if p := codes.DomainProvider(name); p != "" {
				byDomain[d] = intern(p)
			}
		}
		byText := make([]int32, len(ds.ridBounce))
		for k := range byText {
			byText[k] = -1
		}
		hx.provIDs = make([]int32, ds.Len())
		for i := range hx.provIDs {
			k := byDomain[doms[i]]
			if k < 0 {
				rid := meta[i] >> 2
				if k = byText[rid]; k < 0 {
					text := ""
					if int(rid) < len(ds.reasons) {
						text = ds.reasons[rid]
					}
					p := codes.TextProvider(text, ds.ridBounce[rid].Provider)
					if p == "" {
						p = OtherProvider
					}
					k = intern(p)
					byText[rid] = k
				}
			}
			hx.provIDs[i] = k
		}
	})
	return hx.provIDs, hx.provNames
}

// timelineCounter counts one part of a selection.
type timelineCounter struct {
	ds     *Dataset
	by     Key
	dates  []int64
	acts   []codes.Action
	meta   []uint32
	keys   []int32 // by domain or provider: per lead, its key id
	counts map[uint64]int
	names  []string         // key id -> key
	ids    map[string]int32 // by code: key -> key id
	rid    []int32          // by code: per reason text, its key id; -1: not yet
	codes  map[uint64]int32 // by code: packed basic and enhanced code -> key id
	unit   int64

	// Keys of few values are counted in a dense window of periods around the first lead's, one
	// row of counts per period; leads outside the window, and keys of many values (domains),
	// are counted in the counts map.
	dense bool
	base  int64     // period (in units) of rows[0]
	rows  [][]int32 // per period in the window: count per key id
	cells int       // counts held in rows, capped at maxDenseCells
}

const (
	denseWindow   = 1 << 14 // periods in the dense window
	maxDenseCells = 1 << 22
)

func newTimelineCounter(ds *Dataset, by Key, every Period, acts []codes.Action, meta []uint32) *timelineCounter {
	tc := &timelineCounter{ds: ds, by: by, dates: ds.leadDates(), acts: acts, meta: meta, counts: make(map[uint64]int)}
	tc.unit = int64(every.Length() / time.Second)
	switch by {
	case KeyAction:
		for _, a := range codes.Actions() {
			for int(a) >= len(tc.names) {
				tc.names = append(tc.names, "")
			}
			tc.names[a] = a.String()
		}
	case KeyReason:
		for _, r := range codes.Reasons() {
			tc.names = append(tc.names, r.String())
		}
	case KeyDomain:
		tc.keys, tc.names = ds.domainIDs()
	case KeyProvider:
		tc.keys, tc.names = ds.providerIDs()
	case KeyCode:
		tc.ids = make(map[string]int32)
		tc.codes = make(map[uint64]int32)
		tc.rid = make([]int32, len(ds.ridBounce))
		for k := range tc.rid {
			tc.rid[k] = -1
		}
	}
	tc.dense = by != KeyDomain
	return tc
}

// add counts lead i, with its period's start in units of the period (so that it packs with the
// key id into one map key).
func (tc *timelineCounter) add(i int32, every Period) {
	at := tc.dates[i]
	if at == noDate {
		return
	}
	p := periodOf(at, every)
	if every == Week {
		p += 3 * 86400 // a multiple of a week from here
	}
	pi, key := floorDiv(p, tc.unit), tc.keyOf(i)
	if tc.dense {
		if tc.rows == nil {
			tc.rows = make([][]int32, denseWindow)
			tc.base = pi - denseWindow/2
		}
		if off := pi - tc.base; off >= 0 && off < denseWindow {
			row := tc.rows[off]
			if int(key) < len(row) {
				row[key]++
				return
			}
			if grow := int(key) + 8 - len(row); tc.cells+grow <= maxDenseCells {
				tc.cells += grow
				row = append(row, make([]int32, grow)...)
				row[key]++
				tc.rows[off] = row
				return
			}
		}
	}
	tc.counts[uint64(pi)<<32|uint64(uint32(key))]++
}

// flush moves the dense window's counts into the counts map.
func (tc *timelineCounter) flush() {
	for off, row := range tc.rows {
		for key, n := range row {
			if n > 0 {
				tc.counts[uint64(tc.base+int64(off))<<32|uint64(uint32(key))] += int(n)
			}
		}
	}
	tc.rows = nil
}

// bucket unpacks a counts key into the period's start and the key.
func (tc *timelineCounter) bucket(k uint64, every Period) (int64, string) {
	p := int64(int32(uint32(k>>32))) * tc.unit
	if every == Week {
		p -= 3 * 86400
	}
	return p, tc.names[uint32(k)]
}

// keyOf returns the key id of lead i.
func (tc *timelineCounter) keyOf(i int32) int32 {
	switch tc.by {
	case KeyAction:
		return int32(tc.acts[i])
	case KeyReason:
		return int32(tc.ds.ridBounce[tc.meta[i]>>2].Reason)
	case KeyDomain, KeyProvider:
		return tc.keys[i]
	}
	rid := tc.meta[i] >> 2
	if k := tc.rid[rid]; k >= 0 {
		return k
	}
	b := &tc.ds.ridBounce[rid]
	code := uint64(b.Basic)<<48 | uint64(b.Enhanced.Class)<<32 | uint64(b.Enhanced.Subject)<<16 | uint64(b.Enhanced.Detail)
	k, ok := tc.codes[code]
	if !ok {
		name := basicKey(b.Basic)
		if !b.Enhanced.IsZero() {
			name += " " + b.Enhanced.String()
		}
		k = int32(len(tc.names))
		tc.names = append(tc.names, name)
		tc.codes[code] = k
	}
	tc.rid[rid] = k
	return k
}

// Provider returns the mailbox provider of lead i (codes.MailboxProvider from its domain, else
// from its reply text), or "" when neither tells.
func (ds *Dataset) Provider(i int32) string {
	l := &ds.Leads[i]
	if p := codes.DomainProvider(l.Domain()); p != "" {
		return p
	}
	return codes.TextProvider(l.Reason, l.Bounce.Provider)
}

// Seen is when some leads bounced: the first and the last bounce date (both zero when none has
// one), and how many bounced in each of len(Cells) equal slices of a span, oldest first.
type Seen struct {
	First, Last time.Time
	Cells       []int32
}

// SeenOver says when leads bounced, counted in cells equal slices of [from, until] (the span of
// a selection the leads are part of, so that the cells of several groups line up). Leads
// without a date, or outside the span, are in no cell.
func (ds *Dataset) SeenOver(leads []int32, from, until time.Time, cells int) Seen {
	dates := ds.leadDates()
	s := Seen{Cells: make([]int32, max(cells, 0))}
	lo, hi := from.Unix(), until.Unix()
	width := hi - lo + 1
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	for _, i := range leads {
		at := dates[i]
		if at == noDate {
			continue
		}
		first, last = min(first, at), max(last, at)
		if at >= lo && at <= hi && cells > 0 {
			s.Cells[(at-lo)*int64(cells)/width]++
		}
	}
	if first <= last {
		s.First, s.Last = time.Unix(first, 0).UTC(), time.Unix(last, 0).UTC()
	}
	return s
}

// DateSource is how many of some leads were dated by one column (Dataset.BounceDate).
type DateSource struct {
	Column string // ActivityDate, "Email Suspended At" or "Updated At"
	Leads  int
}

// DateSources says which columns dated the selected leads' bounces, most leads first: what a
// timeline's dates are.
func (ds *Dataset) DateSources(sel []int32) []DateSource {
	var n [3]int
	for _, i := range sel {
		l := &ds.Leads[i]
		switch _, src := ds.BounceDate(l); src {
		case ActivityDate:
			n[0]++
		case "Email Suspended At":
			n[1]++
		case "Updated At":
			n[2]++
		}
	}
	var out []DateSource
	for k, col := range [...]string{ActivityDate, "Email Suspended At", "Updated At"} {
		if n[k] > 0 {
			out = append(out, DateSource{col, n[k]})
		}
	}
	slices.SortStableFunc(out, func(a, b DateSource) int { return cmp.Compare(b.Leads, a.Leads) })
	return out
}

// DatedBy says in a few words which columns dated the leads: "dated by activityDate", "dated by
// Updated At 240, Email Suspended At 120".
func DatedBy(srcs []DateSource) string {
	switch len(srcs) {
	case 0:
		return ""
	case 1:
		return "dated by " + srcs[0].Column
	}
	parts := make([]string, len(srcs))
	for k, s := range srcs {
		parts[k] = fmt.Sprintf("%s %d", s.Column, s.Leads)
	}
	return "dated by " + strings.Join(parts, ", ")
}
