//go:build unix

package story

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/internal/synth"
)

// scaleArticles is how many synthetic articles BenchmarkIndexAdd ingests;
// SITREP_SCALE_ARTICLES overrides it (a smaller run for a quick look).
func scaleArticles(b *testing.B) int {
	if s := os.Getenv("SITREP_SCALE_ARTICLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 10_000 {
			b.Fatalf("SITREP_SCALE_ARTICLES=%q: want a whole number of at least 10000", s)
		}
		return n
	}
	return 100_000
}

// scaleTruth is what the benchmark keeps of a generated article.
type scaleTruth struct {
	Story int
	Copy  bool
}

// scaleCorpus returns the features of the synthetic stream and the truth of
// each article. Annotating 100,000 articles takes minutes, so with
// SITREP_SCALE_CACHE=FILE the features are kept in FILE (gob) and read from
// it when it holds as many articles; delete it after changing the
// annotators, FeaturesOf or the generator.
func scaleCorpus(b *testing.B, n int) ([]Features, []scaleTruth) {
	b.Helper()
	cache := os.Getenv("SITREP_SCALE_CACHE")
	var stored struct {
		Features [][]byte
		Truth    []scaleTruth
	}
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			err := gob.NewDecoder(f).Decode(&stored)
			f.Close()
			if err == nil && len(stored.Features) == n {
				feats := make([]Features, n)
				for i, raw := range stored.Features {
					if err := feats[i].UnmarshalBinary(raw); err != nil {
						b.Fatalf("%s: %v", cache, err)
					}
				}
				b.Logf("read %d features from %s", n, cache)
				return feats, stored.Truth
			}
		}
	}
	feats, truth := scaleAnnotate(b, n)
	if cache != "" {
		stored.Features = make([][]byte, n)
		for i, f := range feats {
			stored.Features[i], _ = f.MarshalBinary()
		}
		stored.Truth = truth
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(stored); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(cache, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return feats, truth
}

// scaleAnnotate generates the synthetic stream and annotates it with the
// layers FeaturesOf reads (text, ner, geo), keeping only the features.
func scaleAnnotate(b *testing.B, n int) ([]Features, []scaleTruth) {
	b.Helper()
	shareddata.Path(b, "timex/tbaq")
	c, err := synth.Load(shareddata.Dir())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	arts := synth.Generate(c, synth.Options{Articles: n, Seed: 1})
	generated := time.Since(start)
	p := ixTestPipeline()
	feats := make([]Features, len(arts))
	const chunk = 2000
	start = time.Now()
	for from := 0; from < len(arts); from += chunk {
		to := min(from+chunk, len(arts))
		batch := make([]sitrep.Article, to-from)
		for i := range batch {
			batch[i] = arts[from+i].Article
		}
		for i, r := range p.RunBatch(context.Background(), batch, 0) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			feats[from+i] = FeaturesOf(r.Doc)
		}
	}
	b.Logf("generated %d articles in %v; annotated (text+ner+geo) and featured in %v",
		n, generated.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	truth := make([]scaleTruth, len(arts))
	for i, a := range arts {
		truth[i] = scaleTruth{Story: a.Story, Copy: a.CopyOf != ""}
	}
	return feats, truth
}

// scaleCPU is the CPU time the process has used, user and system.
func scaleCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// scaleProbeCPU is the least CPU time, of three runs, the index takes to
// decide (without adding) where each of the articles would go: the same
// articles at the same index size, after a collection and on this thread
// alone, so that the minimum strips most of the noise of a shared machine.
func scaleProbeCPU(ix *Index, feats []Features) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(math.MaxInt64)
	for range 3 {
		runtime.GC()
		c0 := scaleThreadCPU()
		for _, f := range feats {
			ix.explain(f)
		}
		best = min(best, scaleThreadCPU()-c0)
	}
	return best
}

// scaleThreadCPU is the CPU time the calling thread has used (Linux; on
// other systems, the process's).
func scaleThreadCPU() time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD on Linux
	who := syscall.RUSAGE_SELF
	if runtime.GOOS == "linux" {
		who = rusageThread
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIndexAdd ingests the synthetic stream into an empty index and
// reports the time per Add for each step of 10,000 articles, the time to
// decide on the next 1,000 at each step, the heap the index holds at the
// end, and how well it recovered the generator's stories and copies. Run
// it with
//
//	go test ./story -run '^$' -bench IndexAdd -benchtime 1x -v
func BenchmarkIndexAdd(b *testing.B) {
	n := scaleArticles(b)
	const step, probes = 10_000, 1000
	all, allTruth := scaleCorpus(b, n+probes)
	feats, truth := all[:n], allTruth[:n]
	b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
		var (
			perStep, cpuStep, probeStep []time.Duration
			heap                        uint64
			ms                          []Membership
		)
		for range b.N {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			ix := NewIndex(Options{})
			ms = make([]Membership, len(feats))
			perStep, cpuStep, probeStep = perStep[:0], cpuStep[:0], probeStep[:0]
			b.ResetTimer()
			t0, c0 := time.Now(), scaleCPU()
			for i, f := range feats {
				ms[i] = ix.Add(f)
				if (i+1)%step == 0 {
					c := scaleCPU()
					perStep = append(perStep, time.Since(t0))
					cpuStep = append(cpuStep, c-c0)
					probeStep = append(probeStep, scaleProbeCPU(ix, all[i+1:i+1+probes]))
					t0, c0 = time.Now(), scaleCPU()
				}
			}
			b.StopTimer()
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			heap = after.HeapInuse - min(before.HeapInuse, after.HeapInuse)
			runtime.KeepAlive(ix)
		}
		// Wall time moves with whatever else the machine runs; the
		// process's CPU time (the index and its garbage collection) does
		// not, so both are shown and the ratio is taken on CPU time.
		for i := range perStep {
			b.Logf("articles %6d–%6d: Add %6.1f µs/article wall, %6.1f µs CPU; decide on the next %d, best of 3: %6.1f µs CPU",
				i*step+1, (i+1)*step, float64(perStep[i].Nanoseconds())/step/1e3, float64(cpuStep[i].Nanoseconds())/step/1e3,
				probes, float64(probeStep[i].Nanoseconds())/probes/1e3)
		}
		first := float64(cpuStep[0].Nanoseconds()) / step
		last := float64(cpuStep[len(cpuStep)-1].Nanoseconds()) / step
		b.ReportMetric(first, "cpu-ns/add-first10k")
		b.ReportMetric(last, "cpu-ns/add-last10k")
		b.ReportMetric(last/first, "last/first")
		b.ReportMetric(float64(probeStep[0].Nanoseconds())/probes, "cpu-ns/decide@10k")
		b.ReportMetric(float64(probeStep[len(probeStep)-1].Nanoseconds())/probes, "cpu-ns/decide@end")
		b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
		b.ReportMetric(float64(heap)/float64(len(feats)), "B/article")

		got, gold := map[string]string{}, map[string]string{}
		var copies, found, falseCopies int
		for i, m := range ms {
			got[m.Article] = m.Story
			gold[m.Article] = strconv.Itoa(truth[i].Story)
			if truth[i].Copy {
				copies++
				if m.DuplicateOf != "" {
					found++
				}
			} else if m.DuplicateOf != "" {
				falseCopies++
			}
		}
		p, r := ixBCubed(got, gold)
		b.Logf("stories B-cubed P %.3f R %.3f against the generator's; copies found %d of %d, originals taken for copies %d",
			p, r, found, copies, falseCopies)
	})
}
