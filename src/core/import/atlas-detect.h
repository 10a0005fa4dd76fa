/* atlas-detect.h: which centres a press release is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char ags[9];
  gboolean visited;  /* the centre visited, not merely mentioned */
} AtlasCentreMention;

GArray   *atlas_detect_centres  (const char *title,
                                 const char *body);
gboolean  atlas_detect_is_visit (const char *title,
                                 const char *body);
char     *atlas_detect_visitors (const char *text);

G_END_DECLS
