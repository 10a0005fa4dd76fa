/* atlas-alert.h: messages that need an answer, as AdwAlertDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwAlertDialog *atlas_alert_show_details (GtkWidget  *parent,
                                          const char *heading,
                                          const char *body,
                                          const char *details);

G_END_DECLS
