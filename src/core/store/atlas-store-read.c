/* atlas-store-read.c: reading any kind of record: counts, ids in list
 * order, and loading a record by id
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

/* A search that matches more than this lists the newest matches only:
 * ranking a few thousand rows is quick, ranking 300,000 is not. */
#define MAX_SEARCH_RESULTS 1000

/* Reading ------------------------------------------------------------------- */

gint64
atlas_store_count (AtlasStore       *self,
                   AtlasRecordKind   kind,
                   GError          **error)
{
  static const char * const sql[ATLAS_N_RECORD_KINDS] = {
    [ATLAS_RECORD_DISTRICT] = "SELECT count(*) FROM district",
    [ATLAS_RECORD_CENTRE] = "SELECT count(*) FROM centre",
    [ATLAS_RECORD_CONTACT] = "SELECT count(*) FROM contact",
    [ATLAS_RECORD_RELEASE] = "SELECT count(*) FROM release",
    [ATLAS_RECORD_VISIT] = "SELECT count(*) FROM visit",
  };
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);
  g_return_val_if_fail (kind < ATLAS_N_RECORD_KINDS, -1);

  if (!(stmt = atlas_store_prepare (self, sql[kind], error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      atlas_store_set_error (self, rc, error, _("Could not count the records"));
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

GArray *
atlas_store_collect_ids (AtlasStore  *self,
                         AtlasStmt   *stmt,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
scope_is_empty (const AtlasQueryScope *scope)
{
  return scope == NULL || (scope->centre_id == 0 && scope->from == 0 && scope->to == 0);
}

static void
bind_scope (AtlasStmt             *stmt,
            const AtlasQueryScope *scope)
{
  sqlite3_bind_int64 (stmt, 1, scope->centre_id);
  sqlite3_bind_int64 (stmt, 2, scope->from ? scope->from : G_MININT64);
  sqlite3_bind_int64 (stmt, 3, scope->to ? scope->to : G_MAXINT64);
}

/* Full-text search for the list: best matches first when there are few
 * enough to rank, else the newest matches. Both queries are bounded, so a
 * keystroke costs the same with 300 releases or 300,000.
 *
 * Best first means: the releases with every word in their title, then the
 * others, each newest first. The index keeps which column a word is in
 * (detail=column), so this costs one more lookup; bm25 would need each
 * row's word positions, which this index does not keep (FTS5 would read
 * and split the text of every match). */
GArray *
atlas_store_query_release_ids (AtlasStore            *self,
                               const char            *fts_query,
                               const AtlasQueryScope *scope,
                               GError               **error)
{
  static const char * const newest_sql[] = {
    "SELECT rowid FROM release_fts WHERE release_fts MATCH ?4 ORDER BY rowid DESC LIMIT ?5",
    "SELECT f.rowid FROM release_fts f JOIN release r ON r.id = f.rowid "
    "WHERE release_fts MATCH ?4 AND r.published BETWEEN ?2 AND ?3 "
    "AND (?1 = 0 OR EXISTS (SELECT 1 FROM release_centre rc WHERE rc.release_id = r.id AND rc.centre_id = ?1)) "
    "ORDER BY f.rowid DESC LIMIT ?5",
  };
  static const char * const in_title_sql =
    "SELECT rowid FROM release_fts WHERE release_fts MATCH ?1 ORDER BY rowid DESC";
  g_autoptr(AtlasStmt) newest = NULL;
  g_autoptr(AtlasStmt) in_title = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) title_ids = NULL;
  g_autoptr(GHashTable) titled = NULL;
  g_autofree char *title_query = NULL;
  GArray *ranked;
  guint variant = scope_is_empty (scope) ? 0 : 1;

  if (!atlas_store_fts_flush (self, error))
    return NULL;

  if (!(newest = atlas_store_prepare (self, newest_sql[variant], error)))
    return NULL;
  if (variant == 1)
    bind_scope (newest, scope);
  atlas_store_bind_text (newest, 4, fts_query);
  sqlite3_bind_int (newest, 5, MAX_SEARCH_RESULTS + 1);
  ids = atlas_store_collect_ids (self, newest, error);
  if (ids == NULL)
    return NULL;

  if (ids->len > MAX_SEARCH_RESULTS)
    {
      g_array_set_size (ids, MAX_SEARCH_RESULTS);
      return g_steal_pointer (&ids);
    }
  if (ids->len < 2)
    return g_steal_pointer (&ids);

  /* At most as many as were found, so bounded too. */
  title_query = g_strdup_printf ("{title} : (%s)", fts_query);
  if (!(in_title = atlas_store_prepare (self, in_title_sql, error)))
    return NULL;
  atlas_store_bind_text (in_title, 1, title_query);
  title_ids = atlas_store_collect_ids (self, in_title, error);
  if (title_ids == NULL)
    return NULL;

  titled = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < title_ids->len; i++)
    g_hash_table_add (titled, &g_array_index (title_ids, gint64, i));

  ranked = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 *id = &g_array_index (ids, gint64, i);

        if (g_hash_table_contains (titled, id) == (pass == 0))
          g_array_append_val (ranked, *id);
      }
  return ranked;
}

/**
 * atlas_store_query_ids:
 * @filter: (nullable): what the user searches for, or %NULL for all
 *
 * Returns the ids of the records of @kind in display order: centres by
 * district (German order), contacts by family name, releases newest first
 * (found ones best first, see atlas_store_query_release_ids()), visits by date. The
 * list models load the records themselves lazily.
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
atlas_store_query_ids (AtlasStore       *self,
                       AtlasRecordKind   kind,
                       const char       *filter,
                       GError          **error)
{
  return atlas_store_query_ids_scoped (self, kind, filter, NULL, error);
}

/**
 * atlas_store_query_ids_scoped:
 * @scope: (nullable): for press releases, a centre and a period
 *
 * Like atlas_store_query_ids(), narrowed by @scope.
 */
GArray *
atlas_store_query_ids_scoped (AtlasStore             *self,
                              AtlasRecordKind         kind,
                              const char             *filter,
                              const AtlasQueryScope  *scope,
                              GError                **error)
{
  static const char * const sql_all[ATLAS_N_RECORD_KINDS] = {
    [ATLAS_RECORD_DISTRICT] = "SELECT rowid FROM district ORDER BY ags",
    [ATLAS_RECORD_CENTRE] =
      "SELECT c.id FROM centre c JOIN district d ON d.ags = c.ags "
      "ORDER BY d.name COLLATE atlas_de, c.ags",
    [ATLAS_RECORD_CONTACT] = "SELECT id FROM contact ORDER BY sort_key, id",
    [ATLAS_RECORD_RELEASE] = "SELECT id FROM release ORDER BY published DESC, id DESC",
    [ATLAS_RECORD_VISIT] = "SELECT id FROM visit ORDER BY " VISIT_ORDER (""),
  };
  static const char * const sql_filtered[ATLAS_N_RECORD_KINDS] = {
    [ATLAS_RECORD_DISTRICT] =
      "SELECT rowid FROM district WHERE instr(lower(name), ?1) > 0 OR ags = ?1 ORDER BY ags",
    [ATLAS_RECORD_CENTRE] =
      "SELECT c.id FROM centre c JOIN district d ON d.ags = c.ags "
      "WHERE instr(c.search_key, ?1) > 0 "
      "ORDER BY d.name COLLATE atlas_de, c.ags",
    [ATLAS_RECORD_CONTACT] =
      "SELECT id FROM contact WHERE instr(search_key, ?1) > 0 ORDER BY sort_key, id",
    [ATLAS_RECORD_RELEASE] = NULL,  /* atlas_store_query_release_ids() */
    [ATLAS_RECORD_VISIT] =
      "SELECT v.id FROM visit v JOIN centre c ON c.id = v.centre_id "
      "WHERE instr(c.search_key, ?1) > 0 OR instr(lower(v.tour), ?1) > 0 "
      "ORDER BY " VISIT_ORDER ("v."),
  };
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < ATLAS_N_RECORD_KINDS, NULL);

  if (filter != NULL && *filter != '\0')
    {
      if (kind == ATLAS_RECORD_RELEASE)
        key = atlas_text_fts_query (filter);
      else
        key = atlas_text_fold_search (filter);
    }

  if (filter != NULL && *filter != '\0' && key == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64)); /* nothing searchable typed */

  if (key != NULL && kind == ATLAS_RECORD_RELEASE)
    return atlas_store_query_release_ids (self, key, scope, error);

  if (kind == ATLAS_RECORD_RELEASE && !scope_is_empty (scope))
    {
      if (!(stmt = atlas_store_prepare (self,
                                        "SELECT r.id FROM release r WHERE r.published BETWEEN ?2 AND ?3 "
                                        "AND (?1 = 0 OR EXISTS (SELECT 1 FROM release_centre rc "
                                        "WHERE rc.release_id = r.id AND rc.centre_id = ?1)) "
                                        "ORDER BY r.published DESC, r.id DESC",
                                        error)))
        return NULL;
      bind_scope (stmt, scope);
      return atlas_store_collect_ids (self, stmt, error);
    }

  if (kind == ATLAS_RECORD_CONTACT && scope != NULL && scope->centre_id != 0)
    {
      if (!(stmt = atlas_store_prepare (self,
                                        "SELECT id FROM contact WHERE centre_id = ?1 "
                                        "AND (?2 = '' OR instr(search_key, ?2) > 0) ORDER BY sort_key, id",
                                        error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, scope->centre_id);
      atlas_store_bind_text (stmt, 2, key);
      return atlas_store_collect_ids (self, stmt, error);
    }

  if (!(stmt = atlas_store_prepare (self, key ? sql_filtered[kind] : sql_all[kind], error)))
    return NULL;

  if (key != NULL)
    atlas_store_bind_text (stmt, 1, key);

  return atlas_store_collect_ids (self, stmt, error);
}

/* The columns of each SELECT follow the record's table (atlas-record.h):
 * column 0 is the id, columns 1 … n_fields - 1 the text fields, then the
 * whole numbers in the order the class names them, then its own. */
static const char * const sql_load[ATLAS_N_RECORD_KINDS] = {
  [ATLAS_RECORD_DISTRICT] =
    "SELECT rowid, ags, name, kind, regierungsbezirk, population, area_km2 "
    "FROM district WHERE rowid = ?1",
  [ATLAS_RECORD_CENTRE] =
    "SELECT c.id, c.ags, d.name, c.name, c.street, c.postal_code, c.city, c.phone, "
    "c.email, c.website, c.head, c.focus, c.notes, c.verified_on "
    "FROM centre c JOIN district d ON d.ags = c.ags WHERE c.id = ?1",
  [ATLAS_RECORD_CONTACT] =
    "SELECT k.id, k.honorific, k.given_name, k.family_name, k.role, k.organisation, "
    "coalesce(c.ags, ''), k.phones, k.emails, k.notes, k.tags, coalesce(k.centre_id, 0) "
    "FROM contact k LEFT JOIN centre c ON c.id = k.centre_id WHERE k.id = ?1",
  [ATLAS_RECORD_RELEASE] =
    "SELECT r.id, r.guid, r.link, r.title, r.body, r.source, r.author, r.format, "
    "coalesce((SELECT group_concat(ags, ',') FROM "
    "  (SELECT c.ags FROM release_centre rc JOIN centre c ON c.id = rc.centre_id "
    "   WHERE rc.release_id = r.id ORDER BY rc.role DESC, c.ags)), ''), "
    "r.content_hash, r.published, coalesce(r.updated, 0), r.version "
    "FROM release r WHERE r.id = ?1",
  [ATLAS_RECORD_VISIT] =
    "SELECT v.id, v.date, v.sort_date, c.ags, c.name, v.tour, v.visitors, v.status, "
    "v.notes, v.centre_id, coalesce(v.release_id, 0) "
    "FROM visit v JOIN centre c ON c.id = v.centre_id WHERE v.id = ?1",
};

GObject *
atlas_store_object_from_row (AtlasRecordKind  kind,
                             AtlasStmt       *stmt)
{
  GObject *object = g_object_new (atlas_record_kind_item_type (kind), NULL);
  AtlasRecord *record = ATLAS_RECORD (object);
  guint n_fields = atlas_record_get_n_fields (record);
  guint n_numbers = atlas_record_get_n_numbers (record);
  /* A district's area is its own, after the record's columns. */
  guint n_own = kind == ATLAS_RECORD_DISTRICT ? 1 : 0;

  /* The SELECT and the record's table agree (a column added to one and
   * not the other would shift every field after it). */
  g_return_val_if_fail ((guint) sqlite3_column_count (stmt) == n_fields + n_numbers + n_own, object);

  atlas_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 1; i < n_fields; i++)
    atlas_record_set_field (record, i, atlas_store_column_text (stmt, i));
  for (guint i = 0; i < n_numbers; i++)
    atlas_record_set_number (record, i, sqlite3_column_int64 (stmt, n_fields + i));
  if (kind == ATLAS_RECORD_DISTRICT)
    atlas_district_set_area_km2 (ATLAS_DISTRICT (object), sqlite3_column_double (stmt, n_fields + n_numbers));

  return object;
}

/**
 * atlas_store_load:
 *
 * Returns: (transfer full) (nullable): the record, an object of
 *   atlas_record_kind_item_type(@kind)
 */
GObject *
atlas_store_load (AtlasStore       *self,
                  AtlasRecordKind   kind,
                  gint64            id,
                  GError          **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < ATLAS_N_RECORD_KINDS, NULL);

  if (!(stmt = atlas_store_prepare (self, sql_load[kind], error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      atlas_store_set_error (self, rc, error, _("Could not read a record"));
      return NULL;
    }

  return atlas_store_object_from_row (kind, stmt);
}
