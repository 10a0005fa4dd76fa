/* atlas-alert.h: messages that need an answer, as AdwAlertDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwDialog      *atlas_alert_new          (const char     *heading,
                                          const char     *body);
AdwDialog      *atlas_alert_new_question (const char     *heading,
                                          const char     *body,
                                          const char     *response,
                                          const char     *label,
                                          AdwResponseAppearance appearance);
void            atlas_alert_set_details  (AdwAlertDialog *alert,
                                          const char     *details);
AdwAlertDialog *atlas_alert_show_details (GtkWidget  *parent,
                                          const char *heading,
                                          const char *body,
                                          const char *details);

void            atlas_dialog_class_close_on_ctrl_w (GtkWidgetClass *widget_class);
void            atlas_dialog_class_add_window_keys (GtkWidgetClass *widget_class);

G_END_DECLS
