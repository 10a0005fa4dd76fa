/* atlas-record.c: the base class of the model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-record.h"

/* Property ids: the text fields 1 … n_fields - 1, then "id" (n_fields),
 * then the whole numbers; a subclass's own ones after those. */
typedef struct
{
  char **fields;     /* n_fields, [0] unused; NULL until first written */
  gint64 *numbers;   /* n_numbers */
  gint64 id;
} AtlasRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasRecord, atlas_record, G_TYPE_OBJECT)

/* The storage, made on first use: the subclass's table is known only
 * once the instance has its final class. */
static AtlasRecordPrivate *
get_private (AtlasRecord *self)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (self);
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (self);

  if (priv->fields == NULL)
    {
      priv->fields = g_new0 (char *, klass->n_fields);
      priv->numbers = g_new0 (gint64, klass->n_numbers + 1);
    }
  return priv;
}

static void
atlas_record_finalize (GObject *object)
{
  AtlasRecordPrivate *priv = atlas_record_get_instance_private (ATLAS_RECORD (object));

  if (priv->fields != NULL)
    for (guint i = 0; i < ATLAS_RECORD_GET_CLASS (object)->n_fields; i++)
      g_free (priv->fields[i]);
  g_free (priv->fields);
  g_free (priv->numbers);

  G_OBJECT_CLASS (atlas_record_parent_class)->finalize (object);
}

static void
atlas_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasRecord *self = ATLAS_RECORD (object);
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (self);

  if (prop_id > 0 && prop_id < klass->n_fields)
    g_value_set_string (value, atlas_record_get_field (self, prop_id));
  else if (prop_id == klass->n_fields)
    g_value_set_int64 (value, atlas_record_get_id (self));
  else if (prop_id > klass->n_fields && prop_id <= klass->n_fields + klass->n_numbers)
    g_value_set_int64 (value, atlas_record_get_number (self, prop_id - klass->n_fields - 1));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
atlas_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasRecord *self = ATLAS_RECORD (object);
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (self);

  if (prop_id > 0 && prop_id < klass->n_fields)
    atlas_record_set_field (self, prop_id, g_value_get_string (value));
  else if (prop_id == klass->n_fields)
    atlas_record_set_id (self, g_value_get_int64 (value));
  else if (prop_id > klass->n_fields && prop_id <= klass->n_fields + klass->n_numbers)
    atlas_record_set_number (self, prop_id - klass->n_fields - 1, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
atlas_record_class_init (AtlasRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_record_finalize;
  object_class->get_property = atlas_record_get_property;
  object_class->set_property = atlas_record_set_property;
}

static void
atlas_record_init (AtlasRecord *self)
{
}

static GParamSpec *
int64_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/**
 * atlas_record_class_install:
 * @n_fields: one more than the last text field (they start at 1)
 * @field_names: the fields' names, indexed by field; also their export names
 * @number_names: (nullable): %NULL-terminated names of the whole numbers
 *
 * Installs a string property per text field (never %NULL: an unknown
 * value is "", as in the catalogue), "id", and an int64 property per
 * number. Call it from a subclass's class_init; @field_names and
 * @number_names must outlive the class (static arrays).
 *
 * Returns: the first property id free for the subclass's own properties
 */
guint
atlas_record_class_install (AtlasRecordClass   *klass,
                            guint               n_fields,
                            const char * const *field_names,
                            const char * const *number_names)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n_numbers = number_names ? g_strv_length ((char **) number_names) : 0;
  guint n_props = n_fields + 1 + n_numbers;

  /* GObject gives each class its own accessors (not inherited): the
   * record's, which a subclass with properties of its own wraps. */
  object_class->get_property = atlas_record_get_property;
  object_class->set_property = atlas_record_set_property;

  klass->n_fields = n_fields;
  klass->field_names = field_names;
  klass->n_numbers = n_numbers;
  klass->pspecs = g_new0 (GParamSpec *, n_props);

  for (guint i = 1; i < n_fields; i++)
    klass->pspecs[i] = g_param_spec_string (field_names[i], NULL, NULL, "",
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  klass->pspecs[n_fields] = int64_pspec ("id");
  for (guint i = 0; i < n_numbers; i++)
    klass->pspecs[n_fields + 1 + i] = int64_pspec (number_names[i]);
  for (guint i = 1; i < n_props; i++)
    g_object_class_install_property (object_class, i, klass->pspecs[i]);

  return n_props;
}

/**
 * atlas_record_get_field:
 *
 * Returns: (transfer none) (not nullable): the field's text, "" when unknown
 */
const char *
atlas_record_get_field (AtlasRecord *self,
                        guint        field)
{
  AtlasRecordPrivate *priv;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field > 0 && field < ATLAS_RECORD_GET_CLASS (self)->n_fields, NULL);

  priv = get_private (self);
  return priv->fields[field] != NULL ? priv->fields[field] : "";
}

/* Notifies when the value changed; NULL is "". */
void
atlas_record_set_field (AtlasRecord *self,
                        guint        field,
                        const char  *value)
{
  AtlasRecordClass *klass;
  AtlasRecordPrivate *priv;

  g_return_if_fail (ATLAS_IS_RECORD (self));
  klass = ATLAS_RECORD_GET_CLASS (self);
  g_return_if_fail (field > 0 && field < klass->n_fields);

  priv = get_private (self);
  if (g_strcmp0 (priv->fields[field] != NULL ? priv->fields[field] : "", value != NULL ? value : "") == 0)
    return;

  g_free (priv->fields[field]);
  priv->fields[field] = g_strdup (value != NULL ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[field]);
  if (klass->field_changed != NULL)
    klass->field_changed (self, field);
}

guint
atlas_record_get_n_fields (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);

  return ATLAS_RECORD_GET_CLASS (self)->n_fields;
}

/* The field's property name, which is also its export name. */
const char *
atlas_record_get_field_name (AtlasRecord *self,
                             guint        field)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field > 0 && field < ATLAS_RECORD_GET_CLASS (self)->n_fields, NULL);

  return ATLAS_RECORD_GET_CLASS (self)->field_names[field];
}

guint
atlas_record_get_n_numbers (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);

  return ATLAS_RECORD_GET_CLASS (self)->n_numbers;
}

gint64
atlas_record_get_id (AtlasRecord *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);

  return get_private (self)->id;
}

void
atlas_record_set_id (AtlasRecord *self,
                     gint64       id)
{
  AtlasRecordPrivate *priv;

  g_return_if_fail (ATLAS_IS_RECORD (self));

  priv = get_private (self);
  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), ATLAS_RECORD_GET_CLASS (self)->pspecs[ATLAS_RECORD_GET_CLASS (self)->n_fields]);
}

gint64
atlas_record_get_number (AtlasRecord *self,
                         guint        number)
{
  g_return_val_if_fail (ATLAS_IS_RECORD (self), 0);
  g_return_val_if_fail (number < ATLAS_RECORD_GET_CLASS (self)->n_numbers, 0);

  return get_private (self)->numbers[number];
}

void
atlas_record_set_number (AtlasRecord *self,
                         guint        number,
                         gint64       value)
{
  AtlasRecordClass *klass;
  AtlasRecordPrivate *priv;

  g_return_if_fail (ATLAS_IS_RECORD (self));
  klass = ATLAS_RECORD_GET_CLASS (self);
  g_return_if_fail (number < klass->n_numbers);

  priv = get_private (self);
  if (priv->numbers[number] == value)
    return;
  priv->numbers[number] = value;
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[klass->n_fields + 1 + number]);
}

/* The pspec of one of the properties the class installed, for notifying. */
GParamSpec *
atlas_record_get_pspec (AtlasRecord *self,
                        guint        prop_id)
{
  AtlasRecordClass *klass;

  g_return_val_if_fail (ATLAS_IS_RECORD (self), NULL);
  klass = ATLAS_RECORD_GET_CLASS (self);
  g_return_val_if_fail (prop_id > 0 && prop_id <= klass->n_fields + klass->n_numbers, NULL);

  return klass->pspecs[prop_id];
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
