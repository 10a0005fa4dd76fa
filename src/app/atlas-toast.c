/* atlas-toast.c: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-toast.h"
#include "atlas-window.h"

static GtkWidget *
find_overlay (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_TOAST_OVERLAY (child) ? child : find_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * atlas_toast_add:
 * @from: a widget in the main window, in a dialog over it, or in a window over it
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the main window's toast overlay: @from's own, that of
 * the window a dialog stands in, or that of the window a window stands over.
 */
void
atlas_toast_add (GtkWidget *from,
                 AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (from);

  /* A dialog sits beside the window's content, not in it. */
  if (overlay == NULL && root != NULL)
    overlay = find_overlay (GTK_WIDGET (root));
  if (overlay == NULL && GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    overlay = find_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))));

  /* An offer to undo holds only while what it undoes is the newest step:
   * the window keeps it and takes it away when the history changes. */
  if (overlay != NULL && g_strcmp0 (adw_toast_get_action_name (toast), "win.undo") == 0 &&
      ATLAS_IS_WINDOW (gtk_widget_get_root (overlay)))
    atlas_window_offer_undo (ATLAS_WINDOW (gtk_widget_get_root (overlay)), toast);
  else if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Shows plain text, such as an error message (AdwToast 1.2 reads its
 * title as markup). */
void
atlas_toast_add_text (GtkWidget  *from,
                      const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  atlas_toast_add (from, adw_toast_new (escaped));
}

/* Plain text with an Undo button, after a step of the history. */
void
atlas_toast_add_undoable (GtkWidget  *from,
                          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  /* The offer to undo what was just done comes at once, over an older
   * toast (queued behind "Undone: …", it came too late to be of use). */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  atlas_toast_add (from, toast);
}
