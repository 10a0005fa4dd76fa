/* atlas-contact-sheet.h: contacts as a printed distribution list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct _AtlasContactSheet AtlasContactSheet;

AtlasContactSheet *atlas_contact_sheet_new        (AtlasStore         *store,
                                                   GPtrArray          *contacts,
                                                   const char         *subtitle,
                                                   GError            **error);
void               atlas_contact_sheet_free       (AtlasContactSheet  *sheet);
guint              atlas_contact_sheet_paginate   (AtlasContactSheet  *sheet,
                                                   cairo_t            *cr,
                                                   double              width,
                                                   double              height);
void               atlas_contact_sheet_draw_page  (AtlasContactSheet  *sheet,
                                                   cairo_t            *cr,
                                                   guint               page);
gboolean           atlas_contact_sheet_write_pdf  (AtlasContactSheet  *sheet,
                                                   GFile              *file,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasContactSheet, atlas_contact_sheet_free)

G_END_DECLS
