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
func (Annotator) Version() string { return "13" }

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
	// division marks a name followed by a word for a division ("the
	// Donetsk region", "Kandahar province", "the Donetsk and Luhansk
	// regions"): it is no city when a division has the name.
	division bool
	// facility marks a place opening the name of a facility the
	// gazetteer does not know ("Seoul City Hall", "Kabul International
	// Airport"): it resolves to a city when it can, where the facility
	// stands.
	facility bool
	bonus    []float64 // per candidate: the seat and the neighbouring-container bonuses
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
	// Names that are places only where a place stands, and stood where
	// none was seen yet: tokens [first, last). They count when listed
	// with a place ("Java and Sumatra"), which is known at the end.
	var pending [][2]int
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
			// "the Sinaloa cartel", "the Sinaloa and Gulf cartels": a
			// gang named for its home.
			if r.namesGroup(last) {
				continue
			}
			// "Kabul International Airport" tagged LOC: the city, when
			// the gazetteer knows not the whole name.
			if n := r.facilityPlace(first, last); n > 0 && len(r.lookup(e.Span.In(r.text))) == 0 && len(r.lookup(e.Name)) == 0 {
				if m, ok := r.mention(first, first+n, ""); ok {
					m.facility = true
					ms = append(ms, m)
				}
				continue
			}
			if m, ok := r.mention(first, last, e.Name); ok {
				ms = append(ms, m)
			}
		case "PERSON":
			// "Khan Younis", "Deir al-Balah": a news spelling the tagger
			// never saw in the gazetteer (gazetteer.Features, maybe an
			// admin2 name too, which it does not see either) and took for
			// a person's name; a one-word one only where a place stands
			// ("in Chibok"), since "Delmas said" is a person.
			if last-first > maxNameWords {
				continue
			}
			if n, kinds := r.g.Prefix(r.wordsOf(first, last)); n == last-first && kinds&gazetteer.Features != 0 && kinds&gazetteer.AllKinds.Without(gazetteer.Admin2) == 0 &&
				(n >= 2 || r.locative(first, ms, kinds)) && r.wordsOnly(first, last-1) {
				if m, ok := r.mention(first, last, ""); ok {
					ms = append(ms, m)
				}
			}
		case "ORG", "MISC":
			if e.Type == "ORG" {
				orgEnd = last - 1
			}
			if first+1 < last && strings.EqualFold(r.word(first), "the") {
				first++
			}
			// "Seoul City Hall", "Da Nang International Airport": a
			// facility named for the city it stands in.
			if n := r.facilityPlace(first, last); n > 0 {
				if m, ok := r.mention(first, first+n, ""); ok {
					m.facility = true
					ms = append(ms, m)
				}
				continue
			}
			// "Dallas County" tagged ORG, "Boston, Lincolnshire" too.
			n, kinds, wait := r.untaggedPrefix(r.wordsOf(first, min(last, first+maxNameWords)), first, ms)
			if wait > 0 && wait == last-first {
				// "Dadaab camps", "Dadaab" tagged alone: a longer name
				// read on past the entity stands by itself.
				if w, _ := r.g.Prefix(r.wordsOf(first, min(len(r.toks), first+maxNameWords))); w > wait && r.oneSentence(first, first+w) && r.wordsOnly(first, first+w) {
					if m, ok := r.mention(first, first+w, ""); ok {
						ms = append(ms, m)
					}
					continue
				}
				pending = append(pending, [2]int{first, last})
			}
			if n == 0 {
				continue
			}
			if n == last-first && r.namesGroup(last) {
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
		n, _, wait := r.untaggedPrefix(r.wordsOf(i, end), i, ms)
		if n == 0 && r.lx.aliases[r.word(i)] != "" {
			n = 1
		}
		if n == 0 && wait > 0 && !r.leansOnName(i, i+wait) {
			pending = append(pending, [2]int{i, i + wait})
		}
		if n == 0 {
			continue
		}
		last := i + n
		switch {
		case r.namesGroup(last):
		case !r.leansOnName(i, last):
			if m, ok := r.mention(i, last, ""); ok {
				ms = append(ms, m)
			}
		case r.untaggedFacility(i, last):
			// "outside Seoul City Hall" untagged.
			if m, ok := r.mention(i, last, ""); ok {
				m.facility = true
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
	return r.listedPending(out, pending)
}

// untaggedFacility reports whether the untagged city name of tokens
// [first, last) opens the name of a facility ("outside Seoul City Hall"):
// the same test as facilityPlace's, on the words that follow.
func (r *resolver) untaggedFacility(first, last int) bool {
	if r.leansLeft(first) {
		return false
	}
	k, _ := r.facilityAt(last)
	return k > 0 && r.facilityPlace(first, last+k) == last-first
}

// listSeps are what stands between names listed together.
var listSeps = map[string]bool{",": true, "and": true, "or": true, ", and": true, ", or": true}

// listedPending adds to ms, sorted and not overlapping, the pending names
// listed with one of its places, or with a pending name so added, in a
// chain ("Java and Sumatra", "Java, Lombok and Bali"), and returns them
// all sorted. A chain grows right from a place in one sweep and left in
// another, so that the work stays linear.
func (r *resolver) listedPending(ms []mention, pending [][2]int) []mention {
	if len(pending) == 0 {
		return ms
	}
	type item struct {
		span sitrep.Span
		m    mention
		on   bool // a place: a mention, or a pending name listed with one
		dead bool // a pending name overlapping another name
	}
	items := make([]item, 0, len(ms)+len(pending))
	for _, m := range ms {
		items = append(items, item{span: m.span, m: m, on: true})
	}
	for _, p := range pending {
		if m, ok := r.mention(p[0], p[1], ""); ok {
			items = append(items, item{span: m.span, m: m})
		}
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.span.Start - b.span.Start })
	for i := range items {
		it := &items[i]
		if !it.on && (i > 0 && items[i-1].span.End > it.span.Start || i+1 < len(items) && items[i+1].span.Start < it.span.End) {
			it.dead = true
		}
	}
	listed := func(a, b *item) bool {
		return b.span.Start-a.span.End <= 6 && listSeps[strings.TrimSpace(r.text[a.span.End:b.span.Start])]
	}
	for i := 1; i < len(items); i++ {
		if it := &items[i]; !it.on && !it.dead && items[i-1].on && listed(&items[i-1], it) {
			it.on = true
		}
	}
	for i := len(items) - 2; i >= 0; i-- {
		if it := &items[i]; !it.on && !it.dead && items[i+1].on && listed(it, &items[i+1]) {
			it.on = true
		}
	}
	out := make([]mention, 0, len(items))
	for _, it := range items {
		if it.on {
			out = append(out, it.m)
		}
	}
	return out
}

// untaggedPrefix is gazetteer.Prefix for words starting at token i that
// the tagger did not call a place. A one-word admin2 name, or the one-word
// name of an island, river, camp or base (gazetteer.Features), counts only
// where a place stands (locative: "in Dorset", "Manaoag, Pangasinan", "the
// island of Java"), since such names are often words or persons'
// ("Antique dealers", "Plaza officials", "Carmen said", "VAR overturned the
// penalty", "a Java update"); a longer one ("Dallas County", "Nueva
// Ecija", "Hong Kong Island") always does. A county the tagger tags is
// found anyway ("flooding in Suffolk"), and a name that is also a town is
// looked up with all its readings. wait is the length of such a one-word
// name that did not stand where a place does, and has no other reading:
// it may still count when listed with a place ("Java and Sumatra"); 0
// otherwise.
func (r *resolver) untaggedPrefix(words []string, i int, ms []mention) (n int, kinds gazetteer.KindSet, wait int) {
	n, kinds = r.g.Prefix(words)
	if n >= 2 || !kinds.Has(gazetteer.Admin2) && kinds&gazetteer.Features == 0 || r.locative(i, ms, kinds) {
		return n, kinds, 0
	}
	// A news spelling of a town big enough for Prefix ("Hodeidah" of Al
	// Ḩudaydah) is read as the town's own name would be.
	if n == 1 && kinds == gazetteer.Features {
		if es := r.lookup(words[0]); len(es) > 0 && es[0].Kind == gazetteer.City && es[0].Population >= minTownPopulation {
			return n, kinds, 0
		}
	}
	m, other := r.g.PrefixIn(words, gazetteer.AllKinds.Without(gazetteer.Admin2))
	if m == 0 {
		wait = n
	}
	return m, other, wait
}

// minTownPopulation is the size from which gazetteer.Prefix reads a
// one-word town name anywhere; a news spelling of such a town counts
// anywhere too.
const minTownPopulation = 15000

// placePrepositions put a place after them.
var placePrepositions = map[string]bool{"in": true, "across": true, "from": true, "near": true,
	"throughout": true, "around": true, "outside": true, "into": true, "within": true}

// sitePrepositions put an island, a camp or a base after them ("on Java",
// "at Dadaab"), though not a county ("at Carmen's").
var sitePrepositions = map[string]bool{"on": true, "at": true}

// placeNouns put a place after them with "of": "the island of Java", "the
// province of Antique".
var placeNouns = map[string]bool{"island": true, "islands": true, "isle": true, "province": true,
	"region": true, "district": true, "county": true, "city": true, "town": true, "village": true}

// locative reports whether token i, naming a place of the kinds given,
// stands where a place name does: after a preposition of place (for an
// island, a river, a camp or a base also "on" and "at"), after "the island
// of" and the like, or after a comma that follows one of the places ms
// found so far.
func (r *resolver) locative(i int, ms []mention, kinds gazetteer.KindSet) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(r.word(i - 1))
	// "in northern Luzon": a compass point between.
	if directions[prev] && i >= 2 && !startsUpper(r.word(i-1)) {
		prev = strings.ToLower(r.word(i - 2))
	}
	if placePrepositions[prev] || kinds&gazetteer.Features != 0 && sitePrepositions[prev] {
		return true
	}
	if prev == "of" && i >= 2 && placeNouns[strings.ToLower(r.word(i-2))] {
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
	return mention{span: sp, key: key, alt: alt, first: first, last: last, state: state, division: r.divisionAfter(last)}, true
}

// divisionWords name a first- or second-level division after its name
// ("the Donetsk region", "Kandahar province"); "state" is read apart (see
// mention.state).
var divisionWords = map[string]bool{"region": true, "province": true, "oblast": true, "governorate": true,
	"prefecture": true, "county": true, "krai": true, "district": true}

// divisionAfter reports whether token i, after a place name, is a word for
// a division ("the Donetsk region"), or begins a list of names that ends
// in one in the plural ("and Luhansk regions" of "the Donetsk and Luhansk
// regions").
func (r *resolver) divisionAfter(i int) bool {
	if i >= len(r.toks) {
		return false
	}
	if w := r.word(i); inLower(divisionWords, w) {
		return true
	} else if w != "," && w != "and" {
		return false
	}
	names := 0
	for j := i; j < len(r.toks) && j < i+8; j++ {
		switch w := r.word(j); {
		case w == "," || w == "and":
		case r.toks[j].Kind == sitrep.Word && startsUpper(w):
			names++
		default:
			p, ok := strings.CutSuffix(w, "s")
			return names > 0 && ok && inLower(divisionWords, p)
		}
	}
	return false
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
	return r.leansLeft(first)
}

// leansLeft reports whether the untagged name starting at token first
// follows a capitalized word that does not start a sentence ("Air
// Canada"), or "of" after one ("Bank of America").
func (r *resolver) leansLeft(first int) bool {
	if first >= 1 && r.toks[first-1].Kind == sitrep.Word && startsUpper(r.word(first-1)) && !r.startsSentence(first-1) {
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

// gangWord reports whether w is a gang head, in the plural if plural.
func gangWord(w string, plural bool) bool {
	if plural {
		w, plural = strings.CutSuffix(w, "s")
		return plural && inLower(gangHeads, w)
	}
	return inLower(gangHeads, w)
}

// namesGroup reports whether the place name ending before token last
// names a group rather than a place, as a newspaper's or a gang's name
// does when the tagger leaves the group's word out of the place ("The New
// York Times", "Sinaloa Cartel" tagged whole are seen in mentions): a gang
// word follows ("the Sinaloa cartel"), or a capitalized masthead word
// ("Washington Post"), or a list of names ending in a gang word in the
// plural ("the Sinaloa and Gulf cartels").
func (r *resolver) namesGroup(last int) bool {
	if last >= len(r.toks) {
		return false
	}
	w := r.word(last)
	if w == "," || w == "and" || w == "or" {
		return r.listedGang(last + 1)
	}
	// Gang words and mastheads are 4 to 13 bytes long.
	if len(w) < 4 || len(w) > 13 {
		return false
	}
	return gangWord(w, false) || gangWord(w, true) || startsUpper(w) && inLower(mastheads, w)
}

// listedGang reports whether the tokens from i on are names listed with
// the one before them and then a gang word in the plural ("Gulf cartels"
// of "the Sinaloa and Gulf cartels").
func (r *resolver) listedGang(i int) bool {
	names := 0
	for j := i; j < len(r.toks) && j < i+9; j++ {
		switch w := r.word(j); {
		case w == "," || w == "and" || w == "or":
		case r.toks[j].Kind == sitrep.Word && startsUpper(w):
			names++
		default:
			return names > 0 && gangWord(w, true)
		}
	}
	return false
}

// facilityHeads end the name of a facility that stands in the place it is
// named for ("Kabul International Airport", "Seoul City Hall"), as words;
// the longest is tried first. personal marks those often named for a
// person ("Logan International Airport" is Boston's), which a place name
// that is also a given name does not open.
var facilityHeads = []struct {
	words    []string
	personal bool
}{
	{[]string{"nuclear", "power", "plant"}, false},
	{[]string{"air", "force", "base"}, true},
	{[]string{"city", "hall"}, false},
	{[]string{"town", "hall"}, false},
	{[]string{"air", "base"}, true},
	{[]string{"naval", "base"}, true},
	{[]string{"railway", "station"}, false},
	{[]string{"train", "station"}, false},
	{[]string{"bus", "station"}, false},
	{[]string{"police", "station"}, false},
	{[]string{"power", "plant"}, false},
	{[]string{"power", "station"}, false},
	{[]string{"nuclear", "plant"}, false},
	{[]string{"airport"}, true},
	{[]string{"airfield"}, true},
	{[]string{"airbase"}, true},
	{[]string{"station"}, false},
	{[]string{"port"}, false},
	{[]string{"harbour"}, false},
	{[]string{"harbor"}, false},
	{[]string{"prison"}, true},
	{[]string{"jail"}, true},
}

// facilityEnds are the last words of facilityHeads.
var facilityEnds = map[string]bool{"plant": true, "base": true, "hall": true, "station": true, "airport": true,
	"airfield": true, "airbase": true, "port": true, "harbour": true, "harbor": true, "prison": true, "jail": true}

// facilityModifiers may stand between a place and a facility head
// ("Kabul International Airport").
var facilityModifiers = map[string]bool{"international": true, "regional": true, "municipal": true,
	"central": true, "main": true, "metropolitan": true, "military": true, "civil": true}

// facilityAt returns how many tokens from token i name a facility
// ("International Airport", "City Hall", "airport"), 0 for none, and
// whether such facilities are often named for persons.
func (r *resolver) facilityAt(i int) (n int, personal bool) {
	j := i
	for j < len(r.toks) && j-i < 3 && r.toks[j].Kind == sitrep.Word && inLower(facilityModifiers, r.word(j)) {
		j++
	}
	for _, h := range facilityHeads {
		if r.wordsAre(j, h.words...) {
			return j - i + len(h.words), h.personal
		}
	}
	return 0, false
}

// facilityPlace returns n > 0 when tokens [first, last) are a city's name
// in n tokens and then a facility ("Kabul International Airport", "Seoul
// City Hall"): the facility stands in the city, and an event there happens
// in it. A city's name that is also a given name does not open the name of
// an airport, a base or a prison, which are often named for persons.
func (r *resolver) facilityPlace(first, last int) int {
	if last-first < 2 || !inLower(facilityEnds, r.word(last-1)) {
		return 0
	}
	n, _ := r.g.Prefix(r.wordsOf(first, min(last, first+maxNameWords)))
	if n == 0 || n >= last-first {
		return 0
	}
	k, personal := r.facilityAt(first + n)
	if first+n+k != last || personal && r.g.IsGivenName(r.word(first)) {
		return 0
	}
	name := r.text[r.toks[first].Start:r.toks[first+n-1].End]
	if !slices.ContainsFunc(r.lookup(name), func(e gazetteer.Entry) bool { return e.Kind == gazetteer.City }) {
		return 0
	}
	return n
}

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
		// A facility stands in a city: "Kabul International Airport" is
		// in the city, not the province.
		if m.facility && slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.City }) {
			m.cands = slices.DeleteFunc(slices.Clone(m.cands), func(e gazetteer.Entry) bool { return e.Kind != gazetteer.City })
		}
		// Not a country's: "the Mexico state oil company" is Mexico's.
		if m.state && slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.Admin1 }) &&
			!slices.ContainsFunc(m.cands, func(e gazetteer.Entry) bool { return e.Kind == gazetteer.Country }) {
			m.cands = slices.DeleteFunc(slices.Clone(m.cands), func(e gazetteer.Entry) bool { return e.Kind != gazetteer.Admin1 })
		}
		// "the Donetsk region", "Kandahar province": the division, not
		// its city.
		if m.division && slices.ContainsFunc(m.cands, isDivision) {
			m.cands = slices.DeleteFunc(slices.Clone(m.cands), func(e gazetteer.Entry) bool { return e.Kind == gazetteer.City })
		}
		m.pick = -1
		if len(bonusSlab) < len(m.cands) {
			bonusSlab = make([]float64, max(len(m.cands), 256))
		}
		m.bonus, bonusSlab = bonusSlab[:len(m.cands):len(m.cands)], bonusSlab[len(m.cands):]
		// A city that is the seat of the admin1 division of its name
		// ("São Paulo", "Raqqa", "Zaporizhzhia"), or lies in the admin2
		// division of its name ("Jenin"), is what a news report means
		// more often than the division, unless it is a small part of it:
		// the seat bonus lifts it over a division up to about ten times
		// its population ("Quebec" stays the province). A large city that
		// is not the seat is not lifted ("New York" is the state; New
		// York City is named so).
		// A name has few divisions: the scan stays linear in its towns.
		for _, d := range m.cands {
			if !isDivision(d) {
				continue
			}
			for k := range m.cands {
				if c := m.cands[k]; c.Kind == gazetteer.City && m.bonus[k] == 0 && (d.Kind == gazetteer.Admin2 || c.Seat) && contains(d, c) {
					m.bonus[k] += seatBonus
				}
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
			key := pickKey{key: m.key, list: m.list, jurisdiction: m.jurisdiction, state: m.state, division: m.division, facility: m.facility}
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

// isDivision reports whether e is an admin1 or admin2 division.
func isDivision(e gazetteer.Entry) bool {
	return e.Kind == gazetteer.Admin1 || e.Kind == gazetteer.Admin2
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
	division     bool
	facility     bool
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
			// Added once, on top of the seat bonus ("Kandahar,
			// Afghanistan" is still the city).
			for a := range in.cands {
				if contains(container, in.cands[a]) {
					if in.bonus[a] < containerBonus {
						in.bonus[a] += containerBonus
					}
					if out.bonus[b] < containerBonus {
						out.bonus[b] += containerBonus
					}
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
