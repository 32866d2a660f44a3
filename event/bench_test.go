package event

import (
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

// BenchmarkAnnotate times the event annotator alone on a Doc that every
// annotator it reads from has already annotated, as in the pipeline.
func BenchmarkAnnotate(b *testing.B) {
	annotatetest.Benchmark(b, Annotator{}, annotatetest.SeedCases(b), before...)
}

// BenchmarkClassify times the snippet classifier on one ACLED-style note.
func BenchmarkClassify(b *testing.B) {
	const s = "On 3 May 2021, unidentified gunmen attacked a military post near Djibo (Soum). 4 soldiers killed."
	Classify(s) // load the model outside the timer
	b.ReportAllocs()
	for b.Loop() {
		Classify(s)
	}
}
