/* bench-run.h: run a program, time it and measure its peak memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct {
  gint64 start_us;   /* monotonic time at fork */
  gint64 end_us;     /* monotonic time at exit */
  double max_rss_mib;
  char *out;         /* what it printed */
} BenchRun;

gboolean bench_run       (char     **argv,
                          BenchRun  *run);
void     bench_run_clear (BenchRun  *run);
double   bench_median    (GArray    *values);
