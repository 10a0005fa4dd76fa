/* test-editing.c: typing into the editors and reading the database after
 * (needs a display)
 *
 * Text is put into the fields as typing would (the widgets' "changed"
 * signals); the checks read the catalogue through a second connection, as
 * another program would see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "atlas-editor-form.h"
#include "atlas-record.h"
#include "atlas-visit-editor.h"
#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

typedef gboolean (*Condition) (gpointer data);

/* Spins the main loop until @cond holds or @ms milliseconds pass. */
static gboolean
spin_until (Condition cond,
            gpointer  data,
            guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, atlas_test_timeout_cb, &timed_out);

  while ((cond == NULL || !cond (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond != NULL && cond (data);
}

typedef struct {
  const char *path;
  const char *ags;
  AtlasCentreField field;
  const char *expected;
} CentreProbe;

/* The field as a separate connection reads it from the file. */
static char *
read_centre_field (const char       *path,
                   const char       *ags,
                   AtlasCentreField  field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) reader = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_autoptr(AtlasCentre) centre = NULL;

  g_assert_no_error (error);
  centre = atlas_store_get_centre_by_ags (reader, ags, &error);
  g_assert_no_error (error);
  return g_strdup (atlas_centre_get_field (centre, field));
}

static gboolean
centre_field_is (gpointer data)
{
  CentreProbe *probe = data;
  g_autofree char *value = read_centre_field (probe->path, probe->ags, probe->field);

  return g_strcmp0 (value, probe->expected) == 0;
}

static void
assert_centre_field (const char       *path,
                     AtlasCentreField  field,
                     const char       *expected)
{
  g_autofree char *value = read_centre_field (path, "05315", field);

  g_assert_cmpstr (value, ==, expected);
}

static AtlasWindow *
open_window (AtlasStore *store)
{
  AtlasWindow *window = atlas_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AtlasCentreEditor *
show_koeln (AtlasWindow *window,
            AtlasStore  *store)
{
  g_autoptr(AtlasCentre) koeln = atlas_store_get_centre_by_ags (store, "05315", NULL);
  AtlasCentresPage *page = atlas_window_get_centres_page (window);

  atlas_window_show_view (window, "centres");
  atlas_test_wait_for_mapped (GTK_WIDGET (page));
  atlas_centres_page_show_centre (page, atlas_centre_get_id (koeln));
  g_assert_cmpint (atlas_centre_editor_get_id (atlas_centres_page_get_editor (page)), ==,
                   atlas_centre_get_id (koeln));
  return atlas_centres_page_get_editor (page);
}

static GtkWidget *
row (gpointer    editor,
     const char *id)
{
  GtkWidget *widget = atlas_test_find_by_id (GTK_WIDGET (editor), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
activate (AtlasWindow *window,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

static void
test_centre_autosave (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  GtkWidget *phone, *postal, *street, *city;
  CentreProbe probe = { fixture->db_path, "05315", ATLAS_CENTRE_PHONE, "0221 221-29292" };
  g_autofree char *before_street = NULL;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  before_street = read_centre_field (fixture->db_path, "05315", ATLAS_CENTRE_STREET);

  /* Typing, then a pause: written without a Save button. With a search
   * active, as when the centre was found by typing its name. */
  gtk_editable_set_text (GTK_EDITABLE (atlas_test_find_widget (GTK_WIDGET (atlas_window_get_centres_page (window)),
                                                               GTK_TYPE_SEARCH_ENTRY)), "koeln");
  atlas_list_model_set_filter (atlas_centres_page_get_model (atlas_window_get_centres_page (window)), "koeln");
  phone = row (editor, "phone_row");
  gtk_editable_set_text (GTK_EDITABLE (phone), "0221 221-29292");
  g_assert_true (spin_until (centre_field_is, &probe, 3000));
  /* The list refreshed; the editor still shows the centre. */
  spin_until (NULL, NULL, 100);
  g_assert_cmpint (atlas_centre_editor_get_id (editor), !=, 0);

  /* An invalid postal code is marked and explained and not written; the
   * typed text stays in the field. */
  postal = row (editor, "postal_code_row");
  gtk_editable_set_text (GTK_EDITABLE (postal), "5066");
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);
  g_assert_true (gtk_widget_has_css_class (postal, "error"));
  {
    GtkWidget *explained = gtk_widget_get_next_sibling (postal);

    g_assert_true (GTK_IS_LIST_BOX_ROW (explained));
    g_assert_true (gtk_widget_get_visible (explained));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (explained)))),
                              "40213"));
  }
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_POSTAL_CODE, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (postal)), ==, "5066");

  /* Fixed, it is written and the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (postal), "50667");
  probe.field = ATLAS_CENTRE_POSTAL_CODE;
  probe.expected = "50667";
  g_assert_true (spin_until (centre_field_is, &probe, 3000));
  g_assert_false (gtk_widget_has_css_class (postal, "error"));

  /* Leaving a field saves at once, without waiting for the pause. */
  street = row (editor, "street_row");
  city = row (editor, "city_row");
  gtk_widget_grab_focus (street);
  gtk_editable_set_text (GTK_EDITABLE (street), "Hohenstaufenring 30–32");
  gtk_widget_grab_focus (city);
  spin_until (NULL, NULL, 50);
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_STREET, "Hohenstaufenring 30–32");

  /* Ctrl+Z takes the last edit back, in the database and the field;
   * Ctrl+Shift+Z brings it again. */
  activate (window, "win.undo");
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_STREET, before_street);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (street)), ==, before_street);
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_POSTAL_CODE, "50667");
  activate (window, "win.undo");
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_POSTAL_CODE, "");
  activate (window, "win.redo");
  activate (window, "win.redo");
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_STREET, "Hohenstaufenring 30–32");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (street)), ==, "Hohenstaufenring 30–32");

  /* Odd characters are kept as typed. */
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "focus_row")),
                         "Sprachförderung, «Kommunale Koordinierung» & Ehrenamt — 100 %");
  atlas_window_flush (window);
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_FOCUS,
                       "Sprachförderung, «Kommunale Koordinierung» & Ehrenamt — 100 %");

  /* Closing the window flushes what was typed a moment ago. */
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "head_row")), "Dr. Erika Mustermann");
  gtk_window_close (GTK_WINDOW (window));
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_HEAD, "Dr. Erika Mustermann");
}

static gboolean
n_contacts_is (gpointer data)
{
  gpointer *args = data;
  g_autoptr(AtlasStore) reader = atlas_store_new (args[0], ATLAS_STORE_OPEN_EXISTING, NULL);

  return atlas_store_count (reader, ATLAS_RECORD_CONTACT, NULL) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_contacts (const char *path,
                   int         n)
{
  gpointer args[] = { (gpointer) path, GINT_TO_POINTER (n) };

  g_assert_true (spin_until (n_contacts_is, args, 3000));
}

static void
test_contacts (AtlasTestDir  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) reader = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GObject) saved = NULL;
  AtlasWindow *window;
  AtlasContactsPage *page;
  AtlasContactEditor *editor;
  GtkWidget *emails, *revealer;

  g_assert_no_error (error);
  window = open_window (store);
  page = atlas_window_get_contacts_page (window);
  editor = atlas_contacts_page_get_editor (page);

  /* Ctrl+N: a new contact, written once it has a name. */
  activate (window, "win.new-contact");
  atlas_test_wait_for_mapped (GTK_WIDGET (editor));
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "role_row")), "Pressesprecherin");
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);
  g_assert_true (gtk_widget_get_visible (row (editor, "problem_label")));

  gtk_editable_set_text (GTK_EDITABLE (row (editor, "given_name_row")), "Jürgen");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "family_name_row")), "Weiß");
  wait_for_contacts (fixture->db_path, 1);
  g_assert_false (gtk_widget_get_visible (row (editor, "problem_label")));

  /* An invalid address is not written; a valid list is. */
  emails = row (editor, "emails_row");
  gtk_editable_set_text (GTK_EDITABLE (emails), "j.weiss@stadt-koeln.de, presse at stadt-koeln.de");
  atlas_window_flush (window);
  g_assert_true (gtk_widget_has_css_class (emails, "error"));
  saved = atlas_store_load (store, ATLAS_RECORD_CONTACT, atlas_contact_editor_get_id (editor), NULL);
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_EMAILS), ==, "");
  g_clear_object (&saved);
  gtk_editable_set_text (GTK_EDITABLE (emails), "j.weiss@stadt-koeln.de;presse@stadt-koeln.de");
  atlas_window_flush (window);
  saved = atlas_store_load (store, ATLAS_RECORD_CONTACT, atlas_contact_editor_get_id (editor), NULL);
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_EMAILS), ==,
                   "j.weiss@stadt-koeln.de, presse@stadt-koeln.de");
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_ROLE), ==,
                   "Pressesprecherin");

  /* Search as you type, umlauts spelled out. */
  {
    GtkWidget *search = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    GListModel *model = G_LIST_MODEL (atlas_contacts_page_get_model (page));

    gtk_editable_set_text (GTK_EDITABLE (search), "juergen weiss");
    atlas_list_model_set_filter (ATLAS_LIST_MODEL (model), "juergen weiss");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
  }

  /* A second contact with the same name gets a duplicate warning and can
   * be merged into the first. */
  activate (window, "win.new-contact");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "given_name_row")), "Juergen");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "family_name_row")), "Weiss");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "phones_row")), "0221 221-0");
  wait_for_contacts (fixture->db_path, 2);
  revealer = row (editor, "duplicate_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  {
    GtkWidget *merge = atlas_test_find (revealer, atlas_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));

    /* The second button is Merge. */
    merge = gtk_widget_get_next_sibling (merge);
    g_signal_emit_by_name (merge, "clicked");
  }
  wait_for_contacts (fixture->db_path, 1);
  reader = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  ids = atlas_store_query_ids (reader, ATLAS_RECORD_CONTACT, NULL, &error);
  g_clear_object (&saved);
  saved = atlas_store_load (reader, ATLAS_RECORD_CONTACT, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_GIVEN_NAME), ==, "Jürgen");
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_PHONES), ==, "0221 221-0");
  g_assert_cmpint (atlas_contact_editor_get_id (editor), ==, g_array_index (ids, gint64, 0));

  /* Undo the merge: two again. Redo: one. */
  activate (window, "win.undo");
  wait_for_contacts (fixture->db_path, 2);
  activate (window, "win.redo");
  wait_for_contacts (fixture->db_path, 1);

  /* Delete, then undo the delete: the same contact is back. */
  g_assert_true (atlas_contacts_page_delete_shown (page));
  wait_for_contacts (fixture->db_path, 0);
  activate (window, "win.undo");
  wait_for_contacts (fixture->db_path, 1);
  g_clear_object (&saved);
  saved = atlas_store_load (reader, ATLAS_RECORD_CONTACT, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_EMAILS), ==,
                   "j.weiss@stadt-koeln.de, presse@stadt-koeln.de");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The centre page's contacts and its «add a contact» button. */
static void
test_centre_contacts (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *centre_editor;
  AtlasContactEditor *contact_editor;
  GtkWidget *list;
  g_autoptr(GObject) saved = NULL;

  g_assert_no_error (error);
  window = open_window (store);
  centre_editor = show_koeln (window, store);
  list = row (centre_editor, "contacts_list");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  g_signal_emit_by_name (centre_editor, "add-contact", "05315");
  contact_editor = atlas_contacts_page_get_editor (atlas_window_get_contacts_page (window));
  gtk_editable_set_text (GTK_EDITABLE (row (contact_editor, "family_name_row")), "Yılmaz");
  atlas_window_flush (window);
  saved = atlas_store_load (store, ATLAS_RECORD_CONTACT, atlas_contact_editor_get_id (contact_editor), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_contact_get_field (ATLAS_CONTACT (saved), ATLAS_CONTACT_CENTRE_AGS), ==, "05315");

  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_window_destroy (GTK_WINDOW (window));
}


/* Import with a preview, then export what the search finds. */
static void
test_contacts_exchange (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *csv = g_build_filename (fixture->dir, "kontakte.csv", NULL);
  g_autofree char *vcf = g_build_filename (fixture->dir, "gefunden.vcf", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "kaputt.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) vcf_file = g_file_new_for_path (vcf);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  AtlasWindow *window;
  AtlasContactsPage *page;
  AdwAlertDialog *dialog;
  GtkWidget *search;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv, "First Name,Last Name,Company\r\nAyşe,Yıldız,Stadt Hamm\r\nPeter,Klein,Kreis Lippe\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "a;b\r\n1;2\r\n", -1, NULL));
  window = open_window (store);
  atlas_window_show_view (window, "contacts");
  page = atlas_window_get_contacts_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));

  /* A file it cannot read gives no dialog (a toast says why). */
  g_assert_null (atlas_contacts_page_preview_import (page, bad_file));

  dialog = atlas_contacts_page_preview_import (page, csv_file);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "2"));
  /* The preview wrote nothing. */
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);
  g_signal_emit_by_name (dialog, "response", "import");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 2);
  adw_dialog_force_close (ADW_DIALOG (dialog));

  search = atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "yildiz");
  g_assert_true (atlas_contacts_page_export (page, vcf_file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (vcf, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "N:Yıldız;Ayşe;;;"));
  g_assert_null (strstr (written, "Klein"));

  /* Only the contact shown. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  atlas_contacts_page_show_contact (page, 2);
  g_assert_true (atlas_contacts_page_export (page, vcf_file, TRUE, &error));
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (vcf, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "Klein"));
  g_assert_null (strstr (written, "Yıldız"));

  gtk_window_destroy (GTK_WINDOW (window));
}


/* The visit editor is a dialog within the window. */
static AtlasVisitEditor *
find_visit_editor (AtlasWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  return ATLAS_IS_VISIT_EDITOR (dialog) ? ATLAS_VISIT_EDITOR (dialog) : NULL;
}

static AtlasVisit *
only_visit (const char *path)
{
  g_autoptr(AtlasStore) reader = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, NULL);
  g_autoptr(GArray) ids = atlas_store_query_ids (reader, ATLAS_RECORD_VISIT, NULL, NULL);

  g_assert_cmpuint (ids->len, ==, 1);
  return ATLAS_VISIT (atlas_store_load (reader, ATLAS_RECORD_VISIT, g_array_index (ids, gint64, 0), NULL));
}

static gboolean
n_visits_is (gpointer data)
{
  gpointer *args = data;
  g_autoptr(AtlasStore) reader = atlas_store_new (args[0], ATLAS_STORE_OPEN_EXISTING, NULL);

  return atlas_store_count (reader, ATLAS_RECORD_VISIT, NULL) == GPOINTER_TO_INT (args[1]);
}

/* Where each of the editor's rows is, from the dialog's top left. */
static void
row_places (AtlasVisitEditor *editor,
            double            ys[4])
{
  static const char * const ids[] = { "centre_row", "date_row", "status_row", "tour_row" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      graphene_point_t p;

      g_assert_true (gtk_widget_compute_point (row (editor, ids[i]), GTK_WIDGET (editor),
                                               &GRAPHENE_POINT_INIT (0, 0), &p));
      ys[i] = p.y;
    }
}

/* The rows stay where they are when a new visit is first saved (they
 * jumped up, a walk found: the hint above them that says what is missing
 * went away and took its lines with it). */
static void
test_visit_editor_rows_stay (AtlasTestDir  *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  gpointer one[] = { fixture->db_path, GINT_TO_POINTER (1) };
  AtlasVisitEditor *editor;
  AtlasWindow *window;
  double before[4], after[4];

  g_assert_no_error (error);
  /* The dialog's opening, scaled, is no move of its rows. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  window = open_window (store);
  atlas_window_show_view (window, "tour");
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_tour_page (window)));
  activate (window, "win.new-item");
  editor = find_visit_editor (window);
  g_assert_nonnull (editor);
  atlas_test_wait_for_mapped (row (editor, "tour_row"));
  spin_until (NULL, NULL, 300);
  row_places (editor, before);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, "centre_row")), 3);
  g_assert_true (spin_until (n_visits_is, one, 3000));
  spin_until (NULL, NULL, 300);
  row_places (editor, after);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_test_message ("row %u: %.1f, then %.1f", i, before[i], after[i]);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_assert_cmpfloat_with_epsilon (before[i], after[i], 0.5);

  adw_dialog_force_close (ADW_DIALOG (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* A visit made in its window: saved once it has a centre, then as typed;
 * a wrong date is marked and not written; undo; delete and undo. */
static void
test_visit_editor (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AtlasVisit) saved = NULL;
  g_autoptr(GArray) centres = NULL;
  AtlasWindow *window;
  AtlasTourPage *page;
  AtlasVisitEditor *editor;
  GtkWidget *date;
  guint koeln = 0;
  gpointer none[] = { fixture->db_path, GINT_TO_POINTER (0) };
  gpointer one[] = { fixture->db_path, GINT_TO_POINTER (1) };

  g_assert_no_error (error);
  g_settings_set_string (settings, "default-visitor", "Serap Güler");
  window = open_window (store);
  atlas_window_show_view (window, "tour");
  page = atlas_window_get_tour_page (window);
  atlas_test_wait_for_mapped (GTK_WIDGET (page));

  /* Ctrl+N in the Tour view: a new visit, not yet written. */
  activate (window, "win.new-item");
  editor = find_visit_editor (window);
  g_assert_nonnull (editor);
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);
  g_assert_true (gtk_widget_get_visible (row (editor, "problem_label")));

  /* Choosing the centre writes it, with today's date and the visitor. */
  centres = atlas_store_query_ids (store, ATLAS_RECORD_CENTRE, NULL, NULL);
  for (guint i = 0; i < centres->len; i++)
    {
      g_autoptr(GObject) c = atlas_store_load (store, ATLAS_RECORD_CENTRE, g_array_index (centres, gint64, i), NULL);

      if (g_str_equal (atlas_centre_get_field (ATLAS_CENTRE (c), ATLAS_CENTRE_AGS), "05315"))
        koeln = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, "centre_row")), koeln);
  g_assert_true (spin_until (n_visits_is, one, 3000));
  saved = only_visit (fixture->db_path);
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_AGS), ==, "05315");
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_VISITORS), ==, "Serap Güler");
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_STATUS), ==, "planned");

  /* A wrong date stays in the field, marked, and is not written. */
  date = row (editor, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (date), "irgendwann im Sommer");
  atlas_visit_editor_flush (editor);
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_clear_object (&saved);
  saved = only_visit (fixture->db_path);
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_DATE), !=, "irgendwann im Sommer");

  /* An uncertain date is kept as uncertain. */
  gtk_editable_set_text (GTK_EDITABLE (date), "KW 31/2017");
  atlas_visit_editor_flush (editor);
  g_clear_object (&saved);
  saved = only_visit (fixture->db_path);
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_DATE), ==, "2017-W31");
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_SORT_DATE), ==, "2017-07-31");

  /* Undo: the date before. */
  activate (window, "win.undo");
  g_clear_object (&saved);
  saved = only_visit (fixture->db_path);
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_DATE), !=, "2017-W31");
  activate (window, "win.redo");

  /* Delete from the window, undo brings it back. */
  g_signal_emit_by_name (row (editor, "delete_button"), "clicked");
  g_assert_true (spin_until (n_visits_is, none, 3000));
  activate (window, "win.undo");
  g_assert_true (spin_until (n_visits_is, one, 3000));
  g_clear_object (&saved);
  saved = only_visit (fixture->db_path);
  g_assert_cmpstr (atlas_visit_get_field (saved, ATLAS_VISIT_DATE), ==, "2017-W31");

  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
visible_dialog_is_alert (gpointer window)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (window));
}

static gboolean
visit_editor_in_front (gpointer window)
{
  return find_visit_editor (window) != NULL;
}

/* Closing the visit editor with a date that does not exist asks instead
 * of dropping it (Cancel the default and the close response); Cancel
 * keeps it; a valid date closes at once. */
static void
test_visit_editor_close_asks (AtlasTestDir  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  gpointer one[] = { fixture->db_path, GINT_TO_POINTER (1) };
  AtlasVisitEditor *editor;
  AtlasWindow *window;
  AdwDialog *alert;
  GtkWidget *date;

  g_assert_no_error (error);
  window = open_window (store);
  atlas_window_show_view (window, "tour");
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_tour_page (window)));

  /* A new visit with typing but no centre closes as before (close-dialogs). */
  activate (window, "win.new-item");
  editor = find_visit_editor (window);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "tour_row")), "Sommertour");
  g_assert_true (adw_dialog_get_can_close (ADW_DIALOG (editor)));

  /* With a centre it is saved. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, "centre_row")), 3);
  g_assert_true (spin_until (n_visits_is, one, 3000));
  g_assert_true (adw_dialog_get_can_close (ADW_DIALOG (editor)));

  /* A day that does not exist: asked about, kept on Cancel. */
  date = row (editor, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (date), "31.02.2017");
  g_assert_false (adw_dialog_get_can_close (ADW_DIALOG (editor)));
  g_assert_false (adw_dialog_close (ADW_DIALOG (editor)));
  g_assert_true (spin_until (visible_dialog_is_alert, window, 3000));
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Discard Invalid Date?");
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (alert)), ==, "cancel");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (alert)), ==, "cancel");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "31.02.2017"));
  adw_dialog_close (alert);
  g_assert_true (spin_until (visit_editor_in_front, window, 3000));
  g_assert_true (find_visit_editor (window) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "31.02.2017");

  /* Corrected, the editor closes at once. */
  gtk_editable_set_text (GTK_EDITABLE (date), "28.02.2017");
  g_assert_true (adw_dialog_get_can_close (ADW_DIALOG (editor)));
  g_assert_true (adw_dialog_close (ADW_DIALOG (editor)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each view fits a 360-pixel window (the list and the details then take
 * turns), also with an editor shown. */
static void
test_narrow (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  const char *views[] = { "centres", "contacts", "releases", "tour" };
  AtlasWindow *window;
  GtkWidget *stack;

  g_assert_no_error (error);
  window = open_window (store);
  show_koeln (window, store);
  activate (window, "win.new-contact");
  atlas_window_get_tour_page (window);
  stack = atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), views[i]);
      int min = 0;

      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > 360)
        g_error ("the %s view needs %d pixels", views[i], min);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window opened on the Tour view (the last one shown) shows the tour. */
static void
test_open_on_tour (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AtlasCentre) koeln = atlas_store_get_centre_by_ags (store, "05315", NULL);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  AtlasWindow *window;

  atlas_visit_set_centre_id (visit, atlas_centre_get_id (koeln));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "done");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), >, 0);
  g_settings_set_string (settings, "last-view", "tour");

  window = open_window (store);
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_tour_page (window)));
  g_assert_cmpuint (atlas_tour_page_get_visits (atlas_window_get_tour_page (window))->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "last-view", "centres");
}


/* A catalogue open read-only: its fields cannot be edited. */
static void
test_read_only (AtlasTestDir  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) created = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  AtlasCentreEditor *editor;

  g_assert_no_error (error);
  g_clear_object (&created);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_is_read_only (store));

  window = open_window (store);
  /* The window says so as long as it is open. */
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_BANNER))));
  editor = show_koeln (window, store);
  g_assert_false (gtk_widget_get_sensitive (row (editor, "phone_row")));
  g_assert_false (gtk_widget_get_sensitive (row (editor, "notes_view")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
centre_id (AtlasStore *store,
           const char *ags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (store, ags, &error);

  g_assert_no_error (error);
  return atlas_centre_get_id (centre);
}

/* A refresh after the form's own save leaves the field being typed in
 * alone: the caret stays where typing left it (it went to the start
 * when the field was rewritten with the text it already held). */
static void
test_autosave_keeps_caret (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  CentreProbe probe = { fixture->db_path, "05315", ATLAS_CENTRE_FOCUS, "Bildung" };
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  GtkWidget *focus;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  focus = row (editor, "focus_row");
  gtk_widget_grab_focus (focus);
  gtk_editable_set_text (GTK_EDITABLE (focus), "Bildung");
  gtk_editable_set_position (GTK_EDITABLE (focus), -1);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (focus)), ==, 7);
  g_assert_true (spin_until (centre_field_is, &probe, 3000));
  spin_until (NULL, NULL, 50);

  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (focus)), ==, 7);
  gtk_editable_insert_text (GTK_EDITABLE (focus), ", Sprache", -1,
                            &(int) { gtk_editable_get_position (GTK_EDITABLE (focus)) });
  probe.expected = "Bildung, Sprache";
  g_assert_true (spin_until (centre_field_is, &probe, 3000));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing without a pause for longer than ATLAS_EDITOR_MAX_UNSAVED_MS
 * saves while the user goes on typing. In the notes that save came inside
 * the key's own user action of the text buffer, and forgetting the
 * buffer's undo there crashed GTK at the end of that action (a walk lost
 * the last words of a note). Each key here is a user action as a real
 * key press makes it. */
static void
test_long_typing_in_notes (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  GtkTextBuffer *buffer;
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autofree char *saved = NULL;
  gint64 start;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  gtk_widget_grab_focus (row (editor, "notes_view"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row (editor, "notes_view")));
  gtk_text_buffer_set_text (buffer, "", -1);
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);

  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < (ATLAS_EDITOR_MAX_UNSAVED_MS + 600) * 1000)
    {
      char key = "Pressefotos liegen vor. "[typed->len % 24];

      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_at_cursor (buffer, &key, 1);
      gtk_text_buffer_end_user_action (buffer);
      g_string_append_c (typed, key);
      spin_until (NULL, NULL, ATLAS_EDITOR_SAVE_DELAY_MS / 4);
    }
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);
  saved = read_centre_field (fixture->db_path, "05315", ATLAS_CENTRE_NOTES);
  g_assert_cmpstr (g_strstrip (saved), ==, g_strstrip (typed->str));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The centre's "verified" date reads as every date the user sees,
 * dd.mm.yyyy, also in the sources' subtitle (it said 2026-12-01, a walk
 * found). */
static void
test_verified_date_shown_german (AtlasTestDir  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  CentreProbe probe = { fixture->db_path, "05315", ATLAS_CENTRE_VERIFIED_ON, "2026-12-01" };
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  const char *subtitle;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "verified_row")), "01.12.2026");
  g_assert_true (spin_until (centre_field_is, &probe, 3000));
  editor = show_koeln (window, store);
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row (editor, "sources_row")));
  g_assert_nonnull (strstr (subtitle, "01.12.2026"));
  g_assert_null (strstr (subtitle, "2026-12-01"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text that fails its check is kept for its record when another one is
 * shown, and is back (still marked) when the record is shown again. */
static void
test_invalid_draft (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  GtkWidget *postal;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  postal = row (editor, "postal_code_row");
  gtk_editable_set_text (GTK_EDITABLE (postal), "5066");
  spin_until (NULL, NULL, 2 * ATLAS_EDITOR_SAVE_DELAY_MS);
  g_assert_true (gtk_widget_has_css_class (postal, "error"));

  atlas_centres_page_show_centre (atlas_window_get_centres_page (window), centre_id (store, "05314"));
  g_assert_false (gtk_widget_has_css_class (postal, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (postal)), !=, "5066");

  /* Quitting now asks, naming Köln, though another centre is shown (it
   * quit without a word: only the record shown was asked about; a walk). */
  {
    g_autofree char *body = NULL;
    AdwDialog *alert;

    g_object_ref (window);
    atlas_window_quit (window);
    alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (alert));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Discard Invalid Entries?");
    body = g_strdup (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)));
    g_assert_nonnull (strstr (body, "Köln"));
    adw_dialog_force_close (alert);
    g_object_unref (window);
  }

  editor = show_koeln (window, store);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (postal)), ==, "5066");
  g_assert_true (gtk_widget_has_css_class (postal, "error"));
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_POSTAL_CODE, "");

  /* Fixed, it is saved like any edit. */
  gtk_editable_set_text (GTK_EDITABLE (postal), "50667");
  atlas_centre_editor_flush (editor);
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_POSTAL_CODE, "50667");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static gboolean
no_toast_says (gpointer data)
{
  gpointer *args = data;

  return atlas_test_find (args[0], label_starts, args[1]) == NULL;
}

/* Closes the toast that says @prefix… with its × button, and waits for
 * it to go and for a second more: time for a toast in the queue to come. */
static void
close_toast_saying (AtlasWindow *window,
                    const char  *prefix)
{
  GtkWidget *label = atlas_test_find (GTK_WIDGET (window), label_starts, prefix);
  GtkWidget *toast = label;
  gpointer args[2] = { window, (gpointer) prefix };

  g_assert_nonnull (label);
  while (toast != NULL && atlas_test_find (toast, is_close_button, NULL) == NULL)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (atlas_test_find (toast, is_close_button, NULL), "clicked");
  g_assert_true (spin_until (no_toast_says, args, 3000));
  spin_until (NULL, NULL, 1000);
}

/* Undo, then Redo: the "Undone: …" toast goes when "Redone: …" comes. It
 * was put back in the toast queue and came again once the newer one had
 * gone, so a run of Ctrl+Z replayed stale messages for half a minute (a
 * walk). */
static void
test_history_toasts_do_not_queue (AtlasTestDir  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "phone_row")), "0221 221-29292");
  g_assert_true (atlas_centre_editor_flush (editor));
  activate (window, "win.undo");
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (window), label_starts, "Undone: "));
  activate (window, "win.redo");

  /* The newer toast closed with its × button: nothing older comes back. */
  close_toast_saying (window, "Redone: ");
  g_assert_null (atlas_test_find (GTK_WIDGET (window), label_starts, "Undone: "));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Undo menu says whose field was edited. */
static void
test_history_label (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) koeln = NULL;
  g_autofree char *expected = NULL;
  AtlasWindow *window;
  AtlasCentreEditor *editor;

  g_assert_no_error (error);
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "phone_row")), "0221 221-29292");
  g_assert_true (atlas_centre_editor_flush (editor));

  expected = g_strdup_printf ("Edit Phone of %s", atlas_centre_get_field (koeln, ATLAS_CENTRE_NAME));
  g_assert_cmpstr (atlas_history_get_undo_label (atlas_window_get_history (window)), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_controllers (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  return g_list_model_get_n_items (controllers);
}

/* A form that goes away leaves nothing on the widgets it was bound to:
 * a focus change after that used to call into the freed form (the visit
 * editor's crash on closing). */
static void
test_form_leaves_no_handlers (AtlasTestDir  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) koeln = NULL;
  AtlasEditorForm *form;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *other = gtk_entry_new ();
  guint before;

  g_assert_no_error (error);
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), other);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  before = n_controllers (entry);

  form = atlas_editor_form_new (ATLAS_RECORD_CENTRE);
  atlas_editor_form_set_context (form, store, NULL);
  atlas_editor_form_bind (form, entry, ATLAS_CENTRE_CITY, ATLAS_CHECK_NONE);
  atlas_editor_form_set_record (form, G_OBJECT (koeln));
  g_assert_cmpuint (n_controllers (entry), >, before);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Köln-Mitte");
  g_object_unref (form);

  g_assert_cmpuint (n_controllers (entry), ==, before);
  gtk_widget_grab_focus (other);
  assert_centre_field (fixture->db_path, ATLAS_CENTRE_CITY, "Köln-Mitte");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tab passes the centre's heading by (it took the focus and selected
 * its text); another centre opens at its top. */
static void
test_focus_and_scroll (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;
  GtkWidget *name, *scrolled;
  GtkAdjustment *adjustment;

  g_assert_no_error (error);
  window = open_window (store);
  editor = show_koeln (window, store);
  name = row (editor, "name_row");

  /* Selectable labels take the focus on Tab; the heading must not. */
  g_assert_false (gtk_widget_get_focusable (row (editor, "title_label")));
  g_assert_false (gtk_widget_get_focusable (row (editor, "district_label")));

  scrolled = gtk_widget_get_ancestor (name, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  spin_until (NULL, NULL, 100);
  gtk_adjustment_set_value (adjustment, 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  atlas_centres_page_show_centre (atlas_window_get_centres_page (window), centre_id (store, "05314"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
save_contact (AtlasStore *store,
              const char *given,
              const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  gint64 id;

  atlas_contact_set_field (contact, ATLAS_CONTACT_GIVEN_NAME, given);
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, family);
  id = atlas_store_save_contact (store, contact, &error);
  g_assert_no_error (error);
  return id;
}

/* A toast's Undo is win.undo, the newest step: once that step is undone,
 * the toast goes. A deleted visit's toast came back from the queue after
 * Ctrl+Z, and its Undo took back an unrelated edit (a walk). */
static void
test_undo_offer_goes_with_its_step (AtlasTestDir  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasContactsPage *contacts;
  gint64 carina;

  g_assert_no_error (error);
  carina = save_contact (store, "Carina", "Cleven-Pawletko");
  window = open_window (store);
  contacts = atlas_window_get_contacts_page (window);
  atlas_window_show_view (window, "contacts");
  atlas_test_wait_for_mapped (GTK_WIDGET (contacts));
  atlas_contacts_page_show_contact (contacts, carina);
  g_assert_true (atlas_contacts_page_delete_shown (contacts));
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (window), label_starts, "“Carina Cleven-Pawletko” deleted"));
  activate (window, "win.undo");

  /* "Undone: …" closed: the offer to undo the delete does not come back. */
  close_toast_saying (window, "Undone: ");
  g_assert_null (atlas_test_find (GTK_WIDGET (window), label_starts, "“Carina Cleven-Pawletko” deleted"));
  gtk_window_destroy (GTK_WINDOW (window));
}


/* The id of the row selected in the list view under @page, 0 for none. */
static gint64
selected_id (gpointer page)
{
  GtkListView *list = GTK_LIST_VIEW (atlas_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  guint position = gtk_single_selection_get_selected (selection);
  AtlasListModel *model = ATLAS_LIST_MODEL (gtk_single_selection_get_model (selection));

  return position == GTK_INVALID_LIST_POSITION ? 0 : atlas_list_model_get_id (model, position);
}

/* The focus is in @widget (or is @widget). */
static void
assert_focus_in (AtlasWindow *window,
                 gpointer     widget,
                 const char  *what)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    g_error ("after %s the focus is on %s, not in %s", what, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             G_OBJECT_TYPE_NAME (widget));
}

/* Alt+1…4 put the focus into the view's list (it stayed behind on a
 * hidden widget, and GTK gave it to the header bar's import button). */
static void
test_view_keys_focus (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  AtlasWindow *window;
  AtlasCentresPage *centres;
  AtlasContactsPage *contacts;
  AtlasTourPage *tour;

  g_assert_no_error (error);
  save_contact (store, "Carina", "Cleven-Pawletko");
  atlas_visit_set_centre_id (visit, centre_id (store, "05315"));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "done");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), >, 0);
  window = open_window (store);
  centres = atlas_window_get_centres_page (window);
  contacts = atlas_window_get_contacts_page (window);
  show_koeln (window, store);
  gtk_widget_grab_focus (row (atlas_centres_page_get_editor (centres), "phone_row"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "contacts"));
  spin_until (NULL, NULL, 50);
  assert_focus_in (window, atlas_test_find_widget (GTK_WIDGET (contacts), GTK_TYPE_LIST_VIEW), "Alt+2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "tour"));
  spin_until (NULL, NULL, 50);
  tour = atlas_window_get_tour_page (window);
  assert_focus_in (window, atlas_tour_page_get_list (tour), "Alt+4");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "centres"));
  spin_until (NULL, NULL, 50);
  assert_focus_in (window, atlas_test_find_widget (GTK_WIDGET (centres), GTK_TYPE_LIST_VIEW), "Alt+1");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Undo shows what it changed: a deleted contact comes back selected; an
 * edit of another view's record switches to that view and selects it. */
static void
test_undo_shows_record (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(AtlasVisit) moved = NULL;
  g_autoptr(GObject) was = NULL;
  AtlasWindow *window;
  AtlasContactsPage *contacts;
  AtlasContactEditor *contact_editor;
  AtlasCentreEditor *centre_editor;
  AtlasTourPage *tour;
  GtkListBoxRow *selected;
  gint64 carina, other, koeln = 0, visit_id;

  g_assert_no_error (error);
  carina = save_contact (store, "Carina", "Cleven-Pawletko");
  other = save_contact (store, "Jürgen", "Weiß");
  window = open_window (store);
  contacts = atlas_window_get_contacts_page (window);
  contact_editor = atlas_contacts_page_get_editor (contacts);

  /* Delete, Ctrl+Z: the contact is back, shown and selected. */
  atlas_window_show_view (window, "contacts");
  atlas_test_wait_for_mapped (GTK_WIDGET (contacts));
  atlas_contacts_page_show_contact (contacts, carina);
  g_assert_cmpint (selected_id (contacts), ==, carina);
  g_assert_true (atlas_contacts_page_delete_shown (contacts));
  g_assert_true (atlas_contact_editor_is_empty (contact_editor));
  /* The toast's Undo is Ctrl+Z's, not a second way back (#15). */
  g_assert_nonnull (atlas_test_find (GTK_WIDGET (window), has_action, "win.undo"));
  activate (window, "win.undo");
  g_assert_cmpint (atlas_contact_editor_get_id (contact_editor), ==, carina);
  g_assert_cmpint (selected_id (contacts), ==, carina);

  /* A contact's edit undone from the Centres view: the Contacts view,
   * with that contact. */
  gtk_editable_set_text (GTK_EDITABLE (row (contact_editor, "role_row")), "Leiterin");
  g_assert_true (atlas_contact_editor_flush (contact_editor));
  atlas_contacts_page_show_contact (contacts, other);
  centre_editor = show_koeln (window, store);
  koeln = atlas_centre_editor_get_id (centre_editor);
  activate (window, "win.undo");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "contacts");
  g_assert_cmpint (atlas_contact_editor_get_id (contact_editor), ==, carina);
  g_assert_cmpint (selected_id (contacts), ==, carina);
  assert_focus_in (window, contacts, "an undo that switched to the Contacts view");

  /* A centre's edit redone from the Contacts view: the Centres view.
   * The centre shown before was another. */
  gtk_editable_set_text (GTK_EDITABLE (row (centre_editor, "phone_row")), "0221 221-29292");
  g_assert_true (atlas_centre_editor_flush (centre_editor));
  activate (window, "win.undo");
  atlas_centres_page_show_centre (atlas_window_get_centres_page (window), centre_id (store, "05314"));
  atlas_window_show_view (window, "contacts");
  activate (window, "win.redo");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "centres");
  g_assert_cmpint (atlas_centre_editor_get_id (centre_editor), ==, koeln);
  g_assert_cmpint (selected_id (atlas_window_get_centres_page (window)), ==, koeln);

  /* A visit's edit undone from the Centres view: the Tour view, with the
   * visit selected in its list. */
  atlas_visit_set_centre_id (visit, koeln);
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "done");
  visit_id = atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  was = atlas_store_load (store, ATLAS_RECORD_VISIT, visit_id, &error);
  g_assert_no_error (error);
  moved = ATLAS_VISIT (atlas_record_copy (was));
  atlas_visit_set_field (moved, ATLAS_VISIT_DATE, "2018-10-03");
  g_assert_cmpint (atlas_store_save_visit (store, moved, &error), ==, visit_id);
  atlas_history_push (atlas_window_get_history (window), ATLAS_RECORD_VISIT, was, G_OBJECT (moved), "Edit Date");
  activate (window, "win.undo");
  tour = atlas_window_get_tour_page (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tour)));
  selected = gtk_list_box_get_selected_row (atlas_tour_page_get_list (tour));
  g_assert_nonnull (selected);
  g_assert_cmpint (atlas_visit_get_id (g_object_get_data (G_OBJECT (selected), "visit")), ==, visit_id);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Run as a child: type one field and report it, then wait to be killed. */
static int
child_type_and_wait (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  AtlasCentreEditor *editor;

  if (store == NULL)
    return 2;
  window = open_window (store);
  editor = show_koeln (window, store);
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "head_row")), "Gerade getippt");
  printf ("typed\n");
  fflush (stdout);
  spin_until (NULL, NULL, 60000);
  return 1;
}

/* The app is killed (SIGKILL, nothing runs after it) one second after the
 * last keystroke; the edit is in the database. */
static void
test_killed_after_edit (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(AtlasStore) created = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_clear_object (&created);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child-type", fixture->db_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "typed");

  g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  assert_centre_field (fixture->db_path, ATLAS_CENTRE_HEAD, "Gerade getippt");
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();

  if (argc == 3 && g_str_equal (argv[1], "--child-type"))
    {
      gtk_init ();
      adw_init ();
      return child_type_and_wait (argv[2]);
    }

  g_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GTK 4.8 warns about a selection while the cursor blinks when text is
   * set into a focused entry programmatically. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  ATLAS_TEST_ADD ("/editing/centre-autosave", test_centre_autosave);
  ATLAS_TEST_ADD ("/editing/contacts", test_contacts);
  ATLAS_TEST_ADD ("/editing/centre-contacts", test_centre_contacts);
  ATLAS_TEST_ADD ("/editing/contacts-exchange", test_contacts_exchange);
  ATLAS_TEST_ADD ("/editing/visit-editor", test_visit_editor);
  ATLAS_TEST_ADD ("/editing/visit-editor-rows-stay", test_visit_editor_rows_stay);
  ATLAS_TEST_ADD ("/editing/visit-editor-close-asks", test_visit_editor_close_asks);
  ATLAS_TEST_ADD ("/editing/narrow", test_narrow);
  ATLAS_TEST_ADD ("/editing/open-on-tour", test_open_on_tour);
  ATLAS_TEST_ADD ("/editing/read-only", test_read_only);
  ATLAS_TEST_ADD ("/editing/killed-after-edit", test_killed_after_edit);
  ATLAS_TEST_ADD ("/editing/autosave-keeps-caret", test_autosave_keeps_caret);
  ATLAS_TEST_ADD ("/editing/invalid-draft", test_invalid_draft);
  ATLAS_TEST_ADD ("/editing/history-toasts-do-not-queue", test_history_toasts_do_not_queue);
  ATLAS_TEST_ADD ("/editing/undo-offer-goes-with-its-step", test_undo_offer_goes_with_its_step);
  ATLAS_TEST_ADD ("/editing/history-label", test_history_label);
  ATLAS_TEST_ADD ("/editing/form-leaves-no-handlers", test_form_leaves_no_handlers);
  ATLAS_TEST_ADD ("/editing/focus-and-scroll", test_focus_and_scroll);
  ATLAS_TEST_ADD ("/editing/long-typing-in-notes", test_long_typing_in_notes);
  ATLAS_TEST_ADD ("/editing/verified-date-shown-german", test_verified_date_shown_german);
  ATLAS_TEST_ADD ("/editing/view-keys-focus", test_view_keys_focus);
  ATLAS_TEST_ADD ("/editing/undo-shows-record", test_undo_shows_record);

  return g_test_run ();
}
