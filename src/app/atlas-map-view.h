/* atlas-map-view.h: the tour map on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-map-scene.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

void        atlas_map_view_set_scene     (AtlasMapView  *self,
                                          AtlasMapScene *scene);
const char *atlas_map_view_get_selected  (AtlasMapView  *self);
void        atlas_map_view_select        (AtlasMapView  *self,
                                          const char    *ags);
void        atlas_map_view_fit           (AtlasMapView  *self);
gboolean    atlas_map_view_is_drawn      (AtlasMapView  *self);
void        atlas_map_view_get_view      (AtlasMapView  *self,
                                          double        *zoom,
                                          double        *pan_x,
                                          double        *pan_y);
const char *atlas_map_view_area_at       (AtlasMapView  *self,
                                          double         x,
                                          double         y);

G_END_DECLS
