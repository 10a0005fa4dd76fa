/* atlas-map-scene.c: what the tour map shows, computed once for all outputs
 *
 * The scene decides everything that does not depend on the output: each
 * district's status and label, the numbered stops in date order and the
 * texts. The layout places it on a canvas of a given size. The cairo
 * renderer (widget, PNG, PDF, print) and the SVG writer only draw what the
 * two say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-map-private.h"
#include "atlas-visit.h"

/* Okabe–Ito colours: told apart with any colour vision; each status also
 * has its own mark (solid, hatched, none) so colour is never the only cue. */
static const AtlasPalette palettes[2] = {
  { /* light */
    .background = { 1, 1, 1 }, .text = { 0.12, 0.12, 0.12 }, .dim_text = { 0.35, 0.35, 0.35 },
    .not_visited = { 0.93, 0.93, 0.92 }, .visited = { 0.0, 0.447, 0.698 }, .planned = { 0.902, 0.624, 0.0 },
    .border = { 0.55, 0.55, 0.55 }, .route = { 0.835, 0.369, 0.0 }, .stop = { 0.12, 0.12, 0.12 },
    .stop_text = { 1, 1, 1 }, .highlight = { 0.80, 0.475, 0.655 },
  },
  { /* dark */
    .background = { 0.14, 0.14, 0.14 }, .text = { 0.95, 0.95, 0.95 }, .dim_text = { 0.7, 0.7, 0.7 },
    .not_visited = { 0.26, 0.26, 0.26 }, .visited = { 0.337, 0.706, 0.914 }, .planned = { 0.902, 0.624, 0.0 },
    .border = { 0.45, 0.45, 0.45 }, .route = { 0.941, 0.894, 0.259 }, .stop = { 0.95, 0.95, 0.95 },
    .stop_text = { 0.12, 0.12, 0.12 }, .highlight = { 0.90, 0.62, 0.80 },
  },
};

const AtlasPalette *
atlas_map_palette (gboolean dark)
{
  return &palettes[dark ? 1 : 0];
}

const char *
atlas_map_attribution (void)
{
  return "© GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0";
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
scene_area_clear (gpointer data)
{
  AtlasSceneArea *a = data;

  g_free (a->dates);
}

int
atlas_map_scene_find_area (const AtlasMapScene *scene,
                           const char          *ags)
{
  for (guint i = 0; i < scene->areas->len; i++)
    if (g_str_equal (g_array_index (scene->areas, AtlasSceneArea, i).area->ags, ags))
      return i;
  return -1;
}

/**
 * atlas_map_scene_new:
 * @visits: (element-type AtlasVisit): the visits to show, in date order
 *   (as the visit list shows them); suggested ones are not drawn
 * @title: (nullable): the map's title; a default when %NULL
 * @subtitle: (nullable): the period shown, or %NULL
 * @dark: whether to use the dark palette
 *
 * Returns: (transfer full): the scene
 */
AtlasMapScene *
atlas_map_scene_new (GPtrArray  *visits,
                     const char *title,
                     const char *subtitle,
                     gboolean    dark)
{
  return atlas_map_scene_new_full (visits, title, subtitle, dark, ATLAS_ROUTE_BY_TOUR);
}

/* Whether a visit's date names one day. */
static gboolean
date_is_day (const char *date)
{
  return strlen (date) == 10 && date[4] == '-' && date[7] == '-';
}

/**
 * atlas_map_scene_new_full:
 * @route: which stops the route joins
 *
 * Like atlas_map_scene_new(), with the route's mode.
 */
AtlasMapScene *
atlas_map_scene_new_full (GPtrArray      *visits,
                          const char     *title,
                          const char     *subtitle,
                          gboolean        dark,
                          AtlasRouteMode  route)
{
  g_autoptr(GHashTable) last_of_tour = g_hash_table_new (g_str_hash, g_str_equal);
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  AtlasMapScene *scene = g_atomic_rc_box_new0 (AtlasMapScene);
  static gint serials;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (free_string);
  guint n_areas = atlas_geometry_get_n_areas (geometry);

  scene->areas = g_array_sized_new (FALSE, TRUE, sizeof (AtlasSceneArea), n_areas);
  g_array_set_clear_func (scene->areas, scene_area_clear);
  scene->stops = g_array_new (FALSE, TRUE, sizeof (AtlasSceneStop));
  scene->serial = (guint) g_atomic_int_add (&serials, 1) + 1;
  scene->dark = dark;
  scene->route = route;

  for (guint i = 0; i < n_areas; i++)
    {
      const AtlasArea *area = atlas_geometry_get_area (geometry, i);
      AtlasSceneArea sa = { area, ATLAS_AREA_NOT_VISITED, atlas_map_short_name (area->ags), NULL, 0 };

      g_array_append_val (scene->areas, sa);
      g_ptr_array_add (dates, g_string_new (NULL));
    }

  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (visits, i);
      const char *status = atlas_visit_get_field (visit, ATLAS_VISIT_STATUS);
      gboolean done = g_str_equal (status, "done");
      gboolean planned = g_str_equal (status, "planned");
      int index = atlas_map_scene_find_area (scene, atlas_visit_get_field (visit, ATLAS_VISIT_AGS));
      AtlasSceneArea *sa;
      AtlasSceneStop stop;
      g_autofree char *shown = NULL;

      if ((!done && !planned) || index < 0)
        continue;

      sa = &g_array_index (scene->areas, AtlasSceneArea, index);
      if (done)
        sa->status = ATLAS_AREA_VISITED;
      else if (sa->status == ATLAS_AREA_NOT_VISITED)
        sa->status = ATLAS_AREA_PLANNED;

      shown = atlas_format_visit_date (atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
      g_string_append_printf (g_ptr_array_index (dates, index), "%s%s%s",
                              ((GString *) g_ptr_array_index (dates, index))->len ? ", " : "",
                              shown, planned ? _(" (planned)") : "");

      stop.number = scene->stops->len + 1;
      stop.point = sa->area->label;
      stop.area = sa->area;
      stop.planned = planned;
      stop.uncertain = !date_is_day (atlas_visit_get_field (visit, ATLAS_VISIT_DATE));
      stop.before = sa->n_stops++;
      stop.area_index = index;
      stop.summarised = FALSE;
      stop.route_from = -1;
      if (route == ATLAS_ROUTE_ALL && scene->stops->len > 0)
        stop.route_from = scene->stops->len - 1;
      else if (route == ATLAS_ROUTE_BY_TOUR && *atlas_visit_get_field (visit, ATLAS_VISIT_TOUR))
        {
          const char *tour = atlas_visit_get_field (visit, ATLAS_VISIT_TOUR);
          gpointer last;

          if (g_hash_table_lookup_extended (last_of_tour, tour, NULL, &last))
            stop.route_from = GPOINTER_TO_INT (last);
          /* The visits outlive the scene's making; the key is theirs. */
          g_hash_table_insert (last_of_tour, (gpointer) tour, GINT_TO_POINTER (scene->stops->len));
        }
      if (stop.route_from >= 0)
        scene->n_route_segments++;
      if (stop.uncertain)
        scene->n_uncertain++;
      g_array_append_val (scene->stops, stop);
    }

  /* A year of visits gives a district a hundred stops: past a few, they
   * are counted in one badge beside the first, which the route passes. */
  for (guint i = 0; i < scene->stops->len; i++)
    {
      AtlasSceneStop *stop = &g_array_index (scene->stops, AtlasSceneStop, i);
      AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, stop->area_index);

      if (sa->n_stops > ATLAS_MAP_STOPS_SHOWN && stop->before >= ATLAS_MAP_STOPS_SHOWN - 1)
        {
          stop->summarised = TRUE;
          sa->n_summarised++;
        }
    }

  for (guint i = 0; i < n_areas; i++)
    {
      AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);

      sa->dates = g_strdup (((GString *) g_ptr_array_index (dates, i))->str);
      if (sa->n_summarised > 0)
        scene->n_badges++;
      if (sa->status == ATLAS_AREA_VISITED)
        scene->n_visited++;
      else if (sa->status == ATLAS_AREA_PLANNED)
        scene->n_planned++;
    }

  scene->title = g_strdup (title && *title ? title : _("The State Secretary’s Tour of the Integration Centres"));
  scene->subtitle = g_strdup (subtitle ? subtitle : "");
  /* Translators: "47 of 54 centres visited, 3 planned". */
  scene->summary = g_strdup_printf (_("%u of %u centres visited, %u planned"),
                                    scene->n_visited, n_areas, scene->n_planned);

  return scene;
}

/**
 * atlas_map_scene_legend:
 * @entries: (out caller-allocates): filled with what the legend explains
 *
 * The legend's entries, for every output alike: the three states of a
 * district, and the stop, the uncertain stop, the badge of a district's
 * further stops and the route where the map shows them.
 *
 * Returns: the number of entries
 */
guint
atlas_map_scene_legend (const AtlasMapScene *scene,
                        AtlasLegendEntry     entries[ATLAS_N_LEGEND_KINDS])
{
  guint n = 0;

  entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_VISITED, _("Visited") };
  entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_PLANNED, _("Planned") };
  entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_NOT_VISITED, _("Not visited yet") };
  entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_STOP, _("Stop of the tour, in date order") };
  if (scene->n_uncertain > 0)
    entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_STOP_UNCERTAIN, _("Day not known") };
  if (scene->n_badges > 0)
    /* Translators: beside a badge that reads "+N" */
    entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_STOP_BADGE, _("N more stops in the district") };
  if (scene->n_route_segments > 0)
    entries[n++] = (AtlasLegendEntry) { ATLAS_LEGEND_ROUTE,
                                        scene->route == ATLAS_ROUTE_ALL ? _("Route in date order")
                                                                        : _("Route of each tour") };
  return n;
}

/**
 * atlas_map_route_mode_from_string:
 *
 * Reads "tour", "all" or "off".
 */
gboolean
atlas_map_route_mode_from_string (const char     *text,
                                  AtlasRouteMode *mode)
{
  if (g_strcmp0 (text, "tour") == 0)
    *mode = ATLAS_ROUTE_BY_TOUR;
  else if (g_strcmp0 (text, "all") == 0)
    *mode = ATLAS_ROUTE_ALL;
  else if (g_strcmp0 (text, "off") == 0)
    *mode = ATLAS_ROUTE_OFF;
  else
    return FALSE;
  return TRUE;
}

static void
scene_clear (AtlasMapScene *scene)
{
  g_array_unref (scene->areas);
  g_array_unref (scene->stops);
  g_free (scene->title);
  g_free (scene->subtitle);
  g_free (scene->summary);
}

/**
 * atlas_map_scene_ref:
 *
 * A scene never changes once made: a reference lets another thread draw it.
 */
AtlasMapScene *
atlas_map_scene_ref (AtlasMapScene *scene)
{
  return g_atomic_rc_box_acquire (scene);
}

void
atlas_map_scene_unref (AtlasMapScene *scene)
{
  if (scene != NULL)
    g_atomic_rc_box_release_full (scene, (GDestroyNotify) scene_clear);
}
