/* atlas-map-export-dialog.h: how the map is exported, with a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-tour-page.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_EXPORT_DIALOG (atlas_map_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapExportDialog, atlas_map_export_dialog, ATLAS, MAP_EXPORT_DIALOG, AdwDialog)

AtlasMapExportDialog *atlas_map_export_dialog_new       (AtlasTourPage        *page,
                                                         const char           *format);
const char           *atlas_map_export_dialog_get_format (AtlasMapExportDialog *self);
double                atlas_map_export_dialog_get_width  (AtlasMapExportDialog *self);
AtlasMapScene        *atlas_map_export_dialog_get_scene  (AtlasMapExportDialog *self);
gboolean              atlas_map_export_dialog_export_to  (AtlasMapExportDialog *self,
                                                          GFile                *file,
                                                          GError              **error);

G_END_DECLS
