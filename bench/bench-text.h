/* bench-text.h: deterministic German-looking text for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct {
  GPtrArray *words;
  double *cumulative;  /* Zipf: the word of rank r is used in proportion to 1/r */
} Vocabulary;

extern const char * const bench_places[];
extern const char * const bench_words[];
extern const guint bench_n_places;
extern const guint bench_n_words;

Vocabulary *vocabulary_new  (GRand              *rand,
                             guint               size);
void        vocabulary_free (Vocabulary         *v);
const char *vocabulary_pick (Vocabulary         *v,
                             GRand              *rand);
const char *pick            (GRand              *rand,
                             const char * const *list,
                             guint               n);
char       *sentence        (GRand              *rand,
                             Vocabulary         *vocabulary,
                             guint               n_words);

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))
