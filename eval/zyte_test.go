package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/article"
)

// testdata/zyte is a four-page benchmark in the real one's layout: two
// articles among page clutter, a brief whose gold text is exactly 20
// tokens, and a paywalled page that is only a login form (its gold text is
// the teaser the benchmark's annotators saw).
const zyteDir = "testdata/zyte"

func TestReadZyte(t *testing.T) {
	items, err := ReadZyte(zyteDir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	if got, want := strings.Join(ids, " "), "brief caribbean-strikes cartel-designation paywalled"; got != want {
		t.Fatalf("IDs = %s, want %s (sorted)", got, want)
	}
	brief := items[0]
	if brief.URL != "https://wire.example.com/2025/11/21/brief" ||
		!strings.HasPrefix(brief.Body, "Mexican officials met their US counterparts") ||
		brief.HTMLPath != filepath.Join(zyteDir, "html", "brief.html.gz") {
		t.Errorf("item = %+v", brief)
	}
	if n := len(tokens(brief.Body)); n != 20 {
		t.Errorf("the brief's gold text has %d tokens; the hand-computed scores below assume 20", n)
	}
	page, err := brief.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<title>Officials meet in Washington") {
		t.Errorf("HTML() = %.80q…, want the decompressed page", page)
	}
}

func TestReadZyteErrors(t *testing.T) {
	if _, err := ReadZyte(t.TempDir()); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no ground-truth.json: err = %v, want not-exist", err)
	}

	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ground-truth.json", `{"x": {"articleBody": "a", "url": "u"}}`)
	if _, err := ReadZyte(dir); err == nil || !strings.Contains(err.Error(), `item "x"`) {
		t.Errorf("missing page: err = %v, want it to name the item", err)
	}
	write("ground-truth.json", `["not", "an", "object"]`)
	if _, err := ReadZyte(dir); err == nil || !strings.Contains(err.Error(), "ground-truth.json") {
		t.Errorf("bad JSON: err = %v, want it to name the file", err)
	}
}

// A stub extractor with known outputs, so the aggregate can be checked by
// hand: the two articles exactly, the paywalled page failing, and the
// brief with three extra tokens appended.
func TestEvalZyteScoring(t *testing.T) {
	items, err := ReadZyte(zyteDir)
	if err != nil {
		t.Fatal(err)
	}
	gold := map[string]string{}
	for _, it := range items {
		gold[it.URL] = it.Body
	}
	stub := func(html []byte, url string) (string, error) {
		switch {
		case strings.HasSuffix(url, "/paywalled"):
			return "", errTest
		case strings.HasSuffix(url, "/brief"):
			return gold[url] + " Read more here", nil
		}
		return gold[url], nil
	}
	r, err := EvalZyte(context.Background(), zyteDir, stub)
	if err != nil {
		t.Fatal(err)
	}
	// brief: 17 gold shingles all found, 3 more predicted → P 17/20, R 1.
	// the two articles: P 1, R 1. paywalled: no prediction, R 0.
	// P = (0.85+1+1)/3 = 0.95; R = (1+1+1+0)/4 = 0.75;
	// F1 = 2·0.95·0.75/1.7 = 1.425/1.7; accuracy = 2/4.
	if r.N != 4 || r.Failures != 1 || !near(r.Precision, 0.95) || !near(r.Recall, 0.75) ||
		!near(r.F1, 1.425/1.7) || !near(r.Accuracy, 0.5) {
		t.Errorf("report = N %d, failures %d, P %v, R %v, F1 %v, accuracy %v; want 4, 1, 0.95, 0.75, %v, 0.5",
			r.N, r.Failures, r.Precision, r.Recall, r.F1, r.Accuracy, 1.425/1.7)
	}
	if r.Items[3].ID != "paywalled" || !errors.Is(r.Items[3].Err, errTest) {
		t.Errorf("the failed item is not reported: %+v", r.Items[3])
	}
}

// End to end with the extractor the CLI uses.
func TestEvalZyteWithArticleParse(t *testing.T) {
	extract := func(html []byte, url string) (string, error) {
		a, err := article.Parse(article.Input{Body: html, URL: url, ContentType: "text/html"})
		return a.Text, err
	}
	r, err := EvalZyte(context.Background(), zyteDir, extract)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	if r.Failures != 1 || !errors.Is(r.Items[3].Err, article.ErrNoArticle) {
		t.Errorf("want the login page, and only it, to fail with ErrNoArticle; report:\n%s", b.String())
	}
	for _, it := range r.Items[:3] {
		if !it.Exact {
			t.Errorf("%s: P %.3f R %.3f, want the article body exactly", it.ID, it.Precision, it.Recall)
		}
	}
	if !near(r.Precision, 1) || !near(r.Recall, 0.75) {
		t.Errorf("P %v, R %v; want 1 and 0.75 (three exact, one failure)", r.Precision, r.Recall)
	}
	if !strings.Contains(b.String(), "failed paywalled: ") {
		t.Errorf("the report does not list the failure:\n%s", b.String())
	}
}

func TestEvalZyteStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := EvalZyte(ctx, zyteDir, func([]byte, string) (string, error) { return "", nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: err = %v, want context.Canceled", err)
	}
	if _, err := EvalZyte(context.Background(), t.TempDir(), nil); err == nil {
		t.Errorf("missing benchmark: no error")
	}
}

func TestEvalZyteExtractorPanic(t *testing.T) {
	r, err := EvalZyte(context.Background(), zyteDir, func(_ []byte, url string) (string, error) {
		if strings.HasSuffix(url, "/brief") {
			panic("boom")
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Failures != 1 || r.Items[0].Err == nil || !strings.Contains(r.Items[0].Err.Error(), "panicked: boom") {
		t.Errorf("a panicking extractor: failures %d, item %+v", r.Failures, r.Items[0])
	}
}
