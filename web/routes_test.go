package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/auth"
)

// sessionWrites are the only writes open to less than an editor: signing
// in (which anonymous visitors must reach) and out (any signed-in user).
var sessionWrites = map[string]bool{"POST /login": true, "POST /logout": true}

// TestRouteTable walks every registered route: none that writes may be
// open to less than an editor, and every page that reads sends an
// anonymous visitor to sign in unless reading is open.
func TestRouteTable(t *testing.T) {
	st := demoStore(t)
	seed := loadSeed(t, st)
	h := New(st, quietLog(), Options{})
	// A write route as the desk would add one, so that the walk covers one.
	h.handle("POST /test-write/{id}", auth.Editor, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	example := map[string]string{
		"{id}":  seed.story,
		"{key}": url.PathEscape(seed.speaker),
	}
	routes := h.Routes()
	if len(routes) < 8 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	for _, rt := range routes {
		if !auth.SafeMethod(rt.Method) && rt.Min < auth.Editor && !sessionWrites[rt.Method+" "+rt.Pattern] {
			t.Errorf("%s %s needs only %s; a write needs editor or more", rt.Method, rt.Pattern, rt.Min)
		}
		if rt.Method != http.MethodGet || rt.Min == auth.Anonymous {
			continue
		}
		path := strings.ReplaceAll(rt.Pattern, "{$}", "")
		for k, v := range example {
			path = strings.ReplaceAll(path, k, v)
		}
		if strings.HasPrefix(rt.Pattern, "/incidents/") || strings.HasPrefix(rt.Pattern, "/review/") {
			path = strings.Replace(path, seed.story, seed.threat, 1)
		}
		if strings.HasPrefix(rt.Pattern, "/articles/") {
			path = strings.Replace(path, seed.story, seed.article, 1) + "?at=0"
		}
		// Signed in with the role the route asks, or anonymous where
		// reading is open: served (whatever the page then answers, it is
		// not a refusal of the guard). Anonymous otherwise: sent to sign
		// in. One role short: refused.
		allowed := auth.Principal{User: "u", Role: max(rt.Min, auth.Viewer), Session: true, CSRF: "tok"}
		for _, c := range []struct {
			name     string
			p        auth.Principal
			openRead bool
			want     int // 0: served
		}{
			{"anonymous", auth.Principal{}, false, http.StatusSeeOther},
			{"anonymous, open read", auth.Principal{}, true, map[bool]int{true: 0, false: http.StatusSeeOther}[rt.Min <= auth.Viewer]},
			{"allowed", allowed, false, 0},
			{"one role short", auth.Principal{User: "s", Role: rt.Min - 1, Session: true, CSRF: "tok"}, false, map[bool]int{true: http.StatusSeeOther, false: http.StatusForbidden}[rt.Min-1 == auth.Anonymous]},
		} {
			hh := New(st, quietLog(), Options{OpenRead: c.openRead})
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req = req.WithContext(auth.WithPrincipal(req.Context(), c.p))
			w := httptest.NewRecorder()
			hh.ServeHTTP(w, req)
			refused := w.Code == http.StatusSeeOther || w.Code == http.StatusUnauthorized || w.Code == http.StatusForbidden
			switch {
			case c.want == 0 && refused:
				t.Errorf("%s: GET %s: refused with %d", c.name, path, w.Code)
			case c.want != 0 && w.Code != c.want:
				t.Errorf("%s: GET %s: status %d, want %d", c.name, path, w.Code, c.want)
			}
			if c.want == http.StatusSeeOther {
				if loc := w.Header().Get("Location"); loc != "/login?next="+url.QueryEscape(path) {
					t.Errorf("%s: GET %s: redirected to %q", c.name, path, loc)
				}
			}
		}
	}
}

func TestGuardWrites(t *testing.T) {
	st := demoStore(t)
	editor := auth.Principal{User: "ed", Role: auth.Editor, Session: true, CSRF: "s3cret"}
	cases := []struct {
		name     string
		p        auth.Principal
		openRead bool
		form     string
		header   string
		want     int
	}{
		{"anonymous", auth.Principal{}, false, "csrf=s3cret", "", http.StatusUnauthorized},
		{"anonymous, open read", auth.Principal{}, true, "", "", http.StatusUnauthorized},
		{"viewer", auth.Principal{User: "v", Role: auth.Viewer, Session: true, CSRF: "s3cret"}, false, "csrf=s3cret", "", http.StatusForbidden},
		{"editor without token", editor, false, "", "", http.StatusForbidden},
		{"editor with a wrong token", editor, false, "csrf=guess", "", http.StatusForbidden},
		{"editor with a prefix of the token", editor, false, "csrf=s3cre", "", http.StatusForbidden},
		{"editor, token in form", editor, false, "csrf=s3cret", "", http.StatusNoContent},
		{"editor, token in header", editor, false, "", "s3cret", http.StatusNoContent},
		{"session without a token", auth.Principal{User: "e", Role: auth.Editor, Session: true}, false, "csrf=", "", http.StatusForbidden},
		{"admin by API token", auth.Principal{User: "bot", Role: auth.Admin}, false, "", "", http.StatusNoContent},
	}
	for _, c := range cases {
		h := New(st, quietLog(), Options{OpenRead: c.openRead})
		h.handle("POST /test-write/{id}", auth.Editor, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		req := httptest.NewRequest(http.MethodPost, "/test-write/x", strings.NewReader(c.form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if c.header != "" {
			req.Header.Set("X-CSRF-Token", c.header)
		}
		req = req.WithContext(auth.WithPrincipal(req.Context(), c.p))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, w.Code, c.want)
		}
		if w.Header().Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Errorf("%s: no CSP", c.name)
		}
	}
}

func TestHandleNeedsAMethod(t *testing.T) {
	h := New(demoStore(t), quietLog(), Options{})
	defer func() {
		if recover() == nil {
			t.Error("a route without a method was accepted")
		}
	}()
	h.handle("/anything", auth.Admin, func(http.ResponseWriter, *http.Request) {})
}

// TestLayoutShowsPrincipal: the header offers sign-in to anonymous
// visitors, and a signed-in user a logout form with the CSRF token.
func TestLayoutShowsPrincipal(t *testing.T) {
	st := demoStore(t)
	for _, c := range []struct {
		p          auth.Principal
		want, lack []string
	}{
		{auth.Principal{}, []string{`href="/login"`}, []string{`action="/logout"`, "csrf-token"}},
		{auth.Principal{User: "eve<b>", Role: auth.Editor, Session: true, CSRF: `t"ok`}, []string{`action="/logout"`, `name="csrf" value="t&#34;ok"`, `<meta name="csrf-token" content="t&#34;ok"`, "eve&lt;b&gt;"}, []string{`href="/login"`}},
	} {
		srv := httptest.NewServer(withPrincipal(New(st, quietLog(), Options{OpenRead: true}), c.p))
		r := fetchPage(t, srv.URL+"/search")
		srv.Close()
		for _, s := range c.want {
			if !strings.Contains(r.body, s) {
				t.Errorf("%+v: page lacks %s", c.p, s)
			}
		}
		for _, s := range c.lack {
			if strings.Contains(r.body, s) {
				t.Errorf("%+v: page has %s", c.p, s)
			}
		}
	}
}
