/* atlas-gazetteer.c: the municipalities of NRW and their districts
 *
 * Read once from the resource data/gazetteer.tsv, which
 * tools/gazetteer/make-gazetteer.mjs generates from the BKG's VG250: the 53
 * districts ("D" lines) and the 396 municipalities ("M" lines), each with
 * its district.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "atlas-core-resources.h"
#include "atlas-gazetteer.h"

static GArray *
load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *places = g_array_new (FALSE, FALSE, sizeof (AtlasPlace));

  /* Referencing the resource keeps it in the static library. */
  (void) atlas_core_get_resource ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/core/data/gazetteer.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The file is built in; without it the build is broken. */
  g_assert_no_error (error);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (cells);
      AtlasPlace place = { 0 };

      if (n == 4 && g_str_equal (cells[0], "D"))
        {
          place.ags = g_intern_string (cells[1]);
          place.district = place.ags;
          place.name = g_intern_string (cells[2]);
          place.is_district = TRUE;
        }
      else if (n == 5 && g_str_equal (cells[0], "M"))
        {
          place.ags = g_intern_string (cells[1]);
          place.district = g_intern_string (cells[2]);
          place.name = g_intern_string (cells[3]);
        }
      else
        continue;
      g_array_append_val (places, place);
    }

  return places;
}

static GArray *
get_places (void)
{
  static gsize initialized = 0;
  static GArray *places;

  if (g_once_init_enter (&initialized))
    {
      places = load ();
      g_once_init_leave (&initialized, 1);
    }
  return places;
}

/**
 * atlas_gazetteer_get_n_places:
 *
 * Returns: how many districts and municipalities the gazetteer holds
 */
guint
atlas_gazetteer_get_n_places (void)
{
  return get_places ()->len;
}

/**
 * atlas_gazetteer_get_place:
 * @index: below atlas_gazetteer_get_n_places()
 *
 * Returns: (transfer none): the place; districts first, each group by AGS
 */
const AtlasPlace *
atlas_gazetteer_get_place (guint index)
{
  GArray *places = get_places ();

  g_return_val_if_fail (index < places->len, NULL);
  return &g_array_index (places, AtlasPlace, index);
}
