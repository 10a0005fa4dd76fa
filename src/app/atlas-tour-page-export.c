/* atlas-tour-page-export.c: the Tour map exported and printed
 *
 * The export dialog, and printing one A4 page of the map as the view
 * shows it.
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
