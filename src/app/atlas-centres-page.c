/* atlas-centres-page.c: the list of the 54 centres with search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-centres-page.h"

struct _AtlasCentresPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasListModel *model;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkStack *content_stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasCentresPage, atlas_centres_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_content (AtlasCentresPage *self)
{
  gboolean empty = self->model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "list");
}

static void
search_changed_cb (AtlasCentresPage *self,
                   GtkSearchEntry   *entry)
{
  if (self->model != NULL)
    atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (AtlasCentresPage *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
atlas_centres_page_dispose (GObject *object)
{
  AtlasCentresPage *self = (AtlasCentresPage *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CENTRES_PAGE);
  /* The template's unnamed top-level box is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_centres_page_parent_class)->dispose (object);
}

static void
atlas_centres_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasCentresPage *self = ATLAS_CENTRES_PAGE (object);

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
atlas_centres_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasCentresPage *self = ATLAS_CENTRES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atlas_centres_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_centres_page_class_init (AtlasCentresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_centres_page_dispose;
  object_class->get_property = atlas_centres_page_get_property;
  object_class->set_property = atlas_centres_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATLAS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row template looks the item type up by name. */
  g_type_ensure (ATLAS_TYPE_CENTRE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-centres-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_centres_page_init (AtlasCentresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_content (self);
}

AtlasStore *
atlas_centres_page_get_store (AtlasCentresPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRES_PAGE (self), NULL);

  return self->store;
}

void
atlas_centres_page_set_store (AtlasCentresPage *self,
                              AtlasStore       *store)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (ATLAS_IS_CENTRES_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_content, self);
  g_clear_object (&self->model);

  if (store != NULL)
    {
      self->model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);
      atlas_list_model_set_filter (self->model,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_content), self);
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
    }

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * atlas_centres_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list of centres shown, as
 *   filtered by the search
 */
AtlasListModel *
atlas_centres_page_get_model (AtlasCentresPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRES_PAGE (self), NULL);

  return self->model;
}

/* Moves the keyboard focus to the search entry. */
void
atlas_centres_page_search (AtlasCentresPage *self)
{
  g_return_if_fail (ATLAS_IS_CENTRES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
