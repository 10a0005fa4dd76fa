/* crash-shim.c: LD_PRELOAD library that stops a program at its Nth
 * write-like system call, as a crash at that instant would
 *
 * ATLAS_CRASH_AT=N   the Nth call (1-based) is not made: the process is
 *                    killed with SIGKILL just before it; 0 or unset: never
 * ATLAS_CRASH_COUNT=FILE  at a normal exit, the number of calls is written
 *                    to FILE (how many points there are to try)
 * ATLAS_CRASH_LOG=FILE    each call is logged as "op path [path]" (for the
 *                    check that renames are followed by a folder sync)
 * ATLAS_POWERCUT_DIR=DIR  after each completed fsync, what it made durable
 *                    is kept in DIR: "<call>-file-<inode>" holds the file's
 *                    content, "<call>-dir" the folder's path and entries
 *                    ("<inode> <d|f> <name>" per line). From these, a test
 *                    rebuilds what the disk holds after a power cut at any
 *                    moment: writes after the last fsync are lost.
 *
 * Counted: write, pwrite, pwrite64, fsync, fdatasync and ftruncate on
 * regular files and folders, and every rename, renameat, link, unlink and
 * unlinkat. Writes to pipes and terminals (the program's output) are not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#undef _FILE_OFFSET_BITS /* pwrite and pwrite64 are two symbols here */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static unsigned long crash_at;
static unsigned long calls;
static int log_fd = -1;
static int ready;
static const char *powercut_dir;

static ssize_t (*real_write) (int, const void *, size_t);

__attribute__((constructor)) static void
shim_init (void)
{
  const char *at = getenv ("ATLAS_CRASH_AT");
  const char *log_path = getenv ("ATLAS_CRASH_LOG");

  real_write = dlsym (RTLD_NEXT, "write");
  crash_at = at ? strtoul (at, NULL, 10) : 0;
  powercut_dir = getenv ("ATLAS_POWERCUT_DIR");
  if (log_path != NULL)
    log_fd = open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  ready = 1;
}

__attribute__((destructor)) static void
shim_fini (void)
{
  const char *count_path = getenv ("ATLAS_CRASH_COUNT");
  char text[32];
  int fd, len;

  if (count_path == NULL)
    return;
  ready = 0;
  fd = open (count_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  len = snprintf (text, sizeof text, "%lu\n", calls);
  if (fd >= 0)
    {
      real_write (fd, text, (size_t) len);
      close (fd);
    }
}

static void
log_call (const char *op,
          const char *a,
          const char *b)
{
  char line[2 * PATH_MAX + 64];
  int len;

  if (log_fd < 0)
    return;
  len = snprintf (line, sizeof line, "%s %s%s%s\n", op, a ? a : "-", b ? " " : "", b ? b : "");
  if (len > 0 && (size_t) len < sizeof line)
    real_write (log_fd, line, (size_t) len);
}

static const char *
fd_path (int   fd,
         char *buf)
{
  char link[64];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, buf, PATH_MAX - 1);
  if (n < 0)
    return "?";
  buf[n] = '\0';
  return buf;
}

/* A call that may change what is on the disk: counted, and the Nth one
 * is where the crash happens. */
static void
boundary (const char *op,
          const char *a,
          const char *b)
{
  if (!ready)
    return;
  calls++;
  log_call (op, a, b);
  if (crash_at != 0 && calls == crash_at)
    {
      ready = 0;
      raise (SIGKILL);
    }
}

static int
counts_fd (int fd)
{
  struct stat st;

  return ready && fd != log_fd && fstat (fd, &st) == 0 && (S_ISREG (st.st_mode) || S_ISDIR (st.st_mode));
}

static void
fd_boundary (const char *op,
             int         fd)
{
  char buf[PATH_MAX];

  if (counts_fd (fd))
    boundary (op, fd_path (fd, buf), NULL);
}

/* What an fsync of @fd made durable, read through the same descriptor
 * (another descriptor of the file, closed again, would drop the process's
 * locks on it). */
static void
keep_durable (int fd)
{
  char path[PATH_MAX], name[PATH_MAX];
  struct stat st;
  int out;

  if (powercut_dir == NULL || fstat (fd, &st) != 0)
    return;
  if (S_ISREG (st.st_mode))
    {
      char buf[65536];
      off_t offset = 0;
      ssize_t n;

      snprintf (name, sizeof name, "%s/%lu-file-%lu", powercut_dir, calls, (unsigned long) st.st_ino);
      out = open (name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      while (out >= 0 && (n = pread (fd, buf, sizeof buf, offset)) > 0)
        {
          real_write (out, buf, (size_t) n);
          offset += n;
        }
    }
  else if (S_ISDIR (st.st_mode))
    {
      DIR *dir = opendir (fd_path (fd, path));
      struct dirent *entry;

      snprintf (name, sizeof name, "%s/%lu-dir", powercut_dir, calls);
      out = open (name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (out >= 0)
        {
          real_write (out, path, strlen (path));
          real_write (out, "\n", 1);
        }
      while (out >= 0 && dir != NULL && (entry = readdir (dir)) != NULL)
        {
          char line[PATH_MAX + 64];
          int len;

          if (strcmp (entry->d_name, ".") == 0 || strcmp (entry->d_name, "..") == 0)
            continue;
          len = snprintf (line, sizeof line, "%lu %c %s\n", (unsigned long) entry->d_ino,
                          entry->d_type == DT_DIR ? 'd' : 'f', entry->d_name);
          real_write (out, line, (size_t) len);
        }
      if (dir != NULL)
        closedir (dir);
    }
  else
    return;
  if (out >= 0)
    close (out);
}

#define REAL(name) \
  static __typeof__ (name) *real; \
  if (real == NULL) \
    real = dlsym (RTLD_NEXT, #name)

ssize_t
write (int fd, const void *data, size_t len)
{
  if (real_write == NULL)
    real_write = dlsym (RTLD_NEXT, "write");
  fd_boundary ("write", fd);
  return real_write (fd, data, len);
}

ssize_t
pwrite (int fd, const void *data, size_t len, off_t offset)
{
  REAL (pwrite);
  fd_boundary ("write", fd);
  return real (fd, data, len, offset);
}

ssize_t
pwrite64 (int fd, const void *data, size_t len, off64_t offset)
{
  REAL (pwrite64);
  fd_boundary ("write", fd);
  return real (fd, data, len, offset);
}

/* An fsync or fdatasync: a boundary, and afterwards what it made durable. */
static int
sync_call (int (*real) (int),
           int   fd)
{
  int rc;

  fd_boundary ("fsync", fd);
  rc = real (fd);
  if (rc == 0 && counts_fd (fd))
    keep_durable (fd);
  return rc;
}

int
fsync (int fd)
{
  REAL (fsync);
  return sync_call (real, fd);
}

int
fdatasync (int fd)
{
  REAL (fdatasync);
  return sync_call (real, fd);
}

int
ftruncate (int fd, off_t length)
{
  REAL (ftruncate);
  fd_boundary ("ftruncate", fd);
  return real (fd, length);
}

int
ftruncate64 (int fd, off64_t length)
{
  REAL (ftruncate64);
  fd_boundary ("ftruncate", fd);
  return real (fd, length);
}

int
rename (const char *from, const char *to)
{
  REAL (rename);
  boundary ("rename", from, to);
  return real (from, to);
}

int
renameat (int from_dir, const char *from, int to_dir, const char *to)
{
  REAL (renameat);
  boundary ("rename", from, to);
  return real (from_dir, from, to_dir, to);
}

int
link (const char *from, const char *to)
{
  REAL (link);
  boundary ("link", from, to);
  return real (from, to);
}

int
unlink (const char *path)
{
  REAL (unlink);
  boundary ("unlink", path, NULL);
  return real (path);
}

int
unlinkat (int dir, const char *path, int flags)
{
  REAL (unlinkat);
  boundary ("unlink", path, NULL);
  return real (dir, path, flags);
}
