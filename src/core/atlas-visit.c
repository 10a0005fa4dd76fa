/* atlas-visit.c: A stop of the tour: a centre visited (or to be visited) on a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "atlas-record.h"
#include "atlas-visit.h"

struct _AtlasVisit
{
  GObject parent_instance;

  char *fields[ATLAS_VISIT_N_FIELDS];
  gint64 id;
  gint64 centre_id;
  gint64 release_id;
};

G_DEFINE_FINAL_TYPE (AtlasVisit, atlas_visit, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* 1 … ATLAS_VISIT_N_FIELDS - 1 are the text fields. */
  PROP_ID = ATLAS_VISIT_N_FIELDS,
  PROP_CENTRE_ID,
  PROP_RELEASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[ATLAS_VISIT_N_FIELDS] = {
  [ATLAS_VISIT_DATE] = "date",
  [ATLAS_VISIT_SORT_DATE] = "sort-date",
  [ATLAS_VISIT_AGS] = "ags",
  [ATLAS_VISIT_CENTRE_NAME] = "centre-name",
  [ATLAS_VISIT_TOUR] = "tour",
  [ATLAS_VISIT_VISITORS] = "visitors",
  [ATLAS_VISIT_STATUS] = "status",
  [ATLAS_VISIT_NOTES] = "notes",
};

static void
atlas_visit_finalize (GObject *object)
{
  AtlasVisit *self = (AtlasVisit *)object;

  atlas_record_free_strings (self->fields, ATLAS_VISIT_N_FIELDS);

  G_OBJECT_CLASS (atlas_visit_parent_class)->finalize (object);
}

static void
atlas_visit_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasVisit *self = ATLAS_VISIT (object);

  if (prop_id > 0 && prop_id < ATLAS_VISIT_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CENTRE_ID:
      g_value_set_int64 (value, self->centre_id);
      break;

    case PROP_RELEASE_ID:
      g_value_set_int64 (value, self->release_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_visit_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasVisit *self = ATLAS_VISIT (object);

  if (prop_id > 0 && prop_id < ATLAS_VISIT_N_FIELDS)
    {
      atlas_visit_set_field (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      atlas_visit_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CENTRE_ID:
      atlas_visit_set_centre_id (self, g_value_get_int64 (value));
      break;

    case PROP_RELEASE_ID:
      atlas_visit_set_release_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_visit_class_init (AtlasVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_visit_finalize;
  object_class->get_property = atlas_visit_get_property;
  object_class->set_property = atlas_visit_set_property;

  atlas_record_install_strings (object_class, properties, 1, ATLAS_VISIT_N_FIELDS, field_names);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, properties[PROP_ID]);
  properties[PROP_CENTRE_ID] =
    g_param_spec_int64 ("centre-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_CENTRE_ID, properties[PROP_CENTRE_ID]);
  properties[PROP_RELEASE_ID] =
    g_param_spec_int64 ("release-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_RELEASE_ID, properties[PROP_RELEASE_ID]);
}

static void
atlas_visit_init (AtlasVisit *self)
{
  for (guint i = 1; i < ATLAS_VISIT_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
}

AtlasVisit *
atlas_visit_new (void)
{
  return g_object_new (ATLAS_TYPE_VISIT, NULL);
}

/**
 * atlas_visit_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_visit_get_field (AtlasVisit      *self,
                     AtlasVisitField  field)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), NULL);
  g_return_val_if_fail (field > 0 && field < ATLAS_VISIT_N_FIELDS, NULL);

  return self->fields[field];
}

void
atlas_visit_set_field (AtlasVisit      *self,
                     AtlasVisitField  field,
                     const char      *value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));
  g_return_if_fail (field > 0 && field < ATLAS_VISIT_N_FIELDS);

  atlas_record_set_string (G_OBJECT (self), &self->fields[field], value, properties[field]);
}

/**
 * atlas_visit_field_name:
 *
 * Returns: the property name of @field, which is also its export name
 */
const char *
atlas_visit_field_name (AtlasVisitField field)
{
  g_return_val_if_fail (field > 0 && field < ATLAS_VISIT_N_FIELDS, NULL);

  return field_names[field];
}

gint64
atlas_visit_get_id (AtlasVisit *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), 0);

  return self->id;
}

void
atlas_visit_set_id (AtlasVisit *self,
                      gint64 value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
atlas_visit_get_centre_id (AtlasVisit *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), 0);

  return self->centre_id;
}

void
atlas_visit_set_centre_id (AtlasVisit *self,
                             gint64 value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  if (self->centre_id == value)
    return;

  self->centre_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRE_ID]);
}

gint64
atlas_visit_get_release_id (AtlasVisit *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), 0);

  return self->release_id;
}

void
atlas_visit_set_release_id (AtlasVisit *self,
                              gint64 value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  if (self->release_id == value)
    return;

  self->release_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_ID]);
}
