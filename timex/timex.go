// Package timex finds temporal expressions in an article and resolves them
// to TIMEX3 values against the publication date: dates ("Nov. 18, 2025",
// "on Monday", "last year", "the third quarter", "two decades ago"), times
// of day ("10:30 a.m.", "Monday night"), durations ("the past three
// years", "two-week") and sets ("every week", "daily").
//
// It is a rule grammar in the manner of HeidelTime: patterns over the
// tokens of the text package, then normalization. A weekday or a month
// without a year is placed before or after the publication date by the
// tense of the clause around it ("said ... on Monday" is the Monday before,
// "will ... on Monday" the one after): the nearest tense cue in the 12
// words before the expression, else in the 12 after it, else up to 40
// words back in the sentence, then up to 40 ahead. Cues are modals and
// words of plans ("will", "may", "plans to", "planned", "set to", "is to",
// "as early as", "until", "postponed", "agreed to buy", "likely to") for
// the future, unless in the past perfect ("had
// been scheduled to expire Friday" tells no tense: the plan was overtaken,
// and its day may or may not have come); auxiliaries,
// common irregular pasts ("met", "came") and words in -ed for the past,
// except adjectives ("a still unspecified date") and present passives,
// which speak of what is scheduled ("the case is heard in May"). "until"
// right before the expression yields to a past cue after it ("Until
// Thursday, they had not ..."); "effective" right before it always looks
// ahead ("a pact effective June 1"). A month or a day of a month without a
// year, in the month of the last day the article dated with a written
// year or next to it, takes that year ("On Nov. 11, 2024, ... On Nov.
// 12, troops" is 2024-11-12 in an article of 2026), unless the clause's
// tense says otherwise; a day named without a year in between ("on
// Monday") ends it, and a month and year ("the December 2024 vote") does
// not start it. The publication day's own weekday is
// that day; a weekday before a written date ("Friday Oct. 13") takes the
// date's value, and "Tuesday nights" is a SET. Expressions that count from
// another time ("a year earlier", "the year-ago quarter") count from the
// last date the article resolved, as TimeML annotators do, or from the
// publication date when there is none; "N units later" (or "afterward")
// becomes the reference in turn, so "A week later ... A week later" moves
// on a week each time, while "a year earlier" said again compares with
// the same date; "30 hours later" counts whole days from a day named, or
// from the publication's clock when none was; "the following month" and "the
// previous year" count from a month or year named before as well as from a
// day. "since September" opens a range
// that runs to the publication date (From, Until). Hours and minutes ago
// are the day the publication's clock lands on when they are taken off it
// ("24 hours ago" is the day before), counted from midday when the
// publication has a date but no time.
//
// Financial reports follow TimeBank's conventions: once an article names the
// quarter it reports on ("the fiscal first quarter", in the publication
// year), "the quarter", "the latest period", "a year ago" and "a year
// earlier" refer to that quarter (or that quarter a year back), even after a
// day such as "ended Sept. 30" inside it, or closing it when it was named a
// fiscal quarter ("the fiscal first quarter ended Sept. 30"); a quarter
// named afterwards that lies before it ("after a flat second quarter") is a
// comparison and does not replace it; "the nine months" makes the year the
// reference instead. "The year ended June 30" is a DURATION P1Y; "the full
// year", "the fiscal year" and "for the year" are the publication year.
// Years said in words ("nineteen ninety-six", "the year two thousand") are
// read as years; "year-end" is the publication year with mod END; "the
// summer" is the season nearest in the clause's tense; "the near future" and
// "the short term" are FUTURE_REF. A part of a day after a day is a TIME in
// TIMEX3's form ("Monday night" is 2025-11-17TNI, as TimeBank writes it),
// and a clock time with no day of its own falls on the last day the article
// named, else the publication day; so does a part of the day named alone
// ("in the morning", "mid-afternoon" with mod MID, unless a day follows:
// "mid-afternoon yesterday", "2:30 the next day", "10 p.m. that day"), or
// the next day when the clause speaks of the future and no day was named
// ("will call in the morning"); not one that qualifies a noun ("the morning
// paper", "the evening news") or names a show ("The Morning Show"). "4 in
// the morning" is 04:00 (not "4 in the morning session"); hours in words are
// clock times before "o'clock", "a.m." or "p.m." ("four o'clock in the
// morning", "at seven in the evening"), as are "quarter to six" and "half
// past seven"; "every now and again" and "now and then" are no times.
// Midnight before a day is the end of that day ("midnight Friday" is Friday
// T24:00), alone the start of the day in focus; "high noon" is no time.
//
// "2 1/2 years" and "a minute and a half" are P2Y6M and PT1M30S; "a week or
// so (ago)" has mod APPROX; "over" before a count is "more than" (mod
// MORE_THAN, in the span) after a word asking for a length ("lasted over
// eight years", "for over a week"; before "ago" or "later" only after a word
// of degree: "just over an hour later", not "took over two years ago"), and
// a preposition otherwise ("rose 5% over three years"); a bare plural
// ("years") is a length after "for", "in", "over", "within" or a verb of
// length ("took months"), or joined to such a one ("months and even years",
// "days, if not weeks"), and so is "the years" after "over" or "through"
// (not "the years of the war"); "day-long" and "decades-long" are P1D and
// PXY; "an additional year", "two more weeks" and "eight trading days" count
// their units; "a while" (not "once in a while") and "a little while" are
// PXX, "a while ago" PAST_REF, "the weeks ahead" PXW; "these days" is
// PRESENT_REF (not "one of these days"); "several-year" and
// "multi-year" PXY; "post-1959" and "pre-1990s" the year or decade with mod
// AFTER or BEFORE. A compound before a noun leaves the article out ("the
// [two-week] strike"). "the last half of 1989" and "the first two quarters
// of 1990" are 1989-H2 and 1990-H1, a half of a decade that decade with mod
// START or END; "the day before last Tuesday", "the day after Oct. 23" and
// "the week of March 6" count from the day named. "each July" and "every
// winter" are SETs ("each July 4" XXXX-07-04), but not before a noun ("every
// winter storm"); so is "Monday" in "Monday and Tuesday nights". "the
// future" is a time after a word that places something in it ("in", "into",
// "about", "for", "until", "till", "toward(s)", "predict", "foresee"), not
// in "the future looks bleak", "the future of", or before a noun. A relative
// expression or a count of units in title case inside a sentence ("ABC's
// \"This Week\"", "CBS's \"60 Minutes\"") is a name, not a time, unless the
// sentence is a headline in title case ("Freed After 444 Days").
//
// "N units after <event>" is a DURATION (P2W for "two weeks after NBC
// reported", as TimeML annotates it) anchored to the events it separates:
// the main clause's time is taken to be the last date the article resolved
// before it, R, so the earlier event lies N units back (From R−N, Until R);
// "N units before <event>" puts the later event N units ahead (From R, Until
// R+N), as does "N units after that", whose event is the one at R. When the
// article resolved no date before it, or only a date coarser than the unit
// ("in 2024, three days after"), or the unit is shorter than a day, From and
// Until stay empty.
//
// A vague gap between events is a DURATION of unstated length, as TimeML
// annotates it: "a few days later" is PXD over "a few days" (no day to
// count to), and so is a bare plural that opens its clause or follows a
// past verb or a word of degree before "later", "earlier", "after" or
// "before" ("Days later, ...", "died hours after the crash", "only weeks
// before the vote"; PTXH for hours), and "just months ago" PXM. "The days
// before the vote" is a period, not a length, and is left alone.
//
// It does not: parse the event clause itself (the reference is the last date
// named, not the verb's own time), resolve holidays beyond a few fixed ones
// (Christmas, New Year's Day, Halloween, US Thanksgiving and Election Day),
// fiscal calendars, or expressions in other languages. When Doc.Published is
// zero, anything relative comes out in TIMEX3's underspecified form
// ("XXXX-XX-XX", "XXXX-WXX-1", "XXXX-09"), except a month or a day of a
// month, which takes the year of the last month or day the article wrote
// with one, as a narrative is read ("November 1, 2006 ... By November 11");
// an underspecified day still takes its part of the day ("Monday afternoon"
// XXXX-WXX-1TAF) and gives one to "that night".
package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// Annotator fills Doc.Times. It uses Doc.Tokens and Doc.Sentences when the
// text annotator has filled them, and tokenizes the text itself otherwise.
type Annotator struct{}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "timex" }

// Version changes whenever the output for the same input changes.
func (Annotator) Version() string { return "13" }

// Annotate implements sitrep.Annotator.
func (Annotator) Annotate(d *sitrep.Doc) error {
	toks, sents := d.Tokens, d.Sentences
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokenize(d.Text)
		sents = text.Sentences(d.Text, toks)
	}
	s := newScanner(d.Text, toks, sents, d.Published)
	d.Times = s.run()
	return nil
}

// word is a token as the grammar sees it.
type word struct {
	start, end int
	low        string // the token with A-Z lowered
	sent       int    // index of the sentence holding the token
}

type scanner struct {
	text string
	w    []word
	dct  point // the publication day; !ok() when unknown
	// published is the publication time, to count hours back from: its
	// midday when it has no time of day (midnight exactly).
	published time.Time
	ref       point // the last date resolved, for "a year earlier"
	refTok    int   // the token it started at
	// refYear is set when ref is a day whose year was written ("Nov. 11,
	// 2024") or carried from one that was: a later "Nov. 12" may take it.
	refYear bool
	// refQ is the last quarter the article named: a report on "the third
	// quarter ended Sept. 30" goes on to count "a year ago" and "the
	// latest period" from that quarter, not from Sept. 30.
	refQ point
	// refQFiscal is set when refQ was named as a fiscal quarter, and
	// refQTo is the token after it.
	refQFiscal bool
	refQTo     int
	// refDay is the last day named when it could not be resolved
	// ("Sunday" with no publication date), for "that night"; it is
	// cleared by any later resolved date.
	refDay string
	out    []sitrep.Time
	sentLo []int // first token of each sentence
	sentHi []int // one past the last token of each sentence
	since  bool  // the expression being read follows "since"
	nested bool  // reading the inner expression of a compound one
}

// match is one recognized expression over tokens [start, end).
type match struct {
	start, end int
	typ, value string
	mod        string
	p          point // the resolved point, when it is one
	// counted is set on values counted from the last reference ("a year
	// earlier"): they do not become the reference themselves, so a chain
	// of comparisons does not drift ("N units later" is not counted: a
	// narrative moves on with it).
	counted bool
	// from and until bound the range a duration spans between two events
	// ("two weeks after NBC reported"), when a reference date fixes it.
	from, until string
	// year is set on a day whose year was written or carried (refYear).
	year bool
}

func newScanner(txt string, toks []sitrep.Token, sents []sitrep.Span, published time.Time) *scanner {
	s := &scanner{text: txt, w: make([]word, 0, len(toks))}
	if !published.IsZero() {
		s.dct = point{t: dayOf(published), g: gDay}
		// The wall clock where it was published, as dayOf reads its day.
		s.published = time.Date(published.Year(), published.Month(), published.Day(),
			published.Hour(), published.Minute(), published.Second(), 0, time.UTC)
		if s.published.Equal(s.dct.t) {
			s.published = s.published.Add(12 * time.Hour)
		}
	}
	low := asciiLower(txt)
	si := 0
	prevEnd := 0
	for _, t := range toks {
		// Tokens from elsewhere are trusted only as far as they are sane:
		// inside the text, in order, not overlapping.
		if t.Start < prevEnd || t.End > len(txt) || t.Start >= t.End {
			continue
		}
		prevEnd = t.End
		for si < len(sents) && sents[si].End <= t.Start {
			si++
		}
		s.w = append(s.w, word{start: t.Start, end: t.End, low: low[t.Start:t.End], sent: si})
	}
	// Sentence bounds in token indexes, for the tense window.
	s.sentLo = make([]int, 0, len(s.w))
	s.sentHi = make([]int, 0, len(s.w))
	for i := 0; i < len(s.w); {
		j := i
		for j < len(s.w) && s.w[j].sent == s.w[i].sent {
			j++
		}
		for k := i; k < j; k++ {
			s.sentLo = append(s.sentLo, i)
			s.sentHi = append(s.sentHi, j)
		}
		i = j
	}
	return s
}

// asciiLower is s with A-Z lowered and every other byte kept, so that its
// offsets are s's: the lexicons are ASCII.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func (s *scanner) run() []sitrep.Time {
	for i := 0; i < len(s.w); {
		if w := s.w[i].low; !triggers[w] && w[0] != '\'' && (w[0] < '0' || w[0] > '9') && strings.IndexByte(w, '-') < 0 {
			i++
			continue
		}
		s.since = s.low(i-1) == "since"
		m, ok := s.parse(i)
		if !ok || m.end <= i {
			i++
			continue
		}
		s.emit(m)
		i = m.end
	}
	return s.out
}

func (s *scanner) emit(m match) {
	start, end := s.w[m.start].start, s.w[m.end-1].end
	t := sitrep.Time{Span: sitrep.Span{Start: start, End: end}, Text: s.text[start:end], Type: m.typ, Value: m.value, Mod: m.mod,
		From: m.from, Until: m.until}
	if m.typ == "DATE" && m.p.ok() && m.value != "" && m.value[0] != 'X' {
		if prev := s.low(m.start - 1); prev == "since" {
			t.From = m.value
			if s.dct.ok() {
				t.Until = s.dct.value()
			}
		} else if prev == "until" || prev == "till" || prev == "through" {
			t.Until = m.value
		}
	}
	if m.typ == "DATE" && !m.p.ok() && unresolvedDay(m.value) {
		s.refDay = m.value
	}
	if m.p.ok() && m.typ != "DURATION" && m.typ != "SET" && !m.counted {
		s.refDay = ""
		s.ref, s.refTok, s.refYear = m.p, m.start, m.year
		// A quarter before the one reported on is named for comparison
		// ("after a flat second quarter") and does not replace it.
		if m.p.g == gQuarter && s.reportable(m.p, m.start, m.end) && !(s.refQ.ok() && m.p.t.Before(s.refQ.t)) {
			s.refQ, s.refQTo, s.refQFiscal = m.p, m.end, strings.HasPrefix(s.low(m.start), "fiscal") || strings.HasPrefix(s.low(m.start+1), "fiscal")
		}
	}
	// "For the nine months, net rose from a year earlier": a part of the
	// year makes the year the reference, so "a year earlier" is last year.
	if m.typ == "DURATION" && s.low(m.start) == "the" && (m.value == "P9M" || m.value == "P6M") {
		y := s.dct
		if s.refQ.ok() {
			y = s.refQ
		}
		if y.ok() {
			s.ref, s.refTok, s.refYear = y.at(gYear), m.start, false
		}
	}
	s.out = append(s.out, t)
}

// possessive reports whether token k is the "'s" of a possessive.
func (s *scanner) possessive(k int) bool {
	return s.low(k) == "'s" || s.low(k) == "’s"
}

// low is the lower-case token i, "" outside the text.
func (s *scanner) low(i int) string {
	if i < 0 || i >= len(s.w) {
		return ""
	}
	return s.w[i].low
}

func (s *scanner) raw(i int) string {
	if i < 0 || i >= len(s.w) {
		return ""
	}
	return s.text[s.w[i].start:s.w[i].end]
}

// adjacent reports whether tokens i and i+1 touch or are separated by
// spaces only on one line (an expression never spans a paragraph).
func (s *scanner) adjacent(i int) bool {
	if i+1 >= len(s.w) {
		return false
	}
	gap := s.text[s.w[i].end:s.w[i+1].start]
	return len(gap) <= 3 && !strings.ContainsAny(gap, "\n\r")
}

func (s *scanner) is(i int, words ...string) bool {
	for k, w := range words {
		if s.low(i+k) != w || (k > 0 && !s.adjacent(i+k-1)) {
			return false
		}
	}
	return true
}

// parse tries an expression starting at token i: optional modifier, then
// the core expression.
func (s *scanner) parse(i int) (match, bool) {
	if m, ok := s.over(i); ok {
		return m, true
	}
	j, mod := i, ""
	switch {
	case s.is(i, "more", "than"):
		j, mod = i+2, "MORE_THAN"
	case s.is(i, "less", "than"), s.is(i, "fewer", "than"):
		j, mod = i+2, "LESS_THAN"
	case s.is(i, "at", "least"):
		j, mod = i+2, "EQUAL_OR_MORE"
	case s.is(i, "up", "to"), s.is(i, "no", "more", "than"):
		j, mod = i+2, "EQUAL_OR_LESS"
		if s.low(i) == "no" {
			j++
		}
	case s.is(i, "the", "end", "of"), s.is(i, "the", "close", "of"):
		j, mod = i+3, "END"
	case s.is(i, "the", "beginning", "of"), s.is(i, "the", "start", "of"):
		j, mod = i+3, "START"
	case s.is(i, "the", "middle", "of"):
		j, mod = i+3, "MID"
	case s.is(i, "end", "of"):
		j, mod = i+2, "END"
	default:
		if md, ok := modWords[s.low(i)]; ok && s.adjacent(i) {
			j, mod = i+1, md
		}
	}
	if j != i {
		m, ok := s.core(j)
		if !ok && (mod == "START" || mod == "MID" || mod == "END") {
			m, ok = s.periodInFocus(j) // "the end of the month"
		}
		// "about the future" is not an approximate future, nor "talk about
		// Monday's vote" or "get around Friday's ruling" an approximate
		// day: before a possessive the word is a preposition.
		if ok && !(mod == "APPROX" && (strings.HasSuffix(m.value, "_REF") || s.possessive(m.end))) {
			m.start = i
			if m.mod == "" {
				m.mod = mod
			}
			return m, true
		}
	}
	return s.core(i)
}

// over reads "over" as "more than" before a count of units: "lasted over
// eight years", "for over a week", "just over an hour later". Across a
// length ("rose 5% over three years", "paid over ten years") it is a
// preposition and stays out, so it needs a word before it that asks for a
// length; before "ago" or "later" only a word of degree will do, as
// "took over two years ago" is the verb "take over".
func (s *scanner) over(i int) (match, bool) {
	if s.low(i) != "over" || !s.adjacent(i) {
		return match{}, false
	}
	if n, _, ok := s.number(i + 1); !ok || n <= 0 {
		return match{}, false
	}
	prev := s.low(i - 1)
	if !moreThanCue[prev] {
		return match{}, false
	}
	m, ok := s.amount(i + 1)
	if !ok || m.typ != "DURATION" && !overDegree[prev] {
		return match{}, false
	}
	// "took over two weeks after the coup": the verb again.
	switch prev {
	case "take", "takes", "took", "taken", "taking":
		if s.low(m.end) == "after" || s.low(m.end) == "before" {
			return match{}, false
		}
	}
	m.start = i
	if m.mod == "" {
		m.mod = "MORE_THAN"
	}
	return m, true
}

// overDegree are the words of degree before "over" ("just over").
var overDegree = map[string]bool{"just": true, "well": true, "slightly": true, "little": true}

// moreThanCue are the words before "over" and a length that make it "more
// than" ("for over a year", "took over a week", "just over an hour").
var moreThanCue = map[string]bool{
	"just": true, "well": true, "slightly": true, "little": true, "for": true, "of": true,
	"in": true, "after": true, "been": true,
	"take": true, "takes": true, "took": true, "taken": true, "taking": true,
	"last": true, "lasts": true, "lasted": true, "lasting": true,
	"spend": true, "spends": true, "spent": true, "spending": true,
}

// inPeriod reads "earlier in the year", "later in the week", "early in
// the month", "late in the year": the period in focus.
func (s *scanner) inPeriod(i int) (match, bool) {
	mod := ""
	switch s.low(i) {
	case "earlier", "later":
	case "early":
		mod = "START"
	case "late":
		mod = "END"
	default:
		return match{}, false
	}
	if !s.adjacent(i) || s.low(i+1) != "in" || !s.adjacent(i+1) {
		return match{}, false
	}
	m, ok := s.periodInFocus(i + 2)
	if !ok {
		return match{}, false
	}
	m.start, m.mod = i, mod
	return m, true
}

// periodInFocus reads "the week", "the month", "the year" where a phrase
// makes it the one the text is in: "the end of the month", "earlier in the
// year". It is the period of the last date named, else of the publication
// date. Alone, "the year" is as often a length ("for the year"), so
// callers only ask after such a phrase.
func (s *scanner) periodInFocus(k int) (match, bool) {
	if s.low(k) != "the" || !s.adjacent(k) {
		return match{}, false
	}
	var g granularity
	switch s.low(k + 1) {
	case "week":
		g = gWeek
	case "month":
		g = gMonth
	case "year":
		g = gYear
	default:
		return match{}, false
	}
	switch {
	case s.ref.ok() && s.ref.g >= g: // a day named gives its week, month and year
		return s.datePoint(k, k+2, s.ref.at(g)), true
	case s.dct.ok():
		return s.datePoint(k, k+2, s.dct.at(g)), true
	}
	return unresolved(k, k+2, unspecified(g)), true
}

// core recognizes an expression starting at token i, the longest it can.
func (s *scanner) core(i int) (match, bool) {
	if i >= len(s.w) {
		return match{}, false
	}
	w := s.w[i].low
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	c := w[0]
	switch {
	case c >= '0' && c <= '9':
		try(s.numeric(i))
		try(s.amount(i))
		try(s.dayMonth(i))
		try(s.clock(i))
		try(s.hyphenated(i))
		try(s.ordinalQuarter(i))
	case c == '\'':
		try(s.decade(i))
	default:
		if _, ok := monthWords[w]; ok {
			try(s.monthDate(i))
		}
		if _, ok := weekdayWords[w]; ok {
			try(s.weekday(i))
		}
		try(s.amount(i))
		try(s.deictic(i))
		try(s.relative(i))
		try(s.set(i))
		try(s.hyphenated(i))
		try(s.clock(i))
		if w == "a" && s.adjacent(i) && (s.low(i+1) == "quarter" || s.low(i+1) == "half") {
			// "a quarter past 10", not the three months of "a quarter".
			if m, ok := s.clock(i + 1); ok {
				m.start = i
				try(m, true)
			}
		}
		try(s.ordinalQuarter(i))
		try(s.barePlural(i))
		try(s.holiday(i))
		try(s.sameAs(i))
		try(s.inPeriod(i))
		try(s.spelledYear(i))
		try(s.yearEnd(i))
		try(s.partOfDay(i))
		try(s.vagueSpan(i))
		if w == "the" && s.adjacent(i) {
			try(s.the(i))
		}
		if w == "fiscal" && s.adjacent(i) {
			if m, ok := s.year(i + 1); ok {
				m.start = i
				try(m, true)
			}
			// "fiscal first quarter", "fiscal second-quarter": the
			// company's quarter, numbered in the calendar year as TimeBank
			// does.
			m, ok := s.ordinalQuarter(i + 1)
			if !ok {
				m, ok = s.hyphenated(i + 1)
			}
			if ok && m.p.g == gQuarter {
				m.start = i
				try(m, true)
			}
		}
	}
	if found {
		best = s.dayPart(best)
		best = s.yearsQuarter(best)
	}
	return best, found
}

// dayPart extends a resolved day by a following part of the day: "Monday
// night" is 2025-11-17TNI.
func (s *scanner) dayPart(m match) match {
	// An unresolved day ("XXXX-WXX-1" for Monday with no publication
	// date) takes its part of the day as well.
	day := m.p.g == gDay || !m.p.ok() && unresolvedDay(m.value)
	if m.typ != "DATE" || !day || !s.adjacent(m.end-1) {
		return m
	}
	code, ok := dayPartWords[s.low(m.end)]
	if !ok {
		return m
	}
	m.end++
	m.typ = "TIME"
	m.value += "T" + code
	return m
}

// unresolvedDay reports a day's value left underspecified by a missing
// publication date: a weekday ("XXXX-WXX-1"), a day of a month
// ("XXXX-11-11"), or a day relative to it ("XXXX-XX-XX").
func unresolvedDay(v string) bool {
	return len(v) == len("XXXX-WXX-1") && strings.HasPrefix(v, "XXXX-WXX-") ||
		len(v) == len("XXXX-XX-XX") && strings.HasPrefix(v, "XXXX-")
}

// tense is +1 when the clause around tokens [i, j) speaks of the future,
// -1 when of the past, 0 when nothing tells. The nearest cue before the
// expression wins; then the nearest after it, within the sentence and a
// bounded window.
func (s *scanner) tense(i, j int) int {
	lo, hi := s.sentLo[i], s.sentHi[i]
	// "effective Feb. 1" announces a change still to come, whatever the
	// tense of the clause ("the pact, effective June 1, was signed").
	if i-1 >= lo && s.w[i-1].low == "effective" {
		return 1
	}
	// "Until Thursday, they had not called him a suspect": "until" marks
	// the future only when the clause after it does not speak of the past.
	if i-1 >= lo && (s.w[i-1].low == "until" || s.w[i-1].low == "till") {
		for k := j; k < hi && k < j+8; k++ {
			if t := s.cue(k); t != 0 {
				if t < 0 {
					return t
				}
				break
			}
		}
	}
	for k := i - 1; k >= lo && k >= i-12; k-- {
		if t := s.cue(k); t != 0 {
			return t
		}
	}
	for k := j; k < hi && k < j+12; k++ {
		if t := s.cue(k); t != 0 {
			return t
		}
	}
	// A long sentence: the verb may lie further back ("will be named
	// commander of the shuttle for a mission in December"), or further on
	// ("In March, three weeks after the start of the talks in ..., the
	// rebels shelled the port").
	for k := i - 13; k >= lo && k >= i-40; k-- {
		if t := s.cue(k); t != 0 {
			return t
		}
	}
	for k := j + 12; k < hi && k < j+40; k++ {
		if t := s.cue(k); t != 0 {
			return t
		}
	}
	return 0
}

// cue is the tense a word marks: a modal or a word of plans for the
// future ("plans to", "is to", "as early as"); an auxiliary, a common
// irregular past or a lower-case word in -ed for the past ("United" and
// "hundred" are not verbs). "next" speaks of the future only before a word
// of time ("next week", not "next to").
func (s *scanner) cue(k int) int {
	low := s.w[k].low
	switch {
	case (futureCues[low] || planWords[low] || commitWords[low] || low == "planned") && s.pastPerfect(k) && (s.low(k+1) == "to" || s.low(k+1) == "for"):
		// "had been scheduled to expire Friday", "had planned to meet
		// Monday": a plan since overtaken, whose day may have come or may
		// not ("had been expected to testify Thursday, but the hearing
		// moved"): it tells no tense; the rest of the clause may.
		return 0
	case futureCues[low]:
		return 1
	case commitWords[low]:
		// "agreed to buy" looks ahead; "agreed to a truce" is a past.
		if s.low(k+1) == "to" && s.isLowerWord(k+2) && (!closedClass[s.low(k+2)] || s.low(k+2) == "be") {
			return 1
		}
		if strings.HasSuffix(low, "ed") && !s.adjectival(k) {
			return s.participle(k)
		}
		return 0
	case pastCues[low]:
		return s.participle(k)
	case low == "next":
		next := s.low(k + 1)
		if _, ok := unitWords[next]; ok {
			return 1
		}
		if _, ok := weekdayWords[next]; ok {
			return 1
		}
		if _, ok := monthWords[next]; ok {
			return 1
		}
		return 0
	case low == "plan" || low == "plans":
		// "plans to leave" is the future; "vacation plans for" a noun.
		if s.low(k+1) == "to" {
			return 1
		}
		return 0
	case low == "planned":
		// "planned to leave on Thursday", "planned a rally on Saturday"
		// speak of what was then ahead; "a service planned for Saturday
		// (was canceled)" and "the hastily planned trip" leave the tense
		// to the clause.
		switch s.low(k + 1) {
		case "at", "for", "in", "on", "by":
			return 0
		}
		if strings.HasSuffix(s.low(k-1), "ly") {
			return 0
		}
		return 1
	case planWords[low]:
		if next := s.low(k + 1); next == "to" || next == "for" {
			return 1
		}
		if low == "set" { // "and set Friday as the deadline": a past
			return s.participle(k)
		}
		return 0
	case low == "to" && (s.low(k-1) == "is" || s.low(k-1) == "are"): // "is to resume"
		return 1
	case low == "early" && s.low(k-1) == "as" && s.low(k+1) == "as": // "as early as"
		return 1
	case len(low) > 4 && strings.HasSuffix(low, "ed") && !strings.HasSuffix(low, "eed") &&
		low != "hundred" && s.text[s.w[k].start] >= 'a' && s.text[s.w[k].start] <= 'z':
		if s.adjectival(k) {
			return 0
		}
		return s.participle(k)
	}
	return 0
}

// pastPerfect reports whether the word at k follows "had" or "had been".
func (s *scanner) pastPerfect(k int) bool {
	return s.low(k-1) == "had" || s.low(k-1) == "been" && s.low(k-2) == "had"
}

// adjectival reports whether the -ed word at k is an adjective rather than
// a verb: after a determiner or a degree word ("a still unspecified date",
// "the limited"), or a negated participle ("unnamed", "unexpected").
func (s *scanner) adjectival(k int) bool {
	if strings.HasPrefix(s.w[k].low, "un") {
		return true
	}
	switch s.low(k - 1) {
	case "a", "an", "the", "its", "their", "his", "her", "our", "still", "very", "more", "most", "well", "so":
		return true
	}
	return false
}

// participle is the tense a past form at k marks: the past, unless it is
// a passive after a present or infinitive "be", which speaks of what is
// scheduled ("the case is heard in May", "will be signed Monday").
func (s *scanner) participle(k int) int {
	switch s.low(k - 1) {
	case "is", "are", "be":
		return 1
	case "being", "'s", "’s":
		return 0
	}
	return -1
}

// datePoint is a DATE over tokens [i, j) with the value of p.
func (s *scanner) datePoint(i, j int, p point) match {
	return match{start: i, end: j, typ: "DATE", value: p.value(), p: p}
}

// narrativeYear is the year a month or a day without one falls in when the
// publication date is unknown: that of the last month or day the article
// named with its year ("November 1, 2006 ... By November 11"), as a
// narrative is read. Not a year alone, which is more often background
// ("the 2001 attacks ... in July"). With a publication date, that date
// decides, as in news.
func (s *scanner) narrativeYear() (int, bool) {
	if s.dct.ok() || !s.ref.ok() || s.ref.g < gMonth {
		return 0, false
	}
	return s.ref.t.Year(), true
}

// carriedYear is the year a month mo (and day d, 0 for none) without one
// takes from the date named before it with a written year, when it lies in
// the same month or next to it: "On Nov. 11, 2024, the ministry ...  On
// Nov. 12, troops" is 2024-11-12 in an article of January 2026. Not when
// the day, read in the publication's year, has already come: news style
// writes no year for such a day, so "The war began on Oct. 7, 2023. On
// Nov. 10, ..." in an article of 18 November 2025 is 2025-11-10. Nor when
// the clause's tense says otherwise (a future clause cannot carry a year
// now past), nor across a date whose year was not written ("on Monday"
// brings the story back to the publication date).
func (s *scanner) carriedYear(mo, d, tense int) (int, bool) {
	if !s.refYear || s.ref.g != gDay {
		return 0, false
	}
	if py := s.dct.t.Year(); d == 0 && mo <= int(s.dct.t.Month()) || d > 0 && validDay(py, mo, d) && !ymd(py, mo, d).After(s.dct.t) {
		return 0, false
	}
	ry, rm := s.ref.t.Year(), int(s.ref.t.Month())
	for y := ry - 1; y <= ry+1; y++ {
		if diff := y*12 + mo - ry*12 - rm; diff < -1 || diff > 1 {
			continue
		}
		now := s.dct
		if d == 0 {
			now = s.dct.at(gMonth)
		}
		t := ymd(y, mo, max(d, 1))
		if !validDay(y, mo, max(d, 1)) || tense > 0 && t.Before(now.t) || tense < 0 && t.After(now.t) {
			return 0, false
		}
		return y, true
	}
	return 0, false
}

// unresolved is a DATE over [i, j) that the missing publication date
// leaves underspecified.
func unresolved(i, j int, value string) match {
	return match{start: i, end: j, typ: "DATE", value: value}
}

// reportable reports whether quarter q can be the one an article reports
// on: a quarter of the publication year, or of the year before when
// published in its first quarter. Quarters of other years are named for
// comparison ("the 1988 period") or forecast ("the first quarter of
// 1990") and do not replace it; nor does a quarter that has not ended by
// publication, unless the clause speaks of it in the past: "will result
// in a fourth-quarter charge" and "no estimate of fourth-quarter results"
// in November look ahead, while a fiscal fourth quarter can have ended
// ("reported a decline in fourth-quarter earnings"). Tokens [i, j) name
// it.
func (s *scanner) reportable(q point, i, j int) bool {
	if !s.dct.ok() {
		return true
	}
	if q.t.AddDate(0, 3, 0).After(s.dct.t) && s.tense(i, j) >= 0 {
		return false
	}
	y := s.dct.t.Year()
	return q.t.Year() == y || q.t.Year() == y-1 && s.dct.t.Month() <= 3
}

// yearAnchor is the reference for "a year ago" and "a year earlier" when
// the article last named a quarter or a day inside the quarter it last
// named ("the quarter ended Sept. 30"): that quarter, as financial news
// means it. Else it is not ok.
func (s *scanner) yearAnchor() point {
	if !s.ref.ok() || !s.refQ.ok() {
		return point{}
	}
	if s.ref.g == gQuarter || s.ref.g == gDay && s.ref.at(gQuarter).t.Equal(s.refQ.t) {
		return s.refQ
	}
	// "the fiscal first quarter ended Sept. 30": the day closes that
	// quarter, whatever calendar quarter it falls in.
	if s.refQFiscal && s.ref.g == gDay && s.refTok > s.refQTo && s.refTok <= s.refQTo+2 {
		if w := s.low(s.refTok - 1); w == "ended" || w == "ending" {
			return s.refQ
		}
	}
	return point{}
}

// anchor is the reference for expressions counted from another time: the
// last resolved date, else the publication date.
func (s *scanner) anchor() point {
	if s.ref.ok() {
		return s.ref
	}
	return s.dct
}

// weekdayNear resolves weekday wd (Monday 1) around the publication date:
// dir -1 the latest on or before it, +1 the first on or after it; strict
// excludes the publication day itself ("last Friday").
func (s *scanner) weekdayNear(wd, dir int, strict bool) point {
	cur := (int(s.dct.t.Weekday())+6)%7 + 1
	var delta int
	if dir > 0 {
		delta = (wd - cur + 7) % 7
		if strict && delta == 0 {
			delta = 7
		}
	} else {
		delta = -((cur - wd + 7) % 7)
		if strict && delta == 0 {
			delta = -7
		}
	}
	return point{t: s.dct.t.AddDate(0, 0, delta), g: gDay}
}

// monthNear places month m (and day d, 0 for none) in the year nearest the
// publication date, the tense tipping the balance: in a clause about the
// past, a date ahead is taken only when it is three times nearer than the
// one behind, and the other way round. After "since" it is always behind.
func (s *scanner) monthNear(m, d, tense int) point {
	y := s.dct.t.Year()
	day := d
	if day == 0 {
		day = 1
	}
	if !validDay(y, m, day) && !validDay(y-1, m, day) && !validDay(y+1, m, day) {
		return point{}
	}
	g := gDay
	if d == 0 {
		g = gMonth
	}
	this := point{t: ymd(y, m, day), g: g}
	cur := s.dct.at(g).t
	var past, future point
	switch {
	case this.t.After(cur):
		future, past = this, point{t: ymd(y-1, m, day), g: g}
	case this.t.Before(cur):
		past, future = this, point{t: ymd(y+1, m, day), g: g}
	default:
		return this
	}
	if d != 0 && (past.t.Day() != d || future.t.Day() != d) { // Feb 29
		if validDay(past.t.Year(), m, d) {
			return past
		}
		return future
	}
	dp := cur.Sub(past.t).Hours()
	df := future.t.Sub(cur).Hours()
	if s.since {
		return past
	}
	// A month alone follows the tense unless the other side is much nearer;
	// a day of a month is usually near the publication date whatever the
	// tense of the reporting verb.
	weight := 3.0
	if d == 0 {
		weight = 8
	}
	switch {
	case tense < 0:
		df *= weight
	case tense > 0:
		dp *= weight
	}
	if df < dp {
		return future
	}
	return past
}

// isCapitalized reports whether token i starts with an upper-case letter.
func (s *scanner) isCapitalized(i int) bool {
	r, _ := utf8.DecodeRuneInString(s.raw(i))
	return unicode.IsUpper(r)
}
