// Package article turns the raw bytes of one news report into a
// sitrep.Article: clean main text plus title, byline, canonical URL, source,
// publication date and language.
//
// Parse accepts three formats and decides which one it has been given from
// the content type and, when that is missing or generic, from the bytes:
//
//   - HTML: decoded to UTF-8 from its declared charset (HTTP header, BOM or
//     <meta>); the main text is extracted with go-trafilatura, falling back
//     to go-readability when trafilatura finds nearly nothing.
//   - JSON: one article object {"url", "title", "text" or "html",
//     "published", "byline" or "author", "source", "language"}.
//   - Plain text: the first line is the headline when it looks like one
//     (short, and not ending a sentence unless a date line or byline follows
//     it); otherwise the title is empty and the line stays text. A
//     "Published November 18, 2025" line near the top gives the date.
//
// Whatever the format, the text is normalized the same way: valid UTF-8,
// "\n" line ends, one paragraph a line, no blank lines, no control characters, and whole lines of scraping debris ("Recommended
// stories", "Advertisement", ...) removed. Quotes, dashes and other
// characters are never rewritten: annotators point into the text as written.
// The headline and the date and byline lines of a plain-text article are
// metadata, not text: Article.Text does not repeat them, nor a page's
// repetition of its headline. The language is identified with whatlanggo:
// for an HTML article of 1000 characters or more, go-trafilatura's own
// identification over the whole text is taken; otherwise a sample of the
// text is identified here, and the language left empty when whatlanggo is
// unsure (a sentence or two).
//
// Metadata is cleaned the same way in every format: title, byline and
// source are one line of printable text (no control characters, no bidi
// embeddings or overrides, white space collapsed, length capped); URLs are
// absolute http(s) URLs without user information or are not kept. A
// publication time is kept with the UTC offset it was stated in; a date
// alone is midnight UTC, which the contract writes as a date.
//
// The package does not fetch anything (see package fetch), does not
// decompress (the caller gunzips), and does not annotate (see pipeline).
package article
