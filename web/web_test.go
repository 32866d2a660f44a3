package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

func serve(t *testing.T, arts ...sitrep.Article) *httptest.Server {
	t.Helper()
	docs := make([]*sitrep.Doc, len(arts))
	for i, a := range arts {
		docs[i] = sitrep.NewDoc(a)
	}
	return serveDocs(t, docs...)
}

func serveDocs(t *testing.T, docs ...*sitrep.Doc) *httptest.Server {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, d := range docs {
		d.ID = sitrep.ContentID(d.Title, d.Text)
		if _, err := db.Put(context.Background(), &store.Record{Doc: d, Raw: []byte(d.Text), Pipeline: "text", Fetched: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(New(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv
}

func page(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestPages(t *testing.T) {
	a := sitrep.Article{URL: "https://example.org/a", Title: "Strikes in the Caribbean", Source: "Al Jazeera", Language: "en",
		Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC), Text: "First paragraph about strikes.\nSecond paragraph."}
	srv := serve(t, a)
	id := sitrep.ContentID(a.Title, a.Text)

	status, hdr, body := page(t, srv.URL+"/")
	if status != 200 || !strings.Contains(body, "Strikes in the Caribbean") || !strings.Contains(body, "/articles/"+id) || !strings.Contains(body, "18 November 2025") {
		t.Errorf("index: %d\n%s", status, body)
	}
	if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q should forbid all scripts", csp)
	}
	_, _, body = page(t, srv.URL+"/?q=strikes")
	if !strings.Contains(body, "matching “strikes”") || !strings.Contains(body, "/articles/"+id) {
		t.Errorf("search page lacks the match:\n%s", body)
	}
	status, _, body = page(t, srv.URL+"/articles/"+id)
	if status != 200 || !strings.Contains(body, "<p>First paragraph about strikes.</p>") || !strings.Contains(body, `href="https://example.org/a"`) {
		t.Errorf("article page: %d\n%s", status, body)
	}
	if status, _, _ := page(t, srv.URL+"/articles/0000000000000000"); status != 404 {
		t.Errorf("missing article: status %d", status)
	}
	if status, _, _ := page(t, srv.URL+"/nowhere"); status != 404 {
		t.Errorf("unknown page: status %d", status)
	}
	if status, hdr, _ := page(t, srv.URL+"/assets/style.css"); status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d %s", status, hdr.Get("Content-Type"))
	}
}

// An article is hostile input: whatever it holds must reach the browser as text.
func TestHostileArticleIsInert(t *testing.T) {
	a := sitrep.Article{
		URL:   "javascript:alert(document.cookie)",
		Title: `<script>alert("title")</script>`,
		Text: `<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>` + "\n" +
			`</p><script>alert(3)</script>` + "\n" + "\u202Egnp.exe" + "\n" + strings.Repeat("A", 100000),
		Source: `"><svg onload=alert(4)>`,
	}
	srv := serve(t, a)
	for _, path := range []string{"/", "/articles/" + sitrep.ContentID(a.Title, a.Text), "/?q=" + "%3Cscript%3E"} {
		_, _, body := page(t, srv.URL+path)
		for _, bad := range []string{"<script>", "<img", "<svg", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q unescaped", path, bad)
			}
		}
	}
	_, _, body := page(t, srv.URL+"/articles/"+sitrep.ContentID(a.Title, a.Text))
	if !strings.Contains(body, "&lt;script&gt;alert(3)&lt;/script&gt;") {
		t.Error("the article's markup is not shown as text")
	}
}

// The article page lists the facts of each layer, each with what it rests on.
func TestArticleFacts(t *testing.T) {
	txt := "“We know all the routes,” Trump told reporters. NBC reported, citing two officials, that at least 80 people <b>died</b> on Monday in the Caribbean."
	d := sitrep.NewDoc(sitrep.Article{URL: "https://example.org/facts", Title: "Facts", Text: txt})
	n80, lat, lon, zero := int64(80), 15.0, -75.0, 0
	reporters := "reporters"
	d.Quotes = []sitrep.Quote{{Text: "We know all the routes,", Direct: true, Cue: "told", Addressee: &reporters,
		Speaker: &sitrep.Mention{Text: "Trump", Name: "Donald Trump"}}}
	d.Sourcing = []sitrep.Attribution{{Text: "NBC reported, citing two officials", Source: sitrep.Source{Text: "NBC", Name: "NBC"},
		Cites: []sitrep.Cited{{Text: "two officials", Anonymous: true}}}}
	d.Quantities = []sitrep.Quantity{
		{Text: "at least 80 people <b>", Low: &n80, Qualifier: "at_least", Unit: "people", Category: "killed", Sourcing: &zero},
		{Text: "80 routes", Low: &n80, High: &n80, Qualifier: "exact", Unit: "routes", Category: "other"},
	}
	d.Times = []sitrep.Time{{Text: "on Monday", Type: "DATE", Value: "2025-11-17"}}
	d.Places = []sitrep.Place{{Text: "the Caribbean", Name: "Caribbean Sea", Kind: "sea", Lat: &lat, Lon: &lon}}
	one, bad := 1, 7
	d.Events = []sitrep.Event{
		{Text: "died", Subtype: "Air/drone strike", Modality: "occurred", Aggregate: true,
			Actor:  &sitrep.Mention{Text: "White House", Name: "United States government"},
			Target: &sitrep.Mention{Text: "boats <i>"}, Place: &zero, Time: &zero, Counts: []int{0, 1, 9},
			Evidence: "none_public", Sourcing: &zero},
		{Text: "strike", Subtype: "Air/drone strike", Modality: "threatened", Negated: true, Place: &bad, Time: &one, Sourcing: &bad},
	}
	srv := serveDocs(t, d)
	_, _, body := page(t, srv.URL+"/articles/"+sitrep.ContentID(d.Title, d.Text))
	for _, want := range []string{
		"<td>died</td><td>Air/drone strike (campaign)</td><td>occurred</td><td>United States government</td><td>boats &lt;i&gt;</td><td>Caribbean Sea</td><td>on Monday</td><td>at least 80 people &lt;b&gt;; 80 routes</td><td>none_public</td><td>NBC</td>",
		"<td>strike</td><td>Air/drone strike</td><td>not threatened</td><td></td><td></td><td></td><td></td><td></td><td></td><td>the article</td>",
		"<b>Donald Trump</b> told reporters: “We know all the routes,”",
		"<td>at least 80 people &lt;b&gt;</td><td>80</td><td>open</td><td>at_least</td><td>people (killed)</td><td>NBC</td>",
		"<td>80 routes</td><td>80</td><td>80</td><td>exact</td><td>routes</td><td>the article</td>",
		"on Monday → <code>2025-11-17</code>",
		"the Caribbean → Caribbean Sea (sea) 15.00, -75.00",
		"<b>NBC</b> ← two officials (anonymous)",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if strings.Contains(body, "<b>died</b>") {
		t.Error("article text reached the page unescaped")
	}
}
