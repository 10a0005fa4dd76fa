/* atlas-bench-contacts.c: opening, scrolling and searching the contacts
 *
 *   atlas-bench-contacts [--contacts N] [--rounds N]
 *
 * Builds two catalogues in a temporary folder, one without contacts and one
 * with N (default 10,000), and drives the real window on each, in the same
 * run: the time from showing the Contacts view to its first painted frame,
 * the time per frame while scrolling through the whole list a page at a
 * time, and the time from a search keystroke to the painted frame that
 * shows its result. Reports medians, worst cases and the ratio of the
 * large catalogue to the empty one. Needs a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-window.h"

static const char * const given[] = {
  "Anna", "Jürgen", "Ayşe", "Peter", "Fatma", "Thomas", "Zoë", "Mehmet", "Ulrike",
  "Sören", "Katarzyna", "Hans-Joachim", "Leyla", "Björn", "Marie", "Özlem",
};
static const char * const family[] = {
  "Müller", "Schmidt", "Yılmaz", "Weiß", "Kowalski", "Schäfer", "Öztürk", "Becker",
  "Hoffmann", "Kaya", "Groß", "Nowak", "Krämer", "Demir", "Schulze", "Wagner",
};
static const char * const roles[] = {
  "Leitung", "Pressesprecherin", "Referent", "Bürgermeisterbüro", "Sachbearbeitung",
};

static char *
make_catalogue (const char *dir,
                const char *name,
                guint       n_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  atlas_store_begin (store, NULL);
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(AtlasContact) c = atlas_contact_new ();
      g_autofree char *fam = g_strdup_printf ("%s %u", family[(i / 16) % 16], i);
      g_autofree char *mail = g_strdup_printf ("kontakt%u@example.de", i);

      atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, given[i % 16]);
      atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, fam);
      atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, roles[i % 5]);
      atlas_contact_set_field (c, ATLAS_CONTACT_ORGANISATION, "Kommunales Integrationszentrum");
      atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, mail);
      atlas_contact_set_field (c, ATLAS_CONTACT_TAGS, i % 3 ? "Presse" : "Sommertour 2017");
      if (atlas_store_insert_contact (store, c, &error) == 0)
        g_error ("%s", error->message);
    }
  if (!atlas_store_commit (store, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&path);
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Waits for the next frame the window paints. */
static void
wait_for_paint (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

typedef struct {
  GArray *open_ms;
  GArray *scroll_ms;
  GArray *key_ms;
} Timings;

static void
measure (const char *path,
         Timings    *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING, &error);
  AtlasWindow *window;
  AtlasContactsPage *page;
  GtkWidget *list, *scrolled;
  GtkAdjustment *adj;
  GdkFrameClock *clock;
  gulong handler;
  gint64 t0;
  double ms;
  static const char * const query = "yilmaz 1";

  window = atlas_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  atlas_window_show_view (window, "centres");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint (GTK_WIDGET (window));

  /* Open: show the view, first frame with rows. */
  t0 = g_get_monotonic_time ();
  atlas_window_show_view (window, "contacts");
  wait_for_paint (GTK_WIDGET (window));
  ms = ms_since (t0);
  g_array_append_val (t->open_ms, ms);

  page = atlas_window_get_contacts_page (window);
  list = find_by_id (GTK_WIDGET (page), "list_view");
  scrolled = list ? gtk_widget_get_parent (list) : NULL;

  /* Scroll: a page at a time through the whole list, one frame each. */
  if (scrolled != NULL && GTK_IS_SCROLLED_WINDOW (scrolled))
    {
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      for (guint step = 0; step < 200; step++)
        {
          double next = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj);

          if (next > gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj))
            break;
          t0 = g_get_monotonic_time ();
          gtk_adjustment_set_value (adj, next);
          wait_for_paint (GTK_WIDGET (window));
          ms = ms_since (t0);
          g_array_append_val (t->scroll_ms, ms);
        }
    }

  /* Search: each keystroke's result on screen. The entry's own delay
   * (GtkSearchEntry waits 150 ms for more typing) is left out. */
  for (const char *end = query + 1; ; end = g_utf8_next_char (end))
    {
      g_autofree char *typed = g_strndup (query, end - query);

      t0 = g_get_monotonic_time ();
      atlas_list_model_set_filter (atlas_contacts_page_get_model (page), typed);
      wait_for_paint (GTK_WIDGET (window));
      ms = ms_since (t0);
      g_array_append_val (t->key_ms, ms);
      if (*end == '\0')
        break;
    }
  atlas_list_model_set_filter (atlas_contacts_page_get_model (page), NULL);

  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *a)
{
  g_array_sort (a, compare_doubles);
  return a->len ? g_array_index (a, double, a->len / 2) : 0;
}

static double
worst (GArray *a)
{
  g_array_sort (a, compare_doubles);
  return a->len ? g_array_index (a, double, a->len - 1) : 0;
}

static Timings
timings_new (void)
{
  Timings t = {
    g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (double)),
  };
  return t;
}

int
main (int    argc,
      char **argv)
{
  int rounds = 5;
  int n_contacts = 10000;
  const GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions (default 5)", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts in the large catalogue (default 10000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *large = NULL;
  Timings small_t, large_t;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("atlas-bench-contacts: %s\n", error->message);
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();
  dir = g_dir_make_tmp ("atlas-bench-contacts-XXXXXX", &error);
  empty = make_catalogue (dir, "empty.sqlite", 0);
  large = make_catalogue (dir, "large.sqlite", n_contacts);

  small_t = timings_new ();
  large_t = timings_new ();
  /* Alternate, so that both see the same machine. */
  for (int r = 0; r < rounds; r++)
    {
      measure (empty, &small_t);
      measure (large, &large_t);
    }

  g_print ("%d rounds; %d contacts against none (ratio large / empty)\n", rounds, n_contacts);
  g_print ("open the view, first frame:   median %7.2f ms vs %7.2f ms  (%.2f×), worst %.2f ms\n",
           median (large_t.open_ms), median (small_t.open_ms),
           median (large_t.open_ms) / MAX (median (small_t.open_ms), 0.001), worst (large_t.open_ms));
  g_print ("scroll a page, per frame:     median %7.2f ms, 90th %.2f ms, worst %.2f ms over %u frames\n",
           median (large_t.scroll_ms),
           large_t.scroll_ms->len ? g_array_index (large_t.scroll_ms, double, large_t.scroll_ms->len * 9 / 10) : 0,
           worst (large_t.scroll_ms), large_t.scroll_ms->len);
  g_print ("search keystroke to frame:    median %7.2f ms vs %7.2f ms  (%.2f×), worst %.2f ms\n",
           median (large_t.key_ms), median (small_t.key_ms),
           median (large_t.key_ms) / MAX (median (small_t.key_ms), 0.001), worst (large_t.key_ms));

  g_unlink (empty);
  g_unlink (large);
  {
    g_autofree char *e_wal = g_strconcat (empty, "-wal", NULL);
    g_autofree char *e_shm = g_strconcat (empty, "-shm", NULL);
    g_autofree char *l_wal = g_strconcat (large, "-wal", NULL);
    g_autofree char *l_shm = g_strconcat (large, "-shm", NULL);

    g_unlink (e_wal); g_unlink (e_shm); g_unlink (l_wal); g_unlink (l_shm);
  }
  g_rmdir (dir);
  return 0;
}
