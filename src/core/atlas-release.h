/* atlas-release.h: A press release imported from a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-record.h"

G_BEGIN_DECLS

/* The text fields, numbered like the store's columns and the properties. */
typedef enum {
  ATLAS_RELEASE_GUID = 1,
  ATLAS_RELEASE_LINK,
  ATLAS_RELEASE_TITLE,
  ATLAS_RELEASE_BODY,
  ATLAS_RELEASE_SOURCE,
  ATLAS_RELEASE_AUTHOR,
  ATLAS_RELEASE_FORMAT,
  ATLAS_RELEASE_CENTRES,
  ATLAS_RELEASE_CONTENT_HASH,
  ATLAS_RELEASE_N_FIELDS
} AtlasReleaseField;

#define ATLAS_TYPE_RELEASE (atlas_release_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRelease, atlas_release, ATLAS, RELEASE, AtlasRecord)

AtlasRelease *atlas_release_new (void);
const char *atlas_release_get_field (AtlasRelease *self, AtlasReleaseField field);
void atlas_release_set_field (AtlasRelease *self, AtlasReleaseField field, const char *value);
const char *atlas_release_field_name (AtlasReleaseField field);
gint64 atlas_release_get_id (AtlasRelease *self);
void atlas_release_set_id (AtlasRelease *self, gint64 value);
gint64 atlas_release_get_published (AtlasRelease *self);
void atlas_release_set_published (AtlasRelease *self, gint64 value);
gint64 atlas_release_get_updated (AtlasRelease *self);
void atlas_release_set_updated (AtlasRelease *self, gint64 value);
gint64 atlas_release_get_version (AtlasRelease *self);
void atlas_release_set_version (AtlasRelease *self, gint64 value);
char *atlas_release_format_published (AtlasRelease *self);

G_END_DECLS
