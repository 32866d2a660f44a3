package quote

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate times the quote annotator alone on a Doc that text and
// ner have already annotated.
func BenchmarkAnnotate(b *testing.B) {
	seed := annotatetest.SeedText(b)
	for _, bm := range []struct {
		name string
		text string
	}{
		{"seed", seed},
		{"seed×20", strings.Repeat(seed+"\n", 20)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			d := annotatetest.Prepare(b, bm.text)
			b.SetBytes(int64(len(bm.text)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := (Annotator{}).Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
