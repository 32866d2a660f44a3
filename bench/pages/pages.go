// Package pages generates realistic HTML news pages from the bundled demo
// corpus, for benchmarks: `bench/mkpages` writes them to a directory, and
// the ingest benchmarks generate the same pages in a temporary one.
//
// Each page wraps one corpus article in what a news site puts around it: a
// <head> with title, charset, Open Graph tags and (when the article's date
// is known) a JSON-LD NewsArticle with datePublished; a navigation bar of
// about 30 links, a cookie banner, share buttons, an ad block, a
// "Recommended stories" aside with 4 links, a newsletter form and a footer
// of about 20 links; the article's paragraphs in <article><p>. The template
// varies with the page index (site, class names, where the aside and the
// ad sit, byline, visible date), and every page's content is distinct: its
// headline ends with the page number and one sentence names it, so a store
// never takes two pages for copies of one report.
//
// Output is a pure function of the index: the same n pages every run.
package pages

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/demo"
)

// DefaultN is how many pages bench/mkpages writes unless told otherwise.
const DefaultN = 1000

// Name is the file name of page i.
func Name(i int) string { return fmt.Sprintf("page-%05d.html", i) }

// Write writes pages 0..n-1 into dir (created if missing), page i from
// corpus article i mod the corpus size.
func Write(dir string, n int) error {
	arts, err := demo.Corpus()
	if err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("demo corpus is empty")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, Name(i)), Page(i, arts[i%len(arts)]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// story is a corpus article split into its parts: line 1 the headline, an
// optional "Published ..." line, then one paragraph per line.
type story struct {
	headline  string
	published time.Time // zero when the article states no date
	paras     []string
}

func parseStory(body []byte) story {
	var s story
	for _, l := range strings.Split(string(body), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if s.headline == "" {
			s.headline = l
			continue
		}
		if len(s.paras) == 0 && s.published.IsZero() {
			if rest, ok := strings.CutPrefix(l, "Published "); ok {
				if t, err := time.Parse("January 2, 2006", rest); err == nil {
					s.published = t
					continue
				}
			}
		}
		s.paras = append(s.paras, l)
	}
	return s
}

// headlines are the corpus's headlines, for the "Recommended stories" links.
var headlines = sync.OnceValue(func() []string {
	arts, _ := demo.Corpus()
	hs := make([]string, len(arts))
	for i, a := range arts {
		hs[i] = parseStory(a.Body).headline
	}
	return hs
})

// site is one template variant: a publication with its own markup habits.
type site struct {
	name, domain string
	body         string // class of the element holding the paragraphs
	asideInside  bool   // "Recommended stories" inside <article>, after the text
	adAfter      int    // the ad block follows this paragraph (0: after the article)
	byline       string // "" for none
	visibleDate  bool   // a <time> element under the headline
	metaDate     bool   // article:published_time as well as JSON-LD
	cookieTop    bool   // the cookie banner opens <body> (else closes it)
	figure       bool   // a lead image with a caption
}

var sites = [...]site{
	{name: "The Daily Ledger", domain: "www.dailyledger.example", body: "article-body", adAfter: 2, byline: "By Maria Okafor", visibleDate: true, cookieTop: true},
	{name: "Harbour Times", domain: "harbourtimes.example", body: "story-content", asideInside: true, adAfter: 0, metaDate: true, figure: true},
	{name: "Northern Wire", domain: "news.northernwire.example", body: "entry-content", adAfter: 1, byline: "Staff and agencies", visibleDate: true, metaDate: true},
	{name: "Global Dispatch", domain: "www.globaldispatch.example", body: "post-body", asideInside: true, adAfter: 3, byline: "By Tomás Ferreira and Aiko Tanaka", cookieTop: true, figure: true},
	{name: "Continental Post", domain: "continentalpost.example", body: "c-article__text", adAfter: 2, visibleDate: true},
}

var sections = [...]string{
	"World", "Africa", "Americas", "Asia", "Australia", "Europe", "Middle East",
	"UK", "US", "Politics", "Business", "Markets", "Economy", "Technology",
	"Science", "Health", "Climate", "Environment", "Education", "Opinion",
	"Analysis", "Investigations", "Culture", "Books", "Film", "Music", "Sport",
	"Travel", "Video", "Podcasts",
}

var footerLinks = [...]string{
	"About us", "Contact", "Careers", "Advertise", "Corrections",
	"Editorial standards", "Ethics policy", "Privacy policy", "Cookie policy",
	"Terms of use", "Accessibility", "Sitemap", "Newsletters", "Apps", "RSS",
	"Archive", "Help", "Subscribe", "Manage preferences", "Licensing",
}

var shareTargets = [...]string{"Facebook", "X", "LinkedIn", "WhatsApp", "Email", "Copy link"}

// slug makes a URL path segment of a headline.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// jsonString quotes s for a JSON string inside a <script> element.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString(`\u003c`)
		case '>':
			b.WriteString(`\u003e`)
		case '&':
			b.WriteString(`\u0026`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Page renders corpus article a as page i of the benchmark site set.
func Page(i int, a demo.Article) []byte {
	s := parseStory(a.Body)
	st := sites[i%len(sites)]
	esc := html.EscapeString

	title := fmt.Sprintf("%s (report %d)", s.headline, i+1)
	paras := append([]string(nil), s.paras...)
	if len(paras) == 0 {
		paras = []string{""}
	}
	// The one varied sentence, in a paragraph of prose chosen by the index
	// (not in a short line such as a "Recommended stories" left in the
	// corpus text, which would stop being the debris it is).
	var prose []int
	for j, p := range paras {
		if len(p) >= 80 {
			prose = append(prose, j)
		}
	}
	k := len(paras) - 1
	if len(prose) > 0 {
		k = prose[(i/len(sites))%len(prose)]
	}
	paras[k] = strings.TrimSpace(paras[k] + fmt.Sprintf(
		" This is report number %d in the series, updated %d minutes after it was first published.", i+1, 5+i%115))

	section := sections[i%len(sections)]
	year := 2025
	if !s.published.IsZero() {
		year = s.published.Year()
	}
	url := fmt.Sprintf("https://%s/%s/%d/%s-%d", st.domain, slug(section), year, slug(s.headline), i+1)
	desc := paras[0]
	if r := []rune(desc); len(r) > 160 {
		desc = string(r[:157]) + "..."
	}

	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	// <head>
	w("<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js theme-%d\">\n<head>\n", i%len(sites))
	w("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<title>%s | %s</title>\n", esc(title), esc(st.name))
	w("<meta name=\"description\" content=\"%s\">\n", esc(desc))
	w("<link rel=\"canonical\" href=\"%s\">\n", esc(url))
	w("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:site_name\" content=\"%s\">\n", esc(st.name))
	w("<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:description\" content=\"%s\">\n", esc(title), esc(desc))
	w("<meta property=\"og:url\" content=\"%s\">\n<meta property=\"og:image\" content=\"https://%s/img/%d.jpg\">\n", esc(url), st.domain, i)
	w("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
	if st.metaDate && !s.published.IsZero() {
		w("<meta property=\"article:published_time\" content=\"%s\">\n", s.published.Add(9*time.Hour+time.Duration(i%60)*time.Minute).Format(time.RFC3339))
	}
	w("<meta property=\"article:section\" content=\"%s\">\n", esc(section))
	w("<link rel=\"stylesheet\" href=\"/assets/site.%x.css\">\n", 0xbeef00+i%len(sites))
	w("<style>.%s p{font-size:1.1rem;line-height:1.6}.ad-slot{min-height:250px;background:#f4f4f4}.cookie-banner{position:fixed;bottom:0}</style>\n", st.body)
	w("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-%06d');</script>\n", 100000+i%7)
	w("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":%s,\"url\":%s,\"mainEntityOfPage\":%s,", jsonString(title), jsonString(url), jsonString(url))
	if !s.published.IsZero() {
		w("\"datePublished\":%s,", jsonString(s.published.Format("2006-01-02")))
	}
	if st.byline != "" {
		w("\"author\":{\"@type\":\"Person\",\"name\":%s},", jsonString(strings.TrimPrefix(st.byline, "By ")))
	}
	w("\"publisher\":{\"@type\":\"Organization\",\"name\":%s,\"logo\":{\"@type\":\"ImageObject\",\"url\":%s}}}</script>\n",
		jsonString(st.name), jsonString("https://"+st.domain+"/logo.png"))
	w("</head>\n<body class=\"article-page section-%s\">\n", slug(section))

	cookie := func() {
		w("<div class=\"cookie-banner\" id=\"consent\" role=\"dialog\"><p>We use cookies to improve your experience, to show you personalised ads and to analyse our traffic. By clicking Accept you agree to our use of cookies.</p>")
		w("<button class=\"accept\">Accept all</button> <button class=\"reject\">Reject</button> <a href=\"/cookie-policy\">Manage preferences</a></div>\n")
	}
	if st.cookieTop {
		cookie()
	}

	// Header and navigation: the site name and ~30 section links.
	w("<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a>\n<nav class=\"main-nav\" aria-label=\"Sections\"><ul>\n", esc(st.name))
	for _, sec := range sections {
		w("<li><a href=\"/%s\">%s</a></li>", slug(sec), esc(sec))
	}
	w("\n</ul></nav><a class=\"signin\" href=\"/account\">Sign in</a> <a class=\"subscribe\" href=\"/subscribe\">Subscribe</a></header>\n")

	share := func(where string) {
		w("<div class=\"share share-%s\"><span>Share this article</span><ul>", where)
		for _, t := range shareTargets {
			w("<li><a href=\"https://share.example/?u=%s&amp;via=%s\" class=\"share-%s\">%s</a></li>", esc(url), slug(t), slug(t), esc(t))
		}
		w("</ul></div>\n")
	}
	ad := func() {
		w("<div class=\"ad-slot\" id=\"ad-%d\" data-ad-unit=\"/1234/news/%s\"><span class=\"ad-label\">Advertisement</span><script>googletag.cmd.push(function(){googletag.display('ad-%d')})</script></div>\n", i, slug(section), i)
	}
	aside := func() {
		w("<aside class=\"recommended\"><h2>Recommended stories</h2><ul>\n")
		hs := headlines()
		for j := 1; j <= 4; j++ {
			h := fmt.Sprintf("Report %d: %s", i+j+1, section)
			if len(hs) > 0 {
				h = hs[(i+j)%len(hs)]
			}
			w("<li><a href=\"/%s/%s-%d\">%s</a></li>\n", slug(section), slug(h), i+j+1, esc(h))
		}
		w("</ul></aside>\n")
	}

	w("<main id=\"main\" class=\"layout\">\n<article class=\"story\">\n")
	w("<header class=\"story-header\"><a class=\"kicker\" href=\"/%s\">%s</a>\n<h1>%s</h1>\n", slug(section), esc(section), esc(title))
	if st.byline != "" {
		w("<p class=\"byline\"><span class=\"author\">%s</span></p>\n", esc(st.byline))
	}
	if st.visibleDate && !s.published.IsZero() {
		w("<time datetime=\"%s\">%s</time>\n", s.published.Format("2006-01-02"), s.published.Format("2 January 2006"))
	}
	w("</header>\n")
	if st.figure {
		w("<figure class=\"lead\"><img src=\"https://%s/img/%d.jpg\" alt=\"\" width=\"1200\" height=\"675\"><figcaption>File photo. (%s)</figcaption></figure>\n", st.domain, i, esc(st.name))
	}
	share("top")
	w("<div class=\"%s\">\n", st.body)
	for j, p := range paras {
		w("<p>%s</p>\n", esc(p))
		if st.adAfter > 0 && j+1 == st.adAfter && j+1 < len(paras) {
			ad()
		}
	}
	w("</div>\n")
	if st.asideInside {
		aside()
	}
	share("bottom")
	w("</article>\n")
	if st.adAfter == 0 || st.adAfter >= len(paras) {
		ad()
	}
	if !st.asideInside {
		aside()
	}
	w("</main>\n")

	// Newsletter sign-up and footer with ~20 links.
	w("<section class=\"newsletter\"><h2>Get the morning briefing</h2><form action=\"/newsletter\" method=\"post\"><label for=\"nl-email\">Email address</label> <input id=\"nl-email\" type=\"email\" name=\"email\" placeholder=\"you@example.com\"> <button type=\"submit\">Sign up</button></form><p class=\"small\">You can unsubscribe at any time.</p></section>\n")
	w("<footer class=\"site-footer\"><ul>")
	for _, f := range footerLinks {
		w("<li><a href=\"/%s\">%s</a></li>", slug(f), esc(f))
	}
	w("</ul><p>© %d %s. All rights reserved.</p></footer>\n", 2025, esc(st.name))
	if !st.cookieTop {
		cookie()
	}
	w("<script src=\"/assets/app.%x.js\" defer></script>\n</body>\n</html>\n", 0xc0de00+i%len(sites))
	return b.Bytes()
}
