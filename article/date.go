package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A date line is a whole line near the top of a plain-text article that
// only states when it was published or updated, as scrapers and
// copy-and-paste leave it: "Published November 18, 2025", "Published: 18
// Nov 2025", "Updated 2025-11-18 14:03 GMT", "Tuesday, November 18, 2025".
// It is metadata, not text.
var (
	datePrefix = `(?:(?P<kind>(?:first |originally )?published|posted|(?:last )?updated|date)(?: on)?\s*:?\s*)?`
	weekday    = `(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+`
	month      = `(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	day        = `(?P<day>[0-3]?\d)(?:st|nd|rd|th)?`
	year       = `(?P<year>(?:19|20)\d\d)`
	// A time, when there is one: "14:03", "2:03 pm", "14:03:00 GMT", "T14:03:00Z", "14:03 +01:00".
	clock = `(?:(?:\s*(?:,|at|-|–|—|\||·)?\s*|T)(?P<hour>[0-2]?\d)[:.](?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>gmt|utc|z|[+-]\d\d:?\d\d|\(?[a-z]{2,5}\)?)?)?`

	dateLineRes = []*regexp.Regexp{
		// November 18, 2025 / Tuesday, Nov. 18 2025
		regexp.MustCompile(`(?i)^` + datePrefix + `(?:` + weekday + `)?` + month + `\s+` + day + `,?\s+` + year + clock + `$`),
		// 18 November 2025 / Tue 18 Nov 2025
		regexp.MustCompile(`(?i)^` + datePrefix + `(?:` + weekday + `)?` + day + `\s+` + month + `,?\s+` + year + clock + `$`),
		// 2025-11-18
		regexp.MustCompile(`(?i)^` + datePrefix + year + `-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)` + clock + `$`),
	}
	// A relative date ("Published 3 hours ago") says nothing without the
	// time it was read at, but it is metadata all the same.
	relativeDateLine = regexp.MustCompile(`(?i)^` + datePrefix + `\d{1,2} (?:minutes?|mins?|hours?|hrs?|days?) ago$`)
)

// numericDateLine is a date line in a form dateLine does not read: all
// numbers ("Published: 18/11/2025", "11.18.2025 14:03 GMT"), whose order of
// day and month the line does not say.
var numericDateLine = regexp.MustCompile(`(?i)^` + datePrefix + `\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}[\d\s\-/.:,+T]*(?:[ap]\.?m\.?)?\s*(?:\(?[a-z]{1,5}\)?)?$`)

// metadataDateLine reports a line near the top of a plain text that is
// clearly a date line but gives no date: the shape of one dateLine reads
// with an impossible date ("Published: 2025-11-31", "February 30, 2025"),
// or a date in numbers only (see numericDateLine). It is metadata all the
// same: never the headline, and not text.
func metadataDateLine(line string) bool {
	if len(line) > maxDateLine {
		return false
	}
	for _, re := range dateLineRes {
		if re.MatchString(line) {
			return true
		}
	}
	return numericDateLine.MatchString(line)
}

// maxDateLine bounds the lines tried as date lines: the longest form above
// is well under it, and the regexps then never see a paragraph.
const maxDateLine = 100

// dateLine reads a date line. ok reports whether line is one; t is its
// date, zero for a relative date. updated reports an "Updated" line, which
// gives the publication date only when no other line does. A date alone is
// midnight UTC (known to the day, in the contract's terms); a time is kept
// only with an explicit UTC offset or GMT/UTC, since "2:03 PM ET" names a
// zone whose offset depends on a date rule this package does not carry. A
// time is kept in the offset it is given in (see clockTime), so that it
// stays on the day the line names.
func dateLine(line string) (t time.Time, updated, ok bool) {
	if len(line) > maxDateLine {
		return time.Time{}, false, false
	}
	if m := relativeDateLine.FindStringSubmatch(line); m != nil {
		kind := strings.ToLower(m[relativeDateLine.SubexpIndex("kind")])
		return time.Time{}, strings.Contains(kind, "updated"), true
	}
	for _, re := range dateLineRes {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		get := func(name string) string {
			if i := re.SubexpIndex(name); i >= 0 {
				return strings.ToLower(m[i])
			}
			return ""
		}
		y, _ := strconv.Atoi(get("year"))
		d, _ := strconv.Atoi(get("day"))
		mo := monthNumber(get("month"))
		if s := get("mnum"); s != "" {
			mo, _ = strconv.Atoi(s)
		}
		if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
			return time.Time{}, false, false
		}
		t = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if at, ok := clockTime(t, get("hour"), get("min"), get("sec"), get("ampm"), get("zone")); ok {
			t = at
		}
		return t, strings.Contains(get("kind"), "updated"), true
	}
	return time.Time{}, false, false
}

// clockTime puts the time of day on date when it is complete and its zone
// is explicit, in that zone: "11:30 PM -05:00" stays 23:30 on the day
// written (a fixed zone), not 04:30 UTC the next day. GMT, UTC, Z and a
// zero offset are time.UTC.
func clockTime(date time.Time, hh, mm, ss, ampm, zone string) (time.Time, bool) {
	if hh == "" {
		return time.Time{}, false
	}
	h, _ := strconv.Atoi(hh)
	m, _ := strconv.Atoi(mm)
	s, _ := strconv.Atoi(ss)
	switch {
	case strings.HasPrefix(ampm, "p") && h < 12:
		h += 12
	case strings.HasPrefix(ampm, "a") && h == 12:
		h = 0
	}
	if h > 23 {
		return time.Time{}, false
	}
	var offset int
	switch {
	case zone == "gmt" || zone == "utc" || zone == "z":
	case len(zone) >= 5 && (zone[0] == '+' || zone[0] == '-'):
		z := strings.ReplaceAll(zone[1:], ":", "")
		zh, _ := strconv.Atoi(z[:2])
		zm, _ := strconv.Atoi(z[2:])
		if zh > 14 || zm > 59 {
			return time.Time{}, false // no zone is that far from UTC
		}
		offset = zh*3600 + zm*60
		if zone[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	return time.Date(date.Year(), date.Month(), date.Day(), h, m, s, 0, fixedOffset(offset)), true
}

// fixedOffset is the zone of a time stated with a UTC offset: a fixed zone,
// or time.UTC for a zero offset, so that the contract writes "Z" (and a
// time stated as exactly midnight UTC as the date alone, which it cannot
// tell from one).
func fixedOffset(seconds int) *time.Location {
	if seconds == 0 {
		return time.UTC
	}
	return time.FixedZone("", seconds)
}

func monthNumber(s string) int {
	if len(s) < 3 {
		return 0
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", s[:3])
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3 + 1
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
