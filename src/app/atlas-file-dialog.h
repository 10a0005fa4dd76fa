/* atlas-file-dialog.h: file dialogs that open where the user was last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileDialog *atlas_file_dialog_new      (void);
void           atlas_file_dialog_remember (GFile *chosen);
void           atlas_file_dialog_forget   (void);

G_END_DECLS
