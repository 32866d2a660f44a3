package story

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// Count is one report's figure for a category, as the quantity layer read
// it: a qualified interval with the text it came from and who said it.
type Count struct {
	Category  string    `json:"category"` // killed, wounded, strikes
	Low       *int64    `json:"low"`
	High      *int64    `json:"high"`
	Qualifier string    `json:"qualifier"` // exact, at_least, more_than, at_most, less_than, about, range, vague
	Text      string    `json:"text"`
	Article   string    `json:"article"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	// Sourcing is the attribution chain the count is stated under, "NBC ←
	// two anonymous administration officials"; "" when the article states
	// it in its own voice.
	Sourcing string `json:"sourcing"`
	// Copy marks a count from a near-duplicate (a syndicated copy): shown,
	// never counted as independent.
	Copy bool `json:"copy"`
}

// Figure is what the reports behind it say of one number, as a range.
//
// From each count, its interval and its point figure:
//
//	exact 83               [83, 83]      83
//	about 80               [80, 80]      80 (±10% when testing for a contradiction)
//	range 20–30            [20, 30]      25 (the midpoint, rounded down)
//	at_least, more_than 80 [80 or 81, ∞) its lower bound
//	at_most, less_than 80  [?, 80 or 79] its upper bound
//	vague ("dozens")       [24, ∞)       its lower bound
//
// Over the independent counts (copies are listed, not used, unless only
// copies exist), one per outlet: an outlet's largest figure of the day is
// its toll, its smaller ones being parts of it ("12 Americans") or figures
// it has raised since; a vague count ("dozens") only when it gave no other:
//
//   - Low is the smallest lower bound: the most conservative figure any
//     source supports, as ACLED records fatalities;
//   - High is the largest figure any source gives (its upper bound, or its
//     lower bound when it gives no upper one); nil when every count is open
//     above ("at least 80" alone leaves the toll open);
//   - Best is the median (the lower one of an even number) of the point
//     figures of the counts that bound the number from above (exact, about,
//     range, at most), else of the open ones (at least, more than), else of
//     the vague ones, kept within Low and High;
//   - Contradiction is set when two different outlets give intervals that
//     do not overlap ("at least 100" and "83").
type Figure struct {
	Low           *int64  `json:"low"`
	Best          *int64  `json:"best"`
	High          *int64  `json:"high"`
	Counts        []Count `json:"counts"`
	Contradiction bool    `json:"contradiction"`
}

// Version is the figure the reports of one day gave.
type Version struct {
	Date string `json:"date"` // YYYY-MM-DD of the reports' publication; "" undated
	Figure
}

// Series is a number's history: one Version per day on which reports gave
// it, oldest first, and the Current figure, the latest day's.
//
// A later day's reports supersede earlier ones: tolls grow as the dead are
// found and the wounded die, so "at least 80" on 18 November and "83" on 20
// November make 83 the current figure, and the 80 stays in History. Figures
// of one day are never mixed with another day's: a contradiction is between
// sources of the same day. Copies count toward nothing; a copy's count is
// listed under its own day's version, or under the latest version before it
// when that day has no independent report (it repeats an earlier one).
type Series struct {
	Current Figure    `json:"current"`
	History []Version `json:"history"`
}

// Tally is the killed, wounded and strikes of an incident or a story.
type Tally struct {
	Killed  Series `json:"killed"`
	Wounded Series `json:"wounded"`
	Strikes Series `json:"strikes"`
}

// talCategory reports whether a quantity category is tallied.
func talCategory(c string) bool {
	return c == "killed" || c == "wounded" || c == "strikes"
}

// talTally builds an incident's tally from its reports' counts.
func talTally(counts []Count) Tally {
	by := map[string][]Count{}
	for _, c := range counts {
		by[c.Category] = append(by[c.Category], c)
	}
	return Tally{Killed: talSeries(by["killed"]), Wounded: talSeries(by["wounded"]), Strikes: talSeries(by["strikes"])}
}

// talPart reports whether a count is a part of a toll rather than the
// toll: its head is a nationality ("12 Americans", "two Kenyans among the
// dead"), which reports give beside the whole toll, not instead of it.
func talPart(c Count) bool {
	words := strings.FieldsFunc(c.Text, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(words) > 0 && gazetteer.Default().IsDemonym(words[len(words)-1])
}

// talDate is the day a count was published, "" when unknown.
func talDate(c Count) string {
	if c.Published.IsZero() {
		return ""
	}
	return c.Published.UTC().Format(time.DateOnly)
}

// talSeries groups counts by day into versions (see Series).
func talSeries(counts []Count) Series {
	byDate := map[string][]Count{}
	var copies []Count
	anyOriginal := slices.ContainsFunc(counts, func(c Count) bool { return !c.Copy })
	// A part of a toll ("12 Americans") opens no day of its own when whole
	// tolls are known: like a copy, it is shown with the nearest day's.
	anyWhole := slices.ContainsFunc(counts, func(c Count) bool { return !talPart(c) })
	for _, c := range counts {
		if (c.Copy && anyOriginal) || (anyWhole && talPart(c)) {
			copies = append(copies, c)
			continue
		}
		byDate[talDate(c)] = append(byDate[talDate(c)], c)
	}
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	slices.Sort(dates)
	for _, c := range copies {
		d := talDate(c)
		i, found := slices.BinarySearch(dates, d)
		if !found && i > 0 {
			i--
		}
		if i >= len(dates) {
			i = len(dates) - 1
		}
		byDate[dates[i]] = append(byDate[dates[i]], c)
	}
	s := Series{Current: Figure{Counts: []Count{}}, History: []Version{}}
	for _, d := range dates {
		s.History = append(s.History, Version{Date: d, Figure: talFigure(byDate[d])})
	}
	if n := len(s.History); n > 0 {
		s.Current = s.History[n-1].Figure
	}
	return s
}

// talBounds is a count's interval; a side it leaves open is reported absent.
func talBounds(c Count) (lo int64, hasLo bool, hi int64, hasHi bool) {
	if c.Low != nil {
		lo, hasLo = *c.Low, true
	}
	if c.High != nil {
		hi, hasHi = *c.High, true
	}
	return lo, hasLo, hi, hasHi
}

// talPoint is a count's point figure and whether the count bounds the
// number from above.
func talPoint(c Count) (int64, bool, bool) {
	lo, hasLo, hi, hasHi := talBounds(c)
	switch {
	case hasLo && hasHi:
		return lo + (hi-lo)/2, true, true
	case hasHi:
		return hi, true, true
	case hasLo:
		return lo, false, true
	}
	return 0, false, false
}

// talFigure computes a figure from one day's counts (see Figure).
func talFigure(counts []Count) Figure {
	f := Figure{Counts: slices.Clone(counts)}
	if f.Counts == nil {
		f.Counts = []Count{}
	}
	use := make([]Count, 0, len(counts))
	for _, c := range counts {
		if !c.Copy && !talPart(c) {
			use = append(use, c)
		}
	}
	if len(use) == 0 {
		use = slices.DeleteFunc(slices.Clone(counts), func(c Count) bool { return c.Copy })
	}
	if len(use) == 0 {
		use = counts
	}
	use = talPerOutlet(use)
	var lows, bounded, open, vague []int64
	var high *int64
	for _, c := range use {
		lo, hasLo, hi, hasHi := talBounds(c)
		if hasLo {
			lows = append(lows, lo)
		}
		if hasHi {
			high = talMax(high, hi)
		}
		if p, up, ok := talPoint(c); ok {
			switch {
			case up:
				bounded = append(bounded, p)
			case c.Qualifier == "vague":
				vague = append(vague, p)
			default:
				open = append(open, p)
			}
		}
	}
	if high != nil {
		// A source's lower bound above every stated upper bound is still a
		// figure a source gives.
		for _, l := range lows {
			high = talMax(high, l)
		}
	}
	if len(lows) > 0 {
		f.Low = new(slices.Min(lows))
	}
	f.High = high
	pts := bounded
	if len(pts) == 0 {
		pts = open
	}
	if len(pts) == 0 {
		pts = vague
	}
	if len(pts) > 0 {
		slices.Sort(pts)
		b := pts[(len(pts)-1)/2]
		if f.Low != nil {
			b = max(b, *f.Low)
		}
		if f.High != nil {
			b = min(b, *f.High)
		}
		f.Best = &b
	}
	f.Contradiction = talContradiction(use)
	return f
}

// talPerOutlet keeps one count per outlet, its toll of the day: the one
// with the largest figure, a vague one ("dozens") only when the outlet gave
// no other. An outlet's smaller figures of the same day are mostly parts of
// its toll ("12 Americans" among 247 dead) or figures it has since raised.
func talPerOutlet(counts []Count) []Count {
	best := map[string]int{}
	var out []Count
	for _, c := range counts {
		o := talOutlet(c)
		i, ok := best[o]
		if !ok {
			best[o] = len(out)
			out = append(out, c)
			continue
		}
		if talBetterToll(c, out[i]) {
			out[i] = c
		}
	}
	return out
}

func talOutlet(c Count) string { return strings.ToLower(cmp.Or(c.Source, "article "+c.Article)) }

// talBetterToll reports whether a is a better toll than b from one outlet.
func talBetterToll(a, b Count) bool {
	if va, vb := a.Qualifier == "vague", b.Qualifier == "vague"; va != vb {
		return vb
	}
	pa, _, oka := talPoint(a)
	pb, _, okb := talPoint(b)
	return oka && (!okb || pa > pb)
}

func talMax(p *int64, v int64) *int64 {
	if p == nil || v > *p {
		return &v
	}
	return p
}

// talLimits is a count's interval for the overlap test: unbounded sides
// open, "about" figures widened by a tenth.
func talLimits(c Count) (lo, hi float64) {
	l, hasLo, h, hasHi := talBounds(c)
	lo, hi = 0, 1e300
	if hasLo {
		lo = float64(l)
	}
	if hasHi {
		hi = float64(h)
	}
	if c.Qualifier == "about" {
		lo, hi = lo*0.9, hi*1.1
	}
	return lo, hi
}

// talOverlap reports whether two counts' intervals overlap.
func talOverlap(a, b Count) bool {
	al, ah := talLimits(a)
	bl, bh := talLimits(b)
	return max(al, bl) <= min(ah, bh)
}

// talContradiction reports whether two counts from different outlets have
// intervals that do not overlap. It looks at each outlet's highest lower
// bound and lowest upper bound, so its cost is linear.
func talContradiction(counts []Count) bool {
	type ext struct {
		lo, hi float64
	}
	by := map[string]*ext{}
	for _, c := range counts {
		o := talOutlet(c)
		lo, hi := talLimits(c)
		e := by[o]
		if e == nil {
			by[o] = &ext{lo, hi}
			continue
		}
		e.lo, e.hi = max(e.lo, lo), min(e.hi, hi)
	}
	if len(by) < 2 {
		return false
	}
	// The two outlets with the highest lower bounds and the two with the
	// lowest upper bounds are enough to find any non-overlapping pair.
	type top struct {
		v float64
		o string
	}
	var lo1, lo2, hi1, hi2 top
	lo1.v, lo2.v, hi1.v, hi2.v = -1, -1, 2e300, 2e300
	for o, e := range by {
		switch {
		case e.lo > lo1.v:
			lo2, lo1 = lo1, top{e.lo, o}
		case e.lo > lo2.v:
			lo2 = top{e.lo, o}
		}
		switch {
		case e.hi < hi1.v:
			hi2, hi1 = hi1, top{e.hi, o}
		case e.hi < hi2.v:
			hi2 = top{e.hi, o}
		}
	}
	if lo1.o != hi1.o {
		return lo1.v > hi1.v
	}
	return (lo2.o != "" && lo2.v > hi1.v) || (hi2.o != "" && lo1.v > hi2.v)
}

// StoryTally sums the tallies of a story's incidents that happened
// (modality occurred or unconfirmed; threats and plans killed no one).
// Incidents that by their own dates ended more than talBackgroundDays
// before the story's first report are left out: they are earlier events the
// reports recall ("the deadliest since Oklahoma City"), not the story's.
//
// A campaign or aggregate ("at least 20 strikes since September, killing
// at least 80", "the bombings in Kenya and Tanzania killed 224") and the
// single incidents it sums are not added together: each single incident
// that an aggregate covers (the same event type, a compatible place or
// none given — a region such as "East Africa" holds any place on land —,
// a time inside the aggregate's, a day either way, and the same actor or
// none given, unless the places agree) is assigned to the first such
// aggregate. The group counts as the aggregate's figure when that was
// given as recently as any of its singles' figures (a later word on the
// total supersedes earlier figures of the parts, as a later version
// supersedes an earlier one), else as the larger of the aggregate's figure
// and the sum of the singles', bound by bound. Everything else is summed. A single air or drone strike or
// shelling with no strike count counts as one strike.
//
// The history has one version per day on which any incident's figure
// changed, each incident standing at its latest version of that day or
// before; a version lists the counts first reported that day, Current the
// counts behind every incident's current figure. Contradiction is set when
// any incident's figure at that point is contradictory.
func StoryTally(incidents []Incident) Tally {
	var first time.Time
	for _, in := range incidents {
		for _, r := range in.Reports {
			if !r.Published.IsZero() && (first.IsZero() || r.Published.Before(first)) {
				first = r.Published
			}
		}
	}
	background := ""
	if !first.IsZero() {
		background = first.AddDate(0, 0, -talBackgroundDays).UTC().Format(time.DateOnly)
	}
	var occurred []*Incident
	for i := range incidents {
		in := &incidents[i]
		if m := in.Modality; m != "occurred" && m != "unconfirmed" {
			continue
		}
		if in.Until != "" && in.Until < background {
			continue
		}
		occurred = append(occurred, in)
	}
	groups := talGroups(occurred)
	return Tally{
		Killed:  talStorySeries(groups, "killed"),
		Wounded: talStorySeries(groups, "wounded"),
		Strikes: talStorySeries(groups, "strikes"),
	}
}

// talBackgroundDays is how long before a story's first report an incident
// may have ended and still be the story's.
const talBackgroundDays = 7

// talGroup is a campaign and the single incidents it covers, or one
// incident on its own (campaign nil).
type talGroup struct {
	campaign *Incident
	singles  []*Incident
}

func talGroups(incs []*Incident) []talGroup {
	var groups []talGroup
	campaignOf := map[*Incident]int{}
	for _, in := range incs {
		if in.Aggregate {
			campaignOf[in] = len(groups)
			groups = append(groups, talGroup{campaign: in})
		}
	}
	for _, in := range incs {
		if in.Aggregate {
			continue
		}
		covered := false
		for _, g := range groups {
			if g.campaign == nil || !talCovers(g.campaign, in) {
				continue
			}
			i := campaignOf[g.campaign]
			groups[i].singles = append(groups[i].singles, in)
			covered = true
			break
		}
		if !covered {
			groups = append(groups, talGroup{singles: []*Incident{in}})
		}
	}
	return groups
}

// talCovers reports whether campaign c sums single incident s.
func talCovers(c, s *Incident) bool {
	if c.Type != s.Type {
		return false
	}
	placed := false
	if c.Place != nil && s.Place != nil {
		p, q := c.Place, s.Place
		switch {
		case incSamePlace(p, q) || incContains(p, q) || (incWater(p) && incWater(q)):
			placed = true
		case talNearRegion(p, q):
			// A region's extent is not known: near its point it may cover
			// the incident, but that alone does not outweigh other actors.
		default:
			return false
		}
	}
	if c.Actor != nil && s.Actor != nil && c.Actor.Key != s.Actor.Key && !placed {
		// Reports name a perpetrator late and differently ("Egyptian
		// Islamic Jihad", "bin Laden"): a place that agrees outweighs
		// the names, as when reports merge into incidents.
		return false
	}
	// A day either way, as incidents merge.
	if cf, _, ok := incParseDate(c.From); ok {
		if _, su, ok := incParseDate(s.Until); ok && su+1 < cf {
			return false
		}
	}
	if _, cu, ok := incParseDate(c.Until); ok {
		if sf, _, ok := incParseDate(s.From); ok && sf > cu+1 {
			return false
		}
	}
	return true
}

// talNearRegion reports whether a campaign placed in a region or continent
// ("East Africa"), whose extent the gazetteer does not give, may cover an
// incident on land at q: q lies within talRegionKm (a continent:
// talContinentKm) of the region's point.
func talNearRegion(p, q *sitrep.Place) bool {
	k, ok := gazetteer.ParseKind(p.Kind)
	if !ok || (k != gazetteer.Region && k != gazetteer.Continent) || incWater(q) ||
		p.Lat == nil || p.Lon == nil || q.Lat == nil || q.Lon == nil {
		return false
	}
	reach := talRegionKm
	if k == gazetteer.Continent {
		reach = talContinentKm
	}
	return gazetteer.DistanceKm(*p.Lat, *p.Lon, *q.Lat, *q.Lon) <= reach
}

// The reach of a region's and of a continent's point: East Africa's spans
// Kenya and Tanzania, not the Middle East.
const (
	talRegionKm    = 2000.0
	talContinentKm = 4500.0
)

// talStrikeSubtype reports whether one incident of a sub-event type is one
// strike.
func talStrikeSubtype(subtype string) bool {
	return subtype == "Air/drone strike" || subtype == "Shelling/artillery/missile attack"
}

// talAtDated is the figure of series s as of date d (its latest version
// dated d or before), with that version's date and whether there is one.
func talAtDated(s *Series, d string) (Figure, string, bool) {
	var f Figure
	date, ok := "", false
	for _, v := range s.History {
		if v.Date > d {
			break
		}
		f, date, ok = v.Figure, v.Date, true
	}
	return f, date, ok
}

// talImplicitStrike is the figure of a single strike that reports gave no
// count for: exactly one.
func talImplicitStrike(in *Incident, category string) bool {
	return category == "strikes" && !in.Aggregate && talStrikeSubtype(in.Subtype) && len(in.Tally.Strikes.History) == 0
}

// talPick is the series of a category in a tally.
func talPick(t *Tally, category string) *Series {
	switch category {
	case "killed":
		return &t.Killed
	case "wounded":
		return &t.Wounded
	}
	return &t.Strikes
}

// talStorySeries is the story's series for one category (see StoryTally).
func talStorySeries(groups []talGroup, category string) Series {
	pick := func(t *Tally) *Series { return talPick(t, category) }
	dateSet := map[string]bool{}
	for _, g := range groups {
		for _, in := range append(slices.Clip(g.singles), g.campaign) {
			if in == nil {
				continue
			}
			for _, v := range pick(&in.Tally).History {
				dateSet[v.Date] = true
			}
			if talImplicitStrike(in, category) && len(in.Reports) > 0 {
				dateSet[talDate(Count{Published: in.Reports[0].Published})] = true
			}
		}
	}
	dates := make([]string, 0, len(dateSet))
	for d := range dateSet {
		dates = append(dates, d)
	}
	slices.Sort(dates)

	// figureAt is an incident's figure as of d, with the day it was given.
	figureAt := func(in *Incident, d string) (Figure, string, bool) {
		if talImplicitStrike(in, category) {
			first := ""
			if len(in.Reports) > 0 {
				first = talDate(Count{Published: in.Reports[0].Published})
			}
			if len(in.Reports) == 0 || first > d {
				return Figure{}, "", false
			}
			one := int64(1)
			return Figure{Low: &one, Best: &one, High: &one}, first, true
		}
		return talAtDated(pick(&in.Tally), d)
	}
	s := Series{Current: Figure{Counts: []Count{}}, History: []Version{}}
	for _, d := range dates {
		var parts []Figure
		for _, g := range groups {
			var singles []Figure
			latest := ""
			for _, in := range g.singles {
				if f, when, ok := figureAt(in, d); ok {
					singles = append(singles, f)
					latest = max(latest, when)
				}
			}
			sum, hasSum := talSum(singles)
			if g.campaign == nil {
				if hasSum {
					parts = append(parts, sum)
				}
				continue
			}
			cf, when, ok := figureAt(g.campaign, d)
			switch {
			case ok && hasSum && when >= latest:
				// A total given for all of them after the last figure of
				// any one is the newer word on their sum, as a later
				// version supersedes an earlier one.
				parts = append(parts, cf)
			case ok && hasSum:
				parts = append(parts, talLarger(cf, sum))
			case ok:
				parts = append(parts, cf)
			case hasSum:
				parts = append(parts, sum)
			}
		}
		total, _ := talSum(parts)
		total.Counts = []Count{}
		for _, g := range groups {
			for _, in := range append(slices.Clip(g.singles), g.campaign) {
				if in == nil {
					continue
				}
				for _, v := range pick(&in.Tally).History {
					if v.Date == d {
						total.Counts = append(total.Counts, v.Counts...)
					}
				}
			}
		}
		s.History = append(s.History, Version{Date: d, Figure: total})
	}
	if n := len(s.History); n > 0 {
		s.Current = s.History[n-1].Figure
		s.Current.Counts = []Count{}
		for _, g := range groups {
			for _, in := range append(slices.Clip(g.singles), g.campaign) {
				if in != nil {
					s.Current.Counts = append(s.Current.Counts, pick(&in.Tally).Current.Counts...)
				}
			}
		}
	}
	return s
}

// talSum adds figures bound by bound: lows and bests add (a missing best
// counts as the low), a high stays known only while every figure has one.
func talSum(fs []Figure) (Figure, bool) {
	if len(fs) == 0 {
		return Figure{}, false
	}
	var low, best, high int64
	hasLow, hasBest, hasHigh := false, false, true
	var sum Figure
	for _, f := range fs {
		if f.Low != nil {
			low += *f.Low
			hasLow = true
		}
		switch {
		case f.Best != nil:
			best += *f.Best
			hasBest = true
		case f.Low != nil:
			best += *f.Low
		}
		if f.High != nil {
			high += *f.High
		} else {
			hasHigh = false
		}
		sum.Contradiction = sum.Contradiction || f.Contradiction
	}
	if hasLow {
		sum.Low = &low
	}
	if hasBest || hasLow {
		best = max(best, low)
		sum.Best = &best
	}
	if hasHigh {
		high = max(high, low)
		sum.High = &high
		if sum.Best != nil {
			*sum.Best = min(*sum.Best, high)
		}
	}
	return sum, true
}

// talLarger is the larger of two figures bound by bound (an open high is
// the larger).
func talLarger(a, b Figure) Figure {
	pick := func(x, y *int64) *int64 {
		switch {
		case x == nil:
			return y
		case y == nil:
			return x
		case *x >= *y:
			return x
		}
		return y
	}
	out := Figure{Low: pick(a.Low, b.Low), Best: pick(a.Best, b.Best), Contradiction: a.Contradiction || b.Contradiction}
	if a.High != nil && b.High != nil {
		out.High = pick(a.High, b.High)
	}
	if out.High != nil && out.Low != nil && *out.High < *out.Low {
		out.High = out.Low
	}
	return out
}
