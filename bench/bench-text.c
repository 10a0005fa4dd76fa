/* bench-text.c: deterministic German-looking text for the benchmarks
 *
 * A 40,000-word made-up vocabulary used with Zipf frequencies, mixed with
 * the real place names and the words press releases about integration use,
 * so full-text indexes and searches see realistic term distributions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-text.h"

const char * const bench_places[] = {
  "Köln", "Kleve", "Solingen", "Dortmund", "Duisburg", "Münster", "Bielefeld", "Essen",
  "Aachen", "Gütersloh", "Mülheim an der Ruhr", "Rhein-Kreis Neuss", "Wesel", "Unna",
};
const char * const bench_words[] = {
  "Integration", "Bildung", "Teilhabe", "Sprachförderung", "Ehrenamt", "Vielfalt", "Schule",
  "Elternarbeit", "Netzwerk", "Zuwanderung", "Beratung", "Projekt", "Förderung", "Kommune",
  "Staatssekretärin", "Besuch", "Zentrum", "Jugend", "Arbeit", "Ausbildung", "Dialog",
};

/* Syllables for a made-up but German-looking vocabulary. */
static const char * const syllables[] = {
  "ge", "be", "ver", "an", "auf", "aus", "ein", "zu", "über", "unter", "bil", "dung", "lich",
  "keit", "heit", "ung", "schaft", "tum", "er", "en", "el", "ar", "or", "ta", "ti", "to", "ra",
  "ri", "ro", "sa", "se", "si", "stadt", "land", "kreis", "haus", "schul", "kind", "fa", "mi",
  "lie", "ar", "beit", "för", "der", "pro", "jekt", "netz", "werk", "rat", "amt", "sprach",
  "kul", "tur", "mig", "ra", "tion", "zen", "trum", "kom", "mu", "nal", "re", "gi", "on",
};


Vocabulary *
vocabulary_new (GRand *rand,
                guint  size)
{
  Vocabulary *v = g_new0 (Vocabulary, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double sum = 0;

  v->words = g_ptr_array_new_with_free_func (g_free);
  while (v->words->len < size)
    {
      GString *w = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 2, 5);

      for (guint i = 0; i < n; i++)
        g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      /* Nouns are capitalised: every third word. */
      if (v->words->len % 3 == 0)
        w->str[0] = g_ascii_toupper (w->str[0]);
      if (g_hash_table_contains (seen, w->str))
        {
          g_string_free (w, TRUE);
          continue;
        }
      g_hash_table_add (seen, w->str);
      g_ptr_array_add (v->words, g_string_free (w, FALSE));
    }

  v->cumulative = g_new (double, size);
  for (guint r = 0; r < size; r++)
    {
      sum += 1.0 / (r + 1);
      v->cumulative[r] = sum;
    }
  for (guint r = 0; r < size; r++)
    v->cumulative[r] /= sum;

  return v;
}

const char *
vocabulary_pick (Vocabulary *v,
                 GRand      *rand)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = v->words->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (v->cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_ptr_array_index (v->words, lo);
}

const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}


/* Mostly vocabulary words; now and then a domain word or a place. */
char *
sentence (GRand      *rand,
          Vocabulary *vocabulary,
          guint       n_words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      guint dice = g_rand_int_range (rand, 0, 100);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (dice < 4)
        g_string_append (s, pick (rand, bench_words, bench_n_words));
      else if (dice < 5)
        g_string_append (s, pick (rand, bench_places, bench_n_places));
      else
        g_string_append (s, vocabulary_pick (vocabulary, rand));
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}


const guint bench_n_places = G_N_ELEMENTS (bench_places);
const guint bench_n_words = G_N_ELEMENTS (bench_words);

void
vocabulary_free (Vocabulary *v)
{
  g_ptr_array_unref (v->words);
  g_free (v->cumulative);
  g_free (v);
}
