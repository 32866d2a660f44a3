// Package store defines how sitrep keeps articles: the Store interface that
// every driver implements (store/sqlite now, store/postgres later) and the
// conformance suite (storetest) that each driver must pass.
//
// A stored article is its raw bytes (compressed, keyed by SHA-256, so it can
// be reprocessed without refetching), the extracted Article, and the
// annotation layers with the version of the pipeline that produced them;
// every version of the layers is kept, so that a reprocess after a model
// change never loses what an earlier model said.
//
// It also keeps what the story index decided (which story each article
// joined, which earlier article it copies, and the index's opaque features
// of it) and the cross-document entity links, so that the index can be
// restored at startup without rereading every article. The store does not
// import package story: it keeps plain values and never decides anything.
// The store does no extraction and no annotation of its own.
package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// ErrNotFound is returned when an article or raw blob does not exist.
var ErrNotFound = errors.New("not found")

// ErrBadCursor is returned by List for a Query.Cursor that the store did not
// hand out (malformed, truncated, or from another driver).
var ErrBadCursor = errors.New("bad cursor")

// Outcome says what Put did with a record.
type Outcome int

const (
	// Stored: the content was new and is now stored (for a known URL with
	// changed content, as a new version beside the earlier ones).
	Stored Outcome = iota + 1
	// Unchanged: this URL already holds this content; nothing was written.
	Unchanged
	// Duplicate: the same content is already stored under another URL; the
	// URL is recorded as an alias of the existing article.
	Duplicate
)

func (o Outcome) String() string {
	switch o {
	case Stored:
		return "stored"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// Record is one article as stored.
//
// Times are kept to the microsecond. Doc.Published keeps its instant and its
// UTC offset (not a zone name): an offset of zero comes back in time.UTC, so a
// date-only time (see sitrep.Published) stays date-only.
type Record struct {
	Doc *sitrep.Doc // Article plus layers; Doc.ID is the content ID
	// Raw is the input as fetched or read (before extraction), and
	// ContentType what the server or file name said it was.
	Raw         []byte
	ContentType string
	// RawSHA256 is the hex SHA-256 of Raw; Put computes it when empty.
	RawSHA256 string
	// Pipeline is the version of the pipeline that produced Doc's layers.
	Pipeline string
	// Fetched is when the raw bytes were fetched or read.
	Fetched time.Time
	// Version numbers the contents seen at one URL, from 1; set by the store.
	Version int
	// Ingested is when the store first kept this record; set by the store.
	Ingested time.Time
	// Layers numbers the versions of the article's annotation layers, from
	// 1; set by the store (see PutLayers).
	Layers int
}

// Summary is an article in a listing: its metadata without text or layers.
// It is not the API's JSON (see api.Summary, which writes dates as the
// contract does).
type Summary struct {
	ID        string
	URL       string
	Source    string
	Title     string
	Published time.Time // zero when unknown
	Language  string
	Ingested  time.Time
	Version   int
	// Snippet is a short excerpt around the matched terms, for a full-text query.
	Snippet string
}

// Query selects articles for List. Zero fields do not filter.
type Query struct {
	// Text is a full-text query over title and text: every word must match,
	// case and diacritics aside. No query syntax is exposed (quotes, *, OR,
	// NEAR, -, : are plain text). A blank Text does not filter; one of
	// punctuation only matches nothing.
	Text   string
	Since  time.Time // published at or after
	Until  time.Time // published before
	Source string    // exact source (outlet) name
	Lang   string    // ISO 639-1 language
	Limit  int       // page size; the store caps it and applies a default when 0
	Cursor string    // opaque, from the previous page's Next
}

// Page is one page of a listing, newest first.
type Page struct {
	Articles []Summary
	Next     string // cursor of the next page, "" when this is the last
}

// Validators are what a server sent to make the next GET conditional.
type Validators struct {
	ETag         string
	LastModified string
	// Saved is when SetValidators last saved them: when the URL was last
	// found unchanged or fetched. Set by the store; SetValidators ignores it.
	// Zero when nothing was saved for the URL.
	Saved time.Time
}

// Store keeps articles. Implementations are safe for concurrent use.
type Store interface {
	// Put stores a record unless its content is already there, and says what it did.
	// It is atomic: after a crash the record is either wholly stored or absent.
	// r.Doc.ID and r.Doc.URL are required; a RawSHA256 that does not match Raw
	// is an error. On success Put sets r.RawSHA256, and sets r.Version and
	// r.Ingested to those of the content at r.Doc.URL, whatever the Outcome.
	// A URL that shows again a content it showed before is Unchanged: versions
	// number distinct contents, not changes.
	Put(ctx context.Context, r *Record) (Outcome, error)
	// Get returns the record of an article ID, with its raw bytes.
	Get(ctx context.Context, id string) (*Record, error)
	// GetDoc returns the record of an article ID as Get does but without
	// its raw bytes (Raw is nil; RawSHA256 is set): for readers of the text
	// and layers, who need not read or decompress the input.
	GetDoc(ctx context.Context, id string) (*Record, error)
	// List returns articles matching q, newest published first, those with no
	// publication time last, and articles published at the same time by ID,
	// descending. A bad q.Cursor is an error wrapping ErrBadCursor.
	List(ctx context.Context, q Query) (Page, error)
	// Versions returns every version stored for a URL (including URLs recorded
	// as aliases of a duplicate), oldest first; empty when the URL is unknown.
	// Each Summary's URL is url, Version its version there, and Ingested when
	// the store first saw that content at url.
	Versions(ctx context.Context, url string) ([]Summary, error)
	// Count returns how many articles are stored.
	Count(ctx context.Context) (int, error)

	// Validators returns what was saved for a feed or sitemap URL, or zero Validators.
	Validators(ctx context.Context, url string) (Validators, error)
	// SetValidators saves the validators of a feed or sitemap URL.
	SetValidators(ctx context.Context, url string, v Validators) error

	// PutLayers stores d's annotation layers as a new version of article
	// id's layers, produced by pipeline; Get returns the latest version and
	// earlier ones stay readable with GetLayers. Layers identical to the
	// latest are Unchanged: no version is added, but when pipeline differs
	// the latest version is recorded as produced by it (the newer pipeline
	// gives the same layers). Otherwise the outcome is Stored. d's Article
	// fields are ignored: the text, and so the offsets, never change. An
	// unknown id is an error wrapping ErrNotFound.
	PutLayers(ctx context.Context, id, pipeline string, d *sitrep.Doc) (Outcome, error)
	// LayerVersions lists the versions of an article's layers, oldest
	// first. An unknown id is an error wrapping ErrNotFound.
	LayerVersions(ctx context.Context, id string) ([]LayerVersion, error)
	// GetLayers returns the record of article id as Get does, but with the
	// layers and Pipeline of the given version, read from one snapshot. A
	// version that does not exist is an error wrapping ErrNotFound.
	GetLayers(ctx context.Context, id string, version int) (*Record, error)
	// PutLayersLinks is PutLayers and PutLinks (article id, links) in one
	// transaction: after a crash either both are stored or neither, so an
	// article's links never lag behind its layers. The links are replaced
	// even when the layers are Unchanged.
	PutLayersLinks(ctx context.Context, id, pipeline string, d *sitrep.Doc, links []EntityLink) (Outcome, error)

	// PutMembership records where the story index put an article,
	// replacing what was recorded for it before, and, when m.Links is not
	// nil, replaces the article's entity links in the same transaction (as
	// PutLinks does). The article must be stored (else an error wrapping
	// ErrNotFound).
	PutMembership(ctx context.Context, m Membership) error
	// Memberships yields every membership in the order they were first put,
	// which is the order the index decided them in: replaying them restores
	// the index. Source and Published are the article's.
	Memberships(ctx context.Context) iter.Seq2[Membership, error]
	// Stories lists stories, the one with the latest article first, then
	// by ID descending. A bad q.Cursor is an error wrapping ErrBadCursor.
	Stories(ctx context.Context, q StoryQuery) (StoryPage, error)
	// Story returns one story with its latest limit articles (every one
	// when limit <= 0): the latest published, then undated ones in the
	// order they were filed; they are given oldest published first, undated
	// last. Reports still counts every article, so len(Articles) < Reports
	// says the list was cut. An unknown story is an error wrapping
	// ErrNotFound.
	Story(ctx context.Context, id string, limit int) (*Story, error)

	// PutLinks replaces the entity links of an article with links (each
	// link's Article must be article). The article must be stored.
	PutLinks(ctx context.Context, article string, links []EntityLink) error
	// Links yields every entity link in the order they were put: replaying
	// them restores the entity registry.
	Links(ctx context.Context) iter.Seq2[EntityLink, error]
	// EntityLinks returns the links to one global entity key, oldest
	// first; empty when the key is unknown.
	EntityLinks(ctx context.Context, global string) ([]EntityLink, error)
	// LatestEntityLinks returns the latest limit links to one global
	// entity key (none when limit <= 0), oldest first; its cost is bounded
	// by limit, however many articles name the entity.
	LatestEntityLinks(ctx context.Context, global string, limit int) ([]EntityLink, error)
	// EntityArticles counts the distinct articles linked to a global key.
	EntityArticles(ctx context.Context, global string) (int, error)
	// ArticleLinks returns the links of one article, in the order they
	// were put; empty when it has none.
	ArticleLinks(ctx context.Context, article string) ([]EntityLink, error)

	// Users keeps who may use the desk: users, API tokens and sessions.
	Users
	// Reviews keeps analysts' decisions on incidents, every version.
	Reviews

	Close() error
}

// LayerVersion is one version of an article's annotation layers.
type LayerVersion struct {
	Version  int       // from 1
	Pipeline string    // the pipeline that produced the layers
	Created  time.Time // when the store kept them
}

// Membership is the story index's decision about one article: the plain
// form of story.Membership, plus the index's features of the article.
type Membership struct {
	Article     string
	Story       string
	DuplicateOf string  // "" for an original
	Similarity  float64 // finite, at least 0
	// Features is opaque to the store: what the story index needs to be
	// restored without rereading the article (story.Features, marshalled).
	Features []byte
	// Source and Published are the article's, filled in when read;
	// PutMembership ignores them.
	Source    string
	Published time.Time
	// Links, when not nil, are the article's entity links, stored with the
	// membership in one transaction: one commit instead of two per article,
	// and a restore never finds a membership without its links. Memberships
	// leaves it nil (see Links).
	Links []EntityLink
}

// StoryQuery selects a page of stories.
type StoryQuery struct {
	Limit  int    // page size; the store caps it and applies a default when 0
	Cursor string // opaque, from the previous page's Next
}

// StoryPage is one page of stories, latest first.
type StoryPage struct {
	Stories []StorySummary
	Next    string // cursor of the next page, "" when this is the last
}

// StorySummary describes a story without its articles.
type StorySummary struct {
	ID string
	// Title is the title of the story's earliest original article.
	Title string
	// Reports counts the story's articles, Originals those that are not
	// copies of another, Sources the distinct outlets among all of them.
	Reports, Originals, Sources int
	// First and Last are the earliest and latest publication times of its
	// articles; zero when none is dated.
	First, Last time.Time
}

// Story is a story with its articles.
type Story struct {
	StorySummary
	Articles []StoryArticle
}

// StoryArticle is one article of a story.
type StoryArticle struct {
	Summary
	DuplicateOf string
	Similarity  float64
}

// EntityLink ties an article's entity key (sitrep.Entity.Key, local to the
// article) to a global entity key across articles, with the name and type
// the article gave it.
type EntityLink struct {
	Article, Local, Global, Name, Type string
}

// Limits on what the story and entity methods accept, so that hostile input
// gives a clear error instead of bloating the store.
const (
	MaxKeyLen      = 512     // article, story and entity keys, entity types
	MaxNameLen     = 4096    // entity names
	MaxFeatures    = 1 << 20 // bytes of a membership's Features
	MaxLinks       = 100000  // links of one article
	MaxPipelineLen = 4096    // a pipeline version string
)

// Validate reports what is wrong with a membership before it is stored.
func (m Membership) Validate() error {
	if err := checkKey("article", m.Article); err != nil {
		return err
	}
	if err := checkKey("story", m.Story); err != nil {
		return err
	}
	if len(m.DuplicateOf) > MaxKeyLen {
		return fmt.Errorf("duplicate-of: longer than %d bytes", MaxKeyLen)
	}
	if m.DuplicateOf == m.Article {
		return fmt.Errorf("article %.40q: a duplicate of itself", m.Article)
	}
	// Not capped at 1: the index may give a score of its own for the story
	// an article joined.
	if math.IsNaN(m.Similarity) || math.IsInf(m.Similarity, 0) || m.Similarity < 0 {
		return fmt.Errorf("similarity %v: not a finite number of at least 0", m.Similarity)
	}
	if len(m.Features) > MaxFeatures {
		return fmt.Errorf("features: %d bytes, more than %d", len(m.Features), MaxFeatures)
	}
	return ValidateLinks(m.Article, m.Links)
}

// ValidateLinks reports what is wrong with the links of one article.
func ValidateLinks(article string, links []EntityLink) error {
	if len(links) > MaxLinks {
		return fmt.Errorf("%d links, more than %d", len(links), MaxLinks)
	}
	for _, l := range links {
		if l.Article != article {
			return fmt.Errorf("a link of article %.40q", l.Article)
		}
		if err := l.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate reports what is wrong with an entity link before it is stored.
func (l EntityLink) Validate() error {
	for _, f := range []struct{ name, v string }{{"article", l.Article}, {"local key", l.Local}, {"global key", l.Global}, {"type", l.Type}} {
		if err := checkKey(f.name, f.v); err != nil {
			return err
		}
	}
	if len(l.Name) > MaxNameLen || !utf8.ValidString(l.Name) {
		return fmt.Errorf("entity name %.40q: not valid UTF-8 of at most %d bytes", l.Name, MaxNameLen)
	}
	return nil
}

func checkKey(what, s string) error {
	switch {
	case s == "":
		return fmt.Errorf("%s: empty", what)
	case len(s) > MaxKeyLen:
		return fmt.Errorf("%s %.40q…: longer than %d bytes", what, s, MaxKeyLen)
	case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
		return fmt.Errorf("%s %.40q: not valid UTF-8 text", what, s)
	}
	return nil
}
