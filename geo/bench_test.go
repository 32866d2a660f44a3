package geo

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate times the geo annotator alone on a Doc that text and
// ner have already annotated: the seed article, the seed 20 times, and the
// worst case for resolution, nothing but ambiguous names each listed with
// the next.
func BenchmarkAnnotate(b *testing.B) {
	cases := append(annotatetest.SeedCases(b), annotatetest.Case{Name: "dense", Text: strings.Repeat("Paris, Georgia, Victoria, Washington, ", 5000)})
	annotatetest.Benchmark(b, Annotator{}, cases)
}
