package pagepoints

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/gazetteer"
)

func loc(page string, lat, lon float64) eval.GeoLocation {
	return eval.GeoLocation{Page: "https://en.wikipedia.org/wiki/" + page, Lat: lat, Lon: lon}
}

func TestLearn(t *testing.T) {
	arts := []eval.GeoArticle{
		{Locations: []eval.GeoLocation{
			loc("China", 35, 103),
			loc("China", 35, 103),
			loc("China", 36, 104),                  // outvoted
			loc("Beijing", 39.9, 116.4),            // a city: its point is a fact, not learned
			loc("Georgia", 42, 43.5),               // unqualified: the first sense, the country
			loc("Georgia_(U.S._state)", 33, -83.5), // the qualifier picks the state
			loc("Africa", 7.18, 21.09),             // a continent
			loc("Nowhere_In_Particular", 1, 2),     // not in the gazetteer
			loc("Queensland", -23, 143),
			loc("Long_Island", 40.8, -73.3), // New York's (lexicon/features.tsv), not the Bahamas district
			loc("Canterbury", 51.28, 1.08),  // the English city: its point lies outside New Zealand's region of the name
			loc("Kuwait", 29.5, 45.75),      // a point outside the country teaches nothing
			loc("Ohio", 40.4, -82.8),        // a tie between two points teaches nothing
			loc("Ohio", 40.5, -82.5),        // an admin1 division
			{Page: "not a wikipedia link", Lat: 5, Lon: 5},
		}},
	}
	got := Learn(gazetteer.Default(), arts)
	want := map[Key][3]float64{ // lat, lon, mentions
		{gazetteer.Country, "CN", "China"}:      {35, 103, 2},
		{gazetteer.Country, "GE", "Georgia"}:    {42, 43.5, 1},
		{gazetteer.Admin1, "US", "Georgia"}:     {33, -83.5, 1},
		{gazetteer.Admin1, "AU", "Queensland"}:  {-23, 143, 1},
		{gazetteer.Continent, "", "Africa"}:     {7.18, 21.09, 1},
		{gazetteer.Region, "US", "Long Island"}: {40.8, -73.3, 1},
	}
	if len(got) != len(want) {
		t.Errorf("learned %d points, want %d: %+v", len(got), len(want), got)
	}
	for _, p := range got {
		w, ok := want[p.Key]
		if !ok {
			t.Errorf("learned %+v, want no point for it", p)
			continue
		}
		if p.Lat != w[0] || p.Lon != w[1] || p.Mentions != int(w[2]) {
			t.Errorf("%s: %.2f,%.2f from %d places, want %.2f,%.2f from %.0f", p.Name, p.Lat, p.Lon, p.Mentions, w[0], w[1], w[2])
		}
	}
	for i := 1; i < len(got); i++ {
		if a, b := got[i-1], got[i]; a.Kind > b.Kind || a.Kind == b.Kind && a.Country > b.Country {
			t.Errorf("not sorted: %v before %v", a.Key, b.Key)
		}
	}
}

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	pts := []Point{{Key: Key{gazetteer.Country, "CN", "China"}, Lat: 35, Lon: 103, Page: "China", Mentions: 50}}
	if err := Write(&buf, "GeoVirus.xml", pts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "# ") || !strings.Contains(out, "GeoVirus.xml") {
		t.Errorf("header missing or without its source:\n%s", out)
	}
	if !strings.HasSuffix(out, "country\tCN\tChina\t35\t103\t50\tChina\n") {
		t.Errorf("row written as:\n%s", out)
	}
}

func TestArea(t *testing.T) {
	g := gazetteer.Default()
	tests := []struct {
		title string
		want  Key // zero for none
	}{
		{"Mexico", Key{gazetteer.Country, "MX", "Mexico"}},
		{"Washington (state)", Key{gazetteer.Admin1, "US", "Washington"}},
		{"Georgia (country)", Key{gazetteer.Country, "GE", "Georgia"}},
		{"Austin, Indiana", Key{}},      // a city
		{"Rice Lake (Illinois)", Key{}}, // the qualifier names no kind of area
		{"Mexico City", Key{}},          // the seat city comes before its division
		{"", Key{}},
	}
	for _, tt := range tests {
		got, ok := area(g, tt.title)
		if ok != (tt.want != Key{}) || got != tt.want {
			t.Errorf("area(%q) = %v, %v; want %v", tt.title, got, ok, tt.want)
		}
	}
}
