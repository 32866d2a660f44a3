package pipeline

import (
	"context"
	"testing"

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
