package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/store"
)

type exportCmd struct {
	Format          string `help:"Format: acled (ACLED's CSV columns), ucdp (UCDP GED's CSV columns), jsonl (the extraction contract and the incidents), geojson (incidents with coordinates)." required:""`
	Story           string `help:"Export one story (see sitrep stories); every story when absent."`
	Since           string `help:"Only incidents that happened on or after this date (YYYY-MM-DD)."`
	AsOf            string `help:"Lay the reviews as they stood at this time (RFC 3339, or YYYY-MM-DD for the end of that day, UTC), to reproduce an earlier export."`
	Output          string `help:"Write to this file (replaced only when the export succeeds) instead of standard output." type:"path" short:"o"`
	IncludeRejected bool   `help:"Also export rejected and merged incidents."`
}

// exportFormats are the writers by --format name.
var exportFormats = []string{"acled", "ucdp", "jsonl", "geojson"}

func (c *exportCmd) Run(e *env) error {
	format := strings.ToLower(strings.TrimSpace(c.Format))
	if !slices.Contains(exportFormats, format) {
		return fmt.Errorf("--format %q: not one of %s", clip(c.Format, 40), strings.Join(exportFormats, ", "))
	}
	var opts export.Options
	opts.IncludeRejected = c.IncludeRejected
	if c.Since != "" {
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(c.Since))
		if err != nil {
			return fmt.Errorf("--since %q: not a date (YYYY-MM-DD)", clip(c.Since, 40))
		}
		opts.Since = t
	}
	var asOf time.Time
	if c.AsOf != "" {
		s := strings.TrimSpace(c.AsOf)
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			asOf = t.Add(24*time.Hour - time.Microsecond)
		} else if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			asOf = t
		} else {
			return fmt.Errorf("--as-of %q: not a time (RFC 3339, such as 2025-11-20T09:00:00Z, or YYYY-MM-DD)", clip(c.AsOf, 40))
		}
	}
	storyID := strings.ToLower(strings.TrimSpace(c.Story))
	if c.Story != "" && !api.ValidStoryID(storyID) {
		return fmt.Errorf("--story %q: not a story ID (s and 16 hexadecimal digits; see sitrep stories)", clip(c.Story, 40))
	}

	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	q := api.ExportQuery{Format: format, Story: storyID, AsOf: asOf, Options: opts}
	err = writeOutput(e, c.Output, func(w io.Writer) error { return api.Export(e.ctx, db, w, q) })
	if errors.Is(err, store.ErrNotFound) && storyID != "" {
		return fmt.Errorf("--story %s: not in %s (see sitrep stories)", storyID, e.db)
	}
	return err
}

// writeOutput runs write on standard output, or on a temporary file
// renamed to path once write succeeded, so that a failed export never
// leaves a truncated file in place of a good one.
func writeOutput(e *env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(e.stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("--output %s: %w", path, err)
	}
	defer os.Remove(f.Name()) // after a successful rename, there is nothing to remove
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	// As os.Create would make it (CreateTemp makes it private).
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("--output %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--output %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("--output %s: %w", path, err)
	}
	return nil
}
