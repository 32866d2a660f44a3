package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// rowQuerier is what *sql.DB and *sql.Tx have in common for one-row queries.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Put implements store.Store.
func (db *DB) Put(ctx context.Context, r *store.Record) (store.Outcome, error) {
	if r == nil || r.Doc == nil {
		return 0, errors.New("sqlite put: record without a Doc")
	}
	d := r.Doc
	if d.ID == "" {
		return 0, fmt.Errorf("sqlite put %q: article without an ID", d.URL)
	}
	if d.URL == "" {
		return 0, fmt.Errorf("sqlite put %s: article without a URL", d.ID)
	}
	sum := sha256.Sum256(r.Raw)
	sha := hex.EncodeToString(sum[:])
	if r.RawSHA256 != "" && !strings.EqualFold(r.RawSHA256, sha) {
		return 0, fmt.Errorf("sqlite put %s: RawSHA256 %s is not the SHA-256 of Raw (%s)", d.ID, r.RawSHA256, sha)
	}

	// Rerunning an ingest Puts mostly what is already there. Rows are never
	// deleted, so a reader that sees this URL with this content has the
	// final answer, without queueing for the writer.
	if v, seen, ok, err := urlVersion(ctx, db.r, d.URL, d.ID); err != nil {
		return 0, fmt.Errorf("sqlite put %s: %w", d.ID, err)
	} else if ok {
		r.RawSHA256, r.Version, r.Ingested = sha, v, seen
		return store.Unchanged, nil
	}

	// The costly work is done before taking the write lock.
	codec, body, err := db.raw.encode(r.Raw)
	if err != nil {
		return 0, fmt.Errorf("sqlite put %s: %w", d.ID, err)
	}
	layers, err := marshalLayers(d)
	if err != nil {
		return 0, fmt.Errorf("sqlite put %s: %w", d.ID, err)
	}

	out, v, seen, err := db.put(ctx, r, sha, codec, body, layers)
	if err != nil {
		return 0, fmt.Errorf("sqlite put %s: %w", d.ID, err)
	}
	r.RawSHA256, r.Version, r.Ingested = sha, v, seen
	return out, nil
}

// put is the write transaction of Put. Every decision is taken again inside
// it: the single writer connection serializes Puts in this process, and
// BEGIN IMMEDIATE those of other processes, so what put reads cannot change
// before it commits, and two Puts of the same content never race to insert.
func (db *DB) put(ctx context.Context, r *store.Record, sha, codec string, body, layers []byte) (store.Outcome, int, time.Time, error) {
	d := r.Doc
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, time.Time{}, err
	}
	defer tx.Rollback() // a no-op after Commit

	if v, seen, ok, err := urlVersion(ctx, tx, d.URL, d.ID); err != nil {
		return 0, 0, time.Time{}, err
	} else if ok {
		return store.Unchanged, v, seen, nil
	}

	var next int
	if err := tx.QueryRowContext(ctx,
		`SELECT coalesce(max(version), 0) + 1 FROM article_urls WHERE url = ?`, d.URL).Scan(&next); err != nil {
		return 0, 0, time.Time{}, err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)

	out := store.Duplicate
	var one int
	switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, d.ID).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		out = store.Stored
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO raws (sha256, content_type, size, codec, body) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (sha256) DO NOTHING`,
			sha, r.ContentType, len(r.Raw), codec, body); err != nil {
			return 0, 0, time.Time{}, fmt.Errorf("raw: %w", err)
		}
		var published any
		var offset int
		if !d.Published.IsZero() {
			published = d.Published.UnixMicro()
			_, offset = d.Published.Zone()
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO articles (id, url, canonical_url, source, title, byline, published, published_offset,
			   language, text, raw_sha256, content_type, fetched, ingested, pipeline, layers, version)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.ID, d.URL, d.CanonicalURL, d.Source, d.Title, d.Byline, published, offset,
			d.Language, d.Text, sha, r.ContentType, micros(r.Fetched), now.UnixMicro(), r.Pipeline, string(layers), next); err != nil {
			return 0, 0, time.Time{}, fmt.Errorf("article: %w", err)
		}
	case err != nil:
		return 0, 0, time.Time{}, err
	}

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO article_urls (url, version, article_id, first_seen) VALUES (?, ?, ?, ?)`,
		d.URL, next, d.ID, now.UnixMicro()); err != nil {
		return 0, 0, time.Time{}, fmt.Errorf("url: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, time.Time{}, err
	}
	return out, next, now, nil
}

// urlVersion returns the version of content id at url and when it was first
// seen there; ok is false when url has never shown it.
func urlVersion(ctx context.Context, q rowQuerier, url, id string) (version int, seen time.Time, ok bool, err error) {
	var us int64
	err = q.QueryRowContext(ctx,
		`SELECT version, first_seen FROM article_urls WHERE url = ? AND article_id = ?`, url, id).Scan(&version, &us)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, time.Time{}, false, nil
	case err != nil:
		return 0, time.Time{}, false, err
	}
	return version, fromMicros(&us), true, nil
}

// marshalLayers encodes the annotation layers of d. It marshals the Doc
// itself with its Article fields cleared (they have columns of their own), so
// that a layer added to sitrep.Doc is stored without a change here. Tokens
// and Sentences are not marshalled: they are cheap to recompute.
func marshalLayers(d *sitrep.Doc) ([]byte, error) {
	c := *d
	c.Article = sitrep.Article{}
	b, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("layers: %w", err)
	}
	return b, nil
}

// unmarshalLayers sets the layers of d from what marshalLayers made.
func unmarshalLayers(b []byte, d *sitrep.Doc) error {
	a := d.Article
	if err := json.Unmarshal(b, d); err != nil {
		return fmt.Errorf("layers: %w", err)
	}
	d.Article = a
	return nil
}
