/* fuzz-ical.c: reading a calendar and planning its import (the preview),
 * against one catalogue of the 54 centres made once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "atlas-ical.h"
#include "fuzz-common.h"

static char *dir;

static void
remove_catalogue (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static AtlasStore *
get_store (void)
{
  static AtlasStore *store;

  if (store == NULL)
    {
      g_autofree char *db_path = NULL;

      dir = g_dir_make_tmp ("atlas-fuzz-ical-XXXXXX", NULL);
      g_assert_nonnull (dir);
      db_path = g_build_filename (dir, "catalogue.sqlite", NULL);
      store = atlas_store_new (db_path, ATLAS_STORE_OPEN_DEFAULT, NULL);
      g_assert_nonnull (store);
      atexit (remove_catalogue);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = atlas_ical_plan_import (get_store (), bytes, &error);
  g_autofree char *summary = NULL;

  /* A plan or a reason, never both, never neither. */
  g_assert_true ((plan == NULL) != (error == NULL));
  if (plan == NULL)
    return 0;

  summary = atlas_ical_plan_summary (plan);
  for (guint i = 0; i < plan->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);

      /* What will be written is a visit the store accepts: a centre and a date it knows. */
      if (entry->action == ATLAS_ICAL_NEW || entry->action == ATLAS_ICAL_UPDATE)
        {
          g_autofree char *sort = atlas_visit_sort_date (entry->date);

          g_assert_nonnull (entry->visit);
          g_assert_nonnull (sort);
          g_assert_cmpint (atlas_visit_get_centre_id (entry->visit), >, 0);
        }
      else if (entry->action == ATLAS_ICAL_SKIP)
        g_assert_nonnull (entry->reason);
    }
  return 0;
}
