/* test-visit.c: visits: their dates, saving them and undoing that
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-history.h"
#include "atlas-i18n.h"
#include "atlas-record.h"
#include "atlas-store.h"
#include "atlas-validate.h"
#include "atlas-visit-date.h"
#include "atlas-test-util.h"

static void
test_visit_dates (void)
{
  static const struct { const char *typed, *stored, *sort; } cases[] = {
    { "02.10.2018", "2018-10-02", "2018-10-02" },
    { "2.10.2018", "2018-10-02", "2018-10-02" },
    { "2018-10-02", "2018-10-02", "2018-10-02" },
    { "10/2018", "2018-10", "2018-10-01" },
    { "10.2018", "2018-10", "2018-10-01" },
    { "2019-08", "2019-08", "2019-08-01" },
    { "2018", "2018", "2018-01-01" },
    { "KW 31/2017", "2017-W31", "2017-07-31" },
    { "week 1/2021", "2021-W01", "2021-01-04" },
    { "2017-W31", "2017-W31", "2017-07-31" },
    { "31.07.–15.08.2017", "2017-07-31/2017-08-15", "2017-07-31" },
    { "30.12.2017–02.01.2018", "2017-12-30/2018-01-02", "2017-12-30" },
    { "2017-07-31/2017-08-15", "2017-07-31/2017-08-15", "2017-07-31" },
  };
  static const char * const bad[] = {
    "", "gestern", "31.02.2018", "13/2018", "KW 54/2017", "15.08.–31.07.2017", "20188", "2018-13",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = atlas_visit_parse_date (cases[i].typed);
      g_autofree char *sort = atlas_visit_sort_date (stored);
      g_autofree char *shown = atlas_validate_display (ATLAS_CHECK_VISIT_DATE, stored);
      g_autofree char *again = atlas_visit_parse_date (shown);

      g_assert_cmpstr (stored, ==, cases[i].stored);
      g_assert_cmpstr (sort, ==, cases[i].sort);
      /* What the field shows reads back as the same date. */
      g_assert_cmpstr (again, ==, stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *stored = atlas_visit_parse_date (bad[i]);

      if (stored != NULL)
        g_error ("“%s” read as %s", bad[i], stored);
    }
}

static void
test_visit_save_undo (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasHistory) history = atlas_history_new (store);
  g_autoptr(AtlasCentre) kleve = atlas_store_get_centre_by_ags (store, "05154", &error);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(GObject) before = NULL;
  g_autoptr(GObject) back = NULL;
  gint64 id;

  g_assert_no_error (error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (kleve));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2017-W31");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "planned");
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, "Staatssekretärin");
  id = atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  atlas_history_push (history, ATLAS_RECORD_VISIT, NULL, G_OBJECT (visit), "Create");

  back = atlas_store_load (store, ATLAS_RECORD_VISIT, id, &error);
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_SORT_DATE), ==, "2017-07-31");
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_AGS), ==, "05154");

  /* Change the date; undo brings the old one back. */
  before = atlas_record_copy (back);
  atlas_visit_set_field (ATLAS_VISIT (back), ATLAS_VISIT_DATE, "2017-08-02");
  atlas_visit_set_field (ATLAS_VISIT (back), ATLAS_VISIT_STATUS, "done");
  g_assert_cmpint (atlas_store_save_visit (store, ATLAS_VISIT (back), &error), ==, id);
  atlas_history_push (history, ATLAS_RECORD_VISIT, before, back, "Edit");
  g_assert_true (atlas_history_undo (history, &error));
  g_clear_object (&back);
  back = atlas_store_load (store, ATLAS_RECORD_VISIT, id, &error);
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_DATE), ==, "2017-W31");
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_STATUS), ==, "planned");

  /* Undo the creation: gone; redo: back with its id. */
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);
  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 1);

  /* A date that is none is refused. */
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "irgendwann");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
}

/* A day is read one way wherever it is typed (#15): the visit editor took
 * 01.01.1965, both period filters refused it (three year ranges in five
 * parsers). The validation, the visit dates and the command line now read
 * through atlas_day_parse(). */
static void
test_one_reading_of_a_day (void)
{
  static const struct { const char *text; gboolean day; } cases[] = {
    { "02.10.2018", TRUE }, { "2.10.2018", TRUE }, { "2018-10-02", TRUE }, { " 02.10.2018 ", TRUE },
    { "01.01.1965", TRUE }, { "01.01.1900", TRUE }, { "31.12.2999", TRUE }, { "29.02.2024", TRUE },
    { "31.12.1899", FALSE }, { "01.01.3000", FALSE }, { "31.02.2017", FALSE }, { "29.02.2023", FALSE },
    { "02.10.18", FALSE }, { "2018-10-02x", FALSE }, { "02.10.2018 x", FALSE }, { "", FALSE },
    { "2018-13-01", FALSE }, { "KW 31/2017", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = atlas_validate (ATLAS_CHECK_DATE, cases[i].text);
      g_autofree char *stored = atlas_visit_parse_date (cases[i].text);
      int y = 0, m = 0, d = 0;
      gboolean day = atlas_day_parse (cases[i].text, &y, &m, &d);

      if (day != cases[i].day)
        g_error ("“%s” read as %s", cases[i].text, day ? "a day" : "not a day");
      /* The validation of a day field and a visit's date agree with it
       * (a visit's date takes more than days: weeks, months, ranges). */
      g_assert_true ((message == NULL) == cases[i].day || *cases[i].text == '\0');
      if (day)
        {
          g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);

          g_assert_cmpstr (stored, ==, iso);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/visit/dates", test_visit_dates);
  g_test_add_func ("/visit/one-reading-of-a-day", test_one_reading_of_a_day);
  ATLAS_TEST_ADD ("/visit/save-undo", test_visit_save_undo);

  return g_test_run ();
}
