package model

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/bouncelens/bouncelens/codes"
)

// Burst is a stretch of periods in which one mailbox provider refused far more leads for one
// reason than its share of every bounce in those periods would give: a provider that started
// blocking or throttling, rather than a send that bounced everywhere.
type Burst struct {
	Provider string // as Dataset.Provider names it, or OtherProvider
	Reason   codes.Reason
	From     time.Time // the first period's start, UTC
	Until    time.Time // the end of the last period (exclusive)
	Periods  int       // periods in the stretch
	Count    int       // leads of the provider and reason in the stretch
	Expected float64   // the pair's share of all the stretch's bounces
	Total    int       // leads of the provider and reason in every period
	score    float64
}

// Burst limits: a stretch holds at least minBurst leads of its pair, at least burstRatio times
// what its share would give, spans at most maxBurstPeriods periods, and scores at least
// minBurstScore: chance alone, over the thousands of stretches a quarter's export has per
// provider and reason, reaches about the logarithm of their number (7 or 8 on a generated
// 100,000-row export without bursts of that kind).
const (
	minBurst        = 5
	burstRatio      = 3
	maxBurstPeriods = 14
	minBurstScore   = 10
)

// Bursts finds, for every provider and reason of the selected leads, the stretch of periods
// (every long) that stands out most, scored by the scan statistic's log-likelihood ratio of
// its count against what the pair's share of all the stretch's bounces would give, and returns
// the stretches that clear the limits above, the most striking first. Leads without a date
// are left out.
func (ds *Dataset) Bursts(sel []int32, every Period) []Burst {
	dates := ds.leadDates()
	provIDs, provNames := ds.providerIDs()
	meta := ds.prepared()
	unit := int64(every.Length() / time.Second)
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	for _, i := range sel {
		if at := dates[i]; at != noDate {
			first, last = min(first, periodOf(at, every)), max(last, periodOf(at, every))
		}
	}
	if first > last {
		return nil
	}
	periods := int((last-first)/unit) + 1
	nReasons := len(codes.Reasons()) + 1
	pairOf := func(i int32) int { return int(provIDs[i])*nReasons + int(ds.ridBounce[meta[i]>>2].Reason) }

	// First pass: every period's bounces and every pair's total.
	perPeriod := make([]int, periods)
	totals := make([]int, len(provNames)*nReasons)
	for _, i := range sel {
		if at := dates[i]; at != noDate {
			perPeriod[(periodOf(at, every)-first)/unit]++
			totals[pairOf(i)]++
		}
	}
	// Second pass: per period counts of the pairs big enough to burst.
	series := make([][]int32, len(totals))
	for p, n := range totals {
		if n >= minBurst {
			series[p] = make([]int32, periods)
		}
	}
	all := 0
	for _, i := range sel {
		if at := dates[i]; at != noDate {
			all++
			if s := series[pairOf(i)]; s != nil {
				s[(periodOf(at, every)-first)/unit]++
			}
		}
	}
	cum := make([]int, periods+1)
	for p, n := range perPeriod {
		cum[p+1] = cum[p] + n
	}
	var out []Burst
	for pair, s := range series {
		if s == nil {
			continue
		}
		total := totals[pair]
		if b, ok := bestStretch(s, cum, total, all); ok {
			b.Provider = provNames[pair/nReasons]
			b.Reason = codes.Reason(pair % nReasons)
			b.From = time.Unix(first+int64(b.from)*unit, 0).UTC()
			b.Until = time.Unix(first+int64(b.from+b.Periods)*unit, 0).UTC()
			out = append(out, b.Burst)
		}
	}
	slices.SortFunc(out, func(a, b Burst) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Provider, b.Provider); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return out
}

// stretch is a candidate burst and the index of its first period.
type stretch struct {
	Burst
	from int
}

// bestStretch returns the stretch of s (one pair's counts per period) with the highest
// log-likelihood ratio, given cum (all bounces, cumulated per period), the pair's total and
// every bounce's count; ok is false when no stretch clears the limits.
func bestStretch(s []int32, cum []int, total, all int) (best stretch, ok bool) {
	share := float64(total) / float64(all)
	for from := range s {
		if s[from] == 0 {
			continue // a best stretch starts and ends on a period with bounces of its pair
		}
		c := 0
		for to := from; to < len(s) && to < from+maxBurstPeriods; to++ {
			c += int(s[to])
			if s[to] == 0 {
				continue
			}
			e := share * float64(cum[to+1]-cum[from])
			if c < minBurst || float64(c) < burstRatio*e {
				continue
			}
			llr := float64(c) * math.Log(float64(c)/e)
			if rest, erest := float64(total-c), float64(total)-e; rest > 0 {
				llr += rest * math.Log(rest/erest)
			}
			if llr >= minBurstScore && (!ok || llr > best.score) {
				best = stretch{Burst: Burst{Periods: to - from + 1, Count: c, Expected: e, Total: total, score: llr}, from: from}
				ok = true
			}
		}
	}
	return best, ok
}
