package model

import (
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
	Domain   string         // receiving domain, case-insensitive; "": any
	Match    string         // case-insensitive text over email, name, company and reason
}

// Domain returns the receiving domain of the lead's email address, as written ("" if none).
func (l *Lead) Domain() string {
	if i := strings.LastIndexByte(l.Email, '@'); i >= 0 {
		return l.Email[i+1:]
	}
	return ""
}

// matcher is a Filter prepared for testing many leads.
type matcher struct {
	classes     [256]bool
	anyClass    bool
	reasons     [256]bool
	anyReason   bool
	basic       uint16
	enhanced    codes.Enhanced
	domain      string
	needle      string // lowercased; "" when there is no text match
	asciiNeedle bool
	reasonHit   []bool // per distinct reason text: does it contain the needle
}

func (ds *Dataset) newMatcher(f Filter) *matcher {
	m := &matcher{anyClass: len(f.Classes) == 0, anyReason: len(f.Reasons) == 0, basic: f.Basic, enhanced: f.Enhanced}
	for _, c := range f.Classes {
		m.classes[c] = true
	}
	for _, r := range f.Reasons {
		m.reasons[r] = true
	}
	m.domain = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(f.Domain), "@"))
	if f.Match != "" {
		m.needle = strings.ToLower(f.Match)
		m.asciiNeedle = isASCII(m.needle)
		m.reasonHit = make([]bool, len(ds.reasons))
		for i, r := range ds.reasons {
			m.reasonHit[i] = m.contains(r)
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

// contains reports whether s holds the needle, ignoring case.
func (m *matcher) contains(s string) bool {
	n := m.needle
	if !m.asciiNeedle {
		return strings.Contains(strings.ToLower(s), n)
	}
	if len(s) < len(n) {
		return false
	}
	c0 := n[0]
	up := c0
	if c0 >= 'a' && c0 <= 'z' {
		up = c0 - 'a' + 'A'
	}
outer:
	for i := 0; i <= len(s)-len(n); i++ {
		if c := s[i]; c != c0 && c != up {
			continue
		}
		for k := 1; k < len(n); k++ {
			c := s[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != n[k] {
				continue outer
			}
		}
		return true
	}
	return false
}

func (m *matcher) match(l *Lead) bool {
	b := &l.Bounce
	if !m.anyClass && !m.classes[b.Class] || !m.anyReason && !m.reasons[b.Reason] ||
		m.basic != 0 && b.Basic != m.basic || !m.enhanced.IsZero() && b.Enhanced != m.enhanced {
		return false
	}
	if m.domain != "" && !strings.EqualFold(l.Domain(), m.domain) {
		return false
	}
	if m.needle != "" {
		if int(l.rid) < len(m.reasonHit) && m.reasonHit[l.rid] {
			return true
		}
		return m.contains(l.Email) || m.contains(l.FirstName) || m.contains(l.LastName) ||
			m.contains(l.Company) || m.fullName(l)
	}
	return true
}

// fullName matches a needle that spans first and last name ("ann lee").
func (m *matcher) fullName(l *Lead) bool {
	if strings.IndexByte(m.needle, ' ') < 0 || l.FirstName == "" || l.LastName == "" {
		return false
	}
	return m.contains(l.FirstName + " " + l.LastName)
}

// Select returns the indices into ds.Leads of the leads f matches, in file order. The text
// match is tested once per distinct reason text; large datasets are scanned on every core.
func (ds *Dataset) Select(f Filter) []int32 {
	m := ds.newMatcher(f)
	n := len(ds.Leads)
	parts := 1
	if n >= 1<<16 {
		parts = runtime.GOMAXPROCS(0)
	}
	out := make([][]int32, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		wg.Go(func() {
			var sel []int32
			if m.needle == "" && m.domain == "" {
				sel = make([]int32, 0, hi-lo)
			}
			for i := lo; i < hi; i++ {
				if m.match(&ds.Leads[i]) {
					sel = append(sel, int32(i))
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
	sel := make([]int32, len(ds.Leads))
	for i := range sel {
		sel[i] = int32(i)
	}
	return sel
}

// DistinctLeads counts the distinct email addresses (ignoring case) among the selected leads:
// a lead found in two files, or bounced twice, counts once here and twice in groups.
func (ds *Dataset) DistinctLeads(sel []int32) int {
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
	for _, i := range sel {
		if c := ds.Leads[i].Bounce.Class; int(c) < len(n) {
			n[c]++
		}
	}
	return n
}
