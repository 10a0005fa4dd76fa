/* atlas-html.h: HTML and XHTML bodies as plain text with paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

char *atlas_html_to_text         (const char *html);
gboolean atlas_html_has_markup   (const char *text);
void  atlas_html_append_node_text (GString   *out,
                                   xmlNode   *node);
char *atlas_html_tidy_text       (const char *text);

G_END_DECLS
