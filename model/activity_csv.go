package model

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// recordReader reads the records of an activity file as encoding/csv's Reader does with
// LazyQuotes, any number of fields and a one-byte delimiter (the same fields, the same lines
// and the same errors), but without allocating: the fields it returns point into its buffer
// and are valid only until the next Read. An activity file's row is converted and written
// before the next one is read, and its text is mostly the attributes cell, so copying every
// record into a string of its own (as encoding/csv does) was most of the garbage of a load.
type recordReader struct {
	r       *bufio.Reader
	delim   byte
	numLine int
	offset  int64  // bytes read
	raw     []byte // a line longer than the bufio.Reader's buffer
	buf     []byte // the fields, one after the other
	ends    []int  // where each field ends in buf
	lines   []int  // the line each field starts on
	fields  []string
}

func newRecordReader(r io.Reader, delim byte) *recordReader {
	return &recordReader{r: bufio.NewReader(r), delim: delim}
}

// FieldPos returns the line field k of the record last read starts on.
func (rr *recordReader) FieldPos(k int) int { return rr.lines[k] }

func (rr *recordReader) readLine() ([]byte, error) {
	line, err := rr.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		rr.raw = append(rr.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = rr.r.ReadSlice('\n')
			rr.raw = append(rr.raw, line...)
		}
		line = rr.raw
	}
	n := len(line)
	if n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' { // dropped before EOF, as encoding/csv does
			line = line[:n-1]
		}
	}
	rr.numLine++
	rr.offset += int64(n)
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

func endsNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// Read reads one record; blank lines are skipped. It returns io.EOF at the end.
func (rr *recordReader) Read() ([]string, error) {
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = rr.readLine()
		if errRead == nil && len(line) == endsNL(line) {
			continue
		}
		break
	}
	if errRead == io.EOF {
		return nil, errRead
	}
	rr.buf, rr.ends, rr.lines = rr.buf[:0], rr.ends[:0], rr.lines[:0]
	posLine := rr.numLine
field:
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, rr.delim)
			f := line
			if i >= 0 {
				f = f[:i]
			} else {
				f = f[:len(f)-endsNL(f)]
			}
			rr.buf = append(rr.buf, f...)
			rr.ends = append(rr.ends, len(rr.buf))
			rr.lines = append(rr.lines, posLine)
			if i >= 0 {
				line = line[i+1:]
				continue field
			}
			break field
		}
		start := posLine
		line = line[1:]
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				rr.buf = append(rr.buf, line[:i]...)
				line = line[i+1:]
				switch {
				case len(line) > 0 && line[0] == '"':
					rr.buf = append(rr.buf, '"')
					line = line[1:]
				case len(line) > 0 && line[0] == rr.delim:
					line = line[1:]
					rr.ends = append(rr.ends, len(rr.buf))
					rr.lines = append(rr.lines, start)
					continue field
				case endsNL(line) == len(line):
					rr.ends = append(rr.ends, len(rr.buf))
					rr.lines = append(rr.lines, start)
					break field
				default: // a bare quote
					rr.buf = append(rr.buf, '"')
				}
			case len(line) > 0:
				rr.buf = append(rr.buf, line...)
				if errRead != nil {
					break field
				}
				line, errRead = rr.readLine()
				if len(line) > 0 {
					posLine++
				}
				if errRead == io.EOF {
					errRead = nil
				}
			default: // the end of the file inside quotes
				rr.ends = append(rr.ends, len(rr.buf))
				rr.lines = append(rr.lines, start)
				break field
			}
		}
	}
	rr.fields = rr.fields[:0]
	prev := 0
	for _, end := range rr.ends {
		f := ""
		if end > prev {
			f = unsafe.String(&rr.buf[prev], end-prev)
		}
		rr.fields = append(rr.fields, f)
		prev = end
	}
	return rr.fields, errRead
}

// appendCSV appends a record as encoding/csv's Writer writes it with a comma and LF line ends.
func appendCSV(b []byte, record []string) []byte {
	for k, f := range record {
		if k > 0 {
			b = append(b, ',')
		}
		if !fieldNeedsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for {
			i := strings.IndexByte(f, '"')
			if i < 0 {
				break
			}
			b = append(b, f[:i+1]...)
			b = append(b, '"')
			f = f[i+1:]
		}
		b = append(b, f...)
		b = append(b, '"')
	}
	return append(b, '\n')
}

// fieldNeedsQuotes is encoding/csv's rule for a comma-separated field.
func fieldNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		if c := f[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
