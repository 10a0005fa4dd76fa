/* atlas-native.h: the app's own exchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-parse.h"
#include "atlas-store.h"

G_BEGIN_DECLS

gboolean atlas_native_export (AtlasStore         *store,
                              GFile              *file,
                              GCancellable       *cancellable,
                              GError            **error);
gboolean atlas_parse_native  (AtlasParseContext  *ctx,
                              GError            **error);

G_END_DECLS
