/* atlas-bench-startup.c: time and memory to the window's first frame
 *
 *   atlas-bench-startup --app PATH --bare PATH --empty DB --large DB [--rounds N]
 *
 * Runs the bare libadwaita window, the app on an empty catalogue and the app
 * on a large one, alternating, N rounds each. Each child prints the
 * monotonic time of its first frame; the time from fork to then is the
 * start-up time, and wait4() gives the peak resident memory. Reports
 * medians and the ratios to the bare window of the same run. Run it under
 * Xvfb with GSK_RENDERER=cairo (bench/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bench-run.h"

typedef struct {
  const char *label;
  GArray *ms;  /* double */
  GArray *kb;  /* double: peak memory in MiB */
} Series;

static gboolean
run_once (char   **argv,
          Series  *series)
{
  BenchRun run = { 0 };
  const char *line;
  gint64 frame = 0;
  double ms, mib;

  if (!bench_run (argv, &run))
    return FALSE;

  line = run.out ? strstr (run.out, "first-frame ") : NULL;
  if (line != NULL)
    frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  bench_run_clear (&run);
  if (frame <= run.start_us)
    {
      g_printerr ("%s printed no first-frame time\n", argv[0]);
      return FALSE;
    }

  ms = (frame - run.start_us) / 1000.0;
  mib = run.max_rss_mib;
  g_array_append_val (series->ms, ms);
  g_array_append_val (series->kb, mib);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *app = NULL, *bare = NULL, *empty = NULL, *large = NULL;
  int rounds = 7;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The integrationsatlas binary", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bench-bare-window binary", "PATH" },
    { "empty", 0, 0, G_OPTION_ARG_FILENAME, &empty, "An empty (seeded) catalogue", "DB" },
    { "large", 0, 0, G_OPTION_ARG_FILENAME, &large, "A large catalogue", "DB" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Runs of each (default 7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  Series series[3] = {
    { "bare window, 1,000 rows", NULL, NULL },
    { "app, empty catalogue", NULL, NULL },
    { "app, large catalogue", NULL, NULL },
  };
  double base_ms, base_mb;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !app || !bare || !empty || !large)
    {
      g_printerr ("atlas-bench-startup: %s\n",
                  error ? error->message : "--app, --bare, --empty and --large are required");
      return 2;
    }

  g_setenv ("INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      series[i].ms = g_array_new (FALSE, FALSE, sizeof (double));
      series[i].kb = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (int r = 0; r < rounds; r++)
    {
      char *bare_argv[] = { bare, NULL };
      char *empty_argv[] = { app, (char *) "--db", empty, NULL };
      char *large_argv[] = { app, (char *) "--db", large, NULL };

      if (!run_once (bare_argv, &series[0]) ||
          !run_once (empty_argv, &series[1]) ||
          !run_once (large_argv, &series[2]))
        return 1;
    }

  base_ms = bench_median (series[0].ms);
  base_mb = bench_median (series[0].kb);

  g_print ("%-26s %12s %8s %14s %10s\n", "", "first frame", "ratio", "peak memory", "vs bare");
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      double ms = bench_median (series[i].ms), mb = bench_median (series[i].kb);

      g_print ("%-26s %9.0f ms %7.2fx %11.1f MiB %+8.1f MiB\n",
               series[i].label, ms, ms / base_ms, mb, mb - base_mb);
      g_array_unref (series[i].ms);
      g_array_unref (series[i].kb);
    }
  g_print ("(medians of %d alternating runs each)\n", rounds);

  return 0;
}
