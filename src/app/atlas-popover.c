/* atlas-popover.c: popovers that stay within their window
 *
 * A popover stands centred on the widget it points at, and GTK keeps it
 * on the screen, not in the window: in a narrow window (a phone) a
 * popover of a button near the window's edge reached past it (the main
 * menu, the Tour's period). Each time it opens, it is moved sideways as
 * far as it must to lie within the window, its arrow still at its
 * widget (shown, it can be measured; it is placed when next laid out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-popover.h"

static void
shown_cb (GtkPopover *popover)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
  GtkWidget *window = parent ? GTK_WIDGET (gtk_widget_get_root (parent)) : NULL;
  GtkPositionType position = gtk_popover_get_position (popover);
  graphene_rect_t bounds;
  double centre, left, right, shift = 0;
  int window_width, width = 0;

  if (window == NULL || (position != GTK_POS_BOTTOM && position != GTK_POS_TOP) ||
      !gtk_widget_compute_bounds (parent, window, &bounds))
    return;
  window_width = gtk_widget_get_width (window);
  gtk_widget_measure (GTK_WIDGET (popover), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  centre = bounds.origin.x + bounds.size.width / 2;
  left = centre - width / 2.0;
  right = centre + width / 2.0;
  if (width >= window_width)
    shift = window_width / 2.0 - centre;
  else if (right > window_width)
    shift = window_width - right;
  else if (left < 0)
    shift = -left;
  gtk_popover_set_offset (popover, (int) floor (shift), 0);
}

/**
 * atlas_popover_keep_in_window:
 *
 * Moves @popover, each time it opens, to lie within its window.
 */
void
atlas_popover_keep_in_window (GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect (popover, "show", G_CALLBACK (shown_cb), NULL);
}
