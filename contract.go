package sitrep

import (
	"encoding/json"
	"time"
)

// Extraction is the JSON extraction contract: an article with every layer,
// offsets given in Unicode code points into Text. Layers are always arrays,
// empty when nothing was found or their annotator does not exist yet.
type Extraction struct {
	ID           string        `json:"id"`
	URL          string        `json:"url"`
	CanonicalURL string        `json:"canonical_url,omitempty"`
	Source       string        `json:"source,omitempty"`
	Title        string        `json:"title"`
	Byline       string        `json:"byline,omitempty"`
	Published    *Published    `json:"published"`
	Language     string        `json:"language"`
	Text         string        `json:"text"`
	Pipeline     string        `json:"pipeline,omitempty"`
	Entities     []Entity      `json:"entities"`
	Quotes       []Quote       `json:"quotes"`
	Quantities   []Quantity    `json:"quantities"`
	Times        []Time        `json:"times"`
	Places       []Place       `json:"places"`
	Sourcing     []Attribution `json:"sourcing"`
	Events       []Event       `json:"events"`
}

// Published is a publication time in the contract. A time at exactly
// midnight UTC is taken to be known to the day only and is written as a date
// ("2025-11-18"); any other time is written in RFC 3339.
type Published struct{ time.Time }

// DateOnly reports whether the time is known to the day only.
func (p Published) DateOnly() bool {
	t := p.Time
	return t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

func (p Published) MarshalJSON() ([]byte, error) {
	if p.DateOnly() {
		return json.Marshal(p.Format(time.DateOnly))
	}
	return json.Marshal(p.Format(time.RFC3339))
}

func (p *Published) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	t, err := ParseTime(s)
	if err != nil {
		return err
	}
	p.Time = t
	return nil
}

// ParseTime reads a date ("2025-11-18", taken as midnight UTC) or an RFC 3339 time.
func ParseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// Contract converts the Doc to the extraction contract, with code-point
// offsets. pipeline names the pipeline version that produced the layers.
func (d *Doc) Contract(pipeline string) Extraction {
	r := newRuneOffsets(d.Text)
	e := Extraction{
		ID: d.ID, URL: d.URL, CanonicalURL: d.CanonicalURL, Source: d.Source,
		Title: d.Title, Byline: d.Byline, Language: d.Language, Text: d.Text,
		Pipeline: pipeline,
	}
	if !d.Published.IsZero() {
		e.Published = &Published{d.Published}
	}
	e.Entities = remap(d.Entities, func(x Entity) Entity { x.Span = r.span(x.Span); return x })
	e.Quotes = remap(d.Quotes, func(x Quote) Quote {
		x.Span = r.span(x.Span)
		x.Speaker = r.mention(x.Speaker)
		return x
	})
	e.Quantities = remap(d.Quantities, func(x Quantity) Quantity { x.Span = r.span(x.Span); return x })
	e.Times = remap(d.Times, func(x Time) Time { x.Span = r.span(x.Span); return x })
	e.Places = remap(d.Places, func(x Place) Place { x.Span = r.span(x.Span); return x })
	e.Sourcing = remap(d.Sourcing, func(x Attribution) Attribution {
		x.Span = r.span(x.Span)
		if x.Cites == nil {
			x.Cites = []Cited{}
		}
		x.Scope = remap(x.Scope, r.span)
		return x
	})
	e.Events = remap(d.Events, func(x Event) Event {
		x.Span = r.span(x.Span)
		x.Actor = r.mention(x.Actor)
		x.Target = r.mention(x.Target)
		x.Counts = remap(x.Counts, func(i int) int { return i })
		return x
	})
	return e
}

// mention returns a copy of m with its span in code points; nil stays nil.
func (r runeOffsets) mention(m *Mention) *Mention {
	if m == nil {
		return nil
	}
	c := *m
	c.Span = r.span(c.Span)
	return &c
}

// remap returns a new slice with f applied to each item; never nil, so that
// empty layers encode as [] rather than null.
func remap[T any](items []T, f func(T) T) []T {
	out := make([]T, len(items))
	for i, x := range items {
		out[i] = f(x)
	}
	return out
}
