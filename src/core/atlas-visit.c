/* atlas-visit.c: A stop of the tour: a centre visited (or to be visited) on a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-visit.h"

struct _AtlasVisit
{
  AtlasRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasVisit, atlas_visit, ATLAS_TYPE_RECORD)

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

/* The whole numbers after the id, in this order. */
enum {
  NUMBER_CENTRE_ID,
  NUMBER_RELEASE_ID,
};

static const char * const number_names[] = { "centre-id", "release-id", NULL };

static void
atlas_visit_class_init (AtlasVisitClass *klass)
{
  guint first_own = atlas_record_class_install (ATLAS_RECORD_CLASS (klass), ATLAS_VISIT_N_FIELDS, field_names,
                                                number_names);
  (void) first_own;
}

static void
atlas_visit_init (AtlasVisit *self)
{
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

  return atlas_record_get_field (ATLAS_RECORD (self), field);
}

void
atlas_visit_set_field (AtlasVisit      *self,
                       AtlasVisitField  field,
                       const char       *value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  atlas_record_set_field (ATLAS_RECORD (self), field, value);
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

  return atlas_record_get_id (ATLAS_RECORD (self));
}

void
atlas_visit_set_id (AtlasVisit *self,
                   gint64     value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  atlas_record_set_id (ATLAS_RECORD (self), value);
}

gint64
atlas_visit_get_centre_id (AtlasVisit *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_CENTRE_ID);
}

void
atlas_visit_set_centre_id (AtlasVisit *self,
                         gint64     value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_CENTRE_ID, value);
}

gint64
atlas_visit_get_release_id (AtlasVisit *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_RELEASE_ID);
}

void
atlas_visit_set_release_id (AtlasVisit *self,
                          gint64     value)
{
  g_return_if_fail (ATLAS_IS_VISIT (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_RELEASE_ID, value);
}
