/* test-german.c: each view speaks German (needs a display)
 *
 * The window runs with LANGUAGE=de on a fresh catalogue.  In each view
 * every label, placeholder and tooltip is collected; a view fails when
 * one of them is an English message the catalogue has a German
 * translation for (so a string the code forgot to translate is
 * caught), or when the German text the view must show is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>

#include <string.h>

#include "atlas-i18n.h"
#include "atlas-test-ui.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

/* Every string the user can see or hover in the mapped part of @root. */
static void
collect_texts (GtkWidget *root,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (root))
    return;

  add_text (texts, gtk_widget_get_tooltip_text (root));
  if (GTK_IS_LABEL (root))
    {
      add_text (texts, gtk_label_get_label (GTK_LABEL (root)));
      add_text (texts, gtk_label_get_text (GTK_LABEL (root)));
    }
  else if (GTK_IS_SEARCH_ENTRY (root) || GTK_IS_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      add_text (texts, placeholder);
    }
  else if (GTK_IS_BUTTON (root))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
check_view (AtlasWindow        *window,
            const char         *view,
            const char * const *required)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  AdwViewStack *stack = ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  atlas_window_show_view (window, view);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, view);
  atlas_test_wait_for_mapped (adw_view_stack_get_visible_child (stack));
  /* Let the view lay out what it builds lazily. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  collect_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (texts->len, >, 0);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (translated != text && g_strcmp0 (translated, text) != 0)
        g_error ("view “%s” shows the English “%s” instead of “%s”", view, text, translated);
    }

  for (guint r = 0; required[r] != NULL; r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < texts->len && !found; i++)
        found = g_str_equal (g_ptr_array_index (texts, i), required[r]);
      if (!found)
        g_error ("view “%s” does not show “%s”", view, required[r]);
    }
}

static void
test_views_in_german (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  static const char * const titles[] = { "Zentren", "Kontakte", "Pressemitteilungen", "Tourkarte" };
  static const char * const centres[] = { "Zentren, Kreise und Städte durchsuchen", NULL };
  static const char * const contacts[] = { "Noch keine Kontakte", NULL };
  static const char * const releases[] = { "Noch keine Pressemitteilungen", NULL };
  static const char * const tour[] = { "Noch keine Besuche", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = atlas_window_new (NULL, store);
  atlas_window_show_view (window, "centres");
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (atlas_window_get_centres_page (window)));

  /* The view switcher shows these titles in the header bar or, when the
   * window is narrow, in a bottom bar; check the pages themselves. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (atlas_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
    static const char * const views[] = { "centres", "contacts", "releases", "tour" };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        GtkWidget *child = adw_view_stack_get_child_by_name (stack, views[i]);

        g_assert_nonnull (child);
        g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)), ==, titles[i]);
      }
  }
  check_view (window, "centres", centres);
  check_view (window, "contacts", contacts);
  check_view (window, "releases", releases);
  check_view (window, "tour", tour);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The test environment clears LANGUAGE; this test is the German user.
   * glibc 2.41 ignores LANGUAGE in the C.UTF-8 locale: a German locale
   * is used where the system has one. */
  g_setenv ("LANGUAGE", "de", TRUE);
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  atlas_i18n_init ();
  if (g_str_equal (_("Centres"), "Centres"))
    g_error ("No German translation: on glibc 2.41 and newer this test needs the de_DE.UTF-8 "
             "locale (Debian: the locales package, de_DE.UTF-8 in /etc/locale.gen, locale-gen)");
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  ATLAS_TEST_ADD ("/german/views", test_views_in_german);

  return g_test_run ();
}
