/* atlas-centre.c: A Kommunales Integrationszentrum and its public facts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-centre.h"

struct _AtlasCentre
{
  AtlasRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasCentre, atlas_centre, ATLAS_TYPE_RECORD)

static const char * const field_names[ATLAS_CENTRE_N_FIELDS] = {
  [ATLAS_CENTRE_AGS] = "ags",
  [ATLAS_CENTRE_DISTRICT] = "district",
  [ATLAS_CENTRE_NAME] = "name",
  [ATLAS_CENTRE_STREET] = "street",
  [ATLAS_CENTRE_POSTAL_CODE] = "postal-code",
  [ATLAS_CENTRE_CITY] = "city",
  [ATLAS_CENTRE_PHONE] = "phone",
  [ATLAS_CENTRE_EMAIL] = "email",
  [ATLAS_CENTRE_WEBSITE] = "website",
  [ATLAS_CENTRE_HEAD] = "head",
  [ATLAS_CENTRE_FOCUS] = "focus",
  [ATLAS_CENTRE_NOTES] = "notes",
  [ATLAS_CENTRE_VERIFIED_ON] = "verified-on",
};

static void
atlas_centre_class_init (AtlasCentreClass *klass)
{
  guint first_own = atlas_record_class_install (ATLAS_RECORD_CLASS (klass), ATLAS_CENTRE_N_FIELDS, field_names,
                                                NULL);
  (void) first_own;
}

static void
atlas_centre_init (AtlasCentre *self)
{
}

AtlasCentre *
atlas_centre_new (void)
{
  return g_object_new (ATLAS_TYPE_CENTRE, NULL);
}

/**
 * atlas_centre_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_centre_get_field (AtlasCentre      *self,
                        AtlasCentreField  field)
{
  g_return_val_if_fail (ATLAS_IS_CENTRE (self), NULL);

  return atlas_record_get_field (ATLAS_RECORD (self), field);
}

void
atlas_centre_set_field (AtlasCentre      *self,
                        AtlasCentreField  field,
                        const char        *value)
{
  g_return_if_fail (ATLAS_IS_CENTRE (self));

  atlas_record_set_field (ATLAS_RECORD (self), field, value);
}

/**
 * atlas_centre_field_name:
 *
 * Returns: the property name of @field, which is also its export name
 */
const char *
atlas_centre_field_name (AtlasCentreField field)
{
  g_return_val_if_fail (field > 0 && field < ATLAS_CENTRE_N_FIELDS, NULL);

  return field_names[field];
}

gint64
atlas_centre_get_id (AtlasCentre *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRE (self), 0);

  return atlas_record_get_id (ATLAS_RECORD (self));
}

void
atlas_centre_set_id (AtlasCentre *self,
                    gint64      value)
{
  g_return_if_fail (ATLAS_IS_CENTRE (self));

  atlas_record_set_id (ATLAS_RECORD (self), value);
}
