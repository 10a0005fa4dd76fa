/* atlas-record.h: the base class of the model objects
 *
 * A record (centre, contact, press release, visit, district) is a table
 * of fields: text fields numbered 1 … n - 1 like the store's columns and
 * the exports, an id, and whole numbers (a visit's centre, a release's
 * dates). A subclass names them once, in its class_init, with
 * atlas_record_class_install(); properties, accessors, notification,
 * copies and the store's loading all walk that one table. A subclass adds
 * only what is its own (a contact's display name, a district's area).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD (atlas_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasRecord, atlas_record, ATLAS, RECORD, GObject)

struct _AtlasRecordClass
{
  GObjectClass parent_class;

  /* After text field @field changed (and was notified): for properties
   * that derive from it. */
  void (*field_changed) (AtlasRecord *self,
                         guint        field);

  /*< private >*/
  guint n_fields;
  const char * const *field_names;
  guint n_numbers;
  GParamSpec **pspecs;
  gpointer padding[4];
};

guint        atlas_record_class_install   (AtlasRecordClass   *klass,
                                           guint               n_fields,
                                           const char * const *field_names,
                                           const char * const *number_names);

const char  *atlas_record_get_field       (AtlasRecord        *self,
                                           guint               field);
void         atlas_record_set_field       (AtlasRecord        *self,
                                           guint               field,
                                           const char         *value);
guint        atlas_record_get_n_fields    (AtlasRecord        *self);
const char  *atlas_record_get_field_name  (AtlasRecord        *self,
                                           guint               field);
guint        atlas_record_get_n_numbers   (AtlasRecord        *self);
gint64       atlas_record_get_id          (AtlasRecord        *self);
void         atlas_record_set_id          (AtlasRecord        *self,
                                           gint64              id);
gint64       atlas_record_get_number      (AtlasRecord        *self,
                                           guint               number);
void         atlas_record_set_number      (AtlasRecord        *self,
                                           guint               number,
                                           gint64              value);
GParamSpec  *atlas_record_get_pspec       (AtlasRecord        *self,
                                           guint               prop_id);

GObject     *atlas_record_copy            (GObject            *object);

G_END_DECLS
