/* atlas-date.h: the dates press releases are written with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_date_parse_rfc822     (const char *text,
                                      gint64     *unix_utc);
gboolean atlas_date_parse_iso8601    (const char *text,
                                      gint64     *unix_utc);
gboolean atlas_date_parse_any        (const char *text,
                                      gint64     *unix_utc);
gboolean atlas_date_from_german_text (const char *text,
                                      gint64      published,
                                      GDate      *date);

G_END_DECLS
