/* atlas-contact-editor.c: every field of one contact, saved as it is typed
 *
 * A new contact (id 0) is written with its first valid save, once it has a
 * name or an organisation. A contact whose name or e-mail matches another
 * one shows a warning with the choice to merge the two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-contact-editor.h"
#include "atlas-editor-form.h"
#include "atlas-toast.h"
#include "atlas-record.h"

struct _AtlasContactEditor
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  AtlasEditorForm *form;
  gint64 duplicate_id;

  /* Template children */
  GtkLabel *title_label;
  GtkLabel *problem_label;
  GtkRevealer *duplicate_revealer;
  GtkLabel *duplicate_label;
  AdwEntryRow *honorific_row;
  AdwEntryRow *given_name_row;
  AdwEntryRow *family_name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *organisation_row;
  AdwComboRow *centre_row;
  AdwEntryRow *phones_row;
  AdwEntryRow *emails_row;
  AdwEntryRow *tags_row;
  GtkTextView *notes_view;
};

G_DEFINE_FINAL_TYPE (AtlasContactEditor, atlas_contact_editor, GTK_TYPE_WIDGET)

enum {
  SHOW_CONTACT,
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AtlasContact *
current (AtlasContactEditor *self)
{
  GObject *record = atlas_editor_form_get_record (self->form);

  return record ? ATLAS_CONTACT (record) : NULL;
}

static void
check_duplicates (AtlasContactEditor *self)
{
  AtlasContact *contact = current (self);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GObject) other = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  self->duplicate_id = 0;
  if (contact != NULL && atlas_contact_get_id (contact) != 0 && self->store != NULL)
    ids = atlas_store_find_duplicates (self->store, contact, NULL);
  if (ids != NULL && ids->len > 0)
    {
      self->duplicate_id = g_array_index (ids, gint64, 0);
      other = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, self->duplicate_id, NULL);
    }

  if (other != NULL)
    {
      const char *org = atlas_contact_get_field (ATLAS_CONTACT (other), ATLAS_CONTACT_ORGANISATION);

      name = atlas_contact_dup_display_name (ATLAS_CONTACT (other));
      if (*org != '\0' && g_strcmp0 (name, org) != 0)
        /* TRANSLATORS: a warning; %s is a name, then an organisation */
        text = g_strdup_printf (_("Possibly the same person as %s (%s), who is already in your contacts."),
                                name, org);
      else
        /* TRANSLATORS: a warning; %s is a name */
        text = g_strdup_printf (_("Possibly the same person as %s, who is already in your contacts."),
                                name);
      gtk_label_set_label (self->duplicate_label, text);
    }
  else
    self->duplicate_id = 0;

  gtk_revealer_set_reveal_child (self->duplicate_revealer, self->duplicate_id != 0);
}

static void
update_heading (AtlasContactEditor *self)
{
  AtlasContact *contact = current (self);
  g_autofree char *name = contact ? atlas_contact_dup_display_name (contact) : NULL;

  if (contact != NULL && (name == NULL || *name == '\0'))
    gtk_label_set_label (self->title_label, _("New Contact"));
  else
    gtk_label_set_label (self->title_label, name ? name : "");

  check_duplicates (self);
}

static void
problem_changed_cb (AtlasContactEditor *self)
{
  g_autofree char *problem = NULL;

  g_object_get (self->form, "problem", &problem, NULL);
  gtk_label_set_label (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
show_duplicate_cb (AtlasContactEditor *self)
{
  if (self->duplicate_id != 0)
    {
      atlas_contact_editor_flush (self);
      g_signal_emit (self, signals[SHOW_CONTACT], 0, self->duplicate_id);
    }
}

/* Merges the contact shown into its duplicate, which stays. */
static void
merge_cb (AtlasContactEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) keep_before = NULL;
  g_autoptr(GObject) drop = NULL;
  g_autoptr(GObject) keep_after = NULL;
  gint64 keep_id = self->duplicate_id;
  gint64 drop_id;

  if (keep_id == 0 || current (self) == NULL)
    return;

  atlas_contact_editor_flush (self);
  drop_id = atlas_contact_get_id (current (self));
  keep_before = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, keep_id, &error);
  drop = keep_before ? atlas_store_load (self->store, ATLAS_RECORD_CONTACT, drop_id, &error) : NULL;
  if (drop == NULL || !atlas_store_merge_contacts (self->store, keep_id, drop_id, &error))
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }

  keep_after = atlas_store_load (self->store, ATLAS_RECORD_CONTACT, keep_id, NULL);
  if (self->history != NULL && keep_after != NULL)
    {
      atlas_history_begin_group (self->history, _("Merge Contacts"));
      atlas_history_push (self->history, ATLAS_RECORD_CONTACT, keep_before, keep_after, NULL);
      atlas_history_push (self->history, ATLAS_RECORD_CONTACT, drop, NULL, NULL);
      atlas_history_end_group (self->history);
    }

  g_signal_emit (self, signals[MERGED], 0, keep_id);
}

static void
atlas_contact_editor_dispose (GObject *object)
{
  AtlasContactEditor *self = (AtlasContactEditor *)object;
  GtkWidget *child;

  if (self->form != NULL)
    atlas_editor_form_flush (self->form);
  g_clear_object (&self->form);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CONTACT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (atlas_contact_editor_parent_class)->dispose (object);
}

static void
atlas_contact_editor_class_init (AtlasContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_contact_editor_dispose;

  signals[SHOW_CONTACT] =
    g_signal_new ("show-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The contact shown was merged into the one with this id. */
  signals[MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, centre_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, phones_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, emails_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, show_duplicate_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bind_fields (AtlasContactEditor *self)
{
  const struct { AdwEntryRow *row; AtlasContactField field; } rows[] = {
    { self->honorific_row, ATLAS_CONTACT_HONORIFIC },
    { self->given_name_row, ATLAS_CONTACT_GIVEN_NAME },
    { self->family_name_row, ATLAS_CONTACT_FAMILY_NAME },
    { self->role_row, ATLAS_CONTACT_ROLE },
    { self->organisation_row, ATLAS_CONTACT_ORGANISATION },
    { self->phones_row, ATLAS_CONTACT_PHONES },
    { self->emails_row, ATLAS_CONTACT_EMAILS },
    { self->tags_row, ATLAS_CONTACT_TAGS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    atlas_editor_form_bind (self->form, GTK_WIDGET (rows[i].row), rows[i].field,
                            atlas_contact_field_check (rows[i].field));
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->notes_view), ATLAS_CONTACT_NOTES,
                          ATLAS_CHECK_NONE);
}

static void
atlas_contact_editor_init (AtlasContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The heading can be selected with the mouse, but Tab passes it by
   * (it took the focus and selected its whole text). */
  gtk_widget_set_focusable (GTK_WIDGET (self->title_label), FALSE);

  self->form = atlas_editor_form_new (ATLAS_RECORD_CONTACT);
  bind_fields (self);
  g_signal_connect_object (self->form, "record-changed", G_CALLBACK (update_heading), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::problem", G_CALLBACK (problem_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
atlas_contact_editor_set_context (AtlasContactEditor *self,
                                  AtlasStore         *store,
                                  AtlasHistory       *history)
{
  gboolean first;

  g_return_if_fail (ATLAS_IS_CONTACT_EDITOR (self));

  first = self->store == NULL && store != NULL;
  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  atlas_editor_form_set_context (self->form, store, history);
  /* The centre row offers «No centre» and the 54 centres by district. */
  if (first)
    atlas_editor_form_bind_centres (self->form, self->centre_row, ATLAS_CONTACT_CENTRE_AGS, _("No centre"));
}

/**
 * atlas_contact_editor_show:
 * @contact: (nullable): a contact, or a new one with id 0
 *
 * Saves what was typed for the contact shown before, then shows @contact.
 */
void
atlas_contact_editor_show (AtlasContactEditor *self,
                           AtlasContact       *contact)
{
  g_return_if_fail (ATLAS_IS_CONTACT_EDITOR (self));

  atlas_editor_form_set_record (self->form, contact ? G_OBJECT (contact) : NULL);
}

gint64
atlas_contact_editor_get_id (AtlasContactEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT_EDITOR (self), 0);

  return atlas_editor_form_get_id (self->form);
}

/* TRUE when no contact is shown. */
gboolean
atlas_contact_editor_is_empty (AtlasContactEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT_EDITOR (self), TRUE);

  return current (self) == NULL;
}

gboolean
atlas_contact_editor_flush (AtlasContactEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT_EDITOR (self), FALSE);

  return atlas_editor_form_flush (self->form);
}

void
atlas_contact_editor_focus_name (AtlasContactEditor *self)
{
  g_return_if_fail (ATLAS_IS_CONTACT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->given_name_row));
}

/* Whose typed text could not be saved (see atlas_editor_form_dup_unsaved()). */
GStrv
atlas_contact_editor_dup_unsaved (AtlasContactEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CONTACT_EDITOR (self), NULL);

  return atlas_editor_form_dup_unsaved (self->form);
}
