/* atlas-contacts-page.c: the contacts of the press office
 *
 * A searchable list beside the editor of the chosen contact (one at a time
 * on a narrow window). The list asks the store for its rows the first time
 * the page is shown, so start-up does not grow with the contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-file-dialog.h"
#include "atlas-alert.h"
#include "atlas-contact-io.h"
#include "atlas-contacts-page.h"
#include "atlas-toast.h"

struct _AtlasContactsPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  AtlasListModel *model;      /* made when the page is first shown */
  GtkSingleSelection *selection;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkSearchEntry *search_entry;
  GtkStack *content_stack;
  GtkListView *list_view;
  GtkStack *detail_stack;
  AtlasContactEditor *editor;
};

G_DEFINE_FINAL_TYPE (AtlasContactsPage, atlas_contacts_page, GTK_TYPE_WIDGET)

static void
update_content (AtlasContactsPage *self)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *name = "list";

  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    name = *filter ? "no-results" : "empty";
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

static void
update_detail (AtlasContactsPage *self)
{
  gboolean shown = !atlas_contact_editor_is_empty (self->editor);

  gtk_stack_set_visible_child_name (self->detail_stack, shown ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete",
                                 atlas_contact_editor_get_id (self->editor) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.export-one",
                                 atlas_contact_editor_get_id (self->editor) != 0);
  if (!shown)
    adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

/* Keeps the row of the contact shown selected, also when it was just
 * created or the list changed around it. */
static void
sync_selection (AtlasContactsPage *self)
{
  gint64 id = atlas_contact_editor_get_id (self->editor);

  if (self->selection == NULL)
    return;
  if (id == 0 && !atlas_contact_editor_is_empty (self->editor))
    return;  /* a new contact not yet saved */
  gtk_single_selection_set_selected (self->selection, atlas_list_model_find (self->model, id));
}

static void
store_changed_cb (AtlasContactsPage *self,
                  guint              kind)
{
  if (kind != ATLAS_RECORD_CONTACT)
    return;
  sync_selection (self);
  update_detail (self);
}

static void
selection_changed_cb (AtlasContactsPage *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GObject) contact = NULL;
  gint64 id = 0;

  if (pos != GTK_INVALID_LIST_POSITION)
    id = atlas_list_model_get_id (self->model, pos);
  if (id == 0 || id == atlas_contact_editor_get_id (self->editor))
    return;

  contact = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, id, NULL);
  atlas_contact_editor_show (self->editor, contact ? ATLAS_CONTACT (contact) : NULL);
  update_detail (self);
}

static void
ensure_model (AtlasContactsPage *self)
{
  if (self->model != NULL || self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->model = atlas_list_model_new (self->store, ATLAS_RECORD_CONTACT);
  atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_content), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  sync_selection (self);
  update_content (self);
}

static void
search_changed_cb (AtlasContactsPage *self)
{
  if (self->model != NULL)
    {
      atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      sync_selection (self);
    }
  update_content (self);
}

static void
stop_search_cb (AtlasContactsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
activate_cb (AtlasContactsPage *self,
             guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* Back from the detail of a narrow page (the window's back button, Escape,
 * Alt+←): what was typed is saved, and the list has the focus again. */
static void
show_content_cb (AtlasContactsPage *self)
{
  if (adw_navigation_split_view_get_show_content (self->split_view) ||
      !adw_navigation_split_view_get_collapsed (self->split_view))
    return;
  atlas_contact_editor_flush (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
show_contact_cb (AtlasContactsPage *self,
                 gint64             id)
{
  atlas_contacts_page_show_contact (self, id);
}

static void
merged_cb (AtlasContactsPage *self,
           gint64             kept_id)
{
  AdwToast *toast = adw_toast_new (_("Contacts merged"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  atlas_toast_add (GTK_WIDGET (self), toast);
  atlas_contacts_page_show_contact (self, kept_id);
}

static void
export_one_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  atlas_contacts_page_choose_export (ATLAS_CONTACTS_PAGE (widget), TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_contacts_page_delete_shown (ATLAS_CONTACTS_PAGE (widget));
}

/* Rows are built in code: a GtkBuilderListItemFactory parses its XML for
 * each of the ~200 rows a list view keeps, which cost 70 ms when the view
 * was first shown with 10,000 contacts (bench/atlas-bench-contacts). */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  AtlasContact *contact = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *summary = gtk_widget_get_next_sibling (name);
  g_autofree char *display = atlas_contact_dup_display_name (contact);
  g_autofree char *what = atlas_contact_dup_summary (contact);

  gtk_label_set_label (GTK_LABEL (name), display);
  gtk_label_set_label (GTK_LABEL (summary), what);
  gtk_widget_set_visible (summary, *what != '\0');
}

static void
atlas_contacts_page_dispose (GObject *object)
{
  AtlasContactsPage *self = (AtlasContactsPage *)object;
  GtkWidget *child;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CONTACTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (atlas_contacts_page_parent_class)->dispose (object);
}

static void
atlas_contacts_page_class_init (AtlasContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_contacts_page_dispose;

  /* The row template looks the item type up by name. */
  g_type_ensure (ATLAS_TYPE_CONTACT);
  g_type_ensure (ATLAS_TYPE_CONTACT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, merged_cb);

  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.export-one", NULL, export_one_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_contacts_page_init (AtlasContactsPage *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self, "map", G_CALLBACK (ensure_model), NULL);

  g_object_bind_property (self->split_view, "collapsed", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->split_view, "notify::show-content", G_CALLBACK (show_content_cb), self);

  /* Delete in the list deletes the selected contact (with an Undo toast). */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("contacts.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  update_content (self);
  update_detail (self);
}

void
atlas_contacts_page_set_store (AtlasContactsPage *self,
                               AtlasStore        *store)
{
  atlas_contacts_page_set_context (self, store, NULL);
}

void
atlas_contacts_page_set_context (AtlasContactsPage *self,
                                 AtlasStore        *store,
                                 AtlasHistory      *history)
{
  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  g_set_object (&self->history, history);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      if (self->model != NULL)
        g_signal_handlers_disconnect_by_data (self->model, self);
      if (self->selection != NULL)
        g_signal_handlers_disconnect_by_data (self->selection, self);
      g_clear_object (&self->selection);
      g_clear_object (&self->model);
      gtk_list_view_set_model (self->list_view, NULL);
      g_set_object (&self->store, store);
    }

  atlas_contact_editor_set_context (self->editor, store, history);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  ensure_model (self);
  update_content (self);
  update_detail (self);
}

/**
 * atlas_contacts_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list, once the page was shown
 */
AtlasListModel *
atlas_contacts_page_get_model (AtlasContactsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), NULL);

  return self->model;
}

AtlasContactEditor *
atlas_contacts_page_get_editor (AtlasContactsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), NULL);

  return self->editor;
}

/**
 * atlas_contacts_page_new_contact:
 * @centre_ags: (nullable): the centre the contact belongs to
 *
 * Shows an empty contact, written once it has a name.
 */
void
atlas_contacts_page_new_contact (AtlasContactsPage *self,
                                 const char        *centre_ags)
{
  g_autoptr(AtlasContact) contact = atlas_contact_new ();

  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  if (centre_ags != NULL && self->store != NULL)
    {
      g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (self->store, centre_ags, NULL);

      if (centre != NULL)
        {
          atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, centre_ags);
          atlas_contact_set_centre_id (contact, atlas_centre_get_id (centre));
          atlas_contact_set_field (contact, ATLAS_CONTACT_ORGANISATION,
                                   atlas_centre_get_field (centre, ATLAS_CENTRE_NAME));
        }
    }

  atlas_contact_editor_show (self->editor, contact);
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_detail (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  atlas_contact_editor_focus_name (self->editor);
}

/* Shows the contact with @id, clearing a search that hides it. */
void
atlas_contacts_page_show_contact (AtlasContactsPage *self,
                                  gint64             id)
{
  g_autoptr(GObject) contact = NULL;

  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  if (self->store == NULL)
    return;
  contact = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, id, NULL);
  if (contact == NULL)
    return;

  /* The contact shown already keeps its fields as they are: the one being
   * typed into keeps its caret. */
  if (atlas_contact_editor_get_id (self->editor) != id)
    atlas_contact_editor_show (self->editor, ATLAS_CONTACT (contact));
  if (self->model != NULL && atlas_list_model_find (self->model, id) == GTK_INVALID_LIST_POSITION)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  sync_selection (self);
  update_detail (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/**
 * atlas_contacts_page_delete_shown:
 *
 * Deletes the contact shown; a toast offers to bring it back.
 */
gboolean
atlas_contacts_page_delete_shown (AtlasContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) snapshot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), FALSE);

  atlas_contact_editor_flush (self->editor);
  id = atlas_contact_editor_get_id (self->editor);
  if (id == 0 || self->store == NULL)
    return FALSE;

  snapshot = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, id, &error);
  if (snapshot == NULL || !atlas_store_delete_contact (self->store, id, &error))
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  if (self->history != NULL)
    atlas_history_push (self->history, ATLAS_RECORD_CONTACT, snapshot, NULL, _("Delete Contact"));

  /* The toast's Undo is Ctrl+Z's (win.undo): the history brings the
   * contact back with its own id, shown and selected, and Ctrl+Shift+Z
   * deletes it again. (It re-saved the contact and pushed a second
   * entry, "Restore Contact", so Ctrl+Z then deleted it once more.) */
  name = atlas_contact_dup_display_name (ATLAS_CONTACT (snapshot));
  /* TRANSLATORS: a toast; %s is the contact's name */
  title = g_strdup_printf (_("“%s” deleted"), name);
  atlas_toast_add_undoable (GTK_WIDGET (self), title);

  update_detail (self);
  return TRUE;
}

gboolean
atlas_contacts_page_flush (AtlasContactsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), FALSE);

  return atlas_contact_editor_flush (self->editor);
}

void
atlas_contacts_page_search (AtlasContactsPage *self)
{
  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Exchange with other programs ---------------------------------------------- */

typedef struct {
  AtlasContactsPage *page;
  GPtrArray *contacts;
  char *name;
} PendingImport;

static void
pending_import_free (gpointer data)
{
  PendingImport *pending = data;

  g_object_unref (pending->page);
  g_ptr_array_unref (pending->contacts);
  g_free (pending->name);
  g_free (pending);
}

static void
import_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    PendingImport  *pending)
{
  AtlasContactsPage *self = pending->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  AtlasContactReport report = { 0 };

  if (!g_str_equal (response, "import") || self->store == NULL)
    return;

  atlas_contact_editor_flush (self->editor);
  if (!atlas_contacts_import (self->store, pending->contacts, FALSE, &report, &error))
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }

  summary = atlas_contact_report_summary (&report);
  title = g_markup_escape_text (summary, -1);
  atlas_toast_add (GTK_WIDGET (self), adw_toast_new (title));
  atlas_contact_report_clear (&report);
}

/**
 * atlas_contacts_page_preview_import:
 *
 * Reads @file and asks, with what an import would add, merge and skip,
 * whether to import it.
 *
 * Returns: (transfer none) (nullable): the dialog, shown; %NULL when the
 *   file cannot be read, with a toast that says why
 */
AdwAlertDialog *
atlas_contacts_page_preview_import (AtlasContactsPage *self,
                                    GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;
  PendingImport *pending;
  AdwDialog *dialog;

  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(contacts = atlas_contacts_parse (bytes, &format, messages, &error)) ||
      !atlas_contacts_import (self->store, contacts, TRUE, &report, &error))
    {
      g_autofree char *text = g_markup_printf_escaped (_("“%s” cannot be imported: %s"), name, error->message);

      atlas_toast_add (GTK_WIDGET (self), adw_toast_new (text));
      return NULL;
    }

  /* TRANSLATORS: %u contacts read from a file */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Contact?", "Import %u Contacts?", contacts->len),
                             contacts->len);
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u new contact", "%u new contacts", report.added),
                          report.added);
  g_string_append (body, "\n");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u merged into a contact with the same name or e-mail",
                                             "%u merged into contacts with the same name or e-mail", report.merged),
                          report.merged);
  g_string_append (body, "\n");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u skipped (already there or without a name)",
                                             "%u skipped (already there or without a name)", report.skipped),
                          report.skipped);
  g_ptr_array_extend_and_steal (messages, g_steal_pointer (&report.messages));
  for (guint i = 0; i < MIN (messages->len, 5); i++)
    g_string_append_printf (body, "\n\n%s", (char *) g_ptr_array_index (messages, i));
  if (messages->len > 5)
    g_string_append_printf (body, "\n\n%s",
                            g_dngettext (GETTEXT_PACKAGE, "… and one more note.", "… and more notes.", messages->len - 5));

  dialog = atlas_alert_new_question (heading, body->str, "import", _("_Import"), ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "import",
                                         report.added + report.merged > 0);

  pending = g_new0 (PendingImport, 1);
  pending->page = g_object_ref (self);
  pending->contacts = g_steal_pointer (&contacts);
  pending->name = g_steal_pointer (&name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_import_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return ADW_ALERT_DIALOG (dialog);
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasContactsPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  atlas_file_dialog_remember (file);

  if (file != NULL)
    atlas_contacts_page_preview_import (self, file);
}

static void
add_contact_filters (GtkFileDialog *dialog,
                     gboolean       with_all)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (vcard, _("vCard (.vcf)"));
  gtk_file_filter_add_mime_type (vcard, "text/vcard");
  gtk_file_filter_add_mime_type (vcard, "text/x-vcard");
  gtk_file_filter_add_suffix (vcard, "vcf");
  gtk_file_filter_set_name (csv, _("CSV table (.csv)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  if (with_all)
    {
      g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();

      gtk_file_filter_set_name (both, _("Contacts (vCard, CSV)"));
      gtk_file_filter_add_suffix (both, "vcf");
      gtk_file_filter_add_suffix (both, "csv");
      gtk_file_filter_add_mime_type (both, "text/vcard");
      gtk_file_filter_add_mime_type (both, "text/csv");
      g_list_store_append (filters, both);
    }
  g_list_store_append (filters, vcard);
  g_list_store_append (filters, csv);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
}

/* Asks for a vCard or CSV file and previews its import. */
void
atlas_contacts_page_choose_import (AtlasContactsPage *self)
{
  g_autoptr(GtkFileDialog) dialog = atlas_file_dialog_new ();

  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  gtk_file_dialog_set_title (dialog, _("Import Contacts"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  add_contact_filters (dialog, TRUE);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        import_chosen_cb, g_object_ref (self));
}

/**
 * atlas_contacts_page_export:
 * @only_shown: just the contact in the editor, not the list
 *
 * Writes the contacts the list shows (all of them, or those the search
 * leaves), or only the one shown, to @file, as vCard or CSV by its name
 * (vCard when unclear).
 */
gboolean
atlas_contacts_page_export (AtlasContactsPage  *self,
                            GFile              *file,
                            gboolean            only_shown,
                            GError            **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *path = g_file_get_path (file);
  AtlasContactFormat format = ATLAS_CONTACT_FORMAT_VCARD;

  g_return_val_if_fail (ATLAS_IS_CONTACTS_PAGE (self), FALSE);

  atlas_contact_editor_flush (self->editor);
  if (path != NULL)
    atlas_contact_format_for_path (path, &format);

  if (only_shown)
    {
      GObject *shown = atlas_store_load (self->store, ATLAS_RECORD_CONTACT,
                                         atlas_contact_editor_get_id (self->editor), error);

      if (shown == NULL)
        return FALSE;
      contacts = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (contacts, shown);
    }
  else
    contacts = atlas_contacts_collect (self->store,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                       error);
  return contacts != NULL && atlas_contacts_write (contacts, format, file, NULL, error);
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasContactsPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  g_autoptr(GError) error = NULL;
  gboolean only_shown = GPOINTER_TO_INT (g_object_get_data (source, "only-shown"));

  if (file == NULL)
    return;
  atlas_file_dialog_remember (file);
  if (atlas_contacts_page_export (self, file, only_shown, &error))
    atlas_toast_add (GTK_WIDGET (self), adw_toast_new (_("Contacts exported")));
  else
    atlas_toast_add_text (GTK_WIDGET (self), error->message);
}

/* Asks where to save the contacts listed, or only the one shown, as vCard
 * or CSV. */
void
atlas_contacts_page_choose_export (AtlasContactsPage *self,
                                   gboolean           only_shown)
{
  g_autoptr(GtkFileDialog) dialog = atlas_file_dialog_new ();
  const char *title;
  g_autofree char *name = NULL;

  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  if (only_shown)
    {
      g_autoptr(GObject) shown = atlas_store_load (self->store, ATLAS_RECORD_CONTACT,
                                                   atlas_contact_editor_get_id (self->editor), NULL);
      g_autofree char *display = shown ? atlas_contact_dup_display_name (ATLAS_CONTACT (shown)) : NULL;

      if (display == NULL)
        return;
      g_strdelimit (display, "/\\:", '-');
      name = g_strconcat (display, ".vcf", NULL);
      title = _("Export the Contact");
    }
  else
    {
      /* TRANSLATORS: the suggested file name of exported contacts */
      name = g_strdup (_("Contacts.vcf"));
      title = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry))
              ? _("Export the Contacts Found")
              : _("Export All Contacts");
    }

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  add_contact_filters (dialog, FALSE);
  g_object_set_data (G_OBJECT (dialog), "only-shown", GINT_TO_POINTER (only_shown));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        export_chosen_cb, g_object_ref (self));
}
