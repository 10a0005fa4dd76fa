/* atlas-importer.h: press release files into the catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* An item left out of an imported file, and why. */
typedef struct {
  int line;          /* where the item starts */
  char *reason;
} AtlasImportSkip;

typedef struct {
  char *path;        /* as the user named it */
  char *format;      /* rss2, rss1, atom, nitf, newsml, native; NULL if unknown */
  guint n_new;
  guint n_updated;
  guint n_known;     /* already in the catalogue, unchanged */
  guint n_skipped;   /* items left out, each in @skipped */
  guint n_visits;    /* suggested visits added */
  guint n_centres;   /* centres changed (only the exchange format has them) */
  guint n_contacts;  /* contacts added (likewise) */
  guint changed;     /* the kinds written: ATLAS_RECORD_BIT (kind) or'ed */
  GPtrArray *skipped; /* (element-type AtlasImportSkip) (nullable) */
  gboolean rejected;
  GError *error;     /* why it was rejected */
  char *detail;      /* libxml2's or SQLite's own words for it, or NULL */
  int line;          /* where, when known (else 0) */
  int column;
} AtlasImportResult;

void      atlas_import_result_clear        (AtlasImportResult *result);
char     *atlas_import_result_describe     (const AtlasImportResult *result);

gboolean  atlas_import_file                (AtlasStore        *store,
                                            GFile             *file,
                                            const char        *display_name,
                                            GCancellable      *cancellable,
                                            AtlasImportResult *result);
gboolean  atlas_import_stream              (AtlasStore        *store,
                                            GInputStream      *stream,
                                            const char        *display_name,
                                            GCancellable      *cancellable,
                                            AtlasImportResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasImportResult, atlas_import_result_clear)

G_END_DECLS
