/* atlas-map-private.h: shared by the scene and its outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-map-scene.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b;
} AtlasRgb;

typedef struct {
  AtlasRgb background, text, dim_text;
  AtlasRgb not_visited, visited, planned;
  AtlasRgb border, route, stop, stop_text;
  AtlasRgb highlight;  /* outlines of the district hovered, chosen or focused: in no legend entry */
} AtlasPalette;

const AtlasPalette *atlas_map_palette        (gboolean              dark);
const char         *atlas_map_short_name     (const char           *ags);
double              atlas_map_stop_radius    (const AtlasMapLayout *layout);
double              atlas_map_label_size     (const AtlasSceneArea *area,
                                              double                unit);
double              atlas_map_label_halo     (double                unit);
double              atlas_map_route_width    (double                unit);
AtlasPoint         *atlas_map_place_labels   (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout);
gboolean            atlas_map_route_segment  (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 index,
                                              double               *x0,
                                              double               *y0,
                                              double               *x1,
                                              double               *y1);
void                atlas_map_stop_position  (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 index,
                                              double               *cx,
                                              double               *cy);

G_END_DECLS
