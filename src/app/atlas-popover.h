/* atlas-popover.h: popovers that stay within their window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void atlas_popover_keep_in_window (GtkPopover *popover);

G_END_DECLS
