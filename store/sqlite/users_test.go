package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/sitrep/sitrep/store"
)

// TestUpgradeToUsers opens a database made before migration 00003 and
// checks that users, tokens and sessions can then be kept.
func TestUpgradeToUsers(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v2.db")
	old, err := sql.Open("sqlite", dsn(path, "_pragma=journal_mode(WAL)", "_pragma=foreign_keys(ON)"))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, old, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after migration 2: %v", err)
	}
	defer db.Close()
	if err := db.AddUser(ctx, store.User{Name: "ana", Role: store.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	hash := make([]byte, 32)
	if err := db.PutToken(ctx, store.Token{Hash: hash, User: "ana"}); err != nil {
		t.Fatal(err)
	}
	if u, err := db.TokenUser(ctx, hash, time.Now()); err != nil || u.Name != "ana" {
		t.Errorf("TokenUser = %+v, %v", u, err)
	}
}

// TestUsersReopen checks users, tokens and sessions outlive the process
// that stored them.
func TestUsersReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	hash := make([]byte, 32)
	hash[0] = 1
	expires := time.Now().Add(time.Hour)
	if err := db.AddUser(ctx, store.User{Name: "bo", Role: store.RoleEditor, Password: []byte("h")}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSession(ctx, store.Session{Hash: hash, User: "bo", CSRF: "c", Expires: expires}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, u, err := db.Session(ctx, hash, time.Now())
	if err != nil || u.Name != "bo" || u.Role != store.RoleEditor || s.CSRF != "c" || !s.Expires.Equal(expires.Truncate(time.Microsecond)) {
		t.Errorf("Session after reopening = %+v, %+v, %v", s, u, err)
	}
	// Foreign keys hold on the reopened file too.
	if err := db.PutToken(ctx, store.Token{Hash: hash, User: "ghost"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutToken of an unknown user: %v", err)
	}
}
