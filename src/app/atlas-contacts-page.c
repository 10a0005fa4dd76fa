/* atlas-contacts-page.c: the contacts of the press office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "atlas-lazy-list.h"
#include "atlas-contacts-page.h"

struct _AtlasContactsPage
{
  GtkWidget parent_instance;

  /* Template children */
  GtkStack *content_stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasContactsPage, atlas_contacts_page, GTK_TYPE_WIDGET)

static void
atlas_contacts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_CONTACTS_PAGE);

  G_OBJECT_CLASS (atlas_contacts_page_parent_class)->dispose (object);
}

static void
atlas_contacts_page_class_init (AtlasContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_contacts_page_dispose;

  /* The row template looks the item type up by name. */
  g_type_ensure (ATLAS_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasContactsPage, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_contacts_page_init (AtlasContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  atlas_lazy_list_attach (GTK_WIDGET (self), self->list_view, self->content_stack,
                          ATLAS_RECORD_CONTACT);
}

void
atlas_contacts_page_set_store (AtlasContactsPage *self,
                                   AtlasStore   *store)
{
  g_return_if_fail (ATLAS_IS_CONTACTS_PAGE (self));

  atlas_lazy_list_set_store (GTK_WIDGET (self), store);
}
