package story

import (
	"testing"

	"github.com/sitrep/sitrep"
)

func TestQuoteDrift(t *testing.T) {
	const original = "We’ve lost hundreds of thousands of people to drugs, so now we’re shutting down the waterways"
	tests := []struct {
		name     string
		quotes   []string // one article each, all by Donald Trump
		kind     string   // "" for no drift
		versions int
	}{
		{"the same words with other quote marks and spaces are no drift",
			[]string{original, "We've  lost hundreds of thousands of people to drugs, so now we're shutting down the waterways"}, "", 0},
		{"a quote that runs on into other words is another quote",
			[]string{original, "we’re shutting down the waterways, but we know all the routes and the drugs"}, "", 0},
		{"the end of a quote alone is truncated",
			[]string{original, "so now we’re shutting down the waterways"}, "truncated", 2},
		{"an ellipsis inside a quote is truncated",
			[]string{original, "We’ve lost hundreds of thousands of people … we’re shutting down the waterways"}, "truncated", 2},
		{"a changed word is altered",
			[]string{original, "We’ve lost hundreds of thousands of people to drugs, so now we’re shutting down the sea routes"}, "altered", 2},
		{"three outlets, two wordings",
			[]string{original, original, "We’ve lost hundreds of thousands of people to drugs, so we’re shutting down the waterways"}, "truncated", 2},
		{"different quotes that share words are not one",
			[]string{original, "We know the addresses of all the drug cartels and we know their front doors"}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*sitrep.Doc
			for i, q := range tt.quotes {
				b := newTDoc(t, string(rune('a'+i)), []string{"AP", "Reuters", "NBC"}[i], "2025-11-1"+string(rune('7'+i)), "“"+q+",” Trump said.")
				b.entity("Trump", "PERSON", "Donald Trump").quote(q, "Trump", "Donald Trump")
				docs = append(docs, b.d)
			}
			drifts := QuoteDrift(docs, nil, nil)
			if tt.kind == "" {
				if len(drifts) != 0 {
					t.Errorf("drift found: %+v", drifts)
				}
				return
			}
			if len(drifts) != 1 {
				t.Fatalf("%d drifts, want 1: %+v", len(drifts), drifts)
			}
			d := drifts[0]
			if d.Kind != tt.kind || len(d.Versions) != tt.versions || d.Speaker != "Donald Trump" {
				t.Errorf("%s drift of %s with %d versions, want %s with %d", d.Kind, d.Speaker, len(d.Versions), tt.kind, tt.versions)
			}
			if d.Versions[0].Article != "a" || d.Versions[0].Text != original {
				t.Errorf("first version %+v, want article a's original", d.Versions[0])
			}
		})
	}
}

func TestQuoteDriftNeedsTheSameSpeaker(t *testing.T) {
	q := "We’ve lost hundreds of thousands of people to drugs, so now we’re shutting down the waterways"
	a := newTDoc(t, "a", "AP", "2025-11-17", "“"+q+",” Trump said.")
	a.entity("Trump", "PERSON", "Donald Trump").quote(q, "Trump", "Donald Trump")
	short := "so now we’re shutting down the waterways"
	b := newTDoc(t, "b", "NBC", "2025-11-18", "“"+short+",” Sheinbaum said.")
	b.entity("Sheinbaum", "PERSON", "Claudia Sheinbaum").quote(short, "Sheinbaum", "Claudia Sheinbaum")
	if drifts := QuoteDrift([]*sitrep.Doc{a.d, b.d}, nil, nil); len(drifts) != 0 {
		t.Errorf("drift across speakers: %+v", drifts)
	}
}

func FuzzQuoteDrift(f *testing.F) {
	f.Add("We know all the routes and we know the addresses", "we know all the routes and the addresses", "Trump")
	f.Add("", "\xff\xfe’’", "")
	f.Fuzz(func(t *testing.T, a, b, speaker string) {
		var docs []*sitrep.Doc
		for i, q := range []string{a, b, a + " " + b} {
			d := sitrep.NewDoc(sitrep.Article{ID: string(rune('a' + i)), Text: q})
			d.Quotes = []sitrep.Quote{{Span: sitrep.Span{Start: 0, End: len(q)}, Text: q, Direct: true,
				Speaker: &sitrep.Mention{Name: speaker, Key: "person:" + speaker}}}
			docs = append(docs, d)
		}
		for _, dr := range QuoteDrift(docs, nil, nil) {
			if len(dr.Versions) < 2 || (dr.Kind != "truncated" && dr.Kind != "altered") {
				t.Fatalf("drift %+v: want two versions or more and a known kind", dr)
			}
		}
	})
}
