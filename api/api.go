// Package api serves sitrep's JSON API over a Store: articles with their
// annotation layers, health, Prometheus metrics and the OpenAPI document.
//
// Every response is JSON; every error is {"error": {"code", "message"}} with
// a stable code (see the constants below). The API only reads: ingesting is
// the CLI's job, and writing over HTTP will come with access control.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// Stable error codes. Clients may branch on them; they never change meaning.
const (
	CodeBadRequest       = "bad_request"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeUnavailable      = "unavailable"
	CodeInternal         = "internal"
)

//go:embed openapi.json
var openAPI []byte

// Server is the HTTP API. Create it with New; it is an http.Handler.
type Server struct {
	store    store.Store
	log      *slog.Logger
	mux      *http.ServeMux
	handler  http.Handler
	registry *prometheus.Registry
}

// New returns an API over st. Metrics go to a registry of the server's own,
// served at /metrics, so that two servers in one process never collide.
func New(st store.Store, log *slog.Logger) *Server {
	if log == nil {
		log = slog.Default()
	}
	s := &Server{store: st, log: log, mux: http.NewServeMux(), registry: prometheus.NewRegistry()}
	s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sitrep_http_requests_total", Help: "HTTP requests served, by route and status code.",
	}, []string{"route", "code"})
	duration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "sitrep_http_request_duration_seconds", Help: "Time to serve HTTP requests, by route.",
		Buckets: prometheus.ExponentialBuckets(0.0005, 4, 8),
	}, []string{"route"})
	articles := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "sitrep_articles", Help: "Articles in the store.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := st.Count(ctx)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	s.registry.MustRegister(requests, duration, articles)

	route := func(pattern, name string, h http.HandlerFunc) {
		labelled := promhttp.InstrumentHandlerDuration(duration.MustCurryWith(prometheus.Labels{"route": name}),
			promhttp.InstrumentHandlerCounter(requests.MustCurryWith(prometheus.Labels{"route": name}), h))
		s.mux.Handle(pattern, labelled)
	}
	route("GET /api/articles", "articles", s.listArticles)
	route("GET /api/articles/{id}", "article", s.getArticle)
	route("GET /api/openapi.json", "openapi", s.openapi)
	route("GET /healthz", "healthz", s.healthz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	route("/api/", "unknown", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	s.handler = s.secure(s.mux)
	return s
}

// Handle mounts another handler (the web UI) beside the API.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// secure sets headers that keep a browser from interpreting API answers as
// anything but data, turns the mux's plain-text 405s into JSON errors, and
// recovers from panics so that one bad request never stops the server.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz" {
			h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, CodeInternal, "internal error")
			}
		}()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s: the API is read-only", r.Method, r.URL.Path))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ArticleList is the answer of GET /api/articles.
type ArticleList struct {
	Articles []Summary `json:"articles"`
	Next     *string   `json:"next"`
}

// Summary is an article in a listing. Published is written as in the
// extraction contract: a date, an RFC 3339 time, or null.
type Summary struct {
	ID        string            `json:"id"`
	URL       string            `json:"url"`
	Source    string            `json:"source,omitempty"`
	Title     string            `json:"title"`
	Published *sitrep.Published `json:"published"`
	Language  string            `json:"language"`
	Ingested  time.Time         `json:"ingested"`
	Version   int               `json:"version"`
	Snippet   string            `json:"snippet,omitempty"`
}

func summaries(in []store.Summary) []Summary {
	out := make([]Summary, len(in))
	for i, s := range in {
		out[i] = Summary{ID: s.ID, URL: s.URL, Source: s.Source, Title: s.Title, Language: s.Language,
			Ingested: s.Ingested, Version: s.Version, Snippet: s.Snippet}
		if !s.Published.IsZero() {
			out[i].Published = &sitrep.Published{Time: s.Published}
		}
	}
	return out
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	page, err := s.store.List(r.Context(), q)
	if errors.Is(err, store.ErrBadCursor) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, "parameter cursor: not a cursor this server issued")
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := ArticleList{Articles: summaries(page.Articles)}
	if page.Next != "" {
		out.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, out)
}

func parseQuery(r *http.Request) (store.Query, error) {
	v := r.URL.Query()
	for name := range v {
		switch name {
		case "q", "since", "until", "source", "lang", "limit", "cursor":
		default:
			return store.Query{}, fmt.Errorf("parameter %s: unknown (known: q, since, until, source, lang, limit, cursor)", name)
		}
	}
	q := store.Query{Text: v.Get("q"), Source: v.Get("source"), Lang: v.Get("lang"), Cursor: v.Get("cursor")}
	if len(q.Text) > 1000 {
		return q, errors.New("parameter q: longer than 1000 bytes")
	}
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"since", &q.Since}, {"until", &q.Until}} {
		if s := v.Get(p.name); s != "" {
			t, err := sitrep.ParseTime(s)
			if err != nil {
				return q, fmt.Errorf("parameter %s: %q is not a date (2025-11-18) or RFC 3339 time", p.name, s)
			}
			*p.dst = t
		}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 500 {
			return q, fmt.Errorf("parameter limit: %q is not a number from 1 to 500", s)
		}
		q.Limit = n
	}
	return q, nil
}

// ArticleDetail is the answer of GET /api/articles/{id}: the extraction
// contract plus what the store knows of the article's history.
type ArticleDetail struct {
	sitrep.Extraction
	RawSHA256 string    `json:"raw_sha256"`
	Fetched   time.Time `json:"fetched"`
	Ingested  time.Time `json:"ingested"`
	Version   int       `json:"version"`
	Versions  []Summary `json:"versions"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !validID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("article id %q: expected 16 hexadecimal digits", truncate(id, 40)))
		return
	}
	rec, err := s.store.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("article %s: not found", id))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	versions, err := s.store.Versions(r.Context(), rec.Doc.URL)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ArticleDetail{
		Extraction: rec.Doc.Contract(rec.Pipeline),
		RawSHA256:  rec.RawSHA256, Fetched: rec.Fetched, Ingested: rec.Ingested,
		Version: rec.Version, Versions: summaries(versions),
	})
}

func validID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for _, c := range id {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	n, err := s.store.Count(ctx)
	if err != nil {
		s.log.Error("health check", "err", err)
		writeError(w, http.StatusServiceUnavailable, CodeUnavailable, "store unavailable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": n})
}

// internal logs the cause and tells the client only that it was ours.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client went away
	}
	s.log.Error("serving request", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, CodeInternal, "internal error")
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
