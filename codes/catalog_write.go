package codes

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// catalogWidth is the terminal width the text catalog is wrapped to.
const catalogWidth = 80

// catalogTSVHeader is the header line of the tsv catalog.
const catalogTSVHeader = "code\tclasses\tname\treason\texplanation\tadvice\tmarketo\tprovider\tsource\n"

// WriteCatalog writes the catalog in format "text", "tsv" or "json".
//
// text is for reading in an 80-column terminal; tsv has a header line and one row per entry
// (code, classes, name, reason, explanation, advice, marketo, provider, source; classes are
// comma-separated); json is one object per line with the same keys.
func WriteCatalog(w io.Writer, format string) error {
	var write func(*strings.Builder, int, *Entry)
	switch format {
	case "text":
		write = writeCatalogText
	case "tsv":
		write = writeCatalogTSV
	case "json":
		write = writeCatalogJSON
	default:
		return fmt.Errorf("unknown catalog format %q (want text, tsv or json)", format)
	}
	entries := Catalog()
	var b strings.Builder
	b.Grow(len(entries) * 600)
	if format == "tsv" {
		b.WriteString(catalogTSVHeader)
	}
	for i := range entries {
		write(&b, i, &entries[i])
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the catalog: %w", err)
	}
	return nil
}

// catalogClassNames returns the classes as "hard,soft".
func catalogClassNames(cs []Class) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.String()
	}
	return strings.Join(names, ",")
}

// writeCatalogText writes one entry for a terminal: the code, its classes and name, then the
// explanation, advice and Marketo's wording, wrapped and indented. A heading starts each part.
func writeCatalogText(b *strings.Builder, i int, e *Entry) {
	switch i {
	case 0:
		b.WriteString("BASIC REPLY CODES (RFC 5321 and extensions)\n\n")
	case len(basicCatalog):
		b.WriteString("ENHANCED STATUS CODES (IANA registry; X is the class: 2 success, 4 soft, 5 hard)\n\n")
	case len(basicCatalog) + len(enhancedCatalog):
		b.WriteString("PROVIDERS' OWN MEANINGS (used when the reply shows who wrote it)\n\n")
	}
	head := e.Code
	if classes := catalogClassNames(e.Classes); classes != "" {
		head += " [" + classes + "]"
	}
	if e.Provider != NoProvider {
		head += " " + e.Provider.String() + ":"
	}
	catalogWrap(b, head+" "+e.Name, "", "    ")
	catalogWrap(b, "Meaning: "+e.Explanation, "    ", "    ")
	catalogWrap(b, "Advice: "+e.Advice, "    ", "    ")
	if e.Marketo != "" {
		catalogWrap(b, "Marketo's page says: \""+e.Marketo+"\"", "    ", "    ")
	}
	catalogWrap(b, "Reason: "+e.Reason.String()+"; source: "+e.Source, "    ", "    ")
	b.WriteByte('\n')
}

// catalogWrap writes text as lines of at most catalogWidth characters, the first starting with
// first and the others with rest. A word longer than a line gets a line of its own.
func catalogWrap(b *strings.Builder, text, first, rest string) {
	prefix := first
	width := utf8.RuneCountInString(prefix)
	lineEmpty := true
	b.WriteString(prefix)
	for word := range strings.FieldsSeq(text) {
		n := utf8.RuneCountInString(word)
		if !lineEmpty && width+1+n > catalogWidth {
			b.WriteByte('\n')
			b.WriteString(rest)
			width = utf8.RuneCountInString(rest)
			lineEmpty = true
		}
		if !lineEmpty {
			b.WriteByte(' ')
			width++
		}
		b.WriteString(word)
		width += n
		lineEmpty = false
	}
	b.WriteByte('\n')
}

// catalogTSVField makes s safe for a tsv cell: tabs and line breaks become spaces.
func catalogTSVField(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// writeCatalogTSV writes one entry as a tsv row.
func writeCatalogTSV(b *strings.Builder, _ int, e *Entry) {
	fields := [...]string{e.Code, catalogClassNames(e.Classes), e.Name, e.Reason.String(), e.Explanation,
		e.Advice, e.Marketo, e.Provider.String(), e.Source}
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(catalogTSVField(f))
	}
	b.WriteByte('\n')
}

// catalogJSON is one entry as the json catalog writes it.
type catalogJSON struct {
	Code        string   `json:"code"`
	Classes     []string `json:"classes"`
	Name        string   `json:"name"`
	Reason      string   `json:"reason"`
	Explanation string   `json:"explanation"`
	Advice      string   `json:"advice"`
	Marketo     string   `json:"marketo"`
	Provider    string   `json:"provider"`
	Source      string   `json:"source"`
}

// writeCatalogJSON writes one entry as a json object on one line.
func writeCatalogJSON(b *strings.Builder, _ int, e *Entry) {
	classes := make([]string, len(e.Classes))
	for i, c := range e.Classes {
		classes[i] = c.String()
	}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	// Encoding strings and string slices into a strings.Builder cannot fail.
	_ = enc.Encode(catalogJSON{
		Code: e.Code, Classes: classes, Name: e.Name, Reason: e.Reason.String(), Explanation: e.Explanation,
		Advice: e.Advice, Marketo: e.Marketo, Provider: e.Provider.String(), Source: e.Source,
	})
}
