/* atlas-district.c: One of the 53 districts of North Rhine-Westphalia, or the city of Aachen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-district.h"

struct _AtlasDistrict
{
  AtlasRecord parent_instance;

  double area_km2;
};

G_DEFINE_FINAL_TYPE (AtlasDistrict, atlas_district, ATLAS_TYPE_RECORD)

static const char * const field_names[ATLAS_DISTRICT_N_FIELDS] = {
  [ATLAS_DISTRICT_AGS] = "ags",
  [ATLAS_DISTRICT_NAME] = "name",
  [ATLAS_DISTRICT_KIND] = "kind",
  [ATLAS_DISTRICT_REGIERUNGSBEZIRK] = "regierungsbezirk",
};

/* The whole numbers after the id, in this order. */
enum {
  NUMBER_POPULATION,
};

static const char * const number_names[] = { "population", NULL };

/* Its own property, after the record's. */
static GParamSpec *area_pspec;
static guint area_prop;

static void
atlas_district_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == area_prop)
    g_value_set_double (value, ATLAS_DISTRICT (object)->area_km2);
  else
    G_OBJECT_CLASS (atlas_district_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
atlas_district_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == area_prop)
    atlas_district_set_area_km2 (ATLAS_DISTRICT (object), g_value_get_double (value));
  else
    G_OBJECT_CLASS (atlas_district_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
atlas_district_class_init (AtlasDistrictClass *klass)
{
  guint first_own = atlas_record_class_install (ATLAS_RECORD_CLASS (klass), ATLAS_DISTRICT_N_FIELDS, field_names,
                                                number_names);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_district_get_property;
  object_class->set_property = atlas_district_set_property;
  area_prop = first_own;
  area_pspec = g_param_spec_double ("area-km2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, area_prop, area_pspec);
}

static void
atlas_district_init (AtlasDistrict *self)
{
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

  return atlas_record_get_field (ATLAS_RECORD (self), field);
}

void
atlas_district_set_field (AtlasDistrict      *self,
                          AtlasDistrictField  field,
                          const char          *value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  atlas_record_set_field (ATLAS_RECORD (self), field, value);
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

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_POPULATION);
}

void
atlas_district_set_population (AtlasDistrict *self,
                             gint64        value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_POPULATION, value);
}

double
atlas_district_get_area_km2 (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->area_km2;
}

void
atlas_district_set_area_km2 (AtlasDistrict *self,
                             double         value)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  if (self->area_km2 == value)
    return;

  self->area_km2 = value;
  g_object_notify_by_pspec (G_OBJECT (self), area_pspec);
}
