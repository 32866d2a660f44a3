package sourcing

import (
	"math"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

const (
	// maxApposition bounds, in tokens, the apposition skipped between a
	// subject and its verb.
	maxApposition = 30
	// maxComplementizer bounds how far after the verb "that" is looked for:
	// "said on Nov. 5, 2025, that" takes eight tokens.
	maxComplementizer = 9
	// anaphorBytes and anaphorCands bound the look-back of "the report".
	anaphorBytes = 4000
	anaphorCands = 16
	// maxRank bounds, in tokens, a rank the tagger left out of a name
	// ("Lt. Col."), between a title's comma and the person.
	maxRank = 4
)

// sentence finds the attributions of the sentence s, whose tokens are lo..hi-1.
func (a *annotation) sentence(s sitrep.Span, lo, hi int) {
	first := len(a.cands)
	for i := lo; i < hi; i++ {
		if a.ent[i] >= 0 {
			continue
		}
		switch c := a.cls[i]; {
		case c&cAccording != 0 && a.isWord(i+1, "to") && i+1 < hi:
			a.according(s, i, lo, hi)
		case c&(cCue|cQuoteVerb) != 0:
			a.cue(s, i, lo, hi)
		}
	}
	a.strayCiting(first, lo, hi)
	a.cutScopes(first)
	a.outletCites(first)
}

// outletCites makes an outlet cite the sources its report quotes: in
// "Mohammadi said ..., IRNA reported." IRNA relies on Mohammadi's word. A
// source is quoted in the report when its attribution phrase lies in the
// outlet's scope; one level only, as for "citing".
func (a *annotation) outletCites(first int) {
	cands := a.cands[first:]
	if len(cands) > maxPerSentence {
		cands = cands[:maxPerSentence]
	}
	for i := range cands {
		o := &cands[i]
		if !o.outlet || len(o.scopes) == 0 {
			continue
		}
		for _, in := range cands {
			// An unresolved pronoun names nobody to cite.
			if in.outlet || namesNobody(in.source.Name) || !o.scopes[0].Contains(in.span) ||
				slices.ContainsFunc(o.cites, func(x sitrep.Cited) bool { return x.Text == in.source.Text }) {
				continue
			}
			ct := sitrep.Cited{Text: in.source.Text}
			switch {
			case len(in.cites) > 0 && in.cites[0].Anonymous && in.cites[0].Text == in.source.Text:
				ct = in.cites[0] // unnamed people speak for themselves
			case in.person:
				one := int64(1)
				ct.Count = &one
			}
			o.cites = append(o.cites, ct)
		}
	}
}

// maxPerSentence bounds the attributions of one sentence compared pairwise.
const maxPerSentence = 32

// cutScopes ends the scope of an attribution of the sentence before a later
// trailing attribution: in "Trump said 5,000 troops would go, Reuters
// reported." Trump's word covers "5,000 troops would go", not the rest.
func (a *annotation) cutScopes(first int) {
	cands := a.cands[first:]
	if len(cands) > maxPerSentence {
		cands = cands[:maxPerSentence]
	}
	for i := range cands {
		for j := range cands {
			o := cands[j]
			if len(o.scopes) == 0 || o.scopes[0].End > o.span.Start {
				continue // not trailing
			}
			for k, s := range cands[i].scopes {
				if s.Start < o.span.Start && o.span.Start < s.End {
					e := o.span.Start
					for e > s.Start && strings.IndexByte(" ,;:", a.text[e-1]) >= 0 {
						e--
					}
					cands[i].scopes[k].End = e
				}
			}
		}
	}
}

// cue reads the attribution around the reporting verb v, if any.
func (a *annotation) cue(s sitrep.Span, v, lo, hi int) {
	if a.isWord(v-1, "to") {
		// An infinitive is wanted or expected, not reported: "urged
		// Albright to tell Americans", "declined to say".
		return
	}
	if a.is(v, cNounVerb) && !a.reportsClause(v+1, hi) {
		// "all NATO member states have approved", "in seven states and
		// Italy": the noun, not the verb.
		return
	}
	// Auxiliaries and adverbs may stand between subject and verb ("has
	// previously said"); a negation means nothing is attributed, a form of
	// "be" that the subject is not the source ("was told").
	j, passive := v-1, false
	for n := 0; j >= lo && n < 4; n++ {
		if a.toks[j].Kind != sitrep.Word || a.ent[j] >= 0 {
			break
		}
		c := a.cls[j]
		if c&cNeg != 0 {
			return
		}
		if c&(cAux|cPassive) == 0 {
			break
		}
		passive = passive || c&cPassive != 0
		j--
	}
	var (
		cites     []party
		subj      []party
		spanFirst int // first token of the attribution phrase
		pauseTok  = -1
		after     = v + 1 // first token after the verb and an inverted subject
		ok        bool
		// parenthetical marks a pronoun subject of a verb between commas.
		parenthetical bool
		// relative marks a verb in a relative clause set off by a comma.
		relative bool
	)
	switch {
	case passive:
	case j >= lo && a.isComma(j):
		subj, spanFirst, cites, ok = a.apposition(j, lo)
		pauseTok = spanFirst - 1
	case j-2 >= lo && a.isComma(j-1) && (a.isWord(j, "which") || a.isWord(j, "who")):
		// "Harbor Telecom, which has maintained that ...,": the
		// phrase before the comma is the subject.
		subj, spanFirst, ok = a.phraseBack(j-2, lo)
		for t := j - 3; !ok && t > lo && t > j-2-maxPhrase; t-- {
			if a.is(t, cPrep) {
				// The object of a preposition: "heard by the ministry, which".
				subj, spanFirst, ok = a.phraseBack(j-2, t+1)
				break
			}
		}
		if ok && len(subj) == 1 && subj[0].kind == pNamed {
			// The name is often an object: "decided not to use Silva, who".
			for spanFirst < subj[0].last && a.unknownLower(spanFirst) {
				spanFirst++
			}
		}
		// So is a noun after its verb: "the policy faced critics, who
		// argued", "The plan angered residents, who said". A verb follows
		// a word other than a determiner; "the armed men" keep "armed".
		if ok {
			verb := -1
			for t := spanFirst; t < j-2; t++ {
				if t > lo && a.toks[t-1].Kind == sitrep.Word && !a.is(t-1, cDet) &&
					a.unknownLower(t) && strings.HasSuffix(a.word(t), "ed") {
					verb = t
				}
			}
			if verb >= 0 {
				subj, spanFirst, ok = a.phraseBack(j-2, verb+1)
			}
		}
		pauseTok, relative = spanFirst-1, true
	case j >= lo:
		subj, spanFirst, ok = a.subjectBack(j, lo)
		pauseTok = spanFirst - 1
		if !ok && j == v-1 && a.parentheticalPronoun(j, lo, hi) {
			// "The summit, she said, would produce ...": no quote is
			// made of a parenthetical, so its pronoun is read here; the
			// quote annotator's resolution names it when it has one.
			subj = []party{{first: j, last: j, kind: pPronoun, text: a.word(j), person: isPersonalPronoun(a.word(j))}}
			spanFirst, pauseTok, ok, parenthetical = j, j-1, true, true
		}
	}
	var quoted []party // the subject of "was quoted by X as saying"
	if !ok && (a.isWord(v+1, "by") || passive) {
		// "as first reported by NBC", "was reported by Reuters": the agent.
		by := v + 1
		if a.cls[v]&cQuoteVerb != 0 {
			by = a.skipTime(by, hi) // "was quoted Friday by local media"
		}
		if !a.isWord(by, "by") {
			return
		}
		var last int
		subj, last, ok = a.phraseFwd(by+1, hi)
		if ok {
			subj, last = a.namedAfterTitle(subj, last, hi)
		}
		spanFirst, after, pauseTok = v, last+1, v-1
		if ok && a.isWord(v-1, "as") {
			spanFirst, pauseTok = v-1, v-2
		}
		if ok && passive && a.cls[v]&cQuoteVerb != 0 && j >= lo && subj[0].kind != pPronoun {
			// "An official was quoted by local media as saying": the
			// outlet is the source, citing the official.
			if q, f, found := a.subjectBack(j, lo); found && q[0].kind != pPronoun {
				quoted, spanFirst, pauseTok = q, f, f-1
				if a.isWord(after, "as") && a.isWord(after+1, "saying") {
					after += 2
				}
			}
		}
	}
	if !ok && !passive && (v == lo || a.isPause(v-1)) && a.cls[v]&cTell == 0 {
		// Inverted: "..., said the ministry." A phrase followed by an
		// auxiliary is the subject of the reported clause, not the
		// source: ", said 12 civilians were killed". What follows
		// "told" is whom it was told to ("..., told reporters"), never
		// who told it, and a preposition opens an adjunct, not a
		// subject ("Reports in Kenya said" is the noun "Reports").
		var last int
		subj, last, ok = a.phraseFwd(v+1, hi)
		if ok {
			subj, last = a.namedAfterTitle(subj, last, hi)
		}
		ok = ok && !a.is(last+1, cAux|cPassive) && !a.is(v+1, cPrep)
		spanFirst, after, pauseTok = v, last+1, v-1
	}
	if !ok || !parenthetical && (subj[0].kind == pPronoun || subj[len(subj)-1].kind == pPronoun) {
		return
	}
	if !inverted(spanFirst, v) && (a.isWord(spanFirst-1, "which") || a.isWord(spanFirst-1, "that") || a.isWord(spanFirst-1, "whom")) &&
		(v+1 >= hi || a.isPause(v+1) || a.isTerminal(v+1)) {
		// A relative clause whose verb has no clause after it: what was
		// said is the noun before it ("The bombing, which Islamic State
		// claimed, killed"). "a coma which his lawyer said lasted three
		// months" still attributes.
		return
	}
	if a.is(v, cShow) {
		// Only a document shows what it reports: "figures show", not
		// "police showed reporters the site".
		for _, p := range subj {
			if !p.doc || inverted(spanFirst, v) {
				return
			}
		}
	}
	if a.isWord(v, "reports") && !inverted(spanFirst, v) {
		// "reports" is also a noun: "media reports", "Recent reports". Only
		// a named source makes it a verb: "NBC reports".
		for _, p := range subj {
			if p.kind != pNamed || a.ent[p.last] < 0 {
				return
			}
		}
	}
	if a.is(v, cClausal) && !inverted(spanFirst, v) && !a.clauseFollows(v+1, hi) {
		// "maintained a policy", "insisted on concessions": no report.
		return
	}
	if a.isWord(v, "report") && j == v-1 && !inverted(spanFirst, v) && len(subj) == 1 &&
		(subj[0].kind == pNamed || a.isWord(spanFirst, "a") || a.isWord(spanFirst, "an") || a.is(v+1, cCue)) {
		// The verb "report" agrees with a plural: after one name or "a"
		// it is the noun ("A UN report obtained by", "the UN report said").
		return
	}
	end := max(v, after-1) // last token of the attribution phrase
	k := after
	var outlet *party
	if quoted != nil {
		outlet, subj = &subj[0], quoted
	}

	c := a.cls[v]
	if c&cTell != 0 && after == v+1 {
		if o, last, found := a.outletAt(k, hi); found {
			outlet, end, k = &o, last, last+1
		} else if last, found := a.addressee(k, hi); found {
			end, k = last, last+1
		}
	}
	if c&cQuoteVerb != 0 && after == v+1 && a.isWord(k, "by") {
		// "officials quoted by the newspaper said": the newspaper is the
		// source, citing the officials.
		ps, last, found := a.phraseFwd(k+1, hi)
		if !found || ps[0].kind == pPronoun {
			return
		}
		outlet, cites, subj = &ps[0], subj, nil
		end, k = last, last+1
		if a.is(k, cCue) {
			end, k = k, k+1
		}
	} else if c&cQuoteVerb != 0 && after == v+1 {
		// "NBC quoted an official as saying". A pronoun object is a person
		// only before "as saying" ("AP quoted him as saying"); the quote
		// annotator's resolution of it names the cited person (addQuotes).
		ps, last, found := a.phraseFwd(k, hi)
		if !found || ps[0].kind == pPronoun && !(a.isWord(last+1, "as") && a.isWord(last+2, "saying")) {
			return
		}
		if ps[0].kind == pPronoun {
			ps[0].person = isPersonalPronoun(ps[0].text)
		}
		cites = append(cites, ps...)
		end, k = last, last+1
		if a.isWord(k, "as") && a.isWord(k+1, "saying") {
			end, k = k+1, k+2
		}
	}
	for n := 0; n < 2; n++ {
		if o, last, found := a.adjunct(k, hi); found {
			end, k = last, last+1
			if o != nil && outlet == nil {
				outlet = o
			}
			continue
		}
		break
	}
	if ps, last, found := a.citing(k, hi); found {
		cites = append(cites, ps...)
		end, k = last, last+1
	}

	if t, ok := a.trailingTime(k, hi); ok {
		// "<scope>, the Los Angeles Times reported Friday.": a date that
		// ends the sentence opens no reported clause.
		k = t
	}
	span := sitrep.Span{Start: a.toks[spanFirst].Start, End: a.toks[end].End}
	if relative {
		scope, closed, found := a.relativeScope(lo, hi, k)
		if !found {
			return
		}
		n := len(a.cands)
		a.add(span, scope, subj, outlet, cites)
		if closed && scope.End <= math.MaxInt32 {
			for i := n; i < len(a.cands); i++ {
				a.cands[i].clauseEnd = int32(scope.End)
			}
		}
		return
	}
	scope := a.scope(s, lo, hi, pauseTok, k)
	a.add(span, scope, subj, outlet, cites)
}

// relativeScope returns the scope of a verb in a relative clause set off by
// commas, whose complement starts at token k: the complement, after a
// "that", up to the comma or dash that closes the clause ("Harbor Telecom, which
// has maintained that <scope>, declined"), or to the sentence's end; closed
// says whether a comma or dash closed it. The rest of the sentence is the main
// clause's, not the source's. ok is false when no complement follows.
func (a *annotation) relativeScope(lo, hi, k int) (scope sitrep.Span, closed, ok bool) {
	start := k
	if t, found := a.complementizer(k, hi); found {
		start = t + 1
	}
	if start >= hi || a.isPause(start) || a.isTerminal(start) {
		return sitrep.Span{}, false, false
	}
	sentEnd := a.sentenceEnd(lo, hi)
	for t := start + 1; t < hi && a.toks[t].Start < sentEnd; t++ {
		switch a.word(t) {
		case "—", "–", "--":
		case ",":
			if a.dateComma(t) || a.placeComma(t) {
				continue
			}
		default:
			continue
		}
		return sitrep.Span{Start: a.toks[start].Start, End: a.toks[t-1].End}, true, true
	}
	return sitrep.Span{Start: a.toks[start].Start, End: max(sentEnd, a.toks[start].End)}, false, true
}

// unknownLower reports whether token t is a lower-case word outside every
// entity and lexicon: a verb, say, before a name.
func (a *annotation) unknownLower(t int) bool {
	return a.ent[t] < 0 && a.cls[t] == 0 && a.toks[t].Kind == sitrep.Word && !isCapitalized(a.word(t))
}

// maxRelative bounds, in tokens, a relative clause skipped between a
// subject and its verb.
const maxRelative = 12

// subjectBack reads the subject of a verb whose auxiliaries end at token j,
// as phraseBack does, skipping a relative clause on "who" between them:
// "Residents who fled the town said", "A senior official who asked not to
// be named said". The object inside the clause is not the source.
func (a *annotation) subjectBack(j, lo int) ([]party, int, bool) {
	for t := j - 1; t > lo && t >= j-maxRelative; t-- {
		if a.ent[t] >= 0 {
			continue
		}
		if a.isWord(t, "who") {
			if e := a.ent[j]; e >= 0 && int(a.entFirst[e]) == t+1 {
				// "who Meissner said is anxious": a name right after
				// "who" is the subject, "who" the object.
				return a.phraseBack(j, lo)
			}
			// The clause's object is never the source, found or not.
			return a.phraseBack(t-1, lo)
		}
		if w := a.word(t); w == "'s" || w == "’s" || w == "'" || w == "’" {
			continue // a possessive: "the boy's return"
		}
		if a.toks[t].Kind == sitrep.Punctuation || a.cls[t]&(cBoundary|cCue|cAccording|cCiting) != 0 {
			break
		}
	}
	return a.phraseBack(j, lo)
}

// parentheticalPronoun reports whether the pronoun at token j is the
// subject of a verb set off by commas inside its sentence ("In the
// aftermath, she said, NATO must", "If you are not Cuban, they said,
// you"): the quote annotator makes no quote of such a clause, so the
// attribution would otherwise be lost. "I", "we" and "you" are left out:
// inside a quotation they are the quoted speaker's.
func (a *annotation) parentheticalPronoun(j, lo, hi int) bool {
	switch string(a.lower(j)) {
	case "he", "she", "they", "it":
	default:
		return false
	}
	k := a.skipTime(j+2, hi) // j+1 is the verb; "she said Tuesday,"
	return j-1 > lo && a.isComma(j-1) && k < hi-1 && a.isComma(k)
}

// inverted reports whether the attribution phrase starts with its verb.
func inverted(spanFirst, v int) bool { return spanFirst >= v }

// scope returns the text an attribution covers: pause is the token before
// the attribution phrase (-1 or below lo when it starts the sentence), k the
// first token after it.
func (a *annotation) scope(s sitrep.Span, lo, hi, pause, k int) sitrep.Span {
	sentEnd := a.sentenceEnd(lo, hi)
	endsSentence := k >= hi || a.isTerminal(k) ||
		a.isClosingQuote(k) && (k+1 >= hi || a.isTerminal(k+1))
	pausedBefore := pause >= lo && a.isPause(pause)
	switch {
	case pausedBefore && endsSentence && pause > lo:
		// "<scope>, Reuters reported."
		e := pause - 1
		for e > lo && a.isPause(e) {
			e--
		}
		return sitrep.Span{Start: a.toks[lo].Start, End: a.toks[e].End}
	case endsSentence:
		return sitrep.Span{Start: sentEnd, End: sentEnd}
	}
	if t, ok := a.complementizer(k, hi); ok {
		if t+1 < hi {
			return sitrep.Span{Start: a.toks[t+1].Start, End: max(sentEnd, a.toks[t+1].Start)}
		}
		return sitrep.Span{Start: sentEnd, End: sentEnd}
	}
	if pausedBefore && a.isComma(a.skipTime(k, hi)) {
		// "The strike, officials said, killed ...", also "said Tuesday,".
		return sitrep.Span{Start: a.toks[lo].Start, End: sentEnd}
	}
	for k < hi && a.isPause(k) {
		k++
	}
	if k >= hi || a.toks[k].Start >= sentEnd {
		return sitrep.Span{Start: sentEnd, End: sentEnd}
	}
	return sitrep.Span{Start: a.toks[k].Start, End: sentEnd}
}

// skipTime returns the first token at or after k that is not part of a
// short time adjunct ("Tuesday", "on Monday", "last week").
func (a *annotation) skipTime(k, hi int) int {
	m := k
	for ; m < hi && m < k+3 && (a.is(m, cTime) || a.isWord(m, "on") || a.isWord(m, "last")); m++ {
	}
	if m > k && !a.is(m-1, cTime) {
		return k // "on" or "last" alone is no time
	}
	return m
}

// maxTimeWords bounds the words of a time adjunct after a verb.
const maxTimeWords = 5

// trailingTime reads a time adjunct at token k that ends the sentence
// ("Friday", "on Monday", "late last week") and returns the token after it.
func (a *annotation) trailingTime(k, hi int) (int, bool) {
	timed := false
	m := k
	for ; m < hi && m < k+maxTimeWords; m++ {
		switch {
		case a.is(m, cTime|cMonth) || a.toks[m].Kind == sitrep.Number:
			timed = true
		case a.is(m, cDet) || a.isWord(m, "on") || a.isWord(m, "in") || a.isWord(m, "at") ||
			a.isWord(m, "last") || a.isWord(m, "next") || a.isWord(m, "past") ||
			a.isWord(m, "late") || a.isWord(m, "early"):
		default:
			return m, timed && m > k && (a.isTerminal(m) || a.isClosingQuote(m) && (m+1 >= hi || a.isTerminal(m+1)))
		}
	}
	return m, timed && m >= hi
}

// complementizer finds the "that" opening the reported clause at or shortly
// after token k: "reported, citing ..., that", "said on Monday that".
func (a *annotation) complementizer(k, hi int) (int, bool) {
	for m := k; m < hi && m < k+maxComplementizer; m++ {
		if a.isWord(m, "that") {
			return m, true
		}
		if a.ent[m] >= 0 || a.isComma(m) || a.toks[m].Kind == sitrep.Number {
			continue
		}
		if a.toks[m].Kind != sitrep.Word || a.cls[m]&(cPrep|cTime|cDet|cMonth) == 0 {
			return 0, false
		}
	}
	return 0, false
}

// reportsClause reports whether what follows a verb that is also a plural
// noun ("states") at token k makes it the verb: "that", a colon or a
// quotation mark, or the end of the sentence ("..., the charter states.").
func (a *annotation) reportsClause(k, hi int) bool {
	if k >= hi || a.isTerminal(k) || a.isClosingQuote(k) && (k+1 >= hi || a.isTerminal(k+1)) {
		return true
	}
	switch a.word(k) {
	case "that", ":", "“", "\"":
		return true
	}
	return false
}

// clauseFollows reports whether what follows a verb at token k is a
// reported clause or a quote rather than a noun phrase: "insisted that",
// "maintained it was", "insisted:", "insisted." but not "maintained a policy"
// or "insisted on concessions". A clause without "that" is known by a
// subject pronoun or a finite auxiliary within a few words.
func (a *annotation) clauseFollows(k, hi int) bool {
	if k >= hi || a.isPause(k) || a.isTerminal(k) || a.word(k) == "“" || a.word(k) == "\"" {
		return true
	}
	if _, ok := a.complementizer(k, hi); ok {
		return true
	}
	if a.is(k, cPrep) {
		return false
	}
	switch string(a.lower(k)) {
	case "he", "she", "they", "we", "i":
		return true
	}
	for m := k; m < hi && m < k+maxComplementizer; m++ {
		if a.ent[m] >= 0 {
			continue
		}
		if a.isPause(m) || a.isTerminal(m) || a.is(m, cBoundary) {
			return false
		}
		if a.is(m, cPassive) || a.finiteAux(m) {
			return true
		}
	}
	return false
}

// finiteAux reports whether token t is a finite auxiliary or form of "be",
// which makes the words around it a clause.
func (a *annotation) finiteAux(t int) bool {
	if a.ent[t] >= 0 || a.toks[t].Kind != sitrep.Word {
		return false
	}
	if a.is(t, cPassive) {
		return !a.isWord(t, "be") && !a.isWord(t, "been") && !a.isWord(t, "being")
	}
	switch string(a.lower(t)) {
	case "has", "have", "had", "would", "will", "could", "might", "can", "should", "must", "did", "does", "do":
		return true
	}
	return false
}

// apposition reads the subject of a verb preceded by a comma, skipping an
// apposition: "Geoff Garmany, associate professor of ..., told". An
// apposition "citing X" gives the cited parties: "CNN, citing a US
// official, reported".
func (a *annotation) apposition(j, lo int) (subj []party, first int, cites []party, ok bool) {
	// finite marks a finite verb seen since the last relative pronoun: the
	// words between the commas are then a clause, not an apposition
	// ("Slepian, a gynecologist, has become a factor ..., say").
	finite := false
	for c := j - 1; c > lo && c >= j-maxApposition; c-- {
		if a.ent[c] >= 0 {
			continue
		}
		w := a.word(c)
		if a.isClosingQuote(c) || w == ";" || w == ":" || w == "“" || a.isTerminal(c) ||
			a.cls[c]&(cCue|cAccording) != 0 && a.cls[c]&nounClasses == 0 {
			return nil, 0, nil, false
		}
		switch string(a.lower(c)) {
		case "who", "whom", "whose", "which", "that":
			finite = false // "Garmany, who has taught ..., said"
		default:
			finite = finite || a.finiteAux(c)
		}
		if w != "," {
			continue
		}
		if finite {
			return nil, 0, nil, false
		}
		h := c - 1
		if a.is(h, cReport) {
			// "The report, seen by Reuters, said": the outlet that holds
			// the document reports, citing it.
			if holder, last, held := a.heldBy(c+1, j); held && last == j-1 {
				if doc, first, ok := a.phraseBack(h, lo); ok && len(doc) == 1 {
					doc[0].holder = &holder
					return doc, first, nil, true
				}
			}
		}
		if p, ok := a.appositiveName(c, j); ok {
			// "the Foreign Minister of Libya, Abdel Rahman Shalgham, said":
			// the name between the commas is the source.
			first := c + 1
			if _, f, ok := a.phraseBack(h, lo); ok {
				first = f
			}
			return []party{p}, first, nil, true
		}
		if e := a.ent[h]; e >= 0 && a.ents[e].Type != "PERSON" && a.ents[e].Type != "ORG" ||
			e < 0 && a.cls[h]&(cAnon|cBody|cRole) == 0 {
			continue
		}
		subj, first, ok = a.phraseBack(h, lo)
		if ok {
			cites, _, _ = a.citing(c+1, j)
		}
		return subj, first, cites, ok
	}
	return nil, 0, nil, false
}

// appositiveName reads the tokens between the commas c and j as a person's
// name that follows a title: "France, Nicolas Sarkozy, said". It does not
// when the phrase before the comma is itself a person ("Garmany, a
// professor, said").
func (a *annotation) appositiveName(c, j int) (party, bool) {
	if c+1 >= j || a.ent[c-1] >= 0 && a.ents[a.ent[c-1]].Type == "PERSON" {
		return party{}, false
	}
	e := a.ent[j-1]
	if e < 0 || a.ents[e].Type != "PERSON" || a.personAfterRank(c+1) != int(a.entFirst[e]) {
		return party{}, false
	}
	return a.analyze(int(a.entFirst[e]), j-1)
}

// personAfterRank returns the first token of the person named at token n,
// after any rank the tagger left out of the name ("Lt. Col. Mark
// Ballesteros", a rank it may even have taken for an organization), or -1.
// The titles the linker recorded for the person say the words were a rank.
func (a *annotation) personAfterRank(n int) int {
	for t := n; t < len(a.toks) && t <= n+maxRank; t++ {
		if e := a.ent[t]; e >= 0 && a.ents[e].Type == "PERSON" && int(a.entFirst[e]) == t {
			if t > n && len(a.ents[e].Titles) == 0 {
				return -1
			}
			return t
		}
		if w := a.word(t); w != "." && (a.toks[t].Kind != sitrep.Word || w[0] < 'A' || w[0] > 'Z') {
			return -1
		}
	}
	return -1
}

// namedAfterTitle reads the person named after the comma that ends the
// title ps, whose last token is last: "said a UNHCR protection officer,
// Yolande Ditewig", "according to the governor of Sonora, Alfonso Durazo,".
// The person is the source, as in "the president of France, Nicolas
// Sarkozy, said"; it returns the parties and last token to use.
func (a *annotation) namedAfterTitle(ps []party, last, hi int) ([]party, int) {
	if len(ps) != 1 || ps[0].kind == pPronoun || ps[0].doc || ps[0].kind == pNamed && ps[0].person ||
		!a.isComma(last+1) || last+2 >= hi {
		return ps, last
	}
	f := a.personAfterRank(last + 2)
	if f < 0 {
		return ps, last
	}
	l := int(a.entLast[a.ent[f]])
	if l+1 < hi && !a.isPause(l+1) && !a.isTerminal(l+1) {
		return ps, last
	}
	if p, ok := a.analyze(f, l); ok {
		return []party{p}, l
	}
	return ps, last
}

// addressee returns the last token of the addressee of "told" at k when it
// is not an outlet: "told reporters", "told a news conference".
func (a *annotation) addressee(k, hi int) (int, bool) {
	last := -1
	for t := k; t < hi && t < k+5; t++ {
		if e := a.ent[t]; e >= 0 {
			t = min(int(a.entLast[e]), hi-1)
			last = t
			continue
		}
		if a.toks[t].Kind != sitrep.Word || a.stopsPhrase(t) || a.cls[t]&cPrep != 0 {
			break
		}
		last = t
	}
	return last, last >= k
}

// adjunct matches a phrase after the verb that belongs to the attribution:
// "in a statement", "in an interview with CNN", "to Reuters". It returns
// the outlet it names, if any.
func (a *annotation) adjunct(k, hi int) (*party, int, bool) {
	if !a.is(k, cPrep) {
		return nil, 0, false
	}
	if a.isWord(k, "to") || a.isWord(k, "with") {
		if o, last, ok := a.outletAt(k+1, hi); ok {
			return &o, last, true
		}
		return nil, 0, false
	}
	if !a.isWord(k, "in") && !a.isWord(k, "on") && !a.isWord(k, "during") {
		return nil, 0, false
	}
	for m := k + 1; m < hi && m < k+5; m++ {
		if a.is(m, cStatement) {
			if a.isWord(m+1, "with") || a.isWord(m+1, "to") || a.isWord(m+1, "on") || a.isWord(m+1, "by") {
				if o, last, ok := a.outletAt(m+2, hi); ok {
					return &o, last, true
				}
			}
			return nil, m, true
		}
		if a.toks[m].Kind != sitrep.Word || a.ent[m] >= 0 || a.cls[m]&(cDet|cCount) == 0 && a.cls[m]&nounClasses == 0 && m > k+3 {
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// citing reads ", citing X" or "quoting X" at token k: the cited parties and
// the last token.
func (a *annotation) citing(k, hi int) ([]party, int, bool) {
	if a.isComma(k) {
		k++
	}
	if !a.is(k, cCiting) {
		return nil, 0, false
	}
	ps, last, ok := a.phraseFwd(k+1, hi)
	if !ok || ps[0].kind == pPronoun {
		return nil, 0, false
	}
	a.used[k] = true
	return ps, last, true
}

// according reads "according to X" at token i.
func (a *annotation) according(s sitrep.Span, i, lo, hi int) {
	subj, last, ok := a.phraseFwd(i+2, hi)
	if !ok || subj[0].kind == pPronoun {
		return
	}
	subj, last = a.namedAfterTitle(subj, last, hi)
	end, k := last, last+1
	var cites []party
	if ps, l, found := a.citing(k, hi); found {
		cites, end, k = ps, l, l+1
	}
	var scope sitrep.Span
	sentEnd := a.sentenceEnd(lo, hi)
	startsSentence := i == lo || i == lo+1 && !a.isComma(lo) && a.toks[lo].Kind == sitrep.Punctuation
	switch {
	case startsSentence:
		// "According to X, <scope>."
		for k < hi && a.isPause(k) {
			k++
		}
		if k < hi && a.toks[k].Start < sentEnd {
			scope = sitrep.Span{Start: a.toks[k].Start, End: sentEnd}
		}
	default:
		scope = a.scope(s, lo, hi, i-1, k)
	}
	span := sitrep.Span{Start: a.toks[i].Start, End: a.toks[end].End}
	a.add(span, scope, subj, nil, cites)
}

// strayCiting attaches a "citing X" that no verb took to the nearest
// attribution of the sentence before it: "NBC reported the plan on Monday,
// citing officials".
func (a *annotation) strayCiting(first, lo, hi int) {
	if first == len(a.cands) {
		return
	}
	// Only the last few attributions of a long run are candidates, so a
	// sentence of many verbs and many "citing" stays linear.
	first = max(first, len(a.cands)-maxPerSentence)
	for t := lo; t < hi; t++ {
		if a.used[t] || !a.is(t, cCiting) {
			continue
		}
		ps, _, ok := a.citing(t, hi)
		if !ok {
			continue
		}
		target := -1
		for c := first; c < len(a.cands); c++ {
			if a.cands[c].span.End <= a.toks[t].Start && (target < 0 || a.cands[c].span.End >= a.cands[target].span.End) {
				target = c
			}
		}
		if target < 0 {
			continue
		}
		for c := first; c < len(a.cands); c++ {
			if a.cands[c].span == a.cands[target].span {
				for _, p := range ps {
					a.cands[c].cites = append(a.cands[c].cites, p.cited())
				}
			}
		}
	}
}

// add records one attribution per source: the subject parties, or the
// outlet citing them.
func (a *annotation) add(span, scope sitrep.Span, subj []party, outlet *party, cites []party) {
	var scopes []sitrep.Span
	if scope.Len() > 0 {
		scopes = []sitrep.Span{scope}
	}
	if outlet == nil && len(subj) == 1 && subj[0].holder != nil {
		outlet = subj[0].holder
	}
	if outlet != nil {
		c := candidate{span: span, source: outlet.source(), outlet: true, scopes: scopes}
		for _, p := range subj {
			c.cites = append(c.cites, p.cited())
		}
		for _, p := range cites {
			c.cites = append(c.cites, p.cited())
		}
		a.cands = append(a.cands, c)
		return
	}
	for _, p := range subj {
		c := candidate{span: span, source: p.source(), outlet: p.outlet, scopes: scopes, person: p.person}
		if p.anaphor {
			if ante := a.antecedent(span.Start); ante >= 0 {
				c.source.Name = a.cands[ante].source.Name
				c.outlet = true
			}
		}
		if p.kind == pAnon {
			c.cites = append(c.cites, p.cited())
		}
		for _, q := range cites {
			c.cites = append(c.cites, q.cited())
		}
		a.cands = append(a.cands, c)
	}
}

// antecedent returns the last attribution to an outlet before byte at, within
// a bounded look-back, or -1.
func (a *annotation) antecedent(at int) int {
	for c := len(a.cands) - 1; c >= 0 && c >= len(a.cands)-anaphorCands; c-- {
		x := a.cands[c]
		if x.span.Start < at && at-x.span.End <= anaphorBytes && x.outlet {
			return c
		}
	}
	return -1
}
