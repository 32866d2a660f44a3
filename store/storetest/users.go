package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/store"
)

// RunUsers is the conformance suite of store.Users: users, API tokens and
// sessions. fresh must return a new, empty store each time it is called,
// and close it when its test ends.
func RunUsers(t *testing.T, fresh func(t *testing.T) store.Users) {
	t.Run("AddAndGet", func(t *testing.T) { testAddUser(t, fresh(t)) })
	t.Run("PutUser", func(t *testing.T) { testPutUser(t, fresh(t)) })
	t.Run("UserRejects", func(t *testing.T) { testUserRejects(t, fresh(t)) })
	t.Run("ListUsers", func(t *testing.T) { testListUsers(t, fresh(t)) })
	t.Run("Tokens", func(t *testing.T) { testTokens(t, fresh(t)) })
	t.Run("TokenRejects", func(t *testing.T) { testTokenRejects(t, fresh(t)) })
	t.Run("Sessions", func(t *testing.T) { testSessions(t, fresh(t)) })
	t.Run("SessionRejects", func(t *testing.T) { testSessionRejects(t, fresh(t)) })
	t.Run("RemoveUser", func(t *testing.T) { testRemoveUser(t, fresh(t)) })
	t.Run("ConcurrentAdd", func(t *testing.T) { testConcurrentAddUser(t, fresh(t)) })
	t.Run("UsersCanceledContext", func(t *testing.T) { testUsersCanceledContext(t, fresh(t)) })
}

// secretHash stands for the SHA-256 of a secret, as package auth makes it.
func secretHash(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// aMoment is a time well inside the store's precision, in the past of
// every run, so that tests of expiry pass their own now.
var aMoment = time.Date(2025, 11, 18, 9, 30, 0, 123456000, time.UTC)

func addUser(t *testing.T, s store.Users, name, role string) store.User {
	t.Helper()
	u := store.User{Name: name, Role: role, Password: []byte("$2a$10$hash-of-" + name)}
	if err := s.AddUser(context.Background(), u); err != nil {
		t.Fatalf("AddUser %s: %v", name, err)
	}
	return u
}

func testAddUser(t *testing.T, s store.Users) {
	ctx := context.Background()
	before := time.Now().Add(-time.Second)
	addUser(t, s, "Ana.Lopez", store.RoleEditor)
	after := time.Now().Add(time.Second)

	for _, name := range []string{"Ana.Lopez", "ana.lopez", "ANA.LOPEZ"} {
		u, err := s.User(ctx, name)
		if err != nil {
			t.Fatalf("User(%q): %v", name, err)
		}
		if u.Name != "Ana.Lopez" || u.Role != store.RoleEditor || string(u.Password) != "$2a$10$hash-of-Ana.Lopez" {
			t.Errorf("User(%q) = %+v; want the name as created, editor, the hash given", name, u)
		}
		if u.Created.Before(before) || u.Created.After(after) || !u.Updated.Equal(u.Created) {
			t.Errorf("User(%q): created %v, updated %v; want both between %v and %v", name, u.Created, u.Updated, before, after)
		}
		if u.Tokens != 0 {
			t.Errorf("User(%q): %d tokens, want 0", name, u.Tokens)
		}
	}
	// A name is taken whatever its case.
	for _, name := range []string{"Ana.Lopez", "ana.lopez"} {
		err := s.AddUser(ctx, store.User{Name: name, Role: store.RoleAdmin})
		if !errors.Is(err, store.ErrExists) {
			t.Errorf("AddUser of taken name %q: %v, want an error wrapping ErrExists", name, err)
		}
	}
	if u, _ := s.User(ctx, "ana.lopez"); u.Role != store.RoleEditor {
		t.Errorf("a refused AddUser changed the role to %q", u.Role)
	}
	// A user without a password (tokens only) reads back with none.
	if err := s.AddUser(ctx, store.User{Name: "bot-1", Role: store.RoleViewer}); err != nil {
		t.Fatal(err)
	}
	if u, err := s.User(ctx, "bot-1"); err != nil || u.Password != nil {
		t.Errorf("User(bot-1) = %+v, %v; want no password", u, err)
	}
	for _, name := range []string{"nobody", "", "a b", strings.Repeat("x", 65)} {
		if _, err := s.User(ctx, name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("User(%q): %v, want an error wrapping ErrNotFound", name, err)
		}
	}
}

func testPutUser(t *testing.T, s store.Users) {
	ctx := context.Background()
	// PutUser creates ...
	if err := s.PutUser(ctx, store.User{Name: "sam", Role: store.RoleViewer, Password: []byte("h1")}); err != nil {
		t.Fatal(err)
	}
	first, err := s.User(ctx, "sam")
	if err != nil || first.Role != store.RoleViewer || string(first.Password) != "h1" {
		t.Fatalf("after PutUser: %+v, %v", first, err)
	}
	// ... and replaces role and password, keeping the name's case and Created.
	if err := s.PutUser(ctx, store.User{Name: "SAM", Role: store.RoleAdmin, Password: []byte("h2")}); err != nil {
		t.Fatal(err)
	}
	u, err := s.User(ctx, "sam")
	if err != nil || u.Name != "sam" || u.Role != store.RoleAdmin || string(u.Password) != "h2" {
		t.Errorf("after updating PutUser: %+v, %v; want sam, admin, h2", u, err)
	}
	if !u.Created.Equal(first.Created) || u.Updated.Before(first.Updated) {
		t.Errorf("updating PutUser: created %v→%v, updated %v→%v; want created kept, updated not earlier",
			first.Created, u.Created, first.Updated, u.Updated)
	}
	// An empty password removes it.
	if err := s.PutUser(ctx, store.User{Name: "sam", Role: store.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.User(ctx, "sam"); u.Password != nil {
		t.Errorf("PutUser without a password kept %q", u.Password)
	}
}

func testUserRejects(t *testing.T, s store.Users) {
	ctx := context.Background()
	for _, u := range []store.User{
		{Name: "", Role: store.RoleViewer},
		{Name: strings.Repeat("a", 65), Role: store.RoleViewer},
		{Name: "a b", Role: store.RoleViewer},
		{Name: "josé", Role: store.RoleViewer},
		{Name: ".hidden", Role: store.RoleViewer},
		{Name: "-flag", Role: store.RoleViewer},
		{Name: "a/b", Role: store.RoleViewer},
		{Name: "a\x00b", Role: store.RoleViewer},
		{Name: "robert'); DROP TABLE users;--", Role: store.RoleViewer},
		{Name: "ok", Role: ""},
		{Name: "ok", Role: "anonymous"},
		{Name: "ok", Role: "Admin"},
		{Name: "ok", Role: store.RoleAdmin, Password: bytes.Repeat([]byte("x"), store.MaxPasswordHashLen+1)},
	} {
		for op, put := range map[string]func(context.Context, store.User) error{"AddUser": s.AddUser, "PutUser": s.PutUser} {
			if err := put(ctx, u); err == nil {
				t.Errorf("%s(%.40q, role %q) stored it, want an error", op, u.Name, u.Role)
			}
		}
	}
	users, err := s.ListUsers(ctx)
	if err != nil || len(users) != 0 {
		t.Errorf("after refused writes: users %+v, %v; want none", users, err)
	}
	// The longest name and every allowed character are accepted.
	for _, name := range []string{strings.Repeat("a", 64), "a.b_c-d", "9lives", "Z"} {
		if err := s.AddUser(ctx, store.User{Name: name, Role: store.RoleViewer}); err != nil {
			t.Errorf("AddUser(%q): %v", name, err)
		}
	}
}

func testListUsers(t *testing.T, s store.Users) {
	ctx := context.Background()
	if users, err := s.ListUsers(ctx); err != nil || len(users) != 0 {
		t.Fatalf("ListUsers of an empty store = %+v, %v", users, err)
	}
	addUser(t, s, "carol", store.RoleAdmin)
	addUser(t, s, "alice", store.RoleViewer)
	addUser(t, s, "bob", store.RoleEditor)
	now := time.Now()
	for i, exp := range []time.Time{{}, now.Add(time.Hour), now.Add(-time.Hour)} {
		if err := s.PutToken(ctx, store.Token{Hash: secretHash(fmt.Sprint("bob", i)), User: "bob", Expires: exp}); err != nil {
			t.Fatal(err)
		}
	}
	users, err := s.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range users {
		got = append(got, fmt.Sprintf("%s/%s/%d", u.Name, u.Role, u.Tokens))
	}
	// Bob's expired token does not count.
	if want := "alice/viewer/0 bob/editor/2 carol/admin/0"; strings.Join(got, " ") != want {
		t.Errorf("ListUsers = %v, want %s", got, want)
	}
	if u, _ := s.User(ctx, "bob"); u.Tokens != 2 {
		t.Errorf("User(bob) counts %d tokens, want 2", u.Tokens)
	}
}

func testTokens(t *testing.T, s store.Users) {
	ctx := context.Background()
	addUser(t, s, "Dana", store.RoleEditor)
	addUser(t, s, "eve", store.RoleViewer)
	forever := store.Token{Hash: secretHash("forever"), User: "dana", Created: aMoment}
	brief := store.Token{Hash: secretHash("brief"), User: "Dana", Created: aMoment.Add(time.Second), Expires: aMoment.Add(time.Hour)}
	for _, tok := range []store.Token{forever, brief} {
		if err := s.PutToken(ctx, tok); err != nil {
			t.Fatalf("PutToken: %v", err)
		}
	}
	for _, c := range []struct {
		name string
		hash []byte
		now  time.Time
		user string // "" when it must be ErrNotFound
	}{
		{"never-expiring token", forever.Hash, aMoment.AddDate(50, 0, 0), "Dana"},
		{"token before expiry", brief.Hash, aMoment.Add(time.Hour - time.Microsecond), "Dana"},
		{"token at its expiry", brief.Hash, aMoment.Add(time.Hour), ""},
		{"token after expiry", brief.Hash, aMoment.Add(2 * time.Hour), ""},
		{"unknown token", secretHash("guess"), aMoment, ""},
		{"truncated hash", forever.Hash[:16], aMoment, ""},
		{"nil hash", nil, aMoment, ""},
	} {
		u, err := s.TokenUser(ctx, c.hash, c.now)
		if c.user == "" {
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: TokenUser = %+v, %v; want an error wrapping ErrNotFound", c.name, u, err)
			}
			continue
		}
		if err != nil || u.Name != c.user || u.Role != store.RoleEditor {
			t.Errorf("%s: TokenUser = %+v, %v; want %s, editor", c.name, u, err, c.user)
		}
	}
	// The token follows the user's role as it is now.
	if err := s.PutUser(ctx, store.User{Name: "dana", Role: store.RoleViewer}); err != nil {
		t.Fatal(err)
	}
	if u, err := s.TokenUser(ctx, forever.Hash, aMoment); err != nil || u.Role != store.RoleViewer {
		t.Errorf("TokenUser after a role change = %+v, %v; want viewer", u, err)
	}

	got, err := s.ListTokens(ctx, "DANA")
	if err != nil || len(got) != 2 {
		t.Fatalf("ListTokens = %+v, %v; want 2", got, err)
	}
	want := []store.Token{{Hash: forever.Hash, User: "Dana", Created: aMoment}, brief}
	for i := range want {
		g, w := got[i], want[i]
		if !bytes.Equal(g.Hash, w.Hash) || g.User != w.User || !g.Created.Equal(w.Created) || !g.Expires.Equal(w.Expires) {
			t.Errorf("ListTokens[%d] = %+v, want %+v", i, g, w)
		}
	}
	if got, err := s.ListTokens(ctx, "eve"); err != nil || len(got) != 0 {
		t.Errorf("ListTokens of a user without tokens = %+v, %v", got, err)
	}
	if got, err := s.ListTokens(ctx, "nobody"); err != nil || len(got) != 0 {
		t.Errorf("ListTokens of an unknown user = %+v, %v", got, err)
	}

	if err := s.DeleteToken(ctx, brief.Hash); err != nil {
		t.Fatalf("DeleteToken: %v", err)
	}
	if _, err := s.TokenUser(ctx, brief.Hash, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TokenUser of a deleted token: %v, want ErrNotFound", err)
	}
	if err := s.DeleteToken(ctx, brief.Hash); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DeleteToken twice: %v, want ErrNotFound", err)
	}
	if _, err := s.TokenUser(ctx, forever.Hash, aMoment); err != nil {
		t.Errorf("deleting one token took another: %v", err)
	}
}

func testTokenRejects(t *testing.T, s store.Users) {
	ctx := context.Background()
	addUser(t, s, "fay", store.RoleViewer)
	ok := secretHash("fay")
	if err := s.PutToken(ctx, store.Token{Hash: ok, User: "fay"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tok  store.Token
		is   error // nil: any error
	}{
		{"unknown user", store.Token{Hash: secretHash("x"), User: "ghost"}, store.ErrNotFound},
		{"hash already stored", store.Token{Hash: ok, User: "fay"}, store.ErrExists},
		{"short hash", store.Token{Hash: ok[:31], User: "fay"}, nil},
		{"long hash", store.Token{Hash: append(bytes.Clone(ok), 0), User: "fay"}, nil},
		{"no hash", store.Token{User: "fay"}, nil},
		{"no user", store.Token{Hash: secretHash("y")}, nil},
	} {
		err := s.PutToken(ctx, c.tok)
		if err == nil || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("PutToken with %s: %v, want an error wrapping %v", c.name, err, c.is)
		}
	}
	if got, _ := s.ListTokens(ctx, "fay"); len(got) != 1 {
		t.Errorf("after refused tokens fay has %d, want 1", len(got))
	}
}

func testSessions(t *testing.T, s store.Users) {
	ctx := context.Background()
	addUser(t, s, "gil", store.RoleAdmin)
	sess := store.Session{Hash: secretHash("cookie"), User: "GIL", CSRF: "csrf-token-1", Created: aMoment, Expires: aMoment.Add(12 * time.Hour)}
	if err := s.PutSession(ctx, sess); err != nil {
		t.Fatalf("PutSession: %v", err)
	}
	got, u, err := s.Session(ctx, sess.Hash, aMoment.Add(time.Hour))
	if err != nil {
		t.Fatalf("Session: %v", err)
	}
	if !bytes.Equal(got.Hash, sess.Hash) || got.User != "gil" || got.CSRF != sess.CSRF || !got.Created.Equal(sess.Created) || !got.Expires.Equal(sess.Expires) {
		t.Errorf("Session = %+v, want %+v with the user's name as stored", got, sess)
	}
	if u.Name != "gil" || u.Role != store.RoleAdmin {
		t.Errorf("Session's user = %+v, want gil, admin", u)
	}
	for _, c := range []struct {
		name string
		hash []byte
		now  time.Time
	}{
		{"at expiry", sess.Hash, sess.Expires},
		{"after expiry", sess.Hash, sess.Expires.Add(time.Minute)},
		{"unknown", secretHash("forged"), aMoment},
		{"nil hash", nil, aMoment},
	} {
		if _, _, err := s.Session(ctx, c.hash, c.now); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Session %s: %v, want an error wrapping ErrNotFound", c.name, err)
		}
	}

	// Expired sessions go, live ones stay.
	old := store.Session{Hash: secretHash("old"), User: "gil", CSRF: "c2", Created: aMoment, Expires: aMoment.Add(time.Hour)}
	if err := s.PutSession(ctx, old); err != nil {
		t.Fatal(err)
	}
	n, err := s.DeleteExpiredSessions(ctx, aMoment.Add(2*time.Hour))
	if err != nil || n != 1 {
		t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
	}
	if _, _, err := s.Session(ctx, old.Hash, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an expired session survived DeleteExpiredSessions: %v", err)
	}
	if _, _, err := s.Session(ctx, sess.Hash, aMoment.Add(2*time.Hour)); err != nil {
		t.Errorf("DeleteExpiredSessions took a live session: %v", err)
	}

	// Ending a user's sessions leaves other users' alone.
	addUser(t, s, "hana", store.RoleViewer)
	hers := store.Session{Hash: secretHash("hers"), User: "hana", CSRF: "c3", Expires: sess.Expires}
	if err := s.PutSession(ctx, hers); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteUserSessions(ctx, "Hana"); err != nil || n != 1 {
		t.Errorf("DeleteUserSessions = %d, %v; want 1", n, err)
	}
	if _, _, err := s.Session(ctx, hers.Hash, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a session survived DeleteUserSessions: %v", err)
	}
	if n, err := s.DeleteUserSessions(ctx, "nobody"); err != nil || n != 0 {
		t.Errorf("DeleteUserSessions of an unknown user = %d, %v; want 0, nil", n, err)
	}

	if err := s.DeleteSession(ctx, sess.Hash); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	if _, _, err := s.Session(ctx, sess.Hash, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Session after DeleteSession: %v, want ErrNotFound", err)
	}
	if err := s.DeleteSession(ctx, sess.Hash); err != nil {
		t.Errorf("DeleteSession twice: %v, want nil", err)
	}
}

func testSessionRejects(t *testing.T, s store.Users) {
	ctx := context.Background()
	addUser(t, s, "hal", store.RoleViewer)
	good := store.Session{Hash: secretHash("s"), User: "hal", CSRF: "c", Expires: aMoment}
	if err := s.PutSession(ctx, good); err != nil {
		t.Fatal(err)
	}
	// with returns good changed by f, under a hash of its own.
	made := 0
	with := func(f func(*store.Session)) store.Session {
		made++
		c := good
		c.Hash = secretHash(fmt.Sprint("session ", made))
		f(&c)
		return c
	}
	for _, c := range []struct {
		name string
		s    store.Session
		is   error
	}{
		{"unknown user", with(func(s *store.Session) { s.User = "ghost" }), store.ErrNotFound},
		{"hash already stored", good, store.ErrExists},
		{"short hash", with(func(s *store.Session) { s.Hash = s.Hash[:8] }), nil},
		{"no CSRF token", with(func(s *store.Session) { s.CSRF = "" }), nil},
		{"long CSRF token", with(func(s *store.Session) { s.CSRF = strings.Repeat("c", store.MaxCSRFLen+1) }), nil},
		{"no expiry", with(func(s *store.Session) { s.Expires = time.Time{} }), nil},
		{"bad user name", with(func(s *store.Session) { s.User = "a b" }), nil},
	} {
		err := s.PutSession(ctx, c.s)
		if err == nil || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("PutSession with %s: %v, want an error wrapping %v", c.name, err, c.is)
		}
	}
}

func testRemoveUser(t *testing.T, s store.Users) {
	ctx := context.Background()
	addUser(t, s, "ivan", store.RoleEditor)
	addUser(t, s, "jo", store.RoleEditor)
	tok, sess := secretHash("ivan-token"), secretHash("ivan-session")
	if err := s.PutToken(ctx, store.Token{Hash: tok, User: "ivan"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSession(ctx, store.Session{Hash: sess, User: "ivan", CSRF: "c", Expires: aMoment.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(ctx, "IVAN"); err != nil {
		t.Fatalf("RemoveUser: %v", err)
	}
	if _, err := s.User(ctx, "ivan"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("User after RemoveUser: %v, want ErrNotFound", err)
	}
	// A new user of the same name must not inherit the old one's access.
	addUser(t, s, "ivan", store.RoleAdmin)
	if u, err := s.TokenUser(ctx, tok, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a removed user's token still gives %+v, %v", u, err)
	}
	if _, u, err := s.Session(ctx, sess, aMoment); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a removed user's session still gives %+v, %v", u, err)
	}
	if err := s.RemoveUser(ctx, "nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RemoveUser of an unknown user: %v, want ErrNotFound", err)
	}
	if _, err := s.User(ctx, "jo"); err != nil {
		t.Errorf("RemoveUser took another user: %v", err)
	}
}

// testConcurrentAddUser races writers for one name: exactly one wins.
func testConcurrentAddUser(t *testing.T, s store.Users) {
	ctx := context.Background()
	const n = 16
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		won     int
		refused int
	)
	for i := range n {
		wg.Go(func() {
			name := "kim"
			if i%2 == 1 {
				name = "KIM"
			}
			err := s.AddUser(ctx, store.User{Name: name, Role: store.RoleViewer})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case errors.Is(err, store.ErrExists):
				refused++
			default:
				t.Errorf("AddUser: %v", err)
			}
		})
	}
	wg.Wait()
	if won != 1 || refused != n-1 {
		t.Errorf("%d concurrent AddUser of one name: %d stored, %d refused; want 1 and %d", n, won, refused, n-1)
	}
}

func testUsersCanceledContext(t *testing.T, s store.Users) {
	addUser(t, s, "lee", store.RoleViewer)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.AddUser(ctx, store.User{Name: "max", Role: store.RoleViewer}); err == nil {
		t.Error("AddUser with a canceled context succeeded")
	}
	if _, err := s.User(ctx, "lee"); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("User with a canceled context: %v, want the context's error", err)
	}
	if _, err := s.ListUsers(ctx); err == nil {
		t.Error("ListUsers with a canceled context succeeded")
	}
	if _, err := s.TokenUser(ctx, secretHash("x"), aMoment); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("TokenUser with a canceled context: %v, want the context's error", err)
	}
}
