// Package sample holds the embedded sample export and a generator of large realistic exports.
package sample

import (
	_ "embed"
	"errors"
	"io"
	"time"
)

//go:generate go test . -run=TestExportCSVUpToDate -update

// Name is the file name the embedded sample is shown under.
const Name = "sample-export.csv"

// ActivityName is the file name the embedded sample's bounce log is shown under.
const ActivityName = "sample-activities.csv"

// ExportedAt returns when the embedded sample and generated exports were taken: their dates
// lie before it, and a few suspensions (Email Suspended At) lie within the 24 hours before
// it. Measure "suspended now" against it to see the sample as its users would have.
func ExportedAt() time.Time {
	return time.Date(2026, time.November, 29, 18, 0, 0, 0, time.UTC)
}

// embeddedSeed and embeddedRows make the embedded sample; TestExportCSVUpToDate keeps
// export.csv in step with the generator.
const (
	embeddedSeed = 20261129
	embeddedRows = 360
)

//go:embed export.csv
var exportCSV []byte

//go:embed activities.csv
var activitiesCSV []byte

// CSV returns the embedded sample: a Marketo People-tab export of a few hundred bounced leads.
// It is UTF-8 without BOM, comma-separated, with CRLF line ends and quoted multi-line fields.
func CSV() []byte {
	return append([]byte(nil), exportCSV...)
}

// ActivityCSV returns the embedded sample's bounce log: the Marketo bulk activity extract
// Activities writes, the Email Bounced and Email Bounced Soft activities of CSV's leads.
func ActivityCSV() []byte {
	return append([]byte(nil), activitiesCSV...)
}

// Generate writes a deterministic synthetic Marketo export of rows leads to w.
// The same rows and seed always give the same bytes. As in real exports, most reason texts
// are distinct: the servers' queue ids, front-end hosts, times and IPs are fresh per lead, and
// most replies reach the export inside the sending MTA's report, which names the receiving host
// and often the lead.
func Generate(w io.Writer, rows int, seed int64) error {
	g, next, err := generated(rows, seed)
	if err != nil {
		return err
	}
	return g.write(w, rows, next)
}

// generated returns the generator of Generate(rows, seed) and the entry of its next lead.
func generated(rows int, seed int64) (*generator, func() int, error) {
	if rows < 0 {
		return nil, nil, errors.New("sample: negative number of rows")
	}
	g, err := newGenerator(seed, ExportedAt())
	if err != nil {
		return nil, nil, err
	}
	g.varied = true
	return g, func() int { return int(g.pick[g.n(len(g.pick))]) }, nil
}

// writeShowcase writes the embedded sample: every catalog entry at least once, the rest
// drawn by weight, in random order.
func writeShowcase(w io.Writer) error {
	g, order, err := showcase()
	if err != nil {
		return err
	}
	i := 0
	return g.write(w, len(order), func() int { i++; return order[i-1] })
}

// showcase returns the embedded sample's generator and the entry of each of its leads.
func showcase() (*generator, []int, error) {
	g, err := newGenerator(embeddedSeed, ExportedAt())
	if err != nil {
		return nil, nil, err
	}
	order := make([]int, 0, embeddedRows)
	for i := range g.tmpls {
		order = append(order, i)
	}
	for len(order) < embeddedRows {
		order = append(order, int(g.pick[g.n(len(g.pick))]))
	}
	for i := len(order) - 1; i > 0; i-- {
		j := g.n(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	return g, order, nil
}
