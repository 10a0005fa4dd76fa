/* atlas-lazy-list.h: a list page that queries its store only once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-model.h"

G_BEGIN_DECLS

void            atlas_lazy_list_attach    (GtkWidget       *page,
                                           GtkListView     *list_view,
                                           GtkStack        *content_stack,
                                           AtlasRecordKind  kind);
void            atlas_lazy_list_set_store (GtkWidget       *page,
                                           AtlasStore      *store);
AtlasListModel *atlas_lazy_list_get_model (GtkWidget       *page);

G_END_DECLS
