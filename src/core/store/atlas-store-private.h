/* atlas-store-private.h: for the store's own files and its tests
 *
 * The store is one object over several files (src/core/store/): the object
 * and its transactions (atlas-store.c), the schema (atlas-store-schema.c),
 * the SQL helpers (atlas-store-sql.c), reading any kind
 * (atlas-store-read.c), one file per record kind's writes and queries
 * (atlas-store-centres.c, -contacts.c, -releases.c, -visits.c) and the
 * backups (atlas-backup.c, atlas-backup-files.c). They share the struct
 * and the helpers below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* The tour's order: by the last day a visit's date can mean, and a visit
 * known to the day before one known only to its week, month, year or
 * period ending that day. So "2017" follows the visits of 2017 known to
 * the day instead of leading them (sort_date is the first day). */
#define VISIT_ORDER(v) \
  "CASE WHEN length(" v "date) = 10 THEN " v "sort_date " \
  "WHEN instr(" v "date, '/') > 0 THEN substr(" v "date, instr(" v "date, '/') + 1, 10) " \
  "WHEN length(" v "date) = 4 THEN " v "date || '-12-31' " \
  "WHEN length(" v "date) = 7 THEN date(" v "date || '-01', '+1 month', '-1 day') " \
  "ELSE date(" v "sort_date, '+6 days') END, length(" v "date) <> 10, " v "id"

struct _AtlasStore
{
  GObject parent_instance;

  char *path;
  AtlasStoreOpenFlags flags;
  int target_version;

  sqlite3 *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  guint txn_depth;
  guint pending_changes;  /* bit per AtlasRecordKind changed in the open transaction */
  gint64 pending_id;      /* the one record changed, or 0 for several */
  gboolean read_only;
  gboolean trace;
  int lock_fd;            /* a shared flock on the file while it is open */
  gboolean damaged;       /* ::damaged was emitted */

  /* Releases inserted in the open transaction and not yet in the full-text
   * index: ids fts_first … fts_last (0 when none). See atlas_store_fts_flush(). */
  gint64 fts_first;
  gint64 fts_last;

  /* PRAGMA data_version when last asked: it changes when another
   * connection or program commits. -1 before the first time. */
  gint64 data_version;
};

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

/* atlas-backup-files.c: the lock that keeps a restore away from an open
 * catalogue, on a file of its own (<catalogue>.lock), and the backups'
 * files and folders. */
int       atlas_catalogue_lock    (const char       *db_path,
                                   gboolean          writing,
                                   GError          **error);
char *atlas_backup_dir_for (const char *db_path);
char *atlas_backup_stem_for (const char *db_path);
GRegex *atlas_backup_name_regex (const char *db_path,
                                 const char *tail);
gboolean atlas_backup_sync_path (const char  *path,
                                 int          flags,
                                 GError     **error);
gboolean atlas_backup_sync_dir (const char  *dir,
                                GError     **error);
gboolean atlas_backup_sync_dir_of (const char  *path,
                                   GError     **error);
char *atlas_backup_publish_exclusive (const char  *from,
                                      const char  *to,
                                      gboolean     keep_from,
                                      GError     **error);
char *atlas_backup_lock_path_for (const char *db_path);
void atlas_backup_tidy_leftovers (const char *db_path);

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
gint64        atlas_store_step_id      (AtlasStore       *self,
                                        AtlasStmt        *stmt,
                                        GError          **error);
gboolean      atlas_store_step_found   (AtlasStore       *self,
                                        AtlasStmt        *stmt,
                                        gint64           *id,
                                        GError          **error);
gboolean      atlas_store_exec         (AtlasStore       *self,
                                        const char       *sql,
                                        GError          **error,
                                        const char       *doing);
void          atlas_store_bind_text    (AtlasStmt        *stmt,
                                        int               index,
                                        const char       *text);
void          atlas_store_bind_id_or_null (AtlasStmt     *stmt,
                                        int               index,
                                        gint64            id);
const char   *atlas_store_column_text  (AtlasStmt        *stmt,
                                        int               column);
gboolean      atlas_store_finish_write (AtlasStore       *self,
                                        AtlasStmt        *stmt,
                                        AtlasRecordKind   kind,
                                        gint64            id,
                                        GError          **error,
                                        const char       *doing);

/* atlas-store-schema.c */
gboolean      atlas_store_configure_connection (AtlasStore  *self,
                                                GError     **error);
gboolean      atlas_store_migrate      (AtlasStore       *self,
                                        GError          **error);

/* atlas-store.c: adds the releases inserted in the open transaction to
 * the full-text index; the importer calls it every 1,000 releases, so the
 * index is built while the next ones are parsed (bench/README.md). */
gboolean      atlas_store_fts_flush    (AtlasStore       *self,
                                        GError          **error);

/* atlas-store-read.c */
GArray       *atlas_store_collect_ids  (AtlasStore       *self,
                                        AtlasStmt        *stmt,
                                        GError          **error);
GArray       *atlas_store_query_release_ids (AtlasStore            *self,
                                             const char            *fts_query,
                                             const AtlasQueryScope *scope,
                                             GError               **error);
GObject      *atlas_store_object_from_row (AtlasRecordKind  kind,
                                           AtlasStmt       *stmt);

gboolean  atlas_store_register_tokenizer (sqlite3    *db,
                                          GError    **error);
/* Words the index's tokenizer has passed on to FTS5 from documents (rows
 * indexed, deleted or checked), in this process so far. */
gsize     atlas_store_fts_words_indexed  (void);

G_END_DECLS
