/* atlas-release.c: A press release imported from a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-record.h"
#include "atlas-release.h"

struct _AtlasRelease
{
  GObject parent_instance;

  char *fields[ATLAS_RELEASE_N_FIELDS];
  gint64 id;
  gint64 published;
  gint64 updated;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (AtlasRelease, atlas_release, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* 1 … ATLAS_RELEASE_N_FIELDS - 1 are the text fields. */
  PROP_ID = ATLAS_RELEASE_N_FIELDS,
  PROP_PUBLISHED,
  PROP_UPDATED,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
atlas_release_finalize (GObject *object)
{
  AtlasRelease *self = (AtlasRelease *)object;

  atlas_record_free_strings (self->fields, ATLAS_RELEASE_N_FIELDS);

  G_OBJECT_CLASS (atlas_release_parent_class)->finalize (object);
}

static void
atlas_release_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasRelease *self = ATLAS_RELEASE (object);

  if (prop_id > 0 && prop_id < ATLAS_RELEASE_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PUBLISHED:
      g_value_set_int64 (value, self->published);
      break;

    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_release_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasRelease *self = ATLAS_RELEASE (object);

  if (prop_id > 0 && prop_id < ATLAS_RELEASE_N_FIELDS)
    {
      atlas_release_set_field (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      atlas_release_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLISHED:
      atlas_release_set_published (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED:
      atlas_release_set_updated (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      atlas_release_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_release_class_init (AtlasReleaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_release_finalize;
  object_class->get_property = atlas_release_get_property;
  object_class->set_property = atlas_release_set_property;

  atlas_record_install_strings (object_class, properties, 1, ATLAS_RELEASE_N_FIELDS, field_names);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, properties[PROP_ID]);
  properties[PROP_PUBLISHED] =
    g_param_spec_int64 ("published", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_PUBLISHED, properties[PROP_PUBLISHED]);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_UPDATED, properties[PROP_UPDATED]);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_VERSION, properties[PROP_VERSION]);
}

static void
atlas_release_init (AtlasRelease *self)
{
  for (guint i = 1; i < ATLAS_RELEASE_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
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
  g_return_val_if_fail (field > 0 && field < ATLAS_RELEASE_N_FIELDS, NULL);

  return self->fields[field];
}

void
atlas_release_set_field (AtlasRelease      *self,
                       AtlasReleaseField  field,
                       const char        *value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));
  g_return_if_fail (field > 0 && field < ATLAS_RELEASE_N_FIELDS);

  atlas_record_set_string (G_OBJECT (self), &self->fields[field], value, properties[field]);
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

  return self->id;
}

void
atlas_release_set_id (AtlasRelease *self,
                        gint64 value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
atlas_release_get_published (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return self->published;
}

void
atlas_release_set_published (AtlasRelease *self,
                               gint64 value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  if (self->published == value)
    return;

  self->published = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

gint64
atlas_release_get_updated (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return self->updated;
}

void
atlas_release_set_updated (AtlasRelease *self,
                             gint64 value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  if (self->updated == value)
    return;

  self->updated = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

gint64
atlas_release_get_version (AtlasRelease *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASE (self), 0);

  return self->version;
}

void
atlas_release_set_version (AtlasRelease *self,
                             gint64 value)
{
  g_return_if_fail (ATLAS_IS_RELEASE (self));

  if (self->version == value)
    return;

  self->version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
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
