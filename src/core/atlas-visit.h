/* atlas-visit.h: A stop of the tour: a centre visited (or to be visited) on a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-record.h"

#include "atlas-visit-date.h"

G_BEGIN_DECLS

/* The text fields, numbered like the store's columns and the properties. */
typedef enum {
  ATLAS_VISIT_DATE = 1,
  ATLAS_VISIT_SORT_DATE,
  ATLAS_VISIT_AGS,
  ATLAS_VISIT_CENTRE_NAME,
  ATLAS_VISIT_TOUR,
  ATLAS_VISIT_VISITORS,
  ATLAS_VISIT_STATUS,
  ATLAS_VISIT_NOTES,
  ATLAS_VISIT_N_FIELDS
} AtlasVisitField;

#define ATLAS_TYPE_VISIT (atlas_visit_get_type ())

G_DECLARE_FINAL_TYPE (AtlasVisit, atlas_visit, ATLAS, VISIT, AtlasRecord)

AtlasVisit *atlas_visit_new (void);
const char *atlas_visit_get_field (AtlasVisit *self, AtlasVisitField field);
void atlas_visit_set_field (AtlasVisit *self, AtlasVisitField field, const char *value);
const char *atlas_visit_field_name (AtlasVisitField field);
gint64 atlas_visit_get_id (AtlasVisit *self);
void atlas_visit_set_id (AtlasVisit *self, gint64 value);
gint64 atlas_visit_get_centre_id (AtlasVisit *self);
void atlas_visit_set_centre_id (AtlasVisit *self, gint64 value);
gint64 atlas_visit_get_release_id (AtlasVisit *self);
void atlas_visit_set_release_id (AtlasVisit *self, gint64 value);

G_END_DECLS
