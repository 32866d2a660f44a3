// Package api serves sitrep's JSON API over a Store: articles with their
// annotation layers; stories with their articles, incidents, tallies and
// quote drift; incidents; entities across articles; health, Prometheus
// metrics and the OpenAPI document.
//
// Incidents, tallies and quote drift are computed on request from a story's
// stored articles (package story), so they always reflect the latest
// layers; a story is bounded in size (see MaxStoryArticles).
//
// Analysts' review decisions are laid over the computed incidents (package
// review) wherever incidents are answered, and recorded by POST
// /api/incidents/{id}/review; the audit log and exports (package export)
// read the same records. Every route names the least role it needs (see
// Routes); writing needs an editor, reading a viewer or a server opened to
// anonymous readers.
//
// Every response is JSON (exports aside); every error is {"error":
// {"code", "message"}} with a stable code (see the constants below).
// Ingesting is the CLI's job.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/review"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// Stable error codes. Clients may branch on them; they never change meaning.
const (
	CodeBadRequest       = "bad_request"
	CodeNotFound         = "not_found"
	CodeConflict         = "conflict"
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
	auth     *auth.Authenticator
	now      func() time.Time
	routes   []Route
}

// Options configure a Server.
type Options struct {
	// Auth finds who makes each request and guards the routes. Nil means
	// a desk open to anonymous readers where nobody may write.
	Auth *auth.Authenticator
	// Now is the clock that dates review decisions; nil means time.Now.
	Now func() time.Time
}

// Route is one endpoint and the least role a request to it needs.
type Route struct {
	Method, Pattern, Name string
	Min                   auth.Role
}

// Routes lists the server's endpoints, for tests that check every one
// (each writing route must need an editor at least).
func (s *Server) Routes() []Route { return slices.Clone(s.routes) }

// New returns an API over st. Metrics go to a registry of the server's own,
// served at /metrics, so that two servers in one process never collide.
func New(st store.Store, log *slog.Logger, opt Options) *Server {
	if log == nil {
		log = slog.Default()
	}
	s := &Server{store: st, log: log, mux: http.NewServeMux(), registry: prometheus.NewRegistry(), auth: opt.Auth, now: opt.Now}
	if s.auth == nil {
		s.auth = auth.New(nil, auth.Options{OpenRead: true}) // guards only: never asked for a user
	}
	if s.now == nil {
		s.now = time.Now
	}
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

	route := func(method, pattern, name string, min auth.Role, h http.HandlerFunc) {
		labelled := promhttp.InstrumentHandlerDuration(duration.MustCurryWith(prometheus.Labels{"route": name}),
			promhttp.InstrumentHandlerCounter(requests.MustCurryWith(prometheus.Labels{"route": name}), s.auth.Require(min, h)))
		s.mux.Handle(method+" "+pattern, labelled)
		s.routes = append(s.routes, Route{Method: method, Pattern: pattern, Name: name, Min: min})
	}
	route("GET", "/api/articles", "articles", auth.Viewer, s.listArticles)
	route("GET", "/api/articles/{id}", "article", auth.Viewer, s.getArticle)
	route("GET", "/api/stories", "stories", auth.Viewer, s.listStories)
	route("GET", "/api/stories/{id}", "story", auth.Viewer, s.getStory)
	route("GET", "/api/incidents/{id}", "incident", auth.Viewer, s.getIncident)
	route("GET", "/api/incidents/{id}/history", "incident_history", auth.Viewer, s.incidentHistory)
	route("POST", "/api/incidents/{id}/review", "review", auth.Editor, s.postReview)
	route("GET", "/api/audit", "audit", auth.Viewer, s.audit)
	route("GET", "/api/export", "export", auth.Viewer, s.export)
	route("GET", "/api/entities/{key}", "entity", auth.Viewer, s.getEntity)
	// The API's description and the health check are public: monitors
	// and clients read them before they have a token.
	route("GET", "/api/openapi.json", "openapi", auth.Anonymous, s.openapi)
	route("GET", "/healthz", "healthz", auth.Anonymous, s.healthz)
	s.mux.Handle("GET /metrics", s.auth.Require(auth.Viewer, promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})))
	s.routes = append(s.routes, Route{Method: "GET", Pattern: "/metrics", Name: "metrics", Min: auth.Viewer})
	s.mux.HandleFunc("/api/", s.unknown)
	s.handler = s.secure(s.mux)
	if opt.Auth != nil {
		s.handler = opt.Auth.Middleware(s.handler)
	}
	return s
}

// unknown answers a path no route serves, or serves with other methods.
func (s *Server) unknown(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/api/" {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("no such endpoint: %s %s", r.Method, r.URL.Path))
}

// Handle mounts another handler (the web UI) beside the API.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// secure sets headers that keep a browser from interpreting API answers as
// anything but data, and recovers from panics so that one bad request never stops the server.
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
	if s.pageFailed(w, r, err) {
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
	if err := knownParams(v, "q", "since", "until", "source", "lang", "limit", "cursor"); err != nil {
		return store.Query{}, err
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
	n, err := limitParam(v)
	q.Limit = n
	return q, err
}

// limitParam reads a listing's limit parameter: 0 when absent (the store's
// default), else a number from 1 to 500.
// knownParams reports the first query parameter of v not in known.
func knownParams(v url.Values, known ...string) error {
	for name := range v {
		if !slices.Contains(known, name) {
			return fmt.Errorf("parameter %s: unknown (known: %s)", truncate(name, 40), strings.Join(known, ", "))
		}
	}
	return nil
}

// pageFailed writes the answer to a failed page read, if err is one: a bad
// request for a cursor the server never issued, else an internal error.
func (s *Server) pageFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrBadCursor):
		writeError(w, http.StatusBadRequest, CodeBadRequest, "parameter cursor: not a cursor this server issued")
	default:
		s.internal(w, r, err)
	}
	return true
}

func limitParam(v url.Values) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 500 {
		return 0, fmt.Errorf("parameter limit: %q is not a number from 1 to 500", truncate(s, 40))
	}
	return n, nil
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
	// Layers is the version of the annotation layers shown (the latest
	// unless ?layers=N asked for another); LayerVersions lists every version
	// kept, as reprocessing adds them.
	Layers        int            `json:"layers"`
	LayerVersions []LayerVersion `json:"layer_versions"`
}

// LayerVersion is one version of an article's annotation layers.
type LayerVersion struct {
	Version  int       `json:"version"`
	Pipeline string    `json:"pipeline"`
	Created  time.Time `json:"created"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !validID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("article id %q: expected 16 hexadecimal digits", truncate(id, 40)))
		return
	}
	var rec *store.Record
	var err error
	if q := r.URL.Query().Get("layers"); q != "" {
		n, perr := strconv.Atoi(q)
		if perr != nil || n < 1 {
			writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("layers %q: expected a version number from 1", truncate(q, 40)))
			return
		}
		rec, err = s.store.GetLayers(r.Context(), id, n)
	} else {
		rec, err = s.store.GetDoc(r.Context(), id)
	}
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("article %s%s: not found", id, layersSuffix(r)))
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
	lvs, err := s.store.LayerVersions(r.Context(), id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	layers := make([]LayerVersion, len(lvs))
	for i, v := range lvs {
		layers[i] = LayerVersion{Version: v.Version, Pipeline: v.Pipeline, Created: v.Created}
	}
	writeJSON(w, http.StatusOK, ArticleDetail{
		Extraction: rec.Doc.Contract(rec.Pipeline),
		RawSHA256:  rec.RawSHA256, Fetched: rec.Fetched, Ingested: rec.Ingested,
		Version: rec.Version, Versions: summaries(versions),
		Layers: rec.Layers, LayerVersions: layers,
	})
}

// layersSuffix names the layers version a request asked for, for errors.
func layersSuffix(r *http.Request) string {
	if q := r.URL.Query().Get("layers"); q != "" {
		return " layers " + truncate(q, 40)
	}
	return ""
}

func validID(id string) bool { return len(id) == 16 && isHex(id) }

// StoryList is the answer of GET /api/stories.
type StoryList struct {
	Stories []StorySummary `json:"stories"`
	Next    *string        `json:"next"`
}

// StorySummary is a story in a listing.
type StorySummary struct {
	ID    string `json:"id"`
	Title string `json:"title"` // of the story's earliest original article
	// Reports counts its articles, Originals those that copy no other,
	// Sources its distinct outlets.
	Reports   int               `json:"reports"`
	Originals int               `json:"originals"`
	Sources   int               `json:"sources"`
	First     *sitrep.Published `json:"first_published"`
	Last      *sitrep.Published `json:"last_published"`
}

func storySummary(in store.StorySummary) StorySummary {
	return StorySummary{ID: in.ID, Title: in.Title, Reports: in.Reports, Originals: in.Originals,
		Sources: in.Sources, First: published(in.First), Last: published(in.Last)}
}

func published(t time.Time) *sitrep.Published {
	if t.IsZero() {
		return nil
	}
	return &sitrep.Published{Time: t}
}

// StoryArticle is one article of a story.
type StoryArticle struct {
	Summary
	DuplicateOf *string `json:"duplicate_of"` // the article it copies; null for an original
	Similarity  float64 `json:"similarity"`
}

// StoryDetail is the answer of GET /api/stories/{id}: the story, its
// articles oldest first, and what they tell together.
type StoryDetail struct {
	StorySummary
	Articles   []StoryArticle    `json:"articles"`
	Incidents  []review.Incident `json:"incidents"`
	Tally      story.Tally       `json:"tally"`
	QuoteDrift []story.Drift     `json:"quote_drift"`
	// Truncated is set when the story has more than MaxStoryArticles
	// articles (Reports counts them all): Articles, and the incidents,
	// tally and drift computed from them, are then those of its latest
	// MaxStoryArticles.
	Truncated bool `json:"truncated"`
}

// MaxStoryArticles bounds the articles a story's answer lists and reads to
// compute its incidents, so that one request's work is bounded.
const MaxStoryArticles = 500

// LoadStory reads a story and its articles from st and computes its
// incidents, tally and quote drift. An unknown story is an error wrapping
// store.ErrNotFound. The CLI prints what it returns.
func LoadStory(ctx context.Context, st store.Store, id string) (*StoryDetail, error) {
	return LoadStoryAsOf(ctx, st, id, time.Time{})
}

// LoadStoryAsOf is LoadStory with the review decisions as they stood at
// asOf (the latest when asOf is zero): what an export made then showed of
// every reviewed incident. Incidents no one had reviewed are computed from
// the current layers.
func LoadStoryAsOf(ctx context.Context, st store.Store, id string, asOf time.Time) (*StoryDetail, error) {
	s, err := st.Story(ctx, id, MaxStoryArticles)
	if err != nil {
		return nil, err
	}
	out := &StoryDetail{StorySummary: storySummary(s.StorySummary), Articles: make([]StoryArticle, len(s.Articles)),
		Truncated: len(s.Articles) < s.Reports}
	for i, a := range s.Articles {
		out.Articles[i] = StoryArticle{Summary: summaries([]store.Summary{a.Summary})[0], Similarity: a.Similarity}
		if a.DuplicateOf != "" {
			out.Articles[i].DuplicateOf = &a.DuplicateOf
		}
	}
	docs := make([]*sitrep.Doc, 0, len(s.Articles))
	members := make([]story.Membership, 0, len(s.Articles))
	ents := story.NewEntities()
	for _, a := range s.Articles {
		// The layers only: the raw input is not needed.
		rec, err := st.GetDoc(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
		links, err := st.ArticleLinks(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
		for _, l := range links {
			ents.Restore(story.Link{Article: l.Article, Local: l.Local, Global: l.Global, Name: l.Name, Type: l.Type})
		}
		docs = append(docs, rec.Doc)
		members = append(members, story.Membership{Article: a.ID, Story: id, DuplicateOf: a.DuplicateOf,
			Similarity: a.Similarity, Source: a.Source, Published: a.Published})
	}
	reviews, err := st.LatestReviews(ctx, id, asOf)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	out.Incidents = review.Apply(story.Incidents(id, docs, members, ents), reviews)
	out.Tally = story.StoryTally(Counted(out.Incidents))
	out.QuoteDrift = story.QuoteDrift(docs, members, ents)
	if out.Incidents == nil {
		out.Incidents = []review.Incident{}
	}
	if out.QuoteDrift == nil {
		out.QuoteDrift = []story.Drift{}
	}
	return out, nil
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var q store.StoryQuery
	if err := knownParams(v, "limit", "cursor"); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	q.Cursor = v.Get("cursor")
	var err error
	if q.Limit, err = limitParam(v); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	page, err := s.store.Stories(r.Context(), q)
	if s.pageFailed(w, r, err) {
		return
	}
	out := StoryList{Stories: make([]StorySummary, len(page.Stories))}
	for i, st := range page.Stories {
		out.Stories[i] = storySummary(st)
	}
	if page.Next != "" {
		out.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !ValidStoryID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("story id %q: expected s and 16 hexadecimal digits", truncate(id, 40)))
		return
	}
	d, err := LoadStory(r.Context(), s.store, id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("story %s: not found", id))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// ValidStoryID reports whether id has the form of a story ID: "s" and the
// content ID of the story's first article.
func ValidStoryID(id string) bool {
	return len(id) == 17 && id[0] == 's' && validID(id[1:])
}

func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !review.ValidIncidentID(id) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("incident id %q: expected a story id, a hyphen and 12 hexadecimal digits", truncate(id, 40)))
		return
	}
	inc, d, err := FindIncident(r.Context(), s.store, id)
	if errors.Is(err, store.ErrNotFound) {
		sid := review.IncidentStory(id)
		if d == nil {
			writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("incident %s: no story %s", id, sid))
		} else {
			writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("incident %s: not found in story %s", id, sid))
		}
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, inc)
}

// EntityDetail is the answer of GET /api/entities/{key}: one entity across
// articles, the articles that name it (the most recently linked first),
// what it said and the
// events it acted in or was the target of. Offsets in quotes and events are
// code points into their article's text, as in the extraction contract.
type EntityDetail struct {
	story.Entity
	// ArticleCount counts every article that names the entity; Articles,
	// Quotes and Events come from the MaxEntityArticles most recently
	// linked of them, found among its latest MaxEntityLinks links, which
	// also give its name and aliases.
	ArticleCount int           `json:"article_count"`
	Articles     []Summary     `json:"articles"`
	Quotes       []EntityQuote `json:"quotes"`
	Events       []EntityEvent `json:"events"`
}

// EntityQuote is a quote the entity is the speaker of.
type EntityQuote struct {
	Article string `json:"article"`
	sitrep.Quote
}

// EntityEvent is an event the entity is the actor or the target of.
type EntityEvent struct {
	Article string `json:"article"`
	Role    string `json:"role"` // actor or target
	sitrep.Event
}

// MaxEntityArticles bounds the articles read for one entity.
const MaxEntityArticles = 100

// MaxEntityLinks bounds the links read for one entity: its latest ones,
// enough for MaxEntityArticles articles that name it a few times each.
const MaxEntityLinks = 10 * MaxEntityArticles

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	if !ValidEntityKey(key) {
		writeError(w, http.StatusBadRequest, CodeBadRequest, fmt.Sprintf("entity key %q: expected a type, a colon and a name (person:claudia-sheinbaum)", truncate(key, 40)))
		return
	}
	out, err := LoadEntity(r.Context(), s.store, key)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("entity %s: not found", truncate(key, 200)))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// LoadEntity reads one entity across articles: its name and aliases from
// its latest MaxEntityLinks links, and the articles, quotes and events of
// the MaxEntityArticles most recently linked articles. An unknown key is an
// error wrapping store.ErrNotFound.
func LoadEntity(ctx context.Context, st store.Store, key string) (*EntityDetail, error) {
	// The latest links only: a place such as the United States is named in
	// nearly every article, and one request must not read them all.
	links, err := st.LatestEntityLinks(ctx, key, MaxEntityLinks)
	if err != nil {
		return nil, err
	}
	if len(links) == 0 {
		return nil, fmt.Errorf("entity %s: %w", key, store.ErrNotFound)
	}
	count, err := st.EntityArticles(ctx, key)
	if err != nil {
		return nil, err
	}
	ents := story.NewEntities()
	locals := map[string][]string{} // article → its keys for the entity
	var order []string              // articles, latest link first
	// Restored in the order they were put, as a startup restore does.
	for _, l := range links {
		ents.Restore(story.Link{Article: l.Article, Local: l.Local, Global: l.Global, Name: l.Name, Type: l.Type})
	}
	for i := len(links) - 1; i >= 0; i-- {
		l := links[i]
		if _, seen := locals[l.Article]; !seen {
			order = append(order, l.Article)
		}
		locals[l.Article] = append(locals[l.Article], l.Local)
	}
	e, ok := ents.Entity(key)
	if !ok { // the registry files every restored link under its key
		return nil, fmt.Errorf("entity %s: not in the registry restored from its links", key)
	}
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	out := &EntityDetail{Entity: e, ArticleCount: max(count, len(order)), Articles: []Summary{}, Quotes: []EntityQuote{}, Events: []EntityEvent{}}
	for _, id := range order[:min(len(order), MaxEntityArticles)] {
		rec, err := st.GetDoc(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out.Articles = append(out.Articles, summaries([]store.Summary{{ID: id, URL: rec.Doc.URL, Source: rec.Doc.Source,
			Title: rec.Doc.Title, Published: rec.Doc.Published, Language: rec.Doc.Language, Ingested: rec.Ingested, Version: rec.Version}})[0])
		is := func(m *sitrep.Mention) bool { return m != nil && m.Key != "" && slices.Contains(locals[id], m.Key) }
		x := rec.Doc.Contract(rec.Pipeline) // code-point offsets
		for _, q := range x.Quotes {
			if is(q.Speaker) {
				out.Quotes = append(out.Quotes, EntityQuote{Article: id, Quote: q})
			}
		}
		for _, ev := range x.Events {
			if is(ev.Actor) {
				out.Events = append(out.Events, EntityEvent{Article: id, Role: "actor", Event: ev})
			}
			if is(ev.Target) {
				out.Events = append(out.Events, EntityEvent{Article: id, Role: "target", Event: ev})
			}
		}
	}
	return out, nil
}

// ValidEntityKey accepts what a global entity key can be: a type, a colon
// and a name, in at most store.MaxKeyLen bytes of printable UTF-8.
func ValidEntityKey(key string) bool {
	typ, name, ok := strings.Cut(key, ":")
	if !ok || typ == "" || name == "" || len(key) > store.MaxKeyLen || !utf8.ValidString(key) {
		return false
	}
	return !strings.ContainsFunc(key, unicode.IsControl)
}

func isHex(s string) bool {
	for _, c := range s {
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

// truncate cuts s to at most n bytes, at a character boundary, for
// messages that quote hostile input.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
