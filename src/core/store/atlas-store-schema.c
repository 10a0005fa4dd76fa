/* atlas-store-schema.c: the store's schema: connection settings, the numbered
 * migrations and the seed catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-core-resources.h"
#include "atlas-store-private.h"
#include "atlas-text.h"

#define RESOURCE_SQL RESOURCE_PREFIX "/core/sql/"

/* 53 districts and Stadt Aachen, each with its centre. */
#define SEED_ROWS 54

/* Numbered migrations in resources/sql/; the position is the version. */
static const char * const migrations[] = {
  "0001-catalogue.sql",
  "0002-search-prefixes.sql",
  "0003-batched-search-index.sql",
  "0004-public-facts.sql",
  "0005-visit-identity.sql",
  "0006-detection-evidence.sql",
  "0007-folded-search-index.sql",
  "0008-visit-sources.sql",
  "0009-example-visits.sql",
  "0010-search-index-hash.sql",
  "0011-distinct-search-words.sql",
};

static int
trace_cb (unsigned int  type,
          void         *user_data,
          void         *p,
          void         *x)
{
  if (type == SQLITE_TRACE_STMT)
    {
      char *sql = sqlite3_expanded_sql (p);

      g_printerr ("atlas-sql: %s\n", sql ? sql : (const char *) x);
      sqlite3_free (sql);
    }

  return 0;
}

static int
collate_de_cb (void       *user_data,
               int         len_a,
               const void *a,
               int         len_b,
               const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return atlas_text_collate (sa, sb);
}

/* Opening and migrating ------------------------------------------------------ */

gboolean
atlas_store_configure_connection (AtlasStore  *self,
                                  GError     **error)
{
  g_autofree char *journal = NULL;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (self->trace)
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_STMT, trace_cb, NULL);

  if (sqlite3_create_collation (self->db, "atlas_de", SQLITE_UTF8, NULL, collate_de_cb) != SQLITE_OK)
    return atlas_store_set_error (self, sqlite3_errcode (self->db), error, _("Could not set up German sorting"));
  if (!atlas_store_register_tokenizer (self->db, error))
    return FALSE;

  /* Foreign keys are off by default and cannot be switched inside a
   * transaction, so every connection sets them first. */
  if (!atlas_store_exec (self, "PRAGMA foreign_keys = ON", error, _("Could not enable foreign keys")))
    return FALSE;

  if (self->read_only)
    return TRUE;

  /* Imports index a lot of text; the default 2 MB page cache makes the
   * full-text index spill to disk early. 16 MB keeps peak memory modest. */
  if (!atlas_store_exec (self, "PRAGMA cache_size = -16384", error, _("Could not set the cache size")))
    return FALSE;

  /* A confirmed edit must survive a power cut: WAL with FULL sync. */
  if (!atlas_store_exec (self, "PRAGMA journal_mode = WAL", error, _("Could not enable write-ahead logging")) ||
      !atlas_store_exec (self, "PRAGMA synchronous = FULL", error, _("Could not enable synchronous writes")))
    return FALSE;

  journal = atlas_store_read_pragma (self, "journal_mode");
  if (g_strcmp0 (journal, "wal") != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_OPEN,
                   _("The database cannot use write-ahead logging (journal mode is “%s”)"),
                   journal ? journal : "?");
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_migration (AtlasStore  *self,
                 int          version,
                 GError     **error)
{
  g_autofree char *resource = g_strconcat (RESOURCE_SQL, migrations[version - 1], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean fk_ok = TRUE;
  sqlite3_stmt *check = NULL;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_MIGRATION,
                   _("Schema upgrade %d is missing: %s"), version, local_error->message);
      return FALSE;
    }
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* PRAGMA takes no parameters; the version is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!atlas_store_exec (self, "BEGIN IMMEDIATE", error, _("Could not start the schema upgrade")))
    return FALSE;

  if (!atlas_store_exec (self, sql, &local_error, _("Schema upgrade failed")) ||
      !atlas_store_exec (self, set_version, &local_error, _("Schema upgrade failed")))
    goto fail;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &check, NULL) == SQLITE_OK)
    {
      fk_ok = sqlite3_step (check) == SQLITE_DONE;
      sqlite3_finalize (check);
    }
  if (!fk_ok)
    {
      g_set_error (&local_error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_MIGRATION,
                   _("Schema upgrade %d left broken references"), version);
      goto fail;
    }

  if (!atlas_store_exec (self, "COMMIT", &local_error, _("Could not finish the schema upgrade")))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_MIGRATION,
               _("Could not upgrade the catalogue to version %d; it was left as it was: %s"),
               version, local_error->message);
  return FALSE;
}

gboolean
atlas_store_migrate (AtlasStore  *self,
                     GError     **error)
{
  int version = atlas_store_get_schema_version (self);

  if (version > atlas_store_latest_version ())
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FUTURE_VERSION,
                   _("“%s” was written by a newer version of Integrationsatlas (schema %d, this version knows %d)"),
                   self->path, version, atlas_store_latest_version ());
      return FALSE;
    }

  if (version >= self->target_version)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   _("“%s” needs an upgrade but cannot be written"), self->path);
      return FALSE;
    }

  if (version > 0)
    {
      g_autofree char *backup = atlas_store_write_backup (self, version, error);

      if (backup == NULL)
        return FALSE;
    }

  for (int v = version + 1; v <= self->target_version; v++)
    if (!apply_migration (self, v, error))
      return FALSE;

  return TRUE;
}

int
atlas_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Seed catalogue ------------------------------------------------------------ */

/**
 * atlas_store_seed:
 *
 * Adds the districts and centres of the seed catalogue that the database
 * lacks. It never overwrites what the user edited, so it is safe on every
 * start.
 */
gboolean
atlas_store_seed (AtlasStore  *self,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gint64 n_centres, n_districts;
  gboolean header_seen = FALSE;

  /* The common case: everything is there, and no write lock is needed. */
  n_centres = atlas_store_count (self, ATLAS_RECORD_CENTRE, error);
  if (n_centres < 0 || (n_districts = atlas_store_count (self, ATLAS_RECORD_DISTRICT, error)) < 0)
    return FALSE;
  if (n_centres >= SEED_ROWS && n_districts >= SEED_ROWS)
    return TRUE;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/core/data/centres.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);

  if (!atlas_store_begin (self, error))
    return FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(AtlasStmt) district = NULL;
      g_autoptr(AtlasStmt) centre = NULL;
      g_autofree char *key_source = NULL;
      g_autofree char *key = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (!header_seen)
        {
          header_seen = TRUE;
          continue;
        }

      cells = g_strsplit (lines[i], "\t", -1);
      /* The table's last cell, the sources, is the facts' (atlas-facts.c). */
      if (g_strv_length (cells) != 15)
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                       "seed catalogue line %u has %u cells", i + 1, g_strv_length (cells));
          goto fail;
        }

      if (!(district = atlas_store_prepare (self,
                                            "INSERT INTO district (ags, name, kind, regierungsbezirk, "
                                            "population, area_km2) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                            "ON CONFLICT (ags) DO NOTHING",
                                            error)))
        goto fail;
      for (int c = 0; c < 4; c++)
        atlas_store_bind_text (district, c + 1, cells[c]);
      sqlite3_bind_int64 (district, 5, g_ascii_strtoll (cells[4], NULL, 10));
      sqlite3_bind_double (district, 6, g_ascii_strtod (cells[5], NULL));
      if (!atlas_store_step_done (self, district, error, _("Could not add a district")))
        goto fail;

      if (!(centre = atlas_store_prepare (self,
                                          "INSERT INTO centre (ags, name, street, postal_code, city, phone, "
                                          "email, website, head, search_key, modified_at) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                          "ON CONFLICT (ags) DO NOTHING",
                                          error)))
        goto fail;
      atlas_store_bind_text (centre, 1, cells[0]);
      for (int c = 6; c < 14; c++)
        atlas_store_bind_text (centre, c - 4, cells[c]);
      key_source = g_strjoin (" ", cells[6], cells[1], cells[9], cells[0], NULL);
      key = atlas_text_fold_search (key_source);
      atlas_store_bind_text (centre, 10, key);
      sqlite3_bind_int64 (centre, 11, g_get_real_time () / G_USEC_PER_SEC);
      if (!atlas_store_step_done (self, centre, error, _("Could not add a centre")))
        goto fail;
      if (sqlite3_changes (self->db) > 0)
        atlas_store_note_change (self, ATLAS_RECORD_CENTRE, 0);
    }

  return atlas_store_commit (self, error);

fail:
  atlas_store_rollback (self);
  return FALSE;
}
