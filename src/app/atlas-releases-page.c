/* atlas-releases-page.c: the imported press releases and a reader
 *
 * The list queries the store only once the page is first shown, so
 * start-up does not grow with the archive. Searching uses the full-text
 * index; each row then shows where the words were found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-detect.h"
#include "atlas-popover.h"
#include "atlas-releases-page-private.h"
#include "atlas-text.h"
#include "atlas-visit-date.h"
#include "atlas-toast.h"

G_DEFINE_FINAL_TYPE (AtlasReleasesPage, atlas_releases_page, GTK_TYPE_WIDGET)

static void load_centres (AtlasReleasesPage *self);

static char *
centre_names (AtlasReleasesPage *self,
              const char        *ags_list)
{
  g_auto(GStrv) codes = g_strsplit (ags_list, ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; codes[i]; i++)
    {
      const char *name = self->districts ? g_hash_table_lookup (self->districts, codes[i]) : NULL;

      if (*codes[i] != '\0')
        g_ptr_array_add (names, (gpointer) (name ? name : codes[i]));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
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
  g_autofree char *date = atlas_release_format_published (release);
  const char *source = atlas_release_get_field (release, ATLAS_RELEASE_SOURCE);
  g_autofree char *names = centre_names (self, atlas_release_get_field (release, ATLAS_RELEASE_CENTRES));
  g_autofree char *meta_text = g_strjoin (" · ", date, *names ? names : source, NULL);
  g_autofree char *markup = atlas_text_snippet (atlas_release_get_field (release, ATLAS_RELEASE_BODY),
                                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                                "<b>", "</b>", TRUE);

  gtk_label_set_label (GTK_LABEL (title), atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  gtk_label_set_label (GTK_LABEL (meta), meta_text);
  gtk_label_set_markup (GTK_LABEL (snippet), markup ? markup : "");
  gtk_widget_set_visible (snippet, markup != NULL);
}

static void
copy_address_cb (AdwToast  *toast,
                 GtkWidget *widget)
{
  const char *link = g_object_get_data (G_OBJECT (toast), "link");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), link);
  atlas_toast_add (widget, adw_toast_new (_("Address copied")));
}

/* The release's own page, in the browser (through the portal in a
 * sandbox). Without a browser GTK's own message ("Operation not
 * supported") says nothing to a press officer: the toast says what is
 * missing and offers the address to paste elsewhere. */
static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      gtk_widget_get_root (self) == NULL)
    return;

  g_debug ("Could not open the release's page: %s", error->message);
  toast = adw_toast_new (_("No browser found to open the page"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Copy _Address"));
  g_object_set_data_full (G_OBJECT (toast), "link",
                          g_strdup (gtk_uri_launcher_get_uri (GTK_URI_LAUNCHER (source))), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (copy_address_cb), self, 0);
  atlas_toast_add (self, toast);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasReleasesPage *self = ATLAS_RELEASES_PAGE (widget);
  g_autoptr(GtkUriLauncher) launcher = NULL;

  if (self->link == NULL || *self->link == '\0')
    return;
  launcher = gtk_uri_launcher_new (self->link);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, launched_cb,
                           g_object_ref (widget));
}

static void
show_release (AtlasReleasesPage *self,
              AtlasRelease      *release)
{
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) evidence = NULL;
  const char *source, *author;

  g_clear_pointer (&self->link, g_free);
  if (release == NULL)
    {
      self->current_id = 0;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "releases.open-link", FALSE);
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      return;
    }

  self->current_id = atlas_release_get_id (release);
  date = atlas_release_format_published (release);
  source = atlas_release_get_field (release, ATLAS_RELEASE_SOURCE);
  author = atlas_release_get_field (release, ATLAS_RELEASE_AUTHOR);
  meta = g_strjoin (" · ", date, *source ? source : (*author ? author : NULL), NULL);

  gtk_label_set_label (self->title_label, atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
  gtk_label_set_label (self->meta_label, meta);
  /* The sentences detection went by stand out. */
  evidence = atlas_store_get_release_evidence (self->store, self->current_id, NULL);
  body = atlas_detect_highlight (atlas_release_get_field (release, ATLAS_RELEASE_BODY),
                                 (const char * const *) evidence);
  gtk_label_set_markup (self->body_label, body);
  _atlas_releases_page_show_links (self);
  _atlas_releases_page_show_visits (self);
  self->link = g_strdup (atlas_release_get_field (release, ATLAS_RELEASE_LINK));
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), *self->link != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), self->link);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "releases.open-link", *self->link != '\0');
  /* The centre to add is chosen each time: none is offered in advance. */
  gtk_drop_down_set_selected (self->add_centre_dropdown, 0);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
}

/**
 * atlas_releases_page_show_release:
 * @id: a release's id
 *
 * Opens the release in the reader.
 */
void
atlas_releases_page_show_release (AtlasReleasesPage *self,
                                  gint64             id)
{
  g_autoptr(GObject) release = NULL;

  g_return_if_fail (ATLAS_IS_RELEASES_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->centre_ids == NULL)
    load_centres (self);
  release = atlas_store_load (self->store, ATLAS_RECORD_RELEASE, id, NULL);
  if (release == NULL)
    return;
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_release (self, ATLAS_RELEASE (release));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
add_centre_cb (AtlasReleasesPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->add_centre_dropdown);

  if (self->current_id == 0 || self->centre_ids == NULL || selected == 0 || selected >= self->centre_ids->len)
    return;

  /* A centre the user adds is the one the release is about. */
  if (!atlas_store_link_release_full (self->store, self->current_id,
                                      g_array_index (self->centre_ids, gint64, selected),
                                      TRUE, TRUE, &error))
    g_warning ("Could not add a link: %s", error->message);
  gtk_drop_down_set_selected (self->add_centre_dropdown, 0);
}

static void
add_centre_chosen_cb (AtlasReleasesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->add_centre_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_centre_button), selected != 0 && selected != GTK_INVALID_LIST_POSITION);
}

/* Links changed: the reader shows them as they are now. */
static void
store_changed_cb (AtlasReleasesPage *self,
                  guint              kind,
                  gint64             id)
{
  if (kind == ATLAS_RECORD_RELEASE && self->current_id != 0 && (id == 0 || id == self->current_id))
    _atlas_releases_page_show_links (self);
  if (kind == ATLAS_RECORD_VISIT && self->current_id != 0)
    _atlas_releases_page_show_visits (self);
}

/* "31.12.2018" or "2018-12-31" as the first (or last) second of that day in
 * Germany in @when (0 for an empty entry); FALSE for text that is not a day. */
static gboolean
parse_day (GtkEntry *entry,
           gboolean  end_of_day,
           gint64   *when)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day = NULL;
  int d, m, y;

  *when = 0;
  if (*text == '\0')
    return TRUE;
  /* A day as the app reads it everywhere (atlas-visit-date.c). */
  if (!atlas_day_parse (text, &y, &m, &d))
    return FALSE;

  day = g_date_time_new (berlin ? berlin : utc, y, m, d,
                         end_of_day ? 23 : 0, end_of_day ? 59 : 0, end_of_day ? 59 : 0);
  if (day == NULL)
    return FALSE;
  *when = g_date_time_to_unix (day);
  return TRUE;
}

static void
apply_filters (AtlasReleasesPage *self)
{
  AtlasQueryScope scope = { 0, 0, 0 };
  guint selected = gtk_drop_down_get_selected (self->centre_filter);
  gint64 from = 0, to = 0;
  gboolean from_ok = parse_day (self->from_entry, FALSE, &from);
  gboolean to_ok = parse_day (self->to_entry, TRUE, &to);
  g_autofree char *label = NULL;

  /* A date being typed is not yet a filter; it is marked until it is one. */
  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");

  if (self->centre_ids != NULL && selected != GTK_INVALID_LIST_POSITION && selected < self->centre_ids->len)
    scope.centre_id = g_array_index (self->centre_ids, gint64, selected);
  /* 0 is no limit: a start before 1970 is none; an end before 1970 ends
   * before any release. */
  scope.from = from_ok && from > 0 ? from : 0;
  scope.to = to_ok && *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) != '\0' ? MAX (to, 1) : 0;

  if (scope.from && scope.to)
    label = g_strdup_printf ("%s – %s", gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                             gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  else if (scope.from)
    label = g_strdup_printf (_("From %s"), gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  else if (scope.to)
    label = g_strdup_printf (_("Until %s"), gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  gtk_menu_button_set_label (self->period_button, label ? label : _("Any Time"));

  if (self->model != NULL)
    atlas_list_model_set_scope (self->model, &scope);
}

static void
filters_changed_cb (AtlasReleasesPage *self)
{
  apply_filters (self);
}

static void
period_changed_cb (AtlasReleasesPage *self)
{
  apply_filters (self);
}

/* The centres for the two drop-downs, in the order of the centres view. */
static void
load_centres (AtlasReleasesPage *self)
{
  g_autoptr(AtlasListModel) centres = NULL;
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) add_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_clear_pointer (&self->centre_ids, g_array_unref);
  g_clear_pointer (&self->districts, g_hash_table_unref);
  self->centre_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_array_append_val (self->centre_ids, none);
  gtk_string_list_append (filter_names, _("All Centres"));
  /* Positions in both lists are those of centre_ids: the first is none. */
  gtk_string_list_append (add_names, _("Choose a Centre…"));

  if (self->store != NULL)
    {
      centres = atlas_list_model_new (self->store, ATLAS_RECORD_CENTRE);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (centres)); i++)
        {
          g_autoptr(AtlasCentre) c = g_list_model_get_item (G_LIST_MODEL (centres), i);
          const char *district = atlas_centre_get_field (c, ATLAS_CENTRE_DISTRICT);
          gint64 id = atlas_centre_get_id (c);

          g_array_append_val (self->centre_ids, id);
          gtk_string_list_append (filter_names, district);
          gtk_string_list_append (add_names, district);
          g_hash_table_insert (self->districts, g_strdup (atlas_centre_get_field (c, ATLAS_CENTRE_AGS)),
                               g_strdup (district));
        }
    }

  gtk_drop_down_set_model (self->centre_filter, G_LIST_MODEL (filter_names));
  gtk_drop_down_set_model (self->add_centre_dropdown, G_LIST_MODEL (add_names));
  gtk_drop_down_set_selected (self->add_centre_dropdown, 0);
}

static void
selection_changed_cb (AtlasReleasesPage *self)
{
  AtlasRelease *release = gtk_single_selection_get_selected_item (self->selection);

  /* A list refresh can drop the selection; the reader keeps its release. */
  if (release == NULL)
    return;

  show_release (self, release);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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
ensure_model (AtlasReleasesPage *self)
{
  if (self->model != NULL || self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->centre_ids == NULL)
    load_centres (self);

  self->model = atlas_list_model_new (self->store, ATLAS_RECORD_RELEASE);
  atlas_list_model_set_filter (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  apply_filters (self);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_content), self,
                           G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* A new selection has chosen its first item already, unseen by the
   * reader: that release could not be opened by choosing it. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
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
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_RELEASES_PAGE);
  /* The template's unnamed breakpoint bin is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->centre_ids, g_array_unref);
  g_clear_pointer (&self->districts, g_hash_table_unref);
  g_clear_pointer (&self->link, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, centre_filter);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, links_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, add_centre_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, add_centre_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, visits_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, body_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  _atlas_releases_page_class_init_links (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_centre_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_centre_chosen_cb);

  gtk_widget_class_install_action (widget_class, "releases.open-link", NULL, open_link_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A drop-down's list is its popover child. */
static void
keep_popup_in_window (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      atlas_popover_keep_in_window (GTK_POPOVER (child));
}

static void
atlas_releases_page_init (AtlasReleasesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "releases.open-link", FALSE);
  /* In a narrow window the period's button is at the window's edge, and
   * the drop-downs' lists of centres may be wider than their buttons. */
  atlas_popover_keep_in_window (gtk_menu_button_get_popover (self->period_button));
  keep_popup_in_window (GTK_WIDGET (self->centre_filter));
  keep_popup_in_window (GTK_WIDGET (self->add_centre_dropdown));
  /* Enter in a day closes the period's popover, as in the Tour view: the
   * filter is already applied (it stayed open; a walk). */
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (gtk_menu_button_popdown), self->period_button);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (gtk_menu_button_popdown), self->period_button);

  g_signal_connect_swapped (self->centre_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_content (self);
}

void
atlas_releases_page_set_store (AtlasReleasesPage *self,
                               AtlasStore        *store)
{
  g_return_if_fail (ATLAS_IS_RELEASES_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->store_changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
  /* The centre lists are built when the page is first shown. */
  g_clear_pointer (&self->centre_ids, g_array_unref);

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
