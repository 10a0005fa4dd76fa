/* atlas-store.h: the SQLite catalogue; the only place that speaks SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-centre.h"
#include "atlas-contact.h"
#include "atlas-district.h"
#include "atlas-release.h"
#include "atlas-visit.h"

G_BEGIN_DECLS

#define ATLAS_STORE_ERROR (atlas_store_error_quark ())

typedef enum {
  ATLAS_STORE_ERROR_FAILED,
  ATLAS_STORE_ERROR_OPEN,           /* the file cannot be opened or created */
  ATLAS_STORE_ERROR_CORRUPT,        /* not a database, or damaged */
  ATLAS_STORE_ERROR_FUTURE_VERSION, /* written by a newer Integrationsatlas */
  ATLAS_STORE_ERROR_MIGRATION,      /* an upgrade failed; the file is unchanged */
  ATLAS_STORE_ERROR_CONSTRAINT,     /* the data breaks a rule of the schema */
  ATLAS_STORE_ERROR_BUSY,           /* another program holds the lock too long */
  ATLAS_STORE_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  ATLAS_STORE_ERROR_FULL,           /* the disk is full */
  ATLAS_STORE_ERROR_NOT_FOUND,      /* no such record */
  ATLAS_STORE_ERROR_EMPTY,          /* the file is empty (0 bytes) */
  ATLAS_STORE_ERROR_INTERRUPTED,    /* a write was cut off; a normal open finishes it */
} AtlasStoreError;

typedef enum {
  ATLAS_STORE_OPEN_DEFAULT  = 0,
  ATLAS_STORE_OPEN_EXISTING = 1 << 0, /* fail instead of creating the file */
  ATLAS_STORE_OPEN_NO_SEED  = 1 << 1, /* leave the catalogue empty */
  ATLAS_STORE_OPEN_READ_ONLY = 1 << 2, /* change nothing: no upgrade, no seed */
  ATLAS_STORE_OPEN_CHECK    = 1 << 3, /* quick_check first; damaged: CORRUPT */
  ATLAS_STORE_OPEN_ALLOW_EMPTY = 1 << 4, /* an empty file becomes a new catalogue */
} AtlasStoreOpenFlags;

typedef enum {
  ATLAS_RECORD_DISTRICT,
  ATLAS_RECORD_CENTRE,
  ATLAS_RECORD_CONTACT,
  ATLAS_RECORD_RELEASE,
  ATLAS_RECORD_VISIT,
  ATLAS_N_RECORD_KINDS
} AtlasRecordKind;

/* A set of kinds, for what a piece of work changed. */
#define ATLAS_RECORD_BIT(kind) (1u << (kind))

#define ATLAS_TYPE_STORE (atlas_store_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

GQuark       atlas_store_error_quark          (void);
char        *atlas_store_default_path         (void);
int          atlas_store_latest_version       (void);
GType        atlas_record_kind_item_type      (AtlasRecordKind      kind);

AtlasStore  *atlas_store_new                  (const char          *path,
                                               AtlasStoreOpenFlags  flags,
                                               GError             **error);
AtlasStore  *atlas_store_new_at_version       (const char          *path,
                                               AtlasStoreOpenFlags  flags,
                                               int                  version,
                                               GError             **error);
const char  *atlas_store_get_path             (AtlasStore          *self);
int          atlas_store_get_schema_version   (AtlasStore          *self);
gboolean     atlas_store_is_read_only         (AtlasStore          *self);
char        *atlas_store_read_pragma          (AtlasStore          *self,
                                               const char          *name);
gboolean     atlas_store_check                (AtlasStore          *self,
                                               char               **report,
                                               GError             **error);

void         atlas_store_notify_changed       (AtlasStore          *self,
                                               AtlasRecordKind      kind);
gboolean     atlas_store_poll_changes         (AtlasStore          *self);
char        *atlas_store_error_split          (const GError        *error,
                                               char               **details);

gboolean     atlas_store_begin                (AtlasStore          *self,
                                               GError             **error);
gboolean     atlas_store_commit               (AtlasStore          *self,
                                               GError             **error);
void         atlas_store_rollback             (AtlasStore          *self);

gint64       atlas_store_count                (AtlasStore          *self,
                                               AtlasRecordKind      kind,
                                               GError             **error);
/* Narrows a list of press releases: to those linked to a centre, and to a
 * period (seconds, UTC, both ends included); a list of contacts to those
 * of a centre. Zero means no limit. */
typedef struct {
  gint64 centre_id;
  gint64 from;
  gint64 to;
} AtlasQueryScope;

GArray      *atlas_store_query_ids            (AtlasStore          *self,
                                               AtlasRecordKind      kind,
                                               const char          *filter,
                                               GError             **error);
GArray      *atlas_store_query_ids_scoped     (AtlasStore          *self,
                                               AtlasRecordKind      kind,
                                               const char          *filter,
                                               const AtlasQueryScope *scope,
                                               GError             **error);
GObject     *atlas_store_load                 (AtlasStore          *self,
                                               AtlasRecordKind      kind,
                                               gint64               id,
                                               GError             **error);

AtlasCentre *atlas_store_get_centre_by_ags    (AtlasStore          *self,
                                               const char          *ags,
                                               GError             **error);
GHashTable  *atlas_store_get_centre_ids       (AtlasStore          *self,
                                               GError             **error);
gboolean     atlas_store_update_centre        (AtlasStore          *self,
                                               AtlasCentre         *centre,
                                               GError             **error);
gint64       atlas_store_insert_contact       (AtlasStore          *self,
                                               AtlasContact        *contact,
                                               GError             **error);
gint64       atlas_store_save_contact         (AtlasStore          *self,
                                               AtlasContact        *contact,
                                               GError             **error);
gboolean     atlas_store_delete_contact       (AtlasStore          *self,
                                               gint64               id,
                                               GError             **error);
GArray      *atlas_store_find_duplicates      (AtlasStore          *self,
                                               AtlasContact        *contact,
                                               GError             **error);
gboolean     atlas_store_merge_contacts       (AtlasStore          *self,
                                               gint64               keep_id,
                                               gint64               drop_id,
                                               GError             **error);
gint64       atlas_store_insert_release       (AtlasStore          *self,
                                               AtlasRelease        *release,
                                               GError             **error);
gboolean     atlas_store_link_release         (AtlasStore          *self,
                                               gint64               release_id,
                                               gint64               centre_id,
                                               gboolean             visited,
                                               GError             **error);
gboolean     atlas_store_unlink_centre        (AtlasStore          *self,
                                               gint64               release_id,
                                               gint64               centre_id,
                                               GError             **error);
gboolean     atlas_store_link_release_full    (AtlasStore          *self,
                                               gint64               release_id,
                                               gint64               centre_id,
                                               gboolean             visited,
                                               gboolean             confirmed,
                                               GError             **error);

typedef struct {
  char ags[9];
  gboolean visited;
  gboolean confirmed;
} AtlasReleaseLink;

GArray      *atlas_store_get_release_links    (AtlasStore          *self,
                                               gint64               release_id,
                                               GError             **error);
gboolean     atlas_store_find_contact         (AtlasStore          *self,
                                               AtlasContact        *contact,
                                               gint64              *id,
                                               GError             **error);
gint64       atlas_store_save_visit           (AtlasStore          *self,
                                               AtlasVisit          *visit,
                                               GError             **error);

gboolean     atlas_store_find_release         (AtlasStore          *self,
                                               const char          *guid,
                                               const char          *link,
                                               const char          *content_hash,
                                               gint64              *id,
                                               gint64              *version,
                                               gint64              *updated,
                                               GError             **error);
gboolean     atlas_store_update_release       (AtlasStore          *self,
                                               gint64               id,
                                               AtlasRelease        *release,
                                               GError             **error);
gboolean     atlas_store_unlink_release       (AtlasStore          *self,
                                               gint64               release_id,
                                               GError             **error);
gboolean     atlas_store_find_visit           (AtlasStore          *self,
                                               gint64               centre_id,
                                               const char          *date,
                                               gint64              *id,
                                               GError             **error);
typedef struct {
  gint64 id;
  char *snippet;
} AtlasSearchHit;

void         atlas_search_hit_free            (AtlasSearchHit      *hit);
GPtrArray   *atlas_store_search_releases      (AtlasStore          *self,
                                               const char          *user_text,
                                               const char          *mark_start,
                                               const char          *mark_end,
                                               guint                limit,
                                               GError             **error);
GPtrArray   *atlas_store_list_visits          (AtlasStore          *self,
                                               const char          *tour,
                                               const char          *visitor,
                                               const char          *from,
                                               const char          *to,
                                               GError             **error);
gboolean     atlas_store_set_link_evidence    (AtlasStore          *self,
                                               gint64               release_id,
                                               gint64               centre_id,
                                               const char          *evidence,
                                               double               confidence,
                                              GError             **error);
GStrv        atlas_store_get_release_evidence (AtlasStore          *self,
                                               gint64               release_id,
                                              GError             **error);
gboolean     atlas_store_set_visit_evidence   (AtlasStore          *self,
                                               gint64               visit_id,
                                               const char          *evidence,
                                               double               confidence,
                                               gboolean             announced,
                                              GError             **error);
gboolean     atlas_store_get_visit_evidence   (AtlasStore          *self,
                                               gint64               visit_id,
                                               char               **evidence,
                                               double              *confidence,
                                               gboolean            *announced,
                                              GError             **error);
gboolean     atlas_store_add_visit_source     (AtlasStore          *self,
                                               gint64               visit_id,
                                               gint64               release_id,
                                               GError             **error);
GArray      *atlas_store_get_visit_sources    (AtlasStore          *self,
                                               gint64               visit_id,
                                               GError             **error);
GArray      *atlas_store_get_release_visits   (AtlasStore          *self,
                                               gint64               release_id,
                                               GError             **error);
GArray      *atlas_store_get_example_visits   (AtlasStore          *self,
                                               gint64               after_id,
                                               gboolean             example,
                                               GError             **error);
gint64       atlas_store_last_visit_id        (AtlasStore          *self,
                                               GError             **error);
gboolean     atlas_store_set_visit_example    (AtlasStore          *self,
                                               gint64               visit_id,
                                               gboolean             example,
                                               GError             **error);
gint64       atlas_store_accept_suggested     (AtlasStore          *self,
                                               GError             **error);
gboolean     atlas_store_set_visit_status     (AtlasStore          *self,
                                               gint64               visit_id,
                                               const char          *status,
                                               GError             **error);
gboolean     atlas_store_delete_visit         (AtlasStore          *self,
                                               gint64               visit_id,
                                               GError             **error);
gboolean     atlas_store_log_import           (AtlasStore          *self,
                                               const char          *path,
                                               const char          *format,
                                               guint                n_new,
                                               guint                n_updated,
                                               guint                n_skipped,
                                               GError             **error);

/* Backups: consistent copies in backups/ beside the catalogue. */
typedef struct {
  char *path;
  GDateTime *taken;       /* when the file was written */
  int schema_version;
  gint64 n_releases;      /* -1 when unknown */
  gint64 n_contacts;
  gint64 n_visits;
  gboolean sound;         /* passed the check: it can be restored */
  char *problem;          /* why not */
} AtlasBackupInfo;

void             atlas_backup_info_free      (AtlasBackupInfo     *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBackupInfo, atlas_backup_info_free)

AtlasBackupInfo *atlas_store_inspect_backup  (const char          *path,
                                              gboolean             full);
GPtrArray       *atlas_store_list_backups    (const char          *db_path,
                                              gboolean             full);
AtlasBackupInfo *atlas_store_find_sound_backup (const char        *db_path);
char            *atlas_store_backup          (AtlasStore          *self,
                                              GError             **error);
guint            atlas_store_prune_backups   (const char          *db_path,
                                              guint                keep);
char            *atlas_store_backup_if_due   (AtlasStore          *self,
                                              guint                keep,
                                              GTimeSpan            max_age,
                                              GError             **error);
gboolean         atlas_store_restore         (const char          *db_path,
                                              const char          *backup_path,
                                              char               **set_aside,
                                              GError             **error);

/* Calendar exchange: the iCalendar UID and SEQUENCE of visits. */
gboolean         atlas_store_get_visit_identity (AtlasStore       *self,
                                                 gint64            visit_id,
                                                 char            **uid,
                                                 gint64           *sequence,
                                                 GError          **error);
gboolean         atlas_store_find_visit_by_uid  (AtlasStore       *self,
                                                 const char       *uid,
                                                 gint64           *id,
                                                 GError          **error);
gboolean         atlas_store_set_visit_uid      (AtlasStore       *self,
                                                 gint64            visit_id,
                                                 const char       *uid,
                                                 GError          **error);

G_END_DECLS
