// Package web serves sitrep's pages for people: a searchable list of
// articles and each article's text with its metadata. Pages are rendered on
// the server with html/template, so every string from an article is escaped;
// no script runs in them (the Content-Security-Policy forbids any).
//
// An article's page lists the facts its layers hold (quotes with their
// speakers, counts with the source they rest on, times, places, sourcing).
// This is the first room of the analyst's desk: stories, incidents, review
// and highlighting of annotation layers come with their own issues.
package web

import (
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

//go:embed assets
var assets embed.FS

//go:embed templates/*.html
var templateFS embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "date unknown"
		}
		return t.Format("2 January 2006")
	},
	"paragraphs": func(s string) []string { return strings.Split(s, "\n") },
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
	"count": func(n *int64) string {
		if n == nil {
			return "open"
		}
		return strconv.FormatInt(*n, 10)
	},
	"coord": func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', 2, 64)
	},
	// sourceOf names the attribution a fact rests on, or the article itself.
	"sourceOf": func(d *sitrep.Doc, i *int) string {
		if i == nil || *i < 0 || *i >= len(d.Sourcing) {
			return "the article"
		}
		s := d.Sourcing[*i].Source
		if s.Name != "" {
			return s.Name
		}
		return s.Text
	},
	// placeOf, timeOf and countsOf render an event's roles, which are
	// indexes into the doc's other layers; an index out of range renders
	// nothing.
	"placeOf": func(d *sitrep.Doc, i *int) string {
		if i == nil || *i < 0 || *i >= len(d.Places) {
			return ""
		}
		return d.Places[*i].Name
	},
	"timeOf": func(d *sitrep.Doc, i *int) string {
		if i == nil || *i < 0 || *i >= len(d.Times) {
			return ""
		}
		return d.Times[*i].Text
	},
	"countsOf": func(d *sitrep.Doc, is []int) string {
		var texts []string
		for _, i := range is {
			if i >= 0 && i < len(d.Quantities) {
				texts = append(texts, d.Quantities[i].Text)
			}
		}
		return strings.Join(texts, "; ")
	},
	"httpURL": func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && (u.Scheme == "http" || u.Scheme == "https")
	},
}).ParseFS(templateFS, "templates/*.html"))

// Handler serves the pages.
type Handler struct {
	store store.Store
	log   *slog.Logger
	mux   *http.ServeMux
}

// New returns the pages over st.
func New(st store.Store, log *slog.Logger) *Handler {
	h := &Handler{store: st, log: log, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /{$}", h.index)
	h.mux.HandleFunc("GET /articles/{id}", h.article)
	h.mux.Handle("GET /assets/", http.FileServerFS(assets))
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.page(w, http.StatusNotFound, "error.html", map[string]any{"Title": "Not found", "Message": "There is no page at this address."})
	})
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	hd.Set("X-Frame-Options", "DENY")
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	q := store.Query{Text: r.URL.Query().Get("q"), Cursor: r.URL.Query().Get("cursor"), Limit: 50}
	if len(q.Text) > 1000 {
		q.Text = q.Text[:1000]
	}
	page, err := h.store.List(r.Context(), q)
	if errors.Is(err, store.ErrBadCursor) {
		h.page(w, http.StatusBadRequest, "error.html", map[string]any{"Title": "Bad link", "Message": "This page link is not one sitrep made."})
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	total, err := h.store.Count(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	next := ""
	if page.Next != "" {
		next = "/?" + url.Values{"q": {q.Text}, "cursor": {page.Next}}.Encode()
	}
	h.page(w, http.StatusOK, "index.html", map[string]any{
		"Title": "Articles", "Query": q.Text, "Articles": page.Articles, "Total": total, "Next": next,
	})
}

func (h *Handler) article(w http.ResponseWriter, r *http.Request) {
	rec, err := h.store.GetDoc(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		h.page(w, http.StatusNotFound, "error.html", map[string]any{"Title": "Not found", "Message": "No article has this id."})
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := rec.Doc
	h.page(w, http.StatusOK, "article.html", map[string]any{
		"Title": d.Title, "Doc": d, "Record": rec,
		"Layers": []struct {
			Name string
			N    int
		}{
			{"entities", len(d.Entities)}, {"quotes", len(d.Quotes)}, {"quantities", len(d.Quantities)},
			{"times", len(d.Times)}, {"places", len(d.Places)}, {"sourcing", len(d.Sourcing)}, {"events", len(d.Events)},
		},
	})
}

func (h *Handler) page(w http.ResponseWriter, status int, name string, data map[string]any) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		h.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(b.String()))
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return
	}
	h.log.Error("serving page", "path", r.URL.Path, "err", err)
	h.page(w, http.StatusInternalServerError, "error.html", map[string]any{"Title": "Error", "Message": "Something went wrong on our side."})
}
