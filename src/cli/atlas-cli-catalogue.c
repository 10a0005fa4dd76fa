/* atlas-cli-catalogue.c: the commands that read and edit the catalogue:
 * list, check, search, add-visit, accept-visits, update-facts
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
#include "atlas-facts.h"
#include "atlas-list-model.h"
#include "atlas-validate.h"

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
        atlas_cli_table_row (writer, cells);
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
        atlas_cli_table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_RELEASE:
      {
        AtlasRelease *r = ATLAS_RELEASE (item);
        const char *cells[5];

        published = atlas_cli_format_utc (atlas_release_get_published (r));
        cells[0] = atlas_release_get_field (r, ATLAS_RELEASE_GUID);
        cells[1] = published;
        cells[2] = atlas_release_get_field (r, ATLAS_RELEASE_TITLE);
        cells[3] = atlas_release_get_field (r, ATLAS_RELEASE_FORMAT);
        cells[4] = atlas_release_get_field (r, ATLAS_RELEASE_CENTRES);
        atlas_cli_table_row (writer, cells);
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
        atlas_cli_table_row (writer, cells);
      }
      break;

    case ATLAS_RECORD_DISTRICT:
    case ATLAS_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

int
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
    return atlas_cli_usage_error (_("“list” takes one of: centres, contacts, releases, visits"));

  for (t = 0; t < G_N_ELEMENTS (tables); t++)
    if (g_strcmp0 (args[0], tables[t].name) == 0)
      break;
  if (t == G_N_ELEMENTS (tables))
    return atlas_cli_usage_error (_("“list” takes one of: centres, contacts, releases, visits"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  model = atlas_list_model_new (store, tables[t].kind);

  atlas_cli_table_begin (&writer, options->format, tables[t].columns);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      list_row (&writer, tables[t].kind, item);
    }
  atlas_cli_table_end (&writer);

  return EXIT_OK;
}

/* One record, every field: what a person typed in the window, to check it
 * from the command line. */
int
cmd_show (const CliOptions  *options,
          char             **args)
{
  static const char * const columns[] = { "field", "value", NULL };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AtlasRecord *record;
  TableWriter writer;
  int status = EXIT_OK;
  gint64 contact_id = 0;
  char *end = NULL;

  if (args[0] == NULL || args[1] == NULL || args[2] != NULL ||
      (!g_str_equal (args[0], "centre") && !g_str_equal (args[0], "contact")))
    return atlas_cli_usage_error (_("“show” takes centre AGS or contact ID (the first column of “list contacts”)"));
  if (g_str_equal (args[0], "contact") &&
      ((contact_id = g_ascii_strtoll (args[1], &end, 10)) <= 0 || *end != '\0'))
    return atlas_cli_usage_error (_("“show” takes centre AGS or contact ID (the first column of “list contacts”)"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  object = g_str_equal (args[0], "centre") ? G_OBJECT (atlas_store_get_centre_by_ags (store, args[1], &error))
                                           : atlas_store_load (store, ATLAS_RECORD_CONTACT, contact_id, &error);
  if (object == NULL)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  record = ATLAS_RECORD (object);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_record_get_id (record));
  atlas_cli_table_begin (&writer, options->format, columns);
  atlas_cli_table_row (&writer, (const char * const[]) { "id", id });
  for (guint f = 1; f < atlas_record_get_n_fields (record); f++)
    atlas_cli_table_row (&writer, (const char * const[]) { atlas_record_get_field_name (record, f),
                                                           atlas_record_get_field (record, f) });
  atlas_cli_table_end (&writer);

  return EXIT_OK;
}

int
cmd_check (const CliOptions  *options,
           char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *default_path = NULL;
  int version;

  if (args[0] != NULL)
    return atlas_cli_usage_error (_("“check” takes no arguments"));

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
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  version = atlas_store_get_schema_version (store);

  if (!atlas_store_check (store, &report, &error))
    {
      if (error != NULL)
        atlas_cli_print_error (error->message);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is damaged: %s"), atlas_store_get_path (store), report);

          g_strchomp (message);
          atlas_cli_print_error (message);
        }
      return EXIT_REJECTED;
    }

  if (version > atlas_store_latest_version ())
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” was written by a newer version of Integrationsatlas (schema %d, this version knows %d)"),
                         atlas_store_get_path (store), version, atlas_store_latest_version ());

      atlas_cli_print_error (message);
      return EXIT_REJECTED;
    }

  /* Translators: the first %s is a file name, %d the schema version. */
  g_print (_("%s: ok, schema version %d of %d\n"),
           atlas_store_get_path (store), version, atlas_store_latest_version ());

  return EXIT_OK;
}

int
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
    return atlas_cli_usage_error (_("“search” takes the words to search for"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  query = g_strjoinv (" ", args);
  hits = atlas_store_search_releases (store, query, "[", "]", 100, &error);
  if (hits == NULL)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  atlas_cli_table_begin (&writer, options->format, columns);
  for (guint i = 0; i < hits->len; i++)
    {
      AtlasSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GObject) object = atlas_store_load (store, ATLAS_RECORD_RELEASE, hit->id, NULL);
      g_autofree char *published = NULL;
      const char *cells[4];

      if (object == NULL)
        continue;
      published = atlas_cli_format_utc (atlas_release_get_published (ATLAS_RELEASE (object)));
      cells[0] = atlas_release_get_field (ATLAS_RELEASE (object), ATLAS_RELEASE_GUID);
      cells[1] = published;
      cells[2] = atlas_release_get_field (ATLAS_RELEASE (object), ATLAS_RELEASE_TITLE);
      cells[3] = hit->snippet;
      atlas_cli_table_row (&writer, cells);
    }
  atlas_cli_table_end (&writer);

  return EXIT_OK;
}

int
cmd_add_visit (const CliOptions  *options,
               char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *date = NULL;
  const char *status = options->status ? options->status : "done";
  int exit_status = EXIT_OK;

  if (args[0] == NULL || args[1] == NULL || args[2] != NULL)
    return atlas_cli_usage_error (_("“add-visit” takes a district key (AGS) and a date"));
  /* The dates the visit editor takes, with its words when one is not. */
  if ((problem = atlas_validate (ATLAS_CHECK_VISIT_DATE, args[1])) != NULL)
    return atlas_cli_usage_error (problem);
  date = atlas_validate_normalize (ATLAS_CHECK_VISIT_DATE, args[1]);
  if (!g_str_equal (status, "planned") && !g_str_equal (status, "done"))
    return atlas_cli_usage_error (_("--status takes planned or done"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &exit_status)))
    return exit_status;

  centre = atlas_store_get_centre_by_ags (store, args[0], &error);
  if (centre == NULL)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  visit = atlas_visit_new ();
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, date);
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, status);
  atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, options->tour);
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, options->visitor);
  if (atlas_store_save_visit (store, visit, &error) == 0)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  /* Said, as the window's toast says it: a silent success looked like
   * nothing had happened (a walk). */
  {
    g_autofree char *shown = atlas_format_visit_date (date);
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_visit_get_id (visit));

    /* TRANSLATORS: after add-visit: the visit's number, the centre, the date */
    g_print (_("Visit %s added: %s, %s\n"), number, atlas_centre_get_field (centre, ATLAS_CENTRE_NAME), shown);
  }
  return EXIT_OK;
}

int
cmd_accept_visits (const CliOptions  *options,
                   char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 n;

  if (args[0] != NULL)
    return atlas_cli_usage_error (_("“accept-visits” takes no arguments"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  n = atlas_store_accept_suggested (store, &error);
  if (n < 0)
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u suggested visit accepted\n",
                        "%u suggested visits accepted\n", (guint) n), (guint) n);
  return EXIT_OK;
}

int
cmd_update_facts (const CliOptions  *options,
                  char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (args[0] != NULL)
    return atlas_cli_usage_error (_("“update-facts” takes no arguments"));

  if (!(store = atlas_cli_open_store_as_is (options, ATLAS_STORE_OPEN_DEFAULT, &status)))
    return status;

  if (!atlas_facts_update (store, NULL, options->dry_run, &report, &error))
    {
      atlas_cli_print_error (error->message);
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
