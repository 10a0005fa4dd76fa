/* atlas-centre-index.h: which centre a record from elsewhere belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-centre.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct _AtlasCentreIndex AtlasCentreIndex;

AtlasCentreIndex *atlas_centre_index_new   (AtlasStore        *store,
                                            GError           **error);
void              atlas_centre_index_free  (AtlasCentreIndex  *index);
AtlasCentre      *atlas_centre_index_match (AtlasCentreIndex  *index,
                                            const char        *ags,
                                            const char        *address,
                                            const char        *place,
                                            const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCentreIndex, atlas_centre_index_free)

G_END_DECLS
