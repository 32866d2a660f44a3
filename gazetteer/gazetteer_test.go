package gazetteer

import (
	"io/fs"
	"math"
	"strings"
	"sync"
	"testing"
)

type want struct {
	name    string
	kind    Kind
	country string
}

func (w want) matches(e Entry) bool {
	return e.Name == w.name && e.Kind == w.kind && e.Country == w.country
}

// Lookup finds the place a name most likely means first.
func TestLookupBestFirst(t *testing.T) {
	us := want{"United States", Country, "US"}
	gb := want{"United Kingdom", Country, "GB"}
	for _, tc := range []struct {
		query string
		want  want
	}{
		// Countries, by name, alias or code.
		{"United States", us},
		{"the United States", us},
		{"The United States", us},
		{"United States of America", us},
		{"U.S.", us},
		{"US", us},
		{"USA", us},
		{"U.S.A.", us},
		{"America", us}, // as in US news; "the Americas" is the region
		{"UK", gb},
		{"Britain", gb},
		{"Great Britain", gb},
		{"Russia", want{"Russia", Country, "RU"}},
		{"Russian Federation", want{"Russia", Country, "RU"}},
		{"Ivory Coast", want{"Ivory Coast", Country, "CI"}},
		{"Côte d'Ivoire", want{"Ivory Coast", Country, "CI"}},
		{"Cote dIvoire", want{"Ivory Coast", Country, "CI"}},
		{"Guinea Bissau", want{"Guinea-Bissau", Country, "GW"}},
		{"Burma", want{"Myanmar", Country, "MM"}},
		{"DRC", want{"Democratic Republic of the Congo", Country, "CD"}},
		{"MEX", want{"Mexico", Country, "MX"}},
		{"GBR", gb},
		{"Mexico", want{"Mexico", Country, "MX"}},
		{"Venezuela", want{"Venezuela", Country, "VE"}},
		// Water.
		{"Caribbean Sea", want{"Caribbean Sea", Sea, ""}},
		{"the Caribbean", want{"Caribbean Sea", Sea, ""}}, // the region comes next
		{"Pacific Ocean", want{"Pacific Ocean", Ocean, ""}},
		{"the Pacific", want{"Pacific Ocean", Ocean, ""}},
		{"eastern Pacific", want{"Eastern Pacific", Ocean, ""}},
		{"the eastern Pacific", want{"Eastern Pacific", Ocean, ""}},
		{"Gulf of Mexico", want{"Gulf of Mexico", Gulf, ""}},
		{"Gulf of America", want{"Gulf of Mexico", Gulf, ""}},
		{"gulf of mexico", want{"Gulf of Mexico", Gulf, ""}},
		{"Strait of Hormuz", want{"Strait of Hormuz", Strait, ""}},
		{"Bab el-Mandeb", want{"Bab-el-Mandeb", Strait, ""}},
		{"Bay of Bengal", want{"Bay of Bengal", Bay, ""}},
		{"Red Sea", want{"Red Sea", Sea, ""}},
		// Regions and continents.
		{"Latin America", want{"Latin America", Region, ""}},
		{"the Middle East", want{"Middle East", Region, ""}},
		{"Middle East", want{"Middle East", Region, ""}},
		{"the Balkans", want{"Balkans", Region, ""}},
		{"the Sahel", want{"Sahel", Region, ""}},
		{"the Horn of Africa", want{"Horn of Africa", Region, ""}},
		{"the Gulf", want{"Gulf States", Region, ""}},
		{"West Bank", want{"West Bank", Region, "PS"}},
		{"Gaza", want{"Gaza Strip", Region, "PS"}},
		{"Africa", want{"Africa", Continent, ""}},
		{"South America", want{"South America", Continent, ""}},
		// Admin1 divisions.
		{"Sinaloa", want{"Sinaloa", Admin1, "MX"}},
		{"Michoacán", want{"Michoacán", Admin1, "MX"}},
		{"Michoacan", want{"Michoacán", Admin1, "MX"}},
		{"Texas", want{"Texas", Admin1, "US"}},
		{"New York", want{"New York", Admin1, "US"}}, // admin1 ranks above the city
		// Cities.
		{"Mexico City", want{"Mexico City", City, "MX"}}, // the seat before its same-named division
		{"Culiacan", want{"Culiacán", City, "MX"}},
		{"Culiacán", want{"Culiacán", City, "MX"}},
		{"CULIACÁN", want{"Culiacán", City, "MX"}},
		{"New York City", want{"New York City", City, "US"}},
		{"Kiev", want{"Kyiv", City, "UA"}},
		{"The Hague", want{"The Hague", City, "NL"}},
		{"Hague", want{"The Hague", City, "NL"}},
		{"Reading", want{"Reading", City, "GB"}}, // a common word, but Lookup finds it
		{"St. Petersburg", want{"Saint Petersburg", City, "RU"}},
	} {
		got := Default().Lookup(tc.query)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) found nothing, want %+v", tc.query, tc.want)
			continue
		}
		if !tc.want.matches(got[0]) {
			t.Errorf("Lookup(%q)[0] = %q %v %q, want %+v", tc.query, got[0].Name, got[0].Kind, got[0].Country, tc.want)
		}
	}
}

func TestLookupFinds(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  want
	}{
		{"the Caribbean", want{"Caribbean", Region, ""}},
		{"New York", want{"New York City", City, "US"}},
		{"Mexico City", want{"Mexico City", Admin1, "MX"}},
		{"Mexico", want{"México", Admin1, "MX"}},
		{"Gaza", want{"Gaza", City, "PS"}},
		{"Georgia", want{"Georgia", Admin1, "US"}},
	} {
		found := false
		for _, e := range Default().Lookup(tc.query) {
			found = found || tc.want.matches(e)
		}
		if !found {
			t.Errorf("Lookup(%q) lacks %+v", tc.query, tc.want)
		}
	}
}

// ISO codes and short all-capital aliases match only in capitals.
func TestLookupCodesAreCaseSensitive(t *testing.T) {
	for _, q := range []string{"us", "Us", "u.s.", "usa", "uk", "mex", "Mex", "gbr"} {
		for _, e := range Default().Lookup(q) {
			if e.Kind == Country {
				t.Errorf("Lookup(%q) found the country %s", q, e.Name)
			}
		}
	}
}

func TestLookupNothing(t *testing.T) {
	for _, q := range []string{"", "  ", "the", "The", "Qwxzv Plorbington", ".", "\xff\xfe", "the the",
		"E.U.", // initials, not the town of Eu in Normandy
	} {
		if got := Default().Lookup(q); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", q, got)
		}
	}
}

func rankOf(k Kind) int {
	switch k {
	case Country:
		return 0
	case Admin1:
		return 2
	case Admin2:
		return 3
	case City:
		return 4
	}
	return 1
}

// Results come country, then water and regions, then admin1, then admin2, then cities,
// each by population; a seat city may come just before its same-named
// division.
func TestLookupOrder(t *testing.T) {
	for _, q := range []string{"Mexico", "Georgia", "Washington", "San José", "Springfield", "Santa Cruz", "Victoria", "Gaza", "Caribbean", "Moscow", "Punjab", "Cornwall", "Laguna"} {
		got := Default().Lookup(q)
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			seatBeforeDivision := a.Kind == City && b.Kind == Admin1 && a.Country == b.Country && a.Admin1 == b.Name
			if rankOf(a.Kind) > rankOf(b.Kind) && !seatBeforeDivision {
				t.Errorf("Lookup(%q): %s (%v) before %s (%v)", q, a.Name, a.Kind, b.Name, b.Kind)
			}
			if a.Kind == b.Kind && (a.Kind == City || a.Kind == Admin1 || a.Kind == Admin2) && a.Population < b.Population {
				t.Errorf("Lookup(%q): %s (%d) before more populous %s (%d)", q, a.Name, a.Population, b.Name, b.Population)
			}
		}
	}
}

func TestEntryFields(t *testing.T) {
	g := Default()
	c := g.Lookup("Culiacán")[0]
	if c.ID != 4012176 || c.Admin1 != "Sinaloa" || c.Country != "MX" || c.Population < 500000 {
		t.Errorf("Culiacán = %+v", c)
	}
	if math.Abs(c.Lat-24.79) > 0.1 || math.Abs(c.Lon+107.39) > 0.1 {
		t.Errorf("Culiacán at %v, %v", c.Lat, c.Lon)
	}
	us := g.Lookup("US")[0]
	if math.Abs(us.Lat-38.9) > 0.5 || math.Abs(us.Lon+77) > 0.5 { // Washington, D.C.
		t.Errorf("United States at %v, %v; want its capital", us.Lat, us.Lon)
	}
	s := g.Lookup("Sinaloa")[0]
	if s.Admin1 != "Sinaloa" || math.Abs(s.Lat-25) > 1.5 || math.Abs(s.Lon+107.5) > 1.5 || s.Population < 1000000 {
		t.Errorf("Sinaloa = %+v", s)
	}
	for _, e := range g.Lookup("Caribbean Sea") {
		if e.ID&(1<<31) == 0 {
			t.Errorf("%s has id %d, want a generated id (top bit set)", e.Name, e.ID)
		}
	}
}

// Every entry has its own id.
func TestIDsUnique(t *testing.T) {
	g := Default()
	seen := make(map[uint32]string, len(g.recs))
	for _, r := range g.recs {
		if other, dup := seen[r.id]; dup {
			t.Errorf("id %d: %s and %s", r.id, other, r.name)
		}
		seen[r.id] = r.name
	}
}

// No two different keys share a 64-bit hash (the index keeps hashes only).
func TestNoKeyHashCollisions(t *testing.T) {
	keys := map[uint64]string{}
	hook := func(key string, h uint64) {
		if k, ok := keys[h]; ok && k != key {
			t.Errorf("keys %q and %q share hash %x", k, key, h)
		}
		keys[h] = key
	}
	if _, err := load(hook); err != nil {
		t.Fatal(err)
	}
	if len(keys) < 100000 {
		t.Errorf("only %d keys indexed", len(keys))
	}
}

func TestCoverage(t *testing.T) {
	g := Default()
	count := map[Kind]int{}
	for _, r := range g.recs {
		count[r.kind]++
	}
	water := count[Sea] + count[Ocean] + count[Gulf] + count[Strait] + count[Bay]
	if count[Country] < 240 || count[Admin1] < 3000 || count[City] < 130000 || water < 80 || count[Region]+count[Continent] < 50 {
		t.Errorf("entries per kind: %v (water %d)", count, water)
	}
}

func TestDemonym(t *testing.T) {
	for _, tc := range []struct {
		word string
		want want
	}{
		{"Mexican", want{"Mexico", Country, "MX"}},
		{"Mexicans", want{"Mexico", Country, "MX"}},
		{"mexican", want{"Mexico", Country, "MX"}},
		{"Venezuelan", want{"Venezuela", Country, "VE"}},
		{"Venezuelans", want{"Venezuela", Country, "VE"}},
		{"Colombian", want{"Colombia", Country, "CO"}},
		{"Colombians", want{"Colombia", Country, "CO"}},
		{"American", want{"United States", Country, "US"}},
		{"Americans", want{"United States", Country, "US"}},
		{"British", want{"United Kingdom", Country, "GB"}},
		{"Britons", want{"United Kingdom", Country, "GB"}},
		{"Chinese", want{"China", Country, "CN"}},
		{"Dutch", want{"Netherlands", Country, "NL"}},
		{"Filipinos", want{"Philippines", Country, "PH"}},
		{"Iraqis", want{"Iraq", Country, "IQ"}},
		{"Israelis", want{"Israel", Country, "IL"}},
		{"Palestinians", want{"Palestine", Country, "PS"}},
		{"Emirati", want{"United Arab Emirates", Country, "AE"}},
		{"Frenchmen", want{"France", Country, "FR"}},
		{"South African", want{"South Africa", Country, "ZA"}},
		{"Bissau-Guinean", want{"Guinea-Bissau", Country, "GW"}},
		{"Dominican", want{"Dominican Republic", Country, "DO"}},
		{"Congolese", want{"Democratic Republic of the Congo", Country, "CD"}},
		{"Ivorian", want{"Ivory Coast", Country, "CI"}},
		{"African", want{"Africa", Continent, ""}},
		{"Latin American", want{"Latin America", Region, ""}},
		{"Middle Eastern", want{"Middle East", Region, ""}},
		{"Central African", want{"Central African Republic", Country, "CF"}},
	} {
		e, ok := Default().Demonym(tc.word)
		if !ok || !tc.want.matches(e) {
			t.Errorf("Demonym(%q) = %q %v %q, %v; want %+v", tc.word, e.Name, e.Kind, e.Country, ok, tc.want)
		}
		if !strings.Contains(tc.word, " ") && !Default().IsDemonym(tc.word) {
			t.Errorf("IsDemonym(%q) = false", tc.word)
		}
	}
	for _, w := range []string{"Mexico", "Americas", "", "the", "Police", "\xff"} {
		if e, ok := Default().Demonym(w); ok {
			t.Errorf("Demonym(%q) = %s, want none", w, e.Name)
		}
		if Default().IsDemonym(w) {
			t.Errorf("IsDemonym(%q) = true", w)
		}
	}
}

// The 193 member states of the United Nations.
var unMembers = strings.Fields(`
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT
GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW
MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL
PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG
TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`)

// Every UN member state, and the observer Palestine, has a country entry and
// a demonym that leads to it, but for two whose demonym is shared with a
// country more often meant (as lexicon/countries.tsv records).
func TestUNMembersHaveDemonyms(t *testing.T) {
	shared := map[string]string{"CG": "Congolese", "DM": "Dominican"}
	if len(unMembers) != 193 {
		t.Fatalf("%d UN members listed, want 193", len(unMembers))
	}
	g := Default()
	has := map[string]bool{}
	for _, e := range g.dem {
		if r := g.recs[e]; r.kind == Country {
			has[g.codes[r.cc]] = true
		}
	}
	for _, cc := range append(unMembers, "PS") {
		if w, ok := shared[cc]; ok {
			if !g.IsDemonym(w) {
				t.Errorf("no demonym %q", w)
			}
		} else if !has[cc] {
			t.Errorf("no demonym for %s", cc)
		}
		if got := g.Lookup(cc); len(got) == 0 || got[0].Kind != Country || got[0].Country != cc {
			t.Errorf("Lookup(%q) = %v", cc, got)
		}
	}
}

func TestPrefix(t *testing.T) {
	k := func(kinds ...Kind) KindSet {
		var s KindSet
		for _, k := range kinds {
			s = s.With(k)
		}
		return s
	}
	for _, tc := range []struct {
		words string // split at spaces; "_" stands for an empty word
		n     int
		kinds KindSet // checked when not 0: these kinds must be present
		exact bool    // kinds must be exactly these
	}{
		{"Gulf of Mexico is", 3, k(Gulf), true},
		{"New York City police", 3, k(City), true},
		{"New York state", 2, k(Admin1, City), true},
		{"The", 0, 0, true},
		{"the Middle East", 0, 0, true}, // a leading "the" is part of no name here
		{"Middle East peace", 2, k(Region), true},
		{"Latin America and", 2, k(Region), true},
		{"Strait of Hormuz .", 3, k(Strait), true},
		{"Bab-el-Mandeb", 1, k(Strait), true},
		{"Bab el-Mandeb Strait", 3, k(Strait), true},
		{"Bab el-Mandeb to", 2, k(Strait), true},
		{"U.S. officials", 1, k(Country), true},
		{"US strikes", 1, k(Country), false},
		{"UK", 1, k(Country), true},
		{"us", 0, 0, true},
		{"usa", 0, 0, true},
		{"Mexico 's", 1, k(Country), false},
		{"Mexico City 's", 2, k(City, Admin1), true},
		{"Culiacán police", 1, k(City), true},
		{"Culiacan", 1, k(City), true},
		{"CULIACAN", 1, k(City), true},
		{"Sinaloa cartel", 1, k(Admin1), false},
		{"Michoacan", 1, k(Admin1), false},
		{"Guinea-Bissau", 1, k(Country), true},
		{"Guinea Bissau", 2, k(Country), true},
		{"Caribbean", 1, k(Sea, Region), true},
		{"the Caribbean", 0, 0, true},
		{"Pacific", 1, k(Ocean), false},
		{"The Hague", 2, k(City), true},
		{"Hague", 1, k(City), true},
		{"Of", 0, 0, true},           // Of, Turkey
		{"Police", 0, 0, true},       // Police, Poland
		{"Reading", 0, 0, true},      // Reading, England
		{"Mobile", 0, 0, true},       // Mobile, Alabama
		{"Best", 0, 0, true},         // Best, Netherlands
		{"Man", 0, 0, true},          // Man, Ivory Coast
		{"Mexican", 0, 0, true},      // demonyms are not names
		{"Culiacancito", 0, 0, true}, // one word, 4,309 people
		{"Los Mochis", 2, k(City), false},
		{"Venezuela", 1, k(Country), false},
		{"Kiev", 1, k(City), true},
		{"_ Mexico", 0, 0, true},
		{". Mexico", 0, 0, true},
		{"", 0, 0, true},
	} {
		var words []string
		if tc.words != "" {
			words = strings.Split(tc.words, " ")
		}
		for i, w := range words {
			if w == "_" {
				words[i] = ""
			}
		}
		n, kinds := Default().Prefix(words)
		bad := n != tc.n
		if tc.exact {
			bad = bad || kinds != tc.kinds
		} else {
			bad = bad || kinds&tc.kinds != tc.kinds
		}
		if bad {
			t.Errorf("Prefix(%q) = %d, %v; want %d, %v", words, n, kinds, tc.n, tc.kinds)
		}
	}
}

func TestPrefixWithinMaxWords(t *testing.T) {
	g := Default()
	if g.MaxWords() < 5 {
		t.Errorf("MaxWords() = %d", g.MaxWords())
	}
	words := strings.Fields("Saint Vincent and the Grenadines and Bosnia and Herzegovina and the Democratic Republic of the Congo")
	for i := range words {
		if n, _ := g.Prefix(words[i:]); n > g.MaxWords() {
			t.Errorf("Prefix(%q) = %d > MaxWords %d", words[i:], n, g.MaxWords())
		}
	}
	if n, k := g.Prefix(words); n != 5 || !k.Has(Country) {
		t.Errorf("Prefix(%q) = %d, %v", words, n, k)
	}
}

var sentence = strings.Fields(`The U.S. military struck a boat in the eastern Pacific on Monday , killing three people , ` +
	`Defense Secretary Pete Hegseth said , as officials in Mexico City and Culiacán , the capital of Sinaloa , ` +
	`warned that strikes in the Caribbean and the Gulf of Mexico could reach Mexican soil . Venezuela 's ` +
	`President said the New York Times reported that Colombians and Venezuelans were among the dead .`)

func TestNoAllocations(t *testing.T) {
	g := Default()
	allocs := testing.AllocsPerRun(20, func() {
		for i := range sentence {
			g.Prefix(sentence[i:])
			g.IsDemonym(sentence[i])
			g.IsGivenName(sentence[i])
		}
	})
	if allocs != 0 {
		t.Errorf("Prefix, IsDemonym and IsGivenName allocate %v times a sentence", allocs)
	}
}

func TestIsGivenName(t *testing.T) {
	g := Default()
	for _, w := range []string{"John", "john", "Maria", "Pete", "Zoë", "Georgia"} {
		if !g.IsGivenName(w) {
			t.Errorf("IsGivenName(%q) = false", w)
		}
	}
	for _, w := range []string{"Mexico", "the", "", "Hegseth", "\xff"} {
		if g.IsGivenName(w) {
			t.Errorf("IsGivenName(%q) = true", w)
		}
	}
}

func TestKindStrings(t *testing.T) {
	want := []string{"country", "admin1", "city", "sea", "ocean", "gulf", "strait", "bay", "region", "continent", "admin2"}
	for i, w := range want {
		k := Kind(i + 1)
		if k.String() != w {
			t.Errorf("Kind(%d).String() = %q, want %q", i+1, k.String(), w)
		}
		if p, ok := ParseKind(w); !ok || p != k {
			t.Errorf("ParseKind(%q) = %v, %v", w, p, ok)
		}
	}
	s := KindSet(0).With(City).With(Sea)
	if !s.Has(City) || !s.Has(Sea) || s.Has(Country) || s.String() != "city|sea" {
		t.Errorf("KindSet %v", s)
	}
	if s := KindSet(0).With(Admin2).With(Country); s.String() != "country|admin2" {
		t.Errorf("KindSet %v, want country|admin2", s)
	}
	if s := AllKinds.Without(Admin2); s.Has(Admin2) || !s.Has(Admin1) || !s.Has(Continent) {
		t.Errorf("AllKinds.Without(Admin2) = %v", s)
	}
	if s != 1<<City|1<<Sea {
		t.Errorf("KindSet bits %b", s)
	}
	if s := KindSet(0).With(Region) | Features; s.String() != "region|features" {
		t.Errorf("KindSet %v, want region|features", s)
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := Default()
			if len(g.Lookup("Mexico")) == 0 {
				t.Error("Lookup(Mexico) found nothing")
			}
			g.Prefix(sentence)
		}()
	}
	wg.Wait()
}

// All embedded gazetteer data stays within 6 MB.
func TestDataSize(t *testing.T) {
	var total int64
	for _, f := range []fs.FS{dataFS, lexFS} {
		fs.WalkDir(f, ".", func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				info, _ := d.Info()
				total += info.Size()
			}
			return err
		})
	}
	if total > 6<<20 {
		t.Errorf("embedded data is %d bytes, over 6 MB", total)
	}
}

func TestNearest(t *testing.T) {
	g := Default()
	tests := []struct {
		lat, lon float64
		kind     Kind
		name     string
		country  string
	}{
		{48.86, 2.35, City, "Paris", "FR"},
		{40.71, -74.0, City, "New York City", "US"},
		{39.9, 116.4, Country, "China", "CN"},
	}
	for _, tt := range tests {
		e, ok := g.Nearest(tt.lat, tt.lon, tt.kind)
		if !ok || e.Name != tt.name || e.Country != tt.country {
			t.Errorf("Nearest(%v, %v, %v) = %s/%s, %v; want %s/%s", tt.lat, tt.lon, tt.kind, e.Name, e.Country, ok, tt.name, tt.country)
		}
	}
}

// Admin2 divisions: counties, départements and provinces big enough to be
// named bare in the news, and smaller ones under a name that says what
// they are; never a division that is its seat town under another title.
func TestAdmin2(t *testing.T) {
	g := Default()
	first := func(q string) (Entry, bool) {
		for _, e := range g.Lookup(q) {
			if e.Kind == Admin2 {
				return e, true
			}
		}
		return Entry{}, false
	}
	for _, tc := range []struct {
		query, name, country, admin1 string
	}{
		{"Suffolk", "Suffolk", "GB", "England"},
		{"Fife", "Fife", "GB", "Scotland"},
		{"Laguna", "Laguna", "PH", "Calabarzon"},
		{"Province of Laguna", "Laguna", "PH", "Calabarzon"}, // GeoNames' name stays an alias
		{"Harris County", "Harris County", "US", "Texas"},
		{"Jefferson Parish", "Jefferson Parish", "US", "Louisiana"},
	} {
		e, ok := first(tc.query)
		if !ok || e.Name != tc.name || e.Country != tc.country || e.Admin1 != tc.admin1 {
			t.Errorf("Lookup(%q) admin2 = %+v (%v), want %s in %s, %s", tc.query, e, ok, tc.name, tc.admin1, tc.country)
		}
	}
	// A division bigger than any town of its name is what the name means
	// first; the town comes after it.
	if es := g.Lookup("Surrey"); len(es) < 2 || es[0].Kind != Admin2 || es[0].Country != "GB" || es[1].Country != "CA" {
		t.Errorf("Lookup(Surrey) = %+v", es)
	}
	// A small county is kept under its full name, so that "Scott County,
	// Indiana" is not taken for a bigger Scott County.
	found := false
	for _, e := range g.Lookup("Scott County") {
		found = found || e.Kind == Admin2 && e.Admin1 == "Indiana"
	}
	if !found {
		t.Error("Lookup(Scott County) has no Scott County in Indiana")
	}
	for _, tc := range []struct{ query, why string }{
		{"Palermo", "the province is its seat town under another title"},
		{"Paris", "the département is the city"},
		{"Harris", "a county's bare name is a person's far more often"},
		{"Bogor", "the regency's bare name is a city a tenth its size or more"},
		{"Ebonyi", "a division named after its state is not what the name means"},
	} {
		if e, ok := first(tc.query); ok {
			t.Errorf("Lookup(%q) has admin2 %+v: %s", tc.query, e, tc.why)
		}
	}
}

func TestPrefixIn(t *testing.T) {
	g := Default()
	noAdmin2 := AllKinds.Without(Admin2)
	for _, tc := range []struct {
		words string
		only  KindSet
		n     int
		kinds KindSet
	}{
		{"Jefferson Parish officials", AllKinds, 2, KindSet(0).With(Admin2)},
		{"Jefferson Parish officials", noAdmin2, 0, 0},
		{"Surrey police", noAdmin2, 1, KindSet(0).With(City)},
		{"Surrey police", KindSet(0).With(Admin2), 1, KindSet(0).With(Admin2)},
		{"New York state", KindSet(0).With(City), 2, KindSet(0).With(City)},
		{"US troops", KindSet(0).With(Country), 1, KindSet(0).With(Country)},
		{"US troops", KindSet(0).With(City), 0, 0},
	} {
		n, kinds := g.PrefixIn(strings.Fields(tc.words), tc.only)
		if n != tc.n || kinds != tc.kinds {
			t.Errorf("PrefixIn(%q, %v) = %d, %v; want %d, %v", tc.words, tc.only, n, kinds, tc.n, tc.kinds)
		}
	}
}
