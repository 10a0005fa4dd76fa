/* atlas-contacts-page.h: the contacts of the press office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-contact-editor.h"
#include "atlas-history.h"
#include "atlas-list-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONTACTS_PAGE (atlas_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContactsPage, atlas_contacts_page, ATLAS, CONTACTS_PAGE, GtkWidget)

void                atlas_contacts_page_set_store    (AtlasContactsPage *self,
                                                      AtlasStore        *store);
void                atlas_contacts_page_set_context  (AtlasContactsPage *self,
                                                      AtlasStore        *store,
                                                      AtlasHistory      *history);
AtlasListModel     *atlas_contacts_page_get_model    (AtlasContactsPage *self);
AtlasContactEditor *atlas_contacts_page_get_editor   (AtlasContactsPage *self);
void                atlas_contacts_page_new_contact  (AtlasContactsPage *self,
                                                      const char        *centre_ags);
void                atlas_contacts_page_show_contact (AtlasContactsPage *self,
                                                      gint64             id);
gboolean            atlas_contacts_page_delete_shown (AtlasContactsPage *self);
gboolean            atlas_contacts_page_flush        (AtlasContactsPage *self);
void                atlas_contacts_page_search       (AtlasContactsPage *self);
AdwAlertDialog     *atlas_contacts_page_preview_import (AtlasContactsPage *self,
                                                        GFile             *file);
void                atlas_contacts_page_choose_import (AtlasContactsPage *self);
gboolean            atlas_contacts_page_export       (AtlasContactsPage *self,
                                                      GFile             *file,
                                                      gboolean           only_shown,
                                                      GError           **error);
void                atlas_contacts_page_choose_export (AtlasContactsPage *self,
                                                       gboolean           only_shown);

G_END_DECLS
