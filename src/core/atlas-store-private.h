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
char     *atlas_store_write_backup (AtlasStore      *self,
                                   int              from_version,
                                   GError         **error);
int       atlas_store_error_code_for (int           rc);
char     *atlas_store_run_check   (sqlite3          *db,
                                   const char       *sql);

/* atlas-store-backup.c: the lock that keeps a restore away from an open
 * catalogue, on a file of its own (<catalogue>.lock). */
int       atlas_catalogue_lock    (const char       *db_path,
                                   gboolean          writing,
                                   GError          **error);

/* Statements are cached by the store; release them with stmt_release()
 * (g_autoptr (AtlasStmt)), which resets them and clears their bindings. */
typedef sqlite3_stmt AtlasStmt;
void          atlas_store_stmt_release (AtlasStmt        *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStmt, atlas_store_stmt_release)

AtlasStmt    *atlas_store_prepare      (AtlasStore       *self,
                                        const char       *sql,
                                        GError          **error);
gboolean      atlas_store_step_done    (AtlasStore       *self,
                                        AtlasStmt        *stmt,
                                        GError          **error,
                                        const char       *doing);
gboolean      atlas_store_set_error    (AtlasStore       *self,
                                        int               rc,
                                        GError          **error,
                                        const char       *doing);

/* atlas-store.c: the full-text index of the releases stored so far in the
 * open transaction, built now rather than at the commit. */
gboolean  atlas_store_index_pending (AtlasStore *self,
                                     GError    **error);

gboolean  atlas_store_register_tokenizer (sqlite3    *db,
                                          GError    **error);
/* Words the index's tokenizer has passed on to FTS5 from documents (rows
 * indexed, deleted or checked), in this process so far. */
gsize     atlas_store_fts_words_indexed  (void);

G_END_DECLS
