/* test-window.c: the window on a temporary catalogue (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "atlas-file-dialog.h"
#include "atlas-importer.h"
#include "atlas-map-export-dialog.h"
#include "atlas-map-private.h"
#include "atlas-shortcuts.h"
#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-visit-editor.h"
#include "atlas-window.h"

/* A drop-down whose first choice is @data. */
static gboolean
is_drop_down_starting_with (GtkWidget     *widget,
                            gconstpointer  data)
{
  GListModel *model;
  g_autoptr(GtkStringObject) item = NULL;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  item = model ? g_list_model_get_item (model, 0) : NULL;

  return item != NULL && g_str_equal (gtk_string_object_get_string (item), data);
}

/* Spins the main loop until @model has @n items or five seconds pass. */
static void
wait_for_n_items (GListModel *model,
                  guint       n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, atlas_test_timeout_cb, &timed_out);

  while (g_list_model_get_n_items (model) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static void
test_centres_view (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  AtlasCentresPage *page;
  GtkWidget *entry, *list_view, *stack;
  GListModel *model, *shown;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "centres");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_centres_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));

  model = G_LIST_MODEL (atlas_centres_page_get_model (page));
  list_view = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  stack = atlas_test_find_by_id (GTK_WIDGET (page), "content_stack");
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 54);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 54);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  /* Typing filters the list as you type. */
  entry = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kleve");
  wait_for_n_items (shown, 1);
  {
    g_autoptr(AtlasCentre) kleve = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (atlas_centre_get_field (kleve, ATLAS_CENTRE_AGS), ==, "05154");
  }

  /* Nothing found: an empty state says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Atlantis");
  wait_for_n_items (shown, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_n_items (shown, 54);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_views (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  AtlasWindow *window;
  AdwViewStack *stack;
  GtkWidget *contacts, *content;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = atlas_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  /* Each view exists; the empty ones say what will appear there. */
  atlas_window_show_view (window, "tour");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "tour");
  {
    GtkWidget *tour = adw_view_stack_get_visible_child (stack);
    GtkWidget *pages = atlas_test_find_widget (tour, GTK_TYPE_STACK);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "empty");
  }

  atlas_window_show_view (window, "releases");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "releases");

  atlas_window_show_view (window, "contacts");
  contacts = adw_view_stack_get_visible_child (stack);
  atlas_test_wait_for_mapped (contacts);
  content = atlas_test_find_by_id (contacts, "content_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "empty");

  /* A contact written to the store shows up without a reload. */
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Kremer-Buttkereit");
  g_assert_cmpint (atlas_store_insert_contact (store, contact, &error), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "list");

  /* Unknown views are ignored rather than breaking the window. */
  atlas_window_show_view (window, "nonsense");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "contacts");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
import_running (AtlasWindow *window)
{
  GtkWidget *revealer = atlas_test_find_by_id (GTK_WIDGET (window), "import_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
import_done (gpointer window)
{
  return !import_running (window);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static void
test_import (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  static const char * const names[] = {
    "seed-koeln.rss", "seed-kleve.atom", "broken.xml", "seed-dortmund.xml",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.xml", NULL);
  AtlasWindow *window;
  AtlasReleasesPage *page;
  GListModel *releases;
  gboolean timed_out = FALSE;
  guint id;

  g_assert_true (g_file_set_contents (broken, "<rss version='2.0'><channel><item><title>Kaputt", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_str_equal (names[i], "broken.xml")
                              ? g_strdup (broken)
                              : g_test_build_filename (G_TEST_DIST, "fixtures", names[i], NULL);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_releases_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  releases = G_LIST_MODEL (atlas_releases_page_get_model (page));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 0);

  atlas_window_import_files (window, (GFile **) files->pdata, files->len);
  g_assert_true (import_running (window));

  /* The window stays responsive; the list fills when the thread is done. */
  id = g_timeout_add (20000, atlas_test_timeout_cb, &timed_out);
  while (import_running (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (import_running (window));

  /* Three good files in, the broken one rejected whole. */
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 3);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 3);

  /* The report says so, a line per file, as the CLI does. */
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    AdwAlertDialog *report;
    GtkWidget *details;
    const char *text;

    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    report = ADW_ALERT_DIALOG (dialog);
    g_assert_true (g_str_has_prefix (adw_alert_dialog_get_body (report), "4 files, 1 refused: 3 new"));
    details = atlas_test_find_widget (adw_alert_dialog_get_extra_child (report), GTK_TYPE_LABEL);
    g_assert_nonnull (details);
    text = gtk_label_get_label (GTK_LABEL (details));
    g_assert_nonnull (strstr (text, "broken.xml: The file ends in the middle of line 1 – it is probably incomplete\n"
                                    "  Details: "));
    g_assert_nonnull (strstr (text, "seed-koeln.rss: 1 new, 0 updated"));
    g_assert_null (strstr (text, "4 files"));
    adw_dialog_force_close (dialog);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One file imported whole: a toast names it, as text, though a toast's
 * title is markup ("&" would be a markup error, fatal in the tests). */
static void
test_import_toast_is_text (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-koeln.rss", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "Köln & Kleve.rss", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasWindow *window;
  GtkWidget *label;
  gsize length;

  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_releases_page (window)));

  atlas_window_import_files (window, &file, 1);
  g_assert_true (atlas_test_wait_until (import_done, window));
  label = atlas_test_find (GTK_WIDGET (window), label_contains, "Köln & Kleve.rss: 1 new");
  g_assert_nonnull (label);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The release list shows an import's releases as soon as it finishes,
 * without switching views (it stayed stale until then, a walk found). */
static void
test_release_list_after_import (AtlasTestDir  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *koeln = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-koeln.rss", NULL);
  g_autofree char *kleve = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-kleve.atom", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (koeln);
  g_autoptr(GFile) second = g_file_new_for_path (kleve);
  AtlasReleasesPage *page;
  GtkWidget *stack, *list;
  AtlasWindow *window;
  GListModel *releases;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_releases_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  releases = G_LIST_MODEL (atlas_releases_page_get_model (page));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 0);
  stack = atlas_test_find_by_id (GTK_WIDGET (page), "content_stack");
  list = atlas_test_find_by_id (GTK_WIDGET (page), "list_view");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  for (guint round = 1; round <= 2; round++)
    {
      GListModel *shown;

      atlas_window_import_files (window, round == 1 ? &first : &second, 1);
      g_assert_true (atlas_test_wait_until (import_done, window));
      /* No view switched: the list, its model and the rows drawn. */
      g_assert_cmpuint (g_list_model_get_n_items (releases), ==, round);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
      shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
      g_assert_nonnull (shown);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, round);
    }

  /* The Kleve release again, corrected at its source (a later Atom
   * updated): the list shows the new title at once (the row kept the old
   * one until the view was switched, a walk found). */
  {
    g_autofree char *text = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "kleve-corrected.atom", NULL);
    g_autoptr(GFile) corrected = g_file_new_for_path (path);
    g_autoptr(GString) changed = NULL;
    gboolean found = FALSE;

    g_assert_true (g_file_get_contents (kleve, &text, NULL, NULL));
    changed = g_string_new (text);
    g_assert_cmpuint (g_string_replace (changed, "endet im Kreis Kleve", "endet im Kreis Kleve (korrigiert)", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (changed, "<updated>2021-09-09T12:00:00+02:00", "<updated>2021-09-12T12:00:00+02:00", 1), ==, 1);
    g_assert_true (g_file_set_contents (path, changed->str, changed->len, NULL));
    /* The rows drawn have loaded their releases. */
    for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
      g_object_unref (g_list_model_get_item (releases, i));
    atlas_window_import_files (window, &corrected, 1);
    g_assert_true (atlas_test_wait_until (import_done, window));
    for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
      {
        g_autoptr(AtlasRelease) r = g_list_model_get_item (releases, i);

        found |= g_str_has_suffix (atlas_release_get_field (r, ATLAS_RELEASE_TITLE), "(korrigiert)");
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a browser, "Open in Browser" says so in plain words and offers
 * the address instead (GTK's "Operation not supported" said nothing). */
static gboolean
is_toast_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0 &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL;
}

static gboolean
no_browser_toast (gpointer window)
{
  return atlas_test_find (window, label_contains, "No browser found") != NULL;
}

static void
test_open_link_without_browser (AtlasTestDir  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-koeln.rss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(AtlasRelease) release = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *empty_dir = g_build_filename (fixture->dir, "no-applications", NULL);
  g_autofree char *old_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  g_autofree char *old_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autofree char *old_config_home = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_autofree char *old_config_dirs = g_strdup (g_getenv ("XDG_CONFIG_DIRS"));
  AtlasReleasesPage *page;
  AtlasWindow *window;
  GtkWidget *button;
  const char *link;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_import_file (store, file, NULL, NULL, &result));
  {
    g_autoptr(GArray) ids = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    release = ATLAS_RELEASE (atlas_store_load (store, ATLAS_RECORD_RELEASE, g_array_index (ids, gint64, 0), &error));
  }
  link = atlas_release_get_field (release, ATLAS_RELEASE_LINK);
  g_assert_cmpstr (link, !=, "");

  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_releases_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  atlas_releases_page_show_release (page, atlas_release_get_id (release));

  /* No application at all handles web addresses here. */
  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  g_setenv ("XDG_DATA_DIRS", empty_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", empty_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", empty_dir, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", empty_dir, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "releases.open-link", NULL));
  g_assert_true (atlas_test_wait_until (no_browser_toast, window));
  g_assert_null (atlas_test_find (GTK_WIDGET (window), label_contains, "not supported"));

  button = atlas_test_find (GTK_WIDGET (window), is_toast_button, "Copy _Address");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  provider = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_nonnull (provider);
  g_object_ref (provider);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, link);

  for (const char **v = (const char *[]) { "XDG_DATA_DIRS", old_data_dirs, "XDG_DATA_HOME", old_data_home,
                                           "XDG_CONFIG_HOME", old_config_home, "XDG_CONFIG_DIRS", old_config_dirs,
                                           NULL };
       *v != NULL; v += 2)
    if (v[1] != NULL)
      g_setenv (v[0], v[1], TRUE);
    else
      g_unsetenv (v[0]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_release_filters_and_links (AtlasTestDir  *fixture,
                                gconstpointer  data)
{
  static const char * const names[] = { "seed-koeln.rss", "seed-kleve.atom", "seed-dortmund.xml" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(AtlasCentre) koeln = NULL;
  AtlasWindow *window;
  AtlasReleasesPage *page;
  GListModel *releases;
  GtkWidget *centre_filter, *entries[2] = { NULL, NULL };
  GtkWidget *child;
  guint n_entries = 0;
  gint64 koeln_release = 0;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_auto(AtlasImportResult) result = { 0 };

      g_assert_true (atlas_import_file (store, file, NULL, NULL, &result));
    }

  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_releases_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  releases = G_LIST_MODEL (atlas_releases_page_get_model (page));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 3);

  /* The first drop-down filters by centre: Köln has one release. */
  centre_filter = atlas_test_find (GTK_WIDGET (page), is_drop_down_starting_with, "All Centres");
  g_assert_nonnull (centre_filter);
  {
    GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (centre_filter));

    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

        if (g_str_equal (gtk_string_object_get_string (choice), "Köln"))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (centre_filter), i);
      }
  }
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (centre_filter), 0);
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 3);

  /* The period: 2018 has two of them. */
  for (child = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON); child && n_entries < 2; )
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child));
      GtkWidget *grid = gtk_popover_get_child (popover);

      for (GtkWidget *w = gtk_widget_get_first_child (grid); w; w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_ENTRY (w) && n_entries < 2)
          entries[n_entries++] = w;
      break;
    }
  g_assert_cmpuint (n_entries, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "01.01.2018");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "31.12.2018");
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 2);
  /* Half a date is no limit yet, and is marked: from 2018 on, three. */
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "31.12.");
  g_assert_true (gtk_widget_has_css_class (entries[1], "error"));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "01.01.2021");
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 1);
  /* A day is read as everywhere else (#15): 01.01.1965 is one (the filter
   * took only 1970-2100 while the visit editor took it). */
  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "01.01.1965");
  g_assert_false (gtk_widget_has_css_class (entries[0], "error"));
  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "");
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 3);

  /* Links: confirm, remove, add, as the reader's buttons do. */
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtlasRelease) r = g_list_model_get_item (releases, i);

      if (strstr (atlas_release_get_field (r, ATLAS_RELEASE_CENTRES), "05315"))
        koeln_release = atlas_release_get_id (r);
    }
  g_assert_cmpint (koeln_release, >, 0);
  g_assert_true (atlas_store_link_release_full (store, koeln_release, atlas_centre_get_id (koeln), TRUE, TRUE, &error));
  links = atlas_store_get_release_links (store, koeln_release, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (g_array_index (links, AtlasReleaseLink, 0).confirmed);
  g_assert_true (atlas_store_unlink_centre (store, koeln_release, atlas_centre_get_id (koeln), &error));
  g_clear_pointer (&links, g_array_unref);
  links = atlas_store_get_release_links (store, koeln_release, &error);
  g_assert_cmpuint (links->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A button whose label is @data. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* A label showing @data, on screen. */
static gboolean
label_is_shown (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0 &&
         gtk_widget_is_visible (widget);
}

static gboolean
is_scrolled (gpointer adjustment)
{
  return gtk_adjustment_get_value (adjustment) > 0;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* A window on @store showing the Tour view, mapped. */
static AtlasWindow *
open_tour_view (AtlasStore *store,
                int         width,
                int         height)
{
  AtlasWindow *window = atlas_window_new (NULL, store);

  atlas_window_show_view (window, "tour");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_tour_page (window)));
  return window;
}

static void
test_tour_view (AtlasTestDir  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  /* Duisburg: a visit the documented tour lacks (Köln would be a duplicate). */
  g_autofree char *duisburg = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-duisburg.xml", NULL);
  g_autoptr(GFile) duisburg_file = g_file_new_for_path (duisburg);
  g_auto(AtlasImportResult) result = { 0 };
  AtlasWindow *window;
  AtlasTourPage *page;
  AtlasMapView *map;
  GtkWidget *load, *pages;
  GtkListBoxRow *selected;
  GPtrArray *visits;
  AtlasVisit *suggested = NULL;
  GtkListBoxRow *last;
  GtkScrolledWindow *scroller;
  GtkWidget *plan;
  AdwDialog *editor;
  double x, y, cx, cy;
  AtlasMapLayout layout;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = open_tour_view (store, 1200, 800);
  page = atlas_window_get_tour_page (window);
  pages = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "empty");

  /* The empty state offers the example tour. */
  load = atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour");
  g_assert_nonnull (load);
  /* A button's "activate" clicks only after its press animation. */
  g_signal_emit_by_name (load, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "tour");
  g_assert_cmpuint (count_rows (atlas_tour_page_get_list (page)), ==, 28);

  /* An imported release suggests a visit, listed to accept or dismiss. */
  g_assert_true (atlas_import_file (store, duisburg_file, NULL, NULL, &result));
  visits = atlas_tour_page_get_visits (page);
  g_assert_cmpuint (visits->len, ==, 29);
  for (guint i = 0; i < visits->len; i++)
    if (g_str_equal (atlas_visit_get_field (g_ptr_array_index (visits, i), ATLAS_VISIT_STATUS), "suggested"))
      suggested = g_ptr_array_index (visits, i);
  g_assert_nonnull (suggested);
  g_assert_true (atlas_store_set_visit_status (store, atlas_visit_get_id (suggested), "done", &error));
  visits = atlas_tour_page_get_visits (page);
  for (guint i = 0; i < visits->len; i++)
    g_assert_cmpstr (atlas_visit_get_field (g_ptr_array_index (visits, i), ATLAS_VISIT_STATUS), !=, "suggested");

  /* Clicking a district on the map selects its visit in the list. */
  map = atlas_tour_page_get_map_view (page);
  atlas_test_wait_for_mapped (GTK_WIDGET (map));
  atlas_map_layout_compute (&layout, gtk_widget_get_width (GTK_WIDGET (map)), gtk_widget_get_height (GTK_WIDGET (map)));
  atlas_project_utm32 (7.0700, 50.9850, &x, &y);     /* in Köln */
  atlas_map_layout_to_canvas (&layout, x, y, &cx, &cy);
  g_assert_cmpstr (atlas_map_view_area_at (map, cx, cy), ==, "05315");
  g_signal_emit_by_name (map, "district-activated", "05315");
  selected = gtk_list_box_get_selected_row (atlas_tour_page_get_list (page));
  g_assert_nonnull (selected);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (selected), "ags"), ==, "05315");
  g_assert_cmpstr (atlas_map_view_get_selected (map), ==, "05315");
  /* It shows the district's centre and visits. */
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (page), label_is_shown, "Kommunales Integrationszentrum Köln"));
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (page), label_is_shown, "2 visits: 02.10.2018, 28.08.2019"));

  /* The list scrolls to the visit of a district far down, and chooses
   * the district of a visit chosen in it. */
  last = GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (atlas_tour_page_get_list (page))));
  g_signal_emit_by_name (map, "district-activated", g_object_get_data (G_OBJECT (last), "ags"));
  g_assert_true (gtk_list_box_get_selected_row (atlas_tour_page_get_list (page)) == last);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (atlas_test_wait_until (is_scrolled, gtk_scrolled_window_get_vadjustment (scroller)));
  gtk_list_box_select_row (atlas_tour_page_get_list (page),
                           gtk_list_box_get_row_at_index (atlas_tour_page_get_list (page), 0));
  g_assert_cmpstr (atlas_map_view_get_selected (map), ==,
                   g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (atlas_tour_page_get_list (page), 0)),
                                      "ags"));

  /* A district without visits says so and offers to plan one: the editor
   * opens with its centre, no day, planned. */
  g_signal_emit_by_name (map, "district-activated", "05974");
  g_assert_null (gtk_list_box_get_selected_row (atlas_tour_page_get_list (page)));
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (page), label_is_shown, "No visits in Soest"));
  plan = atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Plan a Visit…");
  g_assert_true (gtk_widget_is_visible (plan));
  g_signal_emit_by_name (plan, "clicked");
  editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ATLAS_IS_VISIT_EDITOR (editor));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (atlas_test_find_by_id (GTK_WIDGET (editor), "centre_row")))), ==, "Soest");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (atlas_test_find_by_id (GTK_WIDGET (editor), "date_row"))),
                   ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (atlas_test_find_by_id (GTK_WIDGET (editor),
                                                                                      "status_row"))), ==, 0);
  g_assert_cmpint (atlas_visit_editor_get_id (ATLAS_VISIT_EDITOR (editor)), ==, 0);
  adw_dialog_force_close (editor);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row whose title is @data. */
static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* A suggested visit lists the release it came from, which opens in the
 * reader; the reader lists the release's visits, each opening in the
 * editor, offers the release's own page in the browser, and has no
 * centre chosen in advance to add. */
static void
test_visits_and_releases (AtlasTestDir  *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-koeln.rss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) sources = NULL;
  const char *title = "Staatsministerin Widmann-Mauz und Staatssekretärin Güler besuchen Köln";
  AtlasWindow *window;
  AtlasReleasesPage *page;
  AdwViewStack *stack;
  GtkWidget *open, *add, *row;
  AdwDialog *editor;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_import_file (store, file, NULL, NULL, &result));
  visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpuint (visits->len, ==, 1);
  sources = atlas_store_get_visit_sources (store, atlas_visit_get_id (visits->pdata[0]), &error);
  g_assert_cmpuint (sources->len, ==, 1);

  window = atlas_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  page = atlas_window_get_releases_page (window);

  /* Chosen in the list, the release is in the reader. */
  atlas_window_show_view (window, "releases");
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (atlas_test_find_by_id (GTK_WIDGET (page),
                                                                                                    "list_view"))),
                                   0, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (atlas_test_find_by_id (GTK_WIDGET (page),
                                                                                     "reader_stack"))),
                   ==, "reader");
  atlas_window_show_view (window, "centres");

  /* From the release to its visit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-release", "x", g_array_index (sources, gint64, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "releases");
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (page), label_is_shown, title));
  open = atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Open in Browser");
  g_assert_true (gtk_widget_is_visible (open));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open), ==,
                   "https://www.stadt-koeln.de/presse/integrationszentrum-besuch-2018");
  {
    GtkDropDown *add_centre = GTK_DROP_DOWN (atlas_test_find_by_id (GTK_WIDGET (page), "add_centre_dropdown"));

    g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (add_centre)), ==,
                     "Choose a Centre…");
  }
  add = atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Add Centre");
  g_assert_false (gtk_widget_get_sensitive (add));

  row = atlas_test_find (GTK_WIDGET (page), is_row_titled, "Köln · 02.10.2018");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Suggested");
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "tour");
  editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ATLAS_IS_VISIT_EDITOR (editor));
  g_assert_cmpint (atlas_visit_editor_get_id (ATLAS_VISIT_EDITOR (editor)), ==,
                   atlas_visit_get_id (visits->pdata[0]));

  /* And back from the visit to its release. */
  row = atlas_test_find (GTK_WIDGET (editor), is_row_titled, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "releases");
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (page), label_is_shown, title));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two releases about one visit: one suggestion, which names both. */
static void
test_one_suggestion_two_sources (AtlasTestDir  *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "steinfurt-one-visit-two-releases.rss",
                                                NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  AtlasTourPage *page;
  GtkListBoxRow *row;
  AdwDialog *editor;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_import_file (store, file, NULL, NULL, &result));
  window = open_tour_view (store, 1200, 800);
  page = atlas_window_get_tour_page (window);

  g_assert_cmpuint (count_rows (atlas_tour_page_get_list (page)), ==, 1);
  row = gtk_list_box_get_row_at_index (atlas_tour_page_get_list (page), 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "16.01.2020 · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · 2 press releases"));

  g_signal_emit_by_name (atlas_tour_page_get_list (page), "row-activated", row);
  editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ATLAS_IS_VISIT_EDITOR (editor));
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (editor), is_row_titled, "Einladung zum Pressetermin"));
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (editor), is_row_titled, "Besuch in Ochtrup"));
  adw_dialog_force_close (editor);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The period the Tour view's period button names. */
static const char *
period_shown (AtlasTourPage *page)
{
  return gtk_label_get_label (GTK_LABEL (atlas_test_find_by_id (GTK_WIDGET (page), "period_label")));
}

/* The period popover offers the catalogue's years and tours; Enter in a
 * day closes it; the button names the period; the filters are there
 * again in the next window. */
static void
test_tour_filters (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AtlasWindow *window;
  AtlasTourPage *page;
  GtkWidget *button, *popover, *preset, *to;
  GPtrArray *visits;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = open_tour_view (store, 1200, 800);
  page = atlas_window_get_tour_page (window);
  g_signal_emit_by_name (atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour"), "clicked");

  button = atlas_test_find_by_id (GTK_WIDGET (page), "period_button");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_cmpstr (period_shown (page), ==, "Any Time");
  g_assert_nonnull (atlas_test_find (popover, is_button_labelled, "Herbsttour 2018"));

  /* A year: its visits, named on the button, kept in the settings. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  preset = atlas_test_find (popover, is_button_labelled, "2017");
  g_assert_nonnull (preset);
  g_signal_emit_by_name (preset, "clicked");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (period_shown (page), ==, "2017");
  visits = atlas_tour_page_get_visits (page);
  g_assert_cmpuint (visits->len, >, 0);
  g_assert_cmpuint (visits->len, <, 28);
  for (guint i = 0; i < visits->len; i++)
    g_assert_true (g_str_has_prefix (atlas_visit_get_field (visits->pdata[i], ATLAS_VISIT_SORT_DATE), "2017"));
  {
    g_autofree char *kept = g_settings_get_string (settings, "tour-filter-from");

    g_assert_cmpstr (kept, ==, "01.01.2017");
  }

  /* A day typed, then Enter: applied, the popover closed. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (popover));
  to = atlas_test_find_by_id (GTK_WIDGET (page), "to_entry");
  gtk_editable_set_text (GTK_EDITABLE (to), "30.09.2017");
  g_signal_emit_by_name (to, "activate");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (period_shown (page), ==, "01.01.2017 – 30.09.2017");
  visits = atlas_tour_page_get_visits (page);
  {
    guint n = visits->len;

    gtk_window_destroy (GTK_WINDOW (window));

    /* The next window shows the same. */
    window = open_tour_view (store, 1200, 800);
    page = atlas_window_get_tour_page (window);
    button = atlas_test_find_by_id (GTK_WIDGET (page), "period_button");
    g_assert_cmpstr (period_shown (page), ==, "01.01.2017 – 30.09.2017");
    g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, n);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "tour-filter-from");
  g_settings_reset (settings, "tour-filter-to");
}

/* A label whose text is @data, mnemonic and all. */
static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* Whether the item @label of the window's main menu can be chosen. */
static gboolean
menu_item_enabled (AtlasWindow *window,
                   const char  *label)
{
  GtkWidget *button = atlas_test_find_by_id (GTK_WIDGET (window), "primary_menu_button");
  GtkWidget *item;

  g_assert_nonnull (button);
  item = atlas_test_find (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), is_label, label);
  g_assert_nonnull (item);
  return gtk_widget_is_sensitive (item);
}

/* The example tour is marked while it is there, and goes again from the
 * menu, the user's own visits staying; loading and removing it are undone
 * and redone like any edit. */
static void
test_example_tour (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasVisit) own = atlas_visit_new ();
  g_autoptr(AtlasCentre) soest = NULL;
  AtlasWindow *window;
  AtlasTourPage *page;
  AdwBanner *banner;
  gint64 first_id;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = open_tour_view (store, 1200, 800);
  page = atlas_window_get_tour_page (window);
  banner = ADW_BANNER (atlas_test_find_widget (GTK_WIDGET (page), ADW_TYPE_BANNER));
  g_assert_false (menu_item_enabled (window, "Remove the _Example Tour"));

  g_signal_emit_by_name (atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour"), "clicked");
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 28);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_true (menu_item_enabled (window, "Remove the _Example Tour"));
  first_id = atlas_visit_get_id (atlas_tour_page_get_visits (page)->pdata[0]);

  /* A visit of the user's own. */
  soest = atlas_store_get_centre_by_ags (store, "05974", &error);
  atlas_visit_set_centre_id (own, atlas_centre_get_id (soest));
  atlas_visit_set_field (own, ATLAS_VISIT_DATE, "2026-12-01");
  atlas_visit_set_field (own, ATLAS_VISIT_STATUS, "planned");
  g_assert_cmpint (atlas_store_save_visit (store, own, &error), >, 0);
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 29);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-example-tour", NULL);
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 1);
  g_assert_cmpstr (atlas_visit_get_field (atlas_tour_page_get_visits (page)->pdata[0], ATLAS_VISIT_AGS), ==, "05974");
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_false (menu_item_enabled (window, "Remove the _Example Tour"));

  /* Undo brings it back, with its ids and its mark; Redo removes it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 29);
  g_assert_cmpint (atlas_visit_get_id (atlas_tour_page_get_visits (page)->pdata[0]), ==, first_id);
  g_assert_true (adw_banner_get_revealed (banner));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 1);

  /* Loading it is undone too. */
  g_assert_true (atlas_store_delete_visit (store, atlas_visit_get_id (own), &error));
  g_signal_emit_by_name (atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour"), "clicked");
  g_assert_cmpuint (atlas_tour_page_get_visits (page)->len, ==, 28);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What @widget draws in a frame, as the window's renderer draws it. */
static cairo_surface_t *
widget_image (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_surface_flush (image);
  gdk_texture_download (texture, cairo_image_surface_get_data (image), cairo_image_surface_get_stride (image));
  cairo_surface_mark_dirty (image);
  return image;
}

/* Whether the preview has @c's colour at or next to (two pixels) where
 * @lon, @lat lies on the export @export_width wide, shrunk into the
 * preview's @w × @h (a name or a border may cover the point itself). */
static gboolean
preview_has (cairo_surface_t *image,
             double           w,
             double           h,
             double           export_width,
             double           lon,
             double           lat,
             const AtlasRgb  *c)
{
  double export_height = export_width * ATLAS_MAP_EXPORT_ASPECT;
  double k = MIN (w / export_width, h / export_height), x, y, cx, cy;
  AtlasMapLayout layout;

  atlas_map_layout_compute (&layout, export_width, export_height);
  atlas_project_utm32 (lon, lat, &x, &y);
  atlas_map_layout_to_canvas (&layout, x, y, &cx, &cy);
  cx = (w - export_width * k) / 2 + cx * k;
  cy = (h - export_height * k) / 2 + cy * k;
  for (int j = (int) cy - 2; j <= (int) cy + 2; j++)
    for (int i = (int) cx - 2; i <= (int) cx + 2; i++)
      {
        guint32 px;

        if (i < 0 || j < 0 || i >= cairo_image_surface_get_width (image) || j >= cairo_image_surface_get_height (image))
          continue;
        px = ((guint32 *) (cairo_image_surface_get_data (image) + j * cairo_image_surface_get_stride (image)))[i];
        if (ABS ((int) ((px >> 16) & 0xff) - (int) (c->r * 255)) <= 12 &&
            ABS ((int) ((px >> 8) & 0xff) - (int) (c->g * 255)) <= 12 &&
            ABS ((int) (px & 0xff) - (int) (c->b * 255)) <= 12)
          return TRUE;
      }
  return FALSE;
}

/* The export dialog's preview is the export shrunk: Köln in the visited
 * colour where the export has it, Höxter not (laid out anew for
 * the small preview, the map was garbled: a sliver of hatching, a grey
 * stripe, no map, a walk found). */
static void
test_export_preview (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  const AtlasPalette *palette = atlas_map_palette (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) koeln = NULL;
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  AtlasMapExportDialog *dialog;
  AtlasWindow *window;
  AtlasTourPage *page;
  GtkWidget *preview;
  cairo_surface_t *image;
  double w, h, export_width;

  g_assert_no_error (error);
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (koeln));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "done");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), >, 0);

  window = open_tour_view (store, 1200, 800);
  page = atlas_window_get_tour_page (window);
  dialog = atlas_map_export_dialog_new (page, "png");
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (page));
  preview = atlas_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (preview);
  atlas_test_wait_for_mapped (preview);
  /* Every export is laid out at one width and scaled (the PNG 2400 wide). */
  export_width = ATLAS_MAP_EXPORT_LAYOUT_WIDTH;
  image = widget_image (preview);
  w = gtk_widget_get_width (preview);
  h = gtk_widget_get_height (preview);
  g_test_message ("preview %g × %g of an export %g wide", w, h, export_width);
  /* Large enough to read its names beside the settings (issue 19, a walk
   * of main: it was 240 × 220 pixels, names of 2 pixels). */
  g_assert_cmpfloat (MIN (w, h / ATLAS_MAP_EXPORT_ASPECT), >=, 450);
  g_assert_true (preview_has (image, w, h, export_width, 7.0600, 50.8800, &palette->visited));
  g_assert_false (preview_has (image, w, h, export_width, 9.3800, 51.7500, &palette->visited));
  g_assert_true (preview_has (image, w, h, export_width, 9.3800, 51.7500, &palette->not_visited));
  cairo_surface_destroy (image);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The map as the view says it shows it: the scene drawn at its zoom and pan. */
static cairo_surface_t *
expected_map (AtlasMapView  *map,
              AtlasMapScene *scene)
{
  int w = gtk_widget_get_width (GTK_WIDGET (map)), h = gtk_widget_get_height (GTK_WIDGET (map));
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (image);
  double zoom, pan_x, pan_y;

  atlas_map_view_get_view (map, &zoom, &pan_x, &pan_y);
  cairo_translate (cr, pan_x, pan_y);
  atlas_map_render (scene, cr, w * zoom, h * zoom, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The share of pixels in the rectangle that differ by more than 2 in a
 * channel. */
/* The height of the band where the zoomed map view shows the attribution. */
#define ATTRIBUTION_BAND 30

static double
share_differing (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              x0,
                 int              y0,
                 int              x1,
                 int              y1)
{
  guint differing = 0, all = 0;

  for (int y = y0; y < y1; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = x0 * 4; x < x1 * 4; x += 4, all++)
        for (int c = 0; c < 4; c++)
          if (ABS (ra[x + c] - rb[x + c]) > 2)
            {
              differing++;
              break;
            }
    }
  return all ? (double) differing / all : 1.0;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* Spins the main loop until the map shows the view as it is, drawn in its
 * thread, or five seconds pass. */
static gboolean
is_drawn (gpointer map)
{
  return atlas_map_view_is_drawn (map);
}

static void
wait_for_drawn (AtlasMapView *map)
{
  g_assert_true (atlas_test_wait_until (is_drawn, map));
}

/* Zoom and pan show the map moved and scaled at once, and drawn afresh (in
 * a thread), exactly as an export at that zoom would draw it, once the
 * gesture rests. */
static void
test_map_zoom_and_pan (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  AtlasTourPage *page;
  AtlasMapView *map;
  AtlasMapScene *scene;
  GtkEventController *scroll, *drag, *motion;
  GtkWidget *district;
  cairo_surface_t *shown, *expected;
  const char *centre;
  double zoom, pan_x, pan_y, start_x, start_y, px, py;
  int w, h;
  gboolean handled;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = open_tour_view (store, 1000, 700);
  page = atlas_window_get_tour_page (window);
  g_signal_emit_by_name (atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour"), "clicked");
  map = atlas_tour_page_get_map_view (page);
  atlas_test_wait_for_mapped (GTK_WIDGET (map));
  w = gtk_widget_get_width (GTK_WIDGET (map));
  h = gtk_widget_get_height (GTK_WIDGET (map));
  /* The pointer rests on Soest, near the middle (the middle itself may
   * lie between the map and its inset), and the wheel zooms about it. */
  {
    AtlasMapLayout layout;
    const AtlasArea *soest = atlas_geometry_find_area (atlas_geometry_get_default (), "05974");

    atlas_map_layout_compute (&layout, w, h);
    atlas_map_layout_to_canvas (&layout, soest->label.x, soest->label.y, &px, &py);
  }
  centre = atlas_map_view_area_at (map, px, py);
  g_assert_cmpstr (centre, ==, "05974");
  wait_for_drawn (map);
  scene = atlas_map_scene_new (atlas_tour_page_get_visits (page), NULL, NULL, FALSE);

  /* Ten steps of the wheel: 8×, the most, about the pointer. */
  scroll = find_controller (GTK_WIDGET (map), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_assert_nonnull (scroll);
  motion = find_controller (GTK_WIDGET (map), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  g_signal_emit_by_name (motion, "motion", px, py);
  for (int i = 0; i < 10; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_signal_emit_by_name (motion, "leave");
  atlas_map_view_get_view (map, &zoom, &pan_x, &pan_y);
  g_assert_cmpfloat (zoom, ==, 8.0);
  g_assert_false (atlas_map_view_is_drawn (map));
  /* Zoomed in, the districts' children reach past the edges; unclipped,
   * GTK 4.8's GL renderer drew nothing of the map (tests draw with cairo,
   * which did not show it). */
  g_assert_cmpint (gtk_widget_get_overflow (GTK_WIDGET (map)), ==, GTK_OVERFLOW_HIDDEN);
  g_assert_cmpstr (atlas_map_view_area_at (map, px, py), ==, centre);
  wait_for_drawn (map);
  shown = widget_image (GTK_WIDGET (map));
  expected = expected_map (map, scene);
  /* The map as exported, but for the bottom band: zoomed in, the view
   * keeps the attribution there, which the map's own has left. */
  g_assert_cmpfloat (share_differing (shown, expected, 0, 0, w, h - ATTRIBUTION_BAND), <, 0.01);
  g_assert_cmpfloat (share_differing (shown, expected, w - 200, h - ATTRIBUTION_BAND + 10, w, h), >, 0.2);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (expected);

  /* A drag moves the image at once; what comes into view is drawn when it rests. */
  drag = find_controller (GTK_WIDGET (map), GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (drag);
  start_x = pan_x;
  start_y = pan_y;
  g_signal_emit_by_name (drag, "drag-begin", px, py);
  g_signal_emit_by_name (drag, "drag-update", 120.0, -80.0);
  atlas_map_view_get_view (map, &zoom, &pan_x, &pan_y);
  g_assert_cmpfloat (pan_x, ==, start_x + 120);
  g_assert_cmpfloat (pan_y, ==, start_y - 80);
  g_assert_cmpstr (atlas_map_view_area_at (map, px + 120, py - 80), ==, centre);
  shown = widget_image (GTK_WIDGET (map));
  expected = expected_map (map, scene);
  g_assert_cmpfloat (share_differing (shown, expected, 120, 0, w, h - 80 - ATTRIBUTION_BAND), <, 0.01);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (expected);
  wait_for_drawn (map);
  shown = widget_image (GTK_WIDGET (map));
  expected = expected_map (map, scene);
  g_assert_cmpfloat (share_differing (shown, expected, 0, 0, w, h - ATTRIBUTION_BAND), <, 0.01);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (expected);

  /* The keyboard going to a district off screen brings it to the middle. */
  g_assert_cmpstr (atlas_map_view_area_at (map, w / 2.0, h / 2.0), !=, "05762");
  district = gtk_widget_get_first_child (GTK_WIDGET (map));
  for (int i = atlas_map_scene_find_area (scene, "05762"); i > 0; i--)
    district = gtk_widget_get_next_sibling (district);
  gtk_widget_grab_focus (district);
  g_assert_cmpstr (atlas_map_view_area_at (map, w / 2.0, h / 2.0), ==, "05762");

  atlas_map_scene_unref (scene);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @needle occurs in @length bytes of @data, NUL bytes and all. */
static gboolean
bytes_contain (const char *data,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Printing, through GtkPrintOperation into a PDF file, gives one A4 page
 * with the map drawn on it. */
static void
test_print (AtlasTestDir  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) inflated = NULL;
  gsize length;
  AtlasWindow *window;
  AtlasTourPage *page;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = open_tour_view (store, 1000, 700);
  page = atlas_window_get_tour_page (window);
  g_signal_emit_by_name (atlas_test_find (GTK_WIDGET (page), is_button_labelled, "_Load the Example Tour"), "clicked");

  g_assert_true (atlas_tour_page_print_to_file (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  /* One page, A4 portrait in points. */
  inflated = atlas_test_pdf_inflated (text, length);
  g_assert_true (bytes_contain (inflated->str, inflated->len, "/Count 1"));
  g_assert_true (bytes_contain (inflated->str, inflated->len, "/MediaBox [ 0 0 595.27"));
  /* The map is there: far more than an empty page. */
  g_assert_cmpuint (length, >, 20000);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The shortcuts dialog (GtkShortcutsWindow is deprecated) lists every
 * shortcut with its keys as GTK spells them; with libadwaita 1.8 and
 * newer it is libadwaita's own, which draws the keys itself. */
static void
test_shortcuts_dialog (void)
{
  AdwDialog *dialog = g_object_ref_sink (atlas_shortcuts_dialog_new ());
  g_autofree char *undo = gtk_accelerator_get_label (GDK_KEY_z, GDK_CONTROL_MASK);

  if (!g_str_equal (G_OBJECT_TYPE_NAME (dialog), "AdwShortcutsDialog"))
    {
      GtkWidget *child = adw_dialog_get_child (dialog);

      g_assert_nonnull (atlas_test_find (child, label_is, undo));
      g_assert_nonnull (atlas_test_find (child, label_is,
                                         g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Undo")));
    }
  g_object_unref (dialog);
}

/* File dialogs open where the user last chose a file, and before that in
 * the documents folder or home: a save dialog without an initial folder
 * opened in the process's working folder (a walk's export went into the
 * build folder). */
static void
test_file_dialog_folder (void)
{
  g_autoptr(GtkFileDialog) first = NULL;
  g_autoptr(GtkFileDialog) later = NULL;
  g_autoptr(GFile) chosen = g_file_new_for_path ("/srv/presse/2018/kontakte.vcf");
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *first_path = NULL;
  g_autofree char *later_path = NULL;

  atlas_file_dialog_forget ();
  first = atlas_file_dialog_new ();
  g_assert_nonnull (gtk_file_dialog_get_initial_folder (first));
  first_path = g_file_get_path (gtk_file_dialog_get_initial_folder (first));
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (first_path, ==, documents);
  else
    g_assert_cmpstr (first_path, ==, g_get_home_dir ());

  atlas_file_dialog_remember (chosen);
  later = atlas_file_dialog_new ();
  later_path = g_file_get_path (gtk_file_dialog_get_initial_folder (later));
  g_assert_cmpstr (later_path, ==, "/srv/presse/2018");
  atlas_file_dialog_forget ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  ATLAS_TEST_ADD ("/window/centres-view", test_centres_view);
  ATLAS_TEST_ADD ("/window/other-views", test_other_views);
  ATLAS_TEST_ADD ("/window/import", test_import);
  ATLAS_TEST_ADD ("/window/import-toast-is-text", test_import_toast_is_text);
  ATLAS_TEST_ADD ("/window/release-filters-and-links", test_release_filters_and_links);
  ATLAS_TEST_ADD ("/window/release-list-after-import", test_release_list_after_import);
  ATLAS_TEST_ADD ("/window/open-link-without-browser", test_open_link_without_browser);
  ATLAS_TEST_ADD ("/window/export-preview", test_export_preview);
  ATLAS_TEST_ADD ("/window/tour-view", test_tour_view);
  ATLAS_TEST_ADD ("/window/visits-and-releases", test_visits_and_releases);
  ATLAS_TEST_ADD ("/window/one-suggestion-two-sources", test_one_suggestion_two_sources);
  ATLAS_TEST_ADD ("/window/tour-filters", test_tour_filters);
  ATLAS_TEST_ADD ("/window/example-tour", test_example_tour);
  ATLAS_TEST_ADD ("/window/map-zoom-and-pan", test_map_zoom_and_pan);
  ATLAS_TEST_ADD ("/window/print", test_print);
  g_test_add_func ("/window/shortcuts-dialog", test_shortcuts_dialog);
  g_test_add_func ("/window/file-dialog-folder", test_file_dialog_folder);

  return g_test_run ();
}
