package model

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"testing"
)

// TestExtraValues checks every lead's extra columns against encoding/csv's reading of the same
// export, both when values repeat (leads share Extra slices) and when they are all distinct.
func TestExtraValues(t *testing.T) {
	var distinct bytes.Buffer
	distinct.WriteString("Email Address,Email Invalid Cause,Job Title,Lead Source\n")
	for i := range 5000 {
		fmt.Fprintf(&distinct, "a%d@x.com,550 5.1.1 unknown,title %d,source %d\n", i, i, i%7)
	}
	for name, data := range map[string][]byte{"repeating": genCSV(20000), "distinct": distinct.Bytes()} {
		t.Run(name, func(t *testing.T) {
			ds, err := LoadReader(context.Background(), bytes.NewReader(data), name, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(bytes.NewReader(data))
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			header, recs := recs[0], recs[1:]
			if len(ds.Leads) != len(recs) {
				t.Fatalf("%d leads, %d records", len(ds.Leads), len(recs))
			}
			cols := make([]int, len(ds.ExtraColumns))
			for k, name := range ds.ExtraColumns {
				cols[k] = slices.Index(header, name)
			}
			for i, l := range ds.Leads {
				for k, c := range cols {
					if l.Extra[k] != recs[i][c] {
						t.Fatalf("lead %d: %s = %q, want %q", i, ds.ExtraColumns[k], l.Extra[k], recs[i][c])
					}
				}
			}
		})
	}
}
