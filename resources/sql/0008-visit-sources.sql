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

CREATE TRIGGER visit_source_insert AFTER INSERT ON visit WHEN new.release_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO visit_source (visit_id, release_id) VALUES (new.id, new.release_id);
END;

CREATE TRIGGER visit_source_update AFTER UPDATE OF release_id ON visit WHEN new.release_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO visit_source (visit_id, release_id) VALUES (new.id, new.release_id);
END;
