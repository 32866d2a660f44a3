package main

import (
	"testing"

	"github.com/sitrep/sitrep/eval"
)

func TestSpan(t *testing.T) {
	w := newWords([]string{"Boatmen", "'s", "Bancshares", "Inc.", "in", "Chester-le-Street", "."})
	for _, c := range []struct {
		ent     string
		want    prediction
		widened bool
	}{
		{"Boatmen", prediction{Start: 0, End: 1, Type: "ORG"}, false},
		{"Bancshares Inc", prediction{Start: 2, End: 4, Type: "ORG"}, true}, // "." split off "Inc."
		{"Chester", prediction{Start: -1, End: -1, Type: "ORG"}, false},     // inside a word
		{"Bancshares Inc.", prediction{Start: 2, End: 4, Type: "ORG"}, false},
		{"Inc. in", prediction{Start: 3, End: 5, Type: "ORG"}, false},
		{"Nowhere", prediction{Start: -1, End: -1, Type: "ORG"}, false},
	} {
		got, widened, _ := w.find(c.ent, 0, "ORG")
		if got != c.want || widened != c.widened {
			t.Errorf("find(%q) = %v, %v; want %v, %v", c.ent, got, widened, c.want, c.widened)
		}
	}
	// In order: the second "a" is found after the first.
	w = newWords([]string{"a", "b", "a"})
	c, _, next := w.find("a", 0, "PER")
	c2, _, _ := w.find("a", next, "PER")
	if c.Start != 0 || c2.Start != 2 {
		t.Errorf("in order: got %v then %v", c, c2)
	}
}

func TestScore(t *testing.T) {
	ch := func(s, e int, typ string) eval.Chunk { return eval.Chunk{Start: s, End: e, Type: typ} }
	gold := [][]eval.Chunk{{ch(0, 2, "PER"), ch(3, 4, "LOC")}}
	pred := [][]eval.Chunk{{
		ch(0, 2, "PER"), ch(0, 2, "PER"), // the same prediction twice counts once
		ch(3, 4, "ORG"),   // right span, wrong type
		ch(-1, -1, "LOC"), // unaligned: predicted, never correct
		ch(5, 6, "MISC"),  // not scored
	}}
	r := score("t", gold, pred)
	if r.all.Gold != 2 || r.all.Predicted != 3 || r.all.Hits != 1 || r.unaligned != 1 {
		t.Errorf("got %+v, unaligned %d", r.all, r.unaligned)
	}
}
