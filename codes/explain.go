package codes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteExplain writes one explanation per reason text in format "text", "tsv" or "json".
//
// "text" is for a person: the reason as given (terminal control sequences removed), then the
// basic and the enhanced code with their registry names, the class, the reason, whether the
// address itself is at fault, and the advice, with a blank line between reasons. "tsv" is a header
// line "basic enhanced class reason explanation" and one line per text in input order, with empty
// fields where there is no code. "json" is one object per line with the keys basic, enhanced,
// class, reason, explanation and advice.
func WriteExplain(w io.Writer, format string, texts iter.Seq[string]) error {
	var write func(*bufio.Writer, string, bool) error
	switch format {
	case "", "text":
		write = writeExplainText
	case "tsv":
		write = writeExplainTSV
	case "json":
		write = writeExplainJSON
	default:
		return fmt.Errorf("explain: unknown format %q (want text, tsv or json)", format)
	}
	bw := bufio.NewWriter(w)
	if format == "tsv" {
		if _, err := bw.WriteString("basic\tenhanced\tclass\treason\texplanation\n"); err != nil {
			return fmt.Errorf("explain: writing the header: %w", err)
		}
	}
	n := 0
	for text := range texts {
		n++
		if err := write(bw, text, n == 1); err != nil {
			return fmt.Errorf("explain: writing reason %d: %w", n, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	return nil
}

// Explanation is everything the explain command says about one reason text.
type Explanation struct {
	Bounce
	BasicName       string // the registry's name of the basic code, or ""
	EnhancedName    string // the registry's name of the enhanced code (the provider's, if it has one)
	Explanation     string // plain language: the enhanced code's, else the basic code's, else the reason's
	ReasonDescribed string // the reason in a sentence
	Advice          string // what to do with leads that bounced this way
}

// Explain classifies text and looks its codes up in the catalog.
func Explain(text string) Explanation {
	b := Classify(text)
	x := Explanation{Bounce: b, ReasonDescribed: Describe(b.Reason), Advice: Advice(b)}
	if b.Basic != 0 {
		if e, ok := LookupBasic(b.Basic); ok {
			x.BasicName = e.Name
			x.Explanation = e.Explanation
		}
	}
	if !b.Enhanced.IsZero() {
		if e, ok := LookupEnhanced(b.Enhanced, b.Provider); ok {
			x.EnhancedName = e.Name
			if e.Explanation != "" {
				x.Explanation = e.Explanation
			}
		}
	}
	if x.Explanation == "" {
		x.Explanation = x.ReasonDescribed
	}
	return x
}

func writeExplainText(w *bufio.Writer, text string, first bool) error {
	x := Explain(text)
	if !first {
		w.WriteByte('\n')
	}
	fmt.Fprintf(w, "%s\n", SafeText(text))
	line := func(label, code, name string) {
		if code == "" {
			code = "none"
		}
		if name != "" {
			fmt.Fprintf(w, "  %-17s %s  %s\n", label, code, SafeText(name))
		} else {
			fmt.Fprintf(w, "  %-17s %s\n", label, code)
		}
	}
	line("basic code:", basicText(x.Basic), x.BasicName)
	line("enhanced code:", x.Enhanced.String(), x.EnhancedName)
	if x.Provider != NoProvider {
		fmt.Fprintf(w, "  %-17s %s\n", "provider:", x.Provider)
	}
	fmt.Fprintf(w, "  %-17s %s\n", "class:", x.Class)
	line("reason:", x.Reason.String(), x.ReasonDescribed)
	if x.Explanation != "" && x.Explanation != x.ReasonDescribed {
		fmt.Fprintf(w, "  %-17s %s\n", "explanation:", SafeText(x.Explanation))
	}
	fault := "no"
	if x.AddressAtFault {
		fault = "yes: the address itself is bad"
	}
	fmt.Fprintf(w, "  %-17s %s\n", "address at fault:", fault)
	act := ActionOf(x.Class, x.Reason)
	fmt.Fprintf(w, "  %-17s %s: %s\n", "action:", act, act.Explain())
	if fix := SenderFix(x.Reason); fix != "" && act == Readd {
		fmt.Fprintf(w, "  %-17s %s\n", "sender fix:", fix)
	}
	if x.Advice != "" {
		fmt.Fprintf(w, "  %-17s %s\n", "advice:", SafeText(x.Advice))
	}
	return bufferedErr(w, nil)
}

func writeExplainTSV(w *bufio.Writer, text string, _ bool) error {
	x := Explain(text)
	w.WriteString(tsvField(basicText(x.Basic)))
	w.WriteByte('\t')
	w.WriteString(x.Enhanced.String())
	w.WriteByte('\t')
	w.WriteString(x.Class.String())
	w.WriteByte('\t')
	w.WriteString(x.Reason.String())
	w.WriteByte('\t')
	w.WriteString(tsvField(x.Explanation))
	err := w.WriteByte('\n')
	return bufferedErr(w, err)
}

// explainJSON is one line of "explain --format json".
type explainJSON struct {
	Basic       string `json:"basic"`
	Enhanced    string `json:"enhanced"`
	Class       string `json:"class"`
	Reason      string `json:"reason"`
	Explanation string `json:"explanation"`
	Advice      string `json:"advice"`
}

func writeExplainJSON(w *bufio.Writer, text string, _ bool) error {
	x := Explain(text)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := enc.Encode(explainJSON{
		Basic:       basicText(x.Basic),
		Enhanced:    x.Enhanced.String(),
		Class:       x.Class.String(),
		Reason:      x.Reason.String(),
		Explanation: x.Explanation,
		Advice:      x.Advice,
	})
	return bufferedErr(w, err)
}

// bufferedErr returns err, or the error the buffered writer has already met.
func bufferedErr(w *bufio.Writer, err error) error {
	if err != nil {
		return err
	}
	// A bufio.Writer keeps its first write error and returns it from every later call.
	_, err = w.Write(nil)
	return err
}

// basicText formats a basic code, "" for none.
func basicText(b uint16) string {
	if b == 0 {
		return ""
	}
	return strconv.Itoa(int(b))
}

// tsvField makes s safe for one tab-separated field: tabs, line breaks and other control
// characters become spaces.
func tsvField(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// SafeText makes untrusted text safe to print on a terminal: escape sequences (CSI, OSC, DCS and
// the like) and control characters are removed, line breaks and tabs become spaces, invalid UTF-8
// becomes U+FFFD, and bidirectional-override characters are dropped.
func SafeText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b: // ESC: skip the whole sequence
			i = skipEscape(s, i)
			continue
		case c == '\t' || c == '\n' || c == '\r':
			b.WriteByte(' ')
			i++
			continue
		case c < ' ' || c == 0x7f:
			i++
			continue
		case c < 0x80:
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x9b: // C1 CSI: skip like ESC [
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, PM, APC
			i = skipString(s, i+size)
			continue
		case r >= 0x80 && r <= 0x9f:
		case IsBidiControl(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsBidiControl reports whether r overrides, embeds or isolates the direction of text, or marks
// it (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F): characters that make text show reordered.
func IsBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f
}

// skipEscape returns the index after the escape sequence that starts at s[i] (an ESC).
func skipEscape(s string, i int) int {
	i++
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte sequences, and ESC followed by intermediate bytes then a final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipCSI returns the index after a control sequence whose parameters start at s[i].
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			break
		}
	}
	return i
}

// skipString returns the index after an OSC/DCS-style string starting at s[i]: up to BEL, ST
// (ESC \ or U+009C), or the end.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
