package quote

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

// refKind says what a speaker phrase is.
type refKind uint8

const (
	refNone    refKind = iota
	refPronoun         // "he": resolved to an entity afterwards
	refEntity          // a mention the entity tagger found
	refPhrase          // a noun phrase that names no entity: "the report", "officials"
)

// ref is a speaker or addressee phrase: tokens [lo, hi).
type ref struct {
	lo, hi int
	kind   refKind
	ent    int // index in Doc.Entities for refEntity
}

const (
	maxPhraseWords  = 6  // a speaker phrase is short: "the company's chief spokesman"
	maxAppositive   = 30 // tokens of ", associate professor of ... Melbourne," between a name and its cue
	maxSkippedWords = 3  // auxiliaries and adverbs between a subject and its cue
	maxKindWords    = 3  // words after a name that say what it names: "news agency"
	maxTitleWords   = 5  // a title between a modifying name and a person's: "Secretary of State"
	maxRankWords    = 4  // a rank the tagger left out of a name: "Lt. Col."
)

// subjectBefore finds the subject of the cue at token k, looking back no
// further than token lo: a pronoun, an entity mention (possibly followed by
// an appositive between commas, or "who"), or a short noun phrase, with up
// to maxSkippedWords auxiliaries or adverbs between it and the cue. A
// negated cue ("did not say") has no subject.
func (a *analysis) subjectBefore(k, lo int) (ref, bool) {
	return a.subjectOf(k, lo, true)
}

// subjectOf is subjectBefore; followAnd allows one step back over "and"
// to an earlier cue, and no more, so that a run of "said and said and
// ..." costs constant time per cue.
func (a *analysis) subjectOf(k, lo int, followAnd bool) (ref, bool) {
	j := k - 1
	// "AP quoted him as saying": the speaker is the object of "quoted".
	if j-2 >= lo && a.tok(j) == "as" {
		o := j - 1
		if w := a.tok(o); (w == "him" || w == "her") && in(quotingVerbs, a.tok(o-1)) {
			return ref{lo: o, hi: o + 1, kind: refPronoun}, true
		}
		if r, ok := a.phraseEndingAt(o, lo); ok && r.kind == refEntity && r.lo-1 >= lo && in(quotingVerbs, a.tok(r.lo-1)) {
			return r, true
		}
	}
	// "The general was quoted as saying": the subject of the passive.
	if j-2 >= lo && a.tok(j) == "as" && a.tok(j-1) == "quoted" {
		j -= 2
		if in(passiveAux, a.tok(j)) {
			j--
		}
	}
	for skipped := 0; j >= lo && skipped <= maxSkippedWords; skipped++ {
		w := a.tok(j)
		if in(negations, w) || w == "did" {
			return ref{}, false
		}
		if !in(auxAdverbs, w) && !in(reflexives, w) && !a.isAdverb(j) { // "Officials quickly denied", "Putin himself said"
			break
		}
		j--
	}
	if j < lo {
		return ref{}, false
	}
	w := a.tok(j)
	// "Garmany, who said ...": the relative pronoun stands for the name before it.
	if (w == "who" || w == "which") && j-1 > lo && a.tok(j-1) == "," {
		if r, ok := a.phraseEndingAt(j-2, lo); ok && r.kind == refEntity {
			return r, true
		}
		return ref{}, false
	}
	// "Geoff Garmany, associate professor at ..., told": skip the
	// appositive, which may hold commas of its own; the name is the first
	// entity found before one of them.
	if w == "," {
		// Of the names before the appositive's commas, the leftmost person
		// or organization is the subject ("Cynthia Thompson, curator ... at
		// the University of Arkansas, Fayetteville, said"); else the
		// nearest name.
		var nearest, best, initial ref
		c := j - 1
		for ; c > lo && c >= j-maxAppositive; c-- {
			t := a.tok(c)
			if a.isQuoteMark(c) || t == "." && !a.inWord(c) || t == ";" || t == ":" || a.cueAt(c) != noCue {
				break
			}
			if t == "," {
				r, ok := a.phraseEndingAt(c-1, lo)
				if ok && r.kind == refPhrase && r.lo == lo {
					initial = r // "Officials, speaking on condition of anonymity, said"
				}
				if ok && r.kind == refEntity && a.ents[r.ent].Type == "LOC" && nearest.kind == refNone {
					// "a farmer in Kashmir, who has lost his home, saying":
					// the place says where the speaker is.
					if h, found := a.headBeforePlaces(r.lo, lo); found {
						nearest = h
						continue
					}
				}
				if ok && r.kind == refEntity {
					if nearest.kind == refNone {
						nearest = r
					}
					if typ := a.ents[r.ent].Type; typ == "PERSON" || typ == "ORG" {
						best = r
					}
				}
			}
		}
		// "The foreign minister of Libya, Abdel Rahman Shalgham, said": a
		// person alone between the last two commas names the title before
		// it, whatever names the title holds ("Chief of Humanitarian
		// Affairs and Emergency Relief, John Holmes, says").
		if r, ok := a.phraseEndingAt(j-1, lo); ok && r.kind == refEntity && a.ents[r.ent].Type == "PERSON" && a.commaBeforeRank(r, lo) {
			return r, true
		}
		if best.kind != refNone {
			return best, true
		}
		if followAnd && c >= lo && a.cueAt(c) != noCue && a.isGerund(k) && nearest.kind == refNone {
			// "One poster admitted to ..., writing “…”": the participle
			// shares the subject of the cue before it.
			return a.subjectOf(c, lo, false)
		}
		if nearest.kind != refNone {
			return nearest, true
		}
		if initial.kind != refNone {
			return initial, true
		}
		if c == lo {
			// No opening comma: the subject starts the sentence ("Lydia
			// Buchtmann for Food Standards Australia, says"; "The firm
			// Secunia.com, has said").
			if e := a.entityStartingAt(a.toks[lo].Start); e >= 0 && a.ents[e].End <= a.toks[j].Start && (a.ents[e].Type == "PERSON" || a.ents[e].Type == "ORG") {
				return ref{lo: lo, hi: a.tokenAt(a.ents[e].End-1) + 1, kind: refEntity, ent: e}, true
			}
			last := j - 1
			for last-2 >= lo && a.inWord(last-1) {
				last -= 2 // "Secunia.com": the name is the first part of the word
			}
			if r, ok := a.phraseEndingAt(last, lo); ok && r.kind == refEntity && r.lo-lo <= maxPhraseWords && !a.hasPunct(lo, r.lo) {
				return r, true
			}
		}
		return ref{}, false
	}
	// "Zuckerberg tweeted to Mohamed and said": the subject of the first
	// verb, when that is a cue too; else of the sentence ("The families
	// gathered outside the court and said").
	if w == "and" && followAnd {
		for c := j - 1; c >= lo && c >= j-maxAppositive; c-- {
			if a.terminal(c) || a.isQuoteMark(c) {
				return ref{}, false
			}
			if a.cueAt(c) != noCue {
				if c < j-maxThatLook {
					return ref{}, false
				}
				return a.subjectOf(c, lo, false)
			}
			if c == lo {
				return a.sharedSubject(lo, j)
			}
		}
		return ref{}, false
	}
	// "The World Health Organisation (WHO) recommends": skip the parenthesis.
	if w == ")" {
		for c := j - 1; c > lo && c >= j-maxPhraseWords; c-- {
			if a.tok(c) == "(" {
				return a.phraseEndingAt(c-1, lo)
			}
		}
		return ref{}, false
	}
	// "Residents who live near the market said": the relative clause's
	// head speaks, not a noun inside the clause.
	if h := a.relativeHead(j, lo); h >= 0 {
		j = h
	}
	r, ok := a.phraseEndingAt(j, lo)
	if ok && r.kind == refPhrase && strings.HasSuffix(a.tok(k), "ed") && a.saidThing(j) {
		// "the same slogan regularly chanted at rallies": a passive
		// participle after what is said, which does not speak.
		return ref{}, false
	}
	if ok && a.isGerund(k) && a.objectBefore(r, lo) {
		// "The minister left the room saying", "marched around the
		// square chanting": the object does not speak, the clause's
		// subject does.
		if s, found := a.sharedSubject(a.clauseStart(r.lo, lo), r.lo); found {
			return s, true
		}
	}
	if ok && r.kind == refPhrase && r.lo-2 >= lo && a.tok(r.lo-1) == "and" {
		// "He and others who oppose the plan say": the first of the
		// coordinated speakers, when it is a person; not in "Red Cross
		// and ambulance officials", where the name modifies.
		if p, found := a.phraseEndingAt(r.lo-2, lo); found && (p.kind == refPronoun || p.kind == refEntity && a.ents[p.ent].Type == "PERSON") {
			return p, true
		}
	}
	if ok && r.kind == refEntity && a.ents[r.ent].Type == "LOC" {
		// "Officials in London and Manchester said": a place after a
		// preposition is where the speakers are, not who speaks.
		if h, ok := a.headBeforePlaces(r.lo, lo); ok {
			return h, true
		}
	}
	if ok && r.kind == refEntity && a.ents[r.ent].Type == "ORG" {
		// "Manuel Bessler of the United Nations said": the person speaks
		// for the organization.
		l := r.lo - 1
		if l >= lo && strings.EqualFold(a.tok(l), "the") {
			l--
		}
		if l-1 >= lo && in(orgLinks, a.tok(l)) {
			if p, ok := a.phraseEndingAt(l-1, lo); ok && p.kind == refEntity && a.ents[p.ent].Type == "PERSON" {
				return p, true
			}
		}
	}
	if ok && r.kind == refEntity {
		// "The grandmother of Elian Gonzalez said", "a spokesman for
		// Kenya Airways said": the name completes a role, whose holder
		// speaks.
		l := r.lo - 1
		if l >= lo && strings.EqualFold(a.tok(l), "the") {
			l--
		}
		if l-1 >= lo && in(phraseLinks, a.tok(l)) && a.isRole(a.tok(l-1)) {
			if s := a.nounPhraseStart(l-1, lo); s >= 0 {
				return ref{lo: s, hi: r.hi, kind: refPhrase}, true
			}
		}
	}
	return r, ok
}

// relativeHead returns the last token of the noun a relative clause
// ending at token j modifies ("Residents" in "Residents who live near the
// market"), or -1 when no relative pronoun opens a clause within reach.
// A predicate is no head: "It is unclear who fired". Nor is the noun
// when the cue's own subject follows the pronoun, which is then its
// object: "a powder which authorities say was flour" is the authorities'.
func (a *analysis) relativeHead(j, lo int) int {
	for c := j - 1; c > lo && c >= j-maxThatLook; c-- {
		if a.toks[c].Kind == sitrep.Punctuation {
			return -1
		}
		if !in(relativePronouns, a.tok(c)) {
			continue
		}
		if a.tok(c) != "whose" && a.subjectFrom(c+1, j, lo) {
			return -1
		}
		h := c - 1
		r, ok := a.phraseEndingAt(h, lo)
		if !ok || r.kind == refPronoun || a.cueAt(h) != noCue {
			return -1
		}
		if p := r.lo - 1; p >= lo && (in(clauseAux, a.tok(p)) || in(negations, a.tok(p))) {
			return -1
		}
		return h
	}
	return -1
}

// subjectFrom reports whether tokens [i, j] are a subject: a pronoun, a
// name, a phrase with a determiner or one that names people by role
// ("authorities"), not a verb ("police arrested", "fled").
func (a *analysis) subjectFrom(i, j, lo int) bool {
	r, ok := a.phraseEndingAt(j, lo)
	return ok && r.lo == i && (r.kind != refPhrase || in(determiners, a.tok(i)) || a.isRole(a.tok(j)))
}

// objectBefore reports whether phrase r is the object of a verb or a
// preposition ("left the room", "around the square"), which a participle
// after it does not take as its subject. A complement ("Thousands of
// children"), a perceived or accompanying phrase ("saw protesters
// chanting", "with the crowd chanting") and one after a cue or
// auxiliary ("There were protesters chanting") still do.
func (a *analysis) objectBefore(r ref, lo int) bool {
	p := r.lo - 1
	if p < lo || a.toks[p].Kind != sitrep.Word {
		return false
	}
	w := a.tok(p)
	return isLowerStart(w) && !in(notObjectOf, w) && !in(relativePronouns, w) && !in(clauseAux, w) &&
		!in(passiveAux, w) && a.cueAt(p) == noCue
}

// clauseStart returns the first token of the clause holding token p: after
// the nearest comma, "that" or cue before it ("In Havana, children
// marched"), or a conjunction after a verb ("The office asked ... and
// Putin dismissed", not "Police and soldiers stormed"); else lo.
func (a *analysis) clauseStart(p, lo int) int {
	conj := -1
	for c := p - 1; c > lo && c >= p-maxAppositive; c-- {
		w := a.tok(c)
		switch {
		case conj >= 0 && (a.finiteVerb(c) || a.cueAt(c) != noCue):
			return conj + 1
		case w == "," || w == ";" || w == "that" || a.cueAt(c) != noCue:
			return c + 1
		case conj < 0 && (w == "and" || w == "but"):
			conj = c
		}
	}
	return lo
}

// saidThing reports whether token j, singular or plural, names words
// rather than who says them: "slogan", "cry", "banners".
func (a *analysis) saidThing(j int) bool {
	w := a.tok(j)
	return a.inscriptionNoun(j) || in(saidNouns, w) || len(w) > 2 && w[len(w)-1] == 's' && in(saidNouns, w[:len(w)-1])
}

// sharedSubject reads the subject at token lo that a verb before "and" at
// token and shares with the cue after it: "He arrived late and told", "The
// families gathered outside the court and said". A common noun phrase must
// end before a verb in the past or an auxiliary, or a relative pronoun,
// and may keep one complement ("Thousands of children marched").
func (a *analysis) sharedSubject(lo, and int) (ref, bool) {
	v := -1
	for c := lo + 1; c < and && c <= lo+maxPhraseWords; c++ {
		t := a.tok(c)
		if a.toks[c].Kind != sitrep.Word {
			break
		}
		if in(relativePronouns, t) || a.finiteVerb(c) {
			v = c
			break
		}
	}
	hi := and
	if v > 0 {
		hi = v
	}
	r, ok := a.phraseAfter(lo, hi)
	switch {
	case !ok:
		return ref{}, false
	case r.kind == refPronoun, r.hi == v:
		return r, true
	case r.kind == refEntity && r.hi < and && isLowerStart(a.tok(r.hi)) && !in(npStop, a.tok(r.hi)):
		return r, true // "Maria Lopez visited", not "Poland and the Czech Republic issued"
	}
	// "Thousands of children marched": a head and its complement.
	if v > lo {
		p, ok := a.phraseEndingAt(v-1, lo)
		if ok && p.lo == lo {
			return p, true
		}
		// "Police and soldiers stormed": the two phrases speak together.
		if ok && p.lo-2 >= lo && a.tok(p.lo-1) == "and" {
			if q, ok := a.phraseEndingAt(p.lo-2, lo); ok && q.lo == lo {
				return ref{lo: lo, hi: p.hi, kind: refPhrase}, true
			}
		}
	}
	return ref{}, false
}

// finiteVerb reports whether token c reads as a verb in the past or an
// auxiliary: "gathered", "met", "has"; not after a determiner ("The armed
// men").
func (a *analysis) finiteVerb(c int) bool {
	t := a.tok(c)
	if c == 0 || a.toks[c].Kind != sitrep.Word || !isLowerStart(t) || in(determiners, a.tok(c-1)) {
		return false
	}
	return in(clauseAux, t) || in(pastVerbs, t) || len(t) > 4 && strings.HasSuffix(t, "ed")
}

// isRole reports whether w, singular or plural, names a person by role:
// "grandmother", "spokesmen", "officials".
func (a *analysis) isRole(w string) bool {
	w = strings.ToLower(w)
	if _, ok := a.lx.roles[w]; ok {
		return true
	}
	for _, p := range [...][2]string{{"men", "man"}, {"ies", "y"}, {"es", ""}, {"s", ""}} {
		if b, ok := strings.CutSuffix(w, p[0]); ok {
			if _, ok := a.lx.roles[b+p[1]]; ok {
				return true
			}
		}
	}
	return false
}

// orgLinks join a person to the organization they speak for.
var orgLinks = set("of at for from with")

// placePrepositions put a place after the noun it locates.
var placePrepositions = set("in from at near across throughout")

// placeModifier reports whether w may stand between a preposition and the
// place it locates: a compass adjective or a hyphenated qualifier
// ("southern", "rebel-held", "Pakistan-administered").
func placeModifier(w string) bool {
	return in(compassAdjectives, w) || len(w) > 2 && strings.IndexByte(w[1:len(w)-1], '-') >= 0
}

// compassAdjectives qualify a place: "in northern Syria".
var compassAdjectives = set("northern southern eastern western central north-eastern north-western south-eastern south-western northeastern northwestern southeastern southwestern")

// headBeforePlaces returns the phrase a run of places starting at token p
// locates ("Officials" of "Officials in London and Manchester"): it steps
// back over places joined by "and" or commas to a preposition, and reads
// the phrase before it, which must not itself be a place.
func (a *analysis) headBeforePlaces(p, lo int) (ref, bool) {
	for n := 0; n < 4 && p-1 >= lo; n++ {
		// "in southern Kashmir", "in Pakistan-administered Kashmir".
		for m := 0; m < 2 && p-2 >= lo && placeModifier(a.tok(p-1)); m++ {
			p--
		}
		w := a.tok(p - 1)
		if in(placePrepositions, w) {
			h, ok := a.phraseEndingAt(p-2, lo)
			if !ok || h.kind == refPronoun || h.kind == refEntity && a.ents[h.ent].Type == "LOC" {
				return ref{}, false
			}
			return h, true
		}
		if w != "and" && w != "," {
			return ref{}, false
		}
		prev, ok := a.phraseEndingAt(p-2, lo)
		if !ok || prev.kind != refEntity || a.ents[prev.ent].Type != "LOC" {
			return ref{}, false
		}
		p = prev.lo
	}
	return ref{}, false
}

// phraseEndingAt reads the speaker phrase whose last token is j.
func (a *analysis) phraseEndingAt(j, lo int) (ref, bool) {
	if j < lo || j < 0 || a.toks[j].Kind == sitrep.Punctuation {
		return ref{}, false
	}
	w := a.tok(j)
	if _, ok := pronoun(w); ok {
		return ref{lo: j, hi: j + 1, kind: refPronoun}, true
	}
	if e := a.entityEndingAt(a.toks[j].End); e >= 0 && a.ents[e].Start >= a.toks[lo].Start {
		return ref{lo: a.tokenAt(a.ents[e].Start), hi: j + 1, kind: refEntity, ent: e}, true
	}
	if j-2 >= lo && a.tok(j-1) == "." && a.inWord(j-1) {
		// "Gawker.com": a web address is one name, its site's.
		f := j - 2
		for f-2 >= lo && a.tok(f-1) == "." && a.inWord(f-1) {
			f -= 2
		}
		if e := a.entityEndingAt(a.toks[f].End); e >= 0 && a.ents[e].Start >= a.toks[lo].Start {
			return ref{lo: a.tokenAt(a.ents[e].Start), hi: j + 1, kind: refEntity, ent: e}, true
		}
		if isUpperStart(a.tok(f)) {
			return ref{lo: f, hi: j + 1, kind: refPhrase}, true
		}
	}
	start := a.nounPhraseStart(j, lo)
	if start < 0 {
		return ref{}, false
	}
	// "a spokesperson for the ministry", "the head of the agency": the
	// speaker is the head noun's phrase, not the last noun's. One link
	// only, with no name before it.
	// A cue before the link is a verb, not a head: "reports of a man".
	if l := start - 1; l-1 >= lo && in(phraseLinks, a.tok(l)) && a.entityEndingAt(a.toks[l-1].End) < 0 && a.cueAt(l-1) == noCue {
		if _, ok := pronoun(a.tok(l - 1)); !ok {
			if s := a.nounPhraseStart(l-1, lo); s >= 0 {
				start = s
			}
		}
	}
	return ref{lo: start, hi: j + 1, kind: refPhrase}, true
}

// nounPhraseStart returns the first token of the short noun phrase that
// ends at token j (back to a determiner, a function word or punctuation),
// or -1 when j cannot end one.
func (a *analysis) nounPhraseStart(j, lo int) int {
	w := a.tok(j)
	if a.toks[j].Kind == sitrep.Punctuation || (in(npStop, w) && !isAcronym(w)) || in(determiners, w) || a.toks[j].Kind == sitrep.Number {
		return -1
	}
	start := j
	for c := j - 1; c >= lo && j-c < maxPhraseWords; c-- {
		t := a.tok(c)
		if in(determiners, t) {
			start = c
			break
		}
		if a.toks[c].Kind == sitrep.Punctuation || in(npStop, t) || a.cueAt(c) != noCue {
			break
		}
		start = c
	}
	return start
}

// phraseAfter reads a speaker phrase starting at token i, no further than
// token hi: a pronoun, an entity mention (titles before it allowed: "said
// President Trump"), or a short noun phrase, which a name may modify
// ("said a Kenyan police officer").
func (a *analysis) phraseAfter(i, hi int) (ref, bool) { return a.phraseFrom(i, hi, true) }

// addresseeAfter reads the addressee after "told" at token i as
// phraseAfter does, except that a name is not read as modifying the words
// after it, which may open the reported clause: "told Sky News any
// process must be".
func (a *analysis) addresseeAfter(i, hi int) (ref, bool) { return a.phraseFrom(i, hi, false) }

// phraseFrom is phraseAfter, reading common nouns after a name when
// modified is set.
func (a *analysis) phraseFrom(i, hi int, modified bool) (ref, bool) {
	if i >= hi || i >= len(a.toks) || a.toks[i].Kind == sitrep.Punctuation {
		return ref{}, false
	}
	w := a.tok(i)
	if _, ok := pronoun(w); ok {
		return ref{lo: i, hi: i + 1, kind: refPronoun}, true
	}
	if in(objectPronouns, w) {
		return ref{lo: i, hi: i + 1, kind: refPhrase}, true
	}
	if in(nobody, w) { // "..., said nobody."
		return ref{}, false
	}
	end := i
	for c := i; c < hi && c-i < maxPhraseWords; c++ {
		if e := a.entityStartingAt(a.toks[c].Start); e >= 0 {
			last := a.tokenAt(a.ents[e].End - 1)
			// "according to Saudi Arabia's Civil Defense Authority": the
			// possessor is not the speaker, the named thing it owns is.
			if p := last + 1; p+1 < hi && (a.tok(p) == "'s" || a.tok(p) == "’s") {
				if e2 := a.entityStartingAt(a.toks[p+1].Start); e2 >= 0 {
					return ref{lo: i, hi: a.tokenAt(a.ents[e2].End-1) + 1, kind: refEntity, ent: e2}, true
				}
				if r, ok := a.titleHolder(p + 1); ok { // "the ministry's spokesman, Mansour al-Turki"
					return r, true
				}
			}
			if r, ok := a.headAfterModifier(i, e, last, hi); ok {
				return r, true
			}
			// "said a UNHCR protection officer, Yolande Ditewig": the
			// name modifies a title whose holder follows.
			if last+1 < hi && isLowerStart(a.tok(last+1)) {
				if r, ok := a.titleHolder(last + 1); ok {
					return r, true
				}
			}
			kind := a.kindAfter(last+1, hi)
			// "said a Kenyan police officer", "said Tanzanian officials":
			// a name that modifies a common noun is not the speaker; the
			// noun phrase is. "the Reuters news agency" is Reuters.
			if modified && kind == last+1 {
				if h := a.commonHeadAfter(last+1, hi); h > last+1 {
					return ref{lo: i, hi: h, kind: refPhrase}, true
				}
			}
			return ref{lo: i, hi: kind, kind: refEntity, ent: e}, true
		}
		t := a.tok(c)
		if a.toks[c].Kind == sitrep.Punctuation || in(npStop, t) || a.cueAt(c) != noCue || (c > i && in(determiners, t)) {
			break
		}
		if _, ok := pronoun(t); ok && c > i && t != "it" && t != "It" {
			break // "told his trial he had": the reported clause's subject
		}
		end = c + 1
	}
	if end == i || in(determiners, a.tok(end-1)) {
		return ref{}, false
	}
	for c := i; c < end; c++ {
		if t := a.tok(c); isUpperStart(t) && in(calendarWords, t) { // "the march organizers" may speak
			return ref{}, false // a date: "reads a July 15, 2005 memo"
		}
	}
	if r, ok := a.titleHolder(end); ok { // "said the head of UNHCR, Yolande Ditewig"
		return r, true
	}
	return ref{lo: i, hi: end, kind: refPhrase}, true
}

// kindAfter returns one past the end of the words that follow a name at
// token p and say what kind of thing it names ("the Reuters news agency",
// "the Kyodo wire service"), or p when none do.
func (a *analysis) kindAfter(p, hi int) int {
	for c := p; c < hi && c < p+maxKindWords; c++ {
		t := a.tok(c)
		if a.toks[c].Kind == sitrep.Punctuation || !isLowerStart(t) || in(npStop, t) || in(determiners, t) || a.cueAt(c) != noCue {
			break
		}
		if in(kindNouns, t) {
			return c + 1
		}
	}
	return p
}

// commaBeforeRank reports whether a comma stands just before the person
// mention r, or before a rank the tagger left out of it (", Brig. Gen.
// Ahmed Hassan,").
func (a *analysis) commaBeforeRank(r ref, lo int) bool {
	for c := r.lo - 1; c > lo && c >= r.lo-1-maxRankWords; c-- {
		if a.tok(c) == "," {
			p, ok := a.personAfterRank(c + 1)
			return ok && p.lo == r.lo
		}
	}
	return false
}

// personAfterRank reads the person named at token n, after any rank the
// tagger left out of the name: "Lt. Col. Mark Ballesteros". The tagger may
// even take the rank for a name of its own ("Lt."); the titles the linker
// recorded for the person say it was a rank.
func (a *analysis) personAfterRank(n int) (ref, bool) {
	for t := n; t < len(a.toks) && t <= n+maxRankWords; t++ {
		if e := a.entityStartingAt(a.toks[t].Start); e >= 0 && a.ents[e].Type == "PERSON" {
			if t > n && len(a.ents[e].Titles) == 0 {
				return ref{}, false
			}
			return ref{lo: t, hi: a.tokenAt(a.ents[e].End-1) + 1, kind: refEntity, ent: e}, true
		}
		if w := a.tok(t); w != "." && (a.toks[t].Kind != sitrep.Word || !isUpperStart(w)) {
			return ref{}, false
		}
	}
	return ref{}, false
}

// commonHeadAfter returns one past the last common noun of the words from
// token p on that continue a noun phrase begun by a name ("Embassy
// official" after "a U.S."), or p when none does. Words that start a
// clause, a time ("said Trump yesterday") or a manner ("said Obama
// flatly") end the phrase.
func (a *analysis) commonHeadAfter(p, hi int) int {
	head := p
	for c := p; c < hi && c < p+maxPhraseWords; c++ {
		t := a.tok(c)
		if a.toks[c].Kind != sitrep.Word || a.isQuoteMark(c) || a.cueAt(c) != noCue ||
			in(npStop, t) || in(determiners, t) || in(weekdays, t) || in(calendarWords, t) || in(timeAdverbs, t) {
			break
		}
		if _, ok := pronoun(t); ok || in(reflexives, t) {
			break
		}
		if isLowerStart(t) {
			if strings.HasSuffix(t, "ly") || strings.HasSuffix(t, "ing") {
				break
			}
			head = c + 1
		}
	}
	return head
}

// titleHolder reads the person named after a title that ends before token
// p: the rest of the title ("of UNHCR", "spokesman"), a comma, and a
// person's name. The name is the speaker, not the title.
func (a *analysis) titleHolder(p int) (ref, bool) {
	for c := p; c < len(a.toks) && c < p+maxPhraseWords; c++ {
		if a.isQuoteMark(c) || a.terminal(c) || a.cueAt(c) != noCue {
			return ref{}, false
		}
		if a.tok(c) != "," {
			continue
		}
		// "a Pentagon spokesman, Lt. Col. Mark Ballesteros".
		return a.personAfterRank(c + 1)
	}
	return ref{}, false
}

// headAfterModifier reads a name that only modifies the name after it:
// an organization before its member's title and name ("Marine Corps Major
// Tim Keefe", "UNHCR spokesman Andrej Mahecic"), or a nationality before
// an organization ("the Saudi Interior Ministry"). The phrase starts at
// token i; entity e ends at token last.
func (a *analysis) headAfterModifier(i, e, last, hi int) (ref, bool) {
	typ := a.ents[e].Type
	org := -1
	for c := last + 1; c < hi && c <= last+maxTitleWords; c++ {
		t := a.tok(c)
		if a.toks[c].Kind == sitrep.Punctuation || in(npStop, t) && !strings.EqualFold(t, "of") ||
			in(determiners, t) || a.cueAt(c) != noCue || a.isQuoteMark(c) {
			break
		}
		e2 := a.entityStartingAt(a.toks[c].Start)
		if e2 < 0 {
			continue
		}
		t2 := a.ents[e2].Type
		switch {
		case t2 == "PERSON":
			// "U.S. Secretary of State Marco Rubio", "Trump aide Stephen
			// Miller", "Kenya Red Cross official Abbas Gullet".
			return ref{lo: i, hi: a.tokenAt(a.ents[e2].End-1) + 1, kind: refEntity, ent: e2}, true
		case typ != "PERSON" && typ != "ORG" && t2 == "ORG" && c == last+1:
			org = e2 // "the Saudi Interior Ministry", unless a person follows
		}
		c = a.tokenAt(a.ents[e2].End - 1) // a name within the title: "Red Cross"
	}
	if org >= 0 {
		return ref{lo: i, hi: a.tokenAt(a.ents[org].End-1) + 1, kind: refEntity, ent: org}, true
	}
	return ref{}, false
}

// entityEndingAt returns the index of the entity mention ending at byte
// end, or -1.
func (a *analysis) entityEndingAt(end int) int {
	i := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].End >= end })
	for ; i < len(a.ents) && a.ents[i].End == end; i++ {
		return i
	}
	return -1
}

// entityStartingAt returns the index of the entity mention starting at
// byte start, or -1.
func (a *analysis) entityStartingAt(start int) int {
	i := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].Start >= start })
	if i < len(a.ents) && a.ents[i].Start == start {
		return i
	}
	return -1
}

// tokenAt returns the index of the token containing byte b (or the next one).
func (a *analysis) tokenAt(b int) int {
	i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].End > b })
	if i >= len(a.toks) {
		return len(a.toks) - 1
	}
	return i
}

// mention turns a speaker phrase into the layer's Mention; pronouns are
// resolved later, by resolvePronouns.
func (a *analysis) mention(r ref) *sitrep.Mention {
	sp := sitrep.Span{Start: a.toks[r.lo].Start, End: a.toks[r.hi-1].End}
	m := &sitrep.Mention{Span: sp, Text: a.text[sp.Start:sp.End]}
	switch r.kind {
	case refEntity:
		e := a.ents[r.ent]
		m.Span = e.Span
		m.Text = e.Text
		m.Name, m.Key = e.Name, e.Key
	case refPhrase:
		m.Name = m.Text
		if r.hi-r.lo > 1 && in(determiners, a.tok(r.lo)) {
			m.Name = a.text[a.toks[r.lo+1].Start:sp.End]
		}
	}
	return m
}

// pronoun reports whether w is a subject pronoun, and the gender it carries.
func pronoun(w string) (gender, bool) {
	switch w {
	case "he", "He", "HE":
		return male, true
	case "she", "She", "SHE":
		return female, true
	case "they", "They", "it", "It", "we", "We", "I":
		return unknownGender, true
	}
	return unknownGender, false
}

// isAcronym reports an all-capital word of two letters or more ("WHO",
// "US"): a name, not the function word it spells.
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// hasPunct reports whether a punctuation token lies in tokens [lo, hi).
func (a *analysis) hasPunct(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if a.toks[i].Kind == sitrep.Punctuation {
			return true
		}
	}
	return false
}

// inWord reports whether token i is punctuation inside a word, with no
// space on either side: the dots of "Secunia.com".
func (a *analysis) inWord(i int) bool {
	return i > 0 && i+1 < len(a.toks) && a.toks[i].Kind == sitrep.Punctuation &&
		a.toks[i-1].End == a.toks[i].Start && a.toks[i].End == a.toks[i+1].Start &&
		a.toks[i-1].Kind != sitrep.Punctuation && a.toks[i+1].Kind != sitrep.Punctuation
}
