package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

func TestAdminManagesRolesAndTokens(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "users.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, role := range map[string]string{"ada": store.RoleAdmin, "edna": store.RoleEditor} {
		hash, err := auth.HashPassword("correct horse " + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutUser(ctx, store.User{Name: name, Role: role, Password: hash}); err != nil {
			t.Fatal(err)
		}
	}
	a := auth.New(db, auth.Options{})
	srv := httptest.NewServer(a.Middleware(New(db, quietLog(), Options{Auth: a})))
	defer srv.Close()
	signedIn := func(name string) (*browser, string) {
		b := &browser{t: t, base: srv.URL}
		b.do("POST", "/login", url.Values{"name": {name}, "password": {"correct horse " + name}})
		_, page := b.do("GET", "/", nil)
		m := regexp.MustCompile(`name="csrf-token" content="([^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no CSRF token on the page after signing in", name)
		}
		return b, m[1]
	}

	editor, _ := signedIn("edna")
	if resp, _ := editor.do("GET", "/admin/users", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an editor opens the users page: %d, want 403", resp.StatusCode)
	}
	admin, csrf := signedIn("ada")
	resp, page := admin.do("GET", "/admin/users", nil)
	if resp.StatusCode != 200 || !strings.Contains(page, `id="users"`) || !strings.Contains(page, "edna") {
		t.Fatalf("users page: %d", resp.StatusCode)
	}
	for _, tt := range []struct {
		name, path string
		form       url.Values
		status     int
		says       string
	}{
		{"an unknown role", "/admin/users/edna/role", url.Values{"role": {"owner"}, "csrf": {csrf}}, 422, "expected viewer, editor or admin"},
		{"demoting oneself", "/admin/users/ada/role", url.Values{"role": {"viewer"}, "csrf": {csrf}}, 422, "from yourself"},
		{"an unknown user", "/admin/users/nobody/role", url.Values{"role": {"viewer"}, "csrf": {csrf}}, 404, "no user"},
		{"no CSRF token", "/admin/users/edna/role", url.Values{"role": {"viewer"}}, 403, ""},
		{"edna becomes a viewer", "/admin/users/edna/role", url.Values{"role": {"viewer"}, "csrf": {csrf}}, 303, ""},
	} {
		resp, body := admin.do("POST", tt.path, tt.form)
		if resp.StatusCode != tt.status || !strings.Contains(body, tt.says) {
			t.Errorf("%s: %d, want %d saying %q", tt.name, resp.StatusCode, tt.status, tt.says)
		}
	}
	if u, _ := db.User(ctx, "edna"); u.Role != store.RoleViewer {
		t.Errorf("edna's role is %s after the change, want viewer", u.Role)
	}

	resp, page = admin.do("POST", "/admin/users/edna/tokens", url.Values{"csrf": {csrf}})
	m := regexp.MustCompile(`<code id="issued-token">([^<]+)</code>`).FindStringSubmatch(page)
	if resp.StatusCode != 200 || m == nil || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("issue a token: %d, token shown %v, Cache-Control %q", resp.StatusCode, m != nil, resp.Header.Get("Cache-Control"))
	}
	if _, err := db.TokenUser(ctx, auth.HashSecret(m[1]), time.Now()); err != nil {
		t.Errorf("the token shown does not authenticate: %v", err)
	}
	if _, page := admin.do("GET", "/admin/users", nil); strings.Contains(page, m[1]) {
		t.Error("the token is shown again after it was issued")
	}
}
