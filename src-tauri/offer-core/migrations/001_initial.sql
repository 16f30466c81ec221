-- Criteria the candidates are scored on. A built-in criterion has a key and
-- an empty name (shown in the user's language); a custom one has a name.
CREATE TABLE criteria (
    id         INTEGER PRIMARY KEY,
    key        TEXT UNIQUE,
    name       TEXT NOT NULL DEFAULT '',
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 10),
    position   INTEGER NOT NULL,
    deleted_at TEXT
);

-- The built-in criteria are seeded right after this step, from
-- CriterionKey::ALL and default_weight in src/domain/criteria.rs (their one
-- home; until 2026-12 the same eight rows were written out here).

CREATE TABLE candidates (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    platform         TEXT NOT NULL DEFAULT '',
    audience         TEXT NOT NULL DEFAULT '',
    problem          TEXT NOT NULL DEFAULT '',
    outcome_metric   TEXT NOT NULL DEFAULT '',
    outcome_target   INTEGER,
    outcome_unit     TEXT NOT NULL DEFAULT '',
    timeframe_amount INTEGER,
    timeframe_unit   TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'idea',
    notes            TEXT NOT NULL DEFAULT '',
    revision         INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);

CREATE TABLE scores (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (candidate_id, criterion_id)
);

CREATE TABLE offers (
    id                  INTEGER PRIMARY KEY,
    candidate_id        INTEGER REFERENCES candidates (id) ON DELETE SET NULL,
    title               TEXT NOT NULL,
    promise             TEXT NOT NULL DEFAULT '',
    price_minor         INTEGER NOT NULL DEFAULT 0,
    currency            TEXT NOT NULL,
    minimum_term_months INTEGER NOT NULL,
    success_metric      TEXT NOT NULL DEFAULT '',
    contact             TEXT NOT NULL DEFAULT '',
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);

CREATE TABLE deliverables (
    offer_id           INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    name               TEXT NOT NULL,
    quantity_per_month INTEGER NOT NULL,
    turnaround_days    INTEGER NOT NULL,
    minutes_each       INTEGER NOT NULL,
    PRIMARY KEY (offer_id, position)
);

CREATE TABLE out_of_scope (
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (offer_id, position)
);
