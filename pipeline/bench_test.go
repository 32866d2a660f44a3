package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// BenchmarkPipeline runs the demo corpus (31 articles) through tokenization
// and tagging alone, then through the whole default pipeline, on one
// goroutine: the difference is what the fact annotators (quotes, counts,
// times, places, sourcing) cost on top of the language core.
func BenchmarkPipeline(b *testing.B) {
	files, err := demo.Corpus()
	if err != nil {
		b.Fatal(err)
	}
	var arts []sitrep.Article
	tokens := 0
	for _, f := range files {
		a, err := article.Parse(article.Input{Body: f.Body, URL: f.URL, ContentType: "text/plain"})
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		tokens += len(text.Tokenize(a.Text))
	}
	ner.Default()
	for _, tc := range []struct {
		name string
		p    *Pipeline
	}{
		{"text+ner", New(text.Annotator{}, ner.Annotator{})},
		{"default", Default()},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			// Warm the lazily loaded models and lexicons outside the timer.
			if _, err := tc.p.Run(ctx, arts[0]); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				for _, a := range arts {
					if _, err := tc.p.Run(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// hostileTexts are inputs built to hurt an annotator: no spaces, a run of
// numbers, quotation marks that never close, quotes nested in quotes,
// attributions without end, dates without end. unit is repeated to size.
var hostileTexts = []struct{ name, unit string }{
	{"no-spaces", "x"},
	{"numbers", "1,2 3 80 at least 20 "},
	{"open-quotes", "“He said ‘they told “"},
	{"nested-quotes", "“a ‘b «c "},
	{"attributions", "NBC reported, citing two officials, that Reuters said, according to "},
	{"dates", "on Monday, 18 November 2025, two weeks after since September "},
	{"places", "Paris, Texas, Georgia, Victoria, off the coast of "},
}

// TestDefaultOnHostileText runs the whole pipeline over each hostile text:
// none may fail, and every span of every layer must lie within the text.
func TestDefaultOnHostileText(t *testing.T) {
	p := Default()
	for _, h := range hostileTexts {
		t.Run(h.name, func(t *testing.T) {
			s := strings.Repeat(h.unit, 64<<10/len(h.unit))
			d, err := p.Run(context.Background(), sitrep.Article{Text: s, Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			var spans []sitrep.Span
			for _, x := range d.Quotes {
				spans = append(spans, x.Span)
			}
			for _, x := range d.Quantities {
				spans = append(spans, x.Span)
			}
			for _, x := range d.Times {
				spans = append(spans, x.Span)
			}
			for _, x := range d.Places {
				spans = append(spans, x.Span)
			}
			for _, x := range d.Sourcing {
				spans = append(spans, x.Span)
			}
			for _, sp := range spans {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("span %v outside a text of %d bytes", sp, len(s))
				}
			}
		})
	}
}

// BenchmarkHostile runs the whole pipeline over each hostile text at two
// sizes: ns/B must not grow with the size (nothing quadratic).
func BenchmarkHostile(b *testing.B) {
	p := Default()
	for _, h := range hostileTexts {
		for _, kb := range []int{64, 512} {
			s := strings.Repeat(h.unit, kb<<10/len(h.unit))
			a := sitrep.Article{Text: s, Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)}
			b.Run(fmt.Sprintf("%s/%dKB", h.name, kb), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					if _, err := p.Run(context.Background(), a); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
