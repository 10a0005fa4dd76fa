/* atlas-editor-form-fields.c: the widgets an AtlasEditorForm edits
 *
 * Each bound widget (an entry, a text view, a drop-down) is a Binding:
 * its text read and shown, checked as it is typed and marked with the
 * reason below it, and its Ctrl+Z: the field's unsaved typing first, then
 * the window's history (see atlas-editor-form.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-editor-form-private.h"

char *
_atlas_binding_get_text (Binding *b)
{
  if (GTK_IS_TEXT_VIEW (b->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  if (ADW_IS_COMBO_ROW (b->widget))
    {
      guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (b->widget));

      if (pos == GTK_INVALID_LIST_POSITION || pos >= g_strv_length (b->values))
        return g_strdup ("");
      return g_strdup (b->values[pos]);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->widget)));
}

/* Forgets the field's own undo steps: what it shows now is saved. */
void
_atlas_binding_reset_undo (Binding *b)
{
  if (GTK_IS_TEXT_VIEW (b->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget));

      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  /* Not for entries: GTK 4.18's GtkText crashes on the next key typed
   * after its undo was switched off and on with the focus in it. An
   * entry's own undo reaches back past the save point; Ctrl+Z without
   * unsaved typing goes to the history all the same. */
}

/* Shows @stored unless the field shows it already; a field with focus
 * keeps its caret where it was (as far as the new text reaches). */
void
_atlas_binding_set_text (Binding    *b,
                         const char *stored)
{
  g_autofree char *shown = atlas_validate_display (b->check, stored);
  g_autofree char *current = _atlas_binding_get_text (b);

  if (g_strcmp0 (shown, current) == 0)
    return;

  if (GTK_IS_TEXT_VIEW (b->widget))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), shown, -1);
      _atlas_binding_reset_undo (b);
    }
  else if (ADW_IS_COMBO_ROW (b->widget))
    {
      guint pos = GTK_INVALID_LIST_POSITION;

      /* A value that is none of the choices (a new record) selects none. */
      for (guint i = 0; b->values[i]; i++)
        if (g_str_equal (b->values[i], shown))
          pos = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (b->widget), pos);
    }
  else
    {
      int caret = gtk_editable_get_position (GTK_EDITABLE (b->widget));
      gboolean focused = gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (b->focus));

      gtk_editable_set_text (GTK_EDITABLE (b->widget), shown);
      if (focused)
        gtk_editable_set_position (GTK_EDITABLE (b->widget), MIN (caret, (int) g_utf8_strlen (shown, -1)));
      _atlas_binding_reset_undo (b);
    }
}

/* Scrolls the view so that @row (just shown) can be seen; once it has
 * been laid out, a frame after it was shown. */
static gboolean
reveal_tick_cb (GtkWidget     *row,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page;

  if (g_object_get_data (G_OBJECT (row), "atlas-laid-out") == NULL)
    {
      g_object_set_data (G_OBJECT (row), "atlas-laid-out", GINT_TO_POINTER (1));
      return G_SOURCE_CONTINUE;
    }
  g_object_set_data (G_OBJECT (row), "atlas-laid-out", NULL);

  if (scrolled == NULL || !gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, scrolled, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_widget_get_height (scrolled);
  if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          bounds.origin.y + bounds.size.height - page);
  else if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
  return G_SOURCE_REMOVE;
}

/* Marks the field and shows @message below it, or clears both. */
void
_atlas_binding_show_error (Binding    *b,
                           const char *message)
{
  gboolean invalid = message != NULL;

  if (invalid)
    gtk_widget_add_css_class (b->widget, "error");
  else
    gtk_widget_remove_css_class (b->widget, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_property (GTK_ACCESSIBLE (b->widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (b->widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (b->error_row != NULL)
    {
      /* A message that appears is scrolled into view. */
      if (invalid && !gtk_widget_get_visible (b->error_row))
        gtk_widget_add_tick_callback (b->error_row, reveal_tick_cb, NULL, NULL);
      gtk_label_set_label (b->error_label, message ? message : "");
      gtk_widget_set_visible (b->error_row, invalid);
    }
}

/* Whether @text differs from what the record holds for @b's field. */
gboolean
_atlas_binding_differs (Binding    *b,
                        const char *text)
{
  g_autofree char *value = atlas_validate_normalize (b->check, text);

  return g_strcmp0 (value, _atlas_editor_form_record_field (b->form, b->form->record, b->field)) != 0;
}

static void
binding_changed (Binding *b)
{
  AtlasEditorForm *self = b->form;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->filling || self->record == NULL)
    return;
  /* New typing: what Ctrl+Z took back can no longer come back. */
  if (!b->restoring)
    g_clear_pointer (&b->taken_back, g_free);

  text = _atlas_binding_get_text (b);
  message = atlas_validate (b->check, text);
  _atlas_binding_show_error (b, message);
  g_object_notify_by_pspec (G_OBJECT (self), _atlas_editor_form_properties[PROP_N_INVALID]);

  /* Typing back what is stored (or undoing the typing) leaves nothing
   * to save, and Ctrl+Z then goes to the history. */
  b->dirty = message != NULL || _atlas_binding_differs (b, text);
  _atlas_editor_form_schedule_save (self);
}

/* What the record holds for the field, as the field shows it. */
static char *
record_field_text (Binding *b)
{
  return atlas_validate_display (b->check, _atlas_editor_form_record_field (b->form, b->form->record, b->field));
}

/* Puts @text into an entry as if typed (it is checked and saved as
 * typing is), with the caret at its end. */
static void
binding_restore (Binding    *b,
                 const char *text)
{
  b->restoring = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
  gtk_editable_set_position (GTK_EDITABLE (b->widget), -1);
  b->restoring = FALSE;
}

/* Ctrl+Z / Ctrl+Shift+Z in a field: the field's unsaved typing first,
 * else the window's history, as from the menu. A window of its own (the
 * visit editor) asks the window it belongs to. */
static gboolean
history_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  Binding *b = user_data;
  gboolean undo = g_variant_get_boolean (args);
  GtkWidget *text = widget;
  GtkRoot *root;

  if (GTK_IS_EDITABLE (widget))
    {
      /* An entry's unsaved typing is taken back whole, to what is saved,
       * and Ctrl+Shift+Z brings it again. (Not through GtkText's own
       * undo: its history cannot be started afresh at a save in GTK 4.18,
       * which crashes on the next key after it was switched off and on.) */
      if (undo && b->dirty)
        {
          g_autofree char *saved = record_field_text (b);

          g_free (b->taken_back);
          b->taken_back = _atlas_binding_get_text (b);
          binding_restore (b, saved);
          return TRUE;
        }
      if (!undo && !b->dirty && b->taken_back != NULL)
        {
          g_autofree char *again = g_steal_pointer (&b->taken_back);

          binding_restore (b, again);
          return TRUE;
        }
      g_clear_pointer (&b->taken_back, g_free);
    }
  else if (b->dirty)
    return gtk_widget_activate_action (text, undo ? "text.undo" : "text.redo", NULL);

  if (gtk_widget_activate_action (widget, undo ? "win.undo" : "win.redo", NULL))
    return TRUE;
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    return gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))),
                                       undo ? "win.undo" : "win.redo", NULL);
  return FALSE;
}

static void
add_history_shortcuts (Binding *b)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; GdkModifierType mods; gboolean undo; } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, TRUE },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, FALSE },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, FALSE },
  };

  /* Before the field's own Ctrl+Z, which takes the key even with
   * nothing to undo. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_callback_action_new (history_shortcut_cb, b, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (keys[i].undo));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  b->shortcuts = controller;
  gtk_widget_add_controller (b->widget, controller);
}

static void
focus_changed_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  Binding    *b)
{
  if (!gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (widget)))
    atlas_editor_form_flush (b->form);
}

static void
activated_cb (Binding *b)
{
  atlas_editor_form_flush (b->form);
}

void
_atlas_binding_free (gpointer data)
{
  Binding *b = data;

  /* The widget may outlive the form: nothing of the form stays on it. */
  g_signal_handlers_disconnect_by_data (b->widget, b);
  if (GTK_IS_TEXT_VIEW (b->widget))
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), b);
  g_signal_handlers_disconnect_by_data (b->focus, b);
  gtk_widget_remove_controller (b->widget, b->focus);
  if (b->shortcuts != NULL)
    gtk_widget_remove_controller (b->widget, b->shortcuts);
  g_clear_object (&b->widget);
  g_clear_object (&b->error_row);
  g_strfreev (b->values);
  g_free (b->taken_back);
  g_free (b);
}

/* Puts a row for the field's error message right below its row. */
static void
add_error_row (Binding *b)
{
  GtkWidget *list = gtk_widget_get_parent (b->widget);
  GtkWidget *label;
  int index;

  if (!GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (b->widget))
    return;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  b->error_row = g_object_ref_sink (gtk_list_box_row_new ());
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (b->error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (b->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (b->error_row), FALSE);
  gtk_widget_set_focusable (b->error_row, FALSE);
  gtk_widget_set_visible (b->error_row, FALSE);
  b->error_label = GTK_LABEL (label);

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (b->widget));
  gtk_list_box_insert (GTK_LIST_BOX (list), b->error_row, index + 1);
}

static Binding *
add_binding (AtlasEditorForm *self,
             GtkWidget       *widget,
             guint            field,
             AtlasCheck       check)
{
  Binding *b = g_new0 (Binding, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  b->form = self;
  b->widget = g_object_ref (widget);
  b->field = field;
  b->check = check;
  g_ptr_array_add (self->bindings, b);

  g_signal_connect (focus, "notify::contains-focus", G_CALLBACK (focus_changed_cb), b);
  b->focus = focus;
  gtk_widget_add_controller (widget, focus);
  add_error_row (b);
  return b;
}

/**
 * atlas_editor_form_bind:
 * @widget: a #GtkEditable (such as an #AdwEntryRow) or a #GtkTextView
 * @field: the record's field it edits
 * @check: the rule its text must follow
 */
void
atlas_editor_form_bind (AtlasEditorForm *self,
                        GtkWidget       *widget,
                        guint            field,
                        AtlasCheck       check)
{
  Binding *b;

  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));
  g_return_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));

  b = add_binding (self, widget, field, check);
  add_history_shortcuts (b);

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      g_signal_connect_swapped (buffer, "changed", G_CALLBACK (binding_changed), b);
    }
  else
    {
      /* The form takes back an entry's typing itself (history_shortcut_cb). */
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (binding_changed), b);
      if (ADW_IS_ENTRY_ROW (widget))
        g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (activated_cb), b);
      else
        g_signal_connect_swapped (widget, "activate", G_CALLBACK (activated_cb), b);
    }
}

/**
 * atlas_editor_form_bind_choice:
 * @values: the value stored for each position of @row's model
 */
void
atlas_editor_form_bind_choice (AtlasEditorForm    *self,
                               AdwComboRow        *row,
                               guint               field,
                               const char * const *values)
{
  Binding *b;

  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  b = add_binding (self, GTK_WIDGET (row), field, ATLAS_CHECK_NONE);
  b->values = g_strdupv ((char **) values);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (binding_changed), b);
}

gboolean
_atlas_binding_has_focus (Binding *b)
{
  return gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (b->focus));
}
