/* atlas-centres-page.h: the list of the 54 centres with search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-centre-editor.h"
#include "atlas-history.h"
#include "atlas-list-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CENTRES_PAGE (atlas_centres_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCentresPage, atlas_centres_page, ATLAS, CENTRES_PAGE, GtkWidget)

AtlasStore     *atlas_centres_page_get_store  (AtlasCentresPage *self);
void            atlas_centres_page_set_store  (AtlasCentresPage *self,
                                               AtlasStore       *store);
AtlasListModel *atlas_centres_page_get_model  (AtlasCentresPage *self);
void            atlas_centres_page_search     (AtlasCentresPage *self);
void            atlas_centres_page_set_context (AtlasCentresPage *self,
                                                AtlasStore       *store,
                                                AtlasHistory     *history);
gboolean        atlas_centres_page_flush      (AtlasCentresPage *self);
void            atlas_centres_page_show_centre (AtlasCentresPage *self,
                                                gint64            id);
AtlasCentreEditor *atlas_centres_page_get_editor (AtlasCentresPage *self);

G_END_DECLS
