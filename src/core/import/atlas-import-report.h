/* atlas-import-report.h: what an import did, in words, for the CLI and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-importer.h"

G_BEGIN_DECLS

/* The counts of one or more files. */
typedef struct {
  guint n_files;
  guint n_rejected;
  guint n_new;
  guint n_updated;
  guint n_known;
  guint n_skipped;
  guint n_visits;
  guint n_centres;   /* changed by an exchange file */
  guint n_contacts;  /* added by an exchange file */
  guint changed;     /* ATLAS_RECORD_BIT () of each kind written */
} AtlasImportTotals;

void   atlas_import_totals_add             (AtlasImportTotals       *totals,
                                            const AtlasImportResult *result);
char  *atlas_import_totals_describe        (const AtlasImportTotals *totals);
char  *atlas_import_totals_describe_files  (const AtlasImportTotals *totals);

char  *atlas_import_result_describe_skipped (const AtlasImportResult *result);
char  *atlas_import_report_text            (GPtrArray               *results,
                                            gboolean                 details);

G_END_DECLS
