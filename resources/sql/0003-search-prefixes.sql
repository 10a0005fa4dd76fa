-- Schema version 3: prefix indexes for search as you type. Two- to
-- four-letter prefixes ("Kö", "Köl", "Köln") are typed before a word is
-- recognisable; without an index each expands to thousands of terms.
-- Each indexed length costs about a fifth more indexing time on import
-- (bench/README.md), so longer prefixes go without.

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6'
);

INSERT INTO release_fts (release_fts) VALUES ('rebuild');
