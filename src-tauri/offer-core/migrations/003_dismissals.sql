-- Warnings and tips of the focus check that the user dismissed, with why.
CREATE TABLE dismissals (
    subject    TEXT NOT NULL CHECK (subject IN ('candidate', 'offer')),
    subject_id INTEGER NOT NULL,
    code       TEXT NOT NULL,
    field      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (subject, subject_id, code, field)
);
