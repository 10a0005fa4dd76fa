/* atlas-map-layout.c: where the map, its inset, the title and the legend go
 *
 * The Rhine–Ruhr cities are too small on a map of all of NRW for their
 * names. An inset shows that area at 1.8 times the map's scale, where the
 * empty south-eastern corner of NRW leaves room for it (square canvases),
 * beside the map (wide ones) or below it (narrow ones): whichever leaves
 * the main map largest. The main map marks the inset's frame.
 *
 * A name that does not fit its district (estimated from the number of
 * letters, so every output decides alike) gives way to a short code; the
 * legend spells out the codes whose names the map shows nowhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-private.h"

/* The inset names the districts whose label point lies in this core of
 * the Rhine–Ruhr area (Krefeld and Neuss to Dortmund and Hagen,
 * Gelsenkirchen to Köln); its frame takes in the whole of each of them,
 * with room for their stops and names (inset_frame()). */
#define CORE_MIN_X 331000.0
#define CORE_MIN_Y 5645000.0
#define CORE_MAX_X 395000.0
#define CORE_MAX_Y 5718000.0

/* The same as atlas-map-scene.c's: stops of a district stand this many
 * radii apart. */
#define STOP_STEP 2.2

/* No district lies east of NOTCH_X and south of NOTCH_Y (right of
 * Siegen-Wittgenstein, below the Hochsauerlandkreis). */
#define NOTCH_X 470000.0
#define NOTCH_Y 5658000.0

/* The inset's scale, in multiples of the main map's. */
#define INSET_SCALE 1.8

/* A name may reach this many times its district's width into its
 * neighbours. */
#define NAME_FIT 3.5

/* Car-plate codes stand in for names that do not fit their district. */
static const struct { const char *ags, *code; } short_names[] = {
  { "05111", "D" }, { "05112", "DU" }, { "05113", "E" }, { "05114", "KR" }, { "05116", "MG" },
  { "05117", "MH" }, { "05119", "OB" }, { "05120", "RS" }, { "05122", "SG" }, { "05124", "W" },
  { "05154", "KLE" }, { "05158", "ME" }, { "05162", "NE" }, { "05166", "VIE" }, { "05170", "WES" },
  { "05314", "BN" }, { "05315", "K" }, { "05316", "LEV" }, { "05334", "StR" }, { "05334002", "AC" },
  { "05358", "DN" }, { "05362", "BM" }, { "05366", "EU" }, { "05370", "HS" }, { "05374", "GM" },
  { "05378", "GL" }, { "05382", "SU" }, { "05512", "BOT" }, { "05513", "GE" }, { "05515", "MS" },
  { "05554", "BOR" }, { "05558", "COE" }, { "05562", "RE" }, { "05566", "ST" }, { "05570", "WAF" },
  { "05711", "BI" }, { "05754", "GT" }, { "05758", "HF" }, { "05762", "HX" }, { "05766", "LIP" },
  { "05770", "MI" }, { "05774", "PB" }, { "05911", "BO" }, { "05913", "DO" }, { "05914", "HA" },
  { "05915", "HAM" }, { "05916", "HER" }, { "05954", "EN" }, { "05958", "HSK" }, { "05962", "MK" },
  { "05966", "OE" }, { "05970", "SI" }, { "05974", "SO" }, { "05978", "UN" },
};

const char *
atlas_map_short_name (const char *ags)
{
  for (guint i = 0; i < G_N_ELEMENTS (short_names); i++)
    if (g_str_equal (short_names[i].ags, ags))
      return short_names[i].code;
  return NULL;
}

/* Estimated from the number of letters, a little wide: wrapping and placing
 * by it never lets one text run into another. */
double
atlas_map_text_width (const char *text,
                      double      size)
{
  return size * 0.6 * g_utf8_strlen (text, -1);
}

/**
 * atlas_map_inset_frame:
 *
 * The inset's frame in map metres, as @layout has it.
 */
void
atlas_map_inset_frame (const AtlasMapLayout *layout,
                       double               *min_x,
                       double               *min_y,
                       double               *max_x,
                       double               *max_y)
{
  *min_x = layout->frame_min_x;
  *min_y = layout->frame_min_y;
  *max_x = layout->frame_max_x;
  *max_y = layout->frame_max_y;
}

/**
 * atlas_map_layout_frame:
 * @frame: (out caller-allocates): the frame's box on @layout's canvas
 *
 * Where the inset's frame is on the main map.
 */
void
atlas_map_layout_frame (const AtlasMapLayout *layout,
                        AtlasMapBox          *frame)
{
  double x0, y0, x1, y1;

  atlas_map_layout_to_canvas (layout, layout->frame_min_x, layout->frame_max_y, &x0, &y0);
  atlas_map_layout_to_canvas (layout, layout->frame_max_x, layout->frame_min_y, &x1, &y1);
  *frame = (AtlasMapBox) { x0, y0, x1 - x0, y1 - y0 };
}

const char *
atlas_map_inset_caption (void)
{
  return _("Rhine-Ruhr");
}

/* Whether the inset names the area whose label point is @p; the others
 * keep their names on the main map. */
static gboolean
in_core (const AtlasPoint *p)
{
  return p->x >= CORE_MIN_X && p->x <= CORE_MAX_X && p->y >= CORE_MIN_Y && p->y <= CORE_MAX_Y;
}

double
atlas_map_stop_radius (const AtlasMapLayout *layout)
{
  return MAX (7.0, MIN (layout->width, layout->height) * 0.011);
}

double
atlas_map_legend_box (const AtlasMapLayout *layout)
{
  return layout->legend_font * 1.22;
}

/* The legend's badge, "+N", as wide as a map's badge of one digit. */
const char *
atlas_map_legend_badge_text (void)
{
  /* Translators: the badge in the legend, standing for "+2", "+97" on the map */
  return C_("map badge", "+N");
}

double
atlas_map_legend_badge_width (const AtlasMapLayout *layout)
{
  double r = atlas_map_stop_radius (layout);

  return MAX (2 * r, atlas_map_text_width (atlas_map_legend_badge_text (), r * 0.9) + r * 0.9);
}

/**
 * atlas_map_legend_place:
 * @places: (out caller-allocates): where each entry goes
 *
 * Lays the entries out in rows from the layout's legend_x to its
 * legend_right, from legend_y down.
 *
 * Returns: the height of the rows
 */
double
atlas_map_legend_place (const AtlasMapLayout   *layout,
                        const AtlasLegendEntry *entries,
                        guint                   n_entries,
                        AtlasLegendPlace       *places)
{
  double box = atlas_map_legend_box (layout), r = atlas_map_stop_radius (layout);
  double x = layout->legend_x, y = layout->legend_y + box * 0.2;

  for (guint i = 0; i < n_entries; i++)
    {
      double symbol_w = entries[i].kind == ATLAS_LEGEND_ROUTE ? box * 2
                        : entries[i].kind == ATLAS_LEGEND_STOP_BADGE ? atlas_map_legend_badge_width (layout)
                        : entries[i].kind >= ATLAS_LEGEND_STOP ? 2 * r * 1.45 : box;
      double w = symbol_w + box * 0.4 + atlas_map_text_width (entries[i].label, layout->legend_font);

      if (x > layout->legend_x && x + w > layout->legend_right)
        {
          x = layout->legend_x;
          y += box * 1.6;
        }
      places[i] = (AtlasLegendPlace) { x, y, symbol_w };
      x += w + box * 1.5;
    }
  return n_entries > 0 ? y + box * 1.4 - layout->legend_y : 0;
}

/**
 * atlas_map_key_lines:
 * @labels: (nullable): the main map's labels as placed, or %NULL for the
 *   layout's estimate (atlas_map_layout_label())
 * @inset_labels: (nullable): the inset's
 *
 * The legend's codes: those the map shows whose names it shows nowhere,
 * wrapped to the legend's width.
 *
 * Returns: (transfer full): the lines
 */
char **
atlas_map_key_lines (const AtlasMapLayout *layout,
                     const AtlasMapLabel  *labels,
                     const AtlasMapLabel  *inset_labels)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GString) line = g_string_new (NULL);
  double size = layout->legend_font * 0.8;
  AtlasMapLayout inset;

  atlas_map_layout_inset (layout, &inset);
  for (guint i = 0; i < atlas_geometry_get_n_areas (geometry); i++)
    {
      const AtlasArea *area = atlas_geometry_get_area (geometry, i);
      const char *shown[2] = { NULL, NULL };
      const char *code = atlas_map_short_name (area->ags);
      g_autofree char *entry = NULL;
      double text_size;

      if (labels != NULL)
        shown[0] = labels[i].text;
      else
        shown[0] = atlas_map_layout_label (layout, i, area, &text_size);
      if (layout->has_inset)
        {
          if (inset_labels != NULL)
            shown[1] = inset_labels[i].text;
          else
            shown[1] = atlas_map_layout_label (&inset, i, area, &text_size);
        }
      if (code == NULL || (shown[0] != code && shown[1] != code) ||
          shown[0] == area->name || shown[1] == area->name)
        continue;

      entry = g_strdup_printf ("%s %s", code, area->name);
      if (line->len > 0 &&
          atlas_map_text_width (line->str, size) + atlas_map_text_width (" · ", size) +
          atlas_map_text_width (entry, size) > layout->legend_right - layout->legend_x)
        {
          g_strv_builder_add (lines, line->str);
          g_string_truncate (line, 0);
        }
      g_string_append_printf (line, "%s%s", line->len ? " · " : "", entry);
    }
  if (line->len > 0)
    g_strv_builder_add (lines, line->str);
  return g_strv_builder_end (lines);
}

/**
 * atlas_map_key_fit:
 * @scene: its legend's rows come before the key
 * @labels: the main map's labels as placed
 * @inset_labels: (nullable): the inset's
 *
 * The key as atlas_map_key_lines(), made to end above the attribution: on a
 * small map the codes it has no room for are left off the map too (the
 * tooltip names their districts).
 *
 * Returns: (transfer full): the lines
 */
char **
atlas_map_key_fit (const AtlasMapScene  *scene,
                   const AtlasMapLayout *layout,
                   AtlasMapLabel        *labels,
                   AtlasMapLabel        *inset_labels)
{
  AtlasLegendEntry entries[ATLAS_N_LEGEND_KINDS];
  AtlasLegendPlace places[ATLAS_N_LEGEND_KINDS];
  guint n_entries = atlas_map_scene_legend (scene, entries);
  double top = layout->legend_y + atlas_map_legend_place (layout, entries, n_entries, places) +
               atlas_map_legend_box (layout) * 0.6;
  double bottom = layout->height - MAX (6.0, MIN (layout->width, layout->height) * 0.015) - layout->legend_font;
  char **lines = atlas_map_key_lines (layout, labels, inset_labels);

  for (int i = scene->areas->len - 1; i >= 0 && top + g_strv_length (lines) * layout->legend_font > bottom; i--)
    {
      const char *code = g_array_index (scene->areas, AtlasSceneArea, i).code;

      if (labels[i].text == code)
        labels[i].text = NULL;
      if (inset_labels != NULL && inset_labels[i].text == code)
        inset_labels[i].text = NULL;
      g_strfreev (lines);
      lines = atlas_map_key_lines (layout, labels, inset_labels);
    }
  return lines;
}

typedef enum {
  PLACE_NONE,    /* no inset */
  PLACE_CORNER,  /* in the empty south-east of NRW and below it */
  PLACE_SIDE,    /* right of the map */
  PLACE_BELOW,   /* under the map */
  N_PLACES
} Placement;

/* Which names give way to codes at the layout's scales. */
static void
choose_codes (AtlasMapLayout *layout)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();

  layout->coded = layout->inset_coded = 0;
  for (guint i = 0; i < atlas_geometry_get_n_areas (geometry); i++)
    {
      const AtlasArea *area = atlas_geometry_get_area (geometry, i);
      guint64 bit = G_GUINT64_CONSTANT (1) << i;
      double name_w = atlas_map_text_width (area->name, layout->label_size);
      double area_w = area->max_x - area->min_x;

      if (atlas_map_short_name (area->ags) == NULL)
        continue;
      if (name_w > NAME_FIT * area_w * layout->scale)
        layout->coded |= bit;
      if (layout->has_inset && name_w > NAME_FIT * area_w * layout->inset_scale)
        layout->inset_coded |= bit;
    }
}

/* The height of the legend: its rows, as many as the longest entries
 * take, and the codes spelt out. */
static double
legend_height (const AtlasMapLayout *layout)
{
  AtlasMapScene most = { .n_uncertain = 1, .n_route_segments = 1, .n_badges = 1 };
  AtlasLegendEntry entries[ATLAS_N_LEGEND_KINDS];
  AtlasLegendPlace places[ATLAS_N_LEGEND_KINDS];
  g_auto(GStrv) key = NULL;
  const char *by_tour;
  double height;
  guint n;

  most.route = ATLAS_ROUTE_BY_TOUR;
  atlas_map_scene_legend (&most, entries);
  by_tour = entries[ATLAS_N_LEGEND_KINDS - 1].label;
  most.route = ATLAS_ROUTE_ALL;
  n = atlas_map_scene_legend (&most, entries);
  if (g_utf8_strlen (by_tour, -1) > g_utf8_strlen (entries[n - 1].label, -1))
    entries[n - 1].label = by_tour;

  height = atlas_map_legend_place (layout, entries, n, places);
  key = atlas_map_key_lines (layout, NULL, NULL);
  if (key[0] != NULL)
    height += atlas_map_legend_box (layout) * 0.6 + g_strv_length (key) * layout->legend_font;
  return height;
}

/* The inset's frame at @inset_scale (canvas pixels per map metre): the
 * whole of every district the inset names, and around each one's label
 * point the row of its stops with a badge (centred on it, or running to
 * the right of it) and its name centred below it, with a stop's radius
 * to spare. Stops and names are sized in pixels, so the frame in metres
 * grows a little as the canvas shrinks. Stops and names were cut at the
 * frame's edges when it was fixed (Krefeld, Neuss, Köln, Dortmund). */
static void
inset_frame (AtlasMapLayout *layout,
             double          inset_scale)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  double r_px = atlas_map_stop_radius (layout), r = r_px / inset_scale;
  double badge_w = MAX (2 * r_px, atlas_map_text_width ("+99", r_px * 0.9) + r_px * 0.9) / inset_scale;
  double row = (ATLAS_MAP_STOPS_SHOWN - 1) * r * STOP_STEP;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < atlas_geometry_get_n_areas (geometry); i++)
    {
      const AtlasArea *area = atlas_geometry_get_area (geometry, i);
      const AtlasPoint *p = &area->label;
      double name_w = atlas_map_text_width (area->name, layout->label_size) / inset_scale;

      if (!in_core (p))
        continue;
      min_x = MIN (min_x, MIN (area->min_x, p->x - MAX ((row + badge_w) / 2, name_w / 2) - r));
      max_x = MAX (max_x, MAX (area->max_x, p->x + MAX (MAX (row + r, (row + badge_w) / 2), name_w / 2) + r));
      min_y = MIN (min_y, MIN (area->min_y, p->y - 2 * r - layout->label_size / inset_scale));
      max_y = MAX (max_y, MAX (area->max_y, p->y + 2 * r));
    }
  layout->frame_min_x = min_x;
  layout->frame_min_y = min_y;
  layout->frame_max_x = max_x;
  layout->frame_max_y = max_y;
}

/* Puts the map at @scale with the inset placed so; FALSE when it does not
 * fit between x0, x1 and below map_top, above y1. */
static gboolean
arrange (AtlasMapLayout *layout,
         Placement       placement,
         double          scale,
         double          x0,
         double          x1,
         double          y1)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  double min_x, min_y, max_x, max_y, main_w, main_h, inset_w, inset_h, gap, slack;
  double mx, my, ix = 0, iy = 0;

  atlas_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y);
  gap = MIN (layout->width, layout->height) * 0.02;
  main_w = (max_x - min_x) * scale;
  main_h = (max_y - min_y) * scale;
  inset_frame (layout, scale * INSET_SCALE);
  inset_w = (layout->frame_max_x - layout->frame_min_x) * scale * INSET_SCALE;
  inset_h = (layout->frame_max_y - layout->frame_min_y) * scale * INSET_SCALE;
  my = layout->map_top;
  layout->has_inset = placement != PLACE_NONE;
  layout->legend_x = x0;
  layout->legend_right = x1;
  layout->legend_y = my + main_h + gap;

  switch (placement)
    {
    case PLACE_NONE:
      mx = x0 + (x1 - x0 - main_w) / 2;
      break;
    case PLACE_CORNER:
      mx = x0;
      ix = x1 - inset_w;
      iy = y1 - inset_h;
      if (ix < mx + (NOTCH_X - min_x) * scale + gap || iy < my + (max_y - NOTCH_Y) * scale + gap)
        return FALSE;
      layout->legend_right = ix - gap;
      break;
    case PLACE_SIDE:
      if (inset_h > main_h)
        return FALSE;
      mx = x0 + (x1 - x0 - main_w - gap - inset_w) / 2;
      ix = mx + main_w + gap;
      iy = my + main_h - inset_h;
      break;
    case PLACE_BELOW:
      if (inset_w > x1 - x0)
        return FALSE;
      mx = x0 + (x1 - x0 - main_w) / 2;
      ix = x0 + (x1 - x0 - inset_w) / 2;
      iy = my + main_h + gap;
      layout->legend_y = iy + inset_h + gap;
      break;
    case N_PLACES:
    default:
      g_assert_not_reached ();
    }
  if (mx < x0 - 0.5 || mx + main_w > x1 + 0.5 || (placement != PLACE_NONE && ix + inset_w > x1 + 0.5))
    return FALSE;

  layout->scale = scale;
  layout->offset_x = mx - min_x * scale;
  layout->offset_y = my + max_y * scale;
  layout->map_bottom = my + main_h;
  layout->inset = (AtlasMapBox) { ix, iy, inset_w, inset_h };
  layout->inset_scale = scale * INSET_SCALE;
  layout->inset_offset_x = ix - layout->frame_min_x * layout->inset_scale;
  layout->inset_offset_y = iy + layout->frame_max_y * layout->inset_scale;
  choose_codes (layout);

  slack = y1 - (layout->legend_y + legend_height (layout));
  if (slack < 0)
    return FALSE;

  /* What room is left goes above and below, as far as the corner allows. */
  if (placement == PLACE_CORNER)
    slack = MIN (slack, 2 * (iy - (my + (max_y - NOTCH_Y) * scale + gap)));
  slack /= 2;
  layout->offset_y += slack;
  layout->map_bottom += slack;
  layout->legend_y += slack;
  if (placement != PLACE_CORNER)
    {
      layout->inset.y += slack;
      layout->inset_offset_y += slack;
    }
  return TRUE;
}

/* The largest scale @placement allows, by bisection (to a 4000th). */
static double
largest_scale (AtlasMapLayout *layout,
               Placement       placement,
               double          x0,
               double          x1,
               double          y1)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  double min_x, min_y, max_x, max_y, lo = 0, hi;

  atlas_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y);
  hi = MIN ((x1 - x0) / (max_x - min_x), (y1 - layout->map_top) / (max_y - min_y));
  if (hi <= 0)
    return 0;
  for (guint step = 0; step < 12; step++)
    {
      double mid = (lo + hi) / 2;

      if (arrange (layout, placement, mid, x0, x1, y1))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void layout_compute (AtlasMapLayout *layout,
                            double          width,
                            double          height);

/* The last few layouts: the view asks for the same one at every frame
 * and pointer motion, and finding one costs some 36 attempts. */
static GMutex cache_lock;
static AtlasMapLayout cache[4];
static guint cache_next;

/**
 * atlas_map_layout_compute:
 *
 * Title on top, the legend at the bottom, the map and its inset in
 * between, as large as they fit.
 */
void
atlas_map_layout_compute (AtlasMapLayout *layout,
                          double          width,
                          double          height)
{
  g_mutex_lock (&cache_lock);
  for (guint i = 0; i < G_N_ELEMENTS (cache); i++)
    if (cache[i].width == width && cache[i].height == height && width > 0)
      {
        *layout = cache[i];
        g_mutex_unlock (&cache_lock);
        return;
      }
  g_mutex_unlock (&cache_lock);

  layout_compute (layout, width, height);

  g_mutex_lock (&cache_lock);
  cache[cache_next] = *layout;
  cache_next = (cache_next + 1) % G_N_ELEMENTS (cache);
  g_mutex_unlock (&cache_lock);
}

static void
layout_compute (AtlasMapLayout *layout,
                double          width,
                double          height)
{
  double x0, x1, y1, margin;
  double unit = MIN (width, height);
  double best_scale[N_PLACES] = { 0 };
  Placement best = PLACE_CORNER;

  g_assert (atlas_geometry_get_n_areas (atlas_geometry_get_default ()) <= 64);

  *layout = (AtlasMapLayout) { .width = width, .height = height };
  /* Sizes grow with the canvas, but never below what a phone can read. */
  margin = MAX (8.0, unit * 0.03);
  layout->title_size = MAX (14.0, unit * 0.034);
  layout->subtitle_size = MAX (11.0, unit * 0.02);
  /* A name's capitals are 0.7 of its size: at 13 pixels, 9 pixels tall
   * (at 9 they were 6, too small to read at a glance). A phone's map
   * (360 pixels) has no room for that and an inset: 9 there, growing to 13
   * at 600. */
  layout->label_size = MAX (CLAMP (9.0 + (unit - 360.0) / 60.0, 9.0, ATLAS_MAP_LABEL_MIN), unit * 0.0135);
  layout->legend_font = MAX (11.0, unit * 0.018);
  layout->title_y = margin + layout->title_size * 0.7;
  layout->subtitle_y = layout->title_y + layout->subtitle_size * 1.75;
  layout->map_top = layout->subtitle_y + MAX (12.0, unit * 0.045);

  x0 = margin;
  x1 = width - margin;
  /* Above the attribution. */
  y1 = height - layout->legend_font * 0.75 - MAX (6.0, unit * 0.015) - unit * 0.01;

  /* The placement that leaves the map largest. */
  for (Placement p = PLACE_CORNER; p < N_PLACES; p++)
    {
      best_scale[p] = largest_scale (layout, p, x0, x1, y1);
      if (best_scale[p] > best_scale[best])
        best = p;
    }
  /* Without an inset the Ruhr's names are codes, and the key takes much
   * room: the inset is worth its place as long as there is one. */
  if (best_scale[best] <= 0)
    {
      best = PLACE_NONE;
      best_scale[best] = largest_scale (layout, best, x0, x1, y1);
    }
  if (!arrange (layout, best, best_scale[best], x0, x1, y1))
    /* Too small for anything to fit: the map as large as it fits still. */
    arrange (layout, PLACE_NONE, MAX (best_scale[PLACE_NONE], 1e-6), x0, x1, G_MAXDOUBLE);
}

/**
 * atlas_map_layout_inset:
 * @inset: (out caller-allocates): the layout of the inset
 *
 * The inset's own layout: the same canvas and sizes, its scale and place.
 * Stops, route and names in it follow the same rules as on the map.
 *
 * Returns: whether @layout has an inset
 */
gboolean
atlas_map_layout_inset (const AtlasMapLayout *layout,
                        AtlasMapLayout       *inset)
{
  *inset = *layout;
  if (!layout->has_inset)
    return FALSE;
  inset->scale = layout->inset_scale;
  inset->offset_x = layout->inset_offset_x;
  inset->offset_y = layout->inset_offset_y;
  inset->coded = layout->inset_coded;
  inset->is_inset = TRUE;
  return TRUE;
}

/* Whether @area shows in @layout: in the inset, only those in its frame. */
gboolean
atlas_map_layout_shows (const AtlasMapLayout *layout,
                        const AtlasArea      *area)
{
  return !layout->is_inset ||
         (area->max_x >= layout->frame_min_x && area->min_x <= layout->frame_max_x &&
          area->max_y >= layout->frame_min_y && area->min_y <= layout->frame_max_y);
}

/* The code of @area, where it stands for the name. */
const char *
atlas_map_layout_code (const AtlasMapLayout *layout,
                       const AtlasArea      *area,
                       double               *size)
{
  *size = layout->label_size * 1.1;
  return atlas_map_short_name (area->ags);
}

/**
 * atlas_map_layout_label:
 * @index: the area's place in the geometry
 * @size: (out): the text's size
 *
 * Returns: (nullable): the name or code to write on @area, or %NULL where
 *   it gets none: the main map leaves the names in the inset's frame to the
 *   inset
 */
const char *
atlas_map_layout_label (const AtlasMapLayout *layout,
                        guint                 index,
                        const AtlasArea      *area,
                        double               *size)
{
  /* The inset names those in its frame, the main map the others. */
  if (layout->has_inset && layout->is_inset != in_core (&area->label))
    return NULL;
  if (layout->coded & (G_GUINT64_CONSTANT (1) << index))
    return atlas_map_layout_code (layout, area, size);
  *size = layout->label_size;
  return area->name;
}

/**
 * atlas_map_layout_area_at:
 * @cx: a point on the canvas
 *
 * Returns: (nullable): the AGS of the district there, on the map or in the
 *   inset
 */
const char *
atlas_map_layout_area_at (const AtlasMapLayout *layout,
                          double                cx,
                          double                cy)
{
  AtlasMapLayout inset;
  const AtlasArea *area;
  double x, y;

  if (atlas_map_layout_inset (layout, &inset) &&
      cx >= layout->inset.x && cx <= layout->inset.x + layout->inset.width &&
      cy >= layout->inset.y && cy <= layout->inset.y + layout->inset.height)
    atlas_map_layout_to_map (&inset, cx, cy, &x, &y);
  else
    atlas_map_layout_to_map (layout, cx, cy, &x, &y);
  area = atlas_geometry_area_at (atlas_geometry_get_default (), x, y);
  return area ? area->ags : NULL;
}

void
atlas_map_layout_to_canvas (const AtlasMapLayout *layout,
                            double                x,
                            double                y,
                            double               *cx,
                            double               *cy)
{
  *cx = layout->offset_x + x * layout->scale;
  *cy = layout->offset_y - y * layout->scale;
}

void
atlas_map_layout_to_map (const AtlasMapLayout *layout,
                         double                cx,
                         double                cy,
                         double               *x,
                         double               *y)
{
  *x = (cx - layout->offset_x) / layout->scale;
  *y = (layout->offset_y - cy) / layout->scale;
}
