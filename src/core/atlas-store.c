/* atlas-store.c: the SQLite catalogue; the only place that speaks SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "atlas-core-resources.h"
#include "atlas-store-private.h"
#include "atlas-text.h"
#include "atlas-validate.h"

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

/* The tour's order: by the last day a visit's date can mean, and a visit
 * known to the day before one known only to its week, month, year or
 * period ending that day. So "2017" follows the visits of 2017 known to
 * the day instead of leading them (sort_date is the first day). */
#define VISIT_ORDER(v) \
  "CASE WHEN length(" v "date) = 10 THEN " v "sort_date " \
  "WHEN instr(" v "date, '/') > 0 THEN substr(" v "date, instr(" v "date, '/') + 1, 10) " \
  "WHEN length(" v "date) = 4 THEN " v "date || '-12-31' " \
  "WHEN length(" v "date) = 7 THEN date(" v "date || '-01', '+1 month', '-1 day') " \
  "ELSE date(" v "sort_date, '+6 days') END, length(" v "date) <> 10, " v "id"

/* A search that matches more than this lists the newest matches only:
 * ranking a few thousand rows is quick, ranking 300,000 is not. */
#define MAX_SEARCH_RESULTS 1000

struct _AtlasStore
{
  GObject parent_instance;

  char *path;
  AtlasStoreOpenFlags flags;
  int target_version;

  sqlite3 *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  guint txn_depth;
  guint pending_changes;  /* bit per AtlasRecordKind changed in the open transaction */
  gint64 pending_id;      /* the one record changed, or 0 for several */
  gboolean read_only;
  gboolean trace;
  int lock_fd;            /* a shared flock on the file while it is open */
  gboolean damaged;       /* ::damaged was emitted */

  /* Releases inserted in the open transaction and not yet in the full-text
   * index: ids fts_first … fts_last (0 when none). See fts_flush(). */
  gint64 fts_first;
  gint64 fts_last;

  /* PRAGMA data_version when last asked: it changes when another
   * connection or program commits. -1 before the first time. */
  gint64 data_version;
};

static void atlas_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasStore, atlas_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      atlas_store_initable_iface_init))

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  PROP_TARGET_VERSION,
  N_PROPS
};

enum {
  CHANGED,
  DAMAGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

/* Every SQLite failure becomes a GError that names what was being done. */
static gboolean
set_error (AtlasStore  *self,
           int          rc,
           GError     **error,
           const char  *doing)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int sys = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  /* A write that found no room: SQLite calls some of these I/O errors,
   * and does not always keep the errno of a failed write. */
  if ((rc & 0xff) == SQLITE_FULL ||
      ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FULL,
                   _("%s: the disk is full; nothing of this change was saved"), doing);
      return FALSE;
    }
  if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FULL,
                   _("%s: writing to the disk failed (is it full?); nothing of this change was saved"),
                   doing);
      return FALSE;
    }

  /* A damaged page can turn up in any read, long after the file was
   * opened: whoever shows the catalogue hears of it once. */
  if (atlas_store_error_code_for (rc) == ATLAS_STORE_ERROR_CORRUPT && !self->damaged)
    {
      g_autofree char *message =
        g_strdup_printf (_("The catalogue “%s” is damaged: parts of it cannot be read. Restore a backup or open another catalogue.\n%s"),
                         self->path, detail);

      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT, "%s: %s", doing, detail);
      self->damaged = TRUE;
      g_signal_emit (self, signals[DAMAGED], 0, message);
      return FALSE;
    }

  g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
               "%s: %s", doing, detail);
  return FALSE;
}

/* Statements go back to the cache reset and unbound, whatever happened
 * (AtlasStmt and its g_autoptr are declared in atlas-store-private.h). */
void
atlas_store_stmt_release (AtlasStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}


static AtlasStmt *
prepare (AtlasStore  *self,
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
      set_error (self, rc, error, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (AtlasStore  *self,
           AtlasStmt   *stmt,
           GError     **error,
           const char  *doing)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_error (self, rc, error, doing);

  return TRUE;
}

/* Runs a query for one id: the id, 0 when there is no row, -1 on error. */
static gint64
step_id (AtlasStore  *self,
         AtlasStmt   *stmt,
         GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error, _("Could not read the list"));
      return -1;
    }
  return 0;
}

static gboolean
exec (AtlasStore  *self,
      const char  *sql,
      GError     **error,
      const char  *doing)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error (self, rc, error, doing);

  return TRUE;
}

static void
bind_text (AtlasStmt  *stmt,
           int         index,
           const char *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (AtlasStmt *stmt,
                 int        index,
                 gint64     id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* ?2 … ?12 of the release insert and update statements, which number
 * their columns alike (?1 is the guid or the id). */
static void
bind_release (AtlasStmt    *stmt,
              AtlasRelease *release)
{
  bind_text (stmt, 2, atlas_release_get_field (release, ATLAS_RELEASE_LINK));
  bind_text (stmt, 3, atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  bind_text (stmt, 4, atlas_release_get_field (release, ATLAS_RELEASE_BODY));
  bind_text (stmt, 5, atlas_release_get_field (release, ATLAS_RELEASE_SOURCE));
  bind_text (stmt, 6, atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR));
  sqlite3_bind_int64 (stmt, 7, atlas_release_get_published (release));
  bind_id_or_null (stmt, 8, atlas_release_get_updated (release));
  sqlite3_bind_int64 (stmt, 9, MAX (1, atlas_release_get_version (release)));
  bind_text (stmt, 10, atlas_release_get_field (release, ATLAS_RELEASE_FORMAT));
  bind_text (stmt, 11, atlas_release_get_field (release, ATLAS_RELEASE_CONTENT_HASH));
  sqlite3_bind_int64 (stmt, 12, g_get_real_time () / G_USEC_PER_SEC);
}

static const char *
column_text (AtlasStmt *stmt,
             int        column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

/* The helpers above, for the store's other files (atlas-store-*.c). */
sqlite3_stmt *
atlas_store_prepare (AtlasStore  *self,
                     const char  *sql,
                     GError     **error)
{
  return prepare (self, sql, error);
}

gboolean
atlas_store_step_done (AtlasStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error,
                       const char    *doing)
{
  return step_done (self, stmt, error, doing);
}

gboolean
atlas_store_set_error (AtlasStore  *self,
                       int          rc,
                       GError     **error,
                       const char  *doing)
{
  return set_error (self, rc, error, doing);
}

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

static void
flush_changes (AtlasStore *self)
{
  guint changes = self->pending_changes;
  gint64 one_id = self->pending_id;

  self->pending_changes = 0;
  self->pending_id = 0;

  for (guint k = 0; k < ATLAS_N_RECORD_KINDS; k++)
    if (changes & (1u << k))
      g_signal_emit (self, signals[CHANGED], 0, k, one_id);
}

/* Records that @kind changed; listeners hear of it after the commit. */
void
atlas_store_note_change (AtlasStore      *self,
                         AtlasRecordKind  kind,
                         gint64           id)
{
  if (self->pending_changes == 0)
    self->pending_id = id;
  else if (self->pending_id != id)
    self->pending_id = 0;

  self->pending_changes |= 1u << kind;

  if (self->txn_depth == 0)
    flush_changes (self);
}

/* Opening and migrating ------------------------------------------------------ */


static gboolean
configure_connection (AtlasStore  *self,
                      GError     **error)
{
  g_autofree char *journal = NULL;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (self->trace)
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_STMT, trace_cb, NULL);

  if (sqlite3_create_collation (self->db, "atlas_de", SQLITE_UTF8, NULL, collate_de_cb) != SQLITE_OK)
    return set_error (self, sqlite3_errcode (self->db), error, _("Could not set up German sorting"));
  if (!atlas_store_register_tokenizer (self->db, error))
    return FALSE;

  /* Foreign keys are off by default and cannot be switched inside a
   * transaction, so every connection sets them first. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error, _("Could not enable foreign keys")))
    return FALSE;

  if (self->read_only)
    return TRUE;

  /* Imports index a lot of text; the default 2 MB page cache makes the
   * full-text index spill to disk early. 16 MB keeps peak memory modest. */
  if (!exec (self, "PRAGMA cache_size = -16384", error, _("Could not set the cache size")))
    return FALSE;

  /* A confirmed edit must survive a power cut: WAL with FULL sync. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error, _("Could not enable write-ahead logging")) ||
      !exec (self, "PRAGMA synchronous = FULL", error, _("Could not enable synchronous writes")))
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

  if (!exec (self, "BEGIN IMMEDIATE", error, _("Could not start the schema upgrade")))
    return FALSE;

  if (!exec (self, sql, &local_error, _("Schema upgrade failed")) ||
      !exec (self, set_version, &local_error, _("Schema upgrade failed")))
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

  if (!exec (self, "COMMIT", &local_error, _("Could not finish the schema upgrade")))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_MIGRATION,
               _("Could not upgrade the catalogue to version %d; it was left as it was: %s"),
               version, local_error->message);
  return FALSE;
}

static gboolean
migrate (AtlasStore  *self,
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

/* Why the catalogue cannot be used, in plain words first; SQLite's own
 * text after a line break (atlas_store_error_split() parts them). */
static void
set_unusable_error (AtlasStore  *self,
                    int          rc,
                    const char  *detail,
                    GError     **error)
{
  g_autofree char *said = g_strdup_printf (_("SQLite says: %s"), detail);

  if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED,
                 _("“%s” was being written when a program stopped. It is not damaged: the next time it is opened normally, that write is completed or undone.\n%s"),
                 self->path, said);
  else if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                 _("The file “%s” is not a catalogue file.\n%s"), self->path, said);
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                 _("The catalogue “%s” is damaged: parts of it cannot be read. Restore a backup or open another catalogue.\n%s"),
                 self->path, said);
  else
    g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
                 _("“%s” cannot be used as a catalogue.\n%s"), self->path, said);
}

/**
 * atlas_store_error_split:
 * @error: an error of atlas_store_new()
 * @details: (out) (optional): SQLite's own text, or %NULL when there is none
 *
 * Returns: (transfer full): the plain-language part of the message
 */
char *
atlas_store_error_split (const GError  *error,
                         char         **details)
{
  const char *newline = strchr (error->message, '\n');

  if (details != NULL)
    *details = newline ? g_strdup (newline + 1) : NULL;
  return newline ? g_strndup (error->message, newline - error->message) : g_strdup (error->message);
}

static gboolean
atlas_store_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  AtlasStore *self = ATLAS_STORE (initable);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE;
  int rc;

  g_return_val_if_fail (self->path != NULL, FALSE);

  if (self->flags & ATLAS_STORE_OPEN_READ_ONLY)
    {
      open_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE;
      self->flags |= ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED;
    }

  if (self->flags & ATLAS_STORE_OPEN_EXISTING)
    {
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_OPEN,
                       _("“%s” does not exist"), self->path);
          return FALSE;
        }
    }
  /* An empty file is not quietly made a new catalogue: a copy that
   * failed looks exactly like this. */
  if (!(self->flags & ATLAS_STORE_OPEN_ALLOW_EMPTY) &&
      g_stat (self->path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes), perhaps from a copy or a download that did not finish. It was not changed."),
                   self->path);
      return FALSE;
    }
  if (!(self->flags & ATLAS_STORE_OPEN_EXISTING))
    {
      open_flags |= SQLITE_OPEN_CREATE;
      dir = g_path_get_dirname (self->path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_OPEN,
                       _("Could not create the folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  /* While any program has the catalogue open, it holds a shared lock on
   * <catalogue>.lock: a restore, which replaces the file, needs it alone.
   * Never a lock on the catalogue itself: closing that descriptor would
   * drop SQLite's own locks of every connection in this process. */
  self->lock_fd = atlas_catalogue_lock (self->path, !(self->flags & ATLAS_STORE_OPEN_READ_ONLY), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
                   _("Could not open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  self->read_only = sqlite3_db_readonly (self->db, "main") == 1;

  /* Reading the schema is the first real read: a file that is not a
   * database fails here, before any setting, with a message that says so. */
  sqlite3_busy_timeout (self->db, 5000);
  rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_unusable_error (self, rc, sqlite3_errmsg (self->db), error);
      return FALSE;
    }

  if (self->flags & ATLAS_STORE_OPEN_CHECK)
    {
      g_autofree char *check = NULL;

      /* SQLite 3.44 and newer check the full-text index too, with its
       * tokenizer (atlas-store-fts.c): without it the check fails. */
      atlas_store_register_tokenizer (self->db, NULL);
      check = atlas_store_run_check (self->db, "PRAGMA quick_check");

      if (g_strcmp0 (check, "ok") != 0)
        {
          set_unusable_error (self, SQLITE_CORRUPT, check, error);
          return FALSE;
        }
    }

  if (!configure_connection (self, error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), self->path);
      return FALSE;
    }


  /* Read-only: report the version as it is, upgrade nothing. */
  if (self->flags & ATLAS_STORE_OPEN_READ_ONLY)
    {
      atlas_store_poll_changes (self);
      return TRUE;
    }

  if (!migrate (self, error))
    return FALSE;

  if (!(self->flags & ATLAS_STORE_OPEN_NO_SEED) && !self->read_only &&
      self->target_version >= 1 && !atlas_store_seed (self, error))
    return FALSE;

  atlas_store_poll_changes (self);
  return TRUE;
}

static void
atlas_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = atlas_store_initable_init;
}

/* GObject ---------------------------------------------------------------- */

static void
atlas_store_finalize (GObject *object)
{
  AtlasStore *self = (AtlasStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasStore *self = ATLAS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;

    case PROP_TARGET_VERSION:
      g_value_set_int (value, self->target_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasStore *self = ATLAS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;

    case PROP_TARGET_VERSION:
      self->target_version = g_value_get_int (value);
      if (self->target_version <= 0)
        self->target_version = atlas_store_latest_version ();
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* Referencing the resource keeps its object file, and with it the
   * constructor that registers the migrations, in the static library. */
  (void) atlas_core_get_resource ();

  object_class->finalize = atlas_store_finalize;
  object_class->get_property = atlas_store_get_property;
  object_class->set_property = atlas_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Only tests ask for an older schema, to exercise the upgrade path. */
  properties[PROP_TARGET_VERSION] =
    g_param_spec_int ("target-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasStore::changed:
   * @kind: the #AtlasRecordKind that changed
   * @id: the one record that changed, or 0 when several did
   *
   * Emitted after a write was committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  /**
   * AtlasStore::damaged:
   * @message: what is damaged, for the user
   *
   * Emitted once, the first time SQLite reports the file as damaged
   * (SQLITE_CORRUPT, SQLITE_NOTADB) in any statement. Handlers run inside
   * the failing call: they must not drop the store there, only schedule
   * what follows.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
atlas_store_init (AtlasStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->trace = g_getenv ("ATLAS_SQL_TRACE") != NULL;
  self->lock_fd = -1;
  self->data_version = -1;
}

/* Public API ---------------------------------------------------------------- */

/**
 * atlas_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/integrationsatlas/catalogue.sqlite`
 */
char *
atlas_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "integrationsatlas", "catalogue.sqlite", NULL);
}

int
atlas_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

GType
atlas_record_kind_item_type (AtlasRecordKind kind)
{
  switch (kind)
    {
    case ATLAS_RECORD_DISTRICT:
      return ATLAS_TYPE_DISTRICT;
    case ATLAS_RECORD_CENTRE:
      return ATLAS_TYPE_CENTRE;
    case ATLAS_RECORD_CONTACT:
      return ATLAS_TYPE_CONTACT;
    case ATLAS_RECORD_RELEASE:
      return ATLAS_TYPE_RELEASE;
    case ATLAS_RECORD_VISIT:
      return ATLAS_TYPE_VISIT;
    case ATLAS_N_RECORD_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_OBJECT);
    }
}

/**
 * atlas_store_new:
 * @path: the database file
 * @flags: how to open it
 * @error: return location for a #GError in %ATLAS_STORE_ERROR
 *
 * Opens (or creates) the catalogue, upgrades its schema after a backup
 * copy, and fills in the seed catalogue where it is missing.
 *
 * Returns: (transfer full) (nullable): the store
 */
AtlasStore *
atlas_store_new (const char           *path,
                 AtlasStoreOpenFlags   flags,
                 GError              **error)
{
  return atlas_store_new_at_version (path, flags, 0, error);
}

/**
 * atlas_store_new_at_version:
 * @version: the schema version to upgrade to, 0 for the newest
 *
 * Like atlas_store_new(), but stops upgrading at @version. For tests.
 */
AtlasStore *
atlas_store_new_at_version (const char           *path,
                            AtlasStoreOpenFlags   flags,
                            int                   version,
                            GError              **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (ATLAS_TYPE_STORE, NULL, error,
                         "path", path,
                         "flags", (guint) flags,
                         "target-version", version,
                         NULL);
}

const char *
atlas_store_get_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->path;
}

gboolean
atlas_store_is_read_only (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), TRUE);

  return self->read_only;
}

sqlite3 *
atlas_store_get_db (AtlasStore *self)
{
  return self->db;
}

int
atlas_store_get_schema_version (AtlasStore *self)
{
  g_autofree char *v = atlas_store_read_pragma (self, "user_version");

  return v ? atoi (v) : 0;
}

/**
 * atlas_store_read_pragma:
 * @name: one of journal_mode, synchronous, foreign_keys, busy_timeout,
 *   user_version
 *
 * Returns: (transfer full) (nullable): the setting's value as text
 */
char *
atlas_store_read_pragma (AtlasStore *self,
                         const char *name)
{
  /* PRAGMA names cannot be bound, so only these fixed statements run. */
  static const char * const known[][2] = {
    { "journal_mode", "PRAGMA journal_mode" },
    { "synchronous", "PRAGMA synchronous" },
    { "foreign_keys", "PRAGMA foreign_keys" },
    { "busy_timeout", "PRAGMA busy_timeout" },
    { "user_version", "PRAGMA user_version" },
  };
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (g_strcmp0 (name, known[i][0]) != 0)
        continue;

      if (sqlite3_prepare_v2 (self->db, known[i][1], -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return value;
    }

  g_return_val_if_reached (NULL);
}

/**
 * atlas_store_check:
 * @report: (out) (optional): what the checks found, "ok" when sound
 *
 * Runs SQLite's integrity check and the foreign-key check.
 *
 * Returns: %TRUE when the database is sound
 */
gboolean
atlas_store_check (AtlasStore  *self,
                   char       **report,
                   GError     **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error (self, rc, error, _("Could not check the catalogue"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (found, "%s\n", line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, rc, error, _("Could not check the catalogue"));

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error (self, rc, error, _("Could not check the catalogue"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, _("broken reference in table %s, row %lld\n"),
                            sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, rc, error, _("Could not check the catalogue"));

  /* The full-text index must hold every release: the row
   * counts must agree, and where the connection may run it, FTS5's own
   * integrity check compares index and content term by term. */
  if (atlas_store_get_schema_version (self) >= 1)
    {
      rc = sqlite3_prepare_v2 (self->db,
                               "SELECT (SELECT count(*) FROM release), (SELECT count(*) FROM release_fts_docsize)",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_int64 (stmt, 0) != sqlite3_column_int64 (stmt, 1))
        g_string_append_printf (found, _("the search index holds %lld of %lld press releases\n"),
                                (long long) sqlite3_column_int64 (stmt, 1),
                                (long long) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);

      if (!self->read_only &&
          sqlite3_exec (self->db, "INSERT INTO release_fts (release_fts) VALUES ('integrity-check')",
                        NULL, NULL, NULL) != SQLITE_OK)
        g_string_append_printf (found, _("the search index is damaged: %s\n"), sqlite3_errmsg (self->db));
    }

  if (report != NULL)
    *report = found->len > 0 ? g_strdup (found->str) : g_strdup ("ok");

  return found->len == 0;
}

/**
 * atlas_store_notify_changed:
 *
 * Tells listeners that records of @kind changed through another
 * connection (an import thread), so lists refresh.
 */
void
atlas_store_notify_changed (AtlasStore      *self,
                            AtlasRecordKind  kind)
{
  g_return_if_fail (ATLAS_IS_STORE (self));

  atlas_store_note_change (self, kind, 0);
}

/**
 * atlas_store_poll_changes:
 *
 * Notices what other connections and programs (the command line, another
 * window) committed since the last call, cheaply (PRAGMA data_version),
 * and tells listeners through ::changed, as for writes of this store: every
 * kind, id 0. Call it when the window gains focus and now and then.
 *
 * Returns: whether anything changed
 */
gboolean
atlas_store_poll_changes (AtlasStore *self)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  gint64 version;
  gboolean changed;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  /* Inside a transaction the snapshot is this store's own. */
  if (self->txn_depth > 0 || !(stmt = prepare (self, "PRAGMA data_version", NULL)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  version = sqlite3_column_int64 (stmt, 0);
  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;
  if (changed)
    for (guint k = 0; k < ATLAS_N_RECORD_KINDS; k++)
      g_signal_emit (self, signals[CHANGED], 0, k, (gint64) 0);
  return changed;
}

/* Adds the releases inserted in this transaction to the full-text index in
 * one statement. Rowids of new rows only grow, and this connection is the
 * only writer (BEGIN IMMEDIATE), so the range holds exactly those rows. It
 * runs before the commit and before anything that reads or changes the
 * index, so the index is never behind outside the transaction. */
static gboolean
fts_flush (AtlasStore  *self,
           GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  if (self->fts_first == 0)
    return TRUE;

  if (!(stmt = prepare (self,
                        "INSERT INTO release_fts (rowid, title, body) "
                        "SELECT id, title, body FROM release WHERE id BETWEEN ?1 AND ?2",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->fts_first);
  sqlite3_bind_int64 (stmt, 2, self->fts_last);
  if (!step_done (self, stmt, error, _("Could not index the press releases for search")))
    return FALSE;

  self->fts_first = self->fts_last = 0;
  return TRUE;
}

/* Indexes the releases stored so far in this transaction now, instead of
 * at the commit; the importer calls it every 1,000 releases, so the
 * index is built while the next ones are parsed (bench/README.md). */
gboolean
atlas_store_index_pending (AtlasStore  *self,
                           GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  return fts_flush (self, error);
}

/**
 * atlas_store_begin:
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`, so a busy database fails
 * here and not halfway). Transactions nest; only the outermost commits.
 */
gboolean
atlas_store_begin (AtlasStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (self->txn_depth == 0 &&
      !exec (self, "BEGIN IMMEDIATE", error, _("Could not start writing")))
    return FALSE;

  self->txn_depth++;
  return TRUE;
}

gboolean
atlas_store_commit (AtlasStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (self->txn_depth == 1)
    {
      if (!fts_flush (self, error) ||
          !exec (self, "COMMIT", error, _("Could not save the changes")))
        {
          atlas_store_rollback (self);
          return FALSE;
        }
      self->txn_depth = 0;

      /* Listeners hear of the changes only once they are on disk. */
      flush_changes (self);
      return TRUE;
    }

  self->txn_depth--;
  return TRUE;
}

void
atlas_store_rollback (AtlasStore *self)
{
  g_return_if_fail (ATLAS_IS_STORE (self));

  if (self->txn_depth == 0)
    return;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->txn_depth = 0;
  self->pending_changes = 0;
  self->pending_id = 0;
  self->fts_first = self->fts_last = 0;
}

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

  if (!(stmt = prepare (self, sql[kind], error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error (self, rc, error, _("Could not count the records"));
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static GArray *
collect_ids (AtlasStore  *self,
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
      set_error (self, rc, error, _("Could not read the list"));
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
static GArray *
query_release_ids (AtlasStore            *self,
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

  if (!fts_flush (self, error))
    return NULL;

  if (!(newest = prepare (self, newest_sql[variant], error)))
    return NULL;
  if (variant == 1)
    bind_scope (newest, scope);
  bind_text (newest, 4, fts_query);
  sqlite3_bind_int (newest, 5, MAX_SEARCH_RESULTS + 1);
  ids = collect_ids (self, newest, error);
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
  if (!(in_title = prepare (self, in_title_sql, error)))
    return NULL;
  bind_text (in_title, 1, title_query);
  title_ids = collect_ids (self, in_title, error);
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
 * (found ones best first, see query_release_ids()), visits by date. The
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
    [ATLAS_RECORD_RELEASE] = NULL,  /* query_release_ids() */
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
    return query_release_ids (self, key, scope, error);

  if (kind == ATLAS_RECORD_RELEASE && !scope_is_empty (scope))
    {
      if (!(stmt = prepare (self,
                            "SELECT r.id FROM release r WHERE r.published BETWEEN ?2 AND ?3 "
                            "AND (?1 = 0 OR EXISTS (SELECT 1 FROM release_centre rc "
                            "WHERE rc.release_id = r.id AND rc.centre_id = ?1)) "
                            "ORDER BY r.published DESC, r.id DESC",
                            error)))
        return NULL;
      bind_scope (stmt, scope);
      return collect_ids (self, stmt, error);
    }

  if (kind == ATLAS_RECORD_CONTACT && scope != NULL && scope->centre_id != 0)
    {
      if (!(stmt = prepare (self,
                            "SELECT id FROM contact WHERE centre_id = ?1 "
                            "AND (?2 = '' OR instr(search_key, ?2) > 0) ORDER BY sort_key, id",
                            error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, scope->centre_id);
      bind_text (stmt, 2, key);
      return collect_ids (self, stmt, error);
    }

  if (!(stmt = prepare (self, key ? sql_filtered[kind] : sql_all[kind], error)))
    return NULL;

  if (key != NULL)
    bind_text (stmt, 1, key);

  return collect_ids (self, stmt, error);
}

/* Fills the text fields of @object from columns 1 … n_fields - 1. */
static void
load_fields (GObject         *object,
             AtlasRecordKind  kind,
             AtlasStmt       *stmt)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 1; i < n; i++)
    {
      const char *text = column_text (stmt, i);

      switch (kind)
        {
        case ATLAS_RECORD_DISTRICT:
          if (i < ATLAS_DISTRICT_N_FIELDS)
            atlas_district_set_field (ATLAS_DISTRICT (object), i, text);
          break;
        case ATLAS_RECORD_CENTRE:
          if (i < ATLAS_CENTRE_N_FIELDS)
            atlas_centre_set_field (ATLAS_CENTRE (object), i, text);
          break;
        case ATLAS_RECORD_CONTACT:
          if (i < ATLAS_CONTACT_N_FIELDS)
            atlas_contact_set_field (ATLAS_CONTACT (object), i, text);
          break;
        case ATLAS_RECORD_RELEASE:
          if (i < ATLAS_RELEASE_N_FIELDS)
            atlas_release_set_field (ATLAS_RELEASE (object), i, text);
          break;
        case ATLAS_RECORD_VISIT:
          if (i < ATLAS_VISIT_N_FIELDS)
            atlas_visit_set_field (ATLAS_VISIT (object), i, text);
          break;
        case ATLAS_N_RECORD_KINDS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The columns of each SELECT follow the field enums: column 0 is the id,
 * columns 1 … N_FIELDS - 1 the text fields, then the numbers. */
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

static GObject *
object_from_row (AtlasRecordKind  kind,
                 AtlasStmt       *stmt)
{
  GObject *object = g_object_new (atlas_record_kind_item_type (kind), NULL);
  gint64 id = sqlite3_column_int64 (stmt, 0);

  load_fields (object, kind, stmt);

  switch (kind)
    {
    case ATLAS_RECORD_DISTRICT:
      atlas_district_set_population (ATLAS_DISTRICT (object),
                                     sqlite3_column_int64 (stmt, ATLAS_DISTRICT_N_FIELDS));
      atlas_district_set_area_km2 (ATLAS_DISTRICT (object),
                                   sqlite3_column_double (stmt, ATLAS_DISTRICT_N_FIELDS + 1));
      break;
    case ATLAS_RECORD_CENTRE:
      atlas_centre_set_id (ATLAS_CENTRE (object), id);
      break;
    case ATLAS_RECORD_CONTACT:
      atlas_contact_set_id (ATLAS_CONTACT (object), id);
      atlas_contact_set_centre_id (ATLAS_CONTACT (object),
                                   sqlite3_column_int64 (stmt, ATLAS_CONTACT_N_FIELDS));
      break;
    case ATLAS_RECORD_RELEASE:
      atlas_release_set_id (ATLAS_RELEASE (object), id);
      atlas_release_set_published (ATLAS_RELEASE (object),
                                   sqlite3_column_int64 (stmt, ATLAS_RELEASE_N_FIELDS));
      atlas_release_set_updated (ATLAS_RELEASE (object),
                                 sqlite3_column_int64 (stmt, ATLAS_RELEASE_N_FIELDS + 1));
      atlas_release_set_version (ATLAS_RELEASE (object),
                                 sqlite3_column_int64 (stmt, ATLAS_RELEASE_N_FIELDS + 2));
      break;
    case ATLAS_RECORD_VISIT:
      atlas_visit_set_id (ATLAS_VISIT (object), id);
      atlas_visit_set_centre_id (ATLAS_VISIT (object),
                                 sqlite3_column_int64 (stmt, ATLAS_VISIT_N_FIELDS));
      atlas_visit_set_release_id (ATLAS_VISIT (object),
                                  sqlite3_column_int64 (stmt, ATLAS_VISIT_N_FIELDS + 1));
      break;
    case ATLAS_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }

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

  if (!(stmt = prepare (self, sql_load[kind], error)))
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
      set_error (self, rc, error, _("Could not read a record"));
      return NULL;
    }

  return object_from_row (kind, stmt);
}

AtlasCentre *
atlas_store_get_centre_by_ags (AtlasStore  *self,
                               const char  *ags,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT id FROM centre WHERE ags = ?1", error)))
    return NULL;

  bind_text (stmt, 1, ags);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                   _("There is no centre for the district key “%s”"), ags);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_error (self, rc, error, _("Could not read a record"));
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, atlas_store_stmt_release);

  return ATLAS_CENTRE (atlas_store_load (self, ATLAS_RECORD_CENTRE, id, error));
}

/* Writing ------------------------------------------------------------------- */

/* Runs one write in its own transaction (or the caller's). */
static gboolean
finish_write (AtlasStore       *self,
              AtlasStmt        *stmt,
              AtlasRecordKind   kind,
              gint64            id,
              GError          **error,
              const char       *doing)
{
  if (!atlas_store_begin (self, error))
    return FALSE;

  if (!step_done (self, stmt, error, doing))
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

  if (!(stmt = prepare (self, "SELECT ags, id FROM centre", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (ids, g_strdup (column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error, _("Could not read the list"));
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

  if (!(stmt = prepare (self,
                        "UPDATE centre SET name = ?2, street = ?3, postal_code = ?4, city = ?5, "
                        "phone = ?6, email = ?7, website = ?8, head = ?9, focus = ?10, "
                        "notes = ?11, verified_on = ?12, search_key = ?13, modified_at = ?14 "
                        "WHERE id = ?1",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, col++, atlas_centre_get_id (centre));
  for (guint f = ATLAS_CENTRE_NAME; f < ATLAS_CENTRE_N_FIELDS; f++)
    bind_text (stmt, col++, atlas_centre_get_field (centre, f));
  key = centre_search_key (centre);
  bind_text (stmt, col++, key);
  sqlite3_bind_int64 (stmt, col++, g_get_real_time () / G_USEC_PER_SEC);

  if (!finish_write (self, stmt, ATLAS_RECORD_CENTRE, atlas_centre_get_id (centre),
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

  if (!(stmt = prepare (self,
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

  bind_id_or_null (stmt, 1, id);
  for (AtlasContactField f = ATLAS_CONTACT_HONORIFIC; f <= ATLAS_CONTACT_ORGANISATION; f++)
    bind_text (stmt, 1 + f, atlas_contact_get_field (contact, f));
  bind_id_or_null (stmt, 7, atlas_contact_get_centre_id (contact));
  for (AtlasContactField f = ATLAS_CONTACT_PHONES; f <= ATLAS_CONTACT_TAGS; f++)
    bind_text (stmt, f + 1, atlas_contact_get_field (contact, f));
  bind_text (stmt, 12, sort_key);
  bind_text (stmt, 13, search_key);
  sqlite3_bind_int64 (stmt, 14, g_get_real_time () / G_USEC_PER_SEC);

  if (!finish_write (self, stmt, ATLAS_RECORD_CONTACT, id, error, _("Could not save the contact")))
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

  if (!(stmt = prepare (self, "DELETE FROM contact WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return finish_write (self, stmt, ATLAS_RECORD_CONTACT, id, error,
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
  g_autofree char *name = NULL;
  g_autofree char *name_key = NULL;
  g_auto(GStrv) emails = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (ATLAS_IS_CONTACT (contact), NULL);

  if (*atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME) != '\0')
    {
      name = g_strjoin (" ", atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME),
                        atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME), NULL);
      name_key = atlas_text_fold_search (g_strstrip (name));
      g_ptr_array_add (needles, g_strdup (name_key));
    }
  emails = atlas_list_split (atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
  for (guint i = 0; emails[i]; i++)
    g_ptr_array_add (needles, atlas_text_fold_search (emails[i]));

  /* The search key narrows the candidates; each is then compared exactly:
   * the whole name folded (case and umlaut spellings ignored), or one of
   * the e-mail addresses without case. */
  for (guint n = 0; n < needles->len; n++)
    {
      g_autoptr(AtlasStmt) stmt = NULL;
      int rc;

      if (!(stmt = prepare (self,
                            "SELECT id, given_name, family_name, emails FROM contact "
                            "WHERE id <> ?1 AND instr(search_key, ?2) > 0 ORDER BY sort_key, id",
                            error)))
        return NULL;

      sqlite3_bind_int64 (stmt, 1, atlas_contact_get_id (contact));
      bind_text (stmt, 2, g_ptr_array_index (needles, n));

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_autofree char *other = g_strjoin (" ", column_text (stmt, 1), column_text (stmt, 2), NULL);
          g_autofree char *other_key = atlas_text_fold_search (g_strstrip (other));
          g_auto(GStrv) theirs = atlas_list_split (column_text (stmt, 3));
          gboolean same = name_key != NULL && g_str_equal (other_key, name_key);

          for (guint i = 0; !same && emails[i]; i++)
            for (guint k = 0; !same && theirs[k]; k++)
              same = g_utf8_collate (emails[i], theirs[k]) == 0 ||
                     g_ascii_strcasecmp (emails[i], theirs[k]) == 0;

          for (guint k = 0; same && k < ids->len; k++)
            same = g_array_index (ids, gint64, k) != id;
          if (same)
            g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        {
          set_error (self, rc, error, _("Could not read the list"));
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

gint64
atlas_store_insert_release (AtlasStore    *self,
                            AtlasRelease  *release,
                            GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  g_return_val_if_fail (ATLAS_IS_RELEASE (release), 0);

  if (!(stmt = prepare (self,
                        "INSERT INTO release (guid, link, title, body, source, author, "
                        "published, updated, version, format, content_hash, imported_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                        error)))
    return 0;

  bind_text (stmt, 1, atlas_release_get_field (release, ATLAS_RELEASE_GUID));
  bind_release (stmt, release);

  /* Open the transaction here, so the indexing joins it (see fts_flush()). */
  if (!atlas_store_begin (self, error))
    return 0;
  if (!step_done (self, stmt, error, _("Could not save the press release")))
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

  if (!(stmt = prepare (self,
                        "INSERT INTO release_centre (release_id, centre_id, role, confirmed) "
                        "VALUES (?1, ?2, ?3, ?4) "
                        "ON CONFLICT (release_id, centre_id) DO UPDATE SET role = excluded.role, "
                        "confirmed = excluded.confirmed",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  bind_text (stmt, 3, visited ? "visited" : "mentioned");
  sqlite3_bind_int (stmt, 4, confirmed ? 1 : 0);

  return finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
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

  if (!(stmt = prepare (self,
                        "DELETE FROM release_centre WHERE release_id = ?1 AND centre_id = ?2",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  return finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
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

  if (!(stmt = prepare (self,
                        "SELECT c.ags, rc.role = 'visited', rc.confirmed "
                        "FROM release_centre rc JOIN centre c ON c.id = rc.centre_id "
                        "WHERE rc.release_id = ?1 ORDER BY rc.role DESC, c.ags",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasReleaseLink link = { { 0 }, 0, 0 };

      g_strlcpy (link.ags, column_text (stmt, 0), sizeof link.ags);
      link.visited = sqlite3_column_int (stmt, 1);
      link.confirmed = sqlite3_column_int (stmt, 2);
      g_array_append_val (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error, _("Could not read the list"));
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

  if (!(stmt = prepare (self,
                        "UPDATE release_centre SET evidence = ?3, confidence = ?4 "
                        "WHERE release_id = ?1 AND centre_id = ?2",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_int64 (stmt, 2, centre_id);
  bind_text (stmt, 3, evidence ? evidence : "");
  sqlite3_bind_double (stmt, 4, CLAMP (confidence, 0.0, 1.0));
  return finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
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

  if (!(stmt = prepare (self,
                        "SELECT evidence FROM ("
                        "  SELECT evidence, role = 'visited' AS about FROM release_centre WHERE release_id = ?1 "
                        "  UNION SELECT evidence, 1 FROM visit WHERE release_id = ?1"
                        ") WHERE evidence <> '' GROUP BY evidence ORDER BY MAX(about) DESC, evidence",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error, _("Could not read the list"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

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

  if (!(stmt = prepare (self,
                        "UPDATE visit SET evidence = ?2, confidence = ?3, announced = ?4 WHERE id = ?1",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  bind_text (stmt, 2, evidence ? evidence : "");
  sqlite3_bind_double (stmt, 3, CLAMP (confidence, 0.0, 1.0));
  sqlite3_bind_int (stmt, 4, announced ? 1 : 0);
  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
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
  if (!(stmt = prepare (self, "SELECT evidence, confidence, announced FROM visit WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (*evidence);
      *evidence = g_strdup (column_text (stmt, 0));
      *confidence = sqlite3_column_double (stmt, 1);
      *announced = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      set_error (self, rc, error, _("Could not read the list"));
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

  if (!(stmt = prepare (self, "INSERT OR IGNORE INTO visit_source (visit_id, release_id) VALUES (?1, ?2)",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, release_id);
  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
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

  if (!(stmt = prepare (self,
                        "SELECT s.release_id FROM visit_source s JOIN release r ON r.id = s.release_id "
                        "WHERE s.visit_id = ?1 ORDER BY r.published, r.id",
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  return collect_ids (self, stmt, error);
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

  if (!(stmt = prepare (self,
                        "SELECT s.visit_id FROM visit_source s JOIN visit v ON v.id = s.visit_id "
                        "WHERE s.release_id = ?1 ORDER BY " VISIT_ORDER ("v."),
                        error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, release_id);
  return collect_ids (self, stmt, error);
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

  if (!(stmt = prepare (self, "SELECT id FROM visit WHERE id > ?1 AND example = ?2 ORDER BY id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int (stmt, 2, example ? 1 : 0);
  return collect_ids (self, stmt, error);
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

  if (!(stmt = prepare (self, "SELECT coalesce(max(id), 0) FROM visit", error)))
    return -1;
  return step_id (self, stmt, error);
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

  if (!(stmt = prepare (self, "UPDATE visit SET example = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int (stmt, 2, example ? 1 : 0);
  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/**
 * atlas_store_find_contact:
 *
 * Returns: the id of a contact with the same names, organisation and
 *   e-mail addresses, 0 if there is none, -1 on error
 */
gint64
atlas_store_find_contact (AtlasStore    *self,
                          AtlasContact  *contact,
                          GError       **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);

  if (!(stmt = prepare (self,
                        "SELECT id FROM contact WHERE given_name = ?1 AND family_name = ?2 "
                        "AND organisation = ?3 AND emails = ?4 LIMIT 1",
                        error)))
    return -1;

  bind_text (stmt, 1, atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME));
  bind_text (stmt, 2, atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME));
  bind_text (stmt, 3, atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION));
  bind_text (stmt, 4, atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
  return step_id (self, stmt, error);
}

gint64
atlas_store_insert_visit (AtlasStore  *self,
                          AtlasVisit  *visit,
                          GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  g_return_val_if_fail (ATLAS_IS_VISIT (visit), 0);

  if (!(stmt = prepare (self,
                        "INSERT INTO visit (centre_id, date, sort_date, tour, visitors, "
                        "status, notes, release_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, atlas_visit_get_centre_id (visit));
  bind_text (stmt, 2, atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
  bind_text (stmt, 3, atlas_visit_get_field (visit, ATLAS_VISIT_SORT_DATE));
  bind_text (stmt, 4, atlas_visit_get_field (visit, ATLAS_VISIT_TOUR));
  bind_text (stmt, 5, atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS));
  bind_text (stmt, 6, atlas_visit_get_field (visit, ATLAS_VISIT_STATUS));
  bind_text (stmt, 7, atlas_visit_get_field (visit, ATLAS_VISIT_NOTES));
  bind_id_or_null (stmt, 8, atlas_visit_get_release_id (visit));

  if (!finish_write (self, stmt, ATLAS_RECORD_VISIT, 0, error, _("Could not save the visit")))
    return 0;

  atlas_visit_set_id (visit, sqlite3_last_insert_rowid (self->db));
  return atlas_visit_get_id (visit);
}

/**
 * atlas_store_save_visit:
 *
 * Inserts @visit when its id is 0, otherwise writes every field of the
 * visit with that id (creating it again with the same id if it was
 * deleted). The centre comes from the visit's centre id; the order of the
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

  if (!(stmt = prepare (self,
                        "INSERT INTO visit (id, centre_id, date, sort_date, tour, visitors, "
                        "status, notes, release_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        "ON CONFLICT (id) DO UPDATE SET centre_id = ?2, date = ?3, sort_date = ?4, "
                        "tour = ?5, visitors = ?6, status = ?7, notes = ?8, release_id = ?9",
                        error)))
    return 0;

  id = atlas_visit_get_id (visit);
  bind_id_or_null (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, atlas_visit_get_centre_id (visit));
  bind_text (stmt, 3, atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
  bind_text (stmt, 4, sort_date);
  bind_text (stmt, 5, atlas_visit_get_field (visit, ATLAS_VISIT_TOUR));
  bind_text (stmt, 6, atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS));
  bind_text (stmt, 7, atlas_visit_get_field (visit, ATLAS_VISIT_STATUS));
  bind_text (stmt, 8, atlas_visit_get_field (visit, ATLAS_VISIT_NOTES));
  bind_id_or_null (stmt, 9, atlas_visit_get_release_id (visit));

  if (!finish_write (self, stmt, ATLAS_RECORD_VISIT, id, error, _("Could not save the visit")))
    return 0;

  if (id <= 0)
    atlas_visit_set_id (visit, sqlite3_last_insert_rowid (self->db));
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, sort_date);
  return atlas_visit_get_id (visit);
}

/* Imports ------------------------------------------------------------------- */

/**
 * atlas_store_find_release:
 * @guid: (nullable): the release's own identifier
 * @link: (nullable): its address, compared when @guid finds nothing
 * @content_hash: (nullable): a hash of title and date, compared last
 * @id: (out): the stored release
 * @version: (out): its NewsML-G2 version
 * @updated: (out): its Atom updated time, 0 if none
 *
 * Returns: %TRUE when a stored release is the same one; %FALSE with no
 *   error when none is
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

  /* One statement, in order of preference; SQLite stops at the first row.
   * The "<> ''" terms let the partial indexes on link and hash serve. */
  if (!(stmt = prepare (self,
                        "SELECT id, version, coalesce(updated, 0) FROM release WHERE guid = ?1 "
                        "UNION ALL "
                        "SELECT id, version, coalesce(updated, 0) FROM release WHERE link = ?2 AND link <> '' "
                        "UNION ALL "
                        "SELECT id, version, coalesce(updated, 0) FROM release "
                        "WHERE content_hash = ?3 AND content_hash <> '' "
                        "LIMIT 1",
                        error)))
    return FALSE;

  bind_text (stmt, 1, guid);
  bind_text (stmt, 2, link);
  bind_text (stmt, 3, content_hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *version = sqlite3_column_int64 (stmt, 1);
      *updated = sqlite3_column_int64 (stmt, 2);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return set_error (self, rc, error, _("Could not look for the press release"));

  return FALSE;
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
  if (!fts_flush (self, error))
    return FALSE;

  if (!(stmt = prepare (self,
                        "UPDATE release SET link = ?2, title = ?3, body = ?4, source = ?5, "
                        "author = ?6, published = ?7, updated = ?8, version = ?9, format = ?10, "
                        "content_hash = ?11, imported_at = ?12 WHERE id = ?1",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_release (stmt, release);

  if (!finish_write (self, stmt, ATLAS_RECORD_RELEASE, id, error, _("Could not save the press release")))
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

  if (!(stmt = prepare (self,
                        "DELETE FROM release_centre WHERE release_id = ?1 AND confirmed = 0",
                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, release_id);
  return finish_write (self, stmt, ATLAS_RECORD_RELEASE, release_id, error,
                       _("Could not link the press release to a centre"));
}

/**
 * atlas_store_find_visit:
 *
 * Returns: the id of a visit to @centre_id on @date, 0 if there is none,
 *   -1 on error
 */
gint64
atlas_store_find_visit (AtlasStore  *self,
                        gint64       centre_id,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);

  if (!(stmt = prepare (self, "SELECT id FROM visit WHERE centre_id = ?1 AND date = ?2 LIMIT 1", error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, centre_id);
  bind_text (stmt, 2, date);
  return step_id (self, stmt, error);
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

  if (!(stmt = prepare (self,
                        "INSERT INTO import_log (path, format, imported_at, n_new, n_updated, "
                        "n_skipped, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ok')",
                        error)))
    return FALSE;

  bind_text (stmt, 1, path);
  bind_text (stmt, 2, format);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 4, n_new);
  sqlite3_bind_int64 (stmt, 5, n_updated);
  sqlite3_bind_int64 (stmt, 6, n_skipped);

  if (!atlas_store_begin (self, error))
    return FALSE;
  if (!step_done (self, stmt, error, _("Could not record the import")))
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
 * Full-text search: best matches first (see query_release_ids()) when there are at most
 * MAX_SEARCH_RESULTS, else the newest.
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
  ids = query_release_ids (self, query, NULL, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len && i < limit; i++)
    {
      g_autoptr(AtlasStmt) stmt = NULL;
      AtlasSearchHit *hit;
      int rc;

      if (!(stmt = prepare (self, "SELECT title, body FROM release WHERE id = ?1", error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          set_error (self, rc, error, _("Could not search the press releases"));
          return NULL;
        }

      hit = g_new0 (AtlasSearchHit, 1);
      hit->id = g_array_index (ids, gint64, i);
      if (rc == SQLITE_ROW)
        {
          hit->snippet = atlas_text_snippet (column_text (stmt, 1), user_text, mark_start, mark_end, FALSE);
          if (hit->snippet == NULL)
            hit->snippet = atlas_text_snippet (column_text (stmt, 0), user_text, mark_start, mark_end, FALSE);
        }
      if (hit->snippet == NULL)
        hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
    }

  return g_steal_pointer (&hits);
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

  if (!(stmt = prepare (self,
                        "SELECT v.id, v.date, v.sort_date, c.ags, c.name, v.tour, v.visitors, v.status, "
                        "v.notes, v.centre_id, coalesce(v.release_id, 0) "
                        "FROM visit v JOIN centre c ON c.id = v.centre_id "
                        "WHERE (?1 IS NULL OR v.tour = ?1) AND v.sort_date >= ?2 AND v.sort_date <= ?3 "
                        "ORDER BY " VISIT_ORDER ("v."),
                        error)))
    return NULL;

  if (tour && *tour)
    bind_text (stmt, 1, tour);
  bind_text (stmt, 2, from && *from ? from : "0000-00-00");
  bind_text (stmt, 3, to && *to ? to : "9999-99-99");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *visit = object_from_row (ATLAS_RECORD_VISIT, stmt);
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
      set_error (self, rc, error, _("Could not read the list"));
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
  if (!(stmt = prepare (self,
                        "UPDATE visit SET status = CASE announced WHEN 1 THEN 'planned' ELSE 'done' END "
                        "WHERE status = 'suggested'", error)))
    return -1;

  if (!finish_write (self, stmt, ATLAS_RECORD_VISIT, -1, error, _("Could not save the visit")))
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

  if (!(stmt = prepare (self, "UPDATE visit SET status = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  bind_text (stmt, 2, status);

  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

gboolean
atlas_store_delete_visit (AtlasStore  *self,
                          gint64       visit_id,
                          GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!(stmt = prepare (self, "DELETE FROM visit WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);

  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not delete the visit"));
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

      if (!(district = prepare (self,
                                "INSERT INTO district (ags, name, kind, regierungsbezirk, "
                                "population, area_km2) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                "ON CONFLICT (ags) DO NOTHING",
                                error)))
        goto fail;
      for (int c = 0; c < 4; c++)
        bind_text (district, c + 1, cells[c]);
      sqlite3_bind_int64 (district, 5, g_ascii_strtoll (cells[4], NULL, 10));
      sqlite3_bind_double (district, 6, g_ascii_strtod (cells[5], NULL));
      if (!step_done (self, district, error, _("Could not add a district")))
        goto fail;

      if (!(centre = prepare (self,
                              "INSERT INTO centre (ags, name, street, postal_code, city, phone, "
                              "email, website, head, search_key, modified_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                              "ON CONFLICT (ags) DO NOTHING",
                              error)))
        goto fail;
      bind_text (centre, 1, cells[0]);
      for (int c = 6; c < 14; c++)
        bind_text (centre, c - 4, cells[c]);
      key_source = g_strjoin (" ", cells[6], cells[1], cells[9], cells[0], NULL);
      key = atlas_text_fold_search (key_source);
      bind_text (centre, 10, key);
      sqlite3_bind_int64 (centre, 11, g_get_real_time () / G_USEC_PER_SEC);
      if (!step_done (self, centre, error, _("Could not add a centre")))
        goto fail;
      if (sqlite3_changes (self->db) > 0)
        atlas_store_note_change (self, ATLAS_RECORD_CENTRE, 0);
    }

  return atlas_store_commit (self, error);

fail:
  atlas_store_rollback (self);
  return FALSE;
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

  if (!(stmt = prepare (self, "SELECT coalesce(uid, ''), sequence FROM visit WHERE id = ?1", error)))
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
    return set_error (self, rc, error, _("Could not read a record"));

  *uid = g_strdup (column_text (stmt, 0));
  *sequence = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * atlas_store_find_visit_by_uid:
 *
 * Returns: the id of the visit with this iCalendar UID, 0 if there is
 *   none, -1 on error
 */
gint64
atlas_store_find_visit_by_uid (AtlasStore  *self,
                               const char  *uid,
                               GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), -1);

  if (!(stmt = prepare (self, "SELECT id FROM visit WHERE uid = ?1", error)))
    return -1;

  bind_text (stmt, 1, uid);
  return step_id (self, stmt, error);
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

  if (!(stmt = prepare (self, "UPDATE visit SET uid = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  bind_text (stmt, 2, uid);
  return finish_write (self, stmt, ATLAS_RECORD_VISIT, visit_id, error, _("Could not save the visit"));
}

/* End of calendar exchange --------------------------------------------------- */
