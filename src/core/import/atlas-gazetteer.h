/* atlas-gazetteer.h: the municipalities of NRW and their districts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *ags;       /* 8 digits for a municipality, 5 for a district */
  const char *district;  /* the district's 5-digit AGS */
  const char *name;      /* as the BKG writes it: "Hennef (Sieg)" */
  gboolean is_district;
} AtlasPlace;

guint             atlas_gazetteer_get_n_places (void);
const AtlasPlace *atlas_gazetteer_get_place    (guint index);

G_END_DECLS
