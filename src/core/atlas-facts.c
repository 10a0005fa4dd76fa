/* atlas-facts.c: the public facts the app ships about the centres
 *
 * The table in resources/data/centres.tsv is made by
 * tools/facts/make-centres.py from the project's research table. When a
 * newer table ships, atlas_facts_update() gives it to the catalogue:
 * fields the user never changed take the new facts, fields the user
 * changed keep the user's value and get a hint where the facts now differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-facts.h"

#define RESOURCE_DATA RESOURCE_PREFIX "/core/data/"

/* The table's columns: the district's, then the centre's public fields. */
enum {
  COL_AGS,
  COL_DISTRICT,
  COL_KIND,
  COL_REGIERUNGSBEZIRK,
  COL_POPULATION,
  COL_AREA,
  COL_CENTRE,
  COL_STREET,
  COL_POSTAL_CODE,
  COL_CITY,
  COL_PHONE,
  COL_EMAIL,
  COL_WEBSITE,
  COL_HEAD,
  COL_SOURCES,
  N_COLS
};

static const AtlasCentreField column_fields[N_COLS] = {
  [COL_CENTRE] = ATLAS_CENTRE_NAME,
  [COL_STREET] = ATLAS_CENTRE_STREET,
  [COL_POSTAL_CODE] = ATLAS_CENTRE_POSTAL_CODE,
  [COL_CITY] = ATLAS_CENTRE_CITY,
  [COL_PHONE] = ATLAS_CENTRE_PHONE,
  [COL_EMAIL] = ATLAS_CENTRE_EMAIL,
  [COL_WEBSITE] = ATLAS_CENTRE_WEBSITE,
  [COL_HEAD] = ATLAS_CENTRE_HEAD,
};

static void
row_free (gpointer data)
{
  AtlasFactsRow *row = data;

  g_free (row->ags);
  for (guint f = 0; f < ATLAS_CENTRE_N_FIELDS; f++)
    g_free (row->values[f]);
  g_free (row->sources);
  g_free (row);
}

void
atlas_facts_table_free (AtlasFactsTable *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

gboolean
atlas_fact_field_is_public (AtlasCentreField field)
{
  return field >= ATLAS_FACT_FIRST_FIELD && field <= ATLAS_FACT_LAST_FIELD;
}

/**
 * atlas_fact_field_label:
 *
 * Returns: the field's name as the centre page shows it
 */
const char *
atlas_fact_field_label (AtlasCentreField field)
{
  switch (field)
    {
    case ATLAS_CENTRE_NAME: return _("Name");
    case ATLAS_CENTRE_STREET: return _("Street");
    case ATLAS_CENTRE_POSTAL_CODE: return _("Postal code");
    case ATLAS_CENTRE_CITY: return _("City");
    case ATLAS_CENTRE_PHONE: return _("Phone");
    case ATLAS_CENTRE_EMAIL: return _("E-mail");
    case ATLAS_CENTRE_WEBSITE: return _("Website");
    case ATLAS_CENTRE_HEAD: return _("Head of the centre");
    case ATLAS_CENTRE_AGS:
    case ATLAS_CENTRE_DISTRICT:
    case ATLAS_CENTRE_FOCUS:
    case ATLAS_CENTRE_NOTES:
    case ATLAS_CENTRE_VERIFIED_ON:
    case ATLAS_CENTRE_N_FIELDS:
    default:
      return "";
    }
}

/**
 * atlas_facts_table_parse:
 *
 * Reads a table of public facts: comment lines (`#`), one of which is
 * `# facts-date: YYYY-MM[-DD]`, a header line, and a line per centre with
 * 14 cells, or 15 with the sources.
 */
AtlasFactsTable *
atlas_facts_table_parse (const char  *text,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(AtlasFactsTable) table = g_new0 (AtlasFactsTable, 1);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  gboolean header_seen = FALSE;

  table->rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;
      AtlasFactsRow *row;
      guint n;

      if (g_str_has_prefix (lines[i], "# facts-date:"))
        {
          g_free (table->date);
          table->date = g_strstrip (g_strdup (lines[i] + strlen ("# facts-date:")));
          continue;
        }
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (!header_seen)
        {
          header_seen = TRUE;
          continue;
        }

      cells = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (cells);
      if (n != N_COLS && n != N_COLS - 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "public facts line %u has %u cells", i + 1, n);
          return NULL;
        }

      row = g_new0 (AtlasFactsRow, 1);
      row->ags = g_strdup (cells[COL_AGS]);
      for (guint c = COL_CENTRE; c <= COL_HEAD; c++)
        row->values[column_fields[c]] = g_strdup (cells[c]);
      row->sources = g_strdup (n == N_COLS ? cells[COL_SOURCES] : "");
      g_ptr_array_add (table->rows, row);
    }

  if (table->date == NULL || table->rows->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the public facts have no date or no rows");
      return NULL;
    }

  return g_steal_pointer (&table);
}

static AtlasFactsTable *
table_from_resource (const char  *name,
                     GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DATA, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return atlas_facts_table_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/**
 * atlas_facts_table_shipped:
 *
 * Returns: the facts this version of the app ships
 */
AtlasFactsTable *
atlas_facts_table_shipped (GError **error)
{
  return table_from_resource ("centres.tsv", error);
}

/**
 * atlas_facts_table_first:
 *
 * Returns: the facts the app shipped before catalogues recorded which
 *   facts they received: the base for catalogues made then
 */
AtlasFactsTable *
atlas_facts_table_first (GError **error)
{
  return table_from_resource ("centres-2026-11-22.tsv", error);
}

AtlasFactsRow *
atlas_facts_table_lookup (AtlasFactsTable *self,
                          const char      *ags)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AtlasFactsRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->ags, ags) == 0)
        return row;
    }
  return NULL;
}

void
atlas_facts_report_free (AtlasFactsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->facts_date);
  g_ptr_array_unref (report->lines);
  g_free (report);
}

/**
 * atlas_facts_report_summary:
 *
 * Returns: one sentence, "3 centres completed, 1 hint", or %NULL when
 *   nothing changed
 */
char *
atlas_facts_report_summary (AtlasFactsReport *report)
{
  g_autofree char *centres = NULL;
  g_autofree char *hints = NULL;

  if (report->n_centres == 0 && report->n_hints == 0)
    return NULL;

  centres = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u centre completed",
                                          "%u centres completed", report->n_centres),
                             report->n_centres);
  hints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints", report->n_hints),
                           report->n_hints);
  /* TRANSLATORS: the public facts update, e.g. "3 centres completed, 1 hint" */
  return g_strdup_printf (_("%s, %s"), centres, hints);
}

/**
 * atlas_facts_update:
 * @history: (nullable): where the changes are recorded, as one step
 * @report: (out) (optional): what was, or with @dry_run would be, done
 *
 * Gives the catalogue the shipped facts if it has older ones. Nothing is
 * done, and @report says so, when the catalogue is current.
 */
gboolean
atlas_facts_update (AtlasStore        *store,
                    AtlasHistory      *history,
                    gboolean           dry_run,
                    AtlasFactsReport **report,
                    GError           **error)
{
  g_autoptr(AtlasFactsTable) shipped = NULL;
  g_autoptr(AtlasFactsTable) first = NULL;
  g_autoptr(AtlasFactsReport) result = g_new0 (AtlasFactsReport, 1);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *have = NULL;

  result->lines = g_ptr_array_new_with_free_func (g_free);

  if (!(shipped = atlas_facts_table_shipped (error)) ||
      !atlas_store_get_facts_date (store, &have, error))
    return FALSE;
  result->facts_date = g_strdup (shipped->date);

  /* Dates compare as text: YYYY-MM sorts before YYYY-MM-DD of that month. */
  if (have != NULL && g_strcmp0 (have, shipped->date) >= 0)
    {
      result->was_current = TRUE;
    }
  else
    {
      if (have == NULL && !(first = atlas_facts_table_first (error)))
        return FALSE;
      if (!atlas_store_apply_facts (store, shipped, first, dry_run, result, edits, error))
        return FALSE;
    }

  if (history != NULL && !dry_run && edits->len > 0)
    {
      atlas_history_begin_group (history, _("Update Public Facts"));
      for (guint i = 0; i + 1 < edits->len; i += 2)
        atlas_history_push (history, ATLAS_RECORD_CENTRE,
                            g_ptr_array_index (edits, i), g_ptr_array_index (edits, i + 1), NULL);
      atlas_history_end_group (history);
    }

  if (report != NULL)
    *report = g_steal_pointer (&result);
  return TRUE;
}

void
atlas_fact_hint_free (AtlasFactHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->value);
  g_free (hint->sources);
  g_free (hint->facts_date);
  g_free (hint);
}

/**
 * atlas_fact_hint_describe:
 *
 * Returns: what the centre page says of the hint: "Public fact: Hauptstraße
 *   92 (source, 2026-12)"
 */
char *
atlas_fact_hint_describe (AtlasFactHint *hint)
{
  g_auto(GStrv) sources = g_strsplit (hint->sources, " | ", 2);
  g_autofree char *host = NULL;

  if (sources[0] != NULL && sources[0][0] != '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (sources[0], G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        host = g_strdup (g_uri_get_host (uri));
    }

  if (host != NULL)
    /* TRANSLATORS: a public fact that differs from the user's value, its source's web site and the date of the facts */
    return g_strdup_printf (_("Public fact: %s (%s, %s)"), hint->value, host, hint->facts_date);
  /* TRANSLATORS: a public fact that differs from the user's value and the date of the facts */
  return g_strdup_printf (_("Public fact: %s (%s)"), hint->value, hint->facts_date);
}

/**
 * atlas_facts_take_hint:
 * @history: (nullable): where the change is recorded, to be undone
 *
 * Writes the hint's fact into its field.
 */
gboolean
atlas_facts_take_hint (AtlasStore     *store,
                       AtlasHistory   *history,
                       AtlasFactHint  *hint,
                       GError        **error)
{
  g_autoptr(GObject) before = atlas_store_load (store, ATLAS_RECORD_CENTRE, hint->centre_id, error);
  g_autoptr(GObject) after = NULL;

  if (before == NULL)
    return FALSE;
  after = atlas_store_load (store, ATLAS_RECORD_CENTRE, hint->centre_id, error);
  if (after == NULL)
    return FALSE;
  atlas_centre_set_field (ATLAS_CENTRE (after), hint->field, hint->value);
  if (!atlas_store_update_centre (store, ATLAS_CENTRE (after), error))
    return FALSE;

  if (history != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Take Public Fact for %s"),
                                                atlas_fact_field_label (hint->field));

      atlas_history_push (history, ATLAS_RECORD_CENTRE, before, after, label);
    }
  return TRUE;
}

typedef struct {
  gint64 centre_id;
  AtlasCentreField field;
} IgnoredHint;

static gboolean
ignore_step (AtlasStore  *store,
             gpointer     data,
             gboolean     undo,
             GError     **error)
{
  IgnoredHint *hint = data;

  return atlas_store_set_fact_hint_ignored (store, hint->centre_id, hint->field, !undo, error);
}

/**
 * atlas_facts_ignore_hint:
 * @history: (nullable): where the change is recorded, to be undone
 *
 * No longer offers the hint's fact; Ctrl+Z offers it again.
 */
gboolean
atlas_facts_ignore_hint (AtlasStore     *store,
                         AtlasHistory   *history,
                         AtlasFactHint  *hint,
                         GError        **error)
{
  IgnoredHint *step;

  if (!atlas_store_set_fact_hint_ignored (store, hint->centre_id, hint->field, TRUE, error))
    return FALSE;

  if (history != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Ignore Public Fact for %s"),
                                                atlas_fact_field_label (hint->field));

      step = g_new (IgnoredHint, 1);
      step->centre_id = hint->centre_id;
      step->field = hint->field;
      atlas_history_push_step (history, label, ignore_step, step, g_free);
    }
  return TRUE;
}
