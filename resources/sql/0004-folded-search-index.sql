-- Schema version 4: a full-text index that folds German as the app's other
-- searches do, and costs an import about what plain FTS5 costs.
--
-- tokenize = 'atlas_fold' (src/core/atlas-store-fts.c): words are folded
-- as the centre and contact searches fold them (Köln → koeln, Straße →
-- strasse); a word with umlauts is also indexed with plain vowels at the
-- same place (Güler → guler), so "koeln", "strasse" and "guler" find them.
--
-- detail = column: the index keeps, per row, the columns a word is in but
-- not its positions, so it is a third of the size to write. Phrases (a
-- typed "Nordrhein-Westfalen") are still matched, FTS5 checks them against
-- the row's text. prefix = '2 3': the prefixes typed first, which match
-- the most words, are looked up directly; longer ones are expanded, which
-- with this index stays within a keystroke (bench/README.md has the
-- candidates measured and their figures).

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'atlas_fold',
  detail = column,
  prefix = '2 3'
);

INSERT INTO release_fts (release_fts) VALUES ('rebuild');
