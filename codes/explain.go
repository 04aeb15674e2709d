package codes

import (
	"io"
	"iter"
)

// WriteExplain writes one explanation per reason text in format "text", "tsv" or "json".
func WriteExplain(w io.Writer, format string, texts iter.Seq[string]) error {
	return nil // TODO(parser): implement
}
