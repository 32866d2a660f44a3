package sourcing

import (
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/quote"
)

// BenchmarkAnnotate times the sourcing annotator alone on a Doc that text,
// ner, quote and quantity have already annotated, as in the pipeline.
func BenchmarkAnnotate(b *testing.B) {
	annotatetest.Benchmark(b, Annotator{}, annotatetest.SeedCases(b), quote.Annotator{}, quantity.Annotator{})
}
