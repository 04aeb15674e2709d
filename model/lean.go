package model

import (
	"github.com/bouncelens/bouncelens/codes"
	"hash/maphash"
	"strings"
	"time"
	"unsafe"
)

// A lean load (Options.Lean) keeps, per lead, only what counting needs: its reason text's id
// and class (Dataset.meta), its dates, its receiving domain, a hash of its address and a few
// flags, in one fixed-size record the garbage collector does not scan. Names, companies, ids
// and the other columns are never copied: a worker fills a chunk's leads into a scratch buffer
// whose strings point into the chunk's text, and the chunk's records are made before the text
// is read over. That is what `summary` needs (Select without a text match or a bounce count,
// GroupsBy, Totals, WriteSummary); everything that reads Dataset.Leads needs a full load.

// stamp is a time as Unix seconds and nanoseconds; the zero stamp is the zero time.
type stamp struct {
	s  int64
	ns int32 // nanoseconds + 1: never zero for a time, even at the Unix epoch
}

func stampOf(t time.Time) stamp {
	if t.IsZero() {
		return stamp{}
	}
	return stamp{t.Unix(), int32(t.Nanosecond()) + 1}
}

func (s stamp) isZero() bool { return s.ns == 0 }

// unix is the stamp's time in Unix seconds.
func (s stamp) unix() int64 { return s.s }

func (s stamp) time() time.Time {
	if s.isZero() {
		return time.Time{}
	}
	return time.Unix(s.s, int64(s.ns-1)).UTC()
}

// leanLead is one lead of a lean load.
type leanLead struct {
	times     [nTimeSlots]stamp // Lead's times by slot (leadField.slot): leanStore.susp and .upd say which is which
	email     uint64            // hash of the address as DistinctLeads compares it (lowercased)
	dom       int32             // domain id: a job's own while filling, the dataset's once merged
	flags     leadFlags         // as Lead.flags, with flagActivity set
	suspended bool              // Email Suspended
}

// Lean reports whether ds was loaded with Options.Lean: ds.Leads is then empty, and Len counts
// the leads.
func (ds *Dataset) Lean() bool { return ds.lean != nil }

// Len is the number of leads: len(ds.Leads), or a lean load's count.
func (ds *Dataset) Len() int {
	if ds.lean != nil {
		return len(ds.lean.leads)
	}
	return len(ds.Leads)
}

// leanStore is the leads of a lean load and the domains they are numbered by.
type leanStore struct {
	leads   []leanLead
	meta    []uint32 // per lead, Dataset.meta's entry; moved there by loader.finish (while loading, Dataset.meta is that of Dataset.Leads, a JSON file's)
	seed    maphash.Seed
	offsets [nTimeSlots]uintptr // per time slot, its field's offset in Lead
	susp    int                 // slot of Email Suspended At (an activity's date)
	upd     int                 // slot of Updated At
	domains map[string]int32    // lowercased domain (NoDomainName for none) -> id
	names   []string            // per id
	seen    int64               // bytes of the chunks merged, to size leads
}

// leanJob is what a worker made of one chunk's leads: their records, numbered by the chunk's
// own domains (names alias the chunk's text until merged).
type leanJob struct {
	leads []leanLead
	doms  []string
	index map[string]int32
	lower []byte
}

// compact makes the records of j's filled leads (j.dst[:j.good]) into j.lean. The leads'
// emails may point into j's text: it runs before the text is given back.
func (ld *loader) compact(j *job) {
	lj := &j.lean
	lj.leads = lj.leads[:0]
	lj.doms = lj.doms[:0]
	if lj.index == nil {
		lj.index = make(map[string]int32)
	}
	clear(lj.index)
	st := ld.ds.lean
	for k := range j.dst[:j.good] {
		l := &j.dst[k]
		d := l.Domain()
		if d == "" {
			d = NoDomainName
		}
		id, ok := lj.index[d]
		if !ok {
			id = int32(len(lj.doms))
			lj.index[d] = id
			lj.doms = append(lj.doms, d)
		}
		e := l.Email
		if !isLowerASCII(e) {
			lj.lower = append(lj.lower[:0], strings.ToLower(e)...)
			e = unsafe.String(unsafe.SliceData(lj.lower), len(lj.lower))
		}
		flags := l.flags
		if ld.isActivity(l.File) {
			flags |= flagActivity
		}
		r := leanLead{email: maphash.String(st.seed, e), dom: id, flags: flags, suspended: l.EmailSuspended}
		for s, off := range st.offsets {
			r.times[s] = stampOf(*(*time.Time)(unsafe.Add(unsafe.Pointer(l), off)))
		}
		lj.leads = append(lj.leads, r)
	}
	clear(lj.index) // its keys may point into the chunk's text
}

// mergeLean appends j's records to the dataset, renumbering their domains.
func (ld *loader) mergeLean(j *job) {
	st := ld.ds.lean
	st.seen += int64(len(j.data))
	if n := len(st.leads) + len(j.lean.leads); n > cap(st.leads) {
		st.grow(n, st.seen, ld.estBytes)
	}
	remap := make([]int32, len(j.lean.doms))
	for k, d := range j.lean.doms {
		if !isLowerASCII(d) {
			d = strings.ToLower(d)
		}
		id, ok := st.domains[d]
		if !ok {
			d = strings.Clone(d)
			id = int32(len(st.names))
			st.domains[d] = id
			st.names = append(st.names, d)
		}
		remap[k] = id
	}
	for _, r := range j.lean.leads {
		r.dom = remap[r.dom]
		st.leads = append(st.leads, r)
	}
	st.meta = append(st.meta, j.dstMeta[:j.good]...)
}

// scratch is a lean load's buffers for one chunk: its leads, then its records.
type leanScratch struct {
	leads []Lead
	lean  leanJob
}

// leadBuffer returns cleared scratch for a chunk of n leads, from bufs when there is some.
func leadBuffer(bufs chan leanScratch, n int) ([]Lead, leanJob) {
	select {
	case b := <-bufs:
		if cap(b.leads) >= n {
			return b.leads[:n], b.lean
		}
		return make([]Lead, n), b.lean
	default:
	}
	return make([]Lead, n), leanJob{}
}

// leanLeads moves ds.Leads[from:] (a JSON file's leads, read one at a time) into the lean
// records.
func (ld *loader) leanLeads(from int) {
	ds := ld.ds
	if ds.lean == nil || from >= len(ds.Leads) {
		return
	}
	j := &job{dst: ds.Leads[from:], dstMeta: ds.meta[from:len(ds.Leads)], good: len(ds.Leads) - from}
	ld.compact(j)
	ld.mergeLean(j)
	clear(ds.Leads[from:])
	ds.Leads, ds.meta = ds.Leads[:from], ds.meta[:from]
}

// fixLeanOrder swaps day and month of the ambiguous dates of the lean records from on, as
// fixOrder does for leads.
func (st *leanStore) fixOrder(from int, swap bool) {
	const all = flagAmbiguous * (1<<nTimeSlots - 1)
	for i := from; i < len(st.leads); i++ {
		r := &st.leads[i]
		if r.flags&all == 0 {
			continue
		}
		if swap {
			for s := range r.times {
				if r.flags&(flagAmbiguous<<s) != 0 && !r.times[s].isZero() {
					r.times[s] = stampOf(swapDayMonth(r.times[s].time()))
				}
			}
		}
		r.flags &^= all
	}
}

// bounceDate is BounceDate of a lean record.
func (st *leanStore) bounceDate(r *leanLead) stamp {
	if s := r.times[st.susp]; !s.isZero() {
		return s
	}
	return r.times[st.upd]
}

// leanSuspendedNow is SuspendedNow of a lean record.
func (ds *Dataset) leanSuspendedNow(r *leanLead) bool {
	if r.flags&flagActivity != 0 && !r.suspended {
		return false
	}
	at := r.times[ds.lean.susp].time()
	if at.IsZero() || at.After(ds.Now) {
		return false
	}
	return ds.Now.Sub(at) < 24*time.Hour
}

// leanExportTime is exportTime over lean records.
func (st *leanStore) exportTime(now time.Time) time.Time {
	var newest time.Time
	for i := range st.leads {
		r := &st.leads[i]
		for _, s := range r.times {
			if t := s.time(); t.After(newest) {
				newest = t
			}
		}
	}
	if newest.IsZero() || newest.After(now) {
		return now
	}
	return newest
}

// newLeanStore makes the store of a lean load whose lead fields are fields.
func newLeanStore(fields []leadField) *leanStore {
	st := &leanStore{seed: maphash.MakeSeed(), domains: make(map[string]int32)}
	for _, f := range fields {
		if f.kind != kindTime {
			continue
		}
		st.offsets[f.slot] = f.offset
		switch f.offset {
		case unsafe.Offsetof(Lead{}.EmailSuspendedAt):
			st.susp = int(f.slot)
		case unsafe.Offsetof(Lead{}.UpdatedAt):
			st.upd = int(f.slot)
		}
	}
	return st
}

// classOf is lead i's class, as a class mix counts it.
func (ds *Dataset) classOf(i int32) codes.Class {
	if ds.lean != nil {
		return codes.Class(ds.meta[i] & 3)
	}
	return ds.Leads[i].Bounce.Class & 3
}

// leanDomains is domains for a lean load: by the records' domain ids.
func (ds *Dataset) leanDomains(sel []int32) []DomainGroup {
	st := ds.lean
	index := make(map[int32]int)
	var out []DomainGroup
	for _, i := range sel {
		id := st.leads[i].dom
		k, ok := index[id]
		if !ok {
			k = len(out)
			index[id] = k
			d := st.names[id]
			if d == NoDomainName {
				d = ""
			}
			out = append(out, DomainGroup{Domain: d})
		}
		g := &out[k]
		g.Count++
		g.Leads = append(g.Leads, i)
		g.Reasons = addReason(g.Reasons, ds.ridBounce[ds.meta[i]>>2].Reason, 1)
	}
	return out
}

// grow makes room for n records: for the whole input once a few MB are read (from the records
// per byte so far), so that a million records are not copied again and again.
func (st *leanStore) grow(n int, seen, est int64) {
	want := 2 * n
	if est > 0 && seen >= min(4<<20, est) {
		want = n + int(float64(n)/float64(seen)*float64(max(est-seen, 0))*1.05) + 1024
	}
	st.leads = growHuge(st.leads, want)
	st.meta = growHuge(st.meta, want)
}
