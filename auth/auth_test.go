package auth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// clock is a settable clock the server goroutines read.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// desk is a test server: a real SQLite store, the Authenticator in front of
// a few routes, and three users with a password and a token each.
type desk struct {
	path   string
	db     *sqlite.DB
	a      *auth.Authenticator
	srv    *httptest.Server
	clock  *clock
	tokens map[string]string // user → token secret
}

// The password of every test user but "bot", who has none.
const password = "correct horse battery"

var deskUsers = []struct{ name, role string }{{"vera", "viewer"}, {"ed", "editor"}, {"ada", "admin"}, {"bot", "editor"}}

// passwordHash is the test users' password hash, at bcrypt's lowest cost
// so that each sign-in is quick (under the race detector above all);
// CheckPassword reads the cost from the hash. Refused sign-ins of unknown
// names still pay the full PasswordCost.
func passwordHash(t testing.TB) []byte {
	t.Helper()
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func newDesk(t testing.TB, opts auth.Options) *desk {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d := &desk{path: path, db: db, clock: &clock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}, tokens: map[string]string{}}
	for _, u := range deskUsers {
		var pw []byte
		if u.name != "bot" {
			pw = passwordHash(t)
		}
		if err := db.AddUser(ctx, store.User{Name: u.name, Role: u.role, Password: pw}); err != nil {
			t.Fatal(err)
		}
		secret, hash := auth.NewToken()
		if err := db.PutToken(ctx, store.Token{Hash: hash, User: u.name, Created: d.clock.Now(), Expires: d.clock.Now().Add(30 * 24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		d.tokens[u.name] = secret
	}
	opts.Now = d.clock.Now
	d.a = auth.New(db, opts)

	whoami := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := auth.FromContext(r.Context())
		fmt.Fprintf(w, "%s/%s/session=%v", p.User, p.Role, p.Session)
	})
	done := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "done") })
	mux := http.NewServeMux()
	for _, prefix := range []string{"", "/api"} {
		mux.Handle("GET "+prefix+"/whoami", d.a.Require(auth.Viewer, whoami))
		mux.Handle("POST "+prefix+"/review", d.a.Require(auth.Editor, done))
		mux.Handle("DELETE "+prefix+"/review", d.a.Require(auth.Editor, done))
		mux.Handle("POST "+prefix+"/users", d.a.Require(auth.Admin, done))
	}
	mux.Handle("POST /login", d.a.Require(auth.Anonymous, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := d.a.Login(w, r, r.PostFormValue("name"), r.PostFormValue("password"))
		if errors.Is(err, auth.ErrBadCredentials) {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, p.CSRF)
	})))
	mux.Handle("POST /logout", d.a.Require(auth.Viewer, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := d.a.Logout(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})))
	d.srv = httptest.NewServer(d.a.Middleware(mux))
	t.Cleanup(d.srv.Close)
	return d
}

// req describes one request; cookies are sent by hand because Go's
// cookie jar keeps Secure cookies off plain HTTP, which browsers do not
// for 127.0.0.1.
type req struct {
	method, path string
	form         url.Values
	header       map[string]string
	cookie       *http.Cookie
}

type resp struct {
	status int
	header http.Header
	body   string
	cookie *http.Cookie // the session cookie set, if any
}

func (d *desk) do(t testing.TB, q req) resp {
	t.Helper()
	var body io.Reader
	if q.form != nil {
		body = strings.NewReader(q.form.Encode())
	}
	r, err := http.NewRequest(q.method, d.srv.URL+q.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if q.form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range q.header {
		r.Header.Set(k, v)
	}
	if q.cookie != nil {
		r.AddCookie(&http.Cookie{Name: q.cookie.Name, Value: q.cookie.Value})
	}
	res, err := d.srv.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := resp{status: res.StatusCode, header: res.Header, body: string(b)}
	for _, c := range res.Cookies() {
		if c.Name == d.a.CookieName() {
			out.cookie = c
		}
	}
	return out
}

// login signs a user in and returns the session cookie and CSRF token.
func (d *desk) login(t testing.TB, name string) (*http.Cookie, string) {
	t.Helper()
	r := d.do(t, req{method: "POST", path: "/login", form: url.Values{"name": {name}, "password": {password}}})
	if r.status != http.StatusOK || r.cookie == nil {
		t.Fatalf("login %s: %d %q, cookie %v", name, r.status, r.body, r.cookie)
	}
	return r.cookie, r.body
}

func bearer(secret string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + secret}
}

func TestBearer(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	unknown, _ := auth.NewToken()
	for _, c := range []struct {
		name   string
		header map[string]string
		status int
		body   string // the whoami answer, or the start of the error message
	}{
		{"viewer token", bearer(d.tokens["vera"]), 200, "vera/viewer/session=false"},
		{"admin token", bearer(d.tokens["ada"]), 200, "ada/admin/session=false"},
		{"token of a user without password", bearer(d.tokens["bot"]), 200, "bot/editor/session=false"},
		{"lower-case scheme", map[string]string{"Authorization": "bearer " + d.tokens["ed"]}, 200, "ed/editor/session=false"},
		{"no credentials", nil, 401, "sign in or send an API token"},
		{"unknown token", bearer(unknown), 401, "unknown or expired API token"},
		{"basic auth", map[string]string{"Authorization": "Basic dmVyYTpwdw=="}, 401, "authorization: expected"},
		{"scheme alone", map[string]string{"Authorization": "Bearer"}, 401, "authorization: expected"},
		{"truncated token", bearer(d.tokens["vera"][:30]), 401, "authorization: not a sitrep API token"},
		{"token without prefix", bearer(strings.TrimPrefix(d.tokens["vera"], auth.TokenPrefix)), 401, "authorization: not a sitrep API token"},
		{"token with a trailing byte", bearer(d.tokens["vera"] + "A"), 401, "authorization: not a sitrep API token"},
		{"token of another case", bearer(strings.ToUpper(d.tokens["vera"])), 401, ""},
	} {
		for _, path := range []string{"/api/whoami", "/whoami"} {
			r := d.do(t, req{method: "GET", path: path, header: c.header})
			if r.status != c.status {
				t.Errorf("%s on %s: status %d, want %d (%s)", c.name, path, r.status, c.status, r.body)
				continue
			}
			msg := r.body
			if c.status != 200 {
				msg = errorMessage(t, path, r)
				if got := r.header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
					t.Errorf("%s on %s: WWW-Authenticate %q, want a Bearer challenge", c.name, path, got)
				}
			}
			if !strings.HasPrefix(msg, c.body) {
				t.Errorf("%s on %s: %q, want %q", c.name, path, msg, c.body)
			}
		}
	}
	// Two Authorization headers are refused rather than one chosen.
	r, _ := http.NewRequest("GET", d.srv.URL+"/api/whoami", nil)
	r.Header.Add("Authorization", "Bearer "+d.tokens["vera"])
	r.Header.Add("Authorization", "Bearer "+d.tokens["ada"])
	res, err := d.srv.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 401 {
		t.Errorf("two Authorization headers: status %d, want 401", res.StatusCode)
	}
}

// errorMessage checks an error's form (JSON under /api/, plain text
// elsewhere) and returns its message.
func errorMessage(t *testing.T, path string, r resp) string {
	t.Helper()
	ct := r.header.Get("Content-Type")
	if !strings.HasPrefix(path, "/api/") {
		if ct != "text/plain; charset=utf-8" || strings.Contains(r.body, "<") {
			t.Errorf("%s: error as %q: %q, want short plain text", path, ct, r.body)
		}
		return strings.TrimSpace(r.body)
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	if ct != "application/json; charset=utf-8" || json.Unmarshal([]byte(r.body), &e) != nil {
		t.Errorf("%s: error as %q: %q, want JSON", path, ct, r.body)
	}
	want := map[int]string{401: "unauthorized", 403: "forbidden"}[r.status]
	if e.Error.Code != want {
		t.Errorf("%s: error code %q for status %d, want %q", path, e.Error.Code, r.status, want)
	}
	return e.Error.Message
}

func TestTokenLifecycle(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	ctx := context.Background()
	whoami := func() int {
		return d.do(t, req{method: "GET", path: "/api/whoami", header: bearer(d.tokens["ed"])}).status
	}
	if got := whoami(); got != 200 {
		t.Fatalf("fresh token: %d", got)
	}
	// A role change applies to the next request.
	if err := d.db.PutUser(ctx, store.User{Name: "ed", Role: "viewer"}); err != nil {
		t.Fatal(err)
	}
	if r := d.do(t, req{method: "POST", path: "/api/review", header: bearer(d.tokens["ed"])}); r.status != 403 {
		t.Errorf("write by a demoted user: %d, want 403", r.status)
	}
	// Tokens expire.
	d.clock.Advance(30*24*time.Hour - time.Second)
	if got := whoami(); got != 200 {
		t.Errorf("token a second before expiry: %d, want 200", got)
	}
	d.clock.Advance(time.Second)
	if got := whoami(); got != 401 {
		t.Errorf("token at expiry: %d, want 401", got)
	}
	// A removed user's tokens die with them.
	if err := d.db.RemoveUser(ctx, "vera"); err != nil {
		t.Fatal(err)
	}
	d.clock.Advance(-time.Hour)
	if r := d.do(t, req{method: "GET", path: "/api/whoami", header: bearer(d.tokens["vera"])}); r.status != 401 {
		t.Errorf("token of a removed user: %d, want 401", r.status)
	}
}

func TestLoginLogout(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	r := d.do(t, req{method: "POST", path: "/login", form: url.Values{"name": {"ED"}, "password": {password}}})
	if r.status != 200 || r.cookie == nil {
		t.Fatalf("login: %d %q, cookie %v", r.status, r.body, r.cookie)
	}
	c := r.cookie
	if c.Name != "__Host-sitrep" || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Domain != "" {
		t.Errorf("session cookie %s: want __Host-sitrep, HttpOnly, Secure, SameSite=Strict, Path=/, no Domain", c)
	}
	if c.MaxAge != int(auth.DefaultSessionTTL/time.Second) {
		t.Errorf("session cookie Max-Age %d, want %d", c.MaxAge, int(auth.DefaultSessionTTL/time.Second))
	}
	csrf := r.body
	if len(csrf) < 40 {
		t.Errorf("CSRF token %q: too short to be 256 random bits", csrf)
	}
	if got := d.do(t, req{method: "GET", path: "/whoami", cookie: c}); got.status != 200 || got.body != "ed/editor/session=true" {
		t.Errorf("whoami with the session: %d %q", got.status, got.body)
	}

	// Logging out ends the session in the store, not only in the browser.
	out := d.do(t, req{method: "POST", path: "/logout", cookie: c, header: map[string]string{"X-CSRF-Token": csrf}})
	if out.status != 200 {
		t.Fatalf("logout: %d %q", out.status, out.body)
	}
	if out.cookie == nil || out.cookie.MaxAge >= 0 || out.cookie.Value != "" {
		t.Errorf("logout's cookie %v, want it cleared", out.cookie)
	}
	after := d.do(t, req{method: "GET", path: "/whoami", cookie: c})
	if after.status != 401 {
		t.Errorf("the old cookie after logout: %d %q, want 401", after.status, after.body)
	}
	if after.cookie == nil || after.cookie.MaxAge >= 0 {
		t.Errorf("a dead session's cookie was not cleared: %v", after.cookie)
	}
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{SessionTTL: time.Hour})
	c, _ := d.login(t, "vera")
	if c.MaxAge != 3600 {
		t.Errorf("Max-Age %d, want 3600", c.MaxAge)
	}
	d.clock.Advance(time.Hour - time.Second)
	if r := d.do(t, req{method: "GET", path: "/whoami", cookie: c}); r.status != 200 {
		t.Errorf("a second before expiry: %d", r.status)
	}
	d.clock.Advance(time.Second)
	if r := d.do(t, req{method: "GET", path: "/whoami", cookie: c}); r.status != 401 {
		t.Errorf("at expiry: %d, want 401", r.status)
	}
	// The next sign-in sweeps the expired session away.
	d.login(t, "ed")
	n, err := d.db.DeleteExpiredSessions(context.Background(), d.clock.Now())
	if err != nil || n != 0 {
		t.Errorf("expired sessions left after a sign-in: %d, %v", n, err)
	}
}

func TestLoginEndsEarlierSession(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	first, csrf := d.login(t, "vera")
	// Signed in, the sign-in form is a write like any other.
	form := url.Values{"name": {"ed"}, "password": {password}}
	if r := d.do(t, req{method: "POST", path: "/login", cookie: first, form: form}); r.status != 403 {
		t.Errorf("sign-in from a session without its CSRF token: %d %q, want 403", r.status, r.body)
	}
	form.Set("csrf", csrf)
	r := d.do(t, req{method: "POST", path: "/login", cookie: first, form: form})
	if r.status != 200 || r.cookie == nil || r.cookie.Value == first.Value {
		t.Fatalf("second login: %d, cookie %v", r.status, r.cookie)
	}
	if got := d.do(t, req{method: "GET", path: "/whoami", cookie: first}); got.status != 401 {
		t.Errorf("the session before sign-in still works: %d %q", got.status, got.body)
	}
	if got := d.do(t, req{method: "GET", path: "/whoami", cookie: r.cookie}); got.body != "ed/editor/session=true" {
		t.Errorf("the new session: %d %q", got.status, got.body)
	}
}

func TestLoginRefused(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	for _, c := range []struct{ name, user, password string }{
		{"wrong password", "ed", "correct horse batterY"},
		{"empty password", "ed", ""},
		{"unknown user", "nobody", password},
		{"invalid name", "ed; --", password},
		{"user without a password", "bot", password},
	} {
		r := d.do(t, req{method: "POST", path: "/login", form: url.Values{"name": {c.user}, "password": {c.password}}})
		if r.status != 401 || r.cookie != nil {
			t.Errorf("%s: %d %q, cookie %v; want 401 and no cookie", c.name, r.status, r.body, r.cookie)
		}
		if strings.TrimSpace(r.body) != auth.ErrBadCredentials.Error() {
			t.Errorf("%s: %q, want the same message for every refusal", c.name, r.body)
		}
	}
}

func TestInsecureCookies(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{InsecureCookies: true})
	c, _ := d.login(t, "vera")
	if c.Name != "sitrep" || c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("insecure session cookie %s: want sitrep, not Secure, HttpOnly, SameSite=Strict, Path=/", c)
	}
	if r := d.do(t, req{method: "GET", path: "/whoami", cookie: c}); r.status != 200 {
		t.Errorf("whoami: %d", r.status)
	}
	// The other configuration's cookie name is not read.
	c.Name = "__Host-sitrep"
	if r := d.do(t, req{method: "GET", path: "/whoami", cookie: c}); r.status != 401 {
		t.Errorf("a cookie under the secure name: %d, want 401", r.status)
	}
}

func TestForgedCookies(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{OpenRead: true})
	real, _ := d.login(t, "ed")
	for _, value := range []string{
		"", "x", strings.Repeat("A", 43), real.Value[:42], real.Value + "A", "../../etc/passwd",
		strings.Repeat("A", 42) + "B", // 43 characters, but not canonical base64url
	} {
		r := d.do(t, req{method: "GET", path: "/whoami", cookie: &http.Cookie{Name: real.Name, Value: value}})
		if r.status != 200 || r.body != "/anonymous/session=false" {
			t.Errorf("cookie %q: %d %q, want an anonymous reader", value, r.status, r.body)
		}
	}
}

func TestCSRF(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	c, csrf := d.login(t, "ed")
	_, otherCSRF := d.login(t, "ada")
	// The token with its first character changed (to one it is not).
	wrong := "x" + csrf[1:]
	if csrf[0] == 'x' {
		wrong = "y" + csrf[1:]
	}
	for _, tc := range []struct {
		name   string
		r      req
		status int
	}{
		{"no token", req{method: "POST", path: "/review", cookie: c}, 403},
		{"wrong token", req{method: "POST", path: "/review", cookie: c, header: map[string]string{"X-CSRF-Token": wrong}}, 403},
		{"another session's token", req{method: "POST", path: "/review", cookie: c, header: map[string]string{"X-CSRF-Token": otherCSRF}}, 403},
		{"token in the query string", req{method: "POST", path: "/review?csrf=" + url.QueryEscape(csrf), cookie: c}, 403},
		{"empty form field", req{method: "POST", path: "/review", cookie: c, form: url.Values{"csrf": {""}}}, 403},
		{"token in the header", req{method: "POST", path: "/review", cookie: c, header: map[string]string{"X-CSRF-Token": csrf}}, 200},
		{"token in the form", req{method: "POST", path: "/review", cookie: c, form: url.Values{"csrf": {csrf}, "note": {"ok"}}}, 200},
		{"DELETE with the token", req{method: "DELETE", path: "/api/review", cookie: c, header: map[string]string{"X-CSRF-Token": csrf}}, 200},
		{"DELETE without", req{method: "DELETE", path: "/api/review", cookie: c}, 403},
		{"GET needs none", req{method: "GET", path: "/whoami", cookie: c}, 200},
		{"bearer needs none", req{method: "POST", path: "/api/review", header: bearer(d.tokens["ed"])}, 200},
		{"bearer with a cookie beside it needs none", req{method: "POST", path: "/api/review", cookie: c, header: bearer(d.tokens["ed"])}, 200},
	} {
		r := d.do(t, tc.r)
		if r.status != tc.status {
			t.Errorf("%s: %d %q, want %d", tc.name, r.status, r.body, tc.status)
		}
		if tc.status == 403 && !strings.Contains(r.body, "CSRF") {
			t.Errorf("%s: refusal %q does not say why", tc.name, r.body)
		}
	}
}

func TestCrossOrigin(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	c, csrf := d.login(t, "ed")
	withCSRF := func(h map[string]string) map[string]string {
		h["X-CSRF-Token"] = csrf
		return h
	}
	for _, tc := range []struct {
		name   string
		r      req
		status int
	}{
		{"cross-site POST with a session", req{method: "POST", path: "/review", cookie: c, header: withCSRF(map[string]string{"Sec-Fetch-Site": "cross-site"})}, 403},
		{"same-site (another subdomain) POST", req{method: "POST", path: "/review", cookie: c, header: withCSRF(map[string]string{"Sec-Fetch-Site": "same-site"})}, 403},
		{"cross-site POST with a token", req{method: "POST", path: "/api/review", header: map[string]string{"Authorization": "Bearer " + d.tokens["ed"], "Sec-Fetch-Site": "cross-site"}}, 403},
		{"foreign Origin, no Sec-Fetch-Site", req{method: "POST", path: "/review", cookie: c, header: withCSRF(map[string]string{"Origin": "https://evil.example"})}, 403},
		{"cross-site login", req{method: "POST", path: "/login", header: map[string]string{"Sec-Fetch-Site": "cross-site"}, form: url.Values{"name": {"ed"}, "password": {password}}}, 403},
		{"same-origin POST", req{method: "POST", path: "/review", cookie: c, header: withCSRF(map[string]string{"Sec-Fetch-Site": "same-origin"})}, 200},
		{"Origin of the server itself", req{method: "POST", path: "/review", cookie: c, header: withCSRF(map[string]string{"Origin": d.srv.URL})}, 200},
		{"cross-site GET (a link)", req{method: "GET", path: "/whoami", cookie: c, header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 200},
	} {
		r := d.do(t, tc.r)
		if r.status != tc.status {
			t.Errorf("%s: %d %q, want %d", tc.name, r.status, r.body, tc.status)
		}
	}
	// The refusal speaks JSON to the API.
	r := d.do(t, req{method: "POST", path: "/api/review", header: map[string]string{"Sec-Fetch-Site": "cross-site"}})
	if msg := errorMessage(t, "/api/review", r); !strings.Contains(msg, "cross-origin") {
		t.Errorf("cross-origin refusal: %q", msg)
	}
}

func TestRequireOverHTTP(t *testing.T) {
	t.Parallel()
	for _, open := range []bool{false, true} {
		d := newDesk(t, auth.Options{OpenRead: open})
		sessions := map[string][2]string{}
		for _, u := range []string{"vera", "ed", "ada"} {
			c, csrf := d.login(t, u)
			sessions[u] = [2]string{c.Value, csrf}
		}
		anonRead := map[bool]int{false: 401, true: 200}[open]
		for _, tc := range []struct {
			user, method, path string
			status             int
		}{
			{"", "GET", "/whoami", anonRead},
			{"", "GET", "/api/whoami", anonRead},
			{"", "POST", "/review", 401},
			{"", "POST", "/api/users", 401},
			{"vera", "GET", "/whoami", 200},
			{"vera", "POST", "/review", 403},
			{"vera", "POST", "/api/users", 403},
			{"ed", "POST", "/review", 200},
			{"ed", "DELETE", "/api/review", 200},
			{"ed", "POST", "/users", 403},
			{"ada", "POST", "/review", 200},
			{"ada", "POST", "/api/users", 200},
		} {
			for _, via := range []string{"token", "session"} {
				q := req{method: tc.method, path: tc.path}
				switch {
				case tc.user == "":
				case via == "token":
					q.header = bearer(d.tokens[tc.user])
				default:
					q.cookie = &http.Cookie{Name: d.a.CookieName(), Value: sessions[tc.user][0]}
					q.header = map[string]string{"X-CSRF-Token": sessions[tc.user][1]}
				}
				r := d.do(t, q)
				if r.status != tc.status {
					t.Errorf("OpenRead %v, %q by %s %s %s: %d %q, want %d", open, tc.user, via, tc.method, tc.path, r.status, r.body, tc.status)
				}
				if r.status >= 400 {
					errorMessage(t, tc.path, r)
				}
			}
		}
	}
}

func TestAllowed(t *testing.T) {
	t.Parallel()
	closed := auth.New(nil, auth.Options{})
	open := auth.New(nil, auth.Options{OpenRead: true})
	anon, viewer, editor, admin := auth.Principal{}, auth.Principal{User: "v", Role: auth.Viewer},
		auth.Principal{User: "e", Role: auth.Editor}, auth.Principal{User: "a", Role: auth.Admin}
	for _, c := range []struct {
		a      *auth.Authenticator
		p      auth.Principal
		min    auth.Role
		method string
		status int
	}{
		// Public routes: anyone, any method.
		{closed, anon, auth.Anonymous, "GET", 200},
		{closed, anon, auth.Anonymous, "POST", 200},
		// Anonymous readers only where reading is open, and only for viewer routes.
		{closed, anon, auth.Viewer, "GET", 401},
		{closed, anon, auth.Viewer, "HEAD", 401},
		{open, anon, auth.Viewer, "GET", 200},
		{open, anon, auth.Viewer, "HEAD", 200},
		{open, anon, auth.Viewer, "OPTIONS", 200},
		{open, anon, auth.Viewer, "POST", 401},
		{open, anon, auth.Viewer, "PUT", 401},
		{open, anon, auth.Viewer, "DELETE", 401},
		{open, anon, auth.Viewer, "PATCH", 401},
		{open, anon, auth.Viewer, "get", 401}, // methods are case-sensitive
		{open, anon, auth.Editor, "GET", 401},
		{open, anon, auth.Admin, "GET", 401},
		// Signed-in principals by role.
		{closed, viewer, auth.Viewer, "GET", 200},
		{closed, viewer, auth.Viewer, "POST", 200},
		{closed, viewer, auth.Editor, "GET", 403},
		{open, viewer, auth.Editor, "POST", 403},
		{closed, editor, auth.Editor, "POST", 200},
		{closed, editor, auth.Admin, "POST", 403},
		{closed, editor, auth.Admin, "GET", 403},
		{closed, admin, auth.Admin, "DELETE", 200},
		{closed, admin, auth.Viewer, "GET", 200},
	} {
		status, ok := c.a.Allowed(c.p, c.min, c.method)
		if status != c.status || ok != (c.status == 200) {
			t.Errorf("OpenRead %v, %s on a %s route, %s: %d %v; want %d", c.a.OpenRead(), c.p.Role, c.min, c.method, status, ok, c.status)
		}
	}
	// Over every combination: anonymous never writes to a guarded route,
	// and a role at least min always passes.
	methods := []string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"}
	for _, a := range []*auth.Authenticator{closed, open} {
		for min := auth.Viewer; min <= auth.Admin; min++ {
			for _, m := range methods {
				if _, ok := a.Allowed(anon, min, m); ok && !auth.SafeMethod(m) {
					t.Errorf("OpenRead %v: anonymous %s allowed on a %s route", a.OpenRead(), m, min)
				}
				for role := auth.Viewer; role <= auth.Admin; role++ {
					_, ok := a.Allowed(auth.Principal{User: "u", Role: role}, min, m)
					if ok != (role >= min) {
						t.Errorf("OpenRead %v: %s %s on a %s route: allowed %v", a.OpenRead(), role, m, min, ok)
					}
				}
			}
		}
	}
}

// TestSecretsNotInClear reads every byte of the database files: neither
// token secrets, session cookies nor passwords may be there, only their
// hashes.
func TestSecretsNotInClear(t *testing.T) {
	t.Parallel()
	d := newDesk(t, auth.Options{})
	cookie, _ := d.login(t, "ed")
	var files []byte
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(d.path + suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		files = append(files, b...)
	}
	if len(files) == 0 {
		t.Fatal("read no database bytes")
	}
	secrets := map[string]string{"session cookie": cookie.Value, "password": password}
	for user, secret := range d.tokens {
		secrets["token of "+user] = secret
		secrets["random part of the token of "+user] = strings.TrimPrefix(secret, auth.TokenPrefix)
	}
	for what, secret := range secrets {
		if bytes.Contains(files, []byte(secret)) {
			t.Errorf("the database holds the %s in clear", what)
		}
	}
	// What it holds instead: the hashes, which the test can find.
	if !bytes.Contains(files, auth.HashSecret(d.tokens["ed"])) || !bytes.Contains(files, auth.HashSecret(cookie.Value)) {
		t.Error("the hashes of the token and the session are not in the files: the check above proves nothing")
	}
	tokens, err := d.db.ListTokens(context.Background(), "ed")
	if err != nil || len(tokens) != 1 || !bytes.Equal(tokens[0].Hash, auth.HashSecret(d.tokens["ed"])) {
		t.Errorf("ed's stored tokens = %+v, %v; want the one hash", tokens, err)
	}
}

// BenchmarkBearer measures a request through Middleware with an API
// token: one indexed lookup of its hash.
func BenchmarkBearer(b *testing.B) {
	d := newDesk(b, auth.Options{})
	h := d.a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	r := httptest.NewRequest("GET", "/api/whoami", nil)
	r.Header.Set("Authorization", "Bearer "+d.tokens["ed"])
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkSession measures a request through Middleware with a session
// cookie.
func BenchmarkSession(b *testing.B) {
	d := newDesk(b, auth.Options{})
	c, _ := d.login(b, "ed")
	h := d.a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	r := httptest.NewRequest("GET", "/whoami", nil)
	r.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkLogin compares refused sign-ins: an unknown name must cost what
// a wrong password does, or the time would tell which names exist.
func BenchmarkLogin(b *testing.B) {
	d := newDesk(b, auth.Options{})
	// At the full cost, as a real user's hash is.
	h, err := auth.HashPassword(password)
	if err != nil {
		b.Fatal(err)
	}
	if err := d.db.PutUser(context.Background(), store.User{Name: "ed", Role: "editor", Password: h}); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, user string }{{"WrongPassword", "ed"}, {"UnknownUser", "nobody"}, {"NoPassword", "bot"}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				r := httptest.NewRequest("POST", "/login", nil)
				if _, err := d.a.Login(httptest.NewRecorder(), r, c.user, "not the password"); !errors.Is(err, auth.ErrBadCredentials) {
					b.Fatal(err)
				}
			}
		})
	}
}
