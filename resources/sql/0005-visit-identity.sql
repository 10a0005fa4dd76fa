-- Schema version 5: every visit has an identity that calendars keep.
-- uid is the iCalendar UID of the visit: made once, when the visit is
-- created (or taken from the calendar a visit was imported from), and the
-- same on every export. sequence is its iCalendar SEQUENCE: it grows by one
-- whenever the visit's day, centre, tour, visitors, status or notes change,
-- so a calendar that imports the export again updates the event instead of
-- adding a second one. Both are kept by the triggers below, so no writer of
-- visits has to know about them.

ALTER TABLE visit ADD COLUMN uid TEXT;
ALTER TABLE visit ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);

UPDATE visit SET uid = lower(hex(randomblob(16))) || '@integrationsatlas.github.io';

CREATE UNIQUE INDEX visit_uid ON visit (uid);

CREATE TRIGGER visit_uid_insert AFTER INSERT ON visit WHEN new.uid IS NULL BEGIN
  UPDATE visit SET uid = lower(hex(randomblob(16))) || '@integrationsatlas.github.io'
  WHERE id = new.id;
END;

CREATE TRIGGER visit_sequence AFTER UPDATE OF centre_id, date, tour, visitors, status, notes ON visit
WHEN old.centre_id IS NOT new.centre_id OR old.date IS NOT new.date OR old.tour IS NOT new.tour
  OR old.visitors IS NOT new.visitors OR old.status IS NOT new.status OR old.notes IS NOT new.notes
BEGIN
  UPDATE visit SET sequence = sequence + 1 WHERE id = new.id;
END;
