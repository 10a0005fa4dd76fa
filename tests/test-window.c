/* test-window.c: the window on a temporary catalogue (needs a display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "atlas-test-util.h"
#include "atlas-window.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @model has @n items or five seconds pass. */
static void
wait_for_n_items (GListModel *model,
                  guint       n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (g_list_model_get_n_items (model) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static void
wait_for_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
test_centres_view (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  AtlasCentresPage *page;
  GtkWidget *entry, *list_view, *stack;
  GListModel *model, *shown;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "centres");
  gtk_window_present (GTK_WINDOW (window));
  page = atlas_window_get_centres_page (window);
  wait_for_mapped (GTK_WIDGET (page));

  model = G_LIST_MODEL (atlas_centres_page_get_model (page));
  list_view = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  stack = find_widget (GTK_WIDGET (page), GTK_TYPE_STACK);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 54);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 54);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  /* Typing filters the list as you type. */
  entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kleve");
  wait_for_n_items (shown, 1);
  {
    g_autoptr(AtlasCentre) kleve = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (atlas_centre_get_field (kleve, ATLAS_CENTRE_AGS), ==, "05154");
  }

  /* Nothing found: an empty state says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Atlantis");
  wait_for_n_items (shown, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_n_items (shown, 54);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_views (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  AtlasWindow *window;
  AdwViewStack *stack;
  GtkWidget *contacts, *content;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = atlas_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  /* Each view exists; the empty ones say what will appear there. */
  atlas_window_show_view (window, "tour");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "tour");
  g_assert_true (ADW_IS_STATUS_PAGE (adw_view_stack_get_visible_child (stack)));

  atlas_window_show_view (window, "releases");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "releases");

  atlas_window_show_view (window, "contacts");
  contacts = adw_view_stack_get_visible_child (stack);
  wait_for_mapped (contacts);
  content = find_widget (contacts, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "empty");

  /* A contact written to the store shows up without a reload. */
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Kremer-Buttkereit");
  g_assert_cmpint (atlas_store_insert_contact (store, contact, &error), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "list");

  /* Unknown views are ignored rather than breaking the window. */
  atlas_window_show_view (window, "nonsense");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "contacts");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  ATLAS_TEST_ADD ("/window/centres-view", test_centres_view);
  ATLAS_TEST_ADD ("/window/other-views", test_other_views);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
