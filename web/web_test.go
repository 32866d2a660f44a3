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
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, a := range arts {
		a.ID = sitrep.ContentID(a.Title, a.Text)
		if _, err := db.Put(context.Background(), &store.Record{Doc: sitrep.NewDoc(a), Raw: []byte(a.Text), Pipeline: "text", Fetched: time.Now()}); err != nil {
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
