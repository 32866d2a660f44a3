package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// TestUpgradeFromVersion1 makes a database as the first release did
// (migration 00001 only) with an article in it, then opens it: migration
// 00002 must keep the article, make its layers version 1, and let stories,
// links and new layer versions be added.
func TestUpgradeFromVersion1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := sql.Open("sqlite", dsn(path, "_pragma=journal_mode(WAL)", "_pragma=foreign_keys(ON)"))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, old, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// The rows the version-1 Put wrote, by hand: the Put of today writes
	// the new columns.
	r := crashRecord(7)
	layers, err := marshalLayers(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	ingested := time.Date(2025, 11, 18, 12, 0, 0, 0, time.UTC)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO raws (sha256, content_type, size, codec, body) VALUES ('abc', 'text/plain', 1, 'identity', x'41')`, nil},
		{`INSERT INTO articles (id, url, canonical_url, source, title, byline, published, published_offset, language,
		   text, raw_sha256, content_type, fetched, ingested, pipeline, layers, version)
		  VALUES (?, ?, '', ?, ?, '', NULL, 0, 'en', ?, 'abc', 'text/plain', NULL, ?, 'v1-pipeline', ?, 1)`,
			[]any{r.Doc.ID, r.Doc.URL, r.Doc.Source, r.Doc.Title, r.Doc.Text, ingested.UnixMicro(), string(layers)}},
		{`INSERT INTO article_urls (url, version, article_id, first_seen) VALUES (?, 1, ?, ?)`,
			[]any{r.Doc.URL, r.Doc.ID, ingested.UnixMicro()}},
	} {
		if _, err := old.ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open upgrades: %v", err)
	}
	defer db.Close()
	got, err := db.Get(ctx, r.Doc.ID)
	if err != nil {
		t.Fatalf("Get after the upgrade: %v", err)
	}
	if got.Doc.Title != r.Doc.Title || got.Doc.Text != r.Doc.Text || got.Pipeline != "v1-pipeline" || got.Layers != 1 {
		t.Errorf("after the upgrade: title %q, pipeline %q, layers version %d", got.Doc.Title, got.Pipeline, got.Layers)
	}
	vs, err := db.LayerVersions(ctx, r.Doc.ID)
	if err != nil || len(vs) != 1 || vs[0].Pipeline != "v1-pipeline" || !vs[0].Created.Equal(ingested) {
		t.Errorf("LayerVersions after the upgrade = %+v, %v; want version 1 by v1-pipeline, created at ingest", vs, err)
	}
	got.Doc.Events = append(got.Doc.Events, sitrep.Event{Text: "new", Type: "Protests", Modality: "occurred"})
	if out, err := db.PutLayers(ctx, r.Doc.ID, "v2-pipeline", got.Doc); err != nil || out != store.Stored {
		t.Errorf("PutLayers after the upgrade = %v, %v", out, err)
	}
	if err := db.PutMembership(ctx, store.Membership{Article: r.Doc.ID, Story: "s" + r.Doc.ID}); err != nil {
		t.Errorf("PutMembership after the upgrade: %v", err)
	}
	if st, err := db.Story(ctx, "s"+r.Doc.ID, 0); err != nil || st.Title != r.Doc.Title {
		t.Errorf("Story after the upgrade = %+v, %v", st, err)
	}
}

// seedMemberships writes n articles with a membership each, straight into
// the tables in one transaction (Put would make the setup take minutes).
// Each membership holds features of about the size story keeps (a 128-hash
// MinHash signature and a few terms).
func seedMemberships(tb testing.TB, db *DB, n int) {
	tb.Helper()
	ctx := context.Background()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO raws (sha256, content_type, size, codec, body) VALUES ('r', 'text/plain', 0, 'identity', x'')`); err != nil {
		tb.Fatal(err)
	}
	art, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, url, canonical_url, source, title, byline, published, published_offset, language,
		   text, raw_sha256, content_type, fetched, ingested, pipeline, layers, version)
		  VALUES (?, ?, '', ?, ?, '', ?, 0, 'en', 'text', 'r', 'text/plain', NULL, 0, 'p', '{}', 1)`)
	if err != nil {
		tb.Fatal(err)
	}
	mem, err := tx.PrepareContext(ctx, `INSERT INTO story_members (article_id, story, duplicate_of, similarity, features) VALUES (?, ?, '', 0.5, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	features := make([]byte, 700)
	for i := range n {
		id := fmt.Sprintf("%016x", i)
		pub := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).UnixMicro()
		if _, err := art.ExecContext(ctx, id, "https://example.com/"+id, fmt.Sprint("outlet ", i%50), "Title "+id, pub); err != nil {
			tb.Fatal(err)
		}
		features[0], features[1] = byte(i), byte(i>>8)
		if _, err := mem.ExecContext(ctx, id, fmt.Sprintf("s%016x", i/20), features); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkMemberships reads back 100,000 memberships in order, as
// restoring the story index at startup does.
func BenchmarkMemberships(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	const n = 100_000
	seedMemberships(b, db, n)
	b.ResetTimer()
	for b.Loop() {
		seen := 0
		for _, err := range db.Memberships(b.Context()) {
			if err != nil {
				b.Fatal(err)
			}
			seen++
		}
		if seen != n {
			b.Fatalf("%d memberships, want %d", seen, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/membership")
}

// TestStorySummariesIncremental puts random memberships (new ones, which
// update a story's summary in place, and decisions taken again, which
// recompute it) and checks that every summary equals one recomputed from
// scratch.
func TestStorySummariesIncremental(t *testing.T) {
	ctx := t.Context()
	db := openTemp(t)
	defer db.Close()
	rnd := rand.New(rand.NewPCG(3, 4))
	var ids []string
	for i := range 60 {
		r := crashRecord(i)
		r.Doc.Source = fmt.Sprint("outlet ", rnd.IntN(5))
		r.Doc.Published = time.Time{}
		if rnd.IntN(4) > 0 {
			r.Doc.Published = time.Date(2025, 11, 1+rnd.IntN(20), 0, 0, 0, 0, time.UTC)
		}
		if _, err := db.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.Doc.ID)
	}
	dump := func() string {
		rows, err := db.r.QueryContext(ctx, `SELECT id, title, title_article, reports, originals, sources,
			coalesce(first_published, 0), coalesce(last_published, 0), last_key FROM stories ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var id, title, ta string
			var n1, n2, n3 int
			var f, l, k int64
			if err := rows.Scan(&id, &title, &ta, &n1, &n2, &n3, &f, &l, &k); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, id, title, ta, n1, n2, n3, f, l, k)
		}
		srcs, err := db.r.QueryContext(ctx, `SELECT story, source, articles FROM story_sources ORDER BY story, source`)
		if err != nil {
			t.Fatal(err)
		}
		defer srcs.Close()
		for srcs.Next() {
			var st, src string
			var n int
			if err := srcs.Scan(&st, &src, &n); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, st, src, n)
		}
		return b.String()
	}
	recompute := func() {
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		for i := range 6 {
			if err := summarizeStory(ctx, tx, fmt.Sprint("s", i)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	put := func(article string) {
		m := store.Membership{Article: article, Story: fmt.Sprint("s", rnd.IntN(6))}
		if rnd.IntN(3) == 0 {
			if b := ids[rnd.IntN(len(ids))]; b != article {
				m.DuplicateOf = b
			}
		}
		if err := db.PutMembership(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	// New members only: every summary is updated in place.
	for _, id := range ids {
		put(id)
	}
	incremental := dump()
	recompute()
	if full := dump(); full != incremental {
		t.Errorf("incremental summaries:\n%s\nrecomputed:\n%s", incremental, full)
	}
	// Decisions taken again move articles between stories.
	for range 40 {
		put(ids[rnd.IntN(len(ids))])
	}
	moved := dump()
	recompute()
	if full := dump(); full != moved {
		t.Errorf("after moves:\n%s\nrecomputed:\n%s", moved, full)
	}
}
