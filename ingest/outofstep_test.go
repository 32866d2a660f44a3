package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

// failingWrites is a store whose story writes fail while fail is set.
type failingWrites struct {
	store.Store
	fail bool
}

var errDiskFull = errors.New("disk full")

func (f *failingWrites) PutMembership(ctx context.Context, m store.Membership) error {
	if f.fail {
		return errDiskFull
	}
	return f.Store.PutMembership(ctx, m)
}

func (f *failingWrites) PutLayersLinks(ctx context.Context, id, pipeline string, d *sitrep.Doc, links []store.EntityLink) (store.Outcome, error) {
	if f.fail {
		return 0, errDiskFull
	}
	return f.Store.PutLayersLinks(ctx, id, pipeline, d, links)
}

// storedDocs opens a store holding n small articles, a day apart.
func storedDocs(t *testing.T, n int) (*sqlite.DB, []*sitrep.Doc) {
	t.Helper()
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var docs []*sitrep.Doc
	for i := range n {
		a := sitrep.Article{URL: fmt.Sprintf("https://example.org/%d", i), Source: "Wire", Language: "en",
			Title: fmt.Sprintf("Report %d", i), Text: fmt.Sprintf("Floods hit Kenya for the %d time, officials said.", i),
			Published: time.Date(2025, 11, 1+i, 0, 0, 0, 0, time.UTC)}
		a.ID = sitrep.ContentID(a.Title, a.Text)
		d := sitrep.NewDoc(a)
		if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(a.Text), Pipeline: "p1"}); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return db, docs
}

func TestStoriesSaveDespiteCanceledContext(t *testing.T) {
	db, docs := storedDocs(t, 1)
	st, _, err := OpenStories(t.Context(), db, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// At shutdown the context is canceled while a decision is being
	// taken: the index holds it, so the store must too.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := st.Add(ctx, docs[0]); err != nil {
		t.Fatalf("Add with a canceled context: %v", err)
	}
	if ms := memberships(t, db); len(ms) != 1 || ms[0].Article != docs[0].ID {
		t.Errorf("stored memberships = %+v, want the decision taken", ms)
	}
}

func TestStoriesStopAfterAFailedSave(t *testing.T) {
	db, docs := storedDocs(t, 3)
	fw := &failingWrites{Store: db}
	st, _, err := OpenStories(t.Context(), fw, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(t.Context(), docs[0]); err != nil {
		t.Fatal(err)
	}
	fw.fail = true
	if _, err := st.Add(t.Context(), docs[1]); !errors.Is(err, errDiskFull) {
		t.Fatalf("Add while the store fails: %v, want the store's error", err)
	}
	// The store works again, but the index holds a decision it lacks:
	// nothing more is decided on top of it in this process.
	fw.fail = false
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Add of a new article", func() error { _, err := st.Add(t.Context(), docs[2]); return err }},
		{"Add of the unsaved article", func() error { _, err := st.Add(t.Context(), docs[1]); return err }},
		{"Add of a saved article", func() error { _, err := st.Add(t.Context(), docs[0]); return err }},
		{"Relink", func() error { _, err := st.Relink(t.Context(), docs[0], "p2"); return err }},
	} {
		if err := c.call(); !errors.Is(err, ErrOutOfStep) {
			t.Errorf("%s after a failed save: %v, want an error wrapping ErrOutOfStep", c.name, err)
		}
	}
	if ms := memberships(t, db); len(ms) != 1 {
		t.Errorf("%d memberships stored, want only the one decided before the failure", len(ms))
	}
	// A restart restores what the store has, and files the rest again.
	again, _, err := OpenStories(t.Context(), db, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[1:] {
		if _, err := again.Add(t.Context(), d); err != nil {
			t.Errorf("Add after a restart: %v", err)
		}
	}
	if ms := memberships(t, db); len(ms) != 3 {
		t.Errorf("%d memberships after a restart, want 3", len(ms))
	}
}

func TestRelinkWritesLayersAndLinksTogether(t *testing.T) {
	db, docs := storedDocs(t, 1)
	fw := &failingWrites{Store: db}
	st, _, err := OpenStories(t.Context(), fw, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(t.Context(), docs[0]); err != nil {
		t.Fatal(err)
	}
	d := *docs[0]
	i := len("Floods hit ")
	d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: i, End: i + len("Kenya")}, Text: "Kenya", Type: "LOC", Name: "Kenya", Key: "loc:kenya"}}
	out, err := st.Relink(t.Context(), &d, "p2")
	if err != nil || out != store.Stored {
		t.Fatalf("Relink = %v, %v; want Stored", out, err)
	}
	rec, err := db.GetDoc(t.Context(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	links, err := db.ArticleLinks(t.Context(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Layers != 2 || rec.Pipeline != "p2" || len(links) != 1 || links[0].Global != "loc:kenya" {
		t.Errorf("after Relink: layers %d by %q, links %+v; want version 2 by p2 with the Kenya link", rec.Layers, rec.Pipeline, links)
	}
	fw.fail = true
	if _, err := st.Relink(t.Context(), &d, "p3"); !errors.Is(err, errDiskFull) {
		t.Errorf("Relink while the store fails: %v", err)
	}
	if rec, _ := db.GetDoc(t.Context(), d.ID); rec.Pipeline != "p2" {
		t.Errorf("a failed Relink changed the layers to %q", rec.Pipeline)
	}
}

func TestLockStories(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	first, err := LockStories(db)
	if err != nil {
		t.Fatal(err)
	}
	// A second holder, even in the same process, is refused at once.
	if second, err := LockStories(db); !errors.Is(err, ErrStoriesLocked) {
		second.Release()
		t.Fatalf("second LockStories: %v, want an error wrapping ErrStoriesLocked", err)
	} else if want := "another sitrep process is filing stories in " + db; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	// Another database has a lock of its own.
	other, err := LockStories(db + "2")
	if err != nil {
		t.Errorf("lock of another database: %v", err)
	}
	other.Release()
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if err := first.Release(); err != nil {
		t.Errorf("second Release: %v", err)
	}
	again, err := LockStories(db)
	if err != nil {
		t.Fatalf("LockStories after Release: %v", err)
	}
	again.Release()
	if _, err := LockStories(filepath.Join(t.TempDir(), "missing", "dir", "x.db")); err == nil || errors.Is(err, ErrStoriesLocked) {
		t.Errorf("lock in a missing directory: %v, want an error that is not ErrStoriesLocked", err)
	}
}
