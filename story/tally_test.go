package story

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

func count(source, date, qualifier string, low, high *int64) Count {
	d, _ := time.Parse(time.DateOnly, date)
	return Count{Category: "killed", Low: low, High: high, Qualifier: qualifier, Source: source, Article: source + date, Published: d}
}

func TestFigure(t *testing.T) {
	tests := []struct {
		name            string
		counts          []Count
		low, best, high string
		contradiction   bool
	}{
		{"one exact count", []Count{count("AP", "1998-08-08", "exact", n64(80), n64(80))}, "80", "80", "80", false},
		{"an open count leaves the high open", []Count{count("AP", "1998-08-08", "at_least", n64(80), nil)}, "80", "80", "nil", false},
		{"an exact count bounds an open one", []Count{
			count("AP", "1998-08-08", "at_least", n64(80), nil),
			count("NYT", "1998-08-08", "exact", n64(83), n64(83)),
		}, "80", "83", "83", false},
		{"a range's best is its midpoint", []Count{count("AP", "1998-08-08", "range", n64(20), n64(30))}, "20", "25", "30", false},
		{"an upper bound alone has no low", []Count{count("AP", "1998-08-08", "at_most", nil, n64(80))}, "nil", "80", "80", false},
		{"independent sources that do not overlap contradict", []Count{
			count("AP", "1998-08-08", "at_least", n64(100), nil),
			count("Xinhua", "1998-08-08", "exact", n64(83), n64(83)),
		}, "83", "83", "100", true},
		{"about allows a tenth either way", []Count{
			count("AP", "1998-08-08", "about", n64(80), n64(80)),
			count("Xinhua", "1998-08-08", "exact", n64(85), n64(85)),
		}, "80", "80", "85", false},
		{"an outlet's largest figure of the day is its toll, not a contradiction", []Count{
			count("AP", "1998-08-08", "exact", n64(80), n64(80)),
			count("AP", "1998-08-08", "exact", n64(96), n64(96)),
		}, "96", "96", "96", false},
		{"a copy is shown but not counted", []Count{
			count("AP", "1998-08-08", "exact", n64(80), n64(80)),
			func() Count { c := count("Yahoo", "1998-08-08", "exact", n64(800), n64(800)); c.Copy = true; return c }(),
		}, "80", "80", "80", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := talFigure(tt.counts)
			if got := [3]string{ptrString(f.Low), ptrString(f.Best), ptrString(f.High)}; got != [3]string{tt.low, tt.best, tt.high} {
				t.Errorf("low/best/high %v, want %s %s %s", got, tt.low, tt.best, tt.high)
			}
			if f.Contradiction != tt.contradiction {
				t.Errorf("contradiction %v, want %v", f.Contradiction, tt.contradiction)
			}
			if len(f.Counts) != len(tt.counts) {
				t.Errorf("%d counts listed, want all %d", len(f.Counts), len(tt.counts))
			}
		})
	}
}

func TestSeriesHistory(t *testing.T) {
	s := talSeries([]Count{
		count("Xinhua", "1998-08-08", "exact", n64(96), n64(96)),
		count("AP", "1998-08-07", "at_least", n64(80), nil),
		count("AP", "1998-08-09", "more_than", n64(191), nil),
		count("NYT", "1998-08-09", "at_least", n64(190), nil),
	})
	want := []struct{ date, low string }{{"1998-08-07", "80"}, {"1998-08-08", "96"}, {"1998-08-09", "190"}}
	if len(s.History) != len(want) {
		t.Fatalf("%d versions, want %d: %+v", len(s.History), len(want), s.History)
	}
	for i, w := range want {
		if v := s.History[i]; v.Date != w.date || ptrString(v.Low) != w.low {
			t.Errorf("version %d: %s low %s, want %s low %s", i, v.Date, ptrString(v.Low), w.date, w.low)
		}
	}
	if ptrString(s.Current.Low) != "190" || ptrString(s.Current.Best) != "190" || s.Current.Contradiction {
		t.Errorf("current %s/%s contradiction %v, want the latest day's 190/190 (the lower median), no contradiction",
			ptrString(s.Current.Low), ptrString(s.Current.Best), s.Current.Contradiction)
	}
	if empty := talSeries(nil); empty.Current.Low != nil || len(empty.History) != 0 {
		t.Errorf("no counts gave %+v", empty)
	}
}

// TestStoryTallyAggregate specifies how a toll stated for several
// incidents at once combines with theirs: the twin embassy bombings of
// 1998 as the reports gave them, day by day.
func TestStoryTallyAggregate(t *testing.T) {
	place := func(name, kind, country string, lat, lon float64) *sitrep.Place {
		return &sitrep.Place{Name: name, Kind: kind, Country: country, ID: name, Lat: &lat, Lon: &lon}
	}
	incident := func(id string, aggregate bool, p *sitrep.Place, counts ...Count) Incident {
		in := Incident{ID: id, Type: "Explosions/Remote violence", Subtype: "Remote explosive/landmine/IED",
			Modality: "occurred", Aggregate: aggregate, Place: p, From: "1998-08-07", Until: "1998-08-07"}
		for _, c := range counts {
			in.Reports = append(in.Reports, Report{Article: c.Article, Source: c.Source, Published: c.Published, Counts: []Count{c}})
		}
		in.Tally = talTally(counts)
		return in
	}
	twin := incident("twin", true, place("East Africa", "region", "", 0, 37),
		count("Xinhua", "1998-08-08", "at_least", n64(110), nil),
		count("AP", "1999-10-08", "exact", n64(224), n64(224)))
	nairobi := incident("nairobi", false, place("Nairobi", "city", "KE", -1.29, 36.82),
		count("AP", "1998-08-08", "at_least", n64(82), nil),
		count("AP", "1998-08-26", "exact", n64(247), n64(247)))
	dar := incident("dar", false, place("Dar es Salaam", "city", "TZ", -6.82, 39.28),
		count("Xinhua", "1998-08-21", "exact", n64(10), n64(10)))
	// A later bombing, outside the twin bombings' day.
	other := incident("other", false, place("Kampala", "city", "UG", 0.35, 32.58),
		count("AP", "1998-09-15", "exact", n64(3), n64(3)))
	other.From, other.Until = "1998-09-15", "1998-09-15"

	tally := StoryTally([]Incident{twin, nairobi, dar, other})
	want := []struct{ date, best string }{
		// The total of both, given the same day as Nairobi's figure, is
		// the word on their sum.
		{"1998-08-08", "110"},
		// Later figures of each bombing: the larger of the older total
		// and their sum.
		{"1998-08-21", "110"},
		{"1998-08-26", "257"},
		// The bombing in Kampala is not one of them: it adds its 3.
		{"1998-09-15", "260"},
		// The final total of both supersedes every earlier figure of
		// either.
		{"1999-10-08", "227"},
	}
	h := tally.Killed.History
	if len(h) != len(want) {
		t.Fatalf("%d versions, want %d: %+v", len(h), len(want), h)
	}
	for i, w := range want {
		if h[i].Date != w.date || ptrString(h[i].Best) != w.best {
			t.Errorf("version %d: %s best %s, want %s best %s", i, h[i].Date, ptrString(h[i].Best), w.date, w.best)
		}
	}
}

// A campaign placed in a region covers single incidents near the region's
// point only, and then only when the actors agree: the gazetteer does not
// give a region's extent.
func TestCampaignInRegionCovers(t *testing.T) {
	at := func(name, kind string, lat, lon float64) *sitrep.Place {
		return &sitrep.Place{Name: name, Kind: kind, ID: name, Lat: &lat, Lon: &lon}
	}
	actor := func(key string) *Entity { return &Entity{Key: key, Name: key} }
	eastAfrica, middleEast := at("East Africa", "region", 0, 37), at("Middle East", "region", 29, 41)
	nairobi := at("Nairobi", "city", -1.29, 36.82)
	tests := []struct {
		name         string
		region       *sitrep.Place
		campaign, by *Entity
		covers       bool
	}{
		{"near the region's point, no actors named", eastAfrica, nil, nil, true},
		{"near the region's point, the same actor", eastAfrica, actor("org:al-qaeda"), actor("org:al-qaeda"), true},
		{"near the region's point, another actor", eastAfrica, actor("org:al-qaeda"), actor("gov:kenya"), false},
		{"far from the region's point", middleEast, nil, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Incident{Type: "Explosions/Remote violence", Aggregate: true, Place: tc.region, Actor: tc.campaign, From: "1998-08-07", Until: "1998-08-07"}
			s := Incident{Type: "Explosions/Remote violence", Place: nairobi, Actor: tc.by, From: "1998-08-07", Until: "1998-08-07"}
			if got := talCovers(&c, &s); got != tc.covers {
				t.Errorf("covers = %v, want %v", got, tc.covers)
			}
		})
	}
}

// A part of a toll ("12 Americans") is shown with the day's figures but is
// not the toll, and opens no version of its own while whole tolls are
// known; alone, it is all there is.
func TestPartOfToll(t *testing.T) {
	part := func(source, date string, n int64) Count {
		c := count(source, date, "exact", n64(n), n64(n))
		c.Text = strconv.FormatInt(n, 10) + " Americans"
		return c
	}
	whole := func(source, date string, n int64) Count {
		c := count(source, date, "exact", n64(n), n64(n))
		c.Text = strconv.FormatInt(n, 10) + " people"
		return c
	}
	tests := []struct {
		name     string
		counts   []Count
		versions []string // date=best of each version
	}{
		{"a part beside the whole on one day",
			[]Count{whole("AP", "1998-08-13", 257), part("Xinhua", "1998-08-13", 12)}, []string{"1998-08-13=257"}},
		{"a part alone on a later day opens no version",
			[]Count{whole("AP", "1998-08-13", 257), part("Xinhua", "1998-08-14", 12)}, []string{"1998-08-13=257"}},
		{"parts alone are the toll",
			[]Count{part("AP", "1998-08-08", 11), part("AP", "1998-08-11", 12)}, []string{"1998-08-08=11", "1998-08-11=12"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := talSeries(tc.counts)
			var got []string
			shown := 0
			for _, v := range s.History {
				got = append(got, v.Date+"="+ptrString(v.Best))
				shown += len(v.Counts)
			}
			if !slices.Equal(got, tc.versions) || shown != len(tc.counts) {
				t.Errorf("versions %v with %d counts shown; want %v with all %d", got, shown, tc.versions, len(tc.counts))
			}
		})
	}
}
