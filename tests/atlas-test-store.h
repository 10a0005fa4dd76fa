/* atlas-test-store.h: catalogues of a given size, and damaged ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* Adds @n short press releases through the store, in one transaction. */
static inline void
atlas_test_add_releases (AtlasStore *store,
                         guint       n)
{
  static const char * const words[] = { "Integration", "Köln", "Sprachkurs", "Beratung", "Bielefeld", "Zentrum" };
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRelease) release = atlas_release_new ();
      g_autofree char *guid = g_strdup_printf ("urn:test:%u", i);
      g_autofree char *title = g_strdup_printf ("%s %u", words[i % G_N_ELEMENTS (words)], i);

      atlas_release_set_field (release, ATLAS_RELEASE_GUID, guid);
      atlas_release_set_field (release, ATLAS_RELEASE_TITLE, title);
      atlas_release_set_field (release, ATLAS_RELEASE_BODY, words[(i / 7) % G_N_ELEMENTS (words)]);
      atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "rss2");
      atlas_release_set_published (release, 1500000000 + (gint64) i * 60);
      atlas_store_insert_release (store, release, &error);
      g_assert_no_error (error);
    }
  g_assert_true (atlas_store_commit (store, &error));
  g_assert_no_error (error);
}

/* Garbage over the pages from 40 to 90 % of the file: the press releases
 * and their index, none of the pages the schema and centres fill first. */
static inline void
atlas_test_damage_releases (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 64 * 4096);
  for (gsize i = len * 4 / 10 / 4096 * 4096; i < len * 9 / 10; i++)
    contents[i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

G_END_DECLS
