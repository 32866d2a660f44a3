package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// runUser runs `sitrep --db db user args...` through the real CLI.
func runUser(t *testing.T, db, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLI(t, stdin, append([]string{"--db", db, "user"}, args...)...)
}

// openUsers opens the test database to check what the commands stored.
func openUsers(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestUserAdd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	// The first user may be added to a database that does not exist yet.
	code, out, errOut := runUser(t, path, "", "add", "ana", "--role", "admin")
	if code != 0 {
		t.Fatalf("user add: exit %d: %s", code, errOut)
	}
	token := strings.TrimSpace(out)
	if _, err := auth.ParseBearer("Bearer " + token); err != nil || strings.Count(out, "\n") != 1 {
		t.Fatalf("stdout %q: want the token alone on a line (%v)", out, err)
	}
	if !strings.Contains(errOut, "shown once") || !strings.Contains(errOut, "valid until "+time.Now().AddDate(1, 0, 0).UTC().Format(time.DateOnly)) {
		t.Errorf("stderr %q: want the notice that the token is shown once, valid a year", errOut)
	}
	db := openUsers(t, path)
	u, err := db.TokenUser(t.Context(), auth.HashSecret(token), time.Now())
	if err != nil || u.Name != "ana" || u.Role != "admin" || u.Password != nil {
		t.Errorf("the token's user = %+v, %v; want ana, admin, no password", u, err)
	}
	raw, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if main, err := os.ReadFile(path); err == nil {
		raw = append(raw, main...)
	}
	if bytes.Contains(raw, []byte(token)) {
		t.Error("the database holds the token in clear")
	}

	for _, c := range []struct {
		name  string
		args  []string
		code  int
		error string
	}{
		{"name taken", []string{"add", "ana", "--role", "viewer"}, 1, "user ana: already in"},
		{"name taken in another case", []string{"add", "ANA", "--role", "viewer"}, 1, "user ANA: already in"},
		{"bad name", []string{"add", "ana lopez", "--role", "viewer"}, 1, `user name "ana lopez": use letters, digits`},
		{"name too long", []string{"add", strings.Repeat("a", 65), "--role", "viewer"}, 1, "longer than 64 characters"},
		{"bad role", []string{"add", "bo", "--role", "owner"}, 2, "--role"},
		{"no role", []string{"add", "bo"}, 2, "--role"},
		{"negative days", []string{"add", "bo", "--role", "viewer", "--days=-1"}, 1, "user bo: --days -1: give a number from 0"},
		{"short password", []string{"add", "bo", "--role", "viewer", "--password-stdin"}, 1, "user bo: password: 5 characters, want at least 12"},
	} {
		code, out, errOut := runUser(t, path, "short\n", c.args...)
		if code != c.code || !strings.Contains(errOut, c.error) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, errOut, c.code, c.error)
		}
		if out != "" {
			t.Errorf("%s: printed %q on stdout", c.name, out)
		}
	}
	if users, err := db.ListUsers(t.Context()); err != nil || len(users) != 1 {
		t.Errorf("after refused adds: %+v, %v; want ana alone", users, err)
	}
}

func TestUserPasswordAndTokens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	const pw = "a long enough passphrase"
	if code, _, errOut := runUser(t, path, pw+"\r\nignored second line\n", "add", "ed", "--role", "editor", "--password-stdin", "--days", "0"); code != 0 {
		t.Fatalf("add with a password: exit %d: %s", code, errOut)
	}
	db := openUsers(t, path)
	u, err := db.User(t.Context(), "ed")
	if err != nil || !auth.CheckPassword(u.Password, pw) {
		t.Fatalf("ed = %+v, %v; want the password from stdin's first line", u, err)
	}
	tokens, err := db.ListTokens(t.Context(), "ed")
	if err != nil || len(tokens) != 1 || !tokens[0].Expires.IsZero() {
		t.Errorf("tokens with --days 0 = %+v, %v; want one that never expires", tokens, err)
	}

	// Another token, for a day.
	code, out, errOut := runUser(t, path, "", "token", "ED", "--days", "1")
	if code != 0 {
		t.Fatalf("user token: exit %d: %s", code, errOut)
	}
	second := strings.TrimSpace(out)
	if _, err := db.TokenUser(t.Context(), auth.HashSecret(second), time.Now().Add(23*time.Hour)); err != nil {
		t.Errorf("the second token: %v", err)
	}
	if _, err := db.TokenUser(t.Context(), auth.HashSecret(second), time.Now().Add(25*time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the one-day token a day later: %v, want it expired", err)
	}

	// A new password ends the sessions signed in with the old one.
	if err := db.PutSession(t.Context(), store.Session{Hash: auth.HashSecret("s"), User: "ed", CSRF: "c", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	const newPW = "another long passphrase"
	code, out, errOut = runUser(t, path, newPW, "password", "ed")
	if code != 0 || !strings.Contains(out, "1 session(s) ended") {
		t.Fatalf("user password: exit %d, %q %s", code, out, errOut)
	}
	if u, _ := db.User(t.Context(), "ed"); !auth.CheckPassword(u.Password, newPW) || auth.CheckPassword(u.Password, pw) {
		t.Error("the new password does not replace the old")
	}
	if _, _, err := db.Session(t.Context(), auth.HashSecret("s"), time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a session outlived the password change: %v", err)
	}

	for _, c := range []struct {
		name, stdin string
		args        []string
		error       string
	}{
		{"token of an unknown user", "", []string{"token", "zed"}, "user zed: not in"},
		{"password of an unknown user", newPW, []string{"password", "zed"}, "user zed: not in"},
		{"empty password", "", []string{"password", "ed"}, "user ed: password: 0 characters"},
		{"overlong password", strings.Repeat("p", 73), []string{"password", "ed"}, "user ed: password: 73 bytes, want at most 72"},
		{"no line at all", strings.Repeat("p", 5000), []string{"password", "ed"}, "user ed: stdin holds no line"},
		{"days beyond a century", "", []string{"token", "ed", "--days", "40000"}, "user ed: --days 40000"},
	} {
		code, out, errOut := runUser(t, path, c.stdin, c.args...)
		if code != 1 || !strings.Contains(errOut, c.error) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 1 and %q", c.name, code, out, errOut, c.error)
		}
	}
}

func TestUserListRoleRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	if code, _, errOut := runUser(t, path, "", "list"); code != 1 || !strings.Contains(errOut, "database "+path) {
		t.Errorf("list of a missing database: exit %d: %s", code, errOut)
	}
	var tokens []string
	for _, u := range []struct{ name, role string }{{"vera", "viewer"}, {"ed", "editor"}} {
		code, out, errOut := runUser(t, path, "", "add", u.name, "--role", u.role)
		if code != 0 {
			t.Fatalf("add %s: %s", u.name, errOut)
		}
		tokens = append(tokens, strings.TrimSpace(out))
	}
	if code, _, errOut := runUser(t, path, "", "token", "ed"); code != 0 {
		t.Fatal(errOut)
	}

	code, out, errOut := runUser(t, path, "", "list")
	if code != 0 {
		t.Fatalf("list: %s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	today := time.Now().UTC().Format(time.DateOnly)
	want := []string{
		"USER ROLE ADDED TOKENS PASSWORD",
		"ed editor " + today + " 2 no",
		"vera viewer " + today + " 1 no",
	}
	if len(lines) != len(want) {
		t.Fatalf("list:\n%s", out)
	}
	for i := range want {
		if got := strings.Join(strings.Fields(lines[i]), " "); got != want[i] {
			t.Errorf("list line %d = %q, want %q", i, got, want[i])
		}
	}
	for _, tok := range tokens {
		if strings.Contains(out, tok) || strings.Contains(out, tok[len(auth.TokenPrefix):len(auth.TokenPrefix)+8]) {
			t.Error("list shows a token")
		}
	}
	code, out, _ = runUser(t, path, "", "list", "--format", "json")
	var users []userJSON
	if err := json.Unmarshal([]byte(out), &users); code != 0 || err != nil || len(users) != 2 || users[0].Name != "ed" || users[0].Tokens != 2 || users[0].Password {
		t.Errorf("list --format json: exit %d, %v:\n%s", code, err, out)
	}

	// A new role applies to the user's tokens at once.
	if code, out, errOut := runUser(t, path, "", "role", "Vera", "editor"); code != 0 || out != "vera: editor, was viewer\n" {
		t.Errorf("role: exit %d, %q %s", code, out, errOut)
	}
	db := openUsers(t, path)
	if u, err := db.TokenUser(t.Context(), auth.HashSecret(tokens[0]), time.Now()); err != nil || u.Role != "editor" {
		t.Errorf("vera's token after the role change: %+v, %v", u, err)
	}
	for _, c := range []struct {
		args  []string
		code  int
		error string
	}{
		{[]string{"role", "zed", "admin"}, 1, "user zed: not in"},
		{[]string{"role", "vera", "anonymous"}, 2, "anonymous"},
		{[]string{"role", "vera"}, 2, "expected"},
		{[]string{"remove", "zed"}, 1, "user zed: not in"},
		{[]string{"remove", "a b"}, 1, "user a b: not in"},
	} {
		if code, _, errOut := runUser(t, path, "", c.args...); code != c.code || !strings.Contains(errOut, c.error) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.error)
		}
	}

	if code, out, errOut := runUser(t, path, "", "remove", "ed"); code != 0 || !strings.Contains(out, "ed: removed") {
		t.Fatalf("remove: exit %d, %q %s", code, out, errOut)
	}
	if _, err := db.TokenUser(t.Context(), auth.HashSecret(tokens[1]), time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a removed user's token: %v, want ErrNotFound", err)
	}
	if _, out, _ := runUser(t, path, "", "list"); strings.Contains(out, "ed ") || !strings.Contains(out, "vera") {
		t.Errorf("list after remove:\n%s", out)
	}
}
