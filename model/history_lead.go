package model

import (
	"cmp"
	"slices"
	"strconv"
)

// RetryBudget is how many bounces practitioners allow an address that bounced for a block or a
// soft reason before they stop re-sending: past it, another try hurts the sender's reputation.
const RetryBudget = 3

// addressBounces returns the leads of every address that bounced more than once, by AddressKey,
// oldest bounce first. It is built on first use.
func (ds *Dataset) addressBounces() map[string][]int32 {
	hx := &ds.hist
	hx.groupsOnce.Do(func() {
		counts := ds.BounceCounts()
		dates := ds.leadDates()
		hx.groups = make(map[string][]int32)
		for i, n := range counts {
			if n > 1 {
				k := AddressKey(ds.Leads[i].Email)
				hx.groups[k] = append(hx.groups[k], int32(i))
			}
		}
		for _, g := range hx.groups {
			slices.SortStableFunc(g, func(a, b int32) int { return cmp.Compare(dates[a], dates[b]) })
		}
	})
	return hx.groups
}

// PrepareHistory builds what a lead's bounce history needs (the bounce dates, each address's
// bounce count and its bounces), so that the first detail opened does not wait for it: call it
// off the UI's update loop once loaded.
func (ds *Dataset) PrepareHistory() {
	ds.addressBounces()
}

// Bounces returns the leads that share lead i's address (AddressKey), lead i among them: every
// bounce of the address across the files loaded, oldest first, those without a date before the
// dated ones. A lead without an address, or whose address bounced once, is alone. The index is
// built on first use; the slice is shared: do not modify it.
func (ds *Dataset) Bounces(i int32) []int32 {
	if i < 0 || int(i) >= len(ds.Leads) {
		return nil
	}
	if ds.BounceCounts()[i] <= 1 {
		return []int32{i}
	}
	if g := ds.addressBounces()[AddressKey(ds.Leads[i].Email)]; len(g) > 0 {
		return g
	}
	return []int32{i}
}

// RetryAdvice says, for a lead whose action is re-add or wait, whether another send is worth it
// given how many times its address bounced (n, at least 1) since first (zero when unknown):
// past RetryBudget bounces it is not, until the cause is fixed.
func RetryAdvice(n int, first string) string {
	times := "once"
	switch n {
	case 0, 1:
	case 2:
		times = "twice"
	default:
		times = strconv.Itoa(n) + " times"
	}
	since := ""
	if n > 1 && first != "" {
		since = " since " + first
	}
	switch {
	case n <= 1:
		return "Bounced once: one more try is reasonable."
	case n < RetryBudget:
		return "Bounced " + times + since + ": within the usual budget of " + strconv.Itoa(RetryBudget) + " retries; one more try is reasonable."
	case n == RetryBudget:
		return "Bounced " + times + since + ": the usual budget of " + strconv.Itoa(RetryBudget) + " retries is spent; do not re-add until the cause is fixed."
	}
	return "Bounced " + times + since + ": past the usual budget of " + strconv.Itoa(RetryBudget) + " retries; do not re-add until the cause is fixed."
}
