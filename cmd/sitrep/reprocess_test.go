package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// An article annotated by an older pipeline is annotated again, and both
// versions of its layers stay readable.
func TestReprocess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Strike in the Caribbean\n\nUS forces struck a boat in the Caribbean on Monday, killing three people, Defense Secretary Pete Hegseth said.\n")
	a, err := article.Parse(article.Input{Body: raw, URL: "https://example.org/1", ContentType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	const old = "text@0"
	if _, err := db.Put(ctx, &store.Record{Doc: sitrep.NewDoc(a), Raw: raw, ContentType: "text/plain", Pipeline: old}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errOut := runCLI(t, "", "--db", path, "reprocess")
	if code != 0 || !strings.Contains(out, "reprocessed 1, unchanged 0, already current 0, failed 0") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "--db", path, "reprocess")
	if code != 0 || !strings.Contains(out, "reprocessed 0, unchanged 0, already current 1") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "--db", path, "reprocess", "--force", "--since", "2000-01-01")
	if code != 0 || !strings.Contains(out, "failed 0") {
		t.Errorf("forced: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "", "--db", path, "reprocess", "--since", "last week"); code != 1 || !strings.Contains(errOut, "--since") {
		t.Errorf("bad --since: exit %d, %q", code, errOut)
	}

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	vs, err := db.LayerVersions(ctx, a.ID)
	current := pipeline.Default().Version()
	if err != nil || len(vs) != 2 || vs[0].Pipeline != old || vs[1].Pipeline != current {
		t.Fatalf("versions = %+v, %v; want %s then %s", vs, err, old, current)
	}
	first, err := db.GetLayers(ctx, a.ID, 1)
	if err != nil || len(first.Doc.Entities) != 0 || first.Pipeline != old {
		t.Errorf("version 1: %v, %d entities by %q; want the old, empty layers", err, len(first.Doc.Entities), first.Pipeline)
	}
	latest, err := db.Get(ctx, a.ID)
	if err != nil || len(latest.Doc.Entities) == 0 || latest.Pipeline != current || latest.Layers != 2 {
		t.Errorf("latest: %v, %d entities by %q (layers version %d)", err, len(latest.Doc.Entities), latest.Pipeline, latest.Layers)
	}
	// The article was filed into a story, its entities linked.
	if p, err := db.Stories(ctx, store.StoryQuery{}); err != nil || len(p.Stories) != 1 {
		t.Errorf("stories after reprocess: %+v, %v", p, err)
	}
	if links, err := db.ArticleLinks(ctx, a.ID); err != nil || len(links) == 0 {
		t.Errorf("links after reprocess: %+v, %v", links, err)
	}
}
