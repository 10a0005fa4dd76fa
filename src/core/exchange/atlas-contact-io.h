/* atlas-contact-io.h: contacts as vCard and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_CONTACT_FORMAT_VCARD,
  ATLAS_CONTACT_FORMAT_CSV,
} AtlasContactFormat;

typedef struct {
  guint added;
  guint merged;
  guint skipped;
  GPtrArray *messages;   /* of char *: why a record was skipped, per line */
} AtlasContactReport;

gboolean    atlas_contact_format_for_path (const char          *path,
                                           AtlasContactFormat  *format);
char       *atlas_contacts_to_vcard       (GPtrArray           *contacts);
char       *atlas_contacts_to_csv         (GPtrArray           *contacts);
char       *atlas_contact_text_to_utf8    (GBytes              *bytes,
                                           GError             **error);
GPtrArray  *atlas_contacts_parse          (GBytes              *bytes,
                                           AtlasContactFormat  *format,
                                           GPtrArray           *messages,
                                           GError             **error);
gboolean    atlas_contacts_import         (AtlasStore          *store,
                                           GPtrArray           *contacts,
                                           gboolean             dry_run,
                                           AtlasContactReport  *report,
                                           GError             **error);
GPtrArray  *atlas_contacts_collect        (AtlasStore          *store,
                                           const char          *filter,
                                           GError             **error);
gboolean    atlas_contacts_write          (GPtrArray           *contacts,
                                           AtlasContactFormat   format,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GError             **error);
void        atlas_contact_report_clear    (AtlasContactReport  *report);
char       *atlas_contact_report_summary  (const AtlasContactReport *report);

G_END_DECLS
