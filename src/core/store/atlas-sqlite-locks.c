/* atlas-sqlite-locks.c: SQLite's file locks that survive a stray close()
 *
 * SQLite's unix VFS locks the catalogue, and its -shm, with POSIX advisory
 * locks (fcntl F_SETLK). Those belong to the process, and closing *any*
 * descriptor of the file drops all of them ("How To Corrupt An SQLite
 * Database File", §2.2). In a desktop app other code opens our files
 * behind SQLite's back: GTK's file dialog reads a file to guess its type
 * when it lists the catalogue's folder, a thumbnailer or a recent-files
 * probe does the same. After such a close() the window held no lock, the
 * command line's last connection then found the catalogue unused and
 * checkpointed and deleted the -wal under the open window.
 *
 * The cure is open-file-description locks (F_OFD_SETLK, Linux 3.15): they
 * belong to one open file description and vanish only when its last
 * descriptor closes. They conflict with POSIX locks of other processes
 * exactly as POSIX locks do, so an older program or the sqlite3 shell on
 * the same catalogue still sees them.
 *
 * SQLite keeps one lock state per file per process (its unixInodeInfo)
 * and takes the locks through whichever connection's descriptor is at
 * hand, relying on them being the process's. So this shim keeps, per
 * file (device and inode), one descriptor of its own, opened when SQLite
 * first opens the file, and takes every lock of SQLite's on it: one owner
 * per file per process, as with POSIX locks. That descriptor is
 * closed when SQLite closes its last descriptor of the file, which is
 * when POSIX would have dropped the locks too. Only SQLite's own open,
 * close and fcntl go through here (sqlite3_vfs.xSetSystemCall); nothing
 * else in the process is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* F_OFD_SETLK */
#endif
#include "config.h"

#include "atlas-sqlite-locks.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#ifdef F_OFD_SETLK

typedef int (*OpenFunc) (const char *, int, int);
typedef int (*CloseFunc) (int);
typedef int (*FcntlFunc) (int, int, ...);

typedef struct {
  dev_t dev;
  ino_t ino;
  int lock_fd;   /* this shim's own descriptor: the lock owner */
  guint users;   /* SQLite's open descriptors of the file */
} LockedFile;

static OpenFunc real_open;
static CloseFunc real_close;
static FcntlFunc real_fcntl;
static GMutex files_lock;
static GArray *files;   /* of LockedFile; a handful of files per process */
static gboolean ofd_unsupported;

static LockedFile *
find_file (const struct stat *st)
{
  for (guint i = 0; i < files->len; i++)
    {
      LockedFile *f = &g_array_index (files, LockedFile, i);

      if (f->dev == st->st_dev && f->ino == st->st_ino)
        return f;
    }
  return NULL;
}

/* The lock owner: a description of its own, open for writing where the
 * file allows it, because a write lock needs a descriptor open for
 * writing and the first connection may be a read-only one. */
static int
reopen_for_locks (int fd)
{
  char proc_path[64];
  int owner;

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  owner = open (proc_path, O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (owner < 0)
    owner = fcntl (fd, F_DUPFD_CLOEXEC, 0);
  return owner;
}

static int
locks_open (const char *path,
            int         flags,
            int         mode)
{
  int fd = real_open (path, flags, mode);
  struct stat st;

  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return fd;

  g_mutex_lock (&files_lock);
  {
    LockedFile *f = find_file (&st);

    if (f != NULL)
      f->users++;
    else
      {
        LockedFile added = { st.st_dev, st.st_ino, reopen_for_locks (fd), 1 };

        if (added.lock_fd >= 0)
          g_array_append_val (files, added);
      }
  }
  g_mutex_unlock (&files_lock);
  return fd;
}

static int
locks_close (int fd)
{
  struct stat st;
  int lock_fd = -1;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    {
      g_mutex_lock (&files_lock);
      for (guint i = 0; i < files->len; i++)
        {
          LockedFile *f = &g_array_index (files, LockedFile, i);

          if (f->dev == st.st_dev && f->ino == st.st_ino && --f->users == 0)
            {
              lock_fd = f->lock_fd;
              g_array_remove_index_fast (files, i);
              break;
            }
        }
      g_mutex_unlock (&files_lock);
    }
  if (lock_fd >= 0)
    real_close (lock_fd);
  return real_close (fd);
}

static int
ofd_command (int cmd)
{
  switch (cmd)
    {
    case F_SETLK: return F_OFD_SETLK;
    case F_SETLKW: return F_OFD_SETLKW;
    case F_GETLK: return F_OFD_GETLK;
    default: return 0;
    }
}

/* The lock owner for SQLite's descriptor fd, or -1 for a file SQLite
 * opened before the shim was in place (it keeps POSIX locks). */
static int
lock_owner (int fd)
{
  struct stat st;
  int owner = -1;

  if (g_atomic_int_get (&ofd_unsupported) || fstat (fd, &st) != 0)
    return -1;
  g_mutex_lock (&files_lock);
  {
    LockedFile *f = find_file (&st);

    if (f != NULL)
      owner = f->lock_fd;
  }
  g_mutex_unlock (&files_lock);
  return owner;
}

static int
locks_fcntl (int fd,
             int cmd,
             ...)
{
  int ofd_cmd = ofd_command (cmd);
  va_list ap;

  va_start (ap, cmd);
  if (ofd_cmd != 0)
    {
      struct flock *lock = va_arg (ap, struct flock *);
      int owner = lock_owner (fd);

      va_end (ap);
      if (owner >= 0)
        {
          struct flock ofd = *lock;
          int rc;

          ofd.l_pid = 0;  /* required by the OFD commands */
          rc = real_fcntl (owner, ofd_cmd, &ofd);
          if (rc == 0 || (errno != EINVAL && errno != EBADF))
            {
              if (cmd == F_GETLK)
                *lock = ofd;
              return rc;
            }
          /* A kernel without OFD locks: POSIX ones from now on. */
          if (errno == EINVAL)
            g_atomic_int_set (&ofd_unsupported, TRUE);
        }
      return real_fcntl (fd, cmd, lock);
    }
  else
    {
      /* SQLite's other commands (F_GETFD, F_SETFD, F_GETFL) take an int
       * or nothing, for which it passes 0. */
      int arg = va_arg (ap, int);

      va_end (ap);
      return real_fcntl (fd, cmd, arg);
    }
}

static gpointer
install_once (gpointer data)
{
  sqlite3_vfs *vfs;

  sqlite3_initialize ();
  vfs = sqlite3_vfs_find ("unix");
  if (vfs == NULL || vfs->iVersion < 3 || vfs->xGetSystemCall == NULL)
    return GINT_TO_POINTER (FALSE);

  real_open = (OpenFunc) vfs->xGetSystemCall (vfs, "open");
  real_close = (CloseFunc) vfs->xGetSystemCall (vfs, "close");
  real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
  if (real_open == NULL || real_close == NULL || real_fcntl == NULL)
    return GINT_TO_POINTER (FALSE);

  files = g_array_new (FALSE, FALSE, sizeof (LockedFile));
  /* The unix VFS variants share one table of system calls. */
  if (vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) locks_open) != SQLITE_OK ||
      vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locks_close) != SQLITE_OK ||
      vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locks_fcntl) != SQLITE_OK)
    {
      vfs->xSetSystemCall (vfs, NULL, NULL);  /* all back to the defaults */
      return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

gboolean
atlas_sqlite_locks_install (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, install_once, NULL));
}

#else /* no open-file-description locks on this system */

gboolean
atlas_sqlite_locks_install (void)
{
  return FALSE;
}

#endif
