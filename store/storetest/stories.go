package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// runStories runs the part of the suite about layer versions, story
// memberships and entity links.
func runStories(t *testing.T, fresh func(t *testing.T) store.Store) {
	t.Run("LayerVersions", func(t *testing.T) { testLayerVersions(t, fresh(t)) })
	t.Run("LayerVersionsRejects", func(t *testing.T) { testLayerVersionsRejects(t, fresh(t)) })
	t.Run("Memberships", func(t *testing.T) { testMemberships(t, fresh(t)) })
	t.Run("MembershipRejects", func(t *testing.T) { testMembershipRejects(t, fresh(t)) })
	t.Run("StoryPagination", func(t *testing.T) { testStoryPagination(t, fresh(t)) })
	t.Run("ConcurrentMemberships", func(t *testing.T) { testConcurrentMemberships(t, fresh(t)) })
	t.Run("Links", func(t *testing.T) { testLinks(t, fresh(t)) })
	t.Run("LinkRejects", func(t *testing.T) { testLinkRejects(t, fresh(t)) })
	t.Run("StoriesCanceledContext", func(t *testing.T) { testStoriesCanceledContext(t, fresh(t)) })
	t.Run("GetDoc", func(t *testing.T) { testGetDoc(t, fresh(t)) })
	t.Run("PutLayersLinks", func(t *testing.T) { testPutLayersLinks(t, fresh(t)) })
	t.Run("LatestEntityLinks", func(t *testing.T) { testLatestEntityLinks(t, fresh(t)) })
}

func testGetDoc(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := fullRecord()
	put(t, s, r, store.Stored)
	full := get(t, s, r.Doc.ID)
	doc, err := s.GetDoc(ctx, r.Doc.ID)
	if err != nil {
		t.Fatalf("GetDoc: %v", err)
	}
	if doc.Raw != nil {
		t.Errorf("GetDoc read %d raw bytes, want none", len(doc.Raw))
	}
	full.Raw = nil
	if !reflect.DeepEqual(doc, full) {
		t.Errorf("GetDoc = %+v\nwant Get's record without Raw: %+v", doc, full)
	}
	if _, err := s.GetDoc(ctx, "0000000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetDoc of an unknown article: %v, want an error wrapping ErrNotFound", err)
	}
}

func testPutLayersLinks(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := fullRecord()
	put(t, s, r, store.Stored)
	id := r.Doc.ID
	old := []store.EntityLink{{Article: id, Local: "loc:us", Global: "loc:united-states", Name: "US", Type: "LOC"}}
	if err := s.PutLinks(ctx, id, old); err != nil {
		t.Fatal(err)
	}
	changed := *r.Doc
	changed.Quotes = nil
	links := []store.EntityLink{{Article: id, Local: "loc:united states", Global: "loc:united-states", Name: "United States", Type: "LOC"}}
	if out, err := s.PutLayersLinks(ctx, id, "storetest/2", &changed, links); err != nil || out != store.Stored {
		t.Fatalf("PutLayersLinks = %v, %v; want Stored", out, err)
	}
	if got := get(t, s, id); got.Layers != 2 || got.Pipeline != "storetest/2" {
		t.Errorf("after PutLayersLinks: layers %d by %q, want 2 by storetest/2", got.Layers, got.Pipeline)
	}
	if got, err := s.ArticleLinks(ctx, id); err != nil || !slices.Equal(got, links) {
		t.Errorf("links after PutLayersLinks = %+v, %v; want %+v", got, err, links)
	}
	// Same layers: Unchanged, and the links are still replaced.
	if out, err := s.PutLayersLinks(ctx, id, "storetest/2", &changed, old); err != nil || out != store.Unchanged {
		t.Errorf("PutLayersLinks of the same layers = %v, %v; want Unchanged", out, err)
	}
	if got, _ := s.ArticleLinks(ctx, id); !slices.Equal(got, old) {
		t.Errorf("links after an Unchanged PutLayersLinks = %+v, want %+v", got, old)
	}
	// A bad link rejects the whole write: neither layers nor links change.
	bad := []store.EntityLink{{Article: id, Local: "", Global: "g", Name: "x", Type: "LOC"}}
	if _, err := s.PutLayersLinks(ctx, id, "storetest/3", r.Doc, bad); err == nil {
		t.Error("PutLayersLinks with an empty local key: no error")
	}
	// A failure inside the transaction (a canceled context) leaves both.
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutLayersLinks(canceled, id, "storetest/3", r.Doc, links); err == nil {
		t.Error("PutLayersLinks with a canceled context: no error")
	}
	if got := get(t, s, id); got.Layers != 2 {
		t.Errorf("after rejected PutLayersLinks: layers version %d, want 2", got.Layers)
	}
	if got, _ := s.ArticleLinks(ctx, id); !slices.Equal(got, old) {
		t.Errorf("links after rejected PutLayersLinks = %+v, want %+v", got, old)
	}
	if _, err := s.PutLayersLinks(ctx, "0000000000000000", "p", r.Doc, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutLayersLinks of an unknown article: %v, want an error wrapping ErrNotFound", err)
	}
}

func testLatestEntityLinks(t *testing.T, s store.Store) {
	ctx := context.Background()
	const us = "loc:united-states"
	var all []store.EntityLink
	for i := range 5 {
		r := newRecord(fmt.Sprintf("https://example.com/%d", i), fmt.Sprintf("T%d", i), fmt.Sprintf("text %d", i))
		put(t, s, r, store.Stored)
		// Two links to the entity in each article: the count is of articles.
		links := []store.EntityLink{
			{Article: r.Doc.ID, Local: "loc:us", Global: us, Name: "US", Type: "LOC"},
			{Article: r.Doc.ID, Local: "loc:america", Global: us, Name: "America", Type: "LOC"},
			{Article: r.Doc.ID, Local: "loc:mexico", Global: "loc:mexico", Name: "Mexico", Type: "LOC"},
		}
		if err := s.PutLinks(ctx, r.Doc.ID, links); err != nil {
			t.Fatal(err)
		}
		all = append(all, links[:2]...)
	}
	for _, c := range []struct {
		limit int
		want  []store.EntityLink
	}{
		{limit: 3, want: all[len(all)-3:]},
		{limit: 1, want: all[len(all)-1:]},
		{limit: 100, want: all},
		{limit: 0, want: nil},
		{limit: -1, want: nil},
	} {
		got, err := s.LatestEntityLinks(ctx, us, c.limit)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("LatestEntityLinks limit %d = %+v, %v\nwant %+v (the latest, oldest first)", c.limit, got, err, c.want)
		}
	}
	if got, err := s.LatestEntityLinks(ctx, "loc:nowhere", 10); err != nil || len(got) != 0 {
		t.Errorf("LatestEntityLinks of an unknown key = %+v, %v; want none", got, err)
	}
	for _, c := range []struct {
		key  string
		want int
	}{{us, 5}, {"loc:mexico", 5}, {"loc:nowhere", 0}} {
		if n, err := s.EntityArticles(ctx, c.key); err != nil || n != c.want {
			t.Errorf("EntityArticles %s = %d, %v; want %d", c.key, n, err, c.want)
		}
	}
}

func testLayerVersions(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := fullRecord()
	put(t, s, r, store.Stored)
	id := r.Doc.ID
	first := layersOf(r.Doc)
	if got := get(t, s, id); got.Layers != 1 || got.Pipeline != r.Pipeline {
		t.Fatalf("after Put: Layers %d, Pipeline %q; want 1, %q", got.Layers, got.Pipeline, r.Pipeline)
	}

	putLayers := func(pipeline string, d *sitrep.Doc, want store.Outcome) {
		t.Helper()
		got, err := s.PutLayers(ctx, id, pipeline, d)
		if err != nil {
			t.Fatalf("PutLayers %s: %v", pipeline, err)
		}
		if got != want {
			t.Fatalf("PutLayers %s = %v, want %v", pipeline, got, want)
		}
	}
	// The same layers from the same pipeline: nothing to keep.
	putLayers(r.Pipeline, r.Doc, store.Unchanged)

	// A new model finds one more event and drops the quotes.
	changed := *r.Doc
	changed.Quotes = nil
	changed.Events = append(slices.Clone(r.Doc.Events), sitrep.Event{Span: sitrep.Span{Start: 0, End: 9},
		Text: "On Monday", Type: "Strategic developments", Subtype: "Threat", Modality: "threatened"})
	changed.Article.Title = "ignored: the text and title never change"
	putLayers("storetest/2", &changed, store.Stored)
	second := layersOf(&changed)

	latest := get(t, s, id)
	if latest.Layers != 2 || latest.Pipeline != "storetest/2" {
		t.Errorf("Get after a new version: Layers %d, Pipeline %q; want 2, storetest/2", latest.Layers, latest.Pipeline)
	}
	if !reflect.DeepEqual(layersOf(latest.Doc), second) {
		t.Errorf("Get after a new version: layers are not the new ones")
	}
	if latest.Doc.Title != r.Doc.Title || latest.Doc.Text != r.Doc.Text {
		t.Errorf("PutLayers changed the article: title %q", latest.Doc.Title)
	}

	old, err := s.GetLayers(ctx, id, 1)
	if err != nil {
		t.Fatalf("GetLayers 1: %v", err)
	}
	if old.Layers != 1 || old.Pipeline != r.Pipeline || !reflect.DeepEqual(layersOf(old.Doc), first) {
		t.Errorf("GetLayers 1 = version %d by %q, layers equal %v; want the first layers by %q",
			old.Layers, old.Pipeline, reflect.DeepEqual(layersOf(old.Doc), first), r.Pipeline)
	}
	compareArticle(t, r.Doc.Article, old.Doc.Article)
	if cur, err := s.GetLayers(ctx, id, 2); err != nil || !reflect.DeepEqual(layersOf(cur.Doc), second) {
		t.Errorf("GetLayers 2 = %v; want the latest layers", err)
	}

	// Identical layers from a newer pipeline: no new version, but the
	// latest is now known to be what the newer pipeline gives.
	putLayers("storetest/3", &changed, store.Unchanged)
	// Going back to the first layers is a change like any other.
	putLayers("storetest/4", r.Doc, store.Stored)

	vs, err := s.LayerVersions(ctx, id)
	if err != nil {
		t.Fatalf("LayerVersions: %v", err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, fmt.Sprintf("%d %s", v.Version, v.Pipeline))
		if v.Created.IsZero() {
			t.Errorf("version %d: no Created time", v.Version)
		}
	}
	want := []string{"1 " + r.Pipeline, "2 storetest/3", "3 storetest/4"}
	if !slices.Equal(got, want) {
		t.Errorf("LayerVersions = %q, want %q", got, want)
	}
	if !vs[0].Created.Equal(latest.Ingested) {
		t.Errorf("version 1 Created %v, want the time of ingest %v", vs[0].Created, latest.Ingested)
	}
	for i := 1; i < len(vs); i++ {
		if vs[i].Created.Before(vs[i-1].Created) {
			t.Errorf("version %d created before version %d", vs[i].Version, vs[i-1].Version)
		}
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d after new layer versions, want 1: versions are not articles", n)
	}
}

func compareArticle(t *testing.T, want, got sitrep.Article) {
	t.Helper()
	if !got.Published.Equal(want.Published) {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	got.Published, want.Published = time.Time{}, time.Time{}
	if got != want {
		t.Errorf("Article = %+v\nwant %+v", got, want)
	}
}

func testLayerVersionsRejects(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := newRecord("https://example.com/a", "A", "a")
	put(t, s, r, store.Stored)
	missing := sitrep.ContentID("missing", "missing")
	for _, c := range []struct {
		name string
		err  error
	}{
		{"PutLayers of an unknown article", func() error { _, err := s.PutLayers(ctx, missing, "p", r.Doc); return err }()},
		{"LayerVersions of an unknown article", func() error { _, err := s.LayerVersions(ctx, missing); return err }()},
		{"GetLayers of an unknown article", func() error { _, err := s.GetLayers(ctx, missing, 1); return err }()},
		{"GetLayers of an unknown version", func() error { _, err := s.GetLayers(ctx, r.Doc.ID, 2); return err }()},
		{"GetLayers of version 0", func() error { _, err := s.GetLayers(ctx, r.Doc.ID, 0); return err }()},
		{"GetLayers of a negative version", func() error { _, err := s.GetLayers(ctx, r.Doc.ID, -1); return err }()},
	} {
		if !errors.Is(c.err, store.ErrNotFound) {
			t.Errorf("%s: %v, want an error wrapping ErrNotFound", c.name, c.err)
		}
	}
	if _, err := s.PutLayers(ctx, r.Doc.ID, "p", nil); err == nil {
		t.Error("PutLayers of a nil Doc: no error")
	}
	if _, err := s.PutLayers(ctx, r.Doc.ID, strings.Repeat("p", store.MaxPipelineLen+1), r.Doc); err == nil {
		t.Error("PutLayers with a huge pipeline version: no error")
	}
	if vs, err := s.LayerVersions(ctx, r.Doc.ID); err != nil || len(vs) != 1 {
		t.Errorf("LayerVersions after rejected puts = %d versions, %v; want 1", len(vs), err)
	}
}

// storyFixture stores articles for the membership tests: key → record.
func storyFixture(t *testing.T, s store.Store) map[string]*store.Record {
	recs := map[string]*store.Record{}
	for _, c := range []struct {
		key, source, title string
		published          time.Time
	}{
		{"nairobi-ap", "AP", "Bombs explode at US embassies in Kenya and Tanzania", day()},
		{"nairobi-nyt", "New York Times", "Embassy blasts kill dozens", day().Add(2 * time.Hour)},
		{"nairobi-copy", "Xinhua", "Bombs explode at US embassies (wire)", day().Add(3 * time.Hour)},
		{"nairobi-undated", "Blog", "Thoughts on the embassy bombings", time.Time{}},
		{"toll-ap", "AP", "Embassy bombing toll rises", day().Add(48 * time.Hour)},
		{"strike", "Reuters", "US strikes boat in the Caribbean", day().Add(24 * time.Hour)},
	} {
		r := newRecord("https://example.com/"+c.key, c.title, "Text of "+c.key+".")
		r.Doc.Source = c.source
		r.Doc.Published = c.published
		put(t, s, r, store.Stored)
		recs[c.key] = r
	}
	return recs
}

func testMemberships(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := storyFixture(t, s)
	id := func(key string) string { return recs[key].Doc.ID }
	embassy, boat := "s"+id("nairobi-nyt"), "s"+id("strike")
	puts := []store.Membership{
		// The first decision puts the NYT report in the story it starts;
		// the AP one, published earlier, arrives later.
		{Article: id("nairobi-nyt"), Story: embassy, Features: []byte{1, 2, 3}},
		{Article: id("strike"), Story: boat, Features: []byte{4}},
		{Article: id("nairobi-ap"), Story: embassy, Similarity: 0.4, Features: []byte{5}},
		{Article: id("nairobi-copy"), Story: embassy, DuplicateOf: id("nairobi-ap"), Similarity: 0.93},
		{Article: id("nairobi-undated"), Story: boat, Similarity: 0.2},
		{Article: id("toll-ap"), Story: embassy, Similarity: 0.5},
		// A second decision about an article replaces the first.
		{Article: id("nairobi-undated"), Story: embassy, Similarity: 0.3, Features: []byte{6, 7}},
		// Links put with a membership replace the article's links.
		{Article: id("toll-ap"), Story: embassy, Similarity: 0.5, Links: []store.EntityLink{
			{Article: id("toll-ap"), Local: "loc:nairobi", Global: "loc:nairobi", Name: "Nairobi", Type: "LOC"}}},
	}
	for _, m := range puts {
		m.Source, m.Published = "ignored", time.Now()
		if err := s.PutMembership(ctx, m); err != nil {
			t.Fatalf("PutMembership %+v: %v", m, err)
		}
	}

	var got []store.Membership
	for m, err := range s.Memberships(ctx) {
		if err != nil {
			t.Fatalf("Memberships: %v", err)
		}
		got = append(got, m)
	}
	wantOrder := []string{"nairobi-nyt", "strike", "nairobi-ap", "nairobi-copy", "nairobi-undated", "toll-ap"}
	if len(got) != len(wantOrder) {
		t.Fatalf("Memberships yielded %d, want %d", len(got), len(wantOrder))
	}
	for i, key := range wantOrder {
		m, r := got[i], recs[key]
		if m.Article != r.Doc.ID {
			t.Errorf("Memberships[%d] = %s, want %s (%s): the order of first decision", i, m.Article, r.Doc.ID, key)
			continue
		}
		if m.Source != r.Doc.Source || !m.Published.Equal(r.Doc.Published) {
			t.Errorf("Memberships[%d] source %q published %v; want the article's, %q %v", i, m.Source, m.Published, r.Doc.Source, r.Doc.Published)
		}
	}
	if u := got[4]; u.Story != embassy || u.Similarity != 0.3 || string(u.Features) != "\x06\x07" {
		t.Errorf("replaced membership = %+v, want the second decision", u)
	}
	if c := got[3]; c.DuplicateOf != id("nairobi-ap") || c.Similarity != 0.93 || len(c.Features) != 0 {
		t.Errorf("copy membership = %+v", c)
	}
	// Stopping early is allowed.
	for range s.Memberships(ctx) {
		break
	}
	if links, err := s.ArticleLinks(ctx, id("toll-ap")); err != nil || len(links) != 1 || links[0].Global != "loc:nairobi" {
		t.Errorf("links put with a membership = %+v, %v", links, err)
	}
	for _, m := range got {
		if m.Links != nil {
			t.Errorf("Memberships filled in Links of %s", m.Article)
		}
	}

	page, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	if page.Next != "" || len(page.Stories) != 2 {
		t.Fatalf("Stories = %d stories, next %q; want 2 and no next page", len(page.Stories), page.Next)
	}
	wantEmbassy := store.StorySummary{
		ID: embassy, Title: recs["nairobi-ap"].Doc.Title, // the earliest original
		Reports: 5, Originals: 4, Sources: 4, // AP twice
		First: day(), Last: day().Add(48 * time.Hour),
	}
	// The boat story lost its undated article to the embassy story.
	wantBoat := store.StorySummary{ID: boat, Title: recs["strike"].Doc.Title, Reports: 1, Originals: 1, Sources: 1,
		First: day().Add(24 * time.Hour), Last: day().Add(24 * time.Hour)}
	for i, want := range []store.StorySummary{wantEmbassy, wantBoat} { // latest article first
		if g := page.Stories[i]; !sameSummary(g, want) {
			t.Errorf("Stories[%d] = %+v\nwant %+v", i, g, want)
		}
	}

	st, err := s.Story(ctx, embassy, 0)
	if err != nil {
		t.Fatalf("Story: %v", err)
	}
	if !sameSummary(st.StorySummary, wantEmbassy) {
		t.Errorf("Story summary = %+v\nwant %+v", st.StorySummary, wantEmbassy)
	}
	var order []string
	for _, a := range st.Articles {
		for key, r := range recs {
			if r.Doc.ID == a.ID {
				order = append(order, key)
				if a.Title != r.Doc.Title || a.Source != r.Doc.Source || a.URL != r.Doc.URL || !a.Published.Equal(r.Doc.Published) {
					t.Errorf("story article %s = %+v, want the article's summary", key, a.Summary)
				}
			}
		}
	}
	if want := []string{"nairobi-ap", "nairobi-nyt", "nairobi-copy", "toll-ap", "nairobi-undated"}; !slices.Equal(order, want) {
		t.Errorf("Story articles = %q, want %q (oldest first, undated last)", order, want)
	}
	if a := st.Articles[2]; a.DuplicateOf != id("nairobi-ap") || a.Similarity != 0.93 {
		t.Errorf("story copy = duplicate of %q, similarity %v", a.DuplicateOf, a.Similarity)
	}
	// A limit keeps the latest dated articles, then undated ones, and
	// gives them in the same order; Reports still counts them all.
	for _, c := range []struct {
		limit int
		want  []string
	}{
		{1, []string{"toll-ap"}},
		{2, []string{"nairobi-copy", "toll-ap"}},
		{4, []string{"nairobi-ap", "nairobi-nyt", "nairobi-copy", "toll-ap"}},
		{5, order},
		{50, order},
		{-1, order},
	} {
		cut, err := s.Story(ctx, embassy, c.limit)
		if err != nil {
			t.Fatalf("Story limit %d: %v", c.limit, err)
		}
		var got []string
		for _, a := range cut.Articles {
			for key, r := range recs {
				if r.Doc.ID == a.ID {
					got = append(got, key)
				}
			}
		}
		if !slices.Equal(got, c.want) || cut.Reports != 5 {
			t.Errorf("Story limit %d = %q with %d reports, want %q with 5", c.limit, got, cut.Reports, c.want)
		}
	}

	for _, bad := range []string{"s" + id("nairobi-ap"), "", strings.Repeat("s", 10000), "s'; DROP TABLE stories; --"} {
		if _, err := s.Story(ctx, bad, 10); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Story %.20q: %v, want an error wrapping ErrNotFound", bad, err)
		}
	}
	for _, c := range []string{"not a cursor", "!!!!", "AA", strings.Repeat("A", 5000) + "!"} {
		if _, err := s.Stories(ctx, store.StoryQuery{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("Stories with cursor %.20q: %v, want an error wrapping ErrBadCursor", c, err)
		}
	}
}

// sameSummary compares story summaries, times by instant.
func sameSummary(a, b store.StorySummary) bool {
	if !a.First.Equal(b.First) || !a.Last.Equal(b.Last) {
		return false
	}
	a.First, a.Last, b.First, b.Last = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b
}

func testMembershipRejects(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := newRecord("https://example.com/a", "A", "a")
	put(t, s, r, store.Stored)
	ok := store.Membership{Article: r.Doc.ID, Story: "s" + r.Doc.ID}
	for _, c := range []struct {
		name     string
		change   func(*store.Membership)
		notFound bool
	}{
		{"unknown article", func(m *store.Membership) { m.Article = sitrep.ContentID("x", "y") }, true},
		{"no article", func(m *store.Membership) { m.Article = "" }, false},
		{"no story", func(m *store.Membership) { m.Story = "" }, false},
		{"huge story ID", func(m *store.Membership) { m.Story = strings.Repeat("s", 1<<20) }, false},
		{"story ID not UTF-8", func(m *store.Membership) { m.Story = "s\xff" }, false},
		{"story ID with NUL", func(m *store.Membership) { m.Story = "s\x00t" }, false},
		{"copy of itself", func(m *store.Membership) { m.DuplicateOf = m.Article }, false},
		{"NaN similarity", func(m *store.Membership) { m.Similarity = math.NaN() }, false},
		{"negative similarity", func(m *store.Membership) { m.Similarity = -0.5 }, false},
		{"infinite similarity", func(m *store.Membership) { m.Similarity = math.Inf(1) }, false},
		{"huge features", func(m *store.Membership) { m.Features = make([]byte, store.MaxFeatures+1) }, false},
		{"a link of another article", func(m *store.Membership) {
			m.Links = []store.EntityLink{{Article: "other", Local: "l", Global: "g", Name: "N", Type: "ORG"}}
		}, false},
		{"a link without a global key", func(m *store.Membership) {
			m.Links = []store.EntityLink{{Article: m.Article, Local: "l", Name: "N", Type: "ORG"}}
		}, false},
	} {
		m := ok
		c.change(&m)
		err := s.PutMembership(ctx, m)
		if err == nil || c.notFound != errors.Is(err, store.ErrNotFound) {
			t.Errorf("PutMembership with %s: %v", c.name, err)
		}
	}
	for m, err := range s.Memberships(ctx) {
		t.Errorf("Memberships after rejected puts yielded %+v, %v", m, err)
	}
	if p, err := s.Stories(ctx, store.StoryQuery{}); err != nil || len(p.Stories) != 0 {
		t.Errorf("Stories after rejected puts = %d, %v", len(p.Stories), err)
	}
	for l, err := range s.Links(ctx) {
		t.Errorf("Links after rejected puts yielded %+v, %v", l, err)
	}
	if err := s.PutMembership(ctx, ok); err != nil {
		t.Errorf("PutMembership: %v", err)
	}
}

func testStoryPagination(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 23
	var want []string
	for i := range n {
		r := newRecord(fmt.Sprintf("https://example.com/%d", i), fmt.Sprint("Story ", i), fmt.Sprint("text ", i))
		switch {
		case i%5 == 0: // undated stories come last
		case i%3 == 0: // ties on the date are broken by ID
			r.Doc.Published = day()
		default:
			r.Doc.Published = day().Add(time.Duration(i) * time.Hour)
		}
		put(t, s, r, store.Stored)
		id := "s" + r.Doc.ID
		if err := s.PutMembership(ctx, store.Membership{Article: r.Doc.ID, Story: id}); err != nil {
			t.Fatal(err)
		}
		want = append(want, id)
		_ = r
	}
	pubOf := map[string]time.Time{}
	st, err := s.Stories(ctx, store.StoryQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range st.Stories {
		pubOf[x.ID] = x.Last
	}
	slices.SortFunc(want, func(a, b string) int { return listingOrder(pubOf[a], a, pubOf[b], b) })

	for _, limit := range []int{1, 4, 7, 23, 50} {
		var got []string
		cur := ""
		for pages := 0; ; pages++ {
			if pages > n+1 {
				t.Fatalf("limit %d: pagination does not end", limit)
			}
			p, err := s.Stories(ctx, store.StoryQuery{Limit: limit, Cursor: cur})
			if err != nil {
				t.Fatalf("limit %d: %v", limit, err)
			}
			if len(p.Stories) > limit {
				t.Fatalf("limit %d: page of %d", limit, len(p.Stories))
			}
			for _, x := range p.Stories {
				got = append(got, x.ID)
			}
			if p.Next == "" {
				break
			}
			cur = p.Next
		}
		if !slices.Equal(got, want) {
			t.Errorf("limit %d: stories in order %q\nwant %q", limit, got, want)
		}
	}
}

func testConcurrentMemberships(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 40
	ids := make([]string, n)
	for i := range n {
		r := newRecord(fmt.Sprintf("https://example.com/%d", i), fmt.Sprint("T", i), "x")
		r.Doc.Source = fmt.Sprint("outlet ", i%7)
		put(t, s, r, store.Stored)
		ids[i] = r.Doc.ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := range n {
		wg.Go(func() {
			// Two stories, each article put twice with different similarities.
			for _, sim := range []float64{0.1, 0.2} {
				errs <- s.PutMembership(ctx, store.Membership{Article: ids[i], Story: fmt.Sprint("s", i%2), Similarity: sim})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Stories) != 2 {
		t.Fatalf("%d stories, want 2", len(p.Stories))
	}
	for _, st := range p.Stories {
		if st.Reports != n/2 || st.Originals != n/2 || st.Sources != 7 {
			t.Errorf("story %s: %d reports, %d originals, %d sources; want %d, %d, 7", st.ID, st.Reports, st.Originals, st.Sources, n/2, n/2)
		}
	}
	seen := 0
	for m, err := range s.Memberships(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		seen++
		if m.Similarity != 0.2 {
			t.Errorf("%s: similarity %v, want the last put, 0.2", m.Article, m.Similarity)
		}
	}
	if seen != n {
		t.Errorf("Memberships yielded %d, want %d", seen, n)
	}
}

func testLinks(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := newRecord("https://example.com/a", "A", "Sheinbaum spoke.")
	b := newRecord("https://example.com/b", "B", "Claudia Sheinbaum spoke.")
	put(t, s, a, store.Stored)
	put(t, s, b, store.Stored)
	const pres = "person:claudia-sheinbaum"
	linksA := []store.EntityLink{
		{Article: a.Doc.ID, Local: "person:sheinbaum", Global: pres, Name: "Sheinbaum", Type: "PERSON"},
		{Article: a.Doc.ID, Local: "loc:mexico", Global: "loc:mexico", Name: "Mexico", Type: "LOC"},
	}
	linksB := []store.EntityLink{{Article: b.Doc.ID, Local: "person:claudia sheinbaum", Global: pres, Name: "Claudia Sheinbaum", Type: "PERSON"}}
	for _, c := range []struct {
		article string
		links   []store.EntityLink
	}{{a.Doc.ID, linksA}, {b.Doc.ID, linksB}} {
		if err := s.PutLinks(ctx, c.article, c.links); err != nil {
			t.Fatalf("PutLinks %s: %v", c.article, err)
		}
	}
	got, err := s.EntityLinks(ctx, pres)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.EntityLink{linksA[0], linksB[0]}; !slices.Equal(got, want) {
		t.Errorf("EntityLinks = %+v\nwant %+v", got, want)
	}
	if got, err := s.EntityLinks(ctx, "person:nobody"); err != nil || len(got) != 0 {
		t.Errorf("EntityLinks of an unknown key = %+v, %v; want none", got, err)
	}

	// Reprocessing a: its links are replaced, and go last in the replay.
	relinked := []store.EntityLink{{Article: a.Doc.ID, Local: "person:claudia sheinbaum", Global: pres, Name: "Claudia Sheinbaum", Type: "PERSON"}}
	if err := s.PutLinks(ctx, a.Doc.ID, relinked); err != nil {
		t.Fatal(err)
	}
	var all []store.EntityLink
	for l, err := range s.Links(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, l)
	}
	if want := []store.EntityLink{linksB[0], relinked[0]}; !slices.Equal(all, want) {
		t.Errorf("Links = %+v\nwant %+v", all, want)
	}
	if got, err := s.ArticleLinks(ctx, a.Doc.ID); err != nil || !slices.Equal(got, relinked) {
		t.Errorf("ArticleLinks after relinking = %+v, %v; want %+v", got, err, relinked)
	}
	// No links is a valid answer: an article that names nobody.
	if err := s.PutLinks(ctx, b.Doc.ID, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.EntityLinks(ctx, pres); !slices.Equal(got, relinked) {
		t.Errorf("EntityLinks after clearing b = %+v, want %+v", got, relinked)
	}
	if got, err := s.ArticleLinks(ctx, b.Doc.ID); err != nil || len(got) != 0 {
		t.Errorf("ArticleLinks after clearing b = %+v, %v; want none", got, err)
	}
}

func testLinkRejects(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := newRecord("https://example.com/a", "A", "a")
	put(t, s, a, store.Stored)
	ok := store.EntityLink{Article: a.Doc.ID, Local: "l", Global: "g", Name: "N", Type: "PERSON"}
	if err := s.PutLinks(ctx, a.Doc.ID, []store.EntityLink{ok}); err != nil {
		t.Fatal(err)
	}
	missing := sitrep.ContentID("x", "y")
	for _, c := range []struct {
		name    string
		article string
		change  func(*store.EntityLink)
	}{
		{"unknown article", missing, func(l *store.EntityLink) { l.Article = missing }},
		{"link of another article", a.Doc.ID, func(l *store.EntityLink) { l.Article = missing }},
		{"no global key", a.Doc.ID, func(l *store.EntityLink) { l.Global = "" }},
		{"huge local key", a.Doc.ID, func(l *store.EntityLink) { l.Local = strings.Repeat("k", 1<<20) }},
		{"huge name", a.Doc.ID, func(l *store.EntityLink) { l.Name = strings.Repeat("n", store.MaxNameLen+1) }},
		{"name not UTF-8", a.Doc.ID, func(l *store.EntityLink) { l.Name = "\xc3" }},
	} {
		l := ok
		c.change(&l)
		if err := s.PutLinks(ctx, c.article, []store.EntityLink{l}); err == nil {
			t.Errorf("PutLinks with %s: no error", c.name)
		}
	}
	if err := s.PutLinks(ctx, a.Doc.ID, make([]store.EntityLink, store.MaxLinks+1)); err == nil {
		t.Error("PutLinks with too many links: no error")
	}
	if got, err := s.EntityLinks(ctx, "g"); err != nil || !slices.Equal(got, []store.EntityLink{ok}) {
		t.Errorf("after rejected puts, EntityLinks = %+v, %v; want the first link kept", got, err)
	}
}

func testStoriesCanceledContext(t *testing.T, s store.Store) {
	r := newRecord("https://example.com/a", "A", "a")
	put(t, s, r, store.Stored)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.PutMembership(ctx, store.Membership{Article: r.Doc.ID, Story: "s1"}); err == nil {
		t.Error("PutMembership with a canceled context: no error")
	}
	if err := s.PutLinks(ctx, r.Doc.ID, nil); err == nil {
		t.Error("PutLinks with a canceled context: no error")
	}
	if _, err := s.PutLayers(ctx, r.Doc.ID, "p2", sitrep.NewDoc(r.Doc.Article)); err == nil {
		t.Error("PutLayers with a canceled context: no error")
	}
	for _, err := range s.Memberships(ctx) {
		if err == nil {
			t.Error("Memberships with a canceled context yielded a row")
		}
	}
	if _, err := s.Stories(ctx, store.StoryQuery{}); err == nil {
		t.Error("Stories with a canceled context: no error")
	}
	if p, _ := s.Stories(context.Background(), store.StoryQuery{}); len(p.Stories) != 0 {
		t.Errorf("a canceled PutMembership left %d stories", len(p.Stories))
	}
}
