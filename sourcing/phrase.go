package sourcing

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// maxPhrase bounds, in tokens, how far a source phrase is looked for.
const maxPhrase = 16

// partyKind says what a source phrase names.
type partyKind uint8

const (
	pNamed   partyKind = iota + 1 // an entity: "NBC", "Geoff Garmany", "a statement from the Pentagon"
	pAnon                         // unnamed people: "two administration officials"
	pBody                         // an unnamed body, office or outlet: "the ministry", "state media"
	pPronoun                      // "he", "they": left to the quote annotator
)

// party is a phrase that names a source or a cited source.
type party struct {
	first, last int // tokens of the phrase
	kind        partyKind
	text, name  string
	person      bool // a named person, who counts as one
	outlet      bool
	count       *int64
	desc        string
	// anaphor marks "the report", "the newspaper": it names the outlet that
	// reported last.
	anaphor bool
	// holder is who obtained or saw the document the phrase names ("a memo
	// obtained by AP"): the source, citing the document.
	holder *party
	// doc marks a document ("the report", "figures from the ministry").
	doc bool
}

// source is the party as a Source. A source always has a Name: an
// unresolved pronoun ("he" that the quote annotator could not tie to
// anyone) is named as written, so that a reader still sees that somebody
// is claimed to have said it and can look for whom.
func (p party) source() sitrep.Source {
	return sitrep.Source{Text: p.text, Name: cmp.Or(p.name, p.text)}
}

// namesNobody reports a pronoun, which names no one until it is resolved.
// It does not allocate: outletCites asks it of every source it compares.
func namesNobody(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, p := range [...]string{"he", "she", "him", "her", "i", "it", "they", "them", "we", "us"} {
		if strings.EqualFold(s, p) {
			return true
		}
	}
	return false
}

func (p party) cited() sitrep.Cited {
	c := sitrep.Cited{Text: p.text}
	switch {
	case p.kind == pAnon:
		c.Anonymous, c.Count, c.Description = true, p.count, p.desc
	case p.person:
		one := int64(1)
		c.Count = &one
	}
	return c
}

// heldBy reads "obtained by X", "seen by X" at token k, ending before hi:
// the named party that holds a document, and its last token.
func (a *annotation) heldBy(k, hi int) (party, int, bool) {
	if !a.is(k, cHeld) || !a.isWord(k+1, "by") {
		return party{}, 0, false
	}
	ps, last, ok := a.phraseFwd(k+2, hi)
	if !ok || len(ps) != 1 || ps[0].kind != pNamed {
		return party{}, 0, false
	}
	return ps[0], last, true
}

// stopsPhrase reports whether token t cannot be inside a source phrase.
func (a *annotation) stopsPhrase(t int) bool {
	if a.ent[t] >= 0 {
		return false
	}
	if a.toks[t].Kind == sitrep.Punctuation {
		return a.cls[t]&cAnd == 0
	}
	if a.adjective(t) {
		return false
	}
	c := a.cls[t]
	if c&(cBoundary|cPronoun|cNeg|cAux|cPassive|cCiting|cAccording) != 0 {
		return true
	}
	return c&cCue != 0 && c&nounClasses == 0
}

// adjective reports whether token t is an adverb that an article makes an
// adjective: "the first law enforcement official", "the later report".
func (a *annotation) adjective(t int) bool {
	c := a.cls[t]
	return t > 0 && a.ent[t] < 0 && c&cAux != 0 && c&(cBoundary|cPronoun|cNeg|cPassive|cCiting|cAccording|cPrep) == 0 &&
		a.is(t-1, cDet)
}

// phraseBack returns the parties of the source phrase that ends at token
// end and starts no earlier than lo, the first token of the phrase, and
// whether a source was found. Coordinated phrases ("Reuters and television
// network NBC") give one party each; only the coordinated parties next to
// the end that are sources are kept, so that "the army struck the town and
// officials" gives "officials".
func (a *annotation) phraseBack(end, lo int) ([]party, int, bool) {
	if end < lo || end >= len(a.toks) || a.stopsPhrase(end) || a.toks[end].Kind == sitrep.Punctuation {
		return nil, 0, false
	}
	s := end
	if e := a.ent[end]; e >= 0 {
		s = max(int(a.entFirst[e]), lo)
	}
	for s > lo && end-s < maxPhrase {
		t := s - 1
		if e := a.ent[t]; e >= 0 {
			f := int(a.entFirst[e])
			if f < lo {
				break
			}
			s = f
			continue
		}
		if a.stopsPhrase(t) && !a.dateComma(t) && !a.placeComma(t) {
			break
		}
		s = t
	}
	// Split at "and" outside entities, from the right.
	var parties []party
	for l := end; l >= s; {
		t := l
		for t >= s {
			if e := a.ent[t]; e >= 0 {
				t = int(a.entFirst[e]) - 1
				continue
			}
			if a.cls[t]&cAnd != 0 && !a.inPostModifier(s, t) {
				break
			}
			t--
		}
		if t+1 > l {
			break
		}
		p, ok := a.analyze(t+1, l)
		if !ok {
			break
		}
		parties = append(parties, p)
		l = t - 1
	}
	if len(parties) == 0 {
		return nil, 0, false
	}
	slices.Reverse(parties)
	return parties, parties[0].first, true
}

// inPostModifier reports whether the "and" at token t joins names inside a
// post-modifier rather than two sources: "a report obtained by AFP and
// Reuters". It is when the name before it follows a preposition, or when
// it joins prepositions ("officials in and around Miami").
func (a *annotation) inPostModifier(s, t int) bool {
	if a.is(t-1, cPrep) || a.is(t+1, cPrep) {
		return t-1 >= s
	}
	if t-1 < s || a.ent[t-1] < 0 {
		return false
	}
	e := a.ent[t-1]
	p := int(a.entFirst[e]) - 1
	if a.isWord(p, "the") {
		p--
	}
	return p >= s && a.is(p, cPrep)
}

// phraseFwd returns the parties of the source phrase starting at token
// first and ending before hi, and its last token.
func (a *annotation) phraseFwd(first, hi int) ([]party, int, bool) {
	if first < 0 || first >= hi || a.stopsPhrase(first) && !a.is(first, cPronoun) {
		return nil, 0, false
	}
	if a.is(first, cPronoun) {
		return []party{{first: first, last: first, kind: pPronoun, text: a.word(first)}}, first, true
	}
	e := first
	for t := first; t < hi && t-first < maxPhrase; t++ {
		if x := a.ent[t]; x >= 0 {
			t = min(int(a.entLast[x]), hi-1)
			e = t
			continue
		}
		if a.stopsPhrase(t) && !a.dateComma(t) {
			break
		}
		e = t
	}
	var parties []party
	f, pf := first, first // the first tokens of this piece and of the party before
pieces:
	for t := first; t <= e+1; t++ {
		if t <= e {
			if x := a.ent[t]; x >= 0 {
				t = min(int(a.entLast[x]), e)
				continue
			}
			if a.cls[t]&cAnd == 0 {
				continue
			}
		}
		if f > t-1 {
			break
		}
		p, ok := a.analyze(f, t-1)
		switch {
		case ok:
			parties = append(parties, p)
			pf = f
		case len(parties) > 0 && a.bareSingular(f, t-1):
			// A bare singular noun cannot stand alone as a source, so
			// after "and" it belongs to the post-modifier before it: "a
			// report by MSF's research and epidemiological survey
			// centre" is one source. Without a post-modifier the joined
			// phrase has the piece's head and fails as the piece did.
			if p, ok = a.analyze(pf, t-1); !ok {
				break pieces
			}
			parties[len(parties)-1] = p
		default:
			break pieces
		}
		f = t + 1
	}
	if len(parties) == 0 {
		return nil, 0, false
	}
	return parties, parties[len(parties)-1].last, true
}

// analyze reads the phrase from token f to token l as one source.
func (a *annotation) analyze(f, l int) (party, bool) {
	// A leading preposition or time word belongs to the clause, not the
	// phrase: "On Monday officials".
	for f <= l && a.ent[f] < 0 && a.cls[f]&(cPrep|cTime) != 0 {
		f++
	}
	if f > l {
		return party{}, false
	}
	if a.is(f, cPronoun) && f == l {
		return party{first: f, last: l, kind: pPronoun, text: a.word(f)}, true
	}
	// The head is the last word before the first post-modifier: "a
	// spokesman" of "a spokesman for the Pentagon".
	head := l
	for t := f + 1; t <= l; t++ {
		if e := a.ent[t]; e >= 0 {
			t = int(a.entLast[e])
			continue
		}
		if a.participle(t) && a.ent[t-1] < 0 && a.cls[t-1]&nounClasses != 0 && !a.isWord(t+1, "by") {
			// A participle without an agent says when or how the
			// document was made, not who speaks: the source is "an
			// Internet posting" of "an Internet posting made 24 hours
			// ago", which the attribution still spans.
			p, ok := a.analyze(f, t-1)
			p.last = l
			return p, ok
		}
		if a.cls[t]&cPrep != 0 {
			head = t - 1
			break
		}
	}
	l = a.trimAdjunct(head, l)
	// A person's name after a title is the head: "Secretary of State Marco
	// Rubio", but not "an aide to Trump".
	titled := false
	if e := a.ent[l]; e >= 0 && a.ents[e].Type == "PERSON" && a.ent[head] != e {
		if t := int(a.entFirst[e]) - 1; t >= f && (isCapitalized(a.word(t)) || a.is(t, cRole|cBody|cAnon)) {
			head, titled = l, true
		}
	}
	start := a.premodStart(f, head)
	if titled {
		start = f
	}
	p := party{first: start, last: l, text: a.spanText(start, l)}
	if e := a.ent[head]; e >= 0 {
		en := a.ents[e]
		if en.Type != "PERSON" && en.Type != "ORG" && en.Type != "LOC" {
			return party{}, false
		}
		// A named source ends with its name: "the Saudi Interior Ministry",
		// not "... over 345 pilgrims".
		p.last = max(start, min(l, int(a.entLast[e])))
		p.kind, p.text, p.name = pNamed, a.entityText(e), en.Name
		p.person = en.Type == "PERSON"
		p.outlet = a.isOutletEntity(e)
		return p, true
	}
	c := a.cls[head]
	if c&nounClasses == 0 {
		return a.unknownName(start, head)
	}
	p.name = a.commonName(start, l)
	switch {
	case c&cAnon != 0:
		p.kind = pAnon
		var descStart int
		p.count, descStart = a.count(start, head)
		p.desc = a.spanText(descStart, l)
	case c&cReport != 0 || bytes.HasPrefix(a.lower(head), []byte("spokes")):
		p.doc = c&cReport != 0
		if holder, _, ok := a.heldBy(head+1, l+1); ok && c&cReport != 0 {
			// "a memo obtained by AP": AP holds the memo, it did not
			// write it.
			p.last, p.text, p.kind = head, a.spanText(start, head), pBody
			p.name = a.commonName(start, head)
			p.holder = &holder
			return p, true
		}
		// A document or a spokesman speaks for the body it names: "a
		// statement from the Pentagon", "a UN report", "an army spokesman".
		if e := a.namedIn(start, l, c&cReport == 0); e >= 0 {
			p.kind, p.name = pNamed, a.ents[e].Name
			p.outlet = a.isOutletEntity(int32(e))
			return p, true
		}
		p.kind = pBody
		p.anaphor = c&cReport != 0 && a.definite(start)
		if a.isWord(head, "reports") && !p.anaphor {
			// Reports nobody is named for are anonymous, as unnamed
			// officials are: "reports reaching here", "unconfirmed media
			// reports", "press reports".
			var descStart int
			p.kind = pAnon
			p.count, descStart = a.count(start, head)
			p.desc = a.spanText(descStart, l)
		}
	case c&cMedia != 0 && c&(cBody|cRole) == 0 || c&cMedia != 0 && head > start && a.is(head-1, cMedia):
		p.kind, p.outlet = pBody, true
		// "the newspaper" refers back; "state media" names outlets of its own.
		p.anaphor = head == start+1 && a.definite(start)
	default:
		p.kind = pBody
		// An office holder is one person: "the governor of Sinaloa".
		p.person = c&cRole != 0
	}
	return p, true
}

// maxUnknownName bounds the words of a name the entity tagger missed.
const maxUnknownName = 4

// unknownName reads a capitalized phrase that the entity tagger did not
// tag as a name: "Trump told NBC News". A single capitalized plural at the
// start of a sentence is more likely a common noun ("Rebels said") and is
// not taken.
func (a *annotation) unknownName(f, head int) (party, bool) {
	if head-f >= maxUnknownName {
		return party{}, false
	}
	for t := f; t <= head; t++ {
		w := a.word(t)
		if a.toks[t].Kind != sitrep.Word || !isCapitalized(w) || a.cls[t] != 0 && a.cls[t]&cAnd == 0 {
			return party{}, false
		}
	}
	if w := a.word(head); f == head && a.sentenceInitial(f) && w[len(w)-1] == 's' && !isOutletName(w) {
		return party{}, false
	}
	text := a.spanText(f, head)
	return party{
		first: f, last: head, kind: pNamed, text: text, name: text,
		person: gazetteer.Default().IsGivenName(a.word(f)) || honorifics[a.word(f)],
		outlet: isOutletName(text),
	}, true
}

// honorifics precede a person's name.
var honorifics = map[string]bool{
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
	"Sen.": true, "Rep.": true, "Gen.": true, "Col.": true, "Lt.": true, "Capt.": true, "Prof.": true,
}

// bareSingular reports whether tokens f..l are a noun phrase without a
// determiner or count whose last word is a lower-case singular: "survey
// centre", not "the army", "documents" or "NBC".
func (a *annotation) bareSingular(f, l int) bool {
	w := a.word(l)
	return f <= l && !a.is(f, cDet|cCount) && a.toks[f].Kind != sitrep.Number && a.ent[l] < 0 &&
		w != "" && 'a' <= w[0] && w[0] <= 'z' && !strings.HasSuffix(w, "s")
}

// participle reports whether token t is a past participle that may open a
// post-modifier: a lower-case word in -ed, or a common irregular one.
func (a *annotation) participle(t int) bool {
	w := a.word(t)
	if a.toks[t].Kind != sitrep.Word || w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w {
	case "made", "written", "seen", "given", "sent", "taken", "done", "shown", "drawn", "put", "held":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// dateComma reports whether token t is the comma inside a date, which does
// not end a phrase: "a May, 2007 report", "a May 5, 2007 report".
func (a *annotation) dateComma(t int) bool {
	if !a.isComma(t) || t+1 >= len(a.toks) || a.toks[t+1].Kind != sitrep.Number || len(a.word(t+1)) != 4 {
		return false
	}
	m := t - 1
	if m >= 0 && a.toks[m].Kind == sitrep.Number && len(a.word(m)) <= 2 {
		m-- // the day
	}
	return m >= 0 && (a.cls[m]&cMonth != 0 || a.word(m) == "May")
}

// placeComma reports whether token t is a comma between a place and the
// larger place it lies in, which does not end a phrase: both commas of
// "the authorities in the Buffalo, N.Y., area".
// Both commas must be there: "Miami Beach, Fla. Sister Jeanne said" ends
// a phrase at its comma.
func (a *annotation) placeComma(t int) bool {
	if !a.isComma(t) || !a.isPlace(t-1) {
		return false
	}
	if a.isPlace(t + 1) { // the comma after the town
		l := int(a.entLast[a.ent[t+1]])
		return a.isComma(l + 1)
	}
	f := int(a.entFirst[a.ent[t-1]]) // the comma after the state
	return a.isComma(f-1) && a.isPlace(f-2)
}

// isPlace reports whether token t lies in a place entity.
func (a *annotation) isPlace(t int) bool {
	return t >= 0 && t < len(a.toks) && a.ent[t] >= 0 && a.ents[a.ent[t]].Type == "LOC"
}

// isCapitalized reports whether w starts with an ASCII capital letter.
func isCapitalized(w string) bool { return w != "" && 'A' <= w[0] && w[0] <= 'Z' }

// trimAdjunct cuts an adverbial phrase off the end of a source phrase: "the
// spokesman in a statement", "officials on Monday".
func (a *annotation) trimAdjunct(head, l int) int {
	for t := head + 1; t <= l; t++ {
		if e := a.ent[t]; e >= 0 {
			t = int(a.entLast[e])
			continue
		}
		if a.cls[t]&cPrep == 0 {
			continue
		}
		n := t + 1
		for n <= l && n < t+4 && a.is(n, cDet|cCount) {
			n++
		}
		if n <= l && a.is(n, cStatement|cTime) {
			return t - 1
		}
	}
	return l
}

// premodStart returns the first token of the pre-modifiers of head, no
// earlier than f: an article ends them, a preposition or time word comes
// before them.
func (a *annotation) premodStart(f, head int) int {
	t := head
	if e := a.ent[head]; e >= 0 {
		t = max(int(a.entFirst[e]), f)
	}
	for n := 0; t > f && n < 6; n++ {
		p := t - 1
		if e := a.ent[p]; e >= 0 {
			q := int(a.entFirst[e])
			if q < f {
				break
			}
			t = q
			continue
		}
		c := a.cls[p]
		if c&cDet != 0 {
			return p
		}
		if c&(cPrep|cBoundary|cTime|cPronoun|cAux|cPassive|cNeg|cAnd) != 0 && !a.adjective(p) ||
			c&cCue != 0 && c&nounClasses == 0 || a.toks[p].Kind == sitrep.Punctuation && !a.dateComma(p) {
			break
		}
		t = p
	}
	return t
}

// commonName returns the name of a phrase that names no entity: without
// its article, and with the capital that only the start of the sentence
// gave it taken off ("Witnesses said" → "witnesses"; "Israeli officials"
// and "UN officials" keep theirs).
func (a *annotation) commonName(f, l int) string {
	if f < l && (a.isWord(f, "the") || a.isWord(f, "a") || a.isWord(f, "an")) {
		f++
	}
	name := a.spanText(f, l)
	if !a.sentenceInitial(f) && !(f > 0 && a.sentenceInitial(f-1) && a.is(f-1, cDet)) {
		return name
	}
	w := a.word(f)
	if a.ent[f] >= 0 || len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z' ||
		gazetteer.Default().IsDemonym(w) {
		return name
	}
	return string(w[0]+'a'-'A') + name[1:]
}

// sentenceInitial reports whether token t starts a sentence or a quotation.
func (a *annotation) sentenceInitial(t int) bool {
	if t <= 0 {
		return true
	}
	if strings.IndexByte(sitrep.Span{Start: a.toks[t-1].End, End: a.toks[t].Start}.In(a.text), '\n') >= 0 {
		return true
	}
	switch a.word(t - 1) {
	case ".", "!", "?", "“", "\"", "«", ":", "(", "—":
		return true
	}
	return false
}

// definite reports whether the phrase starting at f is definite: "the report".
func (a *annotation) definite(f int) bool {
	return a.isWord(f, "the") || a.isWord(f, "this") || a.isWord(f, "that")
}

// count reads how many people the phrase from f with head h names, and
// where the description after the article or number starts.
func (a *annotation) count(f, h int) (*int64, int) {
	if f >= h {
		return nil, f
	}
	n := func(v int64) *int64 { return &v }
	switch {
	case a.isWord(f, "a") || a.isWord(f, "an") || a.isWord(f, "another"):
		if a.isWord(f+1, "dozen") && f+1 < h {
			return n(12), f + 2
		}
		if a.isWord(f+1, "few") && f+1 < h {
			return nil, f + 2
		}
		return n(1), f + 1
	case a.toks[f].Kind == sitrep.Number:
		if v, err := strconv.ParseInt(strings.ReplaceAll(a.word(f), ",", ""), 10, 64); err == nil && v >= 0 {
			return n(v), f + 1
		}
		return nil, f + 1
	case a.is(f, cCount):
		if v, ok := lexOf().counts[string(a.lower(f))]; ok {
			return n(v), f + 1
		}
		return nil, f + 1
	case a.is(f, cDet):
		if a.is(h, cSingular) {
			// "the official", "his aide": one person.
			return n(1), f + 1
		}
		return nil, f + 1
	}
	return nil, f
}

// namedIn returns the entity the phrase from f to l names a body by: an
// organization first, else (unless orgOnly) a place or person; -1 when
// there is none. A spokesman speaks for an organization ("a Pentagon
// spokesman"), not for a country ("a U.S. Embassy spokesperson").
func (a *annotation) namedIn(f, l int, orgOnly bool) int {
	best := -1
	for t := f; t <= l; t++ {
		e := a.ent[t]
		if e < 0 {
			continue
		}
		switch a.ents[e].Type {
		case "ORG":
			return int(e)
		case "LOC", "PERSON":
			if a.ents[e].Type == "LOC" && a.is(t-1, cLocative) && !a.isWord(t-1, "from") {
				// "Reports in Kenya": where, not who; "a statement from
				// Washington" is who.
				break
			}
			if best < 0 && !orgOnly {
				best = int(e)
			}
		}
		t = int(a.entLast[e])
	}
	return best
}

// isOutletEntity reports whether entity e is a news outlet: listed, or an
// organization named like one ("Kyiv Post", "Fox News").
func (a *annotation) isOutletEntity(e int32) bool {
	en := a.ents[e]
	if isOutletName(en.Name) || isOutletName(a.entityText(e)) {
		return true
	}
	if en.Type != "ORG" {
		return false
	}
	for t := a.entFirst[e]; t >= 0 && t <= a.entLast[e] && t < a.entFirst[e]+maxPhrase; t++ {
		// Words that also name bodies and places do not make an outlet:
		// "International Atomic Energy Agency", "Space Station".
		w := a.lower(int(t))
		if lexOf().words[string(w)]&cMedia != 0 && !notOutletWords[string(w)] {
			return true
		}
	}
	return false
}

// entityText returns the text of the tokens entity e covers, which is its
// Text when the entity tagger's spans are sound.
func (a *annotation) entityText(e int32) string {
	return a.spanText(int(a.entFirst[e]), int(a.entLast[e]))
}

// isOutletName reports whether s is a listed outlet, with or without "the".
func isOutletName(s string) bool {
	if len(s) > 64 {
		return false
	}
	var b [64]byte
	low := b[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low = append(low, c)
	}
	if len(low) > 4 && string(low[:4]) == "the " {
		low = low[4:]
	}
	return lexOf().outlets[string(low)]
}

// outletAt matches a listed outlet name or a generic outlet phrase ("state
// television", "local media", "the newspaper") at token k, and returns it
// with its last token.
func (a *annotation) outletAt(k, hi int) (party, int, bool) {
	if k < 0 || k >= hi {
		return party{}, 0, false
	}
	if e := a.ent[k]; e >= 0 && int(a.entFirst[e]) == k && a.isOutletEntity(e) {
		l := min(int(a.entLast[e]), hi-1)
		en := a.ents[e]
		return party{first: k, last: l, kind: pNamed, text: a.entityText(e), name: en.Name, outlet: true}, l, true
	}
	f := k
	if a.isWord(f, "the") {
		f++
	}
	for n := min(lexOf().maxOutletWords, hi-f); n >= 1; n-- {
		l := f + n - 1
		if a.ent[f] >= 0 && int(a.entFirst[a.ent[f]]) != f || l >= len(a.toks) {
			continue
		}
		if isOutletName(a.spanText(f, l)) {
			s := a.spanText(f, l)
			if e := a.ent[f]; e >= 0 && int(a.entLast[e]) == l {
				return party{first: k, last: l, kind: pNamed, text: s, name: a.ents[e].Name, outlet: true}, l, true
			}
			return party{first: k, last: l, kind: pNamed, text: s, name: s, outlet: true}, l, true
		}
	}
	// A generic phrase: up to three modifiers and a media word.
	for l := f; l < hi && l < f+4; l++ {
		if a.ent[l] >= 0 || a.toks[l].Kind != sitrep.Word || a.stopsPhrase(l) || a.cls[l]&cPrep != 0 {
			break
		}
		if a.cls[l]&cMedia != 0 && (l+1 >= hi || a.cls[l+1]&cMedia == 0) {
			if l+1 < hi && a.nounGoesOn(l+1) {
				// The media word modifies a noun: "told a news
				// conference", "in a radio interview".
				break
			}
			p, ok := a.analyze(k, l)
			if ok && p.outlet {
				return p, l, true
			}
			break
		}
	}
	return party{}, 0, false
}

// nounGoesOn reports whether token t continues the noun phrase before it:
// a lower-case word outside any entity that is no function word,
// preposition, time word or verb of reporting.
func (a *annotation) nounGoesOn(t int) bool {
	w := a.word(t)
	return a.toks[t].Kind == sitrep.Word && a.ent[t] < 0 && w != "" && 'a' <= w[0] && w[0] <= 'z' &&
		!a.stopsPhrase(t) && a.cls[t]&(cPrep|cTime|cCue|cDet|cCount) == 0
}

var notOutletWords = map[string]bool{
	"agency": true, "station": true, "outlet": true, "network": true, "channel": true,
	"paper": true, "website": true, "daily": true,
}
