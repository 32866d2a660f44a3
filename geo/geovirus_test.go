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
// points, not by choices: a country's or a division's point here and on
// Wikipedia differ by more than 161 km for big ones (China, Canada,
// Queensland), which "place" (the right Wikipedia page, or within 161 km)
// leaves out.
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
		// Measured: all 0.775, 0.976, 0.916; first half 0.772, 0.982,
		// 0.914; second half 0.778, 0.972, 0.918.
		{"all", 0, len(gold), 0.770, 0.971, 0.911},
		{"first half", 0, half, 0.767, 0.977, 0.909},
		{"second half", half, len(gold), 0.773, 0.967, 0.913},
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
