/* atlas-ical.h: visits as iCalendar (RFC 5545), both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_ICAL_ERROR (atlas_ical_error_quark ())

typedef enum {
  ATLAS_ICAL_ERROR_INVALID,   /* not an iCalendar file, or a broken one */
} AtlasIcalError;

typedef enum {
  ATLAS_ICAL_NEW,        /* a visit will be added */
  ATLAS_ICAL_UPDATE,     /* a visit with the event's UID will change */
  ATLAS_ICAL_UNCHANGED,  /* the visit with the event's UID is already so */
  ATLAS_ICAL_SKIP,       /* the event is left out; see reason */
} AtlasIcalAction;

/* One event of an imported calendar and what the import does with it. */
typedef struct {
  AtlasIcalAction action;
  char *uid;
  char *summary;
  char *date;            /* as stored: YYYY-MM-DD or start/end; NULL if none */
  char *centre_name;     /* NULL if no centre matched */
  char *reason;          /* why it is skipped */
  AtlasVisit *visit;     /* what is written, for NEW and UPDATE */
} AtlasIcalEntry;

GQuark      atlas_ical_error_quark   (void);

char       *atlas_ical_from_visits   (AtlasStore          *store,
                                      GPtrArray           *visits,
                                      guint               *n_left_out,
                                      GError             **error);
gboolean    atlas_ical_write_visits  (AtlasStore          *store,
                                      GPtrArray           *visits,
                                      GFile               *file,
                                      guint               *n_left_out,
                                      GCancellable        *cancellable,
                                      GError             **error);

GPtrArray  *atlas_ical_plan_import   (AtlasStore          *store,
                                      GBytes              *bytes,
                                      GError             **error);
gboolean    atlas_ical_apply_import  (AtlasStore          *store,
                                      GPtrArray           *plan,
                                      GError             **error);
char       *atlas_ical_plan_summary  (GPtrArray           *plan);
const char *atlas_ical_action_label  (AtlasIcalAction      action);

G_END_DECLS
