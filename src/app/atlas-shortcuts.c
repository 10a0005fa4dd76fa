/* atlas-shortcuts.c: the keyboard shortcuts, in a dialog
 *
 * GTK's shortcuts window is deprecated since GTK 4.18; its replacement,
 * AdwShortcutsDialog, came with libadwaita 1.8. With an older libadwaita
 * the same table is shown in an AdwDialog of our own: a group per
 * section, a row per shortcut, the keys as GTK spells them for the
 * user's keyboard (gtk_accelerator_get_label). This is the one place
 * that depends on the libadwaita version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-shortcuts.h"

typedef struct {
  const char *title;        /* a section when accelerator is NULL */
  const char *accelerator;
} Shortcut;

static const Shortcut shortcuts[] = {
  { NC_("shortcut window", "General"), NULL },
  { NC_("shortcut window", "Show Shortcuts"), "<Control>question" },
  { NC_("shortcut window", "Close Window"), "<Control>w" },
  { NC_("shortcut window", "Quit"), "<Control>q" },
  { NC_("shortcut window", "Catalogue"), NULL },
  { NC_("shortcut window", "Import Press Releases"), "<Control>o" },
  { NC_("shortcut window", "Search"), "<Control>f" },
  { NC_("shortcut window", "Show Centres"), "<Alt>1" },
  { NC_("shortcut window", "Show Contacts"), "<Alt>2" },
  { NC_("shortcut window", "Show Press Releases"), "<Alt>3" },
  { NC_("shortcut window", "Show Tour Map"), "<Alt>4" },
  { NC_("shortcut window", "Export the Map"), "<Control>e" },
  { NC_("shortcut window", "Editing"), NULL },
  { NC_("shortcut window", "New Contact (in the Tour Map: New Visit)"), "<Control>n" },
  { NC_("shortcut window", "Undo"), "<Control>z" },
  { NC_("shortcut window", "Redo"), "<Control><Shift>z" },
  { NC_("shortcut window", "Save the Field and Go On"), "Return" },
  { NC_("shortcut window", "Delete the Selected Contact"), "Delete" },
  { NC_("shortcut window", "Back to the List (Narrow Window)"), "<Alt>Left" },
};

#define TITLE(s) g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", (s)->title)

#if ADW_CHECK_VERSION (1, 8, 0)

/* The build pins ADW_VERSION_MAX_ALLOWED to 1.7; this branch is the one
 * place allowed to use what libadwaita added after that. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

AdwDialog *
atlas_shortcuts_dialog_new (void)
{
  AdwDialog *dialog = adw_shortcuts_dialog_new ();
  AdwShortcutsSection *section = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (shortcuts[i].accelerator == NULL)
        {
          section = adw_shortcuts_section_new (TITLE (&shortcuts[i]));
          adw_shortcuts_dialog_add (ADW_SHORTCUTS_DIALOG (dialog), section);
        }
      else
        adw_shortcuts_section_add (section, adw_shortcuts_item_new (TITLE (&shortcuts[i]),
                                                                   shortcuts[i].accelerator));
    }
  return dialog;
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else

AdwDialog *
atlas_shortcuts_dialog_new (void)
{
  AdwDialog *dialog = adw_dialog_new ();
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = NULL;

  adw_dialog_set_title (dialog, _("Keyboard Shortcuts"));
  adw_dialog_set_content_width (dialog, 480);
  adw_dialog_set_content_height (dialog, 600);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *keys = NULL;
      GtkWidget *row, *label;

      if (shortcuts[i].accelerator == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), TITLE (&shortcuts[i]));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
          continue;
        }

      if (!gtk_accelerator_parse (shortcuts[i].accelerator, &key, &mods))
        g_assert_not_reached ();
      keys = gtk_accelerator_get_label (key, mods);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), TITLE (&shortcuts[i]));
      label = gtk_label_new (keys);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "monospace");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, keys,
                                      -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), page);
  adw_dialog_set_child (dialog, toolbar);
  return dialog;
}

#endif
