/* atlas-list-model.h: a GListModel over a store query that loads rows lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LIST_MODEL (atlas_list_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasListModel, atlas_list_model, ATLAS, LIST_MODEL, GObject)

AtlasListModel *atlas_list_model_new        (AtlasStore      *store,
                                             AtlasRecordKind  kind);
AtlasStore     *atlas_list_model_get_store  (AtlasListModel  *self);
const char     *atlas_list_model_get_filter (AtlasListModel  *self);
void            atlas_list_model_set_filter (AtlasListModel  *self,
                                             const char      *filter);
gint64          atlas_list_model_get_id     (AtlasListModel  *self,
                                             guint            position);
guint           atlas_list_model_find       (AtlasListModel  *self,
                                             gint64           id);
void            atlas_list_model_set_scope  (AtlasListModel  *self,
                                             const AtlasQueryScope *scope);

G_END_DECLS
