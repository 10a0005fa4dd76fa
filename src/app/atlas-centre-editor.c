/* atlas-centre-editor.c: every field of one centre, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-centre-editor.h"
#include "atlas-editor-form.h"
#include "atlas-facts.h"
#include "atlas-list-model.h"
#include "atlas-toast.h"
#include "atlas-visit-date.h"

struct _AtlasCentreEditor
{
  GtkWidget parent_instance;

  AtlasStore *store;
  AtlasHistory *history;
  AtlasEditorForm *form;
  GPtrArray *source_rows;  /* the rows in sources_row, one per web page */
  AtlasListModel *contacts;

  /* Template children */
  GtkLabel *title_label;
  GtkLabel *district_label;
  AdwEntryRow *name_row;
  AdwEntryRow *head_row;
  AdwEntryRow *focus_row;
  AdwEntryRow *street_row;
  AdwEntryRow *postal_code_row;
  AdwEntryRow *city_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *website_row;
  GtkTextView *notes_view;
  AdwEntryRow *verified_row;
  GtkListBox *contacts_list;
  AdwPreferencesGroup *hints_group;
  GtkListBox *hints_list;
  AdwExpanderRow *sources_row;

  GPtrArray *long_values;  /* of LongValue, one per entry row that can show a long value */
  guint long_values_idle;
  int width;               /* the width last allocated */
  gboolean unmeasured;     /* a value waits for its field's allocation */
};

G_DEFINE_FINAL_TYPE (AtlasCentreEditor, atlas_centre_editor, GTK_TYPE_WIDGET)

enum {
  SHOW_CONTACT,
  ADD_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_heading (AtlasCentreEditor *self)
{
  GObject *record = atlas_editor_form_get_record (self->form);
  AtlasCentre *centre = record ? ATLAS_CENTRE (record) : NULL;
  g_autofree char *district = NULL;

  gtk_label_set_label (self->title_label,
                       centre ? atlas_centre_get_field (centre, ATLAS_CENTRE_NAME) : "");
  if (centre != NULL)
    /* TRANSLATORS: the district a centre serves and its official key */
    district = g_strdup_printf (_("%s · district key %s"),
                                atlas_centre_get_field (centre, ATLAS_CENTRE_DISTRICT),
                                atlas_centre_get_field (centre, ATLAS_CENTRE_AGS));
  gtk_label_set_label (self->district_label, district ? district : "");
}

/* A long value in an entry row: GtkText cannot wrap or ellipsize, so a
 * value wider than the field was cut off at its edge, mid-letter, with no
 * sign that more follows. While such a row is not being edited, a row
 * in its place shows the whole value, wrapped, under the field's title
 * (libadwaita's "property" row, the way GNOME shows values); the moment
 * it is clicked or reached with Tab, the entry row is back, focused. */
typedef struct
{
  AtlasCentreEditor *editor;
  AdwEntryRow *entry;
  GtkWidget *shown;  /* the AdwActionRow with the whole value */
  int chrome;        /* the entry row's width beyond its text area */
  guint edit_idle;
} LongValue;

static void
long_value_free (gpointer data)
{
  LongValue *lv = data;

  g_clear_handle_id (&lv->edit_idle, g_source_remove);
  g_clear_object (&lv->entry);
  g_clear_object (&lv->shown);
  g_free (lv);
}

static void
long_value_update (LongValue *lv)
{
  GtkWidget *entry = GTK_WIDGET (lv->entry);
  /* The GtkText itself is as wide as its text; the area around it clips it. */
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (lv->entry)));
  GtkWidget *area = gtk_widget_get_parent (text);
  const char *value = gtk_editable_get_text (GTK_EDITABLE (lv->entry));
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  /* The focus, not the state flag: the flag is unset while the window is
   * not active, and the field is still the one being edited. */
  gboolean editing = focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gboolean shown_long = gtk_widget_get_visible (lv->shown);
  g_autoptr(PangoLayout) layout = NULL;
  int room, needed = 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (lv->shown), value);
  if (!shown_long && gtk_widget_get_width (area) > 0)
    lv->chrome = gtk_widget_get_width (entry) - gtk_widget_get_width (area);
  room = shown_long ? gtk_widget_get_width (lv->shown) - lv->chrome : gtk_widget_get_width (area);
  if (room <= 0)
    {
      /* Not laid out yet: the next allocation tells. */
      lv->editor->unmeasured = TRUE;
      return;
    }

  layout = gtk_widget_create_pango_layout (text, value);
  pango_layout_get_pixel_size (layout, &needed, NULL);
  /* A value marked wrong stays in its field, where the mark is. */
  shown_long = !editing && *value != '\0' && needed > room && !gtk_widget_has_css_class (entry, "error");
  gtk_widget_set_visible (entry, !shown_long);
  gtk_widget_set_visible (lv->shown, shown_long);
}

static gboolean
long_values_update_cb (gpointer data)
{
  AtlasCentreEditor *self = data;

  self->long_values_idle = 0;
  self->unmeasured = FALSE;
  for (guint i = 0; i < self->long_values->len; i++)
    long_value_update (g_ptr_array_index (self->long_values, i));
  return G_SOURCE_REMOVE;
}

/* After the layout or the focus has settled. */
static void
long_values_queue_update (AtlasCentreEditor *self)
{
  if (self->long_values_idle == 0)
    self->long_values_idle = g_idle_add (long_values_update_cb, self);
}

/* The whole value's row is reached (a click, Tab): the field is back. */
static gboolean
long_value_edit_cb (gpointer data)
{
  LongValue *lv = data;

  lv->edit_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (lv->entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (lv->entry));
  gtk_editable_set_position (GTK_EDITABLE (lv->entry), -1);
  gtk_widget_set_visible (lv->shown, FALSE);
  return G_SOURCE_REMOVE;
}

/* Not while GTK moves the focus onto the row, which would end there;
 * before the next key press is handled, which goes to the field. */
static void
long_value_enter_cb (GtkEventControllerFocus *focus,
                     LongValue               *lv)
{
  if (lv->edit_idle == 0)
    lv->edit_idle = g_idle_add_full (G_PRIORITY_HIGH, long_value_edit_cb, lv, NULL);
}

static void
long_value_attach (AtlasCentreEditor *self,
                   AdwEntryRow       *entry)
{
  LongValue *lv = g_new0 (LongValue, 1);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (entry));
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkEventController *focus;

  lv->editor = self;
  lv->entry = g_object_ref (entry);
  lv->shown = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (lv->shown), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lv->shown),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)));
  gtk_widget_add_css_class (lv->shown, "property");
  /* Where the entry row has its pencil. */
  gtk_widget_set_margin_end (icon, 9);
  adw_action_row_add_suffix (ADW_ACTION_ROW (lv->shown), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (lv->shown), TRUE);
  gtk_widget_set_visible (lv->shown, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), lv->shown,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (entry)) + 1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (long_value_enter_cb), lv);
  gtk_widget_add_controller (lv->shown, focus);
  /* A value set from outside (another centre shown, an undo). */
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (long_values_queue_update), self);
  g_ptr_array_add (self->long_values, lv);
}

static GtkWidget *
create_hint_row (AtlasFactHint *hint)
{
  g_autofree char *description = atlas_fact_hint_describe (hint);
  GtkWidget *row = adw_action_row_new ();
  const struct { const char *label; const char *action; } buttons[] = {
    { _("_Take"), "centre.take-fact" },
    { _("_Ignore"), "centre.ignore-fact" },
  };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), atlas_fact_field_label (hint->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (buttons[i].label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) hint->field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static GtkWidget *
create_source_row (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "centre.open-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", url);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The hints and the sources of the centre shown. */
static void
update_facts (AtlasCentreEditor *self)
{
  gint64 id = atlas_editor_form_get_id (self->form);
  GObject *record = atlas_editor_form_get_record (self->form);
  g_autoptr(GPtrArray) hints = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *facts_date = NULL;
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) urls = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hints_list))) != NULL)
    gtk_list_box_remove (self->hints_list, child);
  for (guint i = 0; i < self->source_rows->len; i++)
    adw_expander_row_remove (self->sources_row, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);

  if (self->store == NULL || id == 0 ||
      !(hints = atlas_store_list_fact_hints (self->store, id, NULL)) ||
      !atlas_store_get_centre_sources (self->store, id, &sources, &facts_date, NULL))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->hints_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->sources_row), FALSE);
      return;
    }

  for (guint i = 0; i < hints->len; i++)
    gtk_list_box_append (self->hints_list, create_hint_row (g_ptr_array_index (hints, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->hints_group), hints->len > 0);
  if (facts_date != NULL)
    {
      /* A day or a month (2026-12), as German readers write it: 12/2026. */
      char *shown = atlas_format_visit_date (facts_date);

      g_free (facts_date);
      facts_date = shown;
    }

  urls = g_strsplit (sources, " | ", -1);
  for (guint i = 0; urls[i]; i++)
    {
      GtkWidget *row;

      if (urls[i][0] == '\0')
        continue;
      row = create_source_row (urls[i]);
      adw_expander_row_add_row (self->sources_row, row);
      g_ptr_array_add (self->source_rows, row);
    }

  if (record != NULL && *atlas_centre_get_field (ATLAS_CENTRE (record), ATLAS_CENTRE_VERIFIED_ON))
    {
      /* As every date the user sees: dd.mm.yyyy (it was stored ISO). */
      g_autofree char *verified = atlas_validate_display (ATLAS_CHECK_DATE,
                                                          atlas_centre_get_field (ATLAS_CENTRE (record), ATLAS_CENTRE_VERIFIED_ON));

      /* TRANSLATORS: the date of the shipped public facts, then the date the user last checked the centre */
      subtitle = g_strdup_printf (_("Public facts of %s; last verified by you on %s"),
                                  *facts_date ? facts_date : "–", verified);
    }
  else if (*facts_date)
    /* TRANSLATORS: the date of the shipped public facts */
    subtitle = g_strdup_printf (_("Public facts of %s; not verified by you yet"), facts_date);
  else
    subtitle = g_strdup (_("Not verified yet"));
  adw_expander_row_set_subtitle (self->sources_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_row), TRUE);
}

static AtlasFactHint *
find_hint (AtlasCentreEditor *self,
           AtlasCentreField   field)
{
  g_autoptr(GPtrArray) hints = NULL;

  if (self->store == NULL ||
      !(hints = atlas_store_list_fact_hints (self->store, atlas_editor_form_get_id (self->form), NULL)))
    return NULL;
  for (guint i = 0; i < hints->len; i++)
    {
      AtlasFactHint *hint = g_ptr_array_index (hints, i);

      if (hint->field == field)
        return g_ptr_array_steal_index (hints, i);
    }
  return NULL;
}

/* Take or ignore a hint: either is one step of the history, with a
 * toast whose Undo takes it back. */
static void
review_fact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasCentreEditor *self = ATLAS_CENTRE_EDITOR (widget);
  g_autoptr(AtlasFactHint) hint = find_hint (self, g_variant_get_int32 (parameter));
  g_autoptr(GError) error = NULL;
  gboolean take = g_str_equal (action_name, "centre.take-fact");
  AdwToast *toast;

  if (hint == NULL)
    return;
  atlas_editor_form_flush (self->form);
  if (!(take ? atlas_facts_take_hint (self->store, self->history, hint, &error)
             : atlas_facts_ignore_hint (self->store, self->history, hint, &error)))
    {
      atlas_toast_add_text (widget, error->message);
      return;
    }
  update_facts (self);

  toast = adw_toast_new (take ? _("Public fact taken") : _("Public fact ignored"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, ATLAS_TOAST_UNDO_TIMEOUT);
  atlas_toast_add (widget, toast);
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (g_variant_get_string (parameter, NULL));

  /* Through the OpenURI portal inside the Flatpak. */
  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  AtlasContact *contact = item;
  g_autofree char *name = atlas_contact_dup_display_name (contact);
  const char *role = atlas_contact_get_field (contact, ATLAS_CONTACT_ROLE);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               *role ? role : atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "contact-id",
                     GSIZE_TO_POINTER ((gsize) atlas_contact_get_id (contact)));
  return row;
}

static void
contact_activated_cb (AtlasCentreEditor *self,
                      GtkListBoxRow     *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "contact-id"));

  atlas_centre_editor_flush (self);
  g_signal_emit (self, signals[SHOW_CONTACT], 0, id);
}

static void
add_contact_cb (AtlasCentreEditor *self)
{
  GObject *record = atlas_editor_form_get_record (self->form);

  if (record == NULL)
    return;
  atlas_centre_editor_flush (self);
  g_signal_emit (self, signals[ADD_CONTACT], 0,
                 atlas_centre_get_field (ATLAS_CENTRE (record), ATLAS_CENTRE_AGS));
}

static void
verified_today_cb (AtlasCentreEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d.%m.%Y");

  gtk_editable_set_text (GTK_EDITABLE (self->verified_row), today);
  atlas_editor_form_flush (self->form);
}

static void
atlas_centre_editor_dispose (GObject *object)
{
  AtlasCentreEditor *self = (AtlasCentreEditor *)object;
  GtkWidget *child;

  if (self->form != NULL)
    atlas_editor_form_flush (self->form);
  g_clear_object (&self->form);
  g_clear_object (&self->history);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  /* The contacts' rows go with their model, before the template. */
  if (self->contacts_list != NULL)
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CENTRE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* After the rows: losing them may have queued an update. */
  g_clear_handle_id (&self->long_values_idle, g_source_remove);
  g_clear_object (&self->contacts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->long_values, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_centre_editor_parent_class)->dispose (object);
}

/* The focus moved: out of a field, its long value shows whole again.
 * The window's focus widget rather than a focus controller's "leave",
 * which is not emitted while the window is inactive. */
static void
atlas_centre_editor_root (GtkWidget *widget)
{
  AtlasCentreEditor *self = ATLAS_CENTRE_EDITOR (widget);

  GTK_WIDGET_CLASS (atlas_centre_editor_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (long_values_queue_update), self, G_CONNECT_SWAPPED);
}

static void
atlas_centre_editor_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), long_values_queue_update, widget);
  GTK_WIDGET_CLASS (atlas_centre_editor_parent_class)->unroot (widget);
}

static void
atlas_centre_editor_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* As GtkBinLayout, and a new width checks which values still fit. */
static void
atlas_centre_editor_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AtlasCentreEditor *self = ATLAS_CENTRE_EDITOR (widget);

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
  if (width != self->width || self->unmeasured)
    {
      self->width = width;
      long_values_queue_update (self);
    }
}

static void
atlas_centre_editor_class_init (AtlasCentreEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_centre_editor_dispose;
  widget_class->root = atlas_centre_editor_root;
  widget_class->unroot = atlas_centre_editor_unroot;
  widget_class->measure = atlas_centre_editor_measure;
  widget_class->size_allocate = atlas_centre_editor_size_allocate;

  /* The user chose one of the centre's contacts. */
  signals[SHOW_CONTACT] =
    g_signal_new ("show-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The user wants a new contact for the centre with this AGS. */
  signals[ADD_CONTACT] =
    g_signal_new ("add-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-centre-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, district_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, head_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, focus_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, street_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, verified_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, hints_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, hints_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasCentreEditor, sources_row);
  gtk_widget_class_bind_template_callback (widget_class, add_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, verified_today_cb);

  gtk_widget_class_install_action (widget_class, "centre.take-fact", "i", review_fact_action);
  gtk_widget_class_install_action (widget_class, "centre.ignore-fact", "i", review_fact_action);
  gtk_widget_class_install_action (widget_class, "centre.open-source", "s", open_source_action);
}

static void
bind_fields (AtlasCentreEditor *self)
{
  const struct { AdwEntryRow *row; AtlasCentreField field; } rows[] = {
    { self->name_row, ATLAS_CENTRE_NAME },
    { self->head_row, ATLAS_CENTRE_HEAD },
    { self->focus_row, ATLAS_CENTRE_FOCUS },
    { self->street_row, ATLAS_CENTRE_STREET },
    { self->postal_code_row, ATLAS_CENTRE_POSTAL_CODE },
    { self->city_row, ATLAS_CENTRE_CITY },
    { self->phone_row, ATLAS_CENTRE_PHONE },
    { self->email_row, ATLAS_CENTRE_EMAIL },
    { self->website_row, ATLAS_CENTRE_WEBSITE },
    { self->verified_row, ATLAS_CENTRE_VERIFIED_ON },
  };

  /* Before the form puts its error rows right below the fields: a row
   * of the whole value comes after the error's, shown only while there
   * is no error. The last verified date is never long. */
  for (guint i = 0; i < G_N_ELEMENTS (rows) - 1; i++)
    long_value_attach (self, rows[i].row);
  self->form = atlas_editor_form_new (ATLAS_RECORD_CENTRE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    atlas_editor_form_bind (self->form, GTK_WIDGET (rows[i].row), rows[i].field,
                            atlas_centre_field_check (rows[i].field));
  atlas_editor_form_bind (self->form, GTK_WIDGET (self->notes_view), ATLAS_CENTRE_NOTES,
                          ATLAS_CHECK_NONE);
}

static void
atlas_centre_editor_init (AtlasCentreEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->source_rows = g_ptr_array_new ();
  self->long_values = g_ptr_array_new_with_free_func (long_value_free);
  /* The heading can be selected with the mouse, but Tab passes it by
   * (it took the focus and selected its whole text). */
  gtk_widget_set_focusable (GTK_WIDGET (self->title_label), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->district_label), FALSE);
  bind_fields (self);
  g_signal_connect_object (self->form, "record-changed", G_CALLBACK (update_heading), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "record-changed", G_CALLBACK (update_facts), self,
                           G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No contacts for this centre yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->contacts_list, placeholder);
  g_signal_connect_swapped (self->contacts_list, "row-activated",
                            G_CALLBACK (contact_activated_cb), self);
}

void
atlas_centre_editor_set_context (AtlasCentreEditor *self,
                                 AtlasStore        *store,
                                 AtlasHistory      *history)
{
  g_return_if_fail (ATLAS_IS_CENTRE_EDITOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  atlas_editor_form_set_context (self->form, store, history);
  g_clear_object (&self->contacts);
  if (store != NULL)
    self->contacts = atlas_list_model_new (store, ATLAS_RECORD_CONTACT);
  atlas_centre_editor_show (self, 0);
}

/* Shows the centre with @centre_id (0: none), saving what was typed for
 * the one shown before. */
void
atlas_centre_editor_show (AtlasCentreEditor *self,
                          gint64             centre_id)
{
  g_autoptr(GObject) centre = NULL;
  AtlasQueryScope scope = { 0 };

  g_return_if_fail (ATLAS_IS_CENTRE_EDITOR (self));

  if (self->store != NULL && centre_id != 0)
    centre = atlas_store_load (self->store, ATLAS_RECORD_CENTRE, centre_id, NULL);

  atlas_editor_form_set_record (self->form, centre);

  if (self->contacts != NULL)
    {
      /* -1 matches no centre: an empty list when none is shown. */
      scope.centre_id = centre ? centre_id : -1;
      atlas_list_model_set_scope (self->contacts, &scope);
    }
  gtk_list_box_bind_model (self->contacts_list,
                           centre ? G_LIST_MODEL (self->contacts) : NULL,
                           create_contact_row, self, NULL);
}

gint64
atlas_centre_editor_get_id (AtlasCentreEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRE_EDITOR (self), 0);

  return atlas_editor_form_get_id (self->form);
}

gboolean
atlas_centre_editor_flush (AtlasCentreEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRE_EDITOR (self), FALSE);

  return atlas_editor_form_flush (self->form);
}

/* Whose typed text could not be saved (see atlas_editor_form_dup_unsaved()). */
GStrv
atlas_centre_editor_dup_unsaved (AtlasCentreEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_CENTRE_EDITOR (self), NULL);

  return atlas_editor_form_dup_unsaved (self->form);
}
