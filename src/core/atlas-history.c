/* atlas-history.c: undo and redo of the edits made in a session
 *
 * Each entry holds snapshots of the records it changed, before and after
 * (either missing for a record created or deleted). Undoing an edit
 * writes back only the properties that the edit changed, onto the record
 * as it is now, so an undo never reverts a field someone else changed
 * since. Entries are recorded after the store wrote the change; undo and
 * redo write through the store and so reach every view by its "changed"
 * signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-history.h"
#include "atlas-record.h"

#define MAX_ENTRIES 500

typedef struct {
  AtlasRecordKind kind;
  GObject *before;  /* NULL: the edit created the record */
  GObject *after;   /* NULL: the edit deleted the record */
  /* Or a change of no record's fields (atlas_history_push_step()). */
  AtlasHistoryStep step;
  gpointer step_data;
  GDestroyNotify step_free;
} Change;

typedef struct {
  char *label;
  GArray *changes;  /* of Change */
} Entry;

struct _AtlasHistory
{
  GObject parent_instance;

  AtlasStore *store;
  GQueue undo;      /* of Entry, newest first */
  GQueue redo;
  Entry *group;     /* being collected by begin_group() */
  guint serial;     /* changes with every push, undo, redo and clear */
};

G_DEFINE_FINAL_TYPE (AtlasHistory, atlas_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
  if (change->step_free != NULL)
    g_clear_pointer (&change->step_data, change->step_free);
}

static Entry *
entry_new (const char *label)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label ? label : "");
  entry->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (entry->changes, change_clear);
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_array_unref (entry->changes);
  g_free (entry->label);
  g_free (entry);
}

static void
notify_state (AtlasHistory *self)
{
  self->serial++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
atlas_history_finalize (GObject *object)
{
  AtlasHistory *self = (AtlasHistory *)object;

  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  g_clear_pointer (&self->group, entry_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_history_parent_class)->finalize (object);
}

static void
atlas_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, atlas_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, atlas_history_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_history_class_init (AtlasHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_history_finalize;
  object_class->get_property = atlas_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_history_init (AtlasHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

AtlasHistory *
atlas_history_new (AtlasStore *store)
{
  AtlasHistory *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
add_entry (AtlasHistory *self,
           Entry        *entry)
{
  if (entry->changes->len == 0)
    {
      entry_free (entry);
      return;
    }

  g_queue_push_head (&self->undo, entry);
  while (g_queue_get_length (&self->undo) > MAX_ENTRIES)
    entry_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, entry_free);
  notify_state (self);
}

/* Collects the changes pushed until atlas_history_end_group() into one
 * entry, undone and redone together (a merge, an import). */
void
atlas_history_begin_group (AtlasHistory *self,
                           const char   *label)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  self->group = entry_new (label);
}

void
atlas_history_end_group (AtlasHistory *self)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));
  g_return_if_fail (self->group != NULL);

  add_entry (self, g_steal_pointer (&self->group));
}

/**
 * atlas_history_push:
 * @before: (nullable): the record before the edit, %NULL if it created it
 * @after: (nullable): the record after the edit, %NULL if it deleted it
 * @label: what the edit did, for the Undo menu item
 *
 * Records an edit the store has written. The history keeps copies.
 */
void
atlas_history_push (AtlasHistory    *self,
                    AtlasRecordKind  kind,
                    GObject         *before,
                    GObject         *after,
                    const char      *label)
{
  Change change = { kind, NULL, NULL, NULL, NULL, NULL };
  Entry *entry;

  g_return_if_fail (ATLAS_IS_HISTORY (self));
  g_return_if_fail (kind == ATLAS_RECORD_CENTRE || kind == ATLAS_RECORD_CONTACT ||
                    kind == ATLAS_RECORD_VISIT);
  g_return_if_fail (before != NULL || after != NULL);

  change.before = before ? atlas_record_copy (before) : NULL;
  change.after = after ? atlas_record_copy (after) : NULL;

  entry = self->group ? self->group : entry_new (label);
  g_array_append_val (entry->changes, change);
  if (entry != self->group)
    add_entry (self, entry);
}

/**
 * atlas_history_push_step:
 * @step: makes the change again (@undo %FALSE) or takes it back, in the
 *   store's transaction of the undo or redo
 * @data: (transfer full): for @step, freed with @free_data
 *
 * Records a change that is no record's fields, such as a hint ignored,
 * to be undone and redone like the others.
 */
void
atlas_history_push_step (AtlasHistory     *self,
                         const char       *label,
                         AtlasHistoryStep  step,
                         gpointer          data,
                         GDestroyNotify    free_data)
{
  Change change = { 0, NULL, NULL, step, data, free_data };
  Entry *entry;

  g_return_if_fail (ATLAS_IS_HISTORY (self));
  g_return_if_fail (step != NULL);

  entry = self->group ? self->group : entry_new (label);
  g_array_append_val (entry->changes, change);
  if (entry != self->group)
    add_entry (self, entry);
}

gboolean
atlas_history_can_undo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
atlas_history_can_redo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

const char *
atlas_history_get_undo_label (AtlasHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (ATLAS_IS_HISTORY (self), NULL);

  entry = g_queue_peek_head (&self->undo);
  return entry ? entry->label : NULL;
}

const char *
atlas_history_get_redo_label (AtlasHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (ATLAS_IS_HISTORY (self), NULL);

  entry = g_queue_peek_head (&self->redo);
  return entry ? entry->label : NULL;
}

static gint64
record_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

/* The record @entry is about: the first it changes (a merge's kept
 * contact, the first of an import's visits). */
static gboolean
entry_record (Entry           *entry,
              AtlasRecordKind *kind,
              gint64          *id)
{
  for (guint i = 0; entry != NULL && i < entry->changes->len; i++)
    {
      Change *c = &g_array_index (entry->changes, Change, i);

      if (c->step != NULL)
        continue;
      if (kind != NULL)
        *kind = c->kind;
      if (id != NULL)
        *id = record_id (c->before ? c->before : c->after);
      return TRUE;
    }
  return FALSE;
}

/**
 * atlas_history_get_undo_record:
 * @kind: (out) (optional): the kind of record
 * @id: (out) (optional): its id
 *
 * Which record the next undo changes, for the window to show it: the
 * first the edit changed, when it changed several.
 *
 * Returns: %FALSE when there is nothing to undo or it changes no record
 */
gboolean
atlas_history_get_undo_record (AtlasHistory    *self,
                               AtlasRecordKind *kind,
                               gint64          *id)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return entry_record (g_queue_peek_head (&self->undo), kind, id);
}

/* Which record the next redo changes, as atlas_history_get_undo_record(). */
gboolean
atlas_history_get_redo_record (AtlasHistory    *self,
                               AtlasRecordKind *kind,
                               gint64          *id)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return entry_record (g_queue_peek_head (&self->redo), kind, id);
}

static gboolean
save (AtlasHistory     *self,
      AtlasRecordKind   kind,
      GObject          *record,
      GError          **error)
{
  if (kind == ATLAS_RECORD_CENTRE)
    return atlas_store_update_centre (self->store, ATLAS_CENTRE (record), error);
  if (kind == ATLAS_RECORD_VISIT)
    return atlas_store_save_visit (self->store, ATLAS_VISIT (record), error) != 0;

  return atlas_store_save_contact (self->store, ATLAS_CONTACT (record), error) != 0;
}

/* Makes the record go from @from to @to. */
static gboolean
apply_change (AtlasHistory     *self,
              AtlasRecordKind   kind,
              GObject          *from,
              GObject          *to,
              GError          **error)
{
  g_autoptr(GObject) current = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  if (to == NULL)
    {
      g_return_val_if_fail (kind != ATLAS_RECORD_CENTRE, FALSE);
      if (kind == ATLAS_RECORD_VISIT)
        return atlas_store_delete_visit (self->store, record_id (from), error);
      return atlas_store_delete_contact (self->store, record_id (from), error);
    }

  if (from == NULL)
    return save (self, kind, to, error);

  current = atlas_store_load (self->store, kind, record_id (to), error);
  if (current == NULL)
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (to), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (from, pspecs[i]->name, &a);
      g_object_get_property (to, pspecs[i]->name, &b);
      if (g_param_values_cmp (pspecs[i], &a, &b) != 0)
        g_object_set_property (current, pspecs[i]->name, &b);
    }

  return save (self, kind, current, error);
}

static gboolean
apply (AtlasHistory  *self,
       GQueue        *from_queue,
       GQueue        *to_queue,
       gboolean       undo,
       GError       **error)
{
  Entry *entry = g_queue_peek_head (from_queue);

  if (entry == NULL)
    return TRUE;

  if (!atlas_store_begin (self->store, error))
    return FALSE;

  for (guint k = 0; k < entry->changes->len; k++)
    {
      /* Undo walks the changes backwards. */
      guint i = undo ? entry->changes->len - 1 - k : k;
      Change *c = &g_array_index (entry->changes, Change, i);

      if (c->step != NULL ? !c->step (self->store, c->step_data, undo, error)
                          : !apply_change (self, c->kind,
                                           undo ? c->after : c->before,
                                           undo ? c->before : c->after, error))
        {
          atlas_store_rollback (self->store);
          return FALSE;
        }
    }

  if (!atlas_store_commit (self->store, error))
    return FALSE;

  g_queue_push_head (to_queue, g_queue_pop_head (from_queue));
  notify_state (self);
  return TRUE;
}

/**
 * atlas_history_undo:
 *
 * Reverts the newest edit. On error nothing changes and the edit stays
 * on the undo stack.
 */
gboolean
atlas_history_undo (AtlasHistory  *self,
                    GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return apply (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
atlas_history_redo (AtlasHistory  *self,
                    GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return apply (self, &self->redo, &self->undo, FALSE, error);
}

void
atlas_history_clear (AtlasHistory *self)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));

  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  notify_state (self);
}

/**
 * atlas_history_get_serial:
 *
 * Returns: a number that changes whenever the history does (a push, an
 *   undo, a redo, a clear): an offer to undo "what was just done" holds
 *   only while it is the same
 */
guint
atlas_history_get_serial (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), 0);

  return self->serial;
}
