/* atlas-contact.c: A person or office the press office keeps in touch with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-contact.h"
#include "atlas-text.h"
#include "atlas-validate.h"

struct _AtlasContact
{
  AtlasRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasContact, atlas_contact, ATLAS_TYPE_RECORD)

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

/* The whole numbers after the id, in this order. */
enum {
  NUMBER_CENTRE_ID,
};

static const char * const number_names[] = { "centre-id", NULL };

/* Derived from the name fields, for lists. */
enum {
  PROP_DISPLAY_NAME,
  PROP_SUMMARY,
  N_OWN_PROPS
};

static GParamSpec *own_properties[N_OWN_PROPS];
static guint first_own_prop;

static void
atlas_contact_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasContact *self = ATLAS_CONTACT (object);

  if (prop_id == first_own_prop + PROP_DISPLAY_NAME)
    g_value_take_string (value, atlas_contact_dup_display_name (self));
  else if (prop_id == first_own_prop + PROP_SUMMARY)
    g_value_take_string (value, atlas_contact_dup_summary (self));
  else
    G_OBJECT_CLASS (atlas_contact_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
atlas_contact_field_changed (AtlasRecord *record,
                             guint        field)
{
  if (field <= ATLAS_CONTACT_FAMILY_NAME || field == ATLAS_CONTACT_ORGANISATION)
    g_object_notify_by_pspec (G_OBJECT (record), own_properties[PROP_DISPLAY_NAME]);
  if (field == ATLAS_CONTACT_ROLE || field == ATLAS_CONTACT_ORGANISATION)
    g_object_notify_by_pspec (G_OBJECT (record), own_properties[PROP_SUMMARY]);
}

static void
atlas_contact_class_init (AtlasContactClass *klass)
{
  guint first_own = atlas_record_class_install (ATLAS_RECORD_CLASS (klass), ATLAS_CONTACT_N_FIELDS, field_names,
                                                number_names);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_contact_get_property;
  ATLAS_RECORD_CLASS (klass)->field_changed = atlas_contact_field_changed;

  first_own_prop = first_own;
  own_properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  own_properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_OWN_PROPS; i++)
    g_object_class_install_property (object_class, first_own + i, own_properties[i]);
}

static void
atlas_contact_init (AtlasContact *self)
{
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

  return atlas_record_get_field (ATLAS_RECORD (self), field);
}

void
atlas_contact_set_field (AtlasContact      *self,
                         AtlasContactField  field,
                         const char         *value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));

  atlas_record_set_field (ATLAS_RECORD (self), field, value);
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

  return atlas_record_get_id (ATLAS_RECORD (self));
}

void
atlas_contact_set_id (AtlasContact *self,
                     gint64       value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));

  atlas_record_set_id (ATLAS_RECORD (self), value);
}

gint64
atlas_contact_get_centre_id (AtlasContact *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (self), 0);

  return atlas_record_get_number (ATLAS_RECORD (self), NUMBER_CENTRE_ID);
}

void
atlas_contact_set_centre_id (AtlasContact *self,
                           gint64       value)
{
  g_return_if_fail (ATLAS_IS_CONTACT (self));

  atlas_record_set_number (ATLAS_RECORD (self), NUMBER_CENTRE_ID, value);
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
    if (*atlas_contact_get_field (self, f) != '\0')
      g_strv_builder_add (parts, atlas_contact_get_field (self, f));

  strv = g_strv_builder_end (parts);
  if (strv[0] == NULL || (strv[1] == NULL && *atlas_contact_get_field (self, ATLAS_CONTACT_HONORIFIC) != '\0'))
    return g_strdup (atlas_contact_get_field (self, ATLAS_CONTACT_ORGANISATION));

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
      const char *mine = atlas_contact_get_field (self, f);
      const char *theirs = atlas_contact_get_field (other, f);
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

      if (g_str_equal (merged, mine))
        continue;
      atlas_contact_set_field (self, f, merged);
      changed = TRUE;
    }

  if (atlas_contact_get_centre_id (self) == 0 && atlas_contact_get_centre_id (other) != 0)
    {
      atlas_contact_set_centre_id (self, atlas_contact_get_centre_id (other));
      atlas_contact_set_field (self, ATLAS_CONTACT_CENTRE_AGS,
                               atlas_contact_get_field (other, ATLAS_CONTACT_CENTRE_AGS));
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

  role = atlas_contact_get_field (self, ATLAS_CONTACT_ROLE);
  org = atlas_contact_get_field (self, ATLAS_CONTACT_ORGANISATION);
  name = atlas_contact_dup_display_name (self);

  /* The organisation already shown as the name is not repeated. */
  if (g_str_equal (name, org))
    org = "";
  if (*role != '\0' && *org != '\0')
    return g_strconcat (role, " · ", org, NULL);
  return g_strdup (*role != '\0' ? role : org);
}

/**
 * atlas_contact_dup_exact_key:
 *
 * Returns: (transfer full): the given and family name, organisation and
 *   e-mail addresses as typed: two contacts with the same key are one
 *   contact imported twice
 */
char *
atlas_contact_dup_exact_key (AtlasContact *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);

  return g_strjoin ("\x1f",
                    atlas_contact_get_field (self, ATLAS_CONTACT_GIVEN_NAME),
                    atlas_contact_get_field (self, ATLAS_CONTACT_FAMILY_NAME),
                    atlas_contact_get_field (self, ATLAS_CONTACT_ORGANISATION),
                    atlas_contact_get_field (self, ATLAS_CONTACT_EMAILS),
                    NULL);
}

/**
 * atlas_contact_dup_name_key:
 *
 * Returns: (transfer full) (nullable): "given family", folded (case and
 *   umlaut spellings ignored: "Jürgen Weiß" is "Juergen Weiss"); %NULL
 *   without a family name, which alone says nothing of the person
 */
char *
atlas_contact_dup_name_key (AtlasContact *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);

  if (*atlas_contact_get_field (self, ATLAS_CONTACT_FAMILY_NAME) == '\0')
    return NULL;
  name = g_strjoin (" ", atlas_contact_get_field (self, ATLAS_CONTACT_GIVEN_NAME),
                    atlas_contact_get_field (self, ATLAS_CONTACT_FAMILY_NAME), NULL);
  return atlas_text_fold_search (g_strstrip (name));
}

/**
 * atlas_contact_dup_email_keys:
 *
 * Returns: (transfer full): each e-mail address, case folded
 */
GStrv
atlas_contact_dup_email_keys (AtlasContact *self)
{
  g_auto(GStrv) emails = NULL;
  GStrv keys;
  guint n;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), NULL);

  emails = atlas_list_split (atlas_contact_get_field (self, ATLAS_CONTACT_EMAILS));
  n = g_strv_length (emails);
  keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    keys[i] = g_utf8_casefold (emails[i], -1);
  return keys;
}

/**
 * atlas_contact_same_person:
 *
 * Returns: whether @self and @other are likely the same person: the same
 *   name (see atlas_contact_dup_name_key()) or an e-mail address in common
 */
gboolean
atlas_contact_same_person (AtlasContact *self,
                           AtlasContact *other)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_auto(GStrv) my_emails = NULL;
  g_auto(GStrv) their_emails = NULL;

  g_return_val_if_fail (ATLAS_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CONTACT (other), FALSE);

  mine = atlas_contact_dup_name_key (self);
  theirs = atlas_contact_dup_name_key (other);
  if (mine != NULL && g_strcmp0 (mine, theirs) == 0)
    return TRUE;

  my_emails = atlas_contact_dup_email_keys (self);
  their_emails = atlas_contact_dup_email_keys (other);
  for (guint i = 0; my_emails[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) their_emails, my_emails[i]))
      return TRUE;
  return FALSE;
}
