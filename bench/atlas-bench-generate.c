/* atlas-bench-generate.c: fills a catalogue with deterministic test data
 *
 * Everything goes through the store API, as the app would write it:
 *   atlas-bench-generate --db PATH [--releases N] [--contacts N] [--visits N] [--seed S]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-store.h"
#include "bench-text.h"

static const char * const given_names[] = {
  "Anna", "Ayşe", "Bernd", "Çağla", "Dieter", "Elif", "Fatma", "Georg", "Hülya", "Ingrid",
  "Jörg", "Katarzyna", "Lukas", "Mehmet", "Nicole", "Oksana", "Peter", "Özlem", "Sabine", "Tobias",
};
static const char * const family_names[] = {
  "Müller", "Schmidt", "Yılmaz", "Schneider", "Kaya", "Fischer", "Weber", "Nowak", "Öztürk",
  "Wagner", "Becker", "Demir", "Hoffmann", "Schäfer", "Koch", "Şahin", "Richter", "Klein",
};
static const char * const roles[] = {
  "Leitung", "Pressesprecherin", "Pressesprecher", "Referentin", "Bürgermeister",
  "Landrätin", "Sachbearbeitung", "Koordination Bildung",
};

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  int n_releases = 0, n_contacts = 0, n_visits = 0, seed = 2017;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Catalogue to fill", "PATH" },
    { "releases", 0, 0, G_OPTION_ARG_INT, &n_releases, "Press releases to add", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts to add", "N" },
    { "visits", 0, 0, G_OPTION_ARG_INT, &n_visits, "Visits to add", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (same seed, same data)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) centre_ids = NULL;
  Vocabulary *vocabulary;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      g_printerr ("atlas-bench-generate: %s\n", error ? error->message : "--db PATH is required");
      return 2;
    }

  store = atlas_store_new (db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("atlas-bench-generate: %s\n", error->message);
      return 1;
    }

  rand = g_rand_new_with_seed (seed);
  vocabulary = vocabulary_new (rand, 40000);
  centre_ids = atlas_store_query_ids (store, ATLAS_RECORD_CENTRE, NULL, &error);
  t0 = g_get_monotonic_time ();

  if (!atlas_store_begin (store, &error))
    goto fail;

  for (int i = 0; i < n_contacts; i++)
    {
      g_autoptr(AtlasContact) c = atlas_contact_new ();
      g_autofree char *email = NULL;
      const char *given = PICK (rand, given_names);
      const char *family = PICK (rand, family_names);

      email = g_strdup_printf ("kontakt%d@example.org", i);
      atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, given);
      atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
      atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, PICK (rand, roles));
      atlas_contact_set_field (c, ATLAS_CONTACT_ORGANISATION, pick (rand, bench_places, bench_n_places));
      atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, email);
      if (g_rand_boolean (rand))
        atlas_contact_set_centre_id (c, g_array_index (centre_ids, gint64,
                                                       g_rand_int_range (rand, 0, centre_ids->len)));
      if (atlas_store_insert_contact (store, c, &error) == 0)
        goto fail;
    }

  for (int i = 0; i < n_releases; i++)
    {
      g_autoptr(AtlasRelease) r = atlas_release_new ();
      g_autofree char *guid = g_strdup_printf ("urn:bench:release:%d", i);
      g_autofree char *title = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      guint n_paragraphs = g_rand_int_range (rand, 3, 8);

      title = g_strdup_printf ("%s in %s: %s %s", pick (rand, bench_words, bench_n_words), pick (rand, bench_places, bench_n_places),
                               vocabulary_pick (vocabulary, rand), vocabulary_pick (vocabulary, rand));
      for (guint p = 0; p < n_paragraphs; p++)
        {
          g_autofree char *s = sentence (rand, vocabulary, g_rand_int_range (rand, 20, 60));

          g_string_append_printf (body, "%s\n\n", s);
        }
      atlas_release_set_field (r, ATLAS_RELEASE_GUID, guid);
      atlas_release_set_field (r, ATLAS_RELEASE_TITLE, title);
      atlas_release_set_field (r, ATLAS_RELEASE_BODY, body->str);
      atlas_release_set_field (r, ATLAS_RELEASE_SOURCE, "Benchmark");
      atlas_release_set_field (r, ATLAS_RELEASE_FORMAT, "rss2");
      /* Ten years of releases from 2015 on. */
      atlas_release_set_published (r, 1420070400 + g_rand_int_range (rand, 0, 315360000));
      if (atlas_store_insert_release (store, r, &error) == 0)
        goto fail;
    }

  for (int i = 0; i < n_visits; i++)
    {
      g_autoptr(AtlasVisit) v = atlas_visit_new ();
      g_autoptr(GDateTime) day = g_date_time_new_utc (2017, 7, 31, 0, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (day, g_rand_int_range (rand, 0, 1500));
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");

      atlas_visit_set_centre_id (v, g_array_index (centre_ids, gint64,
                                                   g_rand_int_range (rand, 0, centre_ids->len)));
      atlas_visit_set_field (v, ATLAS_VISIT_DATE, date);
      atlas_visit_set_field (v, ATLAS_VISIT_TOUR, "Benchmark-Tour");
      atlas_visit_set_field (v, ATLAS_VISIT_STATUS, "done");
      if (atlas_store_save_visit (store, v, &error) == 0)
        goto fail;
    }

  if (!atlas_store_commit (store, &error))
    goto fail;

  vocabulary_free (vocabulary);

  g_print ("added %d releases, %d contacts, %d visits in %.1f s\n",
           n_releases, n_contacts, n_visits, (g_get_monotonic_time () - t0) / 1e6);
  return 0;

fail:
  vocabulary_free (vocabulary);
  atlas_store_rollback (store);
  g_printerr ("atlas-bench-generate: %s\n", error->message);
  return 1;
}
