// Package store defines how sitrep keeps articles: the Store interface that
// every driver implements (store/sqlite now, store/postgres later) and the
// conformance suite (storetest) that each driver must pass.
//
// A stored article is its raw bytes (compressed, keyed by SHA-256, so it can
// be reprocessed without refetching), the extracted Article, and the
// annotation layers with the version of the pipeline that produced them.
// The store does no extraction and no annotation of its own.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep/sitrep"
)

// ErrNotFound is returned when an article or raw blob does not exist.
var ErrNotFound = errors.New("not found")

// ErrBadCursor is returned by List for a Query.Cursor that the store did not
// hand out (malformed, truncated, or from another driver).
var ErrBadCursor = errors.New("bad cursor")

// Outcome says what Put did with a record.
type Outcome int

const (
	// Stored: the content was new and is now stored (for a known URL with
	// changed content, as a new version beside the earlier ones).
	Stored Outcome = iota + 1
	// Unchanged: this URL already holds this content; nothing was written.
	Unchanged
	// Duplicate: the same content is already stored under another URL; the
	// URL is recorded as an alias of the existing article.
	Duplicate
)

func (o Outcome) String() string {
	switch o {
	case Stored:
		return "stored"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// Record is one article as stored.
//
// Times are kept to the microsecond. Doc.Published keeps its instant and its
// UTC offset (not a zone name): an offset of zero comes back in time.UTC, so a
// date-only time (see sitrep.Published) stays date-only.
type Record struct {
	Doc *sitrep.Doc // Article plus layers; Doc.ID is the content ID
	// Raw is the input as fetched or read (before extraction), and
	// ContentType what the server or file name said it was.
	Raw         []byte
	ContentType string
	// RawSHA256 is the hex SHA-256 of Raw; Put computes it when empty.
	RawSHA256 string
	// Pipeline is the version of the pipeline that produced Doc's layers.
	Pipeline string
	// Fetched is when the raw bytes were fetched or read.
	Fetched time.Time
	// Version numbers the contents seen at one URL, from 1; set by the store.
	Version int
	// Ingested is when the store first kept this record; set by the store.
	Ingested time.Time
}

// Summary is an article in a listing: its metadata without text or layers.
// It is not the API's JSON (see api.Summary, which writes dates as the
// contract does).
type Summary struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published time.Time // zero when unknown
	Language  string
	Ingested  time.Time
	Version   int
	// Snippet is a short excerpt around the matched terms, for a full-text query.
	Snippet string
}

// Query selects articles for List. Zero fields do not filter.
type Query struct {
	// Text is a full-text query over title and text: every word must match,
	// case and diacritics aside. No query syntax is exposed (quotes, *, OR,
	// NEAR, -, : are plain text). A blank Text does not filter; one of
	// punctuation only matches nothing.
	Text   string
	Since  time.Time // published at or after
	Until  time.Time // published before
	Source string    // exact source (outlet) name
	Lang   string    // ISO 639-1 language
	Limit  int       // page size; the store caps it and applies a default when 0
	Cursor string    // opaque, from the previous page's Next
}

// Page is one page of a listing, newest first.
type Page struct {
	Articles []Summary
	Next     string // cursor of the next page, "" when this is the last
}

// Validators are what a server sent to make the next GET conditional.
type Validators struct {
	ETag         string
	LastModified string
	// Saved is when SetValidators last saved them: when the URL was last
	// found unchanged or fetched. Set by the store; SetValidators ignores it.
	// Zero when nothing was saved for the URL.
	Saved time.Time
}

// Store keeps articles. Implementations are safe for concurrent use.
type Store interface {
	// Put stores a record unless its content is already there, and says what it did.
	// It is atomic: after a crash the record is either wholly stored or absent.
	// r.Doc.ID and r.Doc.URL are required; a RawSHA256 that does not match Raw
	// is an error. On success Put sets r.RawSHA256, and sets r.Version and
	// r.Ingested to those of the content at r.Doc.URL, whatever the Outcome.
	// A URL that shows again a content it showed before is Unchanged: versions
	// number distinct contents, not changes.
	Put(ctx context.Context, r *Record) (Outcome, error)
	// Get returns the record of an article ID, with its raw bytes.
	Get(ctx context.Context, id string) (*Record, error)
	// List returns articles matching q, newest published first, those with no
	// publication time last, and articles published at the same time by ID,
	// descending. A bad q.Cursor is an error wrapping ErrBadCursor.
	List(ctx context.Context, q Query) (Page, error)
	// Versions returns every version stored for a URL (including URLs recorded
	// as aliases of a duplicate), oldest first; empty when the URL is unknown.
	// Each Summary's URL is url, Version its version there, and Ingested when
	// the store first saw that content at url.
	Versions(ctx context.Context, url string) ([]Summary, error)
	// Count returns how many articles are stored.
	Count(ctx context.Context) (int, error)

	// Validators returns what was saved for a feed or sitemap URL, or zero Validators.
	Validators(ctx context.Context, url string) (Validators, error)
	// SetValidators saves the validators of a feed or sitemap URL.
	SetValidators(ctx context.Context, url string, v Validators) error

	Close() error
}
