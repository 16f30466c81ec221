-- How well each score is backed (gut, asked, interested, paid_pilot, renewal).
ALTER TABLE scores ADD COLUMN evidence TEXT NOT NULL DEFAULT 'gut';
