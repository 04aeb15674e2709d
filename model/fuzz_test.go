package model

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
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
	f.Add([]byte("Email Address,Email Invalid Cause\r\na@b.co,\"stray\r\nc@d.co,550\r\n"))
	f.Add([]byte("Email Address,Email Invalid Cause\x1b]0;x\x07\ra@b.co,\u009b31m550\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		ds, err := LoadReader(context.Background(), bytes.NewReader(data), "fuzz.csv", testOptions())
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		// Bounded by the input: a fixed allowance for buffers, then a multiple of its size.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20+256*uint64(len(data)) {
			t.Fatalf("%d bytes allocated to read %d", alloc, len(data))
		}
		if elapsed > 5*time.Second+time.Duration(len(data))*time.Microsecond {
			t.Fatalf("%v to read %d bytes", elapsed, len(data))
		}
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
		for _, c := range ds.ExtraColumns {
			if i := strings.IndexFunc(c, isControlRune); i >= 0 {
				t.Fatalf("column name %q holds a control", c)
			}
		}
		for i := range ds.Leads {
			l := &ds.Leads[i]
			if int(l.Line) < 1 || len(l.Extra) > len(ds.ExtraColumns) {
				t.Fatalf("lead %d: line %d, %d extras of %d", i, l.Line, len(l.Extra), len(ds.ExtraColumns))
			}
			for _, s := range append([]string{l.Email, l.Reason, l.FirstName, l.Company}, l.Extra...) {
				if strings.ContainsFunc(s, func(r rune) bool { return isControlRune(r) && r != '\t' && r != '\n' && r != '\r' }) {
					t.Fatalf("lead %d keeps a control in %q", i, s)
				}
			}
		}
		sel := ds.Select(Filter{Match: "a"})
		ds.Groups(sel, ByCode)
		ds.Domains(sel)
		var b bytes.Buffer
		if err := ds.Export(&b, sel, ExportOptions{Columns: ds.ExtraColumns}); err != nil {
			t.Fatal(err)
		}
		if i := strings.IndexFunc(b.String(), func(r rune) bool { return isControlRune(r) && r != '\t' && r != '\n' && r != '\r' }); i >= 0 {
			t.Fatalf("export holds a control at %d: %q", i, b.String())
		}
		b.Reset()
		if err := ds.Export(&b, ds.All(), ExportOptions{Format: "emails"}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if e, ok := Address(line); line != "" && (!ok || e != line) {
				t.Fatalf("emails export writes %q, not an address", line)
			}
		}
	})
}

// isControlRune reports whether r is a C0 or C1 control or DEL.
func isControlRune(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f
}
