/* atlas-bench-search.c: a search keystroke over a large archive
 *
 *   atlas-bench-search --db PATH [--rounds N]
 *
 * Types queries one character at a time, as a press officer would, through
 * the same list model the Press releases view uses, and through the ranked
 * search of the CLI. Reports the median and worst time per keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-list-model.h"
#include "atlas-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  static const char * const queries[] = {
    "Köln", "Integration", "Staatssekretärin Besuch", "Sprachförderung Solingen", "Zentrum",
  };
  g_autofree char *db_path = NULL;
  int rounds = 5;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Print each keystroke of the first round", NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A large catalogue", "PATH" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions (default 5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ranked_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 n;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      g_printerr ("atlas-bench-search: %s\n", error ? error->message : "--db PATH is required");
      return 2;
    }

  store = atlas_store_new (db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      g_printerr ("atlas-bench-search: %s\n", error->message);
      return 1;
    }
  n = atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL);
  model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);

  for (int r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *query = queries[q];

        for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
          {
            g_autofree char *typed = g_strndup (query, end - query);
            g_autoptr(GPtrArray) hits = NULL;
            gint64 t0 = g_get_monotonic_time ();
            double ms;

            /* The list: the filter, and the first screen of rows loaded. */
            atlas_list_model_set_filter (model, typed);
            for (guint i = 0; i < MIN (20u, g_list_model_get_n_items (G_LIST_MODEL (model))); i++)
              g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
            ms = (g_get_monotonic_time () - t0) / 1000.0;
            g_array_append_val (list_ms, ms);
            if (verbose && r == 0)
              g_print ("  %-28s %8.2f ms  %u rows\n", typed, ms,
                       g_list_model_get_n_items (G_LIST_MODEL (model)));

            t0 = g_get_monotonic_time ();
            hits = atlas_store_search_releases (store, typed, "[", "]", 50, NULL);
            ms = (g_get_monotonic_time () - t0) / 1000.0;
            g_array_append_val (ranked_ms, ms);

            if (*end == '\0')
              break;
          }
        atlas_list_model_set_filter (model, NULL);
      }

  g_array_sort (list_ms, compare_doubles);
  g_array_sort (ranked_ms, compare_doubles);
  g_print ("%" G_GINT64_FORMAT " releases, %u keystrokes\n", n, list_ms->len);
  g_print ("list view filter + first 20 rows: median %.2f ms, 90th %.2f ms, 95th %.2f ms, worst %.2f ms\n",
           g_array_index (list_ms, double, list_ms->len / 2),
           g_array_index (list_ms, double, list_ms->len * 9 / 10),
           g_array_index (list_ms, double, list_ms->len * 95 / 100),
           g_array_index (list_ms, double, list_ms->len - 1));
  g_print ("ranked search, 50 hits with snippets: median %.2f ms, 90th %.2f ms, 95th %.2f ms, worst %.2f ms\n",
           g_array_index (ranked_ms, double, ranked_ms->len / 2),
           g_array_index (ranked_ms, double, ranked_ms->len * 9 / 10),
           g_array_index (ranked_ms, double, ranked_ms->len * 95 / 100),
           g_array_index (ranked_ms, double, ranked_ms->len - 1));
  return 0;
}
