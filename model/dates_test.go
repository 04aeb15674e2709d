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

func TestParseDateForms(t *testing.T) {
	d := func(y, mo, dd, h, mi, s int) time.Time {
		return time.Date(y, time.Month(mo), dd, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in    string
		want  time.Time
		order dateOrder
	}{
		{"2024-01-02T03:04:05Z", d(2024, 1, 2, 3, 4, 5), orderFixed},
		{"2024-01-02 03:04", d(2024, 1, 2, 3, 4, 0), orderFixed},
		{"2024-01-02 03:04:05", d(2024, 1, 2, 3, 4, 5), orderFixed},
		{"2024/01/02", d(2024, 1, 2, 0, 0, 0), orderFixed},
		{"1/2/2024 3:04 PM", d(2024, 1, 2, 15, 4, 0), orderAmbiguous},
		{"1/2/2024 12:04 AM", d(2024, 1, 2, 0, 4, 0), orderAmbiguous},
		{"1/20/2024 9:00 am", d(2024, 1, 20, 9, 0, 0), orderMonthFirst},
		{"13/01/2024 10:00", d(2024, 1, 13, 10, 0, 0), orderDayFirst},
		{"13/01/2024", d(2024, 1, 13, 0, 0, 0), orderDayFirst},
		{"5/5/2024", d(2024, 5, 5, 0, 0, 0), orderFixed},
		{"02.01.2024 03:04", d(2024, 1, 2, 3, 4, 0), orderFixed},
		{"2.1.2024", d(2024, 1, 2, 0, 0, 0), orderFixed},
		{"02.01.24 03:04:05", d(2024, 1, 2, 3, 4, 5), orderFixed},
		{"13-01-2024", d(2024, 1, 13, 0, 0, 0), orderDayFirst},
		{"2 Jan 2024", d(2024, 1, 2, 0, 0, 0), orderFixed},
		{"02-Jan-2024", d(2024, 1, 2, 0, 0, 0), orderFixed},
		{"2 January 2024 10:30", d(2024, 1, 2, 10, 30, 0), orderFixed},
		{"Jan 2, 2024", d(2024, 1, 2, 0, 0, 0), orderFixed},
		{"Sept 2 2024 1:02 PM", d(2024, 9, 2, 13, 2, 0), orderFixed},
		{"Tue, 2 Jan 2024 10:00:00 UTC", d(2024, 1, 2, 10, 0, 0), orderFixed},
		{"Tue, 02 Jan 2024 10:00:00 +0100", d(2024, 1, 2, 9, 0, 0), orderFixed},
		{"1704164645", d(2024, 1, 2, 3, 4, 5), orderFixed},
		{"1704164645000", d(2024, 1, 2, 3, 4, 5), orderFixed},
		{"1704164645.5", d(2024, 1, 2, 3, 4, 5).Add(500 * time.Millisecond), orderFixed},
	}
	for _, tt := range tests {
		got, order, ok := parseDate([]byte(tt.in))
		if !ok || !got.Equal(tt.want) || order != tt.order {
			t.Errorf("parseDate(%q) = %v, %v, %v; want %v, %v", tt.in, got, order, ok, tt.want, tt.order)
		}
	}
	for _, bad := range []string{"yesterday", "13/13/2024", "2024-13-01", "32.01.2024", "1/2/2024 13:00 PM", "2 Foo 2024",
		"12345", "1/2", "02.01.2024 25:00", "Jan 2024", "00/01/2024", "1/2/2024 3:04 XM"} {
		if got, _, ok := parseDate([]byte(bad)); ok {
			t.Errorf("parseDate(%q) = %v; want not understood", bad, got)
		}
	}
	if got := swapDayMonth(d(2024, 1, 5, 10, 0, 0)); !got.Equal(d(2024, 5, 1, 10, 0, 0)) {
		t.Errorf("swapDayMonth: %v", got)
	}
}
