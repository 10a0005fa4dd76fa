/* atlas-cli.c: integrationsatlas-cli, the headless commands: options,
 * opening the catalogue and choosing the command (the commands:
 * atlas-cli-catalogue.c, atlas-cli-exchange.c, atlas-cli-backup.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-cli-private.h"
#include "atlas-facts.h"
#include "atlas-visit-date.h"

/* YYYY-MM-DD and a real day, read as the app reads a day. */
gboolean
atlas_cli_valid_day (const char *text)
{
  return text != NULL && strlen (text) == 10 && text[4] == '-' && atlas_day_parse (text, NULL, NULL, NULL);
}

void
atlas_cli_print_error (const char *message)
{
  g_printerr ("integrationsatlas-cli: %s\n", message);
}

/* A command failed on the file the user named. */
int
atlas_cli_file_error (const char   *path,
                      const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

  atlas_cli_print_error (message);
  return EXIT_REJECTED;
}

int
atlas_cli_usage_error (const char *message)
{
  atlas_cli_print_error (message);
  g_printerr ("%s\n", _("Run “integrationsatlas-cli --help” to see the commands."));
  return EXIT_USAGE;
}

/* Commands ----------------------------------------------------------------- */

AtlasStore *
atlas_cli_open_store_as_is (const CliOptions    *options,
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
      atlas_cli_print_error (error->message);
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
AtlasStore *
atlas_cli_open_store (const CliOptions    *options,
                      AtlasStoreOpenFlags  flags,
                      int                 *status)
{
  g_autoptr(AtlasFactsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AtlasStore *store = atlas_cli_open_store_as_is (options, flags, status);

  if (store == NULL || (flags & ATLAS_STORE_OPEN_READ_ONLY) || options->dry_run ||
      atlas_store_is_read_only (store))
    return store;

  if (!atlas_facts_update (store, NULL, FALSE, &report, &error))
    atlas_cli_print_error (error->message);
  else
    print_facts_report (report);

  return store;
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
    { "show", cmd_show },
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
      N_("Width of an exported map in pixels (PNG) or points (SVG); default 1200. A PDF is an A4 page"), N_("PX") },
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
                       _("  show centre AGS | show contact ID       print every field of one record"),
                       _("  check                                    check the catalogue’s integrity and schema"),
                       _("  import FILE…                             import press releases (RSS, Atom, NITF, NewsML-G2)"),
                       _("  export FILE.xml                          write the whole catalogue in the exchange format"),
                       _("  search WORDS…                            search the press releases"),
                       _("  add-visit AGS DATE                       add a visit (--tour, --status, --visitor)"),
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
    return atlas_cli_usage_error (error->message);

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
    return atlas_cli_usage_error (_("--format takes tsv or json"));

  if (args[1] == NULL)
    return atlas_cli_usage_error (_("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (args[1], commands[i].name) == 0)
      return commands[i].run (&options, &args[2]);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), args[1]);

    return atlas_cli_usage_error (message);
  }
}
