/* atlas-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-centres-page.h"
#include "atlas-contacts-page.h"
#include "atlas-releases-page.h"
#include "atlas-tour-page.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow      *atlas_window_new               (GtkApplication *application,
                                                  AtlasStore     *store);
AtlasStore       *atlas_window_get_store         (AtlasWindow    *self);
AtlasCentresPage *atlas_window_get_centres_page  (AtlasWindow    *self);
AtlasReleasesPage *atlas_window_get_releases_page (AtlasWindow    *self);
AtlasTourPage    *atlas_window_get_tour_page     (AtlasWindow    *self);
void              atlas_window_import_files      (AtlasWindow    *self,
                                                  GFile         **files,
                                                  guint           n_files);
void              atlas_window_show_view         (AtlasWindow    *self,
                                                  const char     *name);
AtlasContactsPage *atlas_window_get_contacts_page (AtlasWindow   *self);
void               atlas_window_offer_undo       (AtlasWindow   *self,
                                                  AdwToast      *toast);
AtlasHistory     *atlas_window_get_history       (AtlasWindow    *self);
gboolean          atlas_window_flush             (AtlasWindow    *self);
GStrv             atlas_window_dup_unsaved       (AtlasWindow    *self);
void              atlas_window_quit              (AtlasWindow    *self);
void              atlas_window_add_toast         (AtlasWindow    *self,
                                                  const char     *markup);

G_END_DECLS
