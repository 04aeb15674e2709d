package model

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
)

// maxJSONValue bounds one JSON value (an event, or one member of a top-level object) and the
// members of one event together: memory stays bounded whatever the file holds.
const maxJSONValue = 16 << 20

// jsonShapes is what readJSON reads, for errors.
const jsonShapes = "Amazon SES bounce notifications (plain, in an SNS envelope, or SES event publishing), SendGrid event webhook events or bounces API records, Postmark bounces, Mailgun events, or Marketo activities (the REST API's Get Lead Activities)"

// jsonSpec is the columns one platform's events become: each event gives one row per
// recipient, read by the same layout and filling as a CSV export.
type jsonSpec struct {
	name   string
	header []string
	reason string             // the column that holds the reason text
	roles  map[string]colRole // the code, label and event columns
}

var (
	sesSpec = &jsonSpec{name: "Amazon SES",
		header: []string{"email", "diagnosticCode", "status", "action", "bounceType", "bounceSubType", "eventType",
			"timestamp", "reportingMTA", "remoteMtaIp", "feedbackId", "source", "messageId"},
		reason: "diagnosticCode",
		roles: map[string]colRole{"status": roleCode, "action": roleCode, "bounceType": roleLabel,
			"bounceSubType": roleLabel, "eventType": roleEvent},
	}
	sendgridSpec = &jsonSpec{name: "SendGrid",
		header: []string{"email", "reason", "status", "type", "bounce_classification", "event", "created", "timestamp",
			"sg_event_id", "sg_message_id", "smtp-id", "attempt"},
		reason: "reason",
		roles: map[string]colRole{"status": roleCode, "type": roleLabel, "bounce_classification": roleLabel,
			"event": roleEvent},
	}
	postmarkSpec = &jsonSpec{name: "Postmark",
		header: []string{"Email", "Details", "Type", "RecordType", "BouncedAt", "ID", "Description", "Name", "Tag",
			"MessageID", "ServerID", "From", "Subject", "Inactive", "CanActivate", "MessageStream"},
		reason: "Details",
		roles:  map[string]colRole{"Type": roleLabel, "RecordType": roleEvent},
	}
	// Marketo's Get Lead Activities (REST): activities with id, marketoGUID, leadId,
	// activityDate, activityTypeId, primaryAttributeValue and attributes as a list of name and
	// value; the Email Bounced (8) and Email Bounced Soft (27) ones are bounces, read as the bulk
	// extract's rows are (activity.go).
	marketoSpec = &jsonSpec{name: "Marketo activities",
		header: append([]string{"Email Address"}, slices.DeleteFunc(slices.Clone(activityColumns), func(c string) bool { return c == "Email Address" })...),
		reason: "Email Invalid Cause",
		roles:  map[string]colRole{"Marketo Activity": roleEvent},
	}
	mailgunSpec = &jsonSpec{name: "Mailgun",
		header: []string{"recipient", "message", "code", "enhanced-code", "severity", "reason", "event", "timestamp",
			"description", "id", "log-level"},
		reason: "message",
		roles: map[string]colRole{"code": roleCode, "enhanced-code": roleCode, "severity": roleLabel,
			"reason": roleLabel, "event": roleEvent},
	}
)

// jsonRow is one row an event gives: values by column name of its spec.
type jsonRow map[string]string

// jsonFile is the state of reading one JSON file.
type jsonFile struct {
	ld     *loader
	name   string
	idx    int
	lim    *jsonLimiter
	dec    *json.Decoder
	shapes map[*jsonSpec]*jsonShape
	events int // events read, of any shape
	known  int // events of a shape readjson knows
	first  *ParseError
	ctx    context.Context
}

// jsonShape is the layout and worker of one spec in one file.
type jsonShape struct {
	lay *layout
	w   *worker
	j   *job
}

// jsonLimiter reads for a json.Decoder, failing once the value being decoded grows past
// maxJSONValue, and remembers where lines end, for line numbers.
type jsonLimiter struct {
	r     io.Reader
	dec   *json.Decoder
	n     int64   // bytes read
	nl    []int64 // offsets of the newlines not yet counted
	lines int     // newlines before nl[0]
	err   error
}

var errJSONTooLarge = fmt.Errorf("a JSON value is larger than %d MiB", maxJSONValue>>20)

func (l *jsonLimiter) Read(p []byte) (int, error) {
	if l.dec != nil && l.n-l.dec.InputOffset() > maxJSONValue {
		l.err = errJSONTooLarge
		return 0, l.err
	}
	n, err := l.r.Read(p[:min(len(p), 1<<20)])
	for i, c := range p[:n] {
		if c == '\n' {
			l.nl = append(l.nl, l.n+int64(i))
		}
	}
	l.n += int64(n)
	return n, err
}

// line returns the line of byte offset off; offsets asked for never go back.
func (l *jsonLimiter) line(off int64) int {
	k := sort.Search(len(l.nl), func(i int) bool { return l.nl[i] >= off })
	l.lines += k
	l.nl = l.nl[k:]
	return l.lines + 1
}

// readJSON loads a JSON or JSON Lines file of bounce events: a top-level array of events, an
// object that holds one (Postmark's Bounces, Mailgun's items), single events, or one event per
// line. Each array element is decoded alone, so memory is bounded by the largest event.
func (ld *loader) readJSON(ctx context.Context, br *bufio.Reader, name string, idx int) error {
	from := len(ld.ds.Leads)
	lim := &jsonLimiter{r: br}
	dec := json.NewDecoder(lim)
	dec.UseNumber()
	lim.dec = dec
	jf := &jsonFile{ld: ld, name: name, idx: idx, lim: lim, dec: dec, shapes: make(map[*jsonSpec]*jsonShape), ctx: ctx}
	fail := func(err error) error {
		if lim.err != nil {
			err = lim.err
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("the file ends inside a JSON value")
		}
		var se *json.SyntaxError
		off := dec.InputOffset()
		if errors.As(err, &se) {
			off = se.Offset
		}
		return &ParseError{File: name, Line: lim.line(off), Err: fmt.Errorf("JSON: %w", err)}
	}
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return fmt.Errorf("reading %s: %w", name, ctx.Err())
		}
		first, start, err := jf.peek()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(err)
		}
		switch first {
		case '[':
			if _, err := dec.Token(); err != nil {
				return fail(err)
			}
			if err := jf.array(); err != nil {
				return fail(err)
			}
		case '{':
			if err := jf.object(start); err != nil {
				return fail(err)
			}
		default:
			return &ParseError{File: name, Line: lim.line(start), Err: fmt.Errorf("JSON holds %q where an event or a list of events was expected; want %s", first, jsonShapes)}
		}
		if ld.opts.Strict && jf.first != nil {
			return jf.first
		}
	}
	if jf.known == 0 {
		if jf.first != nil {
			return jf.first
		}
		return &ParseError{File: name, Err: errors.New("holds no events")}
	}
	var ws []*worker
	for _, sh := range jf.shapes {
		ws = append(ws, sh.w)
	}
	ld.fixOrder(ws, from)
	jf.progress()
	return nil
}

// peek returns the first byte of the next value and its offset, io.EOF at the end.
func (jf *jsonFile) peek() (byte, int64, error) {
	if !jf.dec.More() {
		// More is false at the end of the input, or before a stray ']' or '}'.
		if _, err := jf.dec.Token(); err != nil {
			return 0, 0, err
		}
		return 0, 0, errors.New("a ']' or '}' that closes nothing")
	}
	buf, _ := io.ReadAll(io.LimitReader(jf.dec.Buffered(), 64))
	off := jf.dec.InputOffset()
	for _, c := range buf {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':' {
			return c, off, nil
		}
		off++
	}
	return 0, off, errors.New("unexpected white space")
}

func (jf *jsonFile) progress() {
	if p := jf.ld.opts.Progress; p != nil {
		p(Progress{File: jf.name, BytesRead: jf.lim.n, Rows: jf.ld.ds.Rows})
	}
}

// array reads the elements of an array whose '[' was read, and its ']'.
func (jf *jsonFile) array() error {
	for n := 0; jf.dec.More(); n++ {
		if n%1024 == 0 {
			if err := jf.ctx.Err(); err != nil {
				return err
			}
			if n > 0 {
				jf.progress()
			}
		}
		var raw json.RawMessage
		if err := jf.dec.Decode(&raw); err != nil {
			return err
		}
		if len(raw) > maxJSONValue {
			return errJSONTooLarge
		}
		start := jf.dec.InputOffset() - int64(len(raw))
		m, ok := jsonObject(raw)
		if !ok {
			jf.unknown(start, nil)
			continue
		}
		jf.event(m, start)
	}
	_, err := jf.dec.Token()
	return err
}

// listKeys are the members of a top-level object that hold the events.
var listKeys = map[string]bool{"Bounces": true, "items": true, "events": true, "bounces": true, "result": true, "results": true}

// object reads a top-level object member by member: an object that lists events (Postmark's
// {"TotalCount":..,"Bounces":[...]}, Mailgun's {"items":[...]}) has them read one by one; any
// other object is one event.
func (jf *jsonFile) object(start int64) error {
	dec := jf.dec
	if _, err := dec.Token(); err != nil {
		return err
	}
	m := make(map[string]json.RawMessage)
	size, listed := 0, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if listKeys[key] {
			if c, _, err := jf.peek(); err == nil && c == '[' {
				if _, err := dec.Token(); err != nil {
					return err
				}
				if err := jf.array(); err != nil {
					return err
				}
				listed = true
				continue
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if size += len(raw); size > maxJSONValue {
			return errJSONTooLarge
		}
		if !listed {
			m[key] = raw
		}
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	if !listed {
		jf.event(m, start)
	}
	return nil
}

func jsonObject(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &m) != nil {
		return nil, false
	}
	return m, true
}

// jsonText is a member's value as a cell: a string's text, a number or boolean as written,
// null as empty, an object or array as its JSON.
func jsonText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return s
	}
	return string(raw)
}

// jsonTime is a timestamp member as a cell: Unix seconds (SendGrid, Mailgun) become RFC 3339.
func jsonTime(raw json.RawMessage) string {
	s := jsonText(raw)
	if len(s) >= 10 && s[0] >= '0' && s[0] <= '9' {
		if t, ok := parseUnix([]byte(s)); ok {
			return t.Format(time.RFC3339Nano)
		}
	}
	return s
}

func member(m map[string]json.RawMessage, path ...string) json.RawMessage {
	var raw json.RawMessage
	for i, k := range path {
		raw = m[k]
		if i < len(path)-1 {
			var ok bool
			if m, ok = jsonObject(raw); !ok {
				return nil
			}
		}
	}
	return raw
}

func text(m map[string]json.RawMessage, path ...string) string { return jsonText(member(m, path...)) }

func objects(raw json.RawMessage) []map[string]json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []map[string]json.RawMessage
	for _, r := range list {
		if m, ok := jsonObject(r); ok {
			out = append(out, m)
		}
	}
	return out
}

func strs(raw json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, r := range list {
		out = append(out, jsonText(r))
	}
	return out
}

// event turns one event into rows and loads them.
func (jf *jsonFile) event(m map[string]json.RawMessage, start int64) {
	jf.events++
	if isMarketoActivity(m) {
		if _, err := parseAttributes(string(member(m, "attributes"))); err != nil {
			jf.bad(start, fmt.Errorf("Marketo activity: attributes: %v", err))
			return
		}
	}
	spec, rows := jf.rows(m, 0)
	if spec == nil {
		jf.unknown(start, m)
		return
	}
	jf.known++
	jf.load(spec, rows, jf.lim.line(start))
}

// rows recognises an event's platform and returns its rows, or a nil spec.
func (jf *jsonFile) rows(m map[string]json.RawMessage, depth int) (*jsonSpec, []jsonRow) {
	switch {
	case m["Type"] != nil && m["Message"] != nil && depth == 0: // an SNS envelope
		if inner, ok := jsonObject(json.RawMessage(text(m, "Message"))); ok {
			return jf.rows(inner, depth+1)
		}
		if text(m, "Type") == "SubscriptionConfirmation" {
			return sesSpec, nil
		}
	case m["event-data"] != nil && depth == 0: // a Mailgun webhook
		if inner, ok := jsonObject(member(m, "event-data")); ok {
			return jf.rows(inner, depth+1)
		}
	case m["notificationType"] != nil || m["eventType"] != nil && m["mail"] != nil:
		return sesSpec, sesRows(m)
	case m["RecordType"] != nil || m["Email"] != nil && (m["Details"] != nil || m["TypeCode"] != nil || m["BouncedAt"] != nil):
		return postmarkSpec, postmarkRows(m)
	case m["recipient"] != nil && m["event"] != nil:
		return mailgunSpec, mailgunRows(m)
	case isMarketoActivity(m):
		jf.ld.markActivity(jf.idx)
		return marketoSpec, marketoRows(m)
	case m["email"] != nil && (m["event"] != nil || m["reason"] != nil || m["status"] != nil):
		return sendgridSpec, sendgridRows(m)
	}
	return nil, nil
}

func sesRows(m map[string]json.RawMessage) []jsonRow {
	kind := text(m, "notificationType")
	if kind == "" {
		kind = text(m, "eventType")
	}
	base := jsonRow{"eventType": kind, "source": text(m, "mail", "source"), "messageId": text(m, "mail", "messageId")}
	with := func(r jsonRow) jsonRow {
		for k, v := range base {
			r[k] = v
		}
		return r
	}
	var rows []jsonRow
	switch kind {
	case "Bounce":
		for _, rc := range objects(member(m, "bounce", "bouncedRecipients")) {
			rows = append(rows, with(jsonRow{"email": text(rc, "emailAddress"), "diagnosticCode": text(rc, "diagnosticCode"),
				"status": text(rc, "status"), "action": text(rc, "action"), "bounceType": text(m, "bounce", "bounceType"),
				"bounceSubType": text(m, "bounce", "bounceSubType"), "timestamp": text(m, "bounce", "timestamp"),
				"reportingMTA": text(m, "bounce", "reportingMTA"), "remoteMtaIp": text(m, "bounce", "remoteMtaIp"),
				"feedbackId": text(m, "bounce", "feedbackId")}))
		}
	case "DeliveryDelay":
		for _, rc := range objects(member(m, "deliveryDelay", "delayedRecipients")) {
			rows = append(rows, with(jsonRow{"email": text(rc, "emailAddress"), "diagnosticCode": text(rc, "diagnosticCode"),
				"status": text(rc, "status"), "bounceType": kind, "bounceSubType": text(m, "deliveryDelay", "delayType"),
				"timestamp": text(m, "deliveryDelay", "timestamp"), "reportingMTA": text(m, "deliveryDelay", "reportingMTA")}))
		}
	case "Reject":
		for _, to := range strs(member(m, "mail", "destination")) {
			rows = append(rows, with(jsonRow{"email": to, "diagnosticCode": text(m, "reject", "reason"), "bounceType": kind,
				"timestamp": text(m, "mail", "timestamp")}))
		}
	default: // Delivery, Complaint, Send, Open, Click...: not bounces
		to := strs(member(m, "delivery", "recipients"))
		if len(to) == 0 {
			to = strs(member(m, "mail", "destination"))
		}
		for _, e := range to {
			rows = append(rows, with(jsonRow{"email": e, "timestamp": text(m, "mail", "timestamp")}))
		}
	}
	return rows
}

func sendgridRows(m map[string]json.RawMessage) []jsonRow {
	reason := text(m, "reason")
	if reason == "" && text(m, "event") == "deferred" {
		reason = text(m, "response")
	}
	typ := text(m, "type")
	if ev := text(m, "event"); typ == "" && ev != "bounce" {
		typ = ev // dropped, deferred: SendGrid's own word for what happened
	}
	return []jsonRow{{"email": text(m, "email"), "reason": reason, "status": text(m, "status"), "type": typ,
		"bounce_classification": text(m, "bounce_classification"), "event": text(m, "event"),
		"created": jsonTime(member(m, "created")), "timestamp": jsonTime(member(m, "timestamp")),
		"sg_event_id": text(m, "sg_event_id"), "sg_message_id": text(m, "sg_message_id"), "smtp-id": text(m, "smtp-id"),
		"attempt": text(m, "attempt")}}
}

func postmarkRows(m map[string]json.RawMessage) []jsonRow {
	r := jsonRow{}
	for _, k := range postmarkSpec.header {
		r[k] = text(m, k)
	}
	if r["Email"] == "" {
		r["Email"] = text(m, "Recipient") // delivery, open and click webhooks
	}
	return []jsonRow{r}
}

// isMarketoActivity reports whether m is an activity of Marketo's REST API.
func isMarketoActivity(m map[string]json.RawMessage) bool {
	return m["activityTypeId"] != nil && m["leadId"] != nil && m["activityDate"] != nil
}

// marketoRows reads a Marketo activity: a bounce's row, or for another activity type a row
// without a bounce text, counted with the rows that are not bounces.
func marketoRows(m map[string]json.RawMessage) []jsonRow {
	typ := text(m, "activityTypeId")
	if typ != activityBounced && typ != activityBouncedSoft {
		return []jsonRow{{"Id": text(m, "leadId"), "Marketo Activity": "activity type " + typ}}
	}
	attrs, err := parseAttributes(string(member(m, "attributes")))
	if err != nil {
		attrs = attributes{}
	}
	details, category, sub := attrs.get("details"), attrs.get("category"), attrs.get("subcategory")
	if details == "" {
		details = subcategoryText(sub)
	}
	r := jsonRow{"Id": text(m, "leadId"), "Email Address": attrs.get("email"), "Email Invalid Cause": details,
		"Email Suspended At": jsonTime(member(m, "activityDate")), "Email Invalid": "false", "Email Suspended": "false",
		"Marketo Activity": "Email Bounced", "Marketo Category": category, "Marketo Subcategory": sub,
		"Marketo Email": text(m, "primaryAttributeValue"), "Marketo Campaign Id": text(m, "campaignId"),
		"Marketo GUID": text(m, "marketoGUID")}
	switch {
	case typ == activityBouncedSoft:
		r["Marketo Activity"] = "Email Bounced Soft"
	case category == "2":
		r["Email Invalid"] = "true"
	case category == "1":
		r["Email Suspended"] = "true"
	}
	if r["Marketo GUID"] == "" {
		r["Marketo GUID"] = text(m, "id")
	}
	return []jsonRow{r}
}

func mailgunRows(m map[string]json.RawMessage) []jsonRow {
	msg := text(m, "delivery-status", "message")
	if msg == "" {
		msg = text(m, "delivery-status", "description")
	}
	if msg == "" && text(m, "event") == "rejected" {
		msg = strings.TrimSpace(text(m, "reject", "reason") + " " + text(m, "reject", "description"))
	}
	code := text(m, "delivery-status", "code")
	if code == "0" {
		code = ""
	}
	return []jsonRow{{"recipient": text(m, "recipient"), "message": msg, "code": code,
		"enhanced-code": text(m, "delivery-status", "enhanced-code"), "severity": text(m, "severity"),
		"reason": text(m, "reason"), "event": text(m, "event"), "timestamp": jsonTime(member(m, "timestamp")),
		"description": text(m, "delivery-status", "description"), "id": text(m, "id"), "log-level": text(m, "log-level")}}
}

// unknown records an event of no shape readJSON knows, as a skipped row.
func (jf *jsonFile) unknown(start int64, m map[string]json.RawMessage) {
	jf.events++
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	what := "a value that is not an object"
	if m != nil {
		what = "an object with " + quoteList(keys)
	}
	jf.skip(start, fmt.Errorf("JSON event of an unknown shape (%s); want %s", what, jsonShapes))
}

// bad records an event of a known shape that cannot be read, as a skipped row.
func (jf *jsonFile) bad(start int64, err error) {
	jf.known++ // the file is of a shape bouncelens reads: this one event is not
	jf.skip(start, err)
}

// skip records the event at start as a row that could not be read.
func (jf *jsonFile) skip(start int64, err error) {
	pe := &ParseError{File: jf.name, Line: jf.lim.line(start), Err: err}
	pe.StartLine = pe.Line
	if jf.first == nil {
		jf.first = pe
	}
	ds := jf.ld.ds
	ds.Skipped = append(ds.Skipped, pe)
	ds.Rows++
}

// load fills the rows of one event into leads.
func (jf *jsonFile) load(spec *jsonSpec, rows []jsonRow, line int) {
	ld, ds := jf.ld, jf.ld.ds
	sh := jf.shapes[spec]
	if sh == nil {
		opts := ld.opts
		opts.ReasonColumn, opts.EmailColumn = spec.reason, spec.header[0]
		lay, err := newLayout(spec.header, ld.fields, &ds.ExtraColumns, &opts)
		if err != nil {
			panic("bouncelens: a JSON layout does not map: " + err.Error())
		}
		for c, name := range spec.header {
			if lay.kinds[c] == kindExtra && !lay.causeCol[c] {
				lay.roles[c] = spec.roles[name]
			}
		}
		sh = &jsonShape{lay: lay, w: newWorker(ld, lay, ',', jf.name, jf.idx), j: &job{}}
		jf.shapes[spec] = sh
		ld.noteColumns(lay)
	}
	fields := make([][]byte, len(spec.header))
	for _, r := range rows {
		for c, name := range spec.header {
			fields[c] = []byte(r[name])
		}
		ds.Rows++
		sh.j.stats = fillStats{}
		sh.j.raw = sh.j.raw[:0]
		sh.w.j, sh.w.line = sh.j, int32(line)
		if len(ds.Leads) == cap(ds.Leads) || len(ds.meta) == cap(ds.meta) {
			ld.reserve(1)
		}
		n := len(ds.Leads)
		ds.Leads, ds.meta = ds.Leads[:n+1], ds.meta[:n+1]
		l := &ds.Leads[n]
		*l = Lead{}
		meta, kind, err := sh.w.fill(l, fields, true)
		sh.w.j = nil
		for _, f := range sh.w.fresh {
			for int(f.rid) >= len(ds.ridBounce) {
				ds.ridBounce = append(ds.ridBounce, f.bounce)
			}
			ds.ridBounce[f.rid] = f.bounce
		}
		sh.w.fresh = sh.w.fresh[:0]
		if err == nil && kind != rowLead {
			sh.j.stats.count(kind)
		}
		ld.addStats(sh.lay, jf.idx, sh.j)
		if err != nil || kind != rowLead {
			*l = Lead{}
			ds.Leads, ds.meta = ds.Leads[:n], ds.meta[:n]
			switch {
			case err != nil:
				pe := &ParseError{File: jf.name, StartLine: line, Line: line, Err: err}
				ds.Skipped = append(ds.Skipped, pe)
				if jf.first == nil {
					jf.first = pe
				}
			case kind == rowBlank || kind == rowHeader || kind == rowSection:
				ds.Rows--
			}
			continue
		}
		l.File, l.Line = uint16(jf.idx), int32(line)
		ds.meta[n] = meta
	}
}
