/* test-ui-files.c: every .ui file in ui/ builds (needs a display)
 *
 * GTK 4.8's builder tool cannot check templates whose parent or
 * children are libadwaita classes, so each file in ui/ is instantiated
 * here, after adw_init() and with the app's own types registered: a
 * template through its class, any other file through GtkBuilder.  A
 * file in ui/ that is not compiled into the resources fails too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "atlas-centres-page.h"
#include "atlas-contacts-page.h"
#include "atlas-map-view.h"
#include "atlas-map-export-dialog.h"
#include "atlas-preferences.h"
#include "atlas-visit-editor.h"
#include "atlas-releases-page.h"
#include "atlas-tour-page.h"
#include "atlas-window.h"

static void
register_types (void)
{
  g_type_ensure (ATLAS_TYPE_CENTRE_EDITOR);
  g_type_ensure (ATLAS_TYPE_CENTRES_PAGE);
  g_type_ensure (ATLAS_TYPE_CONTACT_EDITOR);
  g_type_ensure (ATLAS_TYPE_CONTACTS_PAGE);
  g_type_ensure (ATLAS_TYPE_MAP_EXPORT_DIALOG);
  g_type_ensure (ATLAS_TYPE_MAP_VIEW);
  g_type_ensure (ATLAS_TYPE_PREFERENCES);
  g_type_ensure (ATLAS_TYPE_VISIT_EDITOR);
  g_type_ensure (ATLAS_TYPE_RELEASES_PAGE);
  g_type_ensure (ATLAS_TYPE_TOUR_PAGE);
  g_type_ensure (ATLAS_TYPE_WINDOW);
}

/* The class named by <template class="…">, or NULL for a plain file. */
static char *
template_class (const char *contents)
{
  const char *start = strstr (contents, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static gboolean
in_resources (const char *basename)
{
  static const char * const folders[] = { "/ui/", "/gtk/" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX, folders[i], basename, NULL);

      if (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        return TRUE;
    }

  return FALSE;
}

static void
destroy_built (GObject *object)
{
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autofree char *class_name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (in_resources (basename));

  class_name = template_class (contents);
  if (class_name != NULL)
    {
      GType type = g_type_from_name (class_name);
      GtkWidget *widget;

      g_assert_cmpuint (type, !=, G_TYPE_INVALID);
      g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

      widget = g_object_new (type, NULL);
      g_object_ref_sink (widget);
      /* The template gave it children (a dialog holds its child until it
       * is presented). */
      if (ADW_IS_DIALOG (widget))
        g_assert_nonnull (adw_dialog_get_child (ADW_DIALOG (widget)));
      else
        g_assert_nonnull (gtk_widget_get_first_child (widget));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      GSList *objects;

      gtk_builder_add_from_string (builder, contents, -1, &error);
      g_assert_no_error (error);
      objects = gtk_builder_get_objects (builder);
      g_assert_nonnull (objects);
      g_slist_foreach (objects, (GFunc) destroy_built, NULL);
      g_slist_free (objects);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ui_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  register_types ();

  ui_dir = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  dir = g_dir_open (ui_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ui"))
      g_ptr_array_add (paths, g_build_filename (ui_dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *test_path = g_strconcat ("/ui-files/", basename, NULL);

      g_test_add_data_func (test_path, path, test_ui_file);
    }

  return g_test_run ();
}
