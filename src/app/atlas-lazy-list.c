/* atlas-lazy-list.c: a list page that queries its store only once shown
 *
 * The contacts and press releases can run to hundreds of thousands of rows.
 * Their pages ask the store for them the first time they are shown, so
 * start-up does not grow with the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-lazy-list.h"

typedef struct {
  GtkWidget *page;           /* unowned: the state lives on the page */
  GtkListView *list_view;
  GtkStack *content_stack;
  AtlasRecordKind kind;
  AtlasStore *store;
  AtlasListModel *model;
} LazyList;

static void
lazy_list_free (gpointer data)
{
  LazyList *lazy = data;

  g_clear_object (&lazy->model);
  g_clear_object (&lazy->store);
  g_free (lazy);
}

static LazyList *
get_lazy (GtkWidget *page)
{
  return g_object_get_data (G_OBJECT (page), "atlas-lazy-list");
}

static void
update_content (LazyList *lazy)
{
  gboolean empty = lazy->model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (lazy->model)) == 0;

  gtk_stack_set_visible_child_name (lazy->content_stack, empty ? "empty" : "list");
}

static void
ensure_model (LazyList *lazy)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (lazy->model != NULL || lazy->store == NULL || !gtk_widget_get_mapped (lazy->page))
    return;

  lazy->model = atlas_list_model_new (lazy->store, lazy->kind);
  g_signal_connect_swapped (lazy->model, "items-changed", G_CALLBACK (update_content), lazy);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (lazy->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (lazy->list_view, GTK_SELECTION_MODEL (selection));
  update_content (lazy);
}

void
atlas_lazy_list_attach (GtkWidget       *page,
                        GtkListView     *list_view,
                        GtkStack        *content_stack,
                        AtlasRecordKind  kind)
{
  LazyList *lazy = g_new0 (LazyList, 1);

  lazy->page = page;
  lazy->list_view = list_view;
  lazy->content_stack = content_stack;
  lazy->kind = kind;

  g_object_set_data_full (G_OBJECT (page), "atlas-lazy-list", lazy, lazy_list_free);
  g_signal_connect_swapped (page, "map", G_CALLBACK (ensure_model), lazy);
  update_content (lazy);
}

void
atlas_lazy_list_set_store (GtkWidget  *page,
                           AtlasStore *store)
{
  LazyList *lazy = get_lazy (page);

  g_return_if_fail (lazy != NULL);

  if (!g_set_object (&lazy->store, store))
    return;

  if (lazy->model != NULL)
    g_signal_handlers_disconnect_by_func (lazy->model, update_content, lazy);
  g_clear_object (&lazy->model);
  gtk_list_view_set_model (lazy->list_view, NULL);
  update_content (lazy);
  ensure_model (lazy);
}

/**
 * atlas_lazy_list_get_model:
 *
 * Returns: (transfer none) (nullable): the model, once the page was shown
 */
AtlasListModel *
atlas_lazy_list_get_model (GtkWidget *page)
{
  LazyList *lazy = get_lazy (page);

  g_return_val_if_fail (lazy != NULL, NULL);

  return lazy->model;
}
