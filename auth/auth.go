// Package auth is sitrep's access control: who makes a request (a
// Principal with a Role) and whether they may. Reading may be opened to
// anonymous viewers; writing never is.
//
// Scripts and other programs send an API token ("Authorization: Bearer
// sitrep_…"); people at the desk sign in with a name and password and get a
// session cookie. Tokens and session IDs are 256 random bits kept only as
// their SHA-256; passwords are kept as bcrypt hashes. Every write from a
// session must carry the session's CSRF token, and Go's
// http.CrossOriginProtection refuses cross-origin writes from browsers
// before anything else runs. Cookies are HttpOnly, SameSite=Strict and, by
// default, Secure under the __Host- prefix.
//
// It does not do OAuth, OpenID Connect, SAML or LDAP; password reset by
// mail; self sign-up; two-factor authentication; per-story permissions; or
// rate limiting of sign-in attempts (bcrypt's cost slows a guesser, but a
// reverse proxy should limit attempts on a public server). Users and tokens
// are managed with `sitrep user`. Security headers of pages (such as the
// Content-Security-Policy) are the web package's.
package auth

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep/sitrep/store"
)

// DefaultSessionTTL is how long a session lasts when Options does not say:
// a working day, after which the desk asks to sign in again.
const DefaultSessionTTL = 12 * time.Hour

// Cookie names. The __Host- prefix makes browsers accept the cookie only
// when Secure, with Path=/ and no Domain, so that no other host or
// subdomain can plant or overwrite it; without Secure the prefix is not
// allowed and the plain name is used.
const (
	SecureCookieName   = "__Host-sitrep"
	InsecureCookieName = "sitrep"
)

// CSRFField and CSRFHeader carry a session's CSRF token: the field in
// url-encoded forms, the header for scripts.
const (
	CSRFField  = "csrf"
	CSRFHeader = "X-CSRF-Token"
)

// Error codes of the JSON errors, as package api writes them.
const (
	CodeUnauthorized = "unauthorized"
	CodeForbidden    = "forbidden"
	CodeInternal     = "internal"
)

// Options configure an Authenticator. The zero value is a closed desk
// with secure cookies.
type Options struct {
	// OpenRead lets anonymous requests read what a viewer may.
	OpenRead bool
	// SessionTTL is how long a session lasts from sign-in; zero or less
	// means DefaultSessionTTL.
	SessionTTL time.Duration
	// InsecureCookies drops the Secure flag (and so the __Host- prefix),
	// for a desk served over plain HTTP to a name other than localhost
	// or 127.0.0.1, which browsers treat as secure anyway.
	InsecureCookies bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives refused tokens and store failures; nil discards them.
	Log *slog.Logger
}

// Authenticator finds who makes each request and guards handlers by role.
// It is safe for concurrent use.
type Authenticator struct {
	users store.Users
	opts  Options
	log   *slog.Logger
}

// New returns an Authenticator over users.
func New(users store.Users, opts Options) *Authenticator {
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = DefaultSessionTTL
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Authenticator{users: users, opts: opts, log: log}
}

// CookieName is the name of the session cookie.
func (a *Authenticator) CookieName() string {
	if a.opts.InsecureCookies {
		return InsecureCookieName
	}
	return SecureCookieName
}

// OpenRead reports whether anonymous requests may read.
func (a *Authenticator) OpenRead() bool { return a.opts.OpenRead }

// Middleware puts the Principal of each request in its context (see
// FromContext): from a bearer token, else a session cookie, else
// anonymous. A bearer token that is malformed, unknown or expired is
// refused with 401; a session cookie that is unknown or expired is
// cleared and the request goes on anonymous. Cross-origin writes from
// browsers are refused with 403 before any of this.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	resolve := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// What a response holds depends on these headers: no shared
		// cache may give one person's page to another.
		w.Header().Add("Vary", "Authorization, Cookie")
		p, ok := a.principal(w, r)
		if !ok {
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusForbidden, CodeForbidden, "cross-origin request refused")
	}))
	return cop.Handler(resolve)
}

// principal finds who makes r. When it returns false it has written the
// response.
func (a *Authenticator) principal(w http.ResponseWriter, r *http.Request) (Principal, bool) {
	ctx := r.Context()
	switch h := r.Header.Values("Authorization"); len(h) {
	case 0:
	case 1:
		secret, err := ParseBearer(h[0])
		if err != nil {
			a.unauthorized(w, r, err.Error())
			return Principal{}, false
		}
		u, err := a.users.TokenUser(ctx, HashSecret(secret), a.opts.Now())
		if errors.Is(err, store.ErrNotFound) {
			a.unauthorized(w, r, "unknown or expired API token")
			return Principal{}, false
		}
		if err != nil {
			a.internal(w, r, err)
			return Principal{}, false
		}
		role, err := ParseRole(u.Role)
		if err != nil {
			a.internal(w, r, fmt.Errorf("user %s: %w", u.Name, err))
			return Principal{}, false
		}
		return Principal{User: u.Name, Role: role}, true
	default:
		a.unauthorized(w, r, "several Authorization headers")
		return Principal{}, false
	}

	c, err := r.Cookie(a.CookieName())
	if err != nil {
		return Principal{}, true
	}
	if !validSecret(c.Value) {
		a.clearCookie(w)
		return Principal{}, true
	}
	s, u, err := a.users.Session(ctx, HashSecret(c.Value), a.opts.Now())
	if errors.Is(err, store.ErrNotFound) {
		a.clearCookie(w)
		return Principal{}, true
	}
	if err != nil {
		a.internal(w, r, err)
		return Principal{}, false
	}
	role, err := ParseRole(u.Role)
	if err != nil {
		a.internal(w, r, fmt.Errorf("user %s: %w", u.Name, err))
		return Principal{}, false
	}
	return Principal{User: u.Name, Role: role, CSRF: s.CSRF, Session: true}, true
}

// Login checks a name and password and, when they match, starts a session:
// it stores it, sets the session cookie on w and returns the Principal. A
// session the request already had is ended first, so that a session ID
// planted before sign-in is worth nothing after it. Wrong credentials of
// any kind give ErrBadCredentials after the same amount of work.
func (a *Authenticator) Login(w http.ResponseWriter, r *http.Request, name, password string) (Principal, error) {
	ctx := r.Context()
	if err := store.ValidUserName(name); err != nil {
		CheckPassword(nil, password)
		return Principal{}, ErrBadCredentials
	}
	u, err := a.users.User(ctx, name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		CheckPassword(nil, password)
		return Principal{}, ErrBadCredentials
	case err != nil:
		return Principal{}, fmt.Errorf("login %s: %w", name, err)
	}
	if !CheckPassword(u.Password, password) {
		a.log.Info("sign-in refused", "user", u.Name, "remote", r.RemoteAddr)
		return Principal{}, ErrBadCredentials
	}
	role, err := ParseRole(u.Role)
	if err != nil {
		return Principal{}, fmt.Errorf("login %s: %w", u.Name, err)
	}
	if err := a.endSession(r); err != nil {
		return Principal{}, fmt.Errorf("login %s: %w", u.Name, err)
	}
	secret, csrf := newSecret(), newSecret()
	now := a.opts.Now()
	expires := now.Add(a.opts.SessionTTL)
	if err := a.users.PutSession(ctx, store.Session{Hash: HashSecret(secret), User: u.Name, CSRF: csrf, Created: now, Expires: expires}); err != nil {
		return Principal{}, fmt.Errorf("login %s: %w", u.Name, err)
	}
	// Sign-in is rare, so it is when expired sessions are swept.
	if _, err := a.users.DeleteExpiredSessions(ctx, now); err != nil {
		a.log.Warn("deleting expired sessions", "err", err)
	}
	http.SetCookie(w, a.cookie(secret, expires, int(a.opts.SessionTTL/time.Second)))
	a.log.Info("signed in", "user", u.Name, "remote", r.RemoteAddr)
	return Principal{User: u.Name, Role: role, CSRF: csrf, Session: true}, nil
}

// Logout ends the request's session, if it has one, and clears the
// cookie. The handler that calls it should be guarded by Require, so that
// a forged request cannot sign anyone out.
func (a *Authenticator) Logout(w http.ResponseWriter, r *http.Request) error {
	a.clearCookie(w)
	if err := a.endSession(r); err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}

// endSession deletes the session r's cookie names, if any.
func (a *Authenticator) endSession(r *http.Request) error {
	c, err := r.Cookie(a.CookieName())
	if err != nil || !validSecret(c.Value) {
		return nil
	}
	return a.users.DeleteSession(r.Context(), HashSecret(c.Value))
}

func (a *Authenticator) cookie(value string, expires time.Time, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name:     a.CookieName(),
		Value:    value,
		Path:     "/",
		Expires:  expires,
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   !a.opts.InsecureCookies,
		SameSite: http.SameSiteStrictMode,
	}
}

func (a *Authenticator) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, a.cookie("", time.Unix(0, 0), -1))
}

// CheckCSRF reports whether a write may go on as far as CSRF goes: true
// when the request did not come from a session (a bearer token or nobody:
// no cookie a forged request could ride on), else whether it carries the
// session's CSRF token in the X-CSRF-Token header or, in a url-encoded
// form, the csrf field. The token is compared in constant time.
func (a *Authenticator) CheckCSRF(r *http.Request) bool {
	p := FromContext(r.Context())
	if !p.Session {
		return true
	}
	got := r.Header.Get(CSRFHeader)
	if got == "" && isURLEncodedForm(r) {
		got = r.PostFormValue(CSRFField)
	}
	return p.CSRF != "" && subtle.ConstantTimeCompare([]byte(got), []byte(p.CSRF)) == 1
}

func isURLEncodedForm(r *http.Request) bool {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && ct == "application/x-www-form-urlencoded"
}

// SafeMethod reports whether an HTTP method only reads.
func SafeMethod(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// Allowed applies the access rule to a principal, a route's minimum role
// and a request method, and says which status refuses it:
//
//   - min Anonymous is a public route (the sign-in form): anyone, any method;
//   - anonymous requests may read a route of min Viewer when OpenRead, and
//     are otherwise refused with 401;
//   - a signed-in principal whose role is below min is refused with 403.
//
// On success the status is 200. CSRF is checked apart (see Require).
func (a *Authenticator) Allowed(p Principal, min Role, method string) (status int, ok bool) {
	switch {
	case min <= Anonymous:
		return http.StatusOK, true
	case p.Role <= Anonymous:
		if a.opts.OpenRead && min == Viewer && SafeMethod(method) {
			return http.StatusOK, true
		}
		return http.StatusUnauthorized, false
	case p.Role < min:
		return http.StatusForbidden, false
	}
	return http.StatusOK, true
}

// Require guards h: requests that Allowed refuses get its status, and
// writes (any method but GET, HEAD and OPTIONS) from a session without the
// right CSRF token get 403. Errors are JSON under /api/, plain text
// elsewhere.
func (a *Authenticator) Require(min Role, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := FromContext(r.Context())
		status, ok := a.Allowed(p, min, r.Method)
		switch {
		case !ok && status == http.StatusUnauthorized:
			a.unauthorized(w, r, "sign in or send an API token")
			return
		case !ok:
			writeError(w, r, status, CodeForbidden, fmt.Sprintf("%s may not do this: it needs the %s role", p.User, min))
			return
		case !SafeMethod(r.Method) && !a.CheckCSRF(r):
			writeError(w, r, http.StatusForbidden, CodeForbidden, "missing or wrong CSRF token: reload the page and try again")
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (a *Authenticator) unauthorized(w http.ResponseWriter, r *http.Request, msg string) {
	// RFC 9110 wants a challenge with every 401; browsers show no
	// dialog for Bearer.
	w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	writeError(w, r, http.StatusUnauthorized, CodeUnauthorized, msg)
}

func (a *Authenticator) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client went away
	}
	a.log.Error("authenticating request", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, r, http.StatusInternalServerError, CodeInternal, "internal error")
}

// writeError answers JSON under /api/, as package api does, and short
// plain text elsewhere (the web package renders pages of its own).
func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
		var body struct {
			Error struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		body.Error.Code, body.Error.Message = code, msg
		h.Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(body)
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}
