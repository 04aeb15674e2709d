package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"testing"
	"unicode/utf8"
)

// splitAll splits data into records the way a worker does, skipping blank lines.
func splitAll(data []byte, delim byte) (records [][]string, errs int) {
	sp := splitter{delim: delim}
	for len(data) > 0 {
		next, _, rerr := sp.split(data)
		rec := data[:next]
		data = data[next:]
		if rerr != nil {
			errs++
			continue
		}
		if isBlank(rec) {
			continue
		}
		fields := make([]string, len(sp.fields))
		for i, f := range sp.fields {
			fields[i] = string(f)
		}
		records = append(records, fields)
	}
	return records, errs
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
		errs int
	}{
		{"plain", "a,b,c\n1,2,3\n", [][]string{{"a", "b", "c"}, {"1", "2", "3"}}, 0},
		{"crlf", "a,b\r\n1,2\r\n", [][]string{{"a", "b"}, {"1", "2"}}, 0},
		{"no final newline", "a,b\n1,2", [][]string{{"a", "b"}, {"1", "2"}}, 0},
		{"quoted delimiter", "\"a,b\",c\n", [][]string{{"a,b", "c"}}, 0},
		{"escaped quotes", "\"say \"\"hi\"\"\",x\n", [][]string{{"say \"hi\"", "x"}}, 0},
		{"embedded newline", "\"l1\nl2\",x\ny,z\n", [][]string{{"l1\nl2", "x"}, {"y", "z"}}, 0},
		{"empty fields", ",,\n", [][]string{{"", "", ""}}, 0},
		{"blank lines skipped", "a\n\n\nb\n", [][]string{{"a"}, {"b"}}, 0},
		{"bare quote resyncs at next line", "a,b\"c\nd,e\n", [][]string{{"d", "e"}}, 1},
		{"text after closing quote", "\"a\"b,c\nd,e\n", [][]string{{"d", "e"}}, 1},
		{"unclosed quote runs to the end", "a,\"b\nc,d\n", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := splitAll([]byte(tt.in), ',')
			if errs != tt.errs || !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %q with %d errors, want %q with %d", got, errs, tt.want, tt.errs)
			}
		})
	}
}

func TestCutRecords(t *testing.T) {
	data := []byte("a,\"x\ny\"\nb,c\nd,\"e")
	if n := cutRecords(data); string(data[:n]) != "a,\"x\ny\"\nb,c\n" {
		t.Errorf("cut at %d: %q", n, data[:n])
	}
	if n := cutRecords([]byte("a,\"open\nstill open")); n != 0 {
		t.Errorf("cut inside a quoted field at %d", n)
	}
}

// FuzzSplit checks the splitter against encoding/csv on every input encoding/csv reads
// without error.
func FuzzSplit(f *testing.F) {
	f.Add([]byte("a,b\n\"c,d\",\"e\"\"f\"\n\"g\nh\",i\n"))
	f.Add([]byte("x\n\ny,z"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.IndexByte(data, '\r') >= 0 {
			return // encoding/csv rewrites \r\n inside quotes; the splitter keeps it
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		var want [][]string
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return
			}
			want = append(want, rec)
		}
		got, errs := splitAll(data, ',')
		if errs != 0 || !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("input %q:\nsplitter %q (%d errors)\nencoding/csv %q", data, got, errs, want)
		}
	})
}

// FuzzNeedsCheck compares needsCheck, which reads words, with its definition read byte by byte.
func FuzzNeedsCheck(f *testing.F) {
	f.Add([]byte("plain ascii text that is longer than thirty-two bytes\r\n"))
	f.Add([]byte("Müller,Geschäftsführer,\"Weiß\"\n"))
	f.Add([]byte("a\x1b[31mred and more text to fill up a whole block\x7f\r\n"))
	f.Add([]byte("Caf\xe9 is Windows-1252 text in a record,b\n"))
	f.Fuzz(func(t *testing.T, rec []byte) {
		want := !utf8.Valid(rec)
		for _, c := range rec {
			if isControl(c) {
				want = true
			}
		}
		if got := needsCheck(rec); got != want {
			t.Fatalf("needsCheck(%q) = %v, want %v", rec, got, want)
		}
	})
}
