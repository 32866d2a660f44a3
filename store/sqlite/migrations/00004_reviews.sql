-- Analysts' review decisions on incidents (package review).
--
-- Each decision is a new version of the incident's record; no row is ever
-- updated or deleted, so the audit log is complete and an export made at
-- an earlier time can be reproduced from the versions stored before it.
-- reviewer is the user's name as it was at the time, not a reference to
-- users: the log outlives a deleted account.

-- +goose Up

CREATE TABLE incident_reviews (
    seq      INTEGER PRIMARY KEY, -- order of writing: the audit log's order
    incident TEXT    NOT NULL,
    version  INTEGER NOT NULL CHECK (version >= 1),
    story    TEXT    NOT NULL,
    action   TEXT    NOT NULL CHECK (action IN ('accept', 'correct', 'reject', 'merge', 'split', 'reopen')),
    state    TEXT    NOT NULL CHECK (state IN ('pending', 'accepted', 'corrected', 'rejected', 'merged')),
    reviewer TEXT    NOT NULL,
    note     TEXT    NOT NULL,
    at       INTEGER NOT NULL, -- unix microseconds
    before   TEXT    NOT NULL, -- JSON of the fields changed, before
    after    TEXT    NOT NULL, -- and after
    record   TEXT    NOT NULL, -- JSON of the whole incident after the decision
    UNIQUE (incident, version)
) STRICT;

CREATE INDEX incident_reviews_story ON incident_reviews (story, incident, version);
CREATE INDEX incident_reviews_reviewer ON incident_reviews (reviewer, seq);

-- +goose Down
DROP TABLE incident_reviews;
