/* atlas-exchange-dialogs.h: the window's calendar, map data and contact
 * list exports, and the calendar import with its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-window.h"

G_BEGIN_DECLS

/* Writing to a file already chosen: what the actions do after asking. */
gboolean           atlas_exchange_export_visits        (AtlasWindow  *window,
                                                        GFile        *file,
                                                        guint        *n_left_out,
                                                        GError      **error);
gboolean           atlas_exchange_export_map_data      (AtlasWindow  *window,
                                                        GFile        *file,
                                                        GError      **error);
gboolean           atlas_exchange_export_contact_list  (AtlasWindow  *window,
                                                        GFile        *file,
                                                        GError      **error);
gboolean           atlas_exchange_print_contact_list_to_file (AtlasWindow *window,
                                                        const char   *path,
                                                        GError      **error);
AdwAlertDialog    *atlas_exchange_preview_visits       (AtlasWindow  *window,
                                                        GFile        *file);

/* The actions: ask (file chooser, print dialog), then do it. */
void               atlas_exchange_choose_export_visits       (AtlasWindow *window);
void               atlas_exchange_choose_import_visits       (AtlasWindow *window);
void               atlas_exchange_choose_export_map_data     (AtlasWindow *window);
void               atlas_exchange_choose_export_contact_list (AtlasWindow *window);
void               atlas_exchange_print_contact_list         (AtlasWindow *window);

G_END_DECLS
