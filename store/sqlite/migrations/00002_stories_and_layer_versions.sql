-- Stories, entity links and versions of the annotation layers.
--
-- An existing database keeps its rows as they are: each article's layers
-- become its layer version 1, and its stories and links are filled in by
-- the next ingest or `sitrep reprocess`.

-- +goose Up

-- The articles row holds the latest version of the layers (so that Get
-- reads one row); layer_versions holds the versions it replaced.
-- layers_created is NULL when the layers are those of the first ingest
-- (their time is then ingested).
ALTER TABLE articles ADD COLUMN layers_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN layers_created INTEGER;

CREATE TABLE layer_versions (
    article_id TEXT    NOT NULL REFERENCES articles (id),
    version    INTEGER NOT NULL,
    pipeline   TEXT    NOT NULL,
    created    INTEGER NOT NULL,
    layers     TEXT    NOT NULL,
    PRIMARY KEY (article_id, version)
) STRICT, WITHOUT ROWID;

-- story_members is what the story index decided for each article. seq is
-- the order of first decision, which replays the index at startup.
CREATE TABLE story_members (
    seq          INTEGER PRIMARY KEY,
    article_id   TEXT    NOT NULL UNIQUE REFERENCES articles (id),
    story        TEXT    NOT NULL,
    duplicate_of TEXT    NOT NULL, -- '' for an original
    similarity   REAL    NOT NULL,
    features     BLOB    NOT NULL  -- opaque to the store
) STRICT;

CREATE INDEX story_members_story ON story_members (story);

-- stories is derived from story_members and articles, kept up to date by
-- each membership write so that listing stories reads one row per story.
-- A new member updates it in constant time; a member that moves between
-- stories has both recomputed. last_key orders listings as pub_key does
-- articles; title_article is the earliest original, whose title it shows.
CREATE TABLE stories (
    id              TEXT    NOT NULL PRIMARY KEY,
    title           TEXT    NOT NULL,
    title_article   TEXT    NOT NULL,
    reports         INTEGER NOT NULL,
    originals       INTEGER NOT NULL,
    sources         INTEGER NOT NULL,
    first_published INTEGER,
    last_published  INTEGER,
    last_key        INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX stories_order ON stories (last_key DESC, id DESC);

-- story_sources counts each story's articles per outlet, so that a new
-- member knows at once whether it brings a new source.
CREATE TABLE story_sources (
    story    TEXT    NOT NULL,
    source   TEXT    NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (story, source)
) STRICT, WITHOUT ROWID;

-- entity_links ties each article's entity keys to global entity keys.
CREATE TABLE entity_links (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT    NOT NULL REFERENCES articles (id),
    local_key  TEXT    NOT NULL,
    global_key TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    type       TEXT    NOT NULL
) STRICT;

CREATE INDEX entity_links_article ON entity_links (article_id);
CREATE INDEX entity_links_global ON entity_links (global_key, seq);

-- +goose Down
DROP TABLE entity_links;
DROP TABLE story_sources;
DROP TABLE stories;
DROP TABLE story_members;
DROP TABLE layer_versions;
ALTER TABLE articles DROP COLUMN layers_created;
ALTER TABLE articles DROP COLUMN layers_version;
