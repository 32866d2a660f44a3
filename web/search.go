package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/store"
)

// Bounds on one search, so that a common word costs no more than a rare one.
const (
	maxSearchArticles = 50   // articles read, the newest that match
	maxSearchQuotes   = 100  // quotes listed
	maxSearchEntities = 100  // entities listed
	maxQueryBytes     = 1000 // longer queries are refused
)

// searchResults is what one query found.
type searchResults struct {
	Query    string
	Articles []store.Summary
	// More says that more articles match than were read.
	More     bool
	Quotes   []quoteHit
	Entities []entityHit
}

// quoteHit is a quote found in an article.
type quoteHit struct {
	Article, ArticleTitle string
	At                    int // the quote's start, in code points, for ?at=
	Text                  string
	Direct                bool
	Speaker               string
	SpeakerKey            string // global entity key, "" when not linked
}

// entityHit is an entity named in the articles found.
type entityHit struct {
	Key        string // global entity key, "" when the article's entity is not linked
	Name, Type string
	Articles   int // among the articles read
}

// search finds the articles whose title or text hold every word of q
// (the store's full-text index), then, in the newest maxSearchArticles of
// them, the quotes and entity names that hold every word too, case aside.
func search(ctx context.Context, st store.Store, q string) (searchResults, error) {
	res := searchResults{Query: q}
	words := queryWords(q)
	if len(words) == 0 {
		return res, nil
	}
	page, err := st.List(ctx, store.Query{Text: q, Limit: maxSearchArticles})
	if err != nil {
		return res, fmt.Errorf("search %q: %w", truncate(q, 80), err)
	}
	res.Articles, res.More = page.Articles, page.Next != ""
	entities := map[string]*entityHit{}
	var order []string
	for _, a := range page.Articles {
		rec, err := st.GetDoc(ctx, a.ID)
		if err != nil {
			return res, fmt.Errorf("search %q: article %s: %w", truncate(q, 80), a.ID, err)
		}
		global, err := globalKeys(ctx, st, a.ID)
		if err != nil {
			return res, fmt.Errorf("search %q: %w", truncate(q, 80), err)
		}
		d := rec.Doc
		for _, qu := range d.Quotes {
			speaker := ""
			if qu.Speaker != nil {
				speaker = cmp.Or(qu.Speaker.Name, qu.Speaker.Text)
			}
			if len(res.Quotes) >= maxSearchQuotes || !containsAll(qu.Text+" "+speaker, words) {
				continue
			}
			h := quoteHit{Article: a.ID, ArticleTitle: a.Title, At: runeOffset(d.Text, qu.Start), Text: qu.Text, Direct: qu.Direct, Speaker: speaker}
			if qu.Speaker != nil {
				h.SpeakerKey = global[qu.Speaker.Key]
			}
			res.Quotes = append(res.Quotes, h)
		}
		seen := map[string]bool{} // entities counted for this article
		for _, e := range d.Entities {
			name := cmp.Or(e.Name, e.Text)
			if !containsAll(name, words) {
				continue
			}
			key := global[e.Key]
			id := cmp.Or(key, e.Type+"|"+strings.ToLower(name))
			if seen[id] {
				continue
			}
			seen[id] = true
			if h := entities[id]; h != nil {
				h.Articles++
				continue
			}
			if len(order) >= maxSearchEntities {
				continue
			}
			entities[id] = &entityHit{Key: key, Name: name, Type: e.Type, Articles: 1}
			order = append(order, id)
		}
	}
	for _, id := range order {
		res.Entities = append(res.Entities, *entities[id])
	}
	slices.SortStableFunc(res.Entities, func(a, b entityHit) int { return b.Articles - a.Articles })
	return res, nil
}

// globalKeys maps an article's local entity keys to global ones.
func globalKeys(ctx context.Context, st store.Store, article string) (map[string]string, error) {
	links, err := st.ArticleLinks(ctx, article)
	if err != nil {
		return nil, fmt.Errorf("entity links of article %s: %w", article, err)
	}
	m := make(map[string]string, len(links))
	for _, l := range links {
		m[l.Local] = l.Global
	}
	return m, nil
}

// queryWords splits a query into lower-case words, punctuation trimmed.
func queryWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// containsAll reports whether s holds every word, case aside.
func containsAll(s string, words []string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// runeOffset converts a byte offset into text to code points, as the
// extraction contract and the ?at= links count; an offset out of range or
// inside a character is clamped to what precedes it.
func runeOffset(text string, b int) int {
	b = max(0, min(b, len(text)))
	for b > 0 && b < len(text) && !utf8.RuneStart(text[b]) {
		b--
	}
	return utf8.RuneCountInString(text[:b])
}

// truncate shortens s to at most n bytes, on a character boundary, for
// messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
