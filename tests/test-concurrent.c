/* test-concurrent.c: one catalogue used by several programs at once
 *
 * A process that holds the catalogue open (as the window does, with its
 * backup thread's second connection coming and going) while the command
 * line reads, imports, adds visits and makes backups of the same file:
 * the -wal is never deleted under the open catalogue, each side sees the
 * other's writes, the open side hears of them through ::changed, and the
 * file passes the integrity check afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-i18n.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

typedef struct {
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static char **
cli_argv (const char *db_path,
          const char *first,
          va_list     ap)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **argv;

  g_strv_builder_add_many (builder, g_getenv ("ATLAS_CLI"), "--db", db_path, NULL);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return argv;
}

static void
run_cli (CliRun     *run,
         const char *db_path,
         const char *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int wait_status;
  va_list ap;

  va_start (ap, first);
  argv = cli_argv (db_path, first, ap);
  va_end (ap);

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
assert_sound (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED,
                                                 &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

static gint64
add_contact (AtlasStore *store,
             const char *family)
{
  g_autoptr(AtlasContact) c = atlas_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
  id = atlas_store_save_contact (store, c, &error);
  g_assert_no_error (error);
  return id;
}

static void
count_changed_cb (AtlasStore *store,
                  guint       kind,
                  gint64      id,
                  guint      *heard)
{
  heard[kind]++;
}

/* PRAGMA data_version: another connection's commit is heard once, this
 * store's own is not heard twice. */
static void
test_poll_changes (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) other = NULL;
  guint heard[ATLAS_N_RECORD_KINDS] = { 0 };

  g_assert_no_error (error);
  other = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_store_poll_changes (store));

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), heard);
  add_contact (store, "Selbst");
  g_assert_cmpuint (heard[ATLAS_RECORD_CONTACT], ==, 1);
  g_assert_false (atlas_store_poll_changes (store));
  g_assert_cmpuint (heard[ATLAS_RECORD_CONTACT], ==, 1);

  add_contact (other, "Anderswo");
  g_assert_true (atlas_store_poll_changes (store));
  g_assert_cmpuint (heard[ATLAS_RECORD_CONTACT], ==, 2);
  g_assert_cmpuint (heard[ATLAS_RECORD_RELEASE], ==, 1);
  g_assert_false (atlas_store_poll_changes (store));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 2);
}

/* The command line against a catalogue that this process holds open. */
static void
test_cli_while_open (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) thread_store = NULL;
  g_autofree char *feed = fixture_path ("seed-koeln.rss");
  g_autofree char *made = NULL;
  guint heard[ATLAS_N_RECORD_KINDS] = { 0 };
  gint64 releases, visits;

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), heard);
  add_contact (store, "Fenster");
  atlas_test_assert_wal_kept (fixture->db_path);

  /* The daily backup: a second connection in this process, then closed. */
  thread_store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  made = atlas_store_backup (thread_store, &error);
  g_assert_no_error (error);
  g_clear_object (&thread_store);

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "list", "visits", NULL);
    g_assert_cmpint (run.status, ==, 0);
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "list", "contacts", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Fenster"));
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "import", feed, NULL);
    g_assert_cmpint (run.status, ==, 0);
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  releases = atlas_store_count (store, ATLAS_RECORD_RELEASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (releases, >, 0);
  g_assert_true (atlas_store_poll_changes (store));
  g_assert_cmpuint (heard[ATLAS_RECORD_RELEASE], ==, 1);
  visits = atlas_store_count (store, ATLAS_RECORD_VISIT, NULL);
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "add-visit", "05315", "2026-03-02", NULL);
    g_assert_cmpint (run.status, ==, 0);
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, visits + 1);
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "backup", NULL);
    g_assert_cmpint (run.status, ==, 0);
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  add_contact (store, "Nach der Sicherung");
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "list", "contacts", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Nach der Sicherung"));
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 2);
  g_clear_object (&store);
  assert_sound (fixture->db_path);
}

/* The stress run: command-line writers and readers in parallel streams,
 * while this process holds the catalogue open, writes and looks for
 * changes. Bounded by counts, not by time. */
typedef struct {
  const char *db_path;
  char *feeds[3];
  guint streams_left;
  guint commands;
  guint failures;
  guint busy;
  GMainLoop *loop;
} Stress;

typedef struct {
  Stress *stress;
  guint index;  /* which stream */
  guint step;
  guint steps;
} Stream;

static void stream_next (Stream *stream);

static void
stream_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Stream *stream = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, NULL, &err, &error);
  g_assert_no_error (error);
  stream->stress->commands++;
  if (!g_subprocess_get_successful (G_SUBPROCESS (source)))
    {
      stream->stress->failures++;
      if (err != NULL && (strstr (err, "locked") != NULL || strstr (err, "busy") != NULL))
        stream->stress->busy++;
      g_test_message ("stream %u step %u failed: %s", stream->index, stream->step, err);
    }
  stream->step++;
  stream_next (stream);
}

static void
stream_next (Stream *stream)
{
  Stress *stress = stream->stress;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *date = NULL;
  const char *cli = g_getenv ("ATLAS_CLI");

  if (stream->step == stream->steps)
    {
      if (--stress->streams_left == 0)
        g_main_loop_quit (stress->loop);
      g_free (stream);
      return;
    }

  /* Streams 0-2 write, the others read. */
  date = g_strdup_printf ("2026-%02u-%02u", 1 + stream->index, 1 + stream->step % 28);
  switch (stream->index < 3 ? (stream->step + stream->index) % 3 : 3 + stream->step % 3)
    {
    case 0:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "import",
                                  stress->feeds[stream->step % G_N_ELEMENTS (stress->feeds)], NULL);
      break;
    case 1:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "add-visit", "05315", date, NULL);
      break;
    case 2:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "backup", "--keep", "3", NULL);
      break;
    case 3:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "list", "releases", NULL);
      break;
    case 4:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "search", "Integration", NULL);
      break;
    default:
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  cli, "--db", stress->db_path, "check", NULL);
      break;
    }
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, stream_done_cb, stream);
}

/* Something else in this process opens and closes the catalogue's files:
 * the file dialog listing its folder sniffs the -wal and -shm, a
 * thumbnailer or a "recent files" probe reads the catalogue. POSIX locks
 * belong to the process and a close() of any descriptor drops them all,
 * so without care the next program's last connection finds the catalogue
 * unlocked and checkpoints and deletes the -wal under the open store. */
static void
test_foreign_close (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_assert_no_error (error);
  add_contact (store, "Vor dem Dateidialog");
  atlas_test_assert_wal_kept (fixture->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->db_path, suffixes[i], NULL);
      char head[64];
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (read (fd, head, sizeof head), >=, 0);
      g_assert_true (g_close (fd, NULL));
    }

  for (guint round = 0; round < 2; round++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, fixture->db_path, "list", "contacts", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Vor dem Dateidialog"));
      atlas_test_assert_wal_kept (fixture->db_path);
    }
  add_contact (store, "Nach dem Dateidialog");
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, fixture->db_path, "list", "contacts", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Nach dem Dateidialog"));
    atlas_test_assert_wal_kept (fixture->db_path);
  }
  g_clear_object (&store);
  assert_sound (fixture->db_path);
}

typedef struct {
  AtlasStore *store;
  Stress *stress;
  guint writes;
  guint polls_heard;
} Holder;

static gboolean
holder_tick_cb (gpointer user_data)
{
  Holder *holder = user_data;
  g_autofree char *name = g_strdup_printf ("Fenster %u", holder->writes);

  add_contact (holder->store, name);
  holder->writes++;
  if (atlas_store_poll_changes (holder->store))
    holder->polls_heard++;
  atlas_test_assert_wal_kept (holder->stress->db_path);
  return G_SOURCE_CONTINUE;
}

static void
test_stress (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *loops_env = g_getenv ("ATLAS_STRESS_LOOPS");
  guint steps = loops_env ? (guint) g_ascii_strtoull (loops_env, NULL, 10) : 8;
  guint n_streams = 6;
  Stress stress = {
    .db_path = fixture->db_path,
    .feeds = { fixture_path ("seed-koeln.rss"), fixture_path ("seed-kleve.atom"), fixture_path ("seed-duisburg.xml") },
    .streams_left = n_streams,
    .loop = loop,
  };
  Holder holder = { .store = store, .stress = &stress };
  guint tick;

  g_assert_no_error (error);
  add_contact (store, "Anfang");
  for (guint i = 0; i < n_streams; i++)
    {
      Stream *stream = g_new0 (Stream, 1);

      stream->stress = &stress;
      stream->index = i;
      stream->steps = steps;
      stream_next (stream);
    }
  tick = g_timeout_add (100, holder_tick_cb, &holder);
  g_main_loop_run (loop);
  g_source_remove (tick);

  g_test_message ("stress: %u commands in %u streams, %u failed (%u busy), %u writes and %u changes heard in the open store",
                  stress.commands, n_streams, stress.failures, stress.busy, holder.writes, holder.polls_heard);
  if (g_getenv ("ATLAS_STRESS_REPORT") != NULL)
    g_printerr ("stress: commands %u, failures %u, busy %u, holder writes %u, changes heard %u\n",
                stress.commands, stress.failures, stress.busy, holder.writes, holder.polls_heard);
  g_assert_cmpuint (stress.commands, ==, n_streams * steps);
  g_assert_cmpuint (stress.failures, ==, 0);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, holder.writes + 1);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), >, 0);
  g_clear_object (&store);
  assert_sound (fixture->db_path);
  for (guint i = 0; i < G_N_ELEMENTS (stress.feeds); i++)
    g_free (stress.feeds[i]);
}

int
main (int   argc,
      char *argv[])
{
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/concurrent/poll-changes", test_poll_changes);
  ATLAS_TEST_ADD ("/concurrent/cli-while-open", test_cli_while_open);
  ATLAS_TEST_ADD ("/concurrent/foreign-close", test_foreign_close);
  ATLAS_TEST_ADD ("/concurrent/stress", test_stress);

  return g_test_run ();
}
