package synth

import (
	"reflect"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/internal/shareddata"
)

var corpusOnce = sync.OnceValues(func() (*Corpus, error) { return Load(shareddata.Dir()) })

func corpus(t *testing.T) *Corpus {
	t.Helper()
	shareddata.Path(t, "timex/tbaq")
	c, err := corpusOnce()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoad(t *testing.T) {
	texts, sentences, people, orgs, places := corpus(t).Size()
	t.Logf("%d texts, %d sentences, %d people, %d organizations, %d places", texts, sentences, people, orgs, places)
	if texts < 400 || sentences < 5000 || people < 1000 || orgs < 1000 || places < 500 {
		t.Errorf("too little material: %d texts, %d sentences, %d people, %d organizations, %d places", texts, sentences, people, orgs, places)
	}
}

func TestGenerate(t *testing.T) {
	c := corpus(t)
	const n = 3000
	arts := Generate(c, Options{Articles: n, Seed: 7})
	if len(arts) != n {
		t.Fatalf("%d articles, want %d", len(arts), n)
	}
	if again := Generate(c, Options{Articles: n, Seed: 7}); !reflect.DeepEqual(arts, again) {
		t.Error("the same seed gave another stream")
	}
	if other := Generate(c, Options{Articles: n, Seed: 8}); reflect.DeepEqual(arts[0], other[0]) {
		t.Error("another seed gave the same first article")
	}
	ids := map[string]bool{}
	stories := map[int]bool{}
	copies, undated := 0, 0
	for i, a := range arts {
		if a.ID == "" || a.Title == "" || a.Text == "" || a.Source == "" {
			t.Fatalf("article %d incomplete: %+v", i, a.Article)
		}
		ids[a.ID] = true
		stories[a.Story] = true
		if a.CopyOf != "" {
			copies++
		}
		if a.Published.IsZero() {
			undated++
		}
		if i > 0 && a.at.Before(arts[i-1].at) {
			t.Fatalf("article %d out of publication order", i)
		}
	}
	share := float64(copies) / n
	t.Logf("%d stories, %d copies (%.2f), %d undated, %d distinct IDs", len(stories), copies, share, undated, len(ids))
	if share < 0.08 || share > 0.2 {
		t.Errorf("copy share %.2f, want about 0.15 (less the first article of each story)", share)
	}
	if len(stories) < n/20 || len(stories) > n/4 {
		t.Errorf("%d stories for %d articles, want about one in eight", len(stories), n)
	}
	if undated == 0 || undated > n/20 {
		t.Errorf("%d undated, want about 2%%", undated)
	}
	if len(ids) < n*99/100 {
		t.Errorf("%d distinct IDs of %d articles", len(ids), n)
	}
}
