/* atlas-store-private.h: for the store's own files and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "atlas-store.h"

G_BEGIN_DECLS

sqlite3  *atlas_store_get_db      (AtlasStore       *self);
void      atlas_store_note_change (AtlasStore       *self,
                                   AtlasRecordKind   kind,
                                   gint64            id);
gboolean  atlas_store_seed        (AtlasStore       *self,
                                   GError          **error);
gboolean  atlas_store_backup_to   (AtlasStore       *self,
                                   const char       *dest_path,
                                   GError          **error);
gboolean  atlas_store_register_tokenizer (sqlite3    *db,
                                          GError    **error);

G_END_DECLS
