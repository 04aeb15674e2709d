package model

import (
	"fmt"
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

// joinActivities joins the bounces of the load's activity files with its lead exports' rows.
func (ld *loader) joinActivities() {
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
		return
	}
	rows := ld.leadRowsByID()
	if len(rows) == 0 {
		return
	}
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
	if len(joined) > 0 {
		ld.leaveOutJoined(rows, joined)
	}
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
// bounces, counts them, and notes how many each file had.
func (ld *loader) leaveOutJoined(rows map[string]int32, joined map[int32]bool) {
	ds := ld.ds
	perFile := make(map[uint16]int)
	keepMeta := len(ds.meta) == len(ds.Leads)
	w := 0
	for i := range ds.Leads {
		l := &ds.Leads[i]
		if !ld.isActivity(l.File) {
			if r, ok := rows[strings.TrimSpace(l.ID)]; ok && joined[r] {
				perFile[l.File]++
				ds.joined++
				if l.NotBounced() {
					ds.notBounced-- // counted as joined instead
				}
				if l.NoAddress() {
					ds.noAddress--
				}
				continue
			}
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
			ds.notes = append(ds.notes, fmt.Sprintf("%s: %d lead row(s) joined to their activity bounces", ds.Files[f], n))
		}
	}
}
