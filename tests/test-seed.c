/* test-seed.c: the seed catalogue of districts and centres
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-list-model.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static void
test_counts (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) districts = NULL;
  gboolean city = FALSE, region = FALSE;
  guint n_kreise = 0, n_cities = 0;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, NULL), ==, 54);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_DISTRICT, NULL), ==, 54);

  districts = atlas_list_model_new (store, ATLAS_RECORD_DISTRICT);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (districts)); i++)
    {
      g_autoptr(AtlasDistrict) d = g_list_model_get_item (G_LIST_MODEL (districts), i);
      const char *ags = atlas_district_get_field (d, ATLAS_DISTRICT_AGS);
      const char *kind = atlas_district_get_field (d, ATLAS_DISTRICT_KIND);

      g_assert_true (g_str_has_prefix (ags, "05"));
      g_assert_cmpint (atlas_district_get_population (d), >, 0);
      g_assert_cmpfloat (atlas_district_get_area_km2 (d), >, 0.0);
      g_assert_cmpstr (atlas_district_get_field (d, ATLAS_DISTRICT_REGIERUNGSBEZIRK), !=, "");

      if (g_str_equal (ags, "05334002"))
        {
          city = TRUE;
          g_assert_cmpstr (kind, ==, "Stadt");
          g_assert_cmpstr (atlas_district_get_field (d, ATLAS_DISTRICT_NAME), ==, "Aachen");
        }
      else if (g_str_equal (ags, "05334"))
        {
          region = TRUE;
          g_assert_cmpstr (kind, ==, "Städteregion");
        }
      else if (g_str_equal (kind, "Kreis"))
        n_kreise++;
      else if (g_str_equal (kind, "Kreisfreie Stadt"))
        n_cities++;
    }

  /* NRW: 30 Kreise, the Städteregion Aachen and 22 kreisfreie Städte. */
  g_assert_true (city);
  g_assert_true (region);
  g_assert_cmpuint (n_kreise, ==, 30);
  g_assert_cmpuint (n_cities, ==, 22);
}

static void
test_facts (AtlasTestDir  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCentre) duisburg = NULL;
  g_autoptr(AtlasCentre) duesseldorf = NULL;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  duisburg = atlas_store_get_centre_by_ags (store, "05112", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_centre_get_field (duisburg, ATLAS_CENTRE_STREET), ==, "Sonnenwall 73-75");
  g_assert_cmpstr (atlas_centre_get_field (duisburg, ATLAS_CENTRE_POSTAL_CODE), ==, "47051");
  g_assert_cmpstr (atlas_centre_get_field (duisburg, ATLAS_CENTRE_EMAIL), ==, "integration@stadt-duisburg.de");
  g_assert_cmpstr (atlas_centre_get_field (duisburg, ATLAS_CENTRE_DISTRICT), ==, "Duisburg");

  /* What the public sources do not say stays empty for the user. */
  duesseldorf = atlas_store_get_centre_by_ags (store, "05111", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_centre_get_field (duesseldorf, ATLAS_CENTRE_STREET), ==, "");
  g_assert_cmpstr (atlas_centre_get_field (duesseldorf, ATLAS_CENTRE_PHONE), ==, "");
}

static void
test_idempotent (AtlasTestDir  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasCentre) reloaded = NULL;
  AtlasStore *store;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  centre = atlas_store_get_centre_by_ags (store, "05122", &error);
  g_assert_no_error (error);
  atlas_centre_set_field (centre, ATLAS_CENTRE_NAME, "KI Solingen (edited)");
  g_assert_true (atlas_store_update_centre (store, centre, &error));
  g_assert_finalize_object (store);

  for (guint i = 0; i < 2; i++)
    {
      store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, NULL), ==, 54);
      g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_DISTRICT, NULL), ==, 54);
      g_clear_object (&reloaded);
      reloaded = atlas_store_get_centre_by_ags (store, "05122", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (atlas_centre_get_field (reloaded, ATLAS_CENTRE_NAME), ==, "KI Solingen (edited)");
      g_clear_object (&reloaded);
      g_assert_finalize_object (store);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/seed/counts", test_counts);
  ATLAS_TEST_ADD ("/seed/facts", test_facts);
  ATLAS_TEST_ADD ("/seed/idempotent", test_idempotent);

  return g_test_run ();
}
