/* atlas-toast.h: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How long a toast with an Undo button stays, in seconds: twice
 * AdwToast's 5, time to read what was done and reach for the button, as
 * GNOME Files and Contacts keep theirs. */
#define ATLAS_TOAST_UNDO_TIMEOUT 10

void atlas_toast_add      (GtkWidget  *from,
                           AdwToast   *toast);
void atlas_toast_add_text (GtkWidget  *from,
                           const char *text);
void atlas_toast_add_undoable (GtkWidget  *from,
                               const char *text);

G_END_DECLS
