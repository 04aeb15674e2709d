package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// attributes are the attributes of an activity the conversion reads.
type attributes struct {
	details, email, category, subcategory string
}

// get returns the attribute of this normalised name; "" for one not read.
func (a attributes) get(name string) string {
	switch name {
	case "details":
		return a.details
	case "email":
		return a.email
	case "category":
		return a.category
	case "subcategory":
		return a.subcategory
	}
	return ""
}

// slot is where the attribute of this name (as written, not normalised) is kept; nil for one
// not read.
func (a *attributes) slot(name string) *string {
	var buf [16]byte
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return a.normalizedSlot(normalize(name))
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			continue
		}
		if n == len(buf) {
			return nil // longer than any name read, whatever follows
		}
		buf[n] = c
		n++
	}
	return a.normalizedSlot(string(buf[:n]))
}

func (a *attributes) normalizedSlot(name string) *string {
	switch name {
	case "details":
		return &a.details
	case "email":
		return &a.email
	case "category":
		return &a.category
	case "subcategory":
		return &a.subcategory
	}
	return nil
}

// parseAttributes reads the attributes cell: a JSON object of name to value (a bulk extract),
// or an array of {"name", "value"} objects (the REST API's shape). Line breaks and tabs written
// raw inside its strings are accepted. The common cell, an object of strings, numbers, booleans
// and nulls, is read by scanAttributes without building a map; anything else by
// decodeAttributes, which reads the same cells the same way.
func parseAttributes(cell string) (attributes, error) {
	cell = strings.TrimSpace(cell)
	var a attributes
	if cell == "" || cell == "null" {
		return a, nil
	}
	if scanAttributes(cell, func(name string, v jsonScalar) {
		if p := a.slot(name); p != nil {
			*p = v.text()
		}
	}) {
		return a, nil
	}
	m, err := decodeAttributes(cell)
	if err != nil {
		return a, err
	}
	for name, v := range m {
		if p := a.normalizedSlot(name); p != nil {
			*p = v
		}
	}
	return a, nil
}

// decodeAttributes reads an attributes cell (trimmed, not empty) with encoding/json: every
// attribute by normalised name, its value as text.
func decodeAttributes(cell string) (map[string]string, error) {
	a := map[string]string{}
	data := cell
	if hasControl(cell) {
		data = string(escapeRawControls(cell))
	}
	if cell[0] == '[' {
		var list []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		}
		if err := json.Unmarshal([]byte(data), &list); err != nil {
			return nil, jsonError(err)
		}
		for _, kv := range list {
			a[normalize(kv.Name)] = scalar(kv.Value)
		}
		return a, nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		return nil, jsonError(err)
	}
	for k, v := range m {
		a[normalize(k)] = scalar(v)
	}
	return a, nil
}

// hasControl reports whether s holds a control character below space.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' {
			return true
		}
	}
	return false
}

func jsonError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("not a JSON object (%v at byte %d)", se, se.Offset)
	}
	return fmt.Errorf("not a JSON object of attributes (%v)", err)
}

// scalar writes a JSON value as text; objects and arrays as JSON.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// escapeRawControls escapes the control characters written raw inside JSON strings (a line
// break in Details), which JSON does not allow there.
func escapeRawControls(s string) []byte {
	b := make([]byte, 0, len(s)+16)
	in, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < ' ':
			switch c {
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, fmt.Sprintf(`\u%04x`, c)...)
			}
			continue
		}
		b = append(b, c)
	}
	return b
}

// jsonScalar is a string, number, boolean or null as an attributes cell holds it: raw is its
// JSON text, checked; for a string without quotes, escaped when escaped is set.
type jsonScalar struct {
	raw     string
	kind    byte // '"' a string, '0' a number, 't' true, 'f' false, 'n' null
	escaped bool
}

// text is the value as decodeAttributes writes it.
func (v jsonScalar) text() string {
	switch v.kind {
	case '"':
		if v.escaped {
			return unescapeJSON(v.raw)
		}
		return v.raw
	case '0':
		f, _ := strconv.ParseFloat(v.raw, 64) // checked by scanAttributes
		return strconv.FormatFloat(f, 'f', -1, 64)
	case 't':
		return "true"
	case 'f':
		return "false"
	}
	return ""
}

// scanAttributes reads an attributes cell (trimmed) that is a JSON object whose values are
// strings, numbers, booleans or nulls, control characters allowed raw inside its strings,
// calling member for each attribute in order, its name unescaped. It returns false, perhaps
// after some calls, for anything else: another shape, a nested value, invalid UTF-8 or JSON,
// a number out of range; the cell is then decodeAttributes's to read.
func scanAttributes(s string, member func(name string, v jsonScalar)) bool {
	i := skipJSONSpace(s, 0)
	if i == len(s) || s[i] != '{' {
		return false
	}
	i = skipJSONSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return skipJSONSpace(s, i+1) == len(s)
	}
	for {
		if i == len(s) || s[i] != '"' {
			return false
		}
		key, next, ok := scanJSONString(s, i)
		if !ok {
			return false
		}
		i = skipJSONSpace(s, next)
		if i == len(s) || s[i] != ':' {
			return false
		}
		i = skipJSONSpace(s, i+1)
		v, next, ok := scanJSONScalar(s, i)
		if !ok {
			return false
		}
		name := key.raw
		if key.escaped {
			name = unescapeJSON(key.raw)
		}
		member(name, v)
		i = skipJSONSpace(s, next)
		if i == len(s) {
			return false
		}
		switch s[i] {
		case ',':
			i = skipJSONSpace(s, i+1)
		case '}':
			return skipJSONSpace(s, i+1) == len(s)
		default:
			return false
		}
	}
}

func skipJSONSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// scanJSONScalar reads the value at s[i]; next is the index after it.
func scanJSONScalar(s string, i int) (v jsonScalar, next int, ok bool) {
	if i == len(s) {
		return v, 0, false
	}
	switch c := s[i]; {
	case c == '"':
		return scanJSONString(s, i)
	case c == '-' || '0' <= c && c <= '9':
		return scanJSONNumber(s, i)
	case strings.HasPrefix(s[i:], "true"):
		return jsonScalar{raw: "true", kind: 't'}, i + 4, true
	case strings.HasPrefix(s[i:], "false"):
		return jsonScalar{raw: "false", kind: 'f'}, i + 5, true
	case strings.HasPrefix(s[i:], "null"):
		return jsonScalar{raw: "null", kind: 'n'}, i + 4, true
	}
	return v, 0, false
}

// scanJSONString reads the string whose opening quote is s[i]: its escapes must be JSON's and
// its text valid UTF-8; control characters are taken as they are.
func scanJSONString(s string, i int) (v jsonScalar, next int, ok bool) {
	start := i + 1
	j := start
	for {
		q := strings.IndexByte(s[j:], '"')
		if q < 0 {
			return v, 0, false
		}
		bs := strings.IndexByte(s[j:j+q], '\\')
		if bs < 0 {
			j += q
			break
		}
		v.escaped = true
		j += bs + 1
		if j == len(s) {
			return v, 0, false
		}
		switch s[j] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			j++
		case 'u':
			if j+5 > len(s) || hex4(s[j+1:j+5]) < 0 {
				return v, 0, false
			}
			j += 5
		default:
			return v, 0, false
		}
	}
	v.raw, v.kind = s[start:j], '"'
	if !utf8.ValidString(v.raw) {
		return v, 0, false
	}
	return v, j + 1, true
}

// hex4 is the value of four hexadecimal digits, or -1.
func hex4(s string) rune {
	var r rune
	for k := 0; k < 4; k++ {
		c := s[k]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// scanJSONNumber reads the number at s[i]; it must be a float64, as encoding/json decodes it.
func scanJSONNumber(s string, i int) (v jsonScalar, next int, ok bool) {
	j := i
	if s[j] == '-' {
		j++
	}
	digits := func() int {
		k := j
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		return j - k
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case digits() == 0:
		return v, 0, false
	}
	if j < len(s) && s[j] == '.' {
		j++
		if digits() == 0 {
			return v, 0, false
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if digits() == 0 {
			return v, 0, false
		}
	}
	v.raw, v.kind = s[i:j], '0'
	if _, err := strconv.ParseFloat(v.raw, 64); err != nil {
		return v, 0, false
	}
	return v, j, true
}

// unescapeJSON undoes the escapes of a string scanJSONString checked, as encoding/json does: a
// surrogate not in a pair is U+FFFD.
func unescapeJSON(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		i++
		switch c = s[i]; c {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(s[i+1 : i+5])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+7 <= len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					r2 = hex4(s[i+3 : i+7])
				}
				r = utf16.DecodeRune(r, r2) // U+FFFD unless a pair
				if r != utf8.RuneError {
					i += 6
				}
			}
			b = utf8.AppendRune(b, r)
		default: // '"', '\\', '/'
			b = append(b, c)
		}
		i++
	}
	return string(b)
}
