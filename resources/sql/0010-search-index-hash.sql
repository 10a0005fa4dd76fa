-- Schema version 8: the full-text index gathers more of an import in
-- memory before it writes a segment.
--
-- FTS5 keeps the words of new rows in an in-memory hash and writes it out
-- as a segment when it holds 'hashsize' bytes (1 MB by default); segments
-- are then merged into larger ones (automerge). With prefixes of 2 to 6
-- letters every word makes six entries, so an import of a few thousand
-- releases filled the hash many times over and spent about a quarter of
-- its index work merging what it had just written. With 16 MB, 3,000
-- releases go out as one segment (bench/README.md has the measurements);
-- the hash lives only while a write is open, so this costs memory during
-- an import and nothing otherwise. Searches read the same index.

INSERT INTO release_fts (release_fts, rank) VALUES ('hashsize', 16777216);
