/* fuzz-import.c: format detection and every press-release parser
 *
 * The input is imported as a file would be, through the same stream entry
 * point, into a catalogue whose transaction is rolled back after each
 * input, so inputs do not pile up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-importer.h"
#include "fuzz-common.h"

static char *store_dir;

/* The catalogue's folder goes when the process ends. */
static void
remove_store (void)
{
  g_autoptr(GDir) dir = store_dir ? g_dir_open (store_dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);

      g_remove (path);
    }
  if (store_dir != NULL)
    g_rmdir (store_dir);
}

static AtlasStore *
shared_store (void)
{
  static AtlasStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      store_dir = g_dir_make_tmp ("atlas-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_store);
      path = g_build_filename (store_dir, "catalogue.sqlite", NULL);
      store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  AtlasStore *store = shared_store ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  g_auto(AtlasImportResult) result = { 0 };

  if (!atlas_store_begin (store, NULL))
    return 0;
  atlas_import_stream (store, stream, "fuzz.xml", NULL, &result);
  atlas_store_rollback (store);
  return 0;
}
