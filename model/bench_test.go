package model

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

// generated writes a sample export of rows leads into dir and returns its path.
func generated(b *testing.B, dir string, rows int) string {
	b.Helper()
	path := filepath.Join(dir, "export.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := sample.Generate(w, rows, 1); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchmarkLoad(b *testing.B, rows int) { benchmarkLoadOpts(b, rows, Options{}) }

func benchmarkLoadOpts(b *testing.B, rows int, opts Options) {
	path := generated(b, b.TempDir(), rows)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ds, err := Load(context.Background(), []string{path}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Leads) < rows*9/10 {
			b.Fatalf("%d leads of %d rows", len(ds.Leads), rows)
		}
	}
}

func BenchmarkLoad100k(b *testing.B) { benchmarkLoad(b, 100_000) }
func BenchmarkLoad1M(b *testing.B)   { benchmarkLoad(b, 1_000_000) }

// BenchmarkLoad1MProgress loads as the browser does: with progress reports, which carry the
// groups counted so far.
func BenchmarkLoad1MProgress(b *testing.B) {
	reports := 0
	benchmarkLoadOpts(b, 1_000_000, Options{Progress: func(p Progress) { reports++ }})
	b.ReportMetric(float64(reports)/float64(b.N), "reports/op")
}

func loaded1M(b *testing.B) *Dataset {
	path := generated(b, b.TempDir(), 1_000_000)
	ds, err := Load(context.Background(), []string{path}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

func BenchmarkSelect(b *testing.B) {
	ds := loaded1M(b)
	b.Run("BuildIndex", func(b *testing.B) {
		for b.Loop() {
			ds.search = searchIndex{}
			ds.index()
		}
	})
	filters := []struct {
		name string
		f    Filter
	}{
		{"All", Filter{}},
		{"Hard", Filter{Classes: []codes.Class{codes.Hard}}},
		{"Match", Filter{Match: "spamhaus"}},
		{"MatchName", Filter{Match: "müller"}},
		{"Domain", Filter{Domain: "gmail.com"}},
	}
	for _, f := range filters {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ds.Select(f.f)
			}
		})
	}
}

func BenchmarkGroups(b *testing.B) {
	ds := loaded1M(b)
	sel := ds.Select(Filter{})
	b.Run("Groups", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ds.Groups(sel, ByCount)
		}
	})
	b.Run("Domains", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ds.Domains(sel)
		}
	})
}

// BenchmarkSplit splits a generated export of 100k rows into fields, as one worker does.
func BenchmarkSplit(b *testing.B) {
	data, err := os.ReadFile(generated(b, b.TempDir(), 100_000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	sp := splitter{delim: ','}
	for b.Loop() {
		for d := data; len(d) > 0; {
			sp.scratch = sp.scratch[:0]
			next, _, _ := sp.split(d)
			d = d[next:]
		}
	}
}
