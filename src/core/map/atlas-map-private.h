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

/* A district's name (or code) where the map puts it. */
typedef struct {
  AtlasPoint at;         /* the middle of the text */
  const char *text;      /* NULL: not labelled here */
  double size;
} AtlasMapLabel;

/* Where a legend entry goes: its symbol's top left corner. */
typedef struct {
  double x, y, symbol_width;
} AtlasLegendPlace;

const AtlasPalette *atlas_map_palette        (gboolean              dark);
const char         *atlas_map_short_name     (const char           *ags);
double              atlas_map_text_width     (const char           *text,
                                              double                size);
double              atlas_map_stop_radius    (const AtlasMapLayout *layout);
double              atlas_map_label_halo     (double                unit);
double              atlas_map_route_width    (double                unit);
const char         *atlas_map_layout_label   (const AtlasMapLayout *layout,
                                              guint                 index,
                                              const AtlasArea      *area,
                                              double               *size);
gboolean            atlas_map_layout_shows   (const AtlasMapLayout *layout,
                                              const AtlasArea      *area);
AtlasMapLabel      *atlas_map_place_labels   (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout);
double              atlas_map_legend_box     (const AtlasMapLayout *layout);
const char         *atlas_map_legend_badge_text (void);
double              atlas_map_legend_badge_width (const AtlasMapLayout *layout);
double              atlas_map_legend_place   (const AtlasMapLayout *layout,
                                              const AtlasLegendEntry *entries,
                                              guint                 n_entries,
                                              AtlasLegendPlace     *places);
const char         *atlas_map_layout_code    (const AtlasMapLayout *layout,
                                              const AtlasArea      *area,
                                              double               *size);
char              **atlas_map_key_lines      (const AtlasMapLayout *layout,
                                              const AtlasMapLabel  *labels,
                                              const AtlasMapLabel  *inset_labels);
char              **atlas_map_key_fit        (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              AtlasMapLabel        *labels,
                                              AtlasMapLabel        *inset_labels);
const char         *atlas_map_inset_caption  (void);
gboolean            atlas_map_route_segment  (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 index,
                                              double               *x0,
                                              double               *y0,
                                              double               *x1,
                                              double               *y1);
gboolean            atlas_map_stop_badge     (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 area_index,
                                              AtlasMapBox          *box,
                                              char                  text[16]);
double              atlas_map_stop_number_size (double              r,
                                              guint                 number);
gboolean            atlas_map_stops_hidden   (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 area_index);
gboolean            atlas_map_stop_drawn     (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 index);
void                atlas_map_stop_position  (const AtlasMapScene  *scene,
                                              const AtlasMapLayout *layout,
                                              guint                 index,
                                              double               *cx,
                                              double               *cy);

G_END_DECLS
