package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// route is one endpoint of either router, as the authorization tests walk
// them.
type route struct {
	method, pattern string
	min             auth.Role
}

// deskRoutes lists every route of the API and of the pages: the routers
// record each route with the role it needs as they register it, so a new
// route is in this list without anyone editing the test.
func deskRoutes(d desk) []route {
	var out []route
	for _, r := range d.api.Routes() {
		out = append(out, route{r.Method, r.Pattern, r.Min})
	}
	for _, r := range d.web.Routes() {
		out = append(out, route{r.Method, r.Pattern, r.Min})
	}
	return out
}

// concrete fills a pattern's wildcards: the guard refuses before any
// handler reads them.
func concrete(pattern string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		j := strings.IndexByte(pattern[i:], '}')
		b.WriteString(pattern[:i])
		if pattern[i:i+j+1] != "{$}" {
			b.WriteString("s0123456789abcdef-0123456789ab")
		}
		pattern = pattern[i+j+1:]
	}
}

func deskStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// addUser makes a user with an API token and returns the token.
func addUser(t *testing.T, st store.Users, name, role string) string {
	t.Helper()
	if err := st.PutUser(context.Background(), store.User{Name: name, Role: role}); err != nil {
		t.Fatal(err)
	}
	secret, hash := auth.NewToken()
	if err := st.PutToken(context.Background(), store.Token{Hash: hash, User: name}); err != nil {
		t.Fatal(err)
	}
	return secret
}

func TestEveryWriteNeedsAnEditor(t *testing.T) {
	db := deskStore(t)
	viewer := addUser(t, db, "vera", store.RoleViewer)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, open := range []bool{false, true} {
		d := newDesk(db, log, serveFlags{OpenRead: open})
		srv := httptest.NewServer(d)
		routes := deskRoutes(d)
		if len(routes) < 20 {
			t.Fatalf("only %d routes listed: the routers no longer record them", len(routes))
		}
		writes := 0
		for _, r := range routes {
			if auth.SafeMethod(r.method) {
				continue
			}
			writes++
			if r.min < auth.Editor && r.pattern != "/login" && r.pattern != "/logout" {
				t.Errorf("%s %s needs only the %s role: every write needs an editor", r.method, r.pattern, r.min)
			}
			if r.pattern == "/login" || r.pattern == "/logout" {
				continue // signing in and out change no record
			}
			for _, who := range []struct {
				name, token string
				want        int
			}{{"anonymous", "", http.StatusUnauthorized}, {"viewer", viewer, http.StatusForbidden}} {
				req, _ := http.NewRequest(r.method, srv.URL+concrete(r.pattern), strings.NewReader(`{"action":"accept"}`))
				req.Header.Set("Content-Type", "application/json")
				if who.token != "" {
					req.Header.Set("Authorization", "Bearer "+who.token)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != who.want {
					t.Errorf("open read %v: %s %s as %s: status %d, want %d", open, r.method, r.pattern, who.name, resp.StatusCode, who.want)
				}
			}
		}
		if writes < 3 {
			t.Errorf("only %d writing routes found; the review routes are missing", writes)
		}
		srv.Close()
	}
}

func TestReadingNeedsAViewerUnlessOpened(t *testing.T) {
	db := deskStore(t)
	viewer := addUser(t, db, "vera", store.RoleViewer)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tt := range []struct {
		open        bool
		token       string
		wantRefused bool
	}{
		{open: false, wantRefused: true},
		{open: true, wantRefused: false},
		{open: false, token: viewer, wantRefused: false},
	} {
		d := newDesk(db, log, serveFlags{OpenRead: tt.open})
		srv := httptest.NewServer(d)
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for _, r := range deskRoutes(d) {
			if r.method != http.MethodGet || r.min != auth.Viewer {
				continue
			}
			req, _ := http.NewRequest(r.method, srv.URL+concrete(r.pattern), nil)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			refused := resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login")
			if refused != tt.wantRefused {
				t.Errorf("open read %v, token %v: GET %s: status %d (location %q), refused %v, want %v",
					tt.open, tt.token != "", r.pattern, resp.StatusCode, resp.Header.Get("Location"), refused, tt.wantRefused)
			}
		}
		srv.Close()
	}
}
