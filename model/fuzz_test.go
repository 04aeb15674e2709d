package model

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) < 1<<16 {
			f.Add(data)
		}
	}
	f.Add(genCSV(20))
	f.Add([]byte("Email Address,Email Invalid Cause\n\"a\"\"b\",\"x\ny\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := LoadReader(context.Background(), bytes.NewReader(data), "fuzz.csv", testOptions())
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.csv" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if ds.Rows != len(ds.Leads)+len(ds.Skipped)+ds.Totals().NotBounced {
			t.Fatalf("rows %d != leads %d + skipped %d", ds.Rows, len(ds.Leads), len(ds.Skipped))
		}
		for _, pe := range ds.Skipped {
			if pe.File != "fuzz.csv" || pe.Line < 1 || pe.StartLine > pe.Line {
				t.Fatalf("skipped row without a place: %+v", pe)
			}
		}
		for i := range ds.Leads {
			l := &ds.Leads[i]
			if int(l.Line) < 1 || len(l.Extra) > len(ds.ExtraColumns) {
				t.Fatalf("lead %d: line %d, %d extras of %d", i, l.Line, len(l.Extra), len(ds.ExtraColumns))
			}
		}
		sel := ds.Select(Filter{Match: "a"})
		ds.Groups(sel, ByCode)
		ds.Domains(sel)
		var b bytes.Buffer
		if err := ds.Export(&b, sel, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}
