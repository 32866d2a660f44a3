package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// withStories is a harness whose ingests file articles into stories.
func withStories(t *testing.T, workers int) (*harness, *Stories) {
	t.Helper()
	h := newHarness(t, Config{Workers: workers})
	st, _, err := OpenStories(t.Context(), h.store, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.in.cfg.Stories = st
	return h, st
}

// memberships reads every stored membership, in the order of decision.
func memberships(t *testing.T, s store.Store) []store.Membership {
	t.Helper()
	var out []store.Membership
	for m, err := range s.Memberships(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// checkDecisionOrder fails unless every stored membership refers only to
// articles decided before it (or to itself, for the first of a story): the
// store's order is one the index could have decided in, so a restore that
// replays it rebuilds the same index.
func checkDecisionOrder(t *testing.T, ms []store.Membership) {
	t.Helper()
	seen := map[string]bool{}
	for i, m := range ms {
		if m.DuplicateOf != "" && !seen[m.DuplicateOf] {
			t.Errorf("membership %d (%s) copies %s, decided later or never", i, m.Article, m.DuplicateOf)
		}
		if first := strings.TrimPrefix(m.Story, "s"); first != m.Article && !seen[first] {
			t.Errorf("membership %d (%s) joins story %s, whose first article was decided later or never", i, m.Article, m.Story)
		}
		if len(m.Features) == 0 {
			t.Errorf("membership %d (%s) has no features", i, m.Article)
		}
		seen[m.Article] = true
	}
}

func TestIngestFilesStories(t *testing.T) {
	dir := t.TempDir()
	arts, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for i, a := range arts {
		sources = append(sources, write(t, dir, fmt.Sprintf("%02d.txt", i), a.Body))
	}
	// A reprint of the first article under another name and headline: a
	// copy, not a new report.
	copyBody := "Reprinted from the wire\n" + string(arts[1].Body)
	sources = append(sources, write(t, dir, "reprint.txt", []byte(copyBody)))
	// The same content at a second path: an alias, not an article.
	sources = append(sources, write(t, dir, "alias.txt", arts[2].Body))

	h, st := withStories(t, 8)
	sum := h.run(sources...)
	if sum.Failed != 0 || sum.Duplicates != 1 {
		t.Fatalf("ingest: %+v", sum)
	}
	ms := memberships(t, h.store)
	if len(ms) != sum.Stored {
		t.Fatalf("%d memberships for %d stored articles", len(ms), sum.Stored)
	}
	checkDecisionOrder(t, ms)
	if st.Len() != len(ms) {
		t.Errorf("index holds %d articles, store %d memberships", st.Len(), len(ms))
	}
	copies := 0
	for _, m := range ms {
		if m.DuplicateOf != "" {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("%d copies found, want 1 (the reprint)", copies)
	}
	var linked int
	for range h.store.Links(t.Context()) {
		linked++
	}
	if linked == 0 {
		t.Error("no entity links stored")
	}

	// A second process restores what the first decided, and does not
	// decide again the articles it sees again.
	again, stats, err := OpenStories(t.Context(), h.store, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Memberships != len(ms) || stats.Links != linked || stats.Skipped != 0 || again.Len() != len(ms) {
		t.Errorf("restore: %+v, index of %d; want %d memberships, %d links", stats, again.Len(), len(ms), linked)
	}
	h.in.cfg.Stories = again
	if s := h.run(sources...); s.Unchanged != len(sources) {
		t.Errorf("second run: %+v", s)
	}
	if got := memberships(t, h.store); !slices.EqualFunc(got, ms, func(a, b store.Membership) bool {
		return a.Article == b.Article && a.Story == b.Story && a.DuplicateOf == b.DuplicateOf
	}) {
		t.Error("a second run changed the memberships")
	}
}

// An article stored before stories existed (or by a run killed between the
// two writes) is filed when it comes by again.
func TestIngestFilesArticlesStoredWithoutStory(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(strikeText(1)))
	h := newHarness(t, Config{})
	if s := h.run(a); s.Stored != 1 {
		t.Fatalf("%+v", s)
	}
	if ms := memberships(t, h.store); len(ms) != 0 {
		t.Fatalf("%d memberships without Stories", len(ms))
	}
	st, _, err := OpenStories(t.Context(), h.store, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.in.cfg.Stories = st
	if s := h.run(a); s.Unchanged != 1 {
		t.Fatalf("%+v", s)
	}
	if ms := memberships(t, h.store); len(ms) != 1 {
		t.Errorf("%d memberships after the article came by again, want 1", len(ms))
	}
}

// A membership whose features were damaged is skipped at restore, not fatal.
func TestOpenStoriesSkipsUnreadableFeatures(t *testing.T) {
	h, st := withStories(t, 1)
	dir := t.TempDir()
	h.run(write(t, dir, "a.txt", []byte(strikeText(1))), write(t, dir, "b.txt", []byte(htmlStory(2))))
	ms := memberships(t, h.store)
	if len(ms) != 2 || st.Len() != 2 {
		t.Fatalf("%d memberships", len(ms))
	}
	bad := ms[0]
	bad.Features = []byte{0xff, 0xff, 0xff}
	if err := h.store.PutMembership(t.Context(), bad); err != nil {
		t.Fatal(err)
	}
	again, stats, err := OpenStories(t.Context(), h.store, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Skipped != 1 || stats.Memberships != 1 || again.Len() != 1 {
		t.Errorf("restore with one damaged row: %+v, index of %d", stats, again.Len())
	}
}

func TestReprocess(t *testing.T) {
	ctx := t.Context()
	arts, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	// Articles stored by an older pipeline that found nothing, before
	// stories existed: as a model change leaves them.
	const old = "text+ner@old"
	h := newHarness(t, Config{Workers: 4})
	var ids []string
	for _, a := range arts[:6] {
		parsed, err := article.Parse(article.Input{Body: a.Body, URL: a.URL, ContentType: "text/plain"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.store.Put(ctx, &store.Record{Doc: sitrep.NewDoc(parsed), Raw: a.Body, ContentType: "text/plain", Pipeline: old}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, parsed.ID)
	}
	stories, _, err := OpenStories(ctx, h.store, story.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.in.cfg.Stories = stories
	// What an ingest by today's pipeline finds, to compare with.
	fresh := pipeline.Default()
	current := pipeline.Default().Version()

	steps := []struct {
		name string
		o    ReprocessOptions
		want ReprocessSummary
	}{
		{"after a model change", ReprocessOptions{}, ReprocessSummary{Reprocessed: len(ids)}},
		{"again: nothing to do", ReprocessOptions{}, ReprocessSummary{Current: len(ids)}},
		{"forced: the same layers again", ReprocessOptions{Force: true}, ReprocessSummary{Unchanged: len(ids)}},
		{"since a date after every article", ReprocessOptions{Force: true, Since: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}, ReprocessSummary{}},
	}
	for _, s := range steps {
		got, err := h.in.Reprocess(ctx, s.o)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(s.want) {
			t.Errorf("%s: %+v, %v; want %+v", s.name, got, err, s.want)
		}
	}
	for _, id := range ids {
		vs, err := h.store.LayerVersions(ctx, id)
		if err != nil || len(vs) != 2 || vs[0].Pipeline != old || vs[1].Pipeline != current {
			t.Errorf("%s: versions %+v, %v; want %s then %s", id, vs, err, old, current)
			continue
		}
		first, err := h.store.GetLayers(ctx, id, 1)
		if err != nil || len(first.Doc.Entities) != 0 || first.Pipeline != old {
			t.Errorf("%s: version 1 = %v; want the old, empty layers", id, err)
		}
		latest, err := h.store.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Run(ctx, latest.Doc.Article)
		if err != nil {
			t.Fatal(err)
		}
		if latest.Pipeline != current || len(latest.Doc.Entities) != len(want.Entities) {
			t.Errorf("%s: latest by %q with %d entities; want %q with %d, as an ingest finds",
				id, latest.Pipeline, len(latest.Doc.Entities), current, len(want.Entities))
		}
		if links, err := h.store.ArticleLinks(ctx, id); err != nil || len(want.Entities) > 0 && len(links) == 0 {
			t.Errorf("%s: %d entity links after reprocess, %v", id, len(links), err)
		}
	}
	// Articles stored before stories existed were filed by the reprocess.
	if ms := memberships(t, h.store); len(ms) != len(ids) {
		t.Errorf("%d memberships after reprocess, want %d", len(ms), len(ids))
	} else {
		checkDecisionOrder(t, ms)
	}
}
