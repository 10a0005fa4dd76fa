/* atlas-alert.c: messages that need an answer, as AdwAlertDialog
 *
 * Every message of the app is an AdwAlertDialog made by atlas_alert_new()
 * and presented over the window it concerns (adw_dialog_present); this
 * file also holds the one shape more than one place needs, an alert with
 * details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-alert.h"

/* libadwaita 1.7's alert keeps its heading twice: a large label on one
 * line, shown when it fits, and a smaller one that wraps. It measures the
 * large one's height for widths narrower than the line, and GTK warns
 * ("Trying to measure GtkLabel … for width of 324, but it needs at least
 * 344") for any heading wider than the narrowest alert. Letting the large
 * label ellipsize lowers its minimum width only: its natural width, by
 * which the alert picks the label to show, stays the whole line. */
static void
heading_can_shrink (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2") &&
      !gtk_label_get_wrap (GTK_LABEL (widget)))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heading_can_shrink (child);
}

/**
 * atlas_alert_new:
 * @heading: (nullable): what happened, as a title
 * @body: (nullable): what it means, in a sentence or two
 *
 * An AdwAlertDialog, as adw_alert_dialog_new() makes it, whose heading
 * can be as long as a translation makes it (see heading_can_shrink()).
 * Every alert of the app is made here.
 *
 * Returns: (transfer floating): the alert, to add responses to and present
 */
AdwDialog *
atlas_alert_new (const char *heading,
                 const char *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  heading_can_shrink (adw_dialog_get_child (dialog));
  return dialog;
}

/**
 * atlas_alert_new_question:
 * @heading: (nullable): the question, as a title
 * @body: (nullable): what answering it does
 * @response: the id of the answer that acts
 * @label: its button's label, with a mnemonic
 * @appearance: suggested, or destructive for what cannot be taken back
 *
 * An alert that asks before acting: Cancel (also on Escape) and
 * @response; @response is the default unless it is destructive.
 *
 * Returns: (transfer floating): the alert, to connect to and present
 */
AdwDialog *
atlas_alert_new_question (const char            *heading,
                          const char            *body,
                          const char            *response,
                          const char            *label,
                          AdwResponseAppearance  appearance)
{
  AdwDialog *dialog = atlas_alert_new (heading, body);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  response, label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), response, appearance);
  if (appearance != ADW_RESPONSE_DESTRUCTIVE)
    adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  return dialog;
}

/**
 * atlas_alert_set_details:
 * @alert: an alert
 * @details: (nullable): a long text (files, lines, an error with a path
 *   in it), shown selectable in a scrolled box below the body
 *
 * A path or an error message can hold a word longer than a narrow alert
 * is wide; the body's label does not break it, this box does.
 */
void
atlas_alert_set_details (AdwAlertDialog *alert,
                         const char     *details)
{
  GtkWidget *label, *scrolled;

  g_return_if_fail (ADW_IS_ALERT_DIALOG (alert));

  if (details == NULL || *details == '\0')
    {
      adw_alert_dialog_set_extra_child (alert, NULL);
      return;
    }

  label = gtk_label_new (details);
  scrolled = gtk_scrolled_window_new ();
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
  adw_alert_dialog_set_extra_child (alert, scrolled);
}

/**
 * atlas_alert_show_details:
 * @parent: (nullable): a widget in the window the alert belongs to
 * @heading: what happened, as a title
 * @body: (nullable): what it means, in a sentence or two
 * @details: (nullable): see atlas_alert_set_details()
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
  AdwDialog *dialog = atlas_alert_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  atlas_alert_set_details (ADW_ALERT_DIALOG (dialog), details);

  adw_dialog_present (dialog, parent);
  return ADW_ALERT_DIALOG (dialog);
}

static gboolean
close_dialog_idle_cb (gpointer data)
{
  adw_dialog_close (ADW_DIALOG (data));
  return G_SOURCE_REMOVE;
}

/* Closed once the key's event is done with, not inside it. */
static gboolean
close_dialog_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_dialog_idle_cb, g_object_ref (widget), g_object_unref);
  return TRUE;
}

/**
 * atlas_dialog_class_close_on_ctrl_w:
 *
 * Ctrl+W closes dialogs of this class, as Escape does (the window's own
 * Ctrl+W does not reach past a dialog).
 */
void
atlas_dialog_class_close_on_ctrl_w (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, close_dialog_cb, NULL);
}
