/* atlas-contact.c: A person or office the press office keeps in touch with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-record.h"
#include "atlas-contact.h"
#include "atlas-validate.h"

struct _AtlasContact
{
  GObject parent_instance;

  char *fields[ATLAS_CONTACT_N_FIELDS];
  gint64 id;
  gint64 centre_id;
};

G_DEFINE_FINAL_TYPE (AtlasContact, atlas_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* 1 … ATLAS_CONTACT_N_FIELDS - 1 are the text fields. */
  PROP_ID = ATLAS_CONTACT_N_FIELDS,
  PROP_CENTRE_ID,
  PROP_DISPLAY_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[ATLAS_CONTACT_N_FIELDS] = {
  [ATLAS_CONTACT_HONORIFIC] = "honorific",
  [ATLAS_CONTACT_GIVEN_NAME] = "given-name",
  [ATLAS_CONTACT_FAMILY_NAME] = "family-name",
  [ATLAS_CONTACT_ROLE] = "role",
  [ATLAS_CONTACT_ORGANISATION] = "organisation",
  [ATLAS_CONTACT_CENTRE_AGS] = "centre-ags",
  [ATLAS_CONTACT_PHONES] = "phones",
  [ATLAS_CONTACT_EMAILS] = "emails",
  [ATLAS_CONTACT_NOTES] = "notes",
  [ATLAS_CONTACT_TAGS] = "tags",
};

static void
atlas_contact_finalize (GObject *object)
{
  AtlasContact *self = (AtlasContact *)object;

  atlas_record_free_strings (self->fields, ATLAS_CONTACT_N_FIELDS);

  G_OBJECT_CLASS (atlas_contact_parent_class)->finalize (object);
}

static void
atlas_contact_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasContact *self = ATLAS_CONTACT (object);

  if (prop_id > 0 && prop_id < ATLAS_CONTACT_N_FIELDS)
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

    case PROP_DISPLAY_NAME:
      g_value_take_string (value, atlas_contact_dup_display_name (self));
      break;

    case PROP_SUMMARY:
      g_value_take_string (value, atlas_contact_dup_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_contact_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasContact *self = ATLAS_CONTACT (object);

  if (prop_id > 0 && prop_id < ATLAS_CONTACT_N_FIELDS)
    {
      atlas_contact_set_field (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      atlas_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CENTRE_ID:
      atlas_contact_set_centre_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_contact_class_init (AtlasContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_contact_finalize;
  object_class->get_property = atlas_contact_get_property;
  object_class->set_property = atlas_contact_set_property;

  atlas_record_install_strings (object_class, properties, 1, ATLAS_CONTACT_N_FIELDS, field_names);

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
  /* For lists: the name as it is shown, and the role and organisation. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_DISPLAY_NAME, properties[PROP_DISPLAY_NAME]);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_SUMMARY, properties[PROP_SUMMARY]);
}

static void
atlas_contact_init (AtlasContact *self)
{
  for (guint i = 1; i < ATLAS_CONTACT_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
}

AtlasContact *
atlas_contact_new (void)
{
  return g_object_new (ATLAS_TYPE_CONTACT, NULL);
}

/**
 * atlas_contact_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_contact_get_field (AtlasContact      *self,
                       AtlasContactField  field)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);
  g_return_val_if_fail (field > 0 && field < ATLAS_CONTACT_N_FIELDS, NULL);

  return self->fields[field];
}

void
atlas_contact_set_field (AtlasContact      *self,
                       AtlasContactField  field,
                       const char        *value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));
  g_return_if_fail (field > 0 && field < ATLAS_CONTACT_N_FIELDS);

  if (!atlas_record_set_string (G_OBJECT (self), &self->fields[field], value, properties[field]))
    return;

  if (field <= ATLAS_CONTACT_FAMILY_NAME || field == ATLAS_CONTACT_ORGANISATION)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  if (field == ATLAS_CONTACT_ROLE || field == ATLAS_CONTACT_ORGANISATION)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * atlas_contact_field_name:
 *
 * Returns: the property name of @field, which is also its export name
 */
const char *
atlas_contact_field_name (AtlasContactField field)
{
  g_return_val_if_fail (field > 0 && field < ATLAS_CONTACT_N_FIELDS, NULL);

  return field_names[field];
}

gint64
atlas_contact_get_id (AtlasContact *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (self), 0);

  return self->id;
}

void
atlas_contact_set_id (AtlasContact *self,
                        gint64 value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
atlas_contact_get_centre_id (AtlasContact *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (self), 0);

  return self->centre_id;
}

void
atlas_contact_set_centre_id (AtlasContact *self,
                               gint64 value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));

  if (self->centre_id == value)
    return;

  self->centre_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTRE_ID]);
}

/**
 * atlas_contact_dup_display_name:
 *
 * Returns: (transfer full): «Dr. Erika Mustermann», or the organisation
 *   for a contact without a name
 */
char *
atlas_contact_dup_display_name (AtlasContact *self)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);

  for (AtlasContactField f = ATLAS_CONTACT_HONORIFIC; f <= ATLAS_CONTACT_FAMILY_NAME; f++)
    if (*self->fields[f] != '\0')
      g_strv_builder_add (parts, self->fields[f]);

  strv = g_strv_builder_end (parts);
  if (strv[0] == NULL || (strv[1] == NULL && *self->fields[ATLAS_CONTACT_HONORIFIC] != '\0'))
    return g_strdup (self->fields[ATLAS_CONTACT_ORGANISATION]);

  return g_strjoinv (" ", strv);
}

static gboolean
is_list_field (AtlasContactField field)
{
  return field == ATLAS_CONTACT_PHONES || field == ATLAS_CONTACT_EMAILS ||
         field == ATLAS_CONTACT_TAGS;
}

/**
 * atlas_contact_merge:
 * @self: the contact that stays
 * @other: the contact merged into it
 *
 * Fills @self's empty fields from @other, adds @other's phones, e-mails
 * and tags that @self lacks, and appends @other's notes when they differ.
 *
 * Returns: %TRUE when @self changed
 */
gboolean
atlas_contact_merge (AtlasContact *self,
                     AtlasContact *other)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CONTACT (other), FALSE);

  for (AtlasContactField f = 1; f < ATLAS_CONTACT_N_FIELDS; f++)
    {
      const char *mine = self->fields[f];
      const char *theirs = other->fields[f];
      g_autofree char *merged = NULL;

      if (*theirs == '\0' || g_str_equal (mine, theirs) || f == ATLAS_CONTACT_CENTRE_AGS)
        continue;

      if (is_list_field (f))
        merged = atlas_list_union (mine, theirs);
      else if (*mine == '\0')
        merged = g_strdup (theirs);
      else if (f == ATLAS_CONTACT_NOTES && strstr (mine, theirs) == NULL)
        merged = g_strconcat (mine, "\n\n", theirs, NULL);
      else
        continue;

      changed |= atlas_record_set_string (G_OBJECT (self), &self->fields[f], merged,
                                          properties[f]);
    }

  if (self->centre_id == 0 && other->centre_id != 0)
    {
      atlas_contact_set_centre_id (self, other->centre_id);
      atlas_contact_set_field (self, ATLAS_CONTACT_CENTRE_AGS,
                               other->fields[ATLAS_CONTACT_CENTRE_AGS]);
      changed = TRUE;
    }

  return changed;
}

/**
 * atlas_contact_dup_summary:
 *
 * Returns: (transfer full): «Leitung · Stadt Köln», what the contact does
 */
char *
atlas_contact_dup_summary (AtlasContact *self)
{
  const char *role, *org;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);

  role = self->fields[ATLAS_CONTACT_ROLE];
  org = self->fields[ATLAS_CONTACT_ORGANISATION];
  name = atlas_contact_dup_display_name (self);

  /* The organisation already shown as the name is not repeated. */
  if (g_str_equal (name, org))
    org = "";
  if (*role != '\0' && *org != '\0')
    return g_strconcat (role, " · ", org, NULL);
  return g_strdup (*role != '\0' ? role : org);
}
