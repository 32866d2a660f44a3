package web

import (
	"context"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/a-h/templ"
	"golang.org/x/net/html"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/article"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/story"
)

// hlSeed is the seed article run through the default pipeline, with
// the entity links the story package gives it.
func hlSeed(tb testing.TB) (*store.Record, []store.EntityLink) {
	tb.Helper()
	path := shareddata.Path(tb, "seed/strikes-mexico-2025-11-18.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.Parse(article.Input{Body: raw, URL: path})
	if err != nil {
		tb.Fatal(err)
	}
	p := pipeline.Default()
	d, err := p.Run(context.Background(), a)
	if err != nil {
		tb.Fatal(err)
	}
	var links []store.EntityLink
	for _, l := range story.NewEntities().Add(d) {
		links = append(links, store.EntityLink{Article: l.Article, Local: l.Local, Global: l.Global, Name: l.Name, Type: l.Type})
	}
	return &store.Record{Doc: d, Pipeline: p.Version(), Version: 1, Layers: 1, RawSHA256: "00ff"}, links
}

func hlRender(tb testing.TB, c templ.Component) string {
	tb.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func hlParse(tb testing.TB, s string) *html.Node {
	tb.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func hlAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hlHasClass(n *html.Node, c string) bool {
	v, _ := hlAttr(n, "class")
	return slices.Contains(strings.Fields(v), c)
}

// hlFind returns the element nodes under n for which match is true.
func hlFind(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func hlByID(n *html.Node, id string) *html.Node {
	found := hlFind(n, func(d *html.Node) bool { v, _ := hlAttr(d, "id"); return v == id })
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// hlText is the text under n, leaving out elements with any of the
// classes skip.
func hlText(n *html.Node, skip ...string) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && slices.ContainsFunc(skip, func(c string) bool { return hlHasClass(n, c) }) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var hlSegHref = regexp.MustCompile(`^/articles/([0-9a-f]{16})\?at=(\d+)#facts$`)

func TestSeedArticlePage(t *testing.T) {
	rec, links := hlSeed(t)
	d := rec.Doc
	v := newArticleView(rec, links...)
	doc := hlParse(t, hlRender(t, articleBody(v)))

	text := hlByID(doc, "article-text")
	if text == nil {
		t.Fatal("no #article-text")
	}
	// The paragraphs, less arrows and labels, are the article's text.
	var paras []string
	for _, p := range strings.Split(d.Text, "\n") {
		if p != "" {
			paras = append(paras, p)
		}
	}
	ps := hlFind(text, func(n *html.Node) bool { return n.Data == "p" })
	if len(ps) != len(paras) {
		t.Fatalf("%d paragraphs, want %d", len(ps), len(paras))
	}
	for i, p := range ps {
		if got := hlText(p, "speaker-arrow", "label"); got != paras[i] {
			t.Errorf("paragraph %d:\n got %q\nwant %q", i, got, paras[i])
		}
		if dir, _ := hlAttr(p, "dir"); dir != "auto" {
			t.Errorf("paragraph %d: dir=%q", i, dir)
		}
	}

	// Every segment with words links to the facts at its first code
	// point; blank ones are no links (a link needs words to announce).
	runes := []rune(d.Text)
	segs := hlFind(text, func(n *html.Node) bool { return hlHasClass(n, "seg") })
	layersSeen := map[string]bool{}
	for _, s := range segs {
		if strings.TrimSpace(hlText(s)) == "" {
			if s.Data != "span" {
				t.Errorf("a blank segment is a <%s>, want a <span>", s.Data)
			}
			continue
		}
		if s.Data != "a" {
			t.Errorf("segment %q is a <%s>, want a link", hlText(s), s.Data)
		}
		href, _ := hlAttr(s, "href")
		m := hlSegHref.FindStringSubmatch(href)
		if m == nil || m[1] != d.ID {
			t.Fatalf("segment href %q", href)
		}
		at, _ := strconv.Atoi(m[2])
		segText := hlText(s)
		if n := utf8.RuneCountInString(segText); at+n > len(runes) || string(runes[at:at+n]) != segText {
			t.Errorf("segment %q: at=%d does not point at it", segText, at)
		}
		if hx, _ := hlAttr(s, "hx-get"); hx != "/articles/"+d.ID+"/facts?at="+m[2] {
			t.Errorf("segment %q: hx-get %q", segText, hx)
		}
		if tgt, _ := hlAttr(s, "hx-target"); tgt != "#facts" {
			t.Errorf("segment %q: hx-target %q", segText, tgt)
		}
		for _, l := range allLayers() {
			if hlHasClass(s, "l-"+l.name()) {
				layersSeen[l.name()] = true
			}
		}
	}
	for _, l := range allLayers() {
		if !layersSeen[l.name()] {
			t.Errorf("no segment of layer %s", l.name())
		}
		box := hlByID(doc, "show-"+l.name())
		if box == nil || box.Data != "input" {
			t.Errorf("no checkbox show-%s", l.name())
			continue
		}
		if typ, _ := hlAttr(box, "type"); typ != "checkbox" {
			t.Errorf("show-%s is a %q", l.name(), typ)
		}
		if _, checked := hlAttr(box, "checked"); !checked {
			t.Errorf("show-%s is not checked", l.name())
		}
		if len(hlFind(doc, func(n *html.Node) bool { f, _ := hlAttr(n, "for"); return n.Data == "label" && f == "show-"+l.name() })) != 1 {
			t.Errorf("show-%s has no label", l.name())
		}
	}

	// Trump's quotes end with an arrow to where he is named as their
	// speaker; every arrow points at an anchor of the page.
	arrows := hlFind(text, func(n *html.Node) bool { return hlHasClass(n, "speaker-arrow") })
	trump := 0
	for _, a := range arrows {
		if hlText(a) == "→ Donald Trump" {
			trump++
		}
		href, ok := hlAttr(a, "href")
		if !ok {
			continue
		}
		target := hlByID(doc, strings.TrimPrefix(href, "#"))
		if !strings.HasPrefix(href, "#a-entity-") || target == nil {
			t.Errorf("arrow %q points at %q, which is not an anchor of the page", hlText(a), href)
		}
	}
	want := 0
	for _, q := range d.Quotes {
		if q.Speaker != nil && q.Speaker.Name == "Donald Trump" {
			want++
		}
	}
	if want == 0 || trump != want {
		t.Errorf("%d arrows “→ Donald Trump”, want one per quote of his (%d)", trump, want)
	}

	// Event labels name the event types.
	labels := hlFind(text, func(n *html.Node) bool { return hlHasClass(n, "label") })
	if len(labels) != len(d.Events) || !slices.ContainsFunc(labels, func(n *html.Node) bool { return hlText(n) == "Air/drone strike" }) {
		t.Errorf("%d event labels for %d events, or no “Air/drone strike”", len(labels), len(d.Events))
	}

	facts := hlByID(doc, "facts")
	if facts == nil || facts.Data != "aside" {
		t.Fatal("no aside#facts")
	}
	if live, _ := hlAttr(facts, "aria-live"); live != "polite" {
		t.Errorf("#facts aria-live=%q", live)
	}
	// Entities with a global key link to their page.
	if len(hlFind(doc, func(n *html.Node) bool { h, _ := hlAttr(n, "href"); return h == "/entities/person:donald-trump" })) == 0 {
		t.Error("no link to /entities/person:donald-trump")
	}
	// The lists under the text keep what the former page showed.
	page := hlText(doc)
	for _, h := range []string{"Entities", "Quotes", "Counts", "Times", "Places", "Events", "Sourcing", "hundreds of thousands of people", "P2W", "Latin America"} {
		if !strings.Contains(page, h) {
			t.Errorf("page lacks %q", h)
		}
	}
}

// hlQuoteAt finds the first quote by speaker with cue and returns it with
// its start in code points.
func hlQuoteAt(tb testing.TB, d *sitrep.Doc, speaker, cue string) (sitrep.Quote, int) {
	tb.Helper()
	for _, q := range d.Contract("").Quotes {
		if q.Speaker != nil && q.Speaker.Name == speaker && q.Cue == cue {
			return q, q.Start
		}
	}
	tb.Fatalf("no quote by %s with cue %q", speaker, cue)
	return sitrep.Quote{}, 0
}

// hlUncovered returns the first code point, after the first word, that no
// hlSpan of the extraction covers.
func hlUncovered(tb testing.TB, c sitrep.Extraction) int {
	tb.Helper()
	var spans []sitrep.Span
	for _, e := range c.Entities {
		spans = append(spans, e.Span)
	}
	for _, q := range c.Quotes {
		spans = append(spans, q.Span)
		if q.Speaker != nil {
			spans = append(spans, q.Speaker.Span)
		}
	}
	for _, q := range c.Quantities {
		spans = append(spans, q.Span)
	}
	for _, x := range c.Times {
		spans = append(spans, x.Span)
	}
	for _, x := range c.Places {
		spans = append(spans, x.Span)
	}
	for _, e := range c.Events {
		spans = append(spans, e.Span)
		for _, m := range []*sitrep.Mention{e.Actor, e.Target} {
			if m != nil {
				spans = append(spans, m.Span)
			}
		}
	}
	for at := 5; at < utf8.RuneCountInString(c.Text); at++ {
		if !slices.ContainsFunc(spans, func(s sitrep.Span) bool { return s.Start <= at && at < s.End }) {
			return at
		}
	}
	tb.Fatal("every code point is annotated")
	return 0
}

func TestFactsAt(t *testing.T) {
	rec, links := hlSeed(t)
	d := rec.Doc
	v := newArticleView(rec, links...)
	c := d.Contract("")

	q, qAt := hlQuoteAt(t, d, "Claudia Sheinbaum", "said")
	place := c.Places[0]
	var count sitrep.Quantity
	for _, x := range c.Quantities {
		if x.Sourcing != nil {
			count = x
			break
		}
	}
	var strike sitrep.Event
	for _, e := range c.Events {
		if e.Subtype == "Air/drone strike" {
			strike = e
			break
		}
	}
	tm := c.Times[2]

	for _, tc := range []struct {
		name    string
		at      int
		want    []string
		notWant []string
	}{
		{"quote", qAt + 1, []string{"Reported speech", "Claudia Sheinbaum", "said", q.Text}, []string{"No annotation"}},
		{"entity", c.Entities[1].Start, []string{"Entity", "PERSON", "Donald Trump", "/entities/person:donald-trump", "President", "Speaker of"}, nil},
		{"speaker pronoun", c.Quotes[1].Speaker.Start, []string{"Mention", "Refers to", "Donald Trump", "he", "Speaker of"}, nil},
		{"place", place.Start, []string{"Place", place.Text, place.Name, place.Kind, place.Country, fmt.Sprintf("%.4f, %.4f", *place.Lat, *place.Lon)}, nil},
		{"count", count.Start, []string{"Count", count.Text, strconv.FormatInt(*count.Low, 10), count.Qualifier, count.Unit, d.Sourcing[*count.Sourcing].Source.Name}, nil},
		{"event", strike.Start, []string{"Event", "Air/drone strike", "Explosions/Remote violence", "threatened", "Actor"}, nil},
		{"time", tm.Start, []string{"Time", tm.Text, tm.Type, tm.Value, tm.From, tm.Until}, nil},
		{"nothing", hlUncovered(t, c), []string{"No annotation covers"}, []string{"<section"}},
		{"past the end", math.MaxInt32, []string{"No annotation covers"}, []string{"<section"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := hlRender(t, factsAt(v, tc.at))
			plain := html.UnescapeString(out)
			for _, w := range tc.want {
				if !strings.Contains(plain, w) {
					t.Errorf("facts at %d lack %q:\n%s", tc.at, w, out)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(out, w) {
					t.Errorf("facts at %d contain %q:\n%s", tc.at, w, out)
				}
			}
		})
	}

	// The page pre-fills the panel when asked to (?at=N without script).
	doc := hlParse(t, hlRender(t, articleBody(v.withFacts(qAt))))
	if facts := hlByID(doc, "facts"); facts == nil || !strings.Contains(hlText(facts), "Claudia Sheinbaum") {
		t.Error("pre-filled #facts lacks the quote's speaker")
	}
}

// TestHostileArticle renders an article whose every field and layer is an
// attack: nothing may come out as markup, and no bidi control may take
// effect.
func TestHostileArticle(t *testing.T) {
	script := `<script>alert(1)</script>`
	img := `<img src=x onerror=alert(1)>`
	long := strings.Repeat("A", 100_000)
	text := "Before " + script + " and " + img + " \u202Eevil\u202C then\n" + long + "\n“<a href=javascript:alert(1)>x</a>” he said."
	at := func(s string) sitrep.Span { i := strings.Index(text, s); return sitrep.Span{Start: i, End: i + len(s)} }
	quote := at("“<a href=javascript:alert(1)>x</a>”")
	he := at("he said")
	he.End = he.Start + 2
	addressee := `"><script>alert(3)</script>`
	one, two := 0, 1
	d := &sitrep.Doc{
		Article: sitrep.Article{ID: "0123456789abcdef", URL: "javascript:alert(1)", Title: script + "\u202E", Source: img, Byline: "\u2066x", Language: `en" onload="alert(1)`, Text: text},
		Entities: []sitrep.Entity{
			{Span: at(script), Text: script, Type: img, Name: script, Key: `k"><script>`, Titles: []string{img}},
			{Span: at("\u202Eevil\u202C"), Text: "\u202Eevil\u202C", Type: "PERSON", Name: "\u202Eevil", Key: "person:evil"},
		},
		Quotes: []sitrep.Quote{{Span: quote, Text: "x", Direct: true, Cue: img, Addressee: &addressee,
			Speaker: &sitrep.Mention{Span: he, Text: "he", Name: script + "\u202E", Key: "javascript:alert(2)"}}},
		Quantities: []sitrep.Quantity{{Span: at(img), Text: img, Unit: script, Category: img, Sourcing: &one}},
		Times:      []sitrep.Time{{Span: at("then"), Text: "then", Type: img, Value: script}},
		Places:     []sitrep.Place{{Span: at(long), Text: long, Name: img, Kind: script, Country: "\u202E"}},
		Events: []sitrep.Event{{Span: at("said"), Text: "said", Type: script, Subtype: img, Modality: script, Evidence: img,
			Actor: &sitrep.Mention{Span: at("Before"), Text: "Before", Name: script}, Place: &one, Time: &two, Counts: []int{0, 5, -1}, Sourcing: &one}},
		Sourcing: []sitrep.Attribution{{Span: at("Before"), Text: script, Source: sitrep.Source{Name: img}, Cites: []sitrep.Cited{{Text: script}}}},
	}
	links := []store.EntityLink{
		{Article: d.ID, Local: "person:evil", Global: "javascript:alert(4)"},
		{Article: d.ID, Local: `k"><script>`, Global: `x"><script>alert(5)</script>`},
	}
	v := newArticleView(&store.Record{Doc: d, Pipeline: script, RawSHA256: img}, links...)
	out := hlRender(t, articleBody(v))
	for _, a := range []int{0, 7, 8, utf8.RuneCountInString(text[:quote.Start]), utf8.RuneCountInString(text[:he.Start])} {
		out += hlRender(t, factsAt(v, a))
	}
	doc := hlParse(t, out)
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "script" || n.Data == "img" {
			t.Errorf("a <%s> element came through", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "hx-get" || a.Key == "src") && !strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q>: not a link within the site", n.Data, a.Key, a.Val)
			}
			if u := strings.ToLower(strings.TrimSpace(a.Val)); strings.HasPrefix(u, "javascript:") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	// No bidi control reaches the page; each shows as a marker.
	if i := strings.IndexFunc(out, isBidiControl); i >= 0 {
		t.Errorf("a bidi control reached the page: %q", out[max(0, i-200):min(len(out), i+50)])
	}
	markers := hlFind(doc, func(n *html.Node) bool { return hlHasClass(n, "ctl") })
	var rlo int
	for _, m := range markers {
		if ti, _ := hlAttr(m, "title"); ti == "U+202E" && strings.Contains(hlText(m), "U+202E") {
			rlo++
		}
	}
	if rlo < 4 { // title, the text, the entity's name, the speaker's name...
		t.Errorf("%d U+202E markers", rlo)
	}
	if strings.Count(hlText(doc), "U+202E") != rlo {
		t.Error("U+202E named outside a .ctl marker")
	}
	// The script text is shown as text.
	if !strings.Contains(hlText(hlByID(doc, "article-text")), script) {
		t.Error("the article text lost its literal <script>")
	}
}

// TestEmptyArticle renders records without a doc or without text: the
// page says so instead of failing.
func TestEmptyArticle(t *testing.T) {
	for _, tc := range []struct {
		name string
		rec  *store.Record
		want []string
	}{
		{"no record", nil, []string{"Untitled article", "This article has no text."}},
		{"no doc", &store.Record{Pipeline: "p"}, []string{"Untitled article", "This article has no text."}},
		{"no text", &store.Record{Doc: &sitrep.Doc{Article: sitrep.Article{ID: "0123456789abcdef", Title: "T"}, Quotes: []sitrep.Quote{{Span: sitrep.Span{Start: 0, End: 4}}}}},
			[]string{"This article has no text.", "1 annotation does not fit the text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newArticleView(tc.rec)
			out := hlRender(t, articleBody(v.withFacts(-1)))
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("page lacks %q:\n%s", w, out)
				}
			}
			if !strings.Contains(out, "Select a highlighted passage") {
				t.Error("withFacts(-1) filled the facts panel")
			}
			if f := hlRender(t, factsAt(v, 0)); !strings.Contains(f, "No annotation covers character 0") {
				t.Errorf("facts at 0: %s", f)
			}
		})
	}
}

// TestArticleCSS checks that each layer can be hidden by its checkbox and
// that the colours of text on highlights keep a hlContrast of 4.5:1.
func TestArticleCSS(t *testing.T) {
	b, err := assets.ReadFile("assets/article.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	for _, l := range allLayers() {
		if !strings.Contains(css, "#show-"+l.name()+":not(:checked)) .seg.l-"+l.name()) {
			t.Errorf("no rule hides layer %s", l.name())
		}
	}
	color := func(re string) string {
		m := regexp.MustCompile(re).FindStringSubmatch(css)
		if m == nil {
			t.Fatalf("article.css: nothing matches %s", re)
		}
		return m[1]
	}
	quoteBG := color(`--quote-bg: (#[0-9a-f]{6})`)
	eventFG := color(`\.seg\.l-event, \.swatch\.l-event \{[^}]*color: (#[0-9a-f]{6})`)
	for _, tc := range []struct{ what, fg, bg string }{
		{"text on a quote", "#1a1a1a", quoteBG},
		{"an event", eventFG, "#ffffff"},
		{"an event in a quote", eventFG, quoteBG},
		{"an event label", color(`\.label \{[^}]*color: (#[0-9a-f]{6})`), "#ffffff"},
		{"a speaker arrow", color(`\.speaker-arrow \{[^}]*color: (#[0-9a-f]{6})`), color(`\.speaker-arrow \{[^}]*background: (#[0-9a-f]{6})`)},
		{"a control marker", color(`\.ctl \{[^}]*color: (#[0-9a-f]{6})`), color(`\.ctl \{[^}]*background: (#[0-9a-f]{6})`)},
	} {
		if r := hlContrast(tc.fg, tc.bg); r < 4.5 {
			t.Errorf("%s: %s on %s has hlContrast %.2f, under 4.5", tc.what, tc.fg, tc.bg, r)
		}
	}
}

// hlContrast is the WCAG hlContrast ratio of two #rrggbb colours.
func hlContrast(a, b string) float64 {
	lum := func(hex string) float64 {
		n, _ := strconv.ParseUint(hex[1:], 16, 32)
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			c := float64((n>>(16-8*i))&0xff) / 255
			if c <= 0.04045 {
				c /= 12.92
			} else {
				c = math.Pow((c+0.055)/1.055, 2.4)
			}
			l += w * c
		}
		return l
	}
	x, y := lum(a), lum(b)
	return (math.Max(x, y) + 0.05) / (math.Min(x, y) + 0.05)
}

// BenchmarkArticleBody renders the seed article's page body from its
// record, as a request does.
func BenchmarkArticleBody(b *testing.B) {
	rec, links := hlSeed(b)
	var sb strings.Builder
	b.ReportAllocs()
	for b.Loop() {
		sb.Reset()
		if err := articleBody(newArticleView(rec, links...)).Render(context.Background(), &sb); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sb.Len()), "bytes/page")
}
