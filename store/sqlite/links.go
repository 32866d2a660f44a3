package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/sitrep/sitrep/store"
)

// PutLinks implements store.Store.
func (db *DB) PutLinks(ctx context.Context, article string, links []store.EntityLink) error {
	if err := store.ValidateLinks(article, links); err != nil {
		return fmt.Errorf("sqlite put links %.40q: %w", article, err)
	}
	if err := db.putLinks(ctx, article, links); err != nil {
		return fmt.Errorf("sqlite put links %.40q: %w", article, err)
	}
	return nil
}

func (db *DB) putLinks(ctx context.Context, article string, links []store.EntityLink) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := articleExists(ctx, tx, article); err != nil {
		return err
	}
	if err := replaceLinks(ctx, tx, article, links); err != nil {
		return err
	}
	return tx.Commit()
}

// articleExists returns an error wrapping store.ErrNotFound unless the
// article is stored.
func articleExists(ctx context.Context, tx *sql.Tx, article string) error {
	var one int
	switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, article).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("article: %w", store.ErrNotFound)
	case err != nil:
		return err
	}
	return nil
}

// replaceLinks replaces the entity links of an article inside tx.
func replaceLinks(ctx context.Context, tx *sql.Tx, article string, links []store.EntityLink) error {
	// Links are derived from the latest layers, so the previous ones are
	// replaced, not versioned: the layers they came from are kept.
	if _, err := tx.ExecContext(ctx, `DELETE FROM entity_links WHERE article_id = ?`, article); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx,
		`INSERT INTO entity_links (article_id, local_key, global_key, name, type) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, l := range links {
		if _, err := stmt.ExecContext(ctx, l.Article, l.Local, l.Global, l.Name, l.Type); err != nil {
			return err
		}
	}
	return nil
}

// Links implements store.Store.
func (db *DB) Links(ctx context.Context) iter.Seq2[store.EntityLink, error] {
	return func(yield func(store.EntityLink, error) bool) {
		rows, err := db.r.QueryContext(ctx,
			`SELECT article_id, local_key, global_key, name, type FROM entity_links ORDER BY seq`)
		if err != nil {
			yield(store.EntityLink{}, fmt.Errorf("sqlite links: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var l store.EntityLink
			if err := rows.Scan(&l.Article, &l.Local, &l.Global, &l.Name, &l.Type); err != nil {
				yield(store.EntityLink{}, fmt.Errorf("sqlite links: %w", err))
				return
			}
			if !yield(l, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.EntityLink{}, fmt.Errorf("sqlite links: %w", err))
		}
	}
}

// EntityLinks implements store.Store.
func (db *DB) EntityLinks(ctx context.Context, global string) ([]store.EntityLink, error) {
	out, err := db.links(ctx, `global_key = ?`, global)
	if err != nil {
		return nil, fmt.Errorf("sqlite entity links %.40q: %w", global, err)
	}
	return out, nil
}

// LatestEntityLinks implements store.Store. It reads the index on
// (global_key, seq) backwards, so that its cost is that of limit rows,
// however many articles name the entity.
func (db *DB) LatestEntityLinks(ctx context.Context, global string, limit int) ([]store.EntityLink, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := db.r.QueryContext(ctx,
		`SELECT article_id, local_key, global_key, name, type FROM entity_links
		 WHERE global_key = ? ORDER BY seq DESC LIMIT ?`, global, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite latest entity links %.40q: %w", global, err)
	}
	out, err := scanLinks(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite latest entity links %.40q: %w", global, err)
	}
	slices.Reverse(out)
	return out, nil
}

// EntityArticles implements store.Store.
func (db *DB) EntityArticles(ctx context.Context, global string) (int, error) {
	var n int
	if err := db.r.QueryRowContext(ctx,
		`SELECT count(DISTINCT article_id) FROM entity_links WHERE global_key = ?`, global).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite entity articles %.40q: %w", global, err)
	}
	return n, nil
}

// ArticleLinks implements store.Store.
func (db *DB) ArticleLinks(ctx context.Context, article string) ([]store.EntityLink, error) {
	out, err := db.links(ctx, `article_id = ?`, article)
	if err != nil {
		return nil, fmt.Errorf("sqlite article links %.40q: %w", article, err)
	}
	return out, nil
}

// links reads the links that match one condition on an indexed column.
func (db *DB) links(ctx context.Context, where string, arg any) ([]store.EntityLink, error) {
	rows, err := db.r.QueryContext(ctx,
		`SELECT article_id, local_key, global_key, name, type FROM entity_links WHERE `+where+` ORDER BY seq`, arg)
	if err != nil {
		return nil, err
	}
	return scanLinks(rows)
}

// scanLinks reads rows of (article_id, local_key, global_key, name, type).
func scanLinks(rows *sql.Rows) ([]store.EntityLink, error) {
	defer rows.Close()
	var out []store.EntityLink
	for rows.Next() {
		var l store.EntityLink
		if err := rows.Scan(&l.Article, &l.Local, &l.Global, &l.Name, &l.Type); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
