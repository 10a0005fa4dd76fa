/* atlas-store-visits.c: the store's writes and queries of visits: saving,
 * listing, their evidence and sources, and their calendar identity
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

/**
 * atlas_store_set_visit_evidence:
 * @evidence: the sentence that reports the visit
 * @confidence: 0–1; below 0.5 the suggestion is a guess
 * @announced: whether the release announces the visit (accepting it makes
 *   it planned, not done)
 */
gboolean
atlas_store_set_visit_evidence (AtlasStore  *self,
                                gint64       visit_id,
                                const char  *evidence,
                                double       confidence,
                                gboolean     announced,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE visit SET evidence = ?2, confidence = ?3, announced = ?4 WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  atlas_store_bind_text (stmt, 2, evidence ? evidence : "");
  sqlite3_bind_double (stmt, 3, CLAMP (confidence, 0.0, 1.0));
  sqlite3_bind_int (stmt, 4, announced ? 1 : 0);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/**
 * atlas_store_get_visit_evidence:
 * @evidence: (out) (transfer full): the sentence, "" if none was kept
 * @confidence: (out): 0–1
 * @announced: (out): whether the release announced the visit
 *
 * Returns: %FALSE on error (a visit that does not exist has no evidence)
 */
gboolean
atlas_store_get_visit_evidence (AtlasStore  *self,
                                gint64       visit_id,
                                char       **evidence,
                                double      *confidence,
                                gboolean    *announced,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  *evidence = g_strdup ("");
  *confidence = 1.0;
  *announced = FALSE;
  if (!(stmt = atlas_store_prepare (self, "SELECT evidence, confidence, announced FROM visit WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (*evidence);
      *evidence = g_strdup (atlas_store_column_text (stmt, 0));
      *confidence = sqlite3_column_double (stmt, 1);
      *announced = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return FALSE;
    }

  return TRUE;
}

/**
 * atlas_store_add_visit_source:
 *
 * Records @release_id as one more press release that reports the visit
 * @visit_id (the same centre on the same day as the release it was
 * suggested by).
 */
gboolean
atlas_store_add_visit_source (AtlasStore  *self,
                              gint64       visit_id,
                              gint64       release_id,
                              GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self, "INSERT OR IGNORE INTO visit_source (visit_id, release_id) VALUES (?1, ?2)",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, release_id);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/**
 * atlas_store_get_visit_sources:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the press
 *   releases that report the visit @visit_id, the oldest first; %NULL on
 *   error
 */
GArray *
atlas_store_get_visit_sources (AtlasStore  *self,
                               gint64       visit_id,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT s.release_id FROM visit_source s JOIN release r ON r.id = s.release_id "
                                    "WHERE s.visit_id = ?1 ORDER BY r.published, r.id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  return atlas_store_collect_ids (self, stmt, error);
}

/**
 * atlas_store_get_release_visits:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the visits
 *   the press release @release_id reports, in the tour's order; %NULL on
 *   error
 */
GArray *
atlas_store_get_release_visits (AtlasStore  *self,
                                gint64       release_id,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT s.visit_id FROM visit_source s JOIN visit v ON v.id = s.visit_id "
                                    "WHERE s.release_id = ?1 ORDER BY " VISIT_ORDER ("v."),
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  return atlas_store_collect_ids (self, stmt, error);
}

/**
 * atlas_store_get_example_visits:
 * @after_id: only visits with a greater id; 0 for all
 * @example: the example tour's visits, or the others
 *
 * Returns: (transfer full) (element-type gint64): the ids of the visits,
 *   %NULL on error
 */
GArray *
atlas_store_get_example_visits (AtlasStore  *self,
                                gint64       after_id,
                                gboolean     example,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self, "SELECT id FROM visit WHERE id > ?1 AND example = ?2 ORDER BY id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int (stmt, 2, example ? 1 : 0);
  return atlas_store_collect_ids (self, stmt, error);
}

/**
 * atlas_store_last_visit_id:
 *
 * Returns: the greatest id a visit has, 0 when there is none, -1 on error
 */
gint64
atlas_store_last_visit_id (AtlasStore  *self,
                           GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);

  if (!(stmt = atlas_store_prepare (self, "SELECT coalesce(max(id), 0) FROM visit", error)))
    return -1;
  return atlas_store_step_id (self, stmt, error);
}

/* Marks the visit @visit_id as one of the example tour's, or not. */
gboolean
atlas_store_set_visit_example (AtlasStore  *self,
                               gint64       visit_id,
                               gboolean     example,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self, "UPDATE visit SET example = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int (stmt, 2, example ? 1 : 0);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/**
 * atlas_store_save_visit:
 *
 * The one way a visit is written, by the editors, the command line, the
 * importer, the exchange formats and the history: inserts @visit when its
 * id is 0, otherwise writes every field of the visit with that id
 * (creating it again with the same id if it was deleted). The centre comes from the visit's centre id; the order of the
 * tour from its date (see atlas_visit_sort_date()).
 *
 * Returns: the visit's id, 0 on error
 */
gint64
atlas_store_save_visit (AtlasStore  *self,
                        AtlasVisit  *visit,
                        GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autofree char *sort_date = NULL;
  gint64 id;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  g_return_val_if_fail (ATLAS_IS_VISIT (visit), 0);

  sort_date = atlas_visit_sort_date (atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
  if (sort_date == NULL)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not a date of a visit"), atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
      return 0;
    }

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO visit (id, centre_id, date, sort_date, tour, visitors, "
                                    "status, notes, release_id) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                    "ON CONFLICT (id) DO UPDATE SET centre_id = ?2, date = ?3, sort_date = ?4, "
                                    "tour = ?5, visitors = ?6, status = ?7, notes = ?8, release_id = ?9",
                                    error)))
    return 0;

  id = atlas_visit_get_id (visit);
  atlas_store_bind_id_or_null (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, atlas_visit_get_centre_id (visit));
  atlas_store_bind_text (stmt, 3, atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
  atlas_store_bind_text (stmt, 4, sort_date);
  atlas_store_bind_text (stmt, 5, atlas_visit_get_field (visit, ATLAS_VISIT_TOUR));
  atlas_store_bind_text (stmt, 6, atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS));
  atlas_store_bind_text (stmt, 7, atlas_visit_get_field (visit, ATLAS_VISIT_STATUS));
  atlas_store_bind_text (stmt, 8, atlas_visit_get_field (visit, ATLAS_VISIT_NOTES));
  atlas_store_bind_id_or_null (stmt, 9, atlas_visit_get_release_id (visit));

  if (!atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, id, error, _("Could not save the visit")))
    return 0;

  if (id <= 0)
    atlas_visit_set_id (visit, sqlite3_last_insert_rowid (self->db));
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, sort_date);
  return atlas_visit_get_id (visit);
}

/**
 * atlas_store_find_visit:
 * @id: (out): a visit to @centre_id on @date, 0 if there is none
 *
 * Returns: %FALSE on error only
 */
gboolean
atlas_store_find_visit (AtlasStore  *self,
                        gint64       centre_id,
                        const char  *date,
                        gint64      *id,
                        GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  *id = 0;
  if (!(stmt = atlas_store_prepare (self, "SELECT id FROM visit WHERE centre_id = ?1 AND date = ?2 LIMIT 1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, centre_id);
  atlas_store_bind_text (stmt, 2, date);
  return atlas_store_step_found (self, stmt, id, error);
}

/* Visits --------------------------------------------------------------------- */

/**
 * atlas_store_list_visits:
 * @tour: (nullable): only this tour
 * @visitor: (nullable): only visits with this visitor (part of the name)
 * @from: (nullable): YYYY-MM-DD, the first day
 * @to: (nullable): YYYY-MM-DD, the last day
 *
 * Returns: (transfer full) (element-type AtlasVisit): the visits in date
 *   order, as the visit list and the map number them
 */
GPtrArray *
atlas_store_list_visits (AtlasStore  *self,
                         const char  *tour,
                         const char  *visitor,
                         const char  *from,
                         const char  *to,
                         GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *visitor_key = visitor && *visitor ? atlas_text_fold_search (visitor) : NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT v.id, v.date, v.sort_date, c.ags, c.name, v.tour, v.visitors, v.status, "
                                    "v.notes, v.centre_id, coalesce(v.release_id, 0) "
                                    "FROM visit v JOIN centre c ON c.id = v.centre_id "
                                    "WHERE (?1 IS NULL OR v.tour = ?1) AND v.sort_date >= ?2 AND v.sort_date <= ?3 "
                                    "ORDER BY " VISIT_ORDER ("v."),
                                    error)))
    return NULL;

  if (tour && *tour)
    atlas_store_bind_text (stmt, 1, tour);
  atlas_store_bind_text (stmt, 2, from && *from ? from : "0000-00-00");
  atlas_store_bind_text (stmt, 3, to && *to ? to : "9999-99-99");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *visit = atlas_store_object_from_row (ATLAS_RECORD_VISIT, stmt);
      g_autofree char *who = NULL;

      /* Visitors are free text: matched folded, like every search. */
      if (visitor_key != NULL)
        {
          who = atlas_text_fold_search (atlas_visit_get_field (ATLAS_VISIT (visit), ATLAS_VISIT_VISITORS));
          if (strstr (who, visitor_key) == NULL)
            {
              g_object_unref (visit);
              continue;
            }
        }
      g_ptr_array_add (visits, visit);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_steal_pointer (&visits);
}

/**
 * atlas_store_accept_suggested:
 *
 * Returns: how many suggested visits became done ones, -1 on error
 */
gint64
atlas_store_accept_suggested (AtlasStore  *self,
                              GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);

  /* A visit the release announced is planned, not done. */
  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE visit SET status = CASE announced WHEN 1 THEN 'planned' ELSE 'done' END "
                                    "WHERE status = 'suggested'", error)))
    return -1;

  if (!atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, -1, error, _("Could not save the visit")))
    return -1;

  return sqlite3_changes (self->db);
}

gboolean
atlas_store_set_visit_status (AtlasStore  *self,
                              gint64       visit_id,
                              const char  *status,
                              GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self, "UPDATE visit SET status = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  atlas_store_bind_text (stmt, 2, status);

  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

gboolean
atlas_store_delete_visit (AtlasStore  *self,
                          gint64       visit_id,
                          GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self, "DELETE FROM visit WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);

  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not delete the visit"));
}

/* Calendar exchange (exchange/atlas-ical.c) ------------------------------------
 * The iCalendar identity of a visit: its UID and SEQUENCE, kept by the
 * triggers of migration 0004. */

/**
 * atlas_store_get_visit_identity:
 * @uid: (out) (transfer full): the visit's iCalendar UID
 * @sequence: (out): how often the visit changed since it was made
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
atlas_store_get_visit_identity (AtlasStore  *self,
                                gint64       visit_id,
                                char       **uid,
                                gint64      *sequence,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL && sequence != NULL, FALSE);

  if (!(stmt = atlas_store_prepare (self, "SELECT coalesce(uid, ''), sequence FROM visit WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return atlas_store_set_error (self, rc, error, _("Could not read a record"));

  *uid = g_strdup (atlas_store_column_text (stmt, 0));
  *sequence = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * atlas_store_find_visit_by_uid:
 * @id: (out): the visit with this iCalendar UID, 0 if there is none
 *
 * Returns: %FALSE on error only
 */
gboolean
atlas_store_find_visit_by_uid (AtlasStore  *self,
                               const char  *uid,
                               gint64      *id,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  *id = 0;
  if (!(stmt = atlas_store_prepare (self, "SELECT id FROM visit WHERE uid = ?1", error)))
    return FALSE;

  atlas_store_bind_text (stmt, 1, uid);
  return atlas_store_step_found (self, stmt, id, error);
}

/* A visit imported from a calendar keeps the UID the calendar gave it. */
gboolean
atlas_store_set_visit_uid (AtlasStore  *self,
                           gint64       visit_id,
                           const char  *uid,
                           GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL && *uid != '\0', FALSE);

  if (!(stmt = atlas_store_prepare (self, "UPDATE visit SET uid = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  atlas_store_bind_text (stmt, 2, uid);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/* End of calendar exchange --------------------------------------------------- */
