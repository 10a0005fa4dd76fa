-- Schema version 2: prefix indexes for search as you type. Prefixes of two
-- to six letters ("Kö" … "Sprach") are typed before a word is complete;
-- without an index each expands to thousands of terms and a keystroke over
-- 300,000 releases takes up to 200 ms. Each indexed length costs indexing
-- time on import; bench/README.md has the trade-off as measured.

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6'
);

INSERT INTO release_fts (release_fts) VALUES ('rebuild');
