-- Preferences that belong to the workspace, such as the chosen language.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE INDEX offers_by_candidate ON offers (candidate_id);
