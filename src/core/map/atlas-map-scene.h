/* atlas-map-scene.h: what the tour map shows, computed once for all outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-geometry.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_AREA_NOT_VISITED,
  ATLAS_AREA_PLANNED,
  ATLAS_AREA_VISITED,
} AtlasAreaStatus;

typedef struct {
  const AtlasArea *area;
  AtlasAreaStatus status;
  char *label;           /* the name, or a short code for a small city */
  gboolean short_label;
  char *dates;           /* the visits' dates, for tooltips; "" for none */
  guint n_stops;
} AtlasSceneArea;

typedef struct {
  guint number;          /* 1 … n in date order, as in the visit list */
  AtlasPoint point;
  const AtlasArea *area;
  gboolean planned;
  guint before;          /* earlier stops in the same area: they stand side by side */
} AtlasSceneStop;

typedef struct {
  GArray *areas;         /* AtlasSceneArea, in geometry order */
  GArray *stops;         /* AtlasSceneStop, in date order */
  char *title;
  char *subtitle;
  char *summary;
  guint n_visited;
  guint n_planned;
  gboolean dark;
} AtlasMapScene;

/* Where things go on a canvas of a given size. */
typedef struct {
  double width, height;
  double scale, offset_x, offset_y;  /* map metres → canvas */
  double map_top, map_bottom;
  double legend_y;
} AtlasMapLayout;

AtlasMapScene *atlas_map_scene_new         (GPtrArray           *visits,
                                            const char          *title,
                                            const char          *subtitle,
                                            gboolean             dark);
AtlasMapScene *atlas_map_scene_ref         (AtlasMapScene       *scene);
void           atlas_map_scene_unref       (AtlasMapScene       *scene);
int            atlas_map_scene_find_area   (const AtlasMapScene *scene,
                                            const char          *ags);

void           atlas_map_layout_compute    (AtlasMapLayout      *layout,
                                            double               width,
                                            double               height);
void           atlas_map_layout_to_canvas  (const AtlasMapLayout *layout,
                                            double               x,
                                            double               y,
                                            double              *cx,
                                            double              *cy);
void           atlas_map_layout_to_map     (const AtlasMapLayout *layout,
                                            double               cx,
                                            double               cy,
                                            double              *x,
                                            double              *y);

void           atlas_map_area_path         (cairo_t             *cr,
                                            const AtlasMapLayout *layout,
                                            const AtlasArea     *area);
void           atlas_map_render            (const AtlasMapScene *scene,
                                            cairo_t             *cr,
                                            double               width,
                                            double               height,
                                            const char          *highlight_ags);

gboolean       atlas_map_export            (const AtlasMapScene *scene,
                                            GFile               *file,
                                            double               width,
                                            GError             **error);
char          *atlas_map_to_svg            (const AtlasMapScene *scene,
                                            double               width,
                                            double               height);

const char    *atlas_map_attribution       (void);
char          *atlas_format_visit_date     (const char          *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapScene, atlas_map_scene_unref)

G_END_DECLS
