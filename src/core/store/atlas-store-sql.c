/* atlas-store-sql.c: the store's SQL helpers: errors, cached statements,
 * steps and bindings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-store-private.h"

/* Helpers ------------------------------------------------------------------ */

int
atlas_store_error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return ATLAS_STORE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ATLAS_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ATLAS_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return ATLAS_STORE_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ATLAS_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
      return ATLAS_STORE_ERROR_OPEN;
    default:
      return ATLAS_STORE_ERROR_FAILED;
    }
}

/* Statements go back to the cache reset and unbound, whatever happened
 * (AtlasStmt and its g_autoptr are declared in atlas-store-private.h). */
void
atlas_store_stmt_release (AtlasStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

AtlasStmt *
atlas_store_prepare (AtlasStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      atlas_store_set_error (self, rc, error, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
atlas_store_step_done (AtlasStore  *self,
                       AtlasStmt   *stmt,
                       GError     **error,
                       const char  *doing)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return atlas_store_set_error (self, rc, error, doing);

  return TRUE;
}

/* Runs a query for one id: the id, 0 when there is no row, -1 on error. */
gint64
atlas_store_step_id (AtlasStore  *self,
                     AtlasStmt   *stmt,
                     GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the list"));
      return -1;
    }
  return 0;
}

/* Runs a query for one id into @id (0 when there is no row): the store's
 * convention for finds, FALSE on error only. */
gboolean
atlas_store_step_found (AtlasStore  *self,
                        AtlasStmt   *stmt,
                        gint64      *id,
                        GError     **error)
{
  gint64 found = atlas_store_step_id (self, stmt, error);

  if (found < 0)
    return FALSE;
  *id = found;
  return TRUE;
}

gboolean
atlas_store_exec (AtlasStore  *self,
                  const char  *sql,
                  GError     **error,
                  const char  *doing)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return atlas_store_set_error (self, rc, error, doing);

  return TRUE;
}

void
atlas_store_bind_text (AtlasStmt  *stmt,
                       int         index,
                       const char *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
atlas_store_bind_id_or_null (AtlasStmt *stmt,
                             int        index,
                             gint64     id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
atlas_store_column_text (AtlasStmt *stmt,
                         int        column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

/* Runs one write in its own transaction (or the caller's). */
gboolean
atlas_store_finish_write (AtlasStore       *self,
                          AtlasStmt        *stmt,
                          AtlasRecordKind   kind,
                          gint64            id,
                          GError          **error,
                          const char       *doing)
{
  if (!atlas_store_begin (self, error))
    return FALSE;

  if (!atlas_store_step_done (self, stmt, error, doing))
    {
      if (self->txn_depth == 1)
        atlas_store_rollback (self);
      else
        self->txn_depth--;
      return FALSE;
    }

  /* 0: the row just inserted; below 0: several rows. */
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  atlas_store_note_change (self, kind, MAX (id, 0));

  return atlas_store_commit (self, error);
}
