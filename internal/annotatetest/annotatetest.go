// Package annotatetest holds what the tests of sitrep's annotators share: a
// Doc carrying the layers that run before theirs, and the seed article.
// It is for tests only.
package annotatetest

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// Published is the seed article's publication date, Tuesday 18 November 2025.
var Published = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

// Prepare returns a Doc over s, published on Published, with the text and
// ner layers, then runs the annotators given, in order.
func Prepare(tb testing.TB, s string, then ...sitrep.Annotator) *sitrep.Doc {
	tb.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: Published})
	for _, a := range append([]sitrep.Annotator{text.Annotator{}, ner.Annotator{}}, then...) {
		if err := a.Annotate(d); err != nil {
			tb.Fatalf("%s: %v", a.Name(), err)
		}
	}
	return d
}

// SeedText returns the seed article's lines after its dateline, scraper
// debris ("list of 4 itemsend of list") included, so that tests see the
// worst of it.
func SeedText(tb testing.TB) string {
	tb.Helper()
	arts, err := demo.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range arts {
		if a.Name == "strikes-mexico-2025-11-18.txt" {
			_, body, ok := strings.Cut(string(a.Body), "\nPublished November 18, 2025\n")
			if !ok {
				tb.Fatal("seed article: dateline not found")
			}
			return body
		}
	}
	tb.Fatal("seed article not in the demo corpus")
	return ""
}

// Case is one text a benchmark runs an annotator over.
type Case struct{ Name, Text string }

// SeedCases are the seed article and the seed repeated 20 times, one
// paragraph after the other.
func SeedCases(tb testing.TB) []Case {
	seed := SeedText(tb)
	return []Case{{"seed", seed}, {"seed×20", strings.Repeat(seed+"\n", 20)}}
}

// Benchmark times an annotator alone over each case, as a sub-benchmark
// reporting bytes/s and allocations. The Doc is prepared outside the timer
// by text, ner and then the annotators in before (those whose layers it
// reads), and the annotator runs once before the timer so that its
// lexicons are loaded. Every annotator replaces its layer, so the runs do
// not pile up.
func Benchmark(b *testing.B, an sitrep.Annotator, cases []Case, before ...sitrep.Annotator) {
	for _, c := range cases {
		b.Run(c.Name, func(b *testing.B) {
			d := Prepare(b, c.Text, append(before, an)...)
			b.SetBytes(int64(len(c.Text)))
			b.ReportAllocs()
			for b.Loop() {
				if err := an.Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// PanicAfter panics with what after d unless the returned stop is called
// first. A fuzzer reports a crash but not a hang, so a fuzz target defers
// PanicAfter(...)() to turn a hang into a crash naming its input.
func PanicAfter(d time.Duration, what string) (stop func()) {
	t := time.AfterFunc(d, func() { panic("hang on " + what) })
	return func() { t.Stop() }
}
