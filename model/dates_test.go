package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestDateUTC checks the hand-made calendar against time.Date, including the days and times
// time.Date rolls over (February 31, hour 24, second 60) and the years around leap rules.
func TestDateUTC(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	years := []int{0, 1, 99, 100, 399, 400, 1582, 1899, 1900, 1970, 1999, 2000, 2024, 2026, 2100, 2400, 9999}
	for n := range 200_000 {
		y := r.IntN(10000)
		if n < len(years)*12*31 {
			y = years[n/(12*31)]
		}
		mo, d := 1+n/31%12, 1+n%31
		if n >= len(years)*12*31 {
			mo, d = 1+r.IntN(12), 1+r.IntN(31)
		}
		h, mi, sec, ns := r.IntN(25), r.IntN(60), r.IntN(61), r.IntN(1e9)
		off := (r.IntN(29*60) - 14*60) * 60
		want := time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC).Add(-time.Duration(off) * time.Second)
		if got := dateUTC(y, mo, d, h*3600+mi*60+sec-off, ns); got != want {
			t.Fatalf("%04d-%02d-%02d %02d:%02d:%02d.%09d %+d s: got %v, want %v", y, mo, d, h, mi, sec, ns, off, got, want)
		}
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-01T09:30:00Z", time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)},
		{"2024-03-01 09:30:00", time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)},
		{"2024-03-01T09:30:00.250+02:00", time.Date(2024, 3, 1, 7, 30, 0, 250e6, time.UTC)},
		{"2024-03-01T00:30:00-0530", time.Date(2024, 3, 1, 6, 0, 0, 0, time.UTC)},
		{"2024-03-01", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"3/1/2024 9:30 PM", time.Date(2024, 3, 1, 21, 30, 0, 0, time.UTC)},
		{"12/31/24 12:05 AM", time.Date(2024, 12, 31, 0, 5, 0, 0, time.UTC)},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseTime([]byte(tt.in))
		if !ok || got != tt.want {
			t.Errorf("parseTime(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

// TestParseISOSeconds checks the one-pass reader against parseISO on the form it reads, with
// random digits (out-of-range fields included) and random separators.
func TestParseISOSeconds(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	seps := []byte("-T :Zz/0")
	for range 300_000 {
		b := []byte("2024-03-01T09:30:00Z")
		if r.IntN(2) == 0 {
			b = b[:19]
		}
		for i := range b {
			switch {
			case r.IntN(40) == 0:
				b[i] = seps[r.IntN(len(seps))]
			case b[i] >= '0' && b[i] <= '9':
				b[i] = byte('0' + r.IntN(10))
			}
		}
		got, ok := parseISOSeconds(b)
		want, wantOK := parseISO(b)
		if ok && (!wantOK || got != want) {
			t.Fatalf("%q: %v, want %v (%v)", b, got, want, wantOK)
		}
	}
	for _, s := range []string{"2024-03-01T09:30:00Z", "2024-03-01 09:30:00", "1999-12-31T23:59:60"} {
		if _, ok := parseISOSeconds([]byte(s)); !ok {
			t.Errorf("%q left to the slow path", s)
		}
	}
}
