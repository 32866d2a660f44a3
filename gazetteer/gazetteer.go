package gazetteer

import (
	"strings"
	"sync"

	"github.com/sitrep/sitrep/gazetteer/internal/fold"
)

// Entry is one place.
type Entry struct {
	ID         uint32  // GeoNames id for cities; otherwise a stable id made from the kind and name, with the top bit set
	Name       string  // canonical English name: "United States", "Caribbean Sea", "Culiacán"
	Kind       Kind    //
	Country    string  // ISO 3166-1 alpha-2; "" for seas and regions spanning countries
	Admin1     string  // name of the admin1 division of a city or an admin2 division, or of the division itself; "" if unknown
	Lat, Lon   float64 // degrees (WGS84): see the package comment for what point each kind has
	Population int64   // GeoNames population of a city; for a division the sum of its cities' (a lower bound); 0 if unknown or for other kinds
	Seat       bool    // a city that is the seat of its admin1 division (GeoNames PPLA)
}

// Gazetteer is a set of places indexed by name. It is read-only once built
// and safe for concurrent use.
type Gazetteer struct {
	recs     []rec
	codes    []string // country codes; rec.cc indexes it (0 is "")
	admins   []string // admin1 names; rec.admin indexes it (0 is "")
	idx      table    // folded names and aliases
	acr      table    // case-sensitive: acronyms and ISO codes
	slots    []slot
	post     []int32
	dem      map[uint64]int32
	given    map[uint64]struct{}
	maxWords int
}

type rec struct {
	id       uint32
	name     string
	lat, lon int32 // degrees × 1e5
	pop      uint32
	kind     Kind
	flags    uint8
	cc       uint16
	admin    uint16
}

const (
	flagCapital = 1 << iota // a national capital (GeoNames PPLC)
	flagSeat                // seat of an admin1 division (GeoNames PPLA)
	flagFeature             // a place of lexicon/features.tsv (see Features)
)

// slot locates the postings of one key: the entries with that name, best first.
type slot struct {
	off, n uint32 // post[off:off+n]
}

func (g *Gazetteer) entry(i int32) Entry {
	r := &g.recs[i]
	return Entry{
		ID:         r.id,
		Name:       r.name,
		Kind:       r.kind,
		Country:    g.codes[r.cc],
		Admin1:     g.admins[r.admin],
		Lat:        float64(r.lat) / 1e5,
		Lon:        float64(r.lon) / 1e5,
		Population: int64(r.pop),
		Seat:       r.flags&flagSeat != 0,
	}
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer of the embedded data. It is decoded on the
// first call (some tens of milliseconds) and shared afterwards.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := load(nil)
		if err != nil {
			panic("gazetteer: embedded data: " + err.Error())
		}
		defaultG = g
	})
	return defaultG
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.recs) }

// MaxWords returns the most words a name can span, an upper bound of the n
// that Prefix returns.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Lookup returns the places that name may mean, best first: countries, then
// seas, oceans, gulfs, straits, bays, regions and continents, then admin1
// divisions by population, then admin2 divisions by population, then cities
// by population. (A city that is the seat of an admin1 division of the same
// name, such as Mexico City, comes just before that division.) name may be a canonical name, an alias or, for countries, an
// ISO 3166-1 alpha-2 or alpha-3 code; codes and short all-capital aliases
// ("US", "USA", "U.S.", "UK") match only as written in capitals, and initials
// written with full stops ("E.U.") match nothing else. Otherwise case
// and diacritics do not matter, full stops and apostrophes are ignored, and a
// leading "the" is optional. It returns nil if nothing matches.
func (g *Gazetteer) Lookup(name string) []Entry {
	var hits []int32
	add := func(s *slot) {
	next:
		for _, e := range g.post[s.off : s.off+s.n] {
			for _, h := range hits {
				if h == e {
					continue next
				}
			}
			hits = append(hits, e)
		}
	}
	fields := strings.Fields(name)
	if len(fields) == 1 {
		if h, ok := acronymHash(fields[0]); ok {
			if c := g.acr.get(h); c != nil {
				add(&g.slots[c.id])
			}
		}
		// "E.U." written with stops is initials, not the town of Eu.
		if initials(fields[0]) {
			fields = nil
		}
	}
	if len(fields) > 1 {
		if h, ok := fold.WordOnly(fields[0]); ok && h == theHash {
			fields = fields[1:]
		}
	}
	h := fold.New()
	for _, f := range fields {
		h.Word(f)
	}
	if h.Words > 0 {
		if c := g.idx.get(h.H); c != nil {
			add(&g.slots[c.id])
		}
	}
	if len(hits) == 0 {
		return nil
	}
	out := make([]Entry, len(hits))
	for i, e := range hits {
		out[i] = g.entry(e)
	}
	return out
}

var theHash = fold.Hash("the")

// Prefix reports the longest n ≥ 1 such that words[:n], joined by single
// spaces, is a place name or alias, with the kinds of the places it names; or
// (0, 0) if words[0] begins none. Case, diacritics, full stops and apostrophes
// are ignored as in Lookup, but a leading "the" is not skipped (names that
// begin with it, "The Hague", match with or without it); ISO codes are not
// reported, and short all-capital aliases ("US", "U.S.", "UK") only in
// capitals. Demonyms are not names here (see IsDemonym).
//
// So that common words do not read as places, a one-word city name counts
// only if the city has at least 15,000 people (or is a national capital);
// longer city names need 1,000 people or to be a capital or an admin1 seat;
// and no city or division name listed in lexicon/common_words.txt counts ("Of",
// "Police", "Reading", "White House"). Lookup still finds all of them.
//
// The names of lexicon/features.tsv (islands, rivers, camps, bases) are
// reported with the kind Features rather than Region (see Features).
//
// Prefix does not allocate. A token that folds to nothing (punctuation) ends
// the name.
func (g *Gazetteer) Prefix(words []string) (n int, kinds KindSet) {
	return g.PrefixIn(words, AllKinds|Features)
}

// PrefixIn is Prefix for names of places of the kinds in only: the longest
// such name, and which of those kinds it names. A statistical model trained
// on some kinds should see only those ("Jefferson Parish" is no name to a
// tagger that never saw an admin2 division). The names of
// lexicon/features.tsv count only when only holds Features, which then
// stands for their kind ("Sumatra" is Features, not Region, here).
func (g *Gazetteer) PrefixIn(words []string, only KindSet) (n int, kinds KindSet) {
	if len(words) == 0 {
		return 0, 0
	}
	if w := words[0]; len(w) >= 2 && w[0] >= 'A' && w[0] <= 'Z' {
		if h, ok := acronymHash(w); ok {
			if c := g.acr.get(h); c != nil && c.kinds&only != 0 {
				n, kinds = 1, c.kinds&only
			}
		}
	}
	h := fold.New()
	for i, w := range words {
		if !h.Word(w) {
			break
		}
		c := g.idx.get(h.H)
		if c == nil {
			break
		}
		if c.kinds&only != 0 {
			n, kinds = i+1, c.kinds&only
		}
		if !c.more {
			break
		}
	}
	return n, kinds
}

// Demonym returns the place a demonym names: "Mexican" or "Mexicans" →
// Mexico; "Colombian" → Colombia; "British" → United Kingdom; "African" →
// Africa. It ignores case and diacritics; multi-word demonyms ("South African")
// work too. Where two countries share a demonym the choice is written in
// lexicon/countries.tsv ("Dominican" → Dominican Republic).
func (g *Gazetteer) Demonym(word string) (Entry, bool) {
	h := fold.New()
	for _, f := range strings.Fields(word) {
		h.Word(f)
	}
	if h.Words == 0 {
		return Entry{}, false
	}
	i, ok := g.dem[h.H]
	if !ok {
		return Entry{}, false
	}
	return g.entry(i), true
}

// IsDemonym reports whether word is a demonym, as Demonym reads it. It does
// not allocate.
func (g *Gazetteer) IsDemonym(word string) bool {
	h, ok := fold.WordOnly(word)
	if !ok {
		return false
	}
	_, ok = g.dem[h]
	return ok
}

// IsGivenName reports whether word is a common English given name ("Maria",
// "john"), ignoring case and diacritics. Many given names are also places
// ("Georgia", "Jordan"). It does not allocate.
func (g *Gazetteer) IsGivenName(word string) bool {
	h, ok := fold.WordOnly(word)
	if !ok {
		return false
	}
	_, ok = g.given[h]
	return ok
}

// acronymHash hashes an all-capital token of 2 to 5 letters, full stops
// dropped ("U.S." as "US"). It reports false for anything else.
func acronymHash(w string) (uint64, bool) {
	if len(w) < 2 || len(w) > 10 {
		return 0, false
	}
	h := fold.Offset
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			continue
		case c >= 'A' && c <= 'Z':
			h = (h ^ uint64(c)) * 1099511628211
			n++
		default:
			return 0, false
		}
	}
	return h, n >= 2 && n <= 5
}

// initials reports whether w is capital letters each followed by a full
// stop: "E.U.", "U.S.A.".
func initials(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// Nearest returns the entry of kind k nearest to lat, lon (great-circle
// distance), false when there is none of that kind. It scans every entry,
// so it is for tools and generators, not for a document's hot path.
func (g *Gazetteer) Nearest(lat, lon float64, k Kind) (Entry, bool) {
	best, bestKm := int32(-1), 0.0
	for i := range g.recs {
		r := &g.recs[i]
		if r.kind != k {
			continue
		}
		km := DistanceKm(lat, lon, float64(r.lat)/1e5, float64(r.lon)/1e5)
		if best < 0 || km < bestKm {
			best, bestKm = int32(i), km
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	return g.entry(best), true
}
