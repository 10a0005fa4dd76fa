/* atlas-centre-editor.h: every field of one centre, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CENTRE_EDITOR (atlas_centre_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCentreEditor, atlas_centre_editor, ATLAS, CENTRE_EDITOR, GtkWidget)

void     atlas_centre_editor_set_context (AtlasCentreEditor *self,
                                          AtlasStore        *store,
                                          AtlasHistory      *history);
void     atlas_centre_editor_show        (AtlasCentreEditor *self,
                                          gint64             centre_id);
gint64   atlas_centre_editor_get_id      (AtlasCentreEditor *self);
gboolean atlas_centre_editor_flush       (AtlasCentreEditor *self);
GStrv    atlas_centre_editor_dup_unsaved (AtlasCentreEditor *self);

G_END_DECLS
