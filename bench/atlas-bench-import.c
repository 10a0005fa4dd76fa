/* atlas-bench-import.c: the app's import beside the import floor
 *
 *   atlas-bench-import --cli PATH --floor PATH --feed FILE [--rounds N]
 *   atlas-bench-import --cli PATH --large DB --feeds FILE,FILE,… [--rounds N]
 *
 * The first form alternates `floor-sqlite import --wal DB FEED`
 * (../shared/bench: libxml2's reader, plain FTS5, WAL) and
 * `integrationsatlas-cli --db DB import FEED`, each into a new catalogue,
 * N rounds, and reports the medians of time and peak memory and the app's
 * speed as a share of the floor's.
 *
 * The second alternates the same import into a new catalogue and into the
 * large catalogue DB (which grows by the feed each round: give feeds of
 * different seeds, round r imports FILE number r into both), and reports
 * how much longer the large one takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>

#include "bench-run.h"

static void
remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

/* Runs @argv once; appends its seconds and peak MiB. */
static gboolean
measure (char       **argv,
         GArray      *seconds,
         GArray      *mib,
         gboolean     show)
{
  BenchRun run = { 0 };
  double s, m;

  if (!bench_run (argv, &run))
    return FALSE;
  s = (run.end_us - run.start_us) / 1e6;
  m = run.max_rss_mib;
  g_array_append_val (seconds, s);
  g_array_append_val (mib, m);
  if (show)
    g_print ("  %s: %.2f s, %.1f MiB: %s", argv[0], s, m, run.out);
  bench_run_clear (&run);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cli = NULL, *floor_sqlite = NULL, *feed = NULL, *large = NULL, *feeds = NULL;
  int rounds = 3;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "integrationsatlas-cli", "PATH" },
    { "floor", 0, 0, G_OPTION_ARG_FILENAME, &floor_sqlite, "../shared/bench/floor-sqlite, built", "PATH" },
    { "feed", 0, 0, G_OPTION_ARG_FILENAME, &feed, "The feed (../shared/bench/gen-rss.py)", "FILE" },
    { "large", 0, 0, G_OPTION_ARG_FILENAME, &large, "A large catalogue (atlas-bench-generate)", "DB" },
    { "feeds", 0, 0, G_OPTION_ARG_STRING, &feeds, "Feeds of different seeds, one per round", "FILE,…" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 3)", "N" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Print each run", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) base_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) feed_list = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  double b, a;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !cli ||
      !((floor_sqlite && feed) || (large && feeds)))
    {
      g_printerr ("atlas-bench-import: %s\n",
                  error ? error->message : "--cli and either --floor and --feed or --large and --feeds are required");
      return 2;
    }

  dir = g_dir_make_tmp ("atlas-bench-import-XXXXXX", &error);
  db = g_build_filename (dir, "bench.sqlite", NULL);
  if (feeds != NULL)
    feed_list = g_strsplit (feeds, ",", -1);

  for (int r = 0; r < rounds; r++)
    {
      if (large == NULL)
        {
          char *base_argv[] = { floor_sqlite, (char *) "import", (char *) "--wal", db, feed, NULL };
          char *app_argv[] = { cli, (char *) "--db", db, (char *) "import", feed, NULL };

          remove_db (db);
          if (!measure (base_argv, base_s, base_mib, verbose))
            return 1;
          remove_db (db);
          if (!measure (app_argv, app_s, app_mib, verbose || r == 0))
            return 1;
        }
      else
        {
          char *this_feed = feed_list[r % g_strv_length (feed_list)];
          char *new_argv[] = { cli, (char *) "--db", db, (char *) "import", this_feed, NULL };
          char *large_argv[] = { cli, (char *) "--db", large, (char *) "import", this_feed, NULL };

          remove_db (db);
          if (!measure (new_argv, base_s, base_mib, verbose) ||
              !measure (large_argv, app_s, app_mib, verbose || r == 0))
            return 1;
        }
    }
  remove_db (db);
  g_rmdir (dir);

  b = bench_median (base_s);
  a = bench_median (app_s);
  if (large == NULL)
    {
      g_print ("floor-sqlite import --wal:    %6.2f s  %6.1f MiB peak\n", b, bench_median (base_mib));
      g_print ("integrationsatlas-cli import: %6.2f s  %6.1f MiB peak\n", a, bench_median (app_mib));
      g_print ("app speed = %.2fx the floor's (medians of %d alternating runs)\n", b / a, rounds);
    }
  else
    {
      g_print ("into a new catalogue:   %6.2f s  %6.1f MiB peak\n", b, bench_median (base_mib));
      g_print ("into the large one:     %6.2f s  %6.1f MiB peak\n", a, bench_median (app_mib));
      g_print ("large / new = %.2fx (medians of %d alternating runs)\n", a / b, rounds);
    }
  return 0;
}
