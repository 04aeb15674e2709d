package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// decode undoes what stands between r and UTF-8 CSV text: gzip (by its magic bytes), a UTF-32
// or UTF-16 byte order mark (converted to UTF-8) or a UTF-8 one (dropped), CR-only line ends
// (read as LF). It rejects what is clearly not
// CSV: an empty file, a zip or Excel workbook, JSON, binary data.
func decode(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
		if head, err = br.Peek(4); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
	}
	switch {
	case len(head) >= 4 && (string(head) == "\xff\xfe\x00\x00" || string(head) == "\x00\x00\xfe\xff"):
		dec := utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	case len(head) >= 2 && (head[0] == 0xff && head[1] == 0xfe || head[0] == 0xfe && head[1] == 0xff):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	case len(head) >= 3 && head[0] == 0xef && head[1] == 0xbb && head[2] == 0xbf:
		br.Discard(3)
	case len(head) >= 4 && string(head) == "PK\x03\x04":
		return nil, errors.New("is a zip archive or an Excel workbook, not CSV: save it as CSV (comma or tab separated) and try again")
	}
	sniff, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(bytes.TrimSpace(sniff)) == 0 {
		return nil, errors.New("is empty: no header and no rows")
	}
	if looksBinary(sniff) {
		if len(sniff) >= 4 && (sniff[0] == 0) != (sniff[1] == 0) && (sniff[2] == 0) != (sniff[3] == 0) {
			return nil, errors.New("looks like UTF-16 text without a byte order mark: save it as UTF-8 (or UTF-16 with a BOM)")
		}
		return nil, errors.New("is not text (binary data): is it really a CSV export?")
	}
	if bytes.IndexByte(sniff, '\r') >= 0 && bytes.IndexByte(sniff, '\n') < 0 {
		// Line ends are CR only (old Mac Excel): read them as LF.
		br = bufio.NewReaderSize(crReader{br}, 64<<10)
	}
	if t := bytes.TrimLeft(sniff, " \t\r\n"); len(t) > 1 && (t[0] == '{' || t[0] == '[' && bytes.ContainsAny(t[1:2], "{[\"\r\n \t]")) {
		return br, errJSON
	}
	return br, nil
}

// errJSON is decode's answer for a file that starts like JSON: it is read by readJSON.
var errJSON = errors.New("looks like JSON")

// crReader turns every CR into LF: the text of a file whose lines end in CR only.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\r')
		if j < 0 {
			break
		}
		p[i+j] = '\n'
		i += j + 1
	}
	return n, err
}

// looksBinary reports whether the start of a file holds many control bytes (NUL among them) or
// bytes that are neither UTF-8 nor Latin-1 text. A stray NUL in one field does not make a file
// binary: the field loses it and the row is kept.
func looksBinary(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			ctl++
		}
	}
	if ctl*20 > len(b) {
		return true
	}
	if !utf8.Valid(b) {
		// Latin-1 text is repairable; random bytes are mostly invalid sequences.
		bad, total := 0, len(b)
		for len(b) > 0 {
			r, n := utf8.DecodeRune(b)
			if r == utf8.RuneError && n == 1 {
				bad++
			}
			b = b[n:]
		}
		return bad*4 > total && bad > 64
	}
	return false
}

// sniffDelimiter picks the delimiter of a header line: the most frequent of comma, tab and
// semicolon outside quotes; comma when none.
func sniffDelimiter(line []byte) byte {
	var n [3]int
	in := false
	for _, c := range line {
		switch c {
		case '"':
			in = !in
		case ',':
			if !in {
				n[0]++
			}
		case '\t':
			if !in {
				n[1]++
			}
		case ';':
			if !in {
				n[2]++
			}
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return '\t'
	case n[2] > n[0] && n[2] > n[1]:
		return ';'
	}
	return ','
}
