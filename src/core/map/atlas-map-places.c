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

#include "atlas-map-private.h"

/* The spacing of the stops that stand side by side, in stop radii. */
#define STOP_STEP 2.2

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
  atlas_map_layout_to_canvas (layout, sa->area->label.x, sa->area->label.y, &cx, &cy);
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

  atlas_map_layout_to_canvas (layout, stop->point.x, stop->point.y, cx, cy);
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

/* How far from its middle a stop's marker reaches: a stop whose day is
 * not known wears a dashed ring (atlas-map-render.c) around its disc. */
static double
stop_reach (const AtlasSceneStop *stop,
            double                r)
{
  return stop->uncertain && !stop->summarised ? r * 1.45 + MAX (1.0, r * 0.16) / 2 : r;
}

/* What a name must keep clear of. */
typedef struct {
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
static double
best_place (const Obstacles      *o,
            const AtlasSceneArea *sa,
            const AtlasMapBox    *badge,
            double                ring,
            double                w,
            double                h,
            AtlasPoint           *at,
            double               *covered)
{
  const AtlasMapLayout *layout = o->layout;
  double r = o->r, cx, cy, first, group_w, mid, best = G_MAXDOUBLE;
  AtlasPoint candidates[9];
  guint n_candidates = 0;

  atlas_map_layout_to_canvas (layout, sa->area->label.x, sa->area->label.y, &cx, &cy);
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
      /* Cut off by the canvas's or the inset's edge, or under the inset. */
      hard += 4 * (w * h - overlap (&box, &o->canvas));
      if (layout->is_inset)
        hard += 4 * (w * h - overlap (&box, &o->inset));
      else if (layout->has_inset)
        hard += 4 * overlap (&box, &o->inset);
      /* A small price for each step away from the first choice. */
      cost = hard + c * w * h * 0.05;
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
    layout, r, stops, segments, placed, names, 0, 0, 0,
    { 0, 0, layout->width, layout->height },
    { layout->inset.x, layout->inset.y, layout->inset.x + layout->inset.width, layout->inset.y + layout->inset.height },
  };
  Box near = { o.inset.x0 - r, o.inset.y0 - r, o.inset.x1 + r, o.inset.y1 + r };

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
          (!layout->is_inset || overlap (&stops[o.n_stops], &near) > 0))
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
      h = label->size * 0.8;
      if (!atlas_map_stop_badge (scene, layout, order[k], &badge, badge_text))
        badge = (AtlasMapBox) { 0, 0, 0, 0 };
      cost = best_place (&o, sa, &badge, ring, w, h, &label->at, &covered);

      /* Covering a quarter of itself or more: the code, if it does better. */
      if (label->text == sa->area->name && sa->code != NULL && covered > w * h * 0.25)
        {
          AtlasMapLabel code = *label;
          double code_w, code_h, code_covered;

          code.text = atlas_map_layout_code (layout, sa->area, &code.size);
          code_w = atlas_map_text_width (code.text, code.size);
          code_h = code.size * 0.8;
          if (best_place (&o, sa, &badge, ring, code_w, code_h, &code.at, &code_covered) < cost)
            {
              *label = code;
              w = code_w;
              h = code_h;
              covered = code_covered;
            }
        }
      /* Where even that covers much, no name: the inset or the tooltip
       * gives it (a small map only, where the stops stand close). */
      if (covered > w * h * 0.15)
        {
          label->text = NULL;
          continue;
        }
      /* Its letters with their halo, and a hair of space between two names. */
      names[o.n_placed] = box_around (label->at.x, label->at.y, w + label->size * 0.2, h + label->size * 0.4);
      placed[o.n_placed++] = box_around (label->at.x, label->at.y, w + label->size * 0.4, h + label->size * 0.6);
    }

  return labels;
}
