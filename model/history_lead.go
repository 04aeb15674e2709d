package model

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"weak"
)

// RetryBudget is how many bounces practitioners allow an address that bounced for a block or a
// soft reason before they stop re-sending: past it, another try hurts the sender's reputation.
const RetryBudget = 3

// addressBounces groups the leads of every address that bounced more than once.
type addressBounces struct {
	once   sync.Once
	groups map[string][]int32 // AddressKey -> its leads, oldest bounce first
}

// bounceIndexes holds each dataset's addressBounces, keyed weakly so that a dataset that is no
// longer used is collected with its index.
var bounceIndexes sync.Map // weak.Pointer[Dataset] -> *addressBounces

func (ds *Dataset) addressBounces() *addressBounces {
	wp := weak.Make(ds)
	if v, ok := bounceIndexes.Load(wp); ok {
		return v.(*addressBounces)
	}
	v, loaded := bounceIndexes.LoadOrStore(wp, &addressBounces{})
	if !loaded {
		runtime.AddCleanup(ds, func(k weak.Pointer[Dataset]) { bounceIndexes.Delete(k) }, wp)
	}
	ab := v.(*addressBounces)
	ab.once.Do(func() {
		counts := ds.BounceCounts()
		dates := ds.leadDates()
		ab.groups = make(map[string][]int32)
		for i, n := range counts {
			if n > 1 {
				k := AddressKey(ds.Leads[i].Email)
				ab.groups[k] = append(ab.groups[k], int32(i))
			}
		}
		for _, g := range ab.groups {
			slices.SortStableFunc(g, func(a, b int32) int { return cmp.Compare(dates[a], dates[b]) })
		}
	})
	return ab
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
	if g := ds.addressBounces().groups[AddressKey(ds.Leads[i].Email)]; len(g) > 0 {
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
