/* atlas-tour-page.c: the visits beside their map
 *
 * The list and the map always show the same visits: both are built from
 * one query with the page's filters (tour, visitor, period), and the stops
 * on the map carry the numbers of the list.
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
#include "atlas-popover.h"
#include "atlas-record.h"
#include "atlas-review.h"
#include "atlas-toast.h"
#include "atlas-tour-page.h"
#include "atlas-visit-editor.h"

struct _AtlasTourPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  GSettings *settings;
  GPtrArray *visits;        /* AtlasVisit, as listed */
  GPtrArray *tours;         /* char *, the tour drop-down's choices after "All Tours" */
  gboolean updating_tours;
  gboolean setting_period;  /* a preset writes both days: one refresh */
  gboolean dirty;           /* changes came while hidden: refresh when shown */
  char *district_ags;       /* the district chosen on the map or in the list */

  /* Template children */
  GtkStack *page_stack;
  AdwNavigationSplitView *split_view;
  GtkDropDown *tour_filter;
  GtkMenuButton *period_button;
  GtkLabel *period_label;
  GtkPopover *period_popover;
  GtkFlowBox *preset_box;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkSearchEntry *visitor_entry;
  GtkWidget *review_bar;
  GtkLabel *review_label;
  GtkLabel *summary_label;
  AdwBanner *example_banner;
  GtkWidget *district_box;
  GtkLabel *district_title;
  GtkLabel *centre_label;
  GtkLabel *district_label;
  GtkScrolledWindow *list_scroller;
  GtkListBox *visit_list;
  GtkWidget *list_empty;
  AtlasMapView *map_view;
};

G_DEFINE_FINAL_TYPE (AtlasTourPage, atlas_tour_page, GTK_TYPE_WIDGET)

static void refresh (AtlasTourPage *self);

/* "31.12.2018" or "2018-12-31" → "2018-12-31"; NULL for empty; "" for not a date. */
static char *
text_day (const char *text)
{
  int d, m, y;
  char rest;

  if (*text == '\0')
    return NULL;
  if ((sscanf (text, "%d.%d.%d%c", &d, &m, &y, &rest) != 3 &&
       sscanf (text, "%d-%d-%d%c", &y, &m, &d, &rest) != 3) ||
      y < 1970 || y > 2100 || !g_date_valid_dmy (d, m, y))
    return g_strdup ("");

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static char *
entry_day (GtkEntry *entry)
{
  return text_day (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Whether @text is a day the period filters take, or empty. */
gboolean
atlas_tour_page_is_day (const char *text)
{
  g_autofree char *day = text_day (text);

  return day == NULL || *day != '\0';
}

static const char *
selected_tour (AtlasTourPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tour_filter);

  if (self->tours == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->tours->len)
    return NULL;
  return g_ptr_array_index (self->tours, selected - 1);
}

/* The map of @visits, titled with the tour and the period from–to (days
 * as text_day() gives them). */
static AtlasMapScene *
make_period_scene (AtlasTourPage *self,
                   GPtrArray     *visits,
                   const char    *from,
                   const char    *to,
                   gboolean       dark)
{
  g_autofree char *period = NULL;

  if ((from && *from) || (to && *to))
    {
      g_autofree char *f = from && *from ? atlas_format_visit_date (from) : g_strdup ("");
      g_autofree char *t = to && *to ? atlas_format_visit_date (to) : g_strdup ("");

      period = g_strdup_printf ("%s – %s", f, t);
    }

  {
    g_autofree char *route_name = g_settings_get_string (self->settings, "map-route");
    AtlasRouteMode route = ATLAS_ROUTE_BY_TOUR;

    atlas_map_route_mode_from_string (route_name, &route);
    return atlas_map_scene_new_full (visits, selected_tour (self), period, dark, route);
  }
}

static AtlasMapScene *
make_scene (AtlasTourPage *self,
            gboolean       dark)
{
  g_autofree char *from = entry_day (self->from_entry);
  g_autofree char *to = entry_day (self->to_entry);

  return make_period_scene (self, self->visits, from, to, dark);
}

/**
 * atlas_tour_page_export_scene:
 * @from: (nullable): the first day, as typed ("31.12.2018"), or empty
 * @to: (nullable): the last day, or empty
 * @valid: (out): whether both days could be read (one that cannot is
 *   left out)
 *
 * The map of the visits the page's tour and visitor filters leave in the
 * period @from–@to, in the light style, for export.
 *
 * Returns: (transfer full): the map
 */
AtlasMapScene *
atlas_tour_page_export_scene (AtlasTourPage *self,
                              const char    *from,
                              const char    *to,
                              gboolean      *valid)
{
  g_autofree char *first = text_day (from ? from : "");
  g_autofree char *last = text_day (to ? to : "");
  g_autoptr(GPtrArray) visits = NULL;

  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), NULL);

  *valid = atlas_tour_page_is_day (from ? from : "") && atlas_tour_page_is_day (to ? to : "");
  if (first != NULL && *first == '\0')
    g_clear_pointer (&first, g_free);
  if (last != NULL && *last == '\0')
    g_clear_pointer (&last, g_free);

  if (self->store != NULL)
    visits = atlas_store_list_visits (self->store, selected_tour (self),
                                      gtk_editable_get_text (GTK_EDITABLE (self->visitor_entry)),
                                      first, last, NULL);
  if (visits == NULL)
    visits = g_ptr_array_new_with_free_func (g_object_unref);
  return make_period_scene (self, visits, first, last, FALSE);
}

/* The period filter as typed. */
void
atlas_tour_page_get_period (AtlasTourPage  *self,
                            const char    **from,
                            const char    **to)
{
  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
}

/* Reviews @visits (the suggested among them) as one step of the history,
 * with a toast whose Undo takes it back. */
static void
review (AtlasTourPage *self,
        GPtrArray     *visits,
        gboolean       accept)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->store == NULL)
    return;
  n = atlas_review_suggested (self->store, self->history, visits, accept, &error);
  if (error != NULL)
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (n == 0)
    return;

  title = g_strdup_printf (accept ? g_dngettext (GETTEXT_PACKAGE, "%u suggested visit accepted",
                                                 "%u suggested visits accepted", n)
                                  : g_dngettext (GETTEXT_PACKAGE, "%u suggested visit dismissed",
                                                 "%u suggested visits dismissed", n),
                           n);
  atlas_toast_add_undoable (GTK_WIDGET (self), title);
}

static void
review_one (AtlasTourPage *self,
            AtlasVisit    *visit,
            gboolean       accept)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (one, g_object_ref (visit));
  review (self, one, accept);
}

static void
delete_clicked_cb (GtkButton     *button,
                   AtlasTourPage *self)
{
  AtlasVisit *visit = g_object_get_data (G_OBJECT (button), "visit");
  g_autoptr(GObject) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_str_equal (atlas_visit_get_field (visit, ATLAS_VISIT_STATUS), "suggested"))
    {
      review_one (self, visit, FALSE);
      return;
    }

  /* Through the history: Undo, from the toast or Ctrl+Z, brings the visit
   * back with its own id. */
  snapshot = atlas_record_copy (G_OBJECT (visit));
  if (!atlas_store_delete_visit (self->store, atlas_visit_get_id (visit), &error))
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (self->history != NULL)
    {
      /* Translators: the history's entry for a deleted visit; %s is the centre. */
      g_autofree char *label = g_strdup_printf (_("Delete Visit to %s"),
                                                atlas_visit_get_field (ATLAS_VISIT (snapshot),
                                                                       ATLAS_VISIT_CENTRE_NAME));

      atlas_history_push (self->history, ATLAS_RECORD_VISIT, snapshot, NULL, label);
    }

  /* Translators: after deleting a visit; %s is the district. */
  title = g_strdup_printf (_("Visit to %s deleted"), atlas_visit_get_field (ATLAS_VISIT (snapshot),
                                                                              ATLAS_VISIT_CENTRE_NAME));
  atlas_toast_add_undoable (GTK_WIDGET (self), title);
}

static void
accept_clicked_cb (GtkButton     *button,
                   AtlasTourPage *self)
{
  review_one (self, g_object_get_data (G_OBJECT (button), "visit"), TRUE);
}

/* All that the filters show at once. */
static void
review_shown_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  if (self->visits != NULL)
    review (self, self->visits, g_str_equal (action_name, "tour.accept-shown"));
}

/* Opens the visit in its editor dialog (a new one when its id is 0). */
void
atlas_tour_page_edit_visit (AtlasTourPage *self,
                            AtlasVisit    *visit)
{
  AtlasVisitEditor *editor;

  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  if (self->store == NULL)
    return;
  editor = atlas_visit_editor_new (self->store, self->history, visit);
  /* The dialog gives the focus back, when it closes, to the widget that
   * had it: not a row's button, which the save rebuilds under it (GTK then
   * touched a destroyed widget), but the list, which stays. */
  gtk_widget_grab_focus (GTK_WIDGET (self->visit_list));
  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));
}

static void
edit_clicked_cb (GtkButton     *button,
                 AtlasTourPage *self)
{
  atlas_tour_page_edit_visit (self, g_object_get_data (G_OBJECT (button), "visit"));
}

static void
row_activated_cb (AtlasTourPage *self,
                  GtkListBoxRow *row)
{
  AtlasVisit *visit = g_object_get_data (G_OBJECT (row), "visit");

  if (visit != NULL)
    atlas_tour_page_edit_visit (self, visit);
}

/* A new visit: planned, today, by the default visitor, of the tour shown. */
void
atlas_tour_page_new_visit (AtlasTourPage *self)
{
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *visitor = g_settings_get_string (self->settings, "default-visitor");
  const char *tour = selected_tour (self);

  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, today);
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "planned");
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, visitor);
  atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, tour ? tour : "");
  atlas_tour_page_edit_visit (self, visit);
}

/**
 * atlas_tour_page_plan_visit:
 * @ags: the district whose centre is to be visited
 *
 * Opens the editor on a new planned visit to the centre of @ags, its day
 * left for the user to enter.
 */
void
atlas_tour_page_plan_visit (AtlasTourPage *self,
                            const char    *ags)
{
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(AtlasCentre) centre = NULL;
  g_autofree char *visitor = g_settings_get_string (self->settings, "default-visitor");
  const char *tour = selected_tour (self);

  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  if (self->store == NULL || ags == NULL)
    return;
  centre = atlas_store_get_centre_by_ags (self->store, ags, NULL);
  if (centre == NULL)
    return;
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_AGS, ags);
  atlas_visit_set_field (visit, ATLAS_VISIT_CENTRE_NAME, atlas_centre_get_field (centre, ATLAS_CENTRE_NAME));
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "planned");
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, visitor);
  atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, tour ? tour : "");
  atlas_tour_page_edit_visit (self, visit);
}

static void
plan_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  atlas_tour_page_plan_visit (self, self->district_ags);
}

static void
new_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  atlas_tour_page_new_visit (ATLAS_TOUR_PAGE (widget));
}

static GtkWidget *
icon_button (const char    *icon,
             const char    *label,
             AtlasVisit    *visit,
             GCallback      callback,
             AtlasTourPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "visit", g_object_ref (visit), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
visit_row (AtlasTourPage *self,
           AtlasVisit    *visit,
           guint          number)
{
  const char *status = atlas_visit_get_field (visit, ATLAS_VISIT_STATUS);
  const char *tour = atlas_visit_get_field (visit, ATLAS_VISIT_TOUR);
  const char *visitors = atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS);
  g_autofree char *date = atlas_format_visit_date (atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const AtlasArea *area = atlas_geometry_find_area (atlas_geometry_get_default (),
                                                    atlas_visit_get_field (visit, ATLAS_VISIT_AGS));
  const char *district = area ? area->name : atlas_visit_get_field (visit, ATLAS_VISIT_CENTRE_NAME);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  const char *status_label;

  /* The district names the centre; the number is the stop on the map. */
  if (number > 0)
    title = g_strdup_printf ("%u · %s", number, district);
  else
    title = g_strdup (district);
  subtitle = g_strjoin (" · ", date, *tour ? tour : (*visitors ? visitors : NULL), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* One line each, ellipsized: the list stays narrow beside the map. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  g_object_set_data_full (G_OBJECT (row), "ags", g_strdup (atlas_visit_get_field (visit, ATLAS_VISIT_AGS)), g_free);

  /* A suggestion shows the sentence it came from; a guess says so. */
  if (g_str_equal (status, "suggested"))
    {
      g_autofree char *evidence = NULL;
      g_autoptr(GArray) sources = atlas_store_get_visit_sources (self->store, atlas_visit_get_id (visit), NULL);
      double confidence = 1.0;
      gboolean announced = FALSE;

      /* One suggestion for the visit several releases report. */
      if (sources != NULL && sources->len > 1)
        {
          /* Translators: a suggested visit's day and tour, then how many press releases report it. */
          char *with_sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u press release",
                                                             "%s · %u press releases", sources->len),
                                                subtitle, sources->len);

          g_free (subtitle);
          subtitle = with_sources;
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }

      if (atlas_store_get_visit_evidence (self->store, atlas_visit_get_id (visit), &evidence, &confidence,
                                          &announced, NULL) && *evidence != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (evidence, -1);
          /* TRANSLATORS: the sentence of a press release a visit was suggested by */
          g_autofree char *quoted = g_strdup_printf (_("“%s”"), escaped);
          g_autofree char *with_evidence = g_strjoin ("\n", subtitle, quoted, NULL);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), with_evidence);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_set_tooltip_text (row, evidence);
        }
      status_label = confidence < 0.5 ? _("Suggested, Unsure") : _("Suggested");
    }
  else if (g_str_equal (status, "planned"))
    status_label = _("Planned");
  else
    status_label = _("Visited");
  badge = gtk_label_new (status_label);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if (g_str_equal (status, "suggested"))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("object-select-symbolic", _("Accept the Suggested Visit"),
                                              visit, G_CALLBACK (accept_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("window-close-symbolic", _("Dismiss the Suggested Visit"),
                                              visit, G_CALLBACK (delete_clicked_cb), self));
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("user-trash-symbolic", _("Delete the Visit"),
                                            visit, G_CALLBACK (delete_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Edit the Visit"),
                                          visit, G_CALLBACK (edit_clicked_cb), self));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "visit", g_object_ref (visit), g_object_unref);

  return row;
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
  refresh (self);
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
static char *
period_label (const char *from,
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

/* Enter in a day closes the popover: the filter is already applied. */
static void
period_entered_cb (AtlasTourPage *self)
{
  gtk_popover_popdown (self->period_popover);
}

/* The tours in the catalogue, for the drop-down; the choice is kept. */
static void
update_tours (AtlasTourPage *self)
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

static const char *
district_name (const char *ags)
{
  const AtlasArea *area = atlas_geometry_find_area (atlas_geometry_get_default (), ags);

  return area ? area->name : ags;
}

/* The chosen district under the filters: its centre, the days of its
 * visits, or that it has none, with a visit to plan. */
static void
show_district (AtlasTourPage *self)
{
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autofree char *text = NULL;
  const char *name;

  gtk_widget_set_visible (self->district_box, self->district_ags != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.plan-visit", self->district_ags != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.unselect-district", self->district_ags != NULL);
  if (self->district_ags == NULL || self->store == NULL)
    return;

  name = district_name (self->district_ags);
  centre = atlas_store_get_centre_by_ags (self->store, self->district_ags, NULL);
  gtk_label_set_label (self->district_title, name);
  gtk_label_set_label (self->centre_label, centre ? atlas_centre_get_field (centre, ATLAS_CENTRE_NAME) : "");

  days = g_ptr_array_new_with_free_func (g_free);
  suggested = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (self->visits, i);

      /* A suggestion is not a visit until accepted: counted apart. */
      if (g_str_equal (atlas_visit_get_field (visit, ATLAS_VISIT_AGS), self->district_ags))
        g_ptr_array_add (g_str_equal (atlas_visit_get_field (visit, ATLAS_VISIT_STATUS), "suggested")
                         ? suggested : days,
                         atlas_format_visit_date (atlas_visit_get_field (visit, ATLAS_VISIT_DATE)));
    }

  if (days->len == 0)
    {
      /* Translators: %s is a district, such as Soest. */
      text = g_strdup_printf (_("No visits in %s"), name);
    }
  else
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (days, NULL);
      list = g_strjoinv (", ", (char **) days->pdata);
      /* Translators: %u is how many visits, %s their days, such as 02.08.2017, 28.11.2017. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit: %s", "%u visits: %s", days->len - 1),
                              days->len - 1, list);
    }
  if (suggested->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *line = NULL;
      guint n = suggested->len;
      char *both;

      g_ptr_array_add (suggested, NULL);
      list = g_strjoinv (", ", (char **) suggested->pdata);
      /* Translators: %u is how many suggested visits, %s their days. */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit: %s", "%u suggested visits: %s", n),
                              n, list);
      both = g_strjoin ("\n", text, line, NULL);
      g_free (text);
      text = both;
    }
  gtk_label_set_label (self->district_label, text);
}

/* The first row of the district, unless the selected one is of it. */
static GtkListBoxRow *
district_row (AtlasTourPage *self,
              const char    *ags)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->visit_list);

  if (selected != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (selected), "ags"), ags) == 0)
    return selected;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->visit_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "ags"), ags) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* Chooses the district @ags (NULL for none) on the map and in the list,
 * which scrolls to its visit. */
static void
select_district (AtlasTourPage *self,
                 const char    *ags)
{
  GtkListBoxRow *row;

  if (g_strcmp0 (self->district_ags, ags) != 0)
    {
      g_free (self->district_ags);
      self->district_ags = g_strdup (ags);
    }
  atlas_map_view_select (self->map_view, ags);

  row = ags ? district_row (self, ags) : NULL;
  if (row == NULL)
    gtk_list_box_unselect_all (self->visit_list);
  else
    {
      if (row != gtk_list_box_get_selected_row (self->visit_list))
        gtk_list_box_select_row (self->visit_list, row);
      gtk_viewport_scroll_to (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->list_scroller)),
                              GTK_WIDGET (row), NULL);
    }
  show_district (self);
}

static void
unselect_district_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  select_district (ATLAS_TOUR_PAGE (widget), NULL);
}

static void
refresh (AtlasTourPage *self)
{
  g_autofree char *from = entry_day (self->from_entry);
  g_autofree char *to = entry_day (self->to_entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  AtlasMapScene *scene;
  GtkWidget *child;
  guint number = 0, n_suggested = 0;
  gint64 total, focused_id = -1;
  gboolean focused_list = FALSE;

  if (self->store == NULL)
    return;

  /* Hidden, the page only notes that it is behind (start-up stays flat). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  for (GtkEntry **e = (GtkEntry *[]) { self->from_entry, self->to_entry, NULL }; *e; e++)
    {
      g_autofree char *day = entry_day (*e);

      if (day != NULL && *day == '\0')
        gtk_widget_add_css_class (GTK_WIDGET (*e), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (*e), "error");
    }
  {
    g_autofree char *label = period_label (from && *from ? from : NULL, to && *to ? to : NULL);

    gtk_label_set_label (self->period_label, label);
  }

  g_clear_pointer (&self->visits, g_ptr_array_unref);
  self->visits = atlas_store_list_visits (self->store, selected_tour (self),
                                          gtk_editable_get_text (GTK_EDITABLE (self->visitor_entry)),
                                          from && *from ? from : NULL, to && *to ? to : NULL, &error);
  if (self->visits == NULL)
    {
      g_warning ("Could not list the visits: %s", error->message);
      self->visits = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* The focus on a row goes with it: noted, to be put on its successor. */
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->visit_list)))
      {
        GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
        AtlasVisit *visit = row ? g_object_get_data (G_OBJECT (row), "visit") : NULL;

        focused_id = visit ? atlas_visit_get_id (visit) : -1;
        focused_list = TRUE;
      }
  }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->visit_list))) != NULL)
    gtk_list_box_remove (self->visit_list, child);

  /* Numbers as on the map: done and planned visits, in date order. */
  for (guint i = 0; i < self->visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (self->visits, i);
      gboolean suggested = g_str_equal (atlas_visit_get_field (visit, ATLAS_VISIT_STATUS), "suggested");

      if (suggested)
        n_suggested++;
      gtk_list_box_append (self->visit_list, visit_row (self, visit, suggested ? 0 : ++number));
    }

  /* The district stays chosen across refreshes, its visit selected. */
  if (self->district_ags != NULL)
    {
      g_autofree char *ags = g_strdup (self->district_ags);

      select_district (self, ags);
    }
  else
    show_district (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list_scroller), self->visits->len > 0);
  gtk_widget_set_visible (self->list_empty, self->visits->len == 0);

  /* Undo and the like rebuild the list: the focus stays on the same visit,
   * or the district's, or the list (it fell to the window before). */
  if (focused_list && self->visits->len > 0)
    {
      GtkWidget *target = NULL;

      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->visit_list));
           row != NULL && focused_id > 0;
           row = gtk_widget_get_next_sibling (row))
        {
          AtlasVisit *visit = g_object_get_data (G_OBJECT (row), "visit");

          if (visit != NULL && atlas_visit_get_id (visit) == focused_id)
            target = row;
        }
      if (target == NULL)
        target = GTK_WIDGET (gtk_list_box_get_selected_row (self->visit_list));
      if (target == NULL)
        target = GTK_WIDGET (gtk_list_box_get_row_at_index (self->visit_list, 0));
      gtk_widget_grab_focus (target);
    }

  gtk_widget_set_visible (self->review_bar, n_suggested > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.accept-shown", n_suggested > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.dismiss-shown", n_suggested > 0);
  if (n_suggested > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit in this view",
                                                            "%u suggested visits in this view", n_suggested),
                                               n_suggested);

      gtk_label_set_label (self->review_label, text);
    }

  scene = make_scene (self, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  /* The map says how many centres are visited; the list, how many visits
   * it shows (the suggested ones have the review bar). */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits", self->visits->len),
                             self->visits->len);
  gtk_label_set_label (self->summary_label, summary);
  atlas_map_view_set_scene (self->map_view, scene);

  /* The example's visits are not the user's: the banner says so. */
  adw_banner_set_revealed (self->example_banner, atlas_example_tour_count (self->store) > 0);

  total = atlas_store_count (self->store, ATLAS_RECORD_VISIT, NULL);
  gtk_stack_set_visible_child_name (self->page_stack, total > 0 ? "tour" : "empty");
}

static void
store_changed_cb (AtlasTourPage *self,
                  guint          kind)
{
  if (kind != ATLAS_RECORD_VISIT && kind != ATLAS_RECORD_CENTRE)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  update_tours (self);
  refresh (self);
}

static void
atlas_tour_page_map (GtkWidget *widget)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  GTK_WIDGET_CLASS (atlas_tour_page_parent_class)->map (widget);

  if (self->dirty)
    {
      update_tours (self);
      refresh (self);
    }
}

static void
filters_changed_cb (AtlasTourPage *self)
{
  if (!self->setting_period)
    refresh (self);
}

static void
tour_changed_cb (AtlasTourPage *self)
{
  const char *tour;

  if (self->updating_tours)
    return;
  tour = selected_tour (self);
  g_settings_set_string (self->settings, "tour-filter-tour", tour ? tour : "");
  refresh (self);
}

/* A visit chosen in the list chooses its district on the map. */
static void
row_selected_cb (AtlasTourPage *self,
                 GtkListBoxRow *row)
{
  const char *ags = row ? g_object_get_data (G_OBJECT (row), "ags") : NULL;

  if (ags != NULL && g_strcmp0 (ags, self->district_ags) != 0)
    select_district (self, ags);
}

/* A district chosen on the map selects its first visit in the list and
 * shows what is known of it. */
static void
district_activated_cb (AtlasTourPage *self,
                       const char    *ags)
{
  select_district (self, ags);
  /* Narrow, the list takes the map's place to show them. */
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

/**
 * atlas_tour_page_show_visit:
 *
 * Selects the visit with @id in the list, and so its district on the map,
 * when the tour and period chosen show it.
 */
void
atlas_tour_page_show_visit (AtlasTourPage *self,
                            gint64         id)
{
  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->visit_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      AtlasVisit *visit = g_object_get_data (G_OBJECT (row), "visit");

      if (visit != NULL && atlas_visit_get_id (visit) == id)
        {
          /* A district chosen, with visits shown, stays chosen: an undo
           * of many shows one of them, and took the district away. */
          if (self->district_ags != NULL &&
              g_strcmp0 (atlas_visit_get_field (visit, ATLAS_VISIT_AGS), self->district_ags) != 0 &&
              district_row (self, self->district_ags) != NULL)
            return;
          gtk_list_box_select_row (self->visit_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

/* A narrow page shows the list or the map; the map is one tap away. */
static void
show_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
fit_cb (AtlasTourPage *self)
{
  atlas_map_view_fit (self->map_view);
}

static void
load_example_cb (AtlasTourPage *self)
{
  g_auto(AtlasImportResult) result = { 0 };
  g_autofree char *message = NULL;

  if (!atlas_example_tour_load (self->store, self->history, &result))
    {
      g_autofree char *line = atlas_import_result_describe (&result);

      atlas_toast_add_text (GTK_WIDGET (self), line);
      return;
    }

  atlas_store_notify_changed (self->store, ATLAS_RECORD_VISIT);
  message = g_strdup_printf (_("%u visits of the 2017–2021 tour loaded"), result.n_visits);
  atlas_toast_add_undoable (GTK_WIDGET (self), message);
}

/**
 * atlas_tour_page_remove_example:
 *
 * Removes the example tour's visits, as one step of the history.
 */
void
atlas_tour_page_remove_example (AtlasTourPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  if (self->store == NULL)
    return;
  n = atlas_example_tour_remove (self->store, self->history, &error);
  if (error != NULL)
    {
      atlas_toast_add_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (n == 0)
    return;
  atlas_toast_add_undoable (GTK_WIDGET (self), _("Example tour removed"));
}

static void
remove_example_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  atlas_tour_page_remove_example (ATLAS_TOUR_PAGE (widget));
}

/* The format, size and period are chosen in the app's own dialog, with
 * a preview, before a file dialog asks where to save. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasMapExportDialog *dialog = atlas_map_export_dialog_new (ATLAS_TOUR_PAGE (widget),
                                                              g_variant_get_string (parameter, NULL));

  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              AtlasTourPage     *self)
{
  g_autoptr(AtlasMapScene) scene = make_scene (self, FALSE);

  atlas_map_render (scene, gtk_print_context_get_cairo_context (context),
                    gtk_print_context_get_width (context), gtk_print_context_get_height (context), NULL);
}

/* One A4 page with the map as the view shows it (filters, title). */
static GtkPrintOperation *
print_operation_new (AtlasTourPage *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Tour Map"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = print_operation_new (self);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    atlas_toast_add_text (GTK_WIDGET (self), error->message);
}

/**
 * atlas_tour_page_print_to_file:
 * @path: a PDF file to write
 *
 * Prints the map as the Print action does, into @path instead of on a
 * printer, without asking.
 */
gboolean
atlas_tour_page_print_to_file (AtlasTourPage  *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), FALSE);

  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* The style or the route's mode changed: the map is drawn anew. */
static void
look_changed_cb (AtlasTourPage *self)
{
  refresh (self);
}

static void
atlas_tour_page_dispose (GObject *object)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TOUR_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  g_clear_pointer (&self->tours, g_ptr_array_unref);
  g_clear_pointer (&self->district_ags, g_free);

  G_OBJECT_CLASS (atlas_tour_page_parent_class)->dispose (object);
}

static void
atlas_tour_page_class_init (AtlasTourPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_tour_page_dispose;

  widget_class->map = atlas_tour_page_map;

  g_type_ensure (ATLAS_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-tour-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, tour_filter);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, period_popover);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, preset_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, visitor_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, review_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, example_banner);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, district_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, district_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, centre_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, district_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, visit_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, list_empty);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, map_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_entered_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fit_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_example_cb);

  gtk_widget_class_install_action (widget_class, "tour.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "tour.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "tour.new-visit", NULL, new_visit_action);
  gtk_widget_class_install_action (widget_class, "tour.plan-visit", NULL, plan_visit_action);
  gtk_widget_class_install_action (widget_class, "tour.remove-example", NULL, remove_example_action);
  gtk_widget_class_install_action (widget_class, "tour.unselect-district", NULL, unselect_district_action);
  gtk_widget_class_install_action (widget_class, "tour.accept-shown", NULL, review_shown_action);
  gtk_widget_class_install_action (widget_class, "tour.dismiss-shown", NULL, review_shown_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour.accept-shown", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour.dismiss-shown", NULL);
  gtk_widget_class_install_action (widget_class, "tour.show-map", NULL, show_map_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_tour_page_init (AtlasTourPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_a11y_name_inner_buttons (GTK_WIDGET (self));
  /* The period's button is at the window's right edge when narrow. */
  atlas_popover_keep_in_window (self->period_popover);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.plan-visit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.unselect-district", FALSE);
  self->settings = g_settings_new (APPLICATION_ID);

  g_signal_connect_swapped (self->tour_filter, "notify::selected", G_CALLBACK (tour_changed_cb), self);

  /* The filters stay from one session to the next. */
  g_settings_bind (self->settings, "tour-filter-visitor", self->visitor_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tour-filter-from", self->from_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tour-filter-to", self->to_entry, "text", G_SETTINGS_BIND_DEFAULT);

  /* The route's mode, a setting the export menu switches. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GAction) route = g_settings_create_action (self->settings, "map-route");

    g_action_map_add_action (G_ACTION_MAP (group), route);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "map", G_ACTION_GROUP (group));
    g_signal_connect_object (self->settings, "changed::map-route", G_CALLBACK (look_changed_cb), self,
                             G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (look_changed_cb), self, G_CONNECT_SWAPPED);
}

void
atlas_tour_page_set_store (AtlasTourPage *self,
                           AtlasStore    *store)
{
  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* Everything is queried when the page is first shown. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    atlas_tour_page_map (GTK_WIDGET (self));
}

/**
 * atlas_tour_page_get_map_view:
 *
 * Returns: (transfer none): the map
 */
AtlasMapView *
atlas_tour_page_get_map_view (AtlasTourPage *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), NULL);

  return self->map_view;
}

/**
 * atlas_tour_page_get_visits:
 *
 * Returns: (transfer none) (element-type AtlasVisit): the visits listed
 */
GPtrArray *
atlas_tour_page_get_visits (AtlasTourPage *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), NULL);

  return self->visits;
}

GtkListBox *
atlas_tour_page_get_list (AtlasTourPage *self)
{
  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), NULL);

  return self->visit_list;
}

void
atlas_tour_page_set_history (AtlasTourPage *self,
                             AtlasHistory  *history)
{
  g_return_if_fail (ATLAS_IS_TOUR_PAGE (self));

  g_set_object (&self->history, history);
}
