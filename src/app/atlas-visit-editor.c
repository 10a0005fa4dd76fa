/* atlas-visit-editor.c: one visit, saved as it is typed
 *
 * A dialog over the Tour view. A new visit (id 0) is written once it has
 * a centre and a date; every later change is written as it is typed, like
 * the centres and contacts (see atlas-editor-form.c), and can be undone.
 * Closing the dialog saves what is pending. A date that does not exist
 * is not dropped without a word: closing asks first, as quitting does,
 * and Cancel goes back to the field. (A new visit closed before it has a
 * centre is dropped, as before: close-dialogs.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-alert.h"
#include "atlas-editor-form.h"
#include "atlas-toast.h"
#include "atlas-visit-editor.h"

struct _AtlasVisitEditor
{
  AdwDialog parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  AtlasEditorForm *form;
  AdwDialog *discard_alert;   /* asks before closing drops what is typed */

  /* Template children */
  AdwWindowTitle *window_title;
  GtkLabel *problem_label;
  GtkStack *status_stack;
  AdwComboRow *centre_row;
  AdwEntryRow *date_row;
  AdwComboRow *status_row;
  AdwEntryRow *tour_row;
  AdwEntryRow *visitors_row;
  GtkTextView *notes_view;
  AdwPreferencesGroup *sources_group;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (AtlasVisitEditor, atlas_visit_editor, ADW_TYPE_DIALOG)

static void
update_title (AtlasVisitEditor *self)
{
  GObject *record = atlas_editor_form_get_record (self->form);
  gint64 id = atlas_editor_form_get_id (self->form);
  const char *centre = record ? atlas_visit_get_field (ATLAS_VISIT (record), ATLAS_VISIT_CENTRE_NAME) : "";

  adw_window_title_set_title (self->window_title, id ? _("Visit") : _("New Visit"));
  adw_window_title_set_subtitle (self->window_title, centre);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), id != 0);
}

static void
problem_changed_cb (AtlasVisitEditor *self)
{
  g_autofree char *problem = NULL;

  g_object_get (self->form, "problem", &problem, NULL);
  /* The stack keeps the height of the taller line either way: the rows
   * below did jump up when the visit was first saved. */
  if (problem != NULL)
    gtk_label_set_label (self->problem_label, problem);
  gtk_stack_set_visible_child_name (self->status_stack, problem != NULL ? "problem" : "saved");
}

static void
delete_cb (AtlasVisitEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) snapshot = NULL;
  AdwToast *toast;
  gint64 id;

  atlas_editor_form_flush (self->form);
  id = atlas_editor_form_get_id (self->form);
  if (id == 0)
    return;

  snapshot = atlas_store_load (self->store, ATLAS_RECORD_VISIT, id, &error);
  if (snapshot == NULL || !atlas_store_delete_visit (self->store, id, &error))
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (self->history != NULL)
    atlas_history_push (self->history, ATLAS_RECORD_VISIT, snapshot, NULL, _("Delete Visit"));
  toast = adw_toast_new (_("Visit deleted. Ctrl+Z brings it back."));
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  atlas_toast_add (GTK_WIDGET (self), toast);
  adw_dialog_force_close (ADW_DIALOG (self));
}

/* The visit was deleted elsewhere (an undo): nothing left to edit. */
static void
record_gone_cb (AtlasVisitEditor *self)
{
  adw_dialog_force_close (ADW_DIALOG (self));
}

/* Escape, the × and Ctrl+W close the editor at once while no field
 * holds invalid text; otherwise they ask (atlas_visit_editor_close_attempt). */
static void
n_invalid_changed_cb (AtlasVisitEditor *self)
{
  adw_dialog_set_can_close (ADW_DIALOG (self), atlas_editor_form_n_invalid (self->form) == 0);
}

static void
discard_response_cb (AdwAlertDialog   *alert,
                     const char       *response,
                     AtlasVisitEditor *self)
{
  if (g_str_equal (response, "discard"))
    adw_dialog_force_close (ADW_DIALOG (self));
}

static void
discard_alert_closed_cb (AdwDialog        *alert,
                         AtlasVisitEditor *self)
{
  if (self->discard_alert == alert)
    self->discard_alert = NULL;
}

/* The invalid text is named, with why, as GNOME apps ask before closing
 * an unsaved document; Cancel (the default, and Escape) goes back to it
 * with the caret in its field, which keeps the typed text. */
static void
ask_to_discard (AtlasVisitEditor *self,
                GtkWidget        *field,
                const char       *error)
{
  AdwDialog *alert;
  GtkEditable *text;

  if (self->discard_alert != NULL)
    {
      adw_dialog_present (self->discard_alert, GTK_WIDGET (self));
      return;
    }

  alert = atlas_alert_new_question (field == GTK_WIDGET (self->date_row)
                                    ? _("Discard Invalid Date?") : _("Discard Invalid Entry?"),
                                    NULL, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                /* TRANSLATORS: %s says what is wrong with the date */
                                _("%s\nCancel to correct it, or discard it and close the visit."),
                                error);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");

  /* The alert gives the focus back, when it closes, to the widget that
   * had it: the field to correct, its caret where it was. */
  text = GTK_IS_EDITABLE (field) ? gtk_editable_get_delegate (GTK_EDITABLE (field)) : NULL;
  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  else
    gtk_widget_grab_focus (field);

  self->discard_alert = alert;
  g_signal_connect_object (alert, "response", G_CALLBACK (discard_response_cb), self, 0);
  g_signal_connect_object (alert, "closed", G_CALLBACK (discard_alert_closed_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* Closing (Escape, the ×, Ctrl+W, Alt+1…4) with invalid text in a field:
 * what is valid is saved, the rest is asked about. */
static void
atlas_visit_editor_close_attempt (AdwDialog *dialog)
{
  AtlasVisitEditor *self = ATLAS_VISIT_EDITOR (dialog);
  g_autofree char *error = NULL;
  GtkWidget *field = NULL;

  atlas_editor_form_flush (self->form);
  error = atlas_editor_form_dup_error (self->form, &field);
  if (error == NULL)
    {
      adw_dialog_force_close (dialog);
      return;
    }
  ask_to_discard (self, field, error);
}

static void
atlas_visit_editor_closed (AdwDialog *dialog)
{
  AtlasVisitEditor *self = ATLAS_VISIT_EDITOR (dialog);

  atlas_editor_form_flush (self->form);
}

static void
atlas_visit_editor_dispose (GObject *object)
{
  AtlasVisitEditor *self = (AtlasVisitEditor *)object;

  if (self->form != NULL)
    atlas_editor_form_flush (self->form);
  g_clear_object (&self->form);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_visit_editor_parent_class)->dispose (object);
}

static void
atlas_visit_editor_class_init (AtlasVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = atlas_visit_editor_dispose;
  dialog_class->closed = atlas_visit_editor_closed;
  dialog_class->close_attempt = atlas_visit_editor_close_attempt;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, status_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, centre_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, tour_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, visitors_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, sources_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasVisitEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  /* Ctrl+W closes it, as Escape does; Alt+1…4 close it and switch
   * view; Ctrl+Q quits. */
  atlas_dialog_class_close_on_ctrl_w (widget_class);
  atlas_dialog_class_add_window_keys (widget_class);

}

static void
atlas_visit_editor_init (AtlasVisitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->form = atlas_editor_form_new (ATLAS_RECORD_VISIT);
  /* What the form says is missing (atlas-editor-form.c), from the start:
   * the stack is as tall as this line from the first frame on. */
  gtk_label_set_label (self->problem_label, _("Choose a centre and enter a date to save this visit."));
}

/* The centre row lists the 54 centres by district; the status row the
 * three states, in the words of the visit list. */
static void
bind_fields (AtlasVisitEditor *self)
{
  static const char * const statuses[] = { "planned", "done", "suggested", NULL };
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_string_list_append (status_labels, _("Planned"));
  gtk_string_list_append (status_labels, _("Visited"));
  gtk_string_list_append (status_labels, _("Suggested"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_labels));

  atlas_editor_form_bind_centres (self->form, self->centre_row, ATLAS_VISIT_AGS, NULL);
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->date_row), ATLAS_VISIT_DATE, ATLAS_CHECK_VISIT_DATE);
  atlas_editor_form_bind_choice (self->form, self->status_row, ATLAS_VISIT_STATUS, statuses);
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->tour_row), ATLAS_VISIT_TOUR, ATLAS_CHECK_NONE);
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->visitors_row), ATLAS_VISIT_VISITORS, ATLAS_CHECK_NONE);
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->notes_view), ATLAS_VISIT_NOTES, ATLAS_CHECK_NONE);
}

static void
source_activated_cb (AdwActionRow     *row,
                     AtlasVisitEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "release-id"));

  /* The reader is in the window behind the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-release", "x", id);
  adw_dialog_close (ADW_DIALOG (self));
}

/* The press releases the visit came from, each opening in the reader. */
static void
add_sources (AtlasVisitEditor *self,
             gint64            visit_id)
{
  g_autoptr(GArray) ids = visit_id ? atlas_store_get_visit_sources (self->store, visit_id, NULL) : NULL;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GObject) release = atlas_store_load (self->store, ATLAS_RECORD_RELEASE, id, NULL);
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      const char *source;
      GtkWidget *row;

      if (release == NULL)
        continue;
      date = atlas_release_format_published (ATLAS_RELEASE (release));
      source = atlas_release_get_field (ATLAS_RELEASE (release), ATLAS_RELEASE_SOURCE);
      subtitle = g_strjoin (" · ", date, *source ? source : NULL, NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     atlas_release_get_field (ATLAS_RELEASE (release), ATLAS_RELEASE_TITLE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "release-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (row, "activated", G_CALLBACK (source_activated_cb), self);
      adw_preferences_group_add (self->sources_group, row);
      gtk_widget_set_visible (GTK_WIDGET (self->sources_group), TRUE);
    }
}

/**
 * atlas_visit_editor_new:
 * @visit: the visit to edit, or a new one (id 0) with what is known
 */
AtlasVisitEditor *
atlas_visit_editor_new (AtlasStore   *store,
                        AtlasHistory *history,
                        AtlasVisit   *visit)
{
  AtlasVisitEditor *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (ATLAS_IS_VISIT (visit), NULL);

  self = g_object_new (ATLAS_TYPE_VISIT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->history = history ? g_object_ref (history) : NULL;
  atlas_editor_form_set_context (self->form, store, history);
  bind_fields (self);
  g_signal_connect_object (self->form, "record-changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::problem", G_CALLBACK (problem_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "record-gone", G_CALLBACK (record_gone_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::n-invalid", G_CALLBACK (n_invalid_changed_cb), self, G_CONNECT_SWAPPED);
  atlas_editor_form_set_record (self->form, G_OBJECT (visit));
  add_sources (self, atlas_visit_get_id (visit));
  update_title (self);
  problem_changed_cb (self);
  /* A visit planned from the map has its centre and waits for its day:
   * the caret starts there, so what is typed first is the date. */
  if (atlas_visit_get_id (visit) == 0 &&
      *atlas_visit_get_field (visit, ATLAS_VISIT_AGS) != '\0' &&
      *atlas_visit_get_field (visit, ATLAS_VISIT_DATE) == '\0')
    adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->date_row));
  return self;
}

gint64
atlas_visit_editor_get_id (AtlasVisitEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT_EDITOR (self), 0);

  return atlas_editor_form_get_id (self->form);
}

gboolean
atlas_visit_editor_flush (AtlasVisitEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT_EDITOR (self), FALSE);

  return atlas_editor_form_flush (self->form);
}

/* Whose typed text could not be saved (see atlas_editor_form_dup_unsaved()). */
GStrv
atlas_visit_editor_dup_unsaved (AtlasVisitEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_VISIT_EDITOR (self), NULL);

  return atlas_editor_form_dup_unsaved (self->form);
}
