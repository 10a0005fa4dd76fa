/* fuzz-detect.c: finding the centres, visits and visitors in a release
 *
 * The first line of the input is the title, the rest the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-detect.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_string (data, size);
  g_autoptr(GArray) mentions = NULL;
  g_autofree char *visitors = NULL;
  char *newline;
  const char *body = "";

  /* The importer hands the detector valid UTF-8 only. */
  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  if ((newline = strchr (text, '\n')) != NULL)
    {
      *newline = '\0';
      body = newline + 1;
    }
  mentions = atlas_detect_release (text, body, body, 1538481600);
  visitors = atlas_detect_visitors (body);
  return 0;
}
