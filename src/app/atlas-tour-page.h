/* atlas-tour-page.h: the visits beside their map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-map-view.h"
#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TOUR_PAGE (atlas_tour_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTourPage, atlas_tour_page, ATLAS, TOUR_PAGE, GtkWidget)

void          atlas_tour_page_set_store    (AtlasTourPage *self,
                                            AtlasStore    *store);
AtlasMapView *atlas_tour_page_get_map_view (AtlasTourPage *self);
GPtrArray    *atlas_tour_page_get_visits   (AtlasTourPage *self);
GtkListBox   *atlas_tour_page_get_list     (AtlasTourPage *self);
void          atlas_tour_page_set_history  (AtlasTourPage *self,
                                            AtlasHistory  *history);
void          atlas_tour_page_new_visit    (AtlasTourPage *self);
void          atlas_tour_page_remove_example (AtlasTourPage *self);
void          atlas_tour_page_plan_visit   (AtlasTourPage *self,
                                            const char    *ags);
void          atlas_tour_page_edit_visit   (AtlasTourPage *self,
                                            AtlasVisit    *visit);
void          atlas_tour_page_show_visit   (AtlasTourPage *self,
                                            gint64         id);
gboolean      atlas_tour_page_print_to_file (AtlasTourPage *self,
                                             const char    *path,
                                             GError       **error);
AtlasMapScene *atlas_tour_page_export_scene (AtlasTourPage *self,
                                             const char    *from,
                                             const char    *to,
                                             gboolean      *valid);
void          atlas_tour_page_get_period   (AtlasTourPage *self,
                                            const char   **from,
                                            const char   **to);
gboolean      atlas_tour_page_is_day       (const char    *text);

G_END_DECLS
