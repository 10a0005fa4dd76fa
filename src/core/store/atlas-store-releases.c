/* atlas-store-releases.c: the store's writes and queries of press releases:
 * inserting, updating, linking to centres, the import log and search
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

/* ?2 … ?12 of the release insert and update statements, which number
 * their columns alike (?1 is the guid or the id). */
static void
bind_release (AtlasStmt    *stmt,
              AtlasRelease *release)
{
  atlas_store_bind_text (stmt, 2, atlas_release_get_field (release, ATLAS_RELEASE_LINK));
  atlas_store_bind_text (stmt, 3, atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  atlas_store_bind_text (stmt, 4, atlas_release_get_field (release, ATLAS_RELEASE_BODY));
  atlas_store_bind_text (stmt, 5, atlas_release_get_field (release, ATLAS_RELEASE_SOURCE));
  atlas_store_bind_text (stmt, 6, atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR));
  sqlite3_bind_int64 (stmt, 7, atlas_release_get_published (release));
  atlas_store_bind_id_or_null (stmt, 8, atlas_release_get_updated (release));
  sqlite3_bind_int64 (stmt, 9, MAX (1, atlas_release_get_version (release)));
  atlas_store_bind_text (stmt, 10, atlas_release_get_field (release, ATLAS_RELEASE_FORMAT));
  atlas_store_bind_text (stmt, 11, atlas_release_get_field (release, ATLAS_RELEASE_CONTENT_HASH));
  sqlite3_bind_int64 (stmt, 12, g_get_real_time () / G_USEC_PER_SEC);
}

gint64
atlas_store_insert_release (AtlasStore    *self,
                            AtlasRelease  *release,
                            GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  g_return_val_if_fail (ATLAS_IS_RELEASE (release), 0);

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO release (guid, link, title, body, source, author, "
                                    "published, updated, version, format, content_hash, imported_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                    error)))
    return 0;

  atlas_store_bind_text (stmt, 1, atlas_release_get_field (release, ATLAS_RELEASE_GUID));
  bind_release (stmt, release);

  /* Open the transaction here, so the indexing joins it (see atlas_store_fts_flush()). */
  if (!atlas_store_begin (self, error))
    return 0;
  if (!atlas_store_step_done (self, stmt, error, _("Could not save the press release")))
    {
      if (self->txn_depth == 1)
        atlas_store_rollback (self);
      else
        self->txn_depth--;
      return 0;
    }

  atlas_release_set_id (release, sqlite3_last_insert_rowid (self->db));
  if (self->fts_first == 0)
    self->fts_first = atlas_release_get_id (release);
  self->fts_last = atlas_release_get_id (release);
  atlas_store_note_change (self, ATLAS_RECORD_RELEASE, atlas_release_get_id (release));

  if (!atlas_store_commit (self, error))
    return 0;
  return atlas_release_get_id (release);
}

gboolean
atlas_store_link_release (AtlasStore  *self,
                          gint64       release_id,
                          gint64       centre_id,
                          gboolean     visited,
                          GError     **error)
{
  return atlas_store_link_release_full (self, release_id, centre_id, visited, FALSE, error);
}

/**
 * atlas_store_link_release_full:
 * @visited: whether the release reports a visit to the centre, not a mention
 * @confirmed: whether the user confirmed the link (re-detection keeps it)
 */
gboolean
atlas_store_link_release_full (AtlasStore  *self,
                               gint64       release_id,
                               gint64       centre_id,
                               gboolean     visited,
                               gboolean     confirmed,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO release_centre (release_id, centre_id, role, confirmed) "
                                    "VALUES (?1, ?2, ?3, ?4) "
                                    "ON CONFLICT (release_id, centre_id) DO UPDATE SET role = excluded.role, "
                                    "confirmed = excluded.confirmed",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  atlas_store_bind_text (stmt, 3, visited ? "visited" : "mentioned");
  sqlite3_bind_int (stmt, 4, confirmed ? 1 : 0);

  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
                                   _("Could not link the press release to a centre"));
}

/* Removes one link; the user decided the release is not about the centre. */
gboolean
atlas_store_unlink_centre (AtlasStore  *self,
                           gint64       release_id,
                           gint64       centre_id,
                           GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "DELETE FROM release_centre WHERE release_id = ?1 AND centre_id = ?2",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
                                   _("Could not remove the link to the centre"));
}

/**
 * atlas_store_get_release_links:
 *
 * Returns: (transfer full) (element-type AtlasReleaseLink): the centres
 *   @release_id is linked to, visited ones first
 */
GArray *
atlas_store_get_release_links (AtlasStore  *self,
                               gint64       release_id,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (AtlasReleaseLink));
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT c.ags, rc.role = 'visited', rc.confirmed "
                                    "FROM release_centre rc JOIN centre c ON c.id = rc.centre_id "
                                    "WHERE rc.release_id = ?1 ORDER BY rc.role DESC, c.ags",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasReleaseLink link = { { 0 }, 0, 0 };

      g_strlcpy (link.ags, atlas_store_column_text (stmt, 0), sizeof link.ags);
      link.visited = sqlite3_column_int (stmt, 1);
      link.confirmed = sqlite3_column_int (stmt, 2);
      g_array_append_val (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_steal_pointer (&links);
}

/**
 * atlas_store_set_link_evidence:
 * @evidence: the sentence detection linked the release to the centre by
 * @confidence: 0–1
 *
 * Keeps why the release was linked to the centre.
 */
gboolean
atlas_store_set_link_evidence (AtlasStore  *self,
                               gint64       release_id,
                               gint64       centre_id,
                               const char  *evidence,
                               double       confidence,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE release_centre SET evidence = ?3, confidence = ?4 "
                                    "WHERE release_id = ?1 AND centre_id = ?2",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  atlas_store_bind_text (stmt, 3, evidence ? evidence : "");
  sqlite3_bind_double (stmt, 4, CLAMP (confidence, 0.0, 1.0));
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
                                   _("Could not link the press release to a centre"));
}

/**
 * atlas_store_get_release_evidence:
 *
 * Returns: (transfer full): the sentences @release_id was linked to its
 *   centres and visits by, those of centres it is about first; %NULL on
 *   error
 */
GStrv
atlas_store_get_release_evidence (AtlasStore  *self,
                                  gint64       release_id,
                                  GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT evidence FROM ("
                                    "  SELECT evidence, role = 'visited' AS about FROM release_centre WHERE release_id = ?1 "
                                    "  UNION SELECT evidence, 1 FROM visit WHERE release_id = ?1"
                                    ") WHERE evidence <> '' GROUP BY evidence ORDER BY MAX(about) DESC, evidence",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, atlas_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* Imports ------------------------------------------------------------------- */

/**
 * atlas_store_find_release:
 * @guid: (nullable): the release's own identifier
 * @link: (nullable): its address, compared when @guid finds nothing
 * @content_hash: (nullable): a hash of title and date, compared last
 * @id: (out): the stored release that is the same one, 0 if none is
 * @version: (out): its NewsML-G2 version
 * @updated: (out): its Atom updated time, 0 if none
 *
 * Returns: %FALSE on error only, as every find of the store (it was
 *   %FALSE both for "none" and for an error, so callers had to look at
 *   *error, which they cannot when they pass %NULL)
 */
gboolean
atlas_store_find_release (AtlasStore  *self,
                          const char  *guid,
                          const char  *link,
                          const char  *content_hash,
                          gint64      *id,
                          gint64      *version,
                          gint64      *updated,
                          GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  *id = *version = *updated = 0;
  /* One statement, in order of preference; SQLite stops at the first row.
   * The "<> ''" terms let the partial indexes on link and hash serve. */
  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT id, version, coalesce(updated, 0) FROM release WHERE guid = ?1 "
                                    "UNION ALL "
                                    "SELECT id, version, coalesce(updated, 0) FROM release WHERE link = ?2 AND link <> '' "
                                    "UNION ALL "
                                    "SELECT id, version, coalesce(updated, 0) FROM release "
                                    "WHERE content_hash = ?3 AND content_hash <> '' "
                                    "LIMIT 1",
                                    error)))
    return FALSE;

  atlas_store_bind_text (stmt, 1, guid);
  atlas_store_bind_text (stmt, 2, link);
  atlas_store_bind_text (stmt, 3, content_hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *version = sqlite3_column_int64 (stmt, 1);
      *updated = sqlite3_column_int64 (stmt, 2);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not look for the press release"));

  return TRUE;
}

/* Replaces a stored release with a newer version of it; the guid stays. */
gboolean
atlas_store_update_release (AtlasStore    *self,
                            gint64         id,
                            AtlasRelease  *release,
                            GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_RELEASE (release), FALSE);

  /* The update trigger removes the old text from the index: it must be there. */
  if (!atlas_store_fts_flush (self, error))
    return FALSE;

  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE release SET link = ?2, title = ?3, body = ?4, source = ?5, "
                                    "author = ?6, published = ?7, updated = ?8, version = ?9, format = ?10, "
                                    "content_hash = ?11, imported_at = ?12 WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_release (stmt, release);

  if (!atlas_store_finish_write (self, stmt, ATLAS_RECORD_RELEASE, id, error, _("Could not save the press release")))
    return FALSE;

  atlas_release_set_id (release, id);
  return TRUE;
}

/* Drops the links the user has not confirmed, before they are detected
 * again for a new version of the release. */
gboolean
atlas_store_unlink_release (AtlasStore  *self,
                            gint64       release_id,
                            GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "DELETE FROM release_centre WHERE release_id = ?1 AND confirmed = 0",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  return atlas_store_finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
                                   _("Could not link the press release to a centre"));
}

gboolean
atlas_store_log_import (AtlasStore  *self,
                        const char  *path,
                        const char  *format,
                        guint        n_new,
                        guint        n_updated,
                        guint        n_skipped,
                        GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO import_log (path, format, imported_at, n_new, n_updated, "
                                    "n_skipped, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ok')",
                                    error)))
    return FALSE;

  atlas_store_bind_text (stmt, 1, path);
  atlas_store_bind_text (stmt, 2, format);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 4, n_new);
  sqlite3_bind_int64 (stmt, 5, n_updated);
  sqlite3_bind_int64 (stmt, 6, n_skipped);

  if (!atlas_store_begin (self, error))
    return FALSE;
  if (!atlas_store_step_done (self, stmt, error, _("Could not record the import")))
    {
      atlas_store_rollback (self);
      return FALSE;
    }
  return atlas_store_commit (self, error);
}

void
atlas_search_hit_free (AtlasSearchHit *hit)
{
  g_free (hit->snippet);
  g_free (hit);
}

/**
 * atlas_store_search_releases:
 * @user_text: what the user typed; it can never break the query
 * @mark_start: what goes before a match in the snippet
 * @mark_end: what goes after it
 *
 * Full-text search: best matches first (see
 * atlas_store_query_release_ids()) when there are at most
 * MAX_SEARCH_RESULTS (atlas-store-read.c), else the newest.
 *
 * Returns: (transfer full) (element-type AtlasSearchHit): the hits
 */
GPtrArray *
atlas_store_search_releases (AtlasStore  *self,
                             const char  *user_text,
                             const char  *mark_start,
                             const char  *mark_end,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_search_hit_free);
  g_autofree char *query = atlas_text_fts_query (user_text);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (query == NULL)
    return g_steal_pointer (&hits);

  /* The same bounded query as the list; the snippets come from the text,
   * since asking FTS5 for them would run the whole match again per hit. */
  ids = atlas_store_query_release_ids (self, query, NULL, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len && i < limit; i++)
    {
      g_autoptr(AtlasStmt) stmt = NULL;
      AtlasSearchHit *hit;
      int rc;

      if (!(stmt = atlas_store_prepare (self, "SELECT title, body FROM release WHERE id = ?1", error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          atlas_store_set_error (self, rc, error, _("Could not search the press releases"));
          return NULL;
        }

      hit = g_new0 (AtlasSearchHit, 1);
      hit->id = g_array_index (ids, gint64, i);
      if (rc == SQLITE_ROW)
        {
          hit->snippet = atlas_text_snippet (atlas_store_column_text (stmt, 1), user_text, mark_start, mark_end, FALSE);
          if (hit->snippet == NULL)
            hit->snippet = atlas_text_snippet (atlas_store_column_text (stmt, 0), user_text, mark_start, mark_end, FALSE);
        }
      if (hit->snippet == NULL)
        hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
    }

  return g_steal_pointer (&hits);
}
