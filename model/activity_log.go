package model

import "strings"

// A Marketo activity log exported from the UI (a smart campaign's Results tab, a person's
// Activity Log) has one row per activity under display names, not the bulk extract's: an
// activity type column, a date column and a detail column, and maybe the person's id, the
// address, the campaign, the activity's ID and the person's name. Its Email Bounced and Email
// Bounced Soft rows (by name, any case and spacing, or by type id 8 and 27) are the bounce log,
// read as the bulk extract's are: one lead each, dated by the activity's date, the bounce text
// from the detail column. Rows of other activity types are counted and skipped.

// activityLogColumns are the columns the loader sees instead of the log's.
var activityLogColumns = []string{
	"Id", "Email Address", "Email Invalid Cause", "Email Suspended At",
	"Marketo Activity", "Marketo Campaign", "Marketo Activity Id", "Marketo Person",
}

// logLayout is where an activity log's columns are; -1 for absent ones.
type logLayout struct {
	typ, date, detail, lead, email, campaign, id, person int
	detailRank                                           int
}

// logColumn is which column of logLayout a header name fills; for the detail column, rank says
// which name wins when several are present (the attribute's own name Details first).
var logColumn = map[string]struct{ col, rank int }{
	"activitytype": {0, 0}, "activitytypename": {0, 0}, "activity": {0, 0}, "activitytypeid": {0, 0},
	"activitydate": {1, 0}, "datetime": {1, 0}, "activitydatetime": {1, 0}, "date": {1, 0},
	"details": {2, 3}, "activitydetails": {2, 3}, "reason": {2, 2}, "detail": {2, 1}, "activitydetail": {2, 1},
	"personid": {3, 0}, "leadid": {3, 0},
	"emailaddress": {4, 0}, "email": {4, 0},
	"campaignname": {5, 0}, "campaign": {5, 0},
	"id": {6, 0}, "activityid": {6, 0},
	"person": {7, 0}, "personname": {7, 0}, "leadname": {7, 0},
}

// activityLog returns the layout of an activity log's header, or nil when the header is not
// one: it needs an activity type, a date and a detail column.
func activityLog(header []string) *logLayout {
	ll := &logLayout{-1, -1, -1, -1, -1, -1, -1, -1, -1}
	cols := []*int{&ll.typ, &ll.date, &ll.detail, &ll.lead, &ll.email, &ll.campaign, &ll.id, &ll.person}
	for c, h := range header {
		lc, ok := logColumn[normalize(h)]
		if !ok {
			continue
		}
		p := cols[lc.col]
		switch {
		case p == &ll.detail && lc.rank > ll.detailRank:
			ll.detail, ll.detailRank = c, lc.rank
		case p != &ll.detail && *p < 0:
			*p = c
		}
	}
	if ll.typ < 0 || ll.date < 0 || ll.detail < 0 {
		return nil
	}
	return ll
}

func (ll *logLayout) kind() string { return "activity log" }

func (ll *logLayout) columns() []string { return activityLogColumns }

// row reads a row of the log: a bounce's People row, or the activity type of another activity.
// A bounce without detail is read from its activity's name.
func (ll *logLayout) row(fields, out []string) ([]string, string, error) {
	typ := strings.TrimSpace(field(fields, ll.typ))
	activity := bounceActivity(typ)
	if activity == "" {
		if typ == "" {
			typ = "none"
		}
		return nil, typ, nil
	}
	detail := strings.TrimSpace(field(fields, ll.detail))
	if detail == "" {
		detail = activity
	}
	return append(out[:0],
		oneLine(strings.TrimSpace(field(fields, ll.lead))), oneLine(strings.TrimSpace(field(fields, ll.email))), detail,
		oneLine(strings.TrimSpace(field(fields, ll.date))), activity, oneLine(field(fields, ll.campaign)),
		oneLine(field(fields, ll.id)), oneLine(field(fields, ll.person)),
	), "", nil
}

// bounceActivity names the bounce activity a log's activity type is ("Email Bounced", "Email
// Bounced Soft"), or "" for another activity.
func bounceActivity(typ string) string {
	switch normalize(typ) {
	case "emailbounced", activityBounced:
		return "Email Bounced"
	case "emailbouncedsoft", activityBouncedSoft:
		return "Email Bounced Soft"
	}
	return ""
}
