/* atlas-shortcuts.h: the keyboard shortcuts, in a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwDialog *atlas_shortcuts_dialog_new (void);

G_END_DECLS
