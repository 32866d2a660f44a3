// Package web serves sitrep's desk for people: an overview of stories with
// their tolls, search across articles, quotes and entities, and a page for
// each story, incident, article and entity. Pages are rendered on the
// server with templ, so every string from an article is escaped; htmx
// (for the article's facts panel) and the story map's bundle are the only
// scripts, and the Content-Security-Policy forbids any other, inline ones
// included.
//
// Pages show what the JSON API gives: they are built with the API's own
// loaders (api.LoadStory, api.LoadEntity), never with queries of their own
// that could disagree with it.
//
// Every route goes through one table (see Routes) that says the least role
// it needs; the principal comes from the request context, set by the auth
// middleware in front of the handler. The package does not sign anyone in
// and writes nothing: review, login and export pages are added by the desk
// through the same table.
package web

//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.977 generate

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
)

//go:embed assets
var assets embed.FS

// ContentSecurityPolicy is sent with every response: scripts and styles
// from this origin only, never inline, and no framing.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Options configure the pages.
type Options struct {
	// OpenRead lets anonymous visitors read the pages that need only the
	// Viewer role; otherwise they are sent to /login. With Auth, its
	// setting counts instead.
	OpenRead bool
	// Auth signs people in and out; the principal of each request comes
	// from its middleware. Nil leaves signing in off.
	Auth *auth.Authenticator
}

// Handler serves the pages. Create it with New.
type Handler struct {
	store  store.Store
	log    *slog.Logger
	opt    Options
	mux    *http.ServeMux
	routes []Route
	rules  *auth.Authenticator // who may use which route
}

// New returns the pages over st.
func New(st store.Store, log *slog.Logger, opt Options) *Handler {
	if log == nil {
		log = slog.Default()
	}
	if opt.Auth != nil {
		// One setting for the API and the pages: the authenticator's.
		opt.OpenRead = opt.Auth.OpenRead()
	}
	h := &Handler{store: st, log: log, opt: opt, mux: http.NewServeMux(), rules: opt.Auth}
	if h.rules == nil {
		// The access rule alone: it never asks for a user.
		h.rules = auth.New(nil, auth.Options{OpenRead: opt.OpenRead})
	}
	h.registerPages()
	h.registerDesk()
	h.registerAdmin()
	// Anything else is a page that does not exist, whatever the method.
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.notFound(w, r, "There is no page at this address.")
	})
	return h
}

// ServeHTTP sets the security headers every answer carries and recovers
// from a panic in a page, so that one bad request never stops the server.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", ContentSecurityPolicy)
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.log.Error("panic serving page", "method", r.Method, "path", r.URL.Path, "panic", v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	h.mux.ServeHTTP(w, r)
}

// serveAssets serves the embedded stylesheets and scripts. Their names are
// not versioned, so browsers may keep them an hour only.
func (h *Handler) serveAssets() http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := fs.Stat(assets, r.URL.Path[1:]); err != nil || r.URL.Path == "/assets/" {
			h.notFound(w, r, "There is no such file.")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// pageMeta is what the layout needs besides the page's body.
type pageMeta struct {
	Title     string
	Principal auth.Principal
	// Map adds the story map's script; Styles are further stylesheets.
	Map    bool
	Styles []string
}

// render writes body inside the layout, with the request's principal in
// the navigation and its CSRF token in a meta element, with status.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, title string, body templ.Component) {
	h.renderPage(w, r, status, pageMeta{Title: title}, body)
}

func (h *Handler) renderPage(w http.ResponseWriter, r *http.Request, status int, meta pageMeta, body templ.Component) {
	meta.Principal = auth.FromContext(r.Context())
	h.write(w, r, status, layout(meta, body))
}

// write renders c into a buffer first, so that a failure midway gives an
// error page and not half a page with a 200.
func (h *Handler) write(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var b bytes.Buffer
	if err := c.Render(r.Context(), &b); err != nil {
		if r.Context().Err() != nil {
			return
		}
		h.log.Error("render page", "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
}

// fail logs err and tells the visitor only that the fault was ours; a
// request whose client went away gets nothing.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil || errors.Is(err, context.Canceled) {
		return
	}
	h.log.Error("serving page", "method", r.Method, "path", r.URL.Path, "err", err)
	h.problem(w, r, http.StatusInternalServerError, "Error", "Something went wrong on our side.")
}

// notFound answers 404 with msg.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	h.problem(w, r, http.StatusNotFound, "Not found", msg)
}

// badRequest answers 400 with msg, which names the input and the reason.
func (h *Handler) badRequest(w http.ResponseWriter, r *http.Request, msg string) {
	h.problem(w, r, http.StatusBadRequest, "Bad request", msg)
}

// badCursor answers 400 for a page link's cursor that sitrep did not make.
func (h *Handler) badCursor(w http.ResponseWriter, r *http.Request, cursor string) {
	h.badRequest(w, r, fmt.Sprintf("cursor %q: not a page link this server made.", truncate(cursor, 40)))
}

// problem answers status with a page saying title and msg.
func (h *Handler) problem(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	h.render(w, r, status, title, errorPage(title, msg))
}
