/* test-list-model.c: the lazy list models over store queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-list-model.h"
#include "atlas-store.h"
#include "atlas-test-util.h"
#include "atlas-text.h"

static const char *
centre_district (GListModel *model,
                 guint       position)
{
  g_autoptr(AtlasCentre) centre = g_list_model_get_item (model, position);

  /* The model keeps its own reference, so the string outlives ours. */
  return atlas_centre_get_field (centre, ATLAS_CENTRE_DISTRICT);
}

static void
test_centres_order (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  GListModel *list;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);
  list = G_LIST_MODEL (model);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 54);
  g_assert_true (g_list_model_get_item_type (list) == ATLAS_TYPE_CENTRE);
  g_assert_null (g_list_model_get_item (list, 54));

  /* German dictionary order: ü sorts as u, so Duisburg < Düren < Düsseldorf. */
  g_assert_cmpstr (centre_district (list, 0), ==, "Aachen");
  for (guint i = 1; i < 54; i++)
    {
      const char *a = centre_district (list, i - 1);
      const char *b = centre_district (list, i);

      g_assert_cmpint (atlas_text_collate (a, b), <=, 0);
    }
}

static guint
count_for (AtlasListModel *model,
           const char     *filter)
{
  atlas_list_model_set_filter (model, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_filter (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  g_autoptr(AtlasCentre) first = NULL;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);

  g_assert_cmpuint (count_for (model, "Kleve"), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (atlas_centre_get_field (first, ATLAS_CENTRE_AGS), ==, "05154");

  g_assert_cmpuint (count_for (model, "koeln"), ==, 1);
  g_assert_cmpuint (count_for (model, "KÖLN"), ==, 1);
  g_assert_cmpuint (count_for (model, "Muelheim"), ==, 1);
  g_assert_cmpuint (count_for (model, "05334"), ==, 2);   /* Städteregion and Stadt Aachen */
  g_assert_cmpuint (count_for (model, "no such place"), ==, 0);
  g_assert_cmpuint (count_for (model, "%"), ==, 0);
  g_assert_cmpuint (count_for (model, ""), ==, 54);
  g_assert_cmpuint (count_for (model, NULL), ==, 54);
}

typedef struct {
  guint position, removed, added, calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

static void
test_follows_store (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasCentre) shown = NULL;
  g_autoptr(AtlasCentre) reshown = NULL;
  ItemsChanged seen = { 0 };
  AtlasContact *contact;
  guint kleve_pos = G_MAXUINT;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* A new contact appears in the contacts model, and only there. */
  model = atlas_list_model_new (store, ATLAS_RECORD_CONTACT);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  contact = atlas_contact_new ();
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Kremer");
  g_assert_cmpint (atlas_store_insert_contact (store, contact, &error), >, 0);
  g_object_unref (contact);

  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);
  g_clear_object (&model);

  /* An edited centre is reloaded in place: one row changes, no reset. */
  model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);
  memset (&seen, 0, sizeof seen);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  for (guint i = 0; i < 54; i++)
    {
      g_autoptr(AtlasCentre) c = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (atlas_centre_get_field (c, ATLAS_CENTRE_AGS), "05154"))
        {
          kleve_pos = i;
          shown = g_object_ref (c);
        }
    }
  g_assert_cmpuint (kleve_pos, <, 54);

  centre = atlas_store_get_centre_by_ags (store, "05154", &error);
  atlas_centre_set_field (centre, ATLAS_CENTRE_PHONE, "02821 594-0");
  g_assert_true (atlas_store_update_centre (store, centre, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, kleve_pos);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);
  reshown = g_list_model_get_item (G_LIST_MODEL (model), kleve_pos);
  g_assert_true (reshown != shown);
  g_assert_cmpstr (atlas_centre_get_field (reshown, ATLAS_CENTRE_PHONE), ==, "02821 594-0");
}

static void
test_release_search (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  static const char * const awkward[] = {
    "\"", "\"\"", "(", ")", "*", "AND", "OR NOT", "NEAR(", "title:", "^", "-", "'", "{x}",
    "Köln\"", "a\"b", "\\", "%", "_", ":", "köln OR", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  static const char * const titles[] = {
    "Staatssekretärin besucht das Kommunale Integrationszentrum Köln",
    "Integrationszentrum Kleve zieht Bilanz",
    "Sommertour: Besuch in der Klingenstadt Solingen",
  };

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AtlasRelease) r = atlas_release_new ();
      g_autofree char *guid = g_strdup_printf ("urn:test:%u", i);

      atlas_release_set_field (r, ATLAS_RELEASE_GUID, guid);
      atlas_release_set_field (r, ATLAS_RELEASE_TITLE, titles[i]);
      atlas_release_set_field (r, ATLAS_RELEASE_BODY, "Text der Meldung.");
      atlas_release_set_field (r, ATLAS_RELEASE_FORMAT, "rss2");
      atlas_release_set_published (r, 1538467200 + i * 86400);
      g_assert_cmpint (atlas_store_insert_release (store, r, &error), >, 0);
      g_assert_no_error (error);
    }

  model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpuint (count_for (model, "Integrationszentrum"), ==, 2);
  g_assert_cmpuint (count_for (model, "integrationsz"), ==, 2);   /* prefix while typing */
  g_assert_cmpuint (count_for (model, "Koln"), ==, 1);            /* diacritics folded */
  g_assert_cmpuint (count_for (model, "Klingenstadt Solingen"), ==, 1);

  /* Whatever is typed, the query never fails. */
  for (guint i = 0; awkward[i]; i++)
    count_for (model, awkward[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/list-model/centres-order", test_centres_order);
  ATLAS_TEST_ADD ("/list-model/filter", test_filter);
  ATLAS_TEST_ADD ("/list-model/follows-store", test_follows_store);
  ATLAS_TEST_ADD ("/list-model/release-search", test_release_search);

  return g_test_run ();
}
