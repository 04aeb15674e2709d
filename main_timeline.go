package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
	"github.com/gocarina/gocsv"
)

// parseDate reads a --since or --until value: a date (2026-11-03, midnight UTC; for --until the
// end of that day) or an RFC 3339 time.
func parseDate(flagName, s string, endOfDay bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if endOfDay {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%w: %s: %q is not a date such as 2026-11-03 or a time such as 2026-11-03T14:00:00Z", errUsage, flagName, s)
}

// history sets the filter's bounce history bounds from --since, --until and --min-bounces.
func (lf *loadFlags) history(r *model.History) error {
	if lf.minBounces < 0 {
		return fmt.Errorf("%w: --min-bounces must not be negative", errUsage)
	}
	r.MinBounces = lf.minBounces
	var err error
	if lf.since != "" {
		if r.Since, err = parseDate("--since", lf.since, false); err != nil {
			return err
		}
	}
	if lf.until != "" {
		if r.Until, err = parseDate("--until", lf.until, true); err != nil {
			return err
		}
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
		return fmt.Errorf("%w: --since %s is not before --until %s", errUsage, lf.since, lf.until)
	}
	return nil
}

// reportActivities says, for each Marketo activity file loaded, how many bounces it held and
// how many rows of other activity types were skipped, and, for each lead export joined with
// them, how many of its rows were joined.
func reportActivities(ds *model.Dataset, stderr io.Writer) {
	for _, r := range ds.Activities {
		fmt.Fprintf(stderr, "bouncelens: %s\n", codes.SafeText(r.Summary()))
	}
	for _, j := range ds.Joins {
		fmt.Fprintf(stderr, "bouncelens: %s\n", codes.SafeText(j.Summary()))
	}
}

func runTimeline(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("timeline", "bouncelens timeline [flags] FILE ...", stderr)
	var lf loadFlags
	lf.register(fs)
	every := fs.String("every", "auto", "bucket `PERIOD`: hour, day, week, or auto (hours under two days of bounces, weeks over 120 days, else days)")
	byName := fs.String("by", "provider", "split each period by `WHAT`: provider, action, reason, code or domain")
	format := fs.String("format", "table", "output `FORMAT`: table (with bars), csv or json (one object per line)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("--format", *format, "table", "csv", "json"); err != nil {
		return err
	}
	by, err := model.ParseKey(*byName)
	if err != nil {
		return fmt.Errorf("%w: --by: %v", errUsage, err)
	}
	auto := strings.EqualFold(*every, "auto")
	var period model.Period
	if !auto {
		if period, err = model.ParsePeriod(*every); err != nil {
			return fmt.Errorf("%w: --every: %v", errUsage, err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ds, sel, err := load(ctx, files, &lf, stdin, stderr)
	if err != nil {
		return err
	}
	first, last := ds.Span(sel)
	if auto {
		period = model.AutoPeriod(first, last)
	}
	buckets := ds.Timeline(sel, period, by)
	undated := ds.Undated(sel)
	w := bufio.NewWriter(ctxWriter{ctx, stdout})
	switch *format {
	case "json":
		err = writeTimelineJSON(w, buckets, period)
	case "csv":
		err = writeTimelineCSV(w, buckets, period)
	default:
		err = writeTimelineTable(w, buckets, period, by, first, last, model.DatedBy(ds.DateSources(sel)), terminalWidth(stdout))
		if err == nil {
			err = writeBursts(w, ds.Bursts(sel, period), period)
		}
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if undated > 0 {
		fmt.Fprintf(stderr, "bouncelens: %d of %d lead(s) have no bounce date (no Email Suspended At or Updated At): left out of the timeline\n", undated, len(sel))
	}
	return nil
}

// writeBursts lists the stretches in which one provider refused far more leads for one reason
// than its share of those periods' bounces (model.Bursts), under the table.
func writeBursts(w io.Writer, bursts []model.Burst, every model.Period) error {
	if len(bursts) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nBursts: a provider refusing far more than its share of the %ss' bounces\n", every)
	for _, b := range bursts {
		when := periodLabel(b.From, every)
		if every == model.Week {
			when = "week of " + when
		}
		if b.Periods > 1 {
			when += " to " + periodLabel(b.Until.Add(-every.Length()), every)
		}
		if _, err := fmt.Fprintf(w, "  %s %s: %d lead(s), %s, %.1f× its share\n", codes.SafeText(b.Provider), b.Reason, b.Count, when, float64(b.Count)/b.Expected); err != nil {
			return err
		}
	}
	return nil
}

// periodLabel writes a period's start: its date, or for hours its RFC 3339 time.
func periodLabel(start time.Time, every model.Period) string {
	if every == model.Hour {
		return start.Format(time.RFC3339)
	}
	return start.Format(time.DateOnly)
}

// timelineRow is one bucket as csv and json write it.
type timelineRow struct {
	Period string `csv:"period" json:"period"`
	Key    string `csv:"key" json:"key"`
	Count  int    `csv:"count" json:"count"`
}

func writeTimelineJSON(w io.Writer, buckets []model.Bucket, every model.Period) error {
	enc := json.NewEncoder(w)
	for _, b := range buckets {
		if err := enc.Encode(timelineRow{periodLabel(b.Start, every), strings.ToValidUTF8(b.Key, "\uFFFD"), b.Count}); err != nil {
			return err
		}
	}
	return nil
}

func writeTimelineCSV(w io.Writer, buckets []model.Bucket, every model.Period) error {
	rows := make([]timelineRow, len(buckets))
	for k, b := range buckets {
		key := strings.ToValidUTF8(b.Key, "\uFFFD")
		if model.Formulaish(key) {
			key = "'" + key
		}
		rows[k] = timelineRow{periodLabel(b.Start, every), key, b.Count}
	}
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeTimelineTable writes one line per bucket, the period written on its first bucket only,
// with a bar of █ scaled to the largest count.
func writeTimelineTable(w io.Writer, buckets []model.Bucket, every model.Period, by model.Key, first, last time.Time, dated string, width int) error {
	if len(buckets) == 0 {
		_, err := fmt.Fprintln(w, "No dated bounces to show.")
		return err
	}
	fmt.Fprintf(w, "Bounces per %s by %s, %s to %s (UTC, %s)\n\n", every, by, periodLabel(first.UTC(), every), periodLabel(last.UTC(), every), dated)
	const keyMax = 32
	keys := make([]string, len(buckets))
	keyW, most, countW := len(by.String()), 0, 5
	for k, b := range buckets {
		key := codes.SafeText(b.Key)
		if key == "" {
			key = "(none)"
		}
		if utf8.RuneCountInString(key) > keyMax {
			key = string([]rune(key)[:keyMax-1]) + "…"
		}
		keys[k] = key
		keyW = max(keyW, utf8.RuneCountInString(key))
		most = max(most, b.Count)
		countW = max(countW, len(strconv.Itoa(b.Count)))
	}
	periodW := len(periodLabel(buckets[0].Start, every))
	barMax := 40
	if width > 0 {
		barMax = min(barMax, width-periodW-keyW-countW-6)
	}
	barMax = max(barMax, 1)
	heading := map[model.Period]string{model.Hour: "hour", model.Day: "day", model.Week: "week of"}[every]
	periodW = max(periodW, len(heading))
	fmt.Fprintf(w, "%-*s  %-*s  %*s\n", periodW, heading, keyW, by.String(), countW, "count")
	for k, b := range buckets {
		label := ""
		if k == 0 || !b.Start.Equal(buckets[k-1].Start) {
			label = periodLabel(b.Start, every)
		}
		n := (b.Count*barMax + most - 1) / most
		pad := keyW - utf8.RuneCountInString(keys[k])
		if _, err := fmt.Fprintf(w, "%-*s  %s%s  %*d  %s\n", periodW, label, keys[k], strings.Repeat(" ", pad), countW, b.Count, strings.Repeat("█", n)); err != nil {
			return err
		}
	}
	return nil
}
