/* test-startup.c: start-up does no work that grows with the catalogue, and
 * a catalogue found damaged after the window opened still reaches the
 * recovery dialog (needs a display)
 *
 * Counts work, not time: every read SQLite makes from any database file in
 * this process goes through a counting VFS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <unistd.h>

#include "atlas-application.h"
#include "atlas-store.h"
#include "atlas-test-store.h"
#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

/* A VFS that passes everything to the default one and counts reads. */
typedef struct {
  sqlite3_file base;
  sqlite3_file *real;
} CountFile;

static sqlite3_vfs *real_vfs;
static sqlite3_io_methods count_methods;
static gint pages_read;

#define REAL(f) (((CountFile *) (f))->real)

static int
count_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  g_atomic_int_inc (&pages_read);
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
count_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods->xClose (REAL (f));

  g_free (REAL (f));
  return rc;
}

static int count_write (sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return REAL (f)->pMethods->xWrite (REAL (f), b, n, o); }
static int count_truncate (sqlite3_file *f, sqlite3_int64 size) { return REAL (f)->pMethods->xTruncate (REAL (f), size); }
static int count_sync (sqlite3_file *f, int flags) { return REAL (f)->pMethods->xSync (REAL (f), flags); }
static int count_file_size (sqlite3_file *f, sqlite3_int64 *size) { return REAL (f)->pMethods->xFileSize (REAL (f), size); }
static int count_lock (sqlite3_file *f, int lock) { return REAL (f)->pMethods->xLock (REAL (f), lock); }
static int count_unlock (sqlite3_file *f, int lock) { return REAL (f)->pMethods->xUnlock (REAL (f), lock); }
static int count_check_lock (sqlite3_file *f, int *out) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out); }
static int count_control (sqlite3_file *f, int op, void *arg) { return REAL (f)->pMethods->xFileControl (REAL (f), op, arg); }
static int count_sector_size (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int count_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int count_shm_map (sqlite3_file *f, int i, int size, int extend, void volatile **p) { return REAL (f)->pMethods->xShmMap (REAL (f), i, size, extend, p); }
static int count_shm_lock (sqlite3_file *f, int offset, int n, int flags) { return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags); }
static void count_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int count_shm_unmap (sqlite3_file *f, int delete) { return REAL (f)->pMethods->xShmUnmap (REAL (f), delete); }
static int count_fetch (sqlite3_file *f, sqlite3_int64 o, int n, void **p) { return REAL (f)->pMethods->xFetch (REAL (f), o, n, p); }
static int count_unfetch (sqlite3_file *f, sqlite3_int64 o, void *p) { return REAL (f)->pMethods->xUnfetch (REAL (f), o, p); }

static int
count_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  CountFile *file = (CountFile *) f;
  int rc;

  file->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  if (rc != SQLITE_OK || file->real->pMethods == NULL)
    {
      g_clear_pointer (&file->real, g_free);
      file->base.pMethods = NULL;
      return rc;
    }
  file->base.pMethods = &count_methods;
  return SQLITE_OK;
}

static int count_delete (sqlite3_vfs *v, const char *name, int sync) { return real_vfs->xDelete (real_vfs, name, sync); }
static int count_access (sqlite3_vfs *v, const char *name, int flags, int *out) { return real_vfs->xAccess (real_vfs, name, flags, out); }
static int count_full_pathname (sqlite3_vfs *v, const char *name, int n, char *out) { return real_vfs->xFullPathname (real_vfs, name, n, out); }
static int count_randomness (sqlite3_vfs *v, int n, char *out) { return real_vfs->xRandomness (real_vfs, n, out); }
static int count_sleep (sqlite3_vfs *v, int us) { return real_vfs->xSleep (real_vfs, us); }
static int count_current_time (sqlite3_vfs *v, double *out) { return real_vfs->xCurrentTime (real_vfs, out); }
static int count_last_error (sqlite3_vfs *v, int n, char *out) { return real_vfs->xGetLastError (real_vfs, n, out); }
static int count_current_time_int64 (sqlite3_vfs *v, sqlite3_int64 *out) { return real_vfs->xCurrentTimeInt64 (real_vfs, out); }

static void
install_counting_vfs (void)
{
  static sqlite3_vfs vfs;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  count_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = count_close, .xRead = count_read, .xWrite = count_write,
    .xTruncate = count_truncate, .xSync = count_sync, .xFileSize = count_file_size,
    .xLock = count_lock, .xUnlock = count_unlock, .xCheckReservedLock = count_check_lock,
    .xFileControl = count_control, .xSectorSize = count_sector_size,
    .xDeviceCharacteristics = count_device, .xShmMap = count_shm_map,
    .xShmLock = count_shm_lock, .xShmBarrier = count_shm_barrier,
    .xShmUnmap = count_shm_unmap, .xFetch = count_fetch, .xUnfetch = count_unfetch,
  };
  vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = sizeof (CountFile),
    .mxPathname = real_vfs->mxPathname,
    .zName = "atlas-count",
    .xOpen = count_open, .xDelete = count_delete, .xAccess = count_access,
    .xFullPathname = count_full_pathname,
    .xDlOpen = NULL, .xDlError = NULL, .xDlSym = NULL, .xDlClose = NULL,
    .xRandomness = count_randomness, .xSleep = count_sleep,
    .xCurrentTime = count_current_time, .xGetLastError = count_last_error,
    .xCurrentTimeInt64 = count_current_time_int64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&vfs, 1), ==, SQLITE_OK);
}

/* A catalogue with @n press releases (and the seeded centres). */
static void
make_catalogue (const char *path,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  atlas_test_add_releases (store, n);
}

typedef struct {
  GApplication *app;
  gint reads_at_first_frame;
} Run;

static void
first_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, run);
  if (run->reads_at_first_frame < 0)
    run->reads_at_first_frame = g_atomic_int_get (&pages_read);
}

static void
realize_cb (GtkWidget *window,
            Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_paint_cb), run);
}

/* Connected before the application's own handlers, so the count is read
 * before anything the application starts after its first frame. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), run);
}

/* Runs the application on @path as a user starts it, until its first
 * frame (INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME, as the start-up
 * benchmark does); returns the reads made until then. */
static int
reads_until_first_frame (const char *path)
{
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  char *argv[] = { (char *) "integrationsatlas", (char *) "--db", (char *) path, NULL };
  Run run = { G_APPLICATION (app), -1 };
  int saved_stdout;
  int status;

  g_setenv ("INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &run);
  g_atomic_int_set (&pages_read, 0);
  /* The application prints the time of its first frame, which is no TAP. */
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);
  g_unsetenv ("INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME");

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (run.reads_at_first_frame, >, 0);
  return run.reads_at_first_frame;
}

static void
test_reads_before_first_frame (AtlasTestDir  *fixture,
                               gconstpointer  data)
{
  g_autofree char *small = g_build_filename (fixture->dir, "small.sqlite", NULL);
  g_autofree char *large = g_build_filename (fixture->dir, "large.sqlite", NULL);
  int small_reads, large_reads;

  make_catalogue (small, 1000);
  make_catalogue (large, 100000);

  small_reads = reads_until_first_frame (small);
  large_reads = reads_until_first_frame (large);
  g_test_message ("reads before the first frame: %d with 1,000 releases, %d with 100,000",
                  small_reads, large_reads);

  /* A deeper b-tree may cost a read or two per lookup; reading the
   * releases costs thousands. */
  g_assert_cmpint (large_reads, <=, small_reads + 16);
}

typedef struct {
  GApplication *app;
  guint give_up;
  gboolean main_window_first;
  guint n_windows;
  char *dialog_heading;
  guint look;
} Recovery;

static gboolean
quit_idle_cb (gpointer data)
{
  GApplication *app = data;
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
recovery_window_added_cb (GtkApplication *app,
                          GtkWindow      *window,
                          Recovery       *recovery)
{
  if (recovery->n_windows++ == 0)
    recovery->main_window_first = ATLAS_IS_WINDOW (window);
}

/* The recovery alert stands in a window of its own (it has no parent). */
static gboolean
look_for_alert_cb (gpointer data)
{
  Recovery *recovery = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *alert = atlas_test_find_widget (window, ADW_TYPE_ALERT_DIALOG);

      if (alert != NULL && recovery->dialog_heading == NULL)
        {
          recovery->dialog_heading = g_strdup (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)));
          g_idle_add_full (G_PRIORITY_DEFAULT, quit_idle_cb, g_object_ref (recovery->app), g_object_unref);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
give_up_cb (gpointer data)
{
  Recovery *recovery = data;

  recovery->give_up = 0;
  g_application_quit (recovery->app);
  return G_SOURCE_REMOVE;
}

/* The window opens without checking the whole file; the check runs after
 * its first frame and brings a damaged catalogue to the recovery dialog. */
static void
test_damage_found_after_first_frame (AtlasTestDir  *fixture,
                                     gconstpointer  data)
{
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  char *argv[] = { (char *) "integrationsatlas", (char *) "--db", fixture->db_path, NULL };
  Recovery recovery = { G_APPLICATION (app), 0, FALSE, 0, NULL };

  make_catalogue (fixture->db_path, 3000);
  atlas_test_damage_releases (fixture->db_path);

  g_signal_connect (app, "window-added", G_CALLBACK (recovery_window_added_cb), &recovery);
  recovery.give_up = g_timeout_add_seconds (60, give_up_cb, &recovery);
  recovery.look = g_timeout_add (50, look_for_alert_cb, &recovery);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  if (recovery.give_up != 0)
    g_source_remove (recovery.give_up);
  if (recovery.dialog_heading == NULL)
    g_source_remove (recovery.look);

  g_assert_true (recovery.main_window_first);
  g_assert_cmpstr (recovery.dialog_heading, ==, "The Catalogue Cannot Be Opened");
  g_free (recovery.dialog_heading);
}

int
main (int    argc,
      char **argv)
{
  /* Before GTK: the application's own arguments are passed to it alone. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  install_counting_vfs ();

  ATLAS_TEST_ADD ("/startup/reads-before-first-frame", test_reads_before_first_frame);
  ATLAS_TEST_ADD ("/startup/damage-found-after-first-frame", test_damage_found_after_first_frame);

  return g_test_run ();
}
