package model

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// A load that holds a Marketo activity file (a bulk activity extract or an activity log) and a
// lead export joins them on the lead id: the activity file's Id (leadId, Person Id) and the lead
// export's Id. Each bounce of the activity file takes from its lead's row what it lacks (names,
// company, the address, the creation date, every other kept column, Unsubscribed), and the lead's
// own row, which is not one more bounce, is left out of the leads and counted (Dataset.joined).
// The join is one pass over the leads after every file is read, with a map by id.

// markActivity records that file idx of the load is a Marketo activity file.
func (ld *loader) markActivity(idx int) {
	for len(ld.activityFiles) <= idx {
		ld.activityFiles = append(ld.activityFiles, false)
	}
	ld.activityFiles[idx] = true
}

func (ld *loader) isActivity(file uint16) bool {
	return int(file) < len(ld.activityFiles) && ld.activityFiles[file]
}

// joinActivities joins the bounces of the load's activity files with its lead exports' rows,
// then leaves out the lead rows joined and those kept for the join only.
func (ld *loader) joinActivities() {
	rows, joined := ld.joinBounces()
	if len(joined) > 0 || ld.joining {
		ld.leaveOutJoined(rows, joined)
	}
}

// joinBounces gives each bounce of an activity file what it lacks of its lead's row, and
// returns the lead rows by id and those joined.
func (ld *loader) joinBounces() (map[string]int32, map[int32]bool) {
	ds := ld.ds
	activity, other := false, false
	for i := range ds.Files {
		if ld.isActivity(uint16(i)) {
			activity = true
		} else {
			other = true
		}
	}
	if !activity || !other {
		return nil, nil
	}
	rows := ld.leadRowsByID()
	joined := make(map[int32]bool) // lead rows whose lead has an activity bounce, by first row
	for i := range ds.Leads {
		l := &ds.Leads[i]
		if !ld.isActivity(l.File) {
			continue
		}
		r, ok := rows[strings.TrimSpace(l.ID)]
		if !ok {
			continue
		}
		ds.fillFromLeadRow(l, &ds.Leads[r])
		joined[r] = true
	}
	return rows, joined
}

// leadRowsByID maps each lead id of the lead exports to its first row in Dataset.Leads.
func (ld *loader) leadRowsByID() map[string]int32 {
	ds := ld.ds
	rows := make(map[string]int32)
	for i := range ds.Leads {
		l := &ds.Leads[i]
		if ld.isActivity(l.File) {
			continue
		}
		id := strings.TrimSpace(l.ID)
		if id == "" {
			continue
		}
		if _, seen := rows[id]; !seen {
			rows[id] = int32(i)
		}
	}
	return rows
}

// fillFromLeadRow gives the bounce b what it lacks of its lead's row r.
func (ds *Dataset) fillFromLeadRow(b, r *Lead) {
	if b.FirstName == "" {
		b.FirstName = r.FirstName
	}
	if b.LastName == "" {
		b.LastName = r.LastName
	}
	if b.Company == "" {
		b.Company = r.Company
	}
	if b.CreatedAt.IsZero() {
		b.CreatedAt = r.CreatedAt
	}
	b.Unsubscribed = b.Unsubscribed || r.Unsubscribed
	if strings.IndexByte(b.Email, '@') < 0 && strings.IndexByte(r.Email, '@') >= 0 {
		b.Email = r.Email
		if b.NoAddress() {
			b.flags &^= flagNoAddress
			ds.noAddress--
		}
	}
	b.Extra = mergeExtra(b.Extra, r.Extra)
}

// mergeExtra returns the other columns of a bounce (own) completed by those of its lead's row
// (lead): a new slice, since Extra slices are shared between leads.
func mergeExtra(own, lead []string) []string {
	fill := false
	for c, v := range lead {
		if v != "" && (c >= len(own) || own[c] == "") {
			fill = true
			break
		}
	}
	if !fill {
		return own
	}
	out := make([]string, max(len(own), len(lead)))
	copy(out, own)
	for c, v := range lead {
		if out[c] == "" {
			out[c] = v
		}
	}
	return out
}

// leaveOutJoined removes from the leads every lead-export row of a lead joined to its activity
// bounces (counted as joined, noted per file) and every row kept for the join only (counted,
// as before, as not bounced).
func (ld *loader) leaveOutJoined(rows map[string]int32, joined map[int32]bool) {
	ds := ld.ds
	perFile := make(map[uint16]int)
	keepMeta := len(ds.meta) == len(ds.Leads)
	w := 0
	for i := range ds.Leads {
		l := &ds.Leads[i]
		isJoined := false
		if !ld.isActivity(l.File) {
			r, ok := rows[strings.TrimSpace(l.ID)]
			isJoined = ok && joined[r]
		}
		if isJoined || l.flags&flagJoinOnly != 0 {
			if isJoined {
				perFile[l.File]++
				ds.joined++
				if l.NotBounced() {
					ds.notBounced-- // counted as joined instead
				}
			}
			if l.NoAddress() {
				ds.noAddress--
			}
			continue
		}
		ds.Leads[w] = ds.Leads[i]
		if keepMeta {
			ds.meta[w] = ds.meta[i]
		}
		w++
	}
	clear(ds.Leads[w:])
	ds.Leads = ds.Leads[:w]
	if keepMeta {
		ds.meta = ds.meta[:w]
	} else {
		ds.meta = nil // rebuilt on first use
	}
	for f := range ds.Files {
		if n := perFile[uint16(f)]; n > 0 {
			j := JoinReport{File: ds.Files[f], Rows: n}
			ds.Joins = append(ds.Joins, j)
			ds.notes = append(ds.notes, j.Summary())
		}
	}
}

// JoinReport says how many rows of a lead export were joined to their leads' activity bounces.
type JoinReport struct {
	File string
	Rows int
}

// Summary says it in one line.
func (j JoinReport) Summary() string {
	return fmt.Sprintf("%s: %d lead row(s) joined to their activity bounces", j.File, j.Rows)
}

// isActivityFile reports whether the named file is a Marketo activity file, from its header. It
// reads regular files only (stdin and pipes are read once, by the load).
func isActivityFile(name string) bool {
	if name == "-" {
		return false
	}
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return isActivityReader(f)
}

// isActivityData reports whether data is a Marketo activity extract or log.
func isActivityData(data []byte) bool { return isActivityReader(bytes.NewReader(data)) }

func isActivityReader(r io.Reader) bool {
	br, err := decode(r)
	if err != nil {
		return false
	}
	header, _, _, err := readHeader(br)
	return err == nil && activityFile(header) != nil
}

// layoutOptions are the options file idx is laid out with: in a load that joins, a lead export
// with an Id column and no bounce reason column is read for the join.
func (ld *loader) layoutOptions(header []string, idx int) *Options {
	if !ld.joining || ld.isActivity(uint16(idx)) || !slices.ContainsFunc(header, isLeadID) {
		return &ld.opts
	}
	opts := ld.opts
	opts.leadRows = true
	return &opts
}

func isLeadID(h string) bool {
	n := normalize(h)
	return n == "id" || n == "leadid"
}

// noteLeadRows notes a file read for the join only: it has no bounce reason column.
func (ld *loader) noteLeadRows(lay *layout, name string) {
	if lay.reason < 0 && lay.invalid < 0 && lay.suspend < 0 && lay.other < 0 && !lay.hasRole(roleCode) {
		ld.ds.notes = append(ld.ds.notes, fmt.Sprintf("%s has no bounce reason column: its rows are read for the names and columns of their leads' activity bounces only", name))
	}
}
