/* atlas-centre.h: A Kommunales Integrationszentrum and its public facts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-record.h"

G_BEGIN_DECLS

/* The text fields, numbered like the store's columns and the properties. */
typedef enum {
  ATLAS_CENTRE_AGS = 1,
  ATLAS_CENTRE_DISTRICT,
  ATLAS_CENTRE_NAME,
  ATLAS_CENTRE_STREET,
  ATLAS_CENTRE_POSTAL_CODE,
  ATLAS_CENTRE_CITY,
  ATLAS_CENTRE_PHONE,
  ATLAS_CENTRE_EMAIL,
  ATLAS_CENTRE_WEBSITE,
  ATLAS_CENTRE_HEAD,
  ATLAS_CENTRE_FOCUS,
  ATLAS_CENTRE_NOTES,
  ATLAS_CENTRE_VERIFIED_ON,
  ATLAS_CENTRE_N_FIELDS
} AtlasCentreField;

#define ATLAS_TYPE_CENTRE (atlas_centre_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCentre, atlas_centre, ATLAS, CENTRE, AtlasRecord)

AtlasCentre *atlas_centre_new (void);
const char *atlas_centre_get_field (AtlasCentre *self, AtlasCentreField field);
void atlas_centre_set_field (AtlasCentre *self, AtlasCentreField field, const char *value);
const char *atlas_centre_field_name (AtlasCentreField field);
gint64 atlas_centre_get_id (AtlasCentre *self);
void atlas_centre_set_id (AtlasCentre *self, gint64 value);

G_END_DECLS
