package model

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// maxField is the longest field a row may have; a longer one is cut to this length (at a
// character boundary) and marked as cut, and the row is kept.
const maxField = 1 << 20

// maxRecord bounds how much of a broken file is read ahead looking for the end of one record
// before the reader gives up on it and resyncs at the next line.
const maxRecord = 64 << 20

// maxQuotedLines is the most line ends a quoted field may hold: past it, the quote is taken as
// never closed and the lines it covered are one bad row.
const maxQuotedLines = 256

// cutMark ends a field cut at maxField.
const cutMark = " [cut: field longer than 1 MiB]"

var (
	errBareQuote  = errors.New(`bare " in a field that does not start with a quote`)
	errQuote      = errors.New(`extraneous or missing " in a quoted field`)
	errUnfinished = errors.New(`quoted field not closed before the end of the record`)
	errTooWide    = errors.New(`far more fields than the header has: skipped`)
)

// splitter cuts records into fields. Fields point into the data given, or into scratch when a
// quoted field had to be unescaped or cut.
//
// A quoted field that holds a line end is checked at each one: when the line after it reads as
// a complete row of the header's width (width fields, an @ in the email column), or when the
// field has held maxQuotedLines line ends, the quote is taken as never closed: the record ends
// at that line end, as one bad row, and reading resumes on the next line. cut applies the same
// rules, so that chunks of records are cut where the splitter will end them.
type splitter struct {
	delim   byte
	width   int // the header's field count; 0 turns off the complete-row check
	email   int // the email column, or -1
	fields  [][]byte
	scratch []byte
	check   *splitter // splits the lines the complete-row check looks at
}

// recordError is a record that could not be split: where (line offset from the record's start,
// 1-based byte column), why, and where the next record starts.
type recordError struct {
	lines  int // newlines between the record's start and the error
	column int
	err    error
}

// runawayError is a quoted field judged never closed: the record ends at a line end inside it.
type runawayError struct {
	lines   int  // line ends the record covered
	limit   bool // stopped at maxQuotedLines, not at a complete row
	atLimit int  // line ends inside the field when it stopped
}

func (e *runawayError) Error() string {
	if e.limit {
		return fmt.Sprintf("quoted field still open after %d lines: skipped %d lines as one row", e.atLimit, e.lines)
	}
	return fmt.Sprintf("quoted field not closed before a line that reads as a complete row: skipped %d line%s as one row", e.lines, plural(e.lines))
}

// completeRow reports whether line (one line, with its line end if any) reads as a complete row
// of the header's width.
func (s *splitter) completeRow(line []byte) bool {
	if s.width < 2 || bytes.Count(line, []byte{s.delim}) < s.width-1 {
		return false
	}
	if s.check == nil {
		s.check = &splitter{delim: s.delim}
	}
	c := s.check
	c.scratch = c.scratch[:0]
	next, _, rerr := c.split(line)
	if rerr != nil || next != len(line) || len(c.fields) != s.width {
		return false
	}
	return s.email < 0 || s.email < len(c.fields) && bytes.IndexByte(c.fields[s.email], '@') >= 0
}

// lineEnd decides at the line end at nl, inside a quoted field that has held n line ends so
// far (this one included), whether the quote runs away. more reports that the line after nl is
// not all in data and atEOF is false: no decision yet.
func (s *splitter) lineEnd(data []byte, nl, n int, atEOF bool) (runaway, limit, more bool) {
	if s.width == 0 {
		return false, false, false
	}
	if n >= maxQuotedLines {
		return true, true, false
	}
	rest := data[nl+1:]
	end := bytes.IndexByte(rest, '\n')
	line := rest
	switch {
	case end >= 0:
		line = rest[:end+1]
	case !atEOF:
		return false, false, true
	}
	if s.completeRow(line) {
		return true, false, false
	}
	if bytes.IndexByte(line, '"') < 0 || bytes.IndexByte(line, '@') < 0 {
		return false, false, false
	}
	// The line may start a row whose own quoted field goes on over the next lines (a
	// multi-line reason after a stray quote): split a few lines from it.
	window, lines := rest, 0
	for k := 0; k < len(rest) && k < maxRowWindow; k++ {
		if rest[k] == '\n' {
			if lines++; lines == maxRowLines {
				window = rest[:k+1]
				break
			}
		}
		if k+1 == maxRowWindow {
			window = rest[:k+1]
		}
	}
	if len(window) == len(rest) && lines < maxRowLines && !atEOF {
		return false, false, true
	}
	return s.completeRows(window), false, false
}

// maxRowLines and maxRowWindow bound the lines and bytes looked at for a row that spans lines
// when deciding whether a quoted field ran away into it.
const (
	maxRowLines  = 16
	maxRowWindow = 64 << 10
)

// completeRows reports whether text starts with one record of the header's width, spanning
// lines, with an @ in the email column.
func (s *splitter) completeRows(text []byte) bool {
	if s.width < 2 {
		return false
	}
	if s.check == nil {
		s.check = &splitter{delim: s.delim}
	}
	c := s.check
	c.scratch = c.scratch[:0]
	next, lines, rerr := c.split(text)
	if rerr != nil || lines < 2 || next > len(text) || len(c.fields) != s.width {
		return false
	}
	return s.email < 0 || s.email < len(c.fields) && bytes.IndexByte(c.fields[s.email], '@') >= 0
}

// maxFields is the most fields a record may have before it is one bad row: a row of millions
// of delimiters must not take memory in proportion to them (each field is a slice header).
func (s *splitter) maxFields() int {
	if s.width > 0 {
		return 2*s.width + 64
	}
	return 1 << 20
}

// split reads one record from the start of data. It returns the offset just past the record,
// the newlines the record contains, and an error; after an error, next and lines skip to the
// line after the error, where reading resumes.
func (s *splitter) split(data []byte) (next, lines int, rerr *recordError) {
	s.fields = s.fields[:0]
	end := bytes.IndexByte(data, '\n')
	line := data
	next = len(data)
	if end >= 0 {
		line = data[:end]
		next = end + 1
		lines = 1
	}
	if bytes.IndexByte(line, '"') < 0 {
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		for {
			i := bytes.IndexByte(line, s.delim)
			if i < 0 {
				s.fields = append(s.fields, line)
				if next > maxField {
					s.cutLong()
				}
				return next, lines, nil
			}
			s.fields = append(s.fields, line[:i])
			line = line[i+1:]
			if len(s.fields) > s.maxFields() {
				s.fields = s.fields[:0]
				return next, lines, &recordError{lines: lines - 1, column: 0, err: errTooWide}
			}
		}
	}
	return s.splitQuoted(data)
}

// splitQuoted is split's slow path for records with quotes.
func (s *splitter) splitQuoted(data []byte) (next, lines int, rerr *recordError) {
	type span struct {
		inScratch  bool
		start, end int
	}
	var spans [64]span
	sp := spans[:0]
	// scratch is reset per chunk, not per record: the fields of a whole chunk are kept.
	lineStart := 0
	fail := func(at int, err error) (int, int, *recordError) {
		re := &recordError{lines: lines, column: at - lineStart + 1, err: err}
		nl := bytes.IndexByte(data[at:], '\n')
		if nl < 0 {
			return len(data), lines, re
		}
		n := at + nl + 1
		return n, lines + 1, re
	}
	i := 0
	nextNL := -1 // the next newline at or after i once looked up; len(data) for none
	nextQ := -1  // the next quote at or after i, before nextNL, once looked up; else nextNL
	for {
		if i < len(data) && data[i] == '"' {
			i++
			start := i
			escaped := false
			held := 0 // line ends inside this field
			for {
				j := bytes.IndexByte(data[i:], '"')
				segEnd := len(data)
				if j >= 0 {
					segEnd = i + j
				}
				if nextNL < segEnd {
					// The quoted text may hold line ends (if nextNL is ahead of it, it holds none).
					for p := i; ; p++ {
						k := bytes.IndexByte(data[p:segEnd], '\n')
						if k < 0 {
							break
						}
						p += k
						lines++
						held++
						lineStart = p + 1
						if run, limit, _ := s.lineEnd(data, p, held, true); run {
							return p + 1, lines, &recordError{lines: lines - 1, column: 0,
								err: &runawayError{lines: lines, limit: limit, atLimit: held}}
						}
					}
				}
				if j < 0 {
					// Report the last line that has text on it.
					errLines, end := lines, len(data)
					if end > 0 && data[end-1] == '\n' {
						errLines--
						end--
					}
					lineStart = bytes.LastIndexByte(data[:end], '\n') + 1
					return len(data), lines, &recordError{lines: errLines, column: end - lineStart + 1, err: errUnfinished}
				}
				seg := data[i : i+j]
				if escaped {
					s.scratch = append(s.scratch, seg...)
				}
				i += j + 1
				if i < len(data) && data[i] == '"' {
					if !escaped {
						escaped = true
						s.scratch = append(s.scratch, data[start:i-1]...)
						start = len(s.scratch) - (i - 1 - start)
					}
					s.scratch = append(s.scratch, '"')
					i++
					continue
				}
				break
			}
			if escaped {
				sp = append(sp, span{true, start, len(s.scratch)})
			} else {
				sp = append(sp, span{false, start, i - 1})
			}
			if len(sp) > s.maxFields() {
				return fail(i, errTooWide)
			}
			switch {
			case i == len(data):
				next = i
			case data[i] == s.delim:
				i++
				continue
			case data[i] == '\n':
				next = i + 1
				lines++
			case data[i] == '\r' && (i+1 == len(data) || data[i+1] == '\n'):
				next = min(i+2, len(data))
				if i+1 < len(data) {
					lines++
				}
			default:
				return fail(i, errQuote)
			}
			break
		}
		// An unquoted field runs to the delimiter or the end of the line.
		if nextNL < i {
			if nl := bytes.IndexByte(data[i:], '\n'); nl >= 0 {
				nextNL = i + nl
			} else {
				nextNL = len(data)
			}
		}
		j := nextNL
		if d := bytes.IndexByte(data[i:nextNL], s.delim); d >= 0 {
			j = i + d
		}
		if nextQ < i {
			nextQ = nextNL
			if q := bytes.IndexByte(data[i:nextNL], '"'); q >= 0 {
				nextQ = i + q
			}
		}
		if nextQ < j {
			return fail(nextQ, errBareQuote)
		}
		end := j
		if (j == len(data) || data[j] == '\n') && end > i && data[end-1] == '\r' {
			end--
		}
		sp = append(sp, span{false, i, end})
		if len(sp) > s.maxFields() {
			return fail(j, errTooWide)
		}
		if j < len(data) && data[j] == s.delim {
			i = j + 1
			continue
		}
		if j < len(data) {
			lines++
			next = j + 1
		} else {
			next = j
		}
		break
	}
	for _, x := range sp {
		if x.inScratch {
			s.fields = append(s.fields, s.scratch[x.start:x.end:x.end])
		} else {
			s.fields = append(s.fields, data[x.start:x.end:x.end])
		}
	}
	if next > maxField {
		s.cutLong()
	}
	return next, lines, nil
}

// cut returns the length of the longest prefix of data that ends at a record boundary, by the
// splitter's rules (data starts at a boundary); atEOF says data is the rest of the input. It
// returns 0 when data holds no complete record. It looks at quotes and line ends only, so it
// runs at the speed of a byte search on most records.
func (s *splitter) cut(data []byte, atEOF bool) int {
	last := 0 // the last boundary seen
	toLineEnd := func(from int) (int, bool) {
		if nl := bytes.IndexByte(data[from:], '\n'); nl >= 0 {
			return from + nl + 1, true
		}
		return 0, false
	}
	i := 0
	for {
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			if atEOF {
				return len(data)
			}
			if nl := bytes.LastIndexByte(data[i:], '\n'); nl >= 0 {
				return i + nl + 1
			}
			return last
		}
		q += i
		if nl := bytes.LastIndexByte(data[i:q], '\n'); nl >= 0 {
			last = i + nl + 1
		}
		if q > 0 && data[q-1] != s.delim && data[q-1] != '\n' {
			// A bare quote: the record ends at the line end.
			n, ok := toLineEnd(q)
			if !ok {
				break
			}
			i, last = n, n
			continue
		}
		// A quoted field: find its closing quote, checking each line end it holds.
		j, held, ran := q+1, 0, false
		for !ran {
			k := bytes.IndexByte(data[j:], '"')
			segEnd := len(data)
			if k >= 0 {
				segEnd = j + k
			}
			for p := j; ; p++ {
				nl := bytes.IndexByte(data[p:segEnd], '\n')
				if nl < 0 {
					break
				}
				p += nl
				held++
				run, _, more := s.lineEnd(data, p, held, atEOF)
				if more {
					return last
				}
				if run {
					i, last, ran = p+1, p+1, true
					break
				}
			}
			if ran {
				break
			}
			if k < 0 {
				if atEOF {
					return len(data)
				}
				return last
			}
			j = segEnd + 1
			if j == len(data) {
				if atEOF {
					return len(data)
				}
				return last
			}
			if data[j] == '"' {
				j++
				continue
			}
			switch data[j] {
			case s.delim:
				i = j + 1
			case '\n':
				i, last = j+1, j+1
			case '\r':
				if j+1 == len(data) {
					if atEOF {
						return len(data)
					}
					return last
				}
				if data[j+1] == '\n' {
					i, last = j+2, j+2
					break
				}
				fallthrough
			default:
				// Text after the closing quote: the record ends at the line end.
				n, ok := toLineEnd(j)
				if !ok {
					if atEOF {
						return len(data)
					}
					return last
				}
				i, last = n, n
			}
			break
		}
	}
	if atEOF {
		return len(data)
	}
	return last
}

// cutLong replaces each field of the record just split that is longer than maxField by its
// first bytes (cut at a character boundary) followed by cutMark, maxField bytes in all.
func (s *splitter) cutLong() {
	for k, f := range s.fields {
		if len(f) <= maxField {
			continue
		}
		n := maxField - len(cutMark)
		for n > 0 && !utf8.RuneStart(f[n]) {
			n--
		}
		at := len(s.scratch)
		s.scratch = append(s.scratch, f[:n]...)
		s.scratch = append(s.scratch, cutMark...)
		s.fields[k] = s.scratch[at:len(s.scratch):len(s.scratch)]
	}
}

// allEmpty reports whether every field is empty.
func allEmpty(fields [][]byte) bool {
	for _, f := range fields {
		if len(f) > 0 {
			return false
		}
	}
	return true
}

// fieldError describes a field that cannot be kept.
func fieldError(col int, name, why string) error {
	return fmt.Errorf("column %d (%s): %s", col+1, name, why)
}
