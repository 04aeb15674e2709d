package codes

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// providerTable is the roll-up of receiving domains into mailbox providers, one rule a line.
//
//go:embed rules/mailbox-providers.tsv
var providerTable string

// ProviderRule is one row of the mailbox provider table.
type ProviderRule struct {
	Kind     string // domain, suffix, brand, text or gateway
	Pattern  string // lowercase
	Provider string
	Source   string // where the rule comes from
	Line     int    // line in the table
}

// GatewaySuffix ends the name of a filtering gateway (Proofpoint, Mimecast...) when
// MailboxProvider names one: the service in front of a company's own mailboxes, not a mailbox
// provider.
const GatewaySuffix = " (gateway)"

// providerIndex is the table prepared for lookups.
type providerIndex struct {
	rules  []ProviderRule
	exact  map[string]string // domain rules
	suffix map[string]string // suffix rules
	brand  map[string]string // brand rules: the first label
	text   []ProviderRule    // text and gateway rules, in table order
	err    error             // the first malformed line, for the table test
}

var providers = sync.OnceValue(func() *providerIndex { return parseProviders(providerTable) })

// parseProviders reads the table: a header row, comment lines that start with '#', then rows
// of four tab-separated columns.
func parseProviders(table string) *providerIndex {
	ix := &providerIndex{exact: map[string]string{}, suffix: map[string]string{}, brand: map[string]string{}}
	header := true
	for n, line := range strings.Split(table, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[1] == "" || f[2] == "" {
			if ix.err == nil {
				ix.err = fmt.Errorf("mailbox-providers.tsv:%d: want kind, pattern, provider and source", n+1)
			}
			continue
		}
		r := ProviderRule{Kind: f[0], Pattern: strings.ToLower(f[1]), Provider: f[2], Source: f[3], Line: n + 1}
		if r.Kind == "gateway" {
			r.Provider += GatewaySuffix
		}
		ix.rules = append(ix.rules, r)
		switch r.Kind {
		case "domain":
			ix.exact[r.Pattern] = r.Provider
		case "suffix":
			ix.suffix[r.Pattern] = r.Provider
		case "brand":
			ix.brand[r.Pattern] = r.Provider
		case "text", "gateway":
			ix.text = append(ix.text, r)
		default:
			if ix.err == nil {
				ix.err = fmt.Errorf("mailbox-providers.tsv:%d: unknown kind %q", n+1, r.Kind)
			}
		}
	}
	return ix
}

// ProviderRules returns the rows of the mailbox provider table, in table order.
func ProviderRules() []ProviderRule {
	return append([]ProviderRule(nil), providers().rules...)
}

// MailboxProvider names the mailbox provider behind a receiving domain ("hotmail.fr",
// "contoso.onmicrosoft.com": "Microsoft"), or, for a company's own domain, the one the reply text
// names (gsmtp: Google Workspace; protection.outlook.com: Microsoft 365; a gateway such as
// "Proofpoint (gateway)"). It returns "" when neither tells. The domain is looked up first:
// exactly, then by its parent domains, then by its first label with a country ending.
func MailboxProvider(domain, text string) string {
	if p := DomainProvider(domain); p != "" {
		return p
	}
	if text == "" {
		return ""
	}
	return TextProvider(text, Classify(text).Provider)
}

// DomainProvider is MailboxProvider from the domain alone.
func DomainProvider(domain string) string {
	ix := providers()
	d := strings.TrimSuffix(strings.TrimSpace(domain), ".")
	if d == "" {
		return ""
	}
	d = lowerASCII(d)
	if p, ok := ix.exact[d]; ok {
		return p
	}
	for s := d; ; {
		if p, ok := ix.suffix[s]; ok {
			return p
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			break
		}
		s = s[i+1:]
	}
	if i := strings.IndexByte(d, '.'); i > 0 && countryEnding(d[i+1:]) {
		if p, ok := ix.brand[d[:i]]; ok {
			return p
		}
	}
	return ""
}

// TextProvider is MailboxProvider from a reply text, given the provider the classifier found
// in it (Bounce.Provider): the classifier's own detection first, then the table's text clues.
func TextProvider(text string, found Provider) string {
	if found != NoProvider {
		return rolledUp(found)
	}
	if text == "" {
		return ""
	}
	var buf [2048]byte
	low := string(lowerText(buf[:0], text))
	for _, r := range providers().text {
		if strings.Contains(low, r.Pattern) {
			return r.Provider
		}
	}
	return ""
}

// rolledUp is the roll-up name of a provider the classifier recognises.
func rolledUp(p Provider) string {
	switch p {
	case Proofpoint, Mimecast, Barracuda, Cisco:
		return p.String() + GatewaySuffix
	}
	return p.String()
}

// countryEnding reports whether s is the ending of a brand's country domain: one or two labels
// of two or three letters ("fr", "co.uk", "com.br", "net").
func countryEnding(s string) bool {
	labels, n := 1, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			if n < 2 {
				return false
			}
			labels, n = labels+1, 0
		case c >= 'a' && c <= 'z':
			n++
		default:
			return false
		}
		if n > 3 || labels > 2 {
			return false
		}
	}
	return n >= 2
}

// lowerASCII lowercases s, allocating only when it has an upper-case ASCII letter.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
