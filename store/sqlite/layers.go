package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// PutLayers implements store.Store. The articles row keeps the latest
// version; the one it replaces moves to layer_versions, in the same
// transaction, so that no version is ever lost.
func (db *DB) PutLayers(ctx context.Context, id, pipeline string, d *sitrep.Doc) (store.Outcome, error) {
	return db.putLayersLinks(ctx, id, pipeline, d, nil, false)
}

// PutLayersLinks implements store.Store: PutLayers and PutLinks in one
// transaction.
func (db *DB) PutLayersLinks(ctx context.Context, id, pipeline string, d *sitrep.Doc, links []store.EntityLink) (store.Outcome, error) {
	if err := store.ValidateLinks(id, links); err != nil {
		return 0, fmt.Errorf("sqlite put layers %.40q: %w", id, err)
	}
	return db.putLayersLinks(ctx, id, pipeline, d, links, true)
}

func (db *DB) putLayersLinks(ctx context.Context, id, pipeline string, d *sitrep.Doc, links []store.EntityLink, withLinks bool) (store.Outcome, error) {
	if d == nil {
		return 0, fmt.Errorf("sqlite put layers %.40q: no Doc", id)
	}
	if len(pipeline) > store.MaxPipelineLen {
		return 0, fmt.Errorf("sqlite put layers %.40q: pipeline version longer than %d bytes", id, store.MaxPipelineLen)
	}
	layers, err := marshalLayers(d)
	if err != nil {
		return 0, fmt.Errorf("sqlite put layers %.40q: %w", id, err)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite put layers %.40q: %w", id, err)
	}
	defer tx.Rollback()
	out, err := putLayers(ctx, tx, id, pipeline, layers)
	if err == nil && withLinks {
		err = replaceLinks(ctx, tx, id, links)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite put layers %.40q: %w", id, err)
	}
	return out, nil
}

// putLayers writes a new version of an article's layers inside tx.
func putLayers(ctx context.Context, tx *sql.Tx, id, pipeline string, layers []byte) (store.Outcome, error) {
	var (
		cur      []byte
		curPipe  string
		version  int
		created  *int64
		ingested int64
	)
	err := tx.QueryRowContext(ctx,
		`SELECT layers, pipeline, layers_version, layers_created, ingested FROM articles WHERE id = ?`, id).
		Scan(&cur, &curPipe, &version, &created, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	if bytes.Equal(cur, layers) {
		if curPipe != pipeline {
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET pipeline = ? WHERE id = ?`, pipeline, id); err != nil {
				return 0, err
			}
		}
		return store.Unchanged, nil
	}
	was := ingested
	if created != nil {
		was = *created
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO layer_versions (article_id, version, pipeline, created, layers) VALUES (?, ?, ?, ?, ?)`,
		id, version, curPipe, was, string(cur)); err != nil {
		return 0, fmt.Errorf("keep version %d: %w", version, err)
	}
	now := time.Now().UTC().Truncate(time.Microsecond).UnixMicro()
	if _, err := tx.ExecContext(ctx,
		`UPDATE articles SET layers = ?, pipeline = ?, layers_version = ?, layers_created = ? WHERE id = ?`,
		string(layers), pipeline, version+1, now, id); err != nil {
		return 0, err
	}
	return store.Stored, nil
}

// LayerVersions implements store.Store.
func (db *DB) LayerVersions(ctx context.Context, id string) ([]store.LayerVersion, error) {
	var (
		latest   store.LayerVersion
		created  *int64
		ingested int64
	)
	err := db.r.QueryRowContext(ctx,
		`SELECT layers_version, pipeline, layers_created, ingested FROM articles WHERE id = ?`, id).
		Scan(&latest.Version, &latest.Pipeline, &created, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite layer versions %.40q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite layer versions %.40q: %w", id, err)
	}
	if created == nil {
		created = &ingested
	}
	latest.Created = fromMicros(created)
	rows, err := db.r.QueryContext(ctx,
		`SELECT version, pipeline, created FROM layer_versions WHERE article_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite layer versions %.40q: %w", id, err)
	}
	defer rows.Close()
	var out []store.LayerVersion
	for rows.Next() {
		var v store.LayerVersion
		var us int64
		if err := rows.Scan(&v.Version, &v.Pipeline, &us); err != nil {
			return nil, fmt.Errorf("sqlite layer versions %.40q: %w", id, err)
		}
		v.Created = fromMicros(&us)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite layer versions %.40q: %w", id, err)
	}
	return append(out, latest), nil
}

// GetLayers implements store.Store. The latest record and the earlier
// version are read in one read transaction, so that a PutLayers between
// them cannot make the version asked for move from one table to the other.
func (db *DB) GetLayers(ctx context.Context, id string, version int) (*store.Record, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite get %s layers version %d: %w", id, version, err)
	}
	defer tx.Rollback() // read only: nothing to commit
	r, err := getRecord(ctx, tx, id, true)
	if err != nil {
		return nil, err
	}
	if version == r.Layers {
		return r, nil
	}
	var layers []byte
	err = tx.QueryRowContext(ctx,
		`SELECT pipeline, layers FROM layer_versions WHERE article_id = ? AND version = ?`, id, version).
		Scan(&r.Pipeline, &layers)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite get %s layers version %d: %w", id, version, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite get %s layers version %d: %w", id, version, err)
	}
	d := sitrep.NewDoc(r.Doc.Article)
	if err := unmarshalLayers(layers, d); err != nil {
		return nil, fmt.Errorf("sqlite get %s layers version %d: %w", id, version, err)
	}
	r.Doc, r.Layers = d, version
	return r, nil
}
