package geo

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// BenchmarkAnnotate times the place annotator alone on documents already
// tokenized and tagged: the seed article, and the seed repeated 20 times.
func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		text string
	}{
		{"seed", string(raw)},
		{"seed×20", strings.Repeat(string(raw)+"\n", 20)},
		// The worst case for resolution: nothing but ambiguous names,
		// each listed with the next.
		{"dense", strings.Repeat("Paris, Georgia, Victoria, Washington, ", 5000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			d := sitrep.NewDoc(sitrep.Article{Text: bc.text})
			text.Annotator{}.Annotate(d)
			ner.Annotator{}.Annotate(d)
			var a Annotator
			a.Annotate(d) // the gazetteer and lexicons load once, outside the timer
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				d.Places = nil
				if err := a.Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
