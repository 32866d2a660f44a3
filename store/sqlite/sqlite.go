// Package sqlite is the embedded store.Store of sitrep: one SQLite file,
// written through modernc.org/sqlite (pure Go, no cgo), with full-text search
// by FTS5 and its schema migrated by goose at Open.
//
// It keeps the raw input gzipped and content-addressed by SHA-256, one row
// per distinct article content, every URL an article was seen at with a
// version number per URL, and the annotation layers as JSON (Tokens and
// Sentences are not kept: they are cheap to recompute). Listings page by
// keyset, 50 articles by default and at most 500. Full-text search folds case
// and diacritics and does not stem.
//
// Every version of an article's layers is kept: the articles row holds the
// latest, layer_versions those it replaced. Story memberships and entity
// links have tables of their own, and a stories table summarizes each
// story (updated in constant time for a new member) so that listing
// stories reads one row per story.
//
// It does no extraction or annotation, never deletes or rewrites an article
// (Put of a known content is Unchanged even when its layers differ; new
// layers go through PutLayers, which keeps the earlier ones), and it is
// meant for one machine: to share a store between machines, use the
// PostgreSQL driver.
//
// Writes go through a single connection, so Puts from a worker pool queue in
// the process instead of failing with SQLITE_BUSY; reads use a pool of their
// own and, thanks to WAL, never wait for a writer. Several processes may open
// the same file (the busy timeout covers their writes), but two processes
// creating the same new file at once may see one Open fail: retry it.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/sitrep/sitrep/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store.Store over one SQLite file. It is safe for concurrent use.
type DB struct {
	w   *sql.DB // the only connection that writes
	r   *sql.DB // read-only connections
	raw rawEncoder
}

var _ store.Store = (*DB)(nil)

// Open opens the SQLite database at path, creating the file if it does not
// exist (its directory must), and brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		// An in-memory database would be a different one on each
		// connection, and a URI would bypass the settings below.
		return nil, fmt.Errorf("sqlite open %q: need the path of a file", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}

	// WAL with synchronous=NORMAL: a commit is in the WAL file before the
	// Put returns, so killing the process (kill -9, a panic, OOM) never loses
	// a committed article and never corrupts the file. Only an OS crash or a
	// power loss may lose the last few commits (the WAL is synced at
	// checkpoints, not at every commit), and even then the database opens
	// consistent. FULL would add an fsync to every Put, for a guarantee
	// that an ingest, which can be rerun, does not need.
	//
	// _txlock=immediate makes every write transaction take the write lock
	// at BEGIN: a deferred one that read first could fail with SQLITE_BUSY
	// when upgrading, which the busy timeout does not cover.
	w, err := sql.Open("sqlite", dsn(abs,
		"_txlock=immediate",
		"_pragma=busy_timeout(5000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_pragma=foreign_keys(ON)",
	))
	if err != nil {
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1) // the single writer: Puts wait for it in database/sql's queue

	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}

	// The readers are opened after the writer has set WAL mode, which is
	// kept in the file. query_only guards against a write slipping onto a
	// reader, where it would bypass the single-writer rule.
	r, err := sql.Open("sqlite", dsn(abs,
		"_pragma=busy_timeout(5000)",
		"_pragma=foreign_keys(ON)",
		"_pragma=query_only(1)",
	))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}
	return &DB{w: w, r: r}, nil
}

// dsn builds a file: URI, so that a path holding '?' or '#' is read as a path.
func dsn(abs string, params ...string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + strings.Join(params, "&")
}

// migrate applies the embedded migrations that the file has not had yet.
func migrate(ctx context.Context, db *sql.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	// goose is silent unless made verbose; the global registry is for Go
	// migrations, of which there are none.
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return nil
}

// Close waits for the calls in flight and closes the database.
func (db *DB) Close() error {
	// PRAGMA optimize keeps the planner's statistics fresh, as SQLite
	// recommends before closing a connection that did work. It is only an
	// optimization, so its failure (say, on a second Close) is no error.
	_, _ = db.w.Exec("PRAGMA optimize")
	return errors.Join(db.r.Close(), db.w.Close())
}
