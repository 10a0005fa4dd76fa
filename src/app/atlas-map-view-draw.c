/* atlas-map-view-draw.c: the tour map drawn on screen
 *
 * The map is drawn with the renderer of the exports in a worker thread,
 * into an image of the widget's size; a frame paints the newest image
 * (scaled and moved while a new one is drawn) and the outlines of the
 * districts hovered, chosen and focused over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-map-private.h"
#include "atlas-map-view-private.h"

static gboolean
is_dark (AtlasMapView *self)
{
  return self->scene != NULL && self->scene->dark;
}

/* Strokes @ags's outline on the main map, outside the inset, and in the
 * inset, inside it. */
static void
outline (AtlasMapView         *self,
         cairo_t              *cr,
         const AtlasMapLayout *layout,
         const char           *ags,
         double                width)
{
  const AtlasArea *area = atlas_geometry_find_area (atlas_geometry_get_default (), ags);
  AtlasMapLayout inset;
  gboolean has_inset = atlas_map_layout_inset (layout, &inset);

  if (area == NULL)
    return;

  cairo_set_line_width (cr, width);
  cairo_save (cr);
  if (has_inset)
    {
      /* The inset covers the main map there. */
      cairo_new_path (cr);
      cairo_rectangle (cr, -G_MAXINT16, -G_MAXINT16, 2.0 * G_MAXINT16, 2.0 * G_MAXINT16);
      cairo_rectangle (cr, layout->inset.x, layout->inset.y, layout->inset.width, layout->inset.height);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
    }
  cairo_new_path (cr);
  atlas_map_area_path (cr, layout, area);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (has_inset && atlas_map_layout_shows (&inset, area))
    {
      cairo_save (cr);
      cairo_rectangle (cr, layout->inset.x, layout->inset.y, layout->inset.width, layout->inset.height);
      cairo_clip (cr);
      atlas_map_area_path (cr, &inset, area);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Clears from the outlines drawn so far what the stops cover: an outline
 * runs under the stops, as the map's own borders do, not across them. */
static void
clear_stops (AtlasMapView         *self,
             cairo_t              *cr,
             const AtlasMapLayout *layout)
{
  AtlasMapLayout inset;

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  if (atlas_map_layout_inset (layout, &inset))
    {
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, -G_MAXINT16, -G_MAXINT16, 2.0 * G_MAXINT16, 2.0 * G_MAXINT16);
      cairo_rectangle (cr, layout->inset.x, layout->inset.y, layout->inset.width, layout->inset.height);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_new_path (cr);
      atlas_map_stops_path (self->scene, layout, cr);
      cairo_fill (cr);
      cairo_restore (cr);

      cairo_rectangle (cr, layout->inset.x, layout->inset.y, layout->inset.width, layout->inset.height);
      cairo_clip (cr);
      cairo_new_path (cr);
      atlas_map_stops_path (self->scene, &inset, cr);
      cairo_fill (cr);
    }
  else
    {
      cairo_new_path (cr);
      atlas_map_stops_path (self->scene, layout, cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
current_key (AtlasMapView *self,
             MapViewKey   *key)
{
  key->serial = self->serial;
  key->width = gtk_widget_get_width (GTK_WIDGET (self));
  key->height = gtk_widget_get_height (GTK_WIDGET (self));
  key->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  key->zoom = self->zoom;
  key->pan_x = self->pan_x;
  key->pan_y = self->pan_y;
}

/* Whether the image shows the map as it is now. */
gboolean
atlas_map_view_cache_is_current (AtlasMapView *self)
{
  MapViewKey now;

  current_key (self, &now);
  return self->cache != NULL && now.serial == self->cache_key.serial &&
         now.width == self->cache_key.width && now.height == self->cache_key.height &&
         now.scale == self->cache_key.scale && now.zoom == self->cache_key.zoom &&
         now.pan_x == self->cache_key.pan_x && now.pan_y == self->cache_key.pan_y;
}

typedef struct {
  AtlasMapScene *scene;
  MapViewKey key;
  cairo_surface_t *image;
  /* Not the task's source object: GTask may drop its last reference in
   * the worker thread, and a widget must never be finalized there (a
   * window closed while its map was drawn crashed now and then). */
  GWeakRef view;
} DrawJob;

static void
draw_job_free (DrawJob *job)
{
  atlas_map_scene_unref (job->scene);
  g_clear_pointer (&job->image, cairo_surface_destroy);
  g_weak_ref_clear (&job->view);
  g_free (job);
}

/* In a worker thread: the scene is immutable, the geometry shared and
 * read-only, and the image the thread's own until it is done. Only the
 * part on screen is drawn (at 8× the whole canvas would be 64 screens). Pan
 * offsets are whole pixels, so the map is sharp and its stops stamped. */
static void
draw_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DrawJob *job = task_data;
  cairo_t *cr;

  /* At the screen's own resolution: sharp on a HiDPI screen too. */
  job->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                           job->key.width * job->key.scale, job->key.height * job->key.scale);
  cairo_surface_set_device_scale (job->image, job->key.scale, job->key.scale);
  cr = cairo_create (job->image);
  cairo_translate (cr, job->key.pan_x, job->key.pan_y);
  atlas_map_render (job->scene, cr, job->key.width * job->key.zoom, job->key.height * job->key.zoom, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (job->image);
  g_task_return_boolean (task, TRUE);
}

/* Jobs run one at a time, so each image is newer than the one shown. */
static void
draw_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DrawJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(AtlasMapView) self = g_weak_ref_get (&job->view);

  /* The view is gone: nothing to show the image in. */
  if (self == NULL)
    return;
  self->drawing = FALSE;
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  self->cache = g_steal_pointer (&job->image);
  self->cache_key = job->key;
  /* If the view moved on meanwhile, the next frame starts the next job. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_drawing (AtlasMapView *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, draw_done, NULL);
  DrawJob *job = g_new0 (DrawJob, 1);

  g_weak_ref_init (&job->view, self);

  job->scene = atlas_map_scene_ref (self->scene);
  current_key (self, &job->key);
  self->drawing = TRUE;
  g_task_set_task_data (task, job, (GDestroyNotify) draw_job_free);
  g_task_set_source_tag (task, start_drawing);
  g_task_run_in_thread (task, draw_thread);
}

/* The attribution in the bottom right corner, on a band of the map's
 * background. */
static void
draw_attribution (AtlasMapView *self,
                  cairo_t      *cr,
                  int           width,
                  int           height)
{
  const AtlasPalette *palette = atlas_map_palette (is_dark (self));
  const char *text = atlas_map_attribution ();
  cairo_text_extents_t ext;
  double size = 11, pad = 4;

  cairo_save (cr);
  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &ext);
  cairo_rectangle (cr, width - ext.x_advance - 3 * pad, height - size - 3 * pad,
                   ext.x_advance + 3 * pad, size + 3 * pad);
  cairo_set_source_rgba (cr, palette->background.r, palette->background.g, palette->background.b, 0.85);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, palette->dim_text.r, palette->dim_text.g, palette->dim_text.b);
  cairo_move_to (cr, width - ext.x_advance - 1.5 * pad, height - 1.5 * pad - size * 0.2);
  cairo_show_text (cr, text);
  cairo_restore (cr);
}

void
atlas_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const AtlasRgb *highlight;
  AtlasMapLayout layout;
  double w, h;
  cairo_t *cr;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  atlas_map_view_canvas_size (self, &w, &h);
  if (!atlas_map_view_cache_is_current (self))
    {
      double kx, ky;

      if (self->sharpen_source == 0 && !self->drawing)
        start_drawing (self);
      if (self->cache == NULL)
        return;

      /* Meanwhile the last image, scaled and moved to where the map is now. */
      kx = w / (self->cache_key.width * self->cache_key.zoom);
      ky = h / (self->cache_key.height * self->cache_key.zoom);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_translate (cr, self->pan_x - self->cache_key.pan_x * kx, self->pan_y - self->cache_key.pan_y * ky);
      cairo_scale (cr, kx, ky);
      cairo_set_source_surface (cr, self->cache, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);

  atlas_map_layout_compute (&layout, w, h);
  cairo_save (cr);
  cairo_translate (cr, self->pan_x, self->pan_y);
  cairo_push_group (cr);
  /* Outlines in a colour no legend entry uses, told apart by width and
   * dashes: chosen (wide), under the pointer (thin), focused (dashed). */
  highlight = &atlas_map_palette (is_dark (self))->highlight;
  cairo_set_source_rgb (cr, highlight->r, highlight->g, highlight->b);
  if (self->selected_ags != NULL)
    outline (self, cr, &layout, self->selected_ags, 4);
  if (self->hover_ags != NULL)
    outline (self, cr, &layout, self->hover_ags, 2);
  if (self->focus_index >= 0 && self->districts != NULL &&
      (guint) self->focus_index < self->districts->len &&
      gtk_widget_has_focus (g_ptr_array_index (self->districts, self->focus_index)))
    {
      const AtlasSceneArea *sa = &g_array_index (self->scene->areas, AtlasSceneArea, self->focus_index);
      const double dashes[] = { 4, 3 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      outline (self, cr, &layout, sa->area->ags, 3);
    }
  cairo_set_dash (cr, NULL, 0, 0);
  clear_stops (self, cr, &layout);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Zoomed in, the map's own attribution may be out of view: the licence
   * wants it on every view of the map. */
  if (self->zoom > 1.0)
    draw_attribution (self, cr, width, height);
  cairo_destroy (cr);
}
