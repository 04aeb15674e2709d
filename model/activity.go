package model

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/bouncelens/bouncelens/codes"
)

// A Marketo bulk activity extract (research/formats.md section 1.3) has one row per activity:
// marketoGUID, leadId, activityDate, activityTypeId, campaignId, primaryAttributeValueId,
// primaryAttributeValue and attributes, a JSON object in one cell. The rows of the Email
// Bounced (activity type 8) and Email Bounced Soft (27) activities are the bounce log: each
// becomes one lead row, dated by activityDate, with the bounce text from the Details attribute,
// the address from Email, and Marketo's Category and Subcategory (attribute names per Adobe's
// Marketo field mappings for Experience Platform, which map attributes.Details, attributes.Email
// and attributes.Subcategory of activity types 8 and 27). Rows of other activity types are
// counted and skipped.
//
// The conversion sits in front of the loader: the extract's rows are read with encoding/csv and
// written again, as the rows of a People export, into a pipe the loader reads. Each row keeps
// the line number it had in the file (blank lines, which the loader skips, fill the gaps), so
// that errors still point at the file's lines.

// Activity types that are bounces.
const (
	activityBounced     = "8"
	activityBouncedSoft = "27"
)

// ActivityReport says what a Marketo activity file (a bulk activity extract or an activity log
// exported from the UI) held.
type ActivityReport struct {
	File    string
	Kind    string         // "activity extract" or "activity log"
	Bounces int            // Email Bounced and Email Bounced Soft rows kept, one lead each
	Other   map[string]int // rows of other activity types skipped, per activity type (an id or a name)
}

// maxOtherTypes bounds the activity types a report counts one by one; the rest are counted
// together, under otherTypes.
const maxOtherTypes = 64

const otherTypes = "other types"

// countOther counts a row of another activity type.
func (r *ActivityReport) countOther(typ string) {
	typ = strings.TrimSpace(codes.SafeText(oneLine(typ)))
	switch {
	case typ == "":
		typ = "none"
	case len(typ) > 60:
		typ = strings.ToValidUTF8(typ[:60], "") + "..."
	}
	if _, ok := r.Other[typ]; !ok && len(r.Other) >= maxOtherTypes {
		typ = otherTypes
	}
	r.Other[typ]++
}

// OtherRows counts the rows of other activity types.
func (r *ActivityReport) OtherRows() int {
	n := 0
	for _, c := range r.Other {
		n += c
	}
	return n
}

// Summary says in one line what the activity file held.
func (r *ActivityReport) Summary() string {
	kind := r.Kind
	if kind == "" {
		kind = "activity extract"
	}
	s := fmt.Sprintf("%s: Marketo %s: %d bounce(s) (Email Bounced, Email Bounced Soft)", r.File, kind, r.Bounces)
	if n := r.OtherRows(); n > 0 {
		types := make([]string, 0, len(r.Other))
		for t := range r.Other {
			types = append(types, t)
		}
		slices.SortFunc(types, compareTypes)
		var parts []string
		for _, t := range types {
			if _, err := strconv.Atoi(t); err == nil {
				parts = append(parts, fmt.Sprintf("type %s: %d", t, r.Other[t]))
			} else {
				parts = append(parts, fmt.Sprintf("%s: %d", t, r.Other[t]))
			}
		}
		s += fmt.Sprintf("; skipped %d row(s) of other activity types (%s)", n, strings.Join(parts, ", "))
	}
	return s
}

// compareTypes orders activity type ids by number, before names in alphabetical order; the
// types counted together come last.
func compareTypes(a, b string) int {
	if a == otherTypes || b == otherTypes {
		return cmp.Compare(b2i(a == otherTypes), b2i(b == otherTypes))
	}
	x, errx := strconv.Atoi(a)
	y, erry := strconv.Atoi(b)
	switch {
	case errx == nil && erry == nil:
		return cmp.Compare(x, y)
	case errx == nil:
		return -1
	case erry == nil:
		return 1
	}
	return strings.Compare(a, b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// activityRows turns the rows of one kind of Marketo activity file into People rows.
type activityRows interface {
	kind() string
	columns() []string
	// row returns the People row written for a bounce row, appended to out[:0], or the
	// activity type of a row of another type.
	row(fields, out []string) (_ []string, other string, err error)
}

// activityFile returns how to read a Marketo activity file with this header, or nil when it is
// not one.
func activityFile(header []string) activityRows {
	if al := activityExtract(header); al != nil {
		return al
	}
	if ll := activityLog(header); ll != nil {
		return ll
	}
	return nil
}

// activityColumns are the columns the loader sees instead of the extract's.
var activityColumns = []string{
	"Id", "Email Address", "Email Invalid Cause", "Email Suspended At", "Email Invalid", "Email Suspended",
	"Marketo Activity", "Marketo Category", "Marketo Subcategory", "Marketo Email", "Marketo Campaign Id", "Marketo GUID",
}

// activityLayout is where an extract's columns are; -1 for absent ones.
type activityLayout struct {
	guid, lead, date, typ, campaign, primary, attrs int
}

// activityExtract returns the layout of an activity extract's header, or nil when the header is
// not one: it needs leadId, activityDate, activityTypeId and attributes.
func activityExtract(header []string) *activityLayout {
	al := &activityLayout{-1, -1, -1, -1, -1, -1, -1}
	for c, h := range header {
		switch normalize(h) {
		case "marketoguid":
			al.guid = c
		case "leadid":
			al.lead = c
		case "activitydate":
			al.date = c
		case "activitytypeid":
			al.typ = c
		case "campaignid":
			al.campaign = c
		case "primaryattributevalue":
			al.primary = c
		case "attributes":
			al.attrs = c
		}
	}
	if al.lead < 0 || al.date < 0 || al.typ < 0 || al.attrs < 0 {
		return nil
	}
	return al
}

func (al *activityLayout) kind() string { return "activity extract" }

func (al *activityLayout) columns() []string { return activityColumns }

// row reads a row of the extract: a bounce's People row, with the text from the Details
// attribute (or the subcategory's meaning), or the activityTypeId of another activity.
func (al *activityLayout) row(fields, out []string) ([]string, string, error) {
	typ := strings.TrimSpace(field(fields, al.typ))
	if typ == "" {
		return nil, "none", nil
	}
	if typ != activityBounced && typ != activityBouncedSoft {
		return nil, typ, nil
	}
	attrs, err := parseAttributes(field(fields, al.attrs))
	if err != nil {
		return nil, "", fmt.Errorf("attributes: %v", err)
	}
	details := attrs.get("details")
	category, subcategory := attrs.get("category"), attrs.get("subcategory")
	if details == "" {
		details = subcategoryText(subcategory)
	}
	activity := "Email Bounced"
	invalid, suspended := "false", "false"
	switch {
	case typ == activityBouncedSoft:
		activity = "Email Bounced Soft"
	case category == "2":
		invalid = "true" // Marketo sets Email Invalid on a category 2 hard bounce
	case category == "1":
		suspended = "true" // and suspends the address for 24 hours on a category 1 (spam block)
	}
	return append(out[:0],
		oneLine(field(fields, al.lead)), oneLine(attrs.get("email")), details,
		oneLine(field(fields, al.date)), invalid, suspended, activity, oneLine(category), oneLine(subcategory),
		oneLine(field(fields, al.primary)), oneLine(field(fields, al.campaign)), oneLine(field(fields, al.guid)),
	), "", nil
}

// fitLines makes a row span at most span line breaks, joining the lines of its cells when it
// would span more.
func fitLines(row []string, span int) {
	n := 0
	for _, c := range row {
		n += strings.Count(c, "\n")
	}
	if n <= span {
		return
	}
	for k, c := range row {
		row[k] = oneLine(c)
	}
}

// activityConverter turns one activity file into People rows, in a goroutine.
type activityConverter struct {
	rows    activityRows
	name    string
	first   int // line of the first data row
	strict  bool
	pr      *io.PipeReader
	done    chan struct{}
	report  ActivityReport
	skipped []*ParseError
	failed  int          // bounce rows that could not be read
	ended   atomic.Bool  // convert has returned
	read    atomic.Int64 // bytes of the file read so far
	written atomic.Int64 // bytes written for the loader so far
}

// fileBytes estimates the bytes of the file that n bytes written for the loader stand for, so
// that the loader sizes Dataset.Leads by the file's size: a bounce row written is much
// shorter than the row it was read from, and rows of other types write nothing.
func (ac *activityConverter) fileBytes(n int) int64 {
	r, w := ac.read.Load(), ac.written.Load()
	if w == 0 {
		return int64(n)
	}
	return int64(float64(n) * float64(r) / float64(w))
}

// activities starts converting the extract read from br (its header already read; its first
// row on line first) and returns what the loader reads instead, with its header, and the
// function to call when the load of the file ends: it records the report and the rows the
// conversion skipped, and explains an extract without bounces; and how many bytes of the file
// the bytes it reads stand for.
func (ld *loader) activities(br *bufio.Reader, rows activityRows, delim byte, first int, name string) (*bufio.Reader, []string, func(*error), func(int) int64) {
	pr, pw := io.Pipe()
	ac := &activityConverter{rows: rows, name: name, first: first, strict: ld.opts.Strict, pr: pr,
		done: make(chan struct{}), report: ActivityReport{File: name, Kind: rows.kind(), Other: map[string]int{}}}
	go func() {
		defer close(ac.done)
		err := ac.convert(br, delim, pw)
		ac.ended.Store(true)
		pw.CloseWithError(err)
	}()
	finish := func(errp *error) {
		pr.Close()
		if *errp != nil && !ac.ended.Load() {
			return // the load stopped early: the conversion stops at its next write
		}
		<-ac.done
		ds := ld.ds
		ds.Skipped = append(ds.Skipped, ac.skipped...)
		ds.Rows += ac.failed
		ds.Activities = append(ds.Activities, ac.report)
		if ac.report.Bounces == 0 && ac.failed == 0 {
			*errp = &ParseError{File: name, Err: fmt.Errorf("is a Marketo %s without Email Bounced (8) or Email Bounced Soft (27) rows (%d row(s) of other activity types)", rows.kind(), ac.report.OtherRows())}
		}
	}
	return bufio.NewReaderSize(pr, 64<<10), rows.columns(), finish, ac.fileBytes
}

// convert reads every row of the extract and writes the bounces to w.
func (ac *activityConverter) convert(br io.Reader, delim byte, w io.Writer) error {
	lim := &recordLimit{r: br}
	rr := newRecordReader(lim, delim)
	bw := bufio.NewWriterSize(w, 64<<10)
	var rec []byte
	var row []string
	out := ac.first  // line of the next byte written
	next := ac.first // line after the last record read
	for {
		lim.n = 0
		fields, err := rr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errRecordTooLong) {
			// Nothing after a quote that never closes can be read: the rest is one bad row.
			if e := ac.skip(next, next, err); e != nil {
				return e
			}
			break
		}
		if err != nil {
			return err
		}
		start := rr.FieldPos(0) + ac.first - 1
		next = rr.FieldPos(len(fields)-1) + ac.first + strings.Count(fields[len(fields)-1], "\n")
		if len(fields) == 1 && fields[0] == "" {
			continue
		}
		r, other, err := ac.rows.row(fields, row)
		if other != "" {
			ac.report.countOther(strings.Clone(other)) // fields are rr's, until the next Read
			continue
		}
		if err != nil {
			if e := ac.skip(start, start, err); e != nil {
				return e
			}
			continue
		}
		row = r
		// The row may span several lines; the one written must not span more.
		fitLines(row, next-1-start)
		rec = appendCSV(rec[:0], row)
		for ; out < start; out++ {
			bw.WriteByte('\n')
		}
		if _, err := bw.Write(rec); err != nil {
			return err
		}
		out += bytes.Count(rec, []byte{'\n'})
		ac.report.Bounces++
		ac.read.Store(rr.offset)
		ac.written.Add(int64(len(rec)))
	}
	return bw.Flush()
}

// maxActivityRecord bounds one activity row: its attributes are a small JSON object, so a row
// this long is a quote that never closes.
const maxActivityRecord = 8 << 20

// recordLimit fails a read once a record has taken more than maxActivityRecord bytes (a quote
// never closed), so that one record cannot fill the memory.
type recordLimit struct {
	r io.Reader
	n int
}

var errRecordTooLong = fmt.Errorf("row is longer than %d bytes (a quote that never closes?): it and the rest of the file skipped", maxActivityRecord)

func (rl *recordLimit) Read(p []byte) (int, error) {
	if rl.n > maxActivityRecord {
		return 0, errRecordTooLong
	}
	n, err := rl.r.Read(p)
	rl.n += n
	return n, err
}

// skip records a bounce row that cannot be read; in strict mode it is the error that stops the
// load.
func (ac *activityConverter) skip(start, line int, err error) error {
	pe := &ParseError{File: ac.name, StartLine: start, Line: line, Err: err}
	if ac.strict {
		return pe
	}
	ac.failed++
	ac.skipped = append(ac.skipped, pe)
	return nil
}

func field(fields []string, c int) string {
	if c < 0 || c >= len(fields) || fields[c] == "null" {
		return ""
	}
	return fields[c]
}

// oneLine turns line breaks into spaces, for a cell that must stay on one line.
func oneLine(s string) string {
	if !hasLineBreak(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// hasLineBreak reports whether s holds a CR or LF: for the short cells of a row, a loop is
// several times faster than strings.ContainsAny, which builds its set of bytes on every call.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}

// marketoCategories are what Marketo's bounce categories mean (research/formats.md 2.2).
var marketoCategories = map[string]string{
	"1": "hard: blocked as spam (Marketo suspends the address for 24 hours)",
	"2": "hard: invalid address (Marketo sets Email Invalid)",
	"3": "soft: full mailbox, timeout or throttling (Marketo retries for 24 hours)",
	"4": "soft: technical failure, such as DNS (Marketo retries for 24 hours)",
	"9": "soft: undetermined",
}

// MarketoCategory is the bounce category and subcategory Marketo gave a bounce (its activity's
// Category and Subcategory attributes), and what they mean.
type MarketoCategory struct {
	Category, Subcategory string
	Meaning               string // of the category; "" when unknown
	Sub                   string // of the subcategory; "" when unknown
}

// Marketo returns the category Marketo gave lead i's bounce; ok is false when its file has none
// (a People export, another platform's).
func (ds *Dataset) Marketo(i int32) (mc MarketoCategory, ok bool) {
	cat, sub := -1, -1
	for k, name := range ds.ExtraColumns {
		switch name {
		case "Marketo Category":
			cat = k
		case "Marketo Subcategory":
			sub = k
		}
	}
	l := &ds.Leads[i]
	if cat < 0 || cat >= len(l.Extra) || strings.TrimSpace(l.Extra[cat]) == "" {
		return mc, false
	}
	mc.Category = strings.TrimSpace(l.Extra[cat])
	mc.Meaning = marketoCategories[mc.Category]
	if sub >= 0 && sub < len(l.Extra) {
		mc.Subcategory = strings.TrimSpace(l.Extra[sub])
		mc.Sub = subcategoryName(mc.Subcategory)
	}
	return mc, true
}

// subcategoryName is what a Marketo bounce subcategory names, as Adobe's Marketo field mappings
// list them; "" for another.
func subcategoryName(sub string) string {
	return map[string]string{
		"1099": "message blocked", "1003": "spam blocked on source", "1004": "spam blocked on message",
		"2003": "email address invalid", "2001": "email address error", "3999": "message not accepted",
		"3001": "mailbox full", "3004": "timeout occurred", "4003": "DNS failure", "4002": "message too large",
		"4006": "policy violation", "4999": "transient failure", "9999": "bad response received",
	}[strings.TrimSpace(sub)]
}

// subcategoryText is the meaning of a Marketo bounce subcategory, as Adobe's Marketo field
// mappings list them, for a bounce without Details.
func subcategoryText(sub string) string {
	name := subcategoryName(sub)
	if name == "" {
		return ""
	}
	return "Marketo subcategory " + sub + ": " + name
}
