package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"
)

// ErrExists is returned by AddUser when the name is taken.
var ErrExists = errors.New("already exists")

// Limits on what the user methods accept.
const (
	MaxUserNameLen = 64
	// MaxPasswordHashLen bounds a stored password hash; a bcrypt hash is 60 bytes.
	MaxPasswordHashLen = 128
	// MaxCSRFLen bounds a session's CSRF token.
	MaxCSRFLen = 128
)

// Role names as the store keeps them. The store does not import package
// auth (which imports the store); auth.ParseRole reads these names.
const (
	RoleViewer = "viewer"
	RoleEditor = "editor"
	RoleAdmin  = "admin"
)

// User is a person who may sign in to the desk or call the API.
type User struct {
	// Name is 1 to 64 ASCII letters, digits, '.', '_' or '-', starting
	// with a letter or digit. Names are unique regardless of case, and a
	// lookup ignores case; the case given at creation is kept.
	Name string
	Role string // RoleViewer, RoleEditor or RoleAdmin
	// Password is a password hash (bcrypt, made by package auth); empty
	// when the user signs in with API tokens only.
	Password []byte
	// Created and Updated are set by the store.
	Created, Updated time.Time
	// Tokens counts the user's API tokens that have not expired; filled
	// in by User and ListUsers, ignored by writes.
	Tokens int
}

// Token is an API token. The store keeps only the SHA-256 of its secret,
// so that a copy of the database does not let anyone call the API.
type Token struct {
	Hash    []byte // SHA-256 of the secret: sha256.Size bytes
	User    string
	Created time.Time // set by the store when zero
	Expires time.Time // zero: never
}

// Session is a signed-in browser session. As with tokens, the store keeps
// only the SHA-256 of the session's secret (the cookie's value).
type Session struct {
	Hash []byte // SHA-256 of the cookie's secret: sha256.Size bytes
	User string
	// CSRF is the token the session's forms must send back. It is kept in
	// clear because pages must show it; alone it grants nothing.
	CSRF    string
	Created time.Time // set by the store when zero
	Expires time.Time // required
}

// Users keeps the people who may use the desk, their API tokens and their
// sessions. Hashing is the caller's job (package auth): the store keeps
// bytes and compares them. Times given as now let callers (and tests) use
// their own clock. Implementations are safe for concurrent use.
type Users interface {
	// AddUser creates a user; a name already taken (in any case) is an
	// error wrapping ErrExists.
	AddUser(ctx context.Context, u User) error
	// PutUser creates a user or replaces the role and password of an
	// existing one (an empty Password removes the password).
	PutUser(ctx context.Context, u User) error
	// User returns a user by name, ignoring case; an unknown name is an
	// error wrapping ErrNotFound.
	User(ctx context.Context, name string) (User, error)
	// ListUsers returns every user, by name.
	ListUsers(ctx context.Context) ([]User, error)
	// RemoveUser removes a user with their tokens and sessions; an unknown
	// name is an error wrapping ErrNotFound.
	RemoveUser(ctx context.Context, name string) error

	// PutToken stores a new token of an existing user (else an error
	// wrapping ErrNotFound). A hash already stored is an error wrapping
	// ErrExists.
	PutToken(ctx context.Context, t Token) error
	// TokenUser returns the user a token belongs to. A token unknown, or
	// expired at now, is an error wrapping ErrNotFound.
	TokenUser(ctx context.Context, hash []byte, now time.Time) (User, error)
	// ListTokens returns a user's tokens, expired ones included, oldest
	// first; empty for an unknown user.
	ListTokens(ctx context.Context, user string) ([]Token, error)
	// DeleteToken revokes a token; an unknown hash is an error wrapping
	// ErrNotFound.
	DeleteToken(ctx context.Context, hash []byte) error

	// PutSession stores a new session of an existing user (else an error
	// wrapping ErrNotFound).
	PutSession(ctx context.Context, s Session) error
	// Session returns a session and its user. A session unknown, or
	// expired at now, is an error wrapping ErrNotFound.
	Session(ctx context.Context, hash []byte, now time.Time) (Session, User, error)
	// DeleteSession ends a session; ending one that does not exist (any
	// more) is not an error, so that signing out twice is harmless.
	DeleteSession(ctx context.Context, hash []byte) error
	// DeleteUserSessions ends every session of a user (after a password
	// change, say) and says how many there were.
	DeleteUserSessions(ctx context.Context, user string) (int, error)
	// DeleteExpiredSessions removes the sessions expired at now and says
	// how many there were.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error)
}

// ValidUserName reports what is wrong with a user name, naming it.
func ValidUserName(name string) error {
	if name == "" {
		return errors.New("user name: empty")
	}
	if len(name) > MaxUserNameLen {
		return fmt.Errorf("user name %.20q…: longer than %d characters", name, MaxUserNameLen)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return fmt.Errorf("user name %q: use letters, digits, '.', '_' and '-' (starting with a letter or digit)", name)
		}
	}
	return nil
}

// Validate reports what is wrong with a user before it is stored.
func (u User) Validate() error {
	if err := ValidUserName(u.Name); err != nil {
		return err
	}
	switch u.Role {
	case RoleViewer, RoleEditor, RoleAdmin:
	default:
		return fmt.Errorf("user %s: role %q: expected viewer, editor or admin", u.Name, u.Role)
	}
	if len(u.Password) > MaxPasswordHashLen {
		return fmt.Errorf("user %s: password hash of %d bytes, more than %d", u.Name, len(u.Password), MaxPasswordHashLen)
	}
	return nil
}

// Validate reports what is wrong with a token before it is stored.
func (t Token) Validate() error {
	if err := ValidUserName(t.User); err != nil {
		return fmt.Errorf("token: %w", err)
	}
	if len(t.Hash) != sha256.Size {
		return fmt.Errorf("token of user %s: hash of %d bytes, want %d", t.User, len(t.Hash), sha256.Size)
	}
	return nil
}

// Validate reports what is wrong with a session before it is stored.
func (s Session) Validate() error {
	if err := ValidUserName(s.User); err != nil {
		return fmt.Errorf("session: %w", err)
	}
	switch {
	case len(s.Hash) != sha256.Size:
		return fmt.Errorf("session of user %s: hash of %d bytes, want %d", s.User, len(s.Hash), sha256.Size)
	case s.CSRF == "" || len(s.CSRF) > MaxCSRFLen:
		return fmt.Errorf("session of user %s: CSRF token of %d bytes, want 1 to %d", s.User, len(s.CSRF), MaxCSRFLen)
	case s.Expires.IsZero():
		return fmt.Errorf("session of user %s: no expiry", s.User)
	}
	return nil
}
