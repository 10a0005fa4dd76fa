/* atlas-test-util.h: temporary catalogues for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* A fresh folder per test, removed with everything in it by the fixture. */
typedef struct {
  char *dir;
  char *db_path;
} AtlasTestDir;

static inline void
atlas_test_dir_setup (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "catalogue.sqlite", NULL);
}

static inline void
atlas_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          atlas_test_rm_rf (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline void
atlas_test_dir_teardown (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  atlas_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

/* Whether this process holds a descriptor of @path that was deleted under it. */
static inline gboolean
atlas_test_holds_deleted (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  g_autofree char *deleted = g_strconcat (path, " (deleted)", NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (g_strcmp0 (target, deleted) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The catalogue's -wal is there and not held deleted by this process: no
 * other program folded and removed it under an open connection. */
static inline void
atlas_test_assert_wal_kept (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (atlas_test_holds_deleted (wal));
  g_assert_false (atlas_test_holds_deleted (shm));
}

/* A contact with a name and e-mail addresses, not yet stored. */
static inline AtlasContact *
atlas_test_contact_new (const char *given,
                        const char *family,
                        const char *emails)
{
  AtlasContact *c = atlas_contact_new ();

  atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, given);
  atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
  atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, emails);
  return c;
}

static inline void
atlas_test_add_contacts (AtlasStore *store,
                         guint       n,
                         const char *family)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasContact) c = atlas_contact_new ();
      g_autofree char *name = g_strdup_printf ("%s %u", family, i);
      g_autoptr(GError) error = NULL;

      atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, name);
      g_assert_cmpint (atlas_store_save_contact (store, c, &error), >, 0);
    }
}

#define ATLAS_TEST_ADD(path, func) \
  g_test_add (path, AtlasTestDir, NULL, atlas_test_dir_setup, func, atlas_test_dir_teardown)

G_END_DECLS
