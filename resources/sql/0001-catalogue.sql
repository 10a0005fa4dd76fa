-- Schema version 1: the catalogue of districts, centres and contacts, press
-- releases with a full-text index, their links to centres, visits and the
-- import log.

CREATE TABLE district (
  ags              TEXT PRIMARY KEY CHECK (length(ags) IN (5, 8)),
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL
                   CHECK (kind IN ('Kreis', 'Kreisfreie Stadt', 'Städteregion', 'Stadt')),
  regierungsbezirk TEXT NOT NULL,
  population       INTEGER,
  area_km2         REAL
) STRICT;

CREATE TABLE centre (
  id          INTEGER PRIMARY KEY,
  ags         TEXT NOT NULL UNIQUE REFERENCES district (ags),
  name        TEXT NOT NULL CHECK (name <> ''),
  street      TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT ''
              CHECK (postal_code = '' OR (length(postal_code) = 5 AND postal_code NOT GLOB '*[^0-9]*')),
  city        TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  website     TEXT NOT NULL DEFAULT '',
  head        TEXT NOT NULL DEFAULT '',
  focus       TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  verified_on TEXT NOT NULL DEFAULT '',
  -- Folded name, district and city for umlaut-tolerant search; kept by the store.
  search_key  TEXT NOT NULL DEFAULT '',
  modified_at INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE contact (
  id           INTEGER PRIMARY KEY,
  honorific    TEXT NOT NULL DEFAULT '',
  given_name   TEXT NOT NULL DEFAULT '',
  family_name  TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  centre_id    INTEGER REFERENCES centre (id) ON DELETE SET NULL,
  phones       TEXT NOT NULL DEFAULT '',
  emails       TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  tags         TEXT NOT NULL DEFAULT '',
  sort_key     TEXT NOT NULL DEFAULT '',
  search_key   TEXT NOT NULL DEFAULT '',
  modified_at  INTEGER NOT NULL DEFAULT 0,
  CHECK (given_name <> '' OR family_name <> '' OR organisation <> '')
) STRICT;

CREATE INDEX contact_centre ON contact (centre_id);
CREATE INDEX contact_sort ON contact (sort_key);

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
