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

// PutMembership implements store.Store.
func (db *DB) PutMembership(ctx context.Context, m store.Membership) error {
	if err := m.Validate(); err != nil {
		return fmt.Errorf("sqlite put membership: %w", err)
	}
	if err := db.putMembership(ctx, m); err != nil {
		return fmt.Errorf("sqlite put membership %s: %w", m.Article, err)
	}
	return nil
}

func (db *DB) putMembership(ctx context.Context, m store.Membership) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var a member
	err = tx.QueryRowContext(ctx, `SELECT source, title, published FROM articles WHERE id = ?`, m.Article).
		Scan(&a.source, &a.title, &a.published)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("article: %w", store.ErrNotFound)
	case err != nil:
		return err
	}
	var old string
	if err := tx.QueryRowContext(ctx, `SELECT story FROM story_members WHERE article_id = ?`, m.Article).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	features := m.Features
	if features == nil {
		features = []byte{} // not nil: that would bind NULL
	}
	// The upsert keeps seq, the order of the first decision, so that a
	// replay restores the index in the order it first saw the articles.
	if err := tx.QueryRowContext(ctx,
		`INSERT INTO story_members (article_id, story, duplicate_of, similarity, features) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (article_id) DO UPDATE SET story = excluded.story, duplicate_of = excluded.duplicate_of,
		   similarity = excluded.similarity, features = excluded.features
		 RETURNING seq`,
		m.Article, m.Story, m.DuplicateOf, m.Similarity, features).Scan(&a.seq); err != nil {
		return err
	}
	a.id, a.copy = m.Article, m.DuplicateOf != ""
	if old == "" {
		err = addToStory(ctx, tx, m.Story, a)
	} else {
		// A decision taken again: rare, so both stories are recomputed.
		for _, id := range []string{old, m.Story} {
			if err = summarizeStory(ctx, tx, id); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	if m.Links != nil {
		if err := replaceLinks(ctx, tx, m.Article, m.Links); err != nil {
			return fmt.Errorf("links: %w", err)
		}
	}
	return tx.Commit()
}

// member is what a story's summary needs of one of its articles.
type member struct {
	id, source, title string
	published         *int64
	copy              bool
	seq               int64
}

// before reports whether a should give its story's title rather than b:
// originals before copies, dated before undated, earlier before later,
// then the order of decision.
func (a member) before(b member) bool {
	switch {
	case a.copy != b.copy:
		return !a.copy
	case (a.published == nil) != (b.published == nil):
		return a.published != nil
	case a.published != nil && *a.published != *b.published:
		return *a.published < *b.published
	}
	return a.seq < b.seq
}

// addToStory updates a story's summary for a new member in constant time.
func addToStory(ctx context.Context, tx *sql.Tx, id string, a member) error {
	var n int
	if err := tx.QueryRowContext(ctx,
		`INSERT INTO story_sources (story, source, articles) VALUES (?, ?, 1)
		 ON CONFLICT (story, source) DO UPDATE SET articles = articles + 1
		 RETURNING articles`, id, a.source).Scan(&n); err != nil {
		return fmt.Errorf("story %s sources: %w", id, err)
	}
	newSource := 0
	if n == 1 {
		newSource = 1
	}
	original := 0
	if !a.copy {
		original = 1
	}
	var (
		s           store.StorySummary
		titleID     string
		first, last *int64
	)
	err := tx.QueryRowContext(ctx,
		`SELECT title, title_article, reports, originals, sources, first_published, last_published FROM stories WHERE id = ?`, id).
		Scan(&s.Title, &titleID, &s.Reports, &s.Originals, &s.Sources, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return writeStory(ctx, tx, id, a.title, a.id, 1, original, 1, a.published, a.published)
	}
	if err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	title := member{id: titleID}
	if err := tx.QueryRowContext(ctx,
		`SELECT m.duplicate_of <> '', a.published, m.seq FROM story_members m JOIN articles a ON a.id = m.article_id
		 WHERE m.article_id = ?`, titleID).Scan(&title.copy, &title.published, &title.seq); err != nil {
		return fmt.Errorf("story %s title: %w", id, err)
	}
	if a.before(title) {
		s.Title, titleID = a.title, a.id
	}
	if a.published != nil {
		if first == nil || *a.published < *first {
			first = a.published
		}
		if last == nil || *a.published > *last {
			last = a.published
		}
	}
	return writeStory(ctx, tx, id, s.Title, titleID, s.Reports+1, s.Originals+original, s.Sources+newSource, first, last)
}

func writeStory(ctx context.Context, tx *sql.Tx, id, title, titleArticle string, reports, originals, sources int, first, last *int64) error {
	key := int64(noDate)
	if last != nil {
		key = *last
	}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO stories (id, title, title_article, reports, originals, sources, first_published, last_published, last_key)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_article = excluded.title_article,
		   reports = excluded.reports, originals = excluded.originals, sources = excluded.sources,
		   first_published = excluded.first_published, last_published = excluded.last_published, last_key = excluded.last_key`,
		id, title, titleArticle, reports, originals, sources, first, last, key)
	if err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	return nil
}

// summarizeStory recomputes the summary of one story, and its counts per
// source, from all its members.
func summarizeStory(ctx context.Context, tx *sql.Tx, id string) error {
	var (
		s           store.StorySummary
		first, last *int64
	)
	if err := tx.QueryRowContext(ctx,
		`SELECT count(*), coalesce(sum(m.duplicate_of = ''), 0), count(DISTINCT a.source),
		   min(a.published), max(a.published)
		 FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story = ?`, id).
		Scan(&s.Reports, &s.Originals, &s.Sources, &first, &last); err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_sources WHERE story = ?`, id); err != nil {
		return fmt.Errorf("story %s sources: %w", id, err)
	}
	if s.Reports == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id)
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO story_sources (story, source, articles)
		 SELECT m.story, a.source, count(*) FROM story_members m JOIN articles a ON a.id = m.article_id
		 WHERE m.story = ? GROUP BY a.source`, id); err != nil {
		return fmt.Errorf("story %s sources: %w", id, err)
	}
	// The title is that of the earliest original (see member.before).
	var titleID string
	if err := tx.QueryRowContext(ctx,
		`SELECT a.title, a.id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story = ?
		 ORDER BY m.duplicate_of <> '', a.published IS NULL, a.published, m.seq LIMIT 1`, id).Scan(&s.Title, &titleID); err != nil {
		return fmt.Errorf("story %s title: %w", id, err)
	}
	return writeStory(ctx, tx, id, s.Title, titleID, s.Reports, s.Originals, s.Sources, first, last)
}

// Memberships implements store.Store.
func (db *DB) Memberships(ctx context.Context) iter.Seq2[store.Membership, error] {
	return func(yield func(store.Membership, error) bool) {
		rows, err := db.r.QueryContext(ctx,
			`SELECT m.article_id, m.story, m.duplicate_of, m.similarity, m.features,
			   a.source, a.published, a.published_offset
			 FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY m.seq`)
		if err != nil {
			yield(store.Membership{}, fmt.Errorf("sqlite memberships: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var (
				m         store.Membership
				published *int64
				offset    int64
			)
			if err := rows.Scan(&m.Article, &m.Story, &m.DuplicateOf, &m.Similarity, &m.Features,
				&m.Source, &published, &offset); err != nil {
				yield(store.Membership{}, fmt.Errorf("sqlite memberships: %w", err))
				return
			}
			m.Published = inOffset(fromMicros(published), offset)
			if !yield(m, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.Membership{}, fmt.Errorf("sqlite memberships: %w", err))
		}
	}
}

// Stories implements store.Store.
func (db *DB) Stories(ctx context.Context, q store.StoryQuery) (store.StoryPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	query := `SELECT id, title, reports, originals, sources, first_published, last_published FROM stories`
	var args []any
	if q.Cursor != "" {
		after, err := decodeCursor(q.Cursor)
		if err != nil {
			return store.StoryPage{}, fmt.Errorf("sqlite stories: %w", err)
		}
		query += ` WHERE (last_key, id) < (?, ?)`
		args = append(args, after.key, after.id)
	}
	query += ` ORDER BY last_key DESC, id DESC LIMIT ?`
	args = append(args, limit+1)
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return store.StoryPage{}, fmt.Errorf("sqlite stories: %w", err)
	}
	defer rows.Close()
	var p store.StoryPage
	for rows.Next() {
		var (
			s           store.StorySummary
			first, last *int64
		)
		if err := rows.Scan(&s.ID, &s.Title, &s.Reports, &s.Originals, &s.Sources, &first, &last); err != nil {
			return store.StoryPage{}, fmt.Errorf("sqlite stories: %w", err)
		}
		s.First, s.Last = fromMicros(first), fromMicros(last)
		p.Stories = append(p.Stories, s)
	}
	if err := rows.Err(); err != nil {
		return store.StoryPage{}, fmt.Errorf("sqlite stories: %w", err)
	}
	if len(p.Stories) > limit {
		p.Stories = p.Stories[:limit]
		last := p.Stories[limit-1]
		key := int64(noDate)
		if !last.Last.IsZero() {
			key = last.Last.UnixMicro()
		}
		p.Next = cursor{key, last.ID}.String()
	}
	return p, nil
}

// Story implements store.Store. The story's row and its members are read
// in one read transaction, so that Reports and Articles agree.
func (db *DB) Story(ctx context.Context, id string, limit int) (*store.Story, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite story %.40q: %w", id, err)
	}
	defer tx.Rollback() // read only: nothing to commit
	var (
		s           store.Story
		first, last *int64
	)
	err = tx.QueryRowContext(ctx,
		`SELECT id, title, reports, originals, sources, first_published, last_published FROM stories WHERE id = ?`, id).
		Scan(&s.ID, &s.Title, &s.Reports, &s.Originals, &s.Sources, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite story %.40q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite story %.40q: %w", id, err)
	}
	s.First, s.Last = fromMicros(first), fromMicros(last)
	if limit <= 0 || limit > s.Reports {
		limit = s.Reports
	}
	// The latest limit members: dated ones newest first, then undated ones
	// in the order of decision; the page is then put oldest first.
	rows, err := tx.QueryContext(ctx,
		`SELECT a.id, a.url, a.source, a.title, a.published, a.published_offset, a.language,
		   a.ingested, a.version, m.duplicate_of, m.similarity
		 FROM story_members m JOIN articles a ON a.id = m.article_id
		 WHERE m.story = ?
		 ORDER BY a.published IS NULL, a.published DESC, m.seq DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite story %.40q: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			a                store.StoryArticle
			published        *int64
			offset, ingested int64
		)
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &published, &offset, &a.Language,
			&ingested, &a.Version, &a.DuplicateOf, &a.Similarity); err != nil {
			return nil, fmt.Errorf("sqlite story %.40q: %w", id, err)
		}
		a.Published = inOffset(fromMicros(published), offset)
		a.Ingested = fromMicros(&ingested)
		s.Articles = append(s.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite story %.40q: %w", id, err)
	}
	// Dated newest first to oldest first; undated ones stay last, in the
	// order of decision.
	dated := slices.IndexFunc(s.Articles, func(a store.StoryArticle) bool { return a.Published.IsZero() })
	if dated < 0 {
		dated = len(s.Articles)
	}
	slices.Reverse(s.Articles[:dated])
	slices.Reverse(s.Articles[dated:])
	return &s, nil
}
