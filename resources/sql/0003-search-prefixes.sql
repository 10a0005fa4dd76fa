-- Schema version 3: prefix indexes for search as you type. Two- and
-- three-letter prefixes ("Kö", "Köl") are the ones typed before a word is
-- recognisable; without an index each expands to thousands of terms.

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO release_fts (release_fts) VALUES ('rebuild');
