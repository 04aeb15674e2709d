package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// csvInputs are the edges of CSV that encoding/csv reads with LazyQuotes.
var csvInputs = []string{
	"a,b,c\n1,2,3\n",
	"a,b\r\n1,2\r\n",
	"a,b\r\n\r\n\n1,2\r",
	"\"a\"\"b\",\"x\ny\"\r\nc,d\n",
	"1,7,2026-11-03T09:00:00Z,8,4,6,mail,\"{\"\"Details\"\":\"\"550 user unknown\n line two\"\",\"\"Email\"\":\"\"a@b.com\"\"}\"\n",
	"\"unclosed,8\nmore\n",
	"a\"b,c\"d\"e\n",
	"\"a\"b,c\n",
	"\"a\" ,b\n",
	"\"\"\n\"\"\"\"\n",
	",,\n,\n",
	"\"x\r\ny\"\r\n",
	"a,\"b\n\n\nc\",d\ne\n",
	"no newline at end",
	"ends in quote\"",
	"\"",
	"\n",
	"",
	"a;b;\"c;d\"\n",
	"\xff\xfe,\"\xff\"\n",
	" lead,\\.,\u00a0nbsp,\tx\n",
}

// checkRecords fails when recordReader reads data otherwise than encoding/csv, or appendCSV
// writes a record otherwise.
func checkRecords(t *testing.T, data string, delim byte) {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(data))
	cr.Comma = rune(delim)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	rr := newRecordReader(strings.NewReader(data), delim)
	for n := 0; ; n++ {
		want, werr := cr.Read()
		got, gerr := rr.Read()
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("%q: record %d: error %v, encoding/csv %v", data, n, gerr, werr)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: record %d: %q, encoding/csv %q", data, n, got, want)
		}
		for k := range want {
			if line, _ := cr.FieldPos(k); rr.FieldPos(k) != line {
				t.Fatalf("%q: record %d field %d: line %d, encoding/csv %d", data, n, k, rr.FieldPos(k), line)
			}
		}
		var w bytes.Buffer
		cw := csv.NewWriter(&w)
		cw.Write(want)
		cw.Flush()
		if b := appendCSV(nil, got); string(b) != w.String() {
			t.Fatalf("%q: record %d written %q, encoding/csv %q", data, n, b, w.String())
		}
		if errors.Is(werr, io.EOF) || werr != nil {
			return
		}
	}
}

func TestRecordReaderAsEncodingCSV(t *testing.T) {
	// Lines longer than the buffer, in and out of quotes.
	long := strings.Repeat("long,", 2000) + "\n\"" + strings.Repeat("y\r\n", 3000) + "\"\r\nz\n"
	for _, data := range append(csvInputs, long) {
		checkRecords(t, data, ',')
		checkRecords(t, data, ';')
	}
}

// FuzzRecordReader checks that recordReader reads any text as encoding/csv does, and appendCSV
// writes its records as encoding/csv does.
func FuzzRecordReader(f *testing.F) {
	for _, data := range csvInputs {
		f.Add(data, true)
	}
	f.Fuzz(func(t *testing.T, data string, comma bool) {
		delim := byte(';')
		if comma {
			delim = ','
		}
		checkRecords(t, data, delim)
	})
}
