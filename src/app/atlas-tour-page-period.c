/* atlas-tour-page-period.c: the Tour view's period and tour filters
 *
 * Days typed or chosen from presets (each year with visits, each tour),
 * what the period button says, and the tours of the drop-down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-a11y.h"
#include "atlas-example-tour.h"
#include "atlas-importer.h"
#include "atlas-map-export-dialog.h"
#include "atlas-map-view.h"
#include "atlas-record.h"
#include "atlas-review.h"
#include "atlas-toast.h"
#include "atlas-tour-page-private.h"
#include "atlas-visit-date.h"
#include "atlas-visit-editor.h"

/* "31.12.2018" or "2018-12-31" → "2018-12-31"; NULL for empty; "" for not a date. */
char *
atlas_tour_page_text_day (const char *text)
{
  int d, m, y;

  if (*text == '\0')
    return NULL;
  /* A day as the app reads it everywhere (atlas-visit-date.c). */
  if (!atlas_day_parse (text, &y, &m, &d))
    return g_strdup ("");

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
atlas_tour_page_entry_day (GtkEntry *entry)
{
  return atlas_tour_page_text_day (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Whether @text is a day the period filters take, or empty. */
gboolean
atlas_tour_page_is_day (const char *text)
{
  g_autofree char *day = atlas_tour_page_text_day (text);

  return day == NULL || *day != '\0';
}

static void
set_period (AtlasTourPage *self,
            const char    *from,
            const char    *to)
{
  self->setting_period = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  self->setting_period = FALSE;
  atlas_tour_page_refresh (self);
}

static void
preset_clicked_cb (GtkButton     *button,
                   AtlasTourPage *self)
{
  set_period (self, g_object_get_data (G_OBJECT (button), "from"), g_object_get_data (G_OBJECT (button), "to"));
  gtk_popover_popdown (self->period_popover);
}

/* A preset of the period popover: from–to as ISO days, NULL for no limit. */
static void
add_preset (AtlasTourPage *self,
            const char    *label,
            const char    *from,
            const char    *to)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkLabel *text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  /* Two to a line, long tour names shortened (whole in the tooltip): the
   * popover fits a 360-pixel window. */
  gtk_label_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (text, 11);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "from", from ? atlas_format_visit_date (from) : g_strdup (""), g_free);
  g_object_set_data_full (G_OBJECT (button), "to", to ? atlas_format_visit_date (to) : g_strdup (""), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (preset_clicked_cb), self);
  gtk_flow_box_append (self->preset_box, button);
}

/* The periods one click away: any time, each year with visits, each tour
 * from its first stop to its last. @all is every visit, in date order. */
static void
update_presets (AtlasTourPage *self,
                GPtrArray     *all)
{
  g_autoptr(GPtrArray) tours = g_ptr_array_new ();
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  char year[5] = "";

  gtk_flow_box_remove_all (self->preset_box);
  add_preset (self, _("Any Time"), NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (all, i);
      const char *day = atlas_visit_get_field (visit, ATLAS_VISIT_SORT_DATE);
      const char *tour = atlas_visit_get_field (visit, ATLAS_VISIT_TOUR);

      if (strlen (day) == 10 && strncmp (year, day, 4) != 0)
        {
          g_autofree char *jan1 = NULL;
          g_autofree char *dec31 = NULL;

          g_strlcpy (year, day, sizeof year);
          jan1 = g_strconcat (year, "-01-01", NULL);
          dec31 = g_strconcat (year, "-12-31", NULL);
          add_preset (self, year, jan1, dec31);
        }
      if (*tour == '\0')
        continue;
      if (!g_hash_table_contains (first, tour))
        {
          g_ptr_array_add (tours, (gpointer) tour);
          g_hash_table_insert (first, (gpointer) tour, (gpointer) day);
        }
      /* The list's order is the tour's, not always the first day's. */
      if (g_strcmp0 (day, g_hash_table_lookup (last, tour)) > 0)
        g_hash_table_insert (last, (gpointer) tour, (gpointer) day);
      if (g_strcmp0 (day, g_hash_table_lookup (first, tour)) < 0)
        g_hash_table_insert (first, (gpointer) tour, (gpointer) day);
    }

  for (guint i = 0; i < tours->len; i++)
    add_preset (self, g_ptr_array_index (tours, i), g_hash_table_lookup (first, tours->pdata[i]),
                g_hash_table_lookup (last, tours->pdata[i]));
}

/* What the period button says: "2017", "02.08.2017 – 28.11.2017", "From
 * 01.01.2018", or "Any Time". */
char *
atlas_tour_page_period_label (const char *from,
                              const char *to)
{
  g_autofree char *f = from ? atlas_format_visit_date (from) : NULL;
  g_autofree char *t = to ? atlas_format_visit_date (to) : NULL;

  if (from && to && strncmp (from, to, 4) == 0 && g_str_has_suffix (from, "-01-01") &&
      g_str_has_suffix (to, "-12-31"))
    return g_strndup (from, 4);
  if (from && to)
    return g_strdup_printf ("%s – %s", f, t);
  if (from)
    return g_strdup_printf (_("From %s"), f);
  if (to)
    return g_strdup_printf (_("Until %s"), t);
  return g_strdup (_("Any Time"));
}

/* The tours in the catalogue, for the drop-down; the choice is kept. */
void
atlas_tour_page_update_tours (AtlasTourPage *self)
{
  g_autoptr(GPtrArray) all = atlas_store_list_visits (self->store, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "tour-filter-tour");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint keep = 0;

  g_clear_pointer (&self->tours, g_ptr_array_unref);
  self->tours = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("All Tours"));

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const char *tour = atlas_visit_get_field (g_ptr_array_index (all, i), ATLAS_VISIT_TOUR);

      if (*tour == '\0' || g_hash_table_contains (seen, tour))
        continue;
      g_hash_table_add (seen, (gpointer) tour);
      g_ptr_array_add (self->tours, g_strdup (tour));
      gtk_string_list_append (names, tour);
      if (g_strcmp0 (current, tour) == 0)
        keep = self->tours->len;
    }

  self->updating_tours = TRUE;
  gtk_drop_down_set_model (self->tour_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tour_filter, keep);
  self->updating_tours = FALSE;

  update_presets (self, all);
}
