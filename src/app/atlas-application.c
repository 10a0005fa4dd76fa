/* atlas-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-store.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;

  char *db_path;
  AtlasStore *store;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its state first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Integrationsatlas developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Integrationsatlas",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Integrationsatlas developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Integrationsatlas developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Follow the state secretary’s visit tour through North Rhine-Westphalia’s 54 municipal integration centres."),
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("District Boundaries"),
                                      "© GeoBasis-DE / BKG (Daten verändert)",
                                      GTK_LICENSE_CUSTOM,
                                      _("Derived from the VG250 boundaries of the Federal Agency for "
                                        "Cartography and Geodesy, licence Datenlizenz Deutschland – "
                                        "Namensnennung – Version 2.0 (dl-de/by-2-0)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Centre Data"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Addresses and contacts of the centres are public facts "
                                        "collected from the websites of the districts, cities and "
                                        "the State of North Rhine-Westphalia."));

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GApplication     *app)
{
  g_application_release (app);
}

/* Tells the user why the catalogue cannot be opened, instead of crashing
 * or quietly starting an empty one. */
static void
show_open_error (AtlasApplication *self,
                 const GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Catalogue Cannot Be Opened"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_first_paint_cb), app, 0);
}

static void
atlas_application_activate (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  AtlasWindow *window;

  window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->store == NULL)
    {
      if (self->db_path == NULL)
        default_path = atlas_store_default_path ();

      self->store = atlas_store_new (self->db_path ? self->db_path : default_path,
                                     ATLAS_STORE_OPEN_DEFAULT, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }

  window = atlas_window_new (GTK_APPLICATION (app), self->store);

  /* The start-up benchmark (bench/) measures the time to the first frame. */
  if (g_getenv ("INTEGRATIONSATLAS_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (window_realize_cb), app, 0);

  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
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
