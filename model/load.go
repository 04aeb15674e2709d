package model

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// chunkSize is how much of a file one worker parses at a time.
const chunkSize = 1 << 20

// inFlight is how many chunks are read ahead of the one being merged.
const inFlight = 4

// Load reads the named files ("-" for stdin) and merges them into one dataset.
//
// The same lead in two files is kept twice (both bounces count); Dataset.DistinctLeads counts
// each email address once.
func Load(ctx context.Context, files []string, opts Options) (*Dataset, error) {
	if len(files) == 0 {
		return nil, errors.New("no file to load")
	}
	if len(files) > 1<<16 {
		return nil, fmt.Errorf("too many files (%d)", len(files))
	}
	ld := newLoader(opts)
	ld.joining = len(files) > 1 && slices.ContainsFunc(files, isActivityFile)
	ld.startLean()
	for _, name := range files {
		if name != "-" {
			ld.estBytes += decodedSize(name)
		} else {
			ld.estBytes += regularSize(os.Stdin)
		}
	}
	for i, name := range files {
		var err error
		if name == "-" {
			err = ld.read(ctx, os.Stdin, name, i, regularSize(os.Stdin))
		} else {
			err = ld.readFile(ctx, name, i)
		}
		if err != nil {
			return nil, err
		}
	}
	return ld.finish()
}

// LoadReader reads one export from r; name is used in errors and in Dataset.Files.
func LoadReader(ctx context.Context, r io.Reader, name string, opts Options) (*Dataset, error) {
	ld := newLoader(opts)
	ld.startLean()
	size := regularSize(r)
	ld.estBytes = size
	if err := ld.read(ctx, r, name, 0, size); err != nil {
		return nil, err
	}
	return ld.finish()
}

// Input is one export held in memory: its name, used in errors and in Dataset.Files, and its
// bytes.
type Input struct {
	Name string
	Data []byte
}

// LoadBytes reads exports held in memory and merges them as Load merges files: an activity
// extract or log among several is joined with the lead exports.
func LoadBytes(ctx context.Context, inputs []Input, opts Options) (*Dataset, error) {
	if len(inputs) == 0 {
		return nil, errors.New("no file to load")
	}
	ld := newLoader(opts)
	ld.joining = len(inputs) > 1 && slices.ContainsFunc(inputs, func(in Input) bool { return isActivityData(in.Data) })
	ld.startLean()
	for _, in := range inputs {
		ld.estBytes += int64(len(in.Data))
	}
	for i, in := range inputs {
		if err := ld.read(ctx, bytes.NewReader(in.Data), in.Name, i, int64(len(in.Data))); err != nil {
			return nil, err
		}
	}
	return ld.finish()
}

// regularSize is the size of r when it is a regular file (stdin redirected from a file), else 0.
func regularSize(r io.Reader) int64 {
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// loader is the state of one Load: the dataset being built and what every file shares.
type loader struct {
	opts      Options
	ds        *Dataset
	fields    []leadField
	causes    causeCache
	tally     codeTally  // the leads merged so far, by code, for Progress.Groups
	estBytes  int64      // decoded size of all files, 0 when unknown: sizes Dataset.Leads
	seenBytes int64      // decoded bytes merged so far
	sized     bool       // Dataset.Leads was sized from estBytes
	growMu    sync.Mutex // held while Dataset.Leads is placed into or replaced, and by refills

	activityFiles []bool // per file index: a Marketo activity file, joined with the lead exports
	joining       bool   // the load holds an activity file and other files: lead rows that are not bounces are kept for the join
}

// reserve makes room for n more leads. Once a few MB are read, it sizes Dataset.Leads for the
// whole input from the bytes per lead seen so far, so that a million leads are not copied
// again and again as the slice grows (each copy would briefly double the memory held).
func (ld *loader) reserve(n int) {
	ds := ld.ds
	if len(ds.Leads)+n <= cap(ds.Leads) {
		return
	}
	const sample = 4 << 20
	want := 2*len(ds.Leads) + n // nothing to go on: double
	if ld.estBytes > 0 && (ld.sized || ld.seenBytes >= min(sample, ld.estBytes)) {
		perByte := float64(len(ds.Leads)+n) / float64(ld.seenBytes)
		rest := float64(max(ld.estBytes-ld.seenBytes, 0)) * perByte
		margin := 1.03
		if ld.sized {
			margin = 1.10 // the first guess was short: be generous now
		}
		want = len(ds.Leads) + n + int(rest*margin) + 1024
		ld.sized = true
	}
	ds.Leads = growHuge(ds.Leads, want)
	ds.meta = growHuge(ds.meta, cap(ds.Leads))
}

// growHuge returns s with room for n elements, moved to a hugeSlice when it has less.
func growHuge[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s
	}
	g := hugeSlice[T](n)[:len(s)]
	copy(g, s)
	return g
}

func newLoader(opts Options) *loader {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	ld := &loader{opts: opts, ds: &Dataset{Now: now()}, fields: leadFields()}
	ld.causes.seed = maphash.MakeSeed()
	ld.causes.verdicts = make(map[string]*verdict)
	return ld
}

// startLean makes the load lean when asked to and it joins no activity files (a join needs
// the lead rows' fields).
func (ld *loader) startLean() {
	if ld.opts.Lean && !ld.joining {
		ld.ds.lean = newLeanStore(ld.fields)
	}
}

// finish completes the dataset; it fails when rows were read but none could be.
func (ld *loader) finish() (*Dataset, error) {
	ds := ld.ds
	ld.joinActivities()
	if len(ld.activityFiles) > 0 {
		for i := range ds.Leads {
			if ld.isActivity(ds.Leads[i].File) {
				ds.Leads[i].flags |= flagActivity
			}
		}
	}
	if st := ds.lean; st != nil {
		ds.meta = st.meta
		st.meta = nil
	}
	if ds.Len() == 0 && len(ds.Skipped) > 0 {
		n, first := len(ds.Skipped), ds.Skipped[0]
		return nil, &ParseError{File: first.File, Err: fmt.Errorf("no row could be read: %d unreadable row%s, the first: %v", n, plural(n), first)}
	}
	ds.reasons = make([]string, len(ld.causes.list))
	for i, c := range ld.causes.list {
		ds.reasons[i] = reasonText(c.text)
	}
	if n := len(ds.reasons) - len(ds.ridBounce); n > 0 {
		ds.ridBounce = append(ds.ridBounce, make([]codes.Bounce, n)...)
	}
	if ld.opts.Now == nil {
		if ds.lean != nil {
			ds.Now = ds.lean.exportTime(ds.Now)
		} else {
			ds.Now = exportTime(ds.Leads, ds.Now)
		}
	}
	return ds, nil
}

// exportTime is the clock "suspended now" is measured against when none is given: the export's
// own time, which is its newest date (Updated At, Email Suspended At, Created At), unless that
// is after now. An export says nothing of what happened after it was taken, so the suspensions
// it shows as current are those of its day, and the same file reads the same whenever it is
// opened.
func exportTime(leads []Lead, now time.Time) time.Time {
	var newest time.Time
	for i := range leads {
		l := &leads[i]
		for _, t := range [...]time.Time{l.UpdatedAt, l.EmailSuspendedAt, l.CreatedAt} {
			if t.After(newest) {
				newest = t
			}
		}
	}
	if newest.IsZero() || newest.After(now) {
		return now
	}
	return newest
}

// decodedSize guesses the size of a file's text from its size, to size Dataset.Leads. It
// returns 0 (grow as reading goes) when it cannot tell: for a gzip file, whose trailer may
// claim anything, and for anything but a regular file (which is not opened for it: a named
// pipe is opened once, to be read).
func decodedSize(name string) int64 {
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	return textSize(f)
}

// textSize is decodedSize for an open file.
func textSize(f *os.File) int64 {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	var head [2]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return 0
	}
	switch {
	case head[0] == 0x1f && head[1] == 0x8b:
		return 0
	case head[0] == 0xff && head[1] == 0xfe, head[0] == 0xfe && head[1] == 0xff:
		return fi.Size() / 2
	}
	return fi.Size()
}

func (ld *loader) readFile(ctx context.Context, name string, idx int) error {
	f, err := openContext(ctx, name)
	if err != nil {
		return err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
		if fi.Size() == 0 {
			return &ParseError{File: name, Err: errors.New("is empty: no header and no rows")}
		}
	}
	return ld.read(ctx, f, name, idx, size)
}

// openContext opens a file for reading, giving up when ctx is done: opening a named pipe waits
// for a writer.
func openContext(ctx context.Context, name string) (*os.File, error) {
	if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() {
		return os.Open(name)
	}
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-done; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, fmt.Errorf("opening %s: %w", name, ctx.Err())
	}
}

// job is one chunk of complete records on its way through the workers: split into records,
// given its place in Dataset.Leads, filled there, merged.
type job struct {
	buf      []byte // the chunk's buffer, returned to the pool once merged
	data     []byte // the records
	line     int    // line number of data[0]
	tooLong  int64  // >0: data is the start of one record of this many bytes, skipped whole
	recs     []record
	fields   [][]byte
	off      int         // where its leads go in Dataset.Leads
	dst      []Lead      // Dataset.Leads[off:off+len(recs)]
	dstMeta  []uint32    // Dataset.meta[off:off+len(recs)]
	good     int         // leads filled: dst[:good]
	fresh    []ridBounce // bounces of reason texts this chunk's worker met first
	skipped  []*ParseError
	rows     int
	blank    int // rows of delimiters only, left out by split
	stats    fillStats
	raw      []rawEntry
	fillErrs []*ParseError // rows split but not read, in order
	section  int32         // 1 + the record that is a new header (see loader.settle), or 0
	lean     leanJob       // a lean load: the records of dst[:good]
	refilled bool          // settle filled dst again: lean must be made again
	split    chan struct{} // closed when recs is ready
	placed   chan struct{} // closed when dst is set
	done     chan struct{} // closed when filled
}

// read loads one file: it decodes and checks the start, reads the header, then one goroutine
// cuts the text into chunks of whole records, workers parse and fill them in parallel, and the
// chunks are merged here in file order.
func (ld *loader) read(ctx context.Context, r io.Reader, name string, idx int, size int64) (err error) {
	ds := ld.ds
	ds.Files = append(ds.Files, name)
	if size == 0 {
		// A pipe, a terminal or a socket can block for ever: read it so that cancelling
		// (Ctrl+C) ends the wait.
		r = &ctxReader{ctx: ctx, r: r}
	}
	cr := &countingReader{r: r}
	br, err := decode(cr)
	if errors.Is(err, errJSON) {
		from := len(ds.Leads)
		err := ld.readJSON(ctx, br, name, idx)
		ld.leanLeads(from)
		return err
	}
	if err != nil {
		return &ParseError{File: name, Err: err}
	}
	header, delim, line, err := readHeader(br)
	if err != nil {
		return &ParseError{File: name, Line: line, Err: err}
	}
	fileBytes := func(n int) int64 { return int64(n) } // the bytes of the file a chunk stands for
	if rows := activityFile(header); rows != nil {     // a Marketo activity file: its bounces, as People rows
		var finish func(*error)
		br, header, finish, fileBytes = ld.activities(br, rows, delim, line, name)
		ld.markActivity(idx)
		defer finish(&err)
	}
	lay, err := newLayout(header, ld.fields, &ds.ExtraColumns, ld.layoutOptions(header, idx))
	if err != nil {
		pe := err.(*ParseError)
		pe.File = name
		pe.Line, pe.StartLine = line-1, line-1
		return pe
	}
	ld.noteColumns(lay)
	ld.noteLeadRows(lay, name)
	fileStart := len(ds.Leads)
	lean := ds.lean
	if lean != nil {
		fileStart = len(lean.leads)
	}
	leadBufs := make(chan leanScratch, 2*inFlight) // a lean load's scratch, one a chunk

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan []byte, inFlight)
	for range inFlight {
		free <- nil // allocated when first used
	}
	type scratch struct {
		recs   []record
		fields [][]byte
	}
	pool := make(chan scratch, inFlight)
	work := make(chan *job, inFlight)
	order := make(chan *job, inFlight)
	places := make(chan *job, inFlight)
	var wg, filling sync.WaitGroup
	var readErr error
	wg.Go(func() {
		readErr = cutChunks(ctx, br, line, &splitter{delim: delim, width: len(header), email: lay.email}, free, work, order, places)
	})
	// Chunks get their place in Dataset.Leads in file order, as soon as they are split.
	wg.Go(func() {
		for j := range places {
			select {
			case <-j.split:
			case <-ctx.Done():
				continue
			}
			ld.seenBytes += fileBytes(len(j.data))
			n := len(j.recs)
			if lean != nil {
				j.dst, j.lean = leadBuffer(leadBufs, n)
				j.dstMeta = make([]uint32, n)
				filling.Add(1)
				close(j.placed)
				continue
			}
			ld.growMu.Lock()
			if len(ds.Leads)+n > cap(ds.Leads) {
				filling.Wait() // no worker may be writing into the array being replaced
				ld.reserve(n)
			}
			off := len(ds.Leads)
			ds.Leads = ds.Leads[:off+n]
			ds.meta = ds.meta[:off+n]
			j.off, j.dst, j.dstMeta = off, ds.Leads[off:off+n], ds.meta[off:off+n]
			ld.growMu.Unlock()
			filling.Add(1)
			close(j.placed)
		}
	})
	nw := max(1, min(runtime.GOMAXPROCS(0), 4))
	workers := make([]*worker, 0, nw)
	for range nw {
		w := newWorker(ld, lay, delim, name, idx)
		workers = append(workers, w)
		wg.Go(func() {
			for j := range work {
				select {
				case p := <-pool:
					j.recs, j.fields = p.recs[:0], p.fields[:0]
				default:
					// Sized for typical rows up front: growing by appending would write (and
					// fault in) about twice as much memory.
					j.recs = make([]record, 0, len(j.data)/128+16)
					j.fields = make([][]byte, 0, len(j.data)/16+16)
				}
				if ctx.Err() == nil {
					w.split(j)
				}
				close(j.split)
				select {
				case <-j.placed:
					if ctx.Err() == nil {
						w.fillAll(j, 0)
						if lean != nil {
							ld.compact(j)
						}
					}
					filling.Done()
				case <-ctx.Done():
					select {
					case <-j.placed:
						filling.Done()
					default:
					}
				}
				select {
				case pool <- scratch{j.recs, j.fields}:
				default:
				}
				close(j.done)
			}
		})
	}
	stop := func() {
		cancel()
		for j := range order {
			<-j.done
		}
		wg.Wait()
	}

	type span struct{ off, good int }
	var spans []span
	holes := 0
	rowsBefore := ds.Rows
	last := time.Now()
	var secs sections
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
		}
		if err := ctx.Err(); err != nil {
			stop()
			return fmt.Errorf("reading %s: %w", name, err)
		}
		notRows := ld.settle(j, &secs, lay, delim, name, idx)
		if lean != nil {
			if j.refilled {
				ld.compact(j)
			}
			ld.mergeLean(j)
		}
		j.skipped = mergeErrs(j.skipped, j.fillErrs)
		if ld.opts.Strict && len(j.skipped) > 0 {
			stop()
			return j.skipped[0]
		}
		free <- j.buf[:0]
		spans = append(spans, span{j.off, j.good})
		holes += len(j.recs) - j.good
		for _, f := range j.fresh {
			for int(f.rid) >= len(ds.ridBounce) {
				ds.ridBounce = append(ds.ridBounce, codes.Bounce{})
			}
			ds.ridBounce[f.rid] = f.bounce
		}
		if ld.opts.Progress != nil {
			for _, mt := range j.dstMeta[:j.good] {
				ld.tally.add(mt, ds.ridBounce)
			}
		}
		if lean != nil {
			clear(j.dst)
			select {
			case leadBufs <- leanScratch{j.dst[:0], j.lean}:
			default:
			}
			j.dst, j.dstMeta, j.lean = nil, nil, leanJob{}
		}
		ds.Skipped = append(ds.Skipped, j.skipped...)
		ds.Rows += j.rows - notRows
		ds.blankRows += j.blank
		if p := ld.opts.Progress; p != nil && time.Since(last) > 200*time.Millisecond {
			last = time.Now()
			p(Progress{File: name, BytesRead: cr.n.Load(), BytesTotal: size, Rows: ds.Rows, Groups: ld.tally.preview()})
		}
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if holes > 0 && lean == nil {
		// Rows that split but could not be read left their slots empty: close the gaps.
		w := spans[0].off
		for _, sp := range spans {
			copy(ds.Leads[w:], ds.Leads[sp.off:sp.off+sp.good])
			copy(ds.meta[w:], ds.meta[sp.off:sp.off+sp.good])
			w += sp.good
		}
		clear(ds.Leads[w:])
		ds.Leads, ds.meta = ds.Leads[:w], ds.meta[:w]
	}
	for _, s := range secs.all {
		workers = append(workers, s.w)
	}
	ld.fixOrder(workers, fileStart)
	if readErr != nil {
		return &ParseError{File: name, Err: fmt.Errorf("reading: %w", readErr)}
	}
	if p := ld.opts.Progress; p != nil {
		p(Progress{File: name, BytesRead: cr.n.Load(), BytesTotal: size, Rows: ds.Rows, Groups: ld.tally.preview()})
	}
	if ds.Rows == rowsBefore {
		return &ParseError{File: name, Err: errors.New("has a header but no rows")}
	}
	return nil
}

// ctxReader is a reader whose reads end when ctx is done, even when the reader below blocks:
// each read runs in a goroutine, into a buffer of its own (after a cancellation, the read left
// behind may still fill it; no later read starts).
type ctxReader struct {
	ctx context.Context
	r   io.Reader
	buf []byte
}

type readResult struct {
	n   int
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err // a read may still be in flight: it is abandoned
	}
	if cap(c.buf) < len(p) {
		c.buf = make([]byte, len(p))
	}
	buf := c.buf[:len(p)]
	done := make(chan readResult, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- readResult{n, err}
	}()
	select {
	case res := <-done:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}

// cutChunks reads br into chunks of whole records and hands each to the workers (work), to
// the placing of leads (places) and to the merge (order), in file order. line is the line number of the first byte.
func cutChunks(ctx context.Context, br *bufio.Reader, line int, sp *splitter, free chan []byte, work, order, places chan<- *job) error {
	defer close(places)
	defer close(order)
	defer close(work)
	var carry []byte
	firstChunk := 64 << 10
	for {
		var b []byte
		select {
		case b = <-free:
		case <-ctx.Done():
			return nil
		}
		if b == nil {
			// Small inputs get a small first buffer.
			b = make([]byte, 0, max(firstChunk, min(chunkSize, 2*len(carry))))
			firstChunk = chunkSize
		}
		b = append(b[:0], carry...)
		var eof bool
		var cut int
		for {
			n, err := io.ReadFull(br, b[len(b):cap(b)])
			b = b[:len(b)+n]
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
					return err
				}
				eof = true
				cut = len(b)
				break
			}
			if cut = sp.cut(b, false); cut > 0 {
				break
			}
			if len(b) >= maxRecord {
				// No record ends within maxRecord (a huge field, a quote never closed):
				// skipped as one bad row, up to its last line end or, with none, the next.
				break
			}
			b = append(b, make([]byte, cap(b))...)[:len(b)]
		}
		if cut == 0 && len(b) >= maxRecord {
			data, n := b, int64(0)
			if nl := bytes.LastIndexByte(b, '\n'); nl >= 0 {
				data = b[:nl+1]
			} else {
				var err error
				if n, err = skipLine(br); err != nil {
					return err
				}
			}
			j := &job{buf: b, data: data, line: line, tooLong: int64(len(data)) + n,
				split: make(chan struct{}), placed: make(chan struct{}), done: make(chan struct{})}
			line += bytes.Count(data, []byte{'\n'})
			if n > 0 {
				line++
			}
			carry = append(carry[:0], b[len(data):]...)
			work <- j
			order <- j
			places <- j
			continue
		}
		carry = append(carry[:0], b[cut:]...)
		if cut > 0 {
			j := &job{buf: b, data: b[:cut], line: line,
				split: make(chan struct{}), placed: make(chan struct{}), done: make(chan struct{})}
			line += bytes.Count(j.data, []byte{'\n'})
			work <- j
			order <- j
			places <- j
		} else {
			free <- b
		}
		if eof {
			return nil
		}
	}
}

// skipLine reads br past the next line end, or to the end of the input, and returns the bytes
// it read.
func skipLine(br *bufio.Reader) (n int64, err error) {
	for {
		b, err := br.ReadSlice('\n')
		n += int64(len(b))
		switch {
		case err == nil, errors.Is(err, io.EOF):
			return n, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return n, err
		}
	}
}

// readHeader reads the header record and sniffs the delimiter. It skips a spreadsheet "sep=;"
// line. It returns the line number of the first row.
func readHeader(br *bufio.Reader) (header []string, delim byte, next int, err error) {
	line := 1
	var rec []byte
	quotes := 0 // in rec, counted as it grows: a header of many lines is read in linear time
	for {
		part, err := br.ReadSlice('\n')
		rec = append(rec, part...)
		quotes += bytes.Count(part, []byte{'"'})
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			if !errors.Is(err, io.EOF) {
				return nil, 0, line, err
			}
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			if len(rec) > maxField {
				return nil, 0, line, errors.New("header line too long")
			}
			continue
		}
		if line == 1 && len(rec) <= 8 && bytes.HasPrefix(rec, []byte("sep=")) && len(bytes.TrimSpace(rec)) == 5 {
			delim = rec[4]
			rec, quotes = rec[:0], 0
			line++
			continue
		}
		if quotes%2 == 0 {
			break
		}
		if len(rec) > maxField {
			return nil, 0, line, errors.New("header never closes its quote")
		}
	}
	if delim == 0 {
		delim = sniffDelimiter(rec)
	}
	sp := splitter{delim: delim}
	_, lines, rerr := sp.split(rec)
	if rerr != nil {
		return nil, 0, line + rerr.lines, fmt.Errorf("header: %w", rerr.err)
	}
	for _, f := range sp.fields {
		// Column names reach the screen, errors and exports' header rows: no escape sequence
		// or control character survives in them.
		header = append(header, strings.TrimSpace(codes.SafeText(string(f))))
	}
	if len(header) == 1 && header[0] == "" {
		return nil, 0, line, errors.New("is empty: no header")
	}
	for i, h := range header {
		if h == "" {
			header[i] = fmt.Sprintf("Column %d", i+1)
		}
	}
	return header, delim, line + max(lines, 1), nil
}
