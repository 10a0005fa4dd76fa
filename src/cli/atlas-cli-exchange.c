/* atlas-cli-exchange.c: the commands that read and write files: import,
 * export, export-map, contacts, calendars and map data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-cli-private.h"
#include "atlas-contact-io.h"
#include "atlas-contact-sheet.h"
#include "atlas-import-report.h"
#include "atlas-importer.h"
#include "atlas-ical.h"
#include "atlas-map-data.h"
#include "atlas-map-scene.h"
#include "atlas-native.h"

int
cmd_import (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  AtlasImportTotals totals = { 0 };
  int status = EXIT_OK;

  if (args[0] == NULL)
    return atlas_cli_usage_error (_("“import” takes one or more files"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  /* The window's report, line for line (atlas-import-report.c). */
  for (guint i = 0; args[i]; i++)
    {
      g_auto(AtlasImportResult) result = { 0 };
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[i]);
      g_autofree char *line = NULL;
      g_autofree char *skipped = NULL;

      atlas_import_file (store, file, args[i], NULL, &result);
      atlas_import_totals_add (&totals, &result);
      line = atlas_import_result_describe (&result);
      skipped = atlas_import_result_describe_skipped (&result);
      if (result.rejected)
        {
          g_printerr ("%s\n", line);
          if (result.detail != NULL)
            g_printerr (_("  Details: %s\n"), result.detail);
          status = EXIT_REJECTED;
        }
      else
        g_print ("%s\n%s", line, skipped ? skipped : "");
    }

  if (totals.n_files > 1)
    {
      g_autofree char *sum = atlas_import_totals_describe_files (&totals);

      g_print ("%s\n", sum);
    }

  return status;
}

int
cmd_export (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL)
    return atlas_cli_usage_error (_("“export” takes one file name"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_native_export (store, file, NULL, &error))
    return atlas_cli_file_error (args[0], error);

  return EXIT_OK;
}

int
cmd_export_map (const CliOptions  *options,
                char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(AtlasMapScene) scene = NULL;
  AtlasRouteMode route = ATLAS_ROUTE_BY_TOUR;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *period = NULL;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL)
    return atlas_cli_usage_error (_("“export-map” takes one file name: .png, .svg or .pdf"));
  if (options->route != NULL && !atlas_map_route_mode_from_string (options->route, &route))
    return atlas_cli_usage_error (_("--route takes tour, all or off"));
  if ((options->from && !atlas_cli_valid_day (options->from)) || (options->to && !atlas_cli_valid_day (options->to)))
    return atlas_cli_usage_error (_("--from and --to take a date written YYYY-MM-DD"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  visits = atlas_store_list_visits (store, options->tour, options->visitor, options->from, options->to, &error);
  if (visits == NULL)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  if (options->from || options->to)
    {
      g_autofree char *from = atlas_format_visit_date (options->from);
      g_autofree char *to = atlas_format_visit_date (options->to);

      period = g_strdup_printf ("%s – %s", options->from ? from : "", options->to ? to : "");
    }
  scene = atlas_map_scene_new_full (visits, options->tour, period, FALSE, route);

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_map_export (scene, file, options->width > 0 ? options->width : 1200, &error))
    return atlas_cli_file_error (args[0], error);

  return EXIT_OK;
}

/* The printed distribution list: the contacts a search finds, or a
 * centre's, or all, grouped by centre. */
static int
export_contact_sheet (const CliOptions *options,
                      const char       *path)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(AtlasContactSheet) sheet = NULL;
  g_autofree char *subtitle = NULL;
  int status = EXIT_OK;

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  if (options->centre != NULL && !(centre = atlas_store_get_centre_by_ags (store, options->centre, &error)))
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!(contacts = atlas_contacts_collect (store, options->search, &error)))
    return atlas_cli_file_error (path, error);

  if (centre != NULL)
    {
      for (guint i = contacts->len; i-- > 0;)
        if (atlas_contact_get_centre_id (g_ptr_array_index (contacts, i)) != atlas_centre_get_id (centre))
          g_ptr_array_remove_index (contacts, i);
      subtitle = g_strdup (atlas_centre_get_field (centre, ATLAS_CENTRE_NAME));
    }
  else if (options->search != NULL && *options->search)
    /* TRANSLATORS: the subtitle of a printed contact list; %s is what was searched for */
    subtitle = g_strdup_printf (_("Search: “%s”"), options->search);

  if (!(sheet = atlas_contact_sheet_new (store, contacts, subtitle, &error)) ||
      !atlas_contact_sheet_write_pdf (sheet, file, NULL, &error))
    return atlas_cli_file_error (path, error);

  return EXIT_OK;
}

int
cmd_export_contacts (const CliOptions  *options,
                     char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  AtlasContactFormat format;
  int status = EXIT_OK;

  if (args[0] != NULL && args[1] == NULL && g_str_has_suffix (args[0], ".pdf"))
    return export_contact_sheet (options, args[0]);
  if (args[0] == NULL || args[1] != NULL)
    return atlas_cli_usage_error (_("“export-contacts” takes one file name ending in .vcf, .csv or .pdf"));
  if (!atlas_contact_format_for_path (args[0], &format))
    return atlas_cli_usage_error (_("The file name must end in .vcf (vCard), .csv or .pdf"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(contacts = atlas_contacts_collect (store, NULL, &error)) ||
      !atlas_contacts_write (contacts, format, file, NULL, &error))
    return atlas_cli_file_error (args[0], error);

  return EXIT_OK;
}

int
cmd_import_contacts (const CliOptions  *options,
                     char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL)
    return atlas_cli_usage_error (_("“import-contacts” takes one file name"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(contacts = atlas_contacts_parse (bytes, &format, messages, &error)) ||
      !atlas_contacts_import (store, contacts, options->dry_run, &report, &error))
    {
      atlas_contact_report_clear (&report);
      return atlas_cli_file_error (args[0], error);
    }

  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s: %s\n", args[0], (char *) g_ptr_array_index (messages, i));
  for (guint i = 0; i < report.messages->len; i++)
    g_printerr ("%s: %s\n", args[0], (char *) g_ptr_array_index (report.messages, i));
  summary = atlas_contact_report_summary (&report);
  if (options->dry_run)
    /* TRANSLATORS: %s is a summary like “3 contacts added, 1 merged, 0 skipped” */
    g_print (_("Would be: %s (nothing was changed)\n"), summary);
  else
    g_print ("%s\n", summary);
  atlas_contact_report_clear (&report);
  return EXIT_OK;
}

/* The visits --tour, --visitor, --from and --to select, for the exports
 * that take them; NULL with @status set on a usage error or failure. */
static GPtrArray *
selected_visits (const CliOptions  *options,
                 const char        *usage,
                 AtlasStore       **store,
                 int               *status)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *visits;

  if ((options->from && !atlas_cli_valid_day (options->from)) || (options->to && !atlas_cli_valid_day (options->to)))
    {
      *status = atlas_cli_usage_error (usage);
      return NULL;
    }
  if (!(*store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, status)))
    return NULL;
  visits = atlas_store_list_visits (*store, options->tour, options->visitor, options->from, options->to, &error);
  if (visits == NULL)
    {
      atlas_cli_print_error (error->message);
      *status = EXIT_REJECTED;
    }
  return visits;
}

/* Calendars (iCalendar) ------------------------------------------------------ */

int
cmd_export_visits (const CliOptions  *options,
                   char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  guint left_out = 0;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL || !g_str_has_suffix (args[0], ".ics"))
    return atlas_cli_usage_error (_("“export-visits” takes one file name ending in .ics"));
  if (!(visits = selected_visits (options, _("--from and --to take a date written YYYY-MM-DD"), &store, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_ical_write_visits (store, visits, file, &left_out, NULL, &error))
    return atlas_cli_file_error (args[0], error);

  if (left_out > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u visit known only to the month, week or year was left out\n",
                             "%s: %u visits known only to the month, week or year were left out\n",
                             left_out),
                args[0], left_out);
  return EXIT_OK;
}

int
cmd_import_visits (const CliOptions  *options,
                   char             **args)
{
  static const char * const columns[] = { "action", "date", "centre", "summary", "reason", NULL };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *summary = NULL;
  TableWriter writer;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL)
    return atlas_cli_usage_error (_("“import-visits” takes one .ics file"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(plan = atlas_ical_plan_import (store, bytes, &error)))
    return atlas_cli_file_error (args[0], error);

  /* The preview: what happens to each event. */
  atlas_cli_table_begin (&writer, options->format, columns);
  for (guint i = 0; i < plan->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);
      g_autofree char *date = atlas_format_visit_date (entry->date);
      const char *cells[] = {
        atlas_ical_action_label (entry->action), date,
        entry->centre_name ? entry->centre_name : "", entry->summary,
        entry->reason ? entry->reason : "",
      };

      atlas_cli_table_row (&writer, cells);
    }
  atlas_cli_table_end (&writer);

  if (!options->dry_run && !atlas_ical_apply_import (store, plan, &error))
    return atlas_cli_file_error (args[0], error);

  summary = atlas_ical_plan_summary (plan);
  if (options->dry_run)
    /* TRANSLATORS: %s is a summary like “3 contacts added, 1 merged, 0 skipped” */
    g_printerr (_("Would be: %s (nothing was changed)\n"), summary);
  else
    g_printerr ("%s\n", summary);
  return EXIT_OK;
}

/* Map data (CSV, GeoJSON) ---------------------------------------------------- */

int
cmd_export_map_data (const CliOptions  *options,
                     char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  AtlasMapDataFormat format;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL || !atlas_map_data_format_for_path (args[0], &format))
    return atlas_cli_usage_error (_("“export-map-data” takes one file name ending in .csv or .geojson"));
  if (!(visits = selected_visits (options, _("--from and --to take a date written YYYY-MM-DD"), &store, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_map_data_write (visits, file, NULL, &error))
    return atlas_cli_file_error (args[0], error);

  return EXIT_OK;
}
