/* atlas-releases-page-links.c: the reader's centres and visits: the
 * centres a press release is about (visited? confirmed?), the visits it
 * reports, and the links' toggles as icons in a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detect.h"
#include "atlas-map-scene.h"
#include "atlas-popover.h"
#include "atlas-releases-page-private.h"
#include "atlas-text.h"
#include "atlas-toast.h"

static void
link_toggled_cb (GtkToggleButton   *button,
                 AtlasReleasesPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 centre = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "centre-id"));
  GtkToggleButton *visited = g_object_get_data (G_OBJECT (button), "visited-button");
  GtkToggleButton *confirmed = g_object_get_data (G_OBJECT (button), "confirmed-button");

  if (!atlas_store_link_release_full (self->store, self->current_id, centre,
                                      gtk_toggle_button_get_active (visited),
                                      gtk_toggle_button_get_active (confirmed), &error))
    g_warning ("Could not change a link: %s", error->message);
}

static void
link_removed_cb (GtkButton         *button,
                 AtlasReleasesPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 centre = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "centre-id"));

  if (!atlas_store_unlink_centre (self->store, self->current_id, centre, &error))
    g_warning ("Could not remove a link: %s", error->message);
}

/* A link's toggle: its words, or in a narrow window its icon, the words
 * then its tooltip's start and always its accessible name. */
static void
set_toggle_compact (GtkWidget *button,
                    gboolean   compact)
{
  const char *label = g_object_get_data (G_OBJECT (button), "label");

  if (compact)
    gtk_button_set_icon_name (GTK_BUTTON (button), g_object_get_data (G_OBJECT (button), "icon"));
  else
    gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
link_toggle (const char *label,
             const char *icon,
             const char *tooltip,
             gboolean    compact)
{
  GtkWidget *button = gtk_toggle_button_new ();

  g_object_set_data_full (G_OBJECT (button), "label", g_strdup (label), g_free);
  g_object_set_data (G_OBJECT (button), "icon", (gpointer) icon);
  gtk_widget_set_tooltip_text (button, tooltip);
  set_toggle_compact (button, compact);
  return button;
}

static void
set_links_compact (AtlasReleasesPage *self,
                   gboolean           compact)
{
  self->compact = compact;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->links_box)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *visited = g_object_get_data (G_OBJECT (row), "visited-button");
      GtkWidget *confirmed = g_object_get_data (G_OBJECT (row), "confirmed-button");

      if (visited != NULL)
        set_toggle_compact (visited, compact);
      if (confirmed != NULL)
        set_toggle_compact (confirmed, compact);
    }
}

static void
compact_links_cb (AtlasReleasesPage *self)
{
  set_links_compact (self, TRUE);
}

static void
full_links_cb (AtlasReleasesPage *self)
{
  set_links_compact (self, FALSE);
}

static GtkWidget *
link_row (AtlasReleasesPage      *self,
          const AtlasReleaseLink *link)
{
  g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (self->store, link->ags, NULL);
  GtkWidget *row = adw_action_row_new ();
  /* Said as a press officer would: the release reports a visit there;
   * the link was checked by hand (it was “Visited” and “Confirmed”, which
   * read like the visit's status and left open by whom). */
  GtkWidget *visited = link_toggle (C_("release link", "Reports a Visit"), "mark-location-symbolic",
                                    _("Whether the press release reports a visit to this centre"), self->compact);
  GtkWidget *confirmed = link_toggle (C_("release link", "Checked by Me"), "object-select-symbolic",
                                      _("A link you checked stays when the press release is imported again"),
                                      self->compact);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = NULL;
  const char *name = centre ? atlas_centre_get_field (centre, ATLAS_CENTRE_DISTRICT) : link->ags;
  gsize id = centre ? (gsize) atlas_centre_get_id (centre) : 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               link->visited ? _("The centre visited") : _("Mentioned"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (visited), link->visited);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (confirmed), link->confirmed);
  g_object_set_data (G_OBJECT (row), "visited-button", visited);
  g_object_set_data (G_OBJECT (row), "confirmed-button", confirmed);
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");

  for (GtkWidget **w = (GtkWidget *[]) { visited, confirmed, remove, NULL }; *w; w++)
    {
      gtk_widget_set_valign (*w, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (*w), "centre-id", GSIZE_TO_POINTER (id));
      g_object_set_data (G_OBJECT (*w), "visited-button", visited);
      g_object_set_data (G_OBJECT (*w), "confirmed-button", confirmed);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *w);
    }
  g_signal_connect (visited, "toggled", G_CALLBACK (link_toggled_cb), self);
  g_signal_connect (confirmed, "toggled", G_CALLBACK (link_toggled_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (link_removed_cb), self);

  return row;
}

void
_atlas_releases_page_show_links (AtlasReleasesPage *self)
{
  g_autoptr(GArray) links = atlas_store_get_release_links (self->store, self->current_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_list_box_remove (self->links_box, child);

  for (guint i = 0; links != NULL && i < links->len; i++)
    gtk_list_box_append (self->links_box, link_row (self, &g_array_index (links, AtlasReleaseLink, i)));

  if (links == NULL || links->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No centre recognised"));
      gtk_list_box_append (self->links_box, row);
    }
}

static void
visit_row_activated_cb (AdwActionRow      *row,
                        AtlasReleasesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "visit-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-visit", "x", id);
}

/* The visits the release reports, each opening in the Tour view. */
void
_atlas_releases_page_show_visits (AtlasReleasesPage *self)
{
  g_autoptr(GArray) ids = atlas_store_get_release_visits (self->store, self->current_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->visits_box))) != NULL)
    gtk_list_box_remove (self->visits_box, child);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GObject) visit = atlas_store_load (self->store, ATLAS_RECORD_VISIT, id, NULL);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      const char *ags, *status;
      GtkWidget *row;

      if (visit == NULL)
        continue;
      ags = atlas_visit_get_field (ATLAS_VISIT (visit), ATLAS_VISIT_AGS);
      status = atlas_visit_get_field (ATLAS_VISIT (visit), ATLAS_VISIT_STATUS);
      date = atlas_format_visit_date (atlas_visit_get_field (ATLAS_VISIT (visit), ATLAS_VISIT_DATE));
      title = g_strjoin (" · ", self->districts && g_hash_table_lookup (self->districts, ags)
                                  ? (const char *) g_hash_table_lookup (self->districts, ags) : ags,
                         date, NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   g_str_equal (status, "suggested") ? _("Suggested")
                                   : g_str_equal (status, "planned") ? _("Planned") : _("Visited"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "visit-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (row, "activated", G_CALLBACK (visit_row_activated_cb), self);
      gtk_list_box_append (self->visits_box, row);
    }

  if (ids == NULL || ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No visit"));
      gtk_list_box_append (self->visits_box, row);
    }
}

void
_atlas_releases_page_class_init_links (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, compact_links_cb);
  gtk_widget_class_bind_template_callback (widget_class, full_links_cb);
}
