/* test-native.c: the exchange format round trip and its schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/relaxng.h>

#include "atlas-import-report.h"
#include "atlas-importer.h"
#include "atlas-list-model.h"
#include "atlas-native.h"
#include "atlas-test-util.h"

static AtlasStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
fill (AtlasStore *store)
{
  static const char * const fixtures[] = {
    "seed-koeln.rss", "seed-kleve.atom", "seed-solingen.rdf", "seed-dortmund.xml", "seed-duisburg.xml",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  g_autoptr(AtlasVisit) planned = atlas_visit_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixtures[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_auto(AtlasImportResult) result = { 0 };

      g_assert_true (atlas_import_file (store, file, NULL, NULL, &result));
    }

  /* User edits, including an emptied field and text needing escapes. */
  centre = atlas_store_get_centre_by_ags (store, "05112", &error);
  g_assert_no_error (error);
  atlas_centre_set_field (centre, ATLAS_CENTRE_STREET, "");
  atlas_centre_set_field (centre, ATLAS_CENTRE_NOTES, "Ansprechpartner <Presse> & \"Schulen\"\nzweite Zeile");
  atlas_centre_set_field (centre, ATLAS_CENTRE_VERIFIED_ON, "2026-11-20");
  g_assert_true (atlas_store_update_centre (store, centre, &error));

  atlas_contact_set_field (contact, ATLAS_CONTACT_HONORIFIC, "Dr.");
  atlas_contact_set_field (contact, ATLAS_CONTACT_GIVEN_NAME, "Wibke");
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, "Op den Akker");
  atlas_contact_set_field (contact, ATLAS_CONTACT_ROLE, "Pressesprecherin");
  atlas_contact_set_field (contact, ATLAS_CONTACT_PHONES, "0211 837-2417");
  atlas_contact_set_field (contact, ATLAS_CONTACT_TAGS, "Ministerium; Presse");
  atlas_contact_set_centre_id (contact, atlas_centre_get_id (centre));
  g_assert_cmpint (atlas_store_insert_contact (store, contact, &error), >, 0);

  atlas_visit_set_centre_id (planned, atlas_centre_get_id (centre));
  atlas_visit_set_field (planned, ATLAS_VISIT_DATE, "2017-W31");
  atlas_visit_set_field (planned, ATLAS_VISIT_SORT_DATE, "2017-07-31");
  atlas_visit_set_field (planned, ATLAS_VISIT_STATUS, "planned");
  atlas_visit_set_field (planned, ATLAS_VISIT_TOUR, "Sommertour 2017");
  g_assert_cmpint (atlas_store_save_visit (store, planned, &error), >, 0);
}

/* The export without its time stamp. */
static char *
export_text (AtlasStore *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) stamp = g_regex_new (" exported=\"[^\"]*\"", 0, 0, NULL);

  g_assert_true (atlas_native_export (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_regex_replace_literal (stamp, contents, -1, 0, "", 0, NULL);
}

static void
test_round_trip (AtlasTestDir  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path_a = g_build_filename (fixture->dir, "a.sqlite", NULL);
  g_autofree char *path_b = g_build_filename (fixture->dir, "b.sqlite", NULL);
  g_autofree char *xml_a = g_build_filename (fixture->dir, "a.xml", NULL);
  g_autofree char *xml_b = g_build_filename (fixture->dir, "b.xml", NULL);
  g_autoptr(AtlasStore) a = open_store (path_a);
  g_autoptr(AtlasStore) b = open_store (path_b);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(AtlasImportResult) result = { 0 };
  g_auto(AtlasImportResult) again = { 0 };

  fill (a);
  text_a = export_text (a, xml_a);

  file = g_file_new_for_path (xml_a);
  if (!atlas_import_file (b, file, NULL, NULL, &result))
    g_error ("%s", result.error->message);
  g_assert_cmpstr (result.format, ==, "native");
  g_assert_cmpuint (result.n_new, ==, 5);
  /* The file also brought the edited centre and the contact: counted, and
   * among the kinds the window announces (the views of centres and
   * contacts stayed stale when only releases and visits were). */
  g_assert_cmpuint (result.n_centres, ==, 1);
  g_assert_cmpuint (result.n_contacts, ==, 1);
  g_assert_cmphex (result.changed, ==, ATLAS_RECORD_BIT (ATLAS_RECORD_CENTRE) | ATLAS_RECORD_BIT (ATLAS_RECORD_CONTACT) |
                                       ATLAS_RECORD_BIT (ATLAS_RECORD_RELEASE) | ATLAS_RECORD_BIT (ATLAS_RECORD_VISIT));
  {
    g_autofree char *line = atlas_import_result_describe (&result);

    g_assert_nonnull (strstr (line, "; 1 centre changed; 1 contact added"));
  }

  text_b = export_text (b, xml_b);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_VISIT, NULL), ==, 6);

  /* Importing the same file again adds nothing. */
  g_assert_true (atlas_import_file (b, file, NULL, NULL, &again));
  g_assert_cmpuint (again.n_new, ==, 0);
  g_assert_cmpuint (again.n_centres, ==, 0);
  g_assert_cmpuint (again.n_contacts, ==, 0);
  g_assert_cmphex (again.changed, ==, 0);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_VISIT, NULL), ==, 6);
}

static void
test_schema (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture->db_path);
  g_autofree char *xml_path = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) rng = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr valid;
  xmlDocPtr doc;

  fill (store);
  text = export_text (store, xml_path);

  rng = g_resources_lookup_data (RESOURCE_PREFIX "/core/exchange/integrationsatlas-exchange.rng", 0, NULL);
  g_assert_nonnull (rng);
  parser = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (rng, NULL), g_bytes_get_size (rng));
  schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);
  valid = xmlRelaxNGNewValidCtxt (schema);

  /* Our own export, read from memory with the safe defaults. */
  doc = xmlReadMemory (text, strlen (text), "export.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

static void
test_bad_exchange_files (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  static const char * const bad[] = {
    /* a newer version of the format */
    "<atlas xmlns='https://integrationsatlas.github.io/ns/exchange/1' version='2'/>",
    /* a format the schema does not know */
    "<atlas xmlns='https://integrationsatlas.github.io/ns/exchange/1' version='1'><releases>"
    "<release guid='x' format='evil' published='2018-10-02T10:00:00Z'><title>t</title></release>"
    "</releases></atlas>",
    /* a visit to a centre that does not exist */
    "<atlas xmlns='https://integrationsatlas.github.io/ns/exchange/1' version='1'><visits>"
    "<visit ags='05999' date='2018-10-02' sort-date='2018-10-02' status='done'/></visits></atlas>",
    /* a visit with an unknown status */
    "<atlas xmlns='https://integrationsatlas.github.io/ns/exchange/1' version='1'><visits>"
    "<visit ags='05315' date='2018-10-02' sort-date='2018-10-02' status='maybe'/></visits></atlas>",
  };
  g_autoptr(AtlasStore) store = open_store (fixture->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (bad[i], -1, NULL);
      g_auto(AtlasImportResult) result = { 0 };

      if (atlas_import_stream (store, stream, "bad.xml", NULL, &result))
        g_error ("case %u was accepted", i);
    }

  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 0);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/native/round-trip", test_round_trip);
  ATLAS_TEST_ADD ("/native/schema", test_schema);
  ATLAS_TEST_ADD ("/native/bad-files", test_bad_exchange_files);

  return g_test_run ();
}
