package codes

import "io"

// Entry is one code of the catalog.
type Entry struct {
	Code        string  // "550", or the enhanced code as the registry lists it, "X.1.1"
	Classes     []Class // for an enhanced code: the classes it is registered for
	Name        string  // the registry's (or RFC's) name, verbatim
	Explanation string  // plain language, for a marketer
	Marketo     string  // the wording of Marketo's "Email Bounce Codes" page, where it differs
	Reason      Reason  // the default reason for a bounce with this code
	Advice      string  // what to do with leads in this group
	Source      string  // where the name comes from: "RFC 5321", "RFC 3463", ...
}

// LookupBasic returns the catalog entry of a basic reply code such as 550.
func LookupBasic(code uint16) (Entry, bool) {
	return Entry{}, false // TODO(catalog): implement
}

// LookupEnhanced returns the catalog entry of an enhanced code, with the provider's own meaning
// where it has one (Microsoft's 5.1.10, Gmail's 4.7.30).
func LookupEnhanced(e Enhanced, p Provider) (Entry, bool) {
	return Entry{}, false // TODO(catalog): implement
}

// Catalog returns every entry: basic codes in numeric order, then enhanced codes.
func Catalog() []Entry {
	return nil // TODO(catalog): implement
}

// Advice says what to do with a lead that bounced this way, in a sentence or two.
func Advice(b Bounce) string {
	return "" // TODO(catalog): implement
}

// WriteCatalog writes the catalog in format "text", "tsv" or "json".
func WriteCatalog(w io.Writer, format string) error {
	return nil // TODO(catalog): implement
}

// Describe explains a reason in a sentence for a marketer ("The mailbox does not exist.").
func Describe(r Reason) string {
	return "" // TODO(catalog): implement
}
