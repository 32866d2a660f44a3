package geo

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// places turns the resolved mentions into Places, reads the maritime
// phrases around them, and returns them sorted and without overlaps.
func (r *resolver) places(ms []mention) []sitrep.Place {
	out := make([]sitrep.Place, 0, len(ms)+4)
	for i := range ms {
		m := &ms[i]
		if m.pick < 0 {
			continue
		}
		e := m.cands[m.pick]
		if sp, ok := r.offCoast(m.first, m.last); ok && landKind(e.Kind) {
			out = append(out, r.waters(sp, e))
			continue
		}
		out = append(out, r.place(m.span, e, r.areaCentre(e)))
	}
	out = append(out, r.demonymCoasts()...)
	out = append(out, r.openWater()...)
	slices.SortStableFunc(out, func(a, b sitrep.Place) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	kept := out[:0]
	end := -1
	for _, p := range out {
		if p.Start >= end {
			kept = append(kept, p)
			end = p.End
		}
	}
	return kept
}

// areaCentre is the point of an entry: for an area the point its
// Wikipedia page gives when known; else for a country or an admin1
// division the centre of its area when known; else the gazetteer's point.
func (r *resolver) areaCentre(e gazetteer.Entry) point {
	if e.Kind != gazetteer.City {
		if p, ok := r.lx.pages[areaKey{e.Kind, e.Country, e.Name}]; ok {
			return p
		}
	}
	switch e.Kind {
	case gazetteer.Country:
		if c, ok := r.lx.centres[e.Country]; ok {
			return c
		}
	case gazetteer.Admin1:
		if c, ok := r.lx.admin1[admin1Key{e.Country, e.Name}]; ok {
			return c
		}
	}
	return point{e.Lat, e.Lon}
}

func (r *resolver) place(sp sitrep.Span, e gazetteer.Entry, at point) sitrep.Place {
	lat, lon := r.coords(at)
	return sitrep.Place{
		Span:    sp,
		Text:    sp.In(r.text),
		Name:    e.Name,
		Kind:    e.Kind.String(),
		Country: e.Country,
		ID:      strconv.FormatUint(uint64(e.ID), 10),
		Lat:     lat,
		Lon:     lon,
	}
}

// coords returns pointers to the coordinates of p, kept in one slab per
// document rather than allocated one by one.
func (r *resolver) coords(p point) (*float64, *float64) {
	if len(r.slab)+2 > cap(r.slab) {
		r.slab = make([]float64, 0, max(64, 2*cap(r.slab)))
	}
	r.slab = append(r.slab, p.lat, p.lon)
	n := len(r.slab)
	return &r.slab[n-2], &r.slab[n-1]
}

// watersIDPrefix opens the ID of the waters off a coast, which is the
// coast's ID after it: the waters are not the land, and a consumer grouping
// places by ID must not merge them.
const watersIDPrefix = "waters-off:"

// waters is the sea off a country's (or a division's, or a city's) coast:
// it has no entry of its own, so it takes the land's country and gazetteer
// point (for a country its capital, usually nearer the coast than its
// centre), and an ID made from the land's.
func (r *resolver) waters(sp sitrep.Span, e gazetteer.Entry) sitrep.Place {
	p := r.place(sp, e, point{e.Lat, e.Lon})
	p.Name = "waters off " + e.Name
	p.Kind = "sea"
	p.ID = watersIDPrefix + p.ID
	return p
}

func landKind(k gazetteer.Kind) bool {
	return k == gazetteer.Country || k == gazetteer.Admin1 || k == gazetteer.Admin2 || k == gazetteer.City
}

// offCoast reads the place of tokens [first, last) as the sea off it: "off
// the coast of X", "off the coasts of X", "off X’s coast", "off the X
// coast". It returns the span of the whole phrase.
func (r *resolver) offCoast(first, last int) (sitrep.Span, bool) {
	if r.wordsAre(first-4, "off", "the", "coast", "of") || r.wordsAre(first-4, "off", "the", "coasts", "of") {
		return sitrep.Span{Start: r.toks[first-4].Start, End: r.toks[last-1].End}, true
	}
	if r.wordsAre(first-1, "off") {
		if r.isPossessive(last) && r.isCoast(last+1) {
			return sitrep.Span{Start: r.toks[first-1].Start, End: r.toks[last+1].End}, true
		}
	}
	if r.wordsAre(first-2, "off", "the") && r.isCoast(last) {
		return sitrep.Span{Start: r.toks[first-2].Start, End: r.toks[last].End}, true
	}
	return sitrep.Span{}, false
}

// demonymCoasts finds "off the Venezuelan coast", whose land is named by a
// demonym that is no mention of its own.
func (r *resolver) demonymCoasts() []sitrep.Place {
	var out []sitrep.Place
	for i := 0; i+3 < len(r.toks); i++ {
		if !r.wordsAre(i, "off", "the") || !r.isCoast(i+3) {
			continue
		}
		if e, ok := r.g.Demonym(r.word(i + 2)); ok && landKind(e.Kind) {
			out = append(out, r.waters(sitrep.Span{Start: r.toks[i].Start, End: r.toks[i+3].End}, e))
		}
	}
	return out
}

// openWater finds "international waters", "the high seas": seas with no
// point.
func (r *resolver) openWater() []sitrep.Place {
	var out []sitrep.Place
	for i := range r.toks {
		for _, phrase := range r.lx.openWater {
			if !r.wordsAre(i, phrase...) {
				continue
			}
			first := i
			if first > 0 && strings.EqualFold(r.word(first-1), "the") {
				first--
			}
			sp := sitrep.Span{Start: r.toks[first].Start, End: r.toks[i+len(phrase)-1].End}
			out = append(out, sitrep.Place{Span: sp, Text: sp.In(r.text), Name: strings.Join(phrase, " "), Kind: "sea"})
			break
		}
	}
	return out
}

// wordsAre reports whether the tokens from i on are words, ignoring case.
func (r *resolver) wordsAre(i int, words ...string) bool {
	if i < 0 || i+len(words) > len(r.toks) {
		return false
	}
	for k, w := range words {
		// The words here are ASCII, so a token of another length or
		// first letter cannot match: checking those first spares
		// EqualFold on most tokens.
		if t := r.word(i + k); len(t) != len(w) || t[0]|0x20 != w[0]|0x20 || !strings.EqualFold(t, w) {
			return false
		}
	}
	return true
}

func (r *resolver) isPossessive(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	w := r.word(i)
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

func (r *resolver) isCoast(i int) bool {
	return r.wordsAre(i, "coast") || r.wordsAre(i, "coasts") || r.wordsAre(i, "coastline")
}
