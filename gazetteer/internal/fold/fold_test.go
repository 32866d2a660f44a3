package fold

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Culiacán", "culiacan"},
		{"  Mexico   City ", "mexico city"},
		{"U.S.", "us"},
		{"Guinea-Bissau", "guinea bissau"},
		{"Bab-el-Mandeb", "bab el mandeb"},
		{"Xi'an", "xian"},
		{"Saint John’s", "saint johns"},
		{"Saint John 's", "saint johns"},
		{"Côte d'Ivoire", "cote divoire"},
		{"Washington, D.C.", "washington dc"},
		{"Øresund", "oresund"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"İzmir", "izmir"},
		{"Hà Nội", "ha noi"},
		{"Cul\u0301iaca\u0301n", "culiacan"}, // combining accents
		{"Москва", "москва"},
		{"Hawaiʻi", "hawaii"},
		{"-", ""},
		{"", ""},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The hash of a name's words, token by token, is the hash of its key.
func TestHasherAgreesWithKey(t *testing.T) {
	for _, s := range []string{"Culiacán", "New York City", "Guinea-Bissau", "Saint John 's", "x '-y", "U.S. Virgin Islands", "Hà Nội", "a\xffb c"} {
		checkAgree(t, s)
	}
}

func checkAgree(t *testing.T, s string) {
	t.Helper()
	h := New()
	for _, w := range strings.Fields(s) {
		h.Word(w)
	}
	key := AppendKey(nil, s)
	if got, want := h.H, HashBytes(key); got != want {
		t.Errorf("%q: token hash %x != hash of key %q %x", s, got, key, want)
	}
	if got, want := h.Words > 0, len(key) > 0; got != want {
		t.Errorf("%q: words %d but key %q", s, h.Words, key)
	}
}

func TestWordOnlyEmpty(t *testing.T) {
	for _, w := range []string{"", ".", "'", "-", ",", "’"} {
		if _, ok := WordOnly(w); ok {
			t.Errorf("WordOnly(%q) reported a word", w)
		}
	}
}

func FuzzHasherAgreesWithKey(f *testing.F) {
	for _, s := range []string{"Culiacán", "x '-y", "a\xffb", "Saint John ’s", "Guinea‐Bissau"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkAgree(t, s) })
}
