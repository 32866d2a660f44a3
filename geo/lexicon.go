package geo

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/gazetteer"
)

// lexicon/page_points.tsv is learned from the development data; remake it
// when the gazetteer or the data changes.
//
//go:generate go run ./internal/pagepoints/gen -o lexicon/page_points.tsv

var (
	//go:embed lexicon/country_centres.tsv
	countryCentresTSV string
	//go:embed lexicon/open_water.txt
	openWaterTxt string
	//go:embed lexicon/not_places.txt
	notPlacesTxt string
	//go:embed lexicon/admin1_centres.tsv
	admin1CentresTSV string
	//go:embed lexicon/aliases.tsv
	aliasesTSV string
	//go:embed lexicon/page_points.tsv
	pagePointsTSV string
)

type point struct{ lat, lon float64 }

// lexicons are the read-only tables of the package, parsed once.
type lexicons struct {
	centres   map[string]point    // ISO alpha-2 → centre of the country
	admin1    map[admin1Key]point // centre of an admin1 division
	openWater [][]string          // phrases as lower-case words
	notPlaces map[string]bool     // lower-case names
	aliases   map[string]string   // alias → gazetteer name
	pages     map[areaKey]point   // the point an area's Wikipedia page gives
}

// areaKey names an area entry of the gazetteer: kind, country and name.
type areaKey struct {
	kind    gazetteer.Kind
	country string
	name    string
}

var loadLexicons = sync.OnceValue(func() *lexicons {
	lx := &lexicons{centres: map[string]point{}, notPlaces: map[string]bool{}, aliases: map[string]string{}, admin1: map[admin1Key]point{}}
	lx.pages = parsePagePoints(pagePointsTSV)
	for _, line := range dataLines(countryCentresTSV) {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		lx.centres[f[0]] = point{lat, lon}
	}
	for _, line := range dataLines(admin1CentresTSV) {
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		lx.admin1[admin1Key{f[0], f[1]}] = point{lat, lon}
	}
	for _, line := range dataLines(openWaterTxt) {
		lx.openWater = append(lx.openWater, strings.Fields(strings.ToLower(line)))
	}
	for _, line := range dataLines(notPlacesTxt) {
		lx.notPlaces[strings.ToLower(line)] = true
	}
	for _, line := range dataLines(aliasesTSV) {
		if alias, name, ok := strings.Cut(line, "\t"); ok {
			lx.aliases[alias] = name
		}
	}
	return lx
})

// parsePagePoints reads lexicon/page_points.tsv (see internal/pagepoints):
// kind, country, name, lat, lon, and columns geo does not need.
func parsePagePoints(tsv string) map[areaKey]point {
	out := map[areaKey]point{}
	for _, line := range dataLines(tsv) {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		kind, ok := gazetteer.ParseKind(f[0])
		lat, err1 := strconv.ParseFloat(f[3], 64)
		lon, err2 := strconv.ParseFloat(f[4], 64)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		out[areaKey{kind, f[1], f[2]}] = point{lat, lon}
	}
	return out
}

// dataLines returns the non-blank lines of s that are not # comments.
func dataLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
