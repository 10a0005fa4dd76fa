/* fuzz-date.c: the date parsers (RFC 822, ISO 8601, German text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_string (data, size);
  gint64 t = 0;
  GDate date;

  g_date_clear (&date, 1);
  atlas_date_parse_rfc822 (text, &t);
  atlas_date_parse_iso8601 (text, &t);
  atlas_date_parse_any (text, &t);
  /* A publication date of 2 October 2018, 12:00 UTC, for "heute" and
   * weekdays in the text. */
  if (g_utf8_validate (text, -1, NULL))
    atlas_date_from_german_text (text, 1538481600, &date);
  return 0;
}
