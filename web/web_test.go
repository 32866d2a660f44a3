package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// withPrincipal stands in for the auth middleware: every request is made
// by p.
func withPrincipal(next http.Handler, p auth.Principal) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	})
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// serveStore serves the pages over st on 127.0.0.1, read by a viewer.
func serveStore(t *testing.T, st store.Store) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(withPrincipal(New(st, quietLog(), Options{}), auth.Principal{User: "vera", Role: auth.Viewer}))
	t.Cleanup(srv.Close)
	return srv
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

type response struct {
	status int
	header http.Header
	body   string
	doc    *html.Node
}

func fetchPage(t *testing.T, rawURL string) response {
	t.Helper()
	resp, err := noRedirect.Get(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("GET %s: not HTML: %v", rawURL, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(b), doc: doc}
}

// Small DOM helpers: enough to check the contract without a selector engine.

func attrVal(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func classHas(n *html.Node, c string) bool {
	v, _ := attrVal(n, "class")
	for _, f := range strings.Fields(v) {
		if f == c {
			return true
		}
	}
	return false
}

// all returns the elements under n (n included) for which match holds.
func nodes(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func isTag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func isTagClass(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name && classHas(n, class) }
}

func nodeByID(doc *html.Node, id string) *html.Node {
	ns := nodes(doc, func(n *html.Node) bool { v, _ := attrVal(n, "id"); return v == id })
	if len(ns) != 1 {
		return nil
	}
	return ns[0]
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func hrefs(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		v, _ := attrVal(n, "href")
		out = append(out, v)
	}
	return out
}

func listHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkLayout checks what every full page must have: one h1, the main
// landmark and skip link, the viewport, the navigation, the CSP.
func checkLayout(t *testing.T, name string, r response) {
	t.Helper()
	if got := r.header.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
		t.Errorf("%s: CSP %q, want %q", name, got, ContentSecurityPolicy)
	}
	if r.header.Get("X-Frame-Options") != "DENY" || r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("%s: security headers missing: %v", name, r.header)
	}
	if n := len(nodes(r.doc, isTag("h1"))); n != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, n)
	}
	if m := nodeByID(r.doc, "main"); m == nil || m.Data != "main" {
		t.Errorf("%s: no <main id=main>", name)
	}
	if skips := nodes(r.doc, isTagClass("a", "skip")); len(skips) != 1 || hrefs(skips)[0] != "#main" {
		t.Errorf("%s: no skip link to #main", name)
	}
	vp := nodes(r.doc, func(n *html.Node) bool { v, _ := attrVal(n, "name"); return n.Data == "meta" && v == "viewport" })
	if len(vp) != 1 {
		t.Errorf("%s: no viewport meta", name)
	}
	nav := hrefs(nodes(r.doc, func(n *html.Node) bool { return n.Data == "a" && n.Parent != nil && n.Parent.Data == "li" }))
	for _, want := range []string{"/", "/review", "/audit", "/export"} {
		if !listHas(nav, want) {
			t.Errorf("%s: navigation lacks %s (has %v)", name, want, nav)
		}
	}
	checkInert(t, name, r.doc)
}

// checkInert fails when the page could run script: a script element other
// than the two allowed bundles or a JSON data block, an event-handler
// attribute, a javascript: URL, a style attribute or element.
func checkInert(t *testing.T, name string, doc *html.Node) {
	t.Helper()
	for _, s := range nodes(doc, isTag("script")) {
		src, hasSrc := attrVal(s, "src")
		typ, _ := attrVal(s, "type")
		switch {
		case hasSrc && (src == "/assets/htmx.min.js" || src == "/assets/map.js"):
		case !hasSrc && typ == "application/json":
			if !json.Valid([]byte(nodeText(s))) {
				t.Errorf("%s: JSON script holds invalid JSON: %.200s", name, nodeText(s))
			}
		default:
			t.Errorf("%s: script element src=%q type=%q: %.200s", name, src, typ, nodeText(s))
		}
	}
	if n := len(nodes(doc, isTag("style"))); n > 0 {
		t.Errorf("%s: %d style elements", name, n)
	}
	for _, n := range nodes(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			switch {
			case strings.HasPrefix(k, "on"):
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			case k == "style":
				t.Errorf("%s: <%s style=%q>", name, n.Data, a.Val)
			case (k == "href" || k == "src" || k == "action" || k == "formaction" || k == "hx-get" || k == "hx-post") &&
				(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")):
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			}
		}
	}
}

// seedFacts are what the demo's seed story holds, read through the API's
// loaders, for the pages to be checked against.
type seedFacts struct {
	story, article string
	detail         *api.StoryDetail
	threat, sea    string // incident IDs: a threat, one at sea
	chained        string // an incident with a sourcing chain
	chain          string
	speaker        string // a global entity key of someone quoted
}

func loadSeed(t testing.TB, st store.Store) seedFacts {
	t.Helper()
	ctx := context.Background()
	var f seedFacts
	f.story, f.article = seedStory(t, st)
	d, err := api.LoadStory(ctx, st, f.story)
	if err != nil {
		t.Fatal(err)
	}
	f.detail = d
	for _, inc := range d.Incidents {
		if threatLike(inc.Modality) && f.threat == "" {
			f.threat = inc.ID
		}
		if inc.Place != nil && (inc.Place.Kind == "sea" || inc.Place.Kind == "ocean") && inc.Place.Lat != nil && f.sea == "" {
			f.sea = inc.ID
		}
		for _, r := range inc.Reports {
			if strings.Contains(r.Sourcing, "←") && f.chained == "" {
				f.chained, f.chain = inc.ID, r.Sourcing
			}
		}
	}
	links, err := st.ArticleLinks(ctx, f.article)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if strings.Contains(l.Global, "trump") && l.Type == "PERSON" {
			f.speaker = l.Global
		}
	}
	if f.threat == "" || f.sea == "" || f.chained == "" || f.speaker == "" {
		t.Fatalf("seed story lacks what the tests need: %+v", f)
	}
	return f
}

func TestDemoPages(t *testing.T) {
	st := demoStore(t)
	seed := loadSeed(t, st)
	srv := serveStore(t, st)

	t.Run("overview", func(t *testing.T) {
		r := fetchPage(t, srv.URL+"/")
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "overview", r)
		cards := nodes(r.doc, isTagClass("article", "story-card"))
		if len(cards) != overviewPageSize {
			t.Errorf("%d story cards, want a full page of %d", len(cards), overviewPageSize)
		}
		var found bool
		for _, c := range cards {
			links := nodes(c, isTagClass("a", "story-link"))
			tallies := nodes(c, isTagClass("span", "tally"))
			sparks := nodes(c, func(n *html.Node) bool {
				role, _ := attrVal(n, "role")
				return n.Data == "svg" && classHas(n, "sparkline") && role == "img"
			})
			if len(links) != 1 || len(tallies) != 1 || len(sparks) != 1 {
				t.Errorf("card %q: %d links, %d tallies, %d sparklines; want one each", nodeText(c), len(links), len(tallies), len(sparks))
				continue
			}
			if label, _ := attrVal(sparks[0], "aria-label"); label == "" {
				t.Errorf("card %q: sparkline without a label", nodeText(c))
			}
			if hrefs(links)[0] == "/stories/"+seed.story {
				found = true
				k := seed.detail.Tally.Killed.Current
				if want := tallyText(k); nodeText(tallies[0]) != want {
					t.Errorf("seed tally %q, want %q", nodeText(tallies[0]), want)
				}
				if k.Low == nil || !strings.HasPrefix(nodeText(tallies[0]), fmt.Sprint(*k.Low)+"–") {
					t.Errorf("seed tally %q does not start with the low %v", nodeText(tallies[0]), k.Low)
				}
				if len(nodes(sparks[0], isTag("polyline"))) != 1 {
					t.Error("seed sparkline has no line")
				}
			}
		}
		if !found {
			t.Errorf("overview's first page does not list the seed story %s", seed.story)
		}
		form := nodes(r.doc, func(n *html.Node) bool { role, _ := attrVal(n, "role"); return n.Data == "form" && role == "search" })
		if len(form) != 1 {
			t.Fatal("no search form")
		}
		if a, _ := attrVal(form[0], "action"); a != "/search" {
			t.Errorf("search form action %q", a)
		}
		q := nodeByID(r.doc, "q")
		labels := nodes(form[0], func(n *html.Node) bool { f, _ := attrVal(n, "for"); return n.Data == "label" && f == "q" })
		if name, _ := attrVal(q, "name"); q == nil || name != "q" || len(labels) != 1 {
			t.Error("search input q is missing or unlabelled")
		}

		// Every story of the page renders, its map data an array.
		for _, href := range hrefs(nodes(r.doc, isTagClass("a", "story-link"))) {
			sp := fetchPage(t, srv.URL+href)
			if sp.status != 200 {
				t.Errorf("%s: status %d", href, sp.status)
				continue
			}
			checkLayout(t, href, sp)
			if data := nodeByID(sp.doc, "map-data"); data == nil || !strings.HasPrefix(nodeText(data), "[") {
				t.Errorf("%s: map data is not an array", href)
			}
		}

		next := nodes(r.doc, func(n *html.Node) bool { rel, _ := attrVal(n, "rel"); return n.Data == "a" && rel == "next" })
		if len(next) != 1 {
			t.Fatalf("no next link on a full first page")
		}
		r2 := fetchPage(t, srv.URL+hrefs(next)[0])
		if r2.status != 200 {
			t.Fatalf("next page: status %d", r2.status)
		}
		first := map[string]bool{}
		for _, h := range hrefs(nodes(r.doc, isTagClass("a", "story-link"))) {
			first[h] = true
		}
		more := hrefs(nodes(r2.doc, isTagClass("a", "story-link")))
		if len(more) == 0 {
			t.Error("next page lists no story")
		}
		for _, h := range more {
			if first[h] {
				t.Errorf("%s on both pages", h)
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		r := fetchPage(t, srv.URL+"/search?q="+url.QueryEscape("Trump"))
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "search", r)
		for _, id := range []string{"results-articles", "results-quotes", "results-entities"} {
			if nodeByID(r.doc, id) == nil {
				t.Errorf("no #%s", id)
			}
		}
		if arts := hrefs(nodes(nodeByID(r.doc, "results-articles"), isTagClass("a", "article-link"))); !listHas(arts, "/articles/"+seed.article) {
			t.Errorf("articles found %v lack the seed article", arts)
		}
		quotes := nodes(nodeByID(r.doc, "results-quotes"), isTag("blockquote"))
		if len(quotes) == 0 {
			t.Error("no quote by or about Trump found")
		}
		for _, q := range quotes {
			// The speaker's name may be what matched instead; the quote's
			// own words are checked in TestSearchWords.
			if nodeText(q) == "" {
				t.Error("empty quote")
			}
		}
		ents := hrefs(nodes(nodeByID(r.doc, "results-entities"), isTag("a")))
		if !listHas(ents, "/entities/"+url.PathEscape(seed.speaker)) {
			t.Errorf("entities found %v lack %s", ents, seed.speaker)
		}
		if q, _ := attrVal(nodeByID(r.doc, "q"), "value"); q != "Trump" {
			t.Errorf("search box holds %q, want the query", q)
		}
	})

	t.Run("story", func(t *testing.T) {
		r := fetchPage(t, srv.URL+"/stories/"+seed.story)
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "story", r)
		if h1 := nodes(r.doc, isTag("h1")); len(h1) != 1 || nodeText(h1[0]) != seed.detail.Title {
			t.Errorf("h1 is not the story title %q", seed.detail.Title)
		}
		tl := nodeByID(r.doc, "timeline")
		if tl == nil {
			t.Fatal("no #timeline")
		}
		incs := hrefs(nodes(tl, isTagClass("a", "incident-link")))
		arts := hrefs(nodes(tl, isTagClass("a", "article-link")))
		if len(incs) != len(seed.detail.Incidents) || len(arts) != len(seed.detail.Articles) {
			t.Errorf("timeline has %d incidents and %d articles, want %d and %d", len(incs), len(arts), len(seed.detail.Incidents), len(seed.detail.Articles))
		}
		if !listHas(arts, "/articles/"+seed.article) || !listHas(incs, "/incidents/"+seed.sea) {
			t.Errorf("timeline lacks the seed article or the strike at sea: %v %v", arts, incs)
		}

		tally := nodeByID(r.doc, "tally")
		charts := nodes(tally, func(n *html.Node) bool {
			role, _ := attrVal(n, "role")
			return n.Data == "svg" && classHas(n, "tally-chart") && role == "img"
		})
		if len(charts) == 0 {
			t.Fatal("no tally chart")
		}
		var titles []string
		for _, c := range charts {
			for _, ti := range nodes(c, isTag("title")) {
				titles = append(titles, nodeText(ti))
			}
		}
		if !strings.Contains(strings.Join(titles, "\n"), "“at least 80 people”") {
			t.Errorf("no chart point names the source of “at least 80 people”: %q", titles)
		}
		table := nodeByID(r.doc, "tally-sources")
		if table == nil || len(nodes(table, isTag("caption"))) != 1 {
			t.Fatal("no #tally-sources table with a caption")
		}
		var versions int
		for _, s := range []int{len(seed.detail.Tally.Killed.History), len(seed.detail.Tally.Wounded.History), len(seed.detail.Tally.Strikes.History)} {
			versions += s
		}
		if rows := nodes(table, isTag("tr")); len(rows) != versions+1 {
			t.Errorf("#tally-sources has %d rows, want a header and %d versions", len(rows), versions)
		}
		if !strings.Contains(nodeText(table), "at least 20 airstrikes") {
			t.Error("#tally-sources does not list the strikes count")
		}

		m := nodeByID(r.doc, "map")
		if m == nil || len(nodes(m, func(n *html.Node) bool {
			p, _ := attrVal(n, "data-points")
			return classHas(n, "incident-map") && p == "map-data"
		})) != 1 {
			t.Fatal("no map container pointing at map-data")
		}
		data := nodeByID(r.doc, "map-data")
		if data == nil || data.Data != "script" || data.Parent == nil {
			t.Fatal("no #map-data script")
		}
		var pts []mapPoint
		if err := json.Unmarshal([]byte(nodeText(data)), &pts); err != nil {
			t.Fatalf("map data: %v", err)
		}
		var atSea bool
		for _, p := range pts {
			if p.ID == seed.sea && (p.Kind == "sea" || p.Kind == "ocean") && p.Href == "/incidents/"+seed.sea {
				atSea = true
			}
			if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || p.Modality == "" || p.Label == "" {
				t.Errorf("map point %+v", p)
			}
		}
		if !atSea {
			t.Errorf("map data %+v lacks the strike at sea %s", pts, seed.sea)
		}
		if !listHas(hrefs(nodes(m, isTagClass("a", "incident-link"))), "/incidents/"+seed.sea) {
			t.Error("the map's text list lacks the strike at sea")
		}

		quotes := nodeByID(r.doc, "quotes")
		if quotes == nil || !strings.Contains(nodeText(quotes), "Donald Trump") || len(nodes(quotes, isTag("blockquote"))) == 0 {
			t.Error("#quotes does not group quotes under Donald Trump")
		}
		threats := nodeByID(r.doc, "threats")
		if threats == nil || !listHas(hrefs(nodes(threats, isTagClass("a", "incident-link"))), "/incidents/"+seed.threat) {
			t.Errorf("#threats lacks the threat %s", seed.threat)
		}
	})

	t.Run("incident", func(t *testing.T) {
		var want int
		for _, inc := range seed.detail.Incidents {
			if inc.ID == seed.chained {
				want = len(inc.Reports)
			}
		}
		r := fetchPage(t, srv.URL+"/incidents/"+seed.chained)
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "incident", r)
		reports := nodeByID(r.doc, "reports")
		if reports == nil {
			t.Fatal("no #reports")
		}
		if rows := nodes(reports, isTag("tr")); len(rows) != want+1 {
			t.Errorf("#reports has %d rows, want a header and %d reports", len(rows), want)
		}
		if !strings.Contains(nodeText(reports), seed.chain) {
			t.Errorf("#reports does not show the sourcing chain %q", seed.chain)
		}
		sea := fetchPage(t, srv.URL+"/incidents/"+seed.sea)
		for _, want := range []string{"at least 80 people", "at least 20 airstrikes", "Caribbean Sea", "no public evidence"} {
			if !strings.Contains(nodeText(sea.doc), want) {
				t.Errorf("the strike at sea's page lacks %q", want)
			}
		}
		if rs := nodeByID(r.doc, "review-state"); rs == nil || rs.Data != "dl" {
			t.Error("no dl#review-state")
		}
		if l := nodeByID(r.doc, "review-link"); l == nil || hrefs([]*html.Node{l})[0] != "/review/"+seed.chained {
			t.Error("no review link")
		}
	})

	t.Run("entity", func(t *testing.T) {
		e, err := api.LoadEntity(context.Background(), st, seed.speaker)
		if err != nil {
			t.Fatal(err)
		}
		r := fetchPage(t, srv.URL+"/entities/"+url.PathEscape(seed.speaker))
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "entity", r)
		if h1 := nodes(r.doc, isTag("h1")); nodeText(h1[0]) != e.Name {
			t.Errorf("h1 %q, want %q", nodeText(h1[0]), e.Name)
		}
		for _, id := range []string{"aliases", "entity-quotes", "entity-events"} {
			if nodeByID(r.doc, id) == nil {
				t.Errorf("no #%s", id)
			}
		}
		if got := len(nodes(nodeByID(r.doc, "entity-quotes"), isTag("blockquote"))); got != len(e.Quotes) || got == 0 {
			t.Errorf("%d quotes shown, the API gives %d", got, len(e.Quotes))
		}
	})

	t.Run("article", func(t *testing.T) {
		r := fetchPage(t, srv.URL+"/articles/"+seed.article)
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		checkLayout(t, "article", r)
		if nodeByID(r.doc, "article-text") == nil || nodeByID(r.doc, "facts") == nil {
			t.Error("article page lacks #article-text or #facts")
		}
		if r := fetchPage(t, srv.URL+"/articles/"+seed.article+"?at=0"); r.status != 200 {
			t.Errorf("?at=0: status %d", r.status)
		}
		f := fetchPage(t, srv.URL+"/articles/"+seed.article+"/facts?at=0")
		if f.status != 200 || strings.Contains(f.body, "<html") || strings.Contains(f.body, "<main") {
			t.Errorf("facts fragment: status %d, a whole page? %.200s", f.status, f.body)
		}
		if f.header.Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Error("facts fragment without the CSP")
		}
	})

	t.Run("assets", func(t *testing.T) {
		for _, p := range []string{"/assets/style.css", "/assets/htmx.min.js"} {
			r := fetchPage(t, srv.URL+p)
			if r.status != 200 || r.header.Get("Content-Security-Policy") != ContentSecurityPolicy {
				t.Errorf("%s: status %d, CSP %q", p, r.status, r.header.Get("Content-Security-Policy"))
			}
		}
	})
}

func TestBadAndUnknownPages(t *testing.T) {
	st := demoStore(t)
	seed := loadSeed(t, st)
	srv := serveStore(t, st)
	cases := []struct {
		path string
		want int
	}{
		{"/stories/s0000000000000000", 404},
		{"/stories/" + strings.ToUpper(seed.story), 200},
		{"/stories/xyz", 400},
		{"/stories/" + seed.story[1:], 400},
		{"/incidents/bad", 400},
		{"/incidents/" + seed.story + "-000000000000", 404},
		{"/incidents/s0000000000000000-000000000000", 404},
		{"/incidents/" + seed.story + "-00000000000g", 400},
		{"/entities/nocolon", 400},
		{"/entities/" + url.PathEscape("person:no-such-person"), 404},
		{"/entities/" + url.PathEscape("person:\x01x"), 400},
		{"/articles/zz", 400},
		{"/articles/0000000000000000", 404},
		{"/articles/" + seed.article + "?at=-1", 400},
		{"/articles/" + seed.article + "?at=1e3", 400},
		{"/articles/" + seed.article + "/facts", 400},
		{"/articles/" + seed.article + "/facts?at=99999999999", 400},
		{"/articles/0000000000000000/facts?at=1", 404},
		{"/no/such/page", 404},
		{"/assets/nope.css", 404},
		{"/assets/", 404},
		{"/?cursor=garbage", 400},
		{"/search?q=" + strings.Repeat("a", maxQueryBytes+1), 400},
		{"/search?q=%ff", 400},
		{"/search", 200},
		{"/search?q=%21%21%21", 200},
	}
	for _, c := range cases {
		r := fetchPage(t, srv.URL+c.path)
		if r.status != c.want {
			t.Errorf("GET %.80s: status %d, want %d", c.path, r.status, c.want)
		}
		if r.header.Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Errorf("GET %.80s: no CSP", c.path)
		}
		if r.status != 200 {
			checkLayout(t, c.path, r)
		}
	}
}

// hostileStore holds one article written to attack the pages, filed as a
// story of its own, with layers that carry its hostile strings.
func hostileStore(t *testing.T) (store.Store, string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hostile.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	long := strings.Repeat("W", 100000)
	script := `<script>alert(1)</script>`
	img := `<img src=x onerror=alert(1)>`
	rlo := "\u202Eevil\u202C"
	title := "Strike " + script + img + rlo
	body := "Officials said " + script + " and " + img + ".\n" + `"We will strike ` + img + `," said Evil` + rlo + " Speaker.\n" + long + "\nAt least 3 people were killed " + rlo + "."
	d := sitrep.NewDoc(sitrep.Article{URL: "javascript:alert(1)", CanonicalURL: "javascript:alert(2)", Title: title, Source: script + rlo,
		Language: "en", Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC), Text: body})
	d.ID = sitrep.ContentID(d.Title, d.Text)
	q0 := strings.Index(body, `"We`)
	q1 := strings.Index(body, `," said`) + 1
	sp := strings.Index(body, "Evil")
	spEnd := sp + len("Evil"+rlo+" Speaker")
	d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: sp, End: spEnd}, Text: body[sp:spEnd], Type: "PERSON", Name: "Evil" + rlo + " Speaker " + script, Key: "person:evil"}}
	d.Quotes = []sitrep.Quote{{Span: sitrep.Span{Start: q0, End: q1}, Text: body[q0:q1], Direct: true, Cue: "said" + img,
		Speaker: &sitrep.Mention{Span: sitrep.Span{Start: sp, End: spEnd}, Text: body[sp:spEnd], Name: "Evil" + rlo + " Speaker " + script, Key: "person:evil"}}}
	k0 := strings.Index(body, "At least 3")
	lo := int64(3)
	d.Quantities = []sitrep.Quantity{{Span: sitrep.Span{Start: k0, End: k0 + len("At least 3 people")}, Text: "At least 3 people " + script, Low: &lo, Qualifier: "at_least", Category: "killed"}}
	lat, lon := 15.0, -75.0
	d.Places = []sitrep.Place{{Span: sitrep.Span{Start: 0, End: 9}, Text: "Officials", Name: "Sea " + img, Kind: "sea", Lat: &lat, Lon: &lon}}
	place := 0
	d.Events = []sitrep.Event{{Span: sitrep.Span{Start: k0, End: k0 + 8}, Text: "killed", Type: "Explosions/Remote violence" + script, Subtype: "Air/drone strike" + img,
		Modality: "occurred", Counts: []int{0}, Place: &place, Evidence: "claimed" + script}}
	if _, err := db.Put(ctx, &store.Record{Doc: d, Raw: []byte(body), Pipeline: "test", Fetched: time.Now()}); err != nil {
		t.Fatal(err)
	}
	storyID := "s" + d.ID
	links := []store.EntityLink{{Article: d.ID, Local: "person:evil", Global: "person:evil-" + url.PathEscape("x<script>"), Name: "Evil" + rlo + " Speaker " + script, Type: "PERSON"}}
	if err := db.PutMembership(ctx, store.Membership{Article: d.ID, Story: storyID, Links: links}); err != nil {
		t.Fatal(err)
	}
	return db, storyID
}

func TestHostileArticleRunsNothing(t *testing.T) {
	st, storyID := hostileStore(t)
	srv := serveStore(t, st)
	d, err := api.LoadStory(context.Background(), st, storyID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Incidents) == 0 || len(d.Articles) != 1 {
		t.Fatalf("hostile story: %d incidents, %d articles", len(d.Incidents), len(d.Articles))
	}
	article := d.Articles[0].ID
	paths := []string{
		"/", "/stories/" + storyID, "/incidents/" + d.Incidents[0].ID, "/articles/" + article,
		"/articles/" + article + "?at=20", "/search?q=alert", "/search?q=" + url.QueryEscape("<script>alert(1)</script>"),
		"/search?q=evil", "/entities/" + url.PathEscape("person:evil-"+url.PathEscape("x<script>")),
	}
	for _, p := range paths {
		r := fetchPage(t, srv.URL+p)
		if r.status != 200 {
			t.Errorf("GET %s: status %d", p, r.status)
			continue
		}
		checkLayout(t, p, r)
		if !strings.Contains(r.body, "&lt;script&gt;") && !strings.Contains(p, "/incidents/") {
			t.Errorf("GET %s: the hostile text is not shown escaped", p)
		}
		checkBidiContained(t, p, r.doc)
	}
	f := fetchPage(t, srv.URL+"/articles/"+article+"/facts?at=20")
	if f.status != 200 {
		t.Errorf("facts: status %d", f.status)
	}
	checkInert(t, "facts", f.doc)
}

// checkBidiContained fails when a right-to-left override can reach text
// outside the element it came in: every text holding U+202E must be
// isolated (in a bdi, an element with dir, or a visible marker).
func checkBidiContained(t *testing.T, name string, doc *html.Node) {
	t.Helper()
	var walk func(n *html.Node, isolated bool)
	walk = func(n *html.Node, isolated bool) {
		if n.Type == html.ElementNode {
			_, dir := attrVal(n, "dir")
			isolated = isolated || n.Data == "bdi" || dir || classHas(n, "ctl") || n.Data == "title" || n.Data == "script"
		}
		if n.Type == html.TextNode && strings.ContainsRune(n.Data, '\u202E') && !isolated {
			t.Errorf("%s: U+202E outside an isolate, in <%s>: %.80q", name, n.Parent.Data, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, isolated)
		}
	}
	walk(doc, false)
}

func TestStylesheet(t *testing.T) {
	css, err := os.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"overflow-wrap: anywhere", ":focus-visible", "@media", "0BSD"} {
		if !strings.Contains(string(css), want) {
			t.Errorf("style.css lacks %q", want)
		}
	}
}
