/* atlas-map-export.c: the tour map written as PNG, SVG or PDF
 *
 * Every format draws through the one renderer (atlas-map-render.c) or
 * the SVG writer, on the same layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "atlas-map-private.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Closing a replacing stream would put the file in place: cancel instead. */
static gboolean
abandon (GFileOutputStream *stream)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_cancellable_cancel (cancel);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
  return FALSE;
}

/**
 * atlas_map_export:
 * @file: a .png, .pdf or .svg file; replaced only when fully written
 * @width: in pixels for PNG, points for SVG; the height follows the
 *   map's shape. A PDF is an A4 page with the map fitted in its margins.
 *
 * Writes the map in the format its name says. All three are laid out
 * alike (on a canvas ATLAS_MAP_EXPORT_LAYOUT_WIDTH wide) and scaled, so
 * they show the same names, codes and stops: laid out for each size,
 * the PNG of 2400 pixels and the PDF of 595 points differed.
 */
gboolean
atlas_map_export (const AtlasMapScene  *scene,
                  GFile                *file,
                  double                width,
                  GError              **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GFileOutputStream) stream = NULL;
  double height = width * ATLAS_MAP_EXPORT_ASPECT;
  double layout_w = ATLAS_MAP_EXPORT_LAYOUT_WIDTH, layout_h = layout_w * ATLAS_MAP_EXPORT_ASPECT;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  gboolean png = g_str_has_suffix (lower, ".png");
  gboolean pdf = g_str_has_suffix (lower, ".pdf");
  gboolean svg = g_str_has_suffix (lower, ".svg");

  if (!png && !pdf && !svg)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s”: the map can be saved as .png, .svg or .pdf"), name);
      return FALSE;
    }
  if (width < 100 || width > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A map must be between 100 and 20,000 wide"));
      return FALSE;
    }

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (svg)
    {
      g_autofree char *text = atlas_map_to_svg_scaled (scene, layout_w, layout_h, width, height);

      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, strlen (text), NULL, NULL, error))
        return abandon (stream);
      return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
    }

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else
    surface = cairo_pdf_surface_create_for_stream (write_cb, stream, ATLAS_MAP_A4_WIDTH, ATLAS_MAP_A4_HEIGHT);

  {
    cairo_t *cr = cairo_create (surface);

    if (png)
      cairo_scale (cr, width / layout_w, width / layout_w);
    else
      {
        /* On A4, the map as wide as the margins allow, in the middle. */
        double k = MIN ((ATLAS_MAP_A4_WIDTH - 2 * ATLAS_MAP_A4_MARGIN) / layout_w,
                        (ATLAS_MAP_A4_HEIGHT - 2 * ATLAS_MAP_A4_MARGIN) / layout_h);

        cairo_translate (cr, (ATLAS_MAP_A4_WIDTH - layout_w * k) / 2, (ATLAS_MAP_A4_HEIGHT - layout_h * k) / 2);
        cairo_scale (cr, k, k);
        cairo_rectangle (cr, 0, 0, layout_w, layout_h);
        cairo_clip (cr);
      }
    atlas_map_render (scene, cr, layout_w, layout_h, NULL);
    cairo_destroy (cr);
  }

  if (png)
    status = cairo_surface_write_to_png_stream (surface, write_cb, stream);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the map: %s"),
                   cairo_status_to_string (status));
      return abandon (stream);
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
