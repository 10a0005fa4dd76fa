/* atlas-visit-date.h: reading, ordering and showing dates, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years a date may have, everywhere. */
#define ATLAS_FIRST_YEAR 1900
#define ATLAS_LAST_YEAR  2999

gboolean  atlas_day_parse          (const char *text,
                                    int        *year,
                                    int        *month,
                                    int        *day);
char     *atlas_visit_parse_date   (const char *text);
char     *atlas_visit_sort_date    (const char *date);
char     *atlas_format_visit_date  (const char *date);

G_END_DECLS
