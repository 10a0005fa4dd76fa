/* atlas-history.h: undo and redo of the edits made in a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_HISTORY (atlas_history_get_type ())

/* A change of no record's fields: done again or taken back (@undo). */
typedef gboolean (*AtlasHistoryStep) (AtlasStore  *store,
                                      gpointer     data,
                                      gboolean     undo,
                                      GError     **error);

G_DECLARE_FINAL_TYPE (AtlasHistory, atlas_history, ATLAS, HISTORY, GObject)

AtlasHistory *atlas_history_new            (AtlasStore      *store);
void          atlas_history_begin_group    (AtlasHistory    *self,
                                            const char      *label);
void          atlas_history_end_group      (AtlasHistory    *self);
void          atlas_history_push           (AtlasHistory    *self,
                                            AtlasRecordKind  kind,
                                            GObject         *before,
                                            GObject         *after,
                                            const char      *label);
void          atlas_history_push_step      (AtlasHistory    *self,
                                            const char      *label,
                                            AtlasHistoryStep step,
                                            gpointer         data,
                                            GDestroyNotify   free_data);
gboolean      atlas_history_can_undo       (AtlasHistory    *self);
gboolean      atlas_history_can_redo       (AtlasHistory    *self);
const char   *atlas_history_get_undo_label (AtlasHistory    *self);
const char   *atlas_history_get_redo_label (AtlasHistory    *self);
gboolean      atlas_history_get_undo_record (AtlasHistory    *self,
                                             AtlasRecordKind *kind,
                                             gint64          *id);
gboolean      atlas_history_get_redo_record (AtlasHistory    *self,
                                             AtlasRecordKind *kind,
                                             gint64          *id);
gboolean      atlas_history_undo           (AtlasHistory    *self,
                                            GError         **error);
gboolean      atlas_history_redo           (AtlasHistory    *self,
                                            GError         **error);
void          atlas_history_clear          (AtlasHistory    *self);
guint         atlas_history_get_serial     (AtlasHistory    *self);

G_END_DECLS
