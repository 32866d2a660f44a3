package quantity

import (
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate times the quantity annotator alone on a Doc that text
// and ner have already annotated.
func BenchmarkAnnotate(b *testing.B) {
	annotatetest.Benchmark(b, Annotator{}, annotatetest.SeedCases(b))
}
