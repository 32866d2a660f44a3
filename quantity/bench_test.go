package quantity

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate times the quantity annotator alone over documents whose
// text and entity layers are made outside the timer.
func BenchmarkAnnotate(b *testing.B) {
	seed := annotatetest.SeedText(b)
	for _, bc := range []struct {
		name, text string
	}{
		{"seed", seed},
		{"seed×20", strings.Repeat(seed+"\n", 20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			d := annotatetest.Prepare(b, bc.text)
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				d.Quantities = nil
				if err := (Annotator{}).Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
