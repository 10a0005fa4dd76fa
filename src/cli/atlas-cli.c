/* atlas-cli.c: integrationsatlas-cli, the headless commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-contact-io.h"
#include "atlas-facts.h"
#include "atlas-import-report.h"
#include "atlas-contact-sheet.h"
#include "atlas-ical.h"
#include "atlas-importer.h"
#include "atlas-map-data.h"
#include "atlas-map-scene.h"
#include "atlas-native.h"
#include "atlas-list-model.h"
#include "atlas-store.h"

typedef enum {
  EXIT_OK = 0,
  EXIT_REJECTED = 1,  /* an input or the database was rejected */
  EXIT_USAGE = 2,
} ExitStatus;

typedef enum {
  FORMAT_TSV,
  FORMAT_JSON,
} OutputFormat;

typedef struct {
  const char *db_path;
  OutputFormat format;
  const char *tour;
  const char *from;
  const char *to;
  const char *status;
  const char *visitor;
  int width;
  const char *route;
  gboolean dry_run;
  int keep;
  const char *centre;
  const char *search;
} CliOptions;

/* YYYY-MM-DD and a real day. */
static gboolean
valid_day (const char *text)
{
  int y, m, d;
  char rest;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static void
print_error (const char *message)
{
  g_printerr ("integrationsatlas-cli: %s\n", message);
}

/* A command failed on the file the user named. */
static int
file_error (const char   *path,
            const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

  print_error (message);
  return EXIT_REJECTED;
}

static int
usage_error (const char *message)
{
  print_error (message);
  g_printerr ("%s\n", _("Run “integrationsatlas-cli --help” to see the commands."));
  return EXIT_USAGE;
}

/* Output ------------------------------------------------------------------- */

/* TSV has no quoting: tabs and line breaks inside a value become spaces. */
static void
append_tsv_cell (GString    *line,
                 const char *value)
{
  for (const char *p = value; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_json_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

typedef struct {
  OutputFormat format;
  const char * const *columns;
  guint n_rows;
  GString *out;
} TableWriter;

static void
table_begin (TableWriter        *writer,
             OutputFormat        format,
             const char * const *columns)
{
  writer->format = format;
  writer->columns = columns;
  writer->n_rows = 0;
  writer->out = g_string_new (NULL);

  if (format == FORMAT_TSV)
    {
      for (guint i = 0; columns[i]; i++)
        {
          if (i > 0)
            g_string_append_c (writer->out, '\t');
          g_string_append (writer->out, columns[i]);
        }
      g_string_append_c (writer->out, '\n');
    }
  else
    g_string_append (writer->out, "[");
}

/* @cells holds one value per column, in order. */
static void
table_row (TableWriter        *writer,
           const char * const *cells)
{
  GString *out = writer->out;

  if (writer->format == FORMAT_TSV)
    {
      for (guint i = 0; writer->columns[i]; i++)
        {
          if (i > 0)
            g_string_append_c (out, '\t');
          append_tsv_cell (out, cells[i]);
        }
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, writer->n_rows > 0 ? ",\n  {" : "\n  {");
      for (guint i = 0; writer->columns[i]; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_json_string (out, writer->columns[i]);
          g_string_append (out, ": ");
          append_json_string (out, cells[i]);
        }
      g_string_append_c (out, '}');
    }

  writer->n_rows++;

  /* Long listings stream instead of growing one huge string. */
  if (out->len > 64 * 1024)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

static void
table_end (TableWriter *writer)
{
  if (writer->format == FORMAT_JSON)
    g_string_append (writer->out, writer->n_rows > 0 ? "\n]\n" : "]\n");

  fwrite (writer->out->str, 1, writer->out->len, stdout);
  fflush (stdout);
  g_string_free (writer->out, TRUE);
  writer->out = NULL;
}

static char *
format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* Commands ----------------------------------------------------------------- */

static AtlasStore *
open_store_as_is (const CliOptions    *options,
                  AtlasStoreOpenFlags  flags,
                  int                 *status)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  AtlasStore *store;
  const char *path = options->db_path;

  if (path == NULL)
    path = default_path = atlas_store_default_path ();

  store = atlas_store_new (path, flags, &error);
  if (store == NULL)
    {
      print_error (error->message);
      *status = EXIT_REJECTED;
    }

  return store;
}

/* Says on standard error what an update of the public facts did. */
static void
print_facts_report (AtlasFactsReport *report)
{
  g_autofree char *summary = atlas_facts_report_summary (report);

  if (summary != NULL)
    {
      /* TRANSLATORS: %s is the date of the facts, then what was done, e.g. "3 centres completed, 1 hint" */
      g_printerr (_("Public facts of %s: %s\n"), report->facts_date, summary);
    }
}

/* Opens the catalogue; one that can be written receives newer public
 * facts first (a dry run changes nothing, not even that). */
static AtlasStore *
open_store (const CliOptions    *options,
            AtlasStoreOpenFlags  flags,
            int                 *status)
{
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AtlasStore *store = open_store_as_is (options, flags, status);

  if (store == NULL || (flags & ATLAS_STORE_OPEN_READ_ONLY) || options->dry_run ||
      atlas_store_is_read_only (store))
    return store;

  if (!atlas_facts_update (store, NULL, FALSE, &report, &error))
    print_error (error->message);
  else
    print_facts_report (report);

  return store;
}

static void
list_row (TableWriter     *writer,
          AtlasRecordKind  kind,
          GObject         *item)
{
  g_autofree char *published = NULL;
  g_autofree char *id = NULL;

  switch (kind)
    {
    case ATLAS_RECORD_CENTRE:
      {
        AtlasCentre *c = ATLAS_CENTRE (item);
        const char *cells[] = {
          atlas_centre_get_field (c, ATLAS_CENTRE_AGS),
          atlas_centre_get_field (c, ATLAS_CENTRE_DISTRICT),
          atlas_centre_get_field (c, ATLAS_CENTRE_NAME),
          atlas_centre_get_field (c, ATLAS_CENTRE_STREET),
          atlas_centre_get_field (c, ATLAS_CENTRE_POSTAL_CODE),
          atlas_centre_get_field (c, ATLAS_CENTRE_CITY),
          atlas_centre_get_field (c, ATLAS_CENTRE_PHONE),
          atlas_centre_get_field (c, ATLAS_CENTRE_EMAIL),
          atlas_centre_get_field (c, ATLAS_CENTRE_WEBSITE),
        };
        table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_CONTACT:
      {
        AtlasContact *c = ATLAS_CONTACT (item);
        const char *cells[11];

        id = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_contact_get_id (c));
        cells[0] = id;
        for (guint f = 1; f < ATLAS_CONTACT_N_FIELDS; f++)
          cells[f] = atlas_contact_get_field (c, f);
        table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_RELEASE:
      {
        AtlasRelease *r = ATLAS_RELEASE (item);
        const char *cells[5];

        published = format_utc (atlas_release_get_published (r));
        cells[0] = atlas_release_get_field (r, ATLAS_RELEASE_GUID);
        cells[1] = published;
        cells[2] = atlas_release_get_field (r, ATLAS_RELEASE_TITLE);
        cells[3] = atlas_release_get_field (r, ATLAS_RELEASE_FORMAT);
        cells[4] = atlas_release_get_field (r, ATLAS_RELEASE_CENTRES);
        table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_VISIT:
      {
        AtlasVisit *v = ATLAS_VISIT (item);
        const char *cells[] = {
          atlas_visit_get_field (v, ATLAS_VISIT_DATE),
          atlas_visit_get_field (v, ATLAS_VISIT_AGS),
          atlas_visit_get_field (v, ATLAS_VISIT_CENTRE_NAME),
          atlas_visit_get_field (v, ATLAS_VISIT_TOUR),
          atlas_visit_get_field (v, ATLAS_VISIT_STATUS),
        };
        table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_DISTRICT:
    case ATLAS_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static int
cmd_list (const CliOptions  *options,
          char             **args)
{
  static const char * const centre_columns[] = {
    "ags", "district", "name", "street", "postal_code", "city", "phone", "email", "website", NULL
  };
  static const char * const contact_columns[] = {
    "id", "honorific", "given_name", "family_name", "role", "organisation", "centre",
    "phones", "emails", "notes", "tags", NULL
  };
  static const char * const release_columns[] = {
    "guid", "published", "title", "format", "centres", NULL
  };
  static const char * const visit_columns[] = {
    "date", "ags", "centre", "tour", "status", NULL
  };
  static const struct {
    const char *name;
    AtlasRecordKind kind;
    const char * const *columns;
  } tables[] = {
    { "centres", ATLAS_RECORD_CENTRE, centre_columns },
    { "contacts", ATLAS_RECORD_CONTACT, contact_columns },
    { "releases", ATLAS_RECORD_RELEASE, release_columns },
    { "visits", ATLAS_RECORD_VISIT, visit_columns },
  };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasListModel) model = NULL;
  TableWriter writer;
  int status = EXIT_OK;
  guint t;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("“list” takes one of: centres, contacts, releases, visits"));

  for (t = 0; t < G_N_ELEMENTS (tables); t++)
    if (g_strcmp0 (args[0], tables[t].name) == 0)
      break;
  if (t == G_N_ELEMENTS (tables))
    return usage_error (_("“list” takes one of: centres, contacts, releases, visits"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  model = atlas_list_model_new (store, tables[t].kind);

  table_begin (&writer, options->format, tables[t].columns);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      list_row (&writer, tables[t].kind, item);
    }
  table_end (&writer);

  return EXIT_OK;
}

static int
cmd_check (const CliOptions  *options,
           char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *default_path = NULL;
  int version;

  if (args[0] != NULL)
    return usage_error (_("“check” takes no arguments"));

  /* A check looks; it upgrades and fills in nothing. A write that was cut
   * off (a hot journal) cannot be finished by a look: it is no damage. */
  store = atlas_store_new (options->db_path ? options->db_path : (default_path = atlas_store_default_path ()),
                           ATLAS_STORE_OPEN_READ_ONLY, &error);
  if (g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED))
    {
      g_autofree char *plain = atlas_store_error_split (error, NULL);

      g_print ("%s\n", plain);
      return EXIT_OK;
    }
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  version = atlas_store_get_schema_version (store);

  if (!atlas_store_check (store, &report, &error))
    {
      if (error != NULL)
        print_error (error->message);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is damaged: %s"), atlas_store_get_path (store), report);

          g_strchomp (message);
          print_error (message);
        }
      return EXIT_REJECTED;
    }

  if (version > atlas_store_latest_version ())
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” was written by a newer version of Integrationsatlas (schema %d, this version knows %d)"),
                         atlas_store_get_path (store), version, atlas_store_latest_version ());

      print_error (message);
      return EXIT_REJECTED;
    }

  /* Translators: the first %s is a file name, %d the schema version. */
  g_print (_("%s: ok, schema version %d of %d\n"),
           atlas_store_get_path (store), version, atlas_store_latest_version ());

  return EXIT_OK;
}

static int
cmd_import (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  AtlasImportTotals totals = { 0 };
  int status = EXIT_OK;

  if (args[0] == NULL)
    return usage_error (_("“import” takes one or more files"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
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

static int
cmd_export (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status = EXIT_OK;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("“export” takes one file name"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_native_export (store, file, NULL, &error))
    return file_error (args[0], error);

  return EXIT_OK;
}

static int
cmd_search (const CliOptions  *options,
            char             **args)
{
  static const char * const columns[] = { "guid", "published", "title", "snippet", NULL };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  TableWriter writer;
  int status = EXIT_OK;

  if (args[0] == NULL)
    return usage_error (_("“search” takes the words to search for"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  query = g_strjoinv (" ", args);
  hits = atlas_store_search_releases (store, query, "[", "]", 100, &error);
  if (hits == NULL)
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  table_begin (&writer, options->format, columns);
  for (guint i = 0; i < hits->len; i++)
    {
      AtlasSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GObject) object = atlas_store_load (store, ATLAS_RECORD_RELEASE, hit->id, NULL);
      g_autofree char *published = NULL;
      const char *cells[4];

      if (object == NULL)
        continue;
      published = format_utc (atlas_release_get_published (ATLAS_RELEASE (object)));
      cells[0] = atlas_release_get_field (ATLAS_RELEASE (object), ATLAS_RELEASE_GUID);
      cells[1] = published;
      cells[2] = atlas_release_get_field (ATLAS_RELEASE (object), ATLAS_RELEASE_TITLE);
      cells[3] = hit->snippet;
      table_row (&writer, cells);
    }
  table_end (&writer);

  return EXIT_OK;
}

static int
cmd_add_visit (const CliOptions  *options,
               char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  const char *status = options->status ? options->status : "done";
  int exit_status = EXIT_OK;

  if (args[0] == NULL || args[1] == NULL || args[2] != NULL)
    return usage_error (_("“add-visit” takes a district key (AGS) and a date, YYYY-MM-DD"));
  if (!valid_day (args[1]))
    return usage_error (_("The date must be a real day written YYYY-MM-DD"));
  if (!g_str_equal (status, "planned") && !g_str_equal (status, "done"))
    return usage_error (_("--status takes planned or done"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &exit_status)))
    return exit_status;

  centre = atlas_store_get_centre_by_ags (store, args[0], &error);
  if (centre == NULL)
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  visit = atlas_visit_new ();
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, args[1]);
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, args[1]);
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, status);
  atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, options->tour);
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, options->visitor);
  if (atlas_store_insert_visit (store, visit, &error) == 0)
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  return EXIT_OK;
}

static int
cmd_accept_visits (const CliOptions  *options,
                   char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 n;

  if (args[0] != NULL)
    return usage_error (_("“accept-visits” takes no arguments"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  n = atlas_store_accept_suggested (store, &error);
  if (n < 0)
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit accepted\n",
                        "%u suggested visits accepted\n", (guint) n), (guint) n);
  return EXIT_OK;
}

static int
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
    return usage_error (_("“export-map” takes one file name: .png, .svg or .pdf"));
  if (options->route != NULL && !atlas_map_route_mode_from_string (options->route, &route))
    return usage_error (_("--route takes tour, all or off"));
  if ((options->from && !valid_day (options->from)) || (options->to && !valid_day (options->to)))
    return usage_error (_("--from and --to take a date written YYYY-MM-DD"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  visits = atlas_store_list_visits (store, options->tour, options->visitor, options->from, options->to, &error);
  if (visits == NULL)
    {
      print_error (error->message);
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
    return file_error (args[0], error);

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

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  if (options->centre != NULL && !(centre = atlas_store_get_centre_by_ags (store, options->centre, &error)))
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!(contacts = atlas_contacts_collect (store, options->search, &error)))
    return file_error (path, error);

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
    return file_error (path, error);

  return EXIT_OK;
}

static int
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
    return usage_error (_("“export-contacts” takes one file name ending in .vcf, .csv or .pdf"));
  if (!atlas_contact_format_for_path (args[0], &format))
    return usage_error (_("The file name must end in .vcf (vCard), .csv or .pdf"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(contacts = atlas_contacts_collect (store, NULL, &error)) ||
      !atlas_contacts_write (contacts, format, file, NULL, &error))
    return file_error (args[0], error);

  return EXIT_OK;
}

static int
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
    return usage_error (_("“import-contacts” takes one file name"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(contacts = atlas_contacts_parse (bytes, &format, messages, &error)) ||
      !atlas_contacts_import (store, contacts, options->dry_run, &report, &error))
    {
      atlas_contact_report_clear (&report);
      return file_error (args[0], error);
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

static int
cmd_backup (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  if (args[0] != NULL)
    return usage_error (_("“backup” takes no arguments"));
  if (options->keep < 0)
    return usage_error (_("--keep takes a number of at least 1"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_EXISTING, &status)))
    return status;

  if (!(path = atlas_store_backup (store, &error)))
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }
  if (options->keep > 0)
    atlas_store_prune_backups (atlas_store_get_path (store), options->keep);

  g_print ("%s\n", path);
  return EXIT_OK;
}

static int
cmd_list_backups (const CliOptions  *options,
                  char             **args)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *db_path = options->db_path;

  if (args[0] != NULL)
    return usage_error (_("“backups” takes no arguments"));
  if (db_path == NULL)
    db_path = default_path = atlas_store_default_path ();

  backups = atlas_store_list_backups (db_path, TRUE);
  g_print ("path\ttaken\tschema\treleases\tcontacts\tvisits\tstatus\n");
  for (guint i = 0; i < backups->len; i++)
    {
      AtlasBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *taken = info->taken ? g_date_time_format_iso8601 (info->taken) : g_strdup ("");

      g_print ("%s\t%s\t%d\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
               info->path, taken, info->schema_version, info->n_releases, info->n_contacts,
               info->n_visits, info->sound ? "ok" : info->problem);
    }
  return EXIT_OK;
}

static int
cmd_restore (const CliOptions  *options,
             char             **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *backup = NULL;
  const char *db_path = options->db_path;

  if (args[0] == NULL || args[1] != NULL)
    return usage_error (_("“restore” takes one backup file"));
  if (db_path == NULL)
    db_path = default_path = atlas_store_default_path ();

  file = g_file_new_for_commandline_arg (args[0]);
  backup = g_file_get_path (file);
  if (!atlas_store_restore (db_path, backup, &aside, &error))
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  if (aside != NULL)
    /* TRANSLATORS: after a restore; %s is where the replaced file went */
    g_print (_("Restored. The catalogue it replaced is kept as %s\n"), aside);
  else
    g_print (_("Restored.\n"));
  return EXIT_OK;
}

static int
cmd_update_facts (const CliOptions  *options,
                  char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (args[0] != NULL)
    return usage_error (_("“update-facts” takes no arguments"));

  if (!(store = open_store_as_is (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  if (!atlas_facts_update (store, NULL, options->dry_run, &report, &error))
    {
      print_error (error->message);
      return EXIT_REJECTED;
    }

  if (report->was_current)
    {
      g_print (_("The catalogue has the public facts of %s already\n"), report->facts_date);
      return EXIT_OK;
    }

  for (guint i = 0; i < report->lines->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report->lines, i));
  {
    g_autofree char *summary = atlas_facts_report_summary (report);

    if (options->dry_run)
      /* TRANSLATORS: %s is the date of the facts, then e.g. "3 centres completed, 1 hint" */
      g_print (_("Public facts of %s, not written (--dry-run): %s\n"), report->facts_date,
               summary ? summary : _("nothing to change"));
    else
      g_print (_("Public facts of %s: %s\n"), report->facts_date,
               summary ? summary : _("nothing to change"));
  }
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

  if ((options->from && !valid_day (options->from)) || (options->to && !valid_day (options->to)))
    {
      *status = usage_error (usage);
      return NULL;
    }
  if (!(*store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, status)))
    return NULL;
  visits = atlas_store_list_visits (*store, options->tour, options->visitor, options->from, options->to, &error);
  if (visits == NULL)
    {
      print_error (error->message);
      *status = EXIT_REJECTED;
    }
  return visits;
}

/* Calendars (iCalendar) ------------------------------------------------------ */

static int
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
    return usage_error (_("“export-visits” takes one file name ending in .ics"));
  if (!(visits = selected_visits (options, _("--from and --to take a date written YYYY-MM-DD"), &store, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_ical_write_visits (store, visits, file, &left_out, NULL, &error))
    return file_error (args[0], error);

  if (left_out > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%s: %u visit known only to the month, week or year was left out\n",
                             "%s: %u visits known only to the month, week or year were left out\n",
                             left_out),
                args[0], left_out);
  return EXIT_OK;
}

static int
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
    return usage_error (_("“import-visits” takes one .ics file"));

  if (!(store = open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(plan = atlas_ical_plan_import (store, bytes, &error)))
    return file_error (args[0], error);

  /* The preview: what happens to each event. */
  table_begin (&writer, options->format, columns);
  for (guint i = 0; i < plan->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);
      g_autofree char *date = atlas_format_visit_date (entry->date);
      const char *cells[] = {
        atlas_ical_action_label (entry->action), date,
        entry->centre_name ? entry->centre_name : "", entry->summary,
        entry->reason ? entry->reason : "",
      };

      table_row (&writer, cells);
    }
  table_end (&writer);

  if (!options->dry_run && !atlas_ical_apply_import (store, plan, &error))
    return file_error (args[0], error);

  summary = atlas_ical_plan_summary (plan);
  if (options->dry_run)
    /* TRANSLATORS: %s is a summary like “3 contacts added, 1 merged, 0 skipped” */
    g_printerr (_("Would be: %s (nothing was changed)\n"), summary);
  else
    g_printerr ("%s\n", summary);
  return EXIT_OK;
}

/* Map data (CSV, GeoJSON) ---------------------------------------------------- */

static int
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
    return usage_error (_("“export-map-data” takes one file name ending in .csv or .geojson"));
  if (!(visits = selected_visits (options, _("--from and --to take a date written YYYY-MM-DD"), &store, &status)))
    return status;

  file = g_file_new_for_commandline_arg (args[0]);
  if (!atlas_map_data_write (visits, file, NULL, &error))
    return file_error (args[0], error);

  return EXIT_OK;
}

/* Entry point --------------------------------------------------------------- */

int
atlas_cli_run (int    argc,
               char **argv)
{
  static const struct {
    const char *name;
    int (*run) (const CliOptions *options, char **args);
  } commands[] = {
    { "list", cmd_list },
    { "check", cmd_check },
    { "import", cmd_import },
    { "export", cmd_export },
    { "search", cmd_search },
    { "add-visit", cmd_add_visit },
    { "accept-visits", cmd_accept_visits },
    { "export-map", cmd_export_map },
    { "export-contacts", cmd_export_contacts },
    { "import-contacts", cmd_import_contacts },
    { "backup", cmd_backup },
    { "backups", cmd_list_backups },
    { "restore", cmd_restore },
    { "update-facts", cmd_update_facts },
    { "export-visits", cmd_export_visits },
    { "import-visits", cmd_import_visits },
    { "export-map-data", cmd_export_map_data },
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *tour = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *status = NULL;
  g_autofree char *visitor = NULL;
  int width = 0;
  g_autofree char *route = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  gboolean version = FALSE;
  gboolean dry_run = FALSE;
  int keep = 0;
  g_autofree char *centre = NULL;
  g_autofree char *search = NULL;
  CliOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the catalogue in PATH instead of the default one"), N_("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format of “list”: tsv (default) or json"), N_("FORMAT") },
    { "tour", 0, 0, G_OPTION_ARG_STRING, &tour,
      N_("The tour of a visit, or the tour to draw"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Draw visits from this day on"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Draw visits up to this day"), N_("YYYY-MM-DD") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Status of an added visit: planned or done (default)"), N_("STATUS") },
    { "visitor", 0, 0, G_OPTION_ARG_STRING, &visitor,
      N_("The visitor of an added visit, or whose visits to draw"), N_("NAME") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width of an exported map in pixels (PNG) or points (SVG, PDF); default 1200"), N_("PX") },
    { "route", 0, 0, G_OPTION_ARG_STRING, &route,
      N_("With export-map: the route joins each tour’s stops (tour, the default), all stops (all) or none (off)"), N_("MODE") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      N_("With backup: keep only the newest N backups"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("With import-contacts, import-visits and update-facts: only report what would be done, change nothing"), NULL },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre,
      N_("With export-contacts FILE.pdf: only the contacts of the centre of this district key"), N_("AGS") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("With export-contacts FILE.pdf: only the contacts these words find"), N_("WORDS") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  summary = g_strjoin ("\n",
                       _("Commands:"),
                       _("  list centres|contacts|releases|visits   print a table of the catalogue"),
                       _("  check                                    check the catalogue’s integrity and schema"),
                       _("  import FILE…                             import press releases (RSS, Atom, NITF, NewsML-G2)"),
                       _("  export FILE.xml                          write the whole catalogue in the exchange format"),
                       _("  search WORDS…                            search the press releases"),
                       _("  add-visit AGS YYYY-MM-DD                 add a visit (--tour, --status, --visitor)"),
                       _("  accept-visits                            accept every suggested visit"),
                       _("  export-map FILE.png|svg|pdf              draw the tour map (--tour, --from, --to, --width, --route)"),
                       _("  export-contacts FILE.vcf|FILE.csv        write all contacts as vCard 4.0 or CSV"),
                       _("  export-contacts FILE.pdf                 print the contacts as an A4 distribution list (--search, --centre)"),
                       _("  import-contacts FILE                     add contacts from vCard or CSV (--dry-run)"),
                       _("  backup                                   write a consistent copy to backups/ (--keep N)"),
                       _("  backups                                  list the backups, checked, newest first"),
                       _("  restore FILE                             replace the catalogue with a backup (the old file is kept)"),
                       _("  update-facts                             give the catalogue the public facts of this version (--dry-run)"),
                       _("  export-visits FILE.ics                   write the visits with a known day as calendar events (--tour, --from, --to)"),
                       _("  import-visits FILE.ics                   add or update visits from a calendar, showing each event (--dry-run)"),
                       _("  export-map-data FILE.csv|FILE.geojson    the tour per district for Datawrapper, QGIS, uMap (--tour, --from, --to)"),
                       NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message);

  if (version)
    {
      g_print ("integrationsatlas-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  options.db_path = db_path;
  options.tour = tour;
  options.from = from;
  options.to = to;
  options.status = status;
  options.visitor = visitor;
  options.width = width;
  options.route = route;
  options.dry_run = dry_run;
  options.keep = keep;
  options.centre = centre;
  options.search = search;
  if (format == NULL || g_strcmp0 (format, "tsv") == 0)
    options.format = FORMAT_TSV;
  else if (g_strcmp0 (format, "json") == 0)
    options.format = FORMAT_JSON;
  else
    return usage_error (_("--format takes tsv or json"));

  if (args[1] == NULL)
    return usage_error (_("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (args[1], commands[i].name) == 0)
      return commands[i].run (&options, &args[2]);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), args[1]);

    return usage_error (message);
  }
}
