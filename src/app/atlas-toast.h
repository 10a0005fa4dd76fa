/* atlas-toast.h: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void atlas_toast_add      (GtkWidget  *from,
                           AdwToast   *toast);
void atlas_toast_add_text (GtkWidget  *from,
                           const char *text);
void atlas_toast_add_undoable (GtkWidget  *from,
                               const char *text);

G_END_DECLS
