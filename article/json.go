package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep"
)

// jsonArticle is the JSON form of an article, as scrapers and dataset
// dumps write it. Fields not named here are ignored; names match
// case-insensitively.
type jsonArticle struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	// Text is the article's text; HTML, its page, used when Text is empty.
	Text string `json:"text"`
	HTML string `json:"html"`
	// Published is a date ("2025-11-18") or an RFC 3339 time.
	Published string          `json:"published"`
	Byline    json.RawMessage `json:"byline"`
	Author    json.RawMessage `json:"author"`
	Source    string          `json:"source"`
	Language  string          `json:"language"`
}

// parseJSON reads a JSON article object. Fields it states win over what
// would be detected; its text goes through the same cleaning as plain text,
// and the headline and date are looked for at the top of the text only
// when the object has no title.
func parseJSON(body []byte, label, pageURL string) (sitrep.Article, []string, error) {
	body, err := decodeText(body, label)
	if err != nil {
		return sitrep.Article{}, nil, err
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return sitrep.Article{}, nil, fmt.Errorf("%w: JSON %s is not an article object", ErrNoArticle, jsonKind(trimmed))
	}
	var j jsonArticle
	if err := json.Unmarshal(body, &j); err != nil {
		return sitrep.Article{}, nil, fmt.Errorf("JSON article: %w", err)
	}
	byline, err := jsonByline(j.Byline, "byline")
	if err != nil {
		return sitrep.Article{}, nil, err
	}
	if byline == "" {
		if byline, err = jsonByline(j.Author, "author"); err != nil {
			return sitrep.Article{}, nil, err
		}
	}

	var (
		a     sitrep.Article
		lines []string
		// A url that is not an absolute http(s) URL (see httpURL) is
		// ignored: the article keeps where it was read from.
		jURL  = httpURL(j.URL)
		title = cleanMeta(j.Title, maxTitle)
	)
	switch {
	case strings.TrimSpace(j.Text) != "":
		var h textHeader
		h, lines = plainLines(j.Text, title == "")
		a = sitrep.Article{Title: h.title, Byline: h.byline, Published: h.published}
	case strings.TrimSpace(j.HTML) != "":
		base := jURL
		if base == "" {
			base = pageURL
		}
		if a, lines, err = parseHTML([]byte(j.HTML), "utf-8", base); err != nil {
			return sitrep.Article{}, nil, err
		}
	default:
		return sitrep.Article{}, nil, fmt.Errorf(`%w: JSON object has neither "text" nor "html"`, ErrNoArticle)
	}

	if p := strings.TrimSpace(j.Published); p != "" {
		t, err := sitrep.ParseTime(p)
		if err != nil {
			return sitrep.Article{}, nil, fmt.Errorf(`JSON article: "published" %q is neither a date (2025-11-18) nor an RFC 3339 time`, p)
		}
		a.Published = t
	}
	a.URL = jURL
	if title != "" {
		a.Title = title
	}
	if byline != "" {
		a.Byline = byline
	}
	if s := strings.TrimSpace(j.Source); s != "" {
		a.Source = s
	}
	a.Language = j.Language // finish keeps it only when it is a language tag
	return a, lines, nil
}

// jsonByline reads a byline given as a string or an array of strings.
func jsonByline(raw json.RawMessage, field string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var names []string
	if err := json.Unmarshal(raw, &names); err == nil {
		kept := names[:0]
		for _, n := range names {
			if n = strings.TrimSpace(n); n != "" {
				kept = append(kept, n)
			}
		}
		return strings.Join(kept, ", "), nil
	}
	return "", fmt.Errorf("JSON article: %q must be a string or an array of strings", field)
}

func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "value"
	}
	switch b[0] {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}
