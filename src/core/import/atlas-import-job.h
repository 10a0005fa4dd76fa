/* atlas-import-job.h: importing files in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-importer.h"

G_BEGIN_DECLS

/* Called on the caller's main context after each file. */
typedef void (*AtlasImportProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

void       atlas_import_files_async  (const char           *db_path,
                                      GFile               **files,
                                      guint                 n_files,
                                      GCancellable         *cancellable,
                                      AtlasImportProgress   progress,
                                      gpointer              progress_data,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GPtrArray *atlas_import_files_finish (GAsyncResult         *result,
                                      GError              **error);
void       atlas_import_result_free  (AtlasImportResult    *result);

G_END_DECLS
