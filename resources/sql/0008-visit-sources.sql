-- Schema version 8: a visit has its sources. Several press releases can
-- report the same visit (the same centre on the same day): each is a
-- source of the one visit. visit.release_id stays the first source, and
-- the triggers below keep it among the sources, so no writer of visits
-- has to know about this table.

CREATE TABLE visit_source (
  visit_id   INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, release_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX visit_source_release ON visit_source (release_id);

INSERT INTO visit_source (visit_id, release_id)
SELECT id, release_id FROM visit WHERE release_id IS NOT NULL;

-- Not INSERT OR IGNORE: the statement that fires a trigger imposes its own
-- conflict policy on the trigger's statements, and a visit saved with an
-- upsert (ON CONFLICT … DO UPDATE) made the ignored duplicate an error,
-- so no visit with a release could be saved twice (Undo of a bulk review).
CREATE TRIGGER visit_source_insert AFTER INSERT ON visit WHEN new.release_id IS NOT NULL BEGIN
  INSERT INTO visit_source (visit_id, release_id)
  SELECT new.id, new.release_id
  WHERE NOT EXISTS (SELECT 1 FROM visit_source WHERE visit_id = new.id AND release_id = new.release_id);
END;

CREATE TRIGGER visit_source_update AFTER UPDATE OF release_id ON visit WHEN new.release_id IS NOT NULL BEGIN
  INSERT INTO visit_source (visit_id, release_id)
  SELECT new.id, new.release_id
  WHERE NOT EXISTS (SELECT 1 FROM visit_source WHERE visit_id = new.id AND release_id = new.release_id);
END;
