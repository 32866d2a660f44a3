package gazetteer

import (
	"strings"
	"testing"
)

// FuzzLookupPrefix feeds arbitrary bytes, invalid UTF-8 included, to every
// query method: none may panic, and Prefix's answer must be consistent.
func FuzzLookupPrefix(f *testing.F) {
	for _, s := range []string{"Gulf of Mexico is", "the U.S.", "Culiacán", "\xff\xfe Mexico", "Saint John 's", "-", "Guinea‐Bissau", "ʼs", "THE"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		g.Lookup(s)
		g.Demonym(s)
		g.IsDemonym(s)
		g.IsGivenName(s)
		for _, words := range [][]string{strings.Fields(s), strings.Split(s, " "), {s}} {
			n, kinds := g.Prefix(words)
			if n < 0 || n > len(words) || n > g.MaxWords() || (n == 0) != (kinds == 0) {
				t.Errorf("Prefix(%q) = %d, %v", words, n, kinds)
			}
			if n > 0 && len(g.Lookup(strings.Join(words[:n], " "))) == 0 && !strings.HasPrefix(words[0], "'") {
				t.Errorf("Prefix(%q) = %d, but Lookup finds nothing", words, n)
			}
			// Of fewer kinds, a name is no longer and names only those.
			only := KindSet(0).With(City).With(Admin2)
			if m, k := g.PrefixIn(words, only); m > n || k&^only != 0 || (m == 0) != (k == 0) || m == n && k != kinds&only {
				t.Errorf("PrefixIn(%q, %v) = %d, %v; Prefix = %d, %v", words, only, m, k, n, kinds)
			}
		}
	})
}
