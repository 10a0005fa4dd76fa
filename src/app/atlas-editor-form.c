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

#include "atlas-editor-form.h"
#include "atlas-record.h"
#include "atlas-text.h"
#include "atlas-toast.h"

typedef struct {
  AtlasEditorForm *form;
  guint field;
  AtlasCheck check;
  GtkWidget *widget;       /* a GtkEditable, GtkTextView or AdwComboRow */
  GtkWidget *error_row;    /* below the widget's row, shown with an error */
  GtkLabel *error_label;
  char **values;           /* an AdwComboRow's value per position */
  GtkEventController *focus;
  GtkEventController *shortcuts;
  gboolean dirty;          /* holds text that differs from the record's */
  char *taken_back;        /* an entry's unsaved text Ctrl+Z took back, for Ctrl+Shift+Z */
  gboolean restoring;      /* the form itself is changing the entry's text */
} Binding;

struct _AtlasEditorForm
{
  GObject parent_instance;

  AtlasRecordKind kind;
  AtlasStore *store;
  AtlasHistory *history;
  GObject *record;         /* as last saved or loaded */
  GPtrArray *bindings;     /* of Binding */
  guint save_source;
  gint64 first_unsaved;    /* monotonic time of the oldest unsaved edit */
  gboolean filling;        /* the form itself is writing to the widgets */
  gboolean writing;        /* the form is saving: the change is its own */
  GHashTable *drafts;      /* "id:field" → invalid text of a record not shown */
  char *problem;           /* why the record as a whole cannot be saved */
  gboolean savable;        /* a flush now would write all that is typed */
};

G_DEFINE_FINAL_TYPE (AtlasEditorForm, atlas_editor_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  PROP_N_INVALID,
  PROP_SAVABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  RECORD_GONE,
  SAVE_FAILED,
  RECORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
record_field (AtlasEditorForm *self,
              GObject         *record,
              guint            field)
{
  if (self->kind == ATLAS_RECORD_CENTRE)
    return atlas_centre_get_field (ATLAS_CENTRE (record), field);
  if (self->kind == ATLAS_RECORD_VISIT)
    return atlas_visit_get_field (ATLAS_VISIT (record), field);
  return atlas_contact_get_field (ATLAS_CONTACT (record), field);
}

static void
set_record_field (AtlasEditorForm *self,
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

static gint64
id_of (GObject *record)
{
  gint64 id = 0;

  if (record != NULL)
    g_object_get (record, "id", &id, NULL);
  return id;
}

static char *
binding_get_text (Binding *b)
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
static void
binding_reset_undo (Binding *b)
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
static void
binding_set_text (Binding    *b,
                  const char *stored)
{
  g_autofree char *shown = atlas_validate_display (b->check, stored);
  g_autofree char *current = binding_get_text (b);

  if (g_strcmp0 (shown, current) == 0)
    return;

  if (GTK_IS_TEXT_VIEW (b->widget))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), shown, -1);
      binding_reset_undo (b);
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
      binding_reset_undo (b);
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
static void
binding_show_error (Binding    *b,
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

static void
set_problem (AtlasEditorForm *self,
             const char      *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* What must hold for the record as a whole; NULL when it does. */
static const char *
record_problem (AtlasEditorForm *self,
                GObject         *record)
{
  if (self->kind == ATLAS_RECORD_CONTACT &&
      *record_field (self, record, ATLAS_CONTACT_GIVEN_NAME) == '\0' &&
      *record_field (self, record, ATLAS_CONTACT_FAMILY_NAME) == '\0' &&
      *record_field (self, record, ATLAS_CONTACT_ORGANISATION) == '\0')
    return id_of (record) == 0
           ? _("Enter a name or an organisation to save this contact.")
           : _("A contact needs a name or an organisation. The change is not saved until one is entered.");

  if (self->kind == ATLAS_RECORD_VISIT &&
      (*record_field (self, record, ATLAS_VISIT_AGS) == '\0' ||
       *record_field (self, record, ATLAS_VISIT_DATE) == '\0'))
    return _("Choose a centre and enter a date to save this visit.");

  return NULL;
}

/* Whether every field that holds typed text is valid and the record
 * with that text is complete: what a flush would write whole (unless
 * the store refuses it). Nothing typed is savable too. */
static gboolean
compute_savable (AtlasEditorForm *self)
{
  g_autoptr(GObject) typed = NULL;
  gboolean dirty = FALSE;

  if (self->record == NULL || self->bindings == NULL)
    return TRUE;

  typed = atlas_record_copy (self->record);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;
      g_autofree char *value = NULL;

      if (!b->dirty)
        continue;
      dirty = TRUE;
      text = binding_get_text (b);
      message = atlas_validate (b->check, text);
      if (message != NULL)
        return FALSE;
      value = atlas_validate_normalize (b->check, text);
      set_record_field (self, typed, b->field, value);
    }
  return !dirty || record_problem (self, typed) == NULL;
}

static void
update_savable (AtlasEditorForm *self)
{
  gboolean savable = compute_savable (self);

  if (savable == self->savable)
    return;
  self->savable = savable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVABLE]);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AtlasEditorForm *self = user_data;

  self->save_source = 0;
  atlas_editor_form_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (AtlasEditorForm *self)
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

/* Whether @text differs from what the record holds for @b's field. */
static gboolean
binding_differs (Binding    *b,
                 const char *text)
{
  g_autofree char *value = atlas_validate_normalize (b->check, text);

  return g_strcmp0 (value, record_field (b->form, b->form->record, b->field)) != 0;
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

  text = binding_get_text (b);
  message = atlas_validate (b->check, text);
  binding_show_error (b, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);

  /* Typing back what is stored (or undoing the typing) leaves nothing
   * to save, and Ctrl+Z then goes to the history. */
  b->dirty = message != NULL || binding_differs (b, text);
  update_savable (self);
  schedule_save (self);
}

/* What the record holds for the field, as the field shows it. */
static char *
record_field_text (Binding *b)
{
  return atlas_validate_display (b->check, record_field (b->form, b->form->record, b->field));
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
          b->taken_back = binding_get_text (b);
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

static void
binding_free (gpointer data)
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

static gboolean
binding_has_focus (Binding *b)
{
  return gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (b->focus));
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
  gint64 id = id_of (self->record);

  for (guint i = 0; id != 0 && i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      if (b->dirty)
        g_hash_table_insert (self->drafts, draft_key (id, b->field), binding_get_text (b));
    }
}

/* Puts back the drafts kept for the record now shown, marked as before. */
static void
restore_drafts (AtlasEditorForm *self)
{
  gint64 id = id_of (self->record);

  for (guint i = 0; id != 0 && i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_autofree char *key = draft_key (id, b->field);
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;

      g_autofree char *stored_key = NULL;

      if (!g_hash_table_steal_extended (self->drafts, key, (gpointer *) &stored_key, (gpointer *) &text))
        continue;
      if (!binding_differs (b, text))
        continue;
      self->filling = TRUE;
      if (GTK_IS_TEXT_VIEW (b->widget))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), text, -1);
      else if (GTK_IS_EDITABLE (b->widget))
        gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
      self->filling = FALSE;
      message = atlas_validate (b->check, text);
      binding_show_error (b, message);
      b->dirty = TRUE;
    }
  update_savable (self);
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

      if (!all && (b->dirty || (self->writing && binding_has_focus (b))))
        continue;
      b->dirty = FALSE;
      binding_set_text (b, self->record ? record_field (self, self->record, b->field) : "");
      if (all)
        binding_reset_undo (b);
      binding_show_error (b, NULL);
      /* A catalogue open read-only cannot take edits: nothing to type. */
      gtk_widget_set_sensitive (b->widget, self->record != NULL && self->store != NULL &&
                                           !atlas_store_is_read_only (self->store));
    }
  self->filling = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
  update_savable (self);
}

static void
store_changed_cb (AtlasEditorForm *self,
                  guint            kind,
                  gint64           id,
                  AtlasStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) fresh = NULL;
  gint64 mine = id_of (self->record);

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
          g_signal_emit (self, signals[RECORD_GONE], 0, mine);
          g_signal_emit (self, signals[RECORD_CHANGED], 0);
        }
      return;
    }

  g_set_object (&self->record, fresh);
  fill (self, FALSE);
  g_signal_emit (self, signals[RECORD_CHANGED], 0);
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

    case PROP_SAVABLE:
      g_value_set_boolean (value, self->savable);
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

  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Everything typed can be written: no field is invalid and the record
   * is complete. An editor that would lose text on closing asks first. */
  properties[PROP_SAVABLE] =
    g_param_spec_boolean ("savable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record was written; its id is set (also for a new contact). */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The record shown was deleted elsewhere (an undo, a merge). */
  signals[RECORD_GONE] =
    g_signal_new ("record-gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The store refused the write; the text stays and is tried again. */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* The record shown was saved, reloaded or replaced. */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_editor_form_init (AtlasEditorForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->savable = TRUE;
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
  if (record == NULL || self->record == NULL || id_of (record) != id_of (self->record))
    scroll_to_top (self);

  g_clear_object (&self->record);
  if (record != NULL)
    self->record = atlas_record_copy (record);
  fill (self, TRUE);
  restore_drafts (self);
  set_problem (self, self->record ? record_problem (self, self->record) : NULL);
  g_signal_emit (self, signals[RECORD_CHANGED], 0);
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

  return id_of (self->record);
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

gboolean
atlas_editor_form_is_savable (AtlasEditorForm *self)
{
  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), TRUE);

  return self->savable;
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
      text = binding_get_text (b);
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

  ags = record_field (self, record, self->kind == ATLAS_RECORD_VISIT ? ATLAS_VISIT_AGS
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

      text = binding_get_text (b);
      message = atlas_validate (b->check, text);
      if (message != NULL)
        {
          all_written = FALSE;
          continue;
        }

      g_ptr_array_add (valid, b);
      value = atlas_validate_normalize (b->check, text);
      if (g_strcmp0 (value, record_field (self, after, b->field)) != 0)
        {
          set_record_field (self, after, b->field, value);
          last = b;
          n_changed++;
        }
    }

  problem = record_problem (self, after);
  set_problem (self, problem);
  if (problem != NULL)
    return FALSE;

  /* Only clean from here on: the invalid fields stay dirty. What is
   * saved leaves the field's own undo; Ctrl+Z takes it back through the
   * history from now on. */
  for (guint i = 0; i < valid->len; i++)
    {
      Binding *b = g_ptr_array_index (valid, i);

      b->dirty = FALSE;
      binding_reset_undo (b);
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
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      self->save_source = g_timeout_add_seconds (5, save_timeout_cb, self);
      return FALSE;
    }

  label = history_label (self, after, n_changed == 1 ? last : NULL);

  if (self->history != NULL)
    atlas_history_push (self->history, self->kind,
                        id_of (before) != 0 ? before : NULL, after, label);

  g_set_object (&self->record, after);
  g_signal_emit (self, signals[SAVED], 0, id_of (after));
  g_signal_emit (self, signals[RECORD_CHANGED], 0);
  return all_written;
}

/* A record's name for a message, also when it has none yet. */
static char *
record_name (AtlasEditorForm *self,
             GObject         *record)
{
  g_autofree char *title = record ? record_title (self, record) : NULL;

  if (title != NULL && *title != '\0' && (self->kind != ATLAS_RECORD_VISIT || id_of (record) != 0))
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

/**
 * atlas_editor_form_dup_unsaved:
 *
 * Whose records hold typed text that a flush could not write (invalid,
 * incomplete like a contact without a name, or refused by the store):
 * the record shown and those whose drafts are kept. Call it after
 * atlas_editor_form_flush(); this text is lost if the form goes away.
 *
 * Returns: (transfer full): the records' names, each once; empty when
 *   everything typed is saved
 */
GStrv
atlas_editor_form_dup_unsaved (AtlasEditorForm *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ATLAS_IS_EDITOR_FORM (self), NULL);

  if (self->record != NULL && atlas_editor_form_is_pending (self))
    add_unsaved (names, record_name (self, self->record));

  if (self->drafts != NULL)
    {
      g_hash_table_iter_init (&iter, self->drafts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 id = g_ascii_strtoll (key, NULL, 10);
          gboolean seen = FALSE;

          for (guint i = 0; i < ids->len && !seen; i++)
            seen = g_array_index (ids, gint64, i) == id;
          if (!seen)
            g_array_append_val (ids, id);
        }
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GObject) record = self->store ? atlas_store_load (self->store, self->kind,
                                                                  g_array_index (ids, gint64, i), NULL)
                                              : NULL;

      if (record != NULL)
        add_unsaved (names, record_name (self, record));
    }

  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* The centres' drop-down is searched (54 centres) the way the app's
 * search folds text: "koeln" and "Köln" both find Köln. GtkStringFilter
 * only folds case, so the search key holds the label as written and
 * folded. */
static char *
centre_search_key (GtkStringObject *item,
                   gpointer         user_data)
{
  const char *label = gtk_string_object_get_string (item);
  g_autofree char *folded = atlas_text_fold_search (label);

  return g_strconcat (label, "\n", folded, NULL);
}

/* The drop-down's items show the label alone (the row's own factory
 * would show the search key): a label, and in the popup a check mark
 * on the chosen one, as AdwComboRow draws them. */
static void
centre_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
centre_item_selected_cb (AdwComboRow *row,
                         GParamSpec  *pspec,
                         GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item));
}

static void
centre_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  gboolean in_popup = gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL;

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_widget_set_visible (gtk_widget_get_last_child (box), in_popup);
  if (in_popup)
    {
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (centre_item_selected_cb), item);
      centre_item_selected_cb (row, NULL, item);
    }
}

static void
centre_item_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, centre_item_selected_cb, item);
}

/**
 * atlas_editor_form_bind_centres:
 * @none_label: (nullable): a first choice for «no centre», or %NULL when
 *   a centre must be chosen
 *
 * Offers the 54 centres by district in @row, for a field that holds an AGS,
 * with a search in its popup.
 */
void
atlas_editor_form_bind_centres (AtlasEditorForm *self,
                                AdwComboRow     *row,
                                guint            field,
                                const char      *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkExpression) search_key = NULL;
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));
  g_return_if_fail (self->store != NULL);

  if (none_label != NULL)
    {
      gtk_string_list_append (labels, none_label);
      g_strv_builder_add (values, "");
    }

  ids = atlas_store_query_ids (self->store, ATLAS_RECORD_CENTRE, NULL, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(GObject) centre = atlas_store_load (self->store, ATLAS_RECORD_CENTRE,
                                                    g_array_index (ids, gint64, i), NULL);

      if (centre == NULL)
        continue;
      gtk_string_list_append (labels, atlas_centre_get_field (ATLAS_CENTRE (centre), ATLAS_CENTRE_DISTRICT));
      g_strv_builder_add (values, atlas_centre_get_field (ATLAS_CENTRE (centre), ATLAS_CENTRE_AGS));
    }

  strv = g_strv_builder_end (values);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (centre_item_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (centre_item_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (centre_item_unbind_cb), row);
  adw_combo_row_set_factory (row, factory);
  search_key = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                           G_CALLBACK (centre_search_key), NULL, NULL);
  adw_combo_row_set_expression (row, search_key);
  adw_combo_row_set_search_match_mode (row, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  adw_combo_row_set_enable_search (row, TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  atlas_editor_form_bind_choice (self, row, field, (const char * const *) strv);
}
