package model

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bouncelens/bouncelens/codes"
)

// Filter selects leads. The zero Filter selects every lead.
type Filter struct {
	Classes  []codes.Class  // empty: any class
	Basic    uint16         // 0: any basic code
	Enhanced codes.Enhanced // zero: any enhanced code
	Reasons  []codes.Reason // empty: any reason
	Actions  []codes.Action // empty: any action
	Domain   string         // receiving domain, case-insensitive; "": any
	Match    string         // case-insensitive text over email, name, company and reason

	History // Since, Until, MinBounces: the lead's bounce history (timeline.go); zero: any
}

// Domain returns the receiving domain of the lead's email address, trimmed, as written; "" when
// the cell is not one valid address (see Address).
func (l *Lead) Domain() string {
	e, ok := Address(l.Email)
	if !ok {
		return ""
	}
	return e[strings.LastIndexByte(e, '@')+1:]
}

// matcher is a Filter prepared for testing many leads.
type matcher struct {
	classes   [256]bool
	anyClass  bool
	reasons   [256]bool
	anyReason bool
	actions   [NumActions]bool
	anyAction bool
	acts      []codes.Action // per lead, when actions are filtered
	basic     uint16
	enhanced  codes.Enhanced
	domain    string
	domID     int32    // a lean load: the domain's id, -1 when no lead has it
	needle    string   // lowercased; "" when there is no text match
	reasonHit []bool   // per distinct reason text: does it contain the needle
	leadHit   []uint64 // per lead, a bit: its email, name or company contains the needle
	ridPass   []bool   // per distinct reason text: do its leads pass the code and reason filters
	History            // the filter's bounce history bounds
}

func (ds *Dataset) newMatcher(f Filter) *matcher {
	m := &matcher{anyClass: len(f.Classes) == 0, anyReason: len(f.Reasons) == 0, basic: f.Basic, enhanced: f.Enhanced}
	for _, c := range f.Classes {
		m.classes[c] = true
	}
	for _, r := range f.Reasons {
		m.reasons[r] = true
	}
	m.anyAction = len(f.Actions) == 0
	for _, a := range f.Actions {
		if a < NumActions {
			m.actions[a] = true
		}
	}
	if !m.anyAction {
		m.acts = ds.actions()
	}
	m.domain = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(f.Domain), "@"))
	if st := ds.lean; st != nil && m.domain != "" {
		m.domID = -1
		if id, ok := st.domains[m.domain]; ok && m.domain != NoDomainName {
			m.domID = id
		}
	}
	m.History = f.History
	if f.Match != "" {
		m.needle = strings.ToLower(f.Match)
		m.reasonHit = make([]bool, len(ds.reasons))
		ix := ds.index()
		bits := make([]uint64, (len(ds.reasons)+63)/64)
		ix.reasons.find([]byte(m.needle), 0, len(ds.reasons), bits)
		for i := range m.reasonHit {
			m.reasonHit[i] = bits[i>>6]&(1<<(i&63)) != 0
		}
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// prepare computes, once per distinct reason text, whether leads bouncing with it pass the
// code and reason filters and, with a text match, whether the text holds the needle.
func (m *matcher) prepare(ds *Dataset) {
	m.ridPass = make([]bool, len(ds.ridBounce))
	for rid := range ds.ridBounce {
		b := &ds.ridBounce[rid]
		m.ridPass[rid] = (m.anyReason || m.reasons[b.Reason]) && (m.basic == 0 || b.Basic == m.basic) &&
			(m.enhanced.IsZero() || b.Enhanced == m.enhanced)
	}
}

// match tests lead i, whose side-table entry is meta.
func (m *matcher) match(ds *Dataset, i int, meta uint32) bool {
	rid := meta >> 2
	if !m.anyClass && !m.classes[meta&3] || int(rid) >= len(m.ridPass) || !m.ridPass[rid] {
		return false
	}
	if !m.anyAction && !m.actions[m.acts[i]] {
		return false
	}
	if m.needle != "" && !m.reasonHit[rid] && m.leadHit[i>>6]&(1<<(i&63)) == 0 {
		return false
	}
	if !m.History.holds(ds, i) {
		return false
	}
	if m.domain == "" {
		return true
	}
	if st := ds.lean; st != nil {
		return st.leads[i].dom == m.domID
	}
	return strings.EqualFold(ds.Leads[i].Domain(), m.domain)
}

// searchIndex holds every lead's email, full name and company, and every distinct reason text,
// lowercased, one per line, so that a text match is a fast substring search over a block of
// memory.
type searchIndex struct {
	once    sync.Once
	leads   textIndex
	reasons textIndex
}

// textIndex is lines of lowercased text.
type textIndex struct {
	text   []byte
	starts []int32 // where each line starts in text, and the end
}

// index builds the search index on first use.
func (ds *Dataset) index() *searchIndex {
	ix := &ds.search
	ix.once.Do(func() {
		var wg sync.WaitGroup
		wg.Go(func() {
			r := &ix.reasons
			n := 0
			for _, s := range ds.reasons {
				n += len(s) + 1
			}
			r.text = make([]byte, 0, n)
			r.starts = make([]int32, len(ds.reasons)+1)
			for i, s := range ds.reasons {
				r.starts[i] = int32(len(r.text))
				r.text = appendLower(r.text, s)
				r.text = append(r.text, 0)
			}
			r.starts[len(ds.reasons)] = int32(len(r.text))
		})
		// Each core indexes a part of the leads; the parts are joined in order.
		parts := max(1, runtime.GOMAXPROCS(0))
		if len(ds.Leads) < 1<<16 {
			parts = 1
		}
		pieces := make([]textIndex, parts)
		var pw sync.WaitGroup
		for p := range parts {
			lo, hi := len(ds.Leads)*p/parts, len(ds.Leads)*(p+1)/parts
			pw.Go(func() { pieces[p] = leadText(ds.Leads[lo:hi]) })
		}
		pw.Wait()
		li := &ix.leads
		n := 0
		for _, pc := range pieces {
			n += len(pc.text)
		}
		li.text = make([]byte, 0, n)
		li.starts = make([]int32, 0, len(ds.Leads)+1)
		for _, pc := range pieces {
			base := int32(len(li.text))
			li.text = append(li.text, pc.text...)
			for _, st := range pc.starts[:len(pc.starts)-1] {
				li.starts = append(li.starts, base+st)
			}
		}
		li.starts = append(li.starts, int32(len(li.text)))
		wg.Wait()
	})
	return ix
}

// leadText indexes the email, full name and company of leads.
func leadText(leads []Lead) textIndex {
	n := 0
	for i := range leads {
		l := &leads[i]
		n += len(l.Email) + len(l.FirstName) + len(l.LastName) + len(l.Company) + 4
	}
	ti := textIndex{text: make([]byte, 0, n), starts: make([]int32, len(leads)+1)}
	for i := range leads {
		l := &leads[i]
		ti.starts[i] = int32(len(ti.text))
		ti.text = appendLower(ti.text, l.Email)
		ti.text = append(ti.text, 0)
		ti.text = appendLower(ti.text, l.FirstName)
		ti.text = append(ti.text, ' ')
		ti.text = appendLower(ti.text, l.LastName)
		ti.text = append(ti.text, 0)
		ti.text = appendLower(ti.text, l.Company)
		ti.text = append(ti.text, 0)
	}
	ti.starts[len(leads)] = int32(len(ti.text))
	return ti
}

// PrepareSearch builds the index that text matches (Filter.Match) search, which Select
// otherwise builds on the first match. A browser can call it in the background after a load so
// that the first keystroke of a search is as quick as the rest; it is safe to call from several
// goroutines. It costs about 80 bytes per lead.
func (ds *Dataset) PrepareSearch() {
	ds.prepared()
	ds.index()
}

func appendLower(b []byte, s string) []byte {
	if !isASCII(s) {
		return append(b, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// find sets a bit per line in [lo, hi) that holds the needle.
func (ix *textIndex) find(needle []byte, lo, hi int, bits []uint64) {
	pos, end := int(ix.starts[lo]), int(ix.starts[hi])
	k := lo
	for pos < end {
		j := bytes.Index(ix.text[pos:end], needle)
		if j < 0 {
			return
		}
		at := pos + j
		// The line that holds at: the last start <= at. Hits come in order, so walk forward.
		for int(ix.starts[k+1]) <= at {
			k++
		}
		bits[k>>6] |= 1 << (k & 63)
		pos = int(ix.starts[k+1])
		k++
	}
}

// Select returns the indices into ds.Leads of the leads f matches, in file order. The text
// match is tested once per distinct reason text; large datasets are scanned on every core.
func (ds *Dataset) Select(f Filter) []int32 {
	meta := ds.prepared()
	m := ds.newMatcher(f)
	m.prepare(ds)
	n := ds.Len()
	parts := 1
	if n >= 1<<16 {
		parts = runtime.GOMAXPROCS(0)
	}
	var ix *searchIndex
	if m.needle != "" {
		ix = ds.index()
		m.leadHit = make([]uint64, (n+63)/64)
	}
	out := make([][]int32, parts)
	var wg sync.WaitGroup
	for p := range parts {
		// Parts split on multiples of 64 leads so each writes its own words of leadHit.
		lo, hi := n*p/parts&^63, n*(p+1)/parts&^63
		if p == parts-1 {
			hi = n
		}
		wg.Go(func() {
			if ix != nil {
				ix.leads.find([]byte(m.needle), lo, hi, m.leadHit)
			}
			var sel []int32
			if m.needle == "" && m.domain == "" {
				sel = make([]int32, 0, hi-lo)
			}
			for i, mt := range meta[lo:hi] {
				if m.match(ds, lo+i, mt) {
					sel = append(sel, int32(lo+i))
				}
			}
			out[p] = sel
		})
	}
	wg.Wait()
	if parts == 1 {
		return out[0]
	}
	total := 0
	for _, s := range out {
		total += len(s)
	}
	sel := make([]int32, 0, total)
	for _, s := range out {
		sel = append(sel, s...)
	}
	return sel
}

// All returns the indices of every lead: the selection of the zero Filter.
func (ds *Dataset) All() []int32 {
	sel := make([]int32, ds.Len())
	for i := range sel {
		sel[i] = int32(i)
	}
	return sel
}

// DistinctLeads counts the distinct email addresses (ignoring case) among the selected leads:
// a lead found in two files, or bounced twice, counts once here and twice in groups.
func (ds *Dataset) DistinctLeads(sel []int32) int {
	if st := ds.lean; st != nil {
		seen := make(map[uint64]struct{}, len(sel))
		for _, i := range sel {
			seen[st.leads[i].email] = struct{}{}
		}
		return len(seen)
	}
	seen := make(map[string]struct{}, len(sel))
	for _, i := range sel {
		e := ds.Leads[i].Email
		if !isLowerASCII(e) {
			e = strings.ToLower(e)
		}
		seen[e] = struct{}{}
	}
	return len(seen)
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// ClassCounts counts the selected leads of each class, indexed by codes.Class.
func (ds *Dataset) ClassCounts(sel []int32) [codes.Success + 1]int {
	var n [codes.Success + 1]int
	if ds.lean != nil {
		for _, i := range sel {
			n[ds.meta[i]&3]++
		}
		return n
	}
	for _, i := range sel {
		if c := ds.Leads[i].Bounce.Class; int(c) < len(n) {
			n[c]++
		}
	}
	return n
}
