-- Schema version 7: a full-text index that folds German as the app's other
-- searches do and costs an import less, and visits found by centre and day.
--
-- tokenize = 'atlas_fold' (src/core/atlas-store-fts.c): words are folded
-- as the centre and contact searches fold them (Köln → koeln, Straße →
-- strasse); a word with umlauts is also indexed with plain vowels at the
-- same place (Güler → guler), so "koeln", "strasse" and "guler" find them.
--
-- detail = column: the index keeps, per row, the columns a word is in but
-- not its positions, so an import writes about half of what the same
-- prefix indexes with positions cost (bench/README.md has the candidates
-- measured). Without positions FTS5 matches no phrases: the search box's
-- words are searched each on its own, split where the index splits them
-- (atlas_text_fts_query()). prefix = '2 3 4 5 6': a typed prefix without
-- its own index makes FTS5 merge the row lists of every word it expands
-- to; with prefixes of 2 and 3 letters only, "Spra" … "Sprach" took
-- 190-370 ms over 300,000 releases.

DROP TABLE release_fts;

CREATE VIRTUAL TABLE release_fts USING fts5 (
  title, body,
  content = 'release', content_rowid = 'id',
  tokenize = 'atlas_fold',
  detail = column,
  prefix = '2 3 4 5 6'
);

INSERT INTO release_fts (release_fts) VALUES ('rebuild');

-- An import looks up, for each visit it would suggest, the centre's visit
-- on that day. With an index on the centre alone, that read every visit
-- of the centre: an import of 30,000 releases that suggests 20,000 visits
-- slowed down as it went, and more so in a large catalogue. The new index
-- also serves every lookup by centre alone.
DROP INDEX visit_centre;
CREATE INDEX visit_centre_date ON visit (centre_id, date);
