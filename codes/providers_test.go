package codes

import (
	"strings"
	"testing"
)

func TestMailboxProvider(t *testing.T) {
	tests := []struct {
		domain, text, want string
	}{
		{"hotmail.com", "", "Microsoft"},
		{"outlook.com", "", "Microsoft"},
		{"live.com", "", "Microsoft"},
		{"contoso.onmicrosoft.com", "", "Microsoft"},
		{"hotmail.fr", "", "Microsoft"},
		{"Live.Co.UK", "", "Microsoft"},
		{"gmail.com", "", "Google"},
		{"googlemail.com", "", "Google"},
		{"yahoo.co.uk", "", "Yahoo"},
		{"yahoo.com.br", "", "Yahoo"},
		{"aol.com", "", "Yahoo"},
		{"verizon.net", "", "Yahoo"},
		{"yahoo.co.jp", "", "Yahoo Japan"},
		{"gmx.de", "", "GMX/web.de"},
		{"gmx.net", "", "GMX/web.de"},
		{"web.de", "", "GMX/web.de"},
		{"icloud.com", "", "Apple"},
		{"orange.fr", "", "Orange"},
		{"wanadoo.fr", "", "Orange"},
		{"t-online.de", "", "T-Online"},
		{"163.com", "", "NetEase"},
		{"126.com", "", "NetEase"},
		{"qq.com", "", "Tencent"},
		{"yandex.ru", "", "Yandex"},
		{"mail.ru", "", "Mail.ru"},
		{"seznam.cz", "", "Seznam"},
		{"libero.it", "", "Italiaonline"},
		{"wp.pl", "", "Wirtualna Polska"},
		{"uol.com.br", "", "UOL"},
		{"gmail.com.", "", "Google"},
		// A company's own domain: the reply text tells.
		{"acme.com", "550-5.1.1 The email account that you tried to reach does not exist. gsmtp", "Google"},
		{"acme.com", "550 5.4.1 Recipient address rejected: Access denied [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]", "Microsoft"},
		{"acme.com", "554 delivery error: dd This user doesn't have a yahoo.com account (mta1.am0.yahoodns.net)", "Yahoo"},
		{"acme.com", "550 5.1.1 User unknown (p-mx.secureserver.net)", "GoDaddy"},
		{"acme.com", "550 5.7.1 Rejected by mx1.emailsrvr.com", "Rackspace"},
		{"acme.com", "553 Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting (cluster1.eu.messagelabs.com)", "Broadcom MessageLabs (gateway)"},
		{"acme.com", "550 5.7.1 Blocked by mx0a-001.pphosted.com", "Proofpoint (gateway)"},
		{"acme.com", "550 Rejected by header based Anti-Spoofing policy - https://community.mimecast.com/docs/DOC-1369#550", "Mimecast (gateway)"},
		// Neither tells.
		{"acme.com", "550 5.1.1 User unknown", ""},
		{"", "", ""},
		{"yahoo.example.com", "", ""},
		{"hotmailer.com", "", ""},
		{"notgmail.com", "", ""},
	}
	for _, tt := range tests {
		if got := MailboxProvider(tt.domain, tt.text); got != tt.want {
			t.Errorf("MailboxProvider(%q, %q) = %q, want %q", tt.domain, tt.text, got, tt.want)
		}
	}
}

// TestProviderTable lints the table: it parses, every row has a source, no domain, suffix or
// brand is listed twice, and no text clue repeats one the classifier already recognises.
func TestProviderTable(t *testing.T) {
	ix := parseProviders(providerTable)
	if ix.err != nil {
		t.Fatal(ix.err)
	}
	if len(ix.rules) < 100 {
		t.Fatalf("only %d rules", len(ix.rules))
	}
	seen := map[string]int{}
	for _, r := range ix.rules {
		if !strings.HasPrefix(r.Source, "https://") {
			t.Errorf("line %d: %s: source %q is not a URL", r.Line, r.Pattern, r.Source)
		}
		if r.Pattern != strings.TrimSpace(r.Pattern) || strings.ContainsAny(r.Pattern, " *") {
			t.Errorf("line %d: pattern %q: no blanks or wildcards (use kind suffix)", r.Line, r.Pattern)
		}
		group := "domain"
		if r.Kind == "text" || r.Kind == "gateway" {
			group = "text"
			if p := Classify(r.Pattern).Provider; p != NoProvider {
				t.Errorf("line %d: text %q is already the classifier's %s: drop the row", r.Line, r.Pattern, p)
			}
		}
		key := group + "\x00" + r.Kind + "\x00" + r.Pattern
		if r.Kind == "domain" || r.Kind == "suffix" {
			key = group + "\x00" + r.Pattern // a domain is not listed both exactly and as a suffix
		}
		if first, dup := seen[key]; dup {
			t.Errorf("line %d: %s %q is listed again (first on line %d)", r.Line, r.Kind, r.Pattern, first)
		}
		seen[key] = r.Line
	}
}

func TestParseProvidersErrors(t *testing.T) {
	for _, table := range []string{
		"kind\tpattern\tprovider\tsource\ndomain\tx.com\tX\n",
		"kind\tpattern\tprovider\tsource\nglob\tx.com\tX\thttps://x\n",
	} {
		if parseProviders(table).err == nil {
			t.Errorf("parseProviders(%q): no error", table)
		}
	}
}

func BenchmarkDomainProvider(b *testing.B) {
	domains := []string{"gmail.com", "hotmail.fr", "acme.onmicrosoft.com", "example.com", "Yahoo.co.uk"}
	for b.Loop() {
		for _, d := range domains {
			DomainProvider(d)
		}
	}
}
