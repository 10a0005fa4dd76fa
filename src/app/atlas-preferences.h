/* atlas-preferences.h: the few settings, and the backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PREFERENCES (atlas_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPreferences, atlas_preferences, ATLAS, PREFERENCES, AdwPreferencesDialog)

AtlasPreferences *atlas_preferences_new          (AtlasStore       *store);
void              atlas_preferences_refresh      (AtlasPreferences *self);
char             *atlas_backup_info_describe     (const AtlasBackupInfo *info);

G_END_DECLS
