/* test-crash.c: SIGKILL at random moments while importing and editing
 *
 * The catalogue must pass SQLite's integrity check after every kill, each
 * imported file must be in it whole or not at all, and every edit the
 * store reported as saved must still be there.
 *
 *   test-crash [--kills N]      (default 50 of each)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-store.h"
#include "atlas-test-util.h"

#define ITEMS_PER_FILE 1500

static guint n_kills = 50;

/* An RSS file of ITEMS_PER_FILE releases, none shared with other files. */
static char *
write_feed (const char *dir,
            guint       number)
{
  g_autofree char *path = g_strdup_printf ("%s/feed-%u.rss", dir, number);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<rss version=\"2.0\"><channel><title>Test</title>\n");

  for (guint i = 0; i < ITEMS_PER_FILE; i++)
    {
      g_string_append_printf (xml,
                              "<item><guid>crash-%u-%u</guid><title>Datei %u, Besuch Nummer %u in Köln</title>"
                              "<pubDate>Tue, 02 Oct 2018 12:%02u:00 +0200</pubDate><description>",
                              number, i, number, i, i % 60);
      for (guint k = 0; k < 12; k++)
        g_string_append (xml, "Die Staatssekretärin besuchte das Kommunale Integrationszentrum. ");
      g_string_append (xml, "</description></item>\n");
    }
  g_string_append (xml, "</channel></rss>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  return g_steal_pointer (&path);
}

static void
assert_sound (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_no_error (error);
}

static gint64
count_releases (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, NULL);

  return atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL);
}

static GSubprocess *
spawn (GSubprocessFlags   flags,
       GError           **error,
       const char        *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_newv ((const char * const *) argv->pdata, flags, error);
}

static void
kill_and_reap (GSubprocess *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
}

static void
test_kill_import (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  const char *cli = g_getenv ("ATLAS_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) created = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  gint64 before, full_us, t0;
  guint killed_mid = 0, completed = 0;

  g_assert_nonnull (cli);
  g_assert_no_error (error);
  g_clear_object (&created);

  /* How long one file takes, to kill within that time. */
  {
    g_autofree char *feed = write_feed (fixture->dir, 0);
    g_autoptr(GSubprocess) child = NULL;

    t0 = g_get_monotonic_time ();
    child = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "--db", fixture->db_path, "import", feed, NULL);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_wait_check (child, NULL, &error));
    full_us = g_get_monotonic_time () - t0;
    g_remove (feed);
  }
  before = count_releases (fixture->db_path);
  g_assert_cmpint (before, ==, ITEMS_PER_FILE);

  for (guint k = 1; k <= n_kills; k++)
    {
      g_autofree char *feed = write_feed (fixture->dir, k);
      g_autoptr(GSubprocess) child = NULL;
      gint64 after;

      child = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                     cli, "--db", fixture->db_path, "import", feed, NULL);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (0, (int) (full_us * 11 / 10) + 1));
      kill_and_reap (child);

      assert_sound (fixture->db_path);
      after = count_releases (fixture->db_path);
      /* The whole file or nothing of it. */
      if (after != before && after != before + ITEMS_PER_FILE)
        g_error ("kill %u: %" G_GINT64_FORMAT " releases, expected %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT,
                 k, after, before, before + ITEMS_PER_FILE);
      if (after == before)
        killed_mid++;
      else
        completed++;
      before = after;
      g_remove (feed);
    }

  g_test_message ("%u kills during import (one file %.0f ms): %u left nothing of the file, "
                  "%u came after its commit; 0 partial files, 0 unsound catalogues",
                  n_kills, full_us / 1000.0, killed_mid, completed);
  /* The kills fell on both sides of the commit, or the test proved little. */
  g_assert_cmpuint (killed_mid, >, 0);
}

/* The child: edits one centre over and over, printing each number the
 * store confirmed. */
static int
child_edit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_autoptr(AtlasCentre) centre = NULL;

  if (store == NULL || !(centre = atlas_store_get_centre_by_ags (store, "05315", &error)))
    return 2;

  for (guint i = 1; ; i++)
    {
      g_autofree char *value = g_strdup_printf ("Leitung, Fassung %u", i);

      atlas_centre_set_field (centre, ATLAS_CENTRE_HEAD, value);
      if (!atlas_store_update_centre (store, centre, &error))
        return 3;
      printf ("%u\n", i);
      fflush (stdout);
    }
}

static void
test_kill_edit (AtlasTestDir  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(AtlasStore) created = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  guint lowest_margin = G_MAXUINT;

  g_assert_no_error (error);
  g_clear_object (&created);

  for (guint k = 0; k < n_kills; k++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(AtlasStore) reader = NULL;
      g_autoptr(AtlasCentre) centre = NULL;
      guint confirmed = 0, found = 0;
      char *line;
      guint lines = g_random_int_range (1, 40);

      child = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--child-edit", fixture->db_path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      /* Let it confirm a random number of edits, then kill it at once. */
      for (guint i = 0; i < lines && (line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL; i++)
        {
          confirmed = (guint) atoi (line);
          g_free (line);
        }
      kill_and_reap (child);

      assert_sound (fixture->db_path);
      reader = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
      centre = atlas_store_get_centre_by_ags (reader, "05315", &error);
      g_assert_no_error (error);
      sscanf (atlas_centre_get_field (centre, ATLAS_CENTRE_HEAD), "Leitung, Fassung %u", &found);
      /* Everything confirmed is there (perhaps one more, written but not
       * yet reported). */
      if (found < confirmed)
        g_error ("kill %u: edit %u was confirmed, the catalogue has %u", k, confirmed, found);
      lowest_margin = MIN (lowest_margin, found - confirmed);
    }

  g_test_message ("%u kills while editing: 0 confirmed edits lost, 0 unsound catalogues", n_kills);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_SIZE (user_data), GPOINTER_TO_SIZE (user_data) };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A disk that fills up during an import (a file-size limit stands in for
 * it): a clear message, the catalogue sound and unchanged. */
static void
test_disk_full (AtlasTestDir  *fixture,
                gconstpointer  data)
{
  const char *cli = g_getenv ("ATLAS_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) created = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *feed = write_feed (fixture->dir, 1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_clear_object (&created);
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);

  /* Room for a little more than the catalogue is now, not for the file. */
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size,
                                         GSIZE_TO_POINTER ((gsize) st.st_size + 64 * 1024), NULL);
  child = g_subprocess_launcher_spawn (launcher, &error, cli, "--db", fixture->db_path, "import", feed, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 1);
  g_test_message ("disk full: %s", err);
  g_assert_nonnull (strstr (err, "full"));

  assert_sound (fixture->db_path);
  g_assert_cmpint (count_releases (fixture->db_path), ==, 0);
}

/* The CLI, while another program is writing, waits for its turn. */
static void
test_busy_waits (AtlasTestDir  *fixture,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("ATLAS_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) holder = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *feed = write_feed (fixture->dir, 2);

  g_assert_no_error (error);
  g_assert_true (atlas_store_begin (holder, &error));
  child = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "--db", fixture->db_path, "import", feed, NULL);
  g_assert_no_error (error);
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (atlas_store_commit (holder, &error));
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_releases (fixture->db_path), ==, ITEMS_PER_FILE);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-edit"))
    return child_edit (argv[2]);

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("ATLAS_CRASH_KILLS") != NULL)
    n_kills = (guint) atoi (g_getenv ("ATLAS_CRASH_KILLS"));

  ATLAS_TEST_ADD ("/crash/kill-import", test_kill_import);
  ATLAS_TEST_ADD ("/crash/kill-edit", test_kill_edit);
  ATLAS_TEST_ADD ("/crash/disk-full", test_disk_full);
  ATLAS_TEST_ADD ("/crash/busy-waits", test_busy_waits);

  return g_test_run ();
}
