/* atlas-releases-page.h: the imported press releases and a reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RELEASES_PAGE (atlas_releases_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasReleasesPage, atlas_releases_page, ATLAS, RELEASES_PAGE, GtkWidget)

void            atlas_releases_page_set_store (AtlasReleasesPage *self,
                                               AtlasStore        *store);
AtlasListModel *atlas_releases_page_get_model (AtlasReleasesPage *self);
void            atlas_releases_page_search    (AtlasReleasesPage *self);
void            atlas_releases_page_show_release (AtlasReleasesPage *self,
                                                  gint64             id);

G_END_DECLS
