package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store/sqlite"
)

type demoCmd struct {
	Addr    string `help:"Address to serve on." default:"127.0.0.1:8080"`
	NoServe bool   `help:"Ingest the corpus and exit without serving."`
}

func (c *demoCmd) Run(e *env) error {
	// The demo keeps its own database unless told otherwise, so that it never
	// mixes sample articles into a real one.
	if !e.dbSet {
		e.db = filepath.Join(os.TempDir(), "sitrep-demo", "demo.db")
	}
	if err := os.MkdirAll(filepath.Dir(e.db), 0o755); err != nil {
		return err
	}
	db, err := sqlite.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer db.Close()

	arts, err := demo.Corpus()
	if err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	stories, err := openStories(e, db)
	if err != nil {
		return err
	}
	in := ingest.New(ingest.Config{Store: db, Pipeline: pipeline.Default(), Fetcher: fetch.New(fetch.Options{}), Log: e.log, Stories: stories})
	results := make([]ingest.Result, len(arts))
	pipeline.Parallel(e.ctx, 0, len(arts), func(ctx context.Context, i int) {
		results[i] = in.Bytes(ctx, arts[i].URL, arts[i].Body, "text/plain")
	})
	var sum ingest.Summary
	for _, r := range results {
		sum.Add(r)
	}
	fmt.Fprintf(e.stdout, "sitrep demo: %d bundled articles into %s\n", len(arts), e.db)
	printSummary(e.stdout, sum)
	if sum.Failed > 0 {
		return exitError{1}
	}
	if c.NoServe {
		return nil
	}
	return serve(e, db, c.Addr)
}
