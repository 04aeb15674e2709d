package model

import (
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// fieldKind is how a column's text becomes a Lead field.
type fieldKind uint8

const (
	kindExtra  fieldKind = iota // kept in Lead.Extra
	kindString                  // a string field of Lead
	kindCause                   // a string field that holds a bounce cause (interned, classified)
	kindBool                    // a bool field of Lead
	kindTime                    // a time.Time field of Lead
)

// leadField is one csv-tagged field of Lead, read once per load with reflect.
type leadField struct {
	tag    string  // the Marketo display name, from the csv tag
	norm   string  // tag normalised for matching
	offset uintptr // byte offset in Lead
	kind   fieldKind
	slot   uint8 // for kindTime: which of Lead's times (for the day/month order of its file)
}

// leadFields lists Lead's csv-tagged fields: the csv tags are the single source of column names.
func leadFields() []leadField {
	t := reflect.TypeFor[Lead]()
	var out []leadField
	slots := uint8(0)
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("csv")
		if tag == "" || tag == "-" {
			continue
		}
		lf := leadField{tag: tag, norm: normalize(tag), offset: f.Offset}
		switch {
		case f.Type.Kind() == reflect.Bool:
			lf.kind = kindBool
		case f.Type == reflect.TypeFor[time.Time]():
			lf.kind = kindTime
			lf.slot = slots
			slots++
		case f.Type.Kind() == reflect.String && strings.HasSuffix(lf.norm, "cause"):
			lf.kind = kindCause
		case f.Type.Kind() == reflect.String:
			lf.kind = kindString
		default:
			continue
		}
		out = append(out, lf)
	}
	return out
}

// normalize lowercases a header name and drops spaces and punctuation, so that "Email Invalid
// Cause", "emailInvalidCause" and "email_invalid_cause" match.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// aliases maps other spellings of a column (Marketo REST names that differ from the display
// names, and other platforms' bounce exports, research/formats.md section 4) to a Lead tag,
// normalised.
var aliases = map[string]string{
	"email":             "emailaddress", // Marketo REST, SendGrid, Pardot, HubSpot, Postmark
	"emailaddr":         "emailaddress",
	"address":           "emailaddress", // Mailgun
	"contactemail":      "emailaddress", // Zoho
	"recipient":         "emailaddress",
	"finalrecipient":    "emailaddress", // a DSN's Final-Recipient ("rfc822; ann@example.com")
	"originalrecipient": "emailaddress",
	"recipientemail":    "emailaddress",
	"company":           "companyname",
	"leadid":            "id",
	"created":           "createdat", // SendGrid
	"createdate":        "createdat",
	"updated":           "updatedat",
	"bouncedat":         "emailsuspendedat",
	"emailbouncedat":    "emailsuspendedat",
	"suspendedat":       "emailsuspendedat",
	"invalidcause":      "emailinvalidcause",
	"suspendedcause":    "emailsuspendedcause",
}

// reasonNames are other platforms' columns that hold the raw SMTP text, tried before the
// generic "says bounce or reason" rule (research/formats.md section 4).
var reasonNames = []string{
	"details",        // Postmark
	"diagnosticcode", // Amazon SES
	"smtpmessage",    // Oracle Eloqua
	"smtpbouncereason",
	"bouncereason", // Salesforce Marketing Cloud, Zoho
	"emailbouncedreason",
	"hsemailhardbouncereason", // HubSpot
	"error",                   // Mailgun
}

// layout is how one file's columns map onto Lead.
type layout struct {
	header   []string
	kinds    []fieldKind
	offsets  []uintptr       // for Lead fields
	extra    []int           // for kindExtra: index into Dataset.ExtraColumns
	nExtra   int             // len of Lead.Extra for this file's rows
	email    int             // column of the email address
	reason   int             // column named by Options.ReasonColumn, or -1
	invalid  int             // Email Invalid Cause column, or -1
	suspend  int             // Email Suspended Cause column, or -1
	other    int             // first other bounce/reason column, or -1
	causeCol []bool          // columns whose values are interned through the cause cache
	slot     []uint8         // for kindTime: the time's slot (leadField.slot)
	roles    []colRole       // for kindExtra: what the column says about the bounce
	names    map[string]bool // normalised names a header row of this file may hold
	emailAlt string          // normalised name given by Options.EmailColumn
}

// newLayout maps a header onto Lead's fields; unknown columns go to Extra, whose names are
// merged into extraCols (shared by every file of a dataset). It fails when there is no email
// or no reason column.
func newLayout(header []string, fields []leadField, extraCols *[]string, opts *Options) (*layout, error) {
	lay := &layout{
		header:   header,
		kinds:    make([]fieldKind, len(header)),
		offsets:  make([]uintptr, len(header)),
		extra:    make([]int, len(header)),
		causeCol: make([]bool, len(header)),
		slot:     make([]uint8, len(header)),
		roles:    make([]colRole, len(header)),
		email:    -1, reason: -1, invalid: -1, suspend: -1, other: -1,
	}
	byNorm := make(map[string]int, len(fields))
	for i, f := range fields {
		byNorm[f.norm] = i
	}
	used := make(map[int]bool)
	extras := newExtraNames(*extraCols)
	norms := make([]string, len(header))
	emailCol := -1
	if opts.EmailColumn != "" {
		lay.emailAlt = normalize(opts.EmailColumn)
		for c, name := range header {
			if normalize(name) == lay.emailAlt {
				emailCol = c
				used[byNorm["emailaddress"]] = true
				break
			}
		}
		if emailCol < 0 {
			return nil, &ParseError{Line: 1, Err: fmt.Errorf("no column named %q (the header has %s)", opts.EmailColumn, quoteList(header))}
		}
	}
	for c, name := range header {
		n := normalize(name)
		norms[c] = n
		fi, ok := byNorm[n]
		if !ok {
			if a, isAlias := aliases[n]; isAlias {
				fi, ok = byNorm[a]
			}
		}
		if c == emailCol {
			fi, ok = byNorm["emailaddress"], true
			delete(used, fi)
		}
		if ok && !used[fi] {
			used[fi] = true
			f := fields[fi]
			lay.kinds[c] = f.kind
			lay.offsets[c] = f.offset
			lay.slot[c] = f.slot
			switch f.norm {
			case "emailaddress":
				lay.email = c
			case "emailinvalidcause":
				lay.invalid = c
				lay.causeCol[c] = true
			case "emailsuspendedcause":
				lay.suspend = c
				lay.causeCol[c] = true
			}
			continue
		}
		lay.kinds[c] = kindExtra
		lay.extra[c] = extras.index(extraCols, name, n)
		if lay.extra[c]+1 > lay.nExtra {
			lay.nExtra = lay.extra[c] + 1
		}
	}
	reasonColumn := opts.ReasonColumn
	if reasonColumn != "" {
		want := normalize(reasonColumn)
		for c, n := range norms {
			if n == want {
				lay.reason = c
				break
			}
		}
		if lay.reason < 0 {
			return nil, &ParseError{Line: 1, Err: fmt.Errorf("no column named %q (the header has %s)", reasonColumn, quoteList(header))}
		}
		lay.causeCol[lay.reason] = true
	} else if lay.other = otherReason(norms, lay); lay.other >= 0 {
		lay.causeCol[lay.other] = true
	}
	if lay.email < 0 {
		return nil, &ParseError{Line: 1, Err: fmt.Errorf("no email column (want \"Email Address\" or \"email\"; the header has %s)", quoteList(header))}
	}
	lay.setRoles(norms)
	if lay.reason < 0 && lay.invalid < 0 && lay.suspend < 0 && lay.other < 0 && !lay.hasRole(roleCode) && !opts.leadRows {
		return nil, &ParseError{Line: 1, Err: fmt.Errorf("no bounce reason column (want \"Email Invalid Cause\", \"Email Suspended Cause\" or a column named like bounce or reason; the header has %s); name one with --reason-column", quoteList(header))}
	}
	return lay, nil
}

// otherReason picks the first column, other than the Marketo cause columns, that holds a bounce
// reason: a known platform column first, then one whose name says reason, then bounce.
func otherReason(norms []string, lay *layout) int {
	skip := func(c int) bool {
		n := norms[c]
		return c == lay.invalid || c == lay.suspend || c == lay.email || strings.HasPrefix(n, "bouncelens") ||
			strings.Contains(n, "unsubscribe") || strings.Contains(n, "donotcall")
	}
	for _, want := range reasonNames {
		for c, n := range norms {
			if n == want && !skip(c) {
				return c
			}
		}
	}
	for c, n := range norms {
		if strings.Contains(n, "reason") && !skip(c) && !strings.HasSuffix(n, "enum") {
			return c
		}
	}
	for c, n := range norms {
		if strings.Contains(n, "bounce") && !skip(c) {
			if strings.HasSuffix(n, "type") || strings.HasSuffix(n, "code") || strings.HasSuffix(n, "category") ||
				strings.HasSuffix(n, "at") || strings.HasSuffix(n, "date") || strings.HasSuffix(n, "time") ||
				strings.HasPrefix(n, "is") {
				continue
			}
			return c
		}
	}
	return -1
}

// extraNames finds the index in Dataset.ExtraColumns of a file's other columns in time linear
// in the column count: a column takes the first index of its (normalised) name that no earlier
// column of the same file took, or a new one.
type extraNames struct {
	byName map[string][]int // normalised name: its indexes in ExtraColumns, in order
	taken  map[string]int   // normalised name: how many of them this file took
}

func newExtraNames(cols []string) *extraNames {
	e := &extraNames{byName: make(map[string][]int, len(cols)), taken: make(map[string]int)}
	for i, c := range cols {
		n := normalize(c)
		e.byName[n] = append(e.byName[n], i)
	}
	return e
}

// index returns the index of the column name (normalised: norm), adding it to cols when new.
func (e *extraNames) index(cols *[]string, name, norm string) int {
	k := e.taken[norm]
	e.taken[norm] = k + 1
	if idx := e.byName[norm]; k < len(idx) {
		return idx[k]
	}
	*cols = append(*cols, name)
	i := len(*cols) - 1
	e.byName[norm] = append(e.byName[norm], i)
	return i
}

func quoteList(names []string) string {
	const most = 8
	var b strings.Builder
	for i, n := range names {
		if i == most {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if len(n) > 40 || !utf8.ValidString(n) {
			n = strings.ToValidUTF8(n[:min(len(n), 40)], "?") + "..."
		}
		b.WriteString(`"` + n + `"`)
	}
	return b.String()
}
