package event

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/text"
)

// hostile are inputs meant to break the annotator: seeds of the fuzz test
// and cases of TestHostile.
var hostile = map[string]string{
	"empty":              "",
	"triggers in a row":  strings.Repeat("airstrikes ", 20000),
	"cues in a row":      strings.Repeat("threatened to would could if ", 5000) + "attack.",
	"negations":          strings.Repeat("not no never ", 5000) + "strike",
	"long subject":       strings.Repeat("Big ", 20000) + "forces attacked " + strings.Repeat("the ", 20000) + "town.",
	"evidence chain":     strings.Repeat("claimed responsibility released video ", 5000),
	"invalid UTF-8":      "Rebels \xff\xfe shelled \xc3 the town, \x80killing 12.",
	"only punctuation":   strings.Repeat(", . “ ” ; ", 5000),
	"quote threat":       "“Will we " + strings.Repeat("strike ", 5000) + "?” he said.",
	"designation":        strings.Repeat("designating ", 3000) + "terrorists",
	"by chain":           strings.Repeat("attacked by ", 10000),
	"sentence per token": strings.Repeat("Strike. ", 20000),
}

// checkInvariants fails the test when the events break the contract.
func checkInvariants(t *testing.T, d *sitrep.Doc) {
	t.Helper()
	// Boundaries are where ranging over the text starts a rune (an invalid
	// byte counts as one), and its end.
	boundary := make([]bool, len(d.Text)+1)
	for i := range d.Text {
		boundary[i] = true
	}
	boundary[len(d.Text)] = true
	inText := func(what string, sp sitrep.Span) {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End {
			t.Fatalf("%s: span %v outside text of %d bytes", what, sp, len(d.Text))
		}
		if !boundary[sp.Start] || !boundary[sp.End] {
			t.Fatalf("%s: span %v splits a character", what, sp)
		}
	}
	index := func(what string, p *int, n int) {
		if p != nil && (*p < 0 || *p >= n) {
			t.Fatalf("%s: index %d of %d", what, *p, n)
		}
	}
	for i, e := range d.Events {
		what := fmt.Sprintf("event %d %q", i, e.Text)
		inText(what, e.Span)
		if e.Text != d.Text[e.Start:e.End] {
			t.Fatalf("%s: Text is not its span's %q", what, d.Text[e.Start:e.End])
		}
		if i > 0 && d.Events[i-1].Start > e.Start {
			t.Fatalf("%s: out of order", what)
		}
		if e.Subtype == "" || e.Plover == "" || e.Cameo == "" || e.Modality == "" || e.Counts == nil {
			t.Fatalf("%s: incomplete %+v", what, e)
		}
		for _, m := range []*sitrep.Mention{e.Actor, e.Target} {
			if m != nil {
				inText(what+" mention", m.Span)
				if m.Text != d.Text[m.Start:m.End] || m.Name == "" {
					t.Fatalf("%s: bad mention %+v", what, m)
				}
			}
		}
		index(what+" place", e.Place, len(d.Places))
		index(what+" time", e.Time, len(d.Times))
		index(what+" sourcing", e.Sourcing, len(d.Sourcing))
		for _, c := range e.Counts {
			index(what+" count", &c, len(d.Quantities))
		}
	}
}

// hostileDoc builds a Doc over s with tokens and sentences, every
// capitalized word an entity, every number a quantity of killed, and one
// of each other layer with the arbitrary span [a, b).
func hostileDoc(s string, a, b int) *sitrep.Doc {
	d := sitrep.NewDoc(sitrep.Article{Text: s})
	_ = (text.Annotator{}).Annotate(d)
	for _, t := range d.Tokens {
		w := t.In(s)
		if r, _ := utf8.DecodeRuneInString(w); t.Kind == sitrep.Word && 'A' <= r && r <= 'Z' {
			d.Entities = append(d.Entities, sitrep.Entity{Span: t.Span, Text: w, Type: "ORG", Name: w, Key: "org:" + w})
		}
		if t.Kind == sitrep.Number {
			d.Quantities = append(d.Quantities, sitrep.Quantity{Span: t.Span, Text: w, Category: "killed"})
		}
	}
	sp := sitrep.Span{Start: a, End: b}
	d.Entities = append(d.Entities, sitrep.Entity{Span: sp, Type: "PERSON", Name: "x"})
	d.Places = append(d.Places, sitrep.Place{Span: sp, Name: "x"})
	d.Times = append(d.Times, sitrep.Time{Span: sp, Value: "2025", From: "2025"})
	d.Quantities = append(d.Quantities, sitrep.Quantity{Span: sp, Category: "strikes"})
	d.Quotes = append(d.Quotes, sitrep.Quote{Span: sp, Direct: true, Speaker: &sitrep.Mention{Span: sitrep.Span{Start: b, End: a}, Name: "x"}})
	d.Sourcing = append(d.Sourcing, sitrep.Attribution{Span: sp, Source: sitrep.Source{Name: "x"}, Scope: []sitrep.Span{sp, {Start: b, End: a}}})
	return d
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range hostile {
		if len(s) <= 1<<14 {
			f.Add(s, 0, 5)
		}
	}
	f.Add("The White House has launched at least 20 airstrikes since September, killing 80.", 4, 15)
	f.Add("“Will we go on strike in Mexico?” he said.", -3, 900)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		defer annotatetest.PanicAfter(10*time.Second, fmt.Sprintf("%q %d %d", s, a, b))()
		d := hostileDoc(s, a, b)
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		_ = Classify(s)
	})
}

// TestHostile runs the hostile inputs; whether the time stays in
// proportion to the size is for the benchmarks.
func TestHostile(t *testing.T) {
	for name, s := range hostile {
		t.Run(name, func(t *testing.T) {
			d := hostileDoc(s, 1, 7)
			if err := (Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			if l := Classify(s); !slicesContains(caseLabels, l) {
				t.Fatalf("Classify gave %q", l)
			}
		})
	}
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
