/* atlas-centres-page.c: the list of the 54 centres with search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-centre-editor.h"
#include "atlas-centres-page.h"

struct _AtlasCentresPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  AtlasListModel *model;
  GtkSingleSelection *selection;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkWidget *sidebar;
  GtkSearchEntry *search_entry;
  GtkStack *content_stack;
  GtkListView *list_view;
  GtkStack *detail_stack;
  AtlasCentreEditor *editor;
};

G_DEFINE_FINAL_TYPE (AtlasCentresPage, atlas_centres_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_CONTACT,
  ADD_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
selection_changed_cb (AtlasCentresPage *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);
  gint64 id = 0;

  if (pos != GTK_INVALID_LIST_POSITION)
    id = atlas_list_model_get_id (self->model, pos);

  /* The list refreshes after every save, which drops the selection for a
   * moment: the centre shown stays, and is selected again below. */
  if (id == 0 || id == atlas_centre_editor_get_id (self->editor))
    return;

  atlas_centre_editor_show (self->editor, id);
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
}

/* Keeps the row of the centre shown selected when the list changes. */
static void
sync_selection (AtlasCentresPage *self)
{
  gint64 id = atlas_centre_editor_get_id (self->editor);
  guint position;

  if (self->selection == NULL || id == 0)
    return;
  position = atlas_list_model_find (self->model, id);
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
activate_cb (AtlasCentresPage *self,
             guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* Back from the detail of a narrow page (the window's back button, Escape,
 * Alt+←): what was typed is saved, and the list has the focus again. */
static void
show_content_cb (AtlasCentresPage *self)
{
  if (adw_navigation_split_view_get_show_content (self->split_view) ||
      !adw_navigation_split_view_get_collapsed (self->split_view))
    return;
  atlas_centre_editor_flush (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
show_contact_cb (AtlasCentresPage *self,
                 gint64            contact_id)
{
  g_signal_emit (self, signals[SHOW_CONTACT], 0, contact_id);
}

static void
add_contact_cb (AtlasCentresPage *self,
                const char       *ags)
{
  g_signal_emit (self, signals[ADD_CONTACT], 0, ags);
}

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
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

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

  signals[SHOW_CONTACT] =
    g_signal_new ("show-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ADD_CONTACT] =
    g_signal_new ("add-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The row template looks the item type up by name. */
  g_type_ensure (ATLAS_TYPE_CENTRE);
  g_type_ensure (ATLAS_TYPE_CENTRE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-centres-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, editor);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentresPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_contact_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_centres_page_init (AtlasCentresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_content (self);

  /* Folded, one click opens a centre; side by side, it selects it. */
  g_object_bind_property (self->split_view, "collapsed", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->split_view, "notify::show-content", G_CALLBACK (show_content_cb), self);
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
  atlas_centres_page_set_context (self, store, NULL);
}

/**
 * atlas_centres_page_set_context:
 * @history: (nullable): where the editor records its edits for undo
 */
void
atlas_centres_page_set_context (AtlasCentresPage *self,
                                AtlasStore       *store,
                                AtlasHistory     *history)
{
  g_return_if_fail (ATLAS_IS_CENTRES_PAGE (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  g_set_object (&self->history, history);
  if (!g_set_object (&self->store, store))
    {
      atlas_centre_editor_set_context (self->editor, store, history);
      return;
    }

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  atlas_centre_editor_set_context (self->editor, store, history);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");

  if (store != NULL)
    {
      self->model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);
      atlas_list_model_set_filter (self->model,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_content), self);
      g_signal_connect_data (self->model, "items-changed", G_CALLBACK (sync_selection), self, NULL,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected",
                                G_CALLBACK (selection_changed_cb), self);
    }

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Saves what was typed and not yet written. */
gboolean
atlas_centres_page_flush (AtlasCentresPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRES_PAGE (self), FALSE);

  return atlas_centre_editor_flush (self->editor);
}

/* Selects and shows the centre with @id, e.g. chosen on the map. */
void
atlas_centres_page_show_centre (AtlasCentresPage *self,
                                gint64            id)
{
  guint position;

  g_return_if_fail (ATLAS_IS_CENTRES_PAGE (self));

  if (self->model == NULL)
    return;

  /* A search that hides the centre is cleared. */
  position = atlas_list_model_find (self->model, id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      atlas_list_model_set_filter (self->model, NULL);
      position = atlas_list_model_find (self->model, id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/**
 * atlas_centres_page_get_editor:
 *
 * Returns: (transfer none): the editor of the selected centre
 */
AtlasCentreEditor *
atlas_centres_page_get_editor (AtlasCentresPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRES_PAGE (self), NULL);

  return self->editor;
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
