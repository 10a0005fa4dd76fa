/* test-exchange-window.c: the window exports the tour as a calendar and
 * as map data, the contact list as PDF and on paper, and imports a
 * calendar after its preview (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1  /* memmem () */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libical/ical.h>

#include "atlas-contact-io.h"
#include "atlas-exchange-dialogs.h"
#include "atlas-importer.h"
#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

static void
fill_store (AtlasStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tour = g_test_build_filename (G_TEST_DIST, "..", "resources", "data", "example-tour.xml", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "contacts.csv", NULL);
  g_autoptr(GFile) tour_file = g_file_new_for_path (tour);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_auto(AtlasImportResult) result = { 0 };
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;

  atlas_import_file (store, tour_file, tour, NULL, &result);
  g_assert_false (result.rejected);

  bytes = g_file_load_bytes (csv_file, NULL, NULL, &error);
  g_assert_no_error (error);
  contacts = atlas_contacts_parse (bytes, &format, messages, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_contacts_import (store, contacts, FALSE, &report, &error));
  g_assert_no_error (error);
  atlas_contact_report_clear (&report);
}

/* A PDF holds NULs: searched as bytes. */
#define bytes_contain(data, length, needle) (memmem ((data), (length), (needle), strlen (needle)) != NULL)

/* A PDF of A4 pages, more than one (cairo 1.18 and newer keep the page
 * tree compressed). */
static void
assert_several_a4_pages (const char *text,
                         gsize       length)
{
  g_autoptr(GString) inflated = atlas_test_pdf_inflated (text, length);
  const char *count = memmem (inflated->str, inflated->len, "/Count ", 7);

  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_true (bytes_contain (inflated->str, inflated->len, "/MediaBox [ 0 0 595.27"));
  /* The page tree's root counts the pages. */
  g_assert_nonnull (count);
  g_assert_cmpuint (g_ascii_strtoull (count + 7, NULL, 10), >, 1);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  return n;
}

/* The acceptance scenario of issue #20: all three from the window. */
static void
test_exports (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *ics_path = g_build_filename (fixture->dir, "besuche.ics", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "kreise.csv", NULL);
  g_autofree char *csvt_path = g_build_filename (fixture->dir, "kreise.csvt", NULL);
  g_autofree char *geojson_path = g_build_filename (fixture->dir, "kreise.geojson", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "verteiler.pdf", NULL);
  g_autofree char *printed_path = g_build_filename (fixture->dir, "gedruckt.pdf", NULL);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) geojson = g_file_new_for_path (geojson_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  AtlasWindow *window;
  guint left_out = 0, n_events = 0;
  gsize length;

  g_assert_no_error (error);
  fill_store (store);
  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "tour");
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_tour_page (window)));

  /* The window's menu offers them. */
  for (const char * const *name = (const char * const[]) { "export-visits", "import-visits", "export-map-data",
                                                            "export-contact-list", "print-contact-list", NULL };
       *name; name++)
    {
      g_autofree char *action = g_strconcat ("win.", *name, NULL);
      gboolean found = FALSE;

      for (guint i = 0; !found; i++)
        {
          GType owner;
          const char *installed, *property;
          const GVariantType *parameter;

          if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &installed,
                                              &parameter, &property))
            break;
          found = g_str_equal (installed, action);
        }
      g_assert_true (found);
    }

  /* The visits the Tour view shows, as a calendar: 20 with a day or a
   * period, the 8 known only to a month, a week or a year left out. */
  g_assert_true (atlas_exchange_export_visits (window, ics, &left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (left_out, ==, 8);
  g_assert_true (g_file_get_contents (ics_path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n_events++;
  g_assert_cmpuint (n_events, ==, 20);
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  /* The map data: 53 districts and a header, the .csvt beside them; 54 areas. */
  g_assert_true (atlas_exchange_export_map_data (window, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_cmpuint (count_lines (text), ==, 54);
  g_assert_true (g_file_test (csvt_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&text, g_free);
  g_assert_true (atlas_exchange_export_map_data (window, geojson, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (geojson_path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "{\"type\":\"FeatureCollection\""));
  g_assert_nonnull (strstr (text, "\"id\":\"05334002\""));
  g_clear_pointer (&text, g_free);

  /* The contacts the Contacts view lists: a PDF of several A4 pages, and
   * the same through the print operation. */
  atlas_window_show_view (window, "contacts");
  g_assert_true (atlas_exchange_export_contact_list (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &text, &length, NULL));
  assert_several_a4_pages (text, length);
  g_clear_pointer (&text, g_free);

  g_assert_true (atlas_exchange_print_contact_list_to_file (window, printed_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (printed_path, &text, &length, NULL));
  assert_several_a4_pages (text, length);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A calendar of planned visits: the preview says what will happen and
 * changes nothing; "Import" adds the three visits. */
static void
test_import_preview (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "planned-visits.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwAlertDialog *dialog;
  AtlasWindow *window;
  GtkWidget *events;

  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));

  dialog = atlas_exchange_preview_visits (window, file);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Import 6 Calendar Events?");
  g_assert_cmpstr (adw_alert_dialog_get_body (dialog), ==, "3 new, 0 updated, 0 unchanged, 3 skipped");
  /* Every event, in the details box. */
  events = atlas_test_find_widget (adw_alert_dialog_get_extra_child (dialog), GTK_TYPE_LABEL);
  g_assert_nonnull (events);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (events)), "• new: 10.03.2026, "));
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "import"));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);

  g_signal_emit_by_name (dialog, "response", "import");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 3);

  /* The same file again: nothing left to import. */
  adw_dialog_force_close (ADW_DIALOG (dialog));
  dialog = atlas_exchange_preview_visits (window, file);
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "import"));
  adw_dialog_force_close (ADW_DIALOG (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  ATLAS_TEST_ADD ("/exchange-window/exports", test_exports);
  ATLAS_TEST_ADD ("/exchange-window/import-preview", test_import_preview);

  return g_test_run ();
}
