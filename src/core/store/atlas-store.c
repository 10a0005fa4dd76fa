/* atlas-store.c: the SQLite catalogue: the store object, its opening, its
 * transactions and its change signal (the store's other files:
 * atlas-store-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "atlas-core-resources.h"
#include "atlas-sqlite-locks.h"
#include "atlas-store-private.h"

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

/* Every SQLite failure becomes a GError that names what was being done. */
gboolean
atlas_store_set_error (AtlasStore  *self,
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

  atlas_sqlite_locks_install ();
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

  if (!atlas_store_configure_connection (self, error))
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

  if (!atlas_store_migrate (self, error))
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
    return atlas_store_set_error (self, rc, error, _("Could not check the catalogue"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (found, "%s\n", line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not check the catalogue"));

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return atlas_store_set_error (self, rc, error, _("Could not check the catalogue"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, _("broken reference in table %s, row %lld\n"),
                            sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not check the catalogue"));

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
  if (self->txn_depth > 0 || !(stmt = atlas_store_prepare (self, "PRAGMA data_version", NULL)) ||
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
gboolean
atlas_store_fts_flush (AtlasStore  *self,
                       GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  if (self->fts_first == 0)
    return TRUE;

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO release_fts (rowid, title, body) "
                                    "SELECT id, title, body FROM release WHERE id BETWEEN ?1 AND ?2",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->fts_first);
  sqlite3_bind_int64 (stmt, 2, self->fts_last);
  if (!atlas_store_step_done (self, stmt, error, _("Could not index the press releases for search")))
    return FALSE;

  self->fts_first = self->fts_last = 0;
  return TRUE;
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
      !atlas_store_exec (self, "BEGIN IMMEDIATE", error, _("Could not start writing")))
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
      if (!atlas_store_fts_flush (self, error) ||
          !atlas_store_exec (self, "COMMIT", error, _("Could not save the changes")))
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
