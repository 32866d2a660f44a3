package story

import (
	"strconv"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// A country holds its divisions and towns, an admin1 division its admin2
// divisions (an English county lies in England) and towns; nothing holds
// what lies elsewhere.
func TestIncContains(t *testing.T) {
	place := func(name string, kind gazetteer.Kind, country string) *sitrep.Place {
		for _, e := range gazetteer.Default().Lookup(name) {
			if e.Kind == kind && e.Country == country {
				return &sitrep.Place{Name: e.Name, Kind: kind.String(), Country: country, ID: strconv.FormatUint(uint64(e.ID), 10)}
			}
		}
		t.Fatalf("no %v %s in %s", kind, name, country)
		return nil
	}
	uk := place("United Kingdom", gazetteer.Country, "GB")
	england := place("England", gazetteer.Admin1, "GB")
	scotland := place("Scotland", gazetteer.Admin1, "GB")
	suffolk := place("Suffolk", gazetteer.Admin2, "GB")
	ipswich := place("Ipswich", gazetteer.City, "GB")
	texas := place("Texas", gazetteer.Admin1, "US")
	harris := place("Harris County", gazetteer.Admin2, "US")
	for _, tc := range []struct {
		a, b *sitrep.Place
		want bool
	}{
		{uk, suffolk, true},
		{england, suffolk, true},
		{scotland, suffolk, false},
		{england, ipswich, true},
		{texas, harris, true},
		{texas, suffolk, false},
		{suffolk, england, false},
		{uk, harris, false},
	} {
		if got := incContains(tc.a, tc.b); got != tc.want {
			t.Errorf("incContains(%s, %s) = %v, want %v", tc.a.Name, tc.b.Name, got, tc.want)
		}
	}
}
