/* atlas-backup-files.c: the backups' files and folders, writing them
 * durably (fsync of the file and its folder, names that are never
 * replaced), and the lock that keeps a restore away from an open catalogue
 * (see atlas-backup.c)
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

/* How long opening a catalogue waits for a restore of it to finish. */
#define LOCK_WAIT_STEPS 100
#define LOCK_WAIT_STEP_US 50000

/* Files and folders ----------------------------------------------------------- */

char *
atlas_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* The start of every backup's name: the catalogue's file name without
 * ".sqlite", so the backups of two catalogues in one folder never mix. */
char *
atlas_backup_stem_for (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".sqlite") && strlen (base) > strlen (".sqlite"))
    base[strlen (base) - strlen (".sqlite")] = '\0';
  return g_steal_pointer (&base);
}

/* The names of this catalogue's backups, <stem>-[v<N>-]<time>[-<n>].sqlite,
 * followed by @tail: another catalogue's never match, even one whose name
 * begins with this one's ("catalogue-old.sqlite"). */
GRegex *
atlas_backup_name_regex (const char *db_path,
                         const char *tail)
{
  g_autofree char *stem = atlas_backup_stem_for (db_path);
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s-(v[0-9]+-)?[0-9]{8}T[0-9]{6}(-[0-9]+)?\\.sqlite%s",
                                              escaped, tail);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

/* Data written, or a rename or a new file in a folder, is only kept
 * through a power cut once the file, or the folder that holds it, is
 * synced. */
gboolean
atlas_backup_sync_path (const char  *path,
                        int          flags,
                        GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | flags, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s” to the disk: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
atlas_backup_sync_dir (const char  *dir,
                       GError     **error)
{
  return atlas_backup_sync_path (dir, O_DIRECTORY, error);
}

gboolean
atlas_backup_sync_dir_of (const char  *path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return atlas_backup_sync_dir (dir, error);
}

/* Gives @from the name @to, or @to-2, @to-3…, never replacing a file that
 * is there. Returns: (transfer full) (nullable): the name taken */
char *
atlas_backup_publish_exclusive (const char  *from,
                                const char  *to,
                                gboolean     keep_from,
                                GError     **error)
{
  g_autofree char *stem = g_str_has_suffix (to, ".sqlite")
                          ? g_strndup (to, strlen (to) - strlen (".sqlite")) : g_strdup (to);
  const char *suffix = g_str_has_suffix (to, ".sqlite") ? ".sqlite" : "";

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (to) : g_strdup_printf ("%s-%u%s", stem, n, suffix);
      int saved_errno;

      /* link() never replaces a file; the source stays where it is too
       * until it is removed below, so a crash leaves it whole under one
       * name or the other. */
      if (link (from, name) == 0)
        {
          if (!keep_from)
            g_unlink (from);
          return g_steal_pointer (&name);
        }
      saved_errno = errno;
      if (saved_errno == EEXIST)
        continue;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not name the file “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Could not name the file “%s”: %s"), to, g_strerror (EEXIST));
  return NULL;
}

/* The lock ---------------------------------------------------------------------- */

char *
atlas_backup_lock_path_for (const char *db_path)
{
  return g_strconcat (db_path, ".lock", NULL);
}

/* Leftovers of a backup or a restore that were cut off: copies that were
 * never put in place, and a set-aside name of a restore that stopped
 * before it replaced the catalogue (the same file as the catalogue, under
 * a second name). Only called while no program has the catalogue open. */
void
atlas_backup_tidy_leftovers (const char *db_path)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *backups = atlas_backup_dir_for (db_path);
  g_autofree char *replaced = g_strconcat (base, ".replaced-", NULL);
  /* A copy not yet named: <backup>.<pid>-<n>.part, and its journal. */
  g_autoptr(GRegex) part = atlas_backup_name_regex (db_path, "\\.[0-9]+-[0-9]+\\.part");
  gboolean removed = FALSE, removed_backup = FALSE;
  GStatBuf db_stat;
  gboolean have_db = g_stat (db_path, &db_stat) == 0;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GDir) bdir = g_dir_open (backups, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_prefix (name, base) && g_str_has_prefix (name + strlen (base), ".restoring"))
        removed |= g_unlink (path) == 0;
      else if (have_db && g_str_has_prefix (name, replaced) && g_stat (path, &st) == 0 && st.st_ino == db_stat.st_ino && st.st_dev == db_stat.st_dev)
        removed |= g_unlink (path) == 0;
    }

  while (bdir != NULL && (name = g_dir_read_name (bdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);

      if (part != NULL && g_regex_match (part, name, 0, NULL))
        removed_backup |= g_unlink (path) == 0;
    }

  if (removed)
    atlas_backup_sync_dir (dir_path, NULL);
  if (removed_backup)
    atlas_backup_sync_dir (backups, NULL);
}

/**
 * atlas_catalogue_lock:
 * @writing: the catalogue is opened to be written: create the lock file
 *   if need be, and when no other program has the catalogue open, sweep the
 *   leftovers of backups and restores that were cut off. A read-only look
 *   changes nothing, and takes the lock only where the file is there.
 *
 * Takes a shared lock on <catalogue>.lock for as long as the catalogue is
 * open: a restore needs it alone. Waits a little while a restore runs.
 *
 * Returns: the lock's descriptor, to close when the catalogue is closed;
 *   -1 when no lock file can be had (a folder that cannot be written, where
 *   no restore can happen either), or with @error set when a restore held
 *   the lock too long
 */
int
atlas_catalogue_lock (const char  *db_path,
                      gboolean     writing,
                      GError     **error)
{
  g_autofree char *lock_path = atlas_backup_lock_path_for (db_path);
  int fd = writing ? g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;

  if (fd < 0)
    fd = g_open (lock_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return -1;

  if (writing && flock (fd, LOCK_EX | LOCK_NB) == 0)
    atlas_backup_tidy_leftovers (db_path);

  for (guint i = 0; i < LOCK_WAIT_STEPS; i++)
    {
      if (flock (fd, LOCK_SH | LOCK_NB) == 0)
        return fd;
      if (errno != EWOULDBLOCK && errno != EINTR)
        return fd; /* a file system without flock: SQLite's locks still hold */
      g_usleep (LOCK_WAIT_STEP_US);
    }

  close (fd);
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY,
               _("“%s” is being restored by another program; try again when it has finished"),
               db_path);
  return -1;
}
