/* test-shared-catalogue.c: the real window and the command line on one
 * catalogue at the same time (needs a display)
 *
 * The window imports through its own job (a second connection in a
 * thread) and a backup is made the way the daily backup and "Back Up Now"
 * make them (another connection, opened and closed), while the command
 * line lists, imports, adds a visit and backs up the same file. The -wal
 * is never deleted under the window, the window shows the command line's
 * import without a restart, the command line lists the window's writes,
 * and the file passes the integrity check at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

typedef struct {
  gboolean done;
  char *out;
} CliWait;

static void
cli_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CliWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &wait->out, NULL, &error);
  g_assert_no_error (error);
  wait->done = TRUE;
}

/* Runs the command line while the window's main loop goes on. */
static char *
run_cli (const char *db_path,
         const char *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  CliWait wait = { 0 };
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("ATLAS_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, cli_done_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (process));
  return wait.out;
}

static gboolean
import_running (AtlasWindow *window)
{
  GtkWidget *revealer = atlas_test_find_by_id (GTK_WIDGET (window), "import_revealer");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
import_done (gpointer window)
{
  return !import_running (window);
}

typedef struct {
  GListModel *model;
  guint n;
} WaitItems;

static gboolean
has_n_items (gpointer data)
{
  WaitItems *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

static void
test_window_and_cli (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GFile) window_feed = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures",
                                                            "seed-koeln.rss", NULL);
  g_autofree char *cli_feed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-kleve.atom", NULL);
  g_autofree char *out = NULL;
  AtlasWindow *window;
  GListModel *releases;
  WaitItems wait;
  gint64 visits;

  if (g_getenv ("ATLAS_CLI") == NULL)
    {
      g_test_skip ("needs ATLAS_CLI");
      return;
    }

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "releases");
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_releases_page (window)));
  releases = G_LIST_MODEL (atlas_releases_page_get_model (atlas_window_get_releases_page (window)));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 0);

  /* The window says which catalogue is open. */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "catalogue.sqlite "));

  /* The window imports through its own job. */
  atlas_window_import_files (window, &window_feed, 1);
  g_assert_true (atlas_test_wait_until (import_done, window));
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 1);
  atlas_test_assert_wal_kept (fixture->db_path);

  /* The command line reads and imports while the window is open. */
  out = run_cli (fixture->db_path, "list", "releases", NULL);
  g_assert_nonnull (strstr (out, "Köln"));
  atlas_test_assert_wal_kept (fixture->db_path);
  g_free (run_cli (fixture->db_path, "import", cli_feed, NULL));
  atlas_test_assert_wal_kept (fixture->db_path);

  /* The window shows it without a restart. */
  wait.model = releases;
  wait.n = 2;
  g_assert_true (atlas_test_wait_until (has_n_items, &wait));

  visits = atlas_store_count (store, ATLAS_RECORD_VISIT, NULL);
  g_free (run_cli (fixture->db_path, "add-visit", "05315", "2026-03-02", NULL));
  atlas_test_assert_wal_kept (fixture->db_path);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, visits + 1);

  /* A backup as the daily one and "Back Up Now" make it: a connection of
   * its own in this process, opened and closed. Then the command line's. */
  {
    g_autoptr(AtlasStore) backup_store = atlas_store_new (fixture->db_path,
                                                          ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED,
                                                          &error);
    g_autofree char *made = NULL;

    g_assert_no_error (error);
    made = atlas_store_backup (backup_store, &error);
    g_assert_no_error (error);
  }
  g_free (run_cli (fixture->db_path, "backup", NULL));
  atlas_test_assert_wal_kept (fixture->db_path);

  /* The window's own write, seen by the command line. */
  {
    g_autoptr(AtlasContact) contact = atlas_contact_new ();

    atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Fensterkontakt");
    g_assert_cmpint (atlas_store_save_contact (store, contact, &error), >, 0);
    g_assert_no_error (error);
  }
  g_free (out);
  out = run_cli (fixture->db_path, "list", "contacts", NULL);
  g_assert_nonnull (strstr (out, "Fensterkontakt"));
  g_free (run_cli (fixture->db_path, "check", NULL));
  atlas_test_assert_wal_kept (fixture->db_path);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_CHECK, &error);
  g_assert_no_error (error);
  {
    g_autofree char *report = NULL;

    g_assert_true (atlas_store_check (store, &report, &error));
    g_assert_cmpstr (report, ==, "ok");
  }
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 2);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  ATLAS_TEST_ADD ("/shared-catalogue/window-and-cli", test_window_and_cli);

  return g_test_run ();
}
