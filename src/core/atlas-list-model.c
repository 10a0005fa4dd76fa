/* atlas-list-model.c: a GListModel over a store query that loads rows lazily
 *
 * The model holds only the ids of the rows its query matches; a row's
 * object is loaded from the store the first time a view asks for it. So a
 * list of 300,000 press releases costs one id query, not 300,000 objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-list-model.h"

struct _AtlasListModel
{
  GObject parent_instance;

  AtlasStore *store;
  AtlasRecordKind kind;
  char *filter;
  AtlasQueryScope scope;

  GArray *ids;       /* gint64 per position */
  GPtrArray *items;  /* GObject or NULL (not loaded yet) per position */
  gulong changed_id;
};

static void atlas_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasListModel, atlas_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atlas_list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions not loaded yet hold NULL. */
static void
unref_if_loaded (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* Whether two records of one kind have the same fields. */
static gboolean
records_equal (GObject *a,
               GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Requeries the ids and tells views only about the range that differs, so
 * an edit of one row does not reset scrolling or selection. */
static void
refresh (AtlasListModel *self,
         gint64          changed_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint old_n = self->ids->len;
  guint new_n, prefix = 0, suffix = 0;

  ids = atlas_store_query_ids_scoped (self->store, self->kind, self->filter, &self->scope, &error);
  if (ids == NULL)
    {
      g_warning ("Could not refresh a list: %s", error->message);
      return;
    }
  new_n = ids->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (self->ids, gint64, old_n - 1 - suffix) ==
         g_array_index (ids, gint64, new_n - 1 - suffix))
    suffix++;

  items = g_ptr_array_new_full (new_n, unref_if_loaded);
  g_ptr_array_set_size (items, new_n);
  for (guint i = 0; i < prefix; i++)
    items->pdata[i] = g_steal_pointer (&self->items->pdata[i]);
  for (guint i = 0; i < suffix; i++)
    items->pdata[new_n - 1 - i] = g_steal_pointer (&self->items->pdata[old_n - 1 - i]);

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);

  /* Several records changed (an import through its own connection
   * updated some): the rows loaded so far that stayed in place are read
   * again, and those that differ announced (they showed the old text
   * until the view was switched, a walk found). */
  if (changed_id == 0)
    {
      for (guint i = 0; i < self->ids->len; i++)
        {
          g_autoptr(GObject) fresh = NULL;

          if ((i >= prefix && i < new_n - suffix) || self->items->pdata[i] == NULL)
            continue;
          fresh = atlas_store_load (self->store, self->kind, g_array_index (self->ids, gint64, i), NULL);
          if (fresh == NULL || records_equal (self->items->pdata[i], fresh))
            continue;
          g_object_unref (self->items->pdata[i]);
          self->items->pdata[i] = g_steal_pointer (&fresh);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        }
    }

  /* A row whose content changed in place is reloaded and announced. */
  if (changed_id > 0)
    {
      for (guint i = 0; i < self->ids->len; i++)
        {
          if (g_array_index (self->ids, gint64, i) != changed_id)
            continue;
          if ((i < prefix || i >= new_n - suffix) && self->items->pdata[i] != NULL)
            {
              g_clear_object (&self->items->pdata[i]);
              g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
            }
          break;
        }
    }
}

static void
store_changed_cb (AtlasListModel *self,
                  guint           kind,
                  gint64          id,
                  AtlasStore     *store)
{
  /* Visits and releases show centre names, so a centre's edit concerns
   * them too. */
  if (kind == self->kind ||
      (kind == ATLAS_RECORD_CENTRE && self->kind != ATLAS_RECORD_DISTRICT))
    refresh (self, kind == self->kind ? id : 0);
}

static GType
atlas_list_model_get_item_type (GListModel *model)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (model);

  return atlas_record_kind_item_type (self->kind);
}

static guint
atlas_list_model_get_n_items (GListModel *model)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (model);

  return self->ids->len;
}

static gpointer
atlas_list_model_get_item (GListModel *model,
                           guint       position)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  GObject *item;

  if (position >= self->ids->len)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = atlas_store_load (self->store, self->kind,
                               g_array_index (self->ids, gint64, position), &error);
      if (item == NULL)
        {
          /* Deleted behind our back; the change signal will catch up.
           * A list model must not return NULL for a valid position. */
          g_debug ("Row %u is gone: %s", position, error->message);
          item = g_object_new (atlas_record_kind_item_type (self->kind), NULL);
        }
      self->items->pdata[position] = item;
    }

  return g_object_ref (item);
}

static void
atlas_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_list_model_get_item_type;
  iface->get_n_items = atlas_list_model_get_n_items;
  iface->get_item = atlas_list_model_get_item;
}

static void
atlas_list_model_constructed (GObject *object)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (object);

  G_OBJECT_CLASS (atlas_list_model_parent_class)->constructed (object);

  g_return_if_fail (ATLAS_IS_STORE (self->store));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  refresh (self, 0);
}

static void
atlas_list_model_dispose (GObject *object)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_list_model_parent_class)->dispose (object);
}

static void
atlas_list_model_finalize (GObject *object)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (atlas_list_model_parent_class)->finalize (object);
}

static void
atlas_list_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_list_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasListModel *self = ATLAS_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    case PROP_FILTER:
      atlas_list_model_set_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_list_model_class_init (AtlasListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_list_model_constructed;
  object_class->dispose = atlas_list_model_dispose;
  object_class->finalize = atlas_list_model_finalize;
  object_class->get_property = atlas_list_model_get_property;
  object_class->set_property = atlas_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, ATLAS_N_RECORD_KINDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_list_model_init (AtlasListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
}

AtlasListModel *
atlas_list_model_new (AtlasStore      *store,
                      AtlasRecordKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  return g_object_new (ATLAS_TYPE_LIST_MODEL,
                       "store", store,
                       "kind", (guint) kind,
                       NULL);
}

AtlasStore *
atlas_list_model_get_store (AtlasListModel *self)
{
  g_return_val_if_fail (ATLAS_IS_LIST_MODEL (self), NULL);

  return self->store;
}

const char *
atlas_list_model_get_filter (AtlasListModel *self)
{
  g_return_val_if_fail (ATLAS_IS_LIST_MODEL (self), NULL);

  return self->filter;
}

/**
 * atlas_list_model_set_filter:
 * @filter: (nullable): what the user typed, or %NULL for every row
 */
void
atlas_list_model_set_filter (AtlasListModel *self,
                             const char     *filter)
{
  g_return_if_fail (ATLAS_IS_LIST_MODEL (self));

  if (filter != NULL && *filter == '\0')
    filter = NULL;

  if (g_strcmp0 (self->filter, filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);

  /* Before construction there is no store yet; constructed() queries. */
  if (self->store != NULL)
    refresh (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

gint64
atlas_list_model_get_id (AtlasListModel *self,
                         guint           position)
{
  g_return_val_if_fail (ATLAS_IS_LIST_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/**
 * atlas_list_model_find:
 *
 * Returns: the position of the record with @id, or G_MAXUINT (GTK's
 *   invalid list position) when the list does not hold it
 */
guint
atlas_list_model_find (AtlasListModel *self,
                       gint64          id)
{
  g_return_val_if_fail (ATLAS_IS_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/**
 * atlas_list_model_set_scope:
 * @scope: (nullable): a centre and a period, for press releases
 */
void
atlas_list_model_set_scope (AtlasListModel        *self,
                            const AtlasQueryScope *scope)
{
  AtlasQueryScope none = { 0, 0, 0 };

  g_return_if_fail (ATLAS_IS_LIST_MODEL (self));

  if (scope == NULL)
    scope = &none;
  if (memcmp (&self->scope, scope, sizeof *scope) == 0)
    return;

  self->scope = *scope;
  if (self->store != NULL)
    refresh (self, 0);
}
