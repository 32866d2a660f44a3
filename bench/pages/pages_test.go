package pages_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/bench/pages"
	"github.com/sitrep/sitrep/demo"
)

// boilerplate is text of the page around the article that an extraction
// must not keep: if it did, the benchmarks would time something else.
var boilerplate = []string{
	"Share this article", "We use cookies", "Accept all", "Advertisement",
	"Recommended stories", "Get the morning briefing", "Email address",
	"All rights reserved", "Manage preferences", "Investigations", "File photo",
}

func TestPages(t *testing.T) {
	arts, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	n := 2*len(arts) + 3 // every article twice, every template several times
	dir := t.TempDir()
	if err := pages.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	dated := 0
	for i := range n {
		body, err := os.ReadFile(filepath.Join(dir, pages.Name(i)))
		if err != nil {
			t.Fatal(err)
		}
		if again := pages.Page(i, arts[i%len(arts)]); !bytes.Equal(body, again) {
			t.Fatalf("page %d differs between two renderings", i)
		}
		if bytes.Contains(body, []byte(`"datePublished"`)) {
			dated++
		}
		a, err := article.Parse(article.Input{Body: body, URL: pages.Name(i), ContentType: "text/html"})
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		if j, ok := ids[a.ID]; ok {
			t.Errorf("pages %d and %d have the same content ID", j, i)
		}
		ids[a.ID] = i
		for _, b := range boilerplate {
			if strings.Contains(a.Text, b) {
				t.Errorf("page %d: extracted text keeps boilerplate %q", i, b)
			}
		}
		if !strings.Contains(a.Text, "This is report number") {
			t.Errorf("page %d: extracted text lost the page's own sentence", i)
		}
		if a.Language != "en" {
			t.Errorf("page %d: language %q", i, a.Language)
		}
	}
	if dated == 0 || dated == n {
		t.Errorf("%d of %d pages carry a datePublished; want some, not all (the corpus dates some articles)", dated, n)
	}
}
