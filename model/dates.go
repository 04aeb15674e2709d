package model

import (
	"time"
)

// dateOrder is what a numeric date with a two-digit first field says about the order of its
// day and month: a file writes one order, decided from all its values (see Dataset.fixOrder).
type dateOrder uint8

const (
	orderFixed      dateOrder = iota // the form fixes the order (ISO, D.M.Y, a month name) or no date
	orderDayFirst                    // the first field is over 12: the file writes D/M/Y
	orderMonthFirst                  // the second field is over 12: the file writes M/D/Y
	orderAmbiguous                   // both fields are 12 or less and differ: read month first
)

// parseTime is parseDate without the order.
func parseTime(b []byte) (time.Time, bool) {
	t, _, ok := parseDate(b)
	return t, ok
}

// parseDate reads the dates exports and spreadsheets write, and empty for none:
//   - ISO 8601 (2024-03-01T09:30:00Z, with or without a zone or fraction, a space for the T),
//     2024-03-01, 2024/03/01;
//   - M/D/YYYY h:mm AM (US order, as Marketo writes) and D/M/YYYY hh:mm (most of the world):
//     a value whose first field is over 12 is read day first, one whose second field is, month
//     first, and the rest month first, with orderAmbiguous so that the file's other values can
//     decide (two-digit years are 20YY);
//   - D.M.YYYY hh:mm (German, always day first), D-M-YYYY like D/M/YYYY;
//   - 2 Jan 2024, 02-Jan-2024, 2 January 2024 10:00, Jan 2, 2024 and RFC 1123/822 forms;
//   - Unix times in seconds or milliseconds (10 or 13 digits).
//
// Times without a zone are taken as UTC; times with one are converted to UTC.
func parseDate(b []byte) (time.Time, dateOrder, bool) {
	if len(b) == 0 {
		return time.Time{}, orderFixed, true
	}
	if t, ok := parseISOSeconds(b); ok {
		return t, orderFixed, true
	}
	if t, ok := parseISO(b); ok {
		return t, orderFixed, true
	}
	if b[0] >= '0' && b[0] <= '9' {
		if t, order, ok := parseNumeric(b); ok {
			return t, order, true
		}
		if t, ok := parseUnix(b); ok {
			return t, orderFixed, true
		}
	}
	if t, ok := parseMonthName(b); ok {
		return t, orderFixed, true
	}
	s := string(b)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), orderFixed, true
		}
	}
	return time.Time{}, orderFixed, false
}

// parseNumeric reads D/M/Y, M/D/Y, D.M.Y, D-M-Y and Y/M/D with an optional time (see parseClock).
func parseNumeric(b []byte) (time.Time, dateOrder, bool) {
	f1, i, ok := number(b, 0, 4)
	if !ok || i >= len(b) || b[i] != '/' && b[i] != '.' && b[i] != '-' {
		return time.Time{}, orderFixed, false
	}
	sep, n1 := b[i], i
	f2, j, ok := number(b, i+1, 2)
	if !ok || j >= len(b) || b[j] != sep {
		return time.Time{}, orderFixed, false
	}
	f3, k, ok := number(b, j+1, 4)
	n3 := k - j - 1
	if !ok {
		return time.Time{}, orderFixed, false
	}
	var y, mo, d int
	order := orderFixed
	switch {
	case n1 == 4 && n3 <= 2:
		y, mo, d = f1, f2, f3
	case n1 > 2 || n3 != 2 && n3 != 4:
		return time.Time{}, orderFixed, false
	default:
		y = f3
		if n3 == 2 {
			y += 2000
		}
		switch {
		case sep == '.':
			d, mo = f1, f2
		case f1 > 12:
			d, mo, order = f1, f2, orderDayFirst
		case f2 > 12:
			mo, d, order = f1, f2, orderMonthFirst
		default:
			mo, d = f1, f2
			if f1 != f2 {
				order = orderAmbiguous
			}
		}
	}
	secs, ok := parseClock(b, k)
	if !ok || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, orderFixed, false
	}
	return dateUTC(y, mo, d, secs, 0), order, true
}

// parseClock reads what may follow a date at b[i:]: nothing, or a blank (or ", ", or a T) and
// h:mm[:ss[.fff]] with an optional AM/PM and an optional Z or UTC. It returns the seconds into
// the day.
func parseClock(b []byte, i int) (int, bool) {
	if i == len(b) {
		return 0, true
	}
	switch {
	case b[i] == 'T':
		i++
	case b[i] == ',' && i+1 < len(b) && b[i+1] == ' ':
		i += 2
	case b[i] == ' ':
		i++
	default:
		return 0, false
	}
	h, i, ok := number(b, i, 2)
	if !ok || i >= len(b) || b[i] != ':' {
		return 0, false
	}
	mi, ok := digits(b, i+1, 2)
	if !ok {
		return 0, false
	}
	i += 3
	var sec int
	if i < len(b) && b[i] == ':' {
		if sec, ok = digits(b, i+1, 2); !ok {
			return 0, false
		}
		i += 3
		if i < len(b) && (b[i] == '.' || b[i] == ',') {
			j := i + 1
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j == i+1 {
				return 0, false
			}
			i = j
		}
	}
	if i+3 <= len(b) && b[i] == ' ' && (b[i+2]|0x20) == 'm' && (i+3 == len(b) || b[i+3] == ' ') {
		if h < 1 || h > 12 {
			return 0, false
		}
		switch b[i+1] | 0x20 {
		case 'a':
			if h == 12 {
				h = 0
			}
		case 'p':
			if h < 12 {
				h += 12
			}
		default:
			return 0, false
		}
		i += 3
	}
	switch rest := string(b[i:]); rest {
	case "", "Z", " UTC", " GMT", " Z":
	default:
		return 0, false
	}
	if h > 23 || mi > 59 || sec > 60 {
		return 0, false
	}
	return h*3600 + mi*60 + sec, true
}

// parseUnix reads a Unix time of 10 digits (seconds) or 13 (milliseconds), possibly with a
// fraction of a second.
func parseUnix(b []byte) (time.Time, bool) {
	v, i, _ := number(b, 0, 13)
	frac := 0
	if i == 10 && i < len(b) && b[i] == '.' {
		scale := int(time.Second)
		j := i + 1
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			if scale > 1 {
				scale /= 10
				frac += int(b[j]-'0') * scale
			}
			j++
		}
		if j == i+1 {
			return time.Time{}, false
		}
		i = j
	}
	switch {
	case i != len(b):
		return time.Time{}, false
	case len(b) == 13:
		return time.UnixMilli(int64(v)).UTC(), true
	case len(b) >= 10 && (len(b) == 10 || b[10] == '.'):
		return time.Unix(int64(v), int64(frac)).UTC(), true
	}
	return time.Time{}, false
}

var monthNames = [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthAt reads an English month name, full or of three letters (Sept too), at b[i:] in any case.
func monthAt(b []byte, i int) (mo, next int, ok bool) {
	j := i
	for j < len(b) && (b[j]|0x20 >= 'a' && b[j]|0x20 <= 'z') {
		j++
	}
	if j-i < 3 {
		return 0, 0, false
	}
	w := make([]byte, 0, 12)
	for _, c := range b[i:min(j, i+12)] {
		w = append(w, c|0x20)
	}
	for m, name := range monthNames {
		if string(w) == name || len(w) == 3 && string(w) == name[:3] || string(w) == "sept" && m == 8 {
			next = j
			if next < len(b) && b[next] == '.' {
				next++
			}
			return m + 1, next, true
		}
	}
	return 0, 0, false
}

// parseMonthName reads "2 Jan 2024", "02-Jan-2024", "2 January 2024 10:00", "Jan 2, 2024" and
// "January 2 2024", each with an optional time, and the same after a weekday ("Tue, 2 Jan 2024").
func parseMonthName(b []byte) (time.Time, bool) {
	if i := indexByte(b, ' '); i > 0 && i <= 10 && b[i-1] == ',' {
		b = b[i+1:] // a weekday
	}
	var d, mo, y, i int
	var ok bool
	if len(b) > 0 && b[0] >= '0' && b[0] <= '9' {
		if d, i, ok = number(b, 0, 2); !ok || i >= len(b) || b[i] != ' ' && b[i] != '-' {
			return time.Time{}, false
		}
		sep := b[i]
		if mo, i, ok = monthAt(b, i+1); !ok || i >= len(b) || b[i] != sep {
			return time.Time{}, false
		}
	} else {
		if mo, i, ok = monthAt(b, 0); !ok || i >= len(b) || b[i] != ' ' {
			return time.Time{}, false
		}
		if d, i, ok = number(b, i+1, 2); !ok || i >= len(b) {
			return time.Time{}, false
		}
		if b[i] == ',' {
			i++
		}
		if i >= len(b) || b[i] != ' ' {
			return time.Time{}, false
		}
	}
	j := i + 1
	if y, i, ok = number(b, j, 4); !ok || i-j != 4 {
		return time.Time{}, false
	}
	secs, ok := parseClock(b, i)
	if !ok || d < 1 || d > 31 {
		return time.Time{}, false
	}
	return dateUTC(y, mo, d, secs, 0), true
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// swapDayMonth reads t's month as its day and its day as its month: a date read month first
// from a file that turned out to write the day first.
func swapDayMonth(t time.Time) time.Time {
	y, mo, d := t.Date()
	if d > 12 {
		return t
	}
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	return dateUTC(y, d, int(mo), secs, t.Nanosecond())
}

// parseISOSeconds reads the form exports write most, "2024-03-01T09:30:00Z" (or with a space
// for the T, or without the Z), in one pass with no calls; it leaves every other form, and
// out-of-range values, to parseISO.
func parseISOSeconds(b []byte) (time.Time, bool) {
	if len(b) != 19 && (len(b) != 20 || b[19] != 'Z') {
		return time.Time{}, false
	}
	b = b[:19]
	if b[4] != '-' || b[7] != '-' || b[10] != 'T' && b[10] != ' ' || b[13] != ':' || b[16] != ':' {
		return time.Time{}, false
	}
	var bad byte
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if b[i]-'0' > 9 {
			bad = 1
		}
	}
	if bad != 0 {
		return time.Time{}, false
	}
	two := func(i int) int { return int(b[i]-'0')*10 + int(b[i+1]-'0') }
	y, mo, d, h, mi, sec := two(0)*100+two(2), two(5), two(8), two(11), two(14), two(17)
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60 {
		return time.Time{}, false
	}
	return dateUTC(y, mo, d, h*3600+mi*60+sec, 0), true
}

// digits reads n decimal digits at b[i:]; ok is false if there are fewer.
func digits(b []byte, i, n int) (v int, ok bool) {
	if i+n > len(b) {
		return 0, false
	}
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// number reads one or more digits (at most max) at b[i:], returning the value and the index after.
func number(b []byte, i, most int) (v, next int, ok bool) {
	j := i
	for j < len(b) && j-i < most && b[j] >= '0' && b[j] <= '9' {
		v = v*10 + int(b[j]-'0')
		j++
	}
	return v, j, j > i
}

func parseISO(b []byte) (time.Time, bool) {
	y, ok1 := digits(b, 0, 4)
	mo, ok2 := digits(b, 5, 2)
	d, ok3 := digits(b, 8, 2)
	if !ok1 || !ok2 || !ok3 || b[4] != '-' || b[7] != '-' || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	var h, mi, sec, ns int
	i := 10
	if i < len(b) && (b[i] == 'T' || b[i] == ' ') && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9' {
		var ok bool
		if h, ok = digits(b, i+1, 2); !ok || i+3 >= len(b) || b[i+3] != ':' {
			return time.Time{}, false
		}
		if mi, ok = digits(b, i+4, 2); !ok {
			return time.Time{}, false
		}
		i += 6
		if i < len(b) && b[i] == ':' {
			if sec, ok = digits(b, i+1, 2); !ok {
				return time.Time{}, false
			}
			i += 3
			if i < len(b) && (b[i] == '.' || b[i] == ',') {
				j := i + 1
				scale := int(time.Second)
				for j < len(b) && b[j] >= '0' && b[j] <= '9' {
					if scale > 1 {
						scale /= 10
						ns += int(b[j]-'0') * scale
					}
					j++
				}
				if j == i+1 {
					return time.Time{}, false
				}
				i = j
			}
		}
		if h > 24 || mi > 59 || sec > 60 {
			return time.Time{}, false
		}
	}
	offset := 0
	rest := b[i:]
	if len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
	case string(rest) == "UTC" || string(rest) == "GMT":
	case len(rest) >= 3 && (rest[0] == '+' || rest[0] == '-'):
		oh, ok := digits(rest, 1, 2)
		if !ok {
			return time.Time{}, false
		}
		om := 0
		switch {
		case len(rest) == 3:
		case len(rest) == 6 && rest[3] == ':':
			om, ok = digits(rest, 4, 2)
		case len(rest) == 5:
			om, ok = digits(rest, 3, 2)
		default:
			ok = false
		}
		if !ok || oh > 14 || om > 59 {
			return time.Time{}, false
		}
		offset = (oh*60 + om) * 60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	return dateUTC(y, mo, d, h*3600+mi*60+sec-offset, ns), true
}

// dateUTC is time.Date(y, mo, d, 0, 0, secs, ns, time.UTC) for mo in 1..12, d in 1..31 and
// small secs, without time.Date's general normalisation: the days since the epoch come from
// the civil calendar directly (H. Hinnant's days_from_civil), as a day 31 of a shorter month
// rolls over in time.Date.
func dateUTC(y, mo, d, secs, ns int) time.Time {
	if mo <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400                   // 0..399
	doy := (153*((mo+9)%12)+2)/5 + d - 1 // day of a year that starts on March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era)*146097 + int64(doe) - 719468
	return time.Unix(days*86400+int64(secs), int64(ns)).UTC()
}
