/* atlas-map-data.h: the tour per district as data for Datawrapper, QGIS
 * and uMap: CSV keyed by AGS, GeoJSON of the areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_MAP_DATA_CSV,
  ATLAS_MAP_DATA_GEOJSON,
} AtlasMapDataFormat;

gboolean  atlas_map_data_format_for_path (const char          *path,
                                          AtlasMapDataFormat  *format);
char     *atlas_map_data_to_csv          (GPtrArray           *visits);
char     *atlas_map_data_csvt            (void);
char     *atlas_map_data_to_geojson      (GPtrArray           *visits);
gboolean  atlas_map_data_write           (GPtrArray           *visits,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GError             **error);
void      atlas_utm32_to_wgs84           (double               x,
                                          double               y,
                                          double              *lon,
                                          double              *lat);

G_END_DECLS
