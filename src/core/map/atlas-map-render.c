/* atlas-map-render.c: the tour map drawn with cairo
 *
 * One drawing path for the widget, PNG, PDF and printing: they all call
 * atlas_map_render() with a cairo context of the right kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-map-private.h"

#define FONT "Cantarell"

static void
set_rgb (cairo_t        *cr,
         const AtlasRgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* Adds a line through @points (AtlasPoint) to the current path. */
static void
points_path (cairo_t              *cr,
             const AtlasMapLayout *layout,
             const GArray         *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      const AtlasPoint *p = &g_array_index (points, AtlasPoint, i);
      double cx, cy;

      atlas_map_layout_to_canvas (layout, p->x, p->y, &cx, &cy);
      if (i == 0)
        cairo_move_to (cr, cx, cy);
      else
        cairo_line_to (cr, cx, cy);
    }
}

/**
 * atlas_map_area_path:
 *
 * Adds @area's rings to the current path, laid out by @layout (fill with
 * CAIRO_FILL_RULE_EVEN_ODD). The widget's outlines use it too.
 */
void
atlas_map_area_path (cairo_t              *cr,
                     const AtlasMapLayout *layout,
                     const AtlasArea      *area)
{
  for (guint r = 0; r < area->rings->len; r++)
    {
      points_path (cr, layout, g_ptr_array_index (area->rings, r));
      cairo_close_path (cr);
    }
}

/* Planned districts are hatched: a cue besides the colour. */
static cairo_pattern_t *
hatch_pattern (const AtlasPalette *palette,
               double              unit)
{
  double size = MAX (6.0, unit * 0.008);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  set_rgb (cr, &palette->not_visited);
  cairo_paint (cr);
  set_rgb (cr, &palette->planned);
  cairo_set_line_width (cr, size * 0.35);
  cairo_move_to (cr, -1, size + 1);
  cairo_line_to (cr, size + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, size - 1, size + 1);
  cairo_line_to (cr, size + 1, size - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
text_centred (cairo_t    *cr,
              const char *text,
              double      x,
              double      y)
{
  cairo_text_extents_t ext;

  cairo_text_extents (cr, text, &ext);
  cairo_move_to (cr, x - ext.width / 2 - ext.x_bearing, y - ext.height / 2 - ext.y_bearing);
  cairo_show_text (cr, text);
}

static double
border_width (double unit)
{
  return MAX (0.6, unit * 0.0012);
}

/* Whether any of @arc lies in the inset's frame. */
static gboolean
arc_in_frame (const AtlasMapLayout *layout,
              const GArray         *arc)
{
  double min_x, min_y, max_x, max_y;

  atlas_map_inset_frame (layout, &min_x, &min_y, &max_x, &max_y);
  for (guint i = 0; i < arc->len; i++)
    {
      const AtlasPoint *p = &g_array_index (arc, AtlasPoint, i);

      if (p->x >= min_x && p->x <= max_x && p->y >= min_y && p->y <= max_y)
        return TRUE;
    }
  return FALSE;
}

/* Each border shared by two districts is stroked once, and each on its own:
 * one path of all of them costs cairo twice as much in crossings. Round
 * caps close the joints where three districts meet. */
static void
draw_borders (const AtlasMapLayout *layout,
              cairo_t              *cr,
              const AtlasPalette   *palette,
              double                unit)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();

  set_rgb (cr, &palette->border);
  cairo_set_line_width (cr, border_width (unit));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint a = 0; a < atlas_geometry_get_n_arcs (geometry); a++)
    {
      const GArray *arc = atlas_geometry_get_arc (geometry, a);

      if (layout->is_inset && !arc_in_frame (layout, arc))
        continue;
      points_path (cr, layout, arc);
      cairo_stroke (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* To where @label's text starts, centred on its place. */
static void
move_to_label (cairo_t             *cr,
               const AtlasMapLabel *label)
{
  cairo_text_extents_t ext;

  cairo_set_font_size (cr, label->size);
  cairo_text_extents (cr, label->text, &ext);
  cairo_move_to (cr, label->at.x - ext.width / 2 - ext.x_bearing, label->at.y - ext.height / 2 - ext.y_bearing);
}

/* Names where atlas_map_place_labels() puts them, with a halo of the
 * background: a small city's name reaches into its neighbours and over the
 * route, and stays readable on any of their colours. */
static void
draw_labels (const AtlasMapScene  *scene,
             const AtlasMapLayout *layout,
             cairo_t              *cr,
             const AtlasPalette   *palette,
             double                unit,
             const AtlasMapLabel  *labels)
{
  /* All names as one path: its halo stroked once, then its letters filled
   * once, so no halo covers another name's letters (and two calls to
   * cairo instead of 108). A PDF gets the letters as text, which readers
   * can search and copy. */
  cairo_save (cr);
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_new_path (cr);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      if (labels[i].text == NULL)
        continue;
      move_to_label (cr, &labels[i]);
      cairo_text_path (cr, labels[i].text);
    }
  cairo_set_source_rgba (cr, palette->background.r, palette->background.g, palette->background.b, 0.85);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, atlas_map_label_halo (unit));
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      cairo_set_source_rgba (cr, palette->background.r, palette->background.g, palette->background.b, 0.85);
      cairo_stroke_preserve (cr);
      set_rgb (cr, &palette->text);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, palette->background.r, palette->background.g, palette->background.b, 0.85);
      cairo_stroke (cr);
      set_rgb (cr, &palette->text);
      for (guint i = 0; i < scene->areas->len; i++)
        {
          if (labels[i].text == NULL)
            continue;
          move_to_label (cr, &labels[i]);
          cairo_show_text (cr, labels[i].text);
        }
    }
  cairo_restore (cr);
}

/* Whether the box from (x0, y0) to (x1, y1) meets the inset. */
static gboolean
in_inset (const AtlasMapLayout *layout,
          double                x0,
          double                y0,
          double                x1,
          double                y1)
{
  return x1 >= layout->inset.x && x0 <= layout->inset.x + layout->inset.width &&
         y1 >= layout->inset.y && y0 <= layout->inset.y + layout->inset.height;
}

/* The route crosses itself at every turn; stroked as one path, cairo
 * resolves every crossing (three times slower at 500 stops). The colour is
 * opaque, so segments with round caps look the same as one line. */
static void
draw_route (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            cairo_t              *cr,
            const AtlasPalette   *palette,
            double                unit)
{
  set_rgb (cr, &palette->route);
  cairo_set_line_width (cr, atlas_map_route_width (unit));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < scene->stops->len; i++)
    {
      double x0, y0, x1, y1;

      if (!atlas_map_route_segment (scene, layout, i, &x0, &y0, &x1, &y1) ||
          (layout->is_inset && !in_inset (layout, MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1))))
        continue;
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* A stop whose day is not known wears a dashed ring. */
static void
uncertain_ring (cairo_t            *cr,
                const AtlasPalette *palette,
                double              cx,
                double              cy,
                double              r)
{
  double dash = r * 0.4;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r * 1.45, 0, 2 * G_PI);
  set_rgb (cr, &palette->stop);
  cairo_set_line_width (cr, MAX (1.0, r * 0.16));
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A stop's disc drawn as vector, for PDF, print and any transformed or
 * scaled target. */
static void
stop_disc (cairo_t            *cr,
           const AtlasPalette *palette,
           gboolean            planned,
           double              cx,
           double              cy,
           double              r)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_rgb (cr, planned ? &palette->background : &palette->stop);
  cairo_fill_preserve (cr);
  set_rgb (cr, &palette->stop);
  cairo_set_line_width (cr, MAX (1.0, r * 0.2));
  cairo_stroke (cr);
}

/* Whether @cr draws on an image, untransformed. Then each stop's disc is
 * stamped from one drawn in advance, at a whole pixel (cairo takes some
 * 40 µs to fill and stroke an arc, and 1 µs to copy a small image), and
 * where the borders are wide enough to cover the districts' edges, the
 * districts are filled without antialiasing (4× faster). PDF, print and
 * scaled targets get it all as vector. */
static gboolean
is_plain_image (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_get_matrix (cr, &m);
  return sx == 1 && sy == 1 && m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 &&
         m.x0 == floor (m.x0) && m.y0 == floor (m.y0);
}

static cairo_surface_t *
stop_stamp (const AtlasPalette *palette,
            gboolean            planned,
            double              r,
            int                 size)
{
  cairo_surface_t *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (stamp);

  stop_disc (cr, palette, planned, size / 2, size / 2, r);
  cairo_destroy (cr);
  return stamp;
}

static void
draw_stops (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            cairo_t              *cr,
            const AtlasPalette   *palette)
{
  double r = atlas_map_stop_radius (layout);
  int size = 2 * (int) ceil (r * 1.1) + 2;
  cairo_surface_t *stamps[2] = { NULL, NULL };

  if (is_plain_image (cr))
    {
      stamps[0] = stop_stamp (palette, FALSE, r, size);
      stamps[1] = stop_stamp (palette, TRUE, r, size);
    }

  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  for (guint i = 0; i < scene->stops->len; i++)
    {
      const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);
      char number[16];
      double cx, cy;

      if (!atlas_map_stop_drawn (scene, layout, i))
        continue;
      atlas_map_stop_position (scene, layout, i, &cx, &cy);
      if (stamps[0] != NULL)
        {
          cx = round (cx);
          cy = round (cy);
          /* show_text() leaves a current point; the rectangle would join it. */
          cairo_new_path (cr);
          cairo_set_source_surface (cr, stamps[stop->planned], cx - size / 2, cy - size / 2);
          cairo_rectangle (cr, cx - size / 2, cy - size / 2, size, size);
          cairo_fill (cr);
        }
      else
        stop_disc (cr, palette, stop->planned, cx, cy, r);
      if (stop->uncertain)
        uncertain_ring (cr, palette, cx, cy, r);

      g_snprintf (number, sizeof number, "%u", stop->number);
      set_rgb (cr, stop->planned ? &palette->stop : &palette->stop_text);
      cairo_set_font_size (cr, atlas_map_stop_number_size (r, stop->number));
      text_centred (cr, number, cx, cy);
    }

  g_clear_pointer (&stamps[0], cairo_surface_destroy);
  g_clear_pointer (&stamps[1], cairo_surface_destroy);

  /* The badges of the stops past an area's first few: "+97" on a pill. */
  for (guint i = 0; i < scene->areas->len; i++)
    {
      AtlasMapBox b;
      char text[16];

      if (atlas_map_stops_hidden (scene, layout, i) || !atlas_map_stop_badge (scene, layout, i, &b, text))
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, b.x + r, b.y + r, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, b.x + b.width - r, b.y + r, r, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      set_rgb (cr, &palette->stop);
      cairo_fill (cr);
      set_rgb (cr, &palette->stop_text);
      cairo_set_font_size (cr, r * 0.9);
      text_centred (cr, text, b.x + b.width / 2, b.y + r);
    }
}

static void
draw_legend (const AtlasMapScene  *scene,
             const AtlasMapLayout *layout,
             cairo_t              *cr,
             cairo_pattern_t      *hatch,
             char                **key)
{
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  double unit = MIN (layout->width, layout->height);
  double box = atlas_map_legend_box (layout), font = layout->legend_font;
  AtlasLegendEntry entries[ATLAS_N_LEGEND_KINDS];
  AtlasLegendPlace places[ATLAS_N_LEGEND_KINDS];
  guint n_entries = atlas_map_scene_legend (scene, entries);
  double r = atlas_map_stop_radius (layout);
  double rows = atlas_map_legend_place (layout, entries, n_entries, places);

  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, font);

  for (guint i = 0; i < n_entries; i++)
    {
      double x = places[i].x, y = places[i].y, symbol_w = places[i].symbol_width;

      cairo_new_path (cr);
      switch (entries[i].kind)
        {
        case ATLAS_LEGEND_VISITED:
        case ATLAS_LEGEND_PLANNED:
        case ATLAS_LEGEND_NOT_VISITED:
          cairo_rectangle (cr, x, y, box, box);
          if (entries[i].kind == ATLAS_LEGEND_VISITED)
            set_rgb (cr, &palette->visited);
          else if (entries[i].kind == ATLAS_LEGEND_PLANNED)
            cairo_set_source (cr, hatch);
          else
            set_rgb (cr, &palette->not_visited);
          cairo_fill_preserve (cr);
          set_rgb (cr, &palette->border);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          break;
        case ATLAS_LEGEND_STOP:
        case ATLAS_LEGEND_STOP_UNCERTAIN:
          stop_disc (cr, palette, FALSE, x + symbol_w / 2, y + box / 2, r);
          if (entries[i].kind == ATLAS_LEGEND_STOP_UNCERTAIN)
            uncertain_ring (cr, palette, x + symbol_w / 2, y + box / 2, r);
          set_rgb (cr, &palette->stop_text);
          cairo_set_font_size (cr, r * 1.1);
          cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
          text_centred (cr, "1", x + symbol_w / 2, y + box / 2);
          cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, font);
          break;
        case ATLAS_LEGEND_STOP_BADGE:
          /* As on the map: a pill of the stop's colour. */
          cairo_arc (cr, x + r, y + box / 2, r, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, x + symbol_w - r, y + box / 2, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          set_rgb (cr, &palette->stop);
          cairo_fill (cr);
          set_rgb (cr, &palette->stop_text);
          cairo_set_font_size (cr, r * 0.9);
          cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
          text_centred (cr, atlas_map_legend_badge_text (), x + symbol_w / 2, y + box / 2);
          cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, font);
          break;
        case ATLAS_LEGEND_ROUTE:
          set_rgb (cr, &palette->route);
          cairo_set_line_width (cr, atlas_map_route_width (unit));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, x, y + box / 2);
          cairo_line_to (cr, x + symbol_w, y + box / 2);
          cairo_stroke (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          break;
        case ATLAS_N_LEGEND_KINDS:
        default:
          g_assert_not_reached ();
        }

      set_rgb (cr, &palette->text);
      cairo_move_to (cr, x + symbol_w + box * 0.4, y + box * 0.8);
      cairo_show_text (cr, entries[i].label);
    }

  /* The codes whose names the map shows nowhere, spelt out. */
  set_rgb (cr, &palette->dim_text);
  cairo_set_font_size (cr, font * 0.8);
  for (guint i = 0; key[i] != NULL; i++)
    {
      cairo_move_to (cr, layout->legend_x, layout->legend_y + rows + box * 0.6 + font * (i + 0.7));
      cairo_show_text (cr, key[i]);
    }

  /* The attribution the licence asks for. */
  {
    cairo_text_extents_t ext;

    cairo_set_font_size (cr, font * 0.75);
    cairo_text_extents (cr, atlas_map_attribution (), &ext);
    cairo_move_to (cr, layout->width - ext.x_advance - MAX (6.0, unit * 0.02),
                   layout->height - MAX (6.0, unit * 0.015));
    cairo_show_text (cr, atlas_map_attribution ());
  }
}

/* The districts, the route, the names and the stops of @layout: the main
 * map or the inset. */
static void
draw_map (const AtlasMapScene  *scene,
          const AtlasMapLayout *layout,
          cairo_t              *cr,
          cairo_pattern_t      *hatch,
          const char           *highlight_ags,
          const AtlasMapLabel  *labels)
{
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  double unit = MIN (layout->width, layout->height);

  /* Districts: fill by status, then the borders once over all. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (is_plain_image (cr) && border_width (unit) >= 1.2)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);

      if (!atlas_map_layout_shows (layout, sa->area))
        continue;
      atlas_map_area_path (cr, layout, sa->area);
      if (sa->status == ATLAS_AREA_VISITED)
        set_rgb (cr, &palette->visited);
      else if (sa->status == ATLAS_AREA_PLANNED)
        cairo_set_source (cr, hatch);
      else
        set_rgb (cr, &palette->not_visited);
      cairo_fill (cr);
    }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  draw_borders (layout, cr, palette, unit);

  if (highlight_ags != NULL)
    {
      int index = atlas_map_scene_find_area (scene, highlight_ags);

      if (index >= 0)
        {
          atlas_map_area_path (cr, layout, g_array_index (scene->areas, AtlasSceneArea, index).area);
          set_rgb (cr, &palette->highlight);
          cairo_set_line_width (cr, MAX (2.0, unit * 0.004));
          cairo_stroke (cr);
        }
    }

  /* The inset's frame, the route, the names over them, and the numbered
   * stops over all. */
  if (layout->has_inset && !layout->is_inset)
    {
      AtlasMapBox frame;

      atlas_map_layout_frame (layout, &frame);
      cairo_new_path (cr);
      cairo_rectangle (cr, frame.x, frame.y, frame.width, frame.height);
      set_rgb (cr, &palette->dim_text);
      cairo_set_line_width (cr, MAX (1.0, unit * 0.0015));
      cairo_stroke (cr);
    }
  draw_route (scene, layout, cr, palette, unit);
  draw_labels (scene, layout, cr, palette, unit, labels);
  draw_stops (scene, layout, cr, palette);
}

/* The inset's frame on the main map, and the inset: its box, the map in
 * it, its caption. */
static void
draw_inset (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            cairo_t              *cr,
            cairo_pattern_t      *hatch,
            const char           *highlight_ags,
            const AtlasMapLabel  *labels)
{
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  double unit = MIN (layout->width, layout->height);
  double pad;
  const AtlasMapBox *box = &layout->inset;
  AtlasMapLayout inset;

  if (!atlas_map_layout_inset (layout, &inset))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  set_rgb (cr, &palette->background);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  draw_map (scene, &inset, cr, hatch, highlight_ags, labels);
  cairo_restore (cr);

  cairo_save (cr);
  set_rgb (cr, &palette->dim_text);
  cairo_set_line_width (cr, MAX (1.0, unit * 0.0015));
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_stroke (cr);

  /* The caption in the top left corner, on a patch of the background. */
  {
    cairo_text_extents_t ext;
    double size = layout->label_size * 1.1;

    pad = size * 0.4;
    cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size (cr, size);
    cairo_text_extents (cr, atlas_map_inset_caption (), &ext);
    cairo_rectangle (cr, box->x, box->y, ext.x_advance + 2 * pad, size + 2 * pad);
    set_rgb (cr, &palette->background);
    cairo_fill_preserve (cr);
    set_rgb (cr, &palette->dim_text);
    cairo_stroke (cr);
    set_rgb (cr, &palette->text);
    cairo_move_to (cr, box->x + pad, box->y + pad + size * 0.8);
    cairo_show_text (cr, atlas_map_inset_caption ());
  }
  cairo_restore (cr);
}

/* A line of the title, made smaller where it would run past the edge. */
static void
show_fitted (cairo_t              *cr,
             const AtlasMapLayout *layout,
             const char           *text,
             double                size,
             double                y)
{
  double margin = MAX (8.0, MIN (layout->width, layout->height) * 0.03);
  cairo_text_extents_t ext;

  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &ext);
  if (ext.x_advance > layout->width - 2 * margin)
    cairo_set_font_size (cr, size * (layout->width - 2 * margin) / ext.x_advance);
  cairo_move_to (cr, margin, y);
  cairo_show_text (cr, text);
}

/**
 * atlas_map_render_preview:
 * @pdf: whether the export is a PDF: then the A4 page with its margins
 *
 * Draws @scene as every export lays it out, shrunk to fit a @width ×
 * @height canvas and centred on it. Laid out for the small canvas itself,
 * the map came out garbled (no room for its legend, a sliver of the map),
 * nothing like what the export writes.
 */
void
atlas_map_render_preview (const AtlasMapScene *scene,
                          cairo_t             *cr,
                          double               width,
                          double               height,
                          gboolean             pdf)
{
  double layout_w = ATLAS_MAP_EXPORT_LAYOUT_WIDTH, layout_h = layout_w * ATLAS_MAP_EXPORT_ASPECT;
  double page_w = pdf ? ATLAS_MAP_A4_WIDTH : layout_w, page_h = pdf ? ATLAS_MAP_A4_HEIGHT : layout_h;
  double k = MIN (width / page_w, height / page_h), m;

  if (k <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, (width - page_w * k) / 2, (height - page_h * k) / 2);
  cairo_scale (cr, k, k);
  if (pdf)
    {
      /* The sheet, then the map in its margins as atlas_map_export() puts it. */
      cairo_rectangle (cr, 0, 0, page_w, page_h);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      m = MIN ((page_w - 2 * ATLAS_MAP_A4_MARGIN) / layout_w, (page_h - 2 * ATLAS_MAP_A4_MARGIN) / layout_h);
      cairo_translate (cr, (page_w - layout_w * m) / 2, (page_h - layout_h * m) / 2);
      cairo_scale (cr, m, m);
    }
  cairo_rectangle (cr, 0, 0, layout_w, layout_h);
  cairo_clip (cr);
  atlas_map_render (scene, cr, layout_w, layout_h, NULL);
  cairo_restore (cr);
}

/**
 * atlas_map_render:
 * @highlight_ags: (nullable): a district to outline, as under the pointer
 *
 * Draws @scene on a @width × @height canvas.
 */
void
atlas_map_render (const AtlasMapScene *scene,
                  cairo_t             *cr,
                  double               width,
                  double               height,
                  const char          *highlight_ags)
{
  const AtlasPalette *palette = atlas_map_palette (scene->dark);
  g_autofree AtlasMapLabel *labels = NULL;
  g_autofree AtlasMapLabel *inset_labels = NULL;
  g_auto(GStrv) key = NULL;
  AtlasMapLayout layout, inset;
  cairo_pattern_t *hatch;
  double unit = MIN (width, height);

  atlas_map_layout_compute (&layout, width, height);
  labels = atlas_map_place_labels (scene, &layout);
  if (atlas_map_layout_inset (&layout, &inset))
    inset_labels = atlas_map_place_labels (scene, &inset);
  key = atlas_map_key_fit (scene, &layout, labels, inset_labels);
  hatch = hatch_pattern (palette, unit);

  cairo_save (cr);
  set_rgb (cr, &palette->background);
  cairo_paint (cr);

  draw_map (scene, &layout, cr, hatch, highlight_ags, labels);
  draw_inset (scene, &layout, cr, hatch, highlight_ags, inset_labels);

  /* Title, period and summary. */
  set_rgb (cr, &palette->text);
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  show_fitted (cr, &layout, scene->title, layout.title_size, layout.title_y);
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  set_rgb (cr, &palette->dim_text);
  if (*scene->subtitle)
    {
      g_autofree char *line = g_strdup_printf ("%s · %s", scene->subtitle, scene->summary);

      show_fitted (cr, &layout, line, layout.subtitle_size, layout.subtitle_y);
    }
  else
    show_fitted (cr, &layout, scene->summary, layout.subtitle_size, layout.subtitle_y);

  draw_legend (scene, &layout, cr, hatch, key);

  cairo_pattern_destroy (hatch);
  cairo_restore (cr);
}
