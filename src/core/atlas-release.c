/* atlas-release.c: A press release imported from a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-release.h"

struct _AtlasRelease
{
  AtlasRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasRelease, atlas_release, ATLAS_TYPE_RECORD)

static const char * const field_names[ATLAS_RELEASE_N_FIELDS] = {
  [ATLAS_RELEASE_GUID] = "guid",
  [ATLAS_RELEASE_LINK] = "link",
  [ATLAS_RELEASE_TITLE] = "title",
  [ATLAS_RELEASE_BODY] = "body",
  [ATLAS_RELEASE_SOURCE] = "source",
  [ATLAS_RELEASE_AUTHOR] = "author",
  [ATLAS_RELEASE_FORMAT] = "format",
  [ATLAS_RELEASE_CENTRES] = "centres",
  [ATLAS_RELEASE_CONTENT_HASH] = "content-hash",
};

/* The whole numbers after the id, in this order. */
enum {
  NUMBER_PUBLISHED,
  NUMBER_UPDATED,
  NUMBER_VERSION,
};

static const char * const number_names[] = { "published", "updated", "version", NULL };

static void
atlas_release_class_init (AtlasReleaseClass *klass)
{
  guint first_own = atlas_record_class_install (ATLAS_RECORD_CLASS (klass), ATLAS_RELEASE_N_FIELDS, field_names,
                                                number_names);
  (void) first_own;
}

static void
atlas_release_init (AtlasRelease *self)
{
}

AtlasRelease *
atlas_release_new (void)
{
  return g_object_new (ATLAS_TYPE_RELEASE, NULL);
}

/**
 * atlas_release_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_release_get_field (AtlasRelease      *self,
                         AtlasReleaseField  field)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), NULL);

  return atlas_record_get_field (ATLAS_RECORD (self), field);
}

void
atlas_release_set_field (AtlasRelease      *self,
                         AtlasReleaseField  field,
                         const char         *value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  atlas_record_set_field (ATLAS_RECORD (self), field, value);
}

/**
 * atlas_release_field_name:
 *
 * Returns: the property name of @field, which is also its export name
 */
const char *
atlas_release_field_name (AtlasReleaseField field)
{
  g_return_val_if_fail (field > 0 && field < ATLAS_RELEASE_N_FIELDS, NULL);

  return field_names[field];
}

gint64
atlas_release_get_id (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return atlas_record_get_id (ATLAS_RECORD (self));
}

void
atlas_release_set_id (AtlasRelease *self,
                     gint64       value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  atlas_record_set_id (ATLAS_RECORD (self), value);
}

gint64
atlas_release_get_published (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_PUBLISHED);
}

void
atlas_release_set_published (AtlasRelease *self,
                           gint64       value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_PUBLISHED, value);
}

gint64
atlas_release_get_updated (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_UPDATED);
}

void
atlas_release_set_updated (AtlasRelease *self,
                         gint64       value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_UPDATED, value);
}

gint64
atlas_release_get_version (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_VERSION);
}

void
atlas_release_set_version (AtlasRelease *self,
                         gint64       value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_VERSION, value);
}

/**
 * atlas_release_format_published:
 *
 * Returns: (transfer full): the day the release was published, as German
 *   readers write it (31.12.2018), in German time; empty when unknown
 */
char *
atlas_release_format_published (AtlasRelease *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (ATLAS_IS_RELEASE (self), NULL);

  utc = g_date_time_new_from_unix_utc (atlas_release_get_published (self));
  if (utc == NULL)
    return g_strdup ("");
  local = berlin ? g_date_time_to_timezone (utc, berlin) : g_date_time_ref (utc);
  return g_date_time_format (local, "%d.%m.%Y");
}
