/* atlas-backup.c: backups of the catalogue and restoring one
 *
 * SQLite keeps its locks as POSIX advisory locks, and closing *any*
 * descriptor of a file drops every such lock the process holds on it. So
 * nothing here opens the catalogue or its -wal and -shm files outside
 * SQLite: the lock lives on a file of its own (atlas-backup-files.c), and
 * files are moved with link() and rename(), which open nothing.
 *
 * Every step that must survive a power cut is followed by an fsync of the
 * folder it changed. At every moment the catalogue's path holds a whole
 * catalogue, the old one or the new one. The one database copy, for
 * backups and restores alike, is copy_database().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "atlas-store-private.h"

void
atlas_backup_info_free (AtlasBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->taken, g_date_time_unref);
  g_free (info->problem);
  g_free (info);
}

/* Writing backups ----------------------------------------------------------------- */

/* The one database copy: SQLite's backup API copies @source's main
 * database into a new file at @dest_path, never a plain file copy of a
 * live database, which could separate it from its -wal file. The copy has
 * the source's WAL flag; it is made one file on its own. Returns
 * SQLITE_OK or the failing code; on failure @dest_path is removed. */
static int
copy_database (sqlite3    *source,
               const char *dest_path)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *copy;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK && (copy = sqlite3_backup_init (dest, "main", source, "main")) == NULL)
    rc = sqlite3_errcode (dest);
  else if (rc == SQLITE_OK)
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
      if (rc == SQLITE_DONE)
        rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      else if (rc == SQLITE_OK)
        rc = SQLITE_ERROR;
    }
  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    g_unlink (dest_path);
  return rc;
}

/* A consistent copy of the open catalogue (see copy_database()). */
gboolean
atlas_store_backup_to (AtlasStore  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  gboolean dir_existed = g_file_test (dir, G_FILE_TEST_IS_DIR);
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the backup folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!dir_existed && !atlas_backup_sync_dir_of (dir, error))
    return FALSE;

  rc = copy_database (atlas_store_get_db (self), dest_path);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
                   _("Could not create the backup “%s”: %s"),
                   dest_path, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/**
 * atlas_store_write_backup:
 * @from_version: the schema version before an upgrade, or 0 for an
 *   ordinary backup
 *
 * Writes a copy under a name of its own (<catalogue>-[v<N>-]<time>.sqlite
 * in backups/), first as a .part file, and gives it its name only when it
 * is whole and on the disk. A name that is taken is never replaced.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
atlas_store_write_backup (AtlasStore  *self,
                          int          from_version,
                          GError     **error)
{
  static gint counter;
  const char *db_path = atlas_store_get_path (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = atlas_backup_dir_for (db_path);
  g_autofree char *stem = atlas_backup_stem_for (db_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *version = from_version > 0 ? g_strdup_printf ("v%d-", from_version) : g_strdup ("");
  g_autofree char *name = g_strdup_printf ("%s-%s%s.sqlite", stem, version, stamp);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  /* Two programs, or two threads, may write a backup in the same second. */
  g_autofree char *part = g_strdup_printf ("%s.%d-%d.part", path, (int) getpid (),
                                           g_atomic_int_add (&counter, 1));
  char *made;

  if (!atlas_store_backup_to (self, part, error))
    return NULL;
  if (!atlas_backup_sync_path (part, 0, error) ||
      !(made = atlas_backup_publish_exclusive (part, path, FALSE, error)))
    {
      g_unlink (part);
      return NULL;
    }
  if (!atlas_backup_sync_dir (dir, error))
    {
      g_free (made);
      return NULL;
    }
  return made;
}

/* Reading backups ----------------------------------------------------------------- */

/* Opens a file that came from elsewhere without trusting it: read-only,
 * defensive (no writes to the schema, no unsafe functions in it). */
static sqlite3 *
open_untrusted (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
      /* The integrity check of SQLite 3.44 and newer reads the full-text
       * index through its tokenizer. */
      if (rc == SQLITE_OK && !atlas_store_register_tokenizer (db, NULL))
        rc = SQLITE_ERROR;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
                   _("Could not open “%s”: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The first line of an integrity or quick check: "ok" when sound. */
char *
atlas_store_run_check (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  return result;
}

/* A backup known by its path and date only, not yet opened. */
static AtlasBackupInfo *
backup_info_new (const char *path)
{
  AtlasBackupInfo *info = g_new0 (AtlasBackupInfo, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);

  info->path = g_strdup (path);
  info->n_releases = info->n_contacts = info->n_visits = -1;
  if (file_info != NULL)
    info->taken = g_file_info_get_modification_date_time (file_info);
  return info;
}

/**
 * atlas_store_inspect_backup:
 * @full: run the full integrity check, not only the quick one
 *
 * Opens the file defensively and reads what it holds.
 *
 * Returns: (transfer full): what the file is; info->sound says whether it
 *   passed the check and can be restored
 */
AtlasBackupInfo *
atlas_store_inspect_backup (const char *path,
                            gboolean    full)
{
  AtlasBackupInfo *info = backup_info_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  gboolean interrupted;
  sqlite3 *db;

  if (!(db = open_untrusted (path, &error)))
    {
      info->problem = g_strdup (error->message);
      return info;
    }

  check = atlas_store_run_check (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
  interrupted = sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK ||
                sqlite3_extended_errcode (db) == SQLITE_READONLY_RECOVERY;
  info->schema_version = (int) count_rows (db, "PRAGMA user_version");
  /* A hot journal is a write that was cut off, not damage; a look cannot
   * finish it, so the file is not offered, but not called damaged. */
  if (interrupted)
    info->problem = g_strdup (_("The file was being written when a program stopped; it is not damaged, but it is not whole as it is."));
  else if (g_strcmp0 (check, "ok") != 0)
    info->problem = g_strdup_printf (_("The file is damaged: %s"), check);
  else if (info->schema_version < 1)
    info->problem = g_strdup (_("The file is not a catalogue of this program."));
  else if (info->schema_version > atlas_store_latest_version ())
    info->problem = g_strdup (_("The file was written by a newer version of Integrationsatlas."));
  else
    {
      info->n_releases = count_rows (db, "SELECT count(*) FROM release");
      info->n_contacts = count_rows (db, "SELECT count(*) FROM contact");
      info->n_visits = count_rows (db, "SELECT count(*) FROM visit");
      if (info->n_releases < 0 || info->n_contacts < 0 || info->n_visits < 0)
        info->problem = g_strdup (_("The file is not a catalogue of this program."));
      else
        info->sound = TRUE;
    }

  sqlite3_close (db);
  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const AtlasBackupInfo *x = *(AtlasBackupInfo * const *) a;
  const AtlasBackupInfo *y = *(AtlasBackupInfo * const *) b;

  if (x->taken == NULL || y->taken == NULL)
    return (x->taken == NULL) - (y->taken == NULL);
  return -g_date_time_compare (x->taken, y->taken);
}

/* The backup files of this catalogue, newest first, by name and date only:
 * not opened. Another catalogue's backups in the same folder are not its. */
static GPtrArray *
list_backup_files (const char *db_path)
{
  g_autofree char *dir_path = atlas_backup_dir_for (db_path);
  g_autoptr(GRegex) regex = atlas_backup_name_regex (db_path, "$");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_backup_info_free);
  const char *name;

  while (regex != NULL && dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_regex_match (regex, name, 0, NULL))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_ptr_array_add (list, backup_info_new (path));
    }

  g_ptr_array_sort (list, compare_newest_first);
  return list;
}

/**
 * atlas_store_list_backups:
 * @db_path: the catalogue whose backups (in backups/ beside it) to list
 * @full: run the full integrity check on each (slower)
 *
 * Returns: (transfer full) (element-type AtlasBackupInfo): the backups,
 *   newest first, each inspected
 */
GPtrArray *
atlas_store_list_backups (const char *db_path,
                          gboolean    full)
{
  GPtrArray *list = list_backup_files (db_path);

  for (guint i = 0; i < list->len; i++)
    {
      AtlasBackupInfo *listed = g_ptr_array_index (list, i);

      list->pdata[i] = atlas_store_inspect_backup (listed->path, full);
      atlas_backup_info_free (listed);
    }
  return list;
}

/**
 * atlas_store_find_sound_backup:
 *
 * Checks the backups of @db_path in full, newest first, until one passes.
 *
 * Returns: (transfer full) (nullable): the newest backup that can be
 *   restored, %NULL if there is none
 */
AtlasBackupInfo *
atlas_store_find_sound_backup (const char *db_path)
{
  g_autoptr(GPtrArray) files = list_backup_files (db_path);

  for (guint i = 0; i < files->len; i++)
    {
      AtlasBackupInfo *info = atlas_store_inspect_backup (((AtlasBackupInfo *) g_ptr_array_index (files, i))->path,
                                                          TRUE);

      if (info->sound)
        return info;
      atlas_backup_info_free (info);
    }
  return NULL;
}

/**
 * atlas_store_backup:
 *
 * Writes a consistent copy of the catalogue to
 * backups/<catalogue>-YYYYMMDDTHHMMSS.sqlite beside it.
 *
 * Returns: (transfer full) (nullable): the copy's path
 */
char *
atlas_store_backup (AtlasStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return atlas_store_write_backup (self, 0, error);
}

/**
 * atlas_store_prune_backups:
 * @keep: how many of the newest to keep (at least one is kept)
 *
 * Returns: how many were deleted
 */
guint
atlas_store_prune_backups (const char *db_path,
                           guint       keep)
{
  g_autoptr(GPtrArray) list = list_backup_files (db_path);
  guint deleted = 0;

  keep = MAX (keep, 1);
  for (guint i = keep; i < list->len; i++)
    {
      AtlasBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) == 0)
        deleted++;
    }
  return deleted;
}

/**
 * atlas_store_backup_if_due:
 * @keep: backups to keep
 * @max_age: make one when the newest is older than this
 *
 * Returns: (transfer full) (nullable): the path of the backup made, %NULL
 *   when none was due or on error (then @error is set)
 */
char *
atlas_store_backup_if_due (AtlasStore  *self,
                           guint        keep,
                           GTimeSpan    max_age,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char *made;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  list = list_backup_files (atlas_store_get_path (self));
  if (list->len > 0)
    {
      AtlasBackupInfo *newest = g_ptr_array_index (list, 0);

      if (newest->taken != NULL && g_date_time_difference (now, newest->taken) < max_age)
        return NULL;
    }

  made = atlas_store_backup (self, error);
  if (made != NULL)
    atlas_store_prune_backups (atlas_store_get_path (self), keep);
  return made;
}

/* Restoring ------------------------------------------------------------------------ */

/* Writes a checked copy of @backup_path to @part, on the disk. */
static gboolean
copy_for_restore (const char  *backup_path,
                  const char  *part,
                  GError     **error)
{
  sqlite3 *source = NULL;
  int rc;

  if (!(source = open_untrusted (backup_path, error)))
    return FALSE;
  rc = copy_database (source, part);
  sqlite3_close (source);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, atlas_store_error_code_for (rc),
                   _("Could not copy “%s”: %s"), backup_path, sqlite3_errstr (rc));
      return FALSE;
    }
  return atlas_backup_sync_path (part, 0, error);
}

/* Folds the catalogue's -wal into it, so the file alone is the whole
 * catalogue, and lets SQLite remove the -wal and -shm as it closes. A
 * file that is no database has nothing to fold. */
static void
fold_journal (const char *db_path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL) == SQLITE_OK &&
      sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* Keeps the -wal that could not be folded (a damaged catalogue) beside
 * the set-aside catalogue, and takes it and the -shm away from the
 * catalogue's name, where they would be read into the restored file. */
static gboolean
set_aside_journal (const char  *db_path,
                   const char  *aside,
                   GError     **error)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      if (link (wal, aside_wal) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move “%s” aside: %s"), wal, g_strerror (saved_errno));
          return FALSE;
        }
      if (!atlas_backup_sync_dir_of (db_path, error))
        return FALSE;
    }
  g_unlink (wal);
  g_unlink (shm);
  return TRUE;
}

/**
 * atlas_store_restore:
 * @db_path: the catalogue to replace; it must not be open
 * @backup_path: a backup (or any catalogue file) to restore
 * @set_aside: (out) (optional) (nullable): where the replaced file went
 *
 * Checks @backup_path in full, copies it beside the catalogue, gives the
 * catalogue a second name (never deleting it) and renames the copy over
 * it in one step. On error, or after a crash at any moment, the catalogue's
 * path holds the old catalogue or the restored one, whole.
 */
gboolean
atlas_store_restore (const char  *db_path,
                     const char  *backup_path,
                     char       **set_aside,
                     GError     **error)
{
  AtlasBackupInfo *info = atlas_store_inspect_backup (backup_path, TRUE);
  g_autofree char *lock_path = atlas_backup_lock_path_for (db_path);
  g_autofree char *part = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *aside = NULL;
  gboolean had_db, ok = FALSE;
  int fd;

  if (!info->sound)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be restored: %s"), backup_path, info->problem);
      atlas_backup_info_free (info);
      return FALSE;
    }
  atlas_backup_info_free (info);

  /* Nobody may have the catalogue open while it is replaced: the lock is
   * held until the new file is in place. */
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      if (fd < 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not create “%s”: %s"), lock_path, g_strerror (saved_errno));
      else
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY,
                     _("“%s” is open in another program (Integrationsatlas?); close it first"),
                     db_path);
      return FALSE;
    }

  atlas_backup_tidy_leftovers (db_path);
  had_db = g_file_test (db_path, G_FILE_TEST_EXISTS);

  /* The copy first, beside the catalogue; only then anything is moved. */
  g_unlink (part);
  if (!copy_for_restore (backup_path, part, error))
    goto out;

  if (had_db)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
      g_autofree char *wanted = g_strdup_printf ("%s.replaced-%s", db_path, stamp);

      fold_journal (db_path);
      /* A second name for the catalogue: it stays at its path meanwhile. */
      if (!(aside = atlas_backup_publish_exclusive (db_path, wanted, TRUE, error)) ||
          !atlas_backup_sync_dir_of (db_path, error) ||
          !set_aside_journal (db_path, aside, error))
        goto out;
      /* One atomic step from the old catalogue to the restored one. */
      if (g_rename (part, db_path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not put the backup in place: %s"), g_strerror (saved_errno));
          g_unlink (aside);
          goto out;
        }
    }
  else if (link (part, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not put the backup in place: %s"), g_strerror (saved_errno));
      goto out;
    }

  ok = atlas_backup_sync_dir_of (db_path, error);

out:
  g_unlink (part);
  close (fd);
  if (ok && set_aside != NULL)
    *set_aside = g_steal_pointer (&aside);
  return ok;
}
