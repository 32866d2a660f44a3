package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store/sqlite"
)

type ingestCmd struct {
	fetchFlags
	Sources []string      `arg:"" help:"Files (.html .htm .txt .json, optionally .gz), directories, article URLs, feed URLs or files (RSS, Atom, JSON Feed), sitemaps (.xml, .xml.gz, indexes, Google News)."`
	Watch   time.Duration `help:"Poll the sources again at this interval (feeds and sitemaps with conditional GET) until interrupted."`
	Workers int           `help:"Articles processed at once (default: twice the number of cores)."`
}

func (c *ingestCmd) Run(e *env) error {
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

	prog := newProgress(e.stderr)
	in := ingest.New(ingest.Config{
		Store: db, Pipeline: pipeline.Default(), Fetcher: c.client(e),
		Workers: c.Workers, MaxFile: c.MaxBody, Log: e.log, Stories: stories,
		// Closures, since a --watch round gets a new bar.
		OnFound:  func(n int) { prog.found(n) },
		OnResult: func(r ingest.Result) { prog.result(e, r) },
	})
	failed, interrupted := false, false
	report := func(s ingest.Summary) {
		prog.finish()
		printSummary(e.stdout, s)
		failed = failed || s.Failed > 0
		interrupted = interrupted || s.Interrupted > 0
	}
	if c.Watch > 0 {
		err = in.Watch(e.ctx, c.Sources, c.Watch, func(s ingest.Summary) {
			report(s)
			fmt.Fprintf(e.stdout, "next poll in %s (interrupt to stop)\n", c.Watch)
			prog = newProgress(e.stderr)
		})
		if e.ctx.Err() != nil {
			err = nil // interrupted: the normal end of a watch
		}
	} else {
		var s ingest.Summary
		s, err = in.Run(e.ctx, c.Sources)
		report(s)
		if errors.Is(err, context.Canceled) {
			err = nil // counted in the summary as not done
		}
	}
	if err != nil {
		return err
	}
	if interrupted && c.Watch == 0 {
		fmt.Fprintln(e.stdout, "interrupted: run the same command again to finish; what is stored stays stored")
		return exitError{130}
	}
	if failed {
		return exitError{1}
	}
	return nil
}

func printSummary(w io.Writer, s ingest.Summary) {
	fmt.Fprintf(w, "stored %d, unchanged %d, duplicates %d, failed %d", s.Stored, s.Unchanged, s.Duplicates, s.Failed)
	if s.Interrupted > 0 {
		fmt.Fprintf(w, ", not done %d", s.Interrupted)
	}
	fmt.Fprintln(w)
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %v\n", f.Err)
	}
	if n := s.Failed - len(s.Failures); n > 0 {
		fmt.Fprintf(w, "... and %d more failures (each is logged with --log-level warn and no terminal)\n", n)
	}
}

// progress shows a bar (done/total, rate, ETA) on a terminal and a log line
// per input otherwise.
type progress struct {
	bar *progressbar.ProgressBar // nil when not a terminal
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) found(n int) {
	if p.bar != nil {
		p.bar.ChangeMax(n)
	}
}

func (p *progress) result(e *env, r ingest.Result) {
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	if r.Status == ingest.Failed {
		e.log.Warn("failed", "input", r.Input, "err", r.Err)
		return
	}
	e.log.Info(r.Status.String(), "input", r.Input, "id", r.ID)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
