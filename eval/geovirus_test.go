package eval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/shareddata"
)

func TestReadGeoVirusFixture(t *testing.T) {
	arts, err := ReadGeoVirus("testdata/geovirus/mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		article int
		name    string
		lat     float64
	}
	tests := []want{
		{0, "Pandi", 14.87},
		{0, "Bulacan", 15},  // nested inside the next <location>, as in the release
		{0, "Zaïre", -2.88}, // the outer one, code-point offsets past a two-byte ï
		{1, "Texas", 31},    // after &amp;, one character
		{1, "Ohio", 40.5},
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2 (the commented-out one skipped)", len(arts))
	}
	var got []GeoLocation
	var idx []int
	for i, a := range arts {
		for _, l := range a.Locations {
			got = append(got, l)
			idx = append(idx, i)
		}
	}
	if len(got) != len(tests) {
		t.Fatalf("%d locations, want %d: %+v", len(got), len(tests), got)
	}
	for k, w := range tests {
		l := got[k]
		if idx[k] != w.article || l.Name != w.name || l.Lat != w.lat {
			t.Errorf("location %d: article %d %q lat %v, want article %d %q lat %v", k, idx[k], l.Name, l.Lat, w.article, w.name, w.lat)
		}
		if s := l.Span.In(arts[idx[k]].Text); s != l.Name {
			t.Errorf("location %q: span %v holds %q", l.Name, l.Span, s)
		}
	}
	if arts[1].Text != "Officials in Texas & Ohio met." {
		t.Errorf("text %q: entities not decoded", arts[1].Text)
	}
}

func TestParseGeoVirusAlignment(t *testing.T) {
	doc := func(text, name, start, end string) string {
		return `<articles><article><text>` + text + `</text><locations><location><name>` + name +
			`</name><start>` + start + `</start><end>` + end + `</end><lat>1</lat><lon>2</lon></location></locations></article></articles>`
	}
	tests := []struct {
		name      string
		xml       string
		wantStart int
		wantEnd   int
	}{
		{"offsets from 1", doc("In Kenya today.", "Kenya", "4", "9"), 3, 8},
		{"offsets shifted: nearest occurrence", doc("Kenya and Kenya.", "Kenya", "12", "17"), 10, 15},
		{"name absent: offsets kept", doc("In Kenya today.", "Chad", "4", "8"), 3, 7},
		{"offsets past the end: clamped", doc("Kenya", "Chad", "90", "99"), 5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ParseGeoVirus(strings.NewReader(tt.xml))
			if err != nil {
				t.Fatal(err)
			}
			sp := arts[0].Locations[0].Span
			if sp.Start != tt.wantStart || sp.End != tt.wantEnd {
				t.Errorf("span %v, want [%d,%d)", sp, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

func TestParseGeoVirusErrors(t *testing.T) {
	tests := []struct {
		name, xml, want string
	}{
		{"bad start", `<articles><article><text>x</text><locations><location><name>x</name><start>a</start><end>1</end><lat>1</lat><lon>1</lon></location></locations></article></articles>`, `location 1 ("x")`},
		{"bad lat", `<articles><article><text>x</text><locations><location><name>x</name><start>1</start><end>2</end><lat>north</lat><lon>1</lon></location></locations></article></articles>`, "north"},
		{"not XML", `<articles><article>`, "parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGeoVirus(strings.NewReader(tt.xml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestScoreGeo(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	gold := []GeoArticle{{
		Text: "Pandi, Bulacan and Texas and Chad and Peru.",
		Locations: []GeoLocation{
			{Span: sitrep.Span{Start: 0, End: 5}, Name: "Pandi", Lat: 14.87, Lon: 120.95},
			{Span: sitrep.Span{Start: 7, End: 14}, Name: "Bulacan", Lat: 15, Lon: 121.08},
			{Span: sitrep.Span{Start: 19, End: 24}, Name: "Texas", Lat: 31, Lon: -100, Page: "https://en.wikipedia.org/wiki/Texas"},
			{Span: sitrep.Span{Start: 29, End: 33}, Name: "Chad", Lat: 15, Lon: 19},
			{Span: sitrep.Span{Start: 38, End: 42}, Name: "Peru", Lat: -10, Lon: -76},
		},
	}}
	pred := [][]sitrep.Place{{
		{Span: sitrep.Span{Start: 0, End: 5}, Name: "Pandi", Lat: f(14.87), Lon: f(120.95)},   // exact
		{Span: sitrep.Span{Start: 7, End: 14}, Name: "Bulacan", Lat: f(15.5), Lon: f(121.08)}, // 56 km off
		{Span: sitrep.Span{Start: 19, End: 24}, Name: "Texas", Lat: f(31), Lon: f(-97.67)},    // 222 km off, the same page
		{Span: sitrep.Span{Start: 29, End: 31}, Name: "Chad", Kind: "country"},                // overlaps, no point
		{Span: sitrep.Span{Start: 34, End: 37}, Name: "and", Lat: f(0), Lon: f(0)},            // matches nothing
	}}
	r := ScoreGeo(gold, pred)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"gold", float64(r.Gold), 5},
		{"predicted", float64(r.Predicted), 5},
		{"matched", float64(r.Matched), 4},
		{"precision", r.Precision, 0.8},
		{"recall", r.Recall, 0.8},
		{"F1", r.F1, 0.8},
		{"within 161 km", float64(r.Within161), 2},
		{"accuracy", r.Accuracy161, 0.5},
		{"same page", float64(r.SamePage), 1},
		{"place accuracy", r.AccuracyPlace, 0.75},
		{"median km", r.MedianKm, (55.6 + 222.4) / 2},
		{"mean km", r.MeanKm, (0 + 55.6 + 222.4 + maxErrorKm) / 4},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 0.5 && math.Abs(c.got-c.want) > c.want*0.01 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if r.AUC <= 0 || r.AUC >= 1 {
		t.Errorf("AUC %v, want within (0, 1)", r.AUC)
	}
	var missed []string
	for _, m := range r.Misses {
		missed = append(missed, m.Gold.Name)
	}
	if strings.Join(missed, ",") != "Texas,Chad,Peru" {
		t.Errorf("misses %v, want Texas, Chad (too far) and Peru (not found)", missed)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil || !strings.Contains(buf.String(), "acc@161km 0.500 (2/4)") {
		t.Errorf("report (err %v):\n%s", err, buf.String())
	}
}

func TestScoreGeoEmpty(t *testing.T) {
	r := ScoreGeo(nil, nil)
	if r.Matched != 0 || r.F1 != 0 || r.Accuracy161 != 0 || math.IsNaN(r.MeanKm) {
		t.Errorf("empty report %+v", r)
	}
	// A pair counts once: two predictions over one gold name match one.
	gold := []GeoArticle{{Text: "New York", Locations: []GeoLocation{{Span: sitrep.Span{Start: 0, End: 8}, Name: "New York"}}}}
	pred := [][]sitrep.Place{{{Span: sitrep.Span{Start: 0, End: 3}}, {Span: sitrep.Span{Start: 4, End: 8}}}}
	if r := ScoreGeo(gold, pred); r.Matched != 1 || r.Precision != 0.5 || r.Recall != 1 {
		t.Errorf("matched %d, P %v, R %v; want 1, 0.5, 1", r.Matched, r.Precision, r.Recall)
	}
}

// The release reads whole: every article, every location at its name.
func TestReadGeoVirusGold(t *testing.T) {
	path := shareddata.Path(t, "geo/GeoVirus.xml")
	arts, err := ReadGeoVirus(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		for _, l := range a.Locations {
			n++
			if s := l.Span.In(a.Text); s != l.Name {
				t.Errorf("%s: %q at %v holds %q", a.Source, l.Name, l.Span, s)
			}
		}
	}
	if len(arts) != 229 || n != 2170 {
		t.Errorf("%d articles, %d locations; want 229, 2170", len(arts), n)
	}
}

// Any input reads or fails without panicking, and every location read has a
// span inside its text.
func FuzzParseGeoVirus(f *testing.F) {
	f.Add(`<articles><article><text>In Kenya.</text><locations><location><name>Kenya</name><start>4</start><end>9</end><lat>1</lat><lon>2</lon></location></locations></article></articles>`)
	f.Add(`<articles><article><text>é</text><locations><location><location><name>é</name><start>-5</start><end>99</end><lat>1</lat><lon>2</lon></location></location></locations></article></articles>`)
	f.Add(`<location><name>x</name></location>`)
	f.Fuzz(func(t *testing.T, s string) {
		arts, err := ParseGeoVirus(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range arts {
			for _, l := range a.Locations {
				if l.Start < 0 || l.End > len(a.Text) || l.Start > l.End {
					t.Errorf("span %v outside text of %d bytes", l.Span, len(a.Text))
				}
			}
		}
	})
}
