package model

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// testReasons are real-world reason shapes; %s is the lead's address.
var testReasons = []string{
	"550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table",
	"550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser - gsmtp",
	"554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org",
	"452 4.2.2 The email account that you tried to reach is over quota",
	"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume",
	"smtp; 550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
	"Mailbox does not exist",
	"",
}

var testCompanies = []string{"Acme, Inc.", "Birch LLC", "Kestrel Energy", "", "Zephyr Logistics"}
var testFirst = []string{"Ann", "Bob", "Zoë", "美咲", "José", "Dana"}
var testLast = []string{"Lee", "Ng", "Müller", "Kato", "Price"}
var testDomains = []string{"gmail.com", "outlook.com", "Example.COM", "yahoo.co.jp", "kestrel-energy.com"}

// genCSV writes a Marketo People-tab export of n leads, deterministic in n.
func genCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Id,First Name,Last Name,Email Address,Company Name,Email Invalid,Email Invalid Cause,Email Suspended,Email Suspended Cause,Email Suspended At,Unsubscribed,Created At,Updated At,Job Title\r\n")
	x := uint32(2463534242)
	next := func(k int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(k))
	}
	for i := range n {
		first, last := testFirst[next(len(testFirst))], testLast[next(len(testLast))]
		email := fmt.Sprintf("%s.%d@%s", "lead", i, testDomains[next(len(testDomains))])
		reason := testReasons[next(len(testReasons))]
		if bytes.Contains([]byte(reason), []byte("%s")) {
			reason = fmt.Sprintf(reason, email)
		}
		invalid, suspended, susAt, cause, scause := "true", "false", "", reason, ""
		if next(4) == 0 {
			invalid, suspended, susAt, cause, scause = "false", "true", "2026-11-29 08:00:00", "", reason
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,false,2024-03-01T09:30:00Z,2026-11-27 14:03:11,%s\r\n",
			100000+i, first, last, email, quote(testCompanies[next(len(testCompanies))]), invalid, quote(cause), suspended, quote(scause), susAt,
			[]string{"VP Sales", "", "Buyer"}[next(3)])
	}
	return b.Bytes()
}

func quote(s string) string {
	if bytes.ContainsAny([]byte(s), ",\"\r\n") {
		return `"` + string(bytes.ReplaceAll([]byte(s), []byte(`"`), []byte(`""`))) + `"`
	}
	return s
}

func genDataset(t testing.TB, n int) *Dataset {
	t.Helper()
	ds, err := LoadReader(context.Background(), bytes.NewReader(genCSV(n)), "gen.csv", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Skipped) > 0 {
		t.Fatalf("generated export has bad rows: %v", ds.Skipped[0])
	}
	return ds
}
