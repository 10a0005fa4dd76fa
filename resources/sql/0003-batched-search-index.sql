-- Schema version 3: the store indexes new press releases itself, once per
-- transaction (INSERT … SELECT), instead of a trigger per row. With the
-- trigger, every insert inside an import opened a statement savepoint, at
-- which FTS5 flushes its pending index data: most of an import's time.
-- Updates and deletes keep their triggers.

DROP TRIGGER release_fts_insert;
