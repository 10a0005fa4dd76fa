/* atlas-editor-form-private.h: what the files of AtlasEditorForm share
 *
 * The form is one class in four files, one per job: atlas-editor-form.c
 * (the record shown, drafts, refreshes from the store),
 * atlas-editor-form-fields.c (the widgets bound to fields: their text,
 * validation marks and Ctrl+Z), atlas-editor-form-save.c (autosave,
 * flush, the history's words, what could not be saved) and
 * atlas-editor-form-centres.c (the centres' drop-down).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-editor-form.h"

G_BEGIN_DECLS

typedef struct {
  AtlasEditorForm *form;
  guint field;
  AtlasCheck check;
  GtkWidget *widget;       /* a GtkEditable, GtkTextView or AdwComboRow */
  GtkWidget *error_row;    /* below the widget's row, shown with an error */
  GtkLabel *error_label;
  char **values;           /* an AdwComboRow's value per position */
  GtkEventController *focus;
  GtkEventController *shortcuts;
  gboolean dirty;          /* holds text that differs from the record's */
  char *taken_back;        /* an entry's unsaved text Ctrl+Z took back, for Ctrl+Shift+Z */
  gboolean restoring;      /* the form itself is changing the entry's text */
} Binding;

struct _AtlasEditorForm
{
  GObject parent_instance;

  AtlasRecordKind kind;
  AtlasStore *store;
  AtlasHistory *history;
  GObject *record;         /* as last saved or loaded */
  GPtrArray *bindings;     /* of Binding */
  guint save_source;
  gint64 first_unsaved;    /* monotonic time of the oldest unsaved edit */
  gboolean filling;        /* the form itself is writing to the widgets */
  gboolean writing;        /* the form is saving: the change is its own */
  GHashTable *drafts;      /* "id:field" → invalid text of a record not shown */
  char *problem;           /* why the record as a whole cannot be saved */
};

enum {
  PROP_0,
  PROP_PROBLEM,
  PROP_N_INVALID,
  N_PROPS
};

extern GParamSpec *_atlas_editor_form_properties[N_PROPS];

enum {
  SAVED,
  RECORD_GONE,
  SAVE_FAILED,
  RECORD_CHANGED,
  N_SIGNALS
};

extern guint _atlas_editor_form_signals[N_SIGNALS];

/* atlas-editor-form.c */
const char *_atlas_editor_form_record_field (AtlasEditorForm *self, GObject *record, guint field);
void _atlas_editor_form_set_record_field (AtlasEditorForm *self, GObject *record, guint field, const char *value);
gint64 _atlas_editor_form_id_of (GObject *record);
void _atlas_editor_form_set_problem (AtlasEditorForm *self, const char *problem);
const char *_atlas_editor_form_record_problem (AtlasEditorForm *self, GObject *record);

/* atlas-editor-form-fields.c */
char *_atlas_binding_get_text (Binding *b);
void _atlas_binding_reset_undo (Binding *b);
void _atlas_binding_set_text (Binding *b, const char *stored);
void _atlas_binding_show_error (Binding *b, const char *message);
gboolean _atlas_binding_differs (Binding *b, const char *text);
void _atlas_binding_free (gpointer data);
gboolean _atlas_binding_has_focus (Binding *b);

/* atlas-editor-form-save.c */
void _atlas_editor_form_schedule_save (AtlasEditorForm *self);

G_END_DECLS
