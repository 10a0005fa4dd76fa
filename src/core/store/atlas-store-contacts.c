/* atlas-store-contacts.c: the store's writes and queries of contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-store-private.h"
#include "atlas-text.h"
#include "atlas-validate.h"

/* The sort and search keys of a contact, kept by the store. */
static void
contact_keys (AtlasContact  *contact,
              char         **sort_key,
              char         **search_key)
{
  g_autofree char *sort_source = NULL;
  g_autofree char *search_source = NULL;

  sort_source = g_strjoin (" ",
                           atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME),
                           atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME),
                           atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION),
                           NULL);
  *sort_key = atlas_text_fold_sort (g_strstrip (sort_source));
  search_source = g_strjoin (" ",
                             atlas_contact_get_field (contact, ATLAS_CONTACT_HONORIFIC),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_ROLE),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS),
                             atlas_contact_get_field (contact, ATLAS_CONTACT_TAGS),
                             NULL);
  *search_key = atlas_text_fold_search (search_source);
}

gint64
atlas_store_insert_contact (AtlasStore    *self,
                            AtlasContact  *contact,
                            GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (contact), 0);

  atlas_contact_set_id (contact, 0);
  return atlas_store_save_contact (self, contact, error);
}

/**
 * atlas_store_save_contact:
 *
 * Inserts @contact when its id is 0 and sets the new id; otherwise writes
 * every field of the contact with that id, creating it again with the
 * same id if it was deleted (undo of a delete).
 *
 * Returns: the contact's id, 0 on error
 */
gint64
atlas_store_save_contact (AtlasStore    *self,
                          AtlasContact  *contact,
                          GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *search_key = NULL;
  gint64 id;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  g_return_val_if_fail (ATLAS_IS_CONTACT (contact), 0);

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO contact (id, honorific, given_name, family_name, role, "
                                    "organisation, centre_id, phones, emails, notes, tags, sort_key, "
                                    "search_key, modified_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                                    "ON CONFLICT (id) DO UPDATE SET honorific = ?2, given_name = ?3, "
                                    "family_name = ?4, role = ?5, organisation = ?6, centre_id = ?7, "
                                    "phones = ?8, emails = ?9, notes = ?10, tags = ?11, sort_key = ?12, "
                                    "search_key = ?13, modified_at = ?14",
                                    error)))
    return 0;

  contact_keys (contact, &sort_key, &search_key);
  id = atlas_contact_get_id (contact);

  atlas_store_bind_id_or_null (stmt, 1, id);
  for (AtlasContactField f = ATLAS_CONTACT_HONORIFIC; f <= ATLAS_CONTACT_ORGANISATION; f++)
    atlas_store_bind_text (stmt, 1 + f, atlas_contact_get_field (contact, f));
  atlas_store_bind_id_or_null (stmt, 7, atlas_contact_get_centre_id (contact));
  for (AtlasContactField f = ATLAS_CONTACT_PHONES; f <= ATLAS_CONTACT_TAGS; f++)
    atlas_store_bind_text (stmt, f + 1, atlas_contact_get_field (contact, f));
  atlas_store_bind_text (stmt, 12, sort_key);
  atlas_store_bind_text (stmt, 13, search_key);
  sqlite3_bind_int64 (stmt, 14, g_get_real_time () / G_USEC_PER_SEC);

  if (!atlas_store_finish_write (self, stmt, ATLAS_RECORD_CONTACT, id, error, _("Could not save the contact")))
    return 0;

  if (id <= 0)
    atlas_contact_set_id (contact, sqlite3_last_insert_rowid (self->db));
  return atlas_contact_get_id (contact);
}

gboolean
atlas_store_delete_contact (AtlasStore  *self,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self, "DELETE FROM contact WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_CONTACT, id, error,
                                   _("Could not delete the contact"));
}

/**
 * atlas_store_find_duplicates:
 *
 * Returns: (transfer full): ids of other contacts with the same given and
 *   family name (folded: case and umlaut spellings ignored) or sharing an
 *   e-mail address with @contact, in list order
 */
GArray *
atlas_store_find_duplicates (AtlasStore    *self,
                             AtlasContact  *contact,
                             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name_key = NULL;
  g_auto(GStrv) emails = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (ATLAS_IS_CONTACT (contact), NULL);

  if ((name_key = atlas_contact_dup_name_key (contact)) != NULL)
    g_ptr_array_add (needles, g_strdup (name_key));
  emails = atlas_list_split (atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
  for (guint i = 0; emails[i]; i++)
    g_ptr_array_add (needles, atlas_text_fold_search (emails[i]));

  /* The search key narrows the candidates; each is then judged by the one
   * rule of what makes two contacts the same person
   * (atlas_contact_same_person()), which the imports use too. */
  for (guint n = 0; n < needles->len; n++)
    {
      g_autoptr(AtlasStmt) stmt = NULL;
      int rc;

      if (!(stmt = atlas_store_prepare (self,
                                        "SELECT id FROM contact "
                                        "WHERE id <> ?1 AND instr(search_key, ?2) > 0 ORDER BY sort_key, id",
                                        error)))
        return NULL;

      sqlite3_bind_int64 (stmt, 1, atlas_contact_get_id (contact));
      atlas_store_bind_text (stmt, 2, g_ptr_array_index (needles, n));

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_autoptr(GObject) other = NULL;
          gboolean seen = FALSE;

          for (guint k = 0; !seen && k < ids->len; k++)
            seen = g_array_index (ids, gint64, k) == id;
          if (seen)
            continue;
          if (!(other = atlas_store_load (self, ATLAS_RECORD_CONTACT, id, error)))
            return NULL;
          if (atlas_contact_same_person (contact, ATLAS_CONTACT (other)))
            g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        {
          atlas_store_set_error (self, rc, error, _("Could not read the list"));
          return NULL;
        }
    }

  return g_steal_pointer (&ids);
}

/**
 * atlas_store_merge_contacts:
 *
 * Merges the contact @drop_id into @keep_id (see atlas_contact_merge())
 * and deletes it, in one transaction.
 */
gboolean
atlas_store_merge_contacts (AtlasStore  *self,
                            gint64       keep_id,
                            gint64       drop_id,
                            GError     **error)
{
  g_autoptr(GObject) keep = NULL;
  g_autoptr(GObject) drop = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep_id != drop_id, FALSE);

  if (!(keep = atlas_store_load (self, ATLAS_RECORD_CONTACT, keep_id, error)) ||
      !(drop = atlas_store_load (self, ATLAS_RECORD_CONTACT, drop_id, error)))
    return FALSE;

  atlas_contact_merge (ATLAS_CONTACT (keep), ATLAS_CONTACT (drop));

  if (!atlas_store_begin (self, error))
    return FALSE;
  if (atlas_store_save_contact (self, ATLAS_CONTACT (keep), error) == 0 ||
      !atlas_store_delete_contact (self, drop_id, error))
    {
      atlas_store_rollback (self);
      return FALSE;
    }

  return atlas_store_commit (self, error);
}

/**
 * atlas_store_find_contact:
 * @id: (out): a contact with the same names, organisation and e-mail
 *   addresses (atlas_contact_dup_exact_key()), 0 if there is none
 *
 * Returns: %FALSE on error only, as every find of the store
 */
gboolean
atlas_store_find_contact (AtlasStore    *self,
                          AtlasContact  *contact,
                          gint64        *id,
                          GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  *id = 0;
  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT id FROM contact WHERE given_name = ?1 AND family_name = ?2 "
                                    "AND organisation = ?3 AND emails = ?4 LIMIT 1",
                                    error)))
    return FALSE;

  atlas_store_bind_text (stmt, 1, atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME));
  atlas_store_bind_text (stmt, 2, atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME));
  atlas_store_bind_text (stmt, 3, atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION));
  atlas_store_bind_text (stmt, 4, atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
  return atlas_store_step_found (self, stmt, id, error);
}
