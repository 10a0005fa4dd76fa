/* atlas-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-a11y.h"
#include "atlas-file-dialog.h"
#include "atlas-alert.h"
#include "atlas-centres-page.h"
#include "atlas-contacts-page.h"
#include "atlas-example-tour.h"
#include "atlas-exchange-dialogs.h"
#include "atlas-facts.h"
#include "atlas-import-job.h"
#include "atlas-import-report.h"
#include "atlas-popover.h"
#include "atlas-releases-page.h"
#include "atlas-resources.h"
#include "atlas-shortcuts.h"
#include "atlas-toast.h"
#include "atlas-tour-page.h"
#include "atlas-visit-editor.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  GSettings *settings;

  GCancellable *import_cancellable;  /* set while an import runs */
  AdwDialog *discard_alert;          /* asks before closing drops invalid text */
  gboolean discard;                  /* the user chose to close all the same */
  guint poll_id;                     /* looks for other programs' writes */

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  GtkMenuButton *primary_menu_button;
  GtkWidget *back_button;
  AdwWindowTitle *narrow_title;
  AdwBanner *banner;
  GtkRevealer *import_revealer;
  GtkLabel *import_label;
  GtkProgressBar *import_progress;
  AdwViewStack *stack;
  AtlasCentresPage *centres_page;
  AtlasContactsPage *contacts_page;
  AtlasReleasesPage *releases_page;
  AdwBin *tour_slot;
  AtlasTourPage *tour_page;  /* made when first shown: its map costs start-up time */
};

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_window_state (AtlasWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-view",
                         adw_view_stack_get_visible_child_name (self->stack));
  g_settings_apply (self->settings);
}

/* The visit editor, when it is open over the window (under an alert,
 * perhaps). */
static AtlasVisitEditor *
open_visit_editor (AtlasWindow *self)
{
  g_autoptr(GListModel) dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (self));

  for (guint i = 0; i < g_list_model_get_n_items (dialogs); i++)
    {
      g_autoptr(GObject) dialog = g_list_model_get_item (dialogs, i);

      if (ATLAS_IS_VISIT_EDITOR (dialog))
        return ATLAS_VISIT_EDITOR (dialog);
    }
  return NULL;
}

/* Writes what was typed and not yet saved, in every editor. */
gboolean
atlas_window_flush (AtlasWindow *self)
{
  AtlasVisitEditor *visit_editor;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  ok = atlas_centres_page_flush (self->centres_page);
  ok = atlas_contacts_page_flush (self->contacts_page) && ok;
  if ((visit_editor = open_visit_editor (self)) != NULL)
    ok = atlas_visit_editor_flush (visit_editor) && ok;
  return ok;
}

/**
 * atlas_window_dup_unsaved:
 *
 * Whose typed text could not be saved by atlas_window_flush() (invalid,
 * or a contact without a name), in every editor: what closing the
 * window loses.
 *
 * Returns: (transfer full): the records' names; empty when there is none
 */
GStrv
atlas_window_dup_unsaved (AtlasWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) centres = NULL;
  g_auto(GStrv) contacts = NULL;
  g_auto(GStrv) visits = NULL;
  AtlasVisitEditor *visit_editor;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  centres = atlas_centre_editor_dup_unsaved (atlas_centres_page_get_editor (self->centres_page));
  contacts = atlas_contact_editor_dup_unsaved (atlas_contacts_page_get_editor (self->contacts_page));
  if ((visit_editor = open_visit_editor (self)) != NULL)
    visits = atlas_visit_editor_dup_unsaved (visit_editor);
  g_strv_builder_addv (builder, (const char **) centres);
  g_strv_builder_addv (builder, (const char **) contacts);
  if (visits != NULL)
    g_strv_builder_addv (builder, (const char **) visits);
  return g_strv_builder_end (builder);
}

/* The alert is out of the window: its closing is done. */
static void
discard_alert_gone_cb (AdwDialog   *alert,
                       GParamSpec  *pspec,
                       AtlasWindow *self)
{
  if (gtk_widget_get_parent (GTK_WIDGET (alert)) != NULL)
    return;
  g_signal_handlers_disconnect_by_func (alert, discard_alert_gone_cb, self);
  atlas_window_quit (self);
}

static void
discard_response_cb (AdwAlertDialog *alert,
                     const char     *response,
                     AtlasWindow    *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->discard = TRUE;
  /* The window goes once the alert has closed (libadwaita animates it and
   * then takes it out of the window): a window destroyed while a dialog
   * in it was closing crashed in GTK. The application quits when its last
   * window is gone. */
  g_signal_connect_object (alert, "notify::parent", G_CALLBACK (discard_alert_gone_cb), self, 0);
}

static void
discard_alert_closed_cb (AdwDialog   *alert,
                         AtlasWindow *self)
{
  if (self->discard_alert == alert)
    self->discard_alert = NULL;
}

/* Text that cannot be saved is not dropped without a word: asks, as
 * GNOME apps ask before closing an unsaved document, naming the records.
 * Cancel, the default, goes back to them. */
static void
ask_to_discard (AtlasWindow        *self,
                const char * const *names)
{
  g_autoptr(GString) list = g_string_new (NULL);
  AdwDialog *alert;

  if (self->discard_alert != NULL)
    {
      adw_dialog_present (self->discard_alert, GTK_WIDGET (self));
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (list, "%s• %s", i ? "\n" : "", names[i]);

  alert = atlas_alert_new_question (_("Discard Invalid Entries?"), NULL,
                                    "discard", _("_Discard and Quit"), ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                /* TRANSLATORS: %s lists records, one a line */
                                _("These entries are not valid and cannot be saved:\n%s\n"
                                  "Cancel to correct them, or discard them and quit."),
                                list->str);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  self->discard_alert = alert;
  g_signal_connect_object (alert, "response", G_CALLBACK (discard_response_cb), self, 0);
  g_signal_connect_object (alert, "closed", G_CALLBACK (discard_alert_closed_cb), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* Saves what was typed, in the dialogs over the window too. When some
 * of it cannot be saved, asks whether to discard it, and returns FALSE:
 * the window stays for the answer. */
static gboolean
may_close (AtlasWindow *self)
{
  g_auto(GStrv) unsaved = NULL;

  if (atlas_window_flush (self) || self->discard)
    return TRUE;
  unsaved = atlas_window_dup_unsaved (self);
  if (unsaved[0] == NULL)
    return TRUE;
  ask_to_discard (self, (const char * const *) unsaved);
  return FALSE;
}

/* Closed by the window manager, the window's × or Ctrl+W. (A dialog open
 * over the window closes first, and the window stays: libadwaita answers
 * the request before this does.) */
static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  if (!may_close (self))
    return TRUE;
  save_window_state (self);

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

/**
 * atlas_window_quit:
 *
 * Closes the window as app.quit does, with the dialogs over it: what was
 * typed is saved first; when something cannot be saved the window stays
 * and asks whether to discard it.
 */
void
atlas_window_quit (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (!may_close (self))
    return;
  save_window_state (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  /* Search what is shown; the centres where nothing else can be searched. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "releases") == 0)
    {
      atlas_releases_page_search (self->releases_page);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, "centres");
  atlas_centres_page_search (self->centres_page);
}

static void ensure_tour_page (AtlasWindow *self);
static void show_record (AtlasWindow     *self,
                         AtlasRecordKind  kind,
                         gint64           id);

/* Editing ------------------------------------------------------------------ */

static void
update_history_actions (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history && atlas_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history && atlas_history_can_redo (self->history));
}

static void
history_step (AtlasWindow *self,
              gboolean     undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *label;
  AdwToast *toast;
  AtlasRecordKind kind = ATLAS_RECORD_CENTRE;
  gint64 id = 0;
  gboolean has_record;

  /* What is typed but not yet saved is saved first, and so undone first. */
  atlas_window_flush (self);

  if (self->history == NULL)
    return;
  label = undo ? atlas_history_get_undo_label (self->history)
               : atlas_history_get_redo_label (self->history);
  if (label == NULL)
    return;
  has_record = undo ? atlas_history_get_undo_record (self->history, &kind, &id)
                    : atlas_history_get_redo_record (self->history, &kind, &id);
  /* TRANSLATORS: a toast; %s names an edit, like “Edit “Phone”” */
  text = undo ? g_markup_printf_escaped (_("Undone: %s"), label)
              : g_markup_printf_escaped (_("Redone: %s"), label);

  if (!(undo ? atlas_history_undo (self->history, &error)
             : atlas_history_redo (self->history, &error)))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }
  toast = adw_toast_new (text);
  /* It says what the last key did: shown at once, over an older toast. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* The record undone or redone is shown, in its view if another is
   * shown, so that the user sees what changed (a deleted contact is back
   * and selected), as GNOME apps do. */
  if (has_record)
    show_record (self, kind, id);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  history_step (ATLAS_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  history_step (ATLAS_WINDOW (widget), FALSE);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  /* Ctrl+N in the Tour view starts a visit, elsewhere a contact. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "tour") == 0 &&
      g_strcmp0 (action_name, "win.new-item") == 0)
    {
      ensure_tour_page (self);
      atlas_tour_page_new_visit (self->tour_page);
      return;
    }

  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_new_contact (self->contacts_page, NULL);
}

static void
import_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_choose_import (self->contacts_page);
}

static void
export_contacts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_choose_export (self->contacts_page, FALSE);
}

/* Calendars, map data and the contact list (atlas-exchange-dialogs.c). */
static void
exchange_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-visits"))
    atlas_exchange_choose_export_visits (self);
  else if (g_str_equal (action_name, "win.import-visits"))
    atlas_exchange_choose_import_visits (self);
  else if (g_str_equal (action_name, "win.export-map-data"))
    atlas_exchange_choose_export_map_data (self);
  else if (g_str_equal (action_name, "win.export-contact-list"))
    atlas_exchange_choose_export_contact_list (self);
  else if (g_str_equal (action_name, "win.print-contact-list"))
    atlas_exchange_print_contact_list (self);
}

static void
show_contact_cb (AtlasWindow *self,
                 gint64       id)
{
  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_show_contact (self->contacts_page, id);
}

static void
add_contact_cb (AtlasWindow *self,
                const char  *ags)
{
  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_new_contact (self->contacts_page, ags);
}

/* Import ------------------------------------------------------------------- */

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  AtlasWindow *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: progress of an import, e.g. "Imported 2 of 5 files". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u of %u file", "Imported %u of %u files", total),
                          done, total);
  gtk_label_set_label (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, total ? (double) done / total : 0);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  AtlasImportTotals totals = { 0 };

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);

  results = atlas_import_files_finish (result, &error);

  /* The import wrote through its own connection: refresh what is shown. */
  atlas_store_notify_changed (self->store, ATLAS_RECORD_RELEASE);
  atlas_store_notify_changed (self->store, ATLAS_RECORD_VISIT);

  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        atlas_toast_add_text (GTK_WIDGET (self), error->message);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      return;
    }

  for (guint i = 0; i < results->len; i++)
    atlas_import_totals_add (&totals, g_ptr_array_index (results, i));

  if (totals.n_rejected == 0 && totals.n_skipped == 0 && results->len == 1)
    {
      g_autofree char *line = atlas_import_result_describe (g_ptr_array_index (results, 0));

      /* A toast's title is markup: the file's name is text. */
      atlas_toast_add_text (GTK_WIDGET (self), line);
    }
  else
    {
      /* The report the CLI prints (atlas-import-report.c), with the
       * parser's words, in the details box: a line per file, whose path
       * can be wider than the alert; the totals above it. */
      g_autofree char *report = atlas_import_report_text (results, TRUE);
      g_autofree char *summary = results->len > 1 ? atlas_import_totals_describe_files (&totals)
                                                  : atlas_import_result_describe (g_ptr_array_index (results, 0));
      const char *heading;

      /* The totals are the body already. */
      g_strchomp (report);
      if (results->len > 1 && strrchr (report, '\n') != NULL)
        *strrchr (report, '\n') = '\0';
      if (totals.n_rejected > 0)
        heading = g_dngettext (GETTEXT_PACKAGE, "A File Was Not Imported", "Files Were Not Imported",
                               totals.n_rejected);
      else
        heading = _("Import Finished");
      atlas_alert_show_details (GTK_WIDGET (self), heading, summary, report);
    }

  if (totals.n_new + totals.n_updated > 0)
    adw_view_stack_set_visible_child_name (self->stack, "releases");
}

/**
 * atlas_window_import_files:
 *
 * Imports @files in a worker thread; the window shows progress and a
 * Cancel button, and stays usable.
 */
void
atlas_window_import_files (AtlasWindow  *self,
                           GFile       **files,
                           guint         n_files)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (n_files == 0 || self->import_cancellable != NULL)
    return;

  self->import_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);
  import_progress_cb (0, n_files, self);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  atlas_import_files_async (atlas_store_get_path (self->store), files, n_files,
                            self->import_cancellable, import_progress_cb, self,
                            import_done_cb, g_object_ref (self));
}

static void
files_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GListModel) chosen = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  /* NULL when cancelled: nothing to say. */
  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  if (files->len > 0)
    atlas_file_dialog_remember (g_ptr_array_index (files, 0));
  atlas_window_import_files (self, (GFile **) files->pdata, files->len);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = atlas_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_dialog_set_title (dialog, _("Import Press Releases"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));

  gtk_file_filter_set_name (xml, _("Press releases (RSS, Atom, NITF, NewsML-G2)"));
  gtk_file_filter_add_mime_type (xml, "application/xml");
  gtk_file_filter_add_mime_type (xml, "text/xml");
  gtk_file_filter_add_mime_type (xml, "application/rss+xml");
  gtk_file_filter_add_mime_type (xml, "application/atom+xml");
  gtk_file_filter_add_mime_type (xml, "application/rdf+xml");
  gtk_file_filter_add_suffix (xml, "xml");
  gtk_file_filter_add_suffix (xml, "rss");
  gtk_file_filter_add_suffix (xml, "atom");
  gtk_file_filter_add_suffix (xml, "rdf");
  g_list_store_append (filters, xml);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, xml);

  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, files_chosen_cb, g_object_ref (self));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AtlasWindow   *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  atlas_window_import_files (self, (GFile **) files->pdata, files->len);

  return files->len > 0;
}

static void focus_view (AtlasWindow *self);

/* Alt+1…4 */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, g_variant_get_string (parameter, NULL));
  focus_view (self);
}

/* Shows the record with @id in its view, selected. */
static void
show_record (AtlasWindow     *self,
             AtlasRecordKind  kind,
             gint64           id)
{
  const char *view;
  gboolean other_view;

  if (kind == ATLAS_RECORD_CENTRE)
    view = "centres";
  else if (kind == ATLAS_RECORD_CONTACT)
    view = "contacts";
  else if (kind == ATLAS_RECORD_VISIT)
    view = "tour";
  else
    return;
  other_view = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), view) != 0;
  atlas_window_show_view (self, view);

  if (kind == ATLAS_RECORD_CENTRE)
    atlas_centres_page_show_centre (self->centres_page, id);
  else if (kind == ATLAS_RECORD_CONTACT)
    atlas_contacts_page_show_contact (self->contacts_page, id);
  else
    atlas_tour_page_show_visit (atlas_window_get_tour_page (self), id);
  if (other_view)
    focus_view (self);
}

/* The example tour is removed from any view, while it is there. */
static void
remove_example_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, "tour");
  atlas_tour_page_remove_example (atlas_window_get_tour_page (self));
}

static void
update_example_action (AtlasWindow *self,
                       guint        kind)
{
  if (kind == ATLAS_RECORD_VISIT)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-example-tour",
                                   self->store != NULL && atlas_example_tour_count (self->store) > 0);
}

/* A visit's press release in the reader. */
static void
show_release_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, "releases");
  atlas_releases_page_show_release (self->releases_page, g_variant_get_int64 (parameter));
}

/* A release's visit in its editor, over the Tour view. */
static void
show_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GObject) visit = atlas_store_load (self->store, ATLAS_RECORD_VISIT,
                                               g_variant_get_int64 (parameter), NULL);

  if (visit == NULL)
    return;
  atlas_window_show_view (self, "tour");
  atlas_tour_page_edit_visit (atlas_window_get_tour_page (self), ATLAS_VISIT (visit));
}

/* Narrow views: one header bar -------------------------------------------- */

/* The list-and-detail split view of the view shown, if it has one. */
static AdwNavigationSplitView *
find_split_view (GtkWidget *widget)
{
  if (ADW_IS_NAVIGATION_SPLIT_VIEW (widget))
    return ADW_NAVIGATION_SPLIT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwNavigationSplitView *found = find_split_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwNavigationSplitView *
visible_split_view (AtlasWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);

  return visible != NULL ? find_split_view (visible) : NULL;
}

/* A narrow window shows the list or the detail of a view, never both; the
 * window's header bar then carries the back button and the detail's
 * title, so there is one header bar however narrow the window. */
static void
update_navigation (AtlasWindow *self)
{
  AdwNavigationSplitView *split = visible_split_view (self);
  gboolean in_detail = split != NULL &&
                       adw_navigation_split_view_get_collapsed (split) &&
                       adw_navigation_split_view_get_show_content (split);
  AdwNavigationPage *page = NULL;

  if (in_detail)
    page = adw_navigation_split_view_get_content (split);
  else if (split != NULL && adw_navigation_split_view_get_collapsed (split))
    page = adw_navigation_split_view_get_sidebar (split);

  gtk_widget_set_visible (self->back_button, in_detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", in_detail);
  adw_window_title_set_title (self->narrow_title,
                              page != NULL ? adw_navigation_page_get_title (page) : "Integrationsatlas");
}

static gboolean
is_shown_list (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) &&
         (GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_COLUMN_VIEW (widget));
}

static GtkWidget *
find_shown_list (GtkWidget *widget)
{
  if (is_shown_list (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Into the view shown: its list, or on a narrow window that shows a
 * record, the record's first field, as in GNOME Contacts. The focus
 * stayed on a widget of the view left, hidden now, and GTK gave it to the
 * header bar's first button. */
static void
focus_view (AtlasWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);
  AdwNavigationSplitView *split = view != NULL ? find_split_view (view) : NULL;
  GtkWidget *area = view;
  GtkWidget *list = NULL;

  if (view == NULL)
    return;
  if (split != NULL && gtk_widget_get_mapped (GTK_WIDGET (split)))
    {
      if (adw_navigation_split_view_get_collapsed (split) &&
          adw_navigation_split_view_get_show_content (split))
        area = GTK_WIDGET (adw_navigation_split_view_get_content (split));
      else
        {
          area = GTK_WIDGET (adw_navigation_split_view_get_sidebar (split));
          list = find_shown_list (area);
        }
    }
  else
    list = find_shown_list (view);

  if (list != NULL && (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD) || gtk_widget_grab_focus (list)))
    return;
  if (!gtk_widget_child_focus (area, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
watch_split_view (AtlasWindow *self,
                  GtkWidget   *view)
{
  AdwNavigationSplitView *split = find_split_view (view);

  if (split == NULL)
    return;
  g_signal_connect_object (split, "notify::collapsed", G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (split, "notify::show-content", G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_navigation_split_view_get_content (split), "notify::title",
                           G_CALLBACK (update_navigation), self, G_CONNECT_SWAPPED);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AdwNavigationSplitView *split = visible_split_view (ATLAS_WINDOW (widget));

  if (split != NULL)
    adw_navigation_split_view_set_show_content (split, FALSE);
}

/* Ctrl+E: the Tour view's map export, from anywhere in the window. */
static void
export_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, "tour");
  gtk_widget_activate_action (GTK_WIDGET (atlas_window_get_tour_page (self)), "tour.export", "s", "png");
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  adw_dialog_present (atlas_shortcuts_dialog_new (), widget);
}

static void
ensure_tour_page (AtlasWindow *self)
{
  if (self->tour_page != NULL)
    return;

  self->tour_page = g_object_new (ATLAS_TYPE_TOUR_PAGE, NULL);
  atlas_tour_page_set_store (self->tour_page, self->store);
  atlas_tour_page_set_history (self->tour_page, self->history);
  adw_bin_set_child (self->tour_slot, GTK_WIDGET (self->tour_page));
  watch_split_view (self, GTK_WIDGET (self->tour_page));
}

static void
visible_view_changed_cb (AtlasWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "tour") == 0)
    ensure_tour_page (self);
  update_navigation (self);
}

/* A catalogue with older public facts receives this version's in the
 * fields its user never changed; one Undo takes them back. */
static void
update_facts (AtlasWindow *self)
{
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL || atlas_store_is_read_only (self->store))
    return;

  if (!atlas_facts_update (self->store, self->history, FALSE, &report, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }
  if ((summary = atlas_facts_report_summary (report)) == NULL)
    return;

  /* TRANSLATORS: %s is the date of the facts, then e.g. "3 centres completed, 1 hint" */
  title = g_strdup_printf (_("Public facts of %s: %s"), report->facts_date, summary);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  if (report->n_fields > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* How often the catalogue is asked whether another program wrote to it. */
#define POLL_SECONDS 2

/* The command line or another window wrote to the catalogue: the views
 * refresh through the store's ::changed, as after this window's writes. */
static gboolean
poll_changes_cb (gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->store != NULL)
    atlas_store_poll_changes (self->store);
  return G_SOURCE_CONTINUE;
}

static void
active_changed_cb (AtlasWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    poll_changes_cb (self);
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_autofree char *name = g_path_get_basename (atlas_store_get_path (self->store));

      /* Which catalogue is open: the file's name in the window's title
       * (wide, the header bar holds the view switcher) and under the
       * narrow header's title, whose tooltip gives the whole path. */
      /* TRANSLATORS: the window's title; %s is the catalogue's file name */
      g_autofree char *title = g_strdup_printf (_("%s – Integrationsatlas"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_subtitle (self->narrow_title, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->narrow_title), atlas_store_get_path (self->store));
      g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
      self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_changes_cb, self);
      self->history = atlas_history_new (self->store);
      g_signal_connect_object (self->history, "notify", G_CALLBACK (update_history_actions), self,
                               G_CONNECT_SWAPPED);
    }
  update_history_actions (self);
  update_facts (self);
  update_example_action (self, ATLAS_RECORD_VISIT);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (update_example_action), self,
                             G_CONNECT_SWAPPED);

  /* The Tour view may have been made already, when the window opened on
   * it (the last view shown), before the store was known. */
  if (self->tour_page != NULL)
    {
      atlas_tour_page_set_store (self->tour_page, self->store);
      atlas_tour_page_set_history (self->tour_page, self->history);
    }

  atlas_centres_page_set_context (self->centres_page, self->store, self->history);
  atlas_contacts_page_set_context (self->contacts_page, self->store, self->history);
  g_signal_connect_object (self->centres_page, "show-contact", G_CALLBACK (show_contact_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->centres_page, "add-contact", G_CALLBACK (add_contact_cb), self,
                           G_CONNECT_SWAPPED);
  atlas_releases_page_set_store (self->releases_page, self->store);

  /* A catalogue that cannot be saved says so as long as it is open. */
  if (self->store != NULL && atlas_store_is_read_only (self->store))
    {
      adw_banner_set_title (self->banner, _("This catalogue is open read-only: changes cannot be saved."));
      adw_banner_set_revealed (self->banner, TRUE);
    }
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);

  /* A closing window stops its import; what was done is kept. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);

  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+W: the dialog standing in the window (an editor, Preferences)
 * closes first, saving what was typed; without one, the window. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (widget));

  if (dialog != NULL)
    adw_dialog_close (dialog);
  else
    gtk_window_close (GTK_WINDOW (widget));
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* Referencing the resource keeps the object file with its registering
   * constructor in the link, and with it every template. */
  (void) atlas_get_resource ();

  object_class->constructed = atlas_window_constructed;
  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;

  window_class->close_request = atlas_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_CENTRES_PAGE);
  g_type_ensure (ATLAS_TYPE_CONTACTS_PAGE);
  g_type_ensure (ATLAS_TYPE_RELEASES_PAGE);
  g_type_ensure (ATLAS_TYPE_TOUR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, centres_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, releases_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, tour_slot);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-release", "x", show_release_action);
  gtk_widget_class_install_action (widget_class, "win.remove-example-tour", NULL, remove_example_action);
  gtk_widget_class_install_action (widget_class, "win.show-visit", "x", show_visit_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.import-contacts", NULL, import_contacts_action);
  gtk_widget_class_install_action (widget_class, "win.export-contacts", NULL, export_contacts_action);
  gtk_widget_class_install_action (widget_class, "win.export-visits", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.import-visits", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export-map-data", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export-contact-list", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.print-contact-list", NULL, exchange_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_map_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "centres");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "releases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "tour");
}

static void
atlas_window_init (AtlasWindow *self)
{
  g_autofree char *last_view = NULL;

  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_a11y_name_inner_buttons (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  /* In a narrow window the button is left of the window's own buttons. */
  atlas_popover_keep_in_window (gtk_menu_button_get_popover (self->primary_menu_button));

  /* Files dropped anywhere on the window are imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (visible_view_changed_cb), self);
  watch_split_view (self, GTK_WIDGET (self->centres_page));
  watch_split_view (self, GTK_WIDGET (self->contacts_page));
  watch_split_view (self, GTK_WIDGET (self->releases_page));
  last_view = g_settings_get_string (self->settings, "last-view");
  atlas_window_show_view (self, last_view);
  update_navigation (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

AtlasWindow *
atlas_window_new (GtkApplication *application,
                  AtlasStore     *store)
{
  return g_object_new (ATLAS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AtlasStore *
atlas_window_get_store (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->store;
}

AtlasCentresPage *
atlas_window_get_centres_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->centres_page;
}

/**
 * atlas_window_show_view:
 * @name: centres, contacts, releases or tour
 */
AtlasTourPage *
atlas_window_get_tour_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  ensure_tour_page (self);
  return self->tour_page;
}

AtlasReleasesPage *
atlas_window_get_releases_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->releases_page;
}

void
atlas_window_show_view (AtlasWindow *self,
                        const char  *name)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

AtlasContactsPage *
atlas_window_get_contacts_page (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->contacts_page;
}

AtlasHistory *
atlas_window_get_history (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->history;
}

/* Shows @markup in a toast (AdwToast reads its title as markup). */
void
atlas_window_add_toast (AtlasWindow *self,
                        const char  *markup)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}
