/* atlas-alert.c: messages that need an answer, as AdwAlertDialog
 *
 * Every message of the app is an AdwAlertDialog presented over the
 * window it concerns (adw_dialog_present); this file holds the one shape
 * more than one place needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-alert.h"

/**
 * atlas_alert_show_details:
 * @parent: (nullable): a widget in the window the alert belongs to
 * @heading: what happened, as a title
 * @body: (nullable): what it means, in a sentence or two
 * @details: (nullable): a long list (files, lines, errors), shown
 *   selectable in a scrolled box below the body
 *
 * Shows an alert with a single Close response.
 *
 * Returns: (transfer none): the alert, presented
 */
AdwAlertDialog *
atlas_alert_show_details (GtkWidget  *parent,
                          const char *heading,
                          const char *body,
                          const char *details)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");

  if (details != NULL && *details != '\0')
    {
      GtkWidget *label = gtk_label_new (details);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_widget_add_css_class (scrolled, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                      -1);
      adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scrolled);
    }

  adw_dialog_present (dialog, parent);
  return ADW_ALERT_DIALOG (dialog);
}
