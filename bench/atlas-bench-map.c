/* atlas-bench-map.c: drawing the tour map
 *
 *   atlas-bench-map [--rounds N]
 *
 * At 1200 × 1200, with 54 areas, labels and 500 stops, alternating:
 * - plain: filling and stroking the 54 district paths with cairo, nothing else;
 * - scene: atlas_map_render(), the whole map from a computed scene (what an
 *   export or a resize costs);
 * - frame: what the map widget does per frame while hovering or panning:
 *   paint its cached image of the scene and outline one district;
 * - zoom: a frame while zooming: the cached image scaled (the map is drawn
 *   afresh once the zoom rests);
 * - deep: that fresh drawing at 8× zoom, of the part on screen only.
 * Reports medians.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-map-scene.h"
#include "atlas-visit.h"
#include "bench-run.h"

#define SIZE 1200

static void
fill_plain (cairo_t *cr)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  AtlasMapLayout layout;

  atlas_map_layout_compute (&layout, SIZE, SIZE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < atlas_geometry_get_n_areas (geometry); i++)
    {
      atlas_map_area_path (cr, &layout, atlas_geometry_get_area (geometry, i));
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_stroke (cr);
    }
}

/* The hover outline, as the widget draws it. */
static void
outline (cairo_t         *cr,
         const AtlasArea *area)
{
  AtlasMapLayout layout;

  atlas_map_layout_compute (&layout, SIZE, SIZE);
  atlas_map_area_path (cr, &layout, area);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

int
main (int    argc,
      char **argv)
{
  int rounds = 30;
  const GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Repetitions (default 30)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (54);
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deep = g_array_new (FALSE, FALSE, sizeof (double));
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
  AtlasMapScene *scene;
  cairo_surface_t *target, *cache;
  cairo_t *cache_cr;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL))
    return 2;

  for (int i = 0; i < 500; i++)
    {
      AtlasVisit *v = atlas_visit_new ();
      const AtlasArea *area = atlas_geometry_get_area (geometry, g_rand_int_range (rand, 0, 54));
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", 2017 + i / 120, 1 + (i / 10) % 12, 1 + i % 28);

      atlas_visit_set_field (v, ATLAS_VISIT_AGS, area->ags);
      atlas_visit_set_field (v, ATLAS_VISIT_DATE, date);
      atlas_visit_set_field (v, ATLAS_VISIT_SORT_DATE, date);
      atlas_visit_set_field (v, ATLAS_VISIT_STATUS, i % 7 ? "done" : "planned");
      g_ptr_array_add (visits, v);
    }
  scene = atlas_map_scene_new (visits, NULL, NULL, FALSE);

  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cache_cr = cairo_create (cache);
  atlas_map_render (scene, cache_cr, SIZE, SIZE, NULL);
  cairo_destroy (cache_cr);

  for (int r = 0; r < rounds; r++)
    {
      cairo_t *cr;
      gint64 t0;
      double ms;

      cr = cairo_create (target);
      t0 = g_get_monotonic_time ();
      fill_plain (cr);
      cairo_surface_flush (target);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (plain, ms);
      cairo_destroy (cr);

      cr = cairo_create (target);
      t0 = g_get_monotonic_time ();
      atlas_map_render (scene, cr, SIZE, SIZE, NULL);
      cairo_surface_flush (target);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (full, ms);
      cairo_destroy (cr);

      cr = cairo_create (target);
      t0 = g_get_monotonic_time ();
      cairo_set_source_surface (cr, cache, 0, 0);
      cairo_paint (cr);
      outline (cr, atlas_geometry_find_area (geometry, "05315"));
      cairo_surface_flush (target);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (frame, ms);
      cairo_destroy (cr);

      /* While zooming: the cached image scaled, until the zoom rests. */
      cr = cairo_create (target);
      t0 = g_get_monotonic_time ();
      cairo_scale (cr, 1.25, 1.25);
      cairo_set_source_surface (cr, cache, -120, -120);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_surface_flush (target);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (zoom, ms);
      cairo_destroy (cr);

      /* Once the zoom rests at 8×: the screen's part of a canvas 8× as big. */
      cr = cairo_create (target);
      t0 = g_get_monotonic_time ();
      cairo_translate (cr, -4 * SIZE, -4 * SIZE);
      atlas_map_render (scene, cr, 8 * SIZE, 8 * SIZE, NULL);
      cairo_surface_flush (target);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (deep, ms);
      cairo_destroy (cr);
    }

  g_print ("1200 x 1200, 54 areas, %u stops, medians of %d alternating rounds\n", scene->stops->len, rounds);
  g_print ("plain fill + stroke of the 54 paths:  %6.2f ms\n", bench_median (plain));
  g_print ("whole map from the scene:             %6.2f ms  (%.1fx plain)\n",
           bench_median (full), bench_median (full) / bench_median (plain));
  g_print ("widget frame (cached map + outline):  %6.2f ms  (%.2fx plain)\n",
           bench_median (frame), bench_median (frame) / bench_median (plain));
  g_print ("zoom frame (cached map scaled 1.25x):  %6.2f ms  (%.2fx plain)\n",
           bench_median (zoom), bench_median (zoom) / bench_median (plain));
  g_print ("sharp redraw at 8x zoom (screen only): %6.2f ms  (%.1fx plain)\n",
           bench_median (deep), bench_median (deep) / bench_median (plain));

  cairo_surface_destroy (target);
  cairo_surface_destroy (cache);
  atlas_map_scene_unref (scene);
  return 0;
}
