package model

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/bouncelens/bouncelens/codes"
)

// rowKind is what one data row turned out to be.
type rowKind uint8

const (
	rowLead       rowKind = iota // a lead, kept
	rowBlank                     // bare delimiters (",,,,"): skipped, counted
	rowHeader                    // the header again (two exports concatenated): skipped, counted
	rowNotBounced                // no bounce text, flag or code: counted, kept only with Options.All
	rowSection                   // a header with other columns: the rows after it are read by it
)

// leadFlags are what a lead's row said besides its fields.
type leadFlags uint8

const (
	flagNotBounced leadFlags = 1 << iota // no bounce text, flag or code (kept by Options.All)
	flagNoAddress                        // the email cell holds no address
	flagAmbiguous                        // first of nTimeSlots bits: the time was read month first, but could be day first
)

// nTimeSlots is how many time fields Lead has (leadField.slot).
const nTimeSlots = 3

// flagJoinOnly marks a row that is not a bounce, kept (without Options.All) only until the join
// of a load with an activity file, for the fields its lead's bounces may take (join.go).
const flagJoinOnly = flagAmbiguous << nTimeSlots

// flagActivity marks a bounce read from a Marketo activity file: its Email Suspended At is the
// activity's date, a suspension only when Email Suspended is set too (a category 1 block).
const flagActivity = flagJoinOnly << 1

// NotBounced reports whether the lead's row holds no bounce: no reason text, no bounce flag
// (Email Invalid, Email Suspended), no code, or an event that is not a bounce (delivered,
// open). Such leads are kept only with Options.All; their class is Success (not a bounce) and
// they have no code.
func (l *Lead) NotBounced() bool { return l.flags&flagNotBounced != 0 }

// NoAddress reports whether the lead's email cell holds no address (empty, NULL, a name):
// the lead is kept and shown, but must never be exported as an address.
func (l *Lead) NoAddress() bool { return l.flags&flagNoAddress != 0 }

// fillStats counts what filling one chunk's rows found besides leads.
type fillStats struct {
	blank, headers, notBounced, noAddress int
	unparsed                              []int // per column of the layout: values not understood
}

func (s *fillStats) count(k rowKind) {
	switch k {
	case rowBlank:
		s.blank++
	case rowHeader, rowSection:
		s.headers++
	}
}

// rawEntry is one side field's text that was not understood, in a chunk.
type rawEntry struct {
	line int32
	col  int32 // column of the layout
	text string
}

// rawKey finds a lead's unparsed texts.
type rawKey struct {
	file uint16
	line int32
}

// RawValue is a side field's text that bouncelens did not understand (a date, a boolean): the
// field is left empty and the text kept, to be shown.
type RawValue struct {
	Column string // the column's name in the file
	Text   string
}

// PlatformLabel returns the sending platform's own label of the lead's bounce, from the
// file's type or category columns (Postmark's Type, SES's bounceType and bounceSubType,
// SendGrid's type, Marketing Cloud's BounceCategory, Mailgun's severity), joined by " / "; ""
// when the file has none. It is the platform's word, to show beside bouncelens's verdict.
func (ds *Dataset) PlatformLabel(l *Lead) string {
	var parts []string
	for _, i := range ds.labelCols {
		if i < len(l.Extra) && l.Extra[i] != "" && !slices.Contains(parts, l.Extra[i]) {
			parts = append(parts, l.Extra[i])
		}
	}
	return strings.Join(parts, " / ")
}

// Unparsed returns the side fields of l whose text was not understood, in column order; nil
// for most leads.
func (ds *Dataset) Unparsed(l *Lead) []RawValue {
	return ds.raw[rawKey{l.File, l.Line}]
}

// colRole is what an extra column says about a row's bounce.
type colRole uint8

const (
	roleNone      colRole = iota
	roleCode              // a platform's code or status column: codes that fill in what the text lacks
	roleLabel             // a platform's own type or category of bounce, kept to show (PlatformLabel); a value says the row is a bounce
	roleLabelWeak         // a label under a name common outside bounce exports (Type, Category): shown, but no sign of a bounce
	roleEvent             // the kind of event (bounce, delivered, open): only bounces are bounces
	roleFlag              // a "bounced" boolean
	roleOwn               // bouncelens's own class column, in a file it exported: a lead unless "success"
)

// codeNames are the columns that hold a platform's reply or enhanced code (research/formats.md
// section 4): SendGrid's and SES's status (5.1.1), Mailgun's code (550), Salesforce Marketing
// Cloud's SMTPCode, Eloqua's SmtpErrorCode and SmtpStatusCode, Zoho's bounce_code and
// bounce_extended_code, a DSN's Status. Names marked bare are also common outside bounce
// exports and count only in files that are not Marketo exports.
var codeNames = map[string]bool{
	"status": true, "code": true, // bare
	"smtpcode": true, "smtpstatus": true, "smtpstatuscode": true, "smtperrorcode": true, "smtpreplycode": true,
	"bouncecode": true, "bounceextendedcode": true, "bouncestatus": true, "errorcode": true, "statuscode": true,
	"replycode": true, "responsecode": true, "enhancedcode": true, "enhancedstatuscode": true, "enhancedstatus": true,
	"dsnstatus": true, "diagnosticstatus": true, "deliverystatuscode": true, "deliverystatusenhancedcode": true,
}

// labelNames are the columns that hold a platform's own label of a bounce: Postmark's Type (its
// TypeCode says the same as a number, which is no reply code), SES's bounceType and bounceSubType, SendGrid's type and bounce_classification,
// Marketing Cloud's BounceCategory, Mailgun's severity, a DSN's Action, HubSpot's reason enum,
// Marketo's bounce category fields.
var labelNames = map[string]bool{
	"type": true, "category": true, "subcategory": true, "classification": true,
	"severity": true, "action": true, // bare
	"hsemailhardbouncereasonenum": true, "emailbouncedcategory": true, "emailbouncedsubcategory": true,
}

var bareNames = map[string]bool{"status": true, "code": true, "type": true, "category": true,
	"subcategory": true, "classification": true, "severity": true, "action": true}

// platformNames are columns only bounce exports have (see setRoles).
var platformNames = map[string]bool{"typecode": true, "bouncedat": true, "bounceclassification": true, "created": true,
	"diagnosticcode": true, "recordtype": true, "notificationtype": true, "finalrecipient": true}

// eventNames are the columns that say what happened to a message; they count only in files
// that are not Marketo exports (a Marketo custom field named Event is a campaign's), and only
// for values that name an event (eventKind).
var eventNames = map[string]bool{"event": true, "eventtype": true, "recordtype": true, "notificationtype": true}

var flagNames = map[string]bool{"isemailhardbounced": true, "isemailbounced": true, "emailbounced": true,
	"bounced": true, "hardbounced": true, "isbounced": true}

// setRoles gives each extra column its role, from its normalised name.
func (lay *layout) setRoles(norms []string) {
	marketo := lay.invalid >= 0 || lay.suspend >= 0
	for c, n := range norms {
		if lay.kinds[c] != kindExtra || lay.causeCol[c] || c == lay.email {
			continue
		}
		bounce := strings.Contains(n, "bounce")
		switch {
		case bareNames[n] && marketo:
		case codeNames[n]:
			lay.roles[c] = roleCode
		case bareNames[n]:
			lay.roles[c] = roleLabelWeak
		case labelNames[n], bounce && (strings.HasSuffix(n, "type") || strings.HasSuffix(n, "category") ||
			strings.HasSuffix(n, "classification")):
			lay.roles[c] = roleLabel
		case eventNames[n] && !marketo:
			lay.roles[c] = roleEvent
		case flagNames[n]:
			lay.roles[c] = roleFlag
		case n == "bouncelensclass":
			lay.roles[c] = roleOwn
		}
	}
	// Type or Category is a platform's label only in a platform's export: one with a code
	// column under a name of its own, or columns that SendGrid, Postmark, SES or a DSN write.
	platform := false
	for c, r := range lay.roles {
		platform = platform || r == roleCode && !bareNames[norms[c]]
	}
	for _, n := range norms {
		platform = platform || platformNames[n]
	}
	for c, r := range lay.roles {
		if r == roleLabelWeak && !platform {
			lay.roles[c] = roleNone
		}
	}
	lay.names = make(map[string]bool)
	for _, n := range norms {
		lay.names[n] = true
	}
	for _, f := range leadFields() {
		lay.names[f.norm] = true
	}
	for _, m := range []map[string]bool{codeNames, labelNames, eventNames, flagNames} {
		for n := range m {
			lay.names[n] = true
		}
	}
	for n := range aliases {
		lay.names[n] = true
	}
	for _, n := range reasonNames {
		lay.names[n] = true
	}
}

func (lay *layout) hasRole(r colRole) bool { return slices.Contains(lay.roles, r) }

// isEmailName reports whether a normalised header name names the email column.
func (lay *layout) isEmailName(n string) bool {
	return n == "emailaddress" || aliases[n] == "emailaddress" || n != "" && n == lay.emailAlt
}

// headerKind tells whether a row is a header: rowHeader for the layout's own header again,
// rowSection for another one (two exports concatenated), rowLead for neither. It is called only
// for rows that hold no address.
func (lay *layout) headerKind(fields [][]byte) rowKind {
	if len(fields) == len(lay.header) {
		same := true
		for c, f := range fields {
			if !strings.EqualFold(string(bytes.TrimSpace(f)), lay.header[c]) {
				same = false
				break
			}
		}
		if same {
			return rowHeader
		}
	}
	for _, f := range fields {
		// Cheap checks first: header names are short, hold no @ and do not start with a digit
		// (ids, dates and codes in data rows do).
		if f = bytes.TrimSpace(f); len(f) > 80 || len(f) > 0 && f[0] >= '0' && f[0] <= '9' || bytes.IndexByte(f, '@') >= 0 {
			return rowLead
		}
	}
	known, nonEmpty, email := 0, 0, false
	for _, f := range fields {
		f = bytes.TrimSpace(f)
		if len(f) == 0 {
			continue
		}
		nonEmpty++
		n := normalize(string(f))
		if lay.names[n] {
			known++
		}
		email = email || lay.isEmailName(n)
	}
	if email && known >= 2 && known*2 >= nonEmpty {
		return rowSection
	}
	return rowLead
}

// section is the layout of the rows of a file after a header met inside it.
type section struct {
	lay *layout
	w   *worker // fills the section's rows, in the merge
}

// sections are the sections of one file: the current one (nil: the file's first header) and
// all of them.
type sections struct {
	cur *section
	all []*section
}

// settle finishes job j in the merge, in file order, where a header met inside the file is
// acted on: once a header with other columns was met, the chunks after it (filled by the
// workers with the file's first columns) are filled again with the new ones, and a header met
// in j starts a new section for the rest of j. It merges j's counts and returns how many of its
// records were not rows (blank rows and headers).
func (ld *loader) settle(j *job, secs *sections, base *layout, delim byte, name string, idx int) int {
	ds := ld.ds
	jl := base
	own := false // j's records are its own, not the pool's
	resplit := func(s *section) {
		// The worker gave j's records back to the pool once filled: split j's text again.
		own = true
		rows, skipped, blank := j.rows, j.skipped, j.blank
		j.recs, j.fields = nil, nil
		s.w.split(j)
		j.rows, j.skipped, j.blank = rows, skipped, blank
	}
	refill := func(s *section, from int) {
		ld.growMu.Lock()
		defer ld.growMu.Unlock()
		n := len(j.recs)
		if ds.lean != nil {
			if cap(j.dst) < n || cap(j.dstMeta) < n {
				j.dst, j.dstMeta = make([]Lead, n), make([]uint32, n)
			}
			j.dst, j.dstMeta = j.dst[:n], j.dstMeta[:n]
			j.refilled = true
		} else {
			j.dst, j.dstMeta = ds.Leads[j.off:j.off+n], ds.meta[j.off:j.off+n]
		}
		clear(j.dst[j.good:])
		s.w.fillAll(j, from)
	}
	if s := secs.cur; s != nil {
		j.good, j.fillErrs, j.stats, j.raw, j.section = 0, nil, fillStats{}, nil, 0
		resplit(s)
		refill(s, 0)
		jl = s.lay
	}
	notRows := 0
	flush := func(l *layout) {
		ld.addStats(l, idx, j)
		notRows += j.stats.blank + j.stats.headers
		j.stats, j.raw = fillStats{}, nil
	}
	for j.section > 0 {
		k := int(j.section - 1)
		j.section = 0
		flush(jl)
		if !own {
			resplit(&section{w: newWorker(ld, base, delim, name, idx)})
		}
		r := j.recs[k]
		s, pe := ld.newSection(j.fields[r.first:r.first+r.n], jl, delim, name, idx, r.line)
		if pe != nil {
			j.fillErrs = append(j.fillErrs, pe)
		} else {
			notRows++
			ds.repeatedHeaders++
		}
		secs.cur = s
		secs.all = append(secs.all, s)
		jl = s.lay
		refill(s, k+1)
	}
	flush(jl)
	return notRows
}

// newSection makes the section a header row inside a file starts. A header that does not map
// (no email column) is a bad row; the rows after it keep the current columns.
func (ld *loader) newSection(fields [][]byte, cur *layout, delim byte, name string, idx int, line int32) (*section, *ParseError) {
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = strings.TrimSpace(string(f))
		if header[i] == "" {
			header[i] = fmt.Sprintf("Column %d", i+1)
		}
	}
	lay, err := newLayout(header, ld.fields, &ld.ds.ExtraColumns, &ld.opts)
	if err != nil {
		pe := err.(*ParseError)
		pe.File, pe.Line, pe.StartLine = name, int(line), int(line)
		pe.Err = fmt.Errorf("a header inside the file: %w", pe.Err)
		return &section{lay: cur, w: newWorker(ld, cur, delim, name, idx)}, pe
	}
	ld.noteColumns(lay)
	ld.ds.notes = append(ld.ds.notes, fmt.Sprintf("%s:%d: a new header; the rows after it are read by its columns", name, line))
	return &section{lay: lay, w: newWorker(ld, lay, delim, name, idx)}, nil
}

// mergeErrs merges two lists of errors sorted by line.
func mergeErrs(a, b []*ParseError) []*ParseError {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	a = append(a, b...)
	slices.SortStableFunc(a, func(x, y *ParseError) int { return x.StartLine - y.StartLine })
	return a
}

// appendCode adds one code column's value to the codes of a row.
func appendCode(dst, f []byte) []byte {
	if len(dst) > 0 {
		dst = append(dst, ' ')
	}
	return append(dst, bytes.TrimSpace(f)...)
}

// codeSep separates a reason text from its code columns' values in a cause key: control bytes
// never reach a cause text (repair drops them).
const codeSep = 0

// withCodes returns the cause slot of a reason text (the slot ce) joined with the values of the
// row's code columns: the pair is classified as one (classifyCause) and cached like any text.
func (w *worker) withCodes(ce int32, codeText []byte) int32 {
	text := w.ct.slots[ce].c.text
	w.codeKey = append(append(append(w.codeKey[:0], text...), codeSep), codeText...)
	return w.cause(w.codeKey)
}

// reasonText is the reason text of a cause key: the text before its code columns' values.
func reasonText(key string) string {
	if i := strings.IndexByte(key, codeSep); i >= 0 {
		return key[:i]
	}
	return key
}

// classifyCause classifies a cause key: a reason text, with the values of its code columns
// after codeSep when the file has any.
func classifyCause(key string) codes.Bounce {
	if i := strings.IndexByte(key, codeSep); i >= 0 {
		return codes.ClassifyWith(key[:i], key[i+1:])
	}
	return codes.Classify(key)
}

// isBounceEvent reports whether an event column's value names a bounce: SendGrid's bounce,
// dropped and deferred, SES's Bounce, Reject and DeliveryDelay, Mailgun's failed and rejected,
// Postmark's Bounce; delivered, open, click, processed, complaints, unsubscribes and template
// rendering failures are not.
func isBounceEvent(e []byte) bool {
	b, known := eventKind(e)
	return b && known
}

// eventKind tells whether an event column's value names a bounce (see isBounceEvent), and
// whether it names an event bouncelens knows at all: a value of neither kind (a campaign's
// name) leaves the decision to the row's other columns.
func eventKind(e []byte) (bounce, known bool) {
	s := strings.ToLower(string(e))
	if strings.Contains(s, "render") {
		return false, true // SES's Rendering Failure: the sender's template, not the recipient
	}
	for _, w := range []string{"bounce", "drop", "defer", "delay", "fail", "reject", "block"} {
		if strings.Contains(s, w) {
			return true, true
		}
	}
	for _, w := range []string{"deliver", "open", "click", "process", "sent", "send", "complain", "spam",
		"subscri", "accept", "stored", "list_member", "group_"} {
		if strings.Contains(s, w) {
			return false, true
		}
	}
	return false, false
}

// noteKinds names what a column's values are, for notes.
func noteKind(k fieldKind) string {
	switch k {
	case kindBool:
		return "true/false values"
	case kindTime:
		return "dates"
	}
	return "values"
}

// Totals are the counts of a load, for the summary and the browser's header.
type Totals struct {
	Files           int      // files read
	Rows            int      // data rows read: Leads + Skipped + the not-bounced rows left out + Joined (blank rows and repeated headers aside)
	Leads           int      // leads kept (len(Dataset.Leads)), NoAddress and, with Options.All, NotBounced ones included
	Distinct        int      // distinct email addresses among the leads, compared case-insensitively
	NotBounced      int      // rows that hold no bounce (Lead.NotBounced): left out unless Options.All
	NoAddress       int      // leads kept whose email cell holds no address (Lead.NoAddress): never exported
	Skipped         int      // rows that could not be read (Dataset.Skipped)
	Joined          int      // lead-export rows left out because their lead's activity bounces took their fields
	BlankRows       int      // rows of bare delimiters, skipped
	RepeatedHeaders int      // header rows met again inside a file, skipped
	ReasonColumn    []string // the columns the bounce reasons were read from, as the files name them
	CodeColumn      []string // the platforms' code columns whose codes fill in what a reason text lacks
	EmailColumn     []string // the columns the addresses were read from
	Notes           []string // what was read with a caveat: "12 dates not understood in Created At"
}

// Uncounted returns, cheaply, how many rows were not bounces and how many leads have no
// address: the header's counts beside the groups (Totals has them all, at the cost of a scan).
func (ds *Dataset) Uncounted() (notBounced, noAddress int) {
	return ds.notBounced, ds.noAddress
}

// Totals returns the counts of the load that made ds.
func (ds *Dataset) Totals() Totals {
	t := Totals{
		Files: len(ds.Files), Rows: ds.Rows, Leads: ds.Len(), Skipped: len(ds.Skipped),
		NotBounced: ds.notBounced, NoAddress: ds.noAddress, Joined: ds.joined, BlankRows: ds.blankRows,
		RepeatedHeaders: ds.repeatedHeaders, ReasonColumn: ds.reasonCols, CodeColumn: ds.codeCols, EmailColumn: ds.emailCols,
	}
	t.Distinct = ds.distinctAddresses()
	t.Notes = append(t.Notes, ds.notes...)
	for _, n := range ds.unparsed {
		t.Notes = append(t.Notes, fmt.Sprintf("%d %s not understood in %s (left empty, text kept)", n.count, n.what, n.column))
	}
	return t
}

// distinctAddresses counts the distinct addresses (ignoring case) of the leads that have one.
func (ds *Dataset) distinctAddresses() int {
	if st := ds.lean; st != nil {
		seen := make(map[uint64]struct{}, len(st.leads))
		for i := range st.leads {
			if st.leads[i].flags&flagNoAddress == 0 {
				seen[st.leads[i].email] = struct{}{}
			}
		}
		return len(seen)
	}
	seen := make(map[string]struct{}, len(ds.Leads))
	for i := range ds.Leads {
		l := &ds.Leads[i]
		if l.NoAddress() {
			continue
		}
		e := l.Email
		if !isLowerASCII(e) {
			e = strings.ToLower(e)
		}
		seen[e] = struct{}{}
	}
	return len(seen)
}

// unparsedNote counts one column's values that were not understood, over every file.
type unparsedNote struct {
	column, what string
	count        int
}

// addUnparsed merges a chunk's counts of values not understood into ds.
func (ds *Dataset) addUnparsed(lay *layout, counts []int) {
	for c, n := range counts {
		if n == 0 {
			continue
		}
		name, what := lay.header[c], noteKind(lay.kinds[c])
		k := slices.IndexFunc(ds.unparsed, func(u unparsedNote) bool { return u.column == name && u.what == what })
		if k < 0 {
			ds.unparsed = append(ds.unparsed, unparsedNote{column: name, what: what})
			k = len(ds.unparsed) - 1
		}
		ds.unparsed[k].count += n
	}
}

// addColumn records a column name used for reasons or addresses, once.
func addColumn(list *[]string, name string) {
	if name != "" && !slices.Contains(*list, name) {
		*list = append(*list, name)
	}
}

// noteColumns records the columns a file's layout reads reasons, addresses and labels from.
func (ld *loader) noteColumns(lay *layout) {
	ds := ld.ds
	for c, r := range lay.roles {
		if (r == roleLabel || r == roleLabelWeak) && !slices.Contains(ds.labelCols, lay.extra[c]) {
			ds.labelCols = append(ds.labelCols, lay.extra[c])
		}
		if r == roleCode {
			addColumn(&ds.codeCols, lay.header[c])
		}
	}
	addColumn(&ds.emailCols, lay.header[lay.email])
	for _, c := range []int{lay.reason, lay.invalid, lay.suspend, lay.other} {
		if c >= 0 {
			addColumn(&ds.reasonCols, lay.header[c])
		}
	}
}

// addStats merges what filling one chunk of file idx counted into the dataset.
func (ld *loader) addStats(lay *layout, idx int, j *job) {
	ds := ld.ds
	st := &j.stats
	ds.blankRows += st.blank
	ds.repeatedHeaders += st.headers
	ds.notBounced += st.notBounced
	ds.noAddress += st.noAddress
	if st.unparsed != nil {
		ds.addUnparsed(lay, st.unparsed)
	}
	if len(j.raw) > 0 && ds.raw == nil {
		ds.raw = make(map[rawKey][]RawValue)
	}
	for _, r := range j.raw {
		k := rawKey{uint16(idx), r.line}
		ds.raw[k] = append(ds.raw[k], RawValue{Column: lay.header[r.col], Text: r.text})
	}
}

// fixOrder settles the day/month order of the dates of the file whose leads start at
// ds.Leads[from], once for the whole file: when one of its dates could only be read day first
// (13/01/2024) and none only month first, the dates read month first that could be either are
// read day first.
func (ld *loader) fixOrder(workers []*worker, from int) {
	ds := ld.ds
	dayFirst, monthFirst := false, false
	for _, w := range workers {
		for s := range nTimeSlots {
			dayFirst = dayFirst || w.dayFirst[s]
			monthFirst = monthFirst || w.monthFirst[s]
		}
	}
	if dayFirst && monthFirst {
		ds.notes = append(ds.notes, fmt.Sprintf("%s mixes day-first and month-first dates: those that could be either were read month first",
			ds.Files[len(ds.Files)-1]))
	}
	var offsets [nTimeSlots]uintptr
	for _, f := range ld.fields {
		if f.kind == kindTime {
			offsets[f.slot] = f.offset
		}
	}
	const all = flagAmbiguous * (1<<nTimeSlots - 1)
	swap := dayFirst && !monthFirst
	if ds.lean != nil {
		ds.lean.fixOrder(from, swap)
	}
	for i := from; i < len(ds.Leads); i++ {
		l := &ds.Leads[i]
		if l.flags&all == 0 {
			continue
		}
		for s := range nTimeSlots {
			if swap && l.flags&(flagAmbiguous<<s) != 0 {
				p := (*time.Time)(unsafe.Add(unsafe.Pointer(l), offsets[s]))
				*p = swapDayMonth(*p)
			}
		}
		l.flags &^= all
	}
}
