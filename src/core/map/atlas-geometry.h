/* atlas-geometry.h: the districts' outlines, projected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
} AtlasPoint;

typedef struct {
  char *ags;
  char *name;
  AtlasPoint label;      /* well inside the area, for its name and stop */
  GPtrArray *rings;      /* GArray of AtlasPoint each, closed; fill even-odd */
  GArray *arc_refs;      /* int: the arcs of all rings, ~n for arc n reversed */
  double min_x, min_y, max_x, max_y;
  double area_m2;
} AtlasArea;

typedef struct _AtlasGeometry AtlasGeometry;

const AtlasGeometry *atlas_geometry_get_default (void);
guint                atlas_geometry_get_n_areas (const AtlasGeometry *self);
const AtlasArea     *atlas_geometry_get_area    (const AtlasGeometry *self,
                                                 guint                index);
const AtlasArea     *atlas_geometry_find_area   (const AtlasGeometry *self,
                                                 const char          *ags);
const AtlasArea     *atlas_geometry_area_at     (const AtlasGeometry *self,
                                                 double               x,
                                                 double               y);
void                 atlas_geometry_get_bounds  (const AtlasGeometry *self,
                                                 double              *min_x,
                                                 double              *min_y,
                                                 double              *max_x,
                                                 double              *max_y);
guint                atlas_geometry_get_n_arcs  (const AtlasGeometry *self);
const GArray        *atlas_geometry_get_arc     (const AtlasGeometry *self,
                                                 guint                index);

gboolean             atlas_area_contains        (const AtlasArea     *area,
                                                 double               x,
                                                 double               y);
void                 atlas_project_utm32        (double               lon,
                                                 double               lat,
                                                 double              *x,
                                                 double              *y);

G_END_DECLS
