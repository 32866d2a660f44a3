package main

import "testing"

func TestAdmin2Bare(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Province of Laguna", "Laguna"},
		{"Provincia di Palermo", "Palermo"},
		{"Département du Nord", "Nord"},
		{"County of Flintshire", "Flintshire"}, // not "of Flintshire"
		{"County Tipperary", "Tipperary"},
		{"Jilin Shi", "Jilin"},
		{"Harris County", "Harris County"}, // US counties keep "County"
		{"Suffolk", "Suffolk"},
	} {
		if got := admin2Bare(tc.in); got != tc.want {
			t.Errorf("admin2Bare(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDesignated(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Scott County", true},
		{"Jefferson Parish", true},
		{"Okrug", false}, // the designator alone names nothing
		{"Suffolk", false},
		{"Countyville", false},
	} {
		if got := designated(tc.name); got != tc.want {
			t.Errorf("designated(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
