/* atlas-review.h: accepting and dismissing suggested visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

guint atlas_review_suggested (AtlasStore    *store,
                              AtlasHistory  *history,
                              GPtrArray     *visits,
                              gboolean       accept,
                              GError       **error);

G_END_DECLS
