/* atlas-releases-page-private.h: what the press releases page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-list-model.h"
#include "atlas-releases-page.h"
#include "atlas-store.h"

G_BEGIN_DECLS

struct _AtlasReleasesPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasListModel *model;
  GtkSingleSelection *selection;
  gint64 current_id;        /* the release in the reader, 0 for none */
  gboolean compact;         /* the links' toggles show icons (a narrow window) */
  GArray *centre_ids;       /* gint64: dropdown position → centre id */
  GHashTable *districts;    /* AGS → district name */
  gulong store_changed_id;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkSearchEntry *search_entry;
  GtkStack *content_stack;
  GtkListView *list_view;
  GtkDropDown *centre_filter;
  GtkMenuButton *period_button;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkStack *reader_stack;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkListBox *links_box;
  GtkDropDown *add_centre_dropdown;
  GtkButton *add_centre_button;
  GtkListBox *visits_box;
  GtkButton *open_button;
  GtkLabel *body_label;
  char *link;               /* the release's original page, for the browser */
};

/* atlas-releases-page-links.c */
void _atlas_releases_page_class_init_links (GtkWidgetClass    *widget_class);
void _atlas_releases_page_show_links       (AtlasReleasesPage *self);
void _atlas_releases_page_show_visits      (AtlasReleasesPage *self);

G_END_DECLS
