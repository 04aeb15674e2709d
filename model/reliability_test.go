package model

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// strayQuote returns a generated export of n leads whose row on line 4 opens a quote it never
// closes.
func strayQuote(n int) []byte {
	data := genCSV(n)
	lines := bytes.SplitAfter(data, []byte("\r\n"))
	var b bytes.Buffer
	line := 0
	for _, l := range lines {
		line += bytes.Count(l, []byte("\n"))
		if line == 4 {
			b.WriteString("999,Stray,Quote,stray@example.com,\"Acme,true,550 5.1.1 x,false,,,false,,,\r\n")
			line++
		}
		b.Write(l)
	}
	return b.Bytes()
}

// One stray quote costs one row, named with the lines it covered; every other row is read.
func TestStrayQuoteCostsOneRow(t *testing.T) {
	for _, n := range []int{50, 250_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ds, err := LoadReader(context.Background(), bytes.NewReader(strayQuote(n)), "stray.csv", testOptions())
			if err != nil {
				t.Fatal(err)
			}
			checkTotals(t, ds)
			if len(ds.Leads) != n || len(ds.Skipped) != 1 {
				t.Fatalf("%d leads and %d skipped, want %d and 1 (%v)", len(ds.Leads), len(ds.Skipped), n, ds.Skipped)
			}
			pe := ds.Skipped[0]
			if pe.StartLine != 4 || !strings.Contains(pe.Error(), "1 line") {
				t.Errorf("skipped %v, want the row on line 4 and the lines it covered", pe)
			}
			for _, l := range ds.Leads {
				if l.Email == "stray@example.com" {
					t.Error("kept the broken row")
				}
			}
		})
	}
}

// A quote that stays open for more lines than any reason spans is one bad row of that many
// lines; reading goes on after it.
func TestRunawayQuoteStopsAtTheLineLimit(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Email Address,Email Invalid Cause,Notes\n")
	b.WriteString("a@example.com,550 5.1.1 unknown,x\n")
	b.WriteString("b@example.com,\"550 open\n")
	for range maxQuotedLines + 10 {
		b.WriteString("just text\n")
	}
	b.WriteString("c@example.com,550 5.1.1 unknown,y\n")
	ds, err := LoadReader(context.Background(), &b, "runaway.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 2 || ds.Leads[1].Email != "c@example.com" {
		t.Fatalf("leads %d (%v), want a and c", len(ds.Leads), ds.Skipped)
	}
	if pe := ds.Skipped[0]; pe.StartLine != 3 || !strings.Contains(pe.Error(), fmt.Sprintf("%d lines", maxQuotedLines)) {
		t.Errorf("first skip %v", pe)
	}
}

// wideHeader is an export of one row with n extra columns, all named x (same) or x0, x1, ...
func wideHeader(n int, same bool) []byte {
	var b bytes.Buffer
	b.WriteString("Email Address,Email Invalid Cause")
	for i := range n {
		if same {
			b.WriteString(",x")
		} else {
			fmt.Fprintf(&b, ",x%d", i)
		}
	}
	b.WriteString("\na@example.com,550 5.1.1 unknown")
	b.WriteString(strings.Repeat(",v", n))
	b.WriteString("\n")
	return b.Bytes()
}

// Header handling is linear in the number of columns, repeated names or not: allocations
// (a deterministic stand-in for work) grow with the column count, not its square.
func TestWideHeaderIsLinear(t *testing.T) {
	for _, same := range []bool{true, false} {
		allocs := func(n int) float64 {
			data := wideHeader(n, same)
			return testing.AllocsPerRun(2, func() {
				ds, err := LoadReader(context.Background(), bytes.NewReader(data), "wide.csv", testOptions())
				if err != nil || len(ds.Leads) != 1 || len(ds.ExtraColumns) != n {
					t.Fatalf("%v, %d extra columns of %d", err, len(ds.ExtraColumns), n)
				}
			})
		}
		small, large := allocs(1000), allocs(8000)
		if large > 12*small {
			t.Errorf("same names %v: %.0f allocations for 1000 columns, %.0f for 8000: not linear", same, small, large)
		}
	}
}

// Memory follows what was read: a gzip trailer that claims 4 GB does not size the leads.
func TestForgedGzipTrailerDoesNotSizeTheLeads(t *testing.T) {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	text := genCSV(100000) // well over the 4 MB the loader samples before it sizes
	zw.Write(text)
	zw.Close()
	data := z.Bytes()
	binary.LittleEndian.PutUint32(data[len(data)-4:], 0xfffffff0)
	path := filepath.Join(t.TempDir(), "forged.csv.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Load(context.Background(), []string{path}, testOptions())
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("error %v, want the bad trailer named", err)
	}
	got := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB to read %d MB", got>>20, len(text)>>20)
	if got > 40*uint64(len(text)) {
		t.Errorf("allocated %d MB to read %d MB", got>>20, len(text)>>20)
	}
}

// Rows of delimiters only (what spreadsheets save for empty rows) are blank lines: they cost
// no lead.
func TestCommaOnlyRowsAreBlank(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Email Address,Email Invalid Cause,Notes\r\n")
	b.WriteString("a@example.com,550 5.1.1 unknown,x\r\n")
	for range 10000 {
		b.WriteString(",,\r\n")
	}
	b.WriteString("\"\",\"\",\"\"\r\nb@example.com,550 5.1.1 unknown,y\r\n")
	ds, err := LoadReader(context.Background(), &b, "commas.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	if len(ds.Leads) != 2 || ds.Rows != 2 || cap(ds.Leads) > 4096 {
		t.Errorf("%d leads of %d rows in room for %d, want 2 of 2", len(ds.Leads), ds.Rows, cap(ds.Leads))
	}
}

// An export none of whose rows can be read is an error, not an empty dataset.
func TestNothingReadableIsAnError(t *testing.T) {
	data := "Email Address,Email Invalid,Email Invalid Cause\na@example.com,true,550,x,y,z\nb@example.com,true,550,x,y,z\n"
	_, err := LoadReader(context.Background(), strings.NewReader(data), "bad.csv", testOptions())
	if err == nil || !strings.Contains(err.Error(), "bad.csv") || !strings.Contains(err.Error(), "2 unreadable rows") {
		t.Errorf("error %v, want one naming the file and its 2 unreadable rows", err)
	}
}

// C1 controls (one-character CSI, OSC, NEL...) are dropped at load like C0 ones, in cells and
// in column names; the rest of the text and the row are kept.
func TestC1ControlsAreDroppedAtLoad(t *testing.T) {
	data := "Email Address,Email Invalid Cause,Note\u009b31m\na@example.com,550 5.1.1 \u009d0;x\u009cunknown \u0085ok,caf\xe9\u0090\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(data), "c1.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 1 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
	l := ds.Leads[0]
	if l.Reason != "550 5.1.1 0;xunknown ok" || ds.ExtraColumns[0] != "Note" {
		t.Errorf("reason %q, column %q, note %q", l.Reason, ds.ExtraColumns[0], l.Extra[0])
	}
	for _, s := range []string{l.Reason, ds.ExtraColumns[0], l.Extra[0]} {
		if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f }) {
			t.Errorf("%q keeps a C1 control", s)
		}
	}
}

// A lead's domain is that of its trimmed address, and none when the cell is not one address
// (a planted second address after a line break does not lend its domain).
func TestDomainOfTheTrimmedAddressOnly(t *testing.T) {
	for cell, want := range map[string]string{
		" ann@Gmail.com\u00a0":         "Gmail.com",
		"ann@example.com\nx@evil.test": "",
		"NULL":                         "",
		"=HYPERLINK(\"x@evil.test\")":  "",
		"bob@kestrel-energy.com":       "kestrel-energy.com",
	} {
		l := Lead{Email: cell}
		if got := l.Domain(); got != want {
			t.Errorf("Domain(%q) = %q, want %q", cell, got, want)
		}
	}
	ds := &Dataset{Leads: []Lead{{Email: "  ann@gmail.com "}, {Email: "bob@yahoo.com"}}}
	if got := ds.Select(Filter{Domain: "gmail.com"}); len(got) != 1 {
		t.Errorf("--domain gmail.com selects %v, want the padded address", got)
	}
}

// --format emails writes valid addresses only, trimmed, and none a spreadsheet would run;
// EmailsLeftOut counts every lead left out, blank cells included.
func TestExportEmailsWritesAddressesOnly(t *testing.T) {
	ds := &Dataset{Leads: []Lead{{Email: " ann@example.com\t"}, {Email: "NULL"}, {Email: "   "},
		{Email: "=1+1@x.com"}, {Email: "a@example.com\nb@evil.test"}, {Email: "bob@example.org"}, {Email: ""}}}
	var b bytes.Buffer
	if err := ds.Export(&b, ds.All(), ExportOptions{Format: "emails"}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "ann@example.com\nbob@example.org\n" {
		t.Errorf("emails export %q", got)
	}
	if n := ds.EmailsLeftOut(ds.All()); n != 5 {
		t.Errorf("left out %d, want 5", n)
	}
	b.Reset()
	if err := ds.Export(&b, ds.All(), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "Email Address,First Name,Last Name,Company Name\nann@example.com,,,\nbob@example.org,,,\n" {
		t.Errorf("csv export %q", got)
	}
}

// Old Mac Excel ends lines with CR only: they are line ends.
func TestCROnlyLineEnds(t *testing.T) {
	data := "Email Address,Email Invalid Cause\ra@example.com,550 5.1.1 unknown\rb@example.com,\"552 mailbox\rfull\"\r"
	ds, err := LoadReader(context.Background(), strings.NewReader(data), "mac.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Leads) != 2 || ds.Leads[1].Email != "b@example.com" || ds.Leads[1].Line != 3 {
		t.Fatalf("%d leads, skipped %v", len(ds.Leads), ds.Skipped)
	}
}

// UTF-32 with a byte order mark is read (it is not UTF-16).
func TestUTF32WithBOM(t *testing.T) {
	text := "Email Address,Email Invalid Cause\r\nzoë@example.com,550 5.1.1 unknown\r\n"
	for _, le := range []bool{true, false} {
		var b bytes.Buffer
		for _, r := range "\uFEFF" + text {
			var w [4]byte
			if le {
				binary.LittleEndian.PutUint32(w[:], uint32(r))
			} else {
				binary.BigEndian.PutUint32(w[:], uint32(r))
			}
			b.Write(w[:])
		}
		ds, err := LoadReader(context.Background(), &b, "utf32.csv", testOptions())
		if err != nil {
			t.Errorf("little endian %v: %v", le, err)
			continue
		}
		if len(ds.Leads) != 1 || ds.Leads[0].Email != "zoë@example.com" {
			t.Errorf("little endian %v: %d leads", le, len(ds.Leads))
		}
	}
}

// A row of millions of delimiters is one bad row, and its fields take no memory: each field
// would be a 24-byte slice header, 24 times the row's size.
func TestRowOfMillionsOfDelimitersIsBounded(t *testing.T) {
	for _, row := range []string{strings.Repeat(",", 4<<20), strings.Repeat(`"",`, 2<<20)} {
		data := "Email Address,Email Invalid Cause,Name\n" + row + "\na@example.com,550 5.1.1 user unknown,x\n"
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ds, err := LoadReader(context.Background(), strings.NewReader(data), "wide.csv", testOptions())
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > uint64(6*len(data))+32<<20 {
			t.Errorf("%d bytes allocated to read %d", got, len(data))
		}
		if len(ds.Leads) != 1 || len(ds.Skipped) != 1 || ds.Skipped[0].Line != 2 {
			t.Errorf("%d leads, skipped %v; want the address kept and line 2 skipped", len(ds.Leads), ds.Skipped)
		}
	}
}

// A stray quote just before a row whose own reason spans lines costs only its own line: the
// next row is found even though it is not complete on one line.
func TestStrayQuoteBeforeAMultiLineRow(t *testing.T) {
	data := "Email Address,First Name,Email Invalid Cause\n" +
		"bad@example.com,\"Bad,550 5.1.1 user unknown\n" +
		"a@example.com,A,\"550-5.7.1 [192.0.2.1] Our system has detected, an unusual rate\n" +
		"550 5.7.1 of unsolicited mail, originating from your IP address\"\n" +
		"b@example.com,B,550 5.1.1 user unknown\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(data), "stray.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, ds)
	var got []string
	for _, l := range ds.Leads {
		got = append(got, l.Email)
	}
	if strings.Join(got, " ") != "a@example.com b@example.com" || len(ds.Skipped) != 1 || ds.Skipped[0].Line != 2 {
		t.Errorf("leads %q, skipped %v; want a and b kept, line 2 skipped", got, ds.Skipped)
	}
	if len(ds.Leads) == 2 && !strings.Contains(ds.Leads[0].Reason, "originating from your IP") {
		t.Errorf("a's reason lost its second line: %q", ds.Leads[0].Reason)
	}
}
