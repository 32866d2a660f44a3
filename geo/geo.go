package geo

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// Annotator fills Doc.Places from Doc.Tokens, Doc.Sentences and
// Doc.Entities, so it runs after the text and ner annotators.
type Annotator struct {
	// Gazetteer is the gazetteer to resolve names against; nil means
	// gazetteer.Default().
	Gazetteer *gazetteer.Gazetteer
}

// Name implements sitrep.Annotator.
func (Annotator) Name() string { return "geo" }

// Version changes whenever the places made from the same input change.
func (Annotator) Version() string { return "10" }

// maxNameWords bounds the words read for one name, whatever the gazetteer
// says its longest name is.
const maxNameWords = 8

// Annotate implements sitrep.Annotator.
func (a Annotator) Annotate(d *sitrep.Doc) error {
	a.annotate(d, loadLexicons())
	return nil
}

// annotate fills d.Places using the lexicons lx (the embedded ones, or a
// test's own).
func (a Annotator) annotate(d *sitrep.Doc, lx *lexicons) {
	g := a.Gazetteer
	if g == nil {
		g = gazetteer.Default()
	}
	r := &resolver{
		g:        g,
		lx:       lx,
		text:     d.Text,
		toks:     d.Tokens,
		sents:    d.Sentences,
		lookups:  map[string][]gazetteer.Entry{},
		capitals: map[string]*point{},
	}
	ms := r.mentions(d.Entities)
	r.resolve(ms)
	r.dropStrays(ms)
	d.Places = r.places(ms)
}

// mention is a name that may be a place.
type mention struct {
	span        sitrep.Span
	key         string // the name to look up
	alt         string // another name to look up when key finds nothing (the tagger's canonical name)
	first, last int    // tokens [first, last) of the span
	list        string // the name whose entries are cands: key, or alt when key finds nothing
	cands       []gazetteer.Entry
	pick        int // index into cands, -1 for none
	// jurisdiction marks a country or division opening an organization's
	// name ("U.S. Food and Drug Administration"): it resolves only to a
	// country or an admin1 division.
	jurisdiction bool
	// state marks a name followed by the word "state" ("a Washington
	// state farm"): it resolves to an admin1 division when it can.
	state bool
	bonus []float64 // per candidate: the seat and the neighbouring-container bonuses
	// contained marks a mention that is the container of the one beside
	// it or lies in it ("Paris, Texas"): its choice depends on its
	// neighbours, so it is made afresh each time.
	contained bool
	// listed are the mentions listed with this one ("Utah, Washington and
	// Wyoming"): indices into the mentions, -1 for none.
	listed [2]int
}

type resolver struct {
	g        *gazetteer.Gazetteer
	lx       *lexicons
	text     string
	toks     []sitrep.Token
	sents    []sitrep.Span
	lookups  map[string][]gazetteer.Entry
	capitals map[string]*point // country code → its capital's point, nil when unknown
	words    []string          // scratch
	slab     []float64         // coordinates of the places made so far
}

func (r *resolver) word(i int) string { return r.toks[i].In(r.text) }

// tokenRange returns the tokens [first, last) inside s, by binary search
// (tokens are in order and do not overlap), so that a long span costs no
// more than a short one.
func (r *resolver) tokenRange(s sitrep.Span) (int, int) {
	first := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Start >= s.Start })
	last := first + sort.Search(len(r.toks)-first, func(i int) bool { return r.toks[first+i].End > s.End })
	return first, last
}

func (r *resolver) lookup(name string) []gazetteer.Entry {
	if es, ok := r.lookups[name]; ok {
		return es
	}
	es := r.g.Lookup(name)
	r.lookups[name] = es
	return es
}

// mentions collects the candidate place names, sorted by start and not
// overlapping.
func (r *resolver) mentions(ents []sitrep.Entity) []mention {
	ms := make([]mention, 0, len(ents)/2+8)
	// Tokens inside any entity, marked by a running sum of +1 at each
	// entity's first token and -1 after its last, so that overlapping or
	// huge entities cost no more than the tokens they hold.
	depth := make([]int32, len(r.toks)+1)
	orgEnd := -1 // the last token of the latest ORG entity
	for _, e := range ents {
		if e.Start < 0 || e.End > len(r.text) || e.Start >= e.End {
			continue
		}
		first, last := r.tokenRange(e.Span)
		if first >= last {
			continue
		}
		depth[first]++
		depth[last]--
		switch e.Type {
		case "LOC":
			if last-first > maxNameWords {
				continue // no place name is that long
			}
			if first+1 < last && strings.EqualFold(r.word(first), "the") {
				first++
			}
			first, last = r.widen(first, last)
			// "the South" alone is a part of the country in focus, or a
			// country named with it (South Korea), never the region of
			// Cameroon or Iceland that GeoNames calls "South".
			if last-first == 1 && inLower(directions, r.word(first)) {
				continue
			}
			// "Peanut Corporation of America": the tagger's place ends an
			// organization's name.
			if first >= 1 && orgEnd == first-2 && r.word(first-1) == "of" || r.endsName(first) {
				continue
			}
			// "Eastern China", "North Dallas": a part of a place the
			// gazetteer does not know is placed at the whole, when the rest
			// is a place name by itself (not "Plateau" of "Central
			// Plateau", a common word, nor "Eastern Province" of "North
			// Eastern Province").
			if last-first >= 2 && inLower(directions, r.word(first)) && !inLower(directions, r.word(first+1)) &&
				len(r.lookup(e.Span.In(r.text))) == 0 && len(r.lookup(e.Name)) == 0 {
				if n, _ := r.g.Prefix(r.wordsOf(first+1, last)); n == last-first-1 {
					first++
				}
			}
			if m, ok := r.mention(first, last, e.Name); ok {
				ms = append(ms, m)
			}
		case "ORG", "MISC":
			if e.Type == "ORG" {
				orgEnd = last - 1
			}
			if first+1 < last && strings.EqualFold(r.word(first), "the") {
				first++
			}
			// "Dallas County" tagged ORG, "Boston, Lincolnshire" too.
			n, kinds := r.untaggedPrefix(r.wordsOf(first, min(last, first+maxNameWords)), first, ms)
			if n == 0 {
				continue
			}
			// Wholly a place name, the place's government or people; or a
			// country or division opening the name of an organization of
			// it ("U.S. Food and Drug Administration", "California
			// Department of Public Health").
			if n < last-first && !(e.Type == "ORG" && (kinds.Has(gazetteer.Country) || kinds.Has(gazetteer.Admin1))) {
				continue
			}
			// "The New York Times" is a newspaper, printed in a place but
			// not reporting from it; the "Sinaloa Cartel" a gang named for
			// its home, which acts far from it.
			if n < last-first && (inLower(mastheads, r.word(last-1)) || inLower(gangHeads, r.word(last-1))) {
				continue
			}
			if m, ok := r.mention(first, first+n, ""); ok {
				if n < last-first {
					m.jurisdiction = true
				}
				ms = append(ms, m)
			}
		}
	}
	covered := make([]bool, len(r.toks))
	var inside int32
	for i := range r.toks {
		inside += depth[i]
		covered[i] = inside > 0
	}
	maxWords := min(r.g.MaxWords(), maxNameWords)
	for i := 0; i < len(r.toks); i++ {
		if covered[i] || r.toks[i].Kind != sitrep.Word || !startsUpper(r.word(i)) || isLongAcronym(r.word(i)) {
			continue
		}
		end := i
		for end < len(r.toks) && end-i < maxWords && !covered[end] {
			end++
		}
		n, _ := r.untaggedPrefix(r.wordsOf(i, end), i, ms)
		if n == 0 && r.lx.aliases[r.word(i)] != "" {
			n = 1
		}
		if n == 0 {
			continue
		}
		last := i + n
		if !r.leansOnName(i, last) {
			if m, ok := r.mention(i, last, ""); ok {
				ms = append(ms, m)
			}
		}
		i = last - 1
	}
	// At one start the longer name first, so that a name widened over a
	// fragment the tagger split off ("Democratic People" + "Republic of
	// Korea") is kept rather than the fragment.
	slices.SortFunc(ms, func(a, b mention) int {
		if a.span.Start != b.span.Start {
			return a.span.Start - b.span.Start
		}
		return b.span.End - a.span.End
	})
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.span.Start >= end {
			out = append(out, m)
			end = m.span.End
		}
	}
	return out
}

// untaggedPrefix is gazetteer.Prefix for words starting at token i that
// the tagger did not call a place. A one-word admin2 name counts only
// where a place stands (locative: "in Dorset", "Manaoag, Pangasinan"),
// since such names are often words or persons' ("Antique dealers", "Plaza
// officials", "Carmen said", "VAR overturned the penalty"); a longer one
// ("Dallas County", "Nueva Ecija") always does. A county the tagger tags
// is found anyway ("flooding in Suffolk"), and a name that is also a town
// is looked up with all its readings.
func (r *resolver) untaggedPrefix(words []string, i int, ms []mention) (int, gazetteer.KindSet) {
	n, kinds := r.g.Prefix(words)
	if !kinds.Has(gazetteer.Admin2) || n >= 2 || r.locative(i, ms) {
		return n, kinds
	}
	return r.g.PrefixIn(words, gazetteer.AllKinds.Without(gazetteer.Admin2))
}

// placePrepositions put a place after them.
var placePrepositions = map[string]bool{"in": true, "across": true, "from": true, "near": true,
	"throughout": true, "around": true, "outside": true, "into": true, "within": true}

// locative reports whether token i stands where a place name does: after a
// preposition of place, or after a comma that follows one of the places ms
// found so far.
func (r *resolver) locative(i int, ms []mention) bool {
	if i == 0 {
		return false
	}
	prev := r.word(i - 1)
	if placePrepositions[strings.ToLower(prev)] {
		return true
	}
	if prev != "," || i < 2 {
		return false
	}
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].span.End == r.toks[i-2].End {
			return true
		}
	}
	return false
}

// widen returns tokens [first, last) grown to a longer name the gazetteer
// knows that holds them, when the tagger cut one short ("Republic of
// China" of "People's Republic of China", "Rio Grande" of "Rio Grande do
// Sul"): up to three tokens to the left, and as many to the right as the
// name has, within the sentence.
func (r *resolver) widen(first, last int) (int, int) {
	if n, _ := r.g.Prefix(r.wordsOf(first, min(len(r.toks), first+maxNameWords))); n > last-first && r.oneSentence(first, first+n) && r.wordsOnly(last-1, first+n) {
		last = first + n
	}
	// The longest first: "Democratic People's" before "People's".
	for k := min(3, first); k >= 1; k-- {
		from := first - k
		if !startsUpper(r.word(from)) || strings.EqualFold(r.word(from), "the") || !r.wordsOnly(from, first) {
			continue
		}
		name := r.text[r.toks[from].Start:r.toks[last-1].End]
		if len(r.lookup(name)) > 0 && r.oneSentence(from, last) {
			return from, last
		}
	}
	return first, last
}

// wordsOnly reports whether tokens [first, last) are all words, or the
// "'s" of a possessive name ("People's"), with nothing but spaces between
// them: a comma ends a name ("the West, Virginia and Ohio").
func (r *resolver) wordsOnly(first, last int) bool {
	for i := first; i < last; i++ {
		t := r.toks[i]
		if t.Kind != sitrep.Word {
			if w := r.word(i); w != "'" && w != "’" && w != "'s" && w != "’s" {
				return false
			}
		}
		if i+1 < len(r.toks) && strings.TrimSpace(r.text[t.End:r.toks[i+1].Start]) != "" {
			return false
		}
	}
	return true
}

// oneSentence reports whether tokens [first, last) lie in one sentence.
func (r *resolver) oneSentence(first, last int) bool {
	for i := first + 1; i < last; i++ {
		if r.startsSentence(i) {
			return false
		}
	}
	return true
}

// mention makes the mention of tokens [first, last), or reports false when
// the words are not a place there: a building standing for a government
// ("White House"), a demonym ("Somali"), the country of a currency ("US$"),
// the place a virus is named after ("Reston ebolavirus").
func (r *resolver) mention(first, last int, alt string) (mention, bool) {
	sp := sitrep.Span{Start: r.toks[first].Start, End: r.toks[last-1].End}
	name := sp.In(r.text)
	if r.notPlace(name) || (alt != "" && r.notPlace(alt)) {
		return mention{}, false
	}
	// "Somali" is a demonym and an Ethiopian region; "Philippines" and
	// "Laos" read as demonyms too, but are countries first.
	if last-first == 1 && r.g.IsDemonym(name) {
		if es := r.lookup(name); len(es) == 0 || es[0].Kind == gazetteer.Admin1 || es[0].Kind == gazetteer.Admin2 || es[0].Kind == gazetteer.City {
			return mention{}, false
		}
	}
	if strings.HasPrefix(r.text[sp.End:], "$") || strings.HasSuffix(r.text[:sp.Start], "$") {
		return mention{}, false
	}
	if last < len(r.toks) && strings.HasSuffix(strings.ToLower(r.word(last)), "virus") {
		return mention{}, false
	}
	key := name
	if a := r.lx.aliases[name]; a != "" {
		key = a
	}
	state := last < len(r.toks) && r.word(last) == "state"
	return mention{span: sp, key: key, alt: alt, first: first, last: last, state: state}, true
}

// isLongAcronym reports a word of four or more capitals ("ALMA", "NATO"):
// an acronym, not a place name, when the tagger did not call it one.
func isLongAcronym(w string) bool {
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 4
}

// wordsOf returns the texts of tokens [first, last) in a scratch slice.
func (r *resolver) wordsOf(first, last int) []string {
	r.words = r.words[:0]
	for i := first; i < last; i++ {
		r.words = append(r.words, r.word(i))
	}
	return r.words
}

// leansOnName reports whether the untagged name of tokens [first, last) is
// part of a longer capitalized name: followed by a capitalized word ("Kenya
// Airways"), or preceded by one that does not start a sentence ("Air
// Canada"), or by "of" after one ("Bank of America").
func (r *resolver) leansOnName(first, last int) bool {
	capWord := func(i int) bool {
		return i >= 0 && i < len(r.toks) && r.toks[i].Kind == sitrep.Word && startsUpper(r.word(i))
	}
	if capWord(last) {
		return true
	}
	if capWord(first-1) && !r.startsSentence(first-1) {
		return true
	}
	return r.endsName(first)
}

// endsName reports whether a place starting at token first ends the name
// of an institution with "of" ("Bank of America", "University of
// Melbourne"): the place says where the institution is, not where the
// reported events are. A government's or an office's place ("Government
// of Kenya", "President of Mexico") stays a place.
func (r *resolver) endsName(first int) bool {
	if first < 2 || r.word(first-1) != "of" {
		return false
	}
	w := r.word(first - 2)
	return r.toks[first-2].Kind == sitrep.Word && institutionHeads[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// mastheads are the words that end a newspaper's name ("Los Angeles
// Times", "Texas Tribune").
var mastheads = map[string]bool{
	"times": true, "post": true, "herald": true, "tribune": true, "journal": true, "gazette": true,
	"chronicle": true, "telegraph": true, "globe": true, "observer": true, "examiner": true,
	"inquirer": true, "courier": true, "dispatch": true, "register": true, "bulletin": true,
	"star-telegram": true, "sun-times": true, "plain-dealer": true, "statesman": true,
}

// gangHeads end the names of criminal groups ("Sinaloa Cartel", "Gulf
// Clan").
var gangHeads = map[string]bool{"cartel": true, "gang": true, "mafia": true, "clan": true, "syndicate": true}

// inLower reports whether w, its ASCII letters lowercased, is in set,
// whose keys are at most 32 bytes; unlike strings.ToLower it does not
// allocate.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// directions are the words that name a part of a place ("Eastern China").
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"central": true, "upper": true, "lower": true,
}

// institutionHeads are the words that make "X of Y" the name of an
// institution located in Y.
var institutionHeads = map[string]bool{
	"university": true, "college": true, "institute": true, "school": true, "academy": true,
	"bank": true, "corporation": true, "corp": true, "company": true, "museum": true,
	"hospital": true, "church": true, "club": true, "society": true, "association": true,
	"foundation": true, "centre": true, "center": true, "library": true, "zoo": true,
	"chamber": true, "conservatory": true, "archdiocese": true, "diocese": true,
}

// startsSentence reports whether token i begins a sentence (or a line).
func (r *resolver) startsSentence(i int) bool {
	start := r.toks[i].Start
	k := sort.Search(len(r.sents), func(j int) bool { return r.sents[j].Start >= start })
	if k < len(r.sents) && r.sents[k].Start == start {
		return true
	}
	return i == 0 || strings.ContainsRune(r.text[r.toks[i-1].End:start], '\n')
}

func (r *resolver) notPlace(name string) bool {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	return inLower(r.lx.notPlaces, name)
}

func startsUpper(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}

// resolve picks each mention's entry.
func (r *resolver) resolve(ms []mention) {
	var bonusSlab []float64 // the bonus slices of all mentions, allocated together
	for i := range ms {
		m := &ms[i]
		m.list, m.cands = m.key, r.lookup(m.key)
		if len(m.cands) == 0 && m.alt != "" {
			m.list, m.cands = m.alt, r.lookup(m.alt)
		}
		if m.jurisdiction {
			m.cands = slices.DeleteFunc(slices.Clone(m.cands), func(e gazetteer.Entry) bool {
				return e.Kind != gazetteer.Country && e.Kind != gazetteer.Admin1
			})
		}
		// Not a country's: "the Mexico state oil company" is Mexico's.
		if m.state && slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.Admin1 }) &&
			!slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.Country }) {
			m.cands = slices.DeleteFunc(slices.Clone(m.cands), func(e gazetteer.Entry) bool { return e.Kind != gazetteer.Admin1 })
		}
		m.pick = -1
		if len(bonusSlab) < len(m.cands) {
			bonusSlab = make([]float64, max(len(m.cands), 256))
		}
		m.bonus, bonusSlab = bonusSlab[:len(m.cands):len(m.cands)], bonusSlab[len(m.cands):]
		// A city that is the seat of the division of its name ("São
		// Paulo", "Mexico City") comes just before it in Lookup, and is
		// what a news report means more often than the division.
		for k := 0; k+1 < len(m.cands); k++ {
			c, d := m.cands[k], m.cands[k+1]
			if c.Kind == gazetteer.City && d.Kind == gazetteer.Admin1 && c.Country == d.Country && c.Admin1 == d.Name {
				m.bonus[k] += seatBonus
			}
		}
	}
	r.containerBonuses(ms)
	r.findLists(ms)
	// A first choice by prior and neighbours alone (no context), then twice
	// by the context the other choices make. Each choice is made in place,
	// so a name listed with others sees their latest choice and a list
	// settles rather than flipping between passes.
	for pass := range 3 {
		var c *context
		if pass > 0 {
			c = newContext(ms)
		}
		// Mentions of one name with the same candidates and the same
		// listed neighbours resolve alike: score each once per pass. The
		// cache holds the chosen entry, not its index, and a hit is found
		// again in the mention's own candidates, so that no index crosses
		// from one candidate list to another.
		cache := map[pickKey]choice{}
		for i := range ms {
			m := &ms[i]
			if m.contained {
				// The container bonus comes from the names beside it.
				m.pick = r.best(ms, i, c)
				continue
			}
			key := pickKey{key: m.key, list: m.list, jurisdiction: m.jurisdiction, state: m.state}
			for j, n := range m.listed {
				if n >= 0 && ms[n].pick >= 0 {
					o := ms[n].cands[ms[n].pick]
					key.listed[j] = kindIn{o.Kind, o.Country}
				}
			}
			if ch, ok := cache[key]; ok {
				m.pick = -1
				if ch.ok {
					m.pick = slices.IndexFunc(m.cands, func(e gazetteer.Entry) bool { return e.ID == ch.entry.ID && e == ch.entry })
				}
				if m.pick >= 0 || !ch.ok {
					continue
				}
			}
			m.pick = r.best(ms, i, c)
			ch := choice{}
			if m.pick >= 0 {
				ch = choice{entry: m.cands[m.pick], ok: true}
			}
			cache[key] = ch
		}
	}
}

// strayPopulation is the size under which a town is too small to be meant
// from across the world: in an article whose places all lie elsewhere, a
// name whose only reading is such a town ("Piccadilly", a street in a
// London story and a town in Australia) is left unresolved rather than
// placed where the article never goes.
const strayPopulation = 5000

// dropStrays unresolves small towns in countries the article names no
// other place in, when the article's other places agree on a country.
func (r *resolver) dropStrays(ms []mention) {
	c := newContext(ms)
	for i := range ms {
		m := &ms[i]
		if m.pick < 0 {
			continue
		}
		e := m.cands[m.pick]
		if e.Kind != gazetteer.City || e.Population >= strayPopulation || r.isCapital(e) {
			continue
		}
		if n, _, _ := c.counts(m, e.Country, admin1Key{}); n > 0 {
			continue
		}
		others := 0
		for _, k := range c.countries {
			others += k
		}
		if others-1 >= 2 {
			m.pick = -1
		}
	}
}

// seatBonus and capitalBonus lift a city over a larger admin1 division
// of its name.
const (
	seatBonus    = 1.5
	capitalBonus = 1.5
)

// pickKey is what the choice of a mention without a container bonus
// depends on besides the context: its name (the context leaves its own
// name out), what gives its candidates (the name looked up, and whether
// they are narrowed to a jurisdiction's kinds) and the kinds of the names
// listed with it.
type pickKey struct {
	key          string
	list         string
	jurisdiction bool
	state        bool
	listed       [2]kindIn
}

// choice is a cached pick: the entry chosen, ok false when none was.
type choice struct {
	entry gazetteer.Entry
	ok    bool
}

type kindIn struct {
	kind    gazetteer.Kind
	country string
}

// listBonus lifts a candidate of the kind and country of the names listed
// with it.
const listBonus = 3

// listReach is how far below the name's most prominent reading in its
// country (in prior points, about orders of magnitude of population) a
// reading may lie and still gain the list bonus.
const listReach = 4

// findLists links each mention to the ones listed right before and after
// it, separated by a comma, "and" or "or".
// listedPeer reports whether in, listed right after prev (", " or "and"),
// and prev can both be of the container's kind and country.
func (r *resolver) listedPeer(prev, in *mention, container gazetteer.Entry) bool {
	if in.span.Start-prev.span.End > 6 {
		return false
	}
	switch strings.TrimSpace(r.text[prev.span.End:in.span.Start]) {
	case ",", "and", ", and":
	default:
		return false
	}
	peer := func(m *mention) bool {
		return slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool {
			return e.Kind == container.Kind && e.Country == container.Country
		})
	}
	return peer(prev) && peer(in)
}

func (r *resolver) findLists(ms []mention) {
	for i := range ms {
		ms[i].listed = [2]int{-1, -1}
	}
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if b.span.Start-a.span.End > 6 {
			continue
		}
		switch strings.TrimSpace(r.text[a.span.End:b.span.Start]) {
		case ",", "and", "or", ", and", ", or":
			a.listed[1], b.listed[0] = i+1, i
		}
	}
}

// containerBonus makes "inner, outer" and "inner in outer" prefer the
// entries of which one lies in the other.
const containerBonus = 25

func (r *resolver) containerBonuses(ms []mention) {
	for i := 0; i+1 < len(ms); i++ {
		in, out := &ms[i], &ms[i+1]
		if len(in.cands) == 0 || len(out.cands) == 0 || out.span.Start-in.span.End > 6 {
			continue
		}
		between := strings.TrimSpace(r.text[in.span.End:out.span.Start])
		if between != "," && between != "in" && between != ", in" {
			continue
		}
		// Only countries and divisions contain places, and a name has few
		// of those, so this stays linear in the candidates.
		for b, container := range out.cands {
			if container.Kind != gazetteer.Country && container.Kind != gazetteer.Admin1 && container.Kind != gazetteer.Admin2 {
				continue
			}
			// "Virginia, Washington, West Virginia": a name that can be
			// the container's peer, after a peer in a list, is listed,
			// not contained ("Arlington, Virginia, and Bethesda,
			// Maryland" still is: Bethesda is no state).
			if between == "," && i > 0 && r.listedPeer(&ms[i-1], in, container) {
				continue
			}
			for a := range in.cands {
				if contains(container, in.cands[a]) {
					in.bonus[a] = containerBonus
					out.bonus[b] = containerBonus
					in.contained, out.contained = true, true
				}
			}
		}
	}
}

// inAdmin1 reports whether e is an admin1 division or lies in one whose
// name it knows.
func inAdmin1(e gazetteer.Entry) bool {
	return (e.Kind == gazetteer.City || e.Kind == gazetteer.Admin1 || e.Kind == gazetteer.Admin2) && e.Admin1 != ""
}

// countyReach is how far from an admin2 division's centre a town of its
// state may lie and still be read as in it: the gazetteer gives towns no
// admin2 code, and few counties reach further ("Boston, Lincolnshire").
const countyReach = 80 // km

// contains reports whether place a lies in place b.
func contains(b, a gazetteer.Entry) bool {
	switch b.Kind {
	case gazetteer.Country:
		return a.Kind != gazetteer.Country && a.Country == b.Country && a.Country != ""
	case gazetteer.Admin1:
		return (a.Kind == gazetteer.City || a.Kind == gazetteer.Admin2) && a.Country == b.Country && a.Admin1 != "" && strings.EqualFold(a.Admin1, b.Name)
	case gazetteer.Admin2:
		return a.Kind == gazetteer.City && a.Country == b.Country && a.Admin1 != "" && a.Admin1 == b.Admin1 &&
			gazetteer.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) < countyReach
	}
	return false
}

// context is what the article's place names resolve to, counted by
// distinct name.
type context struct {
	countries map[string]int    // country code → names in it (the country itself included)
	divisions map[string]int    // country code → names of its admin1 divisions
	admin1    map[admin1Key]int // names of an admin1 division or of its cities
	own       map[string]contribution
}

type admin1Key struct{ country, name string }

type contribution struct {
	country  string
	admin1   admin1Key
	division bool // the name resolves to an admin1 division
}

func newContext(ms []mention) *context {
	c := &context{countries: map[string]int{}, divisions: map[string]int{}, admin1: map[admin1Key]int{}, own: map[string]contribution{}}
	for i := range ms {
		m := &ms[i]
		if m.pick < 0 {
			continue
		}
		if _, seen := c.own[m.key]; seen {
			continue
		}
		e := m.cands[m.pick]
		var k contribution
		if e.Country != "" {
			k.country = e.Country
			c.countries[e.Country]++
		}
		if e.Kind == gazetteer.Admin1 {
			k.division = true
			c.divisions[e.Country]++
		}
		if inAdmin1(e) {
			k.admin1 = admin1Key{e.Country, e.Admin1}
			c.admin1[k.admin1]++
		}
		c.own[m.key] = k
	}
	return c
}

// counts returns, leaving out m's own name, how many names of the article
// lie in a country, how many are admin1 divisions of it, and how many are
// an admin1 division or lie in it.
func (c *context) counts(m *mention, country string, admin1 admin1Key) (nCountry, nDivisions, nAdmin1 int) {
	own := c.own[m.key]
	nCountry, nDivisions = c.countries[country], c.divisions[country]
	if own.country == country && country != "" {
		nCountry--
		if own.division {
			nDivisions--
		}
	}
	if admin1.name != "" {
		nAdmin1 = c.admin1[admin1]
		if own.admin1 == admin1 {
			nAdmin1--
		}
	}
	return nCountry, nDivisions, nAdmin1
}

// best returns the index of the best candidate of mention ms[i], -1 if it
// has none; c is nil for the first choice.
func (r *resolver) best(ms []mention, i int, c *context) int {
	m := &ms[i]
	bestI, bestScore := -1, math.Inf(-1)
	// Whether the article shows the country that a country candidate names.
	countryShown := false
	if c != nil {
		for _, e := range m.cands {
			if e.Kind == gazetteer.Country {
				if n, _, _ := c.counts(m, e.Country, admin1Key{}); n > 0 {
					countryShown = true
				}
			}
		}
	}
	hasCountry := slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.Country })
	// The most prominent reading of the name in each country.
	topPrior := map[string]float64{}
	for _, e := range m.cands {
		if p, ok := topPrior[e.Country]; !ok || r.prior(e) > p {
			topPrior[e.Country] = r.prior(e)
		}
	}
	for k, e := range m.cands {
		s := r.prior(e) + m.bonus[k]
		if c != nil && e.Country != "" {
			var admin1 admin1Key
			if inAdmin1(e) {
				admin1 = admin1Key{e.Country, e.Admin1}
			}
			nCountry, nDivisions, nAdmin1 := c.counts(m, e.Country, admin1)
			if nCountry > 0 {
				s += 2
			}
			if (e.Kind == gazetteer.City || e.Kind == gazetteer.Admin2) && nAdmin1 > 0 {
				s += 2
			}
			// "Georgia" beside "Atlanta" or beside "Alabama" and "Texas":
			// the article is about another country, which has a division
			// of this name, and names a place in it or other divisions.
			if e.Kind == gazetteer.Admin1 && hasCountry && !countryShown && (nAdmin1 > 0 || nDivisions >= 2) {
				s += 15
			}
		}
		// Names listed together are alike: states with states. Not a
		// village over the state of its name in the same country ("New
		// York City and Florida"): there the list tells the country but
		// not which of its places, and the far larger one is meant. Small
		// places listed abroad still gain ("San Juan, Choropampa, and
		// Magdalena" in Peru, not Colombia's Magdalena department).
		if c != nil && r.prior(e) > topPrior[e.Country]-listReach {
			for _, n := range m.listed {
				if n >= 0 && ms[n].pick >= 0 {
					if o := ms[n].cands[ms[n].pick]; o.Kind == e.Kind && o.Country == e.Country {
						s += listBonus
					}
				}
			}
		}
		if s > bestScore {
			bestI, bestScore = k, s
		}
	}
	return bestI
}

// prior scores an entry without context: countries, then water, regions
// and continents, then admin1 divisions and cities by population.
func (r *resolver) prior(e gazetteer.Entry) float64 {
	switch e.Kind {
	case gazetteer.Country:
		return 20
	case gazetteer.Admin1:
		return math.Log10(float64(e.Population)+1) + 0.5
	case gazetteer.Admin2:
		// Below an admin1 division of its size, level with a city of it:
		// "Cornwall" is the English county or the Ontario city by size and
		// by the article's other places.
		return math.Log10(float64(e.Population) + 1)
	case gazetteer.City:
		s := math.Log10(float64(e.Population) + 1)
		if r.isCapital(e) {
			s += capitalBonus
		}
		return s
	default:
		return 19
	}
}

// isCapital reports whether a city is its country's capital: the
// gazetteer gives a country its capital's point.
func (r *resolver) isCapital(e gazetteer.Entry) bool {
	if e.Population < 50_000 || e.Country == "" {
		return false
	}
	p, ok := r.capitals[e.Country]
	if !ok {
		for _, c := range r.g.Lookup(e.Country) {
			if c.Kind == gazetteer.Country && c.Country == e.Country {
				p = &point{c.Lat, c.Lon}
				break
			}
		}
		r.capitals[e.Country] = p
	}
	return p != nil && math.Abs(p.lat-e.Lat) < 0.05 && math.Abs(p.lon-e.Lon) < 0.05
}
