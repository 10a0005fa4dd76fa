/* atlas-contacts-page.h: the contacts of the press office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-model.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONTACTS_PAGE (atlas_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContactsPage, atlas_contacts_page, ATLAS, CONTACTS_PAGE, GtkWidget)

void atlas_contacts_page_set_store (AtlasContactsPage *self,
                                   AtlasStore   *store);

G_END_DECLS
