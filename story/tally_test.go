package story

import (
	"testing"
	"time"
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
