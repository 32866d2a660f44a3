package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// Get implements store.Store.
func (db *DB) Get(ctx context.Context, id string) (*store.Record, error) {
	return getRecord(ctx, db.r, id, true)
}

// GetDoc implements store.Store: Get without the raws table, so that no
// raw body is read or decompressed.
func (db *DB) GetDoc(ctx context.Context, id string) (*store.Record, error) {
	return getRecord(ctx, db.r, id, false)
}

// getRecord reads an article's record, with its raw bytes when raw is set.
func getRecord(ctx context.Context, q rowQuerier, id string, raw bool) (*store.Record, error) {
	var (
		a                  sitrep.Article
		published, fetched *int64
		offset, ingested   int64
		size               int64
		layers, body       []byte
		codec              string
		r                  store.Record
	)
	query := `SELECT a.url, a.canonical_url, a.source, a.title, a.byline, a.published, a.published_offset,
		   a.language, a.text, a.raw_sha256, a.content_type, a.fetched, a.ingested, a.pipeline,
		   a.layers, a.version, a.layers_version`
	dest := []any{&a.URL, &a.CanonicalURL, &a.Source, &a.Title, &a.Byline, &published, &offset,
		&a.Language, &a.Text, &r.RawSHA256, &r.ContentType, &fetched, &ingested, &r.Pipeline,
		&layers, &r.Version, &r.Layers}
	if raw {
		query += `, w.codec, w.size, w.body FROM articles a JOIN raws w ON w.sha256 = a.raw_sha256 WHERE a.id = ?`
		dest = append(dest, &codec, &size, &body)
	} else {
		query += ` FROM articles a WHERE a.id = ?`
	}
	err := q.QueryRowContext(ctx, query, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite get %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite get %s: %w", id, err)
	}
	a.ID = id
	a.Published = inOffset(fromMicros(published), offset)
	r.Fetched = fromMicros(fetched)
	r.Ingested = fromMicros(&ingested)
	if raw {
		if r.Raw, err = decodeRaw(codec, body, size); err != nil {
			return nil, fmt.Errorf("sqlite get %s: %w", id, err)
		}
	}
	r.Doc = sitrep.NewDoc(a)
	if err := unmarshalLayers(layers, r.Doc); err != nil {
		return nil, fmt.Errorf("sqlite get %s: %w", id, err)
	}
	return &r, nil
}

// Versions implements store.Store.
func (db *DB) Versions(ctx context.Context, url string) ([]store.Summary, error) {
	rows, err := db.r.QueryContext(ctx,
		`SELECT a.id, u.url, a.source, a.title, a.published, a.published_offset, a.language,
		   u.first_seen, u.version
		 FROM article_urls u JOIN articles a ON a.id = u.article_id
		 WHERE u.url = ?
		 ORDER BY u.version`, url)
	if err != nil {
		return nil, fmt.Errorf("sqlite versions %s: %w", url, err)
	}
	out, err := scanSummaries(rows, false)
	if err != nil {
		return nil, fmt.Errorf("sqlite versions %s: %w", url, err)
	}
	return out, nil
}

// scanSummaries reads the rows of a listing, whose columns are those of
// Versions followed, when snippets is set, by a snippet.
func scanSummaries(rows *sql.Rows, snippets bool) ([]store.Summary, error) {
	defer rows.Close()
	var out []store.Summary
	for rows.Next() {
		var (
			s                store.Summary
			published        *int64
			offset, ingested int64
			dest             = []any{&s.ID, &s.URL, &s.Source, &s.Title, &published, &offset, &s.Language, &ingested, &s.Version}
			snippet          sql.NullString
		)
		if snippets {
			dest = append(dest, &snippet)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		s.Published = inOffset(fromMicros(published), offset)
		s.Ingested = fromMicros(&ingested)
		s.Snippet = snippet.String
		out = append(out, s)
	}
	return out, rows.Err()
}

// Count implements store.Store.
func (db *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite count: %w", err)
	}
	return n, nil
}

// Validators implements store.Store.
func (db *DB) Validators(ctx context.Context, url string) (store.Validators, error) {
	var v store.Validators
	var saved int64
	err := db.r.QueryRowContext(ctx,
		`SELECT etag, last_modified, updated FROM feed_state WHERE url = ?`, url).Scan(&v.ETag, &v.LastModified, &saved)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return store.Validators{}, nil
	case err != nil:
		return store.Validators{}, fmt.Errorf("sqlite validators %s: %w", url, err)
	}
	v.Saved = fromMicros(&saved)
	return v, nil
}

// SetValidators implements store.Store.
func (db *DB) SetValidators(ctx context.Context, url string, v store.Validators) error {
	_, err := db.w.ExecContext(ctx,
		`INSERT INTO feed_state (url, etag, last_modified, updated) VALUES (?, ?, ?, ?)
		 ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		   updated = excluded.updated`,
		url, v.ETag, v.LastModified, time.Now().UnixMicro())
	if err != nil {
		return fmt.Errorf("sqlite set validators %s: %w", url, err)
	}
	return nil
}
