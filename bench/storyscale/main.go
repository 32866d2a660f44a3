// Command storyscale ingests a stream of synthetic articles the way `sitrep
// ingest` does — annotate with the default pipeline, store in SQLite, file in
// a story — and prints, for each step of the stream, the time per article of
// each stage and the memory in use, so that a reader can see whether the cost
// of a new article grows with the size of the store.
//
//	go run ./bench/storyscale -n 100000 -step 10000 -db /tmp/scale.db
//
// The articles come from internal/synth (recombined from the development
// corpora, so the gold data must be present: $SITREP_DATA or ../shared/data).
// Wall times are medians of nothing: each row is one pass over its step, on
// whatever else the machine is doing; the CPU column (process CPU time per
// article, all threads) is the steadier figure.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/bench/cputime"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/internal/synth"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

func main() {
	n := flag.Int("n", 100000, "articles to ingest")
	step := flag.Int("step", 10000, "articles per reported step")
	dbPath := flag.String("db", "", "SQLite file to create (default: a new file in the temporary directory)")
	seed := flag.Uint64("seed", 1, "seed of the synthetic stream")
	flag.Parse()
	if err := run(context.Background(), *n, *step, *dbPath, *seed); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, n, step int, dbPath string, seed uint64) error {
	dir := shareddata.Dir()
	if dir == "" {
		return fmt.Errorf("gold data not found: set SITREP_DATA")
	}
	corpus, err := synth.Load(dir)
	if err != nil {
		return fmt.Errorf("load corpora from %s: %w", dir, err)
	}
	gen := synth.Generate(corpus, synth.Options{Articles: n, Seed: seed})
	if dbPath == "" {
		f, err := os.CreateTemp("", "storyscale-*.db")
		if err != nil {
			return err
		}
		dbPath = f.Name()
		f.Close()
		os.Remove(dbPath)
		defer func() {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(dbPath + suffix)
			}
		}()
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	defer db.Close()
	stories, _, err := ingest.OpenStories(ctx, db, story.Options{}, nil)
	if err != nil {
		return err
	}
	p := pipeline.Default()
	fmt.Printf("storyscale: %d synthetic articles into %s, %d cores, pipeline %s\n", len(gen), dbPath, runtime.NumCPU(), p.Version())
	fmt.Printf("%8s %12s %12s %12s %12s %10s %10s\n", "stored", "annotate µs", "put µs", "story µs", "CPU µs", "heap MB", "indexed")
	for lo := 0; lo < len(gen); lo += step {
		hi := min(lo+step, len(gen))
		arts := make([]sitrep.Article, 0, hi-lo)
		for _, a := range gen[lo:hi] {
			art := a.Article
			if art.URL == "" {
				art.URL = "https://synth.example/" + a.ID
			}
			arts = append(arts, art)
		}
		cpu0, _ := cputime.Now()
		t0 := time.Now()
		results := p.RunBatch(ctx, arts, 0)
		annotate := time.Since(t0)
		var put, add time.Duration
		for _, r := range results {
			if r.Err != nil {
				return r.Err
			}
			t := time.Now()
			out, err := db.Put(ctx, &store.Record{Doc: r.Doc, Raw: []byte(r.Doc.Text), ContentType: "text/plain", Pipeline: p.Version()})
			if err != nil {
				return fmt.Errorf("put %s: %w", r.Doc.URL, err)
			}
			put += time.Since(t)
			if out != store.Stored {
				continue
			}
			t = time.Now()
			if _, err := stories.Add(ctx, r.Doc); err != nil {
				return fmt.Errorf("story %s: %w", r.Doc.URL, err)
			}
			add += time.Since(t)
		}
		cpu1, _ := cputime.Now()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		k := float64(hi - lo)
		us := func(d time.Duration) float64 { return float64(d.Microseconds()) / k }
		fmt.Printf("%8d %12.0f %12.0f %12.0f %12.0f %10.0f %10d\n", hi, us(annotate), us(put), us(add), us(cpu1-cpu0),
			float64(ms.HeapInuse)/(1<<20), stories.Len())
	}
	return nil
}
