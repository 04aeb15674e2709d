package model

import (
	"encoding/csv"
	"encoding/json"
	"maps"
	"strings"
	"testing"
)

// attributeCells are attributes cells as encoding/csv hands them over: the shapes of real
// extracts, and the edges of JSON the scanner must read as encoding/json does or leave to it.
var attributeCells = []string{
	`{"Campaign Run ID":"51168","Category":"2","Choice Number":"0","Details":"550 5.1.1 <angelp@birchwood.co>... User unknown","Email":"angelp@birchwood.co","Step ID":"9024","Subcategory":"2003"}`,
	`{"Details":"550-5.1.1 a\n550 5.1.1 b","Email":"a@b.com"}`,
	"{\"Details\":\"550-5.1.1 a\r\n550 5.1.1 b\tc\x01\",\"Email\":\"a@b.com\"}",
	"{\n\t\"Details\" : \"raw\nbreak\" ,\r\n \"Category\":1}",
	`{"Details":"caf\u00e9 \ud83d\ude00 lone \ud83d and \ude00 \ud83d\u0041 \u0000","Email":"\u0041@b.com"}`,
	`{"Details":"quote \" slash \/ back \\ \b\f\n\r\t"}`,
	`{"Category":2,"Subcategory":2.0,"Details":1e3,"Email":-0,"x":1.5E-7,"y":123456789012345678901234567890}`,
	`{"Category":true,"Subcategory":false,"Details":null,"Email":"null"}`,
	`{"Details":"first","Details":"second"}`,
	`{"Details":"a","details":"b","DETAILS":"c","De tails":"d","Dét":"e","Deta\u0130ls":"f"}`,
	`{"sub-category":"3001","E-Mail":"x@y.z","Category ":"4"}`,
	`{}`,
	` { } `,
	`{"Details":"éè 日本"}`,
	`{"Details":"bad utf8 ` + "\xff" + `"}`,
	`{"Details":{"nested":1},"Email":"a@b.com"}`,
	`{"Details":["a"]}`,
	`[{"name":"Details","value":"550 user unknown"},{"name":"Email","value":"a@b.com"}]`,
	`{"Details":`,
	`{"Details":"x",}`,
	`{"Details":"x"} trailing`,
	`{"Details":"x"}}`,
	`{"Details":01}`,
	`{"Details":1.}`,
	`{"Details":1e}`,
	`{"Details":+1}`,
	`{"Details":1e400}`,
	`{"Details":tru}`,
	`{"Details":"\x"}`,
	`{"Details":"\u12"}`,
	`{Details:"x"}`,
	`{"Details" "x"}`,
	`{'Details':'x'}`,
	"{\"Details\":\"a\\\nb\"}",
	"{\x01\"Details\":\"x\"}",
	`"just a string"`,
	`42`,
	`null`,
}

// commonCells must be read by the scanner, not left to encoding/json.
var commonCells = attributeCells[:14]

// checkAttributes fails when the scanner reads cell otherwise than decodeAttributes, or when
// parseAttributes, fast or not, gives what decodeAttributes does not.
func checkAttributes(t *testing.T, cell string) (scanned bool) {
	t.Helper()
	cell = strings.TrimSpace(cell)
	if cell == "" || cell == "null" {
		return false
	}
	want, wantErr := decodeAttributes(cell)
	// Names that normalise alike are read in any order from encoding/json's map: any of their
	// values may win.
	candidates := map[string][]string{}
	var raw map[string]any
	if wantErr == nil && cell[0] == '{' {
		if err := json.Unmarshal([]byte(string(escapeRawControls(cell))), &raw); err != nil {
			t.Fatalf("%q: decodeAttributes read it, json.Unmarshal: %v", cell, err)
		}
		for k, v := range raw {
			candidates[normalize(k)] = append(candidates[normalize(k)], scalar(v))
		}
	}
	got := map[string]string{}
	scanned = scanAttributes(cell, func(name string, v jsonScalar) { got[normalize(name)] = v.text() })
	if scanned {
		if wantErr != nil {
			t.Fatalf("%q: scanned as %q, encoding/json fails: %v", cell, got, wantErr)
		}
		if !maps.EqualFunc(got, candidates, func(g string, c []string) bool { return contains(c, g) }) {
			t.Fatalf("%q: scanned %q, encoding/json reads %q", cell, got, candidates)
		}
		if len(candidates) == len(want) && !maps.Equal(got, want) && !collide(candidates) {
			t.Fatalf("%q: scanned %q, decodeAttributes %q", cell, got, want)
		}
	}
	a, err := parseAttributes(cell)
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("%q: parseAttributes error %v, decodeAttributes %v", cell, err, wantErr)
	}
	for _, name := range []string{"details", "email", "category", "subcategory"} {
		v := a.get(name)
		if c, ok := candidates[name]; ok && !contains(c, v) || !ok && err == nil && v != want[name] {
			t.Fatalf("%q: %s is %q, encoding/json reads %q", cell, name, v, want[name])
		}
	}
	return scanned
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func collide(candidates map[string][]string) bool {
	for _, c := range candidates {
		if len(c) > 1 {
			return true
		}
	}
	return false
}

func TestScanAttributesAsEncodingJSON(t *testing.T) {
	for _, cell := range attributeCells {
		checkAttributes(t, cell)
	}
	for _, cell := range commonCells {
		if !checkAttributes(t, cell) {
			t.Errorf("%q: left to encoding/json", cell)
		}
	}
}

func TestScanAttributesLastNameWins(t *testing.T) {
	a, err := parseAttributes(`{"Details":"a","details":"b","Email":"x","Email":"y"}`)
	if err != nil || a.details != "b" || a.email != "y" {
		t.Errorf("details %q, email %q, %v: want the last of each name", a.details, a.email, err)
	}
}

// FuzzScanAttributes checks that the scanner reads any attributes cell as encoding/json does,
// or leaves it to encoding/json; seeded with cells as encoding/csv reads them from an extract.
func FuzzScanAttributes(f *testing.F) {
	for _, cell := range attributeCells {
		f.Add(cell)
	}
	row := `1,7,2026-11-03T09:00:00Z,8,4,6,mail,"{""Details"":""550 """"quoted"""" \n and` + "\nraw" + `"",""Email"":""a@b.com""}"` + "\n"
	if rec, err := csv.NewReader(strings.NewReader(row)).Read(); err == nil {
		f.Add(rec[7])
	}
	f.Fuzz(func(t *testing.T, cell string) {
		checkAttributes(t, cell)
	})
}
