// Package sitrep holds the domain types of sitrep: an Article, the Doc that
// carries stand-off annotation layers over the article's text, and the
// Annotator interface every extractor implements.
//
// The text of a Doc is never rewritten: every layer is a list of spans of byte
// offsets into Doc.Text. The JSON extraction contract (see Contract) gives
// Unicode code-point offsets instead, so that Python and JavaScript users can
// slice the text directly.
//
// This package imports no driver, no network and no store; everything else in
// the module depends on it, never the other way round.
package sitrep
