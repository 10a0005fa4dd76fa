/* atlas-validate.h: the rules a field's text must follow before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-centre.h"
#include "atlas-contact.h"
#include "atlas-visit.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_CHECK_NONE,
  ATLAS_CHECK_REQUIRED,     /* any text but blanks */
  ATLAS_CHECK_EMAIL,        /* one address */
  ATLAS_CHECK_EMAILS,       /* a list separated by commas */
  ATLAS_CHECK_PHONE,        /* one German or international number */
  ATLAS_CHECK_PHONES,       /* a list separated by commas */
  ATLAS_CHECK_POSTAL_CODE,  /* five digits */
  ATLAS_CHECK_URL,          /* http:// or https:// with a host */
  ATLAS_CHECK_DATE,         /* dd.mm.yyyy or yyyy-mm-dd, a real day */
  ATLAS_CHECK_VISIT_DATE,   /* a day, month, year, calendar week or range */
} AtlasCheck;

char       *atlas_validate                  (AtlasCheck         check,
                                             const char        *text);
char       *atlas_validate_normalize        (AtlasCheck         check,
                                             const char        *text);
char       *atlas_validate_display          (AtlasCheck         check,
                                             const char        *stored);
AtlasCheck  atlas_centre_field_check        (AtlasCentreField   field);
AtlasCheck  atlas_contact_field_check       (AtlasContactField  field);
AtlasCheck  atlas_visit_field_check         (AtlasVisitField    field);

char      **atlas_list_split                (const char        *text);
char       *atlas_list_join                 (const char * const *items);
char       *atlas_list_union                (const char        *a,
                                             const char        *b);

G_END_DECLS
