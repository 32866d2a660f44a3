package timex

import (
	"strconv"
	"strings"
	"time"
)

// digitsValue parses a run of ASCII digits (at most 9), -1 otherwise.
func digitsValue(w string) int {
	if w == "" || len(w) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// splitDigits splits w at sep into runs of digits; nil if any part is not.
func splitDigits(w string, sep byte, parts int) []int {
	if strings.Count(w, string(sep)) != parts-1 {
		return nil
	}
	out := make([]int, 0, parts)
	for _, f := range strings.Split(w, string(sep)) {
		n := digitsValue(f)
		if n < 0 {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// fullYear reads a two-digit year as newswire writes it.
func fullYear(y, digits int) int {
	if digits == 2 {
		if y < 30 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

var timeZones = map[string]bool{
	"edt": true, "est": true, "cdt": true, "cst": true, "mdt": true, "mst": true, "pdt": true,
	"pst": true, "gmt": true, "utc": true, "bst": true, "cet": true,
}

// numeric reads dates written in digits: "1998-08-07", "11/02/89",
// "19980114", and a following clock time ("08-15-90 1337EDT").
func (s *scanner) numeric(i int) (match, bool) {
	w := s.w[i].low
	var y, m, d, ydigits int
	switch {
	case len(w) == 10 && w[4] == '-' && w[7] == '-':
		p := splitDigits(w, '-', 3)
		if p == nil {
			return match{}, false
		}
		y, m, d, ydigits = p[0], p[1], p[2], 4
	case strings.Count(w, "/") == 2 || (strings.Count(w, "-") == 2 && len(w) <= 10):
		sep := byte('/')
		if strings.Contains(w, "-") {
			sep = '-'
		}
		p := splitDigits(w, sep, 3)
		if p == nil {
			return match{}, false
		}
		ydigits = len(w) - strings.LastIndexByte(w, sep) - 1
		if ydigits != 2 && ydigits != 4 {
			return match{}, false
		}
		m, d, y = p[0], p[1], fullYear(p[2], ydigits)
	case len(w) == 8:
		n := digitsValue(w)
		if n < 0 {
			return match{}, false
		}
		y, m, d, ydigits = n/10000, n/100%100, n%100, 4
		if y < 1900 || y > 2099 {
			return match{}, false
		}
	default:
		return match{}, false
	}
	if !validDay(y, m, d) {
		return match{}, false
	}
	p := point{t: ymd(y, m, d), g: gDay}
	mt := match{start: i, end: i + 1, typ: "DATE", value: p.value(), p: p, year: true}
	// A clock time right after: "08-15-90 1337EDT", "02/13/1998 14:25:00".
	if s.adjacent(i) {
		if hh, mm, n, ok := s.clockAt(i + 1); ok {
			mt.end = i + 1 + n
			mt.typ = "TIME"
			mt.value += "T" + pad(hh, 2) + ":" + pad(mm, 2)
		}
	}
	return mt, true
}

// clockAt reads a clock time at token i: "10:30", "10:30 a.m.", "5 p.m.",
// "1337EDT", "14:25:00", with an optional time zone. It returns the hour,
// minute and the number of tokens read.
func (s *scanner) clockAt(i int) (hh, mm, n int, ok bool) {
	w := s.low(i)
	if w == "" {
		return 0, 0, 0, false
	}
	switch w {
	case "noon", "midday":
		if s.low(i-1) == "high" { // "high noon": a showdown, not a clock time
			return 0, 0, 0, false
		}
		return 12, 0, 1, true
	case "midnight":
		// Before a day it is that day's end, as ISO 8601 and TIMEX3 write
		// it: "midnight Friday" is Friday T24:00, not the night before.
		// Alone ("shortly after midnight") it is the start of the day in
		// focus.
		if _, wd := weekdayWords[s.low(i+1)]; wd && s.adjacent(i) {
			return 24, 0, 1, true
		}
		return 0, 0, 1, true
	}
	// "quarter to six", "half past seven", "a quarter past 10".
	if (w == "quarter" || w == "half") && s.adjacent(i) && s.adjacent(i+1) {
		if rel := s.low(i + 1); rel == "past" || rel == "to" || rel == "after" && w == "quarter" {
			if rel == "to" && w == "half" {
				return 0, 0, 0, false
			}
			mm = 15
			if w == "half" {
				mm = 30
			}
			// "quarter to six p.m.": the hour's own clock reading.
			if h, m2, n2, ok := s.clockAt(i + 2); ok && m2 == 0 && n2 > 1 {
				if rel == "to" {
					h, mm = (h+23)%24, 45
				}
				return h, mm, 2 + n2, true
			}
			if h := clockHour(s.low(i + 2)); h > 0 && !s.nounAfter(i+3) {
				if rel == "to" {
					h, mm = h-1, 45
				}
				if h == 0 {
					h = 12
				}
				return h, mm, 3, true
			}
		}
		return 0, 0, 0, false
	}
	explicit := false // a form that is a time whatever follows
	switch {
	case strings.Count(w, ":") >= 1:
		p := strings.Split(w, ":")
		if len(p) > 3 {
			return 0, 0, 0, false
		}
		hh, mm = digitsValue(p[0]), digitsValue(p[1])
		if len(p[1]) != 2 || hh < 0 || hh > 24 || mm < 0 || mm > 59 {
			return 0, 0, 0, false
		}
		explicit = true
	case len(w) == 7 && timeZones[w[4:]]:
		v := digitsValue(w[:4])
		if v < 0 || v/100 > 24 || v%100 > 59 {
			return 0, 0, 0, false
		}
		return v / 100, v % 100, 1, true
	default:
		hh = digitsValue(w)
		if hh < 1 || hh > 12 || len(w) > 2 {
			// "four o'clock", "at seven in the evening": an hour in words
			// is a time only before a word that makes it one.
			hh = clockHour(w)
			next := strings.TrimSuffix(s.low(i+1), ".")
			if hh < 1 || !(next == "o'clock" || next == "a.m" || next == "am" || next == "p.m" || next == "pm" || next == "in" && s.low(i-1) == "at") {
				return 0, 0, 0, false
			}
		}
	}
	n = 1
	if s.adjacent(i) {
		switch strings.TrimSuffix(s.low(i+1), ".") {
		case "a.m", "am":
			if hh == 12 {
				hh = 0
			}
			n, explicit = 2, true
		case "p.m", "pm":
			if hh < 12 {
				hh += 12
			}
			n, explicit = 2, true
		case "o'clock":
			n, explicit = 2, true
			// "four o'clock in the morning".
			switch {
			case s.nounAfter(i + 5):
			case s.is(i+1, "o'clock", "in", "the", "morning"):
				if hh == 12 {
					hh = 0
				}
				n = 5
			case (s.is(i+1, "o'clock", "in", "the", "afternoon") || s.is(i+1, "o'clock", "in", "the", "evening")) && hh < 12:
				hh += 12
				n = 5
			}
		case "in":
			// "4 in the morning", "8 in the evening"; not "4 in the
			// morning session", nor "12 in the evening", which is no hour.
			switch {
			case s.nounAfter(i + 4):
			case s.is(i+1, "in", "the", "morning"):
				if hh == 12 {
					hh = 0
				}
				n, explicit = 4, true
			case (s.is(i+1, "in", "the", "afternoon") || s.is(i+1, "in", "the", "evening")) && hh < 12:
				hh += 12
				n, explicit = 4, true
			}
		}
	}
	if !explicit {
		return 0, 0, 0, false
	}
	if s.adjacent(i+n-1) && timeZones[s.low(i+n)] {
		n++
	}
	return hh, mm, n, true
}

// clock is a time of day on the day the article last spoke of.
func (s *scanner) clock(i int) (match, bool) {
	hh, mm, n, ok := s.clockAt(i)
	if !ok {
		return match{}, false
	}
	day := "XXXX-XX-XX"
	// "10 p.m. Wednesday", "5 p.m. EST, Nov. 9": the day written after it.
	k := i + n
	if s.low(k) == "," && s.adjacent(k-1) {
		k++
	}
	if s.adjacent(k-1) && k < len(s.w) {
		// Only the day words, so that a run of times never chains.
		var m match
		var ok bool
		if _, wd := weekdayWords[s.w[k].low]; wd {
			m, ok = s.weekday(k)
		} else if _, mo := monthWords[s.w[k].low]; mo {
			m, ok = s.monthDate(k)
		} else if s.w[k].low == "the" || s.w[k].low == "that" {
			// "2:30 the next day", "10 p.m. that day".
			if m, ok = s.sameAs(k); !ok && s.w[k].low == "the" {
				m, ok = s.the(k)
			}
		} else {
			m, ok = s.deictic(k)
		}
		if ok && m.typ == "DATE" && m.p.g == gDay {
			m.start, m.typ = i, "TIME"
			m.value += "T" + pad(hh, 2) + ":" + pad(mm, 2)
			return m, true
		}
	}
	switch {
	case s.ref.ok() && s.ref.g == gDay:
		day = s.ref.value()
	case s.dct.ok():
		day = s.dct.value()
	}
	return match{start: i, end: i + n, typ: "TIME", value: day + "T" + pad(hh, 2) + ":" + pad(mm, 2)}, true
}

// year reads a four-digit year, "1990s" or "1998's".
func (s *scanner) year(i int) (match, bool) {
	w := s.low(i)
	if len(w) == 5 && w[4] == 's' {
		if y := digitsValue(w[:4]); y >= 1000 && y <= 2099 && y%10 == 0 {
			p := point{t: ymd(y, 1, 1), g: gDecade}
			return match{start: i, end: i + 1, typ: "DATE", value: p.value(), p: p}, true
		}
		return match{}, false
	}
	y := digitsValue(w)
	if len(w) != 4 || y < 1000 || y > 2099 {
		return match{}, false
	}
	p := point{t: ymd(y, 1, 1), g: gYear}
	return match{start: i, end: i + 1, typ: "DATE", value: p.value(), p: p}, true
}

// spelledYear reads a year said in words, as broadcast transcripts write
// it: "nineteen ninety-six", "nineteen ninety six", "nineteen eighty".
func (s *scanner) spelledYear(i int) (match, bool) {
	c := 0
	switch s.low(i) {
	case "nineteen":
		c = 19
	case "eighteen":
		c = 18
	default:
		return match{}, false
	}
	if !s.adjacent(i) {
		return match{}, false
	}
	w, end := s.low(i+1), i+2
	yy := 0
	if p := strings.IndexByte(w, '-'); p > 0 {
		tens, ones := numberWords[w[:p]], numberWords[w[p+1:]]
		if tens < 20 || tens%10 != 0 || tens > 90 || ones < 1 || ones > 9 {
			return match{}, false
		}
		yy = tens + ones
	} else {
		tens := numberWords[w]
		if tens < 20 || tens%10 != 0 || tens > 90 {
			return match{}, false
		}
		yy = tens
		if ones := numberWords[s.low(end)]; ones >= 1 && ones <= 9 && s.adjacent(end-1) {
			yy += ones
			end++
		}
	}
	p := point{t: ymd(c*100+yy, 1, 1), g: gYear}
	return match{start: i, end: end, typ: "DATE", value: p.value(), p: p}, true
}

// bareYear is a four-digit number read as a year only where a count is
// unlikely: not money, not a percentage, not before a counted noun.
func (s *scanner) bareYear(i int) (match, bool) {
	m, ok := s.year(i)
	if !ok {
		return m, false
	}
	y := m.p.t.Year()
	prev, next := s.low(i-1), s.low(i+1)
	if y < 1900 && prev != "in" && prev != "since" && prev != "of" {
		return match{}, false
	}
	switch prev { // money and approximate counts
	case "$", "£", "€", "us$", "about", "some", "than", "nearly", "almost", "over":
		return match{}, false
	}
	switch next { // counted things
	case "%", "percent", "per", "people", "points", "troops", "soldiers", "members", "shares",
		"feet", "meters", "miles", "kilometers", "tons", "dollars", "yen", "marks", "pounds":
		return match{}, false
	}
	if prev == "," && digitsValue(s.low(i-2)) >= 0 { // a list of numbers
		return match{}, false
	}
	return m, true
}

// numeric-led tokens: a year, a decade, a day before a month.
func (s *scanner) dayMonth(i int) (match, bool) {
	if m, ok := s.bareYear(i); ok {
		return m, true
	}
	d := digitsValue(s.low(i))
	if o, ok := ordinalWords[s.low(i)]; ok {
		d = o
	}
	if d < 1 || d > 31 || !s.adjacent(i) {
		return match{}, false
	}
	j := i + 1
	if s.low(j) == "of" && s.adjacent(j) {
		j++
	}
	mo, ok := monthWords[s.low(j)]
	if !ok || !s.isCapitalized(j) {
		return match{}, false
	}
	return s.monthDay(i, j+1, mo, d)
}

// monthDay finishes "November 18" / "18 November" (tokens [i, j)) with an
// optional year.
func (s *scanner) monthDay(i, j, mo, d int) (match, bool) {
	k := j
	if s.low(k) == "," && s.adjacent(k-1) && s.adjacent(k) {
		k++
	}
	if s.adjacent(k - 1) {
		if ym, ok := s.year(k); ok && ym.p.g == gYear {
			y := ym.p.t.Year()
			if !validDay(y, mo, d) {
				return match{}, false
			}
			p := point{t: ymd(y, mo, d), g: gDay}
			m := s.datePoint(i, k+1, p)
			m.year = true
			return m, true
		}
	}
	if !s.dct.ok() {
		if y, ok := s.narrativeYear(); ok && validDay(y, mo, d) {
			return s.datePoint(i, j, point{t: ymd(y, mo, d), g: gDay}), true
		}
		if d > 31 {
			return match{}, false
		}
		return unresolved(i, j, "XXXX-"+pad(mo, 2)+"-"+pad(d, 2)), true
	}
	tense := s.tense(i, j)
	if y, ok := s.carriedYear(mo, d, tense); ok {
		m := s.datePoint(i, j, point{t: ymd(y, mo, d), g: gDay})
		m.year = true
		return m, true
	}
	p := s.monthNear(mo, d, tense)
	if !p.ok() {
		return match{}, false
	}
	return s.datePoint(i, j, p), true
}

// monthDate reads "November", "Nov. 18", "November 18, 2025", "November
// 2025", "November of 2025".
func (s *scanner) monthDate(i int) (match, bool) {
	w := s.low(i)
	mo := monthWords[w]
	if !s.isCapitalized(i) {
		return match{}, false
	}
	// "May", "March" and abbreviations without a period are words too:
	// take them as months only with a day or a year, or after a word
	// that introduces a time.
	weak := w == "may" || w == "march" || (len(w) <= 4 && !strings.HasSuffix(w, ".") && w != "june" && w != "july")
	if s.adjacent(i) {
		next := s.low(i + 1)
		if d := digitsValue(next); d >= 1 && d <= 31 && len(next) <= 2 {
			return s.monthDay(i, i+2, mo, d)
		}
		if d, ok := ordinalWords[next]; ok && d <= 31 && next != "second" {
			return s.monthDay(i, i+2, mo, d)
		}
		j := i + 1
		if next == "of" || next == "," {
			j++
		}
		if s.adjacent(j - 1) {
			ym, ok := s.year(j)
			if !ok {
				ym, ok = s.spelledYear(j)
			}
			if ok && ym.p.g == gYear {
				p := point{t: ymd(ym.p.t.Year(), mo, 1), g: gMonth}
				m := s.datePoint(i, ym.end, p)
				return m, true
			}
		}
	}
	// "January this year", "July last year", "March of next year".
	if s.adjacent(i) {
		k := i + 1
		if s.low(k) == "of" {
			k++
		}
		if rel := s.low(k); (rel == "this" || rel == "last" || rel == "next") && s.low(k+1) == "year" && s.adjacent(k) {
			if !s.dct.ok() {
				return unresolved(i, k+2, "XXXX-"+pad(mo, 2)), true
			}
			y := s.dct.t.Year()
			switch rel {
			case "last":
				y--
			case "next":
				y++
			}
			return s.datePoint(i, k+2, point{t: ymd(y, mo, 1), g: gMonth}), true
		}
	}
	if weak {
		switch s.low(i - 1) {
		case "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "through", "before", "after", "during":
		default:
			return match{}, false
		}
	}
	if !s.dct.ok() {
		if y, ok := s.narrativeYear(); ok {
			return s.datePoint(i, i+1, point{t: ymd(y, mo, 1), g: gMonth}), true
		}
		return unresolved(i, i+1, "XXXX-"+pad(mo, 2)), true
	}
	tense := s.tense(i, i+1)
	if y, ok := s.carriedYear(mo, 0, tense); ok {
		return s.datePoint(i, i+1, point{t: ymd(y, mo, 1), g: gMonth}), true
	}
	return s.datePoint(i, i+1, s.monthNear(mo, 0, tense)), true
}

// weekday reads "Monday", "Monday, Nov. 17", placed by tense.
func (s *scanner) weekday(i int) (match, bool) {
	wd := weekdayWords[s.low(i)]
	if !s.isCapitalized(i) {
		return match{}, false
	}
	// "Monday, Nov. 17[, 2025]", "Friday Oct. 13": the written date
	// decides.
	if s.adjacent(i) {
		k := i + 1
		if s.low(k) == "," && s.adjacent(k) {
			k++
		}
		if _, ok := monthWords[s.low(k)]; ok {
			if m, ok := s.monthDate(k); ok && m.p.g == gDay {
				m.start = i
				return m, true
			}
		}
	}
	// "Tuesday nights": every one, a SET as TimeML writes it.
	if code, ok := dayPartWords[strings.TrimSuffix(s.low(i+1), "s")]; ok && s.adjacent(i) && strings.HasSuffix(s.low(i+1), "s") {
		return match{start: i, end: i + 2, typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + code}, true
	}
	// "Monday and Tuesday nights": the plural part of the day is shared.
	if c := s.low(i + 1); (c == "and" || c == "or") && s.adjacent(i) && s.adjacent(i+1) && s.adjacent(i+2) {
		if _, ok := weekdayWords[s.low(i+2)]; ok && strings.HasSuffix(s.low(i+3), "s") {
			if code, ok := dayPartWords[strings.TrimSuffix(s.low(i+3), "s")]; ok {
				return match{start: i, end: i + 1, typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + code}, true
			}
		}
	}
	if !s.dct.ok() {
		return unresolved(i, i+1, "XXXX-WXX-"+strconv.Itoa(wd)), true
	}
	t := s.tense(i, i+1)
	dir := -1
	// "Wednesday's ruling" names something that has happened.
	if t > 0 && !s.possessive(i+1) {
		dir = 1
	}
	return s.datePoint(i, i+1, s.weekdayNear(wd, dir, false)), true
}

// decade reads "'90s".
func (s *scanner) decade(i int) (match, bool) {
	if !s.adjacent(i) {
		return match{}, false
	}
	w := s.low(i + 1)
	if len(w) != 3 || w[2] != 's' {
		return match{}, false
	}
	d := digitsValue(w[:2])
	if d < 0 || d%10 != 0 {
		return match{}, false
	}
	p := point{t: ymd(fullYear(d, 2), 1, 1), g: gDecade}
	m := s.datePoint(i, i+2, p)
	return m, true
}

// number reads a count at token i: digits, number words ("twenty four",
// "a", "a couple of"), or a vague amount ("several", n = -1). It returns
// the count and the index after it.
func (s *scanner) number(i int) (n, next int, ok bool) {
	w := s.low(i)
	if w == "" {
		return 0, i, false
	}
	if v := digitsValue(strings.ReplaceAll(w, ",", "")); v >= 0 && len(w) <= 7 {
		return v, i + 1, true
	}
	switch {
	case (w == "a" || w == "an") && s.adjacent(i):
		switch {
		case s.is(i+1, "couple", "of"):
			return 2, i + 3, true
		case s.low(i+1) == "few":
			return -1, i + 2, true
		case s.low(i+1) == "dozen" || s.low(i+1) == "hundred":
			return numberWords[s.low(i+1)], i + 2, true
		}
		return 1, i + 1, true
	case w == "couple" && s.is(i+1, "of") && s.adjacent(i): // "the next couple of years"
		return 2, i + 2, true
	case w == "dozens" || w == "hundreds":
		if s.is(i+1, "of") {
			return -1, i + 2, true
		}
		return 0, i, false
	}
	if vague, ok := vagueAmounts[w]; ok && vague {
		return -1, i + 1, true
	}
	v, ok := numberWords[w]
	if !ok {
		if p := strings.IndexByte(w, '-'); p > 0 {
			a, aok := numberWords[w[:p]]
			b, bok := numberWords[w[p+1:]]
			if aok && bok && a >= 20 && a%10 == 0 && b < 10 {
				return a + b, i + 1, true
			}
		}
		return 0, i, false
	}
	j := i + 1
	if v >= 20 && v%10 == 0 && v < 100 && s.adjacent(i) {
		if b, ok := numberWords[s.low(j)]; ok && b < 10 {
			v += b
			j++
		}
	}
	if s.low(j) == "hundred" && s.adjacent(j-1) && v < 10 {
		v *= 100
		j++
	}
	return v, j, true
}

// amount reads "three years", "two weeks ago", "a year earlier", "several
// days", "24 hours from now".
func (s *scanner) amount(i int) (match, bool) {
	n, j, ok := s.number(i)
	if !ok || !s.adjacent(j-1) {
		return match{}, false
	}
	half := false
	if s.low(j) == "1/2" && n > 0 && s.adjacent(j-1) && s.adjacent(j) { // "2 1/2 years"
		half = true
		j++
	}
	switch s.low(j) {
	case "more", "additional", "extra", "further": // "two more years", "an additional year"
		if s.adjacent(j) {
			j++
		}
	}
	// "eight trading days", "ten business days": days counted on a
	// calendar of working days, still days.
	if w := s.low(j); (w == "trading" || w == "business" || w == "working") && s.adjacent(j) && strings.HasPrefix(s.low(j+1), "day") {
		j++
	}
	uw := s.low(j)
	u, ok := unitWords[uw]
	if !ok {
		return match{}, false
	}
	// "CBS's \"60 Minutes\"": a unit in title case inside a sentence,
	// after a count in digits or in title case, is a name.
	// In a headline, where every word is in title case ("Freed After 444
	// Days"), it is still a time: the word before the count must not be.
	if s.titleCase(j) && s.sentLo[j] != i && (s.titleCase(i) || digitsValue(s.low(i)) >= 0) && !s.titleCase(i-1) {
		return match{}, false
	}
	// A unit in the singular after a count above one is not ours ("three
	// quarter"); a plural after "a" neither ("a years").
	// "a two day visit": a singular unit after a count is adjectival.
	adjectival := n > 1 && !pluralUnit[uw] && s.adjacent(j) && s.isLowerWord(j+1) && u != uSecond && u != uQuarter
	if n == 1 && pluralUnit[uw] && s.low(i) != "1" || n > 1 && !pluralUnit[uw] && !adjectival ||
		u == uSecond && (s.low(i) == "a" || s.low(i) == "an") { // "a second chance"
		return match{}, false
	}
	if u == uQuarter && n > 0 && s.low(i) != "a" && n < 5 && !pluralUnit[uw] {
		return match{}, false
	}
	// "a quarter of a million", "three quarters of an hour", "a quarter
	// million": a fraction of something else, not a length of quarters.
	// "several quarters of losses" is still a length.
	if of := s.low(j + 2); u == uQuarter && (s.low(j+1) == "of" && (of == "a" || of == "an" || of == "the" || digitsValue(of) >= 0) ||
		s.low(j+1) == "million" || s.low(j+1) == "billion") {
		return match{}, false
	}
	// "a week or so ago": about a week.
	if s.is(j, uw, "or", "so") {
		m, ok := s.countedUnits(i, j+3, n, u, half)
		if ok && m.mod == "" {
			m.mod = "APPROX"
		}
		return m, ok
	}
	return s.countedUnits(i, j+1, n, u, half)
}

// countedUnits finishes a count of n units u read over [i, end): "ago",
// "later", "from now" after it make a date, else it is a duration.
func (s *scanner) countedUnits(i, end, n int, u unit, half bool) (match, bool) {
	switch next := s.low(end); {
	case next == "old" || next == "-old":
		return match{}, false
	case next == "ago" && s.adjacent(end-1):
		return s.ago(i, end+1, n, u), true
	case (next == "earlier" || next == "later" || next == "afterward" || next == "afterwards") && s.adjacent(end-1):
		if n < 0 {
			// "a few days later" names no day to count to: a length,
			// without "later", as TimeML annotates it.
			return match{start: i, end: end, typ: "DURATION", value: durationValue(n, u)}, true
		}
		if next == "earlier" {
			n = -n
		}
		a := s.anchor()
		q := s.yearAnchor()
		if u == uYear && q.ok() {
			a = q
		}
		if !a.ok() {
			return unresolved(i, end+1, unspecified(unitGranularity(u))), true
		}
		if a.g > unitGranularity(u) {
			a = a.at(maxGran(unitGranularity(u), a.g))
		}
		p := a.shift(n, u)
		if d := clockUnit(u); d > 0 && a.g == gDay {
			p = s.clockShift(a, n, d)
		}
		m := s.datePoint(i, end+1, p)
		m.counted = next == "earlier"
		return m, true
	case next == "from" && s.is(end, "from", "now"):
		if n < 0 || !s.dct.ok() {
			return unresolved(i, end+2, "FUTURE_REF"), true
		}
		p := s.dct.at(unitGranularity(u)).shift(n, u)
		return s.datePoint(i, end+2, p), true
	}
	// "a minute and a half".
	if !half && n > 0 && s.adjacent(end-1) && s.is(end, "and", "a", "half") {
		half = true
		end += 3
	}
	m := match{start: i, end: end, typ: "DURATION", value: durationValue(n, u)}
	if half {
		if v, ok := halfMore(n, u); ok {
			m.value = v
		} else {
			m.value = durationValue(n, u)
		}
	}
	if (s.low(end) == "after" || s.low(end) == "before") && s.adjacent(end-1) && n > 0 {
		after := s.low(end) == "after"
		// "A month after that, talks began": the event is the one last
		// dated, so the clause lies n units after it.
		if t := s.low(end + 1); after && (t == "that" || t == "this") && s.adjacent(end) && !s.nounAfter(end+2) {
			after = false
		}
		m.from, m.until = s.between(n, u, after)
	}
	return m, true
}

// halfMore is the TIMEX3 value of n and a half units, in the next smaller
// unit's terms ("2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M); ok is
// false for units that do not halve evenly.
func halfMore(n int, u unit) (string, bool) {
	num := strconv.Itoa(n)
	switch u {
	case uYear:
		return "P" + num + "Y6M", true
	case uDay:
		return "P" + num + "DT12H", true
	case uHour:
		return "PT" + num + "H30M", true
	case uMinute:
		return "PT" + num + "M30S", true
	}
	return "", false
}

// between is the range "n units after <event>" (after) or "n units before
// <event>" states: the clause's own time is the last date the article
// resolved, R, so the other event lies n units before R (From R-n, Until R)
// or after it (From R, Until R+n). Without a reference date as precise as
// the unit, the range is unknown and both are empty.
func (s *scanner) between(n int, u unit, after bool) (from, until string) {
	r := s.ref
	if !r.ok() || u < uDay || r.g < unitGranularity(u) {
		return "", ""
	}
	if after {
		return r.shift(-n, u).value(), r.value()
	}
	return r.value(), r.shift(n, u).value()
}

func maxGran(a, b granularity) granularity {
	if a > b {
		return a
	}
	return b
}

// ago resolves "n units ago" against the publication date.
func (s *scanner) ago(i, j, n int, u unit) match {
	if n < 0 {
		return match{start: i, end: j, typ: "DATE", value: "PAST_REF"}
	}
	g := unitGranularity(u)
	// "profit rose from a year ago" after a quarter was named: that
	// quarter a year back, as financial news means it.
	if q := s.yearAnchor(); u == uYear && q.ok() {
		m := s.datePoint(i, j, q.shift(-n, u))
		m.counted = true
		return m
	}
	if !s.dct.ok() {
		return unresolved(i, j, unspecified(g))
	}
	if d := clockUnit(u); d > 0 {
		// "24 hours ago" is the day before: the day the publication
		// clock lands on when the hours are taken off it.
		back := s.published.Add(-time.Duration(min(n, maxClockCount)) * d)
		return s.datePoint(i, j, point{t: dayOf(back), g: gDay})
	}
	p := s.dct.at(g).shift(-n, u)
	m := s.datePoint(i, j, p)
	if u == uDecade || u == uCentury {
		m.mod = "APPROX"
	}
	return m
}

// clockShift is the day n clock units of length d after day a ("24 hours
// later" is the next day). From the publication date its clock counts, as
// for "hours ago"; from a day named, whose hour is unknown, only whole
// days do, so "six hours later" stays on that day.
func (s *scanner) clockShift(a point, n int, d time.Duration) point {
	n = max(-maxClockCount, min(n, maxClockCount))
	if !s.ref.ok() && s.dct.ok() {
		return point{t: dayOf(s.published.Add(time.Duration(n) * d)), g: gDay}
	}
	return point{t: a.t.AddDate(0, 0, int(time.Duration(n)*d/(24*time.Hour))), g: gDay}
}

// clockUnit is the length of a unit finer than a day, 0 for the others.
func clockUnit(u unit) time.Duration {
	switch u {
	case uHour:
		return time.Hour
	case uMinute:
		return time.Minute
	case uSecond:
		return time.Second
	}
	return 0
}

// maxClockCount bounds a count of clock units so that the product stays a
// valid duration (a hostile "99999999999 hours ago").
const maxClockCount = 1_000_000

// deictic reads the words that name a day or a time by themselves:
// "today", "yesterday", "tomorrow", "tonight", "now", "recently".
func (s *scanner) deictic(i int) (match, bool) {
	w := s.low(i)
	var delta int
	switch w {
	case "today":
		delta = 0
	case "yesterday":
		delta = -1
	case "tomorrow":
		delta = 1
	case "tonight":
		if !s.dct.ok() {
			return match{start: i, end: i + 1, typ: "TIME", value: "XXXX-XX-XXTNI"}, true
		}
		return match{start: i, end: i + 1, typ: "TIME", value: s.dct.value() + "TNI", p: s.dct}, true
	case "these":
		// "prices are high these days": now; "one of these days" is some
		// day to come, no day in particular.
		if !s.is(i, "these", "days") || s.is(i-2, "one", "of") {
			return match{}, false
		}
		return match{start: i, end: i + 2, typ: "DATE", value: "PRESENT_REF"}, true
	default:
		// "every now and again", "now and then": now and then, not now.
		if w == "now" && s.adjacent(i) && s.low(i+1) == "and" && (s.low(i+2) == "again" || s.low(i+2) == "then") {
			return match{}, false
		}
		if r, ok := refWords[w]; ok {
			// "the then current price": current at a time now past.
			if w == "current" && s.low(i-1) == "then" && s.adjacent(i-1) {
				return match{start: i - 1, end: i + 1, typ: "DATE", value: "PAST_REF"}, true
			}
			if w == "recent" || w == "current" { // "recent years", "the current quarter"
				if m, ok := s.relative(i); ok {
					return m, true
				}
			}
			return match{start: i, end: i + 1, typ: r.typ, value: r.value}, true
		}
		return match{}, false
	}
	if !s.dct.ok() {
		return unresolved(i, i+1, "XXXX-XX-XX"), true
	}
	p := point{t: s.dct.t.AddDate(0, 0, delta), g: gDay}
	return s.datePoint(i, i+1, p), true
}

// relative reads "last year", "this week", "next Monday", "last fall",
// "this morning", "earlier this month", "the past three years", "recent
// years", "the current quarter".
func (s *scanner) relative(i int) (match, bool) {
	j := i
	w := s.low(j)
	if (w == "earlier" || w == "later") && s.adjacent(j) {
		j++
		w = s.low(j)
		if w != "this" && w != "last" && w != "next" {
			return match{}, false
		}
	}
	if !s.adjacent(j) {
		return match{}, false
	}
	// "the previous Friday", "the following year", "the next day" count
	// from the time the article last spoke of.
	counted := false
	if w == "previous" || w == "preceding" || w == "following" || (w == "next" && s.low(j-1) == "the") {
		// A month or a year named before counts too, for a unit no finer
		// ("in March ... the following month" is April).
		a := s.anchor()
		u, isUnit := unitWords[s.low(j+1)]
		coarse := isUnit && !pluralUnit[s.low(j+1)] && (u == uMonth || u == uYear) && a.g >= unitGranularity(u) && a.g != gWeek
		if a.ok() && (a.g == gDay || coarse) && s.ref.ok() {
			saved := s.dct
			s.dct = a
			defer func() { s.dct = saved }()
			counted = true
		}
	}
	m, ok := s.relativeFrom(i, j, w)
	m.counted = m.counted || counted
	return m, ok
}

func (s *scanner) relativeFrom(i, j int, w string) (match, bool) {
	var dir int
	switch w {
	case "last", "past", "previous", "preceding":
		dir = -1
	case "this", "current", "present":
		dir = 0
	case "next", "coming", "following", "upcoming":
		dir = 1
	case "recent":
		u, ok := unitWords[s.low(j+1)]
		switch {
		case !ok || !pluralUnit[s.low(j+1)] || u < uDay:
			return match{}, false
		case u >= uYear:
			return match{start: i, end: j + 2, typ: "DATE", value: "PAST_REF"}, true
		}
		return match{start: i, end: j + 2, typ: "DURATION", value: durationValue(-1, u)}, true
	default:
		return match{}, false
	}
	k := j + 1
	next := s.low(k)
	// "the past three years": a duration.
	if n, after, ok := s.number(k); ok && (w == "past" || w == "last" || w == "next" || w == "coming" || w == "previous" || w == "first") && s.adjacent(after-1) {
		if u, ok := unitWords[s.low(after)]; ok && (n != 1 || !pluralUnit[s.low(after)]) {
			return match{start: i, end: after + 1, typ: "DURATION", value: durationValue(n, u)}, true
		}
	}
	if u, ok := unitWords[next]; ok && !pluralUnit[next] {
		if s.titleCase(j) && s.titleCase(k) && s.sentLo[j] != j {
			return match{}, false // a name: ABC's "This Week"
		}
		if (u == uDecade || u == uCentury) && (w == "past" || w == "last") {
			return match{start: i, end: k + 1, typ: "DURATION", value: durationValue(1, u)}, true
		}
		return s.relUnit(i, k+1, dir, u)
	}
	if _, ok := unitWords[next]; ok && pluralUnit[next] && (w == "coming" || w == "upcoming") {
		return match{start: i, end: k + 1, typ: "DATE", value: "FUTURE_REF"}, true
	}
	if u, ok := unitWords[next]; ok && pluralUnit[next] && (w == "past" || w == "last" || w == "next") {
		return match{start: i, end: k + 1, typ: "DURATION", value: durationValue(-1, u)}, true
	}
	if mo, ok := monthWords[next]; ok && s.isCapitalized(k) && (len(next) > 3 || next == "may" && w != "this") { // "last May", not "This May be"
		if !s.dct.ok() {
			return unresolved(i, k+1, "XXXX-"+pad(mo, 2)), true
		}
		y := s.dct.t.Year()
		cur := int(s.dct.t.Month())
		switch {
		case dir < 0 && mo >= cur:
			y--
		case dir > 0 && mo <= cur:
			y++
		}
		// "last Oct. 23": that day of the month.
		if d := digitsValue(s.low(k + 1)); d >= 1 && len(s.low(k+1)) <= 2 && s.adjacent(k) && validDay(y, mo, d) {
			return s.datePoint(i, k+2, point{t: ymd(y, mo, d), g: gDay}), true
		}
		return s.datePoint(i, k+1, point{t: ymd(y, mo, 1), g: gMonth}), true
	}
	if wd, ok := weekdayWords[next]; ok && s.isCapitalized(k) {
		if !s.dct.ok() {
			return unresolved(i, k+1, "XXXX-WXX-"+strconv.Itoa(wd)), true
		}
		d := dir
		if d == 0 {
			d = s.tense(i, k+1)
			if d == 0 {
				d = -1
			}
			return s.datePoint(i, k+1, s.weekdayNear(wd, d, false)), true
		}
		return s.datePoint(i, k+1, s.weekdayNear(wd, d, true)), true
	}
	if first, ok := seasonWords[next]; ok {
		if !s.dct.ok() {
			return unresolved(i, k+1, "XXXX-"+seasonCode[first-1]), true
		}
		return s.datePoint(i, k+1, s.seasonNear(first, dir)), true
	}
	// "the next morning", "the following night": after the day in focus.
	if code, ok := dayPartWords[next]; ok && dir > 0 && s.low(i-1) == "the" && s.adjacent(i-1) && !s.nounAfter(k+1) {
		day := s.dayInFocus()
		if !day.ok() {
			return match{start: i, end: k + 1, typ: "TIME", value: "XXXX-XX-XXT" + code}, true
		}
		day = day.shift(1, uDay)
		return match{start: i, end: k + 1, typ: "TIME", value: day.value() + "T" + code, p: day}, true
	}
	if code, ok := dayPartWords[next]; ok && dir <= 0 {
		day := s.dct
		if dir < 0 {
			if next != "night" {
				return match{}, false
			}
			day = point{t: s.dct.t.AddDate(0, 0, -1), g: gDay}
		}
		if !s.dct.ok() {
			return match{start: i, end: k + 1, typ: "TIME", value: "XXXX-XX-XXT" + code}, true
		}
		return match{start: i, end: k + 1, typ: "TIME", value: day.value() + "T" + code, p: day}, true
	}
	return match{}, false
}

// relUnit resolves "last year", "this week", "next month" (tokens [i, j)).
func (s *scanner) relUnit(i, j, dir int, u unit) (match, bool) {
	var g granularity
	switch u {
	case uDay:
		if dir != 0 && s.low(i) != "the" && s.low(i-1) != "the" {
			return match{}, false // "last day" is not yesterday
		}
		if !s.dct.ok() {
			return unresolved(i, j, "XXXX-XX-XX"), true
		}
		return s.datePoint(i, j, s.dct.shift(dir, uDay)), true
	case uWeekend:
		if !s.dct.ok() {
			return unresolved(i, j, "XXXX-WXX-WE"), true
		}
		sat := s.weekdayNear(6, dir, dir != 0)
		if dir == 0 {
			sat = s.weekdayNear(6, s.tenseOr(i, j, -1), false)
		}
		wk := sat.at(gWeek)
		return match{start: i, end: j, typ: "DATE", value: wk.value() + "-WE", p: wk}, true
	case uWeek:
		g = gWeek
	case uMonth:
		g = gMonth
	case uQuarter:
		g = gQuarter
	case uYear:
		g = gYear
	case uDecade:
		g = gDecade
	case uCentury:
		g = gCentury
	default:
		return match{}, false
	}
	if !s.dct.ok() {
		return unresolved(i, j, unspecified(g)), true
	}
	p := s.dct.at(g).shift(dir, u)
	return s.datePoint(i, j, p), true
}

func (s *scanner) tenseOr(i, j, def int) int {
	if t := s.tense(i, j); t != 0 {
		return t
	}
	return def
}

// seasonNear is the season starting in month first: dir -1 the last one
// before the publication date's season, +1 the next after it, 0 this
// year's.
func (s *scanner) seasonNear(first, dir int) point {
	y := s.dct.t.Year()
	p := point{t: ymd(y, first, 1), g: gSeason}
	cur := s.dct.at(gMonth).t
	// The season the publication date falls in starts in its month or the
	// two before it.
	switch dir {
	case -1:
		for !p.t.Before(cur.AddDate(0, -2, 0)) {
			p.t = p.t.AddDate(-1, 0, 0)
		}
	case 1:
		for !p.t.After(cur) {
			p.t = p.t.AddDate(1, 0, 0)
		}
	}
	if first == 12 && dir == 0 && cur.Month() < 3 {
		p.t = p.t.AddDate(-1, 0, 0)
	}
	return p
}

// set reads "daily", "every week", "each Monday", "every two years".
func (s *scanner) set(i int) (match, bool) {
	w := s.low(i)
	if v, ok := setWords[w]; ok {
		// "daily newspaper", "quarterly dividend": an adjective, not a time.
		if nx := s.raw(i + 1); s.adjacent(i) && nx != "" && nx[0] >= 'a' && nx[0] <= 'z' {
			if _, unit := unitWords[nx]; !unit && nx != "and" && nx != "or" && nx != "basis" {
				return match{}, false
			}
		}
		return match{start: i, end: i + 1, typ: "SET", value: v}, true
	}
	if (w != "every" && w != "each" && w != "per") || !s.adjacent(i) {
		return match{}, false
	}
	j := i + 1
	n := 1
	if v, after, ok := s.number(j); ok && v > 0 && s.adjacent(after-1) {
		n, j = v, after
	}
	next := s.low(j)
	if u, ok := unitWords[next]; ok {
		return match{start: i, end: j + 1, typ: "SET", value: durationValue(n, u)}, true
	}
	if wd, ok := weekdayWords[next]; ok && s.isCapitalized(j) {
		return match{start: i, end: j + 1, typ: "SET", value: "XXXX-WXX-" + strconv.Itoa(wd)}, true
	}
	// "each July", "every summer"; "each July 4" is that day every year;
	// not "every winter storm", "each summer camp", "every May Day".
	if mo, ok := monthWords[next]; ok && s.isCapitalized(j) && n == 1 && s.adjacent(j) {
		if d := digitsValue(s.low(j + 1)); d >= 1 && d <= 31 && len(s.low(j+1)) <= 2 {
			return match{start: i, end: j + 2, typ: "SET", value: "XXXX-" + pad(mo, 2) + "-" + pad(d, 2)}, true
		}
	}
	if n == 1 && j+1 < len(s.w) && s.adjacent(j) && (s.nounAfter(j+1) || s.isCapitalized(j+1) || digitsValue(s.low(j+1)) >= 0) {
		return match{}, false
	}
	if mo, ok := monthWords[next]; ok && s.isCapitalized(j) && n == 1 {
		return match{start: i, end: j + 1, typ: "SET", value: "XXXX-" + pad(mo, 2)}, true
	}
	if first, ok := seasonWords[next]; ok && n == 1 {
		return match{start: i, end: j + 1, typ: "SET", value: "XXXX-" + seasonCode[first-1]}, true
	}
	if code, ok := dayPartWords[next]; ok {
		return match{start: i, end: j + 1, typ: "SET", value: "XXXX-XX-XXT" + code}, true
	}
	return match{}, false
}

// hyphenated reads one-token compounds: "two-week", "10-year",
// "third-quarter", "year-earlier", "mid-1990s", "mid-November",
// "twenty-four-hour".
func (s *scanner) hyphenated(i int) (match, bool) {
	w := s.low(i)
	p := strings.IndexByte(w, '-')
	if p <= 0 || p == len(w)-1 {
		return match{}, false
	}
	head, rest := w[:p], w[p+1:]
	last := rest
	if q := strings.LastIndexByte(rest, '-'); q >= 0 {
		last = rest[q+1:]
	}
	if last == "old" {
		return match{}, false
	}
	// "day-long", "decades-long": as long as the unit, or units.
	if last == "long" && rest == "long" {
		if u, ok := unitWords[head]; ok && u >= uMinute {
			n := 1
			if pluralUnit[head] {
				n = -1
			}
			return match{start: i, end: i + 1, typ: "DURATION", value: durationValue(n, u)}, true
		}
	}
	// A count and a unit: "two-week", "10-year", "twenty-four-hour".
	if u, ok := unitWords[last]; ok && !pluralUnit[last] {
		numPart := w[:len(w)-len(last)-1]
		n := digitsValue(numPart)
		if n < 0 {
			n = wordNumber(numPart)
		}
		if n > 0 && u != uQuarter {
			return match{start: i, end: i + 1, typ: "DURATION", value: durationValue(n, u)}, true
		}
	}
	// "several-year", "multi-year": an unspecified count of the unit.
	if u, ok := unitWords[rest]; ok && !pluralUnit[rest] && u != uQuarter && (vagueAmounts[head] || head == "multi") {
		return match{start: i, end: i + 1, typ: "DURATION", value: durationValue(-1, u)}, true
	}
	// "post-1959", "pre-1990s": the year or decade, after or before.
	if head == "post" || head == "pre" {
		y := digitsValue(strings.TrimSuffix(rest, "s"))
		if y >= 1000 && y <= 2099 && len(strings.TrimSuffix(rest, "s")) == 4 {
			g := gYear
			if strings.HasSuffix(rest, "s") {
				g = gDecade
			}
			m := s.datePoint(i, i+1, point{t: ymd(y, 1, 1), g: g})
			m.mod = "AFTER"
			if head == "pre" {
				m.mod = "BEFORE"
			}
			return m, true
		}
	}
	if o, ok := ordinalWords[head]; ok && rest == "quarter" && o <= 4 {
		return s.quarter(i, i+1, o), true
	}
	// "fiscal-first quarter".
	if o, ok := ordinalWords[rest]; ok && head == "fiscal" && o <= 4 && s.low(i+1) == "quarter" && s.adjacent(i) {
		return s.quarter(i, i+2, o), true
	}
	if (head == "first" || head == "second") && rest == "half" {
		if !s.dct.ok() {
			return unresolved(i, i+1, "XXXX-H"+strconv.Itoa(ordinalWords[head])), true
		}
		return match{start: i, end: i + 1, typ: "DATE", value: pad(s.dct.t.Year(), 4) + "-H" + strconv.Itoa(ordinalWords[head])}, true
	}
	if head == "year" && (rest == "earlier" || rest == "ago") {
		j := i + 1
		// "the year-earlier third quarter": that quarter a year back.
		if o, ok := ordinalWords[s.low(j)]; ok && o <= 4 && s.low(j+1) == "quarter" && s.adjacent(i) && s.adjacent(j) {
			if !s.dct.ok() {
				return unresolved(i, j+2, "XXXX-Q"+strconv.Itoa(o)), true
			}
			m := s.quarter(i, j+2, o)
			m.p = m.p.shift(-1, uYear)
			m.value, m.counted = m.p.value(), true
			return m, true
		}
		if nx := s.low(j); (nx == "quarter" || nx == "period" || nx == "level" || nx == "levels") && s.adjacent(i) {
			j++
		}
		return s.yearEarlier(i, j), true
	}
	if md, ok := modWords[head]; ok {
		if mo, ok := monthWords[rest]; ok {
			var m match
			if !s.dct.ok() {
				m = unresolved(i, i+1, "XXXX-"+pad(mo, 2))
			} else {
				m = s.datePoint(i, i+1, s.monthNear(mo, 0, s.tense(i, i+1)))
			}
			m.mod = md
			return m, true
		}
		y := digitsValue(strings.TrimSuffix(rest, "s"))
		if y >= 1000 && y <= 2099 {
			g := gYear
			if strings.HasSuffix(rest, "s") {
				g = gDecade
			}
			pt := point{t: ymd(y, 1, 1), g: g}
			m := s.datePoint(i, i+1, pt)
			m.mod = md
			return m, true
		}
	}
	return match{}, false
}

// wordNumber reads "two", "twenty-four" as a number, -1 otherwise.
// clockHour is the hour 1–12 that w writes in digits or in words, else 0.
func clockHour(w string) int {
	h := digitsValue(w)
	if h < 0 || len(w) > 2 {
		h = wordNumber(w)
	}
	if h < 1 || h > 12 {
		return 0
	}
	return h
}

func wordNumber(w string) int {
	if v, ok := numberWords[w]; ok {
		return v
	}
	if p := strings.IndexByte(w, '-'); p > 0 {
		a, aok := numberWords[w[:p]]
		b, bok := numberWords[w[p+1:]]
		if aok && bok && a >= 20 && a%10 == 0 && b < 10 {
			return a + b
		}
	}
	return -1
}

// yearEarlier is "the year-earlier quarter": the last resolved date a year
// back.
func (s *scanner) yearEarlier(i, j int) match {
	a := s.anchor()
	q := s.yearAnchor()
	if q.ok() {
		a = q
	}
	if !a.ok() {
		return unresolved(i, j, "XXXX")
	}
	if a.g > gQuarter && s.low(j-1) == "quarter" {
		a = a.at(gQuarter)
	}
	m := s.datePoint(i, j, a.shift(-1, uYear))
	m.counted = true
	return m
}

// quarter resolves "the third quarter" (tokens [i, j)) to this year's, or
// last year's when it lies ahead and the clause speaks of the past.
func (s *scanner) quarter(i, j, q int) match {
	if !s.dct.ok() {
		return unresolved(i, j, "XXXX-Q"+strconv.Itoa(q))
	}
	// "the third quarter of 1990".
	if s.low(j) == "of" && s.adjacent(j-1) && s.adjacent(j) {
		if ym, ok := s.year(j + 1); ok && ym.p.g == gYear {
			return s.datePoint(i, j+2, point{t: ymd(ym.p.t.Year(), (q-1)*3+1, 1), g: gQuarter})
		}
	}
	y := s.dct.t.Year()
	curQ := (int(s.dct.t.Month())-1)/3 + 1
	if y == s.dct.t.Year() && q > curQ && s.tense(i, j) < 0 {
		y--
	}
	p := point{t: ymd(y, (q-1)*3+1, 1), g: gQuarter}
	return s.datePoint(i, j, p)
}

// the reads expressions that start with "the": "the third quarter", "the
// 1990s", "the weekend", "the future", "the past", "the latest quarter",
// "the first nine months", "the 20th century".
func (s *scanner) the(i int) (match, bool) {
	j := i + 1
	w := s.low(j)
	switch {
	case w == "future":
		// "in the future", "worried about the future": a time; "the future
		// of our peoples", "the future looks bleak", "an approach to the
		// future" speak of what is to come as a thing.
		switch s.low(i - 1) {
		case "in", "into", "about", "for", "until", "till", "toward", "towards", "predict", "predicting", "foresee":
		default:
			return match{}, false
		}
		// "the future of our peoples", "for the future generations".
		if s.low(j+1) == "of" || s.nounAfter(j+1) {
			return match{}, false
		}
		return match{start: i, end: j + 1, typ: "DATE", value: "FUTURE_REF"}, true
	case (w == "near" && (s.low(j+1) == "future" || s.low(j+1) == "term") || w == "short" && s.low(j+1) == "term") && s.adjacent(j):
		return match{start: i, end: j + 2, typ: "DATE", value: "FUTURE_REF"}, true
	case w == "weekend":
		m, ok := s.relUnit(i, j+1, 0, uWeekend)
		return m, ok
	case w == "latest" || w == "recent" || w == "current":
		if nx := s.low(j + 1); (nx == "quarter" || nx == "period") && s.adjacent(j) {
			return s.lastQuarter(i, j+2, w == "current"), true
		}
	case w == "quarter":
		return s.lastQuarter(i, j+1, false), true
	case spelledDecades[w] != 0: // "the nineties": of the 1900s, as news means it
		return s.datePoint(i, j+1, point{t: ymd(1900+spelledDecades[w], 1, 1), g: gDecade}), true
	case w == "fiscal" || strings.HasPrefix(w, "fiscal-"): // "the fiscal first quarter"
		if m, ok := s.core(j); ok && m.start == j && m.p.g == gQuarter {
			m.start = i
			return m, true
		}
	}
	switch {
	case seasonWords[w] != 0 && s.low(j+1) == "of" && s.adjacent(j) && s.adjacent(j+1): // "the winter of 1994"
		ym, ok := s.year(j + 2)
		if !ok {
			ym, ok = s.spelledYear(j + 2)
		}
		if ok && ym.p.g == gYear {
			return s.datePoint(i, ym.end, point{t: ymd(ym.p.t.Year(), seasonWords[w], 1), g: gSeason}), true
		}
	case seasonWords[w] != 0 && w != "fall" || (w == "early" || w == "late") && seasonWords[s.low(j+1)] != 0 && s.low(j+1) != "fall" && s.adjacent(j):
		// "the summer", "the early summer" ("the fall" is too often a
		// drop): the season nearest in the clause's tense.
		k := j
		if w == "early" || w == "late" {
			k++
		}
		if !s.dct.ok() {
			return unresolved(i, k+1, "XXXX-"+seasonCode[seasonWords[s.low(k)]-1]), true
		}
		return s.datePoint(i, k+1, s.seasonNear(seasonWords[s.low(k)], s.tenseOr(i, k+1, -1))), true
	case w == "year" && s.is(j+1, "two", "thousand") && s.adjacent(j): // "the year two thousand"
		p := point{t: ymd(2000, 1, 1), g: gYear}
		return s.datePoint(i, j+3, p), true
	case w == "year" || (w == "full" || w == "fiscal" || w == "current") && s.low(j+1) == "year" && s.adjacent(j) ||
		w == "current" && s.is(j+1, "fiscal", "year") && s.adjacent(j):
		if m, ok := s.theYear(i, j); ok {
			return m, true
		}
	}
	if m, ok := s.halfOf(i); ok {
		return m, true
	}
	if m, ok := s.dayOf(i); ok {
		return m, true
	}
	if o, ok := ordinalWords[w]; ok && s.adjacent(j) {
		if s.low(j+1) == "quarter" && o <= 4 {
			return s.quarter(i, j+2, o), true
		}
		if s.low(j+1) == "half" {
			if !s.dct.ok() {
				return unresolved(i, j+2, "XXXX-H"+strconv.Itoa(o)), true
			}
			return match{start: i, end: j + 2, typ: "DATE", value: pad(s.dct.t.Year(), 4) + "-H" + strconv.Itoa(o)}, true
		}
		if s.low(j+1) == "century" && o >= 1 && o <= 21 {
			p := point{t: ymd((o-1)*100, 1, 1), g: gCentury}
			return s.datePoint(i, j+2, p), true
		}
		// "the first nine months": a duration.
		if o == 1 {
			if n, after, ok := s.number(j + 1); ok && n > 1 {
				if u, ok := unitWords[s.low(after)]; ok && s.adjacent(after-1) {
					return match{start: i, end: after + 1, typ: "DURATION", value: durationValue(n, u)}, true
				}
			}
		}
	}
	switch w {
	case "past", "last", "next", "previous", "preceding", "following", "coming", "current", "same":
		if !s.adjacent(j) {
			break
		}
		if m, ok := s.relative(j); ok {
			m.start = i
			return m, true
		}
		// "the past" is the noun unless a count follows: "the past three
		// summers" counts something this scanner has no unit for.
		if _, _, counted := s.number(j + 1); w == "past" && !(counted && s.adjacent(j)) {
			return match{start: i, end: j + 1, typ: "DATE", value: "PAST_REF"}, true
		}
	}
	// "the 1988 second quarter", "the 1989 period".
	if ym, ok := s.year(j); ok && ym.p.g == gYear && s.adjacent(j) {
		if o, ok := ordinalWords[s.low(j+1)]; ok && o <= 4 && s.low(j+2) == "quarter" {
			p := point{t: ymd(ym.p.t.Year(), (o-1)*3+1, 1), g: gQuarter}
			return s.datePoint(i, j+3, p), true
		}
		if nx := s.low(j + 1); (nx == "quarter" || nx == "period") && s.refQ.ok() {
			p := point{t: ymd(ym.p.t.Year(), int(s.refQ.t.Month()), 1), g: gQuarter}
			return s.datePoint(i, j+2, p), true
		}
	}
	if w == "the" { // bounded: never a chain of "the the the"
		return match{}, false
	}
	if m, ok := s.core(j); ok && m.start == j {
		switch {
		case m.typ == "DURATION" && m.end == j+1 && strings.IndexByte(s.low(j), '-') > 0:
			// "the two-week visit": the article belongs to the noun the
			// compound qualifies, not to the time.
			return match{}, false
		case m.typ == "DURATION" && m.value != "" && s.low(j) != "a" && s.low(j) != "an":
			// "the nine months", "the past three years"
		case m.p.g == gDecade || m.p.g == gCentury:
		case m.typ == "DATE" && strings.Contains(m.value, "W") && strings.HasSuffix(m.value, "WE"):
		case m.counted: // "the year-earlier quarter"
		default:
			return match{}, false
		}
		m.start = i
		return m, true
	}
	return match{}, false
}

// yearEnd reads "year-end", "year end", "year's end": the publication
// year with mod END (as TIMEX3 writes "the end of the year"), or the year
// before it after "since".
func (s *scanner) yearEnd(i int) (match, bool) {
	var end int
	switch {
	case s.low(i) == "year-end":
		end = i + 1
	case s.is(i, "year", "end"):
		end = i + 2
	case s.is(i, "year", "'s", "end"), s.is(i, "year", "’s", "end"):
		end = i + 3
	default:
		return match{}, false
	}
	if !s.dct.ok() {
		return unresolved(i, end, "XXXX"), true
	}
	p := s.dct.at(gYear)
	if s.since {
		p = p.shift(-1, uYear)
	}
	m := s.datePoint(i, end, p)
	m.mod = "END"
	return m, true
}

// theYear reads "the year", "the full year", "the fiscal year", "the
// current fiscal year" at tokens i ("the") and j. An accounting year named
// by its end ("the year ended June 30") is a DURATION P1Y, as TimeML
// annotates it; otherwise "the full year", "the fiscal year" and "for the
// year" are the year of publication, and "the end of the year" the year in
// focus (periodInFocus). A bare "the year" elsewhere ("the year before") is
// not read.
func (s *scanner) theYear(i, j int) (match, bool) {
	k := j
	for k < j+3 && s.low(k) != "year" {
		k++
	}
	if nx := s.low(k + 1); (nx == "ended" || nx == "ending") && s.adjacent(k) {
		return match{start: i, end: k + 1, typ: "DURATION", value: "P1Y"}, true
	}
	prev := s.low(i - 1)
	if s.low(j) == "year" && prev != "for" && prev != "of" {
		return match{}, false
	}
	if prev == "of" && s.low(j) == "year" { // "the end of the year": the year in focus
		return s.periodInFocus(i)
	}
	if !s.dct.ok() {
		return unresolved(i, k+1, "XXXX"), true
	}
	return s.datePoint(i, k+1, s.dct.at(gYear)), true
}

// lastQuarter is "the quarter", "the latest quarter": the quarter the
// article last named, else the last complete one before publication.
func (s *scanner) lastQuarter(i, j int, current bool) match {
	if !current && s.refQ.ok() {
		return s.datePoint(i, j, s.refQ)
	}
	if !s.dct.ok() {
		return unresolved(i, j, "XXXX-QX")
	}
	p := s.dct.at(gQuarter)
	if !current {
		p = p.shift(-1, uQuarter)
	}
	return s.datePoint(i, j, p)
}

// ordinalQuarter reads "third quarter", "4th quarter" without an article.
func (s *scanner) ordinalQuarter(i int) (match, bool) {
	o, ok := ordinalWords[s.low(i)]
	if !ok || !s.adjacent(i) {
		return match{}, false
	}
	switch s.low(i + 1) {
	case "quarter":
		if o <= 4 {
			return s.quarter(i, i+2, o), true
		}
	case "century":
		if o >= 1 && o <= 21 {
			return s.datePoint(i, i+2, point{t: ymd((o-1)*100, 1, 1), g: gCentury}), true
		}
	}
	return match{}, false
}

// barePlural reads "years", "weeks" after "for", "in", "over", "within" or
// a verb of length ("took months", "lasted years"): an unspecified
// duration. So is one joined to such a one ("could take months and even
// years", "for days, if not weeks").
func (s *scanner) barePlural(i int) (match, bool) {
	u, ok := unitWords[s.low(i)]
	if !ok || !pluralUnit[s.low(i)] || u < uMinute {
		return match{}, false
	}
	if end, ok := s.gapBefore(i); ok {
		return match{start: i, end: end, typ: "DURATION", value: durationValue(-1, u)}, true
	}
	k := i
	for hops := 0; hops < 3; hops++ {
		if lengthCue[s.low(k-1)] {
			return match{start: i, end: i + 1, typ: "DURATION", value: durationValue(-1, u)}, true
		}
		// Back over "and even", ", if not", "or" to the unit before.
		j := k - 1
		for j > k-4 && bareLink[s.low(j)] && s.adjacent(j) {
			j--
		}
		if j == k-1 || !s.adjacent(j) {
			return match{}, false
		}
		if v, ok := unitWords[s.low(j)]; !ok || !pluralUnit[s.low(j)] || v < uMinute {
			return match{}, false
		}
		k = j
	}
	return match{}, false
}

// gapBefore reports whether the bare plural at i is the gap between two
// events ("Days later, ...", "died hours after the crash", "just weeks
// before the vote") or back from now ("only months ago"), and where the
// expression ends. It must open its clause or follow a verb in the past or
// a word of degree: "the days before the vote" is a period, and "working
// hours after noon" a noun.
func (s *scanner) gapBefore(i int) (int, bool) {
	end := i + 1
	switch next := s.low(i + 1); {
	case !s.adjacent(i):
		return 0, false
	case next == "later" || next == "earlier" || next == "afterward" || next == "afterwards":
	case next == "ago": // "ago" is part of it, as in "two weeks ago"
		end++
	case next == "after" || next == "before":
		// Something must follow to be the event: "hours after." is not.
		w := s.low(i + 2)
		if !s.adjacent(i+1) || w == "" || !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= '0' && w[0] <= '9') {
			return 0, false
		}
	default:
		return 0, false
	}
	k := i - 1
	if k < s.sentLo[i] {
		return end, true
	}
	prev := s.low(k)
	switch {
	case gapOpeners[prev]:
		return end, true
	case prev == "last" || prev == "since" || prev == "ago" || prev == "yesterday":
		return 0, false
	}
	// A verb in the past: "died hours after" ("died" is too short for cue).
	if s.isLowerWord(k) && (s.cue(k) < 0 || len(prev) == 4 && strings.HasSuffix(prev, "ed")) {
		return end, true
	}
	return 0, false
}

// gapOpeners are the words a gap between events may follow: punctuation
// that opens a clause, conjunctions, and words of degree ("only days
// later").
var gapOpeners = map[string]bool{
	",": true, ";": true, ":": true, "--": true, "(": true, "\"": true, "``": true, "“": true,
	"and": true, "but": true, "then": true, "only": true, "just": true, "mere": true,
	"merely": true, "barely": true, "nearly": true, "almost": true, "even": true,
	"come": true, "comes": true, "coming": true,
}

// lengthCue are the words after which a bare plural unit is a length.
var lengthCue = map[string]bool{
	"for": true, "in": true, "over": true, "within": true,
	"take": true, "takes": true, "took": true, "taken": true, "taking": true,
	"last": true, "lasts": true, "lasted": true, "lasting": true,
	"spend": true, "spends": true, "spent": true, "spending": true,
}

// bareLink are the words that join one bare plural unit to another.
var bareLink = map[string]bool{
	"and": true, "or": true, ",": true, "even": true, "if": true, "not": true,
	"perhaps": true, "possibly": true, "maybe": true,
}

// yearsQuarter extends a year by a quarter of it: "this year's third
// quarter", "next year's first quarter".
func (s *scanner) yearsQuarter(m match) match {
	if m.typ != "DATE" || m.p.g != gYear || !s.adjacent(m.end-1) || !s.possessive(m.end) {
		return m
	}
	o, ok := ordinalWords[s.low(m.end+1)]
	if !ok || o > 4 || s.low(m.end+2) != "quarter" || !s.adjacent(m.end+1) {
		return m
	}
	p := point{t: ymd(m.p.t.Year(), (o-1)*3+1, 1), g: gQuarter}
	m.end += 3
	m.p, m.value = p, p.value()
	return m
}

// titleCase reports whether token i is a capitalized word with the rest
// in lower case ("Week", not "WEEK" or "week").
func (s *scanner) titleCase(i int) bool {
	r := s.raw(i)
	if len(r) < 2 || r[0] < 'A' || r[0] > 'Z' {
		return false
	}
	for k := 1; k < len(r); k++ {
		if r[k] >= 'A' && r[k] <= 'Z' {
			return false
		}
	}
	return true
}

// isLowerWord reports whether token i is a word starting in lower case.
func (s *scanner) isLowerWord(i int) bool {
	r := s.raw(i)
	return r != "" && r[0] >= 'a' && r[0] <= 'z'
}

// holiday reads "Christmas", "Christmas Eve", "New Year's Day",
// "Thanksgiving": fixed-date holidays and the US Thanksgiving (fourth
// Thursday of November), placed like a day of a month.
func (s *scanner) holiday(i int) (match, bool) {
	if !s.isCapitalized(i) {
		return match{}, false
	}
	var mo, d, end int
	switch s.low(i) {
	case "christmas":
		mo, d, end = 12, 25, i+1
		if s.is(i, "christmas", "eve") {
			d, end = 24, i+2
		} else if s.is(i, "christmas", "day") {
			end = i + 2
		}
	case "new":
		switch {
		case s.is(i, "new", "year", "'s", "day"), s.is(i, "new", "year", "’s", "day"):
			mo, d, end = 1, 1, i+4
		case s.is(i, "new", "year", "'s", "eve"), s.is(i, "new", "year", "’s", "eve"):
			mo, d, end = 12, 31, i+4
		default:
			return match{}, false
		}
	case "halloween":
		mo, d, end = 10, 31, i+1
	case "election":
		// US Election Day, the Tuesday after the first Monday of November.
		if !s.is(i, "election", "day") || !s.isCapitalized(i+1) {
			return match{}, false
		}
		mo, end = 11, i+2
	case "thanksgiving":
		mo, end = 11, i+1
		if s.is(i, "thanksgiving", "day") {
			end = i + 2
		}
	default:
		return match{}, false
	}
	if !s.dct.ok() {
		if d == 0 {
			return unresolved(i, end, "XXXX-11-XX"), true
		}
		return unresolved(i, end, "XXXX-"+pad(mo, 2)+"-"+pad(d, 2)), true
	}
	if d == 0 { // Thanksgiving, Election Day: a weekday of November
		election := s.low(i) == "election"
		day := func(y int) time.Time {
			first := ymd(y, 11, 1)
			if election { // the Tuesday after the first Monday
				return first.AddDate(0, 0, (int(time.Monday)-int(first.Weekday())+7)%7+1)
			}
			return first.AddDate(0, 0, (int(time.Thursday)-int(first.Weekday())+7)%7+21)
		}
		y := s.dct.t.Year()
		t := day(y)
		switch tense := s.tense(i, end); {
		case tense > 0 && t.Before(s.dct.t):
			t = day(y + 1)
		case tense < 0 && t.After(s.dct.t):
			t = day(y - 1)
		case tense == 0 && t.Before(s.dct.t) && s.dct.t.Sub(t) > day(y+1).Sub(s.dct.t):
			t = day(y + 1)
		case tense == 0 && t.After(s.dct.t) && t.Sub(s.dct.t) > s.dct.t.Sub(day(y-1)):
			t = day(y - 1)
		}
		return s.datePoint(i, end, point{t: t, g: gDay}), true
	}
	p := s.monthNear(mo, d, s.tense(i, end))
	if !p.ok() {
		return match{}, false
	}
	return s.datePoint(i, end, p), true
}

// sameAs reads "that day", "that year", "the same day", "that same
// month": the last date named, at that unit.
func (s *scanner) sameAs(i int) (match, bool) {
	k := i
	if (s.low(i) == "earlier" || s.low(i) == "later") && s.adjacent(i) { // "later that day"
		k++
	}
	j := k
	switch {
	case s.is(k, "that", "same"), s.is(k, "the", "same"):
		j = k + 2
	case s.low(k) == "that":
		j = k + 1
	default:
		return match{}, false
	}
	if !s.adjacent(j - 1) {
		return match{}, false
	}
	// "that night", "later that morning": on the last day named.
	if code, ok := dayPartWords[s.low(j)]; ok && !s.nounAfter(j+1) {
		switch {
		case s.ref.ok() && s.ref.g == gDay && s.refDay == "":
			return match{start: i, end: j + 1, typ: "TIME", value: s.ref.value() + "T" + code, p: s.ref}, true
		case s.refDay != "":
			return match{start: i, end: j + 1, typ: "TIME", value: s.refDay + "T" + code}, true
		}
	}
	u, ok := unitWords[s.low(j)]
	if !ok || pluralUnit[s.low(j)] || !s.ref.ok() {
		return match{}, false
	}
	g := unitGranularity(u)
	if u == uWeek {
		g = gWeek
	}
	if g > s.ref.g || u < uDay || u == uWeekend || u > uYear {
		return match{}, false
	}
	m := s.datePoint(i, j+1, s.ref.at(g))
	m.counted = true
	return m, true
}

// dayInFocus is the day a part of the day or a clock time without a day of
// its own falls on: the last day the article named, else the publication
// day; not ok when neither is known.
func (s *scanner) dayInFocus() point {
	if s.ref.ok() && s.ref.g == gDay {
		return s.ref
	}
	return s.dct
}

// partOfDay reads a part of the day named without a day before it: "the
// morning", "mid-afternoon", "mid afternoon yesterday". A day word right
// after it gives the day ("mid-afternoon yesterday"); else it falls on the
// day in focus, as a clock time does. "the night of Oct. 23" is left to
// the date inside it.
func (s *scanner) partOfDay(i int) (match, bool) {
	w := s.low(i)
	j := i + 1
	var code string
	switch {
	case w == "the" && s.adjacent(i):
		c, ok := dayPartWords[s.low(j)]
		if !ok || s.low(j) == "night" || s.low(j) == "overnight" || s.low(j+1) == "of" {
			return match{}, false
		}
		code, j = c, j+1
	case w == "mid" && s.adjacent(i):
		c, ok := dayPartWords[s.low(j)]
		if !ok || (s.low(j) != "morning" && s.low(j) != "afternoon") {
			return match{}, false
		}
		code, j = c, j+1
	case w == "mid-morning" || w == "midmorning":
		code = "MO"
	case w == "mid-afternoon" || w == "midafternoon":
		code = "AF"
	default:
		return match{}, false
	}
	// "the morning paper", "the evening news": an adjective, not a time;
	// "The Morning Show" inside a sentence is a name.
	if s.nounAfter(j) || w == "the" && s.titleCase(i+1) && s.sentLo[i] != i {
		return match{}, false
	}
	mod := ""
	if strings.HasPrefix(w, "mid") {
		mod = "MID"
	}
	day := s.dayInFocus()
	// "will call in the morning": with no day named since, the future
	// speaks of the next morning.
	if day == s.dct && day.ok() && s.tense(i, j) > 0 {
		day = day.shift(1, uDay)
	}
	if s.adjacent(j-1) && j < len(s.w) {
		var m match
		ok := false
		if _, wd := weekdayWords[s.w[j].low]; wd {
			m, ok = s.weekday(j)
		} else if d := s.w[j].low; d == "yesterday" || d == "today" || d == "tomorrow" {
			m, ok = s.deictic(j)
		}
		if ok && m.typ == "DATE" && m.p.g == gDay {
			day, j = m.p, m.end
		}
	}
	if !day.ok() {
		return match{start: i, end: j, typ: "TIME", value: "XXXX-XX-XXT" + code, mod: mod}, true
	}
	return match{start: i, end: j, typ: "TIME", value: day.value() + "T" + code, p: day, mod: mod}, true
}

// vagueSpan reads lengths of time given without a number: "a while"
// ("for a while", not "once in a while") is PXX; "the weeks ahead", "the
// years ahead" are PXW, PXY; so are "(over) the years", "(through) the
// decades", but not "the years of the war", a period of its own.
func (s *scanner) vagueSpan(i int) (match, bool) {
	switch {
	case s.low(i) == "the" && s.adjacent(i) && (s.low(i-1) == "over" || s.low(i-1) == "through") &&
		pluralUnit[s.low(i+1)] && s.low(i+2) != "of":
		u := unitWords[s.low(i+1)]
		if u < uDay {
			return match{}, false
		}
		return match{start: i, end: i + 2, typ: "DURATION", value: durationValue(-1, u)}, true
	case s.is(i, "a", "while"), s.is(i, "a", "little", "while"):
		end := i + 2
		if s.low(i+1) == "little" {
			end++
		}
		if s.low(i-1) == "in" && s.low(i-2) == "once" {
			return match{}, false
		}
		// "a while ago", "a while back": a time in the past, not a length.
		if w := s.low(end); (w == "ago" || w == "back") && s.adjacent(end-1) {
			return match{start: i, end: end + 1, typ: "DATE", value: "PAST_REF"}, true
		}
		return match{start: i, end: end, typ: "DURATION", value: "PXX"}, true
	case s.low(i) == "the" && s.adjacent(i) && s.adjacent(i+1) && s.low(i+2) == "ahead":
		u, ok := unitWords[s.low(i+1)]
		if !ok || !pluralUnit[s.low(i+1)] {
			return match{}, false
		}
		return match{start: i, end: i + 3, typ: "DURATION", value: durationValue(-1, u)}, true
	}
	return match{}, false
}

// halfOf reads a half of a named year at token i ("the"): "the first half
// of 1990", "the last half of 1989", "the first two quarters of 1990"
// (1990-H1, 1989-H2). A half of another period ("the last half of the
// '80s") is that period, with mod START or END.
func (s *scanner) halfOf(i int) (match, bool) {
	j := i + 1
	h := 0
	switch {
	case s.is(j, "first", "half"), s.is(j, "first", "two", "quarters"):
		h = 1
	case s.is(j, "second", "half"), s.is(j, "last", "half"), s.is(j, "latter", "half"),
		s.is(j, "last", "two", "quarters"):
		h = 2
	default:
		return match{}, false
	}
	k := j + 2 // "of"
	if s.low(j+1) != "half" {
		k++
	}
	if s.low(k) != "of" || !s.adjacent(k-1) || !s.adjacent(k) {
		return match{}, false
	}
	inner, ok := s.inner(k + 1)
	if !ok || inner.typ != "DATE" || !inner.p.ok() {
		return match{}, false
	}
	switch {
	case inner.p.g == gYear:
		return match{start: i, end: inner.end, typ: "DATE", value: inner.value + "-H" + strconv.Itoa(h), p: point{t: inner.p.t, g: gYear}}, true
	case inner.p.g < gYear:
		inner.start = i
		inner.mod = "START"
		if h == 2 {
			inner.mod = "END"
		}
		return inner, true
	}
	return match{}, false
}

// dayOf reads a day or a week given by a day named after it, at token i
// ("the"): "the day before last Tuesday('s hearing)" is the Monday, "the
// day after Oct. 23" the 24th, "the week of March 6" that day's week. A
// day before an event ("the day before authorities issued a warrant") is
// not read.
func (s *scanner) dayOf(i int) (match, bool) {
	j := i + 1
	w, rel := s.low(j), s.low(j+1)
	if !s.adjacent(j) || !s.adjacent(j+1) {
		return match{}, false
	}
	if !(w == "day" && (rel == "before" || rel == "after") || w == "week" && rel == "of") {
		return match{}, false
	}
	inner, ok := s.inner(j + 2)
	if !ok || inner.typ != "DATE" || inner.p.g != gDay {
		return match{}, false
	}
	p := inner.p
	switch rel {
	case "before":
		p = p.shift(-1, uDay)
	case "after":
		p = p.shift(1, uDay)
	default:
		p = p.at(gWeek)
	}
	return s.datePoint(i, inner.end, p), true
}

// inner reads the expression an enclosing one is built on ("the day before
// [last Tuesday]", "the last half of [1989]"). It does not nest twice, so
// that "the day before the day before ..." costs no more than one level
// and the scan stays linear.
func (s *scanner) inner(i int) (match, bool) {
	if s.nested {
		return match{}, false
	}
	s.nested = true
	defer func() { s.nested = false }()
	return s.core(i)
}

// nounAfter reports whether token j, right after the one before it, is a
// lower-case word that is not a function word or a word of time: the noun
// a time word before it qualifies ("the morning paper", "every winter
// storm", "the morning session").
func (s *scanner) nounAfter(j int) bool {
	if j <= 0 || j >= len(s.w) || !s.adjacent(j-1) || !s.isLowerWord(j) {
		return false
	}
	w := s.low(j)
	if closedClass[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	if _, ok := weekdayWords[w]; ok {
		return false
	}
	if _, ok := unitWords[w]; ok {
		return false
	}
	return true
}
