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

/* The main menu fits a 360-pixel window (a phone), in German, whose
 * labels are the longer: a walk found it reaching past the window. The
 * popover stands centred under its button; its box (without the shadow)
 * must lie within the window. */
static void
test_narrow_menu_in_german (AtlasTestDir  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  AtlasWindow *window;
  GtkWidget *button, *popover, *contents;
  graphene_rect_t bounds;
  double centre;
  int width, min = 0, nat = 0, shift = 0;

  g_assert_no_error (error);
  window = atlas_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  atlas_test_wait_for_mapped (GTK_WIDGET (window));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_assert_cmpint (width, <=, 360);

  button = atlas_test_find_by_id (GTK_WIDGET (window), "primary_menu_button");
  g_assert_nonnull (button);
  atlas_test_wait_for_mapped (button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  centre = bounds.origin.x + bounds.size.width / 2;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  atlas_test_wait_for_mapped (popover);
  /* The popover's box: its contents, within the shadow around them. */
  contents = gtk_widget_get_first_child (popover);
  while (contents != NULL && !g_str_equal (gtk_widget_get_css_name (contents), "contents"))
    contents = gtk_widget_get_next_sibling (contents);
  g_assert_nonnull (contents);
  gtk_widget_measure (contents, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  /* Moved sideways, if it must, by the popover's offset. */
  gtk_popover_get_offset (GTK_POPOVER (popover), &shift, NULL);
  centre += shift;
  g_test_message ("menu: %d px wide (at least %d), its middle at %.0f of a %d-pixel window",
                  gtk_widget_get_width (contents), min, centre, width);
  if (centre - gtk_widget_get_width (contents) / 2.0 < 0 || centre + gtk_widget_get_width (contents) / 2.0 > width)
    g_error ("the main menu spans %.0f–%.0f of a %d-pixel window", centre - gtk_widget_get_width (contents) / 2.0,
             centre + gtk_widget_get_width (contents) / 2.0, width);
  /* With room to spare: the longest labels are kept short. */
  g_assert_cmpint (gtk_widget_get_width (contents), <=, width - 24);
  gtk_popover_popdown (GTK_POPOVER (popover));

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
  ATLAS_TEST_ADD ("/german/narrow-menu", test_narrow_menu_in_german);

  return g_test_run ();
}
