package sourcing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// published is the publication date of the seed article.
var published = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

// prepare returns a Doc over s with tokens, sentences and entities.
func prepare(tb testing.TB, s string) *sitrep.Doc {
	tb.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: published})
	if err := (text.Annotator{}).Annotate(d); err != nil {
		tb.Fatal(err)
	}
	if err := (ner.Annotator{}).Annotate(d); err != nil {
		tb.Fatal(err)
	}
	return d
}

// annotate runs the sourcing annotator over a prepared Doc.
func annotate(tb testing.TB, d *sitrep.Doc) {
	tb.Helper()
	if err := (Annotator{}).Annotate(d); err != nil {
		tb.Fatal(err)
	}
}

// seedText returns the text of the seed article as the article package
// gives it: without the headline and the date line.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "demo", "corpus", "strikes-mexico-2025-11-18.txt"))
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	s := string(b)
	_, s, _ = strings.Cut(s, "\nPublished November 18, 2025\n")
	return s
}

// spanOf returns the span of the n-th (from 0) occurrence of sub in s.
func spanOf(tb testing.TB, s, sub string, n int) sitrep.Span {
	tb.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			tb.Fatalf("%q not found %d times", sub, n+1)
		}
		if i == n {
			return sitrep.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}
