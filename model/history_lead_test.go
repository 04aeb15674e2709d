package model

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestRetryAdvice(t *testing.T) {
	for _, tc := range []struct {
		n     int
		first string
		want  string
	}{
		{1, "2026-10-01", "Bounced once: one more try is reasonable."},
		{2, "2026-10-01", "Bounced twice since 2026-10-01: within the usual budget of 3 retries; one more try is reasonable."},
		{3, "", "Bounced 3 times: the usual budget of 3 retries is spent; do not re-add until the cause is fixed."},
		{4, "2026-10-01", "Bounced 4 times since 2026-10-01: past the usual budget of 3 retries; do not re-add until the cause is fixed."},
	} {
		if got := RetryAdvice(tc.n, tc.first); got != tc.want {
			t.Errorf("RetryAdvice(%d, %q) = %q, want %q", tc.n, tc.first, got, tc.want)
		}
	}
}

func TestBouncesGroupsAnAddressOldestFirst(t *testing.T) {
	const csv = "Email Address,Email Suspended Cause,Email Suspended At\n" +
		"ann@acme.example,421 4.7.0 try later,2026-10-05 10:00:00\n" +
		"bob@acme.example,421 4.7.0 try later,2026-10-02 10:00:00\n" +
		"ann@acme.example,421 4.7.0 try later,2026-10-01 10:00:00\n" +
		" ANN@acme.example,421 4.7.0 try later,2026-10-09 10:00:00\n" +
		",421 4.7.0 try later,2026-10-03 10:00:00\n"
	ds, err := LoadReader(context.Background(), strings.NewReader(csv), "r.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int32{0, 2, 3} {
		if got := ds.Bounces(i); !slices.Equal(got, []int32{2, 0, 3}) {
			t.Errorf("Bounces(%d) = %v, want [2 0 3]", i, got)
		}
	}
	for _, i := range []int32{1, 4} {
		if got := ds.Bounces(i); !slices.Equal(got, []int32{i}) {
			t.Errorf("Bounces(%d) = %v, want only itself", i, got)
		}
	}
	if got := ds.Bounces(99); got != nil {
		t.Errorf("Bounces(99) = %v, want nil", got)
	}
}

// BenchmarkBouncesIndex measures building the per-address index of a million leads, the cost of
// the first detail opened (BounceCounts and the dates, which it shares, included).
func BenchmarkBouncesIndex(b *testing.B) {
	ds := loaded1M(b)
	rep := int32(slices.IndexFunc(ds.BounceCounts(), func(n int32) bool { return n > 1 }))
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			ds.hist = historyIndex{}
			_ = ds.Bounces(rep)
		}
	})
	b.Run("groups", func(b *testing.B) { // BounceCounts and the dates already built
		for b.Loop() {
			ds.hist.groupsOnce, ds.hist.groups = sync.Once{}, nil
			_ = ds.Bounces(rep)
		}
	})
}
