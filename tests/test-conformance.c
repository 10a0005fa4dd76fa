/* test-conformance.c: real feeds and IPTC files written by others
 *
 * Reads ../shared/corpus/<set>/MANIFEST.tsv (skips when it is not there) and
 * imports every file listed into a fresh catalogue. Files libxml2 itself
 * cannot parse must be rejected cleanly; of the others, the report says how
 * many import and how many give the expected title and date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "atlas-date.h"
#include "atlas-importer.h"
#include "atlas-list-model.h"
#include "atlas-test-util.h"

typedef struct {
  guint wellformed, imported, title_expected, title_ok, date_expected, date_ok;
  guint illformed, rejected_cleanly, repaired;
  GHashTable *reasons;  /* error message prefix → count */
} Tally;

static int
column_index (char      **header,
              const char *name)
{
  for (int i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return i;
  return -1;
}

static const char *
cell (char **cells,
      int    index)
{
  if (index < 0 || index >= (int) g_strv_length (cells))
    return "";
  return cells[index];
}

/* Equal but for runs of white space. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *fa = g_regex_replace_literal (space, a, -1, 0, " ", 0, NULL);
  g_autofree char *fb = g_regex_replace_literal (space, b, -1, 0, " ", 0, NULL);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

static gboolean
has_release (AtlasStore *store,
             const char *title,
             const char *date_utc)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);
  g_autofree char *want = title ? g_strstrip (g_strdup (title)) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasRelease) r = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (want != NULL && *want && !same_words (atlas_release_get_field (r, ATLAS_RELEASE_TITLE), want))
        continue;
      if (date_utc != NULL && *date_utc)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (atlas_release_get_published (r));
          g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

          gint64 want_t;

          /* Either the same UTC text, or the same instant written with an offset. */
          if (!g_str_has_prefix (date_utc, iso) &&
              !(atlas_date_parse_iso8601 (date_utc, &want_t) && want_t == atlas_release_get_published (r)))
            continue;
        }
      return TRUE;
    }

  return FALSE;
}

/* The deviations the importer repairs on purpose (atlas-xml-reader.c), by
 * what libxml2 2.9.14 said of the file: text before the declaration, an
 * HTML 4 entity without a DTD, a namespace error. */
static gboolean
is_repaired_deviation (const char *libxml2)
{
  g_autoptr(GRegex) entity = g_regex_new ("Entity '([A-Za-z0-9]+)' not defined", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (strstr (libxml2, "XML declaration allowed only at the start") != NULL ||
      g_str_has_prefix (libxml2, "non-fatal: namespace error"))
    return TRUE;
  if (g_regex_match (entity, libxml2, 0, &match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);

      return htmlEntityLookup ((const xmlChar *) name) != NULL;
    }
  return FALSE;
}

static void
run_set (const char *dir,
         const char *set,
         Tally      *tally)
{
  g_autofree char *manifest = g_build_filename (dir, set, "MANIFEST.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int col_libxml2, col_title, col_date, col_first, col_created, col_field, col_expected;

  if (!g_file_get_contents (manifest, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  col_libxml2 = column_index (header, "libxml2_2.9.14");
  col_title = column_index (header, "first_item_title");
  if (col_title < 0)
    col_title = column_index (header, "headline");
  col_date = column_index (header, "first_item_date_iso_utc");
  col_first = column_index (header, "first_published");
  col_created = column_index (header, "version_created");
  col_field = column_index (header, "field");
  col_expected = column_index (header, "expected");

  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      g_autofree char *path = NULL;
      g_autofree char *db_dir = NULL;
      g_autofree char *db_path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(AtlasStore) store = NULL;
      g_auto(AtlasImportResult) result = { 0 };
      const char *title = NULL, *date = NULL;
      gboolean wellformed, ok;

      if (cells[0] == NULL || *cells[0] == '\0' || g_hash_table_contains (seen, cells[0]))
        continue;
      g_hash_table_add (seen, g_strdup (cells[0]));

      path = g_build_filename (dir, set, cells[0], NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      db_dir = g_dir_make_tmp ("atlas-conformance-XXXXXX", NULL);
      db_path = g_build_filename (db_dir, "c.sqlite", NULL);
      store = atlas_store_new (db_path, ATLAS_STORE_OPEN_DEFAULT, NULL);
      g_assert_nonnull (store);

      file = g_file_new_for_path (path);
      ok = atlas_import_file (store, file, cells[0], NULL, &result);
      wellformed = g_str_equal (cell (cells, col_libxml2), "ok");

      if (!wellformed)
        {
          tally->illformed++;
          if (!ok && result.error != NULL)
            tally->rejected_cleanly++;
          else if (is_repaired_deviation (cell (cells, col_libxml2)))
            tally->repaired++;
          else
            g_test_message ("ACCEPTED ILL-FORMED: %s/%s", set, cells[0]);
        }
      else
        {
          tally->wellformed++;
          if (ok)
            tally->imported++;
          else
            {
              g_autofree char *reason = g_strndup (result.error->message, 40);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (tally->reasons, reason));

              g_hash_table_insert (tally->reasons, g_steal_pointer (&reason), GUINT_TO_POINTER (n + 1));
            }

          if (col_title >= 0)
            title = cell (cells, col_title);
          else if (g_str_equal (cell (cells, col_field), "entry.title"))
            title = cell (cells, col_expected);
          if (col_date >= 0)
            {
              /* "2012-06-06T13:05:00 (no zone; = 2012-06-06T11:05:00Z if read as Europe/Berlin)":
               * the reading in German time is the one meant. */
              const char *d = cell (cells, col_date);
              const char *alt = strstr (d, "= ");

              date = alt ? alt + 2 : d;
            }
          else if (col_first >= 0 && *cell (cells, col_first))
            date = cell (cells, col_first);
          else if (col_created >= 0 && *cell (cells, col_created))
            date = cell (cells, col_created);

          if (title != NULL && *title)
            {
              tally->title_expected++;
              if (ok && has_release (store, title, NULL))
                tally->title_ok++;
            }
          if (date != NULL && *date)
            {
              tally->date_expected++;
              if (ok && has_release (store, NULL, date))
                tally->date_ok++;
            }
        }

      g_clear_object (&store);
      atlas_test_rm_rf (db_dir);
    }
}

static void
test_corpus (void)
{
  const char *dir = g_getenv ("ATLAS_CORPUS_DIR");
  static const char * const sets[] = { "rss-de", "iptc", "feedparser" };
  Tally total = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus is not here");
      return;
    }

  total.reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      Tally t = { 0 };

      t.reasons = total.reasons;
      run_set (dir, sets[i], &t);
      g_printerr ("conformance %s: %u well-formed, %u imported; titles %u/%u, dates %u/%u; "
                  "%u ill-formed, %u rejected cleanly, %u repaired\n",
                  sets[i], t.wellformed, t.imported, t.title_ok, t.title_expected,
                  t.date_ok, t.date_expected, t.illformed, t.rejected_cleanly, t.repaired);
      total.illformed += t.illformed;
      total.rejected_cleanly += t.rejected_cleanly;
      total.repaired += t.repaired;
    }

  g_hash_table_iter_init (&iter, total.reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_printerr ("conformance: well-formed but rejected, %u× “%s…”\n", GPOINTER_TO_UINT (value), (char *) key);
  g_hash_table_unref (total.reasons);

  /* Every file libxml2 cannot parse is rejected with a message, unless it
   * is one of the harmless deviations repaired on purpose. */
  g_assert_cmpuint (total.rejected_cleanly + total.repaired, ==, total.illformed);
}

/* Peers ---------------------------------------------------------------------- */

/* What the peers' own tests assert of each file's first item, as
 * tests/conformance/peers-expect.py reads it (see there). */
typedef struct {
  guint files, imported, rejected, items_skipped;
  guint expected[4], agreed[4];
  GHashTable *reasons;  /* rejection message → count */
} PeerTally;

static const char * const peer_fields[] = { "title", "link", "id", "date" };

static gboolean
peer_field_agrees (AtlasStore *store,
                   guint       field,
                   const char *expected)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);
  gint64 want_t = 0;

  if (field == 3 && !atlas_date_parse_iso8601 (expected, &want_t))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasRelease) r = g_list_model_get_item (G_LIST_MODEL (model), i);

      switch (field)
        {
        case 0:
          if (same_words (atlas_release_get_field (r, ATLAS_RELEASE_TITLE), expected))
            return TRUE;
          break;
        case 1:
          if (g_str_equal (atlas_release_get_field (r, ATLAS_RELEASE_LINK), expected))
            return TRUE;
          break;
        case 2:
          if (g_str_equal (atlas_release_get_field (r, ATLAS_RELEASE_GUID), expected))
            return TRUE;
          break;
        default:
          if (atlas_release_get_published (r) == want_t)
            return TRUE;
          break;
        }
    }

  return FALSE;
}

static void
peer_file (const char *dir,
           const char *path,
           GPtrArray  *rows,  /* of GStrv: path, field, expected, dated */
           PeerTally  *tally)
{
  g_autofree char *full = g_build_filename (dir, "peers", path, NULL);
  g_autofree char *db_dir = g_dir_make_tmp ("atlas-conformance-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (db_dir, "c.sqlite", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  g_autoptr(AtlasStore) store = atlas_store_new (db_path, ATLAS_STORE_OPEN_DEFAULT, NULL);
  g_auto(AtlasImportResult) result = { 0 };
  gboolean ok;

  g_assert_nonnull (store);
  ok = atlas_import_file (store, file, path, NULL, &result);
  tally->files++;
  if (ok)
    tally->imported++;
  else
    {
      g_autofree char *line = atlas_import_result_describe (&result);
      g_autoptr(GRegex) quoted = g_regex_new ("“[^”]*”", 0, 0, NULL);
      /* The kind of reason, without the names and values it quotes. */
      char *reason = g_regex_replace_literal (quoted, result.error->message, -1, 0, "“…”", 0, NULL);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (tally->reasons, reason));

      g_hash_table_insert (tally->reasons, reason, GUINT_TO_POINTER (n + 1));
      g_printerr ("conformance peers: rejected %s\n", line);
    }
  tally->items_skipped += result.n_skipped;
  for (guint i = 0; result.skipped != NULL && i < result.skipped->len; i++)
    {
      AtlasImportSkip *skip = g_ptr_array_index (result.skipped, i);

      g_printerr ("conformance peers: %s, line %d: skipped, %s\n", path, skip->line, skip->reason);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint f = 0; f < G_N_ELEMENTS (peer_fields); f++)
        if (g_str_equal (row[1], peer_fields[f]))
          {
            tally->expected[f]++;
            if (ok && peer_field_agrees (store, f, row[2]))
              tally->agreed[f]++;
            else if (g_getenv ("ATLAS_CONFORMANCE_VERBOSE"))
              g_printerr ("conformance peers: %s %s differs, expected “%s”\n", path, row[1], row[2]);
          }
    }

  g_clear_object (&store);
  atlas_test_rm_rf (db_dir);
}

static guint n_unreadable, n_unreadable_refused;

/* A file's rows: counted for the goal when its items all have dates. A
 * file the reference reader could not read (broken structure, declared
 * entities) must be refused. */
static void
peer_group (const char *dir,
            GPtrArray  *rows,
            PeerTally  *dated,
            PeerTally  *other)
{
  char **first = g_ptr_array_index (rows, 0);
  gboolean unreadable = g_str_equal (first[1], "unreadable");
  guint imported = other->imported;

  peer_file (dir, first[0], rows, g_str_equal (first[3], "dated") ? dated : other);
  if (unreadable)
    {
      n_unreadable++;
      if (other->imported == imported)
        n_unreadable_refused++;
    }
}

static void
test_peers (void)
{
  const char *dir = g_getenv ("ATLAS_CORPUS_DIR");
  g_autofree char *peers = dir ? g_build_filename (dir, "peers", NULL) : NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "conformance", "peers-expect.py", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  PeerTally tally = { 0 };
  PeerTally other = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (peers == NULL || !g_file_test (peers, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus/peers is not here");
      return;
    }

  /* The table quotes the peers' files, which are not to be published: it
   * is made here, from them, not kept in the repository. */
  {
    g_autofree char *python = g_find_program_in_path ("python3");
    g_autoptr(GError) error = NULL;
    const char *argv[] = { python, script, peers, NULL };
    int status = 0;

    if (python == NULL)
      {
        g_test_skip ("python3 is needed to read the peers' expectations");
        return;
      }
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &contents, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  lines = g_strsplit (contents, "\n", -1);
  tally.reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  other.reasons = tally.reasons;

  /* One group of rows per file. The goal counts the files whose every item
   * has a date; the others are imported and reported too. */
  for (guint i = 1; lines[i]; i++)
    {
      char **row = g_strsplit (lines[i], "\t", 4);

      if (g_strv_length (row) < 4)
        {
          g_strfreev (row);
          continue;
        }
      if (rows->len > 0 && !g_str_equal (((char **) g_ptr_array_index (rows, 0))[0], row[0]))
        {
          peer_group (dir, rows, &tally, &other);
          g_ptr_array_set_size (rows, 0);
        }
      g_ptr_array_add (rows, row);
    }
  if (rows->len > 0)
    peer_group (dir, rows, &tally, &other);

  g_printerr ("conformance peers: %u other files (items without a date, not a feed, not readable), "
              "%u imported, %u refused (%u of them not well-formed or declaring entities, all refused), "
              "%u items skipped\n",
              other.files, other.imported, other.files - other.imported, n_unreadable, other.items_skipped);
  g_assert_cmpuint (n_unreadable_refused, ==, n_unreadable);
  g_printerr ("conformance peers: %u files with a date on every item, %u imported, %u rejected, "
              "%u items skipped; titles %u/%u, links %u/%u, ids %u/%u, dates %u/%u\n",
              tally.files, tally.imported, tally.files - tally.imported, tally.items_skipped,
              tally.agreed[0], tally.expected[0], tally.agreed[1], tally.expected[1],
              tally.agreed[2], tally.expected[2], tally.agreed[3], tally.expected[3]);
  g_hash_table_iter_init (&iter, tally.reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_printerr ("conformance peers: rejected %u× “%s”\n", GPOINTER_TO_UINT (value), (char *) key);
  g_hash_table_unref (tally.reasons);

  /* The goal of issue #17; the differences left are documented in
   * tests/conformance/README.md. */
  g_assert_cmpuint (tally.files - tally.imported, <=, 5);
  g_assert_cmpuint (tally.agreed[0] * 100, >=, tally.expected[0] * 95);
  g_assert_cmpuint (tally.agreed[3] * 100, >=, tally.expected[3] * 95);
  g_assert_cmpuint (tally.agreed[1] * 100, >=, tally.expected[1] * 90);
  g_assert_cmpuint (tally.agreed[2] * 100, >=, tally.expected[2] * 90);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conformance/corpus", test_corpus);
  g_test_add_func ("/conformance/peers", test_peers);

  return g_test_run ();
}
