package codes

import (
	"cmp"
	"slices"
)

// Entry is one code of the catalog.
type Entry struct {
	Code        string   // "550", the enhanced code as the registry lists it, "X.1.1", or a provider's, "5.7.606-5.7.649"
	Classes     []Class  // the classes the code is registered for (a basic code: its first digit's)
	Name        string   // the registry's (or RFC's) name, verbatim
	Explanation string   // plain language, for a marketer
	Marketo     string   // the wording of Marketo's "Email Bounce Codes" page, where it differs
	Reason      Reason   // the default reason for a bounce with this code
	Advice      string   // what to do with leads in this group
	Source      string   // where the name comes from: "RFC 5321", "RFC 3463", ...
	Provider    Provider // whose own meaning this is (Microsoft's 5.1.10); NoProvider for the standard
}

// entry returns the record as an Entry; the Classes slice is the caller's own.
func (r *catalogRecord) entry(p Provider) Entry {
	var classes []Class
	if r.classes != 0 {
		classes = make([]Class, 0, 3)
		for _, c := range [...]Class{Hard, Soft, Success} {
			if r.classes&(1<<c) != 0 {
				classes = append(classes, c)
			}
		}
	}
	return Entry{
		Code:        r.code,
		Classes:     classes,
		Name:        r.name,
		Explanation: r.explanation,
		Marketo:     r.marketo,
		Reason:      r.reason,
		Advice:      r.advice,
		Source:      r.source,
		Provider:    p,
	}
}

// entryFor returns the record as an Entry for a bounce of enhanced class class (2, 4 or 5): a
// success is delivered, and a transient failure may have its own reason.
func (r *catalogRecord) entryFor(class uint16, p Provider) Entry {
	e := r.entry(p)
	e.Reason = r.reasonFor(class)
	return e
}

// basicNumber reads the three digits of a basic record's code.
func basicNumber(code string) uint16 {
	return uint16(code[0]-'0')*100 + uint16(code[1]-'0')*10 + uint16(code[2]-'0')
}

// LookupBasic returns the catalog entry of a basic reply code such as 550. Codes that no
// standard defines (571, 426...) are not in the catalog: the result is then false.
func LookupBasic(code uint16) (Entry, bool) {
	r := basicRecord(code)
	if r == nil {
		return Entry{}, false
	}
	return r.entry(NoProvider), true
}

// subjectSpan returns where the registry's codes of a subject start in enhancedCatalog and how
// many details the registry lists for it; n is 0 for a subject the registry does not have.
func subjectSpan(subject uint16) (start, n int) {
	switch subject {
	case 0:
		return 0, 1 // X.0.0
	case 1:
		return 1, 11 // X.1.0 to X.1.10
	case 2:
		return 12, 5 // X.2.0 to X.2.4
	case 3:
		return 17, 7 // X.3.0 to X.3.6
	case 4:
		return 24, 8 // X.4.0 to X.4.7
	case 5:
		return 32, 7 // X.5.0 to X.5.6
	case 6:
		return 39, 11 // X.6.0 to X.6.10
	case 7:
		return 50, 31 // X.7.0 to X.7.30
	}
	return 0, 0
}

// registryRecord returns the registry's record of e's subject and detail, or nil.
func registryRecord(e Enhanced) *catalogRecord {
	start, n := subjectSpan(e.Subject)
	if n == 0 || int(e.Detail) >= n {
		return nil
	}
	return &enhancedCatalog[start+int(e.Detail)]
}

// matches reports whether the record gives e a meaning.
func (r *providerRecord) matches(e Enhanced) bool {
	return r.class == e.Class && r.subject == e.Subject && r.detailLo <= e.Detail && e.Detail <= r.detailHi
}

// providerRecordFor returns provider p's own record for e, or nil.
func providerRecordFor(e Enhanced, p Provider) *providerRecord {
	for i := range providerCatalog {
		if r := &providerCatalog[i]; r.provider == p && r.matches(e) {
			return r
		}
	}
	return nil
}

// soleProviderRecord returns the record of the one provider that gives e a meaning, or nil when
// none or several do.
func soleProviderRecord(e Enhanced) *providerRecord {
	var found *providerRecord
	for i := range providerCatalog {
		r := &providerCatalog[i]
		if !r.matches(e) {
			continue
		}
		if found == nil {
			found = r
		} else if found.provider != r.provider {
			return nil
		}
	}
	return found
}

// LookupEnhanced returns the catalog entry of an enhanced code, with the provider's own meaning
// where it has one (Microsoft's 5.1.10, Gmail's 4.7.30).
//
// Without a provider meaning, a code in the registry gets the registry's entry (X.1.10 for
// 5.1.10), whatever its class. A code outside the registry gets, in order: the meaning of the one
// provider known to use it (5.7.606 is only Microsoft's; the entry's Provider says so), else the
// registry's "Other or undefined" entry of its subject (X.7.0 for 5.7.999), which is what the
// registry says of a detail it does not list. The result is false only for no code, a class
// other than 2, 4 or 5, or a subject the registry does not have (4.16.55).
//
// The entry's Reason is the one for e's class: Delivered for a 2.x.x, and the transient reason
// where it differs for a 4.x.x.
func LookupEnhanced(e Enhanced, p Provider) (Entry, bool) {
	r, rp, _ := recordFor(e, p)
	if r == nil {
		return Entry{}, false
	}
	return r.entryFor(e.Class, rp), true
}

// recordFor returns the record that gives e its meaning (see LookupEnhanced), whose provider it is,
// and whether it is only the registry's "Other or undefined" record of e's subject; nil if none.
func recordFor(e Enhanced, p Provider) (r *catalogRecord, rp Provider, fallback bool) {
	if e.Class != 2 && e.Class != 4 && e.Class != 5 {
		return nil, NoProvider, false
	}
	if p != NoProvider {
		if r := providerRecordFor(e, p); r != nil {
			return &r.catalogRecord, r.provider, false
		}
	}
	if r := registryRecord(e); r != nil {
		return r, NoProvider, false
	}
	if r := soleProviderRecord(e); r != nil {
		return &r.catalogRecord, r.provider, false
	}
	if r := registryRecord(Enhanced{Class: e.Class, Subject: e.Subject}); r != nil {
		return r, NoProvider, true
	}
	return nil, NoProvider, false
}

// reasonFor returns the record's reason for a bounce of enhanced (or basic) class class.
func (r *catalogRecord) reasonFor(class uint16) Reason {
	switch {
	case class == 2:
		return Delivered
	case class == 4 && r.soft != Undefined:
		return r.soft
	}
	return r.reason
}

// isWeak reports whether the record's reason is only a default for class class (see weak).
func (r *catalogRecord) isWeak(class uint16) bool {
	switch class {
	case 2:
		return r.weak&onlySuccess != 0
	case 4:
		return r.weak&onlySoft != 0
	}
	return r.weak&onlyHard != 0
}

// basicRecord returns the catalog record of a basic reply code, or nil.
func basicRecord(code uint16) *catalogRecord {
	i, ok := slices.BinarySearchFunc(basicCatalog[:], code, func(r catalogRecord, c uint16) int {
		return cmp.Compare(basicNumber(r.code), c)
	})
	if !ok {
		return nil
	}
	return &basicCatalog[i]
}

// Catalog returns every entry: basic codes in numeric order, then enhanced codes in registry
// order, then the providers' own meanings.
func Catalog() []Entry {
	entries := make([]Entry, 0, len(basicCatalog)+len(enhancedCatalog)+len(providerCatalog))
	for i := range basicCatalog {
		entries = append(entries, basicCatalog[i].entry(NoProvider))
	}
	for i := range enhancedCatalog {
		entries = append(entries, enhancedCatalog[i].entry(NoProvider))
	}
	for i := range providerCatalog {
		entries = append(entries, providerCatalog[i].entry(providerCatalog[i].provider))
	}
	return entries
}
