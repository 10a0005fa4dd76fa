/* atlas-district.h: One of the 53 districts of North Rhine-Westphalia, or the city of Aachen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-record.h"

G_BEGIN_DECLS

/* The text fields, numbered like the store's columns and the properties. */
typedef enum {
  ATLAS_DISTRICT_AGS = 1,
  ATLAS_DISTRICT_NAME,
  ATLAS_DISTRICT_KIND,
  ATLAS_DISTRICT_REGIERUNGSBEZIRK,
  ATLAS_DISTRICT_N_FIELDS
} AtlasDistrictField;

#define ATLAS_TYPE_DISTRICT (atlas_district_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDistrict, atlas_district, ATLAS, DISTRICT, AtlasRecord)

AtlasDistrict *atlas_district_new (void);
const char *atlas_district_get_field (AtlasDistrict *self, AtlasDistrictField field);
void atlas_district_set_field (AtlasDistrict *self, AtlasDistrictField field, const char *value);
const char *atlas_district_field_name (AtlasDistrictField field);
gint64 atlas_district_get_population (AtlasDistrict *self);
void atlas_district_set_population (AtlasDistrict *self, gint64 value);
double atlas_district_get_area_km2 (AtlasDistrict *self);
void atlas_district_set_area_km2 (AtlasDistrict *self, double value);

G_END_DECLS
