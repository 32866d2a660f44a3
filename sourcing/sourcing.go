package sourcing

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// Annotator fills Doc.Sourcing and Quantity.Sourcing.
type Annotator struct{}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "sourcing" }

// Version names the behaviour of the annotator; it changes whenever its
// output for some input does.
func (Annotator) Version() string { return "9" }

// Annotate implements sitrep.Annotator. It replaces Doc.Sourcing and sets
// the Sourcing of every quantity (nil when no attribution covers it).
func (Annotator) Annotate(d *sitrep.Doc) error {
	toks, sents := d.Tokens, d.Sentences
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokenize(d.Text)
		sents = text.Sentences(d.Text, toks)
	}
	if len(sents) == 0 && len(toks) > 0 {
		sents = []sitrep.Span{{Start: 0, End: len(d.Text)}}
	}
	a := newAnnotation(d, toks)
	for _, s := range sents {
		lo, hi := a.tokenRange(s)
		if hi > lo {
			a.sentence(s, lo, hi)
		}
	}
	// Quotes are matched against the attributions found in the text by
	// position, so those must be in text order first.
	slices.SortStableFunc(a.cands, func(x, y candidate) int { return x.span.Start - y.span.Start })
	a.addQuotes(d.Quotes)
	a.emit(d)
	return nil
}

// candidate is an attribution being built, with the scopes it covers.
type candidate struct {
	span   sitrep.Span
	source sitrep.Source
	cites  []sitrep.Cited
	scopes []sitrep.Span
	// outlet marks a source that is a news outlet, the antecedent of a
	// later "the report".
	outlet bool
	// person marks a source that is one named person, whom an outlet
	// reporting their words cites with a count of one.
	person bool
	// clauseEnd, when not 0, is where the relative clause holding the cue
	// closes ("X, which has said that ..., declined"): a quote merged into
	// the attribution does not reach past it. An int32 fits beside the
	// bools, so candidates stay as small as they were.
	clauseEnd int32
}

// annotation is the working state of one Annotate call.
type annotation struct {
	text     string
	toks     []sitrep.Token
	ents     []sitrep.Entity
	cls      []class // lexicon classes of each token
	ent      []int32 // index of the entity covering each token, -1 for none
	entFirst []int32 // first and last token of each entity, -1 when it covers none
	entLast  []int32
	used     []bool // "citing" tokens already attached to an attribution
	cands    []candidate
	buf      []byte
}

func newAnnotation(d *sitrep.Doc, toks []sitrep.Token) *annotation {
	a := &annotation{
		text: d.Text, toks: toks, ents: d.Entities,
		cls: make([]class, len(toks)), ent: make([]int32, len(toks)), used: make([]bool, len(toks)),
		entFirst: make([]int32, len(d.Entities)), entLast: make([]int32, len(d.Entities)),
	}
	for i, t := range toks {
		a.ent[i] = -1
		if t.Kind == sitrep.Word && t.Len() <= lexOf().maxWordLen {
			a.cls[i] = lexOf().words[string(a.lower(i))]
		} else if w := a.word(i); w == "&" {
			a.cls[i] = cAnd
		}
	}
	next := 0 // where the previous entity's search ended: entities come sorted
	for e, en := range d.Entities {
		a.entFirst[e], a.entLast[e] = -1, -1
		// The first token at or after the entity's start: a short walk from
		// the previous entity's, else a binary search.
		t := next
		for n := 0; t < len(toks) && toks[t].Start < en.Start && n < 64; n++ {
			t++
		}
		if t > 0 && toks[t-1].Start >= en.Start || t < len(toks) && toks[t].Start < en.Start {
			t = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= en.Start })
		}
		next = t
		for ; t < len(toks) && toks[t].End <= en.End; t++ {
			a.ent[t] = int32(e)
			if a.entFirst[e] < 0 {
				a.entFirst[e] = int32(t)
			}
			a.entLast[e] = int32(t)
		}
	}
	// A token claimed by a later, overlapping entity must not make an
	// earlier entity's first or last token point elsewhere.
	for i := range toks {
		if e := a.ent[i]; e >= 0 && (a.entFirst[e] > int32(i) || a.entLast[e] < int32(i)) {
			a.ent[i] = -1
		}
	}
	return a
}

// tokenRange returns the tokens lying within the sentence s.
func (a *annotation) tokenRange(s sitrep.Span) (lo, hi int) {
	lo = sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= s.Start })
	hi = lo + sort.Search(len(a.toks)-lo, func(i int) bool { return a.toks[lo+i].End > s.End })
	return lo, hi
}

// word returns the text of token i, "" when i is out of range.
func (a *annotation) word(i int) string {
	if i < 0 || i >= len(a.toks) {
		return ""
	}
	return a.toks[i].In(a.text)
}

// lower returns token i in lower case (ASCII letters only) in a buffer that
// the next call reuses; it is meant for map look-ups.
func (a *annotation) lower(i int) []byte {
	w := a.word(i)
	a.buf = a.buf[:0]
	for j := 0; j < len(w); j++ {
		c := w[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a.buf = append(a.buf, c)
	}
	return a.buf
}

// is reports whether token i exists, lies outside every entity and has a class of c.
func (a *annotation) is(i int, c class) bool {
	return i >= 0 && i < len(a.toks) && a.ent[i] < 0 && a.cls[i]&c != 0
}

// isWord reports whether token i is w, ignoring the case of its first letter.
func (a *annotation) isWord(i int, w string) bool {
	t := a.word(i)
	if len(t) != len(w) || t == "" {
		return false
	}
	if t == w {
		return true
	}
	return t[0]|0x20 == w[0] && t[1:] == w[1:]
}

// isComma reports whether token i is a comma.
func (a *annotation) isComma(i int) bool { return a.word(i) == "," }

// isClosingQuote reports whether token i closes a quotation.
func (a *annotation) isClosingQuote(i int) bool {
	switch a.word(i) {
	case "”", "\"", "’", "»", "'":
		return true
	}
	return false
}

// isPause reports whether token i separates an attribution from the
// clause it attributes: a comma, a closing quote or a dash.
func (a *annotation) isPause(i int) bool {
	switch a.word(i) {
	case ",", "—", "–", "--", ":":
		return true
	}
	return a.isClosingQuote(i)
}

// isTerminal reports whether token i ends a sentence.
func (a *annotation) isTerminal(i int) bool {
	switch a.word(i) {
	case ".", "!", "?", "…", "...", ";":
		return true
	}
	return false
}

// spanText returns the text from the start of token f to the end of token l.
func (a *annotation) spanText(f, l int) string {
	if f < 0 || l >= len(a.toks) || f > l {
		return ""
	}
	return sitrep.Span{Start: a.toks[f].Start, End: a.toks[l].End}.In(a.text)
}

// sentenceEnd returns the end of the sentence's last token that is not
// closing punctuation, so that a scope does not take the full stop.
func (a *annotation) sentenceEnd(lo, hi int) int {
	e := hi - 1
	for n := 0; e > lo && n < 3 && (a.isTerminal(e) || a.isClosingQuote(e)); n++ {
		e--
	}
	return a.toks[e].End
}

// emit writes the candidates to d.Sourcing in text order and points each
// quantity at the innermost attribution whose scope holds it.
func (a *annotation) emit(d *sitrep.Doc) {
	cands := a.cands[:0]
	for _, c := range a.cands {
		if validSpan(a.text, c.span) {
			cands = append(cands, c)
		}
	}
	slices.SortStableFunc(cands, func(x, y candidate) int {
		if x.span.Start != y.span.Start {
			return x.span.Start - y.span.Start
		}
		return x.span.End - y.span.End
	})
	cands = dedup(cands)
	d.Sourcing = make([]sitrep.Attribution, len(cands))
	type scoped struct {
		span sitrep.Span
		attr int
	}
	var scopes []scoped
	for i, c := range cands {
		d.Sourcing[i] = sitrep.Attribution{Span: c.span, Text: c.span.In(a.text), Source: c.source, Cites: c.cites}
		for _, s := range c.scopes {
			if s.Len() > 0 && validSpan(a.text, s) {
				scopes = append(scopes, scoped{s, i})
				d.Sourcing[i].Scope = append(d.Sourcing[i].Scope, s)
			}
		}
		d.Sourcing[i].Scope = union(d.Sourcing[i].Scope)
	}
	slices.SortStableFunc(scopes, func(x, y scoped) int { return x.span.Start - y.span.Start })

	// Scopes nest, so the innermost one holding a quantity starts at or
	// after every other that holds it: a bounded look-back from the last
	// scope starting before the quantity finds it.
	const lookBack = 64
	var pointers []int
	for qi := range d.Quantities {
		q := &d.Quantities[qi]
		q.Sourcing = nil
		if !validSpan(a.text, q.Span) {
			continue
		}
		k := sort.Search(len(scopes), func(i int) bool { return scopes[i].span.Start > q.Start })
		best := -1
		for j := k - 1; j >= 0 && j >= k-lookBack; j-- {
			s := scopes[j]
			// A count starting in the scope is under it, even when its
			// noun runs past a quote's closing mark ("“hundreds of
			// thousands” of Americans").
			if q.Start < s.span.Start || q.Start >= s.span.End || d.Sourcing[s.attr].Overlaps(q.Span) {
				continue
			}
			if best < 0 || s.span.Len() < scopes[best].span.Len() ||
				(s.span.Len() == scopes[best].span.Len() && s.attr < scopes[best].attr) {
				best = j
			}
		}
		if best >= 0 {
			if pointers == nil {
				pointers = make([]int, len(d.Quantities))
			}
			pointers[qi] = scopes[best].attr
			q.Sourcing = &pointers[qi]
		}
	}
}

// dedup merges the candidates, sorted by span, that give the same source
// for the same phrase (read by two cues, or by a cue and a quote): one
// attribution, with the cites and scopes of both.
func dedup(cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		dup := -1
		for j := len(out) - 1; j >= 0 && j >= len(out)-maxPerSentence && out[j].span == c.span; j-- {
			if out[j].source == c.source {
				dup = j
				break
			}
		}
		if dup < 0 {
			out = append(out, c)
			continue
		}
		o := &out[dup]
		o.scopes = append(o.scopes, c.scopes...)
		for _, ct := range c.cites {
			if !slices.ContainsFunc(o.cites, func(x sitrep.Cited) bool { return x.Text == ct.Text }) {
				o.cites = append(o.cites, ct)
			}
		}
	}
	return out
}

// validSpan reports whether s lies within text and on rune boundaries.
func validSpan(text string, s sitrep.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	return (s.Start == len(text) || utf8.RuneStart(text[s.Start])) &&
		(s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// union sorts spans and merges those that overlap: a reported clause is
// often a quote too, and a quote's marks widen it.
func union(spans []sitrep.Span) []sitrep.Span {
	slices.SortFunc(spans, func(x, y sitrep.Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End // the longer first
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
