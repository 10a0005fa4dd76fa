/* atlas-bench-import.c: the app's import beside the minimal baseline
 *
 *   atlas-bench-import --cli PATH --baseline PATH --feed FILE [--rounds N]
 *
 * Alternates `bench-import-baseline FEED DB` and `integrationsatlas-cli
 * --db DB import FEED`, each into a new catalogue, N rounds. Reports the
 * median time and peak memory of each and the app's speed as a share of
 * the baseline's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>

#include "bench-run.h"

static void
remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cli = NULL, *baseline = NULL, *feed = NULL;
  int rounds = 3;
  const GOptionEntry entries[] = {
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "integrationsatlas-cli", "PATH" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &baseline, "bench-import-baseline", "PATH" },
    { "feed", 0, 0, G_OPTION_ARG_FILENAME, &feed, "The feed (atlas-bench-feed)", "FILE" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 3)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) base_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  double b, a;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !cli || !baseline || !feed)
    {
      g_printerr ("atlas-bench-import: %s\n", error ? error->message : "--cli, --baseline and --feed are required");
      return 2;
    }

  dir = g_dir_make_tmp ("atlas-bench-import-XXXXXX", &error);
  db = g_build_filename (dir, "bench.sqlite", NULL);

  for (int r = 0; r < rounds; r++)
    {
      char *base_argv[] = { baseline, feed, db, NULL };
      char *app_argv[] = { cli, (char *) "--db", db, (char *) "import", feed, NULL };
      BenchRun run = { 0 };
      double s, mib;

      remove_db (db);
      if (!bench_run (base_argv, &run))
        return 1;
      s = (run.end_us - run.start_us) / 1e6;
      mib = run.max_rss_mib;
      g_array_append_val (base_s, s);
      g_array_append_val (base_mib, mib);
      bench_run_clear (&run);

      remove_db (db);
      if (!bench_run (app_argv, &run))
        return 1;
      s = (run.end_us - run.start_us) / 1e6;
      mib = run.max_rss_mib;
      g_array_append_val (app_s, s);
      g_array_append_val (app_mib, mib);
      if (r == 0)
        g_print ("app: %s", run.out);
      bench_run_clear (&run);
    }
  remove_db (db);
  g_rmdir (dir);

  b = bench_median (base_s);
  a = bench_median (app_s);
  g_print ("baseline (reader + insert):  %6.2f s  %6.1f MiB peak\n", b, bench_median (base_mib));
  g_print ("integrationsatlas-cli import: %6.2f s  %6.1f MiB peak\n", a, bench_median (app_mib));
  g_print ("app speed = %.0f%% of the baseline (medians of %d alternating runs)\n", 100.0 * b / a, rounds);
  return 0;
}
