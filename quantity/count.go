package quantity

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// quantityAt reads the quantity whose number starts at token i, emits it,
// and returns the token after it. ok is false when token i starts no count
// (a date, a sum of money, a pronoun "one", ...). A number that is read but
// is no count as a whole (above maxCount, or followed by a scale it cannot
// take: "several thousand hundred") is skipped with ok true, so that no
// part of it is read again as a smaller count.
func (s *scanner) quantityAt(i int) (next int, ok bool) {
	n, ok := s.numberAt(i)
	if !ok {
		if n.end > i+1 {
			return n.end, true // "nineteen ninety-seven": no part of it is a count
		}
		return 0, false
	}
	if n.low > maxCount || n.high > maxCount {
		return n.end, true
	}
	if _, ok := scales[s.w(n.end)]; ok {
		k := n.end
		for k < s.sentEnd && k-n.end < maxNumberWords {
			if _, ok := scales[s.w(k)]; !ok {
				break
			}
			k++
		}
		return k, true
	}
	if _, ok := vagueAmounts[s.w(n.end+1)]; ok && s.w(n.end) == "of" && n.vague {
		return n.end + 2, true // "tens of thousands of millions"
	}
	floor := max(s.sentFrom, s.prevEnd) // nothing may reach into the previous quantity
	postEnd := 0                        // the token after a qualifier written after the number

	// Qualifier before the number.
	qual, qualStart := "", n.first
	for _, q := range qualifiers {
		k := n.first - len(q.words)
		if k < floor {
			continue
		}
		if s.wordsAt(k, q.words) {
			// "complained over two air raids": a preposition, since a
			// small number in words is not bounded with "over".
			if len(q.words) == 1 && prepositionQualifiers[q.words[0]] && (!n.digits && n.low <= 10 || phrasalVerbs[s.w(k-1)]) {
				break
			}
			qual, qualStart = q.qualifier, k
			break
		}
	}
	if qual == qAbout && n.vague && s.w(qualStart) == "some" {
		qual = "" // "some several" does not occur; "some dozens" is just dozens
	}

	// A second number makes a range: "20 to 30", "two or three", "between 20 and 30".
	if !n.vague && !n.isRange {
		if c := s.w(n.end); c == "to" || c == "-" || c == "–" || c == "—" || c == "or" || c == "and" && qual == qRange {
			if m, ok := s.numberAt(n.end + 1); ok && !m.vague && !m.isRange && m.low > n.low && !s.isChange(qualStart) {
				n.low, n.high, n.end, n.isRange = s.sharedScale(n, m), m.high, m.end, true
			}
		}
	}
	if qual == qRange && !n.isRange {
		qual, qualStart = "", n.first
	}
	// "rose from 40 to 52", "rose by 12 to 95": the old value and the
	// step are not the toll as it stands; the new value after "to" is.
	if s.changeStep(n, qualStart) {
		s.stepFrom, s.stepEnd = qualStart, n.end
		return n.end, true
	}
	// A qualifier after the number: "107 or more", "20 or so".
	if !n.vague && !n.isRange && s.w(n.end) == "or" {
		post := ""
		switch s.w(n.end + 1) {
		case "more":
			post = qAtLeast
		case "so":
			post = qAbout
		case "fewer", "less":
			post = qAtMost
		}
		if post != "" && (qual == "" || qual == qAbout) {
			qual, postEnd = post, n.end+2
		}
	}
	// "15 more bodies", "30 additional troops": an increment, as "another".
	if !n.vague && !n.approx && qual == "" && (s.w(n.end) == "more" && s.w(n.end+1) != "than" || s.w(n.end) == "additional") {
		qual = qIncrement
	}

	if s.notACount(n, qual, qualStart) {
		return 0, false
	}

	// The head noun and what it says.
	if postEnd > 0 {
		n.end = postEnd // "107 or more people": the noun follows the qualifier
	}
	h := s.head(n)
	if h.skip {
		return 0, false
	}
	unit := ""
	var info unitInfo
	if h.index >= 0 {
		info = s.lx.units[s.w(h.index)]
		unit = info.unit
		if unit == "" {
			unit = s.w(h.index)
			if isCapitalized(s.raw(h.index)) && demonym(s.raw(h.index)) {
				unit = "people"
			}
		}
	}
	if h.attempt && info.category != "" {
		info, unit = unitInfo{}, s.w(h.index) // "attempted murders" killed no one
	}
	end := h.end // token after the span

	category := s.category(n, qualStart, h, info, &end)
	if h.attempt && (category == catKilled || category == catWounded) {
		category = catOther
	}

	// Counts with no noun of their own take the previous one's: "killed 257
	// people in Nairobi and 10 in Tanzania", "killed 258 people, including 12
	// Americans".
	// "The 11 Americans were killed in Kenya, along with five Kenyan
	// employees": a count added with "along with" or "as well as" shares
	// the clause's verb, as far back as a cue is read.
	along := s.w(qualStart-1) == "with" && (s.w(qualStart-2) == "along" || s.w(qualStart-2) == "together") ||
		s.w(qualStart-1) == "as" && s.w(qualStart-2) == "well" && s.w(qualStart-3) == "as"
	gap := maxInheritGap
	if along {
		gap = maxLeftCue
	}
	if category == "" && !s.ownVerb(end) && !h.partitive && s.prevEnd > s.sentFrom && qualStart-s.prevEnd <= gap && !s.numberBetween(s.prevEnd, qualStart) {
		switch w := s.w(qualStart - 1); {
		case along, w == "and", w == "including", w == "plus", w == "or", w == ",", w == "among",
			w == "them" && s.w(qualStart-2) == "among": // "12 people, among them 5 children"
			category = s.prevCat
			if unit == "" {
				unit = s.prevUnit
			}
		}
	}
	if category == "" {
		category = catOther
	}
	if unit == "" {
		switch category {
		case catKilled, catWounded, catArrested, catDisplaced:
			unit = "people"
		}
	}
	if category == catKilled && (s.nonViolentCause(end) || s.nonViolentSubject(qualStart) || s.accident(end)) {
		category = catOther
	}
	casualties := false // "Hundreds were killed or wounded" needs no noun
	if category == catKilled || category == catWounded {
		casualties = s.killedOrWounded(qualStart, end)
		if casualties || s.counterfactual(qualStart, end) {
			category = catOther
		}
	}

	// What is left of "other" needs a noun, and a known group ("the two
	// countries") or a pronoun "one" is not a count.
	if category == catOther {
		if unit == "" || h.index < 0 && !casualties {
			return 0, false
		}
		// Several of a singular unknown noun is no count in English ("list
		// of 4 itemsend", scraping debris).
		if hw := s.w(h.index); info.unit == "" && unit != "people" && !isPlural(hw) && (n.vague || n.isRange || n.low > 1) {
			return 0, false
		}
		if qual == "" && determiners[s.w(qualStart-1)] {
			return 0, false
		}
	}
	// "one" is a count only when something happened to it: "one side",
	// "one national and one made up of refugees" are not.
	if n.one && (h.index < 0 || category == catOther || s.onePronoun(n)) {
		return 0, false
	}

	if qual == qIncrement {
		// "another 15 bodies were found" is not the toll, but the toll is
		// at least as large; a count of anything else is the increment.
		qual = qAtLeast
		if category == catOther {
			qual, qualStart = "", n.first
		}
	}
	q := sitrep.Quantity{Unit: unit, Category: category}
	q.Low, q.High, q.Qualifier = bounds(n, qual)
	if !countable(q.Low) || !countable(q.High) {
		return end, true // "more than 10^15", "fewer than 1 person"
	}
	start := s.toks[qualStart].Start
	if h.quoted && qualStart > s.sentFrom && isOpenQuote(s.raw(qualStart-1)) {
		start = s.toks[qualStart-1].Start
	}
	q.Span = sitrep.Span{Start: start, End: s.toks[end-1].End}
	q.Text = s.text[q.Start:q.End]
	s.out = append(s.out, q)
	s.prevEnd, s.prevUnit, s.prevCat = end, unit, category
	return end, true
}

// bounds turns a number and its qualifier into the interval.
func bounds(n number, qual string) (low, high *int64, qualifier string) {
	p := func(v int64) *int64 { return &v }
	switch {
	case n.vague:
		return p(n.low), nil, qVague
	case n.isRange:
		return p(n.low), p(n.high), qRange
	}
	v := n.low
	switch qual {
	case qAtLeast:
		return p(v), nil, qAtLeast
	case qMoreThan:
		return p(v + 1), nil, qMoreThan
	case qAtMost:
		return nil, p(v), qAtMost
	case qLessThan:
		return nil, p(v - 1), qLessThan
	case qAbout:
		return p(v), p(v), qAbout
	}
	if n.approx && qual == "" {
		return p(v), p(v), qAbout
	}
	return p(v), p(v), qExact
}

// sharedScale returns the low end of a range whose scale is written once,
// after its high end: "20 to 30 million" is 20 million to 30 million, "two
// or three hundred" 200 to 300. A low end that is already the larger figure
// unscaled stays as written: "500 to 1 million" is 500 to 1,000,000.
func (s *scanner) sharedScale(n, m number) int64 {
	if n.end != n.first+1 || m.end-m.first < 2 {
		return n.low // "two hundred to three hundred", or no scale after the high end
	}
	f := int64(1)
	for k := m.first + 1; k < m.end; k++ {
		sc, ok := scales[s.w(k)]
		if !ok || f > maxCount/sc {
			return n.low // "two hundred and fifty": no figure times scales
		}
		f *= sc
	}
	if n.low > maxCount/f || n.low*f >= m.low {
		return n.low
	}
	return n.low * f
}

// countable reports whether a bound is nil or within [1, maxCount]: the
// interval is no count when it says nothing but zero ("fewer than one") or
// goes beyond maxCount ("more than 1,000,000,000,000,000").
func countable(b *int64) bool { return b == nil || 1 <= *b && *b <= maxCount }

// isChange reports whether the number after token k is the old value or
// the step of a change ("rose from 10 to 12", "rose by 2 to 12"), not the
// bottom of a range.
func (s *scanner) isChange(k int) bool {
	if w := s.w(k - 1); w != "from" && w != "by" {
		return false
	}
	for j := k - 2; j >= k-4 && j >= s.sentFrom; j-- {
		if changeVerbs[s.w(j)] {
			return true
		}
	}
	return false
}

// killedOrWounded reports a count of casualties that does not say how many
// died: "30 people were killed or wounded", "left 50 dead or injured". Such
// a count is neither a death toll nor a count of the wounded.
func (s *scanner) killedOrWounded(qualStart, end int) bool {
	from, to := max(s.sentFrom, qualStart-maxLeftCue), min(s.sentEnd, end+maxLeftCue)
	for k := from + 1; k+1 < to; k++ {
		if s.w(k) != "or" && s.w(k) != "and/or" {
			continue
		}
		a, b := s.lx.cues[s.w(k-1)].category, s.lx.cues[s.w(k+1)].category
		if a != b && (a == catKilled || a == catWounded) && (b == catKilled || b == catWounded) {
			return true
		}
	}
	return false
}

// ownVerb reports a count that is the subject of a verb of its own, the
// token at end: "20 remain missing", "30 surrendered". Such a count opens
// a clause that borrows no verb from the clause before.
func (s *scanner) ownVerb(end int) bool {
	w := s.w(end)
	return finiteVerbs[w] || strings.HasSuffix(w, "ed") && s.kind(end) == sitrep.Word && !isCapitalized(s.raw(end))
}

// changeStep reports a number that is a change's old value or step and is
// followed by its new value: the "40" of "rose from 40 to 52".
func (s *scanner) changeStep(n number, qualStart int) bool {
	if n.vague || n.isRange || s.w(n.end) != "to" || !s.isChange(qualStart) {
		return false
	}
	k := n.end + 1
	for _, q := range qualifiers {
		if q.qualifier != qRange && s.wordsAt(k, q.words) {
			k += len(q.words) // "rose from 40 to at least 52"
			break
		}
	}
	_, ok := s.numberAt(k)
	return ok
}

// notACount reports dates, years, clock times, money, ages, identifiers
// ("Flight 103"), addresses, and numbers inside names.
func (s *scanner) notACount(n number, qual string, qualStart int) bool {
	before, after := s.w(n.first-1), s.w(n.end)
	if months[before] || months[after] {
		return true // "Aug. 7", "7 August"
	}
	if u, ok := s.lx.units[after]; ok && u.kind == kindSkip {
		return true // "20 percent", "10 a.m.", "$5 million dollars"
	}
	if after == "per" && s.w(n.end+1) == "cent" {
		return true
	}
	switch before {
	case "$", "€", "£", "¥", "us$", "usd", "eur", "gbp", "rs", "rs.", "aged", "age", "ages", "no.", "nos.", "no", "#", "number", "+", "(", ")", "/":
		return true
	}
	if n.digits {
		// A year: four digits, no comma, not followed by a count's noun.
		first := s.w(n.first)
		if len(first) == 4 && n.low >= 1000 && n.low <= 2100 || n.isRange && n.low >= 1000 && n.high <= 2100 && len(first) == 9 {
			// "another 2024 election": an increment bounds nothing; "the
			// 1998 bombing" is a year before any singular noun.
			next := s.w(n.end)
			u, ok := s.lx.units[next]
			plural := isPlural(next) || ok && next == u.unit // "2000 people", not "1998 bombing"
			if (qual == "" || qual == qIncrement) && (!ok || u.kind != kindPerson && u.kind != kindStrike || !plural) {
				return true
			}
		}
		if isDash(before) && s.kind(n.first-2) == sitrep.Number || isDash(after) && s.kind(n.end+1) == sitrep.Number {
			return true // scores and codes: "Sweden 1 – 0 Korea", "555 - 0123"
		}
	}
	// An identifier: "Flight 103", "Resolution 2334" (not at a sentence's start).
	if qualStart == n.first && n.first-1 > s.sentFrom && n.digits {
		if r := s.raw(n.first - 1); s.kind(n.first-1) == sitrep.Word && isCapitalized(r) {
			if _, cue := s.lx.cues[before]; !cue && !s.lx.stop[before] {
				return true
			}
		}
	}
	// The base of a ratio: "one in three children", "2 out of 5 homes"
	// (a smaller number before it; "12 in two attacks" is two attacks),
	// "one right for each 105 shares", "two shares for every five".
	if before == "each" || before == "every" || before == "per" {
		return true
	}
	if k := n.first - 2; before == "in" || before == "of" && s.w(k) == "out" {
		if before == "of" {
			k--
		}
		if v, ok := s.bareNumber(k); ok && v < n.low {
			return true
		}
	}
	// "6 of 10 Americans" is a ratio too, but "one of 14 journalists
	// detained" and "four of six projects" name a real group: a base is a
	// power of ten.
	if v, ok := s.bareNumber(n.first - 2); ok && before == "of" && 1 < v && v < n.low && (n.low == 10 || n.low == 100 || n.low == 1000) {
		return true
	}
	// An age in apposition: "Kopp, 44, of St. Albans".
	if before == "," && after == "," && s.endsPerson(n.first-2) {
		return true
	}
	// An address: "10 Downing Street".
	if isCapitalized(s.raw(n.end)) {
		for j := n.end; j < n.end+3; j++ {
			if streetWords[s.w(j)] {
				return true
			}
		}
	}
	// Part of a name: "G8", "the Group of 20".
	return s.inEntity(s.toks[n.first].Span)
}

// bareNumber is the value of the single token k when it is a number in
// digits or a small number word.
func (s *scanner) bareNumber(k int) (int64, bool) {
	if k < s.sentFrom || k >= len(s.toks) {
		return 0, false
	}
	if s.kind(k) == sitrep.Number {
		return plainInt(s.w(k))
	}
	return smallOrCompound(s.w(k))
}

func (s *scanner) endsPerson(k int) bool {
	if k < s.sentFrom {
		return false
	}
	end := s.toks[k].End
	e := s.entityAt(end - 1)
	return e >= 0 && s.ents[e].Type == "PERSON" && s.ents[e].End == end
}

func (s *scanner) inEntity(sp sitrep.Span) bool {
	e := s.entityAt(sp.Start)
	return e >= 0 && s.ents[e].Contains(sp)
}

// entityAt returns the index of the entity covering byte b, or -1. Entities
// are sorted by Start and do not overlap.
func (s *scanner) entityAt(b int) int {
	lo, hi := 0, len(s.ents)
	for lo < hi {
		m := (lo + hi) / 2
		if s.ents[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(s.ents) && s.ents[lo].Start <= b && b < s.ents[lo].End {
		return lo
	}
	return -1
}

// onePronoun reports "one" used as a pronoun: "one of them", "no one".
func (s *scanner) onePronoun(n number) bool {
	switch s.w(n.first - 1) {
	case "no", "any", "every", "each", "the", "this", "that", "which", "only", "someone":
		return true
	}
	switch s.w(n.end) {
	case "of", "another", "or", "who", "that", ",", ".", "is", "was", "has", "had", "and", "":
		return true
	}
	return false
}

// headNoun is the noun phrase after a number.
type headNoun struct {
	index    int    // token of the head noun, -1 when none
	end      int    // token after the span of the quantity
	modifier string // category said by a modifier: "30 wounded soldiers"
	quoted   bool   // the number was in quotes: “hundreds of thousands” of Americans
	skip     bool   // the noun says this is no count: "two weeks"
	hunger   bool   // "hunger strikes", "general strikes": not military
	// partitive: "two of them" counts part of a group named elsewhere.
	partitive bool
	hop       bool // already read past a coordinated count
	person    bool // the head counts people (or there is no head)
	// attempt: "a dozen attempted murders" were no killings.
	attempt bool
}

// phrasalVerbs take "over" as a particle: "handed over 700 kg".
var phrasalVerbs = map[string]bool{
	"handed": true, "hand": true, "hands": true, "handing": true, "turned": true,
	"turn": true, "turning": true, "took": true, "take": true, "taking": true,
	"taken": true, "fought": true, "argued": true, "complained": true,
	"passed": true, "looked": true, "ran": true, "run": true,
	"flew": true, "fly": true, "flown": true, "presided": true,
}

// prepositionQualifiers are qualifiers that are also prepositions.
var prepositionQualifiers = map[string]bool{"over": true, "under": true, "above": true, "below": true}

// head finds the head noun of the quantity n: the last word of the noun
// phrase after the number ("six drug cartels"), or after "of" for vague and
// round amounts ("hundreds of thousands of people").
func (s *scanner) head(n number) headNoun {
	h := headNoun{index: -1, end: n.end}
	j := n.end
	if isCloseQuote(s.raw(j)) && s.w(j+1) == "of" && n.vague {
		h.quoted = true
		j++
	}
	if s.w(j) == "of" {
		if !n.vague && !n.approx {
			h.partitive = true
			return h // "two of its nationals", "14 of the 18"
		}
		j++
	}
	// A casualty word alone is the head: "83 dead", "1,700 injured".
	if u, ok := s.lx.units[s.w(j)]; ok && u.category != "" && !s.nounWord(j+1) {
		h.index, h.end = j, j+1
		return h
	}
	// "two more suspects": "more" says the count adds to an earlier one.
	if s.w(j) == "more" && s.nounWord(j+1) {
		j++
	}
	for k := j; k < j+maxNounRun && s.nounWord(k); k++ {
		w := s.w(k)
		// "Sierra Leonean and Liberian refugees": names joined by a conjunction.
		if (s.w(k+1) == "and" || s.w(k+1) == "or") && isCapitalized(s.raw(k)) && isCapitalized(s.raw(k+2)) && s.nounWord(k+2) && k+2 < j+maxNounRun {
			k++
			continue
		}
		if attempted[w] {
			h.attempt = true
		}
		// A noun that is also a cue before a count ("killings", "deaths")
		// is the head, never a participle: "two killings blamed on the IRA".
		if c, ok := s.lx.cues[w]; ok && !(c.sides == sideLeft && s.lx.units[w].unit != "") {
			// A participle before the noun: "30 wounded soldiers".
			if !s.nounWord(k+1) || h.index >= 0 {
				break
			}
			if c.sides&sideRight != 0 && h.modifier == "" {
				h.modifier = c.category
			}
			continue
		}
		if strings.HasSuffix(w, "ed") && (h.index >= 0 || !s.nounWord(k+1)) {
			break // a verb after the noun, or a participle with no noun
		}
		if w == "hunger" || w == "general" || w == "labor" || w == "labour" {
			h.hunger = true
		}
		h.index, h.end = k, k+1
		u, known := s.lx.units[w]
		if known && u.kind == kindSkip {
			h.skip = true
			return h
		}
		if known || isPlural(w) {
			// "people were killed" ends here, "police officers" and
			// "civilian advisers" go on to the second noun.
			next := s.w(k + 1)
			if _, nextKnown := s.lx.units[next]; !s.nounWord(k+1) || !nextKnown && !isPlural(next) {
				break
			}
		}
	}
	// "Billions of investors' dollars": the count is of the money.
	if h.index >= 0 && (s.w(h.end) == "'" || s.w(h.end) == "’" || s.w(h.end) == "'s" || s.w(h.end) == "’s") {
		if u, ok := s.lx.units[s.w(h.end+1)]; ok && u.kind == kindSkip {
			h.skip = true
			return h
		}
	}
	// "5 million pounds" is money; "1,300 pounds (600 kg) of explosives" a
	// mass, which names its substance.
	if hw := s.w(h.index); (hw == "pounds" || hw == "pound") && s.w(h.end) != "of" && s.w(h.end) != "(" {
		h.skip = true
		return h
	}
	// "2 tons of cocaine": the substance belongs in the span.
	if h.index >= 0 && s.lx.units[s.w(h.index)].kind == kindMeasure && s.w(h.end) == "of" {
		k := h.end + 1
		for k < h.end+1+2 && s.nounWord(k) && !strings.HasSuffix(s.w(k), "ed") && !strings.HasSuffix(s.w(k), "en") {
			k++
		}
		if k > h.end+1 {
			h.end = k
		}
	}
	return h
}

// nounWord reports whether token k can be part of a count's noun phrase.
func (s *scanner) nounWord(k int) bool {
	if s.kind(k) != sitrep.Word {
		return false
	}
	w := s.w(k)
	if w == "" || s.lx.stop[w] || w[0] == '\'' || strings.HasPrefix(w, "’") {
		return false
	}
	if strings.HasSuffix(w, "ing") {
		_, known := s.lx.units[w]
		return known
	}
	if _, ok := smallOrCompound(w); ok {
		return false
	}
	// A scale word is part of a number, never its noun: "tens of thousands
	// of millions" is not a count of "millions".
	if _, ok := scales[w]; ok {
		return false
	}
	if _, ok := vagueAmounts[w]; ok && w != "scores" {
		return false
	}
	if _, ok := qualifierWords[w]; ok {
		return false
	}
	return true
}

// qualifierWords start a qualifier, so they end a noun phrase ("20 airstrikes
// nearly 80 people" never joins them).
var qualifierWords = map[string]bool{"nearly": true, "almost": true, "roughly": true, "approximately": true, "up": true, "just": true, "well": true}

func isPlural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// category decides what happened to what was counted, and may widen the
// span over a casualty word right after the number ("83 killed").
func (s *scanner) category(n number, qualStart int, h headNoun, info unitInfo, end *int) string {
	person := h.index < 0 || info.kind == kindPerson || info.unit == "" && isCapitalized(s.raw(h.index)) && demonym(s.raw(h.index))
	if info.kind == kindStrike {
		if h.hunger {
			return catOther
		}
		return catStrikes
	}
	switch info.category {
	case catKilled, catWounded:
		if hw := s.w(h.index); (hw == "lives" || hw == "life") && (lifeSavers[s.w(qualStart-1)] || lifeSavers[s.w(qualStart-2)]) {
			return catOther // "save a few more lives" lost none
		}
		return info.category
	}
	if h.modifier != "" {
		return h.modifier
	}
	h.person = person
	if c := s.rightCue(h, end); c != "" {
		return c
	}
	if c := s.leftCue(qualStart, h, info, person, s.ownVerb(*end)); c != "" {
		return c
	}
	return info.category
}

// rightCue reads what follows the noun: "were killed", "dead", "lost their
// lives", "fled", "from their homes".
func (s *scanner) rightCue(h headNoun, end *int) string {
	k := h.end
	// ", including eight Americans, were killed": the parenthesis is skipped.
	if s.w(k) == "," && (s.w(k+1) == "including" || s.w(k+1) == "mostly" || s.w(k+2) == "of" && s.w(k+3) == "them" || s.w(k+1) == "among") {
		for j := k + 2; j < k+10 && j < s.sentEnd; j++ {
			if s.w(j) == "," {
				k = j + 1
				break
			}
		}
	}
	// "two more suspects -- one Arab, one Sudanese -- who had been
	// arrested": so is a parenthesis between dashes.
	if d := s.w(k); d == "--" || d == "—" || d == "–" {
		for j := k + 1; j < k+10 && j < s.sentEnd; j++ {
			if s.w(j) == d {
				k = j + 1
				break
			}
		}
	}
	// "six aid workers in South Sudan were killed", "Six suspects in the
	// Bin Laden investigation are in custody": a place, name or short noun
	// phrase after "in", "from", "at" or "near" stands between the noun and
	// its verb.
	if p := s.w(k); (p == "in" || p == "from" || p == "at" || p == "near") && k+1 < s.sentEnd {
		j := k + 1
		if w := s.w(j); w == "the" || w == "a" || w == "an" {
			j++
		}
		for j < s.sentEnd && j <= k+8 {
			if e := s.entityAt(s.toks[j].Start); e >= 0 && s.ents[e].Start == s.toks[j].Start {
				for j < s.sentEnd && j <= k+8 && s.toks[j].End <= s.ents[e].End {
					j++
				}
				continue
			}
			if !s.nounWord(j) || s.lx.cues[s.w(j)].category != "" {
				break
			}
			j++
		}
		if j > k+1 && auxiliaries[s.w(j)] {
			k = j
		}
	}
	// "Fifteen protesters and police officers were injured": a noun phrase
	// joined by "and" shares the verb. Not "20 people and wounded 30": the
	// words after "and" must be nouns, and a verb's auxiliary must follow.
	if s.w(k) == "and" {
		j := k + 1
		for j < s.sentEnd && j <= k+3 && s.nounWord(j) && s.lx.cues[s.w(j)].category == "" {
			j++
		}
		if j > k+1 && auxiliaries[s.w(j)] {
			k = j
		}
	}
	aux, relative := 0, 0
	for aux+relative < maxAuxiliaries {
		if w := s.w(k); auxiliaries[w] {
			aux++
		} else if w == "who" || w == "that" || w == "which" {
			relative++ // "11 people who died", but "gunmen who killed 20" did it
		} else {
			break
		}
		k++
	}
	// "two leaders and 133 other people were arrested": the verb after the
	// second count tells about the first as well (one hop only).
	if aux == 0 && !h.hop && s.w(k) == "and" && k+1 < s.sentEnd && s.mayStart(k+1) {
		if m, ok := s.numberAt(k + 1); ok {
			if mh := s.head(m); !mh.skip {
				var ignored int
				return s.rightCue(headNoun{index: mh.index, end: mh.end, hop: true}, &ignored)
			}
		}
	}
	w := s.w(k)
	switch {
	case w == "lost" && s.w(k+1) == "their" && (s.w(k+2) == "lives" || s.w(k+2) == "life"):
		return catKilled
	case (w == "from" || w == "out" && s.w(k+1) == "of") && isHome(s.w(k+1), s.w(k+2), s.w(k+3)):
		return catDisplaced
	case (w == "forced" || w == "driven") && (s.w(k+1) == "from" || s.w(k+1) == "out" && s.w(k+2) == "of") && isHome(s.w(k+2), s.w(k+3), s.w(k+4)):
		return catDisplaced // "have been forced from their homes"
	case (w == "forced" || w == "compelled" || w == "obliged") && s.w(k+1) == "to" &&
		(s.lx.cues[s.w(k+2)].category == catDisplaced || s.w(k+2) == "leave" && isHome(s.w(k+3), s.w(k+4), s.w(k+5))):
		return catDisplaced // "have been forced to flee", "forced to leave their homes"
	case w == "taken" && s.w(k+1) == "into" && s.w(k+2) == "custody",
		(w == "placed" || w == "put") && s.w(k+1) == "under" && s.w(k+2) == "arrest",
		(w == "in" || w == "under") && (s.w(k+1) == "custody" || s.w(k+1) == "arrest"),
		(w == "held" || w == "remain" || w == "remained") && s.w(k+1) == "in" && s.w(k+2) == "custody":
		return catArrested // "six people were in custody"
	case w == "taken" && (s.w(k+1) == "prisoner" || s.w(k+1) == "captive"),
		w == "taken" && aux > 0 && s.lx.units[s.w(h.index)].unit == "prisoners" && !takenElsewhere[s.w(k+1)]:
		return catArrested // "5,500 Iraqi prisoners were taken", not "were taken to a camp"
	case w == "captured" && aux > 0 && h.person:
		return catArrested // "30 soldiers were captured"; "rebels captured 30" is read on the left
	case (w == "fleeing" || w == "escaping") && h.index >= 0:
		// "10 other people fleeing Cuba drowned": the verb after the
		// participle's clause says what happened; flight is only what
		// they were doing.
		if c := s.verbAfterParticiple(k + 1); c != "" {
			return c
		}
	case w == "among" && (s.w(k+1) == "those" || s.w(k+1) == "the"):
		// "were among those injured", "among the dead"
		if c, ok := s.lx.cues[s.w(k+2)]; ok && c.sides&sideRight != 0 && c.category != catStrikes && c.category != catSeized {
			return c.category
		}
	case w == "shot" && s.w(k+1) == "dead":
		return catKilled
	case (w == "sought" || w == "took" || w == "seeking") && (s.w(k+1) == "refuge" || s.w(k+1) == "asylum" || s.w(k+1) == "shelter"):
		return catDisplaced
	case (w == "made" || w == "left" || w == "rendered") && s.w(k+1) == "homeless":
		return catDisplaced // "4 million who have been made homeless"
	}
	c, ok := s.lx.cues[w]
	if !ok || c.sides&sideRight == 0 {
		return ""
	}
	if c.category == catStrikes {
		if aux > 0 && !h.person {
			return catStrikes // "40 boats have been struck"
		}
		return ""
	}
	if c.category == catSeized || w == "captured" {
		return ""
	}
	if aux == 0 && !intransitive[w] && strings.HasSuffix(w, "ed") && s.isObject(k+1) && (relative > 0 || k == h.end) {
		return "" // the count did it: "two bombers killed 23 people"
	}
	if aux == 0 && relative == 0 && h.index < 0 && k == h.end {
		*end = k + 1 // "83 killed": the participle stands for the noun
	}
	return c.category
}

// verbAfterParticiple reads the verb after a participle's clause that
// begins at token k ("fleeing Cuba | drowned", "fleeing the fighting | were
// killed"): its category when it is a casualty or an arrest, else "".
func (s *scanner) verbAfterParticiple(k int) string {
	for j := k; j < k+maxNounRun && j < s.sentEnd; j++ {
		w := s.w(j)
		if w == "," || w == ";" || w == "." || w == "and" || w == "who" || w == "that" {
			return ""
		}
		if (!auxiliaries[w] || w == "to") && s.lx.cues[w].sides&sideRight == 0 {
			continue
		}
		v := j
		for v < j+maxAuxiliaries && auxiliaries[s.w(v)] {
			v++
		}
		switch c := s.lx.cues[s.w(v)]; {
		case c.sides&sideRight == 0:
			return ""
		case c.category == catKilled || c.category == catWounded || c.category == catArrested || c.category == catOther:
			return c.category
		}
		return ""
	}
	return ""
}

// takenElsewhere: prisoners "taken to", "taken away" were moved, not captured.
var takenElsewhere = map[string]bool{"to": true, "into": true, "away": true, "from": true, "out": true, "off": true, "back": true, "hostage": true, "ill": true, "aboard": true, "across": true}

// lifeSavers are verbs whose "lives" were not lost: "could save 30 lives".
var lifeSavers = map[string]bool{"save": true, "saved": true, "saves": true, "saving": true, "spare": true, "spared": true, "sparing": true}

// lifeTakers are verbs whose taking of "lives" is killing.
var lifeTakers = map[string]bool{"claimed": true, "claiming": true, "took": true, "taking": true, "cost": true, "costing": true}

// intransitive verbs take no object, so what follows them never makes the
// count their agent: "10,000 fled the city", "11 people who died at sea".
var intransitive = map[string]bool{"fled": true, "died": true, "perished": true}

func isHome(a, b, c string) bool {
	switch a {
	case "their", "his", "her", "its":
		return b == "homes" || b == "home" || b == "houses" || b == "villages" || b == "town"
	case "of":
		return isHome(b, c, "")
	case "homes", "home":
		return true
	}
	return false
}

// isObject reports whether token k starts a noun phrase that a verb before
// it takes as its object, so that the verb is active.
func (s *scanner) isObject(k int) bool {
	if s.kind(k) == sitrep.Number {
		return true
	}
	w := s.w(k)
	switch w {
	case "a", "an", "the", "his", "her", "their", "its", "more", "dozens", "hundreds", "thousands", "scores", "several", "some":
		return true
	case "at":
		return s.w(k+1) == "least" || s.w(k+1) == "most" // "killed at least 20", not "killed at the scene"
	}
	if _, ok := smallOrCompound(w); ok {
		return true
	}
	r := s.raw(k)
	return s.kind(k) == sitrep.Word && isCapitalized(r) && !s.lx.stop[w]
}

// leftCue reads the words before the quantity: "killing at least 80",
// "the death toll rose to 83", "detained 14".
func (s *scanner) leftCue(qualStart int, h headNoun, info unitInfo, person, subject bool) string {
	if s.objectOfPreposition(qualStart) {
		return ""
	}
	floor := max(s.sentFrom, s.prevEnd, qualStart-maxLeftCue)
	for k := qualStart - 1; k >= floor; k-- {
		w := s.w(k)
		// "was killed Thursday when two robbers opened fire": a cue
		// outside the clause that holds the count is not about it.
		if subordinators[w] {
			return ""
		}
		// "four were killed and 20 remain missing": a count that is the
		// subject of a verb of its own opens a clause of its own.
		if subject && clauseJoiners[w] {
			return ""
		}
		switch w {
		case ",":
			// "the death toll, which stands at 45": a relative clause
			// states the number of the noun it follows, and only that
			// ("the building was evacuated, which had 200 people in it").
			if s.w(k+1) != "which" || k-1 < floor {
				return ""
			}
			if c, ok := s.lx.cues[s.w(k-1)]; ok && c.sides&sideLeft != 0 && c.category == catKilled {
				return c.category
			}
			return ""
		case ";", "(", ")", ".", "—", "–", "--", "!", "?":
			return ""
		}
		if k == s.stepEnd-1 && s.stepFrom >= floor {
			k = s.stepFrom // a change's old value: "the toll rose from 40 to"
			continue
		}
		// Another number is another count's, unless it is a year or a
		// day of a date: "the death toll since October 2023 had risen to".
		if s.kind(k) == sitrep.Number && !(len(w) == 4 || months[s.w(k-1)] || months[s.w(k+1)]) {
			return ""
		}
		if w == "lost" && person && h.index >= 0 && k == qualStart-1 && !s.nonViolentCause(h.end) {
			return catKilled // "the army lost 12 soldiers", not "lost contact with 12 soldiers"
		}
		if (w == "bodies" || w == "corpses" || w == "remains") && s.w(k+1) == "of" && person && h.index >= 0 {
			return catKilled // "the bodies of 19 soldiers", as "19 bodies"
		}
		if w == "lives" && (lifeTakers[s.w(k-1)] || lifeTakers[s.w(k-2)]) {
			return catKilled // "claimed the lives of 30 people", "cost 30 lives" is the noun's
		}
		c, ok := s.lx.cues[w]
		if !ok || c.sides&sideLeft == 0 {
			continue
		}
		switch {
		case c.category == catStrikes:
			if person {
				continue // "hit 20 people" is not a count of strikes
			}
		case w == "captured":
			if !person {
				return catSeized
			}
		case c.category == catSeized:
			if person && h.index >= 0 {
				return "" // "seized 30 hostages" is an abduction
			}
		}
		return c.category
	}
	return ""
}

// accident reports a death whose cause, in a clause after it, is an
// accident: "died when their boat sank", "were killed when two helicopters
// crashed". A weapon or an attack in that clause makes it violence again:
// "killed when a bomb exploded", "when their helicopter was shot down and
// crashed".
func (s *scanner) accident(end int) bool {
	k := end
	for k < s.sentEnd && k < end+maxLeftCue && !(causeOpeners[s.w(k)] && s.w(k+1) != "well") {
		switch s.w(k) {
		case ";", ".", "—", "--", "(":
			return false
		}
		k++
	}
	if k >= s.sentEnd || !causeOpeners[s.w(k)] || s.w(k+1) == "well" {
		return false // "as well as" adds a count, it gives no cause
	}
	found := false
	for j := k + 1; j < s.sentEnd && j <= k+maxLeftCue; j++ {
		w := s.w(j)
		if w == ";" || w == "." || subordinators[w] {
			break
		}
		if violentCauses[w] || s.lx.units[w].kind == kindStrike {
			return false
		}
		if c, ok := s.lx.cues[w]; ok && c.category != catOther && c.category != catDisplaced {
			return false
		}
		if accidentVerbs[w] {
			found = true
		}
	}
	return found
}

// objectOfPreposition reports a count governed by the preposition before
// it, so that no verb further left takes it as its object: "arrested in
// several states", "killed by two gunmen", "killed after two robbers
// opened fire", "an exodus of workers from the company's two shipyards".
// Not "of" ("the deaths of 30") or "to" ("rose to 83"), which pass the
// cue on, nor a change's "from" and "by" ("rose by 12").
func (s *scanner) objectOfPreposition(qualStart int) bool {
	k := qualStart - 1
	if w := s.w(k); w == "'s" || w == "’s" || w == "'" || w == "’" {
		// "from the company's two shipyards": the possessor is part of
		// the preposition's object.
		k--
		for x := 0; x < 3 && s.nounWord(k); x++ {
			k--
		}
	}
	for x := 0; x < 2 && (determiners[s.w(k)] || s.w(k) == "only" || s.w(k) == "just"); x++ {
		k-- // "in only four cases", "after the two robbers"
	}
	switch w := s.w(k); w {
	case "from", "by":
		return !changeVerbs[s.w(k-1)] && !changeVerbs[s.w(k-2)]
	default:
		return governingPrepositions[w]
	}
}

// nonViolentCause reports a death toll of drugs, disease or accidents
// ("lost hundreds of thousands of people to drugs"), which is not a
// conflict's.
func (s *scanner) nonViolentCause(end int) bool {
	for k := end; k < end+6 && k < s.sentEnd; k++ {
		switch s.w(k) {
		case "to", "from", "by", "with", "of", "in":
			if nonViolentCauses[s.w(k+1)] {
				return true
			}
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// counterfactual reports a toll that did not happen: "the death toll would
// have been more than a thousand", "a dose with the potential to kill
// about 1,400", "50 people would have died", "the vial could kill 1,400".
// "could have been killed" and "may have died" are left alone: they are
// as often an uncertain toll.
func (s *scanner) counterfactual(qualStart, end int) bool {
	nominal := false
left:
	for k := qualStart - 1; k >= max(s.sentFrom, qualStart-maxLeftCue); k-- {
		switch w := s.w(k); {
		case w == "," || w == ";" || w == "." || w == "—":
			break left
		case w == "of" && s.lx.cues[s.w(k-1)].sides&sideLeft != 0:
			// "said it would investigate the genocide of 500,000": a
			// noun names a killing that happened, whatever a plain
			// "would" says of another verb; "would have caused the
			// deaths of" is still counterfactual.
			nominal = true
		case w == "would" && (!nominal || s.w(k+1) == "have") || w == "potential" || w == "enough" || s.capacity(k):
			return true
		}
	}
	for k := end; k < end+maxAuxiliaries && k < s.sentEnd && auxiliaries[s.w(k)]; k++ {
		if s.w(k) == "would" || s.capacity(k) {
			return true
		}
	}
	return false
}

// capacity reports a modal of what can happen before a plain verb: "could
// kill 1,400", "1,400 could die"; not "could have been killed" or "may
// be dead", which say what perhaps happened.
func (s *scanner) capacity(k int) bool {
	switch s.w(k) {
	case "could", "can", "might":
		next := s.w(k + 1)
		return next != "have" && next != "be" && next != "been" && next != "" && !auxiliaries[next]
	}
	return false
}

// nonViolentSubject reports a disease or disaster as the subject of the
// killing before the count: "Typhoid has killed 12 people", "the floods
// have killed 1,600".
func (s *scanner) nonViolentSubject(qualStart int) bool {
	for k := qualStart - 1; k >= max(s.sentFrom, qualStart-maxLeftCue); k-- {
		switch w := s.w(k); {
		case w == "," || w == ";" || w == "by" || w == "and":
			return false
		case nonViolentSubjects[w]:
			return true
		}
	}
	return false
}

func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

// numberBetween reports a number token in [from, to).
func (s *scanner) numberBetween(from, to int) bool {
	for k := max(from, 0); k < to && k < len(s.toks); k++ {
		if s.toks[k].Kind == sitrep.Number {
			return true
		}
	}
	return false
}

func isOpenQuote(w string) bool  { return w == "“" || w == "\"" || w == "‘" || w == "``" }
func isCloseQuote(w string) bool { return w == "”" || w == "\"" || w == "’" || w == "''" }
