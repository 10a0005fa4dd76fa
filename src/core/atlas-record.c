/* atlas-record.c: helpers shared by the model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-record.h"

/* Installs one string property per name in [first, last). Fields are never
 * NULL: an unknown value is the empty string, as in the database. */
void
atlas_record_install_strings (GObjectClass       *klass,
                              GParamSpec        **pspecs,
                              guint               first,
                              guint               last,
                              const char * const *names)
{
  for (guint i = first; i < last; i++)
    {
      pspecs[i] = g_param_spec_string (names[i], NULL, NULL, "",
                                       G_PARAM_READWRITE |
                                       G_PARAM_EXPLICIT_NOTIFY |
                                       G_PARAM_STATIC_STRINGS);
      g_object_class_install_property (klass, i, pspecs[i]);
    }
}

/* Returns TRUE and notifies when the value changed. */
gboolean
atlas_record_set_string (GObject     *object,
                         char       **slot,
                         const char  *value,
                         GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);

  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

void
atlas_record_free_strings (char  **slots,
                           guint   n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&slots[i], g_free);
}

/**
 * atlas_record_copy:
 *
 * Returns: (transfer full): a new object of @object's type with the same
 *   value in every property, for snapshots that later edits cannot touch
 */
GObject *
atlas_record_copy (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;
  GObject *copy;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  copy = g_object_new (G_OBJECT_TYPE (object), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }

  return copy;
}
