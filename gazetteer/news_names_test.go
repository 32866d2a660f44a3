package gazetteer

import (
	"strings"
	"testing"
)

// The news spellings of lexicon/news_names.tsv find their GeoNames place
// in Lookup, and the tagger (PrefixIn without Features) never sees them.
func TestNewsNames(t *testing.T) {
	g := Default()
	tagger := AllKinds.Without(Admin2)
	for _, tc := range []struct {
		name   string
		id     uint32 // 0: a place of features.tsv, by name
		idName string
		tagged int // what PrefixIn(tagger) reads, as before the list
	}{
		{"Jabalia", 281129, "", 0},
		{"Khan Younis", 281124, "", 0},
		{"Cologne", 2886242, "", 0},
		{"Zaporizhzhia", 0, "Zaporizhzhia", 1}, // the oblast first, as before; the city follows
		{"Hodeidah", 79415, "", 0},
		{"Chibok", 2346076, "", 0},
		{"Cite Soleil", 0, "Cité Soleil", 0},
	} {
		es := g.Lookup(tc.name)
		if len(es) == 0 || tc.id != 0 && es[0].ID != tc.id || tc.id == 0 && es[0].Name != tc.idName {
			t.Errorf("Lookup(%q) = %v, want first id %d %s", tc.name, es, tc.id, tc.idName)
		}
		words := strings.Fields(tc.name)
		if n, _ := g.PrefixIn(words, tagger); n != tc.tagged {
			t.Errorf("PrefixIn(%q, tagger) = %d, want %d", tc.name, n, tc.tagged)
		}
		if n, k := g.Prefix(words); n != len(words) || k&Features == 0 {
			t.Errorf("Prefix(%q) = %d, %v; want %d with features", tc.name, n, k, len(words))
		}
	}
	if es := g.Lookup("Zaporizhzhia"); len(es) < 2 || es[1].ID != 687700 || !es[1].Seat {
		t.Errorf("Lookup(Zaporizhzhia) = %v, want the seat city second", es)
	}
}
