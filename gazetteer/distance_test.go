package gazetteer

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tolerance        float64
	}{
		{"same point", 10, 20, 10, 20, 0, 1e-9},
		{"London to Paris", 51.5074, -0.1278, 48.8566, 2.3522, 344, 2},
		{"one degree of longitude at the equator", 0, 0, 0, 1, 111.2, 0.2},
		{"antipodes", 0, 0, 0, 180, 20015, 2},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.2, 0.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(got-tt.want) > tt.tolerance {
				t.Errorf("%.2f km, want %.2f", got, tt.want)
			}
		})
	}
}
