package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/bouncelens/bouncelens/codes"

	"github.com/bouncelens/bouncelens/model"
)

// repeatCSV is one address that bounced three times (in no date order, one cell in other case)
// and one that bounced once.
const repeatCSV = "Email Address,Email Suspended,Email Suspended Cause,Email Suspended At\n" +
	"ann@acme.example,true,550 5.7.1 Service unavailable; client host blocked using Spamhaus,2026-10-05 10:00:00\n" +
	"bob@other.example,true,550 5.1.1 user unknown,2026-10-02 09:00:00\n" +
	"ann@acme.example,true,550 5.7.1 Message rejected: blocked by policy,2026-10-01 08:00:00\n" +
	" Ann@Acme.example,true,550 5.7.1 Service unavailable; blocked again,2026-10-09 12:30:00\n"

func repeatDataset(t *testing.T) *model.Dataset {
	t.Helper()
	ds, err := model.LoadReader(context.Background(), strings.NewReader(repeatCSV), "repeat.csv", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestDetailListsTheAddressBouncesNewestFirst(t *testing.T) {
	ds := repeatDataset(t)
	h := newHarness(t, ds, 120, 60)
	h.openDetail(550, "5.7.1")
	v := h.view()
	if !strings.Contains(v, "Bounces of this address: 3") {
		t.Fatalf("no bounce count:\n%s", v)
	}
	i9 := strings.Index(v, "2026-10-09 12:30 (suspended)  wait · blocked")
	i5 := strings.Index(v, "2026-10-05 10:00 (suspended)")
	i1 := strings.Index(v, "2026-10-01 08:00 (suspended)")
	if i9 < 0 || i5 < 0 || i1 < 0 || !(i9 < i5 && i5 < i1) {
		t.Fatalf("bounces not listed newest first (%d %d %d):\n%s", i9, i5, i1, v)
	}
	if strings.Contains(v, "2026-10-02 09:00") {
		t.Fatalf("another address's bounce is listed:\n%s", v)
	}
	if !strings.Contains(v, "First 2026-10-01 08:00 · last 2026-10-09 12:30 UTC") {
		t.Fatalf("no first and last date:\n%s", v)
	}
	if !strings.Contains(v, "550 5.7.1  550 5.7.1 Service unavailable; blocked") {
		t.Fatalf("a bounce's code or text is missing:\n%s", v)
	}
	if act := ds.Action(h.a.detailP.lead); act != codes.Readd {
		t.Fatalf("the blocked lead's action is %s, want readd", act)
	}
	if !strings.Contains(rightColumn(v), "Bounced 3 times since 2026-10-01: the usual budget of 3 retries is spent") {
		t.Fatalf("readd lead without the retry budget:\n%s", v)
	}
}

// rightColumn is the text of a two-column detail's right column, its lines joined by spaces.
func rightColumn(v string) string {
	var words []string
	for _, ln := range strings.Split(v, "\n") {
		if _, right, ok := strings.Cut(ln, "│"); ok {
			words = append(words, strings.Fields(right)...)
		}
	}
	return strings.Join(words, " ")
}
