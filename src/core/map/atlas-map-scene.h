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
  const char *code;      /* a short code for where the name does not fit */
  char *dates;           /* the visits' dates, for tooltips; "" for none */
  guint n_stops;
  guint n_summarised;    /* stops drawn as one badge "+n" instead of markers */
} AtlasSceneArea;

/* An exported map's height, in multiples of its width. */
#define ATLAS_MAP_EXPORT_ASPECT 1.05

/* Every export is laid out on a canvas this wide (and 1.05 times as
 * high), then scaled to the PNG's pixels, the SVG's width or the PDF's A4
 * page: PNG, SVG and PDF place every name, code and stop alike. At 900
 * the inset names every Rhine-Ruhr city in full (at 720 five were codes),
 * and on A4 a name of 13 comes out at 7.4 points, a printed map's size. */
#define ATLAS_MAP_EXPORT_LAYOUT_WIDTH 900.0

/* The PDF's page: A4 portrait, in points, with margins of 15 mm. */
#define ATLAS_MAP_A4_WIDTH 595.276
#define ATLAS_MAP_A4_HEIGHT 841.890
#define ATLAS_MAP_A4_MARGIN 42.520

/* The smallest size of a district's name, in pixels or points, on a
 * canvas of 600 or more (a little smaller on a phone's). */
#define ATLAS_MAP_LABEL_MIN 13.0

/* The most markers an area's stops take: more than that, and all but the
 * first ATLAS_MAP_STOPS_SHOWN - 1 are summarised in a badge. */
#define ATLAS_MAP_STOPS_SHOWN 3

/* Which stops the route joins. */
typedef enum {
  ATLAS_ROUTE_BY_TOUR,   /* each tour's stops in date order; none for stops of no tour */
  ATLAS_ROUTE_ALL,       /* every stop in date order */
  ATLAS_ROUTE_OFF,
} AtlasRouteMode;

typedef struct {
  guint number;          /* 1 … n in date order, as in the visit list */
  AtlasPoint point;
  const AtlasArea *area;
  gboolean planned;
  gboolean uncertain;    /* the date is known to the week, month, year or a period only */
  guint before;          /* earlier stops in the same area: they stand side by side */
  guint area_index;      /* the area's index in the scene */
  gboolean summarised;   /* counted in the area's badge, not drawn on its own */
  int route_from;        /* the stop the route comes from, or -1 */
} AtlasSceneStop;

/* What the legend explains, the same in every output. */
typedef enum {
  ATLAS_LEGEND_VISITED,
  ATLAS_LEGEND_PLANNED,
  ATLAS_LEGEND_NOT_VISITED,
  ATLAS_LEGEND_STOP,
  ATLAS_LEGEND_STOP_UNCERTAIN,
  ATLAS_LEGEND_STOP_BADGE,     /* "+N": the stops of a district past its first few */
  ATLAS_LEGEND_ROUTE,
  ATLAS_N_LEGEND_KINDS
} AtlasLegendKind;

typedef struct {
  AtlasLegendKind kind;
  const char *label;
} AtlasLegendEntry;

typedef struct {
  guint serial;          /* tells scenes apart, for what is worked out from one */
  GArray *areas;         /* AtlasSceneArea, in geometry order */
  GArray *stops;         /* AtlasSceneStop, in date order */
  char *title;
  char *subtitle;
  char *summary;
  guint n_visited;
  guint n_planned;
  gboolean dark;
  AtlasRouteMode route;
  guint n_route_segments;
  guint n_uncertain;
  guint n_badges;        /* areas whose later stops are counted in a badge */
} AtlasMapScene;

/* A rectangle on the canvas. */
typedef struct {
  double x, y, width, height;
} AtlasMapBox;

/* Where things go on a canvas of a given size: the main map, the inset of
 * the Rhine–Ruhr area at a larger scale, the title and the legend. */
typedef struct {
  double width, height;
  double scale, offset_x, offset_y;  /* map metres → canvas */
  double map_top, map_bottom;
  double legend_y;
  double legend_x, legend_right;     /* the legend wraps within these */
  double title_size, subtitle_size, title_y, subtitle_y;
  double label_size, legend_font;
  gboolean has_inset;
  gboolean is_inset;                 /* made by atlas_map_layout_inset() */
  AtlasMapBox inset;                 /* the inset's box on the canvas */
  double inset_scale, inset_offset_x, inset_offset_y;
  double frame_min_x, frame_min_y, frame_max_x, frame_max_y;  /* the inset's frame in map metres */
  guint64 coded;                     /* areas (by index) labelled by their code */
  guint64 inset_coded;               /* … in the inset */
} AtlasMapLayout;

AtlasMapScene *atlas_map_scene_new         (GPtrArray           *visits,
                                            const char          *title,
                                            const char          *subtitle,
                                            gboolean             dark);
AtlasMapScene *atlas_map_scene_new_full    (GPtrArray           *visits,
                                            const char          *title,
                                            const char          *subtitle,
                                            gboolean             dark,
                                            AtlasRouteMode       route);
AtlasMapScene *atlas_map_scene_ref         (AtlasMapScene       *scene);
void           atlas_map_scene_unref       (AtlasMapScene       *scene);
int            atlas_map_scene_find_area   (const AtlasMapScene *scene,
                                            const char          *ags);
guint          atlas_map_scene_legend      (const AtlasMapScene *scene,
                                            AtlasLegendEntry     entries[ATLAS_N_LEGEND_KINDS]);
gboolean       atlas_map_route_mode_from_string (const char     *text,
                                            AtlasRouteMode      *mode);

void           atlas_map_layout_compute    (AtlasMapLayout      *layout,
                                            double               width,
                                            double               height);
gboolean       atlas_map_layout_inset      (const AtlasMapLayout *layout,
                                            AtlasMapLayout      *inset);
void           atlas_map_layout_frame      (const AtlasMapLayout *layout,
                                            AtlasMapBox         *frame);
void           atlas_map_inset_frame       (const AtlasMapLayout *layout,
                                            double              *min_x,
                                            double              *min_y,
                                            double              *max_x,
                                            double              *max_y);
const char    *atlas_map_layout_area_at    (const AtlasMapLayout *layout,
                                            double               cx,
                                            double               cy);
const char    *atlas_map_scene_area_at     (const AtlasMapScene *scene,
                                            const AtlasMapLayout *layout,
                                            double               cx,
                                            double               cy);
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
void           atlas_map_stops_path        (const AtlasMapScene *scene,
                                            const AtlasMapLayout *layout,
                                            cairo_t             *cr);
void           atlas_map_render_preview    (const AtlasMapScene *scene,
                                            cairo_t             *cr,
                                            double               width,
                                            double               height,
                                            gboolean             pdf);
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
char          *atlas_map_to_svg_scaled     (const AtlasMapScene *scene,
                                            double               width,
                                            double               height,
                                            double               shown_width,
                                            double               shown_height);

const char    *atlas_map_attribution       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapScene, atlas_map_scene_unref)

G_END_DECLS
