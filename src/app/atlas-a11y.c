/* atlas-a11y.c: accessible names GTK 4.8 leaves out
 *
 * GtkMenuButton and GtkDropDown take the keyboard focus on a toggle
 * button inside them, and GTK 4.8 announces that button by its type
 * name ("GtkToggleButton"), whatever label the outer widget has. Under
 * @root, each menu button and drop-down, and the button inside it, is
 * given the widget's tooltip as its accessible name, so a screen
 * reader says what the control is for. tests/check-accessibility.py
 * finds any control left unnamed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-a11y.h"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
atlas_a11y_name_inner_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_MENU_BUTTON (root) || GTK_IS_DROP_DOWN (root))
    {
      const char *label = gtk_widget_get_tooltip_text (root);

      if (label != NULL)
        {
          set_label (root, label);
          for (GtkWidget *child = gtk_widget_get_first_child (root);
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_BUTTON (child))
              set_label (child, label);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_a11y_name_inner_buttons (child);
}
