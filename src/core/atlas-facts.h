/* atlas-facts.h: the public facts the app ships about the centres, and how
 * a catalogue receives newer ones without losing what its users typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-centre.h"
#include "atlas-history.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* The centre fields that carry public facts, in the table's order. */
#define ATLAS_FACT_FIRST_FIELD ATLAS_CENTRE_NAME
#define ATLAS_FACT_LAST_FIELD  ATLAS_CENTRE_HEAD

typedef struct {
  char *ags;
  char *values[ATLAS_CENTRE_N_FIELDS]; /* by AtlasCentreField; NULL outside the facts */
  char *sources;                       /* web pages, separated by " | " */
} AtlasFactsRow;

typedef struct {
  char *date;       /* YYYY-MM or YYYY-MM-DD */
  GPtrArray *rows;  /* of AtlasFactsRow */
} AtlasFactsTable;

AtlasFactsTable *atlas_facts_table_parse       (const char       *text,
                                                gsize             length,
                                                GError          **error);
AtlasFactsTable *atlas_facts_table_shipped     (GError          **error);
AtlasFactsTable *atlas_facts_table_first       (GError          **error);
AtlasFactsRow   *atlas_facts_table_lookup      (AtlasFactsTable  *self,
                                                const char       *ags);
void             atlas_facts_table_free        (AtlasFactsTable  *self);

gboolean         atlas_fact_field_is_public    (AtlasCentreField  field);
const char      *atlas_fact_field_label        (AtlasCentreField  field);

/* What an update did or, dry, would do. */
typedef struct {
  char *facts_date;     /* of the shipped table */
  gboolean was_current; /* the catalogue had these facts already */
  guint n_centres;      /* centres with at least one field filled */
  guint n_fields;       /* fields filled */
  guint n_hints;        /* new hints: a fact that differs from the user's value */
  GPtrArray *lines;     /* one sentence per field filled or hinted */
} AtlasFactsReport;

void             atlas_facts_report_free       (AtlasFactsReport *report);
char            *atlas_facts_report_summary    (AtlasFactsReport *report);

gboolean         atlas_facts_update            (AtlasStore        *store,
                                                AtlasHistory      *history,
                                                gboolean           dry_run,
                                                AtlasFactsReport **report,
                                                GError           **error);

/* A shipped fact that differs from what the user typed. */
typedef struct {
  gint64 centre_id;
  AtlasCentreField field;
  char *value;
  char *sources;
  char *facts_date;
} AtlasFactHint;

void             atlas_fact_hint_free          (AtlasFactHint    *hint);
char            *atlas_fact_hint_describe      (AtlasFactHint    *hint);
gboolean         atlas_facts_take_hint         (AtlasStore        *store,
                                                AtlasHistory      *history,
                                                AtlasFactHint     *hint,
                                                GError           **error);
gboolean         atlas_facts_ignore_hint       (AtlasStore        *store,
                                                AtlasHistory      *history,
                                                AtlasFactHint     *hint,
                                                GError           **error);

/* The store's part (atlas-store-facts.c). */
gboolean         atlas_store_get_facts_date    (AtlasStore        *self,
                                                char             **date,
                                                GError           **error);
gboolean         atlas_store_apply_facts       (AtlasStore        *self,
                                                AtlasFactsTable   *shipped,
                                                AtlasFactsTable   *first,
                                                gboolean           dry_run,
                                                AtlasFactsReport  *report,
                                                GPtrArray         *edits,
                                                GError           **error);
GPtrArray       *atlas_store_list_fact_hints   (AtlasStore        *self,
                                                gint64             centre_id,
                                                GError           **error);
gboolean         atlas_store_set_fact_hint_ignored (AtlasStore    *self,
                                                gint64             centre_id,
                                                AtlasCentreField   field,
                                                gboolean           ignored,
                                                GError           **error);
gboolean         atlas_store_get_centre_sources (AtlasStore       *self,
                                                gint64             centre_id,
                                                char             **sources,
                                                char             **facts_date,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFactsTable, atlas_facts_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFactsReport, atlas_facts_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFactHint, atlas_fact_hint_free)

G_END_DECLS
