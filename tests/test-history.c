/* test-history.c: undo and redo of edits (atlas-history.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-history.h"
#include "atlas-i18n.h"
#include "atlas-record.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static const char *
centre_field (AtlasStore       *store,
              gint64            id,
              AtlasCentreField  field)
{
  static char buffer[256];
  g_autoptr(GObject) centre = atlas_store_load (store, ATLAS_RECORD_CENTRE, id, NULL);

  g_strlcpy (buffer, atlas_centre_get_field (ATLAS_CENTRE (centre), field), sizeof buffer);
  return buffer;
}

static void
test_history (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasHistory) history = atlas_history_new (store);
  g_autoptr(AtlasCentre) before = atlas_store_get_centre_by_ags (store, "05111", &error);
  g_autoptr(GObject) after = atlas_record_copy (G_OBJECT (before));
  g_autoptr(GObject) other = NULL;
  g_autoptr(AtlasContact) c = atlas_test_contact_new ("Erika", "Mustermann", "");
  gint64 id = atlas_centre_get_id (before);

  g_assert_no_error (error);
  g_assert_false (atlas_history_can_undo (history));

  /* Edit the street, then (someone else) the phone. */
  atlas_centre_set_field (ATLAS_CENTRE (after), ATLAS_CENTRE_STREET, "Willi-Becker-Allee 7");
  g_assert_true (atlas_store_update_centre (store, ATLAS_CENTRE (after), &error));
  atlas_history_push (history, ATLAS_RECORD_CENTRE, G_OBJECT (before), after, "Street");
  other = atlas_record_copy (after);
  atlas_centre_set_field (ATLAS_CENTRE (other), ATLAS_CENTRE_PHONE, "0211 8921234");
  g_assert_true (atlas_store_update_centre (store, ATLAS_CENTRE (other), &error));
  g_assert_true (atlas_history_can_undo (history));
  g_assert_cmpstr (atlas_history_get_undo_label (history), ==, "Street");

  /* Undo reverts the street only. */
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==,
                   atlas_centre_get_field (before, ATLAS_CENTRE_STREET));
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_PHONE), ==, "0211 8921234");
  g_assert_false (atlas_history_can_undo (history));
  g_assert_true (atlas_history_can_redo (history));

  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==, "Willi-Becker-Allee 7");

  /* Creating and deleting a contact. */
  atlas_store_save_contact (store, c, &error);
  atlas_history_push (history, ATLAS_RECORD_CONTACT, NULL, G_OBJECT (c), "Create");
  g_assert_false (atlas_history_can_redo (history));
  atlas_store_delete_contact (store, atlas_contact_get_id (c), &error);
  atlas_history_push (history, ATLAS_RECORD_CONTACT, G_OBJECT (c), NULL, "Delete");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);

  g_assert_true (atlas_history_undo (history, &error));  /* the delete */
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_true (atlas_history_undo (history, &error));  /* the creation */
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);
  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);

  /* A group undoes together. */
  atlas_history_begin_group (history, "Two edits");
  atlas_history_push (history, ATLAS_RECORD_CONTACT, G_OBJECT (c), NULL, NULL);
  atlas_history_push (history, ATLAS_RECORD_CENTRE, after, G_OBJECT (before), NULL);
  atlas_history_end_group (history);
  atlas_store_delete_contact (store, atlas_contact_get_id (c), &error);
  atlas_store_update_centre (store, before, &error);
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==, "Willi-Becker-Allee 7");

  atlas_history_clear (history);
  g_assert_false (atlas_history_can_undo (history));
  g_assert_false (atlas_history_can_redo (history));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/history/undo-redo", test_history);

  return g_test_run ();
}
