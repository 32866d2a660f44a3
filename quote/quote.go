package quote

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// Annotator fills Doc.Quotes. It reads Doc.Tokens, Doc.Sentences and
// Doc.Entities, so it runs after the text and ner annotators; when tokens
// or sentences are missing it computes them itself.
type Annotator struct{}

// Name returns the package name.
func (Annotator) Name() string { return "quote" }

// Version changes whenever the annotator's output does.
func (Annotator) Version() string { return "11" }

// Annotate replaces d.Quotes with the quotes found in d.Text.
func (Annotator) Annotate(d *sitrep.Doc) error {
	if d == nil {
		return fmt.Errorf("quote: nil doc")
	}
	toks, sents := d.Tokens, d.Sentences
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokenize(d.Text)
		sents = text.Sentences(d.Text, toks)
	} else if len(sents) == 0 && len(toks) > 0 {
		sents = text.Sentences(d.Text, toks)
	}
	for _, t := range toks {
		if t.Start < 0 || t.End > len(d.Text) || t.Start > t.End {
			return fmt.Errorf("quote: token %d-%d outside text of %d bytes", t.Start, t.End, len(d.Text))
		}
	}
	ents := d.Entities
	valid := func(e sitrep.Entity) bool { return e.Start >= 0 && e.Start < e.End && e.End <= len(d.Text) }
	if !sort.SliceIsSorted(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start }) || !all(ents, valid) {
		// Work on a sorted copy of the well-formed mentions; the layer is not ours to change.
		ents = slices.DeleteFunc(slices.Clone(ents), func(e sitrep.Entity) bool { return !valid(e) })
		sort.SliceStable(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
	}
	a := &analysis{text: d.Text, toks: toks, ents: ents, lx: defaultLexicon()}
	a.layout(sents)
	a.findDirect()
	a.attributeDirect()
	a.findIndirect()
	d.Quotes = a.resolve()
	return nil
}

func all[T any](xs []T, ok func(T) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return true
}

// analysis is the working state of one Annotate call.
type analysis struct {
	text string
	toks []sitrep.Token
	ents []sitrep.Entity
	lx   *lexicon

	sentLo, sentHi []int32 // per token: its sentence's first token and one past its last
	para           []int32 // per token: paragraph number

	directs []direct
	cands   []cand
	kept    []cand            // the candidates resolve keeps, sorted by start
	speaks  map[int]bool      // entity mentions that are a kept quote's speaker
	genders map[string]gender // entity key → gender, filled lazily
	votes   map[string]gender // entity key → gender its pronouns vote for
	titled  map[string]gender // entity key → gender its mentions' titles give
}

// priority orders candidates that overlap: a quotation that reads as
// speech beats a reported clause, which beats a short quoted term.
type priority uint8

const (
	prioDirect priority = iota
	prioIndirect
	prioPartial
)

// cand is a quote found but not yet accepted.
type cand struct {
	span      sitrep.Span
	prio      priority
	direct    bool
	cue       string
	speaker   ref
	addressee ref
	para      int32
	paraStart bool // the quote's opening mark starts its paragraph
}

const (
	maxAttachTokens  = 14  // tokens after a closing mark searched for "he said" and the like
	maxBeforeTokens  = 6   // tokens before an opening mark searched for "he said:"
	maxPartialLook   = 30  // tokens before a short quote searched for a cue in its sentence
	maxThatLook      = 12  // tokens between a cue and a later "that" ("said on Monday that")
	maxAdjunctWords  = 4   // adverbs and a time between a cue and "that" ("said privately on Monday that")
	maxClauseTokens  = 200 // a reported clause is cut at this length
	minClauseWords   = 3
	speechWords      = 6    // a quote this long reads as speech even without a cue
	maxEntityLook    = 60   // entity mentions looked back through to resolve a pronoun
	maxPronounBytes  = 4000 // nor further back than this
	maxTrailingWords = 8    // "..., Reuters and television network NBC reported."
	maxBareSubject   = 8    // words before the auxiliary of a clause without "that"
)

func (a *analysis) tok(i int) string { return a.text[a.toks[i].Start:a.toks[i].End] }

func (a *analysis) cueAt(i int) cueKind {
	if i < 0 || i >= len(a.toks) || a.toks[i].Kind != sitrep.Word {
		return noCue
	}
	return a.lx.cues[a.tok(i)]
}

// according reports whether tokens i, i+1 are "according to".
func (a *analysis) according(i int) bool {
	if i+1 >= len(a.toks) {
		return false
	}
	w := a.tok(i)
	return (w == "according" || w == "According") && a.tok(i+1) == "to"
}

// sourcePhrase returns the length in tokens of a phrase at i that names
// the source after it, like a cue: "according to", "in the words of"; 0
// when there is none.
func (a *analysis) sourcePhrase(i int) int {
	if a.according(i) {
		return 2
	}
	if i+3 < len(a.toks) && strings.EqualFold(a.tok(i), "in") && a.tok(i+1) == "the" && a.tok(i+2) == "words" && a.tok(i+3) == "of" {
		return 4
	}
	return 0
}

func (a *analysis) isQuoteMark(i int) bool {
	f, _, _, _ := a.mark(i)
	return f != noFamily
}

func (a *analysis) terminal(i int) bool {
	if a.toks[i].Kind != sitrep.Punctuation {
		return false
	}
	switch a.tok(i) {
	case ".", "!", "?", ";", "…":
		return true
	}
	return false
}

// layout records each token's sentence and paragraph.
func (a *analysis) layout(sents []sitrep.Span) {
	n := len(a.toks)
	a.sentLo, a.sentHi, a.para = make([]int32, n), make([]int32, n), make([]int32, n)
	s, lo := 0, 0
	for i := 0; i < n; i++ {
		if i > 0 {
			a.para[i] = a.para[i-1]
			if strings.IndexByte(a.text[a.toks[i-1].End:a.toks[i].Start], '\n') >= 0 {
				a.para[i]++
			}
		}
		newSent := i > 0 && a.para[i] != a.para[i-1]
		for s < len(sents) && sents[s].End <= a.toks[i].Start {
			s++
			newSent = true
		}
		if newSent {
			for k := lo; k < i; k++ {
				a.sentHi[k] = int32(i)
			}
			lo = i
		}
		a.sentLo[i] = int32(lo)
	}
	for k := lo; k < n; k++ {
		a.sentHi[k] = int32(n)
	}
}

// attributeDirect turns quoted stretches into candidates: speech (long
// enough, ending a sentence, or with a cue attached) and partial quotes
// (short quoted terms in a sentence whose subject said them, "He described
// the situation as “war-like”"). Other short quoted terms are scare quotes
// and dropped.
func (a *analysis) attributeDirect() {
	for _, q := range a.directs {
		if q.inscribed {
			continue
		}
		c := cand{span: q.content, direct: true, para: a.para[q.open], paraStart: q.open == 0 || a.para[q.open-1] != a.para[q.open]}
		cue, speaker, addr, ok := a.attachAfter(q)
		// Keefe stated, “….” Water expert Ben Carter wrote ...: a quote
		// that ends its sentence belongs to the cue that introduced it,
		// when there is one, rather than to the next sentence's.
		if ok && q.final && q.closeEnd < len(a.toks) && isUpperStart(a.tok(q.closeEnd)) {
			if c, s, ad, before := a.attachBefore(q); before {
				cue, speaker, addr = c, s, ad
			} else if c, s, ad, within := a.speechWithin(q); within {
				cue, speaker, addr = c, s, ad
			}
		}
		if !ok {
			cue, speaker, addr, ok = a.attachBefore(q)
		}
		switch {
		case ok:
			c.prio = prioDirect
		case q.words >= speechWords || (q.final && q.words >= 2):
			c.prio = prioDirect
			cue, speaker, addr, _ = a.speechWithin(q)
		default:
			cue, speaker, addr, ok = a.partialCue(q, false)
			if !ok {
				continue
			}
			c.prio = prioPartial
		}
		c.cue, c.speaker, c.addressee = cue, speaker, addr
		a.cands = append(a.cands, c)
	}
}

// attachAfter finds the attribution that follows a quote: “…,” he told
// reporters / “…,” said the official / “…,” Trump said / “…,” according
// to X.
func (a *analysis) attachAfter(q direct) (cue string, speaker, addr ref, ok bool) {
	if q.close < 0 {
		return "", ref{}, ref{}, false
	}
	i := q.closeEnd
	if r, ok := a.dashCredit(i, q.close); ok {
		return a.tok(i), r, ref{}, true
	}
	if i < len(a.toks) && a.tok(i) == "," {
		i++
	}
	limit := min(len(a.toks), i+maxAttachTokens)
	for j := i; j < limit; j++ {
		if a.para[j] != a.para[q.close] || a.terminal(j) || a.isQuoteMark(j) {
			break
		}
		if a.according(j) {
			// “….” According to ...: a new sentence, with a source of its own.
			if j != i || q.final && a.tok(j) == "According" {
				break
			}
			if r, ok := a.phraseAfter(j+2, min(len(a.toks), j+2+maxPhraseWords)); ok {
				return a.span(j, j+2), r, ref{}, true
			}
			break
		}
		k := a.cueAt(j)
		if k == noCue {
			continue
		}
		// “…” A resident said: “…”: the cue introduces the next quote;
		// “….” Ken May said (privately on Monday) that ...: it
		// introduces its own clause.
		if j+2 < len(a.toks) && a.tok(j+1) == ":" && a.isQuoteMark(j+2) || a.clauseThat(j+1, int(a.sentHi[j])) >= 0 {
			break
		}
		var r ref
		if j == i { // inverted: “…,” said Trump
			r, ok = a.phraseAfter(j+1, min(len(a.toks), j+1+maxPhraseWords+2))
		} else {
			r, ok = a.subjectBefore(j, i)
			// The subject opens the attribution, or is the name after its
			// title: “…,” the foreign minister of Libya, Abdel Rahman
			// Shalgham, said.
			ok = ok && r.lo >= i && (r.lo-i <= 3 || r.kind == refEntity && a.ents[r.ent].Type == "PERSON" && a.tok(r.lo-1) == ",")
		}
		if !ok {
			break
		}
		if k == cueTell {
			addr, _ = a.addresseeAfter(j+1, min(len(a.toks), j+1+maxPhraseWords))
		}
		return a.tok(j), r, addr, true
	}
	return "", ref{}, ref{}, false
}

// dashCredit reads the credit line of a cited quotation: “…” — CBC.ca /
// “…” - Matthew Ingram / “…” — The Canadian Press, August 15, 2008: a
// dash after the closing mark and a short capitalized name that ends the
// paragraph, or is followed only by a date or place.
func (a *analysis) dashCredit(i, close int) (ref, bool) {
	if i+1 >= len(a.toks) || a.para[i] != a.para[close] || a.para[i+1] != a.para[close] {
		return ref{}, false
	}
	if !isDash(a.tok(i)) {
		return ref{}, false
	}
	first := a.tok(i + 1)
	if a.toks[i+1].Kind != sitrep.Word || first[0] < 'A' || first[0] > 'Z' {
		return ref{}, false
	}
	samePara := func(j int) bool { return j < len(a.toks) && a.para[j] == a.para[close] }
	hi := i + 1
	for ; samePara(hi) && a.tok(hi) != ","; hi++ {
		if hi-i > maxPhraseWords+1 || a.cueAt(hi) != noCue || a.terminal(hi) && !samePara(hi+1) {
			break
		}
	}
	if samePara(hi) && a.tok(hi) == "," {
		// A date or place may follow the name.
		for j := hi + 1; samePara(j); j++ {
			if j-hi > maxTrailingWords || a.toks[j].Kind == sitrep.Word && a.tok(j)[0] >= 'a' && a.tok(j)[0] <= 'z' {
				return ref{}, false
			}
		}
	} else if samePara(hi) && !(a.terminal(hi) && !samePara(hi+1)) {
		return ref{}, false // the dash goes on with the sentence
	}
	r, ok := a.phraseAfter(i+1, hi)
	if !ok || r.kind == refPronoun {
		return ref{}, false
	}
	if r.kind == refEntity && a.ents[r.ent].Type == "MISC" {
		// "The Canadian Press": a demonym inside the name is not the source.
		end := hi
		if a.terminal(end - 1) {
			end--
		}
		r = ref{lo: i + 1, hi: end, kind: refPhrase}
	}
	return r, true
}

// attachBefore finds the attribution that introduces a quote: Trump told
// reporters: “…” / He said that “…”.
func (a *analysis) attachBefore(q direct) (cue string, speaker, addr ref, ok bool) {
	b := q.open - 1
	punct := b >= 0 && (a.tok(b) == ":" || a.tok(b) == ",")
	// "Rathbun stated,⏎“…”": a line ending in a colon or comma introduces
	// the quote that opens the next.
	para := a.para[q.open]
	if punct {
		para = a.para[b]
		b--
	}
	if b >= 0 && a.tok(b) == "that" {
		b--
	}
	if b < 0 {
		return "", ref{}, ref{}, false
	}
	lo := int(a.sentLo[b])
	// "According to the ministry's spokesman, Mansour al-Turki, “…”": the
	// source fills the words up to the comma before the quote.
	for k := b - 1; punct && k >= lo && k >= b-maxAppositive; k-- {
		if a.para[k] != para || a.terminal(k) || a.isQuoteMark(k) || a.cueAt(k) != noCue {
			break
		}
		if n := a.sourcePhrase(k); n > 0 {
			if r, ok := a.phraseAfter(k+n, b+1); ok && r.hi == b+1 {
				return a.span(k, k+n), r, ref{}, true
			}
			// "According to Buffalo Fire Chief, Don Mcfeely, “…”", "in the
			// words of the Crown prosecutor, Mark Tedeschi, QC, “…”": a
			// person named between commas after a title, perhaps with a
			// rank or honour after the name.
			for c := b; c > k+n && c >= b-2; c-- {
				if e := a.entityEndingAt(a.toks[c].End); e >= 0 && a.ents[e].Type == "PERSON" {
					if f := a.tokenAt(a.ents[e].Start); f-1 > k+n && a.tok(f-1) == "," && (c == b || a.tok(c+1) == ",") {
						return a.span(k, k+n), ref{lo: f, hi: c + 1, kind: refEntity, ent: e}, ref{}, true
					}
				}
			}
			break
		}
	}
	for k := b; k >= lo && k >= b-maxBeforeTokens; k-- {
		if a.para[k] != para || a.terminal(k) || a.isQuoteMark(k) {
			break
		}
		kind := a.cueAt(k)
		if kind == noCue {
			continue
		}
		r, ok := a.subjectBefore(k, lo)
		if !ok {
			break
		}
		j := k + 1
		if kind == cueTell {
			if addr, ok = a.addresseeAfter(j, b+1); ok {
				j = addr.hi
			}
		}
		// Between the cue (and addressee) and the quote only a short
		// adverbial may stand, and then a colon or comma must introduce
		// the quote: "said on Monday: “…”", not "said the strikes were a “…”".
		// A medium needs no colon: "writing in a blog post “…”".
		if j <= b && !(punct && (in(prepositions, a.tok(j)) || in(weekdays, a.tok(j)))) &&
			!(in(prepositions, a.tok(j)) && in(media, a.tok(b))) {
			break
		}
		return a.tok(k), r, addr, true
	}
	return "", ref{}, ref{}, false
}

// speechWithin finds the speaker of a speech-long quote that goes on with
// its sentence: the subject of the cue before it ("He characterized the
// conflict as “another skirmish in a long war ...”", "Smith said the war
// “is no longer the driving issue.”").
func (a *analysis) speechWithin(q direct) (cue string, speaker, addr ref, ok bool) {
	if q.open == 0 || a.toks[q.open-1].Kind != sitrep.Word || a.sentLo[q.open-1] != a.sentLo[q.open] {
		return "", ref{}, ref{}, false
	}
	return a.partialCue(q, true)
}

// partialCue finds, for a quote inside a sentence, a cue with a subject
// earlier in the sentence: the quote is then that subject's words. A
// speech-long quote (speech set) may be a noun phrase's after a verb of
// speech ("The governor said the war “is no longer ...”").
func (a *analysis) partialCue(q direct, speech bool) (cue string, speaker, addr ref, ok bool) {
	lo := int(a.sentLo[q.open])
	for k := q.open - 1; k >= lo && k >= q.open-maxPartialLook; k-- {
		kind := a.cueAt(k)
		if kind == noCue {
			continue
		}
		// A named or pronoun speaker, or for speech a phrase before a
		// verb of speech: "a user labelled “Anonymous”" and "the print
		// called “Cowboys and Indians”" name things.
		if r, ok := a.subjectBefore(k, lo); ok && (r.kind == refPronoun || r.kind == refEntity && a.ents[r.ent].Type != "LOC" && a.ents[r.ent].Type != "MISC" ||
			speech && kind != cueQuote && r.kind == refPhrase) {
			if kind == cueTell {
				addr, _ = a.addresseeAfter(k+1, q.open)
			}
			return a.tok(k), r, addr, true
		}
	}
	return "", ref{}, ref{}, false
}

func (a *analysis) span(lo, hi int) string {
	return a.text[a.toks[lo].Start:a.toks[hi-1].End]
}

// isUpperStart reports whether w starts with an ASCII capital letter.
func isUpperStart(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// isLowerStart reports whether w starts with an ASCII lower-case letter.
func isLowerStart(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }
