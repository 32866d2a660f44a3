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
