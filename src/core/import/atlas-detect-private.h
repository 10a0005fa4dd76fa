/* atlas-detect-private.h: what the parts of detection share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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
                                                int        *verb_offset);
gboolean           atlas_detect_names_official (const char *text);
gboolean           atlas_detect_visit_day      (const char *sentence,
                                                int         verb_offset,
                                                gint64      published,
                                                gboolean   *planned,
                                                GDate      *day);
void               atlas_detect_publication_day (gint64     published,
                                                 GDate     *day);

G_END_DECLS
