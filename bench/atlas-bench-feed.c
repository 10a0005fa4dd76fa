/* atlas-bench-feed.c: a large RSS 2.0 feed of German press releases
 *
 *   atlas-bench-feed --items N --out FILE [--seed S]
 *
 * 30,000 items make about 100 MB. Every tenth release reports a visit of
 * the state secretary to a centre, so detection and visit suggestions do
 * their real work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib.h>

#include "bench-text.h"

static const char * const day_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

int
main (int    argc,
      char **argv)
{
  g_autofree char *out_path = NULL;
  int n_items = 30000, seed = 2018;
  const GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "Items (default 30000)", "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, "The feed to write", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  Vocabulary *vocabulary;
  FILE *out;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out_path == NULL)
    {
      g_printerr ("atlas-bench-feed: %s\n", error ? error->message : "--out FILE is required");
      return 2;
    }

  out = fopen (out_path, "w");
  if (out == NULL)
    {
      g_printerr ("atlas-bench-feed: cannot write %s\n", out_path);
      return 1;
    }

  rand = g_rand_new_with_seed (seed);
  vocabulary = vocabulary_new (rand, 40000);

  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
                "<title>Landesregierung NRW – Pressemitteilungen (Benchmark)</title>\n"
                "<link>https://www.land.nrw/</link>\n<description>Erzeugte Daten</description>\n");

  for (int i = 0; i < n_items; i++)
    {
      /* Ten years from 2015, newest last as feeds are archived. */
      g_autoptr(GDateTime) base = g_date_time_new_utc (2015, 1, 1, 8, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, (double) i * 10512 + g_rand_int_range (rand, 0, 3600));
      const char *place = pick (rand, bench_places, bench_n_places);
      g_autofree char *lead = NULL;
      guint n_paragraphs = g_rand_int_range (rand, 3, 10);

      if (i % 10 == 0)
        lead = g_strdup_printf ("Staatssekretärin Serap Güler hat heute das Kommunale Integrationszentrum in %s besucht.",
                                place);
      else
        lead = sentence (rand, vocabulary, g_rand_int_range (rand, 15, 30));

      fprintf (out, "<item>\n<title>%s in %s: %s %s</title>\n",
               pick (rand, bench_words, bench_n_words), place,
               vocabulary_pick (vocabulary, rand), vocabulary_pick (vocabulary, rand));
      fprintf (out, "<link>https://www.land.nrw/pressemitteilung/%d</link>\n", i);
      fprintf (out, "<guid isPermaLink=\"false\">urn:bench:feed:%d</guid>\n", i);
      fprintf (out, "<pubDate>%s, %02d %s %d %02d:%02d:%02d +0000</pubDate>\n",
               day_names[g_date_time_get_day_of_week (when) - 1], g_date_time_get_day_of_month (when),
               month_names[g_date_time_get_month (when) - 1], g_date_time_get_year (when),
               g_date_time_get_hour (when), g_date_time_get_minute (when), g_date_time_get_second (when));
      fprintf (out, "<dc:creator>Pressestelle</dc:creator>\n<description><![CDATA[<p>%s</p>\n", lead);
      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_autofree char *s = sentence (rand, vocabulary, g_rand_int_range (rand, 30, 70));

          fprintf (out, "<p>%s</p>\n", s);
        }
      fprintf (out, "]]></description>\n</item>\n");
    }

  fprintf (out, "</channel>\n</rss>\n");
  vocabulary_free (vocabulary);
  return fclose (out) == 0 ? 0 : 1;
}
