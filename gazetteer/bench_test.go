package gazetteer

import (
	"testing"
	"time"
)

// BenchmarkDefault measures decoding the embedded data, the work Default
// does once. cpu-ms/op is the CPU time of all goroutines (decompression runs
// beside parsing), a steadier figure than wall time on a shared machine.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := load(nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkPrefix measures Prefix at every token of a news sentence, as the
// tagger calls it; ns/op is per call.
func BenchmarkPrefix(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Prefix(sentence[i%len(sentence):])
	}
}

func BenchmarkIsDemonym(b *testing.B) {
	g := Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.IsDemonym(sentence[i%len(sentence)])
	}
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	queries := []string{"Mexico", "the United States", "Culiacan", "Gulf of Mexico", "Springfield", "Qwxzv"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Lookup(queries[i%len(queries)])
	}
}

// TestDecodeTime checks the decode budget loosely (the machine may be busy);
// BenchmarkDefault gives the real figure.
func TestDecodeTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	best := time.Hour
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := load(nil); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("decode: %v", best)
	if best > time.Second {
		t.Errorf("decoding took %v, want well under a second (budget 100 ms)", best)
	}
}
