/* atlas-tour-page-export.c: the Tour's map as a scene, exported and printed
 *
 * The scene of the visits shown (or of a period, for export), the export
 * dialog, and printing one A4 page of the map as the view shows it.
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

/* The map of @visits, titled with the tour and the period from–to (days
 * as atlas_tour_page_text_day() gives them). */
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
    return atlas_map_scene_new_full (visits, atlas_tour_page_selected_tour (self), period, dark, route);
  }
}

AtlasMapScene *
atlas_tour_page_make_scene (AtlasTourPage *self,
                            gboolean       dark)
{
  g_autofree char *from = atlas_tour_page_entry_day (self->from_entry);
  g_autofree char *to = atlas_tour_page_entry_day (self->to_entry);

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
  g_autofree char *first = atlas_tour_page_text_day (from ? from : "");
  g_autofree char *last = atlas_tour_page_text_day (to ? to : "");
  g_autoptr(GPtrArray) visits = NULL;

  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (self), NULL);

  *valid = atlas_tour_page_is_day (from ? from : "") && atlas_tour_page_is_day (to ? to : "");
  if (first != NULL && *first == '\0')
    g_clear_pointer (&first, g_free);
  if (last != NULL && *last == '\0')
    g_clear_pointer (&last, g_free);

  if (self->store != NULL)
    visits = atlas_store_list_visits (self->store, atlas_tour_page_selected_tour (self),
                                      gtk_editable_get_text (GTK_EDITABLE (self->visitor_entry)),
                                      first, last, NULL);
  if (visits == NULL)
    visits = g_ptr_array_new_with_free_func (g_object_unref);
  return make_period_scene (self, visits, first, last, FALSE);
}

/* The format, size and period are chosen in the app's own dialog, with
 * a preview, before a file dialog asks where to save. */
void
atlas_tour_page_export_action (GtkWidget  *widget,
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
  g_autoptr(AtlasMapScene) scene = atlas_tour_page_make_scene (self, FALSE);

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

void
atlas_tour_page_print_action (GtkWidget  *widget,
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
