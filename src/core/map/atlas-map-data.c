/* atlas-map-data.c: the tour per district as data for Datawrapper, QGIS
 * and uMap
 *
 * The CSV has one row per district (53), keyed by the five-digit AGS as
 * text with its leading zero, and a .csvt beside it that tells QGIS every
 * column's type, so "05315" stays a text. District maps, Datawrapper's
 * "Deutschland › Landkreise" among them, have one area 05334 for the
 * Städteregion Aachen with the city inside it: that row counts the visits
 * of both Aachen centres.
 *
 * The GeoJSON has the 54 areas the app draws, Stadt Aachen (05334002) and
 * the Städteregion apart, with the same attributes. RFC 7946 wants WGS 84
 * longitude/latitude and exterior rings counter-clockwise; the app keeps
 * its geometry in ETRS89 / UTM zone 32N (EPSG:25832) metres, so every
 * point is projected back with the inverse transverse Mercator in
 * Krüger's series to the third power of n (as in Karney, "Transverse
 * Mercator with an accuracy of a few nanometers", 2011): the terms left
 * out are below 0.1 mm, far finer than the metre-rounded, simplified
 * borders, and ETRS89 and WGS 84 differ by less than a metre, which
 * RFC 7946 accepts. Closed form, no PROJ database to ship; the tests
 * compare it with PROJ where PROJ is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-map-data.h"
#include "atlas-map-scene.h"
#include "atlas-visit.h"

/* Stadt Aachen lies inside the Städteregion, whose key districts use. */
#define AACHEN_CITY "05334002"
#define AACHEN_REGION "05334"

typedef struct {
  const AtlasArea *area;
  AtlasAreaStatus status;
  guint n_done;
  guint n_planned;
  const char *first;     /* dates as stored, of done visits */
  const char *last;
  const char *first_sort;
  const char *last_sort;
} AreaRow;

static const char *
status_code (AtlasAreaStatus status)
{
  switch (status)
    {
    case ATLAS_AREA_VISITED:
      return "visited";
    case ATLAS_AREA_PLANNED:
      return "planned";
    case ATLAS_AREA_NOT_VISITED:
    default:
      return "not_visited";
    }
}

static const char *
status_label (AtlasAreaStatus status)
{
  switch (status)
    {
    case ATLAS_AREA_VISITED:
      return _("visited");
    case ATLAS_AREA_PLANNED:
      return _("planned");
    case ATLAS_AREA_NOT_VISITED:
    default:
      return _("not visited");
    }
}

/* One row per area, in the geometry's order; the borrowed strings live as
 * long as @visits. Status as the map shows it; suggested visits count
 * nowhere, as on the map. */
static GArray *
collect_rows (GPtrArray *visits)
{
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (visits, NULL, NULL, FALSE);
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (AreaRow), scene->areas->len);

  for (guint i = 0; i < scene->areas->len; i++)
    {
      const AtlasSceneArea *sa = &g_array_index (scene->areas, AtlasSceneArea, i);
      AreaRow row = { sa->area, sa->status, 0, 0, NULL, NULL, NULL, NULL };

      g_array_append_val (rows, row);
    }

  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (visits, i);
      const char *status = atlas_visit_get_field (visit, ATLAS_VISIT_STATUS);
      const char *sort = atlas_visit_get_field (visit, ATLAS_VISIT_SORT_DATE);
      int index = atlas_map_scene_find_area (scene, atlas_visit_get_field (visit, ATLAS_VISIT_AGS));
      AreaRow *row;

      if (index < 0)
        continue;
      row = &g_array_index (rows, AreaRow, index);
      if (g_str_equal (status, "planned"))
        row->n_planned++;
      else if (g_str_equal (status, "done"))
        {
          row->n_done++;
          if (row->first_sort == NULL || strcmp (sort, row->first_sort) < 0)
            {
              row->first_sort = sort;
              row->first = atlas_visit_get_field (visit, ATLAS_VISIT_DATE);
            }
          if (row->last_sort == NULL || strcmp (sort, row->last_sort) >= 0)
            {
              row->last_sort = sort;
              row->last = atlas_visit_get_field (visit, ATLAS_VISIT_DATE);
            }
        }
    }

  return rows;
}

/* The Städteregion's row with Stadt Aachen's visits added. */
static void
merge_row (AreaRow       *into,
           const AreaRow *from)
{
  into->status = MAX (into->status, from->status);
  into->n_done += from->n_done;
  into->n_planned += from->n_planned;
  if (from->first_sort && (into->first_sort == NULL || strcmp (from->first_sort, into->first_sort) < 0))
    {
      into->first_sort = from->first_sort;
      into->first = from->first;
    }
  if (from->last_sort && (into->last_sort == NULL || strcmp (from->last_sort, into->last_sort) >= 0))
    {
      into->last_sort = from->last_sort;
      into->last = from->last;
    }
}

gboolean
atlas_map_data_format_for_path (const char         *path,
                                AtlasMapDataFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = ATLAS_MAP_DATA_CSV;
  else if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    *format = ATLAS_MAP_DATA_GEOJSON;
  else
    return FALSE;
  return TRUE;
}

/* CSV ---------------------------------------------------------------------------- */

static const char * const columns[] = {
  "ags", "name", "status", "status_label", "visits", "planned", "first_visit", "last_visit",
};

/* The values of a row, in the order of columns[]: a text (NULL when
 * unknown) or a count. */
typedef struct {
  const char *text;
  int count;             /* -1: the value is the text */
} Cell;

static void
row_cells (const AreaRow *row,
           Cell           cells[G_N_ELEMENTS (columns)])
{
  const Cell values[] = {
    { row->area->ags, -1 }, { row->area->name, -1 },
    { status_code (row->status), -1 }, { status_label (row->status), -1 },
    { NULL, (int) row->n_done }, { NULL, (int) row->n_planned },
    { row->first, -1 }, { row->last, -1 },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (columns));
  memcpy (cells, values, sizeof values);
}

/* Every text quoted (RFC 4180), so no reader takes a key for a number. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * atlas_map_data_to_csv:
 * @visits: (element-type AtlasVisit): the visits, in date order
 *
 * Returns: (transfer full): one row per district, with a header
 */
char *
atlas_map_data_to_csv (GPtrArray *visits)
{
  g_autoptr(GArray) rows = collect_rows (visits);
  GString *out = g_string_new (NULL);
  AreaRow *region = NULL;
  const AreaRow *city = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      AreaRow *row = &g_array_index (rows, AreaRow, i);

      if (g_str_equal (row->area->ags, AACHEN_REGION))
        region = row;
      else if (g_str_equal (row->area->ags, AACHEN_CITY))
        city = row;
    }
  if (region != NULL && city != NULL)
    merge_row (region, city);

  g_string_append (out, columns[0]);
  for (guint c = 1; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, ",%s", columns[c]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const AreaRow *row = &g_array_index (rows, AreaRow, i);

      Cell cells[G_N_ELEMENTS (columns)];

      if (row == city)
        continue;
      row_cells (row, cells);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          if (cells[c].count >= 0)
            g_string_append_printf (out, "%d", cells[c].count);
          else
            append_quoted (out, cells[c].text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/**
 * atlas_map_data_csvt:
 *
 * Returns: (transfer full): the column types of atlas_map_data_to_csv()
 *   as QGIS reads them from a .csvt file of the same name. The dates are
 *   texts: a visit may be known only to its month (2019-08), week
 *   (2017-W31) or year, or last several days (start/end), all ISO 8601.
 */
char *
atlas_map_data_csvt (void)
{
  return g_strdup ("\"String\",\"String\",\"String\",\"String\",\"Integer\",\"Integer\",\"String\",\"String\"\r\n");
}

/* GeoJSON ------------------------------------------------------------------------ */

/**
 * atlas_utm32_to_wgs84:
 *
 * ETRS89 / UTM zone 32N metres to longitude and latitude in degrees:
 * the inverse transverse Mercator on GRS80 by Krüger's series.
 */
void
atlas_utm32_to_wgs84 (double  x,
                      double  y,
                      double *lon,
                      double *lat)
{
  const double a = 6378137.0, f = 1.0 / 298.257222101, k0 = 0.9996;
  const double n = f / (2 - f), n2 = n * n, n3 = n2 * n;
  const double A = a / (1 + n) * (1 + n2 / 4 + n2 * n2 / 64);
  const double beta[] = { n / 2 - 2 * n2 / 3 + 37 * n3 / 96, n2 / 48 + n3 / 15, 17 * n3 / 480 };
  const double delta[] = { 2 * n - 2 * n2 / 3 - 2 * n3, 7 * n2 / 3 - 8 * n3 / 5, 56 * n3 / 15 };
  double xi = y / (k0 * A);
  double eta = (x - 500000.0) / (k0 * A);
  double xi1 = xi, eta1 = eta, chi, phi;

  for (int j = 1; j <= 3; j++)
    {
      xi1 -= beta[j - 1] * sin (2 * j * xi) * cosh (2 * j * eta);
      eta1 -= beta[j - 1] * cos (2 * j * xi) * sinh (2 * j * eta);
    }

  chi = asin (sin (xi1) / cosh (eta1));
  phi = chi;
  for (int j = 1; j <= 3; j++)
    phi += delta[j - 1] * sin (2 * j * chi);

  *lat = phi * 180.0 / G_PI;
  *lon = 9.0 + atan2 (sinh (eta1), cos (xi1)) * 180.0 / G_PI;
}

static void
append_json_text (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Even-odd test, in the projected plane. */
static gboolean
ring_contains (GArray          *ring,
               const AtlasPoint *pt)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
    {
      const AtlasPoint *p = &g_array_index (ring, AtlasPoint, i);
      const AtlasPoint *q = &g_array_index (ring, AtlasPoint, j);

      if ((p->y > pt->y) != (q->y > pt->y) &&
          pt->x < (q->x - p->x) * (pt->y - p->y) / (q->y - p->y) + p->x)
        inside = !inside;
    }
  return inside;
}

/* A ring in longitude/latitude, turned counter-clockwise (@exterior) or
 * clockwise (a hole), as RFC 7946 3.1.6 asks. */
static void
append_ring (GString *out,
             GArray  *ring,
             gboolean exterior)
{
  g_autofree double *lonlat = g_new (double, 2 * ring->len);
  double twice_area = 0;
  gboolean reverse;

  for (guint i = 0; i < ring->len; i++)
    {
      AtlasPoint *p = &g_array_index (ring, AtlasPoint, i);

      atlas_utm32_to_wgs84 (p->x, p->y, &lonlat[2 * i], &lonlat[2 * i + 1]);
    }
  for (guint i = 0; i + 1 < ring->len; i++)
    twice_area += lonlat[2 * i] * lonlat[2 * i + 3] - lonlat[2 * i + 2] * lonlat[2 * i + 1];
  reverse = exterior ? twice_area < 0 : twice_area > 0;

  g_string_append_c (out, '[');
  for (guint k = 0; k < ring->len; k++)
    {
      guint i = reverse ? ring->len - 1 - k : k;
      char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

      /* Six decimals: about 0.1 m, finer than the borders. */
      g_ascii_formatd (lon, sizeof lon, "%.6f", lonlat[2 * i]);
      g_ascii_formatd (lat, sizeof lat, "%.6f", lonlat[2 * i + 1]);
      g_string_append_printf (out, "%s[%s,%s]", k ? "," : "", lon, lat);
    }
  g_string_append_c (out, ']');
}

/* The area's rings as a MultiPolygon: a ring inside an odd number of the
 * area's other rings is a hole of the smallest ring around it. */
static void
append_geometry (GString         *out,
                 const AtlasArea *area)
{
  guint n = area->rings->len;
  g_autofree int *parent = g_new (int, n);
  gboolean first_polygon = TRUE;

  for (guint i = 0; i < n; i++)
    {
      GArray *ring = g_ptr_array_index (area->rings, i);
      const AtlasPoint *pt = &g_array_index (ring, AtlasPoint, 0);
      guint depth = 0;
      double smallest = G_MAXDOUBLE;

      parent[i] = -1;
      for (guint j = 0; j < n; j++)
        {
          GArray *other = g_ptr_array_index (area->rings, j);
          double size = 0;

          if (j == i || !ring_contains (other, pt))
            continue;
          depth++;
          for (guint k = 0; k + 1 < other->len; k++)
            size += g_array_index (other, AtlasPoint, k).x * g_array_index (other, AtlasPoint, k + 1).y -
                    g_array_index (other, AtlasPoint, k + 1).x * g_array_index (other, AtlasPoint, k).y;
          if (fabs (size) < smallest)
            {
              smallest = fabs (size);
              parent[i] = j;
            }
        }
      if (depth % 2 == 0)
        parent[i] = -1;
    }

  g_string_append (out, "{\"type\":\"MultiPolygon\",\"coordinates\":[");
  for (guint i = 0; i < n; i++)
    {
      if (parent[i] >= 0)
        continue;
      g_string_append (out, first_polygon ? "[" : ",[");
      first_polygon = FALSE;
      append_ring (out, g_ptr_array_index (area->rings, i), TRUE);
      for (guint h = 0; h < n; h++)
        if (parent[h] == (int) i)
          {
            g_string_append_c (out, ',');
            append_ring (out, g_ptr_array_index (area->rings, h), FALSE);
          }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}");
}

/**
 * atlas_map_data_to_geojson:
 * @visits: (element-type AtlasVisit): the visits, in date order
 *
 * Returns: (transfer full): a FeatureCollection of the 54 areas
 */
char *
atlas_map_data_to_geojson (GPtrArray *visits)
{
  g_autoptr(GArray) rows = collect_rows (visits);
  GString *out = g_string_new ("{\"type\":\"FeatureCollection\",\n\"name\":\"integrationsatlas\",\n\"attribution\":");

  /* A foreign member (RFC 7946 6.1) keeps the licence's attribution in the file. */
  append_json_text (out, atlas_map_attribution ());
  g_string_append (out, ",\n\"features\":[\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const AreaRow *row = &g_array_index (rows, AreaRow, i);
      Cell cells[G_N_ELEMENTS (columns)];

      g_string_append (out, i > 0 ? ",\n{\"type\":\"Feature\",\"id\":" : "{\"type\":\"Feature\",\"id\":");
      append_json_text (out, row->area->ags);
      row_cells (row, cells);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_string_append (out, c == 0 ? ",\"properties\":{" : ",");
          append_json_text (out, columns[c]);
          g_string_append_c (out, ':');
          if (cells[c].count >= 0)
            g_string_append_printf (out, "%d", cells[c].count);
          else if (cells[c].text != NULL)
            append_json_text (out, cells[c].text);
          else
            g_string_append (out, "null");
        }
      g_string_append (out, ",\"attribution\":");
      append_json_text (out, atlas_map_attribution ());
      g_string_append (out, "},\"geometry\":");
      append_geometry (out, row->area);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n]}\n");

  return g_string_free (out, FALSE);
}

static gboolean
replace_contents (GFile         *file,
                  const char    *text,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

/**
 * atlas_map_data_write:
 * @file: a .csv file (its .csvt is written beside it) or a .geojson one
 */
gboolean
atlas_map_data_write (GPtrArray     *visits,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  AtlasMapDataFormat format;

  if (!atlas_map_data_format_for_path (name, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The file name must end in .csv or .geojson"));
      return FALSE;
    }

  if (format == ATLAS_MAP_DATA_GEOJSON)
    {
      text = atlas_map_data_to_geojson (visits);
      return replace_contents (file, text, cancellable, error);
    }

  text = atlas_map_data_to_csv (visits);
  if (!replace_contents (file, text, cancellable, error))
    return FALSE;

  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *csvt_name = g_strconcat (name, "t", NULL);
    g_autoptr(GFile) csvt = g_file_get_child (parent, csvt_name);
    g_autofree char *types = atlas_map_data_csvt ();

    return replace_contents (csvt, types, cancellable, error);
  }
}
