/* atlas-editor-form-centres.c: the 54 centres as a field's choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-editor-form-private.h"
#include "atlas-text.h"

/* The centres' drop-down is searched (54 centres) the way the app's
 * search folds text: "koeln" and "Köln" both find Köln. GtkStringFilter
 * only folds case, so the search key holds the label as written and
 * folded. */
static char *
centre_search_key (GtkStringObject *item,
                   gpointer         user_data)
{
  const char *label = gtk_string_object_get_string (item);
  g_autofree char *folded = atlas_text_fold_search (label);

  return g_strconcat (label, "\n", folded, NULL);
}

/* The drop-down's items show the label alone (the row's own factory
 * would show the search key): a label, and in the popup a check mark
 * on the chosen one, as AdwComboRow draws them. */
static void
centre_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
centre_item_selected_cb (AdwComboRow *row,
                         GParamSpec  *pspec,
                         GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item));
}

static void
centre_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  gboolean in_popup = gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL;

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_widget_set_visible (gtk_widget_get_last_child (box), in_popup);
  if (in_popup)
    {
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (centre_item_selected_cb), item);
      centre_item_selected_cb (row, NULL, item);
    }
}

static void
centre_item_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, centre_item_selected_cb, item);
}

/**
 * atlas_editor_form_bind_centres:
 * @none_label: (nullable): a first choice for «no centre», or %NULL when
 *   a centre must be chosen
 *
 * Offers the 54 centres by district in @row, for a field that holds an AGS,
 * with a search in its popup.
 */
void
atlas_editor_form_bind_centres (AtlasEditorForm *self,
                                AdwComboRow     *row,
                                guint            field,
                                const char      *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkExpression) search_key = NULL;
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (ATLAS_IS_EDITOR_FORM (self));
  g_return_if_fail (self->store != NULL);

  if (none_label != NULL)
    {
      gtk_string_list_append (labels, none_label);
      g_strv_builder_add (values, "");
    }

  ids = atlas_store_query_ids (self->store, ATLAS_RECORD_CENTRE, NULL, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(GObject) centre = atlas_store_load (self->store, ATLAS_RECORD_CENTRE,
                                                    g_array_index (ids, gint64, i), NULL);

      if (centre == NULL)
        continue;
      gtk_string_list_append (labels, atlas_centre_get_field (ATLAS_CENTRE (centre), ATLAS_CENTRE_DISTRICT));
      g_strv_builder_add (values, atlas_centre_get_field (ATLAS_CENTRE (centre), ATLAS_CENTRE_AGS));
    }

  strv = g_strv_builder_end (values);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (centre_item_setup_cb), row);
  g_signal_connect (factory, "bind", G_CALLBACK (centre_item_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (centre_item_unbind_cb), row);
  adw_combo_row_set_factory (row, factory);
  search_key = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                           G_CALLBACK (centre_search_key), NULL, NULL);
  adw_combo_row_set_expression (row, search_key);
  adw_combo_row_set_search_match_mode (row, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  adw_combo_row_set_enable_search (row, TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  atlas_editor_form_bind_choice (self, row, field, (const char * const *) strv);
}
