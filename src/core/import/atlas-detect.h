/* atlas-detect.h: which centres a press release is about, and visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_DETECT_VISIT_NONE,
  ATLAS_DETECT_VISIT_DONE,     /* the release reports the visit */
  ATLAS_DETECT_VISIT_PLANNED,  /* it announces it */
} AtlasDetectVisit;

typedef struct {
  char ags[9];
  gboolean visited;         /* the release is about this centre, not merely naming it */
  double confidence;        /* 0–1, that it is about this centre */
  char *evidence;           /* the sentence that says so, or NULL */
  AtlasDetectVisit visit;
  double visit_confidence;  /* 0–1; below 0.5 a guess the user should check */
  char *visit_evidence;     /* the sentence that reports the visit, or NULL */
  char day[11];             /* the visit's day, YYYY-MM-DD */
  gboolean day_stated;      /* the text says the day (else: the publication day) */
} AtlasCentreMention;

GArray   *atlas_detect_release  (const char *title,
                                 const char *body,
                                 const char *source,
                                 gint64      published);
GArray   *atlas_detect_centres  (const char *title,
                                 const char *body);
char     *atlas_detect_visitors (const char *text);
char     *atlas_detect_highlight (const char         *text,
                                  const char * const *sentences);

G_END_DECLS
