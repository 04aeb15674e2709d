package model

import (
	"time"
)

// parseTime reads the dates exports write: ISO 8601 (2024-03-01T09:30:00Z, with or without a
// zone or fraction), "2024-03-01 09:30:00", "2024-03-01", "3/1/2024 9:30 AM" (US order, as
// Marketo writes), a few RFC forms, and empty for none. Times without a zone are taken as UTC;
// times with one are converted to UTC.
func parseTime(b []byte) (time.Time, bool) {
	if len(b) == 0 {
		return time.Time{}, true
	}
	if t, ok := parseISOSeconds(b); ok {
		return t, true
	}
	if t, ok := parseISO(b); ok {
		return t, true
	}
	if t, ok := parseUS(b); ok {
		return t, true
	}
	s := string(b)
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
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

// parseUS reads M/D/YYYY with an optional h:mm[:ss] and AM/PM.
func parseUS(b []byte) (time.Time, bool) {
	mo, i, ok := number(b, 0, 2)
	if !ok || i >= len(b) || b[i] != '/' {
		return time.Time{}, false
	}
	d, i, ok := number(b, i+1, 2)
	if !ok || i >= len(b) || b[i] != '/' {
		return time.Time{}, false
	}
	y, j, ok := number(b, i+1, 4)
	if !ok || j-i-1 != 4 && j-i-1 != 2 {
		return time.Time{}, false
	}
	if j-i-1 == 2 {
		y += 2000
	}
	i = j
	var h, mi, sec int
	if i < len(b) && b[i] == ' ' {
		if h, i, ok = number(b, i+1, 2); !ok || i >= len(b) || b[i] != ':' {
			return time.Time{}, false
		}
		if mi, ok = digits(b, i+1, 2); !ok {
			return time.Time{}, false
		}
		i += 3
		if i < len(b) && b[i] == ':' {
			if sec, ok = digits(b, i+1, 2); !ok {
				return time.Time{}, false
			}
			i += 3
		}
		if i+3 == len(b) && b[i] == ' ' && (b[i+2]|0x20) == 'm' {
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
				return time.Time{}, false
			}
			i = len(b)
		}
	}
	if i != len(b) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return time.Time{}, false
	}
	return dateUTC(y, mo, d, h*3600+mi*60+sec, 0), true
}
