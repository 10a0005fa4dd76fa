#!/usr/bin/python3
# fts-candidates.py: what each full-text index design costs to build, against
# plain FTS5 (the import floor's index), alternating in one run.
#
#   ../shared/bench/floor-sqlite import --no-fts ITEMS.db FEED.xml
#   bench/fts-candidates.py ITEMS.db [--rounds N] [CANDIDATE ...]
#
# Each round copies ITEMS.db (floor-sqlite's item table, no index) and builds
# each candidate over its title and body in one transaction (INSERT ...
# SELECT, as the store indexes an import before its commit), in WAL mode.
# Prints the median build time, the ratio to plain FTS5 ("full") and the
# index size. The tokenizer is unicode61 (the app's atlas_fold wraps it and
# folds only non-ASCII words, which the Python module cannot load).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time

CANDIDATES = {
    "full": "detail=full",
    "full-p2-6": "detail=full, prefix='2 3 4 5 6'",
    "column": "detail=column",
    "column-p2-3": "detail=column, prefix='2 3'",
    "column-p2-4": "detail=column, prefix='2 3 4'",
    "column-p2-6": "detail=column, prefix='2 3 4 5 6'",
    "none": "detail=none",
    "none-p2-3": "detail=none, prefix='2 3'",
    "none-p2-6": "detail=none, prefix='2 3 4 5 6'",
}


def build(items, options, work):
    shutil.copy(items, work)
    db = sqlite3.connect(work, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, content='item', content_rowid='id', "
               f"tokenize='unicode61 remove_diacritics 2', {options})")
    t0 = time.monotonic()
    db.execute("BEGIN")
    db.execute("INSERT INTO f (rowid, title, body) SELECT id, title, body FROM item")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.monotonic() - t0
    size = db.execute("SELECT sum(length(block)) FROM f_data").fetchone()[0]
    db.close()
    os.unlink(work)
    return seconds, size


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("items")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("candidates", nargs="*")
    args = ap.parse_args()
    names = args.candidates or list(CANDIDATES)
    if "full" not in names:
        names.insert(0, "full")
    work = os.path.join(tempfile.mkdtemp(prefix="fts-candidates-"), "work.db")
    times = {n: [] for n in names}
    sizes = {}
    for _ in range(args.rounds):
        for n in names:
            seconds, sizes[n] = build(args.items, CANDIDATES[n], work)
            times[n].append(seconds)
    base = statistics.median(times["full"])
    for n in names:
        m = statistics.median(times[n])
        print(f"{n:12s} {m:7.2f} s  {m / base:5.2f}x plain  index {sizes[n] / 1e6:6.1f} MB")
    os.rmdir(os.path.dirname(work))


if __name__ == "__main__":
    main()
