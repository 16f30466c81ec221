-- The problem inbox: what people asked for help with, tasks businesses keep
-- postponing, and one's own observations, before any niche exists.
-- `same_as` groups a duplicate under the problem it repeats; `candidate_id`
-- is the candidate a problem was promoted to.
CREATE TABLE problems (
    id           INTEGER PRIMARY KEY,
    words        TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'asked',
    source       TEXT NOT NULL DEFAULT '',
    audience     TEXT NOT NULL DEFAULT '',
    platform     TEXT NOT NULL DEFAULT '',
    seen_on      TEXT NOT NULL DEFAULT '',
    recurrence   TEXT NOT NULL DEFAULT '',
    importance   INTEGER CHECK (importance BETWEEN 0 AND 10),
    satisfaction INTEGER CHECK (satisfaction BETWEEN 0 AND 10),
    notes        TEXT NOT NULL DEFAULT '',
    same_as      INTEGER REFERENCES problems (id) ON DELETE SET NULL,
    candidate_id INTEGER REFERENCES candidates (id) ON DELETE SET NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);

-- Pairs the user said are different problems, so they are not suggested
-- as duplicates again. The smaller id comes first.
CREATE TABLE distinct_problems (
    first_id  INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    second_id INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id < second_id)
);

-- Versions of an offer: its fields, package plan and pilot as they stood,
-- stored as the validated input JSON.
CREATE TABLE offer_versions (
    id         INTEGER PRIMARY KEY,
    offer_id   INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    reason     TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    content    TEXT NOT NULL
);

CREATE INDEX offer_versions_by_offer ON offer_versions (offer_id, created_at);
