/* test-import-work.c: the work an import does, counted, not timed
 *
 * An import's speed is measured against a floor in bench/ (bench/README.md),
 * but machines are shared and noisy, so no test can time it. This test
 * counts instead, for a fixed feed of generated press releases imported
 * into a new catalogue and again into one that holds it already:
 *
 *  - the SQLite virtual machine's instructions (a progress handler called at
 *    each), which grow with every extra statement, lookup or scan;
 *  - the words the search index's tokenizer passes on to FTS5, each of
 *    which FTS5 hashes once for the word and once per prefix index;
 *  - the pages the import writes.
 *
 * Each has a budget a little above what the import does today (printed
 * with --verbose); a change that makes the import do more fails here, and
 * then either the change is fixed or the budget raised on purpose, with
 * the benchmark re-run (bench/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "atlas-importer.h"
#include "atlas-store-private.h"
#include "atlas-test-util.h"
#include "../bench/bench-text.h"

#define N_ITEMS 200

/* Budgets per imported release; today's figures are in the comments
 * (SQLite 3.46, 2026-12-02). The feed repeats nothing, so the second
 * import only looks the releases up. */
#define BUDGET_VM_PER_RELEASE         720    /* today 602 */
#define BUDGET_WORDS_PER_RELEASE      240    /* today 206 (each word once per column; 336 with every repeat) */
#define BUDGET_PAGES_PER_RELEASE      2.8    /* today 2.2 */
#define BUDGET_VM_PER_KNOWN_RELEASE    25    /* today 19 */

/* A feed like atlas-bench-feed's (bench/atlas-bench-feed.c), smaller. */
static GBytes *
make_feed (guint n_items)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  Vocabulary *vocabulary = vocabulary_new (rand, 4000);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<rss version=\"2.0\">\n<channel>\n<title>Test</title>\n"
                               "<link>https://www.land.nrw/</link>\n<description>Erzeugt</description>\n");

  for (guint i = 0; i < n_items; i++)
    {
      const char *place = pick (rand, bench_places, bench_n_places);
      guint n_paragraphs = g_rand_int_range (rand, 3, 10);
      g_autofree char *lead = NULL;

      if (i % 10 == 0)
        lead = g_strdup_printf ("Staatssekretärin Serap Güler hat am %u.3.2019 das Kommunale "
                                "Integrationszentrum in %s besucht.", 1 + i % 28, place);
      else
        lead = sentence (rand, vocabulary, g_rand_int_range (rand, 15, 30));

      g_string_append_printf (out, "<item>\n<title>%s in %s: %s %s</title>\n",
                              pick (rand, bench_words, bench_n_words), place,
                              vocabulary_pick (vocabulary, rand), vocabulary_pick (vocabulary, rand));
      g_string_append_printf (out, "<link>https://www.land.nrw/pressemitteilung/%u</link>\n"
                                   "<guid isPermaLink=\"false\">urn:work:%u</guid>\n"
                                   "<pubDate>Mon, 04 Mar 2019 %02u:%02u:00 +0000</pubDate>\n"
                                   "<description><![CDATA[<p>%s</p>\n",
                              i, i, 8 + i / 60 % 10, i % 60, lead);
      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_autofree char *s = sentence (rand, vocabulary, g_rand_int_range (rand, 30, 70));

          g_string_append_printf (out, "<p>%s</p>\n", s);
        }
      g_string_append (out, "]]></description>\n</item>\n");
    }
  g_string_append (out, "</channel>\n</rss>\n");

  vocabulary_free (vocabulary);
  return g_string_free_to_bytes (out);
}

static int
count_progress (void *data)
{
  (*(guint64 *) data)++;
  return 0;
}

typedef struct {
  guint64 vm;     /* instructions of SQLite's virtual machine */
  gsize words;
  int pages;
} Work;

static Work
import_counted (AtlasStore *store,
                GBytes     *feed,
                guint      *n_new)
{
  sqlite3 *db = atlas_store_get_db (store);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (feed);
  g_auto(AtlasImportResult) result = { 0 };
  gsize words_before = atlas_store_fts_words_indexed ();
  int pages = 0, high = 0;
  Work work = { 0 };

  g_assert_cmpint (sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_WRITE, &pages, &high, TRUE), ==, SQLITE_OK);
  sqlite3_progress_handler (db, 1, count_progress, &work.vm);
  g_assert_true (atlas_import_stream (store, stream, "work.xml", NULL, &result));
  sqlite3_progress_handler (db, 0, NULL, NULL);
  g_assert_cmpint (sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_WRITE, &work.pages, &high, TRUE), ==, SQLITE_OK);
  work.words = atlas_store_fts_words_indexed () - words_before;
  *n_new = result.n_new;
  return work;
}

static void
test_budget (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GBytes) feed = make_feed (N_ITEMS);
  guint n_new = 0;
  Work work;

  g_assert_no_error (error);

  work = import_counted (store, feed, &n_new);
  g_assert_cmpuint (n_new, ==, N_ITEMS);
  g_test_message ("new catalogue, per release: %.1f VM instructions, %.1f words indexed, %.2f pages written",
                  (double) work.vm / N_ITEMS, (double) work.words / N_ITEMS, (double) work.pages / N_ITEMS);
  g_assert_cmpuint (work.vm, <=, (guint64) BUDGET_VM_PER_RELEASE * N_ITEMS);
  g_assert_cmpuint (work.words, <=, (gsize) BUDGET_WORDS_PER_RELEASE * N_ITEMS);
  g_assert_cmpfloat ((double) work.pages, <=, BUDGET_PAGES_PER_RELEASE * N_ITEMS);
  /* Something was counted at all. */
  g_assert_cmpuint (work.words, >, (gsize) 50 * N_ITEMS);

  /* The same feed again: every release is found and left alone. */
  work = import_counted (store, feed, &n_new);
  g_assert_cmpuint (n_new, ==, 0);
  g_test_message ("known releases, per release: %.1f VM instructions, %.1f words indexed",
                  (double) work.vm / N_ITEMS, (double) work.words / N_ITEMS);
  g_assert_cmpuint (work.vm, <=, (guint64) BUDGET_VM_PER_KNOWN_RELEASE * N_ITEMS);
  g_assert_cmpuint (work.words, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/import-work/budget", test_budget);

  return g_test_run ();
}
