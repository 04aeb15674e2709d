package model

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/bouncelens/bouncelens/codes"
	"golang.org/x/text/encoding/charmap"
)

// cause is one distinct cause text, interned.
type cause struct {
	text   string
	id     int32
	once   sync.Once
	bounce codes.Bounce
}

// verdict is the bounce of every cause text of one reason template (codes.Template: the text
// with addresses, IPs, ids, times and long numbers masked), classified once, when first needed.
// Classifying the template rather than a text keeps the verdict from depending on which text
// came first, and on words that happen to be in a lead's address or a server's queue id
// ("davidkim@" is no DKIM failure).
type verdict struct {
	once   sync.Once
	tmpl   string
	bounce codes.Bounce
	code   codes.Code // the codes of the template's text itself
}

// get returns the bounce of c, classified by its template when first asked for: only the texts
// a lead's bounce is read from are classified. The worker w lends its scratch space.
func (c *cause) get(w *worker) codes.Bounce {
	c.once.Do(func() {
		text, col := c.text, ""
		if i := strings.IndexByte(text, codeSep); i >= 0 {
			text, col = text[:i], text[i:] // a platform's code column rides after the text
		}
		w.tmpl = append(codes.AppendTemplate(w.tmpl[:0], text), col...)
		c.bounce = w.ld.causes.verdict(w.tmpl).of(c.text)
	})
	return c.bounce
}

// of returns the bounce of key (a reason text, and its code columns' values after codeSep),
// one of v's texts. Its codes are parsed from the text itself; a text whose codes are not its
// template's is classified on its own.
func (v *verdict) of(key string) codes.Bounce {
	v.once.Do(func() {
		v.bounce = classifyCause(v.tmpl)
		v.code = codes.Parse(reasonText(v.tmpl))
	})
	if codes.Parse(reasonText(key)) != v.code {
		return classifyCause(key)
	}
	return v.bounce
}

// causeCache interns cause texts for every worker of a load. Workers look a text up here only
// the first time they meet it, with the hash they computed (the same seed). The verdicts have
// a lock of their own, so that the workers seldom wait for each other.
type causeCache struct {
	seed     maphash.Seed
	mu       sync.Mutex
	slots    []cacheSlot // open addressing on the full hash, at most 3/4 full
	list     []*cause
	block    []cause // causes are allocated a block at a time
	blockLen int     // length of the last block
	ar       arena   // the texts

	vmu      sync.Mutex
	verdicts map[string]*verdict // by template
	tmplAr   arena               // the templates
}

// verdict returns the verdict of template tmpl, adding it when new.
func (cc *causeCache) verdict(tmpl []byte) *verdict {
	cc.vmu.Lock()
	defer cc.vmu.Unlock()
	v := cc.verdicts[string(tmpl)]
	if v == nil {
		v = &verdict{tmpl: cc.tmplAr.str(tmpl)}
		cc.verdicts[v.tmpl] = v
	}
	return v
}

// cacheSlot is one entry of causeCache.slots; c is nil for an empty slot.
type cacheSlot struct {
	h uint64
	c *cause
}

// lookup returns the cause of text b, whose hash (with cc.seed) is h, adding it when new.
func (cc *causeCache) lookup(b []byte, h uint64) *cause {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if (len(cc.list)+1)*4 > len(cc.slots)*3 {
		old := cc.slots
		cc.slots = hugeSlice[cacheSlot](max(1024, 2*len(old)))
		mask := uint64(len(cc.slots) - 1)
		for _, s := range old {
			if s.c == nil {
				continue
			}
			i := s.h & mask
			for cc.slots[i].c != nil {
				i = (i + 1) & mask
			}
			cc.slots[i] = s
		}
	}
	mask := uint64(len(cc.slots) - 1)
	i := h & mask
	for ; cc.slots[i].c != nil; i = (i + 1) & mask {
		if s := &cc.slots[i]; s.h == h && s.c.text == string(b) {
			return s.c
		}
	}
	if len(cc.block) == 0 {
		cc.blockLen = min(max(2*cc.blockLen, 256), 1<<15) // small files stay small
		cc.block = hugeSlice[cause](cc.blockLen)
	}
	c := &cc.block[0]
	cc.block = cc.block[1:]
	c.text, c.id = cc.ar.str(b), int32(len(cc.list))
	cc.slots[i] = cacheSlot{h: h, c: c}
	cc.list = append(cc.list, c)
	return c
}

// arenaBlock is the size of the blocks a worker copies kept text into: one allocation holds
// the fields of thousands of rows, which keeps the heap small and the garbage collector idle.
// Blocks are large enough to hold whole huge pages (see adviseHuge).
const arenaBlock = 4 << 20

// arena hands out strings copied into large blocks. Blocks are never written after a string
// is made from them.
// The first blocks are smaller (from 256 KiB, doubling), so that a small file does not hold
// whole huge pages.
type arena struct {
	buf  []byte
	next int // size of the next block; 0 before the first
}

func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cap(a.buf)-len(a.buf) {
		if len(b) > arenaBlock/8 {
			return string(b)
		}
		a.next = min(max(2*a.next, arenaBlock/16), arenaBlock)
		a.buf = hugeSlice[byte](a.next)[:0]
	}
	off := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[off], len(b))
}

// interner shares the values of one column that repeat (companies, first names); it turns
// itself off for columns whose values are mostly distinct.
type interner struct {
	m       map[string]string
	lookups int // values looked up
	shared  int // bytes of the values found in m, which sharing saved
	off     bool
}

// worker parses chunks of one file; each worker has its own caches, so workers share nothing
// but the cause cache.
type worker struct {
	ld      *loader
	lay     *layout
	file    string
	idx     uint16
	sp      splitter
	ar      arena
	slab    []string
	row     []string // the extra values of the row being filled
	rows    rowSet
	interns []interner
	ct      causeTable
	fresh   []ridBounce // reason bounces first met since the last chunk
	fix     []byte
	clean   []byte

	j          *job             // the job being filled
	line       int32            // line of the row being filled
	dayFirst   [nTimeSlots]bool // a date of this file was read day first because it must be
	monthFirst [nTimeSlots]bool // a date of this file was read month first because it must be
	codeKey    []byte           // scratch for withCodes
	tmpl       []byte           // scratch for reason templates
	alias      bool             // a lean load's CSV worker: fields not kept are not copied (see lean.go)
}

func newWorker(ld *loader, lay *layout, delim byte, file string, idx int) *worker {
	w := &worker{ld: ld, lay: lay, file: file, idx: uint16(idx), sp: splitter{delim: delim, width: len(lay.kinds), email: lay.email},
		interns: make([]interner, len(lay.kinds)), ct: causeTable{seed: ld.causes.seed, empty: -1},
		row: make([]string, lay.nExtra), alias: ld.ds.lean != nil}
	for c := range w.interns {
		switch {
		case c == lay.email || lay.kinds[c] != kindString && lay.kinds[c] != kindExtra:
			w.interns[c].off = true
		default:
			w.interns[c].m = make(map[string]string)
		}
	}
	return w
}

func (w *worker) intern(c int, b []byte) string {
	if w.alias {
		return w.view(b)
	}
	in := &w.interns[c]
	if in.off || len(b) == 0 {
		return w.ar.str(b)
	}
	in.lookups++
	if s, ok := in.m[string(b)]; ok {
		in.shared += len(s)
		return s
	}
	s := w.ar.str(b)
	in.m[s] = s
	if len(in.m) > 1<<12 && (len(in.m)*4 > in.lookups*3 || in.shared < len(in.m)*16) {
		// Mostly distinct values, or short ones repeated a few times (the lead ids of an
		// activity file): sharing saves less than the map holds, and takes longer.
		in.off, in.m = true, nil
	}
	return s
}

// view returns b as a string without copying it when b lies in the text of the job being
// filled (a lean load makes its records before the text is read over); a field repaired into
// scratch space is copied.
func (w *worker) view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(unsafe.SliceData(w.j.data)))
	if p >= lo && p+uintptr(len(b)) <= lo+uintptr(len(w.j.data)) {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return w.ar.str(b)
}

// ridBounce is the bounce of one reason text, by its id.
type ridBounce struct {
	rid    int32
	bounce codes.Bounce
}

// causeSlot is one cause text a worker has seen: its cause (text, id and bounce), and bits of
// its hash that rule out almost every unequal text without reading it.
type causeSlot struct {
	c *cause // nil: an empty slot
	h uint32 // haveBit, and 31 bits of the hash: the slot's index, and to skip most comparisons of unequal texts
}

// haveBit marks a slot whose bounce this worker has reported (in worker.fresh).
const haveBit = 1 << 31

// causeTable is a worker's index of cause texts: open addressing on 31 bits of a 64-bit hash,
// at most 3/4 full.
type causeTable struct {
	seed  maphash.Seed
	slots []causeSlot
	n     int
	empty int32 // slot of the empty text, or -1 when not looked up since the table grew
}

// room grows the table so that n more texts fit without growing; slot indices stay valid
// until the next call.
func (t *causeTable) room(n int) {
	if (t.n+n)*4 <= len(t.slots)*3 {
		return
	}
	old := t.slots
	t.slots = hugeSlice[causeSlot](max(1024, 2*len(old)))
	t.empty = -1
	mask := uint64(len(t.slots) - 1)
	for k := range old {
		if old[k].c == nil {
			continue
		}
		i := uint64(old[k].h&^haveBit) & mask // the slot's hash bits: no text is hashed again
		for t.slots[i].c != nil {
			i = (i + 1) & mask
		}
		t.slots[i] = old[k]
	}
}

// cause returns the index of b's slot in w.ct, finding or adding the text.
func (w *worker) cause(b []byte) int32 {
	t := &w.ct
	if len(b) == 0 && t.empty >= 0 {
		return t.empty
	}
	h := maphash.Bytes(t.seed, b)
	h31 := uint32(h >> 33)
	mask := uint64(len(t.slots) - 1)
	i := uint64(h31) & mask
	for {
		s := &t.slots[i]
		if s.c == nil {
			break
		}
		if s.h&^haveBit == h31 && s.c.text == string(b) {
			return int32(i)
		}
		i = (i + 1) & mask
	}
	c := w.ld.causes.lookup(b, h)
	t.slots[i] = causeSlot{c: c, h: h31}
	t.n++
	if len(b) == 0 {
		t.empty = int32(i)
	}
	return int32(i)
}

// extras returns a slice of n strings carved from a shared slab.
func (w *worker) extras(n int) []string {
	if len(w.slab) < n {
		w.slab = hugeSlice[string](max(n, 1<<16))
	}
	e := w.slab[:n:n]
	w.slab = w.slab[n:]
	return e
}

// rowSet shares the Extra slices of rows whose extra values are the same (a job title and a
// lead source repeat in a few hundred combinations over a million leads); it turns itself off
// when the combinations are mostly distinct.
type rowSet struct {
	slots   [][]string // open addressing on a hash of the values; nil is empty
	n       int
	lookups int
	off     bool
}

// maxRows bounds the distinct extra-value combinations a worker shares.
const maxRows = 1 << 14

// extra returns w.row as a Lead.Extra: a slice shared with earlier rows of the same values, or
// a fresh one.
func (w *worker) extra() []string {
	rs := &w.rows
	if rs.off {
		e := w.extras(len(w.row))
		copy(e, w.row)
		return e
	}
	if rs.slots == nil {
		rs.slots = make([][]string, 2*maxRows)
	}
	// Repeated values are interned, so the same values have the same string data: hash the
	// pointers (values equal but not shared only land in different slots).
	h := uint64(0)
	for _, s := range w.row {
		h = (h ^ uint64(uintptr(unsafe.Pointer(unsafe.StringData(s)))) ^ uint64(len(s))<<48) * 0x9e3779b97f4a7c15
	}
	rs.lookups++
	mask := uint64(len(rs.slots) - 1)
	i := (h >> 20) & mask
	for ; rs.slots[i] != nil; i = (i + 1) & mask {
		if slices.Equal(rs.slots[i], w.row) {
			return rs.slots[i]
		}
	}
	e := w.extras(len(w.row))
	copy(e, w.row)
	rs.n++
	if rs.n >= maxRows || rs.n > 1<<10 && rs.n*4 > rs.lookups {
		rs.off, rs.slots = true, nil // mostly distinct: sharing saves nothing
		return e
	}
	rs.slots[i] = e
	return e
}

// record is a row split into fields, waiting to be filled.
type record struct {
	first, n int32 // its fields: job.fields[first:first+n]
	line     int32
	check    bool // its text needs checking field by field
}

// split cuts j.data into records (phase one); rows that cannot be split are skipped.
func (w *worker) split(j *job) {
	data := j.data
	line := j.line
	if j.tooLong > 0 {
		j.rows++
		j.skipped = append(j.skipped, &ParseError{File: w.file, StartLine: line, Line: line,
			Err: fmt.Errorf("row is %d bytes long (at most %d): skipped as one row", j.tooLong, maxRecord)})
		return
	}
	w.sp.scratch = w.sp.scratch[:0]
	for len(data) > 0 {
		if data[0] == '\n' {
			// A run of blank lines (a decompression bomb is mostly that): skipped at once.
			k := 1
			for k < len(data) && data[k] == '\n' {
				k++
			}
			line += k
			data = data[k:]
			continue
		}
		next, lines, rerr := w.sp.split(data)
		rec := data[:next]
		data = data[next:]
		start := line
		line += lines
		if rerr != nil {
			j.rows++
			j.skipped = append(j.skipped, &ParseError{File: w.file, StartLine: start, Line: start + rerr.lines, Column: rerr.column, Err: rerr.err})
			continue
		}
		if isBlank(rec) {
			continue
		}
		if allEmpty(w.sp.fields) {
			j.blank++ // delimiters only: a spreadsheet's empty row, counted
			continue
		}
		j.rows++
		j.recs = append(j.recs, record{first: int32(len(j.fields)), n: int32(len(w.sp.fields)), line: int32(start), check: needsCheck(rec)})
		j.fields = append(j.fields, w.sp.fields...)
	}
}

// fillAll fills the leads of j's records from the record from on into j.dst, their place in
// Dataset.Leads (phase two). A row that cannot be read, or is not kept (a blank row, a repeated
// header, a row that is not a bounce), leaves its slot to the next; j.good counts the slots
// used. It stops at a header with other columns (j.section), which loader.settle handles.
func (w *worker) fillAll(j *job, from int) {
	dirty := false
	w.j = j
	for ri := from; ri < len(j.recs); ri++ {
		r := j.recs[ri]
		l := &j.dst[j.good]
		if dirty {
			*l = Lead{}
		}
		w.line = r.line
		meta, kind, err := w.fill(l, j.fields[r.first:r.first+r.n], r.check)
		if err != nil {
			dirty = true
			j.fillErrs = append(j.fillErrs, &ParseError{File: w.file, StartLine: int(r.line), Line: int(r.line), Err: err})
			continue
		}
		if kind == rowSection {
			dirty = true
			j.section = int32(ri + 1)
			break
		}
		if kind != rowLead {
			dirty = true
			j.stats.count(kind)
			continue
		}
		dirty = false
		l.File = w.idx
		l.Line = r.line
		j.dstMeta[j.good] = meta
		j.good++
	}
	if dirty {
		j.dst[j.good] = Lead{}
	}
	j.fresh = append(j.fresh, w.fresh...)
	w.fresh = nil
	w.j = nil
}

// fill sets l from the fields of one record and returns its entry of Dataset.meta and what the
// row is; check asks for each field's text to be checked (the record holds control bytes or
// invalid UTF-8).
func (w *worker) fill(l *Lead, fields [][]byte, check bool) (uint32, rowKind, error) {
	lay := w.lay
	if len(fields) != len(lay.kinds) {
		switch {
		case len(fields) == len(lay.kinds)+1 && len(bytes.TrimSpace(fields[len(fields)-1])) == 0:
			fields = fields[:len(lay.kinds)] // a trailing delimiter on data rows only
		case allBlank(fields):
			return 0, rowBlank, nil
		case lay.headerKind(fields) != rowLead:
			return 0, lay.headerKind(fields), nil
		default:
			return 0, rowLead, fmt.Errorf("has %d field%s, the header has %d", len(fields), plural(len(fields)), len(lay.kinds))
		}
	}
	if bytes.IndexByte(fields[lay.email], '@') < 0 {
		// Rare: check whether the row is a row at all.
		if allBlank(fields) {
			return 0, rowBlank, nil
		}
		if k := lay.headerKind(fields); k != rowLead {
			return 0, k, nil
		}
	}
	extra := w.row[:lay.nExtra]
	clear(extra) // a column of another file may have no value here
	invalid, suspend, other := int32(-1), int32(-1), int32(-1)
	var codeText, eventText []byte
	anyCause, flagged, labelled := false, false, false
	labelClass := codes.Unknown
	w.ct.room(4)
	base := unsafe.Pointer(l)
	for c, f := range fields {
		if len(f) > maxField {
			return 0, rowLead, fieldError(c, lay.header[c], fmt.Sprintf("%d bytes long (at most %d)", len(f), maxField))
		}
		if check {
			var err error
			if f, err = w.repair(f); err != nil {
				return 0, rowLead, fieldError(c, lay.header[c], err.Error())
			}
		}
		kind := lay.kinds[c]
		if len(f) <= 4 && isNull(f, kind != kindString && kind != kindExtra || c == lay.email || lay.causeCol[c]) {
			f = f[:0]
		}
		if c == lay.email && len(f) > 7 && f[6] == ';' && f[0]|0x20 == 'r' && strings.EqualFold(string(f[:7]), "rfc822;") {
			f = bytes.TrimSpace(f[7:]) // a DSN's address type
		}
		switch kind {
		case kindString:
			*(*string)(unsafe.Add(base, lay.offsets[c])) = w.intern(c, f)
		case kindBool:
			v, ok := parseBool(f)
			if !ok {
				w.unparsed(c, f)
			}
			*(*bool)(unsafe.Add(base, lay.offsets[c])) = v
		case kindTime:
			if len(f) > 0 && (f[0] == ' ' || f[len(f)-1] == ' ') {
				f = bytes.TrimSpace(f)
			}
			t, order, ok := parseDate(f)
			if !ok {
				w.unparsed(c, f)
			}
			switch order {
			case orderDayFirst:
				w.dayFirst[lay.slot[c]] = true
			case orderMonthFirst:
				w.monthFirst[lay.slot[c]] = true
			case orderAmbiguous:
				l.flags |= flagAmbiguous << lay.slot[c]
			}
			*(*time.Time)(unsafe.Add(base, lay.offsets[c])) = t
		default:
			var s string
			if lay.causeCol[c] {
				ce := w.cause(f)
				s = w.ct.slots[ce].c.text
				anyCause = anyCause || len(f) > 0
				switch c {
				case lay.invalid:
					invalid = ce
				case lay.suspend:
					suspend = ce
				}
				if c == lay.reason || c == lay.other {
					other = ce
				}
			} else {
				s = w.intern(c, f)
				if r := lay.roles[c]; r != roleNone && len(f) > 0 {
					switch r {
					case roleCode:
						codeText = appendCode(codeText, f)
					case roleLabel, roleLabelWeak:
						labelled = labelled || r == roleLabel
						if c := classOfLabel(f); c != codes.Unknown {
							labelClass = c
						}
					case roleEvent:
						eventText = f
					case roleFlag:
						v, _ := parseBool(f)
						flagged = flagged || v
					case roleOwn:
						flagged = flagged || string(f) != "success"
					}
				}
			}
			if lay.kinds[c] == kindCause {
				*(*string)(unsafe.Add(base, lay.offsets[c])) = s
			} else {
				extra[lay.extra[c]] = s
			}
		}
	}
	if lay.nExtra > 0 && !w.alias {
		l.Extra = w.extra()
	}
	ce := other
	if lay.reason < 0 {
		switch {
		case invalid >= 0 && w.ct.slots[invalid].c.text != "":
			ce = invalid
		case suspend >= 0 && w.ct.slots[suspend].c.text != "":
			ce = suspend
		case other < 0:
			ce = w.cause(nil)
		}
	}
	if len(codeText) > 0 {
		ce = w.withCodes(ce, codeText)
	}
	cs := &w.ct.slots[ce]
	l.Reason = cs.c.text
	if len(codeText) > 0 {
		l.Reason = reasonText(cs.c.text)
	}
	l.Bounce = cs.c.get(w)
	if cs.h&haveBit == 0 {
		cs.h |= haveBit
		w.fresh = append(w.fresh, ridBounce{cs.c.id, l.Bounce})
	}
	bounced := anyCause || l.EmailInvalid || l.EmailSuspended || flagged || labelled || l.Bounce.Code != (codes.Code{})
	if len(eventText) > 0 {
		if b, known := eventKind(eventText); known {
			bounced = b
		}
	}
	if !bounced {
		w.j.stats.notBounced++
		if !w.ld.opts.All {
			if !w.ld.joining || l.ID == "" {
				return 0, rowNotBounced, nil
			}
			l.flags |= flagJoinOnly // kept until the join, for its fields (join.go)
		}
		l.flags |= flagNotBounced
		l.Bounce.Class = codes.Success // not a bounce; no code is made up
	} else if l.Bounce.Code == (codes.Code{}) && labelClass != codes.Unknown {
		l.Bounce.Class = labelClass // no code in the text: the platform's own word for it decides
	} else if l.Bounce.Class == codes.Unknown && l.EmailInvalid {
		l.Bounce.Class = codes.Hard // Marketo sets Email Invalid on a hard bounce
	}
	if strings.IndexByte(l.Email, '@') < 0 {
		l.flags |= flagNoAddress
		w.j.stats.noAddress++
	}
	return uint32(cs.c.id)<<2 | uint32(l.Bounce.Class&3), rowLead, nil
}

// classOfLabel reads a platform's bounce label as a class: Postmark's HardBounce and
// SoftBounce/Transient, SES's Permanent and Transient, Mailgun's permanent and temporary,
// Salesforce's Hard bounce and Soft bounce, a DSN's failed and delayed. Anything else (a block,
// an undetermined bounce, a category number) says no class.
func classOfLabel(f []byte) codes.Class {
	s := strings.ToLower(string(f))
	switch {
	case strings.Contains(s, "soft"), strings.Contains(s, "transient"), strings.Contains(s, "temporar"),
		strings.Contains(s, "delay"), strings.Contains(s, "defer"):
		return codes.Soft
	case strings.Contains(s, "hard"), strings.Contains(s, "permanent"), s == "failed":
		return codes.Hard
	}
	return codes.Unknown
}

// allBlank reports whether every field of a row is empty or blanks: a row of bare delimiters,
// which spreadsheets write past the data.
func allBlank(fields [][]byte) bool {
	for _, f := range fields {
		for _, c := range f {
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				return false
			}
		}
	}
	return true
}

// unparsed records a side field whose text was not understood: the field stays empty, the
// row is kept, the text is kept for the detail view and counted for a note.
func (w *worker) unparsed(c int, f []byte) {
	j := w.j
	if j.stats.unparsed == nil {
		j.stats.unparsed = make([]int, len(w.lay.kinds))
	}
	j.stats.unparsed[c]++
	j.raw = append(j.raw, rawEntry{line: w.line, col: int32(c), text: w.ar.str(f)})
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// isBlank reports whether a record is an empty line.
func isBlank(rec []byte) bool {
	return len(rec) == 0 || rec[0] == '\n' || rec[0] == '\r' && (len(rec) == 1 || rec[1] == '\n')
}

// needsCheck reports whether the fields of rec must be checked one by one: it holds a control
// byte other than tab and line ends, or invalid UTF-8. It reads 32 bytes at a time and looks at
// single bytes only where a word may hold a control byte (the record's own line end is left out
// first, so that most records never do).
func needsCheck(rec []byte) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	if n := len(rec); n > 0 && rec[n-1] == '\n' {
		rec = rec[:n-1]
		if n > 1 && rec[n-2] == '\r' {
			rec = rec[:n-2]
		}
	}
	var high uint64
	b := rec
	for len(b) >= 32 {
		x0 := binary.LittleEndian.Uint64(b)
		x1 := binary.LittleEndian.Uint64(b[8:])
		x2 := binary.LittleEndian.Uint64(b[16:])
		x3 := binary.LittleEndian.Uint64(b[24:])
		high |= x0 | x1 | x2 | x3
		low := (x0-lo*0x20)&^x0 | (x1-lo*0x20)&^x1 | (x2-lo*0x20)&^x2 | (x3-lo*0x20)&^x3
		if low&hi != 0 || hasDel(x0) || hasDel(x1) || hasDel(x2) || hasDel(x3) {
			for _, c := range b[:32] {
				if isControl(c) {
					return true
				}
			}
		}
		b = b[32:]
	}
	for _, c := range b {
		high |= uint64(c)
		if isControl(c) {
			return true
		}
	}
	return high&hi != 0 && (!utf8.Valid(rec) || hasC1(rec))
}

// hasC1 reports whether UTF-8 text holds a C1 control (U+0080 to U+009F: 0xC2 0x80 to 0xC2 0x9F).
func hasC1(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xc2)
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if b[i+1] >= 0x80 && b[i+1] <= 0x9f {
			return true
		}
		b = b[i+1:]
	}
}

// hasDel reports whether a word holds a DEL (0x7f) byte; it may report false positives.
func hasDel(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	y := x ^ (lo * 0x7f)
	return (y-lo)&^y&hi != 0
}

// isControl reports whether c is a C0 control other than tab and line ends, or DEL.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

var errUnrepairable = errors.New("invalid UTF-8 that is not Windows-1252 text either")

// repair makes one field's text safe and valid: control characters other than tab and line
// ends are dropped (an escape sequence in a bounce reason stays readable but inert, and the row
// is kept); invalid UTF-8 is repaired, as UTF-8 with damaged bytes replaced when it holds valid
// multi-byte sequences, else as Windows-1252 (what spreadsheets save as "ANSI").
func (w *worker) repair(f []byte) ([]byte, error) {
	for i, c := range f {
		if isControl(c) {
			w.clean = append(w.clean[:0], f[:i]...)
			for _, c := range f[i:] {
				if !isControl(c) {
					w.clean = append(w.clean, c)
				}
			}
			f = w.clean
			break
		}
	}
	if utf8.Valid(f) {
		if hasC1(f) {
			// C1 controls (CSI, OSC... in one character each) are dropped like C0 ones.
			w.fix = w.fix[:0]
			for _, r := range string(f) {
				if r < 0x80 || r > 0x9f {
					w.fix = utf8.AppendRune(w.fix, r)
				}
			}
			return w.fix, nil
		}
		return f, nil
	}
	multi := false
	for b := f; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		if r != utf8.RuneError && n > 1 {
			multi = true
			break
		}
		b = b[n:]
	}
	if multi {
		w.fix = append(w.fix[:0], strings.ToValidUTF8(string(f), "\uFFFD")...)
		return w.repair(w.fix)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(f)
	if err != nil {
		return nil, errUnrepairable
	}
	// The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come out as
	// U+FFFD, the damage visible; a C1 control is dropped like other controls. The row is kept.
	w.fix = w.fix[:0]
	for _, r := range string(out) {
		if r < 0x80 || r >= 0xa0 {
			w.fix = utf8.AppendRune(w.fix, r)
		}
	}
	return w.fix, nil
}

// parseBool reads the booleans exports and spreadsheets write: true/false in any case, 1/0,
// yes/no, y/n, t/f, German wahr/falsch and ja/nein, with blanks around ignored, and empty for
// false.
func parseBool(b []byte) (bool, bool) {
	if len(b) > 0 && (b[0] == ' ' || b[len(b)-1] == ' ' || b[0] == '\t' || b[len(b)-1] == '\t') {
		b = bytes.TrimSpace(b)
	}
	switch len(b) {
	case 0:
		return false, true
	case 1:
		switch b[0] | 0x20 {
		case '1', 't', 'y', 'j':
			return true, true
		case '0', 'f', 'n':
			return false, true
		}
	}
	// ASCII "true" and "false" in any case, without strings.EqualFold.
	if len(b) == 4 && b[0]|0x20 == 't' && b[1]|0x20 == 'r' && b[2]|0x20 == 'u' && b[3]|0x20 == 'e' {
		return true, true
	}
	if len(b) == 5 && b[0]|0x20 == 'f' && b[1]|0x20 == 'a' && b[2]|0x20 == 'l' && b[3]|0x20 == 's' && b[4]|0x20 == 'e' {
		return false, true
	}
	s := string(b) // no allocation: compared, not kept
	switch {
	case strings.EqualFold(s, "yes"), strings.EqualFold(s, "wahr"), strings.EqualFold(s, "ja"):
		return true, true
	case strings.EqualFold(s, "no"), strings.EqualFold(s, "falsch"), strings.EqualFold(s, "nein"):
		return false, true
	}
	return false, false
}

// isNull reports whether a cell holds one of the words exports write for no value: null (any
// case), N/A, n/a, #N/A (a spreadsheet's failed lookup). A lone "-" counts too where strict
// says so (dates, booleans, addresses, causes).
func isNull(f []byte, strict bool) bool {
	switch len(f) {
	case 1:
		return strict && f[0] == '-'
	case 3:
		return f[1] == '/' && f[0]|0x20 == 'n' && f[2]|0x20 == 'a'
	case 4:
		return f[0]|0x20 == 'n' && f[1]|0x20 == 'u' && f[2]|0x20 == 'l' && f[3]|0x20 == 'l' ||
			string(f) == "#N/A"
	}
	return false
}
