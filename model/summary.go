package model

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/gocarina/gocsv"
)

// SummaryOptions shape a summary.
type SummaryOptions struct {
	By     Grouping // what the groups are of
	Format string   // "table" (default), "csv" or "json"
	Width  int      // table: cut names to fit this many columns; 0 never cuts (stdout is not a terminal)
}

// Mix is a count per name (class or action), written in a fixed order.
type Mix map[string]int

// classMix and actionMix name a group's mixes, leaving out the zero counts.
func classMix(n [codes.Success + 1]int) Mix {
	m := Mix{}
	for _, c := range []codes.Class{codes.Hard, codes.Soft, codes.Unknown, codes.Success} {
		if n[c] > 0 {
			m[c.String()] = n[c]
		}
	}
	return m
}

func actionMix(n [NumActions]int) Mix {
	m := Mix{}
	for _, a := range codes.Actions() {
		if n[a] > 0 {
			m[a.String()] = n[a]
		}
	}
	return m
}

// MixText writes a class or action mix as a user reads it: "suppress 69 · readd 4", most first
// in the fixed order of names.
func MixText[T ~uint8](n []int, names func(T) string, order []T) string {
	var b strings.Builder
	for _, k := range order {
		if c := n[int(k)]; c > 0 {
			if b.Len() > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(names(k))
			b.WriteByte(' ')
			b.WriteString(Commas(c))
		}
	}
	return b.String()
}

// ClassMixText and ActionMixText are a group's mixes in words.
func ClassMixText(n [codes.Success + 1]int) string {
	return MixText(n[:], codes.Class.String, []codes.Class{codes.Hard, codes.Soft, codes.Unknown, codes.Success})
}

// ActionMixText is a group's action mix in words: "suppress 69 · readd 4".
func ActionMixText(n [NumActions]int) string {
	return MixText(n[:], codes.Action.String, codes.Actions())
}

// Commas writes n with thousands separators: 1,000,000.
func Commas(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// nullable writes "null" for an absent code.
type nullable string

func (n nullable) MarshalJSON() ([]byte, error) {
	if n == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(n))
}

type nullableInt uint16

func (n nullableInt) MarshalJSON() ([]byte, error) {
	if n == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendUint(nil, uint64(n), 10), nil
}

// summaryGroup is one group of a JSON summary.
type summaryGroup struct {
	Key       string         `json:"key"`
	Basic     *nullableInt   `json:"basic,omitempty"`
	Enhanced  *nullable      `json:"enhanced,omitempty"`
	Action    string         `json:"action,omitempty"`
	Reason    string         `json:"reason,omitempty"`
	Name      string         `json:"name"`
	Count     int            `json:"count"`
	Share     float64        `json:"share"`
	First     *string        `json:"first"` // the group's earliest bounce date (RFC 3339), null when none has one
	Last      *string        `json:"last"`
	Class     string         `json:"class"`
	Classes   Mix            `json:"classes"`
	Actions   Mix            `json:"actions"`
	Subgroups []summaryGroup `json:"subgroups,omitempty"`
}

// summaryJSON is a whole JSON summary.
type summaryJSON struct {
	Files           []string       `json:"files"`
	By              string         `json:"by"`
	Rows            int            `json:"rows"`
	AllLeads        int            `json:"all_leads"`
	Leads           int            `json:"leads"`
	Distinct        int            `json:"distinct"`
	NotBounced      int            `json:"not_bounced"`
	NoAddress       int            `json:"no_address"`
	Skipped         int            `json:"skipped"`
	Joined          int            `json:"joined"`
	BlankRows       int            `json:"blank_rows"`
	RepeatedHeaders int            `json:"repeated_headers"`
	ReasonColumns   []string       `json:"reason_columns"`
	EmailColumns    []string       `json:"email_columns"`
	CodeColumns     []string       `json:"code_columns"`
	Notes           []string       `json:"notes"`
	Classes         Mix            `json:"classes"`
	Actions         Mix            `json:"actions"`
	Groups          []summaryGroup `json:"groups"`
}

// safeAll cleans names that come from files for printing; nil becomes empty.
func safeAll(names []string) []string {
	out := make([]string, len(names))
	for k, n := range names {
		out[k] = codes.SafeText(n)
	}
	return out
}

func (ds *Dataset) toSummaryGroup(g *Group, by Grouping, sub bool) summaryGroup {
	r := summaryGroup{Key: SafeKey(g.Key), Name: g.Name, Count: g.Count, Share: float64(int(g.Share*1e4+0.5)) / 1e4,
		Class: g.Class.String(), Classes: classMix(g.Classes), Actions: actionMix(g.Actions)}
	if first, last := ds.Span(g.Leads); !first.IsZero() {
		f, l := first.UTC().Format(time.RFC3339), last.UTC().Format(time.RFC3339)
		r.First, r.Last = &f, &l
	}
	switch by {
	case ByCodes:
		b, e := nullableInt(g.Basic), nullable(g.Enhanced.String())
		r.Basic = &b
		if sub {
			r.Enhanced = &e
		}
	case ByActions:
		r.Action = g.Action.String()
		if sub {
			r.Reason = g.Reason.String()
		}
	case ByReasons:
		r.Reason = g.Reason.String()
	}
	for k := range g.Subgroups {
		r.Subgroups = append(r.Subgroups, ds.toSummaryGroup(&g.Subgroups[k], by, true))
	}
	return r
}

// SafeKey is a group key made safe to print: a domain comes from the file.
func SafeKey(s string) string { return codes.SafeText(s) }

// summaryCSVRow is one line of a CSV summary: a group or a subgroup.
type summaryCSVRow struct {
	Level    string `csv:"level"`
	Group    string `csv:"group"`
	Key      string `csv:"key"`
	Basic    string `csv:"basic"`
	Enhanced string `csv:"enhanced"`
	Count    int    `csv:"count"`
	Share    string `csv:"share"`
	Class    string `csv:"class"`
	Hard     int    `csv:"hard"`
	Soft     int    `csv:"soft"`
	Unknown  int    `csv:"unknown"`
	Success  int    `csv:"success"`
	Suppress int    `csv:"suppress"`
	Readd    int    `csv:"readd"`
	Wait     int    `csv:"wait"`
	Review   int    `csv:"review"`
	Name     string `csv:"name"`
}

func toCSVRow(g *Group, parent string, sub bool) summaryCSVRow {
	r := summaryCSVRow{Level: "group", Group: guard(SafeKey(g.Key)), Key: guard(SafeKey(g.Key)), Count: g.Count,
		Share: strconv.FormatFloat(g.Share, 'f', 4, 64), Class: g.Class.String(),
		Hard: g.Classes[codes.Hard], Soft: g.Classes[codes.Soft], Unknown: g.Classes[codes.Unknown], Success: g.Classes[codes.Success],
		Suppress: g.Actions[codes.Suppress], Readd: g.Actions[codes.Readd], Wait: g.Actions[codes.Wait], Review: g.Actions[codes.Review],
		Name: guard(g.Name)}
	if sub {
		r.Level, r.Group = "subgroup", guard(SafeKey(parent))
	}
	if g.Basic != 0 {
		r.Basic = strconv.Itoa(int(g.Basic))
	}
	r.Enhanced = g.Enhanced.String()
	return r
}

// WriteSummary writes the groups of the selection sel as "table", "csv" or "json". JSON is one
// object: the files, the grouping, the number of leads and of distinct addresses, the class and
// action mixes, and the groups, each with its key, count, mixes and subgroups (a missing code is
// null).
func (ds *Dataset) WriteSummary(w io.Writer, sel []int32, groups []Group, opts SummaryOptions) error {
	switch opts.Format {
	case "json":
		t := ds.Totals()
		out := summaryJSON{Files: safeAll(ds.Files), By: opts.By.String(), Rows: t.Rows, AllLeads: t.Leads,
			Leads: len(sel), Distinct: ds.DistinctLeads(sel), NotBounced: t.NotBounced, NoAddress: t.NoAddress,
			Skipped: t.Skipped, Joined: t.Joined, BlankRows: t.BlankRows, RepeatedHeaders: t.RepeatedHeaders,
			ReasonColumns: safeAll(t.ReasonColumn), EmailColumns: safeAll(t.EmailColumn),
			CodeColumns: safeAll(t.CodeColumn), Notes: safeAll(t.Notes),
			Classes: classMix(ds.ClassCounts(sel)), Actions: actionMix(ds.ActionCounts(sel)),
			Groups: make([]summaryGroup, 0, len(groups))}
		for k := range groups {
			out.Groups = append(out.Groups, ds.toSummaryGroup(&groups[k], opts.By, false))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		var rows []summaryCSVRow
		for k := range groups {
			g := &groups[k]
			rows = append(rows, toCSVRow(g, "", false))
			for s := range g.Subgroups {
				rows = append(rows, toCSVRow(&g.Subgroups[s], g.Key, true))
			}
		}
		cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
		if len(rows) == 0 {
			// gocsv writes no header for no rows; a reader still wants the columns.
			return gocsv.MarshalCSV([]summaryCSVRow{}, cw)
		}
		return gocsv.MarshalCSV(rows, cw)
	case "table", "":
		return ds.writeTable(w, sel, groups, opts)
	}
	return fmt.Errorf("unknown summary format %q (want table, csv or json)", opts.Format)
}

// TotalsText says in a few lines what was read and what the selection holds: files, rows,
// leads, distinct addresses, what was not a bounce, had no address or could not be read, the
// columns used, the load's notes, and the selection's actions.
func TotalsText(ds *Dataset, sel []int32) string {
	t := ds.Totals()
	var b strings.Builder
	fmt.Fprintf(&b, "%s file(s) · %s row(s) · %s lead(s) · %s distinct address(es)", Commas(t.Files), Commas(t.Rows), Commas(t.Leads), Commas(t.Distinct))
	for _, c := range []struct {
		n    int
		what string
	}{{t.NotBounced, "not bounced"}, {t.NoAddress, "without an address"}, {t.Skipped, "unreadable"},
		{t.Joined, "lead row(s) joined to their activity bounces"},
		{t.BlankRows, "blank row(s)"}, {t.RepeatedHeaders, "repeated header(s)"}} {
		if c.n > 0 {
			fmt.Fprintf(&b, " · %s %s", Commas(c.n), c.what)
		}
	}
	b.WriteByte('\n')
	cols := func(label string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(&b, "%s: %s\n", label, strings.Join(safeAll(names), ", "))
		}
	}
	cols("reason column", t.ReasonColumn)
	cols("email column", t.EmailColumn)
	cols("code column", t.CodeColumn)
	for _, n := range t.Notes {
		fmt.Fprintf(&b, "note: %s\n", codes.SafeText(n))
	}
	if len(sel) != t.Leads {
		fmt.Fprintf(&b, "selected: %s lead(s), %s distinct address(es)\n", Commas(len(sel)), Commas(ds.DistinctLeads(sel)))
	}
	fmt.Fprintf(&b, "%s\n\n", ActionMixText(ds.ActionCounts(sel)))
	return b.String()
}

// writeTable writes the totals, then the groups as an aligned table: a group's line, then one
// indented line per subgroup, each with its class and action mix.
func (ds *Dataset) writeTable(w io.Writer, sel []int32, groups []Group, opts SummaryOptions) error {
	acts := ds.ActionCounts(sel)
	if _, err := io.WriteString(w, TotalsText(ds, sel)); err != nil {
		return err
	}
	keyHead := strings.ToUpper(opts.By.String())
	type line struct{ key, count, share, classes, actions, name string }
	lines := []line{{keyHead, "COUNT", "SHARE", "CLASSES", "ACTIONS", "NAME"}}
	add := func(g *Group, indent string) {
		lines = append(lines, line{indent + SafeKey(g.Key), strconv.Itoa(g.Count), fmt.Sprintf("%.1f%%", g.Share*100),
			ClassMixText(g.Classes), ActionMixText(g.Actions), codes.SafeText(g.Name)})
	}
	total := 0
	for k := range groups {
		g := &groups[k]
		total += g.Count
		add(g, "")
		if len(g.Subgroups) == 1 && g.Subgroups[0].Key == g.Key {
			continue
		}
		if opts.By == ByCodes && len(g.Subgroups) == 1 && g.Subgroups[0].Enhanced.IsZero() {
			continue
		}
		for s := range g.Subgroups {
			add(&g.Subgroups[s], "  ")
		}
	}
	share := "0.0%"
	if total > 0 {
		share = "100.0%"
	}
	lines = append(lines, line{"total", strconv.Itoa(total), share, ClassMixText(ds.ClassCounts(sel)), ActionMixText(acts), ""})
	var wk, wc, ws, wcl, wa int
	for _, l := range lines {
		wk = max(wk, utf8.RuneCountInString(l.key))
		wc = max(wc, len(l.count))
		ws = max(ws, len(l.share))
		wcl = max(wcl, utf8.RuneCountInString(l.classes))
		wa = max(wa, utf8.RuneCountInString(l.actions))
	}
	for _, l := range lines {
		name := l.name
		if opts.Width > 0 {
			used := wk + wc + ws + wcl + wa + 10
			name = truncate(name, max(opts.Width-used, 10))
		}
		s := pad(l.key, wk) + "  " + leftPad(l.count, wc) + "  " + leftPad(l.share, ws) + "  " + pad(l.classes, wcl) + "  " + pad(l.actions, wa) + "  " + name
		if _, err := io.WriteString(w, strings.TrimRight(s, " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

func leftPad(s string, n int) string {
	return strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) + s
}

// truncate shortens s to at most n runes, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	out := make([]rune, 0, n)
	for _, r := range s {
		if len(out) == n-1 {
			break
		}
		out = append(out, r)
	}
	return string(out) + "…"
}
