-- Users, API tokens and sessions of the desk (package auth).
--
-- Tokens and sessions are kept as the SHA-256 of their secret, never the
-- secret itself, so that a copy of the file lets no one in. Names are
-- unique regardless of case (COLLATE NOCASE), and lookups ignore case.
-- A user's tokens and sessions go with the user (ON DELETE CASCADE).

-- +goose Up

CREATE TABLE users (
    name     TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    role     TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password BLOB    NOT NULL, -- bcrypt hash; empty when the user has tokens only
    created  INTEGER NOT NULL,
    updated  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE tokens (
    hash      BLOB    NOT NULL PRIMARY KEY, -- SHA-256 of the secret
    user_name TEXT    NOT NULL COLLATE NOCASE REFERENCES users (name) ON DELETE CASCADE,
    created   INTEGER NOT NULL,
    expires   INTEGER           -- NULL: never
) STRICT, WITHOUT ROWID;

CREATE INDEX tokens_user ON tokens (user_name, created);

CREATE TABLE sessions (
    hash      BLOB    NOT NULL PRIMARY KEY, -- SHA-256 of the cookie's secret
    user_name TEXT    NOT NULL COLLATE NOCASE REFERENCES users (name) ON DELETE CASCADE,
    csrf      TEXT    NOT NULL,
    created   INTEGER NOT NULL,
    expires   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions (user_name);
CREATE INDEX sessions_expires ON sessions (expires);

-- +goose Down
DROP TABLE sessions;
DROP TABLE tokens;
DROP TABLE users;
