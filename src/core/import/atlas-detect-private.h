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

typedef enum {
  NAME_PLAIN,
  NAME_WEAK,       /* also a common word, or a town elsewhere */
  NAME_MEAL,       /* "Essen" */
  NAME_MULHEIM,    /* "Mülheim" alone */
  NAME_AACHEN,     /* "Aachen" alone */
  NAME_DEMONYM,    /* "Solinger": an inhabitant's word already */
} NameKind;

typedef enum {
  POSITION_TITLE,
  POSITION_LEAD,
  POSITION_BODY,
  POSITION_DATELINE,  /* a short line before the lead: dateline, subtitle, "Pressemitteilung" */
  POSITION_CAPTION,
  POSITION_ADDRESS,
} Position;

typedef enum {
  ROLE_PLACE,
  ROLE_ADJECTIVE,  /* "Coesfelder Integrationszentrum" */
  ROLE_ORIGIN,     /* "aus Bonn" */
  ROLE_PERSON,     /* "Kölnerin", "gebürtige Dortmunderin" */
  ROLE_STREET,     /* "Neusser Straße" */
  ROLE_BUILDING,   /* "Aachen-Arkaden" */
  ROLE_MENTION,    /* state-wide events, stops to come, Aachen in the Städteregion */
} Role;

typedef struct {
  char *text;
  Position position;
  guint line;        /* of the body; the title is line 0 */
  AtlasVisitSentence visit;
  int verb_offset;
  gboolean names_official;
  gboolean schedule;  /* a row of a schedule: "10 Uhr: Kommunales Integrationszentrum …" */
} Sentence;

typedef struct {
  const char *centre;
  NameKind kind;
  Role role;
  guint sentence;
  int offset;               /* in the sentence, bytes */
  gboolean after_stadt;     /* "Stadt Aachen" */
  gboolean after_institution;  /* "Integrationszentrum Dortmund", "Kreis Kleve" */
} Hit;

typedef enum {
  PATTERN_CAPTION,
  PATTERN_ADDRESS,
  PATTERN_STATEWIDE,
  PATTERN_STATE_SOURCE,
  PATTERN_STAEDTEREGION,
  PATTERN_EXAMPLE,
  PATTERN_SCHEDULE,
  N_PATTERNS
} PatternId;

static inline gboolean
atlas_detect_word_in (const char  *word,
                      const char **list)
{
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* The parts of atlas_detect_release(): the sentences
 * (atlas-detect-sentences.c), the places they name
 * (atlas-detect-places.c), the officials (atlas-detect-officials.c). */
GPtrArray         *atlas_detect_read_sentences (const char *title,
                                                const char *body);
gboolean           atlas_detect_match_at       (PatternId   id,
                                                const char *text,
                                                int        *start);
gboolean           atlas_detect_matches        (PatternId   id,
                                                const char *text);
void               atlas_detect_scan_sentence  (GArray     *hits,
                                                const char *text,
                                                guint       sentence);
GStrv              atlas_detect_official_surnames (const char *text);
gboolean           atlas_detect_names_surname  (const char *text,
                                                GStrv       surnames);

G_END_DECLS
