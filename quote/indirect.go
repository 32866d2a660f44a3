package quote

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// findIndirect finds reported speech outside quotation marks:
//
//   - SUBJECT CUE [ADDRESSEE] [that] CLAUSE: "Sheinbaum has previously said
//     she opposes ...", "Garmany told Al Jazeera that ...", "NBC reported,
//     citing two administration officials, that ...";
//   - CLAUSE, SUBJECT CUE.: "..., Reuters and NBC reported.";
//   - According to X, CLAUSE. and CLAUSE, according to X.
//
// The clause runs to the end of its sentence, cut before a trailing
// attribution (", Reuters reported"), a participle clause in the writer's
// voice (", reviving a controversial concept"), "according to", or a quote
// that reads as speech.
func (a *analysis) findIndirect() {
	d := 0 // next direct quote that may contain token k
	for k := 0; k < len(a.toks); k++ {
		for d < len(a.directs) && a.directEnd(d) <= k {
			d++
		}
		if d < len(a.directs) && a.directs[d].open <= k {
			k = a.directEnd(d) - 1 // inside quotation marks: the quote's own words
			continue
		}
		if a.according(k) {
			a.accordingTo(k)
			continue
		}
		kind := a.cueAt(k)
		if kind == noCue || kind == cueQuote {
			continue
		}
		lo, hi := int(a.sentLo[k]), int(a.sentHi[k])
		subj, ok := a.subjectBefore(k, lo)
		// "Officials, speaking on condition of anonymity, said ...": the
		// comma before the cue closes the subject's apposition; else it
		// may close a clause reported by the subject after the cue.
		if kind != cueTell && !(ok && subj.hi < k-1 && a.tok(subj.hi) == ",") {
			if sp, r, ok := a.invertedTrailing(k, lo, hi); ok {
				a.cands = append(a.cands, cand{prio: prioIndirect, cue: a.tok(k), speaker: r, para: a.para[k], span: sp})
				continue
			}
		}
		if !ok {
			continue
		}
		c := cand{prio: prioIndirect, cue: a.tok(k), speaker: subj, para: a.para[k]}
		i := k + 1
		if kind == cueTell {
			addr, ok := a.addresseeAfter(i, hi)
			if !ok {
				continue
			}
			c.addressee, i = addr, addr.hi
		}
		// "said today there was", "said on Monday he would": a time
		// between the cue and a clause that opens with its subject.
		if j := a.afterTimeAdjunct(i, hi); j > i && j < hi && (isSubjectPronoun(a.tok(j)) || a.bareClause(j, hi)) {
			i = j
		}
		start := -1
		if t := a.clauseThat(i, hi); t >= 0 {
			i = t // "said privately on Monday that": the clause follows "that"
		}
		switch {
		case i >= hi:
		case a.tok(i) == "that":
			start = i + 1
		case a.tok(i) == "," && subj.lo == lo+1 && (a.tok(lo) == "As" || a.tok(lo) == "as"):
			start = i + 1 // As Heald told The Huffington Post, CLAUSE
		case a.tok(i) == "," || in(prepositions, a.tok(i)) || in(weekdays, a.tok(i)):
			for j := i; j < hi && j < i+maxThatLook; j++ {
				if a.tok(j) == "that" && a.relativeThat(j, hi) {
					continue // "said in an interview that aired on Sunday that"
				}
				if a.tok(j) == "that" {
					start = j + 1
					break
				}
				if a.terminal(j) || a.isQuoteMark(j) {
					break
				}
			}
		case kind != cueThat && a.toks[i].Kind != sitrep.Punctuation && !in(npStop, a.tok(i)) || isSubjectPronoun(a.tok(i)):
			start = i
		case kind == cueThat && a.bareClause(i, hi):
			start = i // "The results show the camp has kept its majority"
		case kind == cueSay && in(subordinators, a.tok(i)) && i+1 < hi && !a.isGerund(i+1):
			start = i // "Heald said although ..., “...”": the clause opens with its adverbial
		}
		if start < 0 {
			if sp, ok := a.trailing(subj, lo, i, hi); ok {
				c.span = sp
				a.cands = append(a.cands, c)
			}
			continue
		}
		if sp, ok := a.clause(start, hi); ok {
			c.span = sp
			a.cands = append(a.cands, c)
		}
	}
}

// afterDashAside returns the token after an aside set off by dashes at i
// ("According to Tim Keefe – a military spokesman – the memo ..."), or i
// when none opens there.
func (a *analysis) afterDashAside(i, hi int) int {
	if i >= hi || !isDash(a.tok(i)) {
		return i
	}
	for c := i + 1; c < hi && c <= i+maxPhraseWords; c++ {
		if isDash(a.tok(c)) {
			return c + 1
		}
		if a.terminal(c) || a.isQuoteMark(c) {
			break
		}
	}
	return i
}

// clauseThat returns the "that" opening a cue's clause at token i or after
// a few adverbs and a time ("said privately on Monday that", "said that
// day that"), or -1.
func (a *analysis) clauseThat(i, hi int) int {
	for j := i; j < hi && j <= i+maxAdjunctWords; j++ {
		w := a.tok(j)
		if w == "that" && j+1 < hi && in(thatTimes, a.tok(j+1)) {
			j++
			continue
		}
		if w == "that" {
			return j
		}
		if !(in(auxAdverbs, w) || in(timeAdverbs, w) || in(weekdays, w) || in(timePeriods, w) || w == "on" || a.isAdverb(j)) {
			return -1
		}
	}
	return -1
}

// relativeThat reports a "that" at j that opens a relative clause on the
// noun before it, not a reported clause: its verb follows at once ("an
// interview that aired on Sunday", "a statement that was released"), not a
// participle before a noun ("that killed civilians deserve justice").
func (a *analysis) relativeThat(j, hi int) bool {
	if j+2 >= hi {
		return false
	}
	w := a.tok(j + 1)
	return in(clauseAux, w) || isLowerStart(w) && len(w) > 4 && strings.HasSuffix(w, "ed") &&
		(in(prepositions, a.tok(j+2)) || a.terminal(j+2) || a.tok(j+2) == ",")
}

// isDash reports a dash standing as a token of its own (a hyphen inside a
// word is part of the word).
func isDash(w string) bool { return w == "—" || w == "–" || w == "-" || w == "--" }

// afterTimeAdjunct returns the token after a time adverbial at i
// ("today", "Monday", "on Monday", "last week", "that day"), or i when
// none is there.
func (a *analysis) afterTimeAdjunct(i, hi int) int {
	switch {
	case i+1 < hi && in(timeDeictics, a.tok(i)) && in(timePeriods, a.tok(i+1)),
		i+1 < hi && a.tok(i) == "that" && in(thatTimes, a.tok(i+1)),
		i+1 < hi && a.tok(i) == "on" && in(weekdays, a.tok(i+1)):
		return i + 2
	case i < hi && (in(weekdays, a.tok(i)) && !in(timeDeictics, a.tok(i)) || in(timeAdverbs, a.tok(i))):
		return i + 1
	}
	return i
}

// bareClause reports whether the tokens from i open a clause with a
// subject of its own and no "that": a short noun phrase, then an
// auxiliary or modal ("many are not getting", "8000 migrants may be").
// Cues that count only before "that" take such a clause too; an object
// ("revealed plans to build") has no auxiliary so soon.
func (a *analysis) bareClause(i, hi int) bool {
	if i >= hi || a.toks[i].Kind == sitrep.Punctuation || in(npStop, a.tok(i)) && !isSubjectPronoun(a.tok(i)) {
		return false
	}
	for j := i + 1; j < hi && j <= i+maxBareSubject; j++ {
		if a.toks[j].Kind == sitrep.Punctuation || a.isQuoteMark(j) || in(bareClauseStop, a.tok(j)) {
			return false
		}
		if in(clauseAux, a.tok(j)) {
			return true
		}
	}
	return false
}

func isSubjectPronoun(w string) bool {
	_, ok := pronoun(w)
	return ok || w == "it" || w == "there"
}

// directEnd returns one past the last token of direct quote d.
func (a *analysis) directEnd(d int) int {
	return a.directs[d].closeEnd
}

// trailing handles "CLAUSE, SUBJECT CUE." where the cue ends the sentence
// (allowing a few words after it: "said on Monday"). The subject may
// start with words the speaker is not: "the State Department", "German
// defense minister Rudolf Scharping", "Red Cross and ambulance officials".
func (a *analysis) trailing(subj ref, lo, after, hi int) (sitrep.Span, bool) {
	comma := a.commaBefore(subj.lo, lo)
	if comma <= lo || subj.hi-comma-1 > maxTrailingWords || comma-lo > maxClauseTokens {
		return sitrep.Span{}, false
	}
	for j := after; j < hi; j++ {
		if j-after > maxTrailingWords || a.tok(j) == "that" || a.isQuoteMark(j) {
			return sitrep.Span{}, false
		}
		if a.terminal(j) {
			break
		}
	}
	return a.clauseBefore(lo, comma)
}

// commaBefore returns the comma that opens the subject phrase whose head
// starts at token s, or -1: only words of a noun phrase may stand between
// them, no verb that would make the comma another clause's.
func (a *analysis) commaBefore(s, lo int) int {
	for c := s - 1; c > lo && c >= s-1-maxTrailingWords; c-- {
		t := a.tok(c)
		if t == "," {
			if n := a.tok(c + 1); n == "and" || n == "but" || n == "or" {
				return -1 // "..., and police said": a clause of its own
			}
			return c
		}
		if a.toks[c].Kind != sitrep.Word || a.cueAt(c) != noCue || in(clauseAux, t) || isSubjectPronoun(t) ||
			in(npStop, t) && t != "and" && t != "of" { // ", which it claims"
			return -1
		}
	}
	return -1
}

// clauseBefore returns the clause [lo, comma) reported by a trailing
// attribution, unless a cue inside it owns it: "X said Y, Z said" is X's;
// a cue that counts only before "that" owns none ("no reports of ...").
func (a *analysis) clauseBefore(lo, comma int) (sitrep.Span, bool) {
	for j := lo; j < comma; j++ {
		if k := a.cueAt(j); k != noCue && k != cueQuote && (k != cueThat || j+1 < comma && a.tok(j+1) == "that") {
			return sitrep.Span{}, false
		}
	}
	return a.trimmed(lo, comma)
}

// invertedTrailing handles "CLAUSE, said SUBJECT." with the cue at token
// k: "..., said Greg Trevor, a spokesman.", "..., reported the Washington
// Post on Monday." After the subject only an apposition, a time or a
// short adjunct may end the sentence.
func (a *analysis) invertedTrailing(k, lo, hi int) (sitrep.Span, ref, bool) {
	comma := k - 1
	if comma <= lo || a.tok(comma) != "," || comma-lo > maxClauseTokens {
		return sitrep.Span{}, ref{}, false
	}
	r, ok := a.phraseAfter(k+1, hi)
	// A common noun phrase must name people by role ("said a spokesman",
	// "said police"): "The head of the inquiry, Kenneth Piernick, said
	// the search continues" has its clause after the cue.
	if !ok || r.kind == refPhrase && !a.isRole(a.tok(a.headNoun(r))) {
		return sitrep.Span{}, ref{}, false
	}
	j := a.afterTimeAdjunct(r.hi, hi)
	switch {
	case j >= hi || a.terminal(j):
	case a.tok(j) == ",": // an apposition: ", a spokesman for the ministry."
		for ; j < hi && !a.terminal(j); j++ {
			if a.isQuoteMark(j) {
				return sitrep.Span{}, ref{}, false
			}
		}
	case in(prepositions, a.tok(j)): // "in a statement", "on Monday"
		for n := j; n < hi && !a.terminal(n); n++ {
			if n-j > maxTrailingWords || a.isQuoteMark(n) || a.cueAt(n) != noCue || a.tok(n) == "that" || a.tok(n) == "," {
				return sitrep.Span{}, ref{}, false
			}
		}
	default:
		return sitrep.Span{}, ref{}, false
	}
	sp, ok := a.clauseBefore(lo, comma)
	return sp, r, ok
}

// accordingTo handles "according to X" at either end of a sentence.
func (a *analysis) accordingTo(k int) {
	lo, hi := int(a.sentLo[k]), int(a.sentHi[k])
	src, ok := a.phraseAfter(k+2, hi)
	if !ok {
		return
	}
	c := cand{prio: prioIndirect, cue: a.span(k, k+2), speaker: src, para: a.para[k]}
	switch {
	case k == lo || (k == lo+1 && a.isQuoteMark(lo)):
		// According to X, CLAUSE. (or According to Rathbun CLAUSE.)
		from := a.afterDashAside(src.hi, hi)
		j := from
		for j < hi && j < from+maxTrailingWords && a.tok(j) != "," {
			j++
		}
		switch {
		case j < hi && a.tok(j) == ",":
			j++
		case src.kind == refEntity:
			j = from
		default:
			return
		}
		sp, ok := a.clause(j, hi)
		if !ok {
			return
		}
		c.span = sp
	case k-2 >= lo && !in(npStop, a.tok(k-2)) && (a.tok(k-1) == "," || src.hi >= hi || a.terminal(src.hi)):
		// CLAUSE, according to X. (the comma may be missing when X ends the sentence)
		end := k
		if a.tok(k-1) == "," {
			end = k - 1
		}
		if src.hi < hi && a.tok(src.hi) == "," { // X, according to Y, did Z: the whole sentence
			end = hi
		}
		if end-lo > maxClauseTokens {
			return
		}
		sp, ok := a.trimmed(lo, end)
		if !ok {
			return
		}
		c.span = sp
	default:
		return
	}
	a.cands = append(a.cands, c)
}

// clause returns the reported clause starting at token start, cut as
// findIndirect describes.
func (a *analysis) clause(start, hi int) (sitrep.Span, bool) {
	if start >= hi || a.isQuoteMark(start) {
		return sitrep.Span{}, false // a quote introduced by its cue: attachBefore's
	}
	end := min(hi, start+maxClauseTokens)
	d := a.directAtOrAfter(start)
	for j := start; j < end; j++ {
		if d < len(a.directs) && a.directs[d].open == j && a.readsAsSpeech(d) {
			end = j
			break
		}
		for d < len(a.directs) && a.directs[d].open < j {
			d++
		}
		w := a.tok(j)
		if a.terminal(j) && w != "…" {
			end = j
			// “… now and forever.”: keep the closing mark of a quotation
			// that ends the clause within it.
			if d > 0 && a.directs[d-1].close == j+1 && a.directs[d-1].open >= start {
				end = a.directs[d-1].closeEnd // the whole mark: ``…''
			}
			break
		}
		if w != "," {
			continue
		}
		next := j + 1
		if next < hi {
			if f, _, _, width := a.mark(next); f != noFamily {
				next += width
			}
		}
		if next >= hi {
			continue
		}
		if a.according(next) || a.isGerund(next) || a.trailingCue(next, hi) {
			end = j
			if next > j+1 { // keep the closing mark after the comma: “illegal combatants,”
				end = next
			}
			break
		}
	}
	return a.trimmed(start, end)
}

// readsAsSpeech reports whether direct quote d is long enough to be speech
// (not a term inside a reported clause).
func (a *analysis) readsAsSpeech(d int) bool {
	q := a.directs[d]
	return !q.inscribed && (q.words >= speechWords || (q.final && q.words >= 2))
}

func (a *analysis) directAtOrAfter(tok int) int {
	lo, hi := 0, len(a.directs)
	for lo < hi {
		m := (lo + hi) / 2
		if a.directs[m].open < tok {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// isAdverb reports a lowercase word in -ly after no determiner: "quickly",
// "regularly"; not "the elderly" or "family".
func (a *analysis) isAdverb(i int) bool {
	w := a.tok(i)
	return a.toks[i].Kind == sitrep.Word && len(w) > 4 && isLowerStart(w) && strings.HasSuffix(w, "ly") &&
		!in(lyNouns, w) && (i == 0 || !in(determiners, a.tok(i-1)))
}

// isGerund reports a lowercase word ending in -ing that opens a participle
// clause: ", reviving a controversial concept".
func (a *analysis) isGerund(i int) bool {
	w := a.tok(i)
	return a.toks[i].Kind == sitrep.Word && len(w) > 5 && w[0] >= 'a' && w[0] <= 'z' &&
		strings.HasSuffix(w, "ing") && !in(gerundsNotCut, w)
}

// trailingCue reports whether the tokens from i to the sentence's end are
// "SUBJECT CUE ...", a trailing attribution of what precedes.
func (a *analysis) trailingCue(i, hi int) bool {
	for j := i; j < hi && j < i+maxTrailingWords+1; j++ {
		if k := a.cueAt(j); k != noCue && k != cueQuote {
			if j == i {
				return false
			}
			if _, ok := a.subjectBefore(j, i); !ok {
				return false
			}
			n := j + 1
			return n >= hi || a.terminal(n) || a.tok(n) == "," || in(prepositions, a.tok(n)) || in(weekdays, a.tok(n))
		}
		if a.toks[j].Kind == sitrep.Punctuation {
			return false
		}
	}
	return false
}

// trimmed returns the span of tokens [lo, hi) without trailing commas,
// periods, colons and semicolons, when it holds at least minClauseWords words.
func (a *analysis) trimmed(lo, hi int) (sitrep.Span, bool) {
	for hi > lo && a.toks[hi-1].Kind == sitrep.Punctuation {
		switch a.tok(hi - 1) {
		case ",", ".", ":", ";", "—", "–", "-":
			hi--
			continue
		}
		break
	}
	words := 0
	for j := lo; j < hi; j++ {
		if a.toks[j].Kind != sitrep.Punctuation {
			words++
		}
	}
	if words < minClauseWords {
		return sitrep.Span{}, false
	}
	return sitrep.Span{Start: a.toks[lo].Start, End: a.toks[hi-1].End}, true
}
