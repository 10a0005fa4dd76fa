-- Schema version 9: the example tour can be told apart. The visits loaded
-- as the example (the documented tour of 2017–2021) are marked, so that
-- the Tour view can say so and remove them again.

ALTER TABLE visit ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));
