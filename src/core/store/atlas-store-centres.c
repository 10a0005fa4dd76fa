/* atlas-store-centres.c: the store's writes and queries of centres
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-store-private.h"
#include "atlas-text.h"

AtlasCentre *
atlas_store_get_centre_by_ags (AtlasStore  *self,
                               const char  *ags,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self, "SELECT id FROM centre WHERE ags = ?1", error)))
    return NULL;

  atlas_store_bind_text (stmt, 1, ags);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                   _("There is no centre for the district key “%s”"), ags);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      atlas_store_set_error (self, rc, error, _("Could not read a record"));
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, atlas_store_stmt_release);

  return ATLAS_CENTRE (atlas_store_load (self, ATLAS_RECORD_CENTRE, id, error));
}

static char *
centre_search_key (AtlasCentre *centre)
{
  g_autofree char *joined =
    g_strjoin (" ",
               atlas_centre_get_field (centre, ATLAS_CENTRE_NAME),
               atlas_centre_get_field (centre, ATLAS_CENTRE_DISTRICT),
               atlas_centre_get_field (centre, ATLAS_CENTRE_CITY),
               atlas_centre_get_field (centre, ATLAS_CENTRE_AGS),
               NULL);

  return atlas_text_fold_search (joined);
}

/**
 * atlas_store_get_centre_ids:
 *
 * Returns: (transfer full): AGS → centre id (as a pointer-sized integer)
 *   for every centre, for callers that look many up
 */
GHashTable *
atlas_store_get_centre_ids (AtlasStore  *self,
                            GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self, "SELECT ags, id FROM centre", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, g_strdup (atlas_store_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * atlas_store_update_centre:
 *
 * Writes every editable field of @centre. The district and AGS are not
 * editable and stay as they are.
 */
gboolean
atlas_store_update_centre (AtlasStore   *self,
                           AtlasCentre  *centre,
                           GError      **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autofree char *key = NULL;
  int col = 1;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CENTRE (centre), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE centre SET name = ?2, street = ?3, postal_code = ?4, city = ?5, "
                                    "phone = ?6, email = ?7, website = ?8, head = ?9, focus = ?10, "
                                    "notes = ?11, verified_on = ?12, search_key = ?13, modified_at = ?14 "
                                    "WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, col++, atlas_centre_get_id (centre));
  for (guint f = ATLAS_CENTRE_NAME; f < ATLAS_CENTRE_N_FIELDS; f++)
    atlas_store_bind_text (stmt, col++, atlas_centre_get_field (centre, f));
  key = centre_search_key (centre);
  atlas_store_bind_text (stmt, col++, key);
  sqlite3_bind_int64 (stmt, col++, g_get_real_time () / G_USEC_PER_SEC);

  if (!atlas_store_finish_write (self, stmt, ATLAS_RECORD_CENTRE, atlas_centre_get_id (centre),
                                 error, _("Could not save the centre")))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                   _("The centre no longer exists"));
      return FALSE;
    }

  return TRUE;
}
