package codes

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

var explainInputs = []string{
	"smtp; 550 5.1.1 <kijitora@example.com>: Recipient address rejected: User unknown",
	"",
	"421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1",
	"Mailbox full",
	"552\t5.2.2 over quota\r\nsecond line",
}

func TestWriteExplainTSV(t *testing.T) {
	var out bytes.Buffer
	if err := WriteExplain(&out, "tsv", slices.Values(explainInputs)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if lines[0] != "basic\tenhanced\tclass\treason\texplanation" {
		t.Fatalf("header = %q", lines[0])
	}
	if len(lines) != 1+len(explainInputs) {
		t.Fatalf("%d lines, want header + %d: %q", len(lines), len(explainInputs), out.String())
	}
	want := [][4]string{
		{"550", "5.1.1", "hard", "userunknown"},
		{"", "", "unknown", "undefined"},
		{"421", "4.7.0", "soft", "badreputation"},
		{"", "", "soft", "mailboxfull"},
		{"552", "5.2.2", "hard", "mailboxfull"},
	}
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Errorf("line %d has %d fields: %q", i+2, len(f), line)
			continue
		}
		if [4]string(f[:4]) != want[i] {
			t.Errorf("line %d = %q, want %q", i+2, f[:4], want[i])
		}
		x := Explain(explainInputs[i])
		if f[4] != tsvField(x.Explanation) {
			t.Errorf("line %d explanation = %q, want %q", i+2, f[4], x.Explanation)
		}
		if strings.ContainsAny(line, "\r") {
			t.Errorf("line %d holds a carriage return: %q", i+2, line)
		}
	}
}

func TestWriteExplainJSON(t *testing.T) {
	var out bytes.Buffer
	if err := WriteExplain(&out, "json", slices.Values(explainInputs)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(explainInputs) {
		t.Fatalf("%d lines, want %d", len(lines), len(explainInputs))
	}
	for i, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d does not parse: %v: %s", i+1, err, line)
		}
		for _, k := range []string{"basic", "enhanced", "class", "reason", "explanation", "advice"} {
			if _, ok := m[k].(string); !ok {
				t.Errorf("line %d: key %q missing or not a string: %s", i+1, k, line)
			}
		}
		if len(m) != 6 {
			t.Errorf("line %d has %d keys, want 6: %s", i+1, len(m), line)
		}
		b := Classify(explainInputs[i])
		if m["basic"] != basicText(b.Basic) || m["enhanced"] != b.Enhanced.String() || m["class"] != b.Class.String() || m["reason"] != b.Reason.String() {
			t.Errorf("line %d = %s, want %v", i+1, line, b)
		}
	}
	if !strings.HasPrefix(lines[1], `{"basic":"","enhanced":"",`) {
		t.Errorf("absent codes should be empty strings: %s", lines[1])
	}
}

func TestWriteExplainText(t *testing.T) {
	inputs := []string{
		"550 5.1.1 user unknown",
		"554 5.7.1 \x1b[31mblocked\x1b[0m using Spamhaus\x1b]0;pwned\x07 \u202eevil\u202c \xff end",
	}
	var out bytes.Buffer
	if err := WriteExplain(&out, "", slices.Values(inputs)); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"550 5.1.1 user unknown\n", "5.1.1", "userunknown", "address at fault: yes", "\n\n554 5.7.1 blocked using Spamhaus evil \ufffd end\n", "blocked", "address at fault: no"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.ContainsAny(s, "\x1b\x07\u202e") || strings.Contains(s, "pwned") {
		t.Errorf("control sequences reached the output: %q", s)
	}
	if n := strings.Count(s, "\n\n"); n != 1 {
		t.Errorf("%d blank lines between 2 items, want 1", n)
	}
}

func TestWriteExplainUnknownFormat(t *testing.T) {
	err := WriteExplain(&bytes.Buffer{}, "xml", slices.Values([]string{"550"}))
	if err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("err = %v, want an unknown format error", err)
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteExplainReportsWriteErrors(t *testing.T) {
	many := slices.Repeat([]string{"550 5.1.1 user unknown"}, 200)
	for _, format := range []string{"text", "tsv", "json"} {
		if err := WriteExplain(failingWriter{}, format, slices.Values(many)); !errors.Is(err, errDiskFull) {
			t.Errorf("%s: err = %v, want %v", format, err, errDiskFull)
		}
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a\tb\nc\r\nd", "a b c  d"},
		{"\x1b[1;31mred\x1b[0m", "red"},
		{"title\x1b]0;x\x07after", "titleafter"},
		{"st\x1b]8;;http://x\x1b\\link", "stlink"},
		{"c1\u009b31mcsi", "c1csi"},
		{"bell\x07del\x7f", "belldel"},
		{"bidi\u202eok\u2066", "bidiok"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"日本語 ok", "日本語 ok"},
		{"trailing esc\x1b", "trailing esc"},
	}
	for _, tt := range tests {
		if got := SafeText(tt.in); got != tt.want {
			t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestExplainTextSaysWhatToDo: explain's text names the action and, for a block, what the
// sender must fix.
func TestExplainTextSaysWhatToDo(t *testing.T) {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	texts := []string{"smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", "550 5.1.1 user unknown"}
	if err := WriteExplain(w, "text", func(yield func(string) bool) {
		for _, s := range texts {
			if !yield(s) {
				return
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	out := b.String()
	if !strings.Contains(out, "action:           readd") || !strings.Contains(out, "sender fix:") || !strings.Contains(out, "action:           suppress") {
		t.Errorf("explain text:\n%s", out)
	}
}
