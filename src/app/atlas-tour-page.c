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
#include "atlas-tour-page-private.h"
#include "atlas-visit-editor.h"


G_DEFINE_FINAL_TYPE (AtlasTourPage, atlas_tour_page, GTK_TYPE_WIDGET)

const char *
atlas_tour_page_selected_tour (AtlasTourPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tour_filter);

  if (self->tours == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->tours->len)
    return NULL;
  return g_ptr_array_index (self->tours, selected - 1);
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

static void
row_activated_cb (AtlasTourPage *self,
                  GtkListBoxRow *row)
{
  AtlasVisit *visit = g_object_get_data (G_OBJECT (row), "visit");

  if (visit != NULL)
    atlas_tour_page_edit_visit (self, visit);
}

/* Enter in a day closes the popover: the filter is already applied. */
static void
period_entered_cb (AtlasTourPage *self)
{
  gtk_popover_popdown (self->period_popover);
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

/* Whether a row of @ags is among those chosen. */
static gboolean
district_chosen (AtlasTourPage *self,
                 const char    *ags)
{
  g_autoptr(GList) rows = gtk_list_box_get_selected_rows (self->visit_list);

  for (GList *l = rows; l != NULL; l = l->next)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (l->data), "ags"), ags) == 0)
      return TRUE;
  return FALSE;
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
      /* Rows chosen with Ctrl or Shift stay chosen while one is of it. */
      if (!gtk_list_box_row_is_selected (row) && !district_chosen (self, ags))
        {
          gtk_list_box_unselect_all (self->visit_list);
          gtk_list_box_select_row (self->visit_list, row);
        }
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

/**
 * atlas_tour_page_selected_visits:
 *
 * Returns: (transfer full) (nullable): the visits of the rows chosen, when
 *   more than one is (Ctrl+click, Shift+click); %NULL for one or none
 */
GPtrArray *
atlas_tour_page_selected_visits (AtlasTourPage *self)
{
  g_autoptr(GList) rows = NULL;
  GPtrArray *visits;

  if (self->visit_list == NULL)
    return NULL;
  rows = gtk_list_box_get_selected_rows (self->visit_list);
  if (rows == NULL || rows->next == NULL)
    return NULL;
  visits = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      AtlasVisit *visit = g_object_get_data (G_OBJECT (l->data), "visit");

      if (visit != NULL)
        g_ptr_array_add (visits, g_object_ref (visit));
    }
  return visits;
}

/* The review bar acts on the rows chosen, when several are, or on all
 * the suggestions shown; it says which. */
static void
update_review_bar (AtlasTourPage *self)
{
  g_autoptr(GPtrArray) selected = atlas_tour_page_selected_visits (self);
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; selected != NULL && i < selected->len; i++)
    if (g_str_equal (atlas_visit_get_field (g_ptr_array_index (selected, i), ATLAS_VISIT_STATUS), "suggested"))
      n++;

  gtk_widget_set_visible (self->review_bar, self->n_suggested > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.accept-shown", self->n_suggested > 0 && (selected == NULL || n > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour.dismiss-shown", self->n_suggested > 0 && (selected == NULL || n > 0));
  if (selected != NULL)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit chosen",
                                           "%u suggested visits chosen", n), n);
      gtk_button_set_label (self->accept_button, _("_Accept Chosen"));
      gtk_button_set_label (self->dismiss_button, _("_Dismiss Chosen"));
    }
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit in this view",
                                           "%u suggested visits in this view", self->n_suggested),
                              self->n_suggested);
      gtk_button_set_label (self->accept_button, _("_Accept All"));
      gtk_button_set_label (self->dismiss_button, _("_Dismiss All"));
    }
  gtk_label_set_label (self->review_label, text);
}

static void
selection_changed_cb (AtlasTourPage *self)
{
  /* The list empties as the page goes away: nothing to say then. */
  if (self->visit_list != NULL && self->review_bar != NULL)
    update_review_bar (self);
}

void
atlas_tour_page_refresh (AtlasTourPage *self)
{
  g_autofree char *from = atlas_tour_page_entry_day (self->from_entry);
  g_autofree char *to = atlas_tour_page_entry_day (self->to_entry);
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
      g_autofree char *day = atlas_tour_page_entry_day (*e);

      if (day != NULL && *day == '\0')
        gtk_widget_add_css_class (GTK_WIDGET (*e), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (*e), "error");
    }
  {
    g_autofree char *label = atlas_tour_page_period_label (from && *from ? from : NULL, to && *to ? to : NULL);

    gtk_label_set_label (self->period_label, label);
  }

  g_clear_pointer (&self->visits, g_ptr_array_unref);
  self->visits = atlas_store_list_visits (self->store, atlas_tour_page_selected_tour (self),
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
      gtk_list_box_append (self->visit_list, atlas_tour_page_visit_row (self, visit, suggested ? 0 : ++number));
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

  self->n_suggested = n_suggested;
  update_review_bar (self);

  scene = atlas_tour_page_make_scene (self, adw_style_manager_get_dark (adw_style_manager_get_default ()));
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
  atlas_tour_page_update_tours (self);
  atlas_tour_page_refresh (self);
}

static void
atlas_tour_page_map (GtkWidget *widget)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  GTK_WIDGET_CLASS (atlas_tour_page_parent_class)->map (widget);

  if (self->dirty)
    {
      atlas_tour_page_update_tours (self);
      atlas_tour_page_refresh (self);
    }
}

static void
filters_changed_cb (AtlasTourPage *self)
{
  if (!self->setting_period)
    atlas_tour_page_refresh (self);
}

static void
tour_changed_cb (AtlasTourPage *self)
{
  const char *tour;

  if (self->updating_tours)
    return;
  tour = atlas_tour_page_selected_tour (self);
  g_settings_set_string (self->settings, "tour-filter-tour", tour ? tour : "");
  atlas_tour_page_refresh (self);
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
          gtk_list_box_unselect_all (self->visit_list);
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

/* The style or the route's mode changed: the map is drawn anew. */
static void
look_changed_cb (AtlasTourPage *self)
{
  atlas_tour_page_refresh (self);
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
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, preset_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, visitor_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, review_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, accept_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTourPage, dismiss_button);
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
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fit_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_example_cb);

  gtk_widget_class_install_action (widget_class, "tour.export", "s", atlas_tour_page_export_action);
  gtk_widget_class_install_action (widget_class, "tour.print", NULL, atlas_tour_page_print_action);
  gtk_widget_class_install_action (widget_class, "tour.new-visit", NULL, atlas_tour_page_new_visit_action);
  gtk_widget_class_install_action (widget_class, "tour.plan-visit", NULL, atlas_tour_page_plan_visit_action);
  gtk_widget_class_install_action (widget_class, "tour.remove-example", NULL, remove_example_action);
  gtk_widget_class_install_action (widget_class, "tour.unselect-district", NULL, unselect_district_action);
  gtk_widget_class_install_action (widget_class, "tour.accept-shown", NULL, atlas_tour_page_review_shown_action);
  gtk_widget_class_install_action (widget_class, "tour.dismiss-shown", NULL, atlas_tour_page_review_shown_action);
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
  /* So is the export menu's, beside it (it reached 90 px past a 360 px
   * window; a walk). */
  atlas_popover_keep_in_window (gtk_menu_button_get_popover (self->export_button));
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
