/* test-contact.c: contacts in the store: saving, deleting, duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-contact.h"
#include "atlas-i18n.h"
#include "atlas-record.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static AtlasContact *
load_contact (AtlasStore *store,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  GObject *object = atlas_store_load (store, ATLAS_RECORD_CONTACT, id, &error);

  g_assert_no_error (error);
  return ATLAS_CONTACT (object);
}

static void
test_contact_save_delete (AtlasTestDir  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasContact) c = atlas_test_contact_new ("Jürgen", "Weiß", "j.weiss@example.de");
  g_autoptr(AtlasContact) back = NULL;
  g_autoptr(GObject) gone = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AtlasCentre) koeln = NULL;
  AtlasQueryScope scope = { 0 };
  gint64 id;

  g_assert_no_error (error);
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);

  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Leitung");
  atlas_contact_set_centre_id (c, atlas_centre_get_id (koeln));
  id = atlas_store_save_contact (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (atlas_contact_get_id (c), ==, id);

  /* Update in place. */
  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Stellvertretende Leitung");
  g_assert_cmpint (atlas_store_save_contact (store, c, &error), ==, id);
  back = load_contact (store, id);
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_ROLE), ==, "Stellvertretende Leitung");
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_CENTRE_AGS), ==, "05315");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);

  /* Umlaut-tolerant search over names, roles and e-mails. */
  for (guint i = 0; i < 4; i++)
    {
      const char *q[] = { "weiss", "JUERGEN", "jürgen weiß", "stellvertretend" };

      g_clear_pointer (&ids, g_array_unref);
      ids = atlas_store_query_ids (store, ATLAS_RECORD_CONTACT, q[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, 1);
    }

  /* The centre's contacts. */
  scope.centre_id = atlas_centre_get_id (koeln);
  g_clear_pointer (&ids, g_array_unref);
  ids = atlas_store_query_ids_scoped (store, ATLAS_RECORD_CONTACT, NULL, &scope, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  scope.centre_id = atlas_centre_get_id (koeln) + 1;
  g_clear_pointer (&ids, g_array_unref);
  ids = atlas_store_query_ids_scoped (store, ATLAS_RECORD_CONTACT, NULL, &scope, &error);
  g_assert_cmpuint (ids->len, ==, 0);

  /* Delete, then save the snapshot again: same id, same data. */
  g_assert_true (atlas_store_delete_contact (store, id, &error));
  g_assert_no_error (error);
  gone = atlas_store_load (store, ATLAS_RECORD_CONTACT, id, &error);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (atlas_store_save_contact (store, back, &error), ==, id);
  g_clear_object (&back);
  back = load_contact (store, id);
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_FAMILY_NAME), ==, "Weiß");
}

static void
test_contact_duplicates (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_NO_SEED, &error);
  g_autoptr(AtlasContact) a = atlas_test_contact_new ("Jürgen", "Müller", "jm@example.de");
  g_autoptr(AtlasContact) b = atlas_test_contact_new ("Anna", "Schmidt", "presse@stadt.de, as@example.de");
  g_autoptr(AtlasContact) c = atlas_test_contact_new ("Jürgen", "Müller-Lüdenscheidt", "");
  g_autoptr(AtlasContact) probe = NULL;
  g_autoptr(AtlasContact) merged = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GObject) gone = NULL;

  g_assert_no_error (error);
  atlas_contact_set_field (a, ATLAS_CONTACT_PHONES, "0211 1234567");
  atlas_contact_set_field (b, ATLAS_CONTACT_PHONES, "0221 7654321");
  atlas_contact_set_field (b, ATLAS_CONTACT_ROLE, "Pressesprecherin");
  atlas_store_save_contact (store, a, &error);
  atlas_store_save_contact (store, b, &error);
  atlas_store_save_contact (store, c, &error);
  g_assert_no_error (error);

  /* The same name spelled without umlauts and in capitals. */
  probe = atlas_test_contact_new ("JUERGEN", "Mueller", "");
  ids = atlas_store_find_duplicates (store, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, atlas_contact_get_id (a));
  g_clear_pointer (&ids, g_array_unref);

  /* Another name, a shared e-mail (case differs). */
  g_clear_object (&probe);
  probe = atlas_test_contact_new ("A.", "Schmitt", "AS@example.de");
  ids = atlas_store_find_duplicates (store, probe, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, atlas_contact_get_id (b));
  g_clear_pointer (&ids, g_array_unref);

  /* A contact is not its own duplicate; part of a name is not a match. */
  ids = atlas_store_find_duplicates (store, a, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Merge b into a: lists joined, empty fields filled, b gone. */
  g_assert_true (atlas_store_merge_contacts (store, atlas_contact_get_id (a),
                                             atlas_contact_get_id (b), &error));
  g_assert_no_error (error);
  merged = load_contact (store, atlas_contact_get_id (a));
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_GIVEN_NAME), ==, "Jürgen");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_EMAILS), ==,
                   "jm@example.de, presse@stadt.de, as@example.de");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_PHONES), ==,
                   "0211 1234567, 0221 7654321");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_ROLE), ==, "Pressesprecherin");
  gone = atlas_store_load (store, ATLAS_RECORD_CONTACT, atlas_contact_get_id (b), &error);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 2);
}

/* The one rule of "the same person" (#15), which the duplicate warning,
 * the vCard/CSV import and the store share: the folded name, or an
 * e-mail address in common. */
static void
test_same_person (void)
{
  g_autoptr(AtlasContact) a = atlas_test_contact_new ("Jürgen", "Weiß", "j.weiss@stadt-koeln.de");
  g_autoptr(AtlasContact) b = atlas_test_contact_new ("Juergen", "Weiss", "");
  g_autoptr(AtlasContact) c = atlas_test_contact_new ("Anna", "Becker", "J.Weiss@Stadt-Koeln.de, presse@stadt-koeln.de");
  g_autoptr(AtlasContact) d = atlas_test_contact_new ("Jürgen", "", "");
  g_autoptr(AtlasContact) e = atlas_test_contact_new ("Jürgen", "", "");
  g_autoptr(AtlasContact) f = atlas_test_contact_new ("Jürgen", "Weißer", "");
  g_autofree char *name = atlas_contact_dup_name_key (a);

  g_assert_cmpstr (name, ==, "juergen weiss");
  g_assert_true (atlas_contact_same_person (a, b));
  g_assert_true (atlas_contact_same_person (a, c));
  g_assert_false (atlas_contact_same_person (b, c));
  /* A given name alone says nothing. */
  g_assert_false (atlas_contact_same_person (d, e));
  g_assert_false (atlas_contact_same_person (a, f));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/contact/save-delete", test_contact_save_delete);
  ATLAS_TEST_ADD ("/contact/duplicates", test_contact_duplicates);
  g_test_add_func ("/contact/same-person", test_same_person);

  return g_test_run ();
}
