package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

type storiesCmd struct {
	Limit  int    `help:"Stories to list, latest first (1-500)." default:"50"`
	Format string `help:"Output format: table or json." default:"table" enum:"table,json"`
	Cursor string `help:"Start after the page that gave this cursor (the JSON output's next)."`
}

func (c *storiesCmd) Run(e *env) error {
	if c.Limit < 1 || c.Limit > 500 {
		return fmt.Errorf("--limit %d: give a number from 1 to 500", c.Limit)
	}
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	page, err := db.Stories(e.ctx, store.StoryQuery{Limit: c.Limit, Cursor: c.Cursor})
	if errors.Is(err, store.ErrBadCursor) {
		return fmt.Errorf("--cursor %q: not a cursor of this database (give the next of an earlier page)", clip(c.Cursor, 40))
	}
	if err != nil {
		return err
	}
	list := api.StoryList{Stories: make([]api.StorySummary, 0, len(page.Stories))}
	for _, s := range page.Stories {
		list.Stories = append(list.Stories, api.StorySummary{ID: s.ID, Title: s.Title, Reports: s.Reports,
			Originals: s.Originals, Sources: s.Sources, First: publishedOrNil(s.First), Last: publishedOrNil(s.Last)})
	}
	if page.Next != "" {
		list.Next = &page.Next
	}
	if c.Format == "json" {
		return writeJSON(e.stdout, list)
	}
	if len(list.Stories) == 0 {
		fmt.Fprintln(e.stdout, "no stories yet: ingest articles first")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tFIRST\tLAST\tREPORTS\tORIGINALS\tSOURCES\tTITLE")
	for _, s := range page.Stories {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\n", safe(s.ID), day(s.First), day(s.Last),
			s.Reports, s.Originals, s.Sources, clip(s.Title, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if page.Next != "" {
		fmt.Fprintf(e.stdout, "(more: sitrep stories --cursor %s)\n", page.Next)
	}
	return nil
}

// openExisting opens the database, which must exist: reading a missing one
// would create it empty and answer nothing, almost always a mistyped --db.
func openExisting(e *env) (*sqlite.DB, error) {
	if _, err := os.Stat(e.db); err != nil {
		return nil, fmt.Errorf("database %s: %w (ingest articles first, or give --db)", e.db, err)
	}
	return sqlite.Open(e.ctx, e.db)
}

// loadStory opens the database, reads a story and computes its incidents
// and tally, with an error that says what to do for an unknown or
// malformed ID.
func loadStory(e *env, id string) (*api.StoryDetail, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if !api.ValidStoryID(id) {
		return nil, fmt.Errorf("story %q: not a story ID (s and 16 hexadecimal digits; see sitrep stories)", clip(id, 40))
	}
	db, err := openExisting(e)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	d, err := api.LoadStory(e.ctx, db, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("story %s: not in %s (see sitrep stories)", id, e.db)
	}
	return d, err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func publishedOrNil(t time.Time) *sitrep.Published {
	if t.IsZero() {
		return nil
	}
	return &sitrep.Published{Time: t}
}

// day writes a publication time as its date, "-" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// clip shortens s to n runes, on one line, made safe for a terminal (see
// safe).
func clip(s string, n int) string {
	s = safe(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// safe makes text from articles fit to print on a terminal, on one line:
// control characters (ESC and the rest, which could move the cursor,
// recolour or retitle the terminal) are dropped, as are the bidirectional
// overrides and isolates (U+202A-U+202E, U+2066-U+2069, which could make a
// line read backwards), and runs of white space become one space, so that
// a field cannot start a line or a column of its own.
func safe(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == utf8.RuneError:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
