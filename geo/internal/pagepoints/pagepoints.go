// Package pagepoints learns, from gold data that links place names to
// Wikipedia pages (GeoVirus), the point each page gives an area: a
// country, an admin1 or admin2 division, a region, a continent or a body
// of water.
//
// An area has no one true point. GeoNames puts China at 35,105, its
// Wikipedia page at 35,103; Canada at 60.1,−113.6 and 60,−95. A reader
// checking a pin follows the link to the page, and gold sets drawn from
// Wikipedia score against its points, so geo prefers the page's point
// where it is known. Cities are left out: a city's point is a fact the
// gazetteer already has.
//
// A gold place teaches a point only when its page title names an area of
// the gazetteer ("China" the country; "Georgia (U.S. state)" the state;
// not "Beijing", whose first sense is the city). Places are matched by
// their page, never by their text or by what geo resolved them to, so the
// table does not depend on geo itself.
package pagepoints

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/gazetteer"
)

// Key names an area entry of the gazetteer.
type Key struct {
	Kind    gazetteer.Kind
	Country string // ISO alpha-2, "" for continents and open seas
	Name    string
}

// Point is the point a Wikipedia page gives an area.
type Point struct {
	Key
	Lat, Lon float64
	Page     string // the page title
	Mentions int    // gold places that gave this point
}

// Learn returns the areas' page points taught by the gold articles, sorted
// by kind, country and name. When the mentions of one area disagree (a
// page moved between annotations), the point most of them give wins, and
// a tie teaches nothing.
//
// A point must lie in the area's country, and a division's in the
// division (an admin2 division's in the admin1 division holding it), as
// far as the gazetteer's nearest town says: a page about another place
// does not lend its point to a namesake ("Canterbury", the English city,
// is not the New Zealand region; "Buenos
// Aires", the city, is not the province; Kuwait's page point lies outside
// Kuwait).
func Learn(g *gazetteer.Gazetteer, arts []eval.GeoArticle) []Point {
	// A vote is a point; two pages giving one area the same point
	// ("China", "People's Republic of China") agree. The title kept is the
	// first that gave the point, in file order.
	type vote struct{ lat, lon float64 }
	votes := map[Key]map[vote]int{}
	titles := map[Key]map[vote]string{}
	for _, a := range arts {
		for _, l := range a.Locations {
			title := eval.PageTitle(l.Page)
			k, ok := area(g, title)
			if !ok {
				continue
			}
			if votes[k] == nil {
				votes[k], titles[k] = map[vote]int{}, map[vote]string{}
			}
			v := vote{l.Lat, l.Lon}
			votes[k][v]++
			if _, ok := titles[k][v]; !ok {
				titles[k][v] = title
			}
		}
	}
	out := make([]Point, 0, len(votes))
	for k, vs := range votes {
		var best vote
		n, tie := 0, false
		for v, c := range vs {
			switch {
			case c > n:
				best, n, tie = v, c, false
			case c == n:
				tie = true
			}
		}
		if tie || !within(g, k, best.lat, best.lon) {
			continue
		}
		out = append(out, Point{Key: k, Lat: best.lat, Lon: best.lon, Page: titles[k][best], Mentions: n})
	}
	slices.SortFunc(out, func(a, b Point) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Country, b.Country), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// area returns the area entry a page title names. Without a qualifier in
// brackets the page is the title's primary sense, which is the first of
// the gazetteer's entries bearing the title as their name, in Lookup's
// order (a country before a state of its name, a city seat before its
// same-named division); with one ("Georgia (U.S. state)") the qualifier
// must pick exactly one area. A page whose sense is a city teaches
// nothing.
func area(g *gazetteer.Gazetteer, title string) (Key, bool) {
	base, qual := title, ""
	if i := strings.LastIndex(title, " ("); i > 0 && strings.HasSuffix(title, ")") {
		base, qual = title[:i], strings.ToLower(title[i+2:len(title)-1])
	}
	var keys []Key
	for _, e := range g.Lookup(base) {
		if !strings.EqualFold(e.Name, base) {
			continue
		}
		k := Key{e.Kind, e.Country, e.Name}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if qual != "" {
		keys = slices.DeleteFunc(keys, func(k Key) bool { return !qualifies(k.Kind, qual) })
		if len(keys) != 1 {
			return Key{}, false
		}
	}
	if len(keys) == 0 || keys[0].Kind == gazetteer.City {
		return Key{}, false
	}
	return keys[0], true
}

// within reports whether the point lat, lon lies in area k, as the
// gazetteer's town nearest to it tells: in k's country, and for a
// division in k. An area of no country (a continent, an ocean) holds any
// point.
func within(g *gazetteer.Gazetteer, k Key, lat, lon float64) bool {
	if k.Country == "" {
		return true
	}
	town, ok := g.Nearest(lat, lon, gazetteer.City)
	if !ok || town.Country != k.Country {
		return false
	}
	switch k.Kind {
	case gazetteer.Admin1:
		return town.Admin1 == k.Name
	case gazetteer.Admin2:
		// A county's point lies in the admin1 division that holds it; a
		// name several counties of the country share ("Washington
		// County") says not which.
		admin1, n := "", 0
		for _, e := range g.Lookup(k.Name) {
			if e.Kind == k.Kind && e.Country == k.Country && e.Name == k.Name {
				admin1, n = e.Admin1, n+1
			}
		}
		return n == 1 && town.Admin1 == admin1
	}
	return true
}

// qualifies reports whether a page's qualifier ("U.S. state", "country")
// speaks of an area of kind k.
func qualifies(k gazetteer.Kind, qual string) bool {
	switch k {
	case gazetteer.Country:
		return strings.Contains(qual, "country")
	case gazetteer.Admin1:
		for _, w := range []string{"state", "province", "region", "county", "territory"} {
			if strings.Contains(qual, w) {
				return true
			}
		}
	case gazetteer.Admin2:
		for _, w := range []string{"county", "province", "district", "department", "parish"} {
			if strings.Contains(qual, w) {
				return true
			}
		}
	}
	return false
}

// Write writes points as the TSV geo embeds (lexicon/page_points.tsv),
// with a header saying what it is and where it came from.
func Write(w io.Writer, source string, points []Point) error {
	if _, err := fmt.Fprintf(w, `# Wikipedia page points of areas: for each country, admin1 or admin2
# division, region, continent or body of water whose Wikipedia page the
# gold places of %s link, the point that page gives (GeoVirus records it
# with each place). Made by internal/pagepoints (go generate ./geo); do not
# edit by hand. geo uses these points before GeoNames' country centres,
# Natural Earth's admin1 centroids and the gazetteer's admin2 ones.
# Columns (tab-separated): kind, ISO alpha-2 country ("" for none),
# gazetteer name, lat, lon, gold places that gave it, page title.
`, source); err != nil {
		return err
	}
	for _, p := range points {
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%g\t%g\t%d\t%s\n", p.Kind, p.Country, p.Name, p.Lat, p.Lon, p.Mentions, p.Page); err != nil {
			return err
		}
	}
	return nil
}
