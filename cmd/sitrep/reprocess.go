package main

import (
	"fmt"
	"os"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/story"
)

type reprocessCmd struct {
	Force   bool   `help:"Rerun the pipeline on every article, not only on those an older pipeline annotated."`
	Since   string `help:"Only articles published on or after this date (2025-11-18) or RFC 3339 time."`
	Workers int    `help:"Articles processed at once (default: twice the number of cores)."`
}

// Help is shown by sitrep reprocess --help.
func (c *reprocessCmd) Help() string {
	return `Reruns the annotation pipeline on stored articles after a model or code
change, stores the new layers as a new version beside the earlier ones (which
stay readable), and links the articles' entities again.

It annotates each article's stored text; it does not extract the raw page
again. An article's ID is the hash of its title and text, and every layer is
offsets into that text: a newer extractor that changed the text would make a
different article, not a new version of this one. To take up an extractor
change, ingest the sources again; the earlier article stays stored.`
}

func (c *reprocessCmd) Run(e *env) error {
	if _, err := os.Stat(e.db); err != nil {
		return fmt.Errorf("database %s: %w (ingest articles first, or give --db)", e.db, err)
	}
	var o ingest.ReprocessOptions
	o.Force = c.Force
	if c.Since != "" {
		t, err := sitrep.ParseTime(c.Since)
		if err != nil {
			return fmt.Errorf("--since %q: not a date (2025-11-18) or RFC 3339 time", c.Since)
		}
		o.Since = t
	}
	db, err := sqlite.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer db.Close()
	stories, lock, err := openStories(e, db)
	if err != nil {
		return err
	}
	defer lock.Release()
	p := pipeline.Default()
	in := ingest.New(ingest.Config{Store: db, Pipeline: p, Workers: c.Workers, Log: e.log, Stories: stories})
	sum, err := in.Reprocess(e.ctx, o)
	fmt.Fprintf(e.stdout, "pipeline %s: reprocessed %d, unchanged %d, already current %d, failed %d\n",
		p.Version(), sum.Reprocessed, sum.Unchanged, sum.Current, sum.Failed)
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stdout, "failed: %v\n", f.Err)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// openStories takes the lock that makes this process the only one filing
// stories into e.db, then restores the story index and entity registry kept
// in db. The caller releases the lock when done.
func openStories(e *env, db *sqlite.DB) (*ingest.Stories, *ingest.StoriesLock, error) {
	lock, err := ingest.LockStories(e.db)
	if err != nil {
		return nil, nil, err
	}
	s, stats, err := ingest.OpenStories(e.ctx, db, story.Options{}, e.log)
	if err != nil {
		lock.Release()
		return nil, nil, err
	}
	e.log.Debug("stories restored", "memberships", stats.Memberships, "links", stats.Links,
		"skipped", stats.Skipped, "took", stats.Took)
	return s, lock, nil
}
