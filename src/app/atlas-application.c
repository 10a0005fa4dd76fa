/* atlas-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-file-dialog.h"
#include "atlas-alert.h"
#include "atlas-application.h"
#include "atlas-preferences.h"
#include "atlas-store.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;

  char *db_path;
  AtlasStore *store;
  gboolean recovering;  /* the catalogue was found damaged; the dialog is on its way */
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its state first. A window that
   * holds text it cannot save stays and asks whether to discard it; the
   * application ends with its last window. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (ATLAS_IS_WINDOW (window))
        atlas_window_quit (ATLAS_WINDOW (window));
      else
        gtk_window_close (window);
    }

  if (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL)
    g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  /* The team's name, as in the metainfo's <developer>: a name, not
   * translated. */
  static const char *developers[] = { "Integrationsatlas Project", NULL };
  AdwDialog *about;

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", "Integrationsatlas",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Integrationsatlas Project",
                        "developers", developers,
                        "copyright", "© 2026 Integrationsatlas Project",
                        "website", "https://github.com/integrationsatlas/integrationsatlas",
                        "issue-url", "https://github.com/integrationsatlas/integrationsatlas/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Follow the state secretary’s visit tour through North Rhine-Westphalia’s 54 municipal integration centres."),
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about),
                                      _("District Boundaries"),
                                      "© GeoBasis-DE / BKG (Daten verändert)",
                                      GTK_LICENSE_CUSTOM,
                                      _("Derived from the VG250 boundaries of the Federal Agency for "
                                        "Cartography and Geodesy, licence Datenlizenz Deutschland – "
                                        "Namensnennung – Version 2.0 (dl-de/by-2-0)."));
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about),
                                      _("Centre Data"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Addresses and contacts of the centres are public facts "
                                        "collected from the websites of the districts, cities and "
                                        "the State of North Rhine-Westphalia."));

  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (app)));
}

static void restore_backup (AtlasApplication *self, const char *backup_path);

static void
restore_response_cb (AdwAlertDialog   *dialog,
                     const char       *response,
                     AtlasApplication *self)
{
  if (g_str_equal (response, "restore"))
    restore_backup (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

/* Asks before replacing the catalogue with a backup. */
static void
confirm_restore_cb (AtlasPreferences *preferences,
                    const char       *path,
                    AtlasApplication *self)
{
  AtlasBackupInfo *info = atlas_store_inspect_backup (path, FALSE);
  g_autoptr(GDateTime) local = info->taken ? g_date_time_to_local (info->taken) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, _("%d.%m.%Y, %H:%M")) : g_strdup ("?");
  g_autofree char *holds = atlas_backup_info_describe (info);
  AdwDialog *dialog;

  dialog = atlas_alert_new_question (NULL, NULL, "restore", _("_Restore"), ADW_RESPONSE_DESTRUCTIVE);
  /* TRANSLATORS: %s is a date and time */
  adw_alert_dialog_format_heading (ADW_ALERT_DIALOG (dialog), _("Restore the Backup of %s?"), when);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("The catalogue is replaced by this backup (%s). What was changed "
                                  "since then is no longer in the catalogue; the current file is kept "
                                  "beside it, with “replaced” in its name."),
                                holds);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (preferences));
  atlas_backup_info_free (info);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (user_data);
  AtlasPreferences *preferences;

  if (self->store == NULL)
    return;
  preferences = atlas_preferences_new (self->store);
  g_signal_connect_object (preferences, "restore", G_CALLBACK (confirm_restore_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (preferences),
                      GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void open_catalogue (AtlasApplication *self, AtlasStoreOpenFlags flags, const char *note);

static void
other_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (user_data);
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  atlas_file_dialog_remember (file);

  if (file != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      open_catalogue (self, ATLAS_STORE_OPEN_DEFAULT, NULL);
    }
  g_application_release (G_APPLICATION (self));
}

static void
recovery_response_cb (AdwAlertDialog   *dialog,
                      const char       *response,
                      AtlasApplication *self)
{
  if (g_str_equal (response, "restore"))
    restore_backup (self, g_object_get_data (G_OBJECT (dialog), "backup"));
  else if (g_str_equal (response, "read-only"))
    open_catalogue (self, ATLAS_STORE_OPEN_READ_ONLY, NULL);
  else if (g_str_equal (response, "new"))
    open_catalogue (self, ATLAS_STORE_OPEN_CHECK | ATLAS_STORE_OPEN_ALLOW_EMPTY,
                    _("A new catalogue was started in the empty file."));
  else if (g_str_equal (response, "other"))
    {
      g_autoptr(GtkFileDialog) chooser = atlas_file_dialog_new ();
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
      g_autoptr(GtkFileFilter) catalogues = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (catalogues, _("Catalogues"));
      gtk_file_filter_add_mime_type (catalogues, "application/vnd.sqlite3");
      gtk_file_filter_add_mime_type (catalogues, "application/x-sqlite3");
      gtk_file_filter_add_suffix (catalogues, "sqlite");
      gtk_file_filter_add_suffix (catalogues, "db");
      g_list_store_append (filters, catalogues);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      g_list_store_append (filters, all);
      gtk_file_dialog_set_filters (chooser, G_LIST_MODEL (filters));

      gtk_file_dialog_set_title (chooser, _("Open a Catalogue"));
      gtk_file_dialog_set_accept_label (chooser, _("_Open"));
      g_application_hold (G_APPLICATION (self));
      gtk_file_dialog_open (chooser, NULL, NULL, other_chosen_cb, self);
    }

  g_application_release (G_APPLICATION (self));
}

/* Tells the user why the catalogue cannot be opened, instead of crashing
 * or quietly starting an empty one, and offers a way out: the newest
 * backup that passes the check, another file, read-only, or quitting. The
 * file itself is never changed here. */
static void
show_open_error (AtlasApplication *self,
                 const char       *path,
                 const GError     *error)
{
  AdwDialog *dialog = atlas_alert_new (_("The Catalogue Cannot Be Opened"), NULL);
  g_autoptr(GString) body = g_string_new (_("The file was not changed."));
  g_autoptr(AtlasBackupInfo) usable = NULL;

  /* The error names the file, whose path can be wider than the alert, and
   * ends with SQLite's own words (atlas_store_error_split()): the details
   * box shows both and breaks long words. */
  atlas_alert_set_details (ADW_ALERT_DIALOG (dialog), error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "quit", _("_Quit"));
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "other", _("Open _Another…"));

  if (g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_EMPTY))
    adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "new", _("Start a _New Catalogue"));

  if (g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY))
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "read-only", _("Open _Read-Only"));
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "read-only");
    }
  else if (!g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FUTURE_VERSION) &&
           !g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY))
    {
      usable = atlas_store_find_sound_backup (path);
    }

  if (usable != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (usable->taken);
      g_autofree char *when = g_date_time_format (local, _("%d.%m.%Y, %H:%M"));
      g_autofree char *holds = atlas_backup_info_describe (usable);

      g_string_append (body, " ");
      /* TRANSLATORS: the first %s is a date and time, the second what the backup holds */
      g_string_append_printf (body, _("The newest sound backup is from %s (%s). Restoring it keeps the damaged file beside it."),
                              when, holds);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (usable->path), g_free);
    }

  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog), body->str);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "quit");

  /* No window yet: the alert is a window of its own. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  adw_dialog_present (dialog, NULL);
}

/* Every window lets go of the catalogue, saving what was typed first. */
static void
close_catalogue (AtlasApplication *self)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    {
      if (ATLAS_IS_WINDOW (windows->data))
        atlas_window_flush (ATLAS_WINDOW (windows->data));
      gtk_window_destroy (GTK_WINDOW (windows->data));
    }
  g_clear_object (&self->store);
}

/* Closes the windows on a damaged catalogue and shows the recovery dialog,
 * as when the damage is found at opening. */
static void
recover_from_damage (AtlasApplication *self,
                     const GError     *error)
{
  g_autofree char *default_path = NULL;
  const char *path = self->db_path ? self->db_path : (default_path = atlas_store_default_path ());

  if (self->recovering)
    return;
  self->recovering = TRUE;

  g_application_hold (G_APPLICATION (self));
  close_catalogue (self);
  show_open_error (self, path, error);
  g_application_release (G_APPLICATION (self));
}

typedef struct {
  AtlasApplication *app;
  char *message;
} DamageNote;

static void
damage_note_free (DamageNote *note)
{
  g_object_unref (note->app);
  g_free (note->message);
  g_free (note);
}

static gboolean
damaged_idle_cb (gpointer data)
{
  DamageNote *note = data;
  g_autoptr(GError) error = g_error_new_literal (ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT, note->message);

  recover_from_damage (note->app, error);
  return G_SOURCE_REMOVE;
}

/* A read found a damaged page. The store is still inside that read:
 * recover once it has returned. */
static void
store_damaged_cb (AtlasStore       *store,
                  const char       *message,
                  AtlasApplication *self)
{
  DamageNote *note = g_new0 (DamageNote, 1);

  note->app = g_object_ref (self);
  note->message = g_strdup (message);
  g_idle_add_full (G_PRIORITY_DEFAULT, damaged_idle_cb, note, (GDestroyNotify) damage_note_free);
}

typedef struct {
  char *path;
  gboolean read_only;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->path);
  g_free (job);
}

/* After the first frame, in a thread with its own connection: SQLite's
 * quick check, which reads every page (seconds for a large catalogue, so
 * never before the window shows), then the daily backup when one is due
 * and the catalogue is sound. */
static void
check_and_backup_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  CheckJob *job = task_data;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *made = NULL;
  AtlasStoreOpenFlags flags = ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED | ATLAS_STORE_OPEN_CHECK;

  store = atlas_store_new (job->path, flags | (job->read_only ? ATLAS_STORE_OPEN_READ_ONLY : 0), &error);
  if (store != NULL && !job->read_only)
    made = atlas_store_backup_if_due (store, (guint) g_settings_get_int (settings, "backup-count"),
                                      G_TIME_SPAN_DAY, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_and_backup_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  AtlasApplication *self = ATLAS_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;
  if (g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT))
    {
      recover_from_damage (self, error);
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (ATLAS_IS_WINDOW (window))
    {
      g_autofree char *text = g_markup_printf_escaped (_("The daily backup failed: %s"), error->message);

      atlas_window_add_toast (ATLAS_WINDOW (window), text);
    }
}

static void
after_first_paint_cb (GdkFrameClock    *clock,
                      AtlasApplication *self)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);

  /* The start-up benchmark (bench/) measures the time to the first frame. */
  if (g_getenv ("INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_application_quit (G_APPLICATION (self));
      return;
    }
  if (self->store == NULL)
    return;

  job = g_new0 (CheckJob, 1);
  job->path = g_strdup (atlas_store_get_path (self->store));
  job->read_only = atlas_store_is_read_only (self->store);
  task = g_task_new (self, NULL, check_and_backup_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_and_backup_thread);
}

static void
window_realize_cb (GtkWidget        *window,
                   AtlasApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_first_paint_cb), self, 0);
}

static void
open_catalogue (AtlasApplication    *self,
                AtlasStoreOpenFlags  flags,
                const char          *note)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *path;
  AtlasWindow *window;

  path = self->db_path ? self->db_path : (default_path = atlas_store_default_path ());

  if (self->store == NULL)
    {
      self->store = atlas_store_new (path, flags, &error);
      if (self->store == NULL)
        {
          show_open_error (self, path, error);
          return;
        }
      self->recovering = FALSE;
      g_signal_connect_object (self->store, "damaged", G_CALLBACK (store_damaged_cb), self, 0);
    }

  window = atlas_window_new (GTK_APPLICATION (self), self->store);

  /* Nothing that reads the whole file runs before the first frame: the
   * damage check starts after it (after_first_paint_cb()). */
  g_signal_connect_object (window, "realize", G_CALLBACK (window_realize_cb), self, 0);

  /* A read-only catalogue says so in the window's banner. */
  gtk_window_present (GTK_WINDOW (window));
  if (note != NULL)
    atlas_window_add_toast (window, note);
}

/* Closes the catalogue, puts the backup in its place and opens it again. */
static void
restore_backup (AtlasApplication *self,
                const char       *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *note = NULL;
  g_autofree char *backup = g_strdup (backup_path);
  const char *path = self->db_path ? self->db_path : (default_path = atlas_store_default_path ());

  g_application_hold (G_APPLICATION (self));
  close_catalogue (self);

  if (!atlas_store_restore (path, backup, &aside, &error))
    {
      g_autofree char *text = g_markup_printf_escaped (_("The backup was not restored: %s"), error->message);

      open_catalogue (self, ATLAS_STORE_OPEN_DEFAULT, text);
    }
  else
    {
      g_autofree char *name = aside ? g_path_get_basename (aside) : NULL;

      note = name ? g_markup_printf_escaped (_("Backup restored. The catalogue it replaced is kept as “%s”."), name)
                  : g_strdup (_("Backup restored."));
      open_catalogue (self, ATLAS_STORE_OPEN_DEFAULT, note);
    }
  g_application_release (G_APPLICATION (self));
}

static void
atlas_application_activate (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* A second start shows the window of the first. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_catalogue (self, ATLAS_STORE_OPEN_DEFAULT, NULL);
}

static void
atlas_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static int
atlas_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  g_autofree char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("integrationsatlas %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db_path))
    {
      /* A relative path means the caller's folder, not the one a running
       * instance happens to be in. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db_path);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);

      /* Another catalogue is another instance: don't hand it to one that
       * already shows the default catalogue. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
atlas_application_finalize (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (atlas_application_parent_class)->finalize (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = atlas_application_finalize;

  app_class->activate = atlas_application_activate;
  app_class->startup = atlas_application_startup;
  app_class->handle_local_options = atlas_application_handle_local_options;
}

static void
atlas_application_init (AtlasApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the catalogue in PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
