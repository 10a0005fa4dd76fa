/* atlas-district.c: One of the 53 districts of North Rhine-Westphalia, or the city of Aachen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-record.h"
#include "atlas-district.h"

struct _AtlasDistrict
{
  GObject parent_instance;

  char *fields[ATLAS_DISTRICT_N_FIELDS];
  gint64 population;
  double area_km2;
};

G_DEFINE_FINAL_TYPE (AtlasDistrict, atlas_district, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* 1 … ATLAS_DISTRICT_N_FIELDS - 1 are the text fields. */
  PROP_POPULATION = ATLAS_DISTRICT_N_FIELDS,
  PROP_AREA_KM2,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[ATLAS_DISTRICT_N_FIELDS] = {
  [ATLAS_DISTRICT_AGS] = "ags",
  [ATLAS_DISTRICT_NAME] = "name",
  [ATLAS_DISTRICT_KIND] = "kind",
  [ATLAS_DISTRICT_REGIERUNGSBEZIRK] = "regierungsbezirk",
};

static void
atlas_district_finalize (GObject *object)
{
  AtlasDistrict *self = (AtlasDistrict *)object;

  atlas_record_free_strings (self->fields, ATLAS_DISTRICT_N_FIELDS);

  G_OBJECT_CLASS (atlas_district_parent_class)->finalize (object);
}

static void
atlas_district_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasDistrict *self = ATLAS_DISTRICT (object);

  if (prop_id > 0 && prop_id < ATLAS_DISTRICT_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_POPULATION:
      g_value_set_int64 (value, self->population);
      break;

    case PROP_AREA_KM2:
      g_value_set_double (value, self->area_km2);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasDistrict *self = ATLAS_DISTRICT (object);

  if (prop_id > 0 && prop_id < ATLAS_DISTRICT_N_FIELDS)
    {
      atlas_district_set_field (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_POPULATION:
      atlas_district_set_population (self, g_value_get_int64 (value));
      break;

    case PROP_AREA_KM2:
      atlas_district_set_area_km2 (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_class_init (AtlasDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_district_finalize;
  object_class->get_property = atlas_district_get_property;
  object_class->set_property = atlas_district_set_property;

  atlas_record_install_strings (object_class, properties, 1, ATLAS_DISTRICT_N_FIELDS, field_names);

  properties[PROP_POPULATION] =
    g_param_spec_int64 ("population", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_POPULATION, properties[PROP_POPULATION]);
  properties[PROP_AREA_KM2] =
    g_param_spec_double ("area-km2", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_AREA_KM2, properties[PROP_AREA_KM2]);
}

static void
atlas_district_init (AtlasDistrict *self)
{
  for (guint i = 1; i < ATLAS_DISTRICT_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
}

AtlasDistrict *
atlas_district_new (void)
{
  return g_object_new (ATLAS_TYPE_DISTRICT, NULL);
}

/**
 * atlas_district_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_district_get_field (AtlasDistrict      *self,
                        AtlasDistrictField  field)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), NULL);
  g_return_val_if_fail (field > 0 && field < ATLAS_DISTRICT_N_FIELDS, NULL);

  return self->fields[field];
}

void
atlas_district_set_field (AtlasDistrict      *self,
                        AtlasDistrictField  field,
                        const char         *value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));
  g_return_if_fail (field > 0 && field < ATLAS_DISTRICT_N_FIELDS);

  atlas_record_set_string (G_OBJECT (self), &self->fields[field], value, properties[field]);
}

/**
 * atlas_district_field_name:
 *
 * Returns: the property name of @field, which is also its export name
 */
const char *
atlas_district_field_name (AtlasDistrictField field)
{
  g_return_val_if_fail (field > 0 && field < ATLAS_DISTRICT_N_FIELDS, NULL);

  return field_names[field];
}

gint64
atlas_district_get_population (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->population;
}

void
atlas_district_set_population (AtlasDistrict *self,
                                 gint64 value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  if (self->population == value)
    return;

  self->population = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POPULATION]);
}

double
atlas_district_get_area_km2 (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->area_km2;
}

void
atlas_district_set_area_km2 (AtlasDistrict *self,
                               double value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  if (self->area_km2 == value)
    return;

  self->area_km2 = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_KM2]);
}
