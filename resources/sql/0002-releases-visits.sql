-- Schema version 2: press releases with a full-text index, their links to
-- centres, visits and the import log.

CREATE TABLE release (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE CHECK (guid <> ''),
  link         TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL CHECK (title <> ''),
  body         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  author       TEXT NOT NULL DEFAULT '',
  published    INTEGER NOT NULL,             -- seconds since the epoch, UTC
  updated      INTEGER,                      -- Atom <updated>, seconds, UTC
  version      INTEGER NOT NULL DEFAULT 1,   -- NewsML-G2 version
  format       TEXT NOT NULL
               CHECK (format IN ('rss2', 'rss1', 'atom', 'nitf', 'newsml', 'native')),
  content_hash TEXT NOT NULL DEFAULT '',
  imported_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX release_published ON release (published);
CREATE INDEX release_link ON release (link) WHERE link <> '';
CREATE INDEX release_hash ON release (content_hash) WHERE content_hash <> '';

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER release_fts_insert AFTER INSERT ON release BEGIN
  INSERT INTO release_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER release_fts_delete AFTER DELETE ON release BEGIN
  INSERT INTO release_fts (release_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER release_fts_update AFTER UPDATE OF title, body ON release BEGIN
  INSERT INTO release_fts (release_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO release_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE release_centre (
  release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
  centre_id  INTEGER NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('visited', 'mentioned')),
  confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
  PRIMARY KEY (release_id, centre_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX release_centre_centre ON release_centre (centre_id);

CREATE TABLE visit (
  id         INTEGER PRIMARY KEY,
  centre_id  INTEGER NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
  -- As precise as it is known: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www or start/end.
  date       TEXT NOT NULL CHECK (date <> ''),
  -- The first day the date can mean, YYYY-MM-DD, for ordering the tour.
  sort_date  TEXT NOT NULL CHECK (length(sort_date) = 10),
  tour       TEXT NOT NULL DEFAULT '',
  visitors   TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL CHECK (status IN ('planned', 'done', 'suggested')),
  notes      TEXT NOT NULL DEFAULT '',
  release_id INTEGER REFERENCES release (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX visit_centre ON visit (centre_id);
CREATE INDEX visit_sort ON visit (sort_date, id);
CREATE INDEX visit_release ON visit (release_id);

CREATE TABLE import_log (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  format      TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL,
  n_new       INTEGER NOT NULL DEFAULT 0,
  n_updated   INTEGER NOT NULL DEFAULT 0,
  n_skipped   INTEGER NOT NULL DEFAULT 0,
  status      TEXT NOT NULL CHECK (status IN ('ok', 'rejected')),
  message     TEXT NOT NULL DEFAULT ''
) STRICT;
