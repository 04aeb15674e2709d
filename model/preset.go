package model

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/gocarina/gocsv"
)

// Preset is an export made for one job: its leads, its columns and its advice.
type Preset uint8

// The presets.
const (
	NoPreset       Preset = iota
	PresetReadd           // leads to re-add, in Marketo's import columns
	PresetSuppress        // dead addresses, to suppress
	PresetHandoff         // for sales: who, why in plain words, the codes and the date
)

var presetNames = [...]string{NoPreset: "", PresetReadd: "readd", PresetSuppress: "suppress", PresetHandoff: "handoff"}

// Presets lists the presets in the order the export prompt offers them.
func Presets() []Preset { return []Preset{PresetReadd, PresetSuppress, PresetHandoff} }

// String returns the preset's name: readd, suppress or handoff.
func (p Preset) String() string {
	if int(p) < len(presetNames) {
		return presetNames[p]
	}
	return ""
}

// ParsePreset reads a preset name.
func ParsePreset(s string) (Preset, error) {
	if s == "re-add" {
		s = "readd"
	}
	for p, name := range presetNames {
		if s == name && s != "" {
			return Preset(p), nil
		}
	}
	return NoPreset, fmt.Errorf("unknown preset %q (want readd, suppress or handoff)", s)
}

// Describe says in a line what the preset holds.
func (p Preset) Describe() string {
	switch p {
	case PresetReadd:
		return "leads whose bounce was not the address's fault, in Marketo's import columns"
	case PresetSuppress:
		return "every dead address (unknown user, dead domain, moved), to suppress"
	case PresetHandoff:
		return "for sales: name, company, email, why in plain words, the codes and the bounce date"
	}
	return ""
}

// Advice says what to do with the file once written.
func (p Preset) Advice() string {
	switch p {
	case PresetReadd:
		return "Import it into Marketo (the import matches leads on Email Address), then reset Email Invalid to false for these leads: the import alone keeps the flag. Fix what refused them first (a block, authentication, content) or they bounce again."
	case PresetSuppress:
		return "These addresses do not work: add them to a suppression list (or mark them Marketing Suspended) and do not send to them again. Do not re-add them."
	case PresetHandoff:
		return "Share it with the lead owners: each row says in plain words why the email bounced and what to do."
	}
	return ""
}

// PresetReport counts what an export preset wrote and what it left out, and why.
type PresetReport struct {
	Preset    Preset
	Written   int             // addresses written, one row each
	Leads     int             // selected leads the preset looked at
	Other     [NumActions]int // selected leads left out because their action is not the preset's, per action
	Duplicate int             // leads left out because their address was already written
	HeldBack  int             // addresses left out of a re-add list because another lead says the address is dead
	NoAddress int             // leads left out because their email is not one valid address
	Formula   int             // addresses left out because a spreadsheet would run them as a formula
}

// Summary says in one line what the report counts, for a prompt or stderr.
func (r PresetReport) Summary() string {
	s := Commas(r.Written) + " address(es)"
	var out []string
	if r.Duplicate > 0 {
		out = append(out, Commas(r.Duplicate)+" repeated address(es)")
	}
	if r.HeldBack > 0 {
		out = append(out, Commas(r.HeldBack)+" address(es) held back: dead on another lead")
	}
	if r.NoAddress > 0 {
		out = append(out, Commas(r.NoAddress)+" lead(s) without a valid address")
	}
	if r.Formula > 0 {
		out = append(out, Commas(r.Formula)+" address(es) that read as a spreadsheet formula")
	}
	other := 0
	for _, n := range r.Other {
		other += n
	}
	if other > 0 {
		byAction := ""
		for _, a := range codes.Actions() {
			if n := r.Other[a]; n > 0 {
				if byAction != "" {
					byAction += ", "
				}
				byAction += a.String() + " " + Commas(n)
			}
		}
		out = append(out, Commas(other)+" lead(s) whose action is not "+r.Preset.action().String()+" ("+byAction+")")
	}
	if len(out) == 0 {
		return s
	}
	s += "; left out "
	for k, o := range out {
		if k > 0 {
			s += "; "
		}
		s += o
	}
	return s
}

// action is the action whose leads the preset keeps (Review for handoff, which keeps all).
func (p Preset) action() codes.Action {
	switch p {
	case PresetReadd:
		return codes.Readd
	case PresetSuppress:
		return codes.Suppress
	}
	return codes.Review
}

// readdRow and readdRowID are a re-add list's rows: Marketo's import columns, with the lead
// Id when the export has one.
type readdRow struct {
	Email     string `csv:"Email Address"`
	FirstName string `csv:"First Name"`
	LastName  string `csv:"Last Name"`
	Company   string `csv:"Company Name"`
}

type readdRowID struct {
	ID        string `csv:"Id"`
	Email     string `csv:"Email Address"`
	FirstName string `csv:"First Name"`
	LastName  string `csv:"Last Name"`
	Company   string `csv:"Company Name"`
}

// suppressRow is a suppression list's row: the address and why it is dead.
type suppressRow struct {
	Email    string `csv:"Email Address"`
	Reason   string `csv:"Reason"`
	Code     string `csv:"Code"`
	Enhanced string `csv:"Enhanced Code"`
}

// handoffRow is a row for sales.
type handoffRow struct {
	FirstName string `csv:"First Name"`
	LastName  string `csv:"Last Name"`
	Company   string `csv:"Company Name"`
	Email     string `csv:"Email Address"`
	Action    string `csv:"What To Do"`
	Why       string `csv:"Why It Bounced"`
	Code      string `csv:"Code"`
	Enhanced  string `csv:"Enhanced Code"`
	Date      string `csv:"Bounced At"`
	DateFrom  string `csv:"Date From"`
}

// PlanPreset counts what ExportPreset would write for the selection, without writing.
func (ds *Dataset) PlanPreset(sel []int32, p Preset) PresetReport {
	r, _ := ds.presetLeads(sel, p)
	return r
}

// presetLeads picks the leads a preset writes, one per address, in selection order.
func (ds *Dataset) presetLeads(sel []int32, p Preset) (PresetReport, []int32) {
	r := PresetReport{Preset: p, Leads: len(sel)}
	acts := ds.actions()
	var byAddress map[string]uint8
	if p == PresetReadd {
		byAddress = ds.addressActions()
	}
	seen := make(map[string]struct{})
	var out []int32
	if p == PresetHandoff {
		sel = deadFirst(ds, sel, acts)
	}
	for _, i := range sel {
		a := acts[i]
		if p != PresetHandoff && a != p.action() {
			r.Other[a]++
			continue
		}
		addr, ok := Address(ds.Leads[i].Email)
		if !ok {
			r.NoAddress++
			continue
		}
		k := AddressKey(addr)
		if _, dup := seen[k]; dup {
			r.Duplicate++
			continue
		}
		seen[k] = struct{}{}
		if p == PresetReadd && byAddress[k]&(1<<codes.Suppress) != 0 {
			r.HeldBack++
			continue
		}
		if p != PresetHandoff && Formulaish(addr) {
			r.Formula++
			continue
		}
		out = append(out, i)
	}
	r.Written = len(out)
	return r, out
}

// deadFirst reorders a selection so that each address's first lead is a dead one when any of
// its leads is (a handoff row then says the safer thing), keeping the order of first
// appearance otherwise.
func deadFirst(ds *Dataset, sel []int32, acts []codes.Action) []int32 {
	dead := make(map[string]int32)
	for _, i := range sel {
		if acts[i] == codes.Suppress {
			k := AddressKey(ds.Leads[i].Email)
			if _, ok := dead[k]; !ok {
				dead[k] = i
			}
		}
	}
	if len(dead) == 0 {
		return sel
	}
	out := make([]int32, 0, len(sel))
	moved := make(map[int32]bool)
	for _, i := range sel {
		if moved[i] {
			continue
		}
		if d, ok := dead[AddressKey(ds.Leads[i].Email)]; ok && d != i && !moved[d] {
			out = append(out, d) // the dead lead takes the place of its address's first lead
			moved[d] = true
		}
		out = append(out, i)
	}
	return out
}

// ExportPreset writes the selection's leads for preset p: de-duplicated by address (trimmed,
// case-insensitive), only valid addresses, written exactly as the file has them (a Marketo
// import must match them); names and other cells are guarded against spreadsheet formulas.
// A re-add list holds back every address some lead of the dataset says is dead. The handoff
// file starts with a UTF-8 byte order mark, so spreadsheets show names right.
func (ds *Dataset) ExportPreset(w io.Writer, sel []int32, p Preset) (PresetReport, error) {
	r, leads := ds.presetLeads(sel, p)
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	var err error
	switch p {
	case PresetReadd:
		if ds.hasIDs(leads) {
			rows := make([]readdRowID, len(leads))
			for k, i := range leads {
				l := &ds.Leads[i]
				rows[k] = readdRowID{guard(l.ID), ds.exportAddress(l), guard(l.FirstName), guard(l.LastName), guard(l.Company)}
			}
			err = gocsv.MarshalCSV(rows, cw)
		} else {
			rows := make([]readdRow, len(leads))
			for k, i := range leads {
				l := &ds.Leads[i]
				rows[k] = readdRow{ds.exportAddress(l), guard(l.FirstName), guard(l.LastName), guard(l.Company)}
			}
			err = gocsv.MarshalCSV(rows, cw)
		}
	case PresetSuppress:
		rows := make([]suppressRow, len(leads))
		for k, i := range leads {
			l := &ds.Leads[i]
			rows[k] = suppressRow{ds.exportAddress(l), l.Bounce.Reason.String(), basicKeyOrEmpty(l.Bounce.Basic), l.Bounce.Enhanced.String()}
		}
		err = gocsv.MarshalCSV(rows, cw)
	case PresetHandoff:
		if _, err = io.WriteString(w, "\ufeff"); err != nil {
			return r, err
		}
		rows := make([]handoffRow, len(leads))
		for k, i := range leads {
			l := &ds.Leads[i]
			at, from := ds.BounceDate(l)
			date := ""
			if !at.IsZero() {
				date = at.Format(time.RFC3339)
			}
			rows[k] = handoffRow{guard(l.FirstName), guard(l.LastName), guard(l.Company), guard(ds.exportAddress(l)),
				ds.Action(i).String(), codes.Describe(l.Bounce.Reason), basicKeyOrEmpty(l.Bounce.Basic),
				l.Bounce.Enhanced.String(), date, from}
		}
		err = gocsv.MarshalCSV(rows, cw)
	default:
		return r, fmt.Errorf("unknown preset %d", p)
	}
	if err != nil {
		return r, err
	}
	cw.Flush()
	return r, cw.Error()
}

// exportAddress is the lead's address as it leaves the program: trimmed, otherwise exact.
func (ds *Dataset) exportAddress(l *Lead) string {
	a, _ := Address(l.Email)
	return a
}

// hasIDs reports whether any of the leads has a lead Id.
func (ds *Dataset) hasIDs(leads []int32) bool {
	for _, i := range leads {
		if ds.Leads[i].ID != "" {
			return true
		}
	}
	return false
}

// ActivityDate is the name BounceDate gives the date of a bounce read from a Marketo activity
// file.
const ActivityDate = "activityDate"

func basicKeyOrEmpty(b uint16) string {
	if b == 0 {
		return ""
	}
	return strconv.Itoa(int(b))
}

// BounceDate is the date a lead bounced as far as its export says, and which column it came
// from: a Marketo activity's activityDate, else Email Suspended At, else Updated At (a People
// export has no bounce date of its own).
func (ds *Dataset) BounceDate(l *Lead) (time.Time, string) {
	if l.flags&flagActivity != 0 && !l.EmailSuspendedAt.IsZero() {
		return l.EmailSuspendedAt, ActivityDate
	}
	if !l.EmailSuspendedAt.IsZero() {
		return l.EmailSuspendedAt, "Email Suspended At"
	}
	if !l.UpdatedAt.IsZero() {
		return l.UpdatedAt, "Updated At"
	}
	return time.Time{}, ""
}
