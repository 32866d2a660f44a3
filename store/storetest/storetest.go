// Package storetest is the conformance suite of store.Store. Each driver's
// tests call Run, so that every driver keeps articles, versions, listings and
// validators the same way, as store.Store documents them.
//
// It covers articles, versions, listings and validators (this file), and
// layer versions, story memberships and entity links (stories.go).
//
// The suite goes through the interface only. What it cannot see from there
// is each driver's own to test: crash safety (which needs a process to kill),
// reopening a store, and its internals.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store"
)

// Run runs the suite. open must return a new, empty store each time it is
// called; Run closes every store it opens.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}
	t.Run("PutOutcomes", func(t *testing.T) { testPutOutcomes(t, fresh(t)) })
	t.Run("PutRejects", func(t *testing.T) { testPutRejects(t, fresh(t)) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, fresh) })
	t.Run("GetMissing", func(t *testing.T) { testGetMissing(t, fresh(t)) })
	t.Run("List", func(t *testing.T) { testList(t, fresh(t)) })
	t.Run("ListQuerySyntax", func(t *testing.T) { testListQuerySyntax(t, fresh(t)) })
	t.Run("Pagination", func(t *testing.T) { testPagination(t, fresh(t)) })
	t.Run("BadCursor", func(t *testing.T) { testBadCursor(t, fresh(t)) })
	t.Run("ConcurrentPut", func(t *testing.T) { testConcurrentPut(t, fresh(t)) })
	t.Run("ConcurrentSameContent", func(t *testing.T) { testConcurrentSameContent(t, fresh(t)) })
	t.Run("Validators", func(t *testing.T) { testValidators(t, fresh(t)) })
	t.Run("Count", func(t *testing.T) { testCount(t, fresh(t)) })
	t.Run("CanceledContext", func(t *testing.T) { testCanceledContext(t, fresh(t)) })
	runStories(t, fresh)
	t.Run("Users", func(t *testing.T) { RunUsers(t, func(t *testing.T) store.Users { return fresh(t) }) })
	t.Run("Reviews", func(t *testing.T) { RunReviews(t, func(t *testing.T) store.Reviews { return fresh(t) }) })
}

// newRecord returns a record of a plain article; the fixtures of each test
// change what they need.
func newRecord(url, title, text string) *store.Record {
	d := sitrep.NewDoc(sitrep.Article{
		ID:       sitrep.ContentID(title, text),
		URL:      url,
		Source:   "Example News",
		Title:    title,
		Language: "en",
		Text:     text,
	})
	return &store.Record{
		Doc:         d,
		Raw:         []byte("<html><head><title>" + title + "</title></head><body><p>" + text + "</p></body></html>"),
		ContentType: "text/html; charset=utf-8",
		Pipeline:    "storetest/1",
		Fetched:     time.Date(2025, 11, 18, 12, 0, 0, 0, time.UTC),
	}
}

// put Puts r and fails the test on an error or an unexpected outcome.
func put(t *testing.T, s store.Store, r *store.Record, want store.Outcome) {
	t.Helper()
	got, err := s.Put(context.Background(), r)
	if err != nil {
		t.Fatalf("Put %s at %s: %v", r.Doc.ID, r.Doc.URL, err)
	}
	if got != want {
		t.Fatalf("Put %s at %s = %v, want %v", r.Doc.ID, r.Doc.URL, got, want)
	}
}

func get(t *testing.T, s store.Store, id string) *store.Record {
	t.Helper()
	r, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get %s: %v", id, err)
	}
	return r
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

func testPutOutcomes(t *testing.T, s store.Store) {
	const u1, u2 = "https://example.com/a", "https://mirror.example.org/a"
	a := func(url string) *store.Record {
		return newRecord(url, "Strike on a boat", "The military struck a boat in the Caribbean.")
	}
	b := func(url string) *store.Record {
		return newRecord(url, "Strike on a boat", "The military struck a boat in the Caribbean, killing three.")
	}
	idA, idB := a("").Doc.ID, b("").Doc.ID

	steps := []struct {
		name    string
		r       *store.Record
		want    store.Outcome
		version int
	}{
		{"new content", a(u1), store.Stored, 1},
		{"same URL, same content", a(u1), store.Unchanged, 1},
		{"same content at another URL", a(u2), store.Duplicate, 1},
		{"same URL, changed content", b(u1), store.Stored, 2},
		{"same URL, earlier content again", a(u1), store.Unchanged, 1},
		{"other URL changes to known content", b(u2), store.Duplicate, 2},
		{"again", b(u2), store.Unchanged, 2},
	}
	for _, st := range steps {
		before := time.Now().Add(-time.Second)
		got, err := s.Put(context.Background(), st.r)
		if err != nil {
			t.Fatalf("%s: Put: %v", st.name, err)
		}
		if got != st.want || st.r.Version != st.version {
			t.Errorf("%s: Put = %v, version %d; want %v, version %d", st.name, got, st.r.Version, st.want, st.version)
		}
		sum := sha256.Sum256(st.r.Raw)
		if st.r.RawSHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: Put set RawSHA256 %q, want %x", st.name, st.r.RawSHA256, sum)
		}
		if st.r.Ingested.IsZero() || st.want == store.Stored && st.r.Ingested.Before(before) {
			t.Errorf("%s: Put set Ingested %v", st.name, st.r.Ingested)
		}
	}

	if n := count(t, s); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	for _, c := range []struct {
		id, url, text string
		version       int
	}{
		{idA, u1, a("").Doc.Text, 1},
		{idB, u1, b("").Doc.Text, 2},
	} {
		r := get(t, s, c.id)
		if r.Doc.URL != c.url || r.Doc.Text != c.text || r.Version != c.version {
			t.Errorf("Get %s = url %q, version %d, text %q; want %q, %d, %q", c.id, r.Doc.URL, r.Version, r.Doc.Text, c.url, c.version, c.text)
		}
	}

	for _, c := range []struct {
		url  string
		want []string // IDs by version, from 1
	}{
		{u1, []string{idA, idB}},
		{u2, []string{idA, idB}},
		{"https://example.com/never-seen", nil},
	} {
		vs, err := s.Versions(context.Background(), c.url)
		if err != nil {
			t.Fatalf("Versions %s: %v", c.url, err)
		}
		var ids []string
		for i, v := range vs {
			ids = append(ids, v.ID)
			if v.URL != c.url || v.Version != i+1 || v.Title != "Strike on a boat" || v.Ingested.IsZero() {
				t.Errorf("Versions %s [%d] = %+v, want URL %s, version %d", c.url, i, v, c.url, i+1)
			}
			if i > 0 && v.Ingested.Before(vs[i-1].Ingested) {
				t.Errorf("Versions %s: version %d seen at %v, before version %d at %v", c.url, v.Version, v.Ingested, i, vs[i-1].Ingested)
			}
		}
		if !slices.Equal(ids, c.want) {
			t.Errorf("Versions %s = %v, want %v", c.url, ids, c.want)
		}
	}
}

func testPutRejects(t *testing.T, s store.Store) {
	noID := newRecord("https://example.com/x", "T", "x")
	noID.Doc.ID = ""
	noURL := newRecord("", "T", "x")
	badSum := newRecord("https://example.com/y", "T", "y")
	badSum.RawSHA256 = strings.Repeat("0", 64)
	for _, c := range []struct {
		name string
		r    *store.Record
	}{
		{"nil record", nil},
		{"nil Doc", &store.Record{Raw: []byte("x")}},
		{"no ID", noID},
		{"no URL", noURL},
		{"RawSHA256 not of Raw", badSum},
	} {
		if _, err := s.Put(context.Background(), c.r); err == nil {
			t.Errorf("Put with %s: no error", c.name)
		}
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after rejected Puts, want 0", n)
	}

	// A RawSHA256 that is right is taken, in either case.
	ok := newRecord("https://example.com/z", "T", "z")
	sum := sha256.Sum256(ok.Raw)
	ok.RawSHA256 = strings.ToUpper(hex.EncodeToString(sum[:]))
	put(t, s, ok, store.Stored)
}

// fullRecord returns a record with every field of the Article and every
// layer set, with each field of each layer's first item set, pointers
// included.
func fullRecord() *store.Record {
	text := "On Monday, the U.S. military struck a boat in the Caribbean, killing at least 3 people, " +
		"\"We will not stop,\" Hegseth told reporters, NBC reported, citing two officials. Café du Pacifique."
	span := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		if i < 0 {
			panic("storetest: no " + s + " in the fixture")
		}
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	ptr := func(v int64) *int64 { return &v }
	fptr := func(v float64) *float64 { return &v }
	iptr := func(v int) *int { return &v }
	addressee := "reporters"
	title := "U.S. strikes boat in the Caribbean"
	d := sitrep.NewDoc(sitrep.Article{
		ID:           sitrep.ContentID(title, text),
		URL:          "https://news.example.com/2025/11/18/strike?ref=rss",
		CanonicalURL: "https://news.example.com/2025/11/18/strike",
		Source:       "Example News",
		Title:        title,
		Byline:       "Jane Doe and John Roe",
		Published:    time.Date(2025, 11, 18, 14, 30, 5, 123456000, time.FixedZone("EST", -5*3600)),
		Language:     "en",
		Text:         text,
	})
	d.Tokens = []sitrep.Token{{Span: span("Monday"), Kind: sitrep.Word}}
	d.Sentences = []sitrep.Span{{Start: 0, End: len(text)}}
	d.Entities = []sitrep.Entity{
		{Span: span("Hegseth"), Text: "Hegseth", Type: "PERSON", Name: "Pete Hegseth", Key: "pete-hegseth", Titles: []string{"Defense Secretary"}},
		{Span: span("U.S."), Text: "U.S.", Type: "LOC", Name: "United States", Key: "united-states"},
		{Span: span("NBC"), Text: "NBC", Type: "ORG", Name: "NBC", Key: "nbc"},
	}
	d.Quotes = []sitrep.Quote{
		{Span: span("We will not stop,"), Text: "We will not stop,", Direct: true, Cue: "told",
			Speaker:   &sitrep.Mention{Span: span("Hegseth"), Text: "Hegseth", Name: "Pete Hegseth", Key: "pete-hegseth"},
			Addressee: &addressee},
		{Span: span("military struck"), Text: "military struck", Cue: "reported"},
	}
	d.Quantities = []sitrep.Quantity{
		{Span: span("at least 3 people"), Text: "at least 3 people", Low: ptr(3), High: ptr(1 << 40),
			Qualifier: "at_least", Unit: "person", Category: "killed", Sourcing: iptr(1)},
		{Span: span("two officials"), Text: "two officials", Low: ptr(2), Unit: "person", Category: "source"},
	}
	d.Times = []sitrep.Time{{Span: span("On Monday"), Text: "On Monday", Type: "DATE", Value: "2025-11-17",
		Mod: "APPROX", From: "2025-11-03", Until: "2025-11-17"},
		{Span: span("Monday"), Text: "Monday", Type: "DATE", Value: "2025-11-17"}}
	d.Places = []sitrep.Place{
		{Span: span("the Caribbean"), Text: "the Caribbean", Name: "Caribbean Sea", Kind: "sea", Country: "XX", ID: "3996596386",
			Lat: fptr(14.5255), Lon: fptr(-75.8183)},
		{Span: span("Café du Pacifique"), Text: "Café du Pacifique", Name: "Café du Pacifique", Kind: "city"},
	}
	d.Sourcing = []sitrep.Attribution{{
		Span: span("NBC reported, citing two officials"), Text: "NBC reported, citing two officials",
		Source: sitrep.Source{Text: "NBC", Name: "NBC News"},
		Cites:  []sitrep.Cited{{Text: "two officials", Anonymous: true, Count: ptr(2), Description: "officials"}},
		Scope:  []sitrep.Span{span("military struck")},
	}, {
		Span: span("Hegseth"), Text: "Hegseth",
		Source: sitrep.Source{Text: "Hegseth", Name: "Pete Hegseth"},
		Cites:  []sitrep.Cited{{Text: "Hegseth", Count: ptr(1), Description: "Defense Secretary"}},
		Scope:  []sitrep.Span{span("at least 3 people")},
	}}
	d.Events = []sitrep.Event{{Span: span("struck a boat"), Text: "struck a boat",
		Type: "Explosions/Remote violence", Subtype: "Air/drone strike", Plover: "ASSAULT", Cameo: "195",
		Modality: "occurred", Negated: true, Aggregate: true,
		Actor:  &sitrep.Mention{Span: span("military"), Text: "military", Name: "United States government", Key: "org:us"},
		Target: &sitrep.Mention{Span: span("a boat"), Text: "a boat", Name: "boat", Key: "misc:boat"},
		Place:  iptr(1), Time: iptr(1), Counts: []int{1}, Sourcing: iptr(1), Evidence: "none_public"}}
	return &store.Record{
		Doc:         d,
		Raw:         []byte("<!doctype html><html><head><title>" + title + "</title></head><body><article><p>" + text + "</p></article></body></html>"),
		ContentType: "text/html; charset=utf-8",
		Pipeline:    "sitrep/0.1.0+ner.3",
		Fetched:     time.Date(2025, 11, 18, 19, 31, 0, 987654000, time.UTC),
	}
}

// checkFilled fails unless every field of v is set, recursively, looking at
// the first item of slices. It keeps the round trip honest as the domain
// types grow: a new field fails here until the fixture sets it, and then the
// round trip checks that every driver keeps it.
func checkFilled(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Fatalf("storetest fixture: %s is nil; set it", path)
		}
		checkFilled(t, path, v.Elem())
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.Interface().(time.Time).IsZero() {
				t.Fatalf("storetest fixture: %s is zero; set it", path)
			}
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Name == "Start" && f.Type.Kind() == reflect.Int {
				continue // a span may start at 0
			}
			checkFilled(t, path+"."+f.Name, v.Field(i))
		}
	case reflect.Slice:
		if v.Len() == 0 {
			t.Fatalf("storetest fixture: %s is empty; add an item", path)
		}
		checkFilled(t, path+"[0]", v.Index(0))
	default:
		if v.IsZero() {
			t.Fatalf("storetest fixture: %s is zero; set it", path)
		}
	}
}

func testRoundTrip(t *testing.T, fresh func(*testing.T) store.Store) {
	full := fullRecord()
	checkFilled(t, "Doc.Article", reflect.ValueOf(full.Doc.Article))
	for name, layer := range layerFields(full.Doc) {
		checkFilled(t, "Doc."+name, layer)
	}

	dateOnly := newRecord("https://example.com/d", "Date only", "Known to the day only.")
	dateOnly.Doc.Published = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)
	offset := newRecord("https://example.com/o", "Offset", "Midnight UTC, given in another zone.")
	offset.Doc.Published = time.Date(2025, 11, 18, 5, 30, 0, 0, time.FixedZone("IST", 5*3600+1800))
	unknown := newRecord("https://example.com/u", "Unknown", "No date, no fetch time, no layers.")
	unknown.Fetched = time.Time{}
	emptyRaw := newRecord("https://example.com/e", "Empty raw", "Nothing was fetched.")
	emptyRaw.Raw = nil
	binary := newRecord("https://example.com/b.pdf", "Binary raw", "A PDF.")
	binary.ContentType = "application/pdf"
	binary.Raw = make([]byte, 4096)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range binary.Raw {
		binary.Raw[i] = byte(rnd.Uint32()) // nothing to compress
	}
	unicode := newRecord("https://example.com/ü?q=ñ&x=1#frag", "Ataque en el Pacífico: «dos muertos»",
		"Два человека погибли. 两人死亡。 اثنان قتلى. 🚤💥 \"quoted\"\tand\ttabs.\nSecond paragraph.")
	unicode.Doc.Language = "es"
	unicode.Doc.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: len("Два")}, Text: "Два", Type: "MISC"}}

	for _, c := range []struct {
		name string
		r    *store.Record
	}{
		{"full", full},
		{"date-only published", dateOnly},
		{"published at midnight UTC in another zone", offset},
		{"unknown times, no layers", unknown},
		{"empty raw", emptyRaw},
		{"incompressible raw", binary},
		{"unicode", unicode},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := fresh(t)
			before := time.Now().Truncate(time.Second)
			put(t, s, c.r, store.Stored)
			after := time.Now().Add(time.Second)
			got := get(t, s, c.r.Doc.ID)
			compareRecords(t, c.r, got)
			if got.Version != 1 {
				t.Errorf("Version = %d, want 1", got.Version)
			}
			if got.Ingested.Before(before) || got.Ingested.After(after) {
				t.Errorf("Ingested = %v, want between %v and %v", got.Ingested, before, after)
			}
		})
	}
}

// compareRecords compares what Get returned with what was Put: every field
// but those the store sets, and the Doc's layers but Tokens and Sentences,
// which a store need not keep.
func compareRecords(t *testing.T, want, got *store.Record) {
	t.Helper()
	if got.Doc == nil {
		t.Fatal("Get returned no Doc")
	}
	w, g := want.Doc.Article, got.Doc.Article
	if !g.Published.Equal(w.Published) {
		t.Errorf("Published = %v, want %v", g.Published, w.Published)
	}
	_, wo := w.Published.Zone()
	_, gotOff := g.Published.Zone()
	if wo != gotOff {
		t.Errorf("Published offset = %d s, want %d s", gotOff, wo)
	}
	if wd, gd := (sitrep.Published{Time: w.Published}).DateOnly(), (sitrep.Published{Time: g.Published}).DateOnly(); wd != gd {
		t.Errorf("Published %v date-only = %v, want %v", g.Published, gd, wd)
	}
	w.Published, g.Published = time.Time{}, time.Time{}
	if w != g {
		t.Errorf("Article = %+v\nwant %+v", g, w)
	}
	if !bytes.Equal(got.Raw, want.Raw) {
		t.Errorf("Raw = %d bytes %.40q…, want %d bytes %.40q…", len(got.Raw), got.Raw, len(want.Raw), want.Raw)
	}
	sum := sha256.Sum256(want.Raw)
	if got.RawSHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("RawSHA256 = %q, want %x", got.RawSHA256, sum)
	}
	if got.ContentType != want.ContentType || got.Pipeline != want.Pipeline {
		t.Errorf("ContentType, Pipeline = %q, %q; want %q, %q", got.ContentType, got.Pipeline, want.ContentType, want.Pipeline)
	}
	if !got.Fetched.Equal(want.Fetched) {
		t.Errorf("Fetched = %v, want %v", got.Fetched, want.Fetched)
	}
	wl, gl := layersOf(want.Doc), layersOf(got.Doc)
	if !reflect.DeepEqual(wl, gl) {
		t.Errorf("layers differ:\n got %+v\nwant %+v", gl, wl)
	}
}

// layerFields yields the annotation layers of d that a store keeps: every
// field of the Doc but the Article, Tokens and Sentences.
func layerFields(d *sitrep.Doc) iter.Seq2[string, reflect.Value] {
	return func(yield func(string, reflect.Value) bool) {
		v := reflect.ValueOf(d).Elem()
		for i := range v.NumField() {
			switch name := v.Type().Field(i).Name; name {
			case "Article", "Tokens", "Sentences":
			default:
				if !yield(name, v.Field(i)) {
					return
				}
			}
		}
	}
}

// layersOf returns a copy of d's layers, without Article, Tokens and
// Sentences, with empty layers as nil (a store may give back either).
func layersOf(d *sitrep.Doc) sitrep.Doc {
	c := *d
	c.Article, c.Tokens, c.Sentences = sitrep.Article{}, nil, nil
	v := reflect.ValueOf(&c).Elem()
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Slice && f.Len() == 0 {
			f.SetZero()
		}
	}
	return c
}

func testGetMissing(t *testing.T, s store.Store) {
	put(t, s, newRecord("https://example.com/a", "A", "a"), store.Stored)
	for _, id := range []string{"0000000000000000", "", "'; DROP TABLE articles; --"} {
		r, err := s.Get(context.Background(), id)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get %q = %v, %v; want an error wrapping ErrNotFound", id, r, err)
		}
	}
}

// corpusItem is an article of the List fixture. Its words are chosen so that
// stemming, which a driver may do, changes no answer: no word is also there
// in another form ("strike", "strikes").
type corpusItem struct {
	key                       string // how the tests name it
	title, text, source, lang string
	published                 time.Time
}

// day is the first day of the listing fixtures.
func day() time.Time { return time.Date(2025, 11, 10, 0, 0, 0, 0, time.UTC) }

func listCorpus() []corpusItem {
	return []corpusItem{
		{"boat1", "Attack on boat", "The military struck a boat in the Caribbean Sea.", "Reuters", "en", day().Add(1 * time.Hour)},
		{"boat2", "Second boat hit", "Another vessel, a fishing boat, was hit in the Pacific.", "AP", "en", day().Add(30 * time.Hour)},
		{"cafe", "Café bombing", "An explosion hit a café in the capital.", "AFP", "fr", day().Add(50 * time.Hour)},
		{"petro", "Petró speaks", "President Petro condemned the attacks on vessels.", "El Tiempo", "es", day().Add(50 * time.Hour)},
		{"mexico", "Mexico cartels", "Officials threatened strikes in Mexico against cartels.", "Reuters", "en", day().Add(72 * time.Hour)},
		{"undated", "Undated boat report", "A boat was seen near the coast, date unknown.", "Blog", "en", time.Time{}},
		{"undated2", "Undated note", "Nothing about vessels.", "Blog", "en", time.Time{}},
		{"quotes", `He said "no" and left`, `Text with "quotes" and a colon: here, and a star *.`, "AP", "en", day().Add(5 * time.Hour)},
	}
}

func testList(t *testing.T, s store.Store) {
	byKey := map[string]string{} // key → ID
	keyOf := map[string]string{} // ID → key
	items := listCorpus()
	for _, it := range items {
		r := newRecord("https://example.com/"+it.key, it.title, it.text)
		r.Doc.Source, r.Doc.Language, r.Doc.Published = it.source, it.lang, it.published
		put(t, s, r, store.Stored)
		byKey[it.key], keyOf[r.Doc.ID] = r.Doc.ID, it.key
	}
	// The order every listing keeps: newest first, undated last, ties by ID descending.
	order := slices.Clone(items)
	slices.SortStableFunc(order, func(a, b corpusItem) int {
		return listingOrder(a.published, byKey[a.key], b.published, byKey[b.key])
	})
	inOrder := func(keys ...string) []string {
		var out []string
		for _, it := range order {
			if slices.Contains(keys, it.key) {
				out = append(out, it.key)
			}
		}
		return out
	}
	all := inOrder("boat1", "boat2", "cafe", "petro", "mexico", "undated", "undated2", "quotes")

	for _, c := range []struct {
		name string
		q    store.Query
		want []string
	}{
		{"everything", store.Query{}, all},
		{"blank text does not filter", store.Query{Text: "  \t "}, all},
		{"one word", store.Query{Text: "boat"}, inOrder("boat1", "boat2", "undated")},
		{"word in title only", store.Query{Text: "second"}, inOrder("boat2")},
		{"every word must match", store.Query{Text: "boat caribbean"}, inOrder("boat1")},
		{"case does not matter", store.Query{Text: "BOAT Caribbean"}, inOrder("boat1")},
		{"diacritics do not matter", store.Query{Text: "cafe"}, inOrder("cafe")},
		{"diacritics in the query", store.Query{Text: "pétro"}, inOrder("petro")},
		{"no match", store.Query{Text: "submarine"}, nil},
		{"since", store.Query{Since: day().Add(50 * time.Hour)}, inOrder("cafe", "petro", "mexico")},
		{"until", store.Query{Until: day().Add(30 * time.Hour)}, inOrder("boat1", "quotes")},
		{"since and until", store.Query{Since: day().Add(5 * time.Hour), Until: day().Add(72 * time.Hour)}, inOrder("quotes", "boat2", "cafe", "petro")},
		{"since in another zone", store.Query{Since: day().Add(50 * time.Hour).In(time.FixedZone("", -7200))}, inOrder("cafe", "petro", "mexico")},
		{"source", store.Query{Source: "Reuters"}, inOrder("boat1", "mexico")},
		{"source of undated", store.Query{Source: "Blog"}, inOrder("undated", "undated2")},
		{"unknown source", store.Query{Source: "reuters"}, nil},
		{"language", store.Query{Lang: "es"}, inOrder("petro")},
		{"text and source", store.Query{Text: "boat", Source: "AP"}, inOrder("boat2")},
		{"text, language and since", store.Query{Text: "strikes", Lang: "en", Since: day()}, inOrder("mexico")},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.List(context.Background(), c.q)
			if err != nil {
				t.Fatalf("List %+v: %v", c.q, err)
			}
			var got []string
			for _, a := range p.Articles {
				got = append(got, keyOf[a.ID])
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("List %+v = %v, want %v", c.q, got, c.want)
			}
			if p.Next != "" {
				t.Errorf("List %+v: Next = %q for a single page", c.q, p.Next)
			}
		})
	}

	t.Run("summaries", func(t *testing.T) {
		p, err := s.List(context.Background(), store.Query{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Articles {
			it := items[slices.IndexFunc(items, func(it corpusItem) bool { return it.key == keyOf[a.ID] })]
			if a.URL != "https://example.com/"+it.key || a.Title != it.title || a.Source != it.source ||
				a.Language != it.lang || !a.Published.Equal(it.published) || a.Version != 1 || a.Ingested.IsZero() {
				t.Errorf("summary %+v does not match %+v", a, it)
			}
			if a.Snippet != "" {
				t.Errorf("summary %s has snippet %q without a text query", it.key, a.Snippet)
			}
		}
	})

	t.Run("snippet", func(t *testing.T) {
		p, err := s.List(context.Background(), store.Query{Text: "caribbean"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Articles) != 1 || !strings.Contains(strings.ToLower(p.Articles[0].Snippet), "caribbean") {
			t.Errorf("List caribbean = %+v, want one article with a snippet around the word", p.Articles)
		}
	})
}

func testListQuerySyntax(t *testing.T, s store.Store) {
	for _, it := range listCorpus() {
		r := newRecord("https://example.com/"+it.key, it.title, it.text)
		r.Doc.Published = it.published
		put(t, s, r, store.Stored)
	}
	// What users type is words, never query syntax: none of these may fail.
	// Where the words are clear, so is the answer (n ≥ 0); n < 0 only
	// requires no error.
	for _, c := range []struct {
		text string
		n    int
	}{
		{`"`, 0},
		{`""`, 0},
		{`*`, 0},
		{`NEAR(`, -1},
		{`OR`, -1},
		{`AND`, -1},
		{`NOT`, -1},
		{`-`, 0},
		{`:`, 0},
		{`(`, 0},
		{`)`, 0},
		{`^`, 0},
		{`+`, 0},
		{`{title text}:`, -1},
		{`"boat"`, 3},
		{`boat"`, 3},
		{`"boat`, 3},
		{`boat*`, 3},
		{`-boat`, 3},
		{`boat:`, 3},
		{`boat -`, 3},
		{`title:boat`, -1},
		{`NEAR(boat strike)`, -1},
		{`boat OR`, -1},
		{`boat AND NOT caribbean`, -1},
		{`"quotes"`, 1},
		{`said "no"`, 1},
		{`colon: here`, 1},
		{"boat\x00", 3},
		{`'; DROP TABLE articles; --`, 0},
	} {
		p, err := s.List(context.Background(), store.Query{Text: c.text})
		if err != nil {
			t.Errorf("List text %q: %v", c.text, err)
			continue
		}
		if c.n >= 0 && len(p.Articles) != c.n {
			t.Errorf("List text %q: %d articles, want %d", c.text, len(p.Articles), c.n)
		}
	}
	if n := count(t, s); n != len(listCorpus()) {
		t.Errorf("Count = %d after the queries, want %d", n, len(listCorpus()))
	}
}

func testPagination(t *testing.T, s store.Store) {
	const n = 120
	var want []string // IDs in listing order
	type item struct {
		id        string
		published time.Time
	}
	var items []item
	for i := range n {
		r := newRecord(fmt.Sprintf("https://example.com/p/%d", i), fmt.Sprintf("Article %d", i),
			fmt.Sprintf("Body of article number %d about the strikes.", i))
		if i%12 != 0 { // every twelfth is undated; the others come in threes of one time
			r.Doc.Published = day().Add(time.Duration(i/3) * time.Hour)
		}
		put(t, s, r, store.Stored)
		items = append(items, item{r.Doc.ID, r.Doc.Published})
	}
	slices.SortFunc(items, func(a, b item) int {
		return listingOrder(a.published, a.id, b.published, b.id)
	})
	for _, it := range items {
		want = append(want, it.id)
	}

	pages := func(q store.Query) (ids []string, sizes []int) {
		t.Helper()
		for range n + 1 {
			p, err := s.List(context.Background(), q)
			if err != nil {
				t.Fatalf("List %+v: %v", q, err)
			}
			for _, a := range p.Articles {
				ids = append(ids, a.ID)
			}
			sizes = append(sizes, len(p.Articles))
			if p.Next == "" {
				return ids, sizes
			}
			q.Cursor = p.Next
		}
		t.Fatalf("List %+v: more pages than articles", q)
		return nil, nil
	}

	ids, sizes := pages(store.Query{Limit: 50})
	if !slices.Equal(ids, want) {
		t.Errorf("pages of 50 gave %d IDs %v\nwant %d %v", len(ids), ids, len(want), want)
	}
	if !slices.Equal(sizes, []int{50, 50, 20}) {
		t.Errorf("page sizes %v, want [50 50 20]", sizes)
	}

	if _, sizes := pages(store.Query{}); sizes[0] != 50 {
		t.Errorf("default page size %d, want 50", sizes[0])
	}
	if ids, _ := pages(store.Query{Limit: 7, Text: "strikes"}); !slices.Equal(ids, want) {
		t.Errorf("pages of 7 with a text query gave %d IDs, want %d in order", len(ids), len(want))
	}
	if _, sizes := pages(store.Query{Limit: 40}); !slices.Equal(sizes, []int{40, 40, 40}) {
		t.Errorf("page sizes %v, want [40 40 40] and no empty last page", sizes)
	}

	// An article stored between two pages, newer than all, does not shift
	// the pages after the first: the cursor marks a place, not an offset.
	first, err := s.List(context.Background(), store.Query{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	late := newRecord("https://example.com/late", "Late", "Stored between pages.")
	late.Doc.Published = day().Add(1000 * time.Hour)
	put(t, s, late, store.Stored)
	second, err := s.List(context.Background(), store.Query{Limit: 50, Cursor: first.Next})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range second.Articles {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, want[50:100]) {
		t.Errorf("second page after an insert = %v, want %v", got, want[50:100])
	}
}

func testBadCursor(t *testing.T, s store.Store) {
	for i := range 3 {
		put(t, s, newRecord(fmt.Sprintf("https://example.com/%d", i), fmt.Sprint("T", i), "x"), store.Stored)
	}
	for _, c := range []string{"not a cursor", "!!!!", "AA", "e30", "%00", strings.Repeat("A", 5000) + "!"} {
		p, err := s.List(context.Background(), store.Query{Cursor: c})
		if !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("List with cursor %.20q = %d articles, %v; want an error wrapping ErrBadCursor", c, len(p.Articles), err)
		}
	}
}

func testConcurrentPut(t *testing.T, s store.Store) {
	// 200 Puts: 140 distinct contents, 30 of them Put twice at their URL
	// (one Stored, one Unchanged, in whichever order they run) and 30 others
	// also at a second URL (one Stored, one Duplicate).
	const distinct, workers = 140, 8
	var recs []*store.Record
	for i := range distinct {
		title, text := fmt.Sprintf("Concurrent %d", i), fmt.Sprintf("Text of concurrent article %d. %s", i, strings.Repeat("Filler words. ", 50))
		url := fmt.Sprintf("https://example.com/c/%d", i)
		recs = append(recs, newRecord(url, title, text))
		switch {
		case i < 30:
			recs = append(recs, newRecord(url, title, text))
		case i < 60:
			recs = append(recs, newRecord(url+"?amp=1", title, text))
		}
	}
	// Interleave so that pairs tend to run at the same time on different workers.
	jobs := make(chan *store.Record)
	go func() {
		defer close(jobs)
		for _, r := range recs {
			jobs <- r
		}
	}()
	var (
		mu       sync.Mutex
		outcomes = map[store.Outcome]int{}
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for r := range jobs {
				o, err := s.Put(context.Background(), r)
				if err != nil {
					t.Errorf("Put %s at %s: %v", r.Doc.ID, r.Doc.URL, err)
					continue
				}
				mu.Lock()
				outcomes[o]++
				mu.Unlock()
			}
		})
	}
	// Readers list and search while the writers work: they must never fail
	// nor see a page out of order.
	done := make(chan struct{})
	var readers sync.WaitGroup
	for _, text := range []string{"", "filler concurrent"} {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				p, err := s.List(context.Background(), store.Query{Text: text, Limit: 20})
				if err != nil {
					t.Errorf("List %q during Puts: %v", text, err)
					return
				}
				if !slices.IsSortedFunc(p.Articles, func(a, b store.Summary) int { return strings.Compare(b.ID, a.ID) }) {
					t.Errorf("List %q during Puts: not in order", text)
				}
				if len(p.Articles) > 0 {
					if _, err := s.Get(context.Background(), p.Articles[0].ID); err != nil {
						t.Errorf("Get %s during Puts: %v", p.Articles[0].ID, err)
					}
				}
			}
		})
	}
	wg.Wait()
	close(done)
	readers.Wait()
	want := map[store.Outcome]int{store.Stored: distinct, store.Unchanged: 30, store.Duplicate: 30}
	if !reflect.DeepEqual(outcomes, want) {
		t.Errorf("outcomes %v, want %v", outcomes, want)
	}
	if n := count(t, s); n != distinct {
		t.Errorf("Count = %d, want %d", n, distinct)
	}
	for _, r := range recs {
		vs, err := s.Versions(context.Background(), r.Doc.URL)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1 || vs[0].ID != r.Doc.ID || vs[0].Version != 1 {
			t.Errorf("Versions %s = %+v, want one version of %s", r.Doc.URL, vs, r.Doc.ID)
		}
	}
}

func testConcurrentSameContent(t *testing.T, s store.Store) {
	// Every worker Puts the same content at once: at one URL, then each at
	// its own URL. The store must serialize them, not fail any.
	const workers = 8
	for _, c := range []struct {
		name   string
		url    func(i int) string
		others store.Outcome
	}{
		{"same URL", func(int) string { return "https://example.com/same" }, store.Unchanged},
		{"URL each", func(i int) string { return fmt.Sprintf("https://example.com/each/%d", i) }, store.Duplicate},
	} {
		t.Run(c.name, func(t *testing.T) {
			outcomes := make([]store.Outcome, workers)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range workers {
				r := newRecord(c.url(i), "Same "+c.name, "The same content, "+c.name+".")
				wg.Go(func() {
					<-start
					o, err := s.Put(context.Background(), r)
					if err != nil {
						t.Errorf("Put: %v", err)
					}
					outcomes[i] = o
				})
			}
			close(start)
			wg.Wait()
			got := map[store.Outcome]int{}
			for _, o := range outcomes {
				got[o]++
			}
			want := map[store.Outcome]int{store.Stored: 1, c.others: workers - 1}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("outcomes %v, want %v", got, want)
			}
		})
	}
	if n := count(t, s); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
}

func testValidators(t *testing.T, s store.Store) {
	ctx := context.Background()
	const feed, other = "https://example.com/feed.xml", "https://example.com/sitemap.xml"
	everSet, lastSet := map[string]bool{}, map[string]time.Time{}
	check := func(url string, want store.Validators) {
		t.Helper()
		got, err := s.Validators(ctx, url)
		if err != nil {
			t.Fatalf("Validators %s: %v", url, err)
		}
		saved := got.Saved
		got.Saved = time.Time{}
		if got != want {
			t.Errorf("Validators %s = %+v, want %+v", url, got, want)
		}
		if saved.IsZero() != (want == store.Validators{} && !everSet[url]) {
			t.Errorf("Validators %s saved at %v; want it set once SetValidators was called", url, saved)
		}
		if !saved.IsZero() && (saved.Before(lastSet[url].Add(-time.Second)) || saved.After(time.Now().Add(time.Second))) {
			t.Errorf("Validators %s saved at %v, set at %v", url, saved, lastSet[url])
		}
	}
	set := func(url string, v store.Validators) {
		t.Helper()
		if err := s.SetValidators(ctx, url, v); err != nil {
			t.Fatalf("SetValidators %s: %v", url, err)
		}
		everSet[url], lastSet[url] = true, time.Now()
	}
	check(feed, store.Validators{})
	v1 := store.Validators{ETag: `W/"abc"`, LastModified: "Tue, 18 Nov 2025 12:00:00 GMT"}
	set(feed, v1)
	check(feed, v1)
	check(other, store.Validators{})
	v2 := store.Validators{ETag: `"def"`}
	set(feed, v2)
	check(feed, v2)
	set(other, v1)
	check(other, v1)
	check(feed, v2)
	set(feed, store.Validators{})
	check(feed, store.Validators{})
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d: validators are not articles", n)
	}
}

func testCount(t *testing.T, s store.Store) {
	if n := count(t, s); n != 0 {
		t.Fatalf("Count of a new store = %d", n)
	}
	put(t, s, newRecord("https://example.com/1", "One", "one"), store.Stored)
	put(t, s, newRecord("https://example.com/2", "Two", "two"), store.Stored)
	put(t, s, newRecord("https://example.com/2b", "Two", "two"), store.Duplicate)
	put(t, s, newRecord("https://example.com/1", "One", "one, changed"), store.Stored)
	if n := count(t, s); n != 3 {
		t.Errorf("Count = %d, want 3 (articles, not URLs)", n)
	}
}

func testCanceledContext(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, newRecord("https://example.com/c", "C", "c")); err == nil {
		t.Error("Put with a canceled context: no error")
	}
	if _, err := s.List(ctx, store.Query{}); err == nil {
		t.Error("List with a canceled context: no error")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after a canceled Put", n)
	}
}

// listingOrder is the order every listing keeps: newest published first,
// undated last, ties by ID descending.
func listingOrder(aPub time.Time, aID string, bPub time.Time, bID string) int {
	switch {
	case aPub.IsZero() != bPub.IsZero():
		if aPub.IsZero() {
			return 1
		}
		return -1
	case !aPub.Equal(bPub):
		return bPub.Compare(aPub)
	}
	return strings.Compare(bID, aID)
}
