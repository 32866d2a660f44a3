-- The initial schema of a sitrep SQLite store.
--
-- Times are unix microseconds (INTEGER), so that they sort and compare as
-- numbers and match PostgreSQL's timestamp precision. Tables are STRICT so a
-- bug that binds the wrong Go type fails loudly instead of storing it.

-- +goose Up

-- raws holds the input bytes of every stored article, once per distinct
-- content, so an article can be reprocessed without refetching it.
CREATE TABLE raws (
    sha256       TEXT    NOT NULL PRIMARY KEY, -- lowercase hex SHA-256 of the uncompressed bytes
    content_type TEXT    NOT NULL,             -- as first seen with these bytes
    size         INTEGER NOT NULL,             -- uncompressed length in bytes
    codec        TEXT    NOT NULL,             -- how body is encoded: 'gzip' or 'identity'
    body         BLOB    NOT NULL
) STRICT;

-- articles holds one row per distinct content (sitrep.ContentID).
CREATE TABLE articles (
    -- seq is an explicit INTEGER PRIMARY KEY because the FTS index refers to
    -- rows by rowid, and VACUUM may renumber an implicit rowid.
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    url              TEXT    NOT NULL, -- where this content was first stored from
    canonical_url    TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    byline           TEXT    NOT NULL,
    published        INTEGER,                    -- NULL when unknown
    published_offset INTEGER NOT NULL DEFAULT 0, -- seconds east of UTC the time was given in
    -- pub_key orders listings: newest first, unknown dates last. A single
    -- non-NULL key lets keyset pagination compare (pub_key, id) as a row value
    -- that an index can serve.
    pub_key          INTEGER NOT NULL GENERATED ALWAYS AS (coalesce(published, -9223372036854775808)) VIRTUAL,
    language         TEXT    NOT NULL,
    raw_sha256       TEXT    NOT NULL REFERENCES raws (sha256),
    content_type     TEXT    NOT NULL,
    fetched          INTEGER,          -- NULL when unknown
    ingested         INTEGER NOT NULL,
    pipeline         TEXT    NOT NULL,
    version          INTEGER NOT NULL, -- the version number at url
    -- The large columns come last: SQLite reads a row's columns in order,
    -- and a listing then never reads through the text to reach the others.
    text             TEXT    NOT NULL,
    layers           TEXT    NOT NULL  -- JSON of the sitrep.Doc layers, byte offsets
) STRICT;

CREATE INDEX articles_order ON articles (pub_key DESC, id DESC);
CREATE INDEX articles_source ON articles (source, pub_key DESC, id DESC);
CREATE INDEX articles_language ON articles (language, pub_key DESC, id DESC);

-- article_urls records every URL an article's content was seen at. Versions
-- number the distinct contents seen at one URL, from 1.
CREATE TABLE article_urls (
    url        TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    article_id TEXT    NOT NULL REFERENCES articles (id),
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (url, version),
    UNIQUE (url, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_urls_article ON article_urls (article_id);

-- articles_fts indexes title and text without a second copy of them
-- (external content). The triggers keep it in step inside the transaction
-- that changes articles.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- feed_state keeps the validators of feeds and sitemaps for conditional GETs.
CREATE TABLE feed_state (
    url           TEXT    NOT NULL PRIMARY KEY,
    etag          TEXT    NOT NULL,
    last_modified TEXT    NOT NULL,
    updated       INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE feed_state;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_insert;
DROP TABLE articles_fts;
DROP TABLE article_urls;
DROP TABLE articles;
DROP TABLE raws;
