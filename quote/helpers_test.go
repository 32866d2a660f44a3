package quote

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// annotate runs text, ner and quote over s.
func annotate(t testing.TB, s string) *sitrep.Doc {
	t.Helper()
	d := prepare(t, s)
	if err := (Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// prepare runs text and ner over s.
func prepare(t testing.TB, s string) *sitrep.Doc {
	t.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)})
	if err := (text.Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := (ner.Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// seedText returns the flagship article's text: what follows its dateline.
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../demo/corpus/strikes-mexico-2025-11-18.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(b), "Published November 18, 2025\n")
	if !ok {
		t.Fatal("seed article: dateline not found")
	}
	return body
}

func seedDoc(t testing.TB) *sitrep.Doc { return annotate(t, seedText(t)) }
