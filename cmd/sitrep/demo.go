package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/sitrep/sitrep"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
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
	stories, lock, err := openStories(e, db)
	if err != nil {
		return err
	}
	// Annotated in parallel without stories, then filed one by one in a
	// fixed order: which article starts a story (and so gives its ID)
	// must not depend on which worker finished first.
	in := ingest.New(ingest.Config{Store: db, Pipeline: pipeline.Default(), Fetcher: fetch.New(fetch.Options{}), Log: e.log})
	results := make([]ingest.Result, len(arts))
	pipeline.Parallel(e.ctx, 0, len(arts), func(ctx context.Context, i int) {
		results[i] = in.Bytes(ctx, arts[i].URL, arts[i].Body, "text/plain")
	})
	var sum ingest.Summary
	for _, r := range results {
		sum.Add(r)
	}
	fileErr := fileInOrder(e.ctx, db, stories, results)
	// Serving files nothing: another process may file stories meanwhile.
	lock.Release()
	fmt.Fprintf(e.stdout, "sitrep demo: %d bundled articles into %s\n", len(arts), e.db)
	printSummary(e.stdout, sum)
	if fileErr != nil {
		return fileErr
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	if c.NoServe {
		return nil
	}
	password, err := demoAnalyst(e.ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sitrep demo: reading is open to anyone here; to review incidents sign in as %s with password %s\n", demoUser, password)
	return serve(e, db, c.Addr, serveFlags{OpenRead: true})
}

// demoUser is the editor the demo lets its user review as.
const demoUser = "analyst"

// demoAnalyst gives the demo's editor a new random password, shown once in
// the terminal, so that no fixed password ever opens a demo left running.
func demoAnalyst(ctx context.Context, st store.Users) (string, error) {
	b := make([]byte, 12)
	rand.Read(b)
	password := base64.RawURLEncoding.EncodeToString(b)
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", err
	}
	if err := st.PutUser(ctx, store.User{Name: demoUser, Role: store.RoleEditor, Password: hash}); err != nil {
		return "", fmt.Errorf("demo user %s: %w", demoUser, err)
	}
	return password, nil
}

// fileInOrder files the articles that results name into stories in
// demo.FilingOrder, so that the same articles always make the same stories
// with the same IDs.
func fileInOrder(ctx context.Context, st store.Store, stories *ingest.Stories, results []ingest.Result) error {
	seen := map[string]bool{}
	var docs []*sitrep.Doc
	for _, r := range results {
		if r.ID == "" || r.Status == ingest.Failed || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		rec, err := st.GetDoc(ctx, r.ID)
		if err != nil {
			return fmt.Errorf("file %s into a story: %w", r.ID, err)
		}
		docs = append(docs, rec.Doc)
	}
	slices.SortFunc(docs, demo.FilingOrder)
	for _, d := range docs {
		if _, err := stories.Add(ctx, d); err != nil {
			return fmt.Errorf("file %s into a story: %w", d.URL, err)
		}
	}
	return nil
}
