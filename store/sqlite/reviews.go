package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/store"
)

var _ store.Reviews = (*DB)(nil)

// Page sizes of Audit.
const (
	defaultAuditLimit = 50
	maxAuditLimit     = 500
)

const reviewColumns = `incident, version, story, action, state, reviewer, note, at, before, after, record`

// PutReview implements store.Reviews.
func (db *DB) PutReview(ctx context.Context, r store.Review, expectVersion int) (store.Review, error) {
	if r.At.IsZero() {
		r.At = time.Now()
	}
	r.At = time.UnixMicro(r.At.UnixMicro()).UTC()
	if err := r.Validate(); err != nil {
		return store.Review{}, fmt.Errorf("sqlite put review: %w", err)
	}
	if expectVersion < 0 {
		return store.Review{}, fmt.Errorf("sqlite put review %s: expected version %d is negative", r.Incident, expectVersion)
	}
	if err := db.putReview(ctx, &r, expectVersion); err != nil {
		return store.Review{}, fmt.Errorf("sqlite put review %s: %w", r.Incident, err)
	}
	return r, nil
}

func (db *DB) putReview(ctx context.Context, r *store.Review, expect int) error {
	// The write transaction takes the lock at BEGIN (_txlock=immediate),
	// so the version read below cannot change before the insert.
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var (
		latest int
		story  string
	)
	err = tx.QueryRowContext(ctx, `SELECT version, story FROM incident_reviews WHERE incident = ? ORDER BY version DESC LIMIT 1`,
		r.Incident).Scan(&latest, &story)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if latest != expect {
		return fmt.Errorf("%w: latest version is %d, not %d (someone else reviewed it meanwhile)", store.ErrConflict, latest, expect)
	}
	if latest > 0 && story != r.Story {
		return fmt.Errorf("story %.40q: the incident is of story %.40q", r.Story, story)
	}
	r.Version = latest + 1
	if _, err := tx.ExecContext(ctx, `INSERT INTO incident_reviews (`+reviewColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Incident, r.Version, r.Story, r.Action, r.State, r.User, r.Note, r.At.UnixMicro(),
		string(r.Before), string(r.After), string(r.Record)); err != nil {
		return err
	}
	return tx.Commit()
}

// LatestReviews implements store.Reviews.
func (db *DB) LatestReviews(ctx context.Context, story string, asOf time.Time) ([]store.Review, error) {
	var (
		where []string
		args  []any
	)
	if story != "" {
		where = append(where, "story = ?")
		args = append(args, story)
	}
	if !asOf.IsZero() {
		where = append(where, "at <= ?")
		args = append(args, asOf.UnixMicro())
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	q := `SELECT ` + reviewColumns + ` FROM (
	        SELECT *, row_number() OVER (PARTITION BY incident ORDER BY version DESC) AS rank
	        FROM incident_reviews ` + cond + `)
	      WHERE rank = 1 ORDER BY story, incident`
	out, err := db.queryReviews(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite latest reviews %.40q: %w", story, err)
	}
	return out, nil
}

// ReviewHistory implements store.Reviews.
func (db *DB) ReviewHistory(ctx context.Context, incident string) ([]store.Review, error) {
	out, err := db.queryReviews(ctx, `SELECT `+reviewColumns+` FROM incident_reviews WHERE incident = ? ORDER BY version`, incident)
	if err != nil {
		return nil, fmt.Errorf("sqlite review history %.40q: %w", incident, err)
	}
	return out, nil
}

// Audit implements store.Reviews.
func (db *DB) Audit(ctx context.Context, q store.AuditQuery) (store.AuditPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultAuditLimit
	}
	limit = min(limit, maxAuditLimit)
	var (
		where []string
		args  []any
	)
	// User names ignore case, as the users table does.
	for _, f := range []struct{ cond, v string }{{"story = ?", q.Story}, {"incident = ?", q.Incident}, {"reviewer = ? COLLATE NOCASE", q.User}} {
		if f.v != "" {
			where = append(where, f.cond)
			args = append(args, f.v)
		}
	}
	if q.Cursor != "" {
		seq, err := decodeAuditCursor(q.Cursor)
		if err != nil {
			return store.AuditPage{}, fmt.Errorf("sqlite audit: %w", err)
		}
		where = append(where, "seq < ?")
		args = append(args, seq)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limit+1)
	rows, err := db.r.QueryContext(ctx, `SELECT seq, `+reviewColumns+` FROM incident_reviews `+cond+` ORDER BY seq DESC LIMIT ?`, args...)
	if err != nil {
		return store.AuditPage{}, fmt.Errorf("sqlite audit: %w", err)
	}
	defer rows.Close()
	var (
		page store.AuditPage
		seqs []int64
	)
	for rows.Next() {
		var seq int64
		r, err := scanReview(rows, &seq)
		if err != nil {
			return store.AuditPage{}, fmt.Errorf("sqlite audit: %w", err)
		}
		page.Reviews = append(page.Reviews, r)
		seqs = append(seqs, seq)
	}
	if err := rows.Err(); err != nil {
		return store.AuditPage{}, fmt.Errorf("sqlite audit: %w", err)
	}
	if len(page.Reviews) > limit {
		page.Reviews = page.Reviews[:limit]
		page.Next = auditCursor(seqs[limit-1])
	}
	return page, nil
}

func (db *DB) queryReviews(ctx context.Context, q string, args ...any) ([]store.Review, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Review{}
	for rows.Next() {
		r, err := scanReview(rows, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// scanReview reads a row of reviewColumns, preceded by seq when seq is not nil.
func scanReview(rows *sql.Rows, seq *int64) (store.Review, error) {
	var (
		r                     store.Review
		at                    int64
		before, after, record string
	)
	dest := []any{&r.Incident, &r.Version, &r.Story, &r.Action, &r.State, &r.User, &r.Note, &at, &before, &after, &record}
	if seq != nil {
		dest = append([]any{seq}, dest...)
	}
	if err := rows.Scan(dest...); err != nil {
		return store.Review{}, err
	}
	r.At = time.UnixMicro(at).UTC()
	r.Before, r.After, r.Record = []byte(before), []byte(after), []byte(record)
	return r, nil
}

// The audit cursor is the seq of the last row of a page: a format byte and
// 8 bytes big-endian, in unpadded URL-safe base64.
const auditCursorFormat = 0xa1

func auditCursor(seq int64) string {
	b := binary.BigEndian.AppendUint64([]byte{auditCursorFormat}, uint64(seq))
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeAuditCursor(s string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != 9 || b[0] != auditCursorFormat {
		return 0, fmt.Errorf("%w %.40q", store.ErrBadCursor, s)
	}
	return int64(binary.BigEndian.Uint64(b[1:])), nil
}
