/* atlas-editor-form.h: autosave, validation and undo for a record's fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-history.h"
#include "atlas-store.h"
#include "atlas-validate.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EDITOR_FORM (atlas_editor_form_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEditorForm, atlas_editor_form, ATLAS, EDITOR_FORM, GObject)

/* How long typing must pause before the edit is written, and how long
 * continuous typing may go unsaved at most. */
#define ATLAS_EDITOR_SAVE_DELAY_MS 400
#define ATLAS_EDITOR_MAX_UNSAVED_MS 2000

AtlasEditorForm *atlas_editor_form_new          (AtlasRecordKind   kind);
void             atlas_editor_form_set_context  (AtlasEditorForm  *self,
                                                 AtlasStore       *store,
                                                 AtlasHistory     *history);
void             atlas_editor_form_bind         (AtlasEditorForm  *self,
                                                 GtkWidget        *widget,
                                                 guint             field,
                                                 AtlasCheck        check);
void             atlas_editor_form_bind_choice  (AtlasEditorForm  *self,
                                                 AdwComboRow      *row,
                                                 guint             field,
                                                 const char * const *values);
void             atlas_editor_form_bind_centres (AtlasEditorForm  *self,
                                                 AdwComboRow      *row,
                                                 guint             field,
                                                 const char       *none_label);
void             atlas_editor_form_set_record   (AtlasEditorForm  *self,
                                                 GObject          *record);
GObject         *atlas_editor_form_get_record   (AtlasEditorForm  *self);
gint64           atlas_editor_form_get_id       (AtlasEditorForm  *self);
gboolean         atlas_editor_form_flush        (AtlasEditorForm  *self);
gboolean         atlas_editor_form_is_pending   (AtlasEditorForm  *self);
char            *atlas_editor_form_dup_error    (AtlasEditorForm  *self,
                                                 GtkWidget       **widget);
guint            atlas_editor_form_n_invalid    (AtlasEditorForm  *self);
GStrv            atlas_editor_form_dup_unsaved  (AtlasEditorForm  *self);

G_END_DECLS
