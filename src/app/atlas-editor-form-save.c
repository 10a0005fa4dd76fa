/* atlas-editor-form-save.c: how an AtlasEditorForm writes what is typed
 *
 * Autosave after a pause, the flush that writes every valid edit as one
 * step of the history (named after the field and the record), and the
 * list of records whose typed text could not be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-editor-form-private.h"
#include "atlas-record.h"
#include "atlas-toast.h"

static gboolean
save_timeout_cb (gpointer user_data)
{
  AtlasEditorForm *self = user_data;

  self->save_source = 0;
  atlas_editor_form_flush (self);
  return G_SOURCE_REMOVE;
}

void
_atlas_editor_form_schedule_save (AtlasEditorForm *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->first_unsaved == 0)
    self->first_unsaved = now;

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* Typing that goes on is saved as soon as the key that is being handled
   * is done, never from inside it: a text view's key is a user action of
   * its buffer, and the save forgets the buffer's undo steps, which GTK
   * cannot take in the middle of one. */
  if (now - self->first_unsaved >= ATLAS_EDITOR_MAX_UNSAVED_MS * 1000)
    self->save_source = g_idle_add (save_timeout_cb, self);
  else
    self->save_source = g_timeout_add (ATLAS_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * atlas_editor_form_dup_error:
 * @widget: (out) (optional) (transfer none): the field that holds it
 *
 * What is wrong with the first field whose typed text is invalid.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL when every
 *   field is valid
 */
char *
atlas_editor_form_dup_error (AtlasEditorForm  *self,
                             GtkWidget       **widget)
{
  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), NULL);

  for (guint i = 0; self->bindings && i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_autofree char *text = NULL;
      char *message;

      if (!b->dirty)
        continue;
      text = _atlas_binding_get_text (b);
      if ((message = atlas_validate (b->check, text)) != NULL)
        {
          if (widget != NULL)
            *widget = b->widget;
          return message;
        }
    }
  if (widget != NULL)
    *widget = NULL;
  return NULL;
}

static gboolean
write_record (AtlasEditorForm  *self,
              GObject          *record,
              GError          **error)
{
  if (self->kind == ATLAS_RECORD_CENTRE)
    return atlas_store_update_centre (self->store, ATLAS_CENTRE (record), error);
  if (self->kind == ATLAS_RECORD_VISIT)
    return atlas_store_save_visit (self->store, ATLAS_VISIT (record), error) != 0;

  return atlas_store_save_contact (self->store, ATLAS_CONTACT (record), error) != 0;
}

/* A contact's centre is stored by id; the form edits it by AGS. */
static gboolean
resolve_centre (AtlasEditorForm  *self,
                GObject          *record,
                GError          **error)
{
  const char *ags;
  g_autoptr(AtlasCentre) centre = NULL;

  if (self->kind == ATLAS_RECORD_CENTRE)
    return TRUE;

  ags = _atlas_editor_form_record_field (self, record, self->kind == ATLAS_RECORD_VISIT ? ATLAS_VISIT_AGS
                                                                     : ATLAS_CONTACT_CENTRE_AGS);
  if (*ags != '\0' && !(centre = atlas_store_get_centre_by_ags (self->store, ags, error)))
    return FALSE;

  if (self->kind == ATLAS_RECORD_VISIT)
    {
      atlas_visit_set_centre_id (ATLAS_VISIT (record), centre ? atlas_centre_get_id (centre) : 0);
      atlas_visit_set_field (ATLAS_VISIT (record), ATLAS_VISIT_CENTRE_NAME,
                             centre ? atlas_centre_get_field (centre, ATLAS_CENTRE_NAME) : "");
    }
  else
    atlas_contact_set_centre_id (ATLAS_CONTACT (record), centre ? atlas_centre_get_id (centre) : 0);
  return TRUE;
}

/* Whose record it is, in words: a centre's or contact's name, a visit's
 * centre and date. */
static char *
record_title (AtlasEditorForm *self,
              GObject         *record)
{
  if (self->kind == ATLAS_RECORD_CENTRE)
    return g_strdup (atlas_centre_get_field (ATLAS_CENTRE (record), ATLAS_CENTRE_NAME));
  if (self->kind == ATLAS_RECORD_VISIT)
    {
      g_autofree char *date = atlas_validate_display (ATLAS_CHECK_VISIT_DATE,
                                                      atlas_visit_get_field (ATLAS_VISIT (record), ATLAS_VISIT_DATE));

      /* TRANSLATORS: a visit in the Undo menu: a centre's name and the date */
      return g_strdup_printf (_("%s on %s"),
                              atlas_visit_get_field (ATLAS_VISIT (record), ATLAS_VISIT_CENTRE_NAME), date);
    }
  return atlas_contact_dup_display_name (ATLAS_CONTACT (record));
}

/* The Undo menu's words for an edit of @record: the field when only
 * @field changed, and always whose record it is. */
static char *
history_label (AtlasEditorForm *self,
               GObject         *record,
               Binding         *field)
{
  g_autofree char *title = record_title (self, record);
  const char *name = NULL;

  if (field != NULL && ADW_IS_PREFERENCES_ROW (field->widget))
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->widget));

  if (*title == '\0')
    /* TRANSLATORS: an item of the Undo menu, for a record without a name */
    return name ? g_strdup_printf (_("Edit “%s”"), name) : g_strdup (_("Edit"));
  if (name != NULL)
    /* TRANSLATORS: an item of the Undo menu: a field and whose it is, like
     * “Edit Family name of Carina Cleven-Pawletko” */
    return g_strdup_printf (_("Edit %s of %s"), name, title);
  /* TRANSLATORS: an item of the Undo menu; %s names the record */
  return g_strdup_printf (_("Edit %s"), title);
}

/**
 * atlas_editor_form_flush:
 *
 * Writes every valid edit not yet saved, as one step of the history.
 *
 * Returns: %FALSE when something typed could not be written (invalid,
 *   incomplete or refused by the store); it stays in its field
 */
gboolean
atlas_editor_form_flush (AtlasEditorForm *self)
{
  g_autoptr(GObject) after = NULL;
  g_autoptr(GObject) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) valid = NULL;
  g_autofree char *label = NULL;
  const char *problem;
  Binding *last = NULL;
  guint n_changed = 0;
  gboolean all_written = TRUE;
  gboolean written;

  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->record == NULL || self->store == NULL || !atlas_editor_form_is_pending (self))
    return TRUE;

  after = atlas_record_copy (self->record);
  valid = g_ptr_array_new ();
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;
      g_autofree char *value = NULL;

      if (!b->dirty)
        continue;

      text = _atlas_binding_get_text (b);
      message = atlas_validate (b->check, text);
      if (message != NULL)
        {
          all_written = FALSE;
          continue;
        }

      g_ptr_array_add (valid, b);
      value = atlas_validate_normalize (b->check, text);
      if (g_strcmp0 (value, _atlas_editor_form_record_field (self, after, b->field)) != 0)
        {
          _atlas_editor_form_set_record_field (self, after, b->field, value);
          last = b;
          n_changed++;
        }
    }

  problem = _atlas_editor_form_record_problem (self, after);
  _atlas_editor_form_set_problem (self, problem);
  if (problem != NULL)
    return FALSE;

  /* Only clean from here on: the invalid fields stay dirty. What is
   * saved leaves the field's own undo; Ctrl+Z takes it back through the
   * history from now on. */
  for (guint i = 0; i < valid->len; i++)
    {
      Binding *b = g_ptr_array_index (valid, i);

      b->dirty = FALSE;
      _atlas_binding_reset_undo (b);
    }
  if (all_written)
    self->first_unsaved = 0;

  if (n_changed == 0)
    return all_written;

  /* Writing makes the store announce the change, which reloads
   * self->record: keep the record as it was for the history. */
  before = g_object_ref (self->record);
  self->writing = TRUE;
  written = resolve_centre (self, after, &error) && write_record (self, after, &error);
  self->writing = FALSE;
  if (!written)
    {
      /* Nothing is dropped: the fields stay as typed and are tried again. */
      for (guint i = 0; i < self->bindings->len; i++)
        ((Binding *) g_ptr_array_index (self->bindings, i))->dirty = TRUE;
      if (self->bindings->len > 0)
        {
          /* TRANSLATORS: %s says why; the typed text stays in its field */
          g_autofree char *text = g_markup_printf_escaped (_("Not saved yet, will try again: %s"),
                                                           error->message);

          atlas_toast_add (((Binding *) g_ptr_array_index (self->bindings, 0))->widget,
                           adw_toast_new (text));
        }
      g_signal_emit (self, _atlas_editor_form_signals[SAVE_FAILED], 0, error);
      self->save_source = g_timeout_add_seconds (5, save_timeout_cb, self);
      return FALSE;
    }

  label = history_label (self, after, n_changed == 1 ? last : NULL);

  if (self->history != NULL)
    atlas_history_push (self->history, self->kind,
                        _atlas_editor_form_id_of (before) != 0 ? before : NULL, after, label);

  g_set_object (&self->record, after);
  g_signal_emit (self, _atlas_editor_form_signals[SAVED], 0, _atlas_editor_form_id_of (after));
  g_signal_emit (self, _atlas_editor_form_signals[RECORD_CHANGED], 0);
  return all_written;
}

/* A record's name for a message, also when it has none yet. */
static char *
record_name (AtlasEditorForm *self,
             GObject         *record)
{
  g_autofree char *title = record ? record_title (self, record) : NULL;

  if (title != NULL && *title != '\0' && (self->kind != ATLAS_RECORD_VISIT || _atlas_editor_form_id_of (record) != 0))
    return g_steal_pointer (&title);
  if (self->kind == ATLAS_RECORD_CONTACT)
    return g_strdup (_("New Contact"));
  if (self->kind == ATLAS_RECORD_VISIT)
    return g_strdup (_("New Visit"));
  return g_strdup (_("Centre"));
}

static void
add_unsaved (GPtrArray  *names,
             char       *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      {
        g_free (name);
        return;
      }
  g_ptr_array_add (names, name);
}

static Binding *
binding_of_field (AtlasEditorForm *self,
                  guint            field)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (b->field == field)
        return b;
    }
  return NULL;
}

/* "Kreis Kleve: Postal Code “4753”": whose, which field and what was
 * typed, so that the question before discarding says what is lost (it
 * named only the record). */
static char *
unsaved_line (AtlasEditorForm *self,
              const char      *record,
              Binding         *b,
              const char      *text)
{
  const char *field = b != NULL && ADW_IS_PREFERENCES_ROW (b->widget)
                      ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (b->widget)) : NULL;

  if (field == NULL || *field == '\0')
    return g_strdup (record);
  /* TRANSLATORS: a value that cannot be saved: the record, the field, the text typed */
  return g_strdup_printf (_("%s: %s “%s”"), record, field, text);
}

/**
 * atlas_editor_form_dup_unsaved:
 *
 * What typed text a flush could not write (invalid, incomplete like a
 * contact without a name, or refused by the store), in the record shown
 * and in those whose drafts are kept: a line per field, naming the
 * record, the field and the text. Call it after atlas_editor_form_flush();
 * this text is lost if the form goes away.
 *
 * Returns: (transfer full): the lines, each once; empty when everything
 *   typed is saved
 */
GStrv
atlas_editor_form_dup_unsaved (AtlasEditorForm *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) record_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), NULL);

  if (self->record != NULL && atlas_editor_form_is_pending (self))
    {
      g_autofree char *name = record_name (self, self->record);
      guint before = names->len;

      for (guint i = 0; i < self->bindings->len; i++)
        {
          Binding *b = g_ptr_array_index (self->bindings, i);
          g_autofree char *text = NULL;
          g_autofree char *message = NULL;

          if (!b->dirty)
            continue;
          text = _atlas_binding_get_text (b);
          if ((message = atlas_validate (b->check, text)) != NULL)
            add_unsaved (names, unsaved_line (self, name, b, text));
        }
      /* Incomplete as a whole (a contact without a name): the record. */
      if (names->len == before)
        add_unsaved (names, g_strdup (name));
    }

  if (self->drafts != NULL)
    {
      g_hash_table_iter_init (&iter, self->drafts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *colon = strchr (key, ':');
          gint64 id = g_ascii_strtoll (key, NULL, 10);
          guint field = colon != NULL ? (guint) g_ascii_strtoull (colon + 1, NULL, 10) : 0;
          const char *name;

          /* A record with several drafted fields is read once. */
          if (!g_hash_table_lookup_extended (record_names, &id, NULL, (gpointer *) &name))
            {
              g_autoptr(GObject) record = self->store ? atlas_store_load (self->store, self->kind, id, NULL) : NULL;

              name = record != NULL ? record_name (self, record) : NULL;
              g_hash_table_insert (record_names, g_memdup2 (&id, sizeof id), (gpointer) name);
            }
          if (name == NULL)
            continue;
          add_unsaved (names, unsaved_line (self, name, binding_of_field (self, field), value));
        }
    }

  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
