/* atlas-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-centres-page.h"
#include "atlas-contacts-page.h"
#include "atlas-releases-page.h"
#include "atlas-resources.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasStore *store;
  GSettings *settings;

  /* Template children */
  AdwViewStack *stack;
  AtlasCentresPage *centres_page;
  AtlasContactsPage *contacts_page;
  AtlasReleasesPage *releases_page;
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

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  save_window_state (ATLAS_WINDOW (window));

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "centres");
  atlas_centres_page_search (self->centres_page);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  atlas_window_show_view (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
atlas_window_constructed (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  G_OBJECT_CLASS (atlas_window_parent_class)->constructed (object);

  atlas_centres_page_set_store (self->centres_page, self->store);
  atlas_contacts_page_set_store (self->contacts_page, self->store);
  atlas_releases_page_set_store (self->releases_page, self->store);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_object (&self->settings);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, centres_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, releases_page);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "centres");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "contacts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "releases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "tour");
}

static void
atlas_window_init (AtlasWindow *self)
{
  g_autofree char *last_view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  atlas_window_show_view (self, last_view);

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
void
atlas_window_show_view (AtlasWindow *self,
                        const char  *name)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}
