package sample

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bouncelens/bouncelens/codes"
)

var update = flag.Bool("update", false, "rewrite export.csv from the generator")

var wantHeader = []string{
	"Id", "First Name", "Last Name", "Email Address", "Company Name", "Email Invalid",
	"Email Invalid Cause", "Email Suspended", "Email Suspended Cause", "Email Suspended At",
	"Unsubscribed", "Created At", "Updated At", "Job Title", "Lead Source",
}

// Column indices in wantHeader.
const (
	colID = iota
	colFirst
	colLast
	colEmail
	colCompany
	colInvalid
	colInvalidCause
	colSuspended
	colSuspendedCause
	colSuspendedAt
	colUnsubscribed
	colCreated
	colUpdated
)

// readExport parses data strictly (no lazy quotes, same field count on every row) and
// checks the header.
func readExport(t testing.TB, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.LazyQuotes = false
	r.FieldsPerRecord = len(wantHeader)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parsing export: %v", err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], wantHeader) {
		t.Fatalf("header = %q, want %q", recs[0], wantHeader)
	}
	return recs[1:]
}

// reasonText is the text the app reads a lead's bounce from (DESIGN.md): Email Invalid
// Cause when non-empty, else Email Suspended Cause.
func reasonText(rec []string) string {
	if rec[colInvalidCause] != "" {
		return rec[colInvalidCause]
	}
	return rec[colSuspendedCause]
}

func plausibleEmail(s string) bool {
	local, dom, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.ContainsAny(s, " \t\r\n,;<>\"") || strings.Count(s, "@") != 1 {
		return false
	}
	i := strings.LastIndexByte(dom, '.')
	return i > 0 && len(dom)-i > 2 && !strings.HasPrefix(local, ".") && !strings.HasSuffix(local, ".")
}

func TestExportCSVUpToDate(t *testing.T) {
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
		embed []byte
	}{{"export.csv", writeShowcase, CSV()}, {"activities.csv", Activities, ActivityCSV()}} {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(f.name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s rewritten; rebuild to embed it", f.name)
			continue
		}
		if !bytes.Equal(buf.Bytes(), f.embed) {
			t.Fatalf("%s is not what the generator writes: run `go generate ./sample` and rebuild", f.name)
		}
	}
}

func TestCSVReturnsACopy(t *testing.T) {
	a := CSV()
	a[0] = 'X'
	if CSV()[0] == 'X' {
		t.Fatal("CSV returned the embedded bytes themselves; a caller's write changed the sample")
	}
}

func TestEmbeddedIsAValidMarketoExport(t *testing.T) {
	data := CSV()
	if !utf8.Valid(data) {
		t.Fatal("sample is not valid UTF-8")
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("sample starts with a BOM")
	}
	// Line ends are CRLF everywhere, inside quoted fields too.
	if n, crlf := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); n != crlf || bytes.Count(data, []byte("\r")) != crlf {
		t.Errorf("mixed line ends: %d LF, %d CRLF", n, crlf)
	}
	recs := readExport(t, data)
	if len(recs) < 300 || len(recs) > 400 {
		t.Errorf("sample has %d leads, want 300 to 400", len(recs))
	}
	ids := map[string]bool{}
	now := ExportedAt()
	var recent, old, multiLine, quoted, comma, nonASCII, invalid, suspended int
	for i, rec := range recs {
		line := i + 2
		if ids[rec[colID]] {
			t.Errorf("row %d: duplicate Id %s", line, rec[colID])
		}
		ids[rec[colID]] = true
		if !plausibleEmail(rec[colEmail]) {
			t.Errorf("row %d: implausible email %q", line, rec[colEmail])
		}
		for _, c := range []int{colInvalid, colSuspended, colUnsubscribed} {
			if rec[c] != "true" && rec[c] != "false" {
				t.Errorf("row %d: %s = %q, want true or false", line, wantHeader[c], rec[c])
			}
		}
		created, err1 := time.Parse(time.RFC3339, rec[colCreated])
		updated, err2 := time.Parse(time.RFC3339, rec[colUpdated])
		if err1 != nil || err2 != nil || created.After(updated) || updated.After(now) {
			t.Errorf("row %d: Created At %q, Updated At %q: want ISO 8601, created <= updated <= %v", line, rec[colCreated], rec[colUpdated], now)
		}
		if rec[colInvalid] == "true" {
			invalid++
		}
		if rec[colSuspended] == "true" {
			suspended++
			at, err := time.Parse(time.DateTime, rec[colSuspendedAt])
			switch {
			case err != nil || rec[colSuspendedCause] == "":
				t.Errorf("row %d: suspended without a cause or a valid Email Suspended At (%q)", line, rec[colSuspendedAt])
			case at.After(now):
				t.Errorf("row %d: suspended at %v, after the export", line, at)
			case now.Sub(at) < 24*time.Hour:
				recent++
			default:
				old++
			}
		} else if rec[colSuspendedCause] != "" || rec[colSuspendedAt] != "" {
			t.Errorf("row %d: not suspended but has a suspension cause or date", line)
		}
		for _, f := range rec {
			switch {
			case strings.Contains(f, "\n"):
				multiLine++
			case strings.Contains(f, `"`):
				quoted++
			case strings.Contains(f, ","):
				comma++
			}
			for _, r := range f {
				if r >= utf8.RuneSelf {
					nonASCII++
					break
				}
			}
		}
	}
	if recent == 0 || old < 5*recent {
		t.Errorf("suspensions: %d within 24 h, %d older; want a few recent and most older", recent, old)
	}
	if invalid < len(recs)/3 || suspended < len(recs)/10 {
		t.Errorf("%d Email Invalid and %d Email Suspended leads of %d: too few", invalid, suspended, len(recs))
	}
	for what, n := range map[string]int{"multi-line": multiLine, "double-quoted": quoted, "comma": comma, "non-ASCII": nonASCII} {
		if n < 3 {
			t.Errorf("only %d fields with %s text", n, what)
		}
	}
}

func TestEmbeddedCoversEveryReason(t *testing.T) {
	seen := map[codes.Reason]int{}
	for _, rec := range readExport(t, CSV()) {
		seen[codes.Classify(reasonText(rec)).Reason]++
	}
	for _, r := range codes.Reasons() {
		if seen[r] == 0 {
			t.Errorf("no lead in the sample bounced for reason %s", r)
		}
	}
	// Where the classifier and the catalog disagree, say so: one of them may be wrong.
	g, err := newGenerator(embeddedSeed, ExportedAt())
	if err != nil {
		t.Fatal(err)
	}
	agree := 0
	for i := range g.tmpls {
		row := g.appendRow(nil, i)
		recs := readExport(t, append([]byte(header+eol), row...))
		got := codes.Classify(reasonText(recs[0])).Reason
		if got == g.tmpls[i].want {
			agree++
		} else {
			t.Logf("catalog says %s, Classify says %s: %.90q", g.tmpls[i].want, got, reasonText(recs[0]))
		}
	}
	t.Logf("Classify agrees with the catalog on %d of %d reason texts", agree, len(g.tmpls))
}

func TestEmbeddedCoversCodeFamilies(t *testing.T) {
	type pair struct {
		basic    uint16
		enhanced codes.Enhanced
	}
	groups := map[pair]int{}
	basics := map[uint16]bool{}
	var enhancedOnly, noCode, blocks int
	for _, rec := range readExport(t, CSV()) {
		text := reasonText(rec)
		c := codes.Parse(text)
		groups[pair{c.Basic, c.Enhanced}]++
		basics[c.Basic] = true
		switch {
		case c.Basic == 0 && !c.Enhanced.IsZero():
			enhancedOnly++
		case c.Basic == 0 && c.Enhanced.IsZero() && text != "":
			noCode++
		}
		if c.Basic == 554 || (c.Enhanced.Class == 5 && c.Enhanced.Subject == 7) {
			blocks++
		}
	}
	for _, b := range []uint16{250, 421, 450, 451, 452, 550, 551, 552, 553, 554} {
		if !basics[b] {
			t.Errorf("no reason with basic code %d", b)
		}
	}
	if enhancedOnly == 0 || noCode == 0 {
		t.Errorf("%d reasons with only an enhanced code and %d with no code; want some of each", enhancedOnly, noCode)
	}
	top := pair{550, codes.Enhanced{Class: 5, Subject: 1, Detail: 1}}
	for p, n := range groups {
		if p != top && n >= groups[top] {
			t.Errorf("group %d %v has %d leads, 550 5.1.1 has %d: want 550 5.1.1 the biggest", p.basic, p.enhanced, n, groups[top])
		}
		if p != top && n >= blocks {
			t.Errorf("group %d %v has %d leads, more than all blocks (5.7.x, 554) together: %d", p.basic, p.enhanced, n, blocks)
		}
	}
	if blocks >= groups[top] {
		t.Logf("blocks %d, 550 5.1.1 %d", blocks, groups[top])
	}
}

func generate(t testing.TB, rows int, seed int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Generate(&buf, rows, seed); err != nil {
		t.Fatalf("Generate(%d, %d): %v", rows, seed, err)
	}
	return buf.Bytes()
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := generate(t, 3000, 7), generate(t, 3000, 7)
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave different bytes")
	}
	if c := generate(t, 3000, 8); bytes.Equal(a, c) {
		t.Error("seeds 7 and 8 gave the same bytes")
	}
	if short := generate(t, 1000, 7); !bytes.HasPrefix(a, short) {
		t.Error("fewer rows with the same seed are not a prefix of more rows")
	}
}

func TestGenerateRowCounts(t *testing.T) {
	for _, rows := range []int{0, 1, 17, 5000} {
		recs := readExport(t, generate(t, rows, 3))
		if len(recs) != rows {
			t.Errorf("Generate(%d) wrote %d rows", rows, len(recs))
		}
	}
	if err := Generate(io.Discard, -1, 1); err == nil {
		t.Error("Generate(-1) did not fail")
	}
}

func TestGenerateMix(t *testing.T) {
	const rows = 20000
	data := generate(t, rows, 42)
	recs := readExport(t, data)
	if len(recs) != rows {
		t.Fatalf("got %d rows, want %d", len(recs), rows)
	}
	perRow := float64(len(data)) / rows
	if perRow < 250 || perRow > 350 {
		t.Errorf("%.0f bytes per row, want about 280-320", perRow)
	}
	var userUnknown, blocks, multiLine, suspended, noCode int
	counts := map[string]int{}
	for i, rec := range recs {
		if !plausibleEmail(rec[colEmail]) {
			t.Fatalf("row %d: implausible email %q", i+2, rec[colEmail])
		}
		text := reasonText(rec)
		counts[text]++
		lower := strings.ToLower(text)
		switch {
		case strings.Contains(text, "5.1.1") || strings.Contains(text, "5.1.10") ||
			strings.Contains(lower, "user unknown") || strings.Contains(lower, "invalid recipient") ||
			strings.Contains(lower, "mailbox unavailable") || strings.Contains(lower, "doesn't have a"):
			userUnknown++
		case strings.Contains(text, "5.7.") || strings.Contains(text, "554 ") || strings.Contains(lower, "blocked"):
			blocks++
		}
		if strings.Contains(text, "\n") {
			multiLine++
		}
		if rec[colSuspended] == "true" {
			suspended++
		}
		if !strings.ContainsAny(text, "0123456789") {
			noCode++
		}
	}
	share := func(n int) float64 { return float64(n) / rows }
	for _, c := range []struct {
		what     string
		n        int
		min, max float64
	}{
		{"user unknown", userUnknown, 0.35, 0.50},
		{"blocks", blocks, 0.15, 0.35},
		{"multi-line replies", multiLine, 0.02, 0.12},
		{"suspended leads", suspended, 0.12, 0.30},
		{"reasons without a code", noCode, 0.005, 0.06},
	} {
		if s := share(c.n); s < c.min || s > c.max {
			t.Errorf("%s: %.1f%% of rows, want %.0f%% to %.0f%%", c.what, 100*s, 100*c.min, 100*c.max)
		}
	}
	reasons := map[codes.Reason]int{}
	cache := map[string]codes.Reason{}
	for _, rec := range recs {
		text := reasonText(rec)
		r, ok := cache[text]
		if !ok {
			r = codes.Classify(text).Reason
			cache[text] = r
		}
		reasons[r]++
	}
	blocked := reasons[codes.Blocked] + reasons[codes.BadReputation] + reasons[codes.PolicyViolation] + reasons[codes.SpamDetected]
	for _, c := range []struct {
		what     string
		n        int
		min, max float64
	}{
		{"classified userunknown", reasons[codes.UserUnknown], 0.30, 0.50},
		{"classified as blocks", blocked, 0.12, 0.35},
		{"classified mailboxfull", reasons[codes.MailboxFull], 0.03, 0.15},
	} {
		if s := share(c.n); s < c.min || s > c.max {
			t.Errorf("%s: %.1f%% of rows, want %.0f%% to %.0f%%", c.what, 100*s, 100*c.min, 100*c.max)
		}
	}
	// Real servers write the recipient, their own host and IP, queue ids and times into their
	// replies: most texts of a real export are distinct, though the commonest repeat.
	if len(counts)*2 < rows {
		t.Errorf("%d distinct reason texts in %d rows, want at least half", len(counts), rows)
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	if most < rows/100 {
		t.Errorf("the commonest text is in %d rows of %d, want some texts repeated often", most, rows)
	}
	if n := bytes.Count(data, []byte("\n")); n <= rows || bytes.Count(data, []byte("\r\n")) != n {
		t.Errorf("%d line ends, %d of them CRLF: want every line CRLF-terminated, as Marketo writes", n, bytes.Count(data, []byte("\r\n")))
	}
	nonASCII := 0
	for _, rec := range recs {
		if strings.ContainsFunc(strings.Join(rec, ""), func(r rune) bool { return r > 0x7f }) {
			nonASCII++
		}
	}
	if share(nonASCII) < 0.05 {
		t.Errorf("%d rows of %d hold non-ASCII text, want names, companies and replies in other scripts", nonASCII, rows)
	}
}

func TestCivil(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 23, 59, 59, 0, time.UTC),
		time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC),
		time.Date(2028, 12, 31, 12, 30, 5, 0, time.UTC),
	} {
		if got, want := string(appendDateTime(nil, tm.Unix(), ' ')), tm.Format(time.DateTime); got != want {
			t.Errorf("appendDateTime = %q, want %q", got, want)
		}
		if got, want := string(appendRFC5322(nil, tm.Unix())), tm.Format("Mon, 2 Jan 2006 15:04:05 -0700"); got != want {
			t.Errorf("appendRFC5322 = %q, want %q", got, want)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	const rows = 100000
	var n countWriter
	for b.Loop() {
		n = 0
		if err := Generate(&n, rows, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
	b.ReportMetric(float64(n)/rows, "bytes/row")
}

// countWriter counts what is written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// activityRecord is one row of a generated activity extract with its attributes read.
type activityRecord struct {
	guid, lead, date, typ string
	attrs                 map[string]string
}

func readActivities(t *testing.T, data []byte) []activityRecord {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 8
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parsing activity extract: %v", err)
	}
	if strings.Join(recs[0], ",") != activityHeader {
		t.Fatalf("header %q", recs[0])
	}
	var out []activityRecord
	for i, rec := range recs[1:] {
		a := activityRecord{guid: rec[0], lead: rec[1], date: rec[2], typ: rec[3]}
		if err := json.Unmarshal([]byte(rec[7]), &a.attrs); err != nil {
			t.Fatalf("row %d: attributes %q: %v", i+2, rec[7], err)
		}
		out = append(out, a)
	}
	return out
}

// TestActivitiesAreTheSampleLeadsBounceLog: `sample --activity` is the bounce log of the
// embedded sample's leads: the same ids and addresses, each lead's latest bounce the one the
// export holds, earlier bounces before it, and some leads that bounced three times or more.
func TestActivitiesAreTheSampleLeadsBounceLog(t *testing.T) {
	var buf bytes.Buffer
	if err := Activities(&buf); err != nil {
		t.Fatal(err)
	}
	acts := readActivities(t, buf.Bytes())
	leads := map[string][]string{}
	for _, rec := range readExport(t, CSV()) {
		leads[rec[colID]] = rec
	}
	perLead := map[string][]activityRecord{}
	guids := map[string]bool{}
	for _, a := range acts {
		if guids[a.guid] {
			t.Errorf("marketoGUID %s repeated", a.guid)
		}
		guids[a.guid] = true
		rec, ok := leads[a.lead]
		if !ok {
			t.Fatalf("activity %s: lead %s is not in the export", a.guid, a.lead)
		}
		if a.attrs["Email"] != rec[colEmail] {
			t.Errorf("activity %s: Email %q, the export has %q", a.guid, a.attrs["Email"], rec[colEmail])
		}
		if a.typ != "8" && a.typ != "27" {
			t.Errorf("activity %s: type %s, want 8 or 27", a.guid, a.typ)
		}
		if _, err := time.Parse(time.RFC3339, a.date); err != nil {
			t.Errorf("activity %s: date %q", a.guid, a.date)
		}
		if c := a.attrs["Category"]; !strings.Contains("1 2 3 4 9", c) || c == "" || (c == "1" || c == "2") != (a.typ == "8") {
			t.Errorf("activity %s: category %q for type %s", a.guid, c, a.typ)
		}
		perLead[a.lead] = append(perLead[a.lead], a)
	}
	if len(perLead) != len(leads) {
		t.Errorf("%d of %d leads have activities", len(perLead), len(leads))
	}
	repeat := 0
	for id, as := range perLead {
		for k := 1; k < len(as); k++ {
			if as[k].date <= as[k-1].date {
				t.Errorf("lead %s: bounces not oldest first: %s, then %s", id, as[k-1].date, as[k].date)
			}
		}
		// encoding/csv reads a quoted CRLF as LF; the JSON keeps what the server sent.
		if got, want := strings.ReplaceAll(as[len(as)-1].attrs["Details"], "\r\n", "\n"), reasonText(leads[id]); got != want {
			t.Errorf("lead %s: latest bounce %.60q, the export holds %.60q", id, got, want)
		}
		if len(as) >= 3 {
			repeat++
		}
	}
	if len(acts) < len(leads)*5/4 || repeat < 5 {
		t.Errorf("%d bounces of %d leads, %d leads with 3 or more: want many repeats", len(acts), len(leads), repeat)
	}
}

func TestGenerateActivities(t *testing.T) {
	gen := func(rows int, seed int64) []byte {
		var buf bytes.Buffer
		if err := GenerateActivities(&buf, rows, seed); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a := gen(2000, 5)
	if !bytes.Equal(a, gen(2000, 5)) {
		t.Error("the same seed gave different bytes")
	}
	acts := readActivities(t, a)
	ids := map[string]bool{}
	for _, rec := range readExport(t, generate(t, 2000, 5)) {
		ids[rec[colID]] = true
	}
	leads := map[string]bool{}
	for _, act := range acts {
		if !ids[act.lead] {
			t.Fatalf("lead %s is not one of Generate's", act.lead)
		}
		leads[act.lead] = true
	}
	if len(leads) != 2000 || len(acts) <= 2000 {
		t.Errorf("%d bounces of %d leads, want every one of the 2000 leads and more bounces than leads", len(acts), len(leads))
	}
	if err := GenerateActivities(io.Discard, -1, 1); err == nil {
		t.Error("GenerateActivities(-1) did not fail")
	}
}
