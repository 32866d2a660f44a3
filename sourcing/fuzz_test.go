package sourcing

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

// hostile are inputs that have broken annotators: seeds of the fuzz test
// and cases of TestHostile.
var hostile = map[string]string{
	"unbalanced quote":    "“Officials said " + strings.Repeat("the strike killed 12 people, Reuters reported. ", 200),
	"numbers in a row":    strings.Repeat("12 ", 10000) + "officials said.",
	"nested quotes":       "“He said ‘“officials said ‘20 people died,’ Reuters reported” he told AP’ ” said the ministry.",
	"no spaces":           strings.Repeat("said", 250000),
	"invalid UTF-8":       "Officials said \xff\xfe 12 people \xc3 died, Reuters \x80reported.",
	"cues in a row":       strings.Repeat("said ", 20000),
	"subjects in a row":   strings.Repeat("officials and ", 20000) + "witnesses said 3 died.",
	"commas in a row":     "Garmany" + strings.Repeat(", ", 20000) + "told Al Jazeera that 3 died.",
	"citing chain":        "NBC reported" + strings.Repeat(", citing officials", 5000) + ".",
	"according chain":     strings.Repeat("according to ", 10000) + "officials.",
	"report anaphors":     "NBC reported that 3 died. " + strings.Repeat("The report said 4 died. ", 5000),
	"empty":               "",
	"only punctuation":    strings.Repeat(", . “ ” ", 5000),
	"told chain":          strings.Repeat("Reuters told ", 10000),
	"seed-like":           "US President Donald Trump said he may expand attacks, Reuters and television network NBC reported.",
	"apposition at start": ", said, told, reported",
	"stray citing":        strings.Repeat("officials said it ", 3000) + strings.Repeat("citing officials ", 3000) + ".",
	"long entity":         strings.Repeat("Big ", 20000) + "said " + strings.Repeat("Big ", 20000) + "told Reuters.",
}

// checkInvariants fails the test when the layers break the contract.
func checkInvariants(t *testing.T, d *sitrep.Doc) {
	t.Helper()
	for i, a := range d.Sourcing {
		if a.Start < 0 || a.End > len(d.Text) || a.Start > a.End {
			t.Fatalf("attribution %d: span %v outside text of %d bytes", i, a.Span, len(d.Text))
		}
		if (a.Start < len(d.Text) && !utf8.RuneStart(d.Text[a.Start])) || (a.End < len(d.Text) && !utf8.RuneStart(d.Text[a.End])) {
			t.Fatalf("attribution %d: span %v splits a character", i, a.Span)
		}
		if a.Text != d.Text[a.Start:a.End] {
			t.Fatalf("attribution %d: Text %q is not its span's %q", i, a.Text, d.Text[a.Start:a.End])
		}
		if i > 0 && d.Sourcing[i-1].Start > a.Start {
			t.Fatalf("attributions %d and %d out of order", i-1, i)
		}
		// A source always has a name, an unresolved pronoun its text.
		if a.Source.Text == "" || a.Source.Name == "" {
			t.Fatalf("attribution %d %q: empty source %+v", i, a.Text, a.Source)
		}
		for _, c := range a.Cites {
			if c.Text == "" || c.Count != nil && *c.Count < 0 {
				t.Fatalf("attribution %d %q: bad cited %+v", i, a.Text, c)
			}
		}
	}
	for i, q := range d.Quantities {
		if q.Sourcing != nil && (*q.Sourcing < 0 || *q.Sourcing >= len(d.Sourcing)) {
			t.Fatalf("quantity %d points to %d of %d attributions", i, *q.Sourcing, len(d.Sourcing))
		}
	}
}

// hostileDoc builds a Doc over s with tokens and sentences, every run of
// capitalized words an entity (a person when it has two words or more),
// every number a quantity, and quotes between quotation marks whose speaker
// is the word after them; a and b add a quote, a quantity and an entity
// with arbitrary spans.
func hostileDoc(s string, a, b int) *sitrep.Doc {
	d := sitrep.NewDoc(sitrep.Article{Text: s})
	_ = (text.Annotator{}).Annotate(d)
	open, run := -1, -1
	for i, t := range d.Tokens {
		w := t.In(s)
		if t.Kind == sitrep.Word && isCapitalized(w) {
			if run < 0 {
				run = i
			}
		} else if run >= 0 {
			sp := sitrep.Span{Start: d.Tokens[run].Start, End: d.Tokens[i-1].End}
			typ := "ORG"
			if i-run > 1 {
				typ = "PERSON"
			}
			d.Entities = append(d.Entities, sitrep.Entity{Span: sp, Text: sp.In(s), Type: typ, Name: sp.In(s), Key: sp.In(s)})
			run = -1
		}
		switch {
		case t.Kind == sitrep.Number:
			d.Quantities = append(d.Quantities, sitrep.Quantity{Span: t.Span, Text: w})
		case w == "“":
			open = i
		case w == "”" && open >= 0 && i+1 < len(d.Tokens):
			sp := d.Tokens[i+1].Span
			d.Quotes = append(d.Quotes, sitrep.Quote{
				Span: sitrep.Span{Start: d.Tokens[open].End, End: t.Start}, Direct: true, Cue: "said",
				Speaker: &sitrep.Mention{Span: sp, Text: sp.In(s), Name: sp.In(s)},
			})
			open = -1
		}
	}
	d.Quotes = append(d.Quotes, sitrep.Quote{Span: sitrep.Span{Start: a, End: b}, Cue: "told",
		Speaker: &sitrep.Mention{Span: sitrep.Span{Start: b, End: a + 3}, Text: "x", Name: "x"}})
	d.Quantities = append(d.Quantities, sitrep.Quantity{Span: sitrep.Span{Start: b, End: a}})
	d.Entities = append(d.Entities, sitrep.Entity{Span: sitrep.Span{Start: a, End: b}, Type: "ORG", Name: "x"})
	return d
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range hostile {
		if len(s) <= 1<<16 {
			f.Add(s, 0, 5)
		}
	}
	f.Add("NBC reported, citing two administration officials, that 3 died.", 3, 2)
	f.Add("“12 died,” said a local official.", -4, 900)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		defer annotatetest.PanicAfter(10*time.Second, fmt.Sprintf("%q %d %d", s, a, b))()
		d := hostileDoc(s, a, b)
		if err := (Annotator{}).Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}

// TestHostile runs the hostile inputs with the entity tagger's layers too.
// Whether the time stays in proportion to the size is for benchmarks
// (pipeline's BenchmarkHostile), not for a test on a shared machine.
func TestHostile(t *testing.T) {
	for name, s := range hostile {
		t.Run(name, func(t *testing.T) {
			d := hostileDoc(s, 1, 7)
			if err := (Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
		})
	}
}
