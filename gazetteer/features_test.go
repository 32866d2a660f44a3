package gazetteer

import (
	"strconv"
	"strings"
	"testing"
)

// The islands, rivers, camps and bases of lexicon/features.tsv are regions
// to Lookup, best first where a town shares the name.
func TestFeaturesLookup(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  want
	}{
		{"Java", want{"Java", Region, "ID"}}, // not the Georgian village
		{"Sumatra", want{"Sumatra", Region, "ID"}},
		{"Mindanao", want{"Mindanao", Region, "PH"}},
		{"Hong Kong Island", want{"Hong Kong Island", Region, "HK"}},
		{"the Indus River", want{"Indus River", Region, "PK"}},
		{"Indus", want{"Indus River", Region, "PK"}},
		{"Dadaab", want{"Dadaab", Region, "KE"}},
		{"Dadaab refugee camp", want{"Dadaab", Region, "KE"}},
		{"Fort Detrick", want{"Fort Detrick", Region, "US"}},
		{"Long Island", want{"Long Island", Region, "US"}}, // New York's before the Bahamas district
		{"Lake Chad", want{"Lake Chad", Region, ""}},
		{"al-Hawl", want{"al-Hol", Region, "SY"}}, // the camp before the village beside it
	} {
		es := Default().Lookup(tc.query)
		if len(es) == 0 || !tc.want.matches(es[0]) {
			t.Errorf("Lookup(%q) = %v, want first %+v", tc.query, es, tc.want)
		}
	}
}

// The tagger's model was trained without these names: PrefixIn reports
// them only when asked for Features, and Prefix always.
func TestFeaturesHiddenFromKinds(t *testing.T) {
	g := Default()
	tagger := AllKinds.Without(Admin2) // what ner asks for
	for _, tc := range []struct {
		words     string
		only      KindSet
		n         int
		kinds     KindSet
		prefixN   int
		prefixHas KindSet
	}{
		{"Sumatra quake", tagger, 0, 0, 1, Features},
		{"Java update", tagger, 0, 0, 1, Features},
		{"Hong Kong Island", tagger, 2, KindSet(0).With(Country).With(City), 3, Features},
		{"Long Island", tagger, 2, KindSet(0).With(Admin1), 2, Features | KindSet(0).With(Admin1)},
		{"Fort Detrick", AllKinds, 0, 0, 2, Features},
		{"Fort Detrick", Features, 2, Features, 2, Features},
	} {
		words := strings.Fields(tc.words)
		n, kinds := g.PrefixIn(words, tc.only)
		if n != tc.n || kinds != tc.kinds {
			t.Errorf("PrefixIn(%q, %v) = %d, %v; want %d, %v", tc.words, tc.only, n, kinds, tc.n, tc.kinds)
		}
		n, kinds = g.Prefix(words)
		if n != tc.prefixN || kinds&tc.prefixHas != tc.prefixHas {
			t.Errorf("Prefix(%q) = %d, %v; want %d with %v", tc.words, n, kinds, tc.prefixN, tc.prefixHas)
		}
	}
	if AllKinds&Features != 0 || !AllKinds.Has(Country) || !AllKinds.Has(Admin2) {
		t.Errorf("AllKinds = %b", AllKinds)
	}
}

// Each place says where its point comes from; a point said to be a
// town's ("town ID") is that town's, and every place of a country lies in
// it as far as its nearest town tells, so that a slip of a sign or a digit
// shows.
func TestFeaturesPoints(t *testing.T) {
	g := Default()
	lex, err := readLex("features.tsv")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint32]Entry{}
	for i := range g.recs {
		if g.recs[i].kind == City {
			byID[g.recs[i].id] = g.entry(int32(i))
		}
	}
	hasTown := map[string]bool{}
	for _, e := range byID {
		hasTown[e.Country] = true
	}
	rows := 0
	for _, line := range lines(lex) {
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Errorf("%d columns in %q", len(f), line)
			continue
		}
		rows++
		lat, _ := strconv.ParseFloat(f[3], 64)
		lon, _ := strconv.ParseFloat(f[4], 64)
		src := strings.Fields(f[6])
		switch {
		case len(src) == 1 && (src[0] == "page" || src[0] == "approx"):
		case len(src) >= 2 && src[0] == "town":
			id, err := strconv.ParseUint(src[1], 10, 32)
			town, ok := byID[uint32(id)]
			if err != nil || !ok {
				t.Errorf("%s: no town %s", f[1], src[1])
				continue
			}
			if DistanceKm(lat, lon, town.Lat, town.Lon) > 1.5 {
				t.Errorf("%s at %v,%v, but %s is at %v,%v", f[1], lat, lon, town.Name, town.Lat, town.Lon)
			}
		default:
			t.Errorf("%s: source %q is not page, approx or town ID", f[1], f[6])
		}
		if f[2] != "" && hasTown[f[2]] {
			if near, _ := g.Nearest(lat, lon, City); near.Country != f[2] {
				t.Errorf("%s (%s) at %v,%v: nearest town %s is in %s", f[1], f[2], lat, lon, near.Name, near.Country)
			}
		}
	}
	if rows < 50 {
		t.Errorf("%d rows read", rows)
	}
}
