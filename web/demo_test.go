package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

// demoFixture is the demo corpus ingested into a SQLite file and filed
// into stories, as `sitrep demo` does; built once per test binary since
// annotating 32 articles takes seconds.
type demoFixture struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// demoDB is the one fixture of the test binary; TestMain removes its
// directory at the end.
var demoDB demoFixture

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDB.dir != "" {
		os.RemoveAll(demoDB.dir)
	}
	os.Exit(code)
}

// demoStore opens the demo database, building it on first use. Tests only
// read it.
func demoStore(tb testing.TB) store.Store {
	tb.Helper()
	demoDB.once.Do(func() {
		demoDB.dir, demoDB.err = os.MkdirTemp("", "sitrep-web-demo-")
		if demoDB.err != nil {
			return
		}
		demoDB.path = filepath.Join(demoDB.dir, "demo.db")
		demoDB.err = buildDemo(context.Background(), demoDB.path)
	})
	if demoDB.err != nil {
		tb.Fatalf("demo store: %v", demoDB.err)
	}
	db, err := sqlite.Open(context.Background(), demoDB.path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func buildDemo(ctx context.Context, path string) error {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	arts, err := demo.Corpus()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	stories, _, err := ingest.OpenStories(ctx, db, story.Options{}, log)
	if err != nil {
		return err
	}
	in := ingest.New(ingest.Config{Store: db, Pipeline: pipeline.Default(), Fetcher: fetch.New(fetch.Options{}), Log: log})
	var docs []*sitrep.Doc
	for _, a := range arts {
		r := in.Bytes(ctx, a.URL, a.Body, "text/plain")
		if r.Status == ingest.Failed || r.ID == "" {
			return fmt.Errorf("ingest %s: %v", a.Name, r.Err)
		}
		rec, err := db.GetDoc(ctx, r.ID)
		if err != nil {
			return fmt.Errorf("ingest %s: %w", a.Name, err)
		}
		docs = append(docs, rec.Doc)
	}
	// Filed in the demo command's order, so story IDs are stable.
	slices.SortFunc(docs, demo.FilingOrder)
	for _, d := range docs {
		if _, err := stories.Add(ctx, d); err != nil {
			return fmt.Errorf("file %s: %w", d.URL, err)
		}
	}
	return nil
}

// seedStory finds the story holding the seed article (strikes in the
// Caribbean and threats against Mexico) by its URL, not by a fixed ID.
func seedStory(tb testing.TB, st store.Store) (storyID, articleID string) {
	tb.Helper()
	ctx := context.Background()
	q := store.StoryQuery{Limit: 100}
	for {
		page, err := st.Stories(ctx, q)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range page.Stories {
			full, err := st.Story(ctx, s.ID, 0)
			if err != nil {
				tb.Fatal(err)
			}
			for _, a := range full.Articles {
				if strings.Contains(a.URL, "strikes-mexico") {
					return s.ID, a.ID
				}
			}
		}
		if page.Next == "" {
			break
		}
		q.Cursor = page.Next
	}
	tb.Fatal("no story holds the seed strikes-mexico article")
	return "", ""
}
