package geo

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/internal/shareddata"
)

// The quality floor on GeoVirus (the development set), each figure 0.005
// under what this version measures, on the whole set and on each half so
// that a change helping one half only shows. acc@161km is held down by
// points, not by choices: the gold points are Wikipedia's, and a country's,
// a division's or a continent's point there follows no one rule (China at
// 35,103 where GeoNames has 35,105; Queensland, Canada and Africa away
// from any centroid; England at London), which "place" (the right
// Wikipedia page, or within 161 km) leaves out.
func TestGeoVirusQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 229 articles")
	}
	gold, err := eval.ReadGeoVirus(shareddata.Path(t, "geo/GeoVirus.xml"))
	if err != nil {
		t.Fatal(err)
	}
	pred := make([][]sitrep.Place, len(gold))
	for i, g := range gold {
		pred[i] = annotate(t, g.Text).Places
	}
	half := (len(gold) + 1) / 2
	tests := []struct {
		name           string
		from, upto     int
		acc, place, f1 float64
	}{
		// Measured: all 0.830, 0.979, 0.915; first half 0.835, 0.986,
		// 0.912; second half 0.826, 0.974, 0.918.
		{"all", 0, len(gold), 0.825, 0.974, 0.910},
		{"first half", 0, half, 0.830, 0.981, 0.907},
		{"second half", half, len(gold), 0.821, 0.969, 0.913},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval.ScoreGeo(gold[tt.from:tt.upto], pred[tt.from:tt.upto])
			if testing.Verbose() {
				r.WriteText(os.Stdout)
			}
			if r.Accuracy161 < tt.acc || r.AccuracyPlace < tt.place || r.F1 < tt.f1 {
				t.Errorf("acc@161km %.3f (floor %.3f), place %.3f (floor %.3f), F1 %.3f (floor %.3f)",
					r.Accuracy161, tt.acc, r.AccuracyPlace, tt.place, r.F1, tt.f1)
			}
		})
	}
}
