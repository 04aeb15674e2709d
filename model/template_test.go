package model

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/sample"
)

// csvCells returns every cell of a CSV file, header included; a file that is not valid CSV
// gives the cells read before the error.
func csvCells(data []byte) []string {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var cells []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return cells
		}
		if err != nil {
			if _, ok := err.(*csv.ParseError); ok && rec == nil {
				return cells
			}
		}
		cells = append(cells, rec...)
	}
}

// TestTemplateVerdicts checks what the loader's verdict sharing rests on: a reason's template
// (codes.Template) classifies as the reason itself. On every text of the repository's test data
// (the classifier's labelled tables, the loader's test files, the embedded sample) they must
// agree. On a generated export, the raw texts of one template can disagree among themselves
// when the classifier reads a word inside a lead's address or a queue id ("davidkim@" has
// "dkim", a Gmail id may end in "ptr"): there the template must classify as most of its texts
// do (when it has three or more), and such texts must stay rare. And the loader must give every lead its template's verdict.
func TestTemplateVerdicts(t *testing.T) {
	texts := map[string]string{} // text: where it comes from
	tables, _ := filepath.Glob("../codes/testdata/*.tsv")
	for _, f := range tables {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n")[1:] {
			text, _, _ := strings.Cut(line, "\t")
			texts[text] = f + ":" + strconv.Itoa(i+2)
		}
	}
	files, _ := filepath.Glob("testdata/*.csv")
	for _, f := range append(files, "testdata/bulk.tsv", "testdata/bulk.ssv") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range csvCells(data) {
			texts[c] = f
		}
	}
	for _, c := range csvCells(sample.CSV()) {
		texts[c] = "sample export"
	}
	if len(texts) < 2000 {
		t.Fatalf("only %d texts in the test data", len(texts))
	}
	differ := 0
	for text, from := range texts {
		tmpl := codes.Template(text)
		if a, b := codes.Classify(text), codes.Classify(tmpl); a != b {
			differ++
			t.Errorf("%s: text and template classify differently:\n  text     %q\n  template %q\n  %+v\n  %+v", from, text, tmpl, a, b)
		}
	}
	t.Logf("test data: %d texts checked, %d differ", len(texts), differ)

	var gen bytes.Buffer
	if err := sample.Generate(&gen, templateRows, 11); err != nil {
		t.Fatal(err)
	}
	ds, err := LoadReader(context.Background(), bytes.NewReader(gen.Bytes()), "generated.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != templateRows {
		t.Fatalf("loaded %d leads of %d", len(ds.Leads), templateRows)
	}
	type tally struct {
		verdict codes.Bounce // the template's
		raw     map[codes.Bounce]int
	}
	byTemplate := map[string]*tally{}
	seen := map[string]bool{}
	wrong := 0
	for i := range ds.Leads {
		l := &ds.Leads[i]
		tmpl := codes.Template(l.Reason)
		tl := byTemplate[tmpl]
		if tl == nil {
			tl = &tally{verdict: codes.Classify(tmpl), raw: map[codes.Bounce]int{}}
			byTemplate[tmpl] = tl
		}
		if !seen[l.Reason] {
			seen[l.Reason] = true
			tl.raw[codes.Classify(l.Reason)]++
		}
		want := tl.verdict
		if want.Code != codes.Parse(l.Reason) {
			want = codes.Classify(l.Reason)
		}
		if want.Class == codes.Unknown && l.EmailInvalid {
			want.Class = codes.Hard
		}
		if l.Bounce != want && wrong < 10 {
			wrong++
			t.Errorf("lead %d: loaded bounce %+v, want its template's %+v: %q", i, l.Bounce, want, l.Reason)
		}
	}
	misled := 0
	for tmpl, tl := range byTemplate {
		most, n, total := codes.Bounce{}, 0, 0
		for b, k := range tl.raw {
			total += k
			if k > n || k == n && b == tl.verdict {
				most, n = b, k
			}
		}
		if most != tl.verdict && total >= 3 { // a template of one or two texts proves nothing

			t.Errorf("template %q classifies as %+v, most of its %d texts as %+v", tmpl, tl.verdict, total, most)
		}
		misled += total - tl.raw[tl.verdict]
	}
	t.Logf("generated export: %d distinct texts in %d rows, %d templates; %d texts classify unlike their template", len(seen), templateRows, len(byTemplate), misled)
	if misled*1000 > len(seen) {
		t.Errorf("%d of %d texts classify unlike their template, want at most 0.1%%", misled, len(seen))
	}
}
