package gazetteer

import (
	"strconv"
	"strings"
)

// Kind is what sort of place an entry is.
type Kind uint8

// The kinds of place, in no particular order of rank (see Lookup for that).
const (
	Country Kind = iota + 1
	Admin1       // first-level division: state, province, region, oblast
	City         // populated place: city, town, village, district of a city
	Sea
	Ocean // oceans and named parts of them ("Eastern Pacific")
	Gulf
	Strait // straits, channels, passages and ship canals
	Bay
	Region    // a named area spanning or inside countries ("Middle East", "Sahel", "West Bank")
	Continent // Africa, Asia, Europe, North America, South America, Oceania, Antarctica
	Admin2    // second-level division: county, département, province of a region
)

var kindNames = [...]string{"", "country", "admin1", "city", "sea", "ocean", "gulf", "strait", "bay", "region", "continent", "admin2"}

// String returns the kind's lower-case name: "country", "admin1", "admin2",
// "city", "sea", "ocean", "gulf", "strait", "bay", "region" or "continent".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind returns the Kind whose String is s.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if i > 0 && n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// Water reports whether k is a body or passage of water.
func (k Kind) Water() bool { return k >= Sea && k <= Bay }

// KindSet is a set of kinds: bit 1<<k for each kind k in it.
type KindSet uint16

// Has reports whether k is in the set.
func (s KindSet) Has(k Kind) bool { return s&(1<<k) != 0 }

// With returns the set with k added.
func (s KindSet) With(k Kind) KindSet { return s | 1<<k }

// Without returns the set with k taken out.
func (s KindSet) Without(k Kind) KindSet { return s &^ (1 << k) }

// AllKinds is the set of every kind: bits Country to Admin2, the last.
// It leaves out Features, which is no kind.
const AllKinds KindSet = 1<<(Admin2+1) - 1<<Country

// Features stands, in a KindSet, for the names of lexicon/features.tsv:
// islands, rivers, lakes, deltas, camps and military bases, which Lookup
// gives as regions (Kind Region; sitrep's consumers know no other kind for
// them). It is no kind's bit, and AllKinds leaves it out, because the
// entity tagger's model was trained before these names were added: it reads
// the gazetteer with PrefixIn and its kinds, and must see exactly what it
// was trained on. Prefix reports them; PrefixIn only when asked.
const Features KindSet = 1 << 15

// String lists the kinds, "country|city" ("features" for Features).
func (s KindSet) String() string {
	var parts []string
	for k := Country; int(k) < len(kindNames); k++ {
		if s.Has(k) {
			parts = append(parts, k.String())
		}
	}
	if s&Features != 0 {
		parts = append(parts, "features")
	}
	return strings.Join(parts, "|")
}
