package model

import (
	"bytes"
	"errors"
	"fmt"
)

// maxField is the longest field a row may have; longer ones make the row unreadable.
const maxField = 1 << 20

// maxRecord bounds how much of a broken file (an unterminated quote) is read ahead looking for
// the end of one record before the reader gives up on it and resyncs at the next line.
const maxRecord = 8 << 20

var (
	errBareQuote  = errors.New(`bare " in a field that does not start with a quote`)
	errQuote      = errors.New(`extraneous or missing " in a quoted field`)
	errUnfinished = errors.New(`quoted field not closed before the end of the record`)
)

// splitter cuts records into fields. Fields point into the data given, or into scratch when a
// quoted field had to be unescaped.
type splitter struct {
	delim   byte
	fields  [][]byte
	scratch []byte
}

// recordError is a record that could not be split: where (line offset from the record's start,
// 1-based byte column), why, and where the next record starts.
type recordError struct {
	lines  int // newlines between the record's start and the error
	column int
	err    error
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
				return next, lines, nil
			}
			s.fields = append(s.fields, line[:i])
			line = line[i+1:]
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
			for {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 {
					lines += bytes.Count(data[i:], []byte{'\n'})
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
				if nextNL < i+j {
					// The quoted text may hold line ends (if nextNL is ahead of it, it holds none).
					if k := bytes.Count(seg, []byte{'\n'}); k > 0 {
						lines += k
						lineStart = i + bytes.LastIndexByte(seg, '\n') + 1
					}
				}
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
		if j < len(data) && data[j] == '\n' && end > i && data[end-1] == '\r' {
			end--
		}
		sp = append(sp, span{false, i, end})
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
	return next, lines, nil
}

// cutRecords returns the length of the longest prefix of buf that ends at a record boundary: a
// newline preceded by an even number of quotes (buf starts at a boundary). It returns 0 when
// buf holds no complete record.
func cutRecords(buf []byte) int {
	odd := bytes.Count(buf, []byte{'"'})&1 == 1
	end := len(buf)
	for {
		nl := bytes.LastIndexByte(buf[:end], '\n')
		if nl < 0 {
			return 0
		}
		if bytes.Count(buf[nl:end], []byte{'"'})&1 == 1 {
			odd = !odd
		}
		if !odd {
			return nl + 1
		}
		end = nl
	}
}

// fieldError describes a field that cannot be kept.
func fieldError(col int, name, why string) error {
	return fmt.Errorf("column %d (%s): %s", col+1, name, why)
}
