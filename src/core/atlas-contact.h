/* atlas-contact.h: A person or office the press office keeps in touch with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-record.h"

G_BEGIN_DECLS

/* The text fields, numbered like the store's columns and the properties. */
typedef enum {
  ATLAS_CONTACT_HONORIFIC = 1,
  ATLAS_CONTACT_GIVEN_NAME,
  ATLAS_CONTACT_FAMILY_NAME,
  ATLAS_CONTACT_ROLE,
  ATLAS_CONTACT_ORGANISATION,
  ATLAS_CONTACT_CENTRE_AGS,
  ATLAS_CONTACT_PHONES,
  ATLAS_CONTACT_EMAILS,
  ATLAS_CONTACT_NOTES,
  ATLAS_CONTACT_TAGS,
  ATLAS_CONTACT_N_FIELDS
} AtlasContactField;

#define ATLAS_TYPE_CONTACT (atlas_contact_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContact, atlas_contact, ATLAS, CONTACT, AtlasRecord)

AtlasContact *atlas_contact_new (void);
const char *atlas_contact_get_field (AtlasContact *self, AtlasContactField field);
void atlas_contact_set_field (AtlasContact *self, AtlasContactField field, const char *value);
const char *atlas_contact_field_name (AtlasContactField field);
gint64 atlas_contact_get_id (AtlasContact *self);
void atlas_contact_set_id (AtlasContact *self, gint64 value);
gint64 atlas_contact_get_centre_id (AtlasContact *self);
void atlas_contact_set_centre_id (AtlasContact *self, gint64 value);
char *atlas_contact_dup_display_name (AtlasContact *self);
char *atlas_contact_dup_summary (AtlasContact *self);
gboolean atlas_contact_merge (AtlasContact *self, AtlasContact *other);

/* When two contacts are the same person: the one rule, used by the store's
 * duplicate warning, the vCard/CSV import and the exchange import. */
char *atlas_contact_dup_exact_key (AtlasContact *self);
char *atlas_contact_dup_name_key (AtlasContact *self);
GStrv atlas_contact_dup_email_keys (AtlasContact *self);
gboolean atlas_contact_same_person (AtlasContact *self, AtlasContact *other);

G_END_DECLS
