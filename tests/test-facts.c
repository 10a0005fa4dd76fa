/* test-facts.c: the shipped public facts and how catalogues receive them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-facts.h"
#include "atlas-history.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

/* The schema before the store recorded which facts a catalogue received. */
#define VERSION_BEFORE_FACTS 3

static AtlasCentre *
centre (AtlasStore *store,
        const char *ags)
{
  g_autoptr(GError) error = NULL;
  AtlasCentre *result = atlas_store_get_centre_by_ags (store, ags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
field (AtlasStore       *store,
       const char       *ags,
       AtlasCentreField  f)
{
  g_autoptr(AtlasCentre) c = centre (store, ags);

  return g_strdup (atlas_centre_get_field (c, f));
}

static void
set_field (AtlasStore       *store,
           const char       *ags,
           AtlasCentreField  f,
           const char       *value)
{
  g_autoptr(AtlasCentre) c = centre (store, ags);
  g_autoptr(GError) error = NULL;

  atlas_centre_set_field (c, f, value);
  g_assert_true (atlas_store_update_centre (store, c, &error));
  g_assert_no_error (error);
}

/* A catalogue as the app made it before version 4: seeded from the table
 * of 2026-11-22, then edited by its user in two fields. Returns its path. */
static void
make_old_catalogue (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new_at_version (path, ATLAS_STORE_OPEN_DEFAULT,
                                                            VERSION_BEFORE_FACTS, &error);
  g_autoptr(AtlasFactsTable) first = atlas_facts_table_first (&error);

  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, VERSION_BEFORE_FACTS);

  /* The seed of this version is newer; put the old facts back. */
  for (guint i = 0; i < first->rows->len; i++)
    {
      AtlasFactsRow *row = g_ptr_array_index (first->rows, i);
      g_autoptr(AtlasCentre) c = centre (store, row->ags);

      for (AtlasCentreField f = ATLAS_FACT_FIRST_FIELD; f <= ATLAS_FACT_LAST_FIELD; f++)
        atlas_centre_set_field (c, f, row->values[f]);
      g_assert_true (atlas_store_update_centre (store, c, &error));
      g_assert_no_error (error);
    }

  /* The user's edits: a street the new facts give differently, and a city
   * whose fact did not change. */
  set_field (store, "05954", ATLAS_CENTRE_STREET, "Nordstr. 21");
  set_field (store, "05111", ATLAS_CENTRE_CITY, "Düsseldorf-Mitte");
}

static void
test_table (AtlasTestDir  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasFactsTable) shipped = atlas_facts_table_shipped (&error);
  g_autoptr(AtlasFactsTable) first = atlas_facts_table_first (&error);
  const char *shared = g_getenv ("ATLAS_SHARED_DIR");
  g_autofree char *table_path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint n_rows = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (shipped->rows->len, ==, 54);
  g_assert_cmpuint (first->rows->len, ==, 54);
  g_assert_cmpstr (first->date, <, shipped->date);
  for (guint i = 0; i < shipped->rows->len; i++)
    {
      AtlasFactsRow *row = g_ptr_array_index (shipped->rows, i);

      g_assert_nonnull (atlas_facts_table_lookup (first, row->ags));
      g_assert_true (g_str_has_prefix (row->sources, "http"));
    }

  /* The resource is made from the project's table: as many rows, and each
   * row's facts the same (the tool is tools/facts/make-centres.py). */
  if (shared == NULL)
    {
      g_test_skip ("../shared is not beside the checkout");
      return;
    }
  table_path = g_build_filename (shared, "data", "ki-nrw.tsv", NULL);
  if (!g_file_get_contents (table_path, &text, NULL, NULL))
    {
      g_test_skip ("no ../shared/data/ki-nrw.tsv");
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 14);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;
      AtlasFactsRow *row;

      if (lines[i][0] == '\0')
        continue;
      n_rows++;
      cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 14);
      row = atlas_facts_table_lookup (shipped, cells[0]);
      g_assert_nonnull (row);
      g_assert_cmpstr (row->values[ATLAS_CENTRE_NAME], ==, cells[3]);
      g_assert_cmpstr (row->values[ATLAS_CENTRE_STREET], ==, cells[4]);
      g_assert_cmpstr (row->values[ATLAS_CENTRE_PHONE], ==, cells[7]);
      g_assert_cmpstr (row->values[ATLAS_CENTRE_HEAD], ==, cells[10]);
      g_assert_cmpstr (row->sources, ==, cells[13]);
    }
  g_assert_cmpuint (n_rows, ==, shipped->rows->len);
}

static void
test_update_keeps_edits (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasHistory) history = NULL;
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(AtlasCentre) ennepe = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *date = NULL;
  char *value;

  make_old_catalogue (fixture->db_path);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  history = atlas_history_new (store);

  g_assert_true (atlas_facts_update (store, history, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report->was_current);

  /* Untouched fields, empty or not, take the new facts. */
  value = field (store, "05711", ATLAS_CENTRE_HEAD);
  g_assert_cmpstr (value, ==, "Norbert Wörmann");
  g_free (value);
  value = field (store, "05366", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "Jülicher Ring 32");
  g_free (value);
  value = field (store, "05954", ATLAS_CENTRE_POSTAL_CODE);
  g_assert_cmpstr (value, ==, "58332");
  g_free (value);

  /* Both edits are kept. */
  value = field (store, "05954", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "Nordstr. 21");
  g_free (value);
  value = field (store, "05111", ATLAS_CENTRE_CITY);
  g_assert_cmpstr (value, ==, "Düsseldorf-Mitte");
  g_free (value);

  /* One hint: the street of the Ennepe-Ruhr-Kreis. */
  g_assert_cmpuint (report->n_hints, ==, 1);
  g_assert_cmpuint (report->n_fields, ==, 18 - 1);
  g_assert_cmpuint (report->n_centres, ==, 9);
  summary = atlas_facts_report_summary (report);
  g_assert_cmpstr (summary, ==, "9 centres completed, 1 hint");
  ennepe = centre (store, "05954");
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hints->len, ==, 1);
  {
    AtlasFactHint *hint = g_ptr_array_index (hints, 0);
    g_autofree char *text = atlas_fact_hint_describe (hint);

    g_assert_cmpint (hint->field, ==, ATLAS_CENTRE_STREET);
    g_assert_cmpstr (hint->value, ==, "Hauptstraße 92");
    g_assert_cmpstr (text, ==, "Public fact: Hauptstraße 92 (enkreis.de, 2026-12)");
  }

  /* Where the facts come from. */
  g_assert_true (atlas_store_get_centre_sources (store, atlas_centre_get_id (ennepe),
                                                 &sources, &date, &error));
  g_assert_true (g_str_has_prefix (sources, "https://enkreis.de/"));
  g_assert_cmpstr (date, ==, "2026-12");

  /* One step undoes the whole update, and only it. */
  g_assert_true (atlas_history_can_undo (history));
  g_assert_cmpstr (atlas_history_get_undo_label (history), ==, "Update Public Facts");
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_false (atlas_history_can_undo (history));
  value = field (store, "05711", ATLAS_CENTRE_HEAD);
  g_assert_cmpstr (value, ==, "Nilgün Isfendiyar");
  g_free (value);
  value = field (store, "05366", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "");
  g_free (value);
  value = field (store, "05954", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "Nordstr. 21");
  g_free (value);

  /* The facts are received once: the next start does nothing. */
  g_clear_pointer (&report, atlas_facts_report_free);
  g_assert_true (atlas_facts_update (store, NULL, FALSE, &report, &error));
  g_assert_true (report->was_current);
}

static void
test_hint_take_and_ignore (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasHistory) history = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(AtlasCentre) ennepe = NULL;
  char *value;

  make_old_catalogue (fixture->db_path);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  history = atlas_history_new (store);
  g_assert_true (atlas_facts_update (store, NULL, FALSE, NULL, &error));
  ennepe = centre (store, "05954");

  /* Ignored, the hint is gone; one undo offers it again, and redo
   * ignores it again: a step of the history like every edit. */
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 1);
  g_assert_true (atlas_facts_ignore_hint (store, history, g_ptr_array_index (hints, 0), &error));
  g_assert_no_error (error);
  g_clear_pointer (&hints, g_ptr_array_unref);
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 0);
  g_clear_pointer (&hints, g_ptr_array_unref);
  g_assert_cmpstr (atlas_history_get_undo_label (history), ==, "Ignore Public Fact for Street");
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_no_error (error);
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 1);
  g_clear_pointer (&hints, g_ptr_array_unref);
  g_assert_true (atlas_history_redo (history, &error));
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 0);
  g_clear_pointer (&hints, g_ptr_array_unref);
  g_assert_true (atlas_history_undo (history, &error));
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 1);

  /* Taken, the fact is in the field and the hint gone; undone, both back. */
  g_assert_true (atlas_facts_take_hint (store, history, g_ptr_array_index (hints, 0), &error));
  g_assert_no_error (error);
  value = field (store, "05954", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "Hauptstraße 92");
  g_free (value);
  g_clear_pointer (&hints, g_ptr_array_unref);
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 0);
  g_clear_pointer (&hints, g_ptr_array_unref);

  g_assert_true (atlas_history_undo (history, &error));
  value = field (store, "05954", ATLAS_CENTRE_STREET);
  g_assert_cmpstr (value, ==, "Nordstr. 21");
  g_free (value);
  hints = atlas_store_list_fact_hints (store, atlas_centre_get_id (ennepe), &error);
  g_assert_cmpuint (hints->len, ==, 1);
}

static void
test_new_catalogue (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(AtlasCentre) c = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *date = NULL;

  /* Seeded with the shipped facts, it has nothing to fill and no hint. */
  g_assert_true (atlas_facts_update (store, NULL, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report->was_current);
  g_assert_cmpuint (report->n_fields, ==, 0);
  g_assert_cmpuint (report->n_hints, ==, 0);
  c = centre (store, "05711");
  g_assert_true (atlas_store_get_centre_sources (store, atlas_centre_get_id (c), &sources, &date, &error));
  g_assert_cmpstr (date, ==, "2026-12");
}

static void
test_dry_run (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autofree char *have = NULL;
  char *value;

  make_old_catalogue (fixture->db_path);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_true (atlas_facts_update (store, NULL, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_hints, ==, 1);
  g_assert_cmpuint (report->lines->len, ==, 18);

  value = field (store, "05711", ATLAS_CENTRE_HEAD);
  g_assert_cmpstr (value, ==, "Nilgün Isfendiyar");
  g_free (value);
  g_assert_true (atlas_store_get_facts_date (store, &have, &error));
  g_assert_null (have);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/facts/table", test_table);
  ATLAS_TEST_ADD ("/facts/update-keeps-edits", test_update_keeps_edits);
  ATLAS_TEST_ADD ("/facts/hint-take-and-ignore", test_hint_take_and_ignore);
  ATLAS_TEST_ADD ("/facts/new-catalogue", test_new_catalogue);
  ATLAS_TEST_ADD ("/facts/dry-run", test_dry_run);

  return g_test_run ();
}
