-- Schema version 6: detection shows its evidence. Each link of a press
-- release to a centre, and each visit detection suggested, keeps the
-- sentence it came from and how sure detection was (0–1; below 0.5 the
-- suggestion is marked as a guess). A suggested visit that the release
-- announces becomes a planned visit when accepted, not a done one.
-- Links and visits from before keep empty evidence and full confidence.

ALTER TABLE release_centre ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE release_centre ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
  CHECK (confidence BETWEEN 0.0 AND 1.0);

ALTER TABLE visit ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE visit ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
  CHECK (confidence BETWEEN 0.0 AND 1.0);
ALTER TABLE visit ADD COLUMN announced INTEGER NOT NULL DEFAULT 0
  CHECK (announced IN (0, 1));
