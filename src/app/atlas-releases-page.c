/* atlas-releases-page.c: the imported press releases, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "atlas-lazy-list.h"
#include "atlas-releases-page.h"

struct _AtlasReleasesPage
{
  GtkWidget parent_instance;

  /* Template children */
  GtkStack *content_stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasReleasesPage, atlas_releases_page, GTK_TYPE_WIDGET)

static void
atlas_releases_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_RELEASES_PAGE);

  G_OBJECT_CLASS (atlas_releases_page_parent_class)->dispose (object);
}

static void
atlas_releases_page_class_init (AtlasReleasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_releases_page_dispose;

  /* The row template looks the item type up by name. */
  g_type_ensure (ATLAS_TYPE_RELEASE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-releases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasReleasesPage, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_releases_page_init (AtlasReleasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_lazy_list_attach (GTK_WIDGET (self), self->list_view, self->content_stack,
                          ATLAS_RECORD_RELEASE);
}

void
atlas_releases_page_set_store (AtlasReleasesPage *self,
                                   AtlasStore   *store)
{
  g_return_if_fail (ATLAS_IS_RELEASES_PAGE (self));

  atlas_lazy_list_set_store (GTK_WIDGET (self), store);
}
