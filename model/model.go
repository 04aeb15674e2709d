// Package model loads bounce exports into leads, groups and filters them, and exports lead lists.
// It has no UI imports.
package model

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// Lead is one row of an export: the columns a user cares about, every other column by name,
// and the bounce read from its reason text. The csv tags are the single source of the
// Marketo column names (for loading and for exports).
type Lead struct {
	ID                  string    `csv:"Id"`
	FirstName           string    `csv:"First Name"`
	LastName            string    `csv:"Last Name"`
	Email               string    `csv:"Email Address"`
	Company             string    `csv:"Company Name"`
	EmailInvalid        bool      `csv:"Email Invalid"`
	EmailInvalidCause   string    `csv:"Email Invalid Cause"`
	EmailSuspended      bool      `csv:"Email Suspended"`
	EmailSuspendedCause string    `csv:"Email Suspended Cause"`
	EmailSuspendedAt    time.Time `csv:"Email Suspended At"`
	Unsubscribed        bool      `csv:"Unsubscribed"`
	CreatedAt           time.Time `csv:"Created At"`
	UpdatedAt           time.Time `csv:"Updated At"`

	Extra  []string     `csv:"-"` // the other columns, aligned with Dataset.ExtraColumns
	Reason string       `csv:"-"` // the text the bounce was read from
	Bounce codes.Bounce `csv:"-"`
	File   uint16       `csv:"-"` // index into Dataset.Files
	Line   int32        `csv:"-"` // line of the row's first field in its file
}

// Dataset is everything loaded from one or more exports.
type Dataset struct {
	Files        []string      // as given; "-" is stdin; the embedded sample has its own name
	Leads        []Lead        // in file order
	ExtraColumns []string      // names of the columns kept in Lead.Extra
	Skipped      []*ParseError // rows that could not be read, in file order
	Now          time.Time     // the clock "suspended now" is measured against
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
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Progress reports how far a load has come.
type Progress struct {
	File       string
	BytesRead  int64
	BytesTotal int64 // 0 when unknown (stdin, .gz)
	Rows       int
}

// Options tune a load.
type Options struct {
	ReasonColumn string           // column that holds the bounce reason; "" picks one as DESIGN.md says
	Strict       bool             // stop at the first bad row instead of skipping it
	Now          func() time.Time // clock for "suspended now"; nil means time.Now
	Progress     func(Progress)   // called now and then while loading; may be nil
}

// Load reads the named files ("-" for stdin) and merges them into one dataset.
func Load(ctx context.Context, files []string, opts Options) (*Dataset, error) {
	return nil, nil // TODO(model): implement
}

// LoadReader reads one export from r; name is used in errors and in Dataset.Files.
func LoadReader(ctx context.Context, r io.Reader, name string, opts Options) (*Dataset, error) {
	return nil, nil // TODO(model): implement
}

// Filter selects leads. The zero Filter selects every lead.
type Filter struct {
	Classes  []codes.Class  // empty: any class
	Basic    uint16         // 0: any basic code
	Enhanced codes.Enhanced // zero: any enhanced code
	Reasons  []codes.Reason // empty: any reason
	Domain   string         // receiving domain, case-insensitive; "": any
	Match    string         // case-insensitive text over email, name, company and reason
}

// Select returns the indices into ds.Leads of the leads f matches, in file order.
func (ds *Dataset) Select(f Filter) []int32 {
	return nil // TODO(model): implement
}

// SortBy orders groups.
type SortBy uint8

// The group orders.
const (
	ByCount SortBy = iota // most leads first
	ByCode                // numeric code order
)

// Group is the leads of one basic code (top level) or one enhanced code under it (Subgroups).
// Basic 0 is the "no code" group; an Enhanced zero subgroup holds leads with no enhanced code.
type Group struct {
	Basic     uint16
	Enhanced  codes.Enhanced
	Count     int
	Share     float64     // Count over the selection's size, 0..1
	Class     codes.Class // the class most of its leads have
	Name      string      // the catalog name of the enhanced code, else of the basic code
	Leads     []int32     // indices into ds.Leads
	Subgroups []Group
}

// Groups groups the selected leads by basic code, then by enhanced code.
func (ds *Dataset) Groups(sel []int32, by SortBy) []Group {
	return nil // TODO(model): implement
}

// DomainGroup is the bounces of one receiving domain.
type DomainGroup struct {
	Domain  string
	Count   int
	Reasons []ReasonCount // most first
	Leads   []int32
}

// ReasonCount is how many leads of a domain bounced for one reason.
type ReasonCount struct {
	Reason codes.Reason
	Count  int
}

// Domains groups the selected leads by receiving domain, most bounces first.
func (ds *Dataset) Domains(sel []int32) []DomainGroup {
	return nil // TODO(model): implement
}

// SuspendedNow reports whether Marketo suspends the lead at ds.Now: Email Suspended At within
// the last 24 hours.
func (ds *Dataset) SuspendedNow(l *Lead) bool {
	return false // TODO(model): implement
}

// ExportOptions shape an export.
type ExportOptions struct {
	Format  string   // "csv" (default) or "emails"
	Columns []string // columns beyond Marketo's import columns, by name
}

// Export writes the selected leads: by default as CSV with Marketo's import columns (Email
// Address, First Name, Last Name, Company Name), cells guarded against formula injection.
func (ds *Dataset) Export(w io.Writer, sel []int32, opts ExportOptions) error {
	return nil // TODO(model): implement
}

// ExportFile writes Export's output to path atomically; it refuses an existing file unless
// force is set (the error then wraps fs.ErrExist).
func (ds *Dataset) ExportFile(path string, sel []int32, opts ExportOptions, force bool) error {
	return nil // TODO(model): implement
}

// WriteSummary writes groups as "table" (fits 80 columns), "csv" or "json".
func (ds *Dataset) WriteSummary(w io.Writer, groups []Group, format string) error {
	return nil // TODO(model): implement
}
