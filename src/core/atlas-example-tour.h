/* atlas-example-tour.h: the documented tour of 2017–2021, to try the app on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-history.h"
#include "atlas-importer.h"
#include "atlas-store.h"

G_BEGIN_DECLS

gboolean atlas_example_tour_load      (AtlasStore         *store,
                                       AtlasHistory       *history,
                                       AtlasImportResult  *result);
guint    atlas_example_tour_remove    (AtlasStore         *store,
                                       AtlasHistory       *history,
                                       GError            **error);
guint    atlas_example_tour_count     (AtlasStore         *store);

G_END_DECLS
