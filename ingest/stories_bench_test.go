package ingest

// Benchmarks of the story step of an ingest, over synthetic articles
// recombined from the development corpora (internal/synth; they skip when
// the gold data is absent):
//
//   - BenchmarkStoryStep: what Stories.Add costs per stored article (the
//     features, the index's and the entity registry's decisions, and the
//     SQLite writes of the membership and the links), on annotated
//     articles already in the store, one after another as the collector
//     of an ingest takes them;
//   - BenchmarkRestoreStories: OpenStories over a store of
//     storyBenchRestore memberships with their links, as every ingest,
//     demo and reprocess does at startup.
//
//	go test -run '^$' -bench 'StoryStep|RestoreStories' -benchtime 1x ./ingest/

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/internal/synth"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

var synthCorpus = sync.OnceValues(func() (*synth.Corpus, error) { return synth.Load(shareddata.Dir()) })

// synthDocs returns n synthetic articles annotated by the default pipeline.
func synthDocs(b *testing.B, n int) []*sitrep.Doc {
	b.Helper()
	shareddata.Path(b, "timex/tbaq")
	c, err := synthCorpus()
	if err != nil {
		b.Fatal(err)
	}
	gen := synth.Generate(c, synth.Options{Articles: n, Seed: 1})
	arts := make([]sitrep.Article, len(gen))
	for i, a := range gen {
		arts[i] = a.Article
		if arts[i].URL == "" {
			arts[i].URL = "https://synth.example/" + a.ID
		}
	}
	docs := make([]*sitrep.Doc, 0, n)
	for _, r := range pipeline.Default().RunBatch(context.Background(), arts, 0) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		docs = append(docs, r.Doc)
	}
	return docs
}

// storeDocs puts docs in a new store, as the ingest does before the story
// step.
func storeDocs(b *testing.B, docs []*sitrep.Doc) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if _, err := db.Put(context.Background(), &store.Record{Doc: d, Raw: []byte(d.Text), ContentType: "text/plain", Pipeline: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

const storyBenchArticles = 2000

// BenchmarkStoryStep reports the story step's cost per article over
// storyBenchArticles articles, and over the first and the last tenth of
// them, which shows whether the cost grows as the index does.
func BenchmarkStoryStep(b *testing.B) {
	docs := synthDocs(b, storyBenchArticles)
	tenth := len(docs) / 10
	var first, last, all time.Duration
	for range b.N {
		b.StopTimer()
		db := storeDocs(b, docs)
		st, _, err := OpenStories(context.Background(), db, story.Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for i, d := range docs {
			t := time.Now()
			if _, err := st.Add(context.Background(), d); err != nil {
				b.Fatal(err)
			}
			took := time.Since(t)
			switch {
			case i < tenth:
				first += took
			case i >= len(docs)-tenth:
				last += took
			}
		}
		all += time.Since(start)
		b.StopTimer()
		db.Close()
	}
	per := func(d time.Duration, n int) float64 { return float64(d.Microseconds()) / float64(b.N*n) }
	b.ReportMetric(per(all, len(docs)), "µs/article")
	b.ReportMetric(per(first, tenth), "µs/article-first-tenth")
	b.ReportMetric(per(last, tenth), "µs/article-last-tenth")
}

// BenchmarkRestoreStories reports how long OpenStories takes over a store
// whose memberships and links the story step wrote for
// storyBenchArticles articles.
func BenchmarkRestoreStories(b *testing.B) {
	docs := synthDocs(b, storyBenchArticles)
	db := storeDocs(b, docs)
	defer db.Close()
	st, _, err := OpenStories(context.Background(), db, story.Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if _, err := st.Add(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var stats RestoreStats
	for b.Loop() {
		if _, stats, err = OpenStories(context.Background(), db, story.Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	if stats.Memberships != len(docs) {
		b.Fatalf("restored %d memberships, want %d", stats.Memberships, len(docs))
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(docs)), "µs/article")
	b.ReportMetric(float64(stats.Links)/float64(len(docs)), "links/article")
}
