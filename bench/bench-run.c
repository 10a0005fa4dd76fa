/* bench-run.c: run a program, time it and measure its peak memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench-run.h"

gboolean
bench_run (char     **argv,
           BenchRun  *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  struct rusage usage;
  gsize len;
  GPid pid;
  int out_fd, status;

  run->start_us = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_to_end (channel, &run->out, &len, NULL);

  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed\n", argv[0]);
      return FALSE;
    }

  run->end_us = g_get_monotonic_time ();
  run->max_rss_mib = usage.ru_maxrss / 1024.0;
  return TRUE;
}

void
bench_run_clear (BenchRun *run)
{
  g_clear_pointer (&run->out, g_free);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  if (n % 2)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}
