/* atlas-preferences.c: the few settings, and the backups
 *
 * The backups are listed with their date and what they hold; each sound
 * one can be restored (the application does that, as it must close the
 * catalogue first). "Back Up Now" and the listing run in a thread with
 * their own connection, so a large catalogue does not freeze the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-alert.h"
#include "atlas-preferences.h"

struct _AtlasPreferences
{
  AdwPreferencesDialog parent_instance;

  AtlasStore *store;
  GSettings *settings;
  GCancellable *cancellable;

  /* Template children */
  AdwEntryRow *visitor_row;
  GtkSpinButton *count_spin;
  AdwActionRow *path_row;
  GtkListBox *backup_list;
  GtkButton *backup_button;
  GtkWidget *backup_spinner;
};

G_DEFINE_FINAL_TYPE (AtlasPreferences, atlas_preferences, ADW_TYPE_PREFERENCES_DIALOG)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * atlas_backup_info_describe:
 *
 * Returns: (transfer full): «12 press releases · 7 contacts · 3 visits»,
 *   or why the file cannot be restored
 */
char *
atlas_backup_info_describe (const AtlasBackupInfo *info)
{
  g_autofree char *releases = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *visits = NULL;

  if (!info->sound)
    return g_strdup (info->problem ? info->problem : _("Cannot be read"));

  releases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u press release", "%u press releases",
                                           (gulong) info->n_releases),
                              (guint) info->n_releases);
  contacts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                           (gulong) info->n_contacts),
                              (guint) info->n_contacts);
  visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits",
                                         (gulong) info->n_visits),
                            (guint) info->n_visits);
  return g_strjoin (" · ", releases, contacts, visits, NULL);
}

static void
restore_clicked_cb (GtkButton        *button,
                    AtlasPreferences *self)
{
  g_signal_emit (self, signals[RESTORE], 0, g_object_get_data (G_OBJECT (button), "path"));
}

static void
show_backups (AtlasPreferences *self,
              GPtrArray        *backups)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backup_list))) != NULL)
    gtk_list_box_remove (self->backup_list, child);

  for (guint i = 0; i < backups->len; i++)
    {
      AtlasBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = info->taken ? g_date_time_to_local (info->taken) : NULL;
      /* TRANSLATORS: the date and time of a backup */
      g_autofree char *title = local ? g_date_time_format (local, _("%d.%m.%Y, %H:%M")) : g_strdup ("?");
      g_autofree char *subtitle = atlas_backup_info_describe (info);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, info->path);
      if (info->sound)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
          g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (button), "path", g_strdup (info->path), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->backup_list, row);
    }
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, atlas_store_list_backups (task_data, FALSE),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* The dialog a thread's task reports back to, held weakly: GTask may drop
 * its last reference in the worker thread, and a widget must never be
 * finalized there, so the dialog is not the task's source object. */
static gpointer
weak_to (gpointer self)
{
  GWeakRef *ref = g_new (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static AtlasPreferences *
weak_take (gpointer data)
{
  GWeakRef *ref = data;
  gpointer self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasPreferences) self = weak_take (user_data);
  g_autoptr(GPtrArray) backups = g_task_propagate_pointer (G_TASK (result), NULL);

  if (backups != NULL && self != NULL)
    show_backups (self, backups);
}

/* Lists the backups again (after one was made). */
void
atlas_preferences_refresh (AtlasPreferences *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_PREFERENCES (self));

  task = g_task_new (NULL, self->cancellable, list_done_cb, weak_to (self));
  g_task_set_task_data (task, g_strdup (atlas_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, list_thread);
}

typedef struct {
  char *db_path;
  guint keep;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->db_path);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (job->db_path,
                                                 ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED,
                                                 &error);
  char *path = store ? atlas_store_backup (store, &error) : NULL;

  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  atlas_store_prune_backups (job->db_path, job->keep);
  g_task_return_pointer (task, path, g_free);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasPreferences) self = weak_take (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), TRUE);
  gtk_widget_set_visible (self->backup_spinner, FALSE);
  if (path == NULL)
    text = g_markup_printf_escaped (_("No backup was made: %s"), error->message);
  else
    text = g_strdup (_("Backup made"));
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (text));
  atlas_preferences_refresh (self);
}

static void
backup_now_cb (AtlasPreferences *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, backup_done_cb, weak_to (self));
  BackupJob *job = g_new0 (BackupJob, 1);

  job->db_path = g_strdup (atlas_store_get_path (self->store));
  job->keep = (guint) g_settings_get_int (self->settings, "backup-count");
  g_task_set_task_data (task, job, backup_job_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), FALSE);
  gtk_widget_set_visible (self->backup_spinner, TRUE);
  g_task_run_in_thread (task, backup_thread);
}

static gboolean
int_to_double (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
double_to_int (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

static void
atlas_preferences_dispose (GObject *object)
{
  AtlasPreferences *self = (AtlasPreferences *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_preferences_parent_class)->dispose (object);
}

static void
atlas_preferences_class_init (AtlasPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_preferences_dispose;

  /* The user asked to restore the backup at this path. */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-preferences.ui");
  /* Ctrl+W closes it, as Escape does. */
  atlas_dialog_class_close_on_ctrl_w (widget_class);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, visitor_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, count_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, path_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, backup_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, backup_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferences, backup_spinner);
  gtk_widget_class_bind_template_callback (widget_class, backup_now_cb);
}

/* AdwPreferencesDialog lays its pages out in a breakpoint bin that asks
 * for 360 pixels: more than a 360-pixel window has inside its frame
 * (libadwaita warned at every frame). Its contents fit in 300. */
static void
narrow_breakpoint_bins (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int width = -1, height = -1;

      if (ADW_IS_BREAKPOINT_BIN (child))
        {
          gtk_widget_get_size_request (child, &width, &height);
          if (width > 300)
            gtk_widget_set_size_request (child, 300, height);
        }
      narrow_breakpoint_bins (child);
    }
}

static void
atlas_preferences_init (AtlasPreferences *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  narrow_breakpoint_bins (adw_dialog_get_child (ADW_DIALOG (self)));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "backup-count",
                                gtk_spin_button_get_adjustment (self->count_spin), "value",
                                G_SETTINGS_BIND_DEFAULT, int_to_double, double_to_int, NULL, NULL);

  g_settings_bind (self->settings, "default-visitor", self->visitor_row, "text", G_SETTINGS_BIND_DEFAULT);

  placeholder = gtk_label_new (_("No backups yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->backup_list, placeholder);
}

AtlasPreferences *
atlas_preferences_new (AtlasStore *store)
{
  AtlasPreferences *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_PREFERENCES, NULL);
  self->store = g_object_ref (store);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->path_row), atlas_store_get_path (store));
  atlas_preferences_refresh (self);
  return self;
}
