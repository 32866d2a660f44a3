package quote

import (
	"sort"

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
)

// subjectBefore finds the subject of the cue at token k, looking back no
// further than token lo: a pronoun, an entity mention (possibly followed by
// an appositive between commas, or "who"), or a short noun phrase, with up
// to maxSkippedWords auxiliaries or adverbs between it and the cue. A
// negated cue ("did not say") has no subject.
func (a *analysis) subjectBefore(k, lo int) (ref, bool) {
	j := k - 1
	for skipped := 0; j >= lo && skipped <= maxSkippedWords; skipped++ {
		w := a.tok(j)
		if in(negations, w) || w == "did" {
			return ref{}, false
		}
		if !in(auxAdverbs, w) {
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
		for c := j - 1; c > lo && c >= j-maxAppositive; c-- {
			t := a.tok(c)
			if a.isQuoteMark(c) || t == "." || t == ";" || t == ":" {
				break
			}
			if t == "," {
				if r, ok := a.phraseEndingAt(c-1, lo); ok && r.kind == refEntity {
					return r, true
				}
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
	return a.phraseEndingAt(j, lo)
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
	if in(npStop, w) || in(determiners, w) || a.toks[j].Kind == sitrep.Number {
		return ref{}, false
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
	return ref{lo: start, hi: j + 1, kind: refPhrase}, true
}

// phraseAfter reads a speaker or addressee phrase starting at token i, no
// further than token hi: a pronoun, an entity mention (titles before it
// allowed: "said President Trump"), or a short noun phrase.
func (a *analysis) phraseAfter(i, hi int) (ref, bool) {
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
	end := i
	for c := i; c < hi && c-i < maxPhraseWords; c++ {
		if e := a.entityStartingAt(a.toks[c].Start); e >= 0 {
			return ref{lo: i, hi: a.tokenAt(a.ents[e].End-1) + 1, kind: refEntity, ent: e}, true
		}
		t := a.tok(c)
		if a.toks[c].Kind == sitrep.Punctuation || in(npStop, t) || a.cueAt(c) != noCue || (c > i && in(determiners, t)) {
			break
		}
		end = c + 1
	}
	if end == i || in(determiners, a.tok(end-1)) {
		return ref{}, false
	}
	return ref{lo: i, hi: end, kind: refPhrase}, true
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
