/* atlas-map-places.c: where a scene's stops, badges and names go on a canvas
 *
 * The scene says what the map shows and the layout where the map is; this
 * places the stops of each district in a row at its place, the badge of
 * its further stops, the route between them, and the names around them.
 * Every output and the hit tests ask here, so they all agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-map-private.h"

/* The spacing of the stops that stand side by side, in stop radii. */
#define STOP_STEP 2.2

/* How far a stop's marker reaches from its middle: a stop whose day is
 * not known wears a dashed ring (atlas-map-render.c) around its disc. */
static double
stop_reach (const AtlasSceneStop *stop,
            double                r)
{
  return stop->uncertain && !stop->summarised ? r * 1.45 + MAX (1.0, r * 0.16) / 2 : r;
}

/* Where each area's row of stops stands on one layout: at the area's
 * place, or moved aside where it would cover another area's row (the
 * Rhine-Ruhr cities' stops stood on each other on the main map); in the
 * inset, a row that does not fit inside it whole is left to the main map
 * (stops were cut at the inset's edge). */
typedef struct {
  guint scene_serial;
  double scale, offset_x, offset_y, width, height;
  gboolean is_inset;
  AtlasPoint *origin;    /* per area: the row's place on the canvas */
  gboolean *hidden;      /* per area: its stops are not drawn here */
} StopRows;

static void
stop_rows_free (gpointer data)
{
  StopRows *rows = data;

  for (guint i = 0; rows != NULL && i < 4; i++)
    {
      g_free (rows[i].origin);
      g_free (rows[i].hidden);
    }
  g_free (rows);
}

/* The last few per thread: every stop, badge, name and hit test asks. */
static GPrivate stop_rows_cache = G_PRIVATE_INIT (stop_rows_free);

typedef struct {
  double x0, y0, x1, y1;
} Box;

static double
overlap (const Box *a,
         const Box *b)
{
  double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return w > 0 && h > 0 ? w * h : 0;
}

/* The box that area @i's row of markers (and badge) covers when its row
 * stands at (cx, cy), as atlas_map_stop_position() and
 * atlas_map_stop_badge() put them. */
static Box
row_extent (const AtlasMapScene *scene,
            guint                i,
            double               r,
            double               cx,
            double               cy)
{
  const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
  double reach = r, badge_w, badge_x;
  char text[16];

  for (guint s = 0; s < scene->stops->len; s++)
    {
      const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, s);

      if (stop->area_index == i)
        reach = MAX (reach, stop_reach (stop, r));
    }
  if (sa->n_summarised == 0)
    return (Box) { cx - reach, cy - reach, cx + (sa->n_stops - 1) * r * STOP_STEP + reach, cy + reach };
  g_snprintf (text, sizeof text, "+%u", sa->n_summarised);
  badge_w = MAX (2 * r, atlas_map_text_width (text, r * 0.9) + r * 0.9);
  badge_x = cx + ((ATLAS_MAP_STOPS_SHOWN - 1) * r * STOP_STEP - badge_w) / 2;
  return (Box) { badge_x + r - (ATLAS_MAP_STOPS_SHOWN - 1) * r * STOP_STEP - reach, cy - reach,
                 badge_x + badge_w, cy + reach };
}

static int
by_stops (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  const AtlasMapScene *scene = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint na = g_array_index (scene->areas, AtlasSceneArea, ia).n_stops;
  guint nb = g_array_index (scene->areas, AtlasSceneArea, ib).n_stops;

  /* Longer rows first: they have the fewest places to go. */
  if (na != nb)
    return na > nb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

static void
place_rows (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            StopRows             *rows)
{
  /* Moves in steps of a marker, nearest first: down, up, right, left,
   * the corners, then two markers away. */
  static const double moves[][2] = {
    { 0, 0 }, { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 }, { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 },
    { 0, 2 }, { 0, -2 }, { 2, 0 }, { -2, 0 }, { 2, 1 }, { -2, 1 }, { 2, -1 }, { -2, -1 },
  };
  guint n = scene->areas->len, n_placed = 0, n_order = 0;
  double r = atlas_map_stop_radius (layout), step = r * STOP_STEP, gap = r * 0.25;
  g_autofree Box *placed = g_new (Box, MAX (1, n));
  g_autofree guint *order = g_new (guint, MAX (1, n));
  Box inset = { layout->inset.x, layout->inset.y,
                layout->inset.x + layout->inset.width, layout->inset.y + layout->inset.height };

  rows->origin = g_new0 (AtlasPoint, MAX (1, n));
  rows->hidden = g_new0 (gboolean, MAX (1, n));
  for (guint i = 0; i < n; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);

      atlas_map_layout_to_canvas (layout, sa->area->label.x, sa->area->label.y,
                                  &rows->origin[i].x, &rows->origin[i].y);
      if (sa->n_stops > 0)
        order[n_order++] = i;
    }
  g_sort_array (order, n_order, sizeof (guint), by_stops, (gpointer) scene);

  for (guint k = 0; k < n_order; k++)
    {
      guint i = order[k];
      AtlasPoint at = rows->origin[i];
      double best = G_MAXDOUBLE;
      gboolean inside_any = FALSE;

      if (layout->is_inset)
        {
          Box home = row_extent (scene, i, r, at.x, at.y);

          /* Far from the inset: the main map shows it. */
          if (overlap (&home, &inset) <= 0)
            {
              rows->hidden[i] = TRUE;
              continue;
            }
        }
      for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
        {
          double x = at.x + moves[m][0] * step, y = at.y + moves[m][1] * step, cost = 0;
          Box b = row_extent (scene, i, r, x, y);
          Box spaced = { b.x0 - gap, b.y0 - gap, b.x1 + gap, b.y1 + gap };

          if (layout->is_inset)
            {
              /* Whole, with a hair of space inside the inset's frame; moved
               * in only when its own place is in the inset. */
              if (b.x0 < inset.x0 + gap || b.y0 < inset.y0 + gap || b.x1 > inset.x1 - gap || b.y1 > inset.y1 - gap)
                continue;
              if (m > 0 && (at.x < inset.x0 || at.x > inset.x1 || at.y < inset.y0 || at.y > inset.y1))
                continue;
              inside_any = TRUE;
            }
          for (guint p = 0; p < n_placed; p++)
            cost += overlap (&spaced, &placed[p]);
          /* Each step away costs a little: the nearest free place wins. */
          cost += m * 1e-6;
          if (cost < best)
            {
              best = cost;
              rows->origin[i] = (AtlasPoint) { x, y };
            }
          if (cost < 1e-3)
            break;
        }
      if (layout->is_inset && !inside_any)
        {
          rows->hidden[i] = TRUE;
          continue;
        }
      placed[n_placed++] = row_extent (scene, i, r, rows->origin[i].x, rows->origin[i].y);
    }
}

/* The rows of @scene on @layout, worked out once per thread. */
static const StopRows *
stop_rows (const AtlasMapScene  *scene,
           const AtlasMapLayout *layout)
{
  StopRows *cache = g_private_get (&stop_rows_cache);
  StopRows *rows;

  if (cache == NULL)
    {
      cache = g_new0 (StopRows, 4);
      g_private_set (&stop_rows_cache, cache);
    }
  for (guint i = 0; i < 4; i++)
    if (cache[i].origin != NULL && cache[i].scene_serial == scene->serial &&
        cache[i].scale == layout->scale && cache[i].offset_x == layout->offset_x &&
        cache[i].offset_y == layout->offset_y && cache[i].width == layout->width &&
        cache[i].height == layout->height && cache[i].is_inset == layout->is_inset)
      return &cache[i];

  /* The oldest goes. */
  g_free (cache[3].origin);
  g_free (cache[3].hidden);
  memmove (&cache[1], &cache[0], 3 * sizeof (StopRows));
  rows = &cache[0];
  *rows = (StopRows) { scene->serial, layout->scale, layout->offset_x, layout->offset_y,
                       layout->width, layout->height, layout->is_inset, NULL, NULL };
  place_rows (scene, layout, rows);
  return rows;
}

/* Where area @area_index's row of stops stands on @layout's canvas. */
static void
row_origin (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            guint                 area_index,
            double               *cx,
            double               *cy)
{
  const StopRows *rows = stop_rows (scene, layout);

  *cx = rows->origin[area_index].x;
  *cy = rows->origin[area_index].y;
}

/**
 * atlas_map_stops_hidden:
 *
 * Whether the stops of area @area_index are left off @layout: in the
 * inset, those that do not fit in it whole (the main map has them).
 */
gboolean
atlas_map_stops_hidden (const AtlasMapScene  *scene,
                        const AtlasMapLayout *layout,
                        guint                 area_index)
{
  return stop_rows (scene, layout)->hidden[area_index];
}

/**
 * atlas_map_stop_drawn:
 *
 * Whether stop @index has a marker of its own on @layout.
 */
gboolean
atlas_map_stop_drawn (const AtlasMapScene  *scene,
                      const AtlasMapLayout *layout,
                      guint                 index)
{
  const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, index);

  return !stop->summarised && !atlas_map_stops_hidden (scene, layout, stop->area_index);
}

/**
 * atlas_map_stop_badge:
 * @box: (out): the badge's box on the canvas
 * @text: (out caller-allocates): what it says: "+97"
 *
 * The badge that stands for the stops of area @area_index past the first
 * few, in the place of the next marker of its row.
 *
 * Returns: whether the area has one
 */
gboolean
atlas_map_stop_badge (const AtlasMapScene  *scene,
                      const AtlasMapLayout *layout,
                      guint                 area_index,
                      AtlasMapBox          *box,
                      char                  text[16])
{
  const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, area_index);
  double r = atlas_map_stop_radius (layout), cx, cy;

  if (sa->n_summarised == 0)
    return FALSE;
  g_snprintf (text, 16, "+%u", sa->n_summarised);
  row_origin (scene, layout, area_index, &cx, &cy);
  box->width = MAX (2 * r, atlas_map_text_width (text, r * 0.9) + r * 0.9);
  box->height = 2 * r;
  /* The row of the markers and the badge, centred on the area's place. */
  box->x = cx + ((ATLAS_MAP_STOPS_SHOWN - 1) * r * STOP_STEP - box->width) / 2;
  box->y = cy - r;
  return TRUE;
}

/* The size of a stop's number: smaller for more digits, to stay on the
 * disc of radius @r. */
double
atlas_map_stop_number_size (double r,
                            guint  number)
{
  return r * (number >= 1000 ? 0.62 : number >= 100 ? 0.8 : 1.1);
}

/* Stops at the same place stand side by side; those past the first few
 * at their area's badge. */
void
atlas_map_stop_position (const AtlasMapScene  *scene,
                         const AtlasMapLayout *layout,
                         guint                 index,
                         double               *cx,
                         double               *cy)
{
  const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, index);
  AtlasMapBox badge;
  char text[16];

  double r = atlas_map_stop_radius (layout);

  row_origin (scene, layout, stop->area_index, cx, cy);
  *cx += stop->before * r * STOP_STEP;
  if (atlas_map_stop_badge (scene, layout, stop->area_index, &badge, text))
    {
      /* The first markers left of the badge. */
      *cx = badge.x + r - (ATLAS_MAP_STOPS_SHOWN - 1 - stop->before) * r * STOP_STEP;
      if (stop->summarised)
        *cx = badge.x + badge.width / 2;
    }
}

/**
 * atlas_map_scene_area_at:
 * @cx: a point on the canvas
 *
 * Like atlas_map_layout_area_at(), but a stop's marker or badge belongs to
 * the stop's district wherever it stands.
 *
 * Returns: (nullable): the AGS of the district there
 */
const char *
atlas_map_scene_area_at (const AtlasMapScene  *scene,
                         const AtlasMapLayout *layout,
                         double                cx,
                         double                cy)
{
  const AtlasMapLayout *on = layout;
  AtlasMapLayout inset;
  double r;

  if (atlas_map_layout_inset (layout, &inset) &&
      cx >= layout->inset.x && cx <= layout->inset.x + layout->inset.width &&
      cy >= layout->inset.y && cy <= layout->inset.y + layout->inset.height)
    on = &inset;
  r = atlas_map_stop_radius (on);

  /* The latest drawn is on top. */
  for (guint i = scene->stops->len; i-- > 0;)
    {
      const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);
      AtlasMapBox badge;
      char text[16];
      double x, y;

      if (atlas_map_stops_hidden (scene, on, stop->area_index))
        continue;
      if (stop->summarised)
        {
          if (stop->before == ATLAS_MAP_STOPS_SHOWN - 1 &&
              atlas_map_stop_badge (scene, on, stop->area_index, &badge, text) &&
              cx >= badge.x && cx <= badge.x + badge.width && cy >= badge.y && cy <= badge.y + badge.height)
            return stop->area->ags;
          continue;
        }
      atlas_map_stop_position (scene, on, i, &x, &y);
      if ((cx - x) * (cx - x) + (cy - y) * (cy - y) <= r * r)
        return stop->area->ags;
    }
  return atlas_map_layout_area_at (layout, cx, cy);
}

/* The route's segment that ends at stop @index, if it has one. */
gboolean
atlas_map_route_segment (const AtlasMapScene  *scene,
                         const AtlasMapLayout *layout,
                         guint                 index,
                         double               *x0,
                         double               *y0,
                         double               *x1,
                         double               *y1)
{
  const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, index);

  if (stop->route_from < 0)
    return FALSE;
  atlas_map_stop_position (scene, layout, stop->route_from, x0, y0);
  atlas_map_stop_position (scene, layout, index, x1, y1);
  /* Between two stops of one badge, nothing to draw. */
  return *x0 != *x1 || *y0 != *y1;
}

double
atlas_map_route_width (double unit)
{
  return MAX (1.5, unit * 0.0025);
}

/* The width of the halo around the names' letters. */
double
atlas_map_label_halo (double unit)
{
  return unit * 0.0036;
}

static Box
box_around (double x,
            double y,
            double w,
            double h)
{
  return (Box) { x - w / 2, y - h / 2, x + w / 2, y + h / 2 };
}

/* Whether the segment from (x0, y0) to (x1, y1) passes through @b
 * (Liang–Barsky clipping). */
static gboolean
segment_crosses (const Box *b,
                 double     x0,
                 double     y0,
                 double     x1,
                 double     y1)
{
  double t0 = 0, t1 = 1;
  const double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  const double q[4] = { x0 - b->x0, b->x1 - x0, y0 - b->y0, b->y1 - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static int
by_area_size (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const AtlasMapScene *scene = user_data;
  double size_a = g_array_index (scene->areas, AtlasSceneArea, *(const guint *) a).area->area_m2;
  double size_b = g_array_index (scene->areas, AtlasSceneArea, *(const guint *) b).area->area_m2;

  return (size_a > size_b) - (size_a < size_b);
}

/* Whether @b and the canvas box @area meet. */
static gboolean
box_meets (const Box         *b,
           const AtlasMapBox *area)
{
  return b->x1 >= area->x && b->x0 <= area->x + area->width &&
         b->y1 >= area->y && b->y0 <= area->y + area->height;
}

/* What a name must keep clear of. */
typedef struct {
  const AtlasMapScene *scene;
  const AtlasMapLayout *layout;
  double r;
  Box *stops, *segments, *placed, *names;
  guint n_stops, n_segments, n_placed;
  Box canvas, inset;
} Obstacles;

/* The best of a few places for a text @w × @h on @sa (below its stops,
 * above them, to their right or left; for an area without stops, its own
 * place first; then the corners), and what it costs there; @covered: how much of stops,
 * names and edges it covers there (the route only runs under it). */
/* Whether a name centred at @at (canvas) would be read as another
 * district's: it stands in another district, nearer that one's own place
 * than its own. (Beside a small city's stops a name stands over its
 * neighbour, but by its own place; "Städteregion Aachen" east of its
 * stops stood over Düren, nearer Düren's place than Aachen's; a walk.) */
static gboolean
misleading (const AtlasMapScene  *scene,
            const AtlasMapLayout *layout,
            const AtlasSceneArea *sa,
            AtlasPoint            at)
{
  double x, y, own_x, own_y, own;

  atlas_map_layout_to_map (layout, at.x, at.y, &x, &y);
  if (atlas_area_contains (sa->area, x, y))
    return FALSE;
  atlas_map_layout_to_canvas (layout, sa->area->label.x, sa->area->label.y, &own_x, &own_y);
  own = (at.x - own_x) * (at.x - own_x) + (at.y - own_y) * (at.y - own_y);
  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *other = &g_array_index (scene->areas, AtlasSceneArea, i);
      double ox, oy;

      if (other == sa || !atlas_area_contains (other->area, x, y))
        continue;
      atlas_map_layout_to_canvas (layout, other->area->label.x, other->area->label.y, &ox, &oy);
      return (at.x - ox) * (at.x - ox) + (at.y - oy) * (at.y - oy) < own;
    }
  return FALSE;
}

static double
best_place (const Obstacles      *o,
            const AtlasSceneArea *sa,
            const AtlasMapBox    *badge,
            double                ring,
            double                w,
            double                h,
            AtlasPoint           *at,
            double               *covered,
            gboolean             *astray)
{
  const AtlasMapLayout *layout = o->layout;
  double r = o->r, cx, cy, first, group_w, mid, best = G_MAXDOUBLE;
  AtlasPoint candidates[9];
  guint n_candidates = 0;

  /* The row of its stops may stand aside of its place. */
  row_origin (o->scene, layout, sa - (const AtlasSceneArea *) (gpointer) o->scene->areas->data, &cx, &cy);
  /* The stops of an area stand in a row from its place to the right, or
   * with a badge last, centred on it; from the first's middle (@first) to
   * the last's (@group_w). */
  first = cx;
  group_w = sa->n_stops > 0 ? (sa->n_stops - 1) * r * STOP_STEP : 0;
  if (sa->n_summarised > 0)
    {
      first = badge->x + r - (ATLAS_MAP_STOPS_SHOWN - 1) * r * STOP_STEP;
      group_w = badge->x + badge->width - r - first;
    }
  mid = first + group_w / 2;
  /* @ring: how far a dashed ring reaches beyond the discs, if one has it. */
  if (sa->n_stops == 0)
    candidates[n_candidates++] = (AtlasPoint) { cx, cy };
  candidates[n_candidates++] = (AtlasPoint) { mid, cy + r * 1.9 + ring };
  candidates[n_candidates++] = (AtlasPoint) { mid, cy - r * 1.9 - ring };
  candidates[n_candidates++] = (AtlasPoint) { first + group_w + r * 1.3 + ring + w / 2, cy };
  if (sa->n_stops > 0)
    candidates[n_candidates++] = (AtlasPoint) { first - r * 1.3 - ring - w / 2, cy };
  /* Then the corners: below or above, to the right or left. */
  candidates[n_candidates++] = (AtlasPoint) { first + group_w + r * 0.9 + ring + w / 2, cy + r * 1.6 + ring };
  candidates[n_candidates++] = (AtlasPoint) { first - r * 0.9 - ring - w / 2, cy + r * 1.6 + ring };
  candidates[n_candidates++] = (AtlasPoint) { first + group_w + r * 0.9 + ring + w / 2, cy - r * 1.6 - ring };
  candidates[n_candidates++] = (AtlasPoint) { first - r * 0.9 - ring - w / 2, cy - r * 1.6 - ring };

  for (guint c = 0; c < n_candidates; c++)
    {
      Box box = box_around (candidates[c].x, candidates[c].y, w, h);
      double hard = 0, cost;

      /* A name on a stop's marker, or on another name, reads as neither:
       * any of that costs as much as the name itself, more than it may
       * cover and keep its place. Only the margin around the names is
       * paid by the area covered. */
      for (guint i = 0; i < o->n_stops; i++)
        if (overlap (&box, &o->stops[i]) > 0)
          hard += overlap (&box, &o->stops[i]) + w * h;
      for (guint i = 0; i < o->n_placed; i++)
        {
          hard += overlap (&box, &o->placed[i]);
          if (overlap (&box, &o->names[i]) > 0)
            hard += w * h;
        }
      /* Cut off by the canvas's or the inset's edge, or under the inset:
       * by a letter is as bad as by half. */
      if (w * h - overlap (&box, &o->canvas) > 1e-6)
        hard += 4 * (w * h - overlap (&box, &o->canvas)) + w * h;
      if (layout->is_inset && w * h - overlap (&box, &o->inset) > 1e-6)
        hard += 4 * (w * h - overlap (&box, &o->inset)) + w * h;
      else if (!layout->is_inset && layout->has_inset && overlap (&box, &o->inset) > 0)
        hard += 4 * overlap (&box, &o->inset) + w * h;
      /* A small price for each step away from the first choice; more for
       * a place where the name reads as another district's. */
      cost = hard + c * w * h * 0.05;
      if (misleading (o->scene, layout, sa, candidates[c]))
        cost += w * h * 0.6;
      /* A line through a name costs a third of a stop on it. */
      for (guint i = 0; i < o->n_segments; i++)
        if (segment_crosses (&box, o->segments[i].x0, o->segments[i].y0, o->segments[i].x1, o->segments[i].y1))
          cost += 4 * r * r / 3;
      if (cost < best)
        {
          best = cost;
          *covered = hard;
          *at = candidates[c];
        }
    }
  *astray = misleading (o->scene, layout, sa, *at);
  return best;
}

/**
 * atlas_map_place_labels:
 *
 * Where each area's name (or code, atlas_map_layout_label()) goes on the
 * canvas: the middle of the text, one per area in scene order. Each name
 * takes the place that covers the least of the stops, the route and the
 * names placed before it, smallest areas first; a name that covers much
 * wherever it goes gives way to its code where that covers less. On the
 * main map names keep off the inset; in the inset they keep inside it.
 * Widths are estimated from the number of letters, so every output places
 * names alike.
 *
 * Returns: (transfer full): the labels; g_free() them
 */
AtlasMapLabel *
atlas_map_place_labels (const AtlasMapScene  *scene,
                        const AtlasMapLayout *layout)
{
  guint n = scene->areas->len;
  AtlasMapLabel *labels = g_new0 (AtlasMapLabel, n);
  g_autofree Box *stops = g_new (Box, MAX (1, scene->stops->len));
  g_autofree Box *segments = g_new (Box, MAX (1, scene->stops->len));
  g_autofree Box *placed = g_new (Box, MAX (1, n));
  g_autofree Box *names = g_new (Box, MAX (1, n));
  g_autofree guint *order = g_new (guint, MAX (1, n));
  double r = atlas_map_stop_radius (layout);
  Obstacles o = {
    scene, layout, r, stops, segments, placed, names, 0, 0, 0,
    { 0, 0, layout->width, layout->height },
    { layout->inset.x, layout->inset.y, layout->inset.x + layout->inset.width, layout->inset.y + layout->inset.height },
  };

  /* The stops and the route's segments, once; in the inset only those in
   * it. A segment is kept as its two ends. */
  for (guint i = 0; i < scene->stops->len; i++)
    {
      double cx, cy;
      Box seg;

      const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);
      AtlasMapBox badge;
      char text[16];

      atlas_map_stop_position (scene, layout, i, &cx, &cy);
      /* A stop whose day is not known reaches as far as its dashed ring;
       * a hair of space around it. */
      stops[o.n_stops] = box_around (cx, cy, 2 * stop_reach (stop, r) + r * 0.3, 2 * stop_reach (stop, r) + r * 0.3);
      /* A badge once, however many stops it counts. */
      if (stop->summarised)
        {
          atlas_map_stop_badge (scene, layout, stop->area_index, &badge, text);
          stops[o.n_stops] = (Box) { badge.x, badge.y, badge.x + badge.width, badge.y + badge.height };
        }
      if ((!stop->summarised || stop->before == ATLAS_MAP_STOPS_SHOWN - 1) &&
          !atlas_map_stops_hidden (scene, layout, stop->area_index))
        o.n_stops++;
      if (atlas_map_route_segment (scene, layout, i, &seg.x0, &seg.y0, &seg.x1, &seg.y1))
        {
          Box bounds = { MIN (seg.x0, seg.x1), MIN (seg.y0, seg.y1), MAX (seg.x0, seg.x1), MAX (seg.y0, seg.y1) };

          if (!layout->is_inset || box_meets (&bounds, &layout->inset))
            segments[o.n_segments++] = seg;
        }
    }

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_sort_array (order, n, sizeof (guint), by_area_size, (gpointer) scene);

  for (guint k = 0; k < n; k++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, order[k]);
      AtlasMapLabel *label = &labels[order[k]];
      double w, h, cost, covered, ring = 0;
      gboolean astray;
      AtlasMapBox badge;
      char badge_text[16];

      for (guint i = 0; i < scene->stops->len; i++)
        {
          const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);

          if (stop->area_index == order[k])
            ring = MAX (ring, stop_reach (stop, r) - r);
        }

      /* The scene's areas are in geometry order. */
      label->text = atlas_map_layout_label (layout, order[k], sa->area, &label->size);
      if (label->text == NULL)
        continue;
      w = atlas_map_text_width (label->text, label->size);
      /* From the accents' tops to the descenders' feet. */
      h = label->size * 1.05;
      if (!atlas_map_stop_badge (scene, layout, order[k], &badge, badge_text))
        badge = (AtlasMapBox) { 0, 0, 0, 0 };
      cost = best_place (&o, sa, &badge, ring, w, h, &label->at, &covered, &astray);

      /* Covering a quarter of itself or more, or read as another
       * district's: the code, if it does better. */
      if (label->text == sa->area->name && sa->code != NULL && (covered > w * h * 0.25 || astray))
        {
          AtlasMapLabel code = *label;
          double code_w, code_h, code_covered;
          gboolean code_astray;

          code.text = atlas_map_layout_code (layout, sa->area, &code.size);
          code_w = atlas_map_text_width (code.text, code.size);
          code_h = code.size * 1.05;
          if (best_place (&o, sa, &badge, ring, code_w, code_h, &code.at, &code_covered, &code_astray) < cost ||
              (astray && !code_astray))
            {
              *label = code;
              w = code_w;
              h = code_h;
              covered = code_covered;
              astray = code_astray;
            }
        }
      /* Where even that covers much, or is read as another district's, no
       * name: the inset or the tooltip gives it (a small map only, where
       * the stops stand close). */
      if (covered > w * h * 0.15 || astray)
        {
          label->text = NULL;
          continue;
        }
      /* Its letters with their halo, and a hair of space between two names. */
      names[o.n_placed] = box_around (label->at.x, label->at.y, w + label->size * 0.4, h + label->size * 0.3);
      placed[o.n_placed++] = box_around (label->at.x, label->at.y, w + label->size * 0.6, h + label->size * 0.5);
    }

  return labels;
}

/**
 * atlas_map_stops_path:
 *
 * Adds to the current path what the stops of @layout cover: a disc a
 * little larger than each marker (its dashed ring included) and each
 * badge. The view clears it from the outlines it draws over the map, so
 * that an outline never runs across a stop.
 */
void
atlas_map_stops_path (const AtlasMapScene  *scene,
                      const AtlasMapLayout *layout,
                      cairo_t              *cr)
{
  double r = atlas_map_stop_radius (layout), gap = MAX (1.0, r * 0.15);

  for (guint i = 0; i < scene->stops->len; i++)
    {
      const AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);
      double cx, cy;

      if (!atlas_map_stop_drawn (scene, layout, i))
        continue;
      atlas_map_stop_position (scene, layout, i, &cx, &cy);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, stop_reach (stop, r) + gap, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
  for (guint i = 0; i < scene->areas->len; i++)
    {
      AtlasMapBox b;
      char text[16];

      if (atlas_map_stops_hidden (scene, layout, i) || !atlas_map_stop_badge (scene, layout, i, &b, text))
        continue;
      cairo_new_sub_path (cr);
      cairo_rectangle (cr, b.x - gap, b.y - gap, b.width + 2 * gap, b.height + 2 * gap);
    }
}
