/* test-cli.c: integrationsatlas-cli as a script would call it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "atlas-store.h"
#include "atlas-test-util.h"

typedef struct {
  char *out;
  char *err;
  int status;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs the CLI with @args (NULL-terminated) after its own path. */
static void
run_cli_env (CliRun             *run,
             const char * const *args,
             char              **envp)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ATLAS_CLI");
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_cli_strv (CliRun             *run,
              const char * const *args)
{
  run_cli_env (run, args, NULL);
}

static void
run_cli (CliRun     *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_strv (run, (const char * const *) args->pdata);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_list_centres (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean kleve = FALSE;

  run_cli (&run, "--db", fixture->db_path, "list", "centres", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_lines (run.out), ==, 55);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "ags\tdistrict\tname\tstreet\tpostal_code\tcity\tphone\temail\twebsite");
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 9);
      if (g_str_equal (cells[0], "05154"))
        {
          kleve = TRUE;
          g_assert_cmpstr (cells[1], ==, "Kleve");
        }
    }
  g_assert_true (kleve);
}

static void
test_list_json (AtlasTestDir  *fixture,
                gconstpointer  data)
{
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) empty = { 0 };

  run_cli (&run, "--db", fixture->db_path, "--format", "json", "list", "centres", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "[\n  {\"ags\": "));
  g_assert_true (g_str_has_suffix (run.out, "}\n]\n"));
  g_assert_cmpuint (count_substrings (run.out, "\"ags\": "), ==, 54);
  g_assert_nonnull (strstr (run.out, "\"district\": \"Mülheim an der Ruhr\""));

  run_cli (&empty, "--db", fixture->db_path, "list", "visits", "--format=json", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "[]\n");
}

static void
test_list_empty_tables (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  static const struct { const char *table, *header; } cases[] = {
    { "releases", "guid\tpublished\ttitle\tformat\tcentres\n" },
    { "visits", "date\tags\tcentre\ttour\tstatus\n" },
    { "contacts", "id\thonorific\tgiven_name\tfamily_name\trole\torganisation\tcentre\tphones\temails\tnotes\ttags\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, "--db", fixture->db_path, "list", cases[i].table, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, cases[i].header);
    }
}

static void
test_check (AtlasTestDir  *fixture,
            gconstpointer  data)
{
  g_auto(CliRun) create = { 0 };
  g_auto(CliRun) ok = { 0 };
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) junk = { 0 };
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.sqlite", NULL);
  g_autofree char *junk_path = g_build_filename (fixture->dir, "junk.sqlite", NULL);

  run_cli (&create, "--db", fixture->db_path, "list", "centres", NULL);
  run_cli (&ok, "--db", fixture->db_path, "check", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("ok, schema version %d of %d",
                                                 atlas_store_latest_version (), atlas_store_latest_version ());

    g_assert_nonnull (strstr (ok.out, expected));
  }

  /* A missing file is reported, not created. */
  run_cli (&missing, "--db", missing_path, "check", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpuint (count_lines (missing.err), ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "integrationsatlas-cli: "));
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (junk_path, "not a database at all, not at all, really not", -1, NULL));
  run_cli (&junk, "--db", junk_path, "check", NULL);
  g_assert_cmpint (junk.status, ==, 1);
  g_assert_nonnull (strstr (junk.err, junk_path));
}

static void
test_check_changes_nothing (AtlasTestDir  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  AtlasStore *old;

  /* A catalogue of schema version 1 stays version 1 after a check. */
  old = atlas_store_new_at_version (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, 1, &error);
  g_assert_no_error (error);
  g_object_unref (old);
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &len, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_clear_pointer (&contents, g_free);

  run_cli (&run, "--db", fixture->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("schema version 1 of %d", atlas_store_latest_version ());

    g_assert_nonnull (strstr (run.out, expected));
  }

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &len, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_assert_cmpstr (before, ==, after);
}

static void
test_usage_errors (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  const char *db = fixture->db_path;
  const char *cases[][7] = {
    { "--db", db, NULL },
    { "--db", db, "frobnicate", NULL },
    { "--db", db, "list", NULL },
    { "--db", db, "list", "people", NULL },
    { "--db", db, "list", "centres", "extra", NULL },
    { "--db", db, "--format", "xml", "list", "centres", NULL },
    { "--db", db, "check", "extra", NULL },
    { "--db", db, "import", NULL },
    { "--db", db, "export", NULL },
    { "--db", db, "search", NULL },
    { "--db", db, "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli_strv (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "integrationsatlas-cli: "));
    }
}

static void
test_import_export_search (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autofree char *koeln = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-koeln.rss", NULL);
  g_autofree char *kleve = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-kleve.atom", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.xml", NULL);
  g_autofree char *exported = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_auto(CliRun) import = { 0 };
  g_auto(CliRun) bad = { 0 };
  g_auto(CliRun) releases = { 0 };
  g_auto(CliRun) visits = { 0 };
  g_auto(CliRun) search = { 0 };
  g_auto(CliRun) awkward = { 0 };
  g_auto(CliRun) export = { 0 };
  g_auto(CliRun) reimport = { 0 };
  g_auto(CliRun) relist = { 0 };
  g_autofree char *broken_prefix = NULL;

  run_cli (&import, "--db", fixture->db_path, "import", koeln, kleve, NULL);
  g_assert_cmpint (import.status, ==, 0);
  /* A line per file, then the totals. */
  g_assert_cmpuint (count_lines (import.out), ==, 3);
  g_assert_nonnull (strstr (import.out, ": 1 new, 0 updated"));
  g_assert_nonnull (strstr (import.out, "2 files, 0 refused: 2 new"));

  /* A cut-off file: its name, why, on stderr, exit 1; the good file beside
   * it is still imported (it is already in the catalogue here). */
  g_assert_true (g_file_set_contents (broken, "<rss version='2.0'>\n<channel><title>x</title>\n<item>", -1, NULL));
  run_cli (&bad, "--db", fixture->db_path, "import", broken, koeln, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  broken_prefix = g_strconcat (broken, ": The file ends in the middle of line 3", NULL);
  g_assert_true (g_str_has_prefix (bad.err, broken_prefix));
  g_assert_nonnull (strstr (bad.out, "1 already in the catalogue"));

  run_cli (&releases, "--db", fixture->db_path, "list", "releases", NULL);
  g_assert_cmpint (releases.status, ==, 0);
  g_assert_nonnull (strstr (releases.out,
                            "koeln-presse-2018-10-02-ki\t2018-10-02T13:20:00Z\t"
                            "Staatsministerin Widmann-Mauz und Staatssekretärin Güler besuchen Köln\trss2\t05315\n"));

  run_cli (&visits, "--db", fixture->db_path, "list", "visits", NULL);
  g_assert_nonnull (strstr (visits.out, "2018-10-02\t05315\tKommunales Integrationszentrum Köln\t\tsuggested\n"));

  run_cli (&search, "--db", fixture->db_path, "search", "Landrätin", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_cmpuint (count_lines (search.out), ==, 2);
  g_assert_nonnull (strstr (search.out, "[Landrätin]"));

  run_cli (&awkward, "--db", fixture->db_path, "search", "\"(NEAR", "OR", "*", NULL);
  g_assert_cmpint (awkward.status, ==, 0);

  run_cli (&export, "--db", fixture->db_path, "export", exported, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (&reimport, "--db", other_db, "import", exported, NULL);
  g_assert_cmpint (reimport.status, ==, 0);
  run_cli (&relist, "--db", other_db, "list", "releases", NULL);
  g_assert_cmpstr (relist.out, ==, releases.out);
}


static void
test_contacts_exchange (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "outlook.csv", NULL);
  g_autofree char *vcf = g_build_filename (fixture->dir, "all.vcf", NULL);
  g_autofree char *csv_out = g_build_filename (fixture->dir, "all.csv", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_autofree char *written = NULL;
  g_auto(CliRun) preview = { 0 };
  g_auto(CliRun) import = { 0 };
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) export_vcf = { 0 };
  g_auto(CliRun) export_csv = { 0 };
  g_auto(CliRun) reimport = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) bad_name = { 0 };
  g_auto(CliRun) missing = { 0 };
  /* Windows-1252, semicolons, as a German Outlook writes it. */
  const char outlook[] = "Vorname;Nachname;Firma;E-Mail-Adresse\r\n"
                         "J\xfcrgen;Wei\xdf;Stadt K\xf6ln;jw@stadt-koeln.de\r\n"
                         ";;;\r\n"
                         "Anna;Schmidt;Kreis Kleve;as@kreis-kleve.de\r\n";

  g_assert_true (g_file_set_contents (csv, outlook, sizeof outlook - 1, NULL));

  run_cli (&preview, "--db", fixture->db_path, "import-contacts", "--dry-run", csv, NULL);
  g_assert_cmpint (preview.status, ==, 0);
  g_assert_nonnull (strstr (preview.out, "2"));
  run_cli (&import, "--db", fixture->db_path, "import-contacts", csv, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_str_has_prefix (import.out, "2 contacts added, 0 merged, 0 skipped"));
  run_cli (&again, "--db", fixture->db_path, "import-contacts", csv, NULL);
  g_assert_true (g_str_has_prefix (again.out, "0 contacts added, 0 merged, 2 skipped"));

  run_cli (&export_vcf, "--db", fixture->db_path, "export-contacts", vcf, NULL);
  g_assert_cmpint (export_vcf.status, ==, 0);
  g_assert_true (g_file_get_contents (vcf, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "N:Weiß;Jürgen;;;\r\n"));
  run_cli (&export_csv, "--db", fixture->db_path, "export-contacts", csv_out, NULL);
  g_assert_cmpint (export_csv.status, ==, 0);

  /* Into another catalogue and back out: the same rows. */
  run_cli (&reimport, "--db", other_db, "import-contacts", vcf, NULL);
  g_assert_true (g_str_has_prefix (reimport.out, "2 contacts added"));
  run_cli (&list, "--db", other_db, "list", "contacts", NULL);
  g_assert_nonnull (strstr (list.out, "Jürgen\tWeiß"));
  g_assert_nonnull (strstr (list.out, "as@kreis-kleve.de"));

  run_cli (&bad_name, "--db", fixture->db_path, "export-contacts", "contacts.txt", NULL);
  g_assert_cmpint (bad_name.status, ==, 2);
  run_cli (&missing, "--db", fixture->db_path, "import-contacts", "/nonexistent/x.vcf", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "x.vcf"));
}

/* Acceptance (issue #17): what a German user reads for a text file, a
 * picture, a cut-off feed, a feed with bad items and a feed imported twice. */
static void
test_import_report_german (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "de", TRUE);
  g_auto(CliRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  static const char * const files[] = {
    "notiz.xml", "bild.xml", "feed-truncated.rss", "feed-one-bad-item.rss", "feed-one-bad-item.rss",
  };
  locale_t german = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);

  /* glibc 2.41 ignores LANGUAGE in the C.UTF-8 locale (see test-german.c). */
  if (german != (locale_t) 0)
    {
      envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
      freelocale (german);
    }

  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (fixture->db_path));
  g_ptr_array_add (args, g_strdup ("import"));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_ptr_array_add (args, g_test_build_filename (G_TEST_DIST, "fixtures", files[i], NULL));
  g_ptr_array_add (args, NULL);
  run_cli_env (&run, (const char * const *) args->pdata, envp);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "notiz.xml: Das ist keine XML-Datei, sondern Text\n"));
  g_assert_nonnull (strstr (run.err, "bild.xml: Das ist keine XML-Datei, sondern ein PNG-Bild\n"));
  g_assert_nonnull (strstr (run.err, "feed-truncated.rss: Die Datei endet mitten in Zeile 4 – "
                                     "sie ist wohl unvollständig\n  Details: "));
  g_assert_nonnull (strstr (run.out, "feed-one-bad-item.rss: 2 neu, 0 aktualisiert, 0 schon im Katalog, "
                                     "2 übersprungen; 0 Besuche vorgeschlagen\n"
                                     "  übersprungen, Zeile 4: „Fernste Zukunft“: Das Datum "));
  g_assert_nonnull (strstr (run.out, "feed-one-bad-item.rss: 0 neu, 0 aktualisiert, 2 schon im Katalog, "
                                     "2 übersprungen; 0 Besuche vorgeschlagen\n"));
  g_assert_nonnull (strstr (run.out, "5 Dateien, 3 abgelehnt: 2 neu, 0 aktualisiert, 2 schon im Katalog, "
                                     "4 übersprungen; 0 Besuche vorgeschlagen\n"));
}

/* add-visit takes the dates the visit editor takes, and saves them the way
 * it does (one write path, #15): it took only YYYY-MM-DD and trusted
 * the date as the tour's order. */
static void
test_add_visit_dates (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_auto(CliRun) week = { 0 }, german = { 0 }, impossible = { 0 }, visits = { 0 };

  run_cli (&week, "--db", fixture->db_path, "add-visit", "05315", "KW 31/2017", NULL);
  g_assert_cmpint (week.status, ==, 0);
  /* It says what it added (it said nothing: a walk took that for a failure). */
  g_assert_true (g_str_has_prefix (week.out, "Visit 1 added: "));
  g_assert_nonnull (strstr (week.out, "week 31/2017"));
  run_cli (&german, "--db", fixture->db_path, "add-visit", "05154", "02.10.2018", NULL);
  g_assert_cmpint (german.status, ==, 0);
  run_cli (&impossible, "--db", fixture->db_path, "add-visit", "05154", "31.02.2017", NULL);
  g_assert_cmpint (impossible.status, ==, 2);
  g_assert_nonnull (strstr (impossible.err, "31.02.2017"));

  run_cli (&visits, "--db", fixture->db_path, "list", "visits", NULL);
  g_assert_cmpint (visits.status, ==, 0);
  g_assert_cmpuint (count_lines (visits.out), ==, 3);
  /* In the tour's order: week 31 of 2017 begins on Monday 31 July. */
  g_assert_nonnull (strstr (visits.out, "2017-W31"));
  g_assert_nonnull (strstr (visits.out, "2018-10-02"));
  g_assert_true (strstr (visits.out, "2017-W31") < strstr (visits.out, "2018-10-02"));
}

/* show: every field of one record, to check what was typed in the window
 * (a walk had to export the whole catalogue to see a centre's focus). */
static void
test_show (AtlasTestDir  *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) kleve = atlas_store_get_centre_by_ags (store, "05154", &error);
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  g_auto(CliRun) centre = { 0 }, person = { 0 }, json = { 0 }, unknown = { 0 }, bad = { 0 };
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  atlas_centre_set_field (kleve, ATLAS_CENTRE_FOCUS, "Bildung, Sprache");
  atlas_centre_set_field (kleve, ATLAS_CENTRE_NOTES, "zwei\nZeilen");
  g_assert_true (atlas_store_update_centre (store, kleve, &error));
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Cleven-Pawletko");
  atlas_contact_set_field (contact, ATLAS_CONTACT_ROLE, "Leiterin");
  g_assert_cmpint (atlas_store_save_contact (store, contact, &error), >, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_contact_get_id (contact));
  g_clear_object (&store);

  run_cli (&centre, "--db", fixture->db_path, "show", "centre", "05154", NULL);
  g_assert_cmpint (centre.status, ==, 0);
  g_assert_true (g_str_has_prefix (centre.out, "field\tvalue\n"));
  g_assert_nonnull (strstr (centre.out, "\nfocus\tBildung, Sprache\n"));
  g_assert_nonnull (strstr (centre.out, "\nags\t05154\n"));
  run_cli (&person, "--db", fixture->db_path, "show", "contact", id, NULL);
  g_assert_cmpint (person.status, ==, 0);
  g_assert_nonnull (strstr (person.out, "\nrole\tLeiterin\n"));
  run_cli (&json, "--db", fixture->db_path, "--format", "json", "show", "centre", "05154", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "zwei\\nZeilen"));
  run_cli (&unknown, "--db", fixture->db_path, "show", "contact", "999", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  run_cli (&bad, "--db", fixture->db_path, "show", "visit", "1", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

/* Calendars, map data, the printed contact list (issue #20). */
static void
test_exchange_commands (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (fixture->dir, "visits.ics", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "districts.csv", NULL);
  g_autofree char *geojson = g_build_filename (fixture->dir, "districts.geojson", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "list.pdf", NULL);
  g_autofree char *planned = g_test_build_filename (G_TEST_DIST, "fixtures", "planned-visits.ics", NULL);
  g_autofree char *text = NULL;
  g_auto(CliRun) add1 = { 0 }, add2 = { 0 }, export_ics = { 0 }, preview = { 0 }, visits = { 0 };
  g_auto(CliRun) import = { 0 }, again = { 0 }, map_csv = { 0 }, map_json = { 0 }, map_bad = { 0 };
  g_auto(CliRun) list_pdf = { 0 }, no_centre = { 0 }, map_svg = { 0 };
  g_autofree char *svg = g_build_filename (fixture->dir, "map.svg", NULL);

  run_cli (&add1, "--db", fixture->db_path, "add-visit", "05315", "2018-10-02", NULL);
  run_cli (&add2, "--db", fixture->db_path, "add-visit", "--tour", "Herbst", "05913", "2018-10-03", NULL);
  run_cli (&export_ics, "--db", fixture->db_path, "export-visits", "--tour", "Herbst", ics, NULL);
  g_assert_cmpint (export_ics.status, ==, 0);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20181003\r\n"));
  g_assert_null (strstr (text, "20181002"));

  /* The preview: a row per event, nothing changed. */
  run_cli (&preview, "--db", fixture->db_path, "import-visits", "--dry-run", planned, NULL);
  g_assert_cmpint (preview.status, ==, 0);
  g_assert_cmpuint (count_lines (preview.out), ==, 7);
  g_assert_true (g_str_has_prefix (preview.out, "action\tdate\tcentre\tsummary\treason\nnew\t10.03.2026\t"));
  g_assert_nonnull (strstr (preview.err, "3 new, 0 updated, 0 unchanged, 3 skipped (nothing was changed)"));
  run_cli (&visits, "--db", fixture->db_path, "list", "visits", NULL);
  g_assert_cmpuint (count_lines (visits.out), ==, 3);

  run_cli (&import, "--db", fixture->db_path, "import-visits", planned, NULL);
  g_assert_cmpstr (import.err, ==, "3 new, 0 updated, 0 unchanged, 3 skipped\n");
  run_cli (&again, "--db", fixture->db_path, "import-visits", planned, NULL);
  g_assert_cmpstr (again.err, ==, "0 new, 0 updated, 3 unchanged, 3 skipped\n");

  run_cli (&map_csv, "--db", fixture->db_path, "export-map-data", csv, NULL);
  run_cli (&map_json, "--db", fixture->db_path, "export-map-data", geojson, NULL);
  run_cli (&map_bad, "--db", fixture->db_path, "export-map-data", pdf, NULL);
  g_assert_cmpint (map_csv.status, ==, 0);
  g_assert_cmpint (map_json.status, ==, 0);
  g_assert_cmpint (map_bad.status, ==, 2);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"05315\",\"Köln\",\"visited\""));

  /* The map: Köln named in the Rhine-Ruhr inset, whose frame the map marks. */
  run_cli (&map_svg, "--db", fixture->db_path, "export-map", svg, NULL);
  g_assert_cmpint (map_svg.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<rect id=\"inset-frame\""));
  g_assert_nonnull (strstr (text, "<g id=\"inset-label-05315\">"));
  g_assert_nonnull (strstr (strstr (text, "<g id=\"inset-label-05315\">"), ">Köln</text>"));

  run_cli (&list_pdf, "--db", fixture->db_path, "export-contacts", "--search", "x", pdf, NULL);
  g_assert_cmpint (list_pdf.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  run_cli (&no_centre, "--db", fixture->db_path, "export-contacts", "--centre", "99999", pdf, NULL);
  g_assert_cmpint (no_centre.status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/cli/list-centres", test_list_centres);
  ATLAS_TEST_ADD ("/cli/list-json", test_list_json);
  ATLAS_TEST_ADD ("/cli/list-empty-tables", test_list_empty_tables);
  ATLAS_TEST_ADD ("/cli/check", test_check);
  ATLAS_TEST_ADD ("/cli/usage-errors", test_usage_errors);
  ATLAS_TEST_ADD ("/cli/check-changes-nothing", test_check_changes_nothing);
  ATLAS_TEST_ADD ("/cli/import-export-search", test_import_export_search);
  ATLAS_TEST_ADD ("/cli/import-report-german", test_import_report_german);
  ATLAS_TEST_ADD ("/cli/contacts-exchange", test_contacts_exchange);
  ATLAS_TEST_ADD ("/cli/exchange-commands", test_exchange_commands);
  ATLAS_TEST_ADD ("/cli/add-visit-dates", test_add_visit_dates);
  ATLAS_TEST_ADD ("/cli/show", test_show);

  return g_test_run ();
}
