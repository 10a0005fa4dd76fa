/* atlas-editor-form.c: autosave, validation and undo for a record's fields
 *
 * A form connects the widgets of an editor to the fields of one record.
 * What the user types is validated at once; valid text is written to the
 * store ATLAS_EDITOR_SAVE_DELAY_MS after typing stops, when the focus
 * leaves the field, when Enter is pressed, when another record is shown
 * and when the editor goes away, and at the latest every
 * ATLAS_EDITOR_MAX_UNSAVED_MS while typing goes on. Invalid text stays in
 * its field, marked and explained in a row below it, and is not written;
 * when another record is shown it is kept as a draft of its record and
 * comes back, still marked, when that record is shown again.
 * Every write is recorded in the history, so Ctrl+Z takes it back.
 *
 * A refresh from the store never rewrites a field that holds what is
 * stored, nor one with unsaved text, nor (after the form's own save) the
 * field the user is in: the caret and the selection stay as they are.
 * Ctrl+Z in a field first takes back the field's unsaved typing (the
 * field's own undo, which starts afresh at each save); when there is
 * none, the last saved edit (win.undo), as the menu does. Ctrl+Shift+Z
 * likewise redoes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-editor-form-private.h"
#include "atlas-record.h"

G_DEFINE_FINAL_TYPE (AtlasEditorForm, atlas_editor_form, G_TYPE_OBJECT)

GParamSpec *_atlas_editor_form_properties[N_PROPS];
guint _atlas_editor_form_signals[N_SIGNALS];

const char *
_atlas_editor_form_record_field (AtlasEditorForm *self,
                                 GObject         *record,
                                 guint            field)
{
  if (self->kind == ATLAS_RECORD_CENTRE)
    return atlas_centre_get_field (ATLAS_CENTRE (record), field);
  if (self->kind == ATLAS_RECORD_VISIT)
    return atlas_visit_get_field (ATLAS_VISIT (record), field);
  return atlas_contact_get_field (ATLAS_CONTACT (record), field);
}

void
_atlas_editor_form_set_record_field (AtlasEditorForm *self,
                                     GObject         *record,
                                     guint            field,
                                     const char      *value)
{
  if (self->kind == ATLAS_RECORD_CENTRE)
    atlas_centre_set_field (ATLAS_CENTRE (record), field, value);
  else if (self->kind == ATLAS_RECORD_VISIT)
    atlas_visit_set_field (ATLAS_VISIT (record), field, value);
  else
    atlas_contact_set_field (ATLAS_CONTACT (record), field, value);
}

gint64
_atlas_editor_form_id_of (GObject *record)
{
  gint64 id = 0;

  if (record != NULL)
    g_object_get (record, "id", &id, NULL);
  return id;
}

guint
atlas_editor_form_n_invalid (AtlasEditorForm *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), 0);

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      n += gtk_widget_has_css_class (b->widget, "error");
    }

  return n;
}

void
_atlas_editor_form_set_problem (AtlasEditorForm *self,
                                const char      *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), _atlas_editor_form_properties[PROP_PROBLEM]);
}

/* What must hold for the record as a whole; NULL when it does. */
const char *
_atlas_editor_form_record_problem (AtlasEditorForm *self,
                                   GObject         *record)
{
  if (self->kind == ATLAS_RECORD_CONTACT &&
      *_atlas_editor_form_record_field (self, record, ATLAS_CONTACT_GIVEN_NAME) == '\0' &&
      *_atlas_editor_form_record_field (self, record, ATLAS_CONTACT_FAMILY_NAME) == '\0' &&
      *_atlas_editor_form_record_field (self, record, ATLAS_CONTACT_ORGANISATION) == '\0')
    return _atlas_editor_form_id_of (record) == 0
           ? _("Enter a name or an organisation to save this contact.")
           : _("A contact needs a name or an organisation. The change is not saved until one is entered.");

  /* Says what is missing, not what may already be there (it asked for a
   * centre that was chosen; a walk). */
  if (self->kind == ATLAS_RECORD_VISIT)
    {
      gboolean no_centre = *_atlas_editor_form_record_field (self, record, ATLAS_VISIT_AGS) == '\0';
      gboolean no_date = *_atlas_editor_form_record_field (self, record, ATLAS_VISIT_DATE) == '\0';

      if (no_centre && no_date)
        return _("Choose a centre and enter a date to save this visit.");
      if (no_centre)
        return _("Choose a centre to save this visit.");
      if (no_date)
        return _("Enter a date to save this visit.");
    }

  return NULL;
}

static char *
draft_key (gint64 id,
           guint  field)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%u", id, field);
}

/* Keeps the text that could not be saved (invalid) of the record shown,
 * to show it again with that record. */
static void
keep_drafts (AtlasEditorForm *self)
{
  gint64 id = _atlas_editor_form_id_of (self->record);

  for (guint i = 0; id != 0 && i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (b->dirty)
        g_hash_table_insert (self->drafts, draft_key (id, b->field), _atlas_binding_get_text (b));
    }
}

/* Puts back the drafts kept for the record now shown, marked as before. */
static void
restore_drafts (AtlasEditorForm *self)
{
  gint64 id = _atlas_editor_form_id_of (self->record);

  for (guint i = 0; id != 0 && i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_autofree char *key = draft_key (id, b->field);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;

      g_autofree char *stored_key = NULL;

      if (!g_hash_table_steal_extended (self->drafts, key, (gpointer *) &stored_key, (gpointer *) &text))
        continue;
      if (!_atlas_binding_differs (b, text))
        continue;
      self->filling = TRUE;
      if (GTK_IS_TEXT_VIEW (b->widget))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), text, -1);
      else if (GTK_IS_EDITABLE (b->widget))
        gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
      self->filling = FALSE;
      message = atlas_validate (b->check, text);
      _atlas_binding_show_error (b, message);
      b->dirty = TRUE;
    }
}

/* Shows the record's values: @all for a record newly shown; otherwise
 * (a refresh) not in the fields that hold unsaved text, nor, after the
 * form's own save, in the field the user is in. */
static void
fill (AtlasEditorForm *self,
      gboolean         all)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (!all && (b->dirty || (self->writing && _atlas_binding_has_focus (b))))
        continue;
      b->dirty = FALSE;
      _atlas_binding_set_text (b, self->record ? _atlas_editor_form_record_field (self, self->record, b->field) : "");
      if (all)
        _atlas_binding_reset_undo (b);
      _atlas_binding_show_error (b, NULL);
      /* A catalogue open read-only cannot take edits: nothing to type. */
      gtk_widget_set_sensitive (b->widget, self->record != NULL && self->store != NULL &&
                                           !atlas_store_is_read_only (self->store));
    }
  self->filling = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), _atlas_editor_form_properties[PROP_N_INVALID]);
}

static void
store_changed_cb (AtlasEditorForm *self,
                  guint            kind,
                  gint64           id,
                  AtlasStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) fresh = NULL;
  gint64 mine = _atlas_editor_form_id_of (self->record);

  if (kind != self->kind || mine == 0 || (id != 0 && id != mine))
    return;

  fresh = atlas_store_load (store, self->kind, mine, &error);
  if (fresh == NULL)
    {
      if (g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND))
        {
          g_clear_object (&self->record);
          fill (self, TRUE);
          g_hash_table_remove_all (self->drafts);
          g_signal_emit (self, _atlas_editor_form_signals[RECORD_GONE], 0, mine);
          g_signal_emit (self, _atlas_editor_form_signals[RECORD_CHANGED], 0);
        }
      return;
    }

  g_set_object (&self->record, fresh);
  fill (self, FALSE);
  g_signal_emit (self, _atlas_editor_form_signals[RECORD_CHANGED], 0);
}

static void
atlas_editor_form_dispose (GObject *object)
{
  AtlasEditorForm *self = (AtlasEditorForm *)object;

  atlas_editor_form_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->record);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_editor_form_parent_class)->dispose (object);
}

static void
atlas_editor_form_finalize (GObject *object)
{
  AtlasEditorForm *self = (AtlasEditorForm *)object;

  g_free (self->problem);

  G_OBJECT_CLASS (atlas_editor_form_parent_class)->finalize (object);
}

static void
atlas_editor_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasEditorForm *self = ATLAS_EDITOR_FORM (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_N_INVALID:
      g_value_set_uint (value, self->bindings ? atlas_editor_form_n_invalid (self) : 0);
      break;


    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_editor_form_class_init (AtlasEditorFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_editor_form_dispose;
  object_class->finalize = atlas_editor_form_finalize;
  object_class->get_property = atlas_editor_form_get_property;

  _atlas_editor_form_properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _atlas_editor_form_properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _atlas_editor_form_properties);

  /* The record was written; its id is set (also for a new contact). */
  _atlas_editor_form_signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The record shown was deleted elsewhere (an undo, a merge). */
  _atlas_editor_form_signals[RECORD_GONE] =
    g_signal_new ("record-gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The store refused the write; the text stays and is tried again. */
  _atlas_editor_form_signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* The record shown was saved, reloaded or replaced. */
  _atlas_editor_form_signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_editor_form_init (AtlasEditorForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func (_atlas_binding_free);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

AtlasEditorForm *
atlas_editor_form_new (AtlasRecordKind kind)
{
  AtlasEditorForm *self;

  g_return_val_if_fail (kind == ATLAS_RECORD_CENTRE || kind == ATLAS_RECORD_CONTACT ||
                        kind == ATLAS_RECORD_VISIT, NULL);

  self = g_object_new (ATLAS_TYPE_EDITOR_FORM, NULL);
  self->kind = kind;
  return self;
}

void
atlas_editor_form_set_context (AtlasEditorForm *self,
                               AtlasStore      *store,
                               AtlasHistory    *history)
{
  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));

  atlas_editor_form_flush (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  atlas_editor_form_set_record (self, NULL);
}

static void
scroll_to_top (AtlasEditorForm *self)
{
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  if (self->bindings->len == 0)
    return;
  scrolled = gtk_widget_get_ancestor (((Binding *) g_ptr_array_index (self->bindings, 0))->widget,
                                      GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/**
 * atlas_editor_form_set_record:
 * @record: (nullable): the record to edit, or a new contact (id 0) that
 *   is inserted with its first valid save
 *
 * Saves what is pending for the record shown before, then shows @record.
 */
void
atlas_editor_form_set_record (AtlasEditorForm *self,
                              GObject         *record)
{
  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));

  atlas_editor_form_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->first_unsaved = 0;
  keep_drafts (self);

  /* Another record opens at its top, as in GNOME Contacts. */
  if (record == NULL || self->record == NULL || _atlas_editor_form_id_of (record) != _atlas_editor_form_id_of (self->record))
    scroll_to_top (self);

  g_clear_object (&self->record);
  if (record != NULL)
    self->record = atlas_record_copy (record);
  fill (self, TRUE);
  restore_drafts (self);
  _atlas_editor_form_set_problem (self, self->record ? _atlas_editor_form_record_problem (self, self->record) : NULL);
  g_signal_emit (self, _atlas_editor_form_signals[RECORD_CHANGED], 0);
}

/**
 * atlas_editor_form_get_record:
 *
 * Returns: (transfer none) (nullable): the record as last saved or loaded
 */
GObject *
atlas_editor_form_get_record (AtlasEditorForm *self)
{
  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), NULL);

  return self->record;
}

gint64
atlas_editor_form_get_id (AtlasEditorForm *self)
{
  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), 0);

  return _atlas_editor_form_id_of (self->record);
}

gboolean
atlas_editor_form_is_pending (AtlasEditorForm *self)
{
  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), FALSE);

  for (guint i = 0; self->bindings && i < self->bindings->len; i++)
    if (((Binding *) g_ptr_array_index (self->bindings, i))->dirty)
      return TRUE;
  return FALSE;
}

