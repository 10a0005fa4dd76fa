/* atlas-a11y.h: accessible names GTK 4.8 leaves out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void atlas_a11y_name_inner_buttons (GtkWidget *root);

G_END_DECLS
