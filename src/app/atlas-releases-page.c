/* atlas-releases-page.c: the imported press releases and a reader
 *
 * The list queries the store only once the page is first shown, so
 * start-up does not grow with the archive. Searching uses the full-text
 * index; each row then shows where the words were found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-releases-page.h"
#include "atlas-text.h"

struct _AtlasReleasesPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasListModel *model;
  GtkSingleSelection *selection;

  /* Template children */
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack *content_stack;
  GtkListView *list_view;
  GtkStack *reader_stack;
  GtkButton *back_button;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkLabel *centres_label;
  GtkLabel *body_label;
};

G_DEFINE_FINAL_TYPE (AtlasReleasesPage, atlas_releases_page, GTK_TYPE_WIDGET)

/* Dates as German readers write them, in German time. */
static char *
format_date (gint64 unix_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = berlin ? g_date_time_to_timezone (utc, berlin) : g_date_time_ref (utc);
  return g_date_time_format (local, "%d.%m.%Y");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AtlasReleasesPage        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AtlasReleasesPage        *self)
{
  AtlasRelease *release = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (meta);
  g_autofree char *date = format_date (atlas_release_get_published (release));
  const char *source = atlas_release_get_field (release, ATLAS_RELEASE_SOURCE);
  g_autofree char *meta_text = *source ? g_strdup_printf ("%s · %s", date, source) : g_strdup (date);
  g_autofree char *markup = atlas_text_snippet (atlas_release_get_field (release, ATLAS_RELEASE_BODY),
                                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                "<b>", "</b>", TRUE);

  gtk_label_set_label (GTK_LABEL (title), atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  gtk_label_set_label (GTK_LABEL (meta), meta_text);
  gtk_label_set_markup (GTK_LABEL (snippet), markup ? markup : "");
  gtk_widget_set_visible (snippet, markup != NULL);
}

static char *
centre_names (AtlasReleasesPage *self,
              const char        *ags_list)
{
  g_auto(GStrv) codes = g_strsplit (ags_list, ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; codes[i]; i++)
    {
      g_autoptr(AtlasCentre) centre = NULL;

      if (*codes[i] == '\0')
        continue;
      centre = atlas_store_get_centre_by_ags (self->store, codes[i], NULL);
      g_ptr_array_add (names, g_strdup (centre ? atlas_centre_get_field (centre, ATLAS_CENTRE_DISTRICT)
                                               : codes[i]));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
show_release (AtlasReleasesPage *self,
              AtlasRelease      *release)
{
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *names = NULL;
  g_autofree char *centres = NULL;
  const char *source, *author;

  if (release == NULL)
    {
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      return;
    }

  date = format_date (atlas_release_get_published (release));
  source = atlas_release_get_field (release, ATLAS_RELEASE_SOURCE);
  author = atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR);
  meta = g_strjoin (" · ", date, *source ? source : (*author ? author : NULL), NULL);
  names = centre_names (self, atlas_release_get_field (release, ATLAS_RELEASE_CENTRES));
  /* Translators: followed by the districts a press release is about. */
  centres = *names ? g_strdup_printf (_("Centres: %s"), names) : g_strdup (_("No centre recognised"));

  gtk_label_set_label (self->title_label, atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->centres_label, centres);
  gtk_label_set_label (self->body_label, atlas_release_get_field (release, ATLAS_RELEASE_BODY));
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
}

static void
selection_changed_cb (AtlasReleasesPage *self)
{
  AtlasRelease *release = gtk_single_selection_get_selected_item (self->selection);

  show_release (self, release);
  if (release != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->reader_stack));
}

static void
update_content (AtlasReleasesPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean empty = self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  if (!empty)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->content_stack, *query ? "no-results" : "empty");
}

static void
search_changed_cb (AtlasReleasesPage *self,
                   GtkSearchEntry    *entry)
{
  if (self->model != NULL)
    {
      atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
      /* Rows that stay in place must show the new query's snippet too. */
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  update_content (self);
}

static void
stop_search_cb (AtlasReleasesPage *self,
                GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
back_clicked_cb (AtlasReleasesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_changed_cb (AtlasReleasesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
ensure_model (AtlasReleasesPage *self)
{
  if (self->model != NULL || self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->model = atlas_list_model_new (self->store, ATLAS_RECORD_RELEASE);
  atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_content), self,
                           G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_content (self);
}

static void
atlas_releases_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (atlas_releases_page_parent_class)->map (widget);

  ensure_model (ATLAS_RELEASES_PAGE (widget));
}

static void
atlas_releases_page_dispose (GObject *object)
{
  AtlasReleasesPage *self = ATLAS_RELEASES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_RELEASES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_releases_page_parent_class)->dispose (object);
}

static void
atlas_releases_page_class_init (AtlasReleasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_releases_page_dispose;

  widget_class->map = atlas_releases_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-releases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, centres_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, body_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_releases_page_init (AtlasReleasesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_content (self);
  folded_changed_cb (self);
}

void
atlas_releases_page_set_store (AtlasReleasesPage *self,
                               AtlasStore        *store)
{
  g_return_if_fail (ATLAS_IS_RELEASES_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  show_release (self, NULL);
  update_content (self);
  ensure_model (self);
}

/**
 * atlas_releases_page_get_model:
 *
 * Returns: (transfer none) (nullable): the releases listed, once shown
 */
AtlasListModel *
atlas_releases_page_get_model (AtlasReleasesPage *self)
{
  g_return_val_if_fail (ATLAS_IS_RELEASES_PAGE (self), NULL);

  return self->model;
}

void
atlas_releases_page_search (AtlasReleasesPage *self)
{
  g_return_if_fail (ATLAS_IS_RELEASES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
