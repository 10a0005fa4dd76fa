/* atlas-map-view-private.h: shared by the map view's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-map-private.h"
#include "atlas-map-view.h"

G_BEGIN_DECLS

/* What an image of the map shows: the scene (by serial) at a size, zoom
 * and pan. */
typedef struct {
  guint serial;
  int width, height;
  int scale;                  /* device pixels per pixel */
  double zoom, pan_x, pan_y;
} MapViewKey;

struct _AtlasMapView
{
  GtkWidget parent_instance;

  AtlasMapScene *scene;
  char *hover_ags;
  char *selected_ags;
  int focus_index;            /* district the keyboard is on, -1 none */

  double zoom;                /* 1 = all of NRW fits */
  double pan_x, pan_y;        /* offset of the map image, in pixels */
  double drag_start_x, drag_start_y;
  gboolean pointer_inside;
  double pointer_x, pointer_y;  /* where the pointer is, in the widget */
  double pinch_start_zoom;

  cairo_surface_t *cache;     /* the newest image of the map */
  MapViewKey cache_key;       /* … and what it shows */
  guint serial;               /* counts the scenes and invalidations */
  gboolean drawing;           /* a thread is drawing the map */
  guint sharpen_source;       /* while zooming or panning: redraw when it rests */

  GPtrArray *districts;       /* AtlasMapDistrict, one per scene area */
};

void     atlas_map_view_canvas_size       (AtlasMapView *self,
                                           double       *w,
                                           double       *h);
gboolean atlas_map_view_cache_is_current  (AtlasMapView *self);
void     atlas_map_view_snapshot          (GtkWidget    *widget,
                                           GtkSnapshot  *snapshot);

G_END_DECLS
