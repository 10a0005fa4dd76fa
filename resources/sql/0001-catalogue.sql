-- Schema version 1: the catalogue of districts, centres and contacts.

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
