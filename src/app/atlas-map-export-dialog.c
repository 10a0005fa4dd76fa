/* atlas-map-export-dialog.c: how the map is exported, with a preview
 *
 * The Tour view's Export entries open this dialog first: the format, the
 * width of a PNG image and the period are chosen here, beside a preview of
 * the map as it will be written; only then does a file dialog ask where
 * to save it. The map is the Tour view's (its tour and visitor filters),
 * for the period chosen here, always in the light style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-file-dialog.h"
#include "atlas-map-export-dialog.h"
#include "atlas-toast.h"

struct _AtlasMapExportDialog
{
  AdwDialog parent_instance;

  AtlasTourPage *page;
  AtlasMapScene *scene;

  /* Template children */
  GtkDrawingArea *preview;
  AdwComboRow *format_row;
  AdwComboRow *width_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkWidget *export_button;
};

G_DEFINE_FINAL_TYPE (AtlasMapExportDialog, atlas_map_export_dialog, ADW_TYPE_DIALOG)

/* In the order of the rows' models. */
static const struct {
  const char *format, *mime_type, *name;
} formats[] = {
  { "png", "image/png", N_("PNG image") },
  { "svg", "image/svg+xml", N_("SVG image") },
  { "pdf", "application/pdf", N_("PDF document") },
};

/* Web, print (A4 at 200 dpi and more) and poster. */
static const double png_widths[] = { 1200, 2400, 4800 };

/* A4 in points, for the vector formats. */
#define A4_WIDTH 595

static guint
format_index (AtlasMapExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static void
update_scene (AtlasMapExportDialog *self)
{
  gboolean valid = TRUE;

  g_clear_pointer (&self->scene, atlas_map_scene_unref);
  self->scene = atlas_tour_page_export_scene (self->page,
                                              gtk_editable_get_text (GTK_EDITABLE (self->from_row)),
                                              gtk_editable_get_text (GTK_EDITABLE (self->to_row)),
                                              &valid);
  for (AdwEntryRow **row = (AdwEntryRow *[]) { self->from_row, self->to_row, NULL }; *row; row++)
    {
      gboolean bad = !atlas_tour_page_is_day (gtk_editable_get_text (GTK_EDITABLE (*row)));

      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (*row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (*row), "error");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", valid);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
format_changed_cb (AtlasMapExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->width_row), g_str_equal (formats[format_index (self)].format, "png"));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AtlasMapExportDialog *self = user_data;
  /* The map as the export lays it out, shrunk: not laid out anew for
   * the preview's small canvas (that garbled it). */
  if (self->scene != NULL)
    atlas_map_render_preview (self->scene, cr, width, height,
                              g_str_equal (atlas_map_export_dialog_get_format (self), "pdf"));
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasMapExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;  /* cancelled: the dialog stays for another try */
  atlas_file_dialog_remember (file);

  if (!atlas_map_export_dialog_export_to (self, file, &error))
    atlas_toast_add_text (GTK_WIDGET (self->page), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_markup_printf_escaped (_("Map saved as “%s”"), name);

      atlas_toast_add (GTK_WIDGET (self->page), adw_toast_new (message));
    }
  adw_dialog_close (ADW_DIALOG (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasMapExportDialog *self = ATLAS_MAP_EXPORT_DIALOG (widget);
  guint i = format_index (self);
  g_autoptr(GtkFileDialog) dialog = atlas_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* TRANSLATORS: the suggested file name of an exported map, without its extension */
  g_autofree char *name = g_strdup_printf ("%s.%s", _("tour-map"), formats[i].format);

  gtk_file_filter_set_name (filter, _(formats[i].name));
  gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export the Map"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        file_chosen_cb, g_object_ref (self));
}

static void
atlas_map_export_dialog_dispose (GObject *object)
{
  AtlasMapExportDialog *self = ATLAS_MAP_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_EXPORT_DIALOG);
  g_clear_object (&self->page);
  g_clear_pointer (&self->scene, atlas_map_scene_unref);

  G_OBJECT_CLASS (atlas_map_export_dialog_parent_class)->dispose (object);
}

static void
atlas_map_export_dialog_class_init (AtlasMapExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-map-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
}

static void
atlas_map_export_dialog_init (AtlasMapExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter exports, as chosen so far. */
  adw_dialog_set_default_widget (ADW_DIALOG (self), self->export_button);
  adw_dialog_set_focus (ADW_DIALOG (self), self->export_button);

  adw_combo_row_set_selected (self->width_row, 1);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->width_row, "notify::selected", G_CALLBACK (gtk_widget_queue_draw), self->preview);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (update_scene), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (update_scene), self);
}

/**
 * atlas_map_export_dialog_new:
 * @page: the Tour view whose map is exported
 * @format: png, svg or pdf, chosen first
 */
AtlasMapExportDialog *
atlas_map_export_dialog_new (AtlasTourPage *page,
                             const char    *format)
{
  AtlasMapExportDialog *self;
  const char *from, *to;

  g_return_val_if_fail (ATLAS_IS_TOUR_PAGE (page), NULL);

  self = g_object_new (ATLAS_TYPE_MAP_EXPORT_DIALOG, NULL);
  self->page = g_object_ref (page);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].format) == 0)
      adw_combo_row_set_selected (self->format_row, i);
  format_changed_cb (self);

  atlas_tour_page_get_period (page, &from, &to);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  update_scene (self);
  return self;
}

/* png, svg or pdf */
const char *
atlas_map_export_dialog_get_format (AtlasMapExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_EXPORT_DIALOG (self), NULL);

  return formats[format_index (self)].format;
}

/* The PNG image's width in pixels; A4's in points for the SVG (the PDF is
 * an A4 page). */
double
atlas_map_export_dialog_get_width (AtlasMapExportDialog *self)
{
  guint i;

  g_return_val_if_fail (ATLAS_IS_MAP_EXPORT_DIALOG (self), 0);

  if (!g_str_equal (atlas_map_export_dialog_get_format (self), "png"))
    return A4_WIDTH;
  i = adw_combo_row_get_selected (self->width_row);
  return png_widths[MIN (i, G_N_ELEMENTS (png_widths) - 1)];
}

/**
 * atlas_map_export_dialog_get_scene:
 *
 * Returns: (transfer none): the map the preview shows and the export writes
 */
AtlasMapScene *
atlas_map_export_dialog_get_scene (AtlasMapExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_EXPORT_DIALOG (self), NULL);

  return self->scene;
}

/* Writes the map as chosen to @file, in the format its name ends with
 * (the file dialog suggests the name of the format chosen). */
gboolean
atlas_map_export_dialog_export_to (AtlasMapExportDialog  *self,
                                   GFile                 *file,
                                   GError               **error)
{
  g_return_val_if_fail (ATLAS_IS_MAP_EXPORT_DIALOG (self), FALSE);

  return atlas_map_export (self->scene, file, atlas_map_export_dialog_get_width (self), error);
}
