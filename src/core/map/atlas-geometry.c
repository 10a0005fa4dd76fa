/* atlas-geometry.c: the districts' outlines, projected
 *
 * The resource data/districts.txt (made by tools/geometry) holds the borders
 * as arcs shared by neighbouring districts, in ETRS89 / UTM zone 32N metres.
 * Rings are rebuilt from the arcs once, at first use; the geometry is then
 * immutable and shared by every thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "atlas-core-resources.h"
#include "atlas-geometry.h"

struct _AtlasGeometry
{
  GPtrArray *arcs;   /* GArray of AtlasPoint */
  GPtrArray *areas;  /* AtlasArea */
  double min_x, min_y, max_x, max_y;
};

/* Transverse Mercator on GRS80 (Snyder, USGS Prof. Paper 1395, p. 61):
 * zone 32, central meridian 9° E, scale 0.9996, false easting 500 km.
 * Good to well under a metre inside NRW. */
void
atlas_project_utm32 (double  lon,
                     double  lat,
                     double *x,
                     double *y)
{
  const double a = 6378137.0, f = 1.0 / 298.257222101, k0 = 0.9996;
  const double e2 = f * (2 - f), e4 = e2 * e2, e6 = e4 * e2, ep2 = e2 / (1 - e2);
  double phi = lat * G_PI / 180.0;
  double dl = (lon - 9.0) * G_PI / 180.0;
  double s = sin (phi), c = cos (phi), t = tan (phi);
  double N = a / sqrt (1 - e2 * s * s);
  double T = t * t, C = ep2 * c * c, A = dl * c;
  double M = a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
                  - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * sin (2 * phi)
                  + (15 * e4 / 256 + 45 * e6 / 1024) * sin (4 * phi)
                  - (35 * e6 / 3072) * sin (6 * phi));

  *x = 500000.0 + k0 * N * (A + (1 - T + C) * pow (A, 3) / 6
                            + (5 - 18 * T + T * T + 72 * C - 58 * ep2) * pow (A, 5) / 120);
  *y = k0 * (M + N * t * (A * A / 2 + (5 - T + 9 * C + 4 * C * C) * pow (A, 4) / 24
                          + (61 - 58 * T + T * T + 600 * C - 330 * ep2) * pow (A, 6) / 720));
}

static GArray *
parse_points (const char *text)
{
  g_auto(GStrv) pairs = g_strsplit (text, " ", -1);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  for (guint i = 0; pairs[i]; i++)
    {
      AtlasPoint p;
      char *comma = strchr (pairs[i], ',');

      if (comma == NULL)
        continue;
      p.x = g_ascii_strtod (pairs[i], NULL);
      p.y = g_ascii_strtod (comma + 1, NULL);
      g_array_append_val (points, p);
    }

  return points;
}

static double
ring_area (GArray *ring)
{
  double sum = 0;

  for (guint i = 0; i + 1 < ring->len; i++)
    {
      AtlasPoint *p = &g_array_index (ring, AtlasPoint, i);
      AtlasPoint *q = &g_array_index (ring, AtlasPoint, i + 1);

      sum += p->x * q->y - q->x * p->y;
    }
  return sum / 2;
}

/* One ring from its arcs: each arc after the first starts where the last
 * one ended, so its first point is left out. */
static GArray *
build_ring (AtlasGeometry *self,
            AtlasArea     *area,
            const char    *refs_text)
{
  g_auto(GStrv) refs = g_strsplit (refs_text, " ", -1);
  GArray *ring = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  for (guint i = 0; refs[i]; i++)
    {
      gboolean reversed = refs[i][0] == '~';
      int index = atoi (refs[i] + (reversed ? 1 : 0));
      GArray *arc;
      int ref = reversed ? ~index : index;

      if (*refs[i] == '\0' || index < 0 || (guint) index >= self->arcs->len)
        continue;

      g_array_append_val (area->arc_refs, ref);
      arc = g_ptr_array_index (self->arcs, index);
      for (guint k = 0; k < arc->len; k++)
        {
          guint j = reversed ? arc->len - 1 - k : k;

          if (ring->len > 0 && k == 0)
            continue;
          g_array_append_val (ring, g_array_index (arc, AtlasPoint, j));
        }
    }

  return ring;
}

static void
area_free (AtlasArea *area)
{
  g_free (area->ags);
  g_free (area->name);
  g_ptr_array_unref (area->rings);
  g_array_unref (area->arc_refs);
  g_free (area);
}

static AtlasArea *
parse_area (AtlasGeometry  *self,
            char          **fields)
{
  AtlasArea *area = g_new0 (AtlasArea, 1);
  g_auto(GStrv) polygons = g_strsplit (fields[4], "|", -1);
  char *comma = strchr (fields[3], ',');

  area->ags = g_strdup (fields[1]);
  area->name = g_strdup (fields[2]);
  area->label.x = g_ascii_strtod (fields[3], NULL);
  area->label.y = comma ? g_ascii_strtod (comma + 1, NULL) : 0;
  area->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  area->arc_refs = g_array_new (FALSE, FALSE, sizeof (int));
  area->min_x = area->min_y = G_MAXDOUBLE;
  area->max_x = area->max_y = -G_MAXDOUBLE;

  for (guint p = 0; polygons[p]; p++)
    {
      g_auto(GStrv) rings = g_strsplit (polygons[p], ";", -1);

      for (guint r = 0; rings[r]; r++)
        {
          GArray *ring = build_ring (self, area, rings[r]);

          /* Outer rings add area, holes take it away. */
          area->area_m2 += (r == 0 ? 1 : -1) * fabs (ring_area (ring));
          for (guint i = 0; i < ring->len; i++)
            {
              AtlasPoint *pt = &g_array_index (ring, AtlasPoint, i);

              area->min_x = MIN (area->min_x, pt->x);
              area->min_y = MIN (area->min_y, pt->y);
              area->max_x = MAX (area->max_x, pt->x);
              area->max_y = MAX (area->max_y, pt->y);
            }
          g_ptr_array_add (area->rings, ring);
        }
    }

  return area;
}

static AtlasGeometry *
load (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  AtlasGeometry *self = g_new0 (AtlasGeometry, 1);

  self->arcs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_free);

  /* Referencing the resource links the object file that registers it, also
   * in programs that use the map without the store. Ours, compiled in: its
   * absence is a build error, not a user's. */
  (void) atlas_core_get_resource ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/core/data/districts.txt", 0, NULL);
  g_assert (bytes != NULL);

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);

      if (g_str_equal (fields[0], "arc") && fields[1] != NULL)
        g_ptr_array_add (self->arcs, parse_points (fields[1]));
      else if (g_str_equal (fields[0], "area") && g_strv_length (fields) == 5)
        g_ptr_array_add (self->areas, parse_area (self, fields));
      else if (g_str_equal (fields[0], "bounds") && g_strv_length (fields) == 5)
        {
          self->min_x = g_ascii_strtod (fields[1], NULL);
          self->min_y = g_ascii_strtod (fields[2], NULL);
          self->max_x = g_ascii_strtod (fields[3], NULL);
          self->max_y = g_ascii_strtod (fields[4], NULL);
        }
    }

  return self;
}

/**
 * atlas_geometry_get_default:
 *
 * Returns: (transfer none): the districts of NRW, loaded once per process
 */
const AtlasGeometry *
atlas_geometry_get_default (void)
{
  static gsize initialized = 0;
  static AtlasGeometry *geometry = NULL;

  if (g_once_init_enter (&initialized))
    {
      geometry = load ();
      g_once_init_leave (&initialized, 1);
    }

  return geometry;
}

guint
atlas_geometry_get_n_areas (const AtlasGeometry *self)
{
  return self->areas->len;
}

const GArray *
atlas_geometry_get_arc (const AtlasGeometry *self,
                        guint                index)
{
  g_return_val_if_fail (index < self->arcs->len, NULL);
  return g_ptr_array_index (self->arcs, index);
}

guint
atlas_geometry_get_n_arcs (const AtlasGeometry *self)
{
  return self->arcs->len;
}

const AtlasArea *
atlas_geometry_get_area (const AtlasGeometry *self,
                         guint                index)
{
  g_return_val_if_fail (index < self->areas->len, NULL);

  return g_ptr_array_index (self->areas, index);
}

const AtlasArea *
atlas_geometry_find_area (const AtlasGeometry *self,
                          const char          *ags)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      const AtlasArea *area = g_ptr_array_index (self->areas, i);

      if (g_strcmp0 (area->ags, ags) == 0)
        return area;
    }

  return NULL;
}

void
atlas_geometry_get_bounds (const AtlasGeometry *self,
                           double              *min_x,
                           double              *min_y,
                           double              *max_x,
                           double              *max_y)
{
  *min_x = self->min_x;
  *min_y = self->min_y;
  *max_x = self->max_x;
  *max_y = self->max_y;
}

/* Even-odd crossing test over all rings: holes count as outside. */
gboolean
atlas_area_contains (const AtlasArea *area,
                     double           x,
                     double           y)
{
  gboolean inside = FALSE;

  if (x < area->min_x || x > area->max_x || y < area->min_y || y > area->max_y)
    return FALSE;

  for (guint r = 0; r < area->rings->len; r++)
    {
      GArray *ring = g_ptr_array_index (area->rings, r);

      for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
        {
          AtlasPoint *pi = &g_array_index (ring, AtlasPoint, i);
          AtlasPoint *pj = &g_array_index (ring, AtlasPoint, j);

          if (((pi->y > y) != (pj->y > y)) &&
              (x < (pj->x - pi->x) * (y - pi->y) / (pj->y - pi->y) + pi->x))
            inside = !inside;
        }
    }

  return inside;
}

/**
 * atlas_geometry_area_at:
 *
 * Returns: (nullable): the area at the projected point, for hit testing
 */
const AtlasArea *
atlas_geometry_area_at (const AtlasGeometry *self,
                        double               x,
                        double               y)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      const AtlasArea *area = g_ptr_array_index (self->areas, i);

      if (atlas_area_contains (area, x, y))
        return area;
    }

  return NULL;
}
