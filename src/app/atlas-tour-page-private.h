/* atlas-tour-page-private.h: shared by the Tour view's files
 *
 * atlas-tour-page.c: the list and the map, the district chosen
 * atlas-tour-page-rows.c: a visit's row, reviewing and editing visits
 * atlas-tour-page-period.c: the period and tour filters
 * atlas-tour-page-export.c: the map's export and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-history.h"
#include "atlas-map-view.h"
#include "atlas-store.h"
#include "atlas-tour-page.h"

G_BEGIN_DECLS

struct _AtlasTourPage
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  GSettings *settings;
  GPtrArray *visits;        /* AtlasVisit, as listed */
  GPtrArray *tours;         /* char *, the tour drop-down's choices after "All Tours" */
  gboolean updating_tours;
  gboolean setting_period;  /* a preset writes both days: one refresh */
  gboolean dirty;           /* changes came while hidden: refresh when shown */
  char *district_ags;       /* the district chosen on the map or in the list */

  /* Template children */
  GtkStack *page_stack;
  AdwNavigationSplitView *split_view;
  GtkDropDown *tour_filter;
  GtkMenuButton *period_button;
  GtkLabel *period_label;
  GtkPopover *period_popover;
  GtkMenuButton *export_button;
  GtkFlowBox *preset_box;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkSearchEntry *visitor_entry;
  GtkWidget *review_bar;
  GtkLabel *review_label;
  GtkButton *accept_button;
  GtkButton *dismiss_button;
  guint n_suggested;        /* suggested visits the filters show */
  GtkLabel *summary_label;
  AdwBanner *example_banner;
  GtkWidget *district_box;
  GtkLabel *district_title;
  GtkLabel *centre_label;
  GtkLabel *district_label;
  GtkScrolledWindow *list_scroller;
  GtkListBox *visit_list;
  GtkWidget *list_empty;
  AtlasMapView *map_view;
};

void          atlas_tour_page_export_action (GtkWidget *widget,
                                             const char *action_name,
                                             GVariant *parameter);
void          atlas_tour_page_print_action (GtkWidget *widget,
                                            const char *action_name,
                                            GVariant *parameter);
AtlasMapScene *atlas_tour_page_make_scene (AtlasTourPage *self,
                                           gboolean dark);
const char *  atlas_tour_page_selected_tour (AtlasTourPage *self);
void          atlas_tour_page_refresh (AtlasTourPage *self);
char *        atlas_tour_page_entry_day (GtkEntry *entry);
char *        atlas_tour_page_period_label (const char *from,
                                            const char *to);
char *        atlas_tour_page_text_day (const char *text);
void          atlas_tour_page_update_tours (AtlasTourPage *self);
GtkWidget *   atlas_tour_page_visit_row (AtlasTourPage *self,
                                         AtlasVisit *visit,
                                         guint number);
void          atlas_tour_page_new_visit_action (GtkWidget *widget,
                                                const char *action_name,
                                                GVariant *parameter);
void          atlas_tour_page_plan_visit_action (GtkWidget *widget,
                                                 const char *action_name,
                                                 GVariant *parameter);
void          atlas_tour_page_review_shown_action (GtkWidget *widget,
                                                   const char *action_name,
                                                   GVariant *parameter);

GPtrArray    *atlas_tour_page_selected_visits (AtlasTourPage *self);

G_END_DECLS
