/* atlas-import-report.c: what an import did, in words, for the CLI and the window
 *
 * One line per file, the same in the terminal and in the window: new,
 * updated, already in the catalogue, skipped, visits suggested; or why the
 * file was refused, with the line where that helps. Under a file's line,
 * each item left out with its line and reason; libxml2's or SQLite's own
 * words only as details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-report.h"
#include "atlas-xml-reader.h"

void
atlas_import_totals_add (AtlasImportTotals       *totals,
                         const AtlasImportResult *result)
{
  totals->n_files++;
  if (result->rejected)
    {
      totals->n_rejected++;
      return;
    }
  totals->n_new += result->n_new;
  totals->n_updated += result->n_updated;
  totals->n_known += result->n_known;
  totals->n_skipped += result->n_skipped;
  totals->n_visits += result->n_visits;
  totals->n_centres += result->n_centres;
  totals->n_contacts += result->n_contacts;
  totals->changed |= result->changed;
}

/**
 * atlas_import_totals_describe:
 *
 * Returns: (transfer full): "3 new, 0 updated, 38000 already in the
 *   catalogue, 1 skipped, 1 visit suggested", each in its plural
 */
char *
atlas_import_totals_describe (const AtlasImportTotals *t)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", t->n_new), t->n_new);
  g_autofree char *updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                                           t->n_updated), t->n_updated);
  g_autofree char *known = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the catalogue",
                                                         "%u already in the catalogue", t->n_known), t->n_known);
  g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                                           t->n_skipped), t->n_skipped);
  g_autofree char *visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit suggested",
                                                          "%u visits suggested", t->n_visits), t->n_visits);

  GString *text = g_string_new (NULL);

  /* Translators: new, updated, already there, skipped; visits suggested. */
  g_string_printf (text, _("%s, %s, %s, %s; %s"), added, updated, known, skipped, visits);
  /* An exchange file also brings centres and contacts: said when it did. */
  if (t->n_centres > 0)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u centre changed", "%u centres changed",
                                                 t->n_centres), t->n_centres);
    }
  if (t->n_contacts > 0)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added",
                                                 t->n_contacts), t->n_contacts);
    }
  return g_string_free (text, FALSE);
}

/**
 * atlas_import_totals_describe_files:
 *
 * Returns: (transfer full): "2 files, 1 refused: " and the counts
 */
char *
atlas_import_totals_describe_files (const AtlasImportTotals *totals)
{
  g_autofree char *counts = atlas_import_totals_describe (totals);

  /* Translators: number of files, of them refused, then the counts. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file, %u refused: %s", "%u files, %u refused: %s",
                                       totals->n_files),
                          totals->n_files, totals->n_rejected, counts);
}

/**
 * atlas_import_result_describe:
 *
 * Returns: (transfer full): the file's one line: why it was refused (with
 *   the line, and the column where the XML broke), or what it brought
 */
char *
atlas_import_result_describe (const AtlasImportResult *result)
{
  AtlasImportTotals totals = { 0 };
  g_autofree char *counts = NULL;

  if (result->rejected)
    {
      const char *message = result->error ? result->error->message : _("rejected");

      if (result->line > 0 && result->column > 0 &&
          g_error_matches (result->error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED))
        /* Translators: file, line, column, why it was refused. */
        return g_strdup_printf (_("%s, line %d, column %d: %s"), result->path, result->line, result->column, message);
      /* Where it helps: not for a picture, nor where the message says it. */
      if (result->line > 0 && result->error != NULL && result->error->domain == ATLAS_IMPORT_ERROR &&
          (result->error->code == ATLAS_IMPORT_ERROR_UNSAFE || result->error->code == ATLAS_IMPORT_ERROR_TOO_DEEP ||
           result->error->code == ATLAS_IMPORT_ERROR_INVALID || result->error->code == ATLAS_IMPORT_ERROR_MALFORMED))
        /* Translators: file, line, why it was refused. */
        return g_strdup_printf (_("%s, line %d: %s"), result->path, result->line, message);
      return g_strdup_printf ("%s: %s", result->path, message);
    }

  atlas_import_totals_add (&totals, result);
  counts = atlas_import_totals_describe (&totals);
  return g_strdup_printf ("%s: %s", result->path, counts);
}

/**
 * atlas_import_result_describe_skipped:
 *
 * Returns: (transfer full) (nullable): a line for each item left out,
 *   "line 4: why", each ending in a newline; %NULL when none was
 */
char *
atlas_import_result_describe_skipped (const AtlasImportResult *result)
{
  GString *text;

  if (result->skipped == NULL || result->skipped->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < result->skipped->len; i++)
    {
      AtlasImportSkip *skip = g_ptr_array_index (result->skipped, i);

      /* Translators: an item left out of a file: its line, why. */
      g_string_append_printf (text, _("  skipped, line %d: %s"), skip->line, skip->reason);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * atlas_import_report_text:
 * @results: (element-type AtlasImportResult)
 * @details: whether to add libxml2's or SQLite's words under refused files
 *
 * Returns: (transfer full): a line per file, the items each left out
 *   under it, and, for several files, the totals
 */
char *
atlas_import_report_text (GPtrArray *results,
                          gboolean   details)
{
  GString *text = g_string_new (NULL);
  AtlasImportTotals totals = { 0 };

  for (guint i = 0; i < results->len; i++)
    {
      const AtlasImportResult *r = g_ptr_array_index (results, i);
      g_autofree char *line = atlas_import_result_describe (r);
      g_autofree char *skipped = atlas_import_result_describe_skipped (r);

      atlas_import_totals_add (&totals, r);
      g_string_append_printf (text, "%s\n", line);
      if (skipped != NULL)
        g_string_append (text, skipped);
      if (details && r->rejected && r->detail != NULL)
        /* Translators: the parser's or database's own (English) message. */
        g_string_append_printf (text, _("  Details: %s\n"), r->detail);
    }

  if (results->len > 1)
    {
      g_autofree char *sum = atlas_import_totals_describe_files (&totals);

      g_string_append_printf (text, "%s\n", sum);
    }

  return g_string_free (text, FALSE);
}
