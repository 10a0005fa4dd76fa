/* atlas-visit-editor.h: one visit, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VISIT_EDITOR (atlas_visit_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasVisitEditor, atlas_visit_editor, ATLAS, VISIT_EDITOR, AdwDialog)

AtlasVisitEditor *atlas_visit_editor_new   (AtlasStore       *store,
                                            AtlasHistory     *history,
                                            AtlasVisit       *visit);
gint64            atlas_visit_editor_get_id (AtlasVisitEditor *self);
gboolean          atlas_visit_editor_flush  (AtlasVisitEditor *self);
GStrv             atlas_visit_editor_dup_unsaved (AtlasVisitEditor *self);

G_END_DECLS
