/* atlas-detect-private.h: what the parts of detection share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The regular expressions are JIT-compiled; PCRE2's JIT reads the text in
 * wide loads that may reach up to 16 bytes past its end. Every string they
 * read is a copy with this much zeroed slack, so those reads stay inside
 * the allocation (and valgrind quiet). */
#define ATLAS_DETECT_SLACK 32

static inline char *
atlas_detect_strndup (const char *text,
                      gsize       len)
{
  char *copy = g_malloc0 (len + ATLAS_DETECT_SLACK);

  memcpy (copy, text, len);
  return copy;
}

/* What a sentence says about a visit. */
typedef enum {
  ATLAS_VISIT_SENTENCE_NONE,
  ATLAS_VISIT_SENTENCE_RECALLED,     /* a past visit recalled, or stops to come */
  ATLAS_VISIT_SENTENCE_OTHER_VENUE,  /* a visit to a Jobcenter, a town hall, a school… */
  ATLAS_VISIT_SENTENCE_PLACE,        /* a visit to a place, no venue named */
  ATLAS_VISIT_SENTENCE_CENTRE,       /* a visit to the centre, or to what it hosts */
} AtlasVisitSentence;

AtlasVisitSentence atlas_detect_visit_sentence (const char *sentence,
                                                gboolean    official_named,
                                                gboolean    official_here,
                                                gboolean    official_before,
                                                int        *verb_offset);
gboolean           atlas_detect_names_official (const char *text);
gboolean           atlas_detect_visit_announced (const char *sentence,
                                                 int         verb_offset);
gboolean           atlas_detect_visit_day      (const char *sentence,
                                                int         verb_offset,
                                                gint64      published,
                                                gboolean   *planned,
                                                GDate      *day);
void               atlas_detect_publication_day (gint64     published,
                                                 GDate     *day);

G_END_DECLS
