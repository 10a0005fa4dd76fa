/* atlas-text.h: folding and quoting of German text for search and sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_text_fold_search (const char *text);
char *atlas_text_fold_sort   (const char *text);
int   atlas_text_collate     (const char *a,
                              const char *b);
char *atlas_text_fts_query   (const char *user_text);
char *atlas_text_snippet     (const char *text,
                              const char *query,
                              const char *mark_start,
                              const char *mark_end,
                              gboolean    markup);

G_END_DECLS
