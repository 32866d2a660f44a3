package timex

import (
	"strconv"
	"time"
)

// granularity is how precise a resolved calendar point is.
type granularity uint8

const (
	gCentury granularity = iota + 1
	gDecade
	gYear
	gSeason
	gQuarter
	gMonth
	gWeek
	gDay
)

// point is a calendar period: the day t starts it, g says how long it is.
// Quarters, seasons and weeks start at their first month or their Monday.
type point struct {
	t time.Time
	g granularity
}

func (p point) ok() bool { return p.g != 0 }

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d exists (time.Date would roll it over).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return ymd(y, m, d).Day() == d
}

func mondayOf(t time.Time) time.Time {
	wd := (int(t.Weekday()) + 6) % 7 // Monday 0
	return dayOf(t).AddDate(0, 0, -wd)
}

// at returns p reduced or kept at granularity g, anchored at its start.
func (p point) at(g granularity) point {
	t := p.t
	switch g {
	case gCentury:
		t = ymd(t.Year()/100*100, 1, 1)
	case gDecade:
		t = ymd(t.Year()/10*10, 1, 1)
	case gYear:
		t = ymd(t.Year(), 1, 1)
	case gQuarter:
		t = ymd(t.Year(), (int(t.Month())-1)/3*3+1, 1)
	case gMonth:
		t = ymd(t.Year(), int(t.Month()), 1)
	case gWeek:
		t = mondayOf(t)
	}
	return point{t: t, g: g}
}

// shift moves p by n units of u, keeping its granularity when it is at
// least as coarse as the unit, else taking the unit's.
func (p point) shift(n int, u unit) point {
	t := p.t
	switch u {
	case uDay:
		t = t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		t = t.AddDate(0, 0, 7*n)
	case uMonth:
		t = t.AddDate(0, n, 0)
	case uQuarter:
		t = t.AddDate(0, 3*n, 0)
	case uSeason:
		t = t.AddDate(0, 3*n, 0)
	case uYear:
		t = t.AddDate(n, 0, 0)
	case uDecade:
		t = t.AddDate(10*n, 0, 0)
	case uCentury:
		t = t.AddDate(100*n, 0, 0)
	default:
		return p
	}
	return point{t: t, g: p.g}.at(p.g)
}

var seasonCode = [...]string{"WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI"}

// value is p in TIMEX3 form.
func (p point) value() string {
	y := p.t.Year()
	if y < 0 || y > 9999 {
		return "XXXX"
	}
	switch p.g {
	case gCentury:
		return pad(y/100, 2)
	case gDecade:
		return pad(y/10, 3)
	case gYear:
		return pad(y, 4)
	case gSeason:
		return pad(y, 4) + "-" + seasonCode[p.t.Month()-1]
	case gQuarter:
		return pad(y, 4) + "-Q" + strconv.Itoa((int(p.t.Month())-1)/3+1)
	case gMonth:
		return pad(y, 4) + "-" + pad(int(p.t.Month()), 2)
	case gWeek:
		wy, w := p.t.ISOWeek()
		return pad(wy, 4) + "-W" + pad(w, 2)
	case gDay:
		return p.t.Format("2006-01-02")
	}
	return ""
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// unit is a calendar unit named in text.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uMonth
	uSeason
	uQuarter
	uYear
	uDecade
	uCentury
)

// durationValue is "P3Y", "PT2H", "PXW" (n < 0: unspecified).
func durationValue(n int, u unit) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch u {
	case uSecond:
		return "PT" + num + "S"
	case uMinute:
		return "PT" + num + "M"
	case uHour:
		return "PT" + num + "H"
	case uDay:
		return "P" + num + "D"
	case uWeekend:
		if n < 0 {
			return "PXWE"
		}
		return "P" + strconv.Itoa(2*n) + "D"
	case uWeek:
		return "P" + num + "W"
	case uMonth:
		return "P" + num + "M"
	case uSeason:
		if n < 0 {
			return "PXM"
		}
		return "P" + strconv.Itoa(3*n) + "M"
	case uQuarter: // in months, as TimeBank writes them, unless unknown:
		// "several quarters" is not "several months"
		if n < 0 {
			return "PXQ"
		}
		return "P" + strconv.Itoa(3*n) + "M"
	case uYear:
		return "P" + num + "Y"
	case uDecade: // and decades and centuries in years
		if n < 0 {
			return "PXY"
		}
		return "P" + strconv.Itoa(10*n) + "Y"
	case uCentury:
		if n < 0 {
			return "PXY"
		}
		return "P" + strconv.Itoa(100*n) + "Y"
	}
	return "PX"
}

// unitGranularity is the granularity of a point a unit counts in ("two
// weeks ago" is a day, "a year ago" a year).
func unitGranularity(u unit) granularity {
	switch u {
	case uDay, uWeek, uWeekend, uHour, uMinute, uSecond:
		return gDay
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uSeason:
		return gSeason
	case uYear, uDecade, uCentury:
		return gYear
	}
	return gDay
}

// unspecified is the TIMEX3 form of a point at granularity g whose date is
// unknown.
func unspecified(g granularity) string {
	switch g {
	case gCentury:
		return "XX"
	case gDecade:
		return "XXX"
	case gYear:
		return "XXXX"
	case gSeason:
		return "XXXX-XX"
	case gQuarter:
		return "XXXX-QX"
	case gMonth:
		return "XXXX-XX"
	case gWeek:
		return "XXXX-WXX"
	}
	return "XXXX-XX-XX"
}
