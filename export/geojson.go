package export

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/review"
)

// FeatureCollection is a GeoJSON (RFC 7946) collection of incidents.
type FeatureCollection struct {
	Type     string    `json:"type"` // "FeatureCollection"
	Features []Feature `json:"features"`
}

// Feature is one incident as a GeoJSON Point.
type Feature struct {
	Type       string     `json:"type"` // "Feature"
	ID         string     `json:"id"`
	Geometry   Point      `json:"geometry"`
	Properties Properties `json:"properties"`
}

// Point is a GeoJSON Point: longitude then latitude (WGS 84).
type Point struct {
	Type        string     `json:"type"` // "Point"
	Coordinates [2]float64 `json:"coordinates"`
}

// Properties are what a feature says of its incident.
type Properties struct {
	Story        string   `json:"story"`
	EventType    string   `json:"event_type"`
	SubEventType string   `json:"sub_event_type"`
	Modality     string   `json:"modality"`
	From         string   `json:"from"`
	Until        string   `json:"until"`
	Place        string   `json:"place"`
	PlaceKind    string   `json:"place_kind"`
	Country      string   `json:"country"`
	Actor        string   `json:"actor"`
	Target       string   `json:"target"`
	KilledLow    *int64   `json:"killed_low"`
	KilledBest   *int64   `json:"killed_best"`
	KilledHigh   *int64   `json:"killed_high"`
	Sources      int      `json:"number_of_sources"`
	Outlets      []string `json:"outlets"`
	ReviewState  string   `json:"review_state"`
	Version      int      `json:"version"`
	ReviewedAt   string   `json:"reviewed_at,omitempty"` // RFC 3339
	Corrected    []string `json:"corrected"`
}

// GeoJSON writes the incidents that have coordinates as a FeatureCollection
// of Points (those without are left out: GeoJSON has no place for them).
func GeoJSON(w io.Writer, incs []review.Incident, o Options) error {
	fc := geoCollection(incs, o)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(fc); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	return nil
}

func geoCollection(incs []review.Incident, o Options) FeatureCollection {
	fc := FeatureCollection{Type: "FeatureCollection", Features: []Feature{}}
	for _, inc := range incs {
		if !o.Include(inc) || !located(inc.Place) {
			continue
		}
		p := inc.Place
		f := inc.Tally.Killed.Current
		st, version, at := state(inc)
		props := Properties{Story: clean(inc.Story), EventType: clean(inc.Type), SubEventType: clean(inc.Subtype),
			Modality: clean(inc.Modality), From: clean(inc.From), Until: clean(inc.Until),
			Place: clean(p.Name), PlaceKind: clean(p.Kind), Country: clean(p.Country),
			Actor: clean(name(inc.Actor)), Target: clean(name(inc.Target)),
			KilledLow: f.Low, KilledBest: f.Best, KilledHigh: f.High,
			Sources: inc.Sources, Outlets: []string{}, ReviewState: st, Version: version, Corrected: []string{}}
		for _, n := range outlets(inc) {
			props.Outlets = append(props.Outlets, clean(n))
		}
		if !at.IsZero() {
			props.ReviewedAt = at.UTC().Format(time.RFC3339)
		}
		if inc.Review != nil && inc.Review.Corrected != nil {
			props.Corrected = inc.Review.Corrected
		}
		fc.Features = append(fc.Features, Feature{Type: "Feature", ID: clean(inc.ID),
			Geometry: Point{Type: "Point", Coordinates: [2]float64{*p.Lon, *p.Lat}}, Properties: props})
	}
	return fc
}

// located reports whether a place has coordinates GeoJSON can carry.
func located(p *sitrep.Place) bool {
	return p != nil && p.Lat != nil && p.Lon != nil && !math.IsNaN(*p.Lat) && !math.IsNaN(*p.Lon) &&
		math.Abs(*p.Lat) <= 90 && math.Abs(*p.Lon) <= 180
}
