package ingest

// Throughput benchmarks over generated news pages (bench/pages): the same
// benchPageCount pages, generated into a temporary directory, go through
//
//   - BenchmarkTrafilaturaAlone: html.Parse + trafilatura.ExtractDocument
//     with article.Parse's options (bench/alone), the floor;
//   - BenchmarkExtract: article.Parse + pipeline.Default().Run, what
//     `sitrep extract` does per page;
//   - BenchmarkIngestStoreOnly: only the store's Put of the already
//     extracted Docs (raw compression, SQLite rows, FTS indexing);
//   - BenchmarkIngestHTML: the whole ingest of the directory (walk, read,
//     extract, annotate, store), what `sitrep ingest DIR` does.
//
// All run on GOMAXPROCS goroutines, so `-cpu 1,2` gives the one-core and
// all-cores figures. Each reports "articles/s" (wall time) and, on Unix,
// "cpu-ms/article" (the process's user and system CPU time over the timed
// part, all threads, GC included), which other jobs on a shared machine
// disturb much less than wall time. An iteration handles all the pages
// (0.1 to 0.8 s on the 2-core machine of BENCHMARKS.md).
//
// They loop over b.N, not b.Loop, on purpose: `go test` makes its first,
// one-iteration probe of a benchmark before it applies the first -cpu value
// (golang/go#49980). A b.N loop only uses the probe to size the real run,
// which has the right GOMAXPROCS; b.Loop does all its work in the probe, so
// the first -cpu figure would be measured at the wrong GOMAXPROCS. (An
// iteration under a second keeps the probe a probe; bench/run.sh also
// passes -benchtime 3x, which always discards it.)
//
//	go test -run '^$' -bench 'IngestHTML|IngestStoreOnly|Extract|TrafilaturaAlone' -cpu 1,2 -count 6 ./ingest/
//
// bench/run.sh runs them (as 6 interleaved -count 1 runs) beside the
// command-line figures; BENCHMARKS.md has the results.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/bench/alone"
	"github.com/sitrep/sitrep/bench/cputime"
	"github.com/sitrep/sitrep/bench/pages"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// benchPageCount is how many pages one benchmark iteration handles.
const benchPageCount = 200

// benchPage is one generated page as ingest sees it: its path and bytes.
type benchPage struct {
	path string
	body []byte
}

// benchPages writes the benchmark pages into a temporary directory and
// reads them back.
func benchPages(b *testing.B) (string, []benchPage) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "pages")
	if err := pages.Write(dir, benchPageCount); err != nil {
		b.Fatal(err)
	}
	ps := make([]benchPage, benchPageCount)
	for i := range ps {
		p := filepath.Join(dir, pages.Name(i))
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ps[i] = benchPage{path: p, body: body}
	}
	return dir, ps
}

// cpuMeter accumulates the process's CPU time over the timed parts of a
// benchmark: start and stop it with the benchmark's timer.
type cpuMeter struct {
	total, since time.Duration
	ok           bool
}

func (m *cpuMeter) start() { m.since, m.ok = cputime.Now() }

func (m *cpuMeter) stop() {
	if now, ok := cputime.Now(); ok && m.ok {
		m.total += now - m.since
	} else {
		m.ok = false
	}
}

// report gives the articles/s of the timed part and, when known, its CPU
// milliseconds per article.
func (m *cpuMeter) report(b *testing.B, perIteration int) {
	n := float64(perIteration * b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
	if m.ok {
		b.ReportMetric(float64(m.total.Microseconds())/1000/n, "cpu-ms/article")
	}
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// BenchmarkTrafilaturaAlone is the floor the other benchmarks are read
// against: go-trafilatura alone, with article.Parse's options.
func BenchmarkTrafilaturaAlone(b *testing.B) {
	_, ps := benchPages(b)
	var failed atomic.Int64
	var cpu cpuMeter
	b.ResetTimer()
	cpu.start()
	for range b.N {
		pipeline.Parallel(b.Context(), 0, len(ps), func(_ context.Context, i int) {
			if _, err := alone.Extract(ps[i].body); err != nil {
				failed.Add(1)
			}
		})
	}
	cpu.stop()
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d pages failed", n)
	}
	cpu.report(b, len(ps))
}

// BenchmarkExtract is sitrep's extraction per page: article.Parse (charset,
// trafilatura, cleaning, the no-article checks, date, language) and the
// default pipeline (tokens, sentences), as `sitrep extract` runs them.
func BenchmarkExtract(b *testing.B) {
	_, ps := benchPages(b)
	p := pipeline.Default()
	var failed atomic.Int64
	var cpu cpuMeter
	b.ResetTimer()
	cpu.start()
	for range b.N {
		pipeline.Parallel(b.Context(), 0, len(ps), func(ctx context.Context, i int) {
			a, err := article.Parse(article.Input{Body: ps[i].body, URL: ps[i].path, ContentType: "text/html"})
			if err == nil {
				_, err = p.Run(ctx, a)
			}
			if err != nil {
				failed.Add(1)
			}
		})
	}
	cpu.stop()
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d pages failed", n)
	}
	cpu.report(b, len(ps))
}

// openBenchDB opens a fresh database for iteration i, untimed.
func openBenchDB(b *testing.B, cpu *cpuMeter, dir string, i int) *sqlite.DB {
	b.Helper()
	b.StopTimer()
	cpu.stop()
	defer b.StartTimer()
	defer cpu.start()
	db, err := sqlite.Open(b.Context(), filepath.Join(dir, fmt.Sprintf("bench-%d.db", i)))
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// removeBenchDB deletes iteration i's database files, untimed.
func removeBenchDB(b *testing.B, cpu *cpuMeter, dir string, i int) {
	b.StopTimer()
	cpu.stop()
	defer b.StartTimer()
	defer cpu.start()
	matches, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("bench-%d.db*", i)))
	for _, m := range matches {
		os.Remove(m)
	}
}

// BenchmarkIngestStoreOnly is the storage part of an ingest alone: the
// pages' Docs, extracted before the timer starts, are Put into a fresh
// database from GOMAXPROCS goroutines, then the database is closed.
// Opening it (migrations) is not timed.
func BenchmarkIngestStoreOnly(b *testing.B) {
	_, ps := benchPages(b)
	p := pipeline.Default()
	docs := make([]*sitrep.Doc, len(ps))
	for i, pg := range ps {
		a, err := article.Parse(article.Input{Body: pg.body, URL: pg.path, ContentType: "text/html"})
		if err != nil {
			b.Fatal(err)
		}
		if docs[i], err = p.Run(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
	fetched := time.Now().UTC()
	dbDir := b.TempDir()
	var cpu cpuMeter
	b.ResetTimer()
	cpu.start()
	for n := range b.N {
		db := openBenchDB(b, &cpu, dbDir, n)
		var stored, failed atomic.Int64
		pipeline.Parallel(b.Context(), 0, len(ps), func(ctx context.Context, i int) {
			out, err := db.Put(ctx, &store.Record{
				Doc: docs[i], Raw: ps[i].body, ContentType: "text/html",
				Pipeline: p.Version(), Fetched: fetched,
			})
			switch {
			case err != nil:
				failed.Add(1)
			case out == store.Stored:
				stored.Add(1)
			}
		})
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		if stored.Load() != int64(len(ps)) {
			b.Fatalf("stored %d of %d pages (%d failed)", stored.Load(), len(ps), failed.Load())
		}
		removeBenchDB(b, &cpu, dbDir, n)
	}
	cpu.stop()
	cpu.report(b, len(ps))
}

// BenchmarkIngestHTML is `sitrep ingest DIR --workers GOMAXPROCS` without
// the CLI: walk the directory, read, extract, annotate and store every page
// into a fresh database, then close it. Opening the database (migrations)
// is not timed.
func BenchmarkIngestHTML(b *testing.B) {
	dir, ps := benchPages(b)
	dbDir := b.TempDir()
	var cpu cpuMeter
	b.ResetTimer()
	cpu.start()
	for n := range b.N {
		db := openBenchDB(b, &cpu, dbDir, n)
		in := New(Config{
			Store: db, Pipeline: pipeline.Default(), Fetcher: fetch.New(fetch.Options{}),
			Workers: runtime.GOMAXPROCS(0), Log: quietLog(),
		})
		sum, err := in.Run(b.Context(), []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		if sum.Stored != len(ps) {
			b.Fatalf("stored %d of %d pages: %+v", sum.Stored, len(ps), sum)
		}
		removeBenchDB(b, &cpu, dbDir, n)
	}
	cpu.stop()
	cpu.report(b, len(ps))
}
