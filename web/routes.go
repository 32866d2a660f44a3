package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/sitrep/sitrep/auth"
)

// Route is one entry of the route table: a ServeMux pattern's method and
// path, a name for logs, and the least role that may use it.
type Route struct {
	Method  string // GET, POST...
	Pattern string // the path part of the pattern: /stories/{id}
	Name    string
	Min     auth.Role
}

// Routes lists every route the handler serves, in the order registered,
// so that a test can check what each one demands.
func (h *Handler) Routes() []Route {
	out := make([]Route, len(h.routes))
	copy(out, h.routes)
	return out
}

// registerPages adds this package's pages; the desk adds its own through
// handle too.
func (h *Handler) registerPages() {
	h.handle("GET /assets/", auth.Anonymous, h.serveAssets().ServeHTTP)
	h.handle("GET /{$}", auth.Viewer, h.overview)
	h.handle("GET /search", auth.Viewer, h.search)
	h.handle("GET /stories/{id}", auth.Viewer, h.story)
	h.handle("GET /incidents/{id}", auth.Viewer, h.incident)
	h.handle("GET /entities/{key}", auth.Viewer, h.entity)
	h.handle("GET /articles/{id}", auth.Viewer, h.article)
	h.handle("GET /articles/{id}/facts", auth.Viewer, h.articleFacts)
}

// handle registers fn for pattern ("METHOD /path") behind a guard that
// demands min, and records the route. A pattern without a method is a
// programming error: every route must say whether it writes.
func (h *Handler) handle(pattern string, min auth.Role, fn http.HandlerFunc) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok || method == "" || !strings.HasPrefix(path, "/") {
		panic(fmt.Sprintf("web: route %q needs a method and a path", pattern))
	}
	h.routes = append(h.routes, Route{Method: method, Pattern: path, Name: routeName(path), Min: min})
	h.mux.Handle(pattern, h.guard(min, fn))
}

// routeName names a route by its path: "/stories/{id}" is "stories/{id}",
// "/{$}" is "overview".
func routeName(path string) string {
	if path == "/{$}" || path == "/" {
		return "overview"
	}
	return strings.Trim(path, "/")
}

// guard serves fn to principals the access rule (auth.Authenticator's
// Allowed, the API's rule too) lets use a route of role min. Anonymous
// visitors refused a page are sent to sign in (GET) or answered 401;
// signed-in principals below min get 403. Writes from a browser session
// must carry the session's CSRF token, in the csrf form field or the
// X-CSRF-Token header.
func (h *Handler) guard(min auth.Role, fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := auth.FromContext(r.Context())
		status, ok := h.rules.Allowed(p, min, r.Method)
		switch {
		case !ok && status == http.StatusUnauthorized && (r.Method == http.MethodGet || r.Method == http.MethodHead):
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		case !ok && status == http.StatusUnauthorized:
			h.problem(w, r, http.StatusUnauthorized, "Sign in first", "This action needs you to sign in.")
			return
		case !ok:
			h.problem(w, r, http.StatusForbidden, "Not allowed", fmt.Sprintf("This needs the %s role; you are signed in as %s.", min, p.Role))
			return
		}
		if !auth.SafeMethod(r.Method) {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			if !h.rules.CheckCSRF(r) {
				h.problem(w, r, http.StatusForbidden, "Form expired", "The form's security token is missing or wrong: reload the page and try again.")
				return
			}
		}
		fn(w, r)
	})
}

// maxFormBytes bounds a form read to find its CSRF token.
const maxFormBytes = 1 << 20
