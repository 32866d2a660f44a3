package quantity

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

// published is the seed article's publication date.
var published = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

// annotated returns a Doc over s with text, ner and quantity layers.
func annotated(tb testing.TB, s string) *sitrep.Doc {
	tb.Helper()
	d := pre(tb, s)
	if err := (Annotator{}).Annotate(d); err != nil {
		tb.Fatalf("Annotate: %v", err)
	}
	return d
}

// pre returns a Doc over s with the text and ner layers only.
func pre(tb testing.TB, s string) *sitrep.Doc {
	tb.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: published})
	if err := (text.Annotator{}).Annotate(d); err != nil {
		tb.Fatalf("text: %v", err)
	}
	if err := (ner.Annotator{}).Annotate(d); err != nil {
		tb.Fatalf("ner: %v", err)
	}
	return d
}

// seedText returns the seed article's text: the lines after the dateline.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "demo", "corpus", "strikes-mexico-2025-11-18.txt"))
	if err != nil {
		tb.Fatalf("read seed article: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Published ") {
			return strings.Join(lines[i+1:], "\n")
		}
	}
	tb.Fatalf("seed article has no dateline")
	return ""
}

func show(q sitrep.Quantity) string {
	f := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return strconvI(*p)
	}
	return q.Text + " | " + f(q.Low) + " | " + f(q.High) + " | " + q.Qualifier + " | " + q.Unit + " | " + q.Category
}
