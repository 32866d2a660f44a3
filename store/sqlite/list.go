package sqlite

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/store"
)

// Page sizes of List: defaultLimit when Query.Limit is 0 or less, and never
// more than maxLimit, which bounds the work of one request.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// noDate is the sort key of an article with no publication time: below any
// real time, so those articles come last, newest first. It is the constant
// of the pub_key column in the schema.
const noDate = math.MinInt64

// snippetTokens is about how many words a snippet holds.
const snippetTokens = 24

// List implements store.Store.
func (db *DB) List(ctx context.Context, q store.Query) (store.Page, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	var after cursor
	if q.Cursor != "" {
		var err error
		if after, err = decodeCursor(q.Cursor); err != nil {
			return store.Page{}, fmt.Errorf("sqlite list: %w", err)
		}
	}

	var (
		where []string
		args  []any
		from  = "articles a"
		expr  string
	)
	if strings.TrimSpace(q.Text) != "" {
		if expr = matchExpr(q.Text); expr == "" {
			return store.Page{}, nil // punctuation only: as documented, nothing matches
		}
		from = "articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
		where = append(where, "articles_fts MATCH ?")
		args = append(args, expr)
	}
	if !q.Since.IsZero() {
		where = append(where, "a.pub_key >= ?")
		args = append(args, q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		where = append(where, "a.pub_key < ?", "a.published IS NOT NULL")
		args = append(args, q.Until.UnixMicro())
	}
	if q.Source != "" {
		where = append(where, "a.source = ?")
		args = append(args, q.Source)
	}
	if q.Lang != "" {
		where = append(where, "a.language = ?")
		args = append(args, q.Lang)
	}
	if q.Cursor != "" {
		// Keyset pagination: the rows after the last one of the previous
		// page, in the order of the articles_order index.
		where = append(where, "(a.pub_key, a.id) < (?, ?)")
		args = append(args, after.key, after.id)
	}

	// The page is chosen first, then its rows are read. SQLite computes
	// the result columns of every matching row before it sorts them, and
	// a snippet costs a pass over the text: taken over all the matches of a
	// common word, snippets made a query hundreds of times slower.
	// One row more than the page tells whether there is a next page.
	var b strings.Builder
	b.WriteString("WITH page AS (SELECT a.seq FROM ")
	b.WriteString(from)
	if len(where) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(where, " AND "))
	}
	b.WriteString(" ORDER BY a.pub_key DESC, a.id DESC LIMIT ?)\n")
	args = append(args, limit+1)
	b.WriteString(`SELECT a.id, a.url, a.source, a.title, a.published, a.published_offset, a.language,
	  a.ingested, a.version, `)
	if expr == "" {
		b.WriteString("NULL FROM page JOIN articles a ON a.seq = page.seq")
	} else {
		// The text column's snippet, without markers: the Summary is plain
		// text, and a caller that highlights knows the words it asked for.
		// CROSS JOIN keeps this join order: for each row of the page, the
		// FTS row by rowid, rather than all the matches again.
		fmt.Fprintf(&b, `snippet(articles_fts, 1, '', '', '…', %d)
		  FROM page CROSS JOIN articles a CROSS JOIN articles_fts
		  WHERE a.seq = page.seq AND articles_fts.rowid = page.seq AND articles_fts MATCH ?`, snippetTokens)
		args = append(args, expr)
	}
	b.WriteString(" ORDER BY a.pub_key DESC, a.id DESC")

	rows, err := db.r.QueryContext(ctx, b.String(), args...)
	if err != nil {
		return store.Page{}, fmt.Errorf("sqlite list: %w", err)
	}
	arts, err := scanSummaries(rows, true)
	if err != nil {
		return store.Page{}, fmt.Errorf("sqlite list: %w", err)
	}
	var p store.Page
	if len(arts) > limit {
		arts = arts[:limit]
		last := arts[limit-1]
		key := int64(noDate)
		if !last.Published.IsZero() {
			key = last.Published.UnixMicro()
		}
		p.Next = cursor{key, last.ID}.String()
	}
	p.Articles = arts
	return p, nil
}

// matchExpr turns what a user typed into an FTS5 query that matches every
// word of it, or "" when it has no word. Each whitespace-separated field
// becomes a string literal, so nothing in it is FTS5 syntax: `title:boat` is
// the phrase "title boat", `OR` the word "or". A field with no letter or
// digit is left out: as a literal it holds no token, and FTS5 would match
// nothing for the whole query.
func matchExpr(text string) string {
	var b strings.Builder
	for _, f := range strings.Fields(text) {
		if !strings.ContainsFunc(f, isTokenRune) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('"')
		// A NUL would end the string early inside SQLite's parser.
		f = strings.ReplaceAll(f, "\x00", "")
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}

// isTokenRune reports whether r is part of a token for the unicode61
// tokenizer, whose default token characters are the categories L*, N* and Co.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// The cursor is the sort key of the last row of a page: a format byte, the
// pub_key as 8 bytes big-endian, then the ID; in unpadded URL-safe base64,
// so it can go in a query string as it is.
const cursorFormat = 1

// cursor is the sort key of a row in a listing.
type cursor struct {
	key int64 // pub_key
	id  string
}

func (c cursor) String() string {
	b := make([]byte, 0, 9+len(c.id))
	b = append(b, cursorFormat)
	b = binary.BigEndian.AppendUint64(b, uint64(c.key))
	b = append(b, c.id...)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) < 10 || b[0] != cursorFormat || !utf8.Valid(b[9:]) {
		return cursor{}, fmt.Errorf("%w %.40q", store.ErrBadCursor, s)
	}
	return cursor{key: int64(binary.BigEndian.Uint64(b[1:9])), id: string(b[9:])}, nil
}
