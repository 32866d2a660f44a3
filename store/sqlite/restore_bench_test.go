package sqlite

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/internal/synth"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/story"
)

// BenchmarkRestoreStoriesLarge measures ingest.OpenStories, the startup
// restore of the story index and entity registry, over a store of
// SITREP_BENCH_ARTICLES (default 100,000) synthetic articles annotated by the
// default pipeline, with the memberships and links a story index decided
// for them. The setup writes the rows in one transaction each batch rather
// than through Put, which would take most of an hour; what is timed reads
// them back as a real startup does.
//
//	go test -run '^$' -bench RestoreStoriesLarge -benchtime 1x ./store/sqlite/
func BenchmarkRestoreStoriesLarge(b *testing.B) {
	shareddata.Path(b, "timex/tbaq")
	n := 100_000
	if s := os.Getenv("SITREP_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("SITREP_BENCH_ARTICLES=%q", s)
		}
	}
	c, err := synth.Load(shareddata.Dir())
	if err != nil {
		b.Fatal(err)
	}
	gen := synth.Generate(c, synth.Options{Articles: n, Seed: 1})
	arts := make([]sitrep.Article, len(gen))
	for i, a := range gen {
		arts[i] = a.Article
	}
	ctx := context.Background()
	db := openTemp(b)
	defer db.Close()
	ix, ents := story.NewIndex(story.Options{}), story.NewEntities()
	const batch = 2000
	seen := map[string]bool{}
	for lo := 0; lo < len(arts); lo += batch {
		results := pipeline.Default().RunBatch(ctx, arts[lo:min(lo+batch, len(arts))], 0)
		var docs []*sitrep.Doc
		for _, r := range results {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			// The same content twice is one article, as the store keeps it.
			if !seen[r.Doc.ID] {
				seen[r.Doc.ID] = true
				docs = append(docs, r.Doc)
			}
		}
		if err := seedStories(ctx, db, docs, ix, ents); err != nil {
			b.Fatal(err)
		}
	}
	n = len(seen)
	b.ResetTimer()
	var stats ingest.RestoreStats
	for range b.N {
		if _, stats, err = ingest.OpenStories(ctx, db, story.Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	if stats.Memberships != n || stats.Skipped != 0 {
		b.Fatalf("restored %+v, want %d memberships", stats, n)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/restore")
	b.ReportMetric(float64(stats.Links)/float64(n), "links/article")
	b.Logf("%d articles restored, %d entity links", stats.Memberships, stats.Links)
}

// seedStories writes docs as articles with the memberships and links ix and
// ents decide for them, in one transaction.
func seedStories(ctx context.Context, db *DB, docs []*sitrep.Doc, ix *story.Index, ents *story.Entities) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO raws (sha256, content_type, size, codec, body) VALUES ('r', 'text/plain', 0, 'identity', x'')`); err != nil {
		return err
	}
	for _, d := range docs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles (id, url, canonical_url, source, title, byline, published, published_offset,
			 language, text, raw_sha256, content_type, fetched, ingested, pipeline, layers, version)
			 VALUES (?, ?, '', ?, ?, '', ?, 0, 'en', ?, 'r', 'text/plain', NULL, 0, 'bench', '{}', 1)`,
			d.ID, "https://synth.example/"+d.ID, d.Source, d.Title, micros(d.Published), d.Text); err != nil {
			return err
		}
		f := story.FeaturesOf(d)
		m := ix.Add(f)
		fb, err := f.MarshalBinary()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_members (article_id, story, duplicate_of, similarity, features) VALUES (?, ?, ?, ?, ?)`,
			m.Article, m.Story, m.DuplicateOf, m.Similarity, fb); err != nil {
			return err
		}
		for _, l := range ents.Add(d) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO entity_links (article_id, local_key, global_key, name, type) VALUES (?, ?, ?, ?, ?)`,
				l.Article, l.Local, l.Global, l.Name, l.Type); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}
