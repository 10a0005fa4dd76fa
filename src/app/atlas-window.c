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
#include "atlas-visit-date.h"
#include "atlas-visit-editor.h"
#include "atlas-window-private.h"

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

  if (self->discard)
    return TRUE;
  /* Not only what the editors show: a record left with an invalid value
   * keeps it as a draft, which a flush of the record shown does not see
   * (quitting dropped it without a word). */
  atlas_window_flush (self);
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
void
_atlas_window_focus_view (AtlasWindow *self)
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

void
_atlas_window_ensure_tour_page (AtlasWindow *self)
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
    _atlas_window_ensure_tour_page (self);
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
  g_autofree char *facts_date = NULL;
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
  facts_date = atlas_format_visit_date (report->facts_date);
  title = g_strdup_printf (_("Public facts of %s: %s"), facts_date, summary);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  if (report->n_fields > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      atlas_window_offer_undo (self, toast);
      return;
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
      g_signal_connect_object (self->history, "notify", G_CALLBACK (_atlas_window_update_history_actions), self,
                               G_CONNECT_SWAPPED);
    }
  _atlas_window_update_history_actions (self);
  update_facts (self);
  _atlas_window_update_example_action (self, ATLAS_RECORD_VISIT);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (_atlas_window_update_example_action), self,
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
  g_signal_connect_object (self->centres_page, "show-contact", G_CALLBACK (_atlas_window_show_contact_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->centres_page, "add-contact", G_CALLBACK (_atlas_window_add_contact_cb), self,
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
  g_clear_weak_pointer (&self->history_toast);
  g_clear_weak_pointer (&self->offer_toast);

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

  _atlas_window_class_init_actions (widget_class);
  _atlas_window_class_init_import (widget_class);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
atlas_window_init (AtlasWindow *self)
{
  g_autofree char *last_view = NULL;


  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_a11y_name_inner_buttons (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  /* In a narrow window the button is left of the window's own buttons. */
  atlas_popover_keep_in_window (gtk_menu_button_get_popover (self->primary_menu_button));

  _atlas_window_init_import (self);

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

  _atlas_window_ensure_tour_page (self);
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
