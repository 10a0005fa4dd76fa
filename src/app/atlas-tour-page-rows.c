/* atlas-tour-page-rows.c: a visit's row in the Tour list, and the commands on visits
 *
 * Accepting or dismissing suggestions (one, or all the filters show) as one
 * step of the history, deleting, editing, planning and adding visits.
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
#include "atlas-visit-editor.h"

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
void
atlas_tour_page_review_shown_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  g_autoptr(GPtrArray) selected = atlas_tour_page_selected_visits (self);

  /* Several rows chosen (Ctrl+click, Shift+click): those; else all shown. */
  if (selected != NULL)
    review (self, selected, g_str_equal (action_name, "tour.accept-shown"));
  else if (self->visits != NULL)
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

/* A new visit: planned, today, by the default visitor, of the tour shown. */
void
atlas_tour_page_new_visit (AtlasTourPage *self)
{
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *visitor = g_settings_get_string (self->settings, "default-visitor");
  const char *tour = atlas_tour_page_selected_tour (self);

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
  const char *tour = atlas_tour_page_selected_tour (self);

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

void
atlas_tour_page_plan_visit_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AtlasTourPage *self = ATLAS_TOUR_PAGE (widget);

  atlas_tour_page_plan_visit (self, self->district_ags);
}

void
atlas_tour_page_new_visit_action (GtkWidget  *widget,
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

GtkWidget *
atlas_tour_page_visit_row (AtlasTourPage *self,
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
