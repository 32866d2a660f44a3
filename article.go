package sitrep

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one news report after extraction: clean main text plus metadata.
type Article struct {
	// ID identifies the article's content: see ContentID.
	ID string `json:"id"`
	// URL is where the article was fetched from, or the file path it was read from.
	URL string `json:"url"`
	// CanonicalURL is the page's own rel=canonical or og:url, when it declares one.
	CanonicalURL string `json:"canonical_url,omitempty"`
	// Source names the outlet: the site name from the page's metadata, else the host.
	Source string `json:"source,omitempty"`
	Title  string `json:"title"`
	Byline string `json:"byline,omitempty"`
	// Published is the publication time; zero when unknown.
	Published time.Time `json:"published"`
	// Language is an ISO 639-1 code ("en"), empty when it could not be identified.
	Language string `json:"language"`
	// Text is the main text, paragraphs separated by "\n". It is valid UTF-8.
	Text string `json:"text"`
}

// ContentID derives an article's identifier from its title and text, so that
// the same report read twice, from anywhere, gets the same ID. It is the first
// 16 hex digits of a SHA-256: collisions are not a practical concern at the
// scale of a newsroom's archive (2^32 articles for an even chance).
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))[:16]
}
