package codes

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// catalogRegistryRow is one row of testdata/enhanced-status-codes.tsv, a copy of the IANA
// registry (research/enhanced-status-codes.tsv).
type catalogRegistryRow struct {
	line             int
	code             string // "X.1.1"
	subject, detail  uint16
	name             string
	classes          []Class
	reference        string
	deprecatedNoName bool
}

func catalogReadRegistry(t *testing.T) []catalogRegistryRow {
	t.Helper()
	const path = "testdata/enhanced-status-codes.tsv"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []catalogRegistryRow
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue // header
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 5 {
			t.Fatalf("%s:%d: %d fields, want at least 5", path, line, len(f))
		}
		parts := strings.Split(f[0], ".")
		if len(parts) != 3 || parts[0] != "X" {
			t.Fatalf("%s:%d: code %q is not X.s.d", path, line, f[0])
		}
		s, err1 := strconv.Atoi(parts[1])
		d, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: code %q is not X.s.d", path, line, f[0])
		}
		row := catalogRegistryRow{line: line, code: f[0], subject: uint16(s), detail: uint16(d), name: f[1], reference: f[4]}
		// Applies-to is written "2,4,5", "5 (4 via 451)", "2 (relayed)" or "(deprecated)".
		for _, n := range strings.FieldsFunc(f[3], func(r rune) bool { return r < '0' || r > '9' }) {
			switch n { // single digits are classes; "451" is an associated basic code
			case "2":
				row.classes = append(row.classes, Success)
			case "4":
				row.classes = append(row.classes, Soft)
			case "5":
				row.classes = append(row.classes, Hard)
			}
		}
		row.deprecatedNoName = strings.HasPrefix(row.name, "(none")
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func catalogClassDigit(c Class) uint16 {
	switch c {
	case Success:
		return 2
	case Soft:
		return 4
	case Hard:
		return 5
	}
	return 0
}

func TestCatalogHasEveryRegistryCodeForEachClass(t *testing.T) {
	rows := catalogReadRegistry(t)
	if len(rows) != 81 {
		t.Fatalf("registry copy has %d codes, want 81 (X.0.0 to X.7.30)", len(rows))
	}
	inCatalog := map[string]int{}
	for _, e := range Catalog() {
		if e.Provider == NoProvider && strings.HasPrefix(e.Code, "X.") {
			inCatalog[e.Code]++
		}
	}
	if len(inCatalog) != len(rows) {
		t.Errorf("catalog has %d registry codes, want %d", len(inCatalog), len(rows))
	}
	for _, row := range rows {
		if inCatalog[row.code] != 1 {
			t.Errorf("line %d: %s is %d times in Catalog(), want once", row.line, row.code, inCatalog[row.code])
		}
		classes := row.classes
		if len(classes) == 0 { // deprecated X.6.10: still answer for the classes of X.6.8
			classes = []Class{Hard}
		}
		for _, c := range classes {
			code := Enhanced{Class: catalogClassDigit(c), Subject: row.subject, Detail: row.detail}
			e, ok := LookupEnhanced(code, NoProvider)
			if !ok {
				t.Errorf("line %d: LookupEnhanced(%s) not found", row.line, code)
				continue
			}
			if e.Code != row.code {
				t.Errorf("line %d: LookupEnhanced(%s).Code = %q, want %q", row.line, code, e.Code, row.code)
			}
			if row.deprecatedNoName {
				if !strings.Contains(e.Name, "deprecated") {
					t.Errorf("line %d: %s name %q does not say it is deprecated", row.line, row.code, e.Name)
				}
			} else if e.Name != row.name {
				t.Errorf("line %d: %s name = %q, want the registry's %q", row.line, row.code, e.Name, row.name)
			}
			got := slices.Clone(e.Classes)
			want := slices.Clone(row.classes)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("line %d: %s classes = %v, want %v", row.line, row.code, got, want)
			}
			if e.Source != row.reference {
				t.Errorf("line %d: %s source = %q, want %q", row.line, row.code, e.Source, row.reference)
			}
			if e.Provider != NoProvider {
				t.Errorf("line %d: %s provider = %v, want none", row.line, row.code, e.Provider)
			}
		}
	}
}

// catalogRFC5321Names are the reply texts of RFC 5321 §4.2.2 and §4.2.3, as codes.md quotes them.
var catalogRFC5321Names = map[uint16]string{
	211: "System status, or system help reply",
	214: "Help message (Information on how to use the receiver or the meaning of a particular non-standard command; this reply is useful only to the human user)",
	220: "<domain> Service ready",
	221: "<domain> Service closing transmission channel",
	250: "Requested mail action okay, completed",
	251: "User not local; will forward to <forward-path>",
	252: "Cannot VRFY user, but will accept message and attempt delivery",
	354: "Start mail input; end with <CRLF>.<CRLF>",
	421: "<domain> Service not available, closing transmission channel (This may be a reply to any command if the service knows it must shut down)",
	450: "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily blocked for policy reasons)",
	451: "Requested action aborted: local error in processing",
	452: "Requested action not taken: insufficient system storage",
	455: "Server unable to accommodate parameters",
	500: "Syntax error, command unrecognized (This may include errors such as command line too long)",
	501: "Syntax error in parameters or arguments",
	502: "Command not implemented",
	503: "Bad sequence of commands",
	504: "Command parameter not implemented",
	550: "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)",
	551: "User not local; please try <forward-path>",
	552: "Requested mail action aborted: exceeded storage allocation",
	553: "Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)",
	554: "Transaction failed (Or, in the case of a connection-opening response, \"No SMTP service here\")",
	555: "MAIL FROM/RCPT TO parameters not recognized or not implemented",
}

func TestCatalogHasEveryBasicCode(t *testing.T) {
	extensions := []uint16{235, 334, 432, 454, 530, 534, 535, 538, 521, 556, 253, 458, 459, 453, 523, 525, 422, 430, 524, 533}
	all := slices.Collect(func(yield func(uint16) bool) {
		for c := range catalogRFC5321Names {
			if !yield(c) {
				return
			}
		}
	})
	all = append(all, extensions...)
	slices.Sort(all)
	if len(all) != 44 {
		t.Fatalf("test lists %d basic codes, want 44", len(all))
	}
	for _, code := range all {
		e, ok := LookupBasic(code)
		if !ok {
			t.Errorf("LookupBasic(%d) not found", code)
			continue
		}
		if e.Code != strconv.Itoa(int(code)) {
			t.Errorf("LookupBasic(%d).Code = %q", code, e.Code)
		}
		if want, ok := catalogRFC5321Names[code]; ok && e.Name != want {
			t.Errorf("%d name = %q, want RFC 5321's %q", code, e.Name, want)
		}
		var want []Class
		switch code / 100 {
		case 2:
			want = []Class{Success}
		case 4:
			want = []Class{Soft}
		case 5:
			want = []Class{Hard}
		}
		if !slices.Equal(e.Classes, want) {
			t.Errorf("%d classes = %v, want %v", code, e.Classes, want)
		}
	}
	var basics []string
	for _, e := range Catalog() {
		if !strings.Contains(e.Code, ".") {
			basics = append(basics, e.Code)
		}
	}
	if len(basics) != len(all) || !slices.IsSorted(basics) {
		t.Errorf("Catalog() basic codes = %v, want the %d codes in numeric order", basics, len(all))
	}
	for _, code := range []uint16{0, 99, 200, 426, 571, 599, 999, 65535} {
		if e, ok := LookupBasic(code); ok {
			t.Errorf("LookupBasic(%d) = %q, want not found (no standard defines it)", code, e.Code)
		}
	}
}

func TestCatalogEntriesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Catalog() {
		key := e.Provider.String() + " " + e.Code
		if seen[key] {
			t.Errorf("%s is in the catalog twice", key)
		}
		seen[key] = true
		if e.Name == "" || e.Explanation == "" || e.Advice == "" || e.Source == "" {
			t.Errorf("%s: empty field: name %q, explanation %q, advice %q, source %q", key, e.Name, e.Explanation, e.Advice, e.Source)
		}
		if e.Explanation == e.Name {
			t.Errorf("%s: the explanation only repeats the name", key)
		}
		for _, s := range []string{e.Name, e.Explanation, e.Advice, e.Marketo} {
			if s != strings.TrimSpace(s) || strings.ContainsAny(s, "\t\n") {
				t.Errorf("%s: field %q has stray white space", key, s)
			}
		}
	}
}

func TestLookupEnhanced(t *testing.T) {
	tests := []struct {
		name     string
		code     string
		provider Provider
		wantCode string
		wantProv Provider
		reason   Reason
	}{
		{"microsoft_5.1.10_is_recipient_not_found", "5.1.10", Microsoft, "5.1.10", Microsoft, UserUnknown},
		{"registry_5.1.10_is_null_mx", "5.1.10", NoProvider, "X.1.10", NoProvider, NotAccept},
		{"google_5.1.10_is_the_registry", "5.1.10", Google, "X.1.10", NoProvider, NotAccept},
		{"microsoft_5.4.1_is_edge_blocked_recipient", "5.4.1", Microsoft, "5.4.1", Microsoft, UserUnknown},
		{"registry_5.4.1_is_no_answer", "5.4.1", NoProvider, "X.4.1", NoProvider, NetworkError},
		{"gmail_4.7.30_is_dkim", "4.7.30", Google, "4.7.30", Google, AuthFailure},
		{"gmail_5.7.30_is_dkim", "5.7.30", Google, "5.7.30", Google, AuthFailure},
		{"registry_5.7.30_is_requiretls", "5.7.30", NoProvider, "X.7.30", NoProvider, FailedSTARTTLS},
		{"gmail_5.7.26_is_unauthenticated", "5.7.26", Google, "5.7.26", Google, AuthFailure},
		{"gmail_4.2.1_is_rate_limit", "4.2.1", Google, "4.2.1", Google, RateLimited},
		{"gmail_4.7.23_is_ptr", "4.7.23", Google, "4.7.23", Google, RequirePTR},
		{"yahoo_5.7.9_is_policy", "5.7.9", Yahoo, "5.7.9", Yahoo, PolicyViolation},
		{"apple_4.7.1_is_volume", "4.7.1", Apple, "4.7.1", Apple, RateLimited},
		{"microsoft_banned_ip_range", "5.7.606", Microsoft, "5.7.606-5.7.649", Microsoft, Blocked},
		{"microsoft_banned_ip_range_end", "5.7.649", Microsoft, "5.7.606-5.7.649", Microsoft, Blocked},
		{"microsoft_ip_reputation", "4.7.650", Microsoft, "4.7.650-4.7.651", Microsoft, BadReputation},
		{"microsoft_dns_domain_missing", "5.4.310", Microsoft, "5.4.310", Microsoft, HostUnknown},
		{"microsoft_expired_connection_refused", "5.4.316", Microsoft, "5.4.300-5.4.318", Microsoft, Expired},
		{"unregistered_only_microsoft_uses_it", "5.7.606", NoProvider, "5.7.606-5.7.649", Microsoft, Blocked},
		{"unregistered_only_microsoft_uses_it_4.7.650", "4.7.650", NoProvider, "4.7.650-4.7.651", Microsoft, BadReputation},
		{"unregistered_unknown_falls_back_to_subject", "5.7.99", NoProvider, "X.7.0", NoProvider, SecurityError},
		{"unregistered_mailbox_detail_falls_back", "5.2.99", NoProvider, "X.2.0", NoProvider, Filtered},
		{"microsoft_without_variant_is_registry", "5.1.1", Microsoft, "X.1.1", NoProvider, UserUnknown},
		{"soft_has_its_own_reason", "4.4.4", NoProvider, "X.4.4", NoProvider, NetworkError},
		{"hard_unable_to_route_is_host_unknown", "5.4.4", NoProvider, "X.4.4", NoProvider, HostUnknown},
		{"success_is_delivered", "2.0.0", NoProvider, "X.0.0", NoProvider, Delivered},
		{"mailbox_full", "4.2.2", NoProvider, "X.2.2", NoProvider, MailboxFull},
		{"refused", "5.7.1", NoProvider, "X.7.1", NoProvider, SecurityError}, {"refused_soft", "4.7.1", NoProvider, "X.7.1", NoProvider, Blocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, err := ParseEnhanced(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			e, ok := LookupEnhanced(code, tt.provider)
			if !ok {
				t.Fatalf("LookupEnhanced(%s, %v) not found", tt.code, tt.provider)
			}
			if e.Code != tt.wantCode || e.Provider != tt.wantProv || e.Reason != tt.reason {
				t.Errorf("LookupEnhanced(%s, %v) = %s (%v) %v, want %s (%v) %v",
					tt.code, tt.provider, e.Code, e.Provider, e.Reason, tt.wantCode, tt.wantProv, tt.reason)
			}
		})
	}
	for _, code := range []Enhanced{{}, {7, 7, 1}, {4, 16, 55}, {5, 8, 0}, {3, 1, 1}, {1, 0, 0}} {
		if e, ok := LookupEnhanced(code, NoProvider); ok {
			t.Errorf("LookupEnhanced(%v) = %s, want not found", code, e.Code)
		}
	}
}

func TestLookupEnhancedProviderNamesDiffer(t *testing.T) {
	// A provider's entry exists because its meaning differs from the registry's: its name must say
	// so, or the entry misleads.
	for _, tt := range []struct {
		code     Enhanced
		provider Provider
		word     string
	}{
		{Enhanced{5, 1, 10}, Microsoft, "RecipientNotFound"},
		{Enhanced{4, 7, 30}, Google, "DKIM"},
		{Enhanced{5, 7, 30}, Google, "DKIM"},
		{Enhanced{5, 7, 26}, Google, "Unauthenticated"},
		{Enhanced{5, 7, 610}, Microsoft, "banned sending IP"},
		{Enhanced{4, 7, 650}, Microsoft, "IP reputation"},
	} {
		e, _ := LookupEnhanced(tt.code, tt.provider)
		reg, _ := LookupEnhanced(tt.code, NoProvider)
		if !strings.Contains(e.Name, tt.word) {
			t.Errorf("%s %v: name %q does not contain %q", tt.code, tt.provider, e.Name, tt.word)
		}
		if e.Name == reg.Name && reg.Provider == NoProvider {
			t.Errorf("%s %v: same name as the registry's entry", tt.code, tt.provider)
		}
	}
}

func TestLookupReturnsCopies(t *testing.T) {
	e, _ := LookupEnhanced(Enhanced{5, 0, 0}, NoProvider)
	e.Classes[0] = Unknown
	again, _ := LookupEnhanced(Enhanced{5, 0, 0}, NoProvider)
	if again.Classes[0] == Unknown {
		t.Fatal("changing a looked-up entry's Classes changed the catalog")
	}
}

// catalogMarketoPage is the code list of Marketo's "Email Bounce Codes" page
// (seed/000_0b2d04713f443bb7.txt), verbatim.
var catalogMarketoPage = map[string]string{
	"250": "Mail accepted by receiving network", "421": "<domain> Service not available, closing transmission channel",
	"450": "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy)",
	"451": "Requested action aborted: error in processing", "452": "Requested action not taken: insufficient system storage",
	"500": "The server could not recognize the command due to a syntax error.",
	"501": "A syntax error was encountered in command arguments.", "502": "This command is not implemented.",
	"503": "The server has encountered a bad sequence of commands.", "504": "A command parameter is not implemented.",
	"550": "User’s mailbox was unavailable (such as not found)", "551": "The recipient is not local to the server.",
	"552":   "The action was aborted due to exceeded storage allocation.",
	"553":   "The command was aborted because the mailbox name is invalid.",
	"554":   "The transaction failed for some unstated reason.",
	"5.0.0": "Address does not exist", "5.1.0": "Other address status", "5.1.1": "Bad destination mailbox address",
	"5.1.2": "Bad destination system address", "5.1.3": "Bad destination mailbox address syntax",
	"5.1.4": "Destination mailbox address ambiguous", "5.1.5": "Destination mailbox address valid",
	"5.1.6": "Mailbox has moved", "5.1.7": "Bad sender’s mailbox address syntax", "5.1.8": "Bad sender’s system address",
	"5.2.0": "Other or undefined mailbox status", "5.2.1": "Mailbox disabled, not accepting messages",
	"5.2.2": "Mailbox full", "5.2.3": "Message length exceeds administrative limit.",
	"5.2.4": "Mailing list expansion problem", "5.3.0": "Other or undefined mail system status",
	"5.3.1": "Mail system full", "5.3.2": "System not accepting network messages",
	"5.3.3": "System not capable of selected features", "5.3.4": "Message too big for system",
	"5.4.0": "Other or undefined network or routing status", "5.4.1": "No answer from host",
	"5.4.2": "Bad connection", "5.4.3": "Routing server failure", "5.4.4": "Unable to route",
	"5.4.5": "Network congestion", "5.4.6": "Routing loop detected", "5.4.7": "Delivery time expired",
	"5.5.0": "Other or undefined protocol status", "5.5.1": "Invalid command", "5.5.2": "Syntax error",
	"5.5.3": "Too many recipients", "5.5.4": "Invalid command arguments", "5.5.5": "Wrong protocol version",
	"5.6.0": "Other or undefined media error", "5.6.1": "Media not supported",
	"5.6.2": "Conversion required and prohibited", "5.6.3": "Conversion required but not supported",
	"5.6.4": "Conversion with loss performed", "5.6.5": "Conversion failed",
	"5.7.0": "Other or undefined security status", "5.7.1": "Delivery not authorized, message refused",
	"5.7.2": "Mailing list expansion prohibited", "5.7.3": "Security conversion required but not possible",
	"5.7.4": "Security features not supported", "5.7.5": "Cryptographic failure",
	"5.7.6": "Cryptographic algorithm not supported", "5.7.7": "Message integrity failure",
}

// catalogSameWording compares a standard name with Marketo's wording ignoring case, punctuation
// and spacing, so that a curly apostrophe or a final full stop is no difference; leaving out the
// standard's closing note in parentheses (421) is none either.
func catalogSameWording(name, marketo string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				return r
			case r >= 'A' && r <= 'Z':
				return r + 'a' - 'A'
			}
			return -1
		}, s)
	}
	if norm(name) == norm(marketo) {
		return true
	}
	i := strings.LastIndex(name, " (")
	return i > 0 && strings.HasSuffix(name, ")") && norm(name[:i]) == norm(marketo)
}

func TestCatalogMarketoWording(t *testing.T) {
	if len(catalogMarketoPage) != 15+48 {
		t.Fatalf("test copy of Marketo's page has %d codes, want 63", len(catalogMarketoPage))
	}
	for code, marketo := range catalogMarketoPage {
		var e Entry
		var ok bool
		if strings.Contains(code, ".") {
			var ec Enhanced
			ec, err := ParseEnhanced(code)
			if err != nil {
				t.Fatal(err)
			}
			e, ok = LookupEnhanced(ec, NoProvider)
		} else {
			n, _ := strconv.Atoi(code)
			e, ok = LookupBasic(uint16(n))
		}
		if !ok {
			t.Errorf("%s from Marketo's page is not in the catalog", code)
			continue
		}
		if catalogSameWording(e.Name, marketo) {
			if e.Marketo != "" {
				t.Errorf("%s: Marketo = %q, want empty: the page says the same as the standard", code, e.Marketo)
			}
		} else if e.Marketo != marketo {
			t.Errorf("%s: Marketo = %q, want the page's %q", code, e.Marketo, marketo)
		}
	}
}

func TestAdvice(t *testing.T) {
	tests := []struct {
		name    string
		b       Bounce
		want    []string
		notWant []string
	}{
		{"user_unknown_is_suppressed", Bounce{Code: Code{550, Enhanced{5, 1, 1}}, Class: Hard, Reason: UserUnknown, AddressAtFault: true},
			[]string{"suppress", "do not retry", "Email Invalid", "Email Address"}, nil},
		{"block_is_not_the_leads_fault", Bounce{Code: Code{550, Enhanced{5, 7, 1}}, Class: Hard, Reason: Blocked},
			[]string{"not the lead's fault", "a day or two", "a few times over a few days", "blocklist", "reset Email Invalid"}, []string{"suppress"}},
		{"bad_reputation_like_block", Bounce{Class: Hard, Reason: BadReputation},
			[]string{"a day or two"}, nil},
		{"soft_mailbox_full_is_retried", Bounce{Code: Code{452, Enhanced{4, 2, 2}}, Class: Soft, Reason: MailboxFull},
			[]string{"retries on its own"}, nil},
		{"soft_block_is_retried", Bounce{Code: Code{421, Enhanced{4, 7, 0}}, Class: Soft, Reason: Blocked},
			[]string{"retries on its own", "not the lead's fault"}, nil},
		{"bare_550_does_not_mean_left", Bounce{Code: Code{Basic: 550}, Class: Hard, Reason: OnHold},
			[]string{"left the company", "enhanced code"}, nil},
		{"delivered_is_not_a_bounce", Bounce{Code: Code{Basic: 250}, Class: Success, Reason: Delivered},
			[]string{"Not a bounce"}, nil},
		{"vacation_is_not_a_bounce", Bounce{Reason: Vacation},
			[]string{"Not a bounce"}, nil},
		{"auth_failure_fix_sender", Bounce{Code: Code{550, Enhanced{5, 7, 26}}, Class: Hard, Reason: AuthFailure},
			[]string{"DKIM", "not the lead's fault"}, nil},
		{"soft_user_unknown_waits_for_hard", Bounce{Code: Code{450, Enhanced{4, 1, 1}}, Class: Soft, Reason: UserUnknown},
			[]string{"retries on its own", "hard bounce"}, nil},
		{"host_unknown_checks_typo", Bounce{Class: Hard, Reason: HostUnknown, AddressAtFault: true},
			[]string{"typo", "suppress"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Advice(tt.b)
			lower := strings.ToLower(got)
			for _, w := range tt.want {
				if !strings.Contains(lower, strings.ToLower(w)) {
					t.Errorf("Advice = %q, want it to say %q", got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(lower, strings.ToLower(w)) {
					t.Errorf("Advice = %q, must not say %q", got, w)
				}
			}
		})
	}
	for _, r := range Reasons() {
		for _, c := range []Class{Unknown, Hard, Soft, Success} {
			if Advice(Bounce{Class: c, Reason: r}) == "" {
				t.Errorf("Advice(%v, %v) is empty", c, r)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	seen := map[string]Reason{}
	for _, r := range Reasons() {
		d := Describe(r)
		if d == "" || !strings.HasSuffix(d, ".") {
			t.Errorf("Describe(%v) = %q, want one sentence", r, d)
		}
		if prev, dup := seen[d]; dup {
			t.Errorf("Describe(%v) = Describe(%v) = %q", r, prev, d)
		}
		seen[d] = r
	}
}

func TestWriteCatalogTSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalog(&buf, "tsv"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	wantHeader := []string{"code", "classes", "name", "reason", "explanation", "advice", "marketo", "provider", "source"}
	if !slices.Equal(header, wantHeader) {
		t.Fatalf("header = %q, want %q", header, wantHeader)
	}
	entries := Catalog()
	if len(lines)-1 != len(entries) {
		t.Fatalf("%d rows, want %d", len(lines)-1, len(entries))
	}
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != len(wantHeader) {
			t.Errorf("row %d: %d fields, want %d: %q", i+2, len(f), len(wantHeader), line)
			continue
		}
		e := entries[i]
		if f[0] != e.Code || f[2] != e.Name || f[5] != e.Advice || f[7] != e.Provider.String() {
			t.Errorf("row %d = %q, does not match entry %s", i+2, line, e.Code)
		}
		if _, err := ParseReason(f[3]); err != nil {
			t.Errorf("row %d: %v", i+2, err)
		}
		if f[1] != "" {
			for _, c := range strings.Split(f[1], ",") {
				if _, err := ParseClass(c); err != nil {
					t.Errorf("row %d: %v", i+2, err)
				}
			}
		}
	}
}

func TestCatalogTSVFieldFlattensWhiteSpace(t *testing.T) {
	if got := catalogTSVField("a\tb\nc\r\nd"); got != "a b c  d" {
		t.Errorf("catalogTSVField = %q", got)
	}
}

func TestWriteCatalogJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalog(&buf, "json"); err != nil {
		t.Fatal(err)
	}
	entries := Catalog()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(entries) {
		t.Fatalf("%d lines, want %d", len(lines), len(entries))
	}
	for i, line := range lines {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var got catalogJSON
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		e := entries[i]
		if got.Code != e.Code || got.Name != e.Name || got.Explanation != e.Explanation || got.Advice != e.Advice ||
			got.Marketo != e.Marketo || got.Source != e.Source || got.Reason != e.Reason.String() {
			t.Errorf("line %d = %+v, does not match entry %s", i+1, got, e.Code)
		}
		if got.Classes == nil || len(got.Classes) != len(e.Classes) {
			t.Errorf("line %d: classes = %v, want %v", i+1, got.Classes, e.Classes)
		}
	}
	if !strings.Contains(buf.String(), `"<domain> Service ready"`) {
		t.Error("json escapes < and > in names; want them as written")
	}
}

func TestWriteCatalogText(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalog(&buf, "text"); err != nil {
		t.Fatal(err)
	}
	heads := map[string]bool{}
	for i, line := range strings.Split(buf.String(), "\n") {
		if n := utf8.RuneCountInString(line); n > catalogWidth {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, line)
		}
		if line != "" && line[0] != ' ' {
			heads[strings.Fields(line)[0]] = true
		}
	}
	for _, e := range Catalog() {
		if !heads[e.Code] {
			t.Errorf("%s does not start a line", e.Code)
		}
	}
	for _, want := range []string{"Meaning: The mailbox does not exist", "Advice:", "Marketo's page says: \"Address does not exist\""} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text catalog lacks %q", want)
		}
	}
}

func TestCatalogWrap(t *testing.T) {
	var b strings.Builder
	catalogWrap(&b, strings.Repeat("word ", 30)+strings.Repeat("x", 90), "  ", "    ")
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i, l := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(l) > catalogWidth {
			t.Errorf("line %d too wide: %q", i, l)
		}
		if i > 0 && !strings.HasPrefix(l, "    word") {
			t.Errorf("line %d not indented: %q", i, l)
		}
	}
	if last := lines[len(lines)-1]; last != "    "+strings.Repeat("x", 90) {
		t.Errorf("a word longer than a line should stand alone, got %q", last)
	}
}

func TestWriteCatalogUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := WriteCatalog(&buf, "yaml")
	if err == nil || !strings.Contains(err.Error(), "yaml") {
		t.Fatalf("WriteCatalog(yaml) error = %v, want one naming the format", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes before failing", buf.Len())
	}
}

type catalogFailingWriter struct{}

func (catalogFailingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestWriteCatalogReportsWriteErrors(t *testing.T) {
	if err := WriteCatalog(catalogFailingWriter{}, "text"); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("error = %v, want the writer's", err)
	}
}

func BenchmarkLookupEnhanced(b *testing.B) {
	codes := []Enhanced{{5, 1, 1}, {4, 7, 30}, {5, 7, 606}, {5, 7, 999}, {2, 0, 0}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		LookupEnhanced(codes[i%len(codes)], Provider(i%3))
	}
}

func BenchmarkLookupBasic(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		LookupBasic(uint16(421 + i%140))
	}
}

func BenchmarkAdvice(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Advice(Bounce{Class: Class(i % 4), Reason: Reason(i % int(numReasons))})
	}
}

func TestCatalogAnswersEveryCorpusCode(t *testing.T) {
	// testdata/bounce-reasons.tsv: real bounce reasons with the codes literally in them.
	data, err := os.ReadFile("testdata/bounce-reasons.tsv")
	if err != nil {
		t.Fatal(err)
	}
	nonStandard := map[string]bool{"426": true, "522": true, "540": true, "542": true, "571": true}
	var rows, agree int
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			t.Fatalf("line %d: %d fields", i+2, len(f))
		}
		if f[1] != "" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatalf("line %d: basic %q: %v", i+2, f[1], err)
			}
			if _, ok := LookupBasic(uint16(n)); ok == nonStandard[f[1]] {
				t.Errorf("line %d: LookupBasic(%s) found = %v, want %v", i+2, f[1], ok, !nonStandard[f[1]])
			}
		}
		if f[2] == "" {
			continue
		}
		code, err := ParseEnhanced(f[2])
		if err != nil {
			t.Fatalf("line %d: %v", i+2, err)
		}
		e, ok := LookupEnhanced(code, NoProvider)
		if !ok {
			t.Errorf("line %d: LookupEnhanced(%s) not found", i+2, f[2])
			continue
		}
		rows++
		if want, err := ParseReason(f[4]); err == nil && want == e.Reason {
			agree++
		}
	}
	t.Logf("catalog default reason agrees with the corpus label on %d of %d rows with an enhanced code", agree, rows)
}

func TestCatalogProviderEntriesAreReachable(t *testing.T) {
	for _, r := range providerCatalog {
		lo := Enhanced{r.class, r.subject, r.detailLo}
		hi := Enhanced{r.class, r.subject, r.detailHi}
		want := lo.String()
		if r.detailHi != r.detailLo {
			want += "-" + hi.String()
		}
		if r.code != want {
			t.Errorf("%v record is labelled %q, want %q", r.provider, r.code, want)
		}
		if r.classes != classSet(1)<<catalogClassOf(r.class) {
			t.Errorf("%v %s: classes do not match class %d", r.provider, r.code, r.class)
		}
		// Each end of the range must reach this record: an earlier, wider record would hide it.
		for _, e := range []Enhanced{lo, hi} {
			got, ok := LookupEnhanced(e, r.provider)
			if !ok || got.Code != r.code || got.Provider != r.provider {
				t.Errorf("LookupEnhanced(%s, %v) = %s (%v), want %s", e, r.provider, got.Code, got.Provider, r.code)
			}
		}
	}
}

func catalogClassOf(digit uint16) Class {
	switch digit {
	case 2:
		return Success
	case 4:
		return Soft
	}
	return Hard
}

// providerMarks are words that make Classify recognise a provider without saying anything about
// the reason, for classifying a provider's code bare.
var providerMarks = map[Provider]string{
	Google: "gsmtp", Microsoft: "protection.outlook.com", Yahoo: "yahoo.com", Apple: "icloud.com",
	Proofpoint: "pphosted.com", Mimecast: "mimecast.com", Barracuda: "barracuda", Cisco: "iphmx.com",
}

// TestCatalogIsTheClassifiersTruth checks that the catalog and the classifier say the same: every
// code of the catalog, bare (with only a word that names its provider, if it is a provider's),
// classifies to the catalog's reason for each of its classes, and explain shows that reason next
// to the catalog's explanation of the code.
func TestCatalogIsTheClassifiersTruth(t *testing.T) {
	for _, e := range Catalog() {
		for _, c := range e.Classes {
			var texts []string
			var want Reason
			switch {
			case len(e.Code) == 3:
				if c == Success {
					continue // a 2xx alone is a delivery; its catalog reason says so
				}
				texts = []string{e.Code}
				want = e.Reason
			default:
				digit := map[Class]string{Hard: "5", Soft: "4", Success: "2"}[c]
				for _, code := range strings.Split(e.Code, "-") {
					if code[0] == 'X' {
						code = digit + code[1:]
					}
					text := code
					if m := providerMarks[e.Provider]; m != "" {
						text += " " + m
					}
					texts = append(texts, text)
				}
				en, err := ParseEnhanced(texts[0][:strings.IndexByte(texts[0]+" ", ' ')])
				if err != nil {
					t.Fatalf("%s: %v", e.Code, err)
				}
				x, ok := LookupEnhanced(en, e.Provider)
				if !ok {
					t.Fatalf("LookupEnhanced(%v, %v) found nothing", en, e.Provider)
				}
				want = x.Reason
			}
			for _, text := range texts {
				b := Classify(text)
				if b.Reason != want {
					t.Errorf("Classify(%q) = %v; the catalog's %s (%v) says %v", text, b.Reason, e.Code, c, want)
				}
				x := Explain(text)
				if x.Reason != want || (x.Explanation != e.Explanation && x.Explanation != "") {
					t.Errorf("Explain(%q) = %v, %q; the catalog says %v, %q", text, x.Reason, x.Explanation, want, e.Explanation)
				}
			}
		}
	}
}
