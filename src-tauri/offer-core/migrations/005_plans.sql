-- Each offer's package plan (hours, capacity, targets) and pilot, stored as
-- the validated input JSON: read back through the same validation.
CREATE TABLE packages (
    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
    plan     TEXT NOT NULL
);

CREATE TABLE pilots (
    offer_id INTEGER PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
    pilot    TEXT NOT NULL
);
