package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// fixture is a real SQLite store with a few articles behind a real server.
func fixture(t *testing.T) (*httptest.Server, []string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var ids []string
	for i, a := range []struct {
		title, text, source, lang string
		published                 time.Time
	}{
		{"Strikes in the Caribbean", "The White House has launched at least 20 airstrikes since September, killing at least 80 people.", "Al Jazeera", "en", time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)},
		{"Sheinbaum opposes strikes", "Mexican President Claudia Sheinbaum said she opposes attacks on Mexico’s soil.", "Reuters", "en", time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)},
		{"Ataques en el Caribe", "Estados Unidos lanzó ataques contra embarcaciones en el Caribe.", "El País", "es", time.Date(2025, 11, 10, 0, 0, 0, 0, time.UTC)},
	} {
		art := sitrep.Article{URL: fmt.Sprintf("https://example.org/%d", i), Title: a.title, Text: a.text, Source: a.source, Language: a.lang, Published: a.published}
		art.ID = sitrep.ContentID(art.Title, art.Text)
		d := sitrep.NewDoc(art)
		if i == 1 {
			start := strings.Index(art.Text, "Claudia Sheinbaum")
			d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: start, End: start + len("Claudia Sheinbaum")}, Text: "Claudia Sheinbaum", Type: "PERSON", Name: "Claudia Sheinbaum", Key: "e1"}}
		}
		if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(art.Text), ContentType: "text/plain", Pipeline: "text", Fetched: time.Now()}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, art.ID)
	}
	srv := httptest.NewServer(New(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv, ids
}

func get(t *testing.T, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: not JSON (%v): %s", path, err, body)
		}
	}
	return resp
}

func titles(l ArticleList) []string {
	var out []string
	for _, a := range l.Articles {
		out = append(out, a.Title)
	}
	return out
}

func TestListArticles(t *testing.T) {
	srv, _ := fixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Strikes in the Caribbean", "Sheinbaum opposes strikes", "Ataques en el Caribe"}},
		{"q=airstrikes", []string{"Strikes in the Caribbean"}},
		{"q=" + url.QueryEscape(`Sheinbaum "soil*:`), []string{"Sheinbaum opposes strikes"}},
		{"since=2025-11-17", []string{"Strikes in the Caribbean", "Sheinbaum opposes strikes"}},
		{"until=2025-11-17", []string{"Ataques en el Caribe"}},
		{"lang=es", []string{"Ataques en el Caribe"}},
		{"source=Reuters", []string{"Sheinbaum opposes strikes"}},
		{"q=nothing+matches+this", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var l ArticleList
			resp := get(t, srv, "/api/articles?"+tt.query, &l)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if strings.Join(titles(l), "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", titles(l), tt.want)
			}
			if l.Articles == nil {
				t.Error("articles must be [] not null")
			}
		})
	}
}

func TestPagination(t *testing.T) {
	srv, _ := fixture(t)
	var seen []string
	path := "/api/articles?limit=2"
	for range 5 {
		var l ArticleList
		get(t, srv, path, &l)
		seen = append(seen, titles(l)...)
		if l.Next == nil {
			break
		}
		path = "/api/articles?limit=2&cursor=" + url.QueryEscape(*l.Next)
	}
	if len(seen) != 3 {
		t.Errorf("paged through %q, want all 3 once", seen)
	}
}

func TestGetArticle(t *testing.T) {
	srv, ids := fixture(t)
	var d ArticleDetail
	resp := get(t, srv, "/api/articles/"+strings.ToUpper(ids[1]), &d)
	if resp.StatusCode != 200 || d.ID != ids[1] || d.Title != "Sheinbaum opposes strikes" {
		t.Fatalf("status %d, article %+v", resp.StatusCode, d)
	}
	if d.Published == nil || !d.Published.Equal(time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published = %v", d.Published)
	}
	// Offsets are code points: the curly apostrophe before them must not shift them.
	e := d.Entities[0]
	if got := string([]rune(d.Text)[e.Start:e.End]); got != "Claudia Sheinbaum" {
		t.Errorf("entity slice = %q", got)
	}
	if len(d.Versions) != 1 || d.Version != 1 || d.RawSHA256 == "" || d.Pipeline != "text" {
		t.Errorf("history: version %d, versions %+v, raw %q, pipeline %q", d.Version, d.Versions, d.RawSHA256, d.Pipeline)
	}
	for _, layer := range []any{d.Quotes, d.Quantities, d.Times, d.Places, d.Sourcing, d.Events} {
		if layer == nil {
			t.Error("an empty layer is null")
		}
	}
}

func TestErrors(t *testing.T) {
	srv, _ := fixture(t)
	tests := []struct {
		method, path string
		status       int
		code, says   string
	}{
		{"GET", "/api/articles/0123456789abcdef", 404, CodeNotFound, "article 0123456789abcdef: not found"},
		{"GET", "/api/articles/not-an-id", 400, CodeBadRequest, "expected 16 hexadecimal digits"},
		{"GET", "/api/articles/%3Cscript%3E", 400, CodeBadRequest, "expected 16"},
		{"GET", "/api/articles?since=yesterday", 400, CodeBadRequest, "parameter since"},
		{"GET", "/api/articles?limit=0", 400, CodeBadRequest, "parameter limit"},
		{"GET", "/api/articles?limit=100000", 400, CodeBadRequest, "parameter limit"},
		{"GET", "/api/articles?cursor=garbage", 400, CodeBadRequest, "parameter cursor"},
		{"GET", "/api/articles?sort=asc", 400, CodeBadRequest, "parameter sort: unknown"},
		{"GET", "/api/nothing", 404, CodeNotFound, "no such endpoint"},
		{"POST", "/api/articles", 405, CodeMethodNotAllowed, "read-only"},
		{"DELETE", "/api/articles/0123456789abcdef", 405, CodeMethodNotAllowed, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e errorBody
			if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
				t.Fatalf("error is not JSON: %v", err)
			}
			if resp.StatusCode != tt.status || e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.says) {
				t.Errorf("got %d %+v, want %d %s containing %q", resp.StatusCode, e.Error, tt.status, tt.code, tt.says)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("405 without Allow: GET, HEAD")
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff header")
			}
		})
	}
}

func TestHealthMetricsOpenAPI(t *testing.T) {
	srv, _ := fixture(t)
	var h struct {
		Status   string
		Articles int
	}
	if resp := get(t, srv, "/healthz", &h); resp.StatusCode != 200 || h.Status != "ok" || h.Articles != 3 {
		t.Errorf("healthz: %d %+v", resp.StatusCode, h)
	}
	get(t, srv, "/api/articles", nil)
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`sitrep_http_requests_total{code="200",route="articles"} 1`, "sitrep_articles 3", "go_goroutines"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	get(t, srv, "/api/openapi.json", &doc)
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	for _, p := range []string{"/api/articles", "/api/articles/{id}", "/healthz", "/metrics", "/api/openapi.json"} {
		if _, ok := doc.Paths[p]["get"]; !ok {
			t.Errorf("OpenAPI document lacks GET %s", p)
		}
	}
}
