/* atlas-window-import.c: the main window's import of press releases:
 * Ctrl+O, files dropped on the window, its progress and its report
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
#include "atlas-window-private.h"

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

  if (results == NULL)
    {
      /* Cancelled or failed: what finished before may have been written. */
      atlas_store_poll_changes (self->store);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        atlas_toast_add_text (GTK_WIDGET (self), error->message);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      return;
    }

  for (guint i = 0; i < results->len; i++)
    atlas_import_totals_add (&totals, g_ptr_array_index (results, i));

  /* The import wrote through its own connection: the views of exactly the
   * kinds it wrote show them anew (an exchange file writes centres and
   * contacts too). */
  for (guint kind = 0; kind < ATLAS_N_RECORD_KINDS; kind++)
    if (totals.changed & ATLAS_RECORD_BIT (kind))
      atlas_store_notify_changed (self->store, kind);

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

void
_atlas_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

void
_atlas_window_init_import (AtlasWindow *self)
{
  GtkDropTarget *drop;

  /* Files dropped anywhere on the window are imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
