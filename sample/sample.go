// Package sample holds the embedded sample export and a generator of large realistic exports.
package sample

import "io"

// Name is the file name the embedded sample is shown under.
const Name = "sample-export.csv"

// CSV returns the embedded sample: a Marketo People-tab export of a few hundred bounced leads.
func CSV() []byte {
	return nil // TODO(sample): implement with go:embed
}

// Generate writes a deterministic synthetic Marketo export of rows leads to w.
func Generate(w io.Writer, rows int, seed int64) error {
	return nil // TODO(sample): implement
}
