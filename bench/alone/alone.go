// Package alone runs go-trafilatura by itself, with the options sitrep's
// article.Parse uses, as the floor that sitrep's own layers are measured
// against (bench/trafilatura-alone and ingest's BenchmarkTrafilaturaAlone).
package alone

import (
	"bytes"
	"errors"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Options are the go-trafilatura options of article.Parse, copied from
// extractOptions in article/html.go (unexported there). Keep the two in
// step: a benchmark against other options measures something else.
func Options() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// ErrNoText is returned for a page trafilatura found no text in.
var ErrNoText = errors.New("trafilatura found no text")

// Extract parses page with html.Parse and extracts it with
// trafilatura.ExtractDocument, as article.Parse does before its own layers,
// and returns the main text's length in bytes.
func Extract(page []byte) (int, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return 0, err
	}
	res, err := trafilatura.ExtractDocument(doc, Options())
	if err != nil {
		return 0, err
	}
	if res.ContentText == "" {
		return 0, ErrNoText
	}
	return len(res.ContentText), nil
}
