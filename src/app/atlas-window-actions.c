/* atlas-window-actions.c: the main window's actions (search, undo and
 * redo, contacts, calendars and map data, the views and the records in
 * them, the map export, the shortcuts, closing a dialog)
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

static void show_record (AtlasWindow     *self,
                         AtlasRecordKind  kind,
                         gint64           id);

/* Editing ------------------------------------------------------------------ */

void
_atlas_window_update_history_actions (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history && atlas_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history && atlas_history_can_redo (self->history));

  /* A toast's Undo is win.undo: it undoes whatever is newest. Once the
   * history has changed (undone, redone, another edit), the toast would
   * undo something else than it says, so it goes (a walk: a deleted
   * visit's toast came back after Ctrl+Z, and its Undo took back a
   * contact's name typed meanwhile). */
  if (self->offer_toast != NULL &&
      (self->history == NULL || atlas_history_get_serial (self->history) != self->offer_serial))
    {
      adw_toast_dismiss (self->offer_toast);
      g_clear_weak_pointer (&self->offer_toast);
    }
}

/**
 * atlas_window_offer_undo:
 * @toast: (transfer full): a toast whose button is win.undo
 *
 * Shows @toast, which offers to undo the history's newest step, for as
 * long as that step is the newest; an older offer goes.
 */
void
atlas_window_offer_undo (AtlasWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->offer_toast != NULL)
    adw_toast_dismiss (self->offer_toast);
  g_set_weak_pointer (&self->offer_toast, toast);
  self->offer_serial = self->history != NULL ? atlas_history_get_serial (self->history) : 0;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  /* It says what the last key did: shown at once, over an older toast.
   * The one it replaces says what an earlier key did: it goes, rather
   * than waiting in the queue (a high-priority toast puts the one it
   * covers back in the queue, so a run of Ctrl+Z replayed its messages
   * for half a minute after; a walk). */
  if (self->history_toast != NULL)
    adw_toast_dismiss (self->history_toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->history_toast, toast);
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
      _atlas_window_ensure_tour_page (self);
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

void
_atlas_window_show_contact_cb (AtlasWindow *self,
                               gint64       id)
{
  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_show_contact (self->contacts_page, id);
}

void
_atlas_window_add_contact_cb (AtlasWindow *self,
                              const char  *ags)
{
  atlas_window_show_view (self, "contacts");
  atlas_contacts_page_new_contact (self->contacts_page, ags);
}


/* Alt+1…4 */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  atlas_window_show_view (self, g_variant_get_string (parameter, NULL));
  _atlas_window_focus_view (self);
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
    _atlas_window_focus_view (self);
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

void
_atlas_window_update_example_action (AtlasWindow *self,
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

void
_atlas_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
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
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_map_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "centres");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "releases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "tour");
}
