/* atlas-contact-io-private.h: what the contacts exchange's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-contact-io.h"

G_BEGIN_DECLS

/* atlas-contact-io.c */
void atlas_contact_io_set_line (AtlasContact *contact,
                                guint         line);
void atlas_contact_io_set_centre_given (AtlasContact *contact,
                                        gboolean      given);
const char *atlas_contact_io_get_address (AtlasContact *contact);
void atlas_contact_io_set_address (AtlasContact *contact,
                                   const char   *address);
void atlas_contact_io_add_to_list (AtlasContact      *contact,
                                   AtlasContactField  field,
                                   const char        *value);

/* atlas-vcard.c */
GPtrArray *atlas_contacts_parse_vcard (const char  *text,
                                       GPtrArray   *messages,
                                       GError     **error);

/* atlas-csv.c */
GPtrArray *atlas_contacts_parse_csv (const char  *text,
                                     GPtrArray   *messages,
                                     GError     **error);

G_END_DECLS
