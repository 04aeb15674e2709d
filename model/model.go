package model

import (
	"fmt"
	"sync"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// Lead is one row of an export: the columns a user cares about, every other column by name,
// and the bounce read from its reason text. The csv tags are the single source of the
// Marketo column names (for loading and for exports).
//
// Fields are ordered to keep the struct small (a million of them are held at once); strings
// that repeat (reasons, causes, companies, common names) share memory.
type Lead struct {
	ID                  string    `csv:"Id"`
	FirstName           string    `csv:"First Name"`
	LastName            string    `csv:"Last Name"`
	Email               string    `csv:"Email Address"`
	Company             string    `csv:"Company Name"`
	EmailInvalidCause   string    `csv:"Email Invalid Cause"`
	EmailSuspendedCause string    `csv:"Email Suspended Cause"`
	EmailSuspendedAt    time.Time `csv:"Email Suspended At"`
	CreatedAt           time.Time `csv:"Created At"`
	UpdatedAt           time.Time `csv:"Updated At"`

	Extra  []string     `csv:"-"` // the other columns, aligned with Dataset.ExtraColumns (may be shorter: missing ones are empty); leads with the same values may share one slice, so treat it as read-only
	Reason string       `csv:"-"` // the text the bounce was read from
	Bounce codes.Bounce `csv:"-"`

	EmailInvalid   bool `csv:"Email Invalid"`
	EmailSuspended bool `csv:"Email Suspended"`
	Unsubscribed   bool `csv:"Unsubscribed"`
	flags          leadFlags

	File uint16 `csv:"-"` // index into Dataset.Files
	Line int32  `csv:"-"` // line of the row's first field in its file
}

// Dataset is everything loaded from one or more exports.
type Dataset struct {
	Files        []string      // as given; "-" is stdin; the embedded sample has its own name
	Leads        []Lead        // in file order
	ExtraColumns []string      // names of the columns kept in Lead.Extra
	Skipped      []*ParseError // rows that could not be read, in file order
	Now          time.Time     // the clock "suspended now" is measured against: Options.Now, else the export's newest date (never after now)

	// Rows counts the data rows read from every file: len(Leads) + len(Skipped) + the rows
	// that are not bounces left out (without Options.All) + the lead-export rows joined to
	// their activity bounces. Blank rows and repeated headers are not rows. Totals has the other
	// counts.
	Rows int

	notBounced, noAddress      int
	joined                     int // lead-export rows left out, joined to their lead's activity bounces (join.go)
	blankRows, repeatedHeaders int
	reasonCols, emailCols      []string
	codeCols                   []string
	labelCols                  []int // indices into ExtraColumns of the platforms' label columns
	unparsed                   []unparsedNote
	notes                      []string
	raw                        map[rawKey][]RawValue // texts of side fields not understood, by lead

	// Activities says, per Marketo activity extract loaded, its bounces and the rows of other activity types it skipped.
	Activities []ActivityReport
	// Joins says, per lead export joined with the activity files, how many of its rows were
	// joined to their leads' activity bounces (and left out of the leads).
	Joins []JoinReport

	reasons []string    // distinct reason texts, indexed by the rid in meta
	search  searchIndex // built on the first text match

	mu        sync.Mutex
	meta      []uint32       // per lead: rid<<2 | class, scanned instead of the leads themselves
	ridBounce []codes.Bounce // per distinct reason text: its bounce (class aside)
	acts      []codes.Action // per lead: its action, built on first use
	hist      historyIndex   // per lead: bounce date, domain, provider and address bounce count, built on first use (timeline.go)
	lean      *leanStore     // a lean load's leads (Options.Lean); nil otherwise
}

// prepared returns the per-lead side table Select and Groups scan, building it when the
// dataset was not made by Load (or its leads changed).
func (ds *Dataset) prepared() []uint32 {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if len(ds.meta) == ds.Len() && len(ds.ridBounce) == len(ds.reasons) {
		return ds.meta
	}
	type key struct {
		reason string
		code   codes.Code // leads of one text may differ by a code column's codes
	}
	ids := make(map[key]int32)
	ds.reasons, ds.ridBounce, ds.meta = ds.reasons[:0], ds.ridBounce[:0], make([]uint32, len(ds.Leads))
	for i := range ds.Leads {
		l := &ds.Leads[i]
		k := key{l.Reason, l.Bounce.Code}
		id, ok := ids[k]
		if !ok {
			id = int32(len(ds.reasons))
			ids[k] = id
			ds.reasons = append(ds.reasons, l.Reason)
			ds.ridBounce = append(ds.ridBounce, l.Bounce)
		}
		ds.meta[i] = uint32(id)<<2 | uint32(l.Bounce.Class&3)
	}
	return ds.meta
}

// ParseError is a row or file that could not be read, with where it is, like encoding/csv's.
type ParseError struct {
	File      string
	StartLine int // line where the record starts
	Line      int // line where the error occurred
	Column    int // 1-based byte column where the error occurred, 0 if unknown
	Err       error
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	if e.StartLine != 0 && e.StartLine != e.Line {
		return fmt.Sprintf("%s:%d: record from line %d: %v", e.File, e.Line, e.StartLine, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Progress reports how far a load has come.
type Progress struct {
	File       string
	BytesRead  int64
	BytesTotal int64 // 0 when unknown (stdin, .gz)
	Rows       int

	// Groups are the leads read so far by basic code ▸ enhanced code, most first: counts,
	// shares, class mixes and names, without lead lists or actions (those need the whole
	// file). Empty for JSON input.
	Groups []Group
}

// Options tune a load.
type Options struct {
	ReasonColumn string           // column that holds the bounce reason; "" picks one as DESIGN.md says
	EmailColumn  string           // column that holds the address; "" picks "Email Address", "email" and the like
	All          bool             // keep the rows that are not bounces too (Lead.NotBounced)
	Strict       bool             // stop at the first bad row instead of skipping it
	Now          func() time.Time // clock for "suspended now"; nil means the export's newest date, or time.Now when it is later
	Progress     func(Progress)   // called now and then while loading; may be nil

	// Lean keeps only what counting needs (see lean.go): Select without Match or MinBounces,
	// Groups, GroupsBy, Totals, WriteSummary and TotalsText work, and Dataset.Leads stays
	// empty (Len counts the leads). A load that joins activity files is never lean.
	Lean bool

	leadRows bool // a file without a bounce reason column is read too, its rows for the join only
}

// SuspendedNow reports whether Marketo suspends the lead at ds.Now: Email Suspended At within
// the last 24 hours (for a bounce of an activity file, the date of a category 1 block).
func (ds *Dataset) SuspendedNow(l *Lead) bool {
	if l.flags&flagActivity != 0 && !l.EmailSuspended {
		return false
	}
	at := l.EmailSuspendedAt
	if at.IsZero() || at.After(ds.Now) {
		return false
	}
	return ds.Now.Sub(at) < 24*time.Hour
}
