/* atlas-centre.c: A Kommunales Integrationszentrum and its public facts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-record.h"
#include "atlas-centre.h"

struct _AtlasCentre
{
  GObject parent_instance;

  char *fields[ATLAS_CENTRE_N_FIELDS];
  gint64 id;
};

G_DEFINE_FINAL_TYPE (AtlasCentre, atlas_centre, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* 1 … ATLAS_CENTRE_N_FIELDS - 1 are the text fields. */
  PROP_ID = ATLAS_CENTRE_N_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
atlas_centre_finalize (GObject *object)
{
  AtlasCentre *self = (AtlasCentre *)object;

  atlas_record_free_strings (self->fields, ATLAS_CENTRE_N_FIELDS);

  G_OBJECT_CLASS (atlas_centre_parent_class)->finalize (object);
}

static void
atlas_centre_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasCentre *self = ATLAS_CENTRE (object);

  if (prop_id > 0 && prop_id < ATLAS_CENTRE_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_centre_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasCentre *self = ATLAS_CENTRE (object);

  if (prop_id > 0 && prop_id < ATLAS_CENTRE_N_FIELDS)
    {
      atlas_centre_set_field (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      atlas_centre_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_centre_class_init (AtlasCentreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_centre_finalize;
  object_class->get_property = atlas_centre_get_property;
  object_class->set_property = atlas_centre_set_property;

  atlas_record_install_strings (object_class, properties, 1, ATLAS_CENTRE_N_FIELDS, field_names);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, properties[PROP_ID]);
}

static void
atlas_centre_init (AtlasCentre *self)
{
  for (guint i = 1; i < ATLAS_CENTRE_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
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
  g_return_val_if_fail (field > 0 && field < ATLAS_CENTRE_N_FIELDS, NULL);

  return self->fields[field];
}

void
atlas_centre_set_field (AtlasCentre      *self,
                      AtlasCentreField  field,
                      const char       *value)
{
  g_return_if_fail (ATLAS_IS_CENTRE (self));
  g_return_if_fail (field > 0 && field < ATLAS_CENTRE_N_FIELDS);

  atlas_record_set_string (G_OBJECT (self), &self->fields[field], value, properties[field]);
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

  return self->id;
}

void
atlas_centre_set_id (AtlasCentre *self,
                       gint64 value)
{
  g_return_if_fail (ATLAS_IS_CENTRE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
