package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
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

func TestCut(t *testing.T) {
	sp := splitter{delim: ',', width: 2, email: 0}
	tests := []struct {
		in, want string
		atEOF    bool
	}{
		{"a,\"x\ny\"\nb,c\nd,\"e", "a,\"x\ny\"\nb,c\n", false},
		{"a,\"open\nstill open", "", false},
		{"a,\"open\nstill open", "a,\"open\nstill open", true},
		{"a,b\"c\nd,e\n", "a,b\"c\nd,e\n", false},
		{"a,\"b\"\r\nc,d\r\ne,\"f", "a,\"b\"\r\nc,d\r\n", false},
		// A stray quote ends before a line that reads as a complete row.
		{"x@y.z,\"stray\nc@d.e,fine\nmore", "x@y.z,\"stray\nc@d.e,fine\n", false},
		{"x@y.z,\"two\nlines\",ok\n", "x@y.z,\"two\nlines\",ok\n", false},
	}
	for _, tt := range tests {
		if n := sp.cut([]byte(tt.in), tt.atEOF); tt.in[:n] != tt.want {
			t.Errorf("cut(%q, %v) = %q, want %q", tt.in, tt.atEOF, tt.in[:n], tt.want)
		}
	}
}

// FuzzSplit checks the splitter against encoding/csv on every input encoding/csv reads
// without error (line ends inside quoted fields compared as LF, as encoding/csv turns CRLF
// there into LF), and that cut, on any input, ends chunks where the splitter ends records.
func FuzzSplit(f *testing.F) {
	f.Add([]byte("a,b\n\"c,d\",\"e\"\"f\"\n\"g\nh\",i\n"))
	f.Add([]byte("x\n\ny,z"))
	f.Add([]byte("a@b,c\r\nd@e,\"f\r\ng\"\r\n"))
	f.Add([]byte("a@b,c\nd@e,\"stray\nf@g,h\ni@j,\"k\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkCut(t, data)
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
		for _, rec := range got {
			for i := range rec {
				rec[i] = strings.ReplaceAll(rec[i], "\r\n", "\n")
			}
		}
		if errs != 0 || !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("input %q:\nsplitter %q (%d errors)\nencoding/csv %q", data, got, errs, want)
		}
	})
}

// checkCut checks that sp.cut, on data and on each of its prefixes, returns a place where the
// splitter (with the same header width, resynchronising) ends a record.
func checkCut(t *testing.T, data []byte) {
	sp := splitter{delim: ',', email: 0}
	if _, _, err := sp.split(data); err == nil {
		sp.width = len(sp.fields)
	}
	ends := map[int]bool{0: true}
	lines := 0
	for at := 0; at < len(data); {
		sp.scratch = sp.scratch[:0]
		next, n, _ := sp.split(data[at:])
		if next <= 0 {
			t.Fatalf("input %q: no progress at %d", data, at)
		}
		at += next
		lines += n
		ends[at] = true
	}
	if want := bytes.Count(data, []byte{'\n'}); lines != want {
		t.Fatalf("input %q: records hold %d line ends, the input %d", data, lines, want)
	}
	for _, k := range []int{len(data), len(data) / 2, len(data) - 1} {
		if k < 0 {
			continue
		}
		c := sp.cut(data[:k], k == len(data))
		if !ends[c] || c > k {
			t.Fatalf("input %q: cut(%d bytes) = %d, not a record end (%v)", data, k, c, ends)
		}
	}
}

// FuzzNeedsCheck compares needsCheck, which reads words, with its definition read byte by byte.
func FuzzNeedsCheck(f *testing.F) {
	f.Add([]byte("plain ascii text that is longer than thirty-two bytes\r\n"))
	f.Add([]byte("Müller,Geschäftsführer,\"Weiß\"\n"))
	f.Add([]byte("a\x1b[31mred and more text to fill up a whole block\x7f\r\n"))
	f.Add([]byte("Caf\xe9 is Windows-1252 text in a record,b\n"))
	f.Fuzz(func(t *testing.T, rec []byte) {
		want := !utf8.Valid(rec) || strings.ContainsFunc(string(rec), func(r rune) bool { return r >= 0x80 && r <= 0x9f })
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
