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

typedef struct {
  AdwDialog *dialog;
  GtkWidget *window;
  char *action;
  GVariant *parameter;  /* the action's, or NULL */
  gboolean close;       /* the dialog closes first */
} WindowKey;

static void
window_key_free (gpointer data)
{
  WindowKey *key = data;

  g_object_unref (key->dialog);
  g_object_unref (key->window);
  g_free (key->action);
  g_clear_pointer (&key->parameter, g_variant_unref);
  g_free (key);
}

static gboolean
window_key_idle_cb (gpointer data)
{
  WindowKey *key = data;

  if (gtk_widget_get_root (GTK_WIDGET (key->dialog)) != GTK_ROOT (key->window))
    return G_SOURCE_REMOVE;
  /* Closing saves what was typed (the dialog's "closed"); a dialog that
   * refuses to close (it asks about what it cannot save) stays, and the
   * key does nothing more. app.quit closes the window itself, which saves
   * what the dialog holds (or asks); the shortcuts show over the dialog. */
  if (key->close && !adw_dialog_close (key->dialog))
    return G_SOURCE_REMOVE;
  gtk_widget_activate_action_variant (key->window, key->action, key->parameter);
  return G_SOURCE_REMOVE;
}

/* Done once the key's event is done with, not inside it. @args: the
 * action, its string parameter or none, and whether the dialog closes. */
static gboolean
window_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *action;
  const char *parameter;
  WindowKey *key;

  if (!GTK_IS_WINDOW (root))
    return FALSE;
  key = g_new0 (WindowKey, 1);
  g_variant_get (args, "(&sm&sb)", &action, &parameter, &key->close);
  key->dialog = ADW_DIALOG (g_object_ref (widget));
  key->window = GTK_WIDGET (g_object_ref (root));
  key->action = g_strdup (action);
  key->parameter = parameter ? g_variant_ref_sink (g_variant_new_string (parameter)) : NULL;
  g_idle_add_full (G_PRIORITY_DEFAULT, window_key_idle_cb, key, window_key_free);
  return TRUE;
}

/**
 * atlas_dialog_class_add_window_keys:
 *
 * A dialog keeps the window's keys from the window (libadwaita's dialogs
 * are modal). In dialogs of this class, the window's keys that go
 * somewhere else close the dialog, saving what was typed, and go there,
 * as in GNOME Contacts, whose editor is part of its window: Alt+1…4 (a
 * view), Ctrl+F (search), Ctrl+N (a new record), Ctrl+O (import), Ctrl+E
 * (export the map) and Ctrl+, (preferences). Ctrl+Q quits, as in the
 * window, and Ctrl+? shows the shortcuts over the dialog. Keys that work
 * on what is typed (Ctrl+Z, Ctrl+A …) stay the dialog's.
 */
void
atlas_dialog_class_add_window_keys (GtkWidgetClass *widget_class)
{
  static const char * const views[] = { "centres", "contacts", "releases", "tour" };
  static const struct { guint key; const char *action; gboolean close; } keys[] = {
    { GDK_KEY_f, "win.search", TRUE },
    { GDK_KEY_n, "win.new-item", TRUE },
    { GDK_KEY_o, "win.import", TRUE },
    { GDK_KEY_e, "win.export-map", TRUE },
    { GDK_KEY_comma, "app.preferences", TRUE },
    { GDK_KEY_q, "app.quit", FALSE },
    { GDK_KEY_question, "win.show-shortcuts", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                  window_key_cb, "(smsb)", "win.show-view", views[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i].key, GDK_CONTROL_MASK,
                                  window_key_cb, "(smsb)", keys[i].action, NULL, keys[i].close);
}
