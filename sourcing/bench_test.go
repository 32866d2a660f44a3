package sourcing

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/bench/cputime"
	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate measures the annotator alone over the seed article and
// over the seed repeated 20 times, with tokens, sentences and entities found
// outside the timer.
func BenchmarkAnnotate(b *testing.B) {
	seed := annotatetest.SeedText(b)
	for _, bc := range []struct {
		name string
		text string
	}{
		{"seed", seed},
		{"seed×20", strings.Repeat(seed, 20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			d := annotatetest.Prepare(b, bc.text)
			for _, c := range []string{"at least 20 airstrikes", "at least 80 people", "hundreds of thousands", "two administration officials"} {
				for off := 0; ; {
					i := strings.Index(bc.text[off:], c)
					if i < 0 {
						break
					}
					sp := sitrep.Span{Start: off + i, End: off + i + len(c)}
					d.Quantities = append(d.Quantities, sitrep.Quantity{Span: sp, Text: c})
					off = sp.End
				}
			}
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			cpu0, cpuOK := cputime.Now()
			for b.Loop() {
				if err := (Annotator{}).Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time is what other jobs on a shared machine disturb least.
			if cpu1, ok := cputime.Now(); ok && cpuOK && cpu1 > cpu0 {
				per := float64(cpu1-cpu0) / float64(b.N)
				b.ReportMetric(per, "cpu-ns/op")
				b.ReportMetric(float64(len(bc.text))/per*1e3, "cpu-MB/s")
			}
		})
	}
}
