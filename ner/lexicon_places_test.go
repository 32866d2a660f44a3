package ner

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

// The tagger sees the gazetteer it was trained on: no admin2 divisions, so
// that adding counties does not change its features ("Jefferson Parish" is
// no place name to it; "Surrey" is still the Canadian city's name).
func TestPlacesLeaveOutAdmin2(t *testing.T) {
	lx := defaultLexicon()
	for _, tc := range []struct {
		words string
		n     int
		has   gazetteer.Kind
	}{
		{"Jefferson Parish officials", 0, 0},
		{"Pangasinan province", 0, 0},
		{"Surrey police", 1, gazetteer.City},
		{"New York state", 2, gazetteer.Admin1},
	} {
		n, kinds := lx.places(strings.Fields(tc.words))
		k := gazetteer.KindSet(kinds)
		if n != tc.n || k.Has(gazetteer.Admin2) || tc.has != 0 && !k.Has(tc.has) {
			t.Errorf("places(%q) = %d, %v; want %d with %v and no admin2", tc.words, n, k, tc.n, tc.has)
		}
	}
}
