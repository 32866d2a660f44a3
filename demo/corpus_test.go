package demo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCorpus(t *testing.T) {
	arts, err := Corpus()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(arts); n < 21 || n > 41 {
		t.Errorf("corpus has %d articles, want the seed plus 20–40", n)
	}
	seed := false
	for _, a := range arts {
		if !utf8.Valid(a.Body) {
			t.Errorf("%s is not valid UTF-8", a.Name)
		}
		if a.Name == "strikes-mexico-2025-11-18.txt" {
			seed = true
			continue
		}
		if !strings.HasPrefix(a.URL, "https://en.wikinews.org/") {
			t.Errorf("%s has no Wikinews source URL (got %q): its licence needs the credit", a.Name, a.URL)
		}
	}
	if !seed {
		t.Error("the seed article is missing")
	}
}
