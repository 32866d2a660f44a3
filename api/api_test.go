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
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/review"
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
	srv := httptest.NewServer(New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}))
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
		// A stranger's parameter name is echoed cut to 40 bytes.
		{"GET", "/api/articles?" + strings.Repeat("x", 300) + "=1", 400, CodeBadRequest, "parameter " + strings.Repeat("x", 40) + "…: unknown"},
		{"GET", "/api/stories?" + strings.Repeat("x", 300) + "=1", 400, CodeBadRequest, "parameter " + strings.Repeat("x", 40) + "…: unknown"},
		{"GET", "/api/nothing", 404, CodeNotFound, "no such endpoint"},
		{"POST", "/api/articles", 405, CodeMethodNotAllowed, "not allowed on /api/articles"},
		{"GET", "/api/incidents/s0123456789abcdef-0123456789ab/review", 405, CodeMethodNotAllowed, "allowed: POST"},
		{"DELETE", "/api/articles/0123456789abcdef", 405, CodeMethodNotAllowed, "not allowed"},
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
			if allow := resp.Header.Get("Allow"); tt.status == 405 && !strings.Contains(tt.says, "POST") && allow != "GET, HEAD" {
				t.Errorf("405 with Allow %q, want GET, HEAD", allow)
			} else if tt.status == 405 && strings.Contains(tt.says, "POST") && allow != "POST" {
				t.Errorf("405 with Allow %q, want POST", allow)
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
	// Every route the server registers is described: a new endpoint
	// without its description fails here.
	routes := New(nil, nil, Options{}).Routes()
	if len(routes) < 12 {
		t.Fatalf("only %d routes recorded", len(routes))
	}
	for _, r := range routes {
		if _, ok := doc.Paths[r.Pattern][strings.ToLower(r.Method)]; !ok {
			t.Errorf("OpenAPI document lacks %s %s", r.Method, r.Pattern)
		}
	}
}

// storyDoc is one hand-annotated report of a boat strike: the story
// endpoints are tested on known layers, not on what the annotators find.
func storyDoc(t *testing.T, source, killed string, n int64, published time.Time) *sitrep.Doc {
	t.Helper()
	text := "US forces struck a boat in the Caribbean on Monday, killing " + killed + ". " +
		"“We will keep going,” Hegseth told reporters."
	span := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("fixture: no %q", s)
		}
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	art := sitrep.Article{URL: "https://" + strings.ToLower(source) + ".example/strike", Source: source,
		Title: source + ": strike on a boat", Text: text, Language: "en", Published: published}
	art.ID = sitrep.ContentID(art.Title, art.Text)
	d := sitrep.NewDoc(art)
	lat, lon := 15.0, -75.0
	zero := 0
	d.Entities = []sitrep.Entity{
		{Span: span("US"), Text: "US", Type: "LOC", Name: "United States", Key: "loc:united states"},
		{Span: span("Hegseth"), Text: "Hegseth", Type: "PERSON", Name: "Hegseth", Key: "person:hegseth"},
	}
	d.Places = []sitrep.Place{{Span: span("the Caribbean"), Text: "the Caribbean", Name: "Caribbean Sea", Kind: "sea", ID: "3996596386", Lat: &lat, Lon: &lon}}
	d.Times = []sitrep.Time{{Span: span("Monday"), Text: "Monday", Type: "DATE", Value: "2025-11-17"}}
	d.Quantities = []sitrep.Quantity{{Span: span(killed), Text: killed, Low: &n, High: &n, Qualifier: "exact", Unit: "people", Category: "killed"}}
	d.Quotes = []sitrep.Quote{{Span: span("We will keep going,"), Text: "We will keep going,", Direct: true, Cue: "told",
		Speaker: &sitrep.Mention{Span: span("Hegseth"), Text: "Hegseth", Name: "Hegseth", Key: "person:hegseth"}}}
	d.Events = []sitrep.Event{{Span: span("struck"), Text: "struck", Type: "Explosions/Remote violence", Subtype: "Air/drone strike",
		Plover: "ASSAULT", Cameo: "195", Modality: "occurred",
		Actor:  &sitrep.Mention{Span: span("US forces"), Text: "US forces", Name: "United States", Key: "loc:united states"},
		Target: &sitrep.Mention{Span: span("a boat"), Text: "a boat", Name: "boat"},
		Place:  &zero, Time: &zero, Counts: []int{0}}}
	return d
}

// storyFixture stores two reports of one strike, a day apart, from two
// outlets, as one story with their entity links, plus a story of its own
// for an unrelated article.
func storyFixture(t *testing.T) (srv *httptest.Server, storyID string, docs []*sitrep.Doc) {
	t.Helper()
	db, storyID, docs := storyStore(t)
	srv = httptest.NewServer(New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}))
	t.Cleanup(srv.Close)
	return srv, storyID, docs
}

// storyStore is the store behind storyFixture.
func storyStore(t *testing.T) (db *sqlite.DB, storyID string, docs []*sitrep.Doc) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "stories.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	docs = []*sitrep.Doc{
		storyDoc(t, "Wire", "three people", 3, time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)),
		storyDoc(t, "Daily", "four people", 4, time.Date(2025, 11, 19, 0, 0, 0, 0, time.UTC)),
	}
	other := sitrep.NewDoc(sitrep.Article{URL: "https://other.example/1", Source: "Other", Title: "Floods in Kenya",
		Text: "Floods hit Kenya.", Language: "en", Published: time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)})
	other.ID = sitrep.ContentID(other.Title, other.Text)
	storyID = "s" + docs[0].ID
	for i, d := range append(slices.Clone(docs), other) {
		if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(d.Text), ContentType: "text/plain", Pipeline: "test"}); err != nil {
			t.Fatal(err)
		}
		st := storyID
		if d == other {
			st = "s" + other.ID
		}
		if err := db.PutMembership(ctx, store.Membership{Article: d.ID, Story: st, Similarity: 0.3 * float64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs {
		links := []store.EntityLink{
			{Article: d.ID, Local: "loc:united states", Global: "loc:united-states", Name: "United States", Type: "LOC"},
			{Article: d.ID, Local: "person:hegseth", Global: "person:pete-hegseth", Name: "Hegseth", Type: "PERSON"},
		}
		if err := db.PutLinks(ctx, d.ID, links); err != nil {
			t.Fatal(err)
		}
	}
	return db, storyID, docs
}

// boundedStore fails the reads that a story or entity answer must not
// make (a raw body, every link of an entity, every member of a story), and
// cuts stories to storyCut articles, as a store holding more than
// MaxStoryArticles of them would.
type boundedStore struct {
	store.Store
	t        *testing.T
	storyCut int
}

func (b boundedStore) Get(ctx context.Context, id string) (*store.Record, error) {
	b.t.Errorf("Get %s: read and decompressed the raw body", id)
	return b.Store.Get(ctx, id)
}

func (b boundedStore) EntityLinks(ctx context.Context, global string) ([]store.EntityLink, error) {
	b.t.Errorf("EntityLinks %s: read every link of the entity", global)
	return b.Store.EntityLinks(ctx, global)
}

func (b boundedStore) Story(ctx context.Context, id string, limit int) (*store.Story, error) {
	if limit <= 0 || limit > MaxStoryArticles {
		b.t.Errorf("Story %s with limit %d: want at most MaxStoryArticles", id, limit)
	}
	return b.Store.Story(ctx, id, min(limit, b.storyCut))
}

func TestStoryAndEntityReadsAreBounded(t *testing.T) {
	db, storyID, docs := storyStore(t)
	for _, c := range []struct {
		name          string
		cut           int
		wantArticles  []string
		wantTruncated bool
	}{
		{"whole story", MaxStoryArticles, []string{docs[0].ID, docs[1].ID}, false},
		{"story longer than the limit", 1, []string{docs[1].ID}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(New(boundedStore{Store: db, t: t, storyCut: c.cut}, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}))
			defer srv.Close()
			var d StoryDetail
			if resp := get(t, srv, "/api/stories/"+storyID, &d); resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			var got []string
			for _, a := range d.Articles {
				got = append(got, a.ID)
			}
			if !slices.Equal(got, c.wantArticles) || d.Truncated != c.wantTruncated || d.Reports != 2 {
				t.Errorf("articles %q, truncated %v, reports %d; want %q, %v, 2", got, d.Truncated, d.Reports, c.wantArticles, c.wantTruncated)
			}
			var e EntityDetail
			if resp := get(t, srv, "/api/entities/loc:united-states", &e); resp.StatusCode != 200 || e.ArticleCount != 2 || len(e.Articles) != 2 {
				t.Errorf("entity: status %d, %d articles of %d; want 2 of 2", resp.StatusCode, len(e.Articles), e.ArticleCount)
			}
		})
	}
}

func TestListStories(t *testing.T) {
	srv, storyID, _ := storyFixture(t)
	var l StoryList
	if resp := get(t, srv, "/api/stories", &l); resp.StatusCode != 200 || len(l.Stories) != 2 || l.Next != nil {
		t.Fatalf("status %d, %+v", resp.StatusCode, l)
	}
	s := l.Stories[0] // the latest first
	if s.ID != storyID || s.Reports != 2 || s.Originals != 2 || s.Sources != 2 || s.Title != "Wire: strike on a boat" ||
		s.First == nil || s.First.Format(time.DateOnly) != "2025-11-18" || s.Last.Format(time.DateOnly) != "2025-11-19" {
		t.Errorf("first story = %+v", s)
	}
	// Pages of one, followed by their cursors, give the same list.
	var ids []string
	path := "/api/stories?limit=1"
	for range 3 {
		var p StoryList
		get(t, srv, path, &p)
		for _, s := range p.Stories {
			ids = append(ids, s.ID)
		}
		if p.Next == nil {
			break
		}
		path = "/api/stories?limit=1&cursor=" + url.QueryEscape(*p.Next)
	}
	if len(ids) != 2 || ids[0] != storyID {
		t.Errorf("paged stories = %q", ids)
	}
}

func TestGetStory(t *testing.T) {
	srv, storyID, docs := storyFixture(t)
	var d StoryDetail
	resp := get(t, srv, "/api/stories/"+strings.ToUpper(storyID), &d)
	if resp.StatusCode != 200 || d.ID != storyID || len(d.Articles) != 2 {
		t.Fatalf("status %d, story %+v", resp.StatusCode, d.StorySummary)
	}
	if d.Articles[0].ID != docs[0].ID || d.Articles[1].ID != docs[1].ID || d.Articles[0].DuplicateOf != nil {
		t.Errorf("articles = %+v, want both reports, oldest first, originals", d.Articles)
	}
	if len(d.Incidents) == 0 {
		t.Fatal("no incidents from two reports of a strike")
	}
	reports := 0
	for _, inc := range d.Incidents {
		if inc.Story != storyID || !strings.HasPrefix(inc.ID, storyID+"-") {
			t.Errorf("incident %s of story %s, want story %s", inc.ID, inc.Story, storyID)
		}
		reports += len(inc.Reports)
	}
	if reports != 2 {
		t.Errorf("incidents list %d reports, want the 2 event mentions", reports)
	}
	// Both tolls are kept: the story's killed figure comes from the reports.
	if len(d.Tally.Killed.Current.Counts) == 0 || d.Tally.Killed.Current.High == nil {
		t.Errorf("tally killed = %+v, want the reports' counts", d.Tally.Killed.Current)
	}

	// The raw JSON has the documented shape.
	r, err := http.Get(srv.URL + "/api/stories/" + storyID)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "title", "reports", "originals", "sources", "first_published", "last_published",
		"articles", "incidents", "tally", "quote_drift", "truncated"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("story JSON lacks %q", k)
		}
	}
	if string(raw["quote_drift"]) == "null" || string(raw["incidents"]) == "null" {
		t.Error("an empty list is null")
	}
}

func TestGetIncident(t *testing.T) {
	srv, storyID, _ := storyFixture(t)
	var d StoryDetail
	get(t, srv, "/api/stories/"+storyID, &d)
	if len(d.Incidents) == 0 {
		t.Fatal("no incidents")
	}
	want := d.Incidents[0]
	var got struct {
		ID      string          `json:"id"`
		Story   string          `json:"story"`
		Reports []any           `json:"reports"`
		Tally   json.RawMessage `json:"tally"`
	}
	if resp := get(t, srv, "/api/incidents/"+want.ID, &got); resp.StatusCode != 200 || got.ID != want.ID ||
		got.Story != storyID || len(got.Reports) != len(want.Reports) || len(got.Tally) == 0 {
		t.Errorf("GET incident %s: %d %+v", want.ID, resp.StatusCode, got)
	}
}

func TestGetEntity(t *testing.T) {
	srv, _, docs := storyFixture(t)
	var e EntityDetail
	if resp := get(t, srv, "/api/entities/person:pete-hegseth", &e); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if e.Key != "person:pete-hegseth" || e.Type != "PERSON" || e.ArticleCount != 2 || len(e.Articles) != 2 {
		t.Errorf("entity = %+v", e)
	}
	if e.Articles[0].ID != docs[1].ID {
		t.Errorf("articles = %+v, want the latest first", e.Articles)
	}
	if len(e.Quotes) != 2 {
		t.Fatalf("quotes = %+v, want one per article", e.Quotes)
	}
	// Offsets are code points: the curly quote before the quote must not shift it.
	q := e.Quotes[0]
	if got := string([]rune(docs[1].Text)[q.Start:q.End]); got != q.Text || q.Text != "We will keep going," {
		t.Errorf("quote %q at code points %d-%d holds %q", q.Text, q.Start, q.End, got)
	}
	if len(e.Events) != 0 {
		t.Errorf("Hegseth acts in no event, got %+v", e.Events)
	}

	var us EntityDetail
	get(t, srv, "/api/entities/loc:united-states", &us)
	if len(us.Events) != 2 || us.Events[0].Role != "actor" || us.Events[0].Subtype != "Air/drone strike" {
		t.Errorf("United States events = %+v, want the strike as actor in both articles", us.Events)
	}
	if len(us.Quotes) != 0 {
		t.Errorf("United States quotes = %+v", us.Quotes)
	}
}

func TestStoryErrors(t *testing.T) {
	srv, storyID, _ := storyFixture(t)
	tests := []struct {
		path   string
		status int
		code   string
		says   string
	}{
		{"/api/stories?limit=0", 400, CodeBadRequest, "parameter limit"},
		{"/api/stories?limit=abc", 400, CodeBadRequest, "parameter limit"},
		{"/api/stories?cursor=garbage", 400, CodeBadRequest, "parameter cursor"},
		{"/api/stories?q=boat", 400, CodeBadRequest, "parameter q: unknown"},
		{"/api/stories/not-a-story", 400, CodeBadRequest, "expected s and 16 hexadecimal digits"},
		{"/api/stories/0123456789abcdef", 400, CodeBadRequest, "expected s"},
		{"/api/stories/s0123456789abcdef", 404, CodeNotFound, "story s0123456789abcdef: not found"},
		{"/api/incidents/" + storyID, 400, CodeBadRequest, "expected a story id"},
		{"/api/incidents/" + storyID + "-xyz", 400, CodeBadRequest, "expected a story id"},
		{"/api/incidents/" + storyID + "-0123456789abcdef", 400, CodeBadRequest, "12 hexadecimal"},
		{"/api/incidents/" + storyID + "-000000000000", 404, CodeNotFound, "not found in story"},
		{"/api/incidents/s0123456789abcdef-000000000000", 404, CodeNotFound, "no story"},
		{"/api/entities/nobody", 400, CodeBadRequest, "a type, a colon and a name"},
		{"/api/entities/person:", 400, CodeBadRequest, "a type, a colon"},
		{"/api/entities/person:" + strings.Repeat("x", 600), 400, CodeBadRequest, "a type, a colon"},
		{"/api/entities/person:%00x", 400, CodeBadRequest, "a type, a colon"},
		{"/api/entities/person:%FFx", 400, CodeBadRequest, "a type, a colon"},
		{"/api/entities/person:nobody", 404, CodeNotFound, "entity person:nobody: not found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var e errorBody
			resp := get(t, srv, tt.path, &e)
			if resp.StatusCode != tt.status || e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.says) {
				t.Errorf("got %d %+v, want %d %s containing %q", resp.StatusCode, e.Error, tt.status, tt.code, tt.says)
			}
		})
	}
}

// FuzzPathIDs checks that the parsers of story, incident and entity IDs
// never panic and accept only what they document.
func FuzzPathIDs(f *testing.F) {
	for _, s := range []string{"s0123456789abcdef", "s0123456789abcdef-0123456789ab", "person:claudia-sheinbaum",
		"", "-", ":", "s", "s0123456789abcdef-", "person:\x00", "loc:\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidStoryID(s) && (len(s) != 17 || s[0] != 's' || !isHex(s[1:])) {
			t.Errorf("story id %q accepted", s)
		}
		if st, ok := review.IncidentStory(s), review.ValidIncidentID(s); ok && (!ValidStoryID(st) || len(s) != 30 || !strings.HasPrefix(s, st+"-")) {
			t.Errorf("incident id %q accepted with story %q", s, st)
		}
		if ValidEntityKey(s) && (len(s) > store.MaxKeyLen || !strings.Contains(s, ":") || strings.ContainsRune(s, 0)) {
			t.Errorf("entity key %q accepted", s)
		}
	})
}

// Reprocessing keeps earlier layers: the article shows its latest layers,
// lists every version, and serves an earlier one on request.
func TestArticleLayerVersions(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "layers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	art := sitrep.Article{URL: "https://example.org/layers", Title: "Layers", Text: "Trump spoke."}
	art.ID = sitrep.ContentID(art.Title, art.Text)
	if _, err := db.Put(ctx, &store.Record{Doc: sitrep.NewDoc(art), Raw: []byte(art.Text), ContentType: "text/plain", Pipeline: "old"}); err != nil {
		t.Fatal(err)
	}
	d := sitrep.NewDoc(art)
	d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: 5}, Text: "Trump", Type: "PERSON", Name: "Trump", Key: "person:trump"}}
	if _, err := db.PutLayers(ctx, art.ID, "new", d); err != nil {
		t.Fatal(err)
	}
	// boundedStore fails the test if the article is read with its raw body.
	srv := httptest.NewServer(New(boundedStore{Store: db, t: t}, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}))
	t.Cleanup(srv.Close)

	var latest, first ArticleDetail
	if resp := get(t, srv, "/api/articles/"+art.ID, &latest); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if latest.Layers != 2 || latest.Pipeline != "new" || len(latest.Entities) != 1 || len(latest.LayerVersions) != 2 ||
		latest.LayerVersions[0].Pipeline != "old" || latest.LayerVersions[1].Pipeline != "new" {
		t.Errorf("latest: layers %d, pipeline %q, %d entities, versions %+v", latest.Layers, latest.Pipeline, len(latest.Entities), latest.LayerVersions)
	}
	if resp := get(t, srv, "/api/articles/"+art.ID+"?layers=1", &first); resp.StatusCode != 200 || first.Layers != 1 ||
		first.Pipeline != "old" || len(first.Entities) != 0 {
		t.Errorf("?layers=1: status %d, layers %d, pipeline %q, %d entities", resp.StatusCode, first.Layers, first.Pipeline, len(first.Entities))
	}
	for q, status := range map[string]int{"?layers=3": 404, "?layers=0": 400, "?layers=x": 400, "?layers=99999999999999999999": 400} {
		var e errorBody
		if resp := get(t, srv, "/api/articles/"+art.ID+q, &e); resp.StatusCode != status || e.Error.Message == "" {
			t.Errorf("%s: status %d, error %+v; want %d with a message", q, resp.StatusCode, e, status)
		}
	}
}
