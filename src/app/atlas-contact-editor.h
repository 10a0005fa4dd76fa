/* atlas-contact-editor.h: every field of one contact, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONTACT_EDITOR (atlas_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContactEditor, atlas_contact_editor, ATLAS, CONTACT_EDITOR, GtkWidget)

void     atlas_contact_editor_set_context (AtlasContactEditor *self,
                                           AtlasStore         *store,
                                           AtlasHistory       *history);
void     atlas_contact_editor_show        (AtlasContactEditor *self,
                                           AtlasContact       *contact);
gint64   atlas_contact_editor_get_id      (AtlasContactEditor *self);
gboolean atlas_contact_editor_is_empty    (AtlasContactEditor *self);
gboolean atlas_contact_editor_flush       (AtlasContactEditor *self);
GStrv    atlas_contact_editor_dup_unsaved (AtlasContactEditor *self);
void     atlas_contact_editor_focus_name  (AtlasContactEditor *self);

G_END_DECLS
