package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	sqlitedriver "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/sitrep/sitrep/store"
)

var _ store.Users = (*DB)(nil)

// userColumns are read by scanUser, with the count of live tokens last.
const userColumns = `u.name, u.role, u.password, u.created, u.updated,
	(SELECT count(*) FROM tokens t WHERE t.user_name = u.name AND (t.expires IS NULL OR t.expires > ?))`

type rowScanner interface{ Scan(dest ...any) error }

func scanUser(row rowScanner) (store.User, error) {
	var (
		u                store.User
		created, updated int64
	)
	if err := row.Scan(&u.Name, &u.Role, &u.Password, &created, &updated, &u.Tokens); err != nil {
		return store.User{}, err
	}
	u.Created, u.Updated = fromMicros(&created), fromMicros(&updated)
	if len(u.Password) == 0 {
		u.Password = nil
	}
	return u, nil
}

func nowMicros() int64 { return time.Now().UTC().UnixMicro() }

// password returns a hash ready to bind: never nil, which would bind NULL.
func password(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// AddUser implements store.Users.
func (db *DB) AddUser(ctx context.Context, u store.User) error {
	if err := u.Validate(); err != nil {
		return fmt.Errorf("sqlite add user: %w", err)
	}
	now := nowMicros()
	res, err := db.w.ExecContext(ctx,
		`INSERT INTO users (name, role, password, created, updated) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (name) DO NOTHING`,
		u.Name, u.Role, password(u.Password), now, now)
	if err != nil {
		return fmt.Errorf("sqlite add user %s: %w", u.Name, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite add user %s: %w", u.Name, err)
	} else if n == 0 {
		return fmt.Errorf("sqlite add user %s: %w", u.Name, store.ErrExists)
	}
	return nil
}

// PutUser implements store.Users.
func (db *DB) PutUser(ctx context.Context, u store.User) error {
	if err := u.Validate(); err != nil {
		return fmt.Errorf("sqlite put user: %w", err)
	}
	now := nowMicros()
	// The name keeps the case it was created with.
	if _, err := db.w.ExecContext(ctx,
		`INSERT INTO users (name, role, password, created, updated) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (name) DO UPDATE SET role = excluded.role, password = excluded.password, updated = excluded.updated`,
		u.Name, u.Role, password(u.Password), now, now); err != nil {
		return fmt.Errorf("sqlite put user %s: %w", u.Name, err)
	}
	return nil
}

// User implements store.Users.
func (db *DB) User(ctx context.Context, name string) (store.User, error) {
	if err := store.ValidUserName(name); err != nil {
		// No such name can be stored.
		return store.User{}, fmt.Errorf("sqlite user: %w: %w", err, store.ErrNotFound)
	}
	u, err := scanUser(db.r.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM users u WHERE u.name = ?`, nowMicros(), name))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return store.User{}, fmt.Errorf("sqlite user %s: %w", name, store.ErrNotFound)
	case err != nil:
		return store.User{}, fmt.Errorf("sqlite user %s: %w", name, err)
	}
	return u, nil
}

// ListUsers implements store.Users.
func (db *DB) ListUsers(ctx context.Context) ([]store.User, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name`, nowMicros())
	if err != nil {
		return nil, fmt.Errorf("sqlite list users: %w", err)
	}
	defer rows.Close()
	users := []store.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite list users: %w", err)
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite list users: %w", err)
	}
	return users, nil
}

// RemoveUser implements store.Users. Tokens and sessions go by ON DELETE
// CASCADE, in the same statement.
func (db *DB) RemoveUser(ctx context.Context, name string) error {
	if err := store.ValidUserName(name); err != nil {
		return fmt.Errorf("sqlite remove user: %w: %w", err, store.ErrNotFound)
	}
	res, err := db.w.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("sqlite remove user %s: %w", name, err)
	}
	return affectedOne(res, "sqlite remove user "+name)
}

// affectedOne turns a statement that changed no row into ErrNotFound.
func affectedOne(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return nil
}

// PutToken implements store.Users.
func (db *DB) PutToken(ctx context.Context, t store.Token) error {
	if err := t.Validate(); err != nil {
		return fmt.Errorf("sqlite put token: %w", err)
	}
	created := t.Created
	if created.IsZero() {
		created = time.Now()
	}
	// Selecting the user's name from users both checks the user exists
	// and stores the name in the case it was created with.
	res, err := db.w.ExecContext(ctx,
		`INSERT INTO tokens (hash, user_name, created, expires) SELECT ?, name, ?, ? FROM users WHERE name = ?`,
		t.Hash, created.UnixMicro(), micros(t.Expires), t.User)
	if err != nil {
		if isUniqueViolation(err) {
			return fmt.Errorf("sqlite put token of user %s: %w", t.User, store.ErrExists)
		}
		return fmt.Errorf("sqlite put token of user %s: %w", t.User, err)
	}
	return affectedOne(res, "sqlite put token: user "+t.User)
}

// isUniqueViolation reports whether err is SQLite refusing a duplicate key.
func isUniqueViolation(err error) bool {
	var e *sqlitedriver.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// TokenUser implements store.Users.
func (db *DB) TokenUser(ctx context.Context, hash []byte, now time.Time) (store.User, error) {
	n := now.UnixMicro()
	u, err := scanUser(db.r.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM tokens k JOIN users u ON u.name = k.user_name
		 WHERE k.hash = ? AND (k.expires IS NULL OR k.expires > ?)`, n, hash, n))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return store.User{}, fmt.Errorf("sqlite token: %w", store.ErrNotFound)
	case err != nil:
		return store.User{}, fmt.Errorf("sqlite token: %w", err)
	}
	return u, nil
}

// ListTokens implements store.Users.
func (db *DB) ListTokens(ctx context.Context, user string) ([]store.Token, error) {
	rows, err := db.r.QueryContext(ctx,
		`SELECT hash, user_name, created, expires FROM tokens WHERE user_name = ? ORDER BY created, hash`, user)
	if err != nil {
		return nil, fmt.Errorf("sqlite tokens of user %s: %w", user, err)
	}
	defer rows.Close()
	tokens := []store.Token{}
	for rows.Next() {
		var (
			t       store.Token
			created int64
			expires *int64
		)
		if err := rows.Scan(&t.Hash, &t.User, &created, &expires); err != nil {
			return nil, fmt.Errorf("sqlite tokens of user %s: %w", user, err)
		}
		t.Created, t.Expires = fromMicros(&created), fromMicros(expires)
		tokens = append(tokens, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite tokens of user %s: %w", user, err)
	}
	return tokens, nil
}

// DeleteToken implements store.Users.
func (db *DB) DeleteToken(ctx context.Context, hash []byte) error {
	res, err := db.w.ExecContext(ctx, `DELETE FROM tokens WHERE hash = ?`, hash)
	if err != nil {
		return fmt.Errorf("sqlite delete token: %w", err)
	}
	return affectedOne(res, "sqlite delete token")
}

// PutSession implements store.Users.
func (db *DB) PutSession(ctx context.Context, s store.Session) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("sqlite put session: %w", err)
	}
	created := s.Created
	if created.IsZero() {
		created = time.Now()
	}
	res, err := db.w.ExecContext(ctx,
		`INSERT INTO sessions (hash, user_name, csrf, created, expires) SELECT ?, name, ?, ?, ? FROM users WHERE name = ?`,
		s.Hash, s.CSRF, created.UnixMicro(), s.Expires.UnixMicro(), s.User)
	if err != nil {
		if isUniqueViolation(err) {
			return fmt.Errorf("sqlite put session of user %s: %w", s.User, store.ErrExists)
		}
		return fmt.Errorf("sqlite put session of user %s: %w", s.User, err)
	}
	return affectedOne(res, "sqlite put session: user "+s.User)
}

// Session implements store.Users.
func (db *DB) Session(ctx context.Context, hash []byte, now time.Time) (store.Session, store.User, error) {
	n := now.UnixMicro()
	var (
		s                store.Session
		created, expires int64
	)
	row := db.r.QueryRowContext(ctx,
		`SELECT s.hash, s.csrf, s.created, s.expires, `+userColumns+`
		 FROM sessions s JOIN users u ON u.name = s.user_name
		 WHERE s.hash = ? AND s.expires > ?`, n, hash, n)
	u, err := scanUser(scanPrefix{row, []any{&s.Hash, &s.CSRF, &created, &expires}})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return store.Session{}, store.User{}, fmt.Errorf("sqlite session: %w", store.ErrNotFound)
	case err != nil:
		return store.Session{}, store.User{}, fmt.Errorf("sqlite session: %w", err)
	}
	s.User, s.Created, s.Expires = u.Name, fromMicros(&created), fromMicros(&expires)
	return s, u, nil
}

// scanPrefix scans columns into prefix before those its caller asks for.
type scanPrefix struct {
	row    rowScanner
	prefix []any
}

func (p scanPrefix) Scan(dest ...any) error {
	return p.row.Scan(append(p.prefix, dest...)...)
}

// DeleteSession implements store.Users.
func (db *DB) DeleteSession(ctx context.Context, hash []byte) error {
	if _, err := db.w.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("sqlite delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions implements store.Users.
func (db *DB) DeleteUserSessions(ctx context.Context, user string) (int, error) {
	return deleteCount(ctx, db.w, "sqlite delete sessions of user "+user, `DELETE FROM sessions WHERE user_name = ?`, user)
}

// DeleteExpiredSessions implements store.Users.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	return deleteCount(ctx, db.w, "sqlite delete expired sessions", `DELETE FROM sessions WHERE expires <= ?`, now.UnixMicro())
}

// deleteCount runs a DELETE and says how many rows it removed.
func deleteCount(ctx context.Context, w *sql.DB, what, query string, args ...any) (int, error) {
	res, err := w.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, err)
	}
	return int(n), nil
}
