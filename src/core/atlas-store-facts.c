/* atlas-store-facts.c: the store's part of the public facts: what was
 * shipped for each field, the hints, the sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-facts.h"
#include "atlas-store-private.h"

/* The column names of the public fields, as centre_fact.field stores them. */
static const char *
field_key (AtlasCentreField field)
{
  switch (field)
    {
    case ATLAS_CENTRE_NAME: return "name";
    case ATLAS_CENTRE_STREET: return "street";
    case ATLAS_CENTRE_POSTAL_CODE: return "postal_code";
    case ATLAS_CENTRE_CITY: return "city";
    case ATLAS_CENTRE_PHONE: return "phone";
    case ATLAS_CENTRE_EMAIL: return "email";
    case ATLAS_CENTRE_WEBSITE: return "website";
    case ATLAS_CENTRE_HEAD: return "head";
    case ATLAS_CENTRE_AGS:
    case ATLAS_CENTRE_DISTRICT:
    case ATLAS_CENTRE_FOCUS:
    case ATLAS_CENTRE_NOTES:
    case ATLAS_CENTRE_VERIFIED_ON:
    case ATLAS_CENTRE_N_FIELDS:
    default:
      return NULL;
    }
}

static AtlasCentreField
field_from_key (const char *key)
{
  for (AtlasCentreField f = ATLAS_FACT_FIRST_FIELD; f <= ATLAS_FACT_LAST_FIELD; f++)
    if (g_strcmp0 (field_key (f), key) == 0)
      return f;
  return 0;
}

static const char *
column_text (AtlasStmt *stmt,
             int        column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

/**
 * atlas_store_get_facts_date:
 * @date: (out): the date of the shipped facts the catalogue has, or %NULL
 *   when it has not received any since it was made
 */
gboolean
atlas_store_get_facts_date (AtlasStore  *self,
                            char       **date,
                            GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  *date = NULL;
  if (!(stmt = atlas_store_prepare (self, "SELECT facts_date FROM facts_state WHERE id = 1", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *date = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not read the date of the public facts"));
  return TRUE;
}

/* What the catalogue was last given for @field of @centre_id: FALSE in
 * @found when it has no record of it. */
static gboolean
read_fact (AtlasStore        *self,
           gint64             centre_id,
           AtlasCentreField   field,
           char             **shipped,
           char             **hint,
           gboolean          *found,
           GError           **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT shipped, hint FROM centre_fact "
                                    "WHERE centre_id = ?1 AND field = ?2",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, centre_id);
  sqlite3_bind_text (stmt, 2, field_key (field), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not read the public facts"));
  *shipped = g_strdup (*found ? column_text (stmt, 0) : "");
  *hint = g_strdup (*found ? column_text (stmt, 1) : "");
  return TRUE;
}

static gboolean
write_fact (AtlasStore        *self,
            gint64             centre_id,
            AtlasCentreField   field,
            const char        *shipped,
            const char        *hint,
            GError           **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  /* A new hint is open again even where an older one was ignored. */
  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO centre_fact (centre_id, field, shipped, hint) "
                                    "VALUES (?1, ?2, ?3, ?4) "
                                    "ON CONFLICT (centre_id, field) DO UPDATE SET "
                                    "shipped = excluded.shipped, "
                                    "hint_state = CASE WHEN hint = excluded.hint THEN hint_state ELSE 'open' END, "
                                    "hint = excluded.hint",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, centre_id);
  sqlite3_bind_text (stmt, 2, field_key (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, shipped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, hint, -1, SQLITE_TRANSIENT);
  return atlas_store_step_done (self, stmt, error, _("Could not record the public facts"));
}

static gboolean
write_source (AtlasStore  *self,
              gint64       centre_id,
              const char  *sources,
              const char  *date,
              GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO centre_source (centre_id, sources, facts_date) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT (centre_id) DO UPDATE SET "
                                    "sources = excluded.sources, facts_date = excluded.facts_date",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, centre_id);
  sqlite3_bind_text (stmt, 2, sources ? sources : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  return atlas_store_step_done (self, stmt, error, _("Could not record where the facts come from"));
}

static gboolean
write_facts_date (AtlasStore  *self,
                  const char  *date,
                  GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  if (!(stmt = atlas_store_prepare (self,
                                    "INSERT INTO facts_state (id, facts_date) VALUES (1, ?1) "
                                    "ON CONFLICT (id) DO UPDATE SET facts_date = excluded.facts_date",
                                    error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  return atlas_store_step_done (self, stmt, error, _("Could not record the date of the public facts"));
}

/* One centre: each public field is compared three ways, the user's value
 * (current), what the catalogue last received (base) and the new fact. */
static gboolean
apply_row (AtlasStore       *self,
           AtlasFactsRow    *row,
           AtlasFactsRow    *first,
           const char       *date,
           AtlasFactsReport *report,
           GPtrArray        *edits,
           GError          **error)
{
  g_autoptr(AtlasCentre) before = NULL;
  g_autoptr(AtlasCentre) after = NULL;
  gboolean filled = FALSE;

  before = atlas_store_get_centre_by_ags (self, row->ags, error);
  if (before == NULL)
    {
      /* A centre the catalogue does not have (the seed adds them). */
      if (error != NULL && *error != NULL)
        return FALSE;
      return TRUE;
    }
  after = atlas_store_get_centre_by_ags (self, row->ags, error);
  if (after == NULL)
    return FALSE;

  for (AtlasCentreField f = ATLAS_FACT_FIRST_FIELD; f <= ATLAS_FACT_LAST_FIELD; f++)
    {
      g_autofree char *base = NULL;
      g_autofree char *old_hint = NULL;
      const char *current = atlas_centre_get_field (before, f);
      const char *fact = row->values[f] ? row->values[f] : "";
      const char *hint = "";
      gboolean found;

      if (!read_fact (self, atlas_centre_get_id (before), f, &base, &old_hint, &found, error))
        return FALSE;
      if (!found && first != NULL && first->values[f] != NULL)
        {
          g_free (base);
          base = g_strdup (first->values[f]);
        }

      if (g_strcmp0 (fact, base) == 0)
        {
          /* The fact did not change: an earlier hint stays while it differs
           * from what the user has. */
          if (g_strcmp0 (old_hint, current) != 0)
            hint = old_hint;
        }
      else if (g_strcmp0 (current, base) == 0)
        {
          /* The user never changed this field: it takes the new fact. */
          atlas_centre_set_field (after, f, fact);
          report->n_fields++;
          filled = TRUE;
          g_ptr_array_add (report->lines,
                           g_strdup_printf (_("%s: %s set to “%s”"),
                                            atlas_centre_get_field (before, ATLAS_CENTRE_DISTRICT),
                                            atlas_fact_field_label (f), fact));
        }
      else if (g_strcmp0 (current, fact) != 0 && fact[0] != '\0')
        {
          hint = fact;
          if (g_strcmp0 (old_hint, fact) != 0)
            {
              report->n_hints++;
              g_ptr_array_add (report->lines,
                               g_strdup_printf (_("%s: %s is “%s”, the public facts say “%s” (hint)"),
                                                atlas_centre_get_field (before, ATLAS_CENTRE_DISTRICT),
                                                atlas_fact_field_label (f), current, fact));
            }
        }

      if (!write_fact (self, atlas_centre_get_id (before), f, fact, hint, error))
        return FALSE;
    }

  if (!write_source (self, atlas_centre_get_id (before), row->sources, date, error))
    return FALSE;

  if (filled)
    {
      report->n_centres++;
      if (!atlas_store_update_centre (self, after, error))
        return FALSE;
      g_ptr_array_add (edits, g_steal_pointer (&before));
      g_ptr_array_add (edits, g_steal_pointer (&after));
    }

  return TRUE;
}

/**
 * atlas_store_apply_facts:
 * @shipped: the facts the app ships
 * @first: the facts catalogues were made with before they recorded what
 *   they received, for a catalogue that has no record yet
 * @edits: (element-type AtlasCentre): receives a before and an after
 *   snapshot of each centre changed
 *
 * Gives the catalogue the shipped facts in one transaction: a field the
 * user never changed takes the new fact; a field the user changed keeps
 * the user's value, and a fact that differs from it becomes a hint. With
 * @dry_run the transaction is rolled back and @report says what it did.
 */
gboolean
atlas_store_apply_facts (AtlasStore       *self,
                         AtlasFactsTable  *shipped,
                         AtlasFactsTable  *first,
                         gboolean          dry_run,
                         AtlasFactsReport *report,
                         GPtrArray        *edits,
                         GError          **error)
{
  g_autofree char *have = NULL;

  if (!atlas_store_begin (self, error))
    return FALSE;

  if (!atlas_store_get_facts_date (self, &have, error))
    goto fail;

  /* Once a catalogue has a record, it compares with what it received. */
  if (have != NULL)
    first = NULL;

  for (guint i = 0; i < shipped->rows->len; i++)
    {
      AtlasFactsRow *row = g_ptr_array_index (shipped->rows, i);
      AtlasFactsRow *first_row = first ? atlas_facts_table_lookup (first, row->ags) : NULL;

      if (!apply_row (self, row, first_row, shipped->date, report, edits, error))
        goto fail;
    }

  if (!write_facts_date (self, shipped->date, error))
    goto fail;

  if (dry_run)
    {
      atlas_store_rollback (self);
      return TRUE;
    }

  return atlas_store_commit (self, error);

fail:
  atlas_store_rollback (self);
  return FALSE;
}

/**
 * atlas_store_list_fact_hints:
 *
 * Returns: (transfer full) (element-type AtlasFactHint): the open hints of
 *   the centre, in the order of its fields
 */
GPtrArray *
atlas_store_list_fact_hints (AtlasStore  *self,
                             gint64       centre_id,
                             GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  g_autoptr(GPtrArray) hints = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_fact_hint_free);
  int rc;

  /* A hint the user has meanwhile typed is no longer one. */
  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT f.field, f.hint, coalesce(s.sources, ''), "
                                    "coalesce(s.facts_date, ''), "
                                    "CASE f.field WHEN 'name' THEN c.name WHEN 'street' THEN c.street "
                                    "WHEN 'postal_code' THEN c.postal_code WHEN 'city' THEN c.city "
                                    "WHEN 'phone' THEN c.phone WHEN 'email' THEN c.email "
                                    "WHEN 'website' THEN c.website ELSE c.head END AS current "
                                    "FROM centre_fact f JOIN centre c ON c.id = f.centre_id "
                                    "LEFT JOIN centre_source s ON s.centre_id = f.centre_id "
                                    "WHERE f.centre_id = ?1 AND f.hint <> '' AND f.hint_state = 'open' "
                                    "AND f.hint <> current ORDER BY CASE f.field "
                                    "WHEN 'name' THEN 0 WHEN 'head' THEN 1 WHEN 'street' THEN 2 "
                                    "WHEN 'postal_code' THEN 3 WHEN 'city' THEN 4 WHEN 'phone' THEN 5 "
                                    "WHEN 'email' THEN 6 ELSE 7 END",
                                    error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, centre_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasFactHint *hint = g_new0 (AtlasFactHint, 1);

      hint->centre_id = centre_id;
      hint->field = field_from_key (column_text (stmt, 0));
      hint->value = g_strdup (column_text (stmt, 1));
      hint->sources = g_strdup (column_text (stmt, 2));
      hint->facts_date = g_strdup (column_text (stmt, 3));
      g_ptr_array_add (hints, hint);
    }
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, rc, error, _("Could not read the hints"));
      return NULL;
    }

  return g_steal_pointer (&hints);
}

/**
 * atlas_store_set_fact_hint_ignored:
 *
 * Ignores a hint, or with @ignored %FALSE offers it again.
 */
gboolean
atlas_store_set_fact_hint_ignored (AtlasStore        *self,
                                   gint64             centre_id,
                                   AtlasCentreField   field,
                                   gboolean           ignored,
                                   GError           **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;

  if (!(stmt = atlas_store_prepare (self,
                                    "UPDATE centre_fact SET hint_state = ?3 "
                                    "WHERE centre_id = ?1 AND field = ?2",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, centre_id);
  sqlite3_bind_text (stmt, 2, field_key (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ignored ? "ignored" : "open", -1, SQLITE_STATIC);
  if (!atlas_store_step_done (self, stmt, error, _("Could not change the hint")))
    return FALSE;
  atlas_store_note_change (self, ATLAS_RECORD_CENTRE, centre_id);
  return TRUE;
}

/**
 * atlas_store_get_centre_sources:
 * @sources: (out): the web pages the centre's public facts come from,
 *   separated by " | ", or ""
 * @facts_date: (out): the date of the shipped facts they were checked
 *   against, or "" when the catalogue has no record
 */
gboolean
atlas_store_get_centre_sources (AtlasStore  *self,
                                gint64       centre_id,
                                char       **sources,
                                char       **facts_date,
                                GError     **error)
{
  g_autoptr(AtlasStmt) stmt = NULL;
  int rc;

  if (!(stmt = atlas_store_prepare (self,
                                    "SELECT sources, facts_date FROM centre_source WHERE centre_id = ?1",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, centre_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return atlas_store_set_error (self, rc, error, _("Could not read where the facts come from"));
  *sources = g_strdup (rc == SQLITE_ROW ? column_text (stmt, 0) : "");
  *facts_date = g_strdup (rc == SQLITE_ROW ? column_text (stmt, 1) : "");
  return TRUE;
}
