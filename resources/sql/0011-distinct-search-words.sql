-- Schema version 11: the full-text index is given each word of a
-- document's column once.
--
-- The index keeps, per row and word, only the columns the word is in
-- (detail = column), so a word's repeats in a release add nothing to it;
-- yet FTS5 hashed every repeat once for the word and once for each of the
-- five prefix indexes. "atlas_fold distinct" (src/core/atlas-store-fts.c)
-- passes each word of a document's column on once; queries are tokenized
-- as before and the index reads the same. A press release's body repeats
-- about half of its words (bench/README.md has the measurements). The
-- columns' sizes in the index's docsize count distinct words, so the index
-- is built anew.

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'atlas_fold distinct',
  detail = column,
  prefix = '2 3 4 5 6'
);

INSERT INTO release_fts (release_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO release_fts (release_fts) VALUES ('rebuild');
