/* atlas-window-private.h: what the window's files share
 *
 * atlas-window.c builds the window and keeps its views and their header
 * bar; atlas-window-actions.c has its win.* actions; atlas-window-import.c
 * the import of press releases (Ctrl+O, dropped files) and its progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-centres-page.h"
#include "atlas-contacts-page.h"
#include "atlas-history.h"
#include "atlas-record.h"
#include "atlas-releases-page.h"
#include "atlas-tour-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  GSettings *settings;

  GCancellable *import_cancellable;  /* set while an import runs */
  AdwDialog *discard_alert;          /* asks before closing drops invalid text */
  gboolean discard;                  /* the user chose to close all the same */
  guint poll_id;                     /* looks for other programs' writes */

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwToast *history_toast;   /* (weak) the last "Undone: …" or "Redone: …" */
  AdwToast *offer_toast;     /* (weak) the last toast whose Undo is win.undo */
  guint offer_serial;        /* the history as it was when it was offered */
  AdwHeaderBar *header_bar;
  GtkMenuButton *primary_menu_button;
  GtkWidget *back_button;
  AdwWindowTitle *narrow_title;
  AdwBanner *banner;
  GtkRevealer *import_revealer;
  GtkLabel *import_label;
  GtkProgressBar *import_progress;
  AdwViewStack *stack;
  AtlasCentresPage *centres_page;
  AtlasContactsPage *contacts_page;
  AtlasReleasesPage *releases_page;
  AdwBin *tour_slot;
  AtlasTourPage *tour_page;  /* made when first shown: its map costs start-up time */
};

/* atlas-window.c */
void _atlas_window_ensure_tour_page (AtlasWindow *self);
void _atlas_window_focus_view       (AtlasWindow *self);

/* atlas-window-actions.c */
void _atlas_window_class_init_actions     (GtkWidgetClass  *widget_class);
void _atlas_window_update_history_actions (AtlasWindow     *self);
void _atlas_window_update_example_action  (AtlasWindow     *self,
                                           guint            kind);
void _atlas_window_show_contact_cb        (AtlasWindow     *self,
                                           gint64           id);
void _atlas_window_add_contact_cb         (AtlasWindow     *self,
                                           const char      *ags);

/* atlas-window-import.c */
void _atlas_window_class_init_import (GtkWidgetClass *widget_class);
void _atlas_window_init_import       (AtlasWindow    *self);

G_END_DECLS
