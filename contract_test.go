package sitrep

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestContractOffsetsAreCodePoints(t *testing.T) {
	text := "“Will we go on strike in Mexico?” he told reporters. Sheinbaum’s country"
	d := NewDoc(Article{ID: "x", Text: text})
	find := func(s string) Span { i := strings.Index(text, s); return Span{Start: i, End: i + len(s)} }
	d.Entities = []Entity{{Span: find("Mexico"), Text: "Mexico", Type: "LOC"}, {Span: find("Sheinbaum"), Text: "Sheinbaum", Type: "PERSON"}}
	d.Quotes = []Quote{{Span: find("“Will we go on strike in Mexico?”"), Speaker: &Mention{Span: find("he"), Text: "he"}}}
	d.Sourcing = []Attribution{{Span: find("he told reporters"), Scope: []Span{find("Will we go on strike in Mexico?")}}}
	e := d.Contract("text")
	runes := []rune(text)
	if sc := e.Sourcing[0].Scope[0]; string(runes[sc.Start:sc.End]) != "Will we go on strike in Mexico?" {
		t.Errorf("scope slice = %q", string(runes[sc.Start:sc.End]))
	}
	for _, ent := range e.Entities {
		if got := string(runes[ent.Start:ent.End]); got != ent.Text {
			t.Errorf("entity %q: code-point slice gives %q", ent.Text, got)
		}
	}
	if got := string(runes[e.Quotes[0].Speaker.Start:e.Quotes[0].Speaker.End]); got != "he" {
		t.Errorf("speaker slice = %q", got)
	}
	// The Doc itself keeps byte offsets.
	if d.Entities[1].Start == e.Entities[1].Start {
		t.Errorf("Contract changed the Doc or did not convert: byte %d, rune %d", d.Entities[1].Start, e.Entities[1].Start)
	}
	if e.Entities[1].Start != utf8.RuneCountInString(text[:d.Entities[1].Start]) {
		t.Errorf("rune offset %d is wrong", e.Entities[1].Start)
	}
}

func TestContractJSON(t *testing.T) {
	tests := []struct {
		name      string
		published time.Time
		want      string
	}{
		{"unknown date is null", time.Time{}, `"published":null`},
		{"a date known to the day", time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC), `"published":"2025-11-18"`},
		{"a time keeps its zone", time.Date(2025, 11, 18, 14, 3, 0, 0, time.FixedZone("", -5*3600)), `"published":"2025-11-18T14:03:00-05:00"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(NewDoc(Article{Published: tt.published}).Contract(""))
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			if !strings.Contains(s, tt.want) {
				t.Errorf("%s lacks %s", s, tt.want)
			}
			for _, layer := range []string{"entities", "quotes", "quantities", "times", "places", "sourcing", "events"} {
				if !strings.Contains(s, `"`+layer+`":[]`) {
					t.Errorf("empty layer %s is not []: %s", layer, s)
				}
			}
			var back Extraction
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("contract does not read back: %v", err)
			}
			if (back.Published == nil) != tt.published.IsZero() || (back.Published != nil && !back.Published.Equal(tt.published)) {
				t.Errorf("published read back as %v, want %v", back.Published, tt.published)
			}
		})
	}
}
