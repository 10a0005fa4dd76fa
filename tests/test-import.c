/* test-import.c: parsers, dates, dedupe, atomicity, hostile files, detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "atlas-date.h"
#include "atlas-detect.h"
#include "atlas-html.h"
#include "atlas-import-report.h"
#include "atlas-importer.h"
#include "atlas-list-model.h"
#include "atlas-test-util.h"
#include "atlas-xml-reader.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static AtlasStore *
open_store (AtlasTestDir *fixture)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* Imports @xml given as a string; returns whether it was accepted. */
static gboolean
import_string (AtlasStore        *store,
               const char        *xml,
               gssize             len,
               AtlasImportResult *result)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (g_memdup2 (xml, len < 0 ? strlen (xml) : (gsize) len),
                                         len < 0 ? (gssize) strlen (xml) : len, g_free);

  return atlas_import_stream (store, stream, "test.xml", NULL, result);
}

static gboolean
import_fixture (AtlasStore        *store,
                const char        *name,
                AtlasImportResult *result)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_import_file (store, file, name, NULL, result);
}

static AtlasRelease *
only_release (AtlasStore *store)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  return g_list_model_get_item (G_LIST_MODEL (model), 0);
}

static char *
utc (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* Dates -------------------------------------------------------------------- */

static void
test_dates (void)
{
  static const struct { const char *in, *out; } good[] = {
    { "Tue, 02 Oct 2018 15:20:00 +0200", "2018-10-02T13:20:00Z" },
    { "02 Oct 2018 15:20 GMT", "2018-10-02T15:20:00Z" },
    { "Di, 2 Okt 2018 15:20:00 +0200", "2018-10-02T13:20:00Z" },
    { "Dienstag, 2. Oktober 2018 15:20:00 MESZ", "2018-10-02T13:20:00Z" },
    { "Mo, 3 Mär 2014 08:00:00 +0100", "2014-03-03T07:00:00Z" },
    { "Sat, 1 Jan 05 00:00:00 EST", "2005-01-01T05:00:00Z" },
    { "2018-10-02T15:20:00+02:00", "2018-10-02T13:20:00Z" },
    { "2018-10-02T13:20:00.123Z", "2018-10-02T13:20:00Z" },
    { "2018-10-02", "2018-10-02T00:00:00Z" },
    /* No zone: the publisher's, German time (summer: +02:00, winter +01:00). */
    { "2018-10-02 13:20:00", "2018-10-02T11:20:00Z" },
    { "2018-12-02T13:20:00", "2018-12-02T12:20:00Z" },
    /* W3C-DTF leaves out the seconds, or the day and month. */
    { "2001-01-01T00:00+00:00", "2001-01-01T00:00:00Z" },
    { "2005-07-19T17:00Z", "2005-07-19T17:00:00Z" },
    { "2005-07", "2005-07-01T00:00:00Z" },
    { "2005", "2005-01-01T00:00:00Z" },
    /* One digit of seconds, as a real feed wrote it. */
    { "2008-04-27T12:35:9Z", "2008-04-27T12:35:09Z" },
    { "20180223T113000+0100", "2018-02-23T10:30:00Z" },
    { "20180223", "2018-02-23T00:00:00Z" },
  };
  static const char * const bad[] = {
    "", "yesterday", "Tue, 31 Feb 2018 10:00:00 +0000", "2018-02-30", "2018-13-01",
    "Tue, 02 Foo 2018 10:00:00 +0000", "32 Oct 2018", "2018-10-02T25:00:00Z", "99999999",
    "Tue, 02 Oct 2018 10:00:00 +9999", "Sun, 07 Jul 3013 15:06:01 +0000", "201810",
    "2018-10-02T10:00+25:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 t = 0;
      g_autofree char *s = NULL;

      if (!atlas_date_parse_any (good[i].in, &t))
        g_error ("could not parse %s", good[i].in);
      s = utc (t);
      g_assert_cmpstr (s, ==, good[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 t = 0;

      if (atlas_date_parse_any (bad[i], &t))
        g_error ("accepted the impossible date %s", bad[i]);
    }
}

static void
test_dates_in_text (void)
{
  /* 2018-10-02 12:00 UTC */
  gint64 published = 1538481600;
  char buf[11];
  GDate d;

  g_assert_true (atlas_date_from_german_text ("am heutigen Dienstag, 2. Oktober 2018, kam", 0, &d));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  g_assert_cmpstr (buf, ==, "2018-10-02");

  g_assert_true (atlas_date_from_german_text ("Termin: 15.08.2017 in Solingen", 0, &d));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  g_assert_cmpstr (buf, ==, "2017-08-15");

  g_assert_true (atlas_date_from_german_text ("Sie hat gestern das Zentrum besucht.", published, &d));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  g_assert_cmpstr (buf, ==, "2018-10-01");

  g_assert_true (atlas_date_from_german_text ("Sie war heute in Köln.", published, &d));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  g_assert_cmpstr (buf, ==, "2018-10-02");

  g_assert_false (atlas_date_from_german_text ("Sie war in Köln.", published, &d));
  g_assert_false (atlas_date_from_german_text ("am 31. Februar 2018", 0, &d));
  g_assert_false (atlas_date_from_german_text ("gestern", 0, &d));
}

/* HTML --------------------------------------------------------------------- */

static void
test_html (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "<p>Erster Absatz.</p><p>Zweiter <b>Absatz</b>.</p>", "Erster Absatz.\n\nZweiter Absatz." },
    { "Zeile<br>nächste Zeile", "Zeile\nnächste Zeile" },
    { "<div>Text<script>alert(1)</script><style>p{}</style></div>", "Text" },
    { "Q&amp;A &uuml;ber &quot;Integration&quot;&nbsp;heute", "Q&A über \"Integration\" heute" },
    { "  viel    Raum \n  hier ", "viel Raum\nhier" },
    { "<ul><li>eins</li><li>zwei</li></ul>", "eins\n\nzwei" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_html_to_text (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

/* The five seed-like releases ------------------------------------------------ */

static void
test_seed_releases (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *file, *format, *visited, *date, *visitor;
  } seeds[] = {
    { "seed-koeln.rss", "rss2", "05315", "2018-10-02", "Annette Widmann-Mauz" },
    { "seed-kleve.atom", "atom", "05154", "2021-09-09", "Serap Güler" },
    { "seed-solingen.rdf", "rss1", "05122", "2017-08-15", NULL },
    { "seed-dortmund.xml", "nitf", "05913", "2018-02-23", "Serap Güler" },
    { "seed-duisburg.xml", "newsml", "05112", "2017-11-08", "Serap Güler" },
  };
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_autoptr(AtlasListModel) visits = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_auto(AtlasImportResult) result = { 0 };

      if (!import_fixture (store, seeds[i].file, &result))
        g_error ("%s rejected: %s", seeds[i].file, result.error->message);
      g_assert_cmpstr (result.format, ==, seeds[i].format);
      g_assert_cmpuint (result.n_new, ==, 1);
      g_assert_cmpuint (result.n_visits, ==, 1);
    }

  visits = atlas_list_model_new (store, ATLAS_RECORD_VISIT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (visits)), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < 5; j++)
        {
          g_autoptr(AtlasVisit) v = g_list_model_get_item (G_LIST_MODEL (visits), j);

          if (!g_str_equal (atlas_visit_get_field (v, ATLAS_VISIT_AGS), seeds[i].visited))
            continue;
          found = TRUE;
          g_assert_cmpstr (atlas_visit_get_field (v, ATLAS_VISIT_DATE), ==, seeds[i].date);
          g_assert_cmpstr (atlas_visit_get_field (v, ATLAS_VISIT_STATUS), ==, "suggested");
          g_assert_cmpint (atlas_visit_get_release_id (v), >, 0);
          if (seeds[i].visitor != NULL)
            g_assert_nonnull (strstr (atlas_visit_get_field (v, ATLAS_VISIT_VISITORS), seeds[i].visitor));
        }
      if (!found)
        g_error ("no visit to %s from %s", seeds[i].visited, seeds[i].file);
    }
}

static void
test_detection (void)
{
  static const struct {
    const char *title, *body, *visited, *mentioned;
  } cases[] = {
    /* Declined and derived forms. */
    { "Besuch am Rhein", "Am Beispiel Kölns zeigte sich, was Kölnerinnen und Kölner leisten.", "05315", NULL },
    { "Güler in der Klingenstadt", "Ein Besuch.", "05122", NULL },
    { "Besuch im Rhein-Kreis Neuss", "Text.", "05162", NULL },
    { "Station in Mülheim an der Ruhr", "Text.", "05117", NULL },
    /* Mülheim alone is a quarter of Köln in a text about Köln, else the
     * city on the Ruhr. */
    { "Projekt in Mülheim", "Die Stadtteilmütter Mülheim stellten sich in Köln vor.", "05315", NULL },
    { "Projekt in Mülheim", "Die Stadtteilmütter stellten sich vor.", "05117", NULL },
    /* Stadt Aachen and the Städteregion are two centres. */
    { "Besuch in der Städteregion Aachen", "Text.", "05334", NULL },
    { "Besuch in Aachen", "Text.", "05334002", NULL },
    { "Besuch im Märkischen Kreis", "Text.", "05962", NULL },
    /* "Weitere Stationen …" only mentions. */
    { "Güler besucht Hamm", "Weitere Stationen der Tour sind Unna und Soest.", "05915", "05978" },
    { "Güler besucht Hamm", "Sie kam aus Münster.\n\nIn Bielefeld war sie im Mai.", "05915", "05711" },
    /* A hyphenated name is not its parts. */
    { "Besuch im Rhein-Sieg-Kreis", "Text.", "05382", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) m = atlas_detect_centres (cases[i].title, cases[i].body);

      if (cases[i].visited == NULL)
        {
          if (m->len != 0)
            g_error ("case %u: found %s", i, g_array_index (m, AtlasCentreMention, 0).ags);
          continue;
        }
      g_assert_cmpuint (m->len, >=, 1);
      g_assert_cmpstr (g_array_index (m, AtlasCentreMention, 0).ags, ==, cases[i].visited);
      g_assert_true (g_array_index (m, AtlasCentreMention, 0).visited);
      if (cases[i].mentioned != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 1; j < m->len; j++)
            {
              AtlasCentreMention *mm = &g_array_index (m, AtlasCentreMention, j);

              if (g_str_equal (mm->ags, cases[i].mentioned))
                {
                  g_assert_false (mm->visited);
                  found = TRUE;
                }
            }
          g_assert_true (found);
        }
    }
}

/* Each link and each suggested visit keeps the sentence it came from and a
 * confidence; an announced visit, accepted, is planned. */
static void
test_evidence (AtlasTestDir  *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(AtlasRelease) release = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) evidence = NULL;
  g_autofree char *sentence = NULL;
  double confidence;
  gboolean announced;

  g_assert_true (import_string (store,
                                "<rss version='2.0'><channel><title>Kreis Steinfurt</title>"
                                "<item><title>Einladung zum Pressetermin</title>"
                                "<pubDate>Fri, 10 Jan 2020 10:00:00 +0100</pubDate>"
                                "<description>Foto: Kreis\n\nDie Staatssekretärin besucht am Donnerstag, 16. Januar 2020, "
                                "das Kommunale Integrationszentrum in Ochtrup. Die Anmeldung ist bis zum 14. Januar 2020 "
                                "möglich.</description></item></channel></rss>", -1, &result));
  g_assert_cmpuint (result.n_visits, ==, 1);
  release = only_release (store);

  evidence = atlas_store_get_release_evidence (store, atlas_release_get_id (release), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (evidence), ==, 1);
  g_assert_true (g_str_has_prefix (evidence[0], "Die Staatssekretärin besucht am Donnerstag"));

  visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpstr (atlas_visit_get_field (visits->pdata[0], ATLAS_VISIT_AGS), ==, "05566");
  g_assert_cmpstr (atlas_visit_get_field (visits->pdata[0], ATLAS_VISIT_DATE), ==, "2020-01-16");
  g_assert_cmpstr (atlas_visit_get_field (visits->pdata[0], ATLAS_VISIT_STATUS), ==, "suggested");
  g_assert_true (atlas_store_get_visit_evidence (store, atlas_visit_get_id (visits->pdata[0]),
                                                 &sentence, &confidence, &announced, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sentence, ==, evidence[0]);
  g_assert_cmpfloat (confidence, >, 0.5);
  g_assert_true (announced);

  g_assert_cmpint (atlas_store_accept_suggested (store, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpstr (atlas_visit_get_field (visits->pdata[0], ATLAS_VISIT_STATUS), ==, "planned");
}

/* Two releases about the same visit (the centre, the day) make one
 * suggestion with both as its sources; each release knows the visit. */
static void
test_visit_sources (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  gint64 visit;

  g_assert_true (import_fixture (store, "steinfurt-one-visit-two-releases.rss", &result));
  g_assert_cmpuint (result.n_new, ==, 2);

  visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  visit = atlas_visit_get_id (visits->pdata[0]);
  sources = atlas_store_get_visit_sources (store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpint (g_array_index (sources, gint64, 0), ==, atlas_visit_get_release_id (visits->pdata[0]));
  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GArray) of_release = atlas_store_get_release_visits (store, g_array_index (sources, gint64, i),
                                                                     &error);

      g_assert_no_error (error);
      g_assert_cmpuint (of_release->len, ==, 1);
      g_assert_cmpint (g_array_index (of_release, gint64, 0), ==, visit);
    }

  /* Importing the same file again adds no source. */
  g_clear_pointer (&sources, g_array_unref);
  atlas_import_result_clear (&result);
  g_assert_true (import_fixture (store, "steinfurt-one-visit-two-releases.rss", &result));
  sources = atlas_store_get_visit_sources (store, visit, &error);
  g_assert_cmpuint (sources->len, ==, 2);
}

/* Dedupe and versions -------------------------------------------------------- */

#define ATOM_ENTRY(updated, title) \
  "<?xml version='1.0' encoding='utf-8'?>" \
  "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>" \
  "<entry><id>urn:x:1</id><title>" title "</title>" \
  "<published>2019-08-28T10:00:00Z</published><updated>" updated "</updated>" \
  "<content type='html'>&lt;p&gt;Essen&lt;/p&gt;</content></entry></feed>"

static void
test_dedupe (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) first = { 0 };
  g_auto(AtlasImportResult) again = { 0 };
  g_auto(AtlasImportResult) newer = { 0 };
  g_auto(AtlasImportResult) no_guid = { 0 };
  g_auto(AtlasImportResult) no_guid_again = { 0 };
  g_autoptr(AtlasRelease) release = NULL;
  const char *rss =
    "<rss version='2.0'><channel><title>C</title>"
    "<item><title>Ohne Kennung</title><pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate></item>"
    "</channel></rss>";

  g_assert_true (import_string (store, ATOM_ENTRY ("2019-08-28T10:00:00Z", "Erste Fassung"), -1, &first));
  g_assert_cmpuint (first.n_new, ==, 1);

  g_assert_true (import_string (store, ATOM_ENTRY ("2019-08-28T10:00:00Z", "Erste Fassung"), -1, &again));
  g_assert_cmpuint (again.n_new, ==, 0);
  g_assert_cmpuint (again.n_known, ==, 1);

  g_assert_true (import_string (store, ATOM_ENTRY ("2019-08-29T08:00:00Z", "Zweite Fassung"), -1, &newer));
  g_assert_cmpuint (newer.n_updated, ==, 1);
  release = only_release (store);
  g_assert_cmpstr (atlas_release_get_field (release, ATLAS_RELEASE_TITLE), ==, "Zweite Fassung");

  /* No guid, no link: the title and date identify it. */
  g_assert_true (import_string (store, rss, -1, &no_guid));
  g_assert_cmpuint (no_guid.n_new, ==, 1);
  g_assert_true (import_string (store, rss, -1, &no_guid_again));
  g_assert_cmpuint (no_guid_again.n_known, ==, 1);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 2);
}

#define NEWSML_VERSION \
  "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='urn:x:essen' version='%d'>" \
  "<itemMeta><versionCreated>2019-08-28T1%d:00:00+02:00</versionCreated></itemMeta>" \
  "<contentMeta><headline>Fassung %d</headline></contentMeta>" \
  "<contentSet><inlineData contenttype='text/plain'>Besuch in Essen.</inlineData></contentSet>" \
  "</newsItem>"

static void
test_newsml_versions (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_autoptr(AtlasRelease) release = NULL;

  for (int v = 1; v <= 3; v++)
    {
      g_auto(AtlasImportResult) result = { 0 };
      g_autofree char *xml = g_strdup_printf (NEWSML_VERSION, v, v, v);

      g_assert_true (import_string (store, xml, -1, &result));
      g_assert_cmpuint (v == 1 ? result.n_new : result.n_updated, ==, 1);
    }

  /* An older version arriving late changes nothing. */
  {
    g_auto(AtlasImportResult) result = { 0 };
    g_autofree char *xml = g_strdup_printf (NEWSML_VERSION, 2, 2, 2);

    g_assert_true (import_string (store, xml, -1, &result));
    g_assert_cmpuint (result.n_known, ==, 1);
  }

  release = only_release (store);
  g_assert_cmpstr (atlas_release_get_field (release, ATLAS_RELEASE_TITLE), ==, "Fassung 3");
  g_assert_cmpint (atlas_release_get_version (release), ==, 3);

  /* Updated in place, the search index follows: the old title is gone. */
  {
    g_autoptr(GArray) old = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, "Fassung 1", NULL);
    g_autoptr(GArray) now = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, "Fassung 3", NULL);
    g_autofree char *report = NULL;

    g_assert_cmpuint (old->len, ==, 0);
    g_assert_cmpuint (now->len, ==, 1);
    g_assert_true (atlas_store_check (store, &report, NULL));
    g_assert_cmpstr (report, ==, "ok");
  }
}

static void
test_same_file_update (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  g_autofree char *report = NULL;

  /* A release and its newer version in one file: the second replaces the
   * first before the file's releases are indexed for search. */
  g_assert_true (import_string (store,
    "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>"
    "<entry><id>urn:x:2</id><title>Alt</title><published>2019-08-28T10:00:00Z</published>"
    "<updated>2019-08-28T10:00:00Z</updated><content>Essen</content></entry>"
    "<entry><id>urn:x:2</id><title>Neu</title><published>2019-08-28T10:00:00Z</published>"
    "<updated>2019-08-29T10:00:00Z</updated><content>Essen</content></entry>"
    "<entry><id>urn:x:3</id><title>Dritte</title><published>2019-08-30T10:00:00Z</published>"
    "<content>Bonn</content></entry></feed>", -1, &result));
  g_assert_cmpuint (result.n_new, ==, 2);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_true (atlas_store_check (store, &report, NULL));
  g_assert_cmpstr (report, ==, "ok");
}

/* Atomicity ------------------------------------------------------------------ */

/* One item the importer cannot understand is left out, with its line and
 * why; the rest of the file imports. */
static void
test_bad_item_skipped (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *skipped = NULL;
  AtlasImportSkip *skip;
  const char *rss =
    "<rss version='2.0'><channel><title>C</title>\n"
    "<item><title>Eins</title><guid>1</guid><pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate></item>\n"
    "<item><title>Zwei</title><guid>2</guid><pubDate>Wed, 28 Aug 2019 11:00:00 +0200</pubDate></item>\n"
    "<item><title>Drei</title><guid>3</guid><pubDate>Wed, 30 Feb 2019 11:00:00 +0200</pubDate></item>\n"
    "</channel></rss>";

  g_assert_true (import_string (store, rss, -1, &result));
  g_assert_false (result.rejected);
  g_assert_cmpuint (result.n_new, ==, 2);
  g_assert_cmpuint (result.n_skipped, ==, 1);
  g_assert_cmpuint (result.skipped->len, ==, 1);
  skip = g_ptr_array_index (result.skipped, 0);
  g_assert_cmpint (skip->line, ==, 4);
  g_assert_nonnull (strstr (skip->reason, "30 Feb 2019"));
  g_assert_nonnull (strstr (skip->reason, "Drei"));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 2);

  line = atlas_import_result_describe (&result);
  g_assert_cmpstr (line, ==, "test.xml: 2 new, 0 updated, 0 already in the catalogue, 1 skipped; 0 visits suggested");
  skipped = atlas_import_result_describe_skipped (&result);
  g_assert_true (g_str_has_prefix (skipped, "  skipped, line 4: “Drei”: the date"));
}

/* A file whose structure breaks after good items keeps none of them. */
static void
test_atomic (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  const char *rss =
    "<rss version='2.0'><channel><title>C</title>\n"
    "<item><title>Eins</title><guid>1</guid><pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate></item>\n"
    "<item><title>Zwei</title><guid>2</guid><pubDate>Wed, 28 Aug 2019 11:00:00 +0200</pubDate></item>\n"
    "<item><title>Drei</title><guid>3</guid></itme>\n"
    "</channel></rss>";

  g_assert_false (import_string (store, rss, -1, &result));
  g_assert_true (result.rejected);
  g_assert_error (result.error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED);
  g_assert_cmpint (result.line, ==, 4);
  g_assert_nonnull (strstr (result.error->message, "line 4"));
  g_assert_nonnull (result.detail);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 0);
  g_assert_cmpuint (result.n_new, ==, 0);
}

static void
test_date_from_text (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) ok = { 0 };
  g_auto(AtlasImportResult) bad = { 0 };
  g_autoptr(AtlasRelease) release = NULL;
  g_autofree char *when = NULL;

  g_assert_true (import_string (store,
                                "<rss version='2.0'><channel><title>C</title><item><title>Höxter</title>"
                                "<description>Am 5. März 2020 war die Staatssekretärin in Höxter.</description>"
                                "</item></channel></rss>", -1, &ok));
  release = only_release (store);
  when = utc (atlas_release_get_published (release));
  g_assert_true (g_str_has_prefix (when, "2020-03-05"));

  g_assert_true (import_string (store,
                                "<rss version='2.0'><channel><title>C</title>\n<item><title>Ohne Datum</title>"
                                "<description>Kein Tag genannt.</description></item></channel></rss>", -1, &bad));
  g_assert_cmpuint (bad.n_new, ==, 0);
  g_assert_cmpuint (bad.n_skipped, ==, 1);
  g_assert_cmpint (((AtlasImportSkip *) g_ptr_array_index (bad.skipped, 0))->line, ==, 2);
  g_assert_nonnull (strstr (((AtlasImportSkip *) g_ptr_array_index (bad.skipped, 0))->reason, "has no date"));
}

/* Real-world feeds (issue #17) ------------------------------------------------ */

static AtlasRelease *
release_titled (AtlasStore *store,
                const char *title)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasRelease) r = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (atlas_release_get_field (r, ATLAS_RELEASE_TITLE), title))
        return g_steal_pointer (&r);
    }
  g_error ("no release titled “%s”", title);
  return NULL;
}

static void
assert_fixture_imports (AtlasStore        *store,
                        const char        *name,
                        AtlasImportResult *result)
{
  if (!import_fixture (store, name, result))
    g_error ("%s was refused: %s", name, result->error->message);
}

/* Harmless deviations every feed reader reads. */
static void
test_tolerant (AtlasTestDir  *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);

  {
    g_auto(AtlasImportResult) result = { 0 };

    /* A newline and spaces before the declaration. */
    assert_fixture_imports (store, "feed-space-before-declaration.rss", &result);
    g_assert_cmpuint (result.n_new, ==, 1);
  }
  {
    g_auto(AtlasImportResult) result = { 0 };
    g_autoptr(AtlasRelease) r = NULL;

    /* HTML 4 entities with the RSS 0.91 DTD named but never loaded. */
    assert_fixture_imports (store, "feed-html-entities.rss", &result);
    r = release_titled (store, "Café in Münster…");
    g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_BODY), ==,
                     "Gespräch am 4. Mai 2001 – mit \"Zitat\" & mehr.");
  }
  {
    g_auto(AtlasImportResult) result = { 0 };

    /* UTF-16 without a byte-order mark. */
    assert_fixture_imports (store, "feed-utf16le-nobom.rss", &result);
    g_object_unref (release_titled (store, "Grüße aus Köln"));
  }
  {
    g_auto(AtlasImportResult) result = { 0 };

    /* A line break inside a namespace URI, an undeclared prefix. */
    assert_fixture_imports (store, "feed-namespace-warning.rss", &result);
    g_assert_cmpuint (result.n_new, ==, 1);
  }
  {
    g_auto(AtlasImportResult) result = { 0 };
    g_autoptr(AtlasRelease) r = NULL;

    /* Declared ISO-8859-1, written in UTF-8 (a walk imported a real feed
     * like this and stored "StraÃŸe", which no search finds). */
    assert_fixture_imports (store, "feed-latin1-declared-utf8.rss", &result);
    r = release_titled (store, "Neue Räume an der Hauptstraße in Köln");
    g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_BODY), ==,
                     "Das Zentrum zieht um – Grüße vom Team.");
  }
  {
    g_auto(AtlasImportResult) result = { 0 };

    /* Really ISO-8859-1: read as declared. */
    assert_fixture_imports (store, "feed-latin1.rss", &result);
    g_object_unref (release_titled (store, "Grüße aus Münster"));
  }
}

/* Fields where publishers put them. */
static void
test_field_sources (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) vocabularies = { 0 };
  g_auto(AtlasImportResult) links = { 0 };
  g_auto(AtlasImportResult) atom = { 0 };
  g_auto(AtlasImportResult) newsml = { 0 };
  g_auto(AtlasImportResult) plain = { 0 };
  static const struct { const char *title, *link; } expected_links[] = {
    { "Relativ", "https://www.example.org/presse/2019/besuch.html" },
    { "Mit Basis", "https://archiv.example.org/alt/eintrag.html" },
    { "Nur Guid", "https://www.example.org/presse/guid.html" },
    { "Keine Permalink-Guid", "" },
    { "Feedburner", "https://www.example.org/presse/original.html" },
  };

  assert_fixture_imports (store, "feed-other-vocabularies.rss", &vocabularies);
  g_assert_cmpuint (vocabularies.n_new, ==, 2);
  {
    g_autoptr(AtlasRelease) dc = release_titled (store, "Titel aus Dublin Core");
    g_autoptr(AtlasRelease) at = release_titled (store, "Titel aus Atom");
    g_autofree char *dc_date = utc (atlas_release_get_published (dc));
    g_autofree char *at_date = utc (atlas_release_get_published (at));

    g_assert_cmpstr (atlas_release_get_field (dc, ATLAS_RELEASE_GUID), ==, "urn:x:dc");
    g_assert_cmpstr (dc_date, ==, "2019-08-28T08:00:00Z");
    g_assert_cmpstr (atlas_release_get_field (at, ATLAS_RELEASE_GUID), ==, "urn:x:atom");
    /* Published before updated. */
    g_assert_cmpstr (at_date, ==, "2019-08-29T09:00:00Z");
  }

  assert_fixture_imports (store, "feed-links.rss", &links);
  g_assert_cmpuint (links.n_new, ==, G_N_ELEMENTS (expected_links));
  for (guint i = 0; i < G_N_ELEMENTS (expected_links); i++)
    {
      g_autoptr(AtlasRelease) r = release_titled (store, expected_links[i].title);

      g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_LINK), ==, expected_links[i].link);
    }

  assert_fixture_imports (store, "feed-links.atom", &atom);
  {
    g_autoptr(AtlasRelease) r = release_titled (store, "Eintrag");
    g_autofree char *date = utc (atlas_release_get_published (r));

    g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_LINK), ==, "http://www.example.com/blog/2006-11-05/entry1");
    g_assert_cmpstr (date, ==, "2006-11-05T09:00:00Z");
  }

  /* No headline: the first sentence; no item dates: contentCreated, in
   * German time as it names no zone. */
  assert_fixture_imports (store, "newsml-no-headline.xml", &newsml);
  {
    g_autoptr(AtlasRelease) r = release_titled (store, "Die Staatssekretärin besuchte heute Köln.");
    g_autofree char *date = utc (atlas_release_get_published (r));

    g_assert_cmpstr (date, ==, "2019-08-28T08:00:00Z");
  }

  /* Plain text with "&" and "<" keeps its paragraphs. */
  assert_fixture_imports (store, "feed-plain-text.rss", &plain);
  {
    g_autoptr(AtlasRelease) r = release_titled (store, "Klartext");

    g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_BODY), ==,
                     "Erster Absatz: Bund & Land.\n\nZweiter Absatz: weniger < mehr.");
  }
}

/* Items judged one by one, the report says which and why. */
static void
test_items_one_by_one (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  g_auto(AtlasImportResult) again = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *again_line = NULL;

  assert_fixture_imports (store, "feed-one-bad-item.rss", &result);
  g_assert_cmpuint (result.n_new, ==, 2);
  g_assert_cmpuint (result.n_skipped, ==, 2);
  line = atlas_import_result_describe (&result);
  g_assert_true (g_str_has_suffix (line, "feed-one-bad-item.rss: 2 new, 0 updated, 0 already in the catalogue, "
                                         "2 skipped; 0 visits suggested"));
  skipped = atlas_import_result_describe_skipped (&result);
  g_assert_cmpstr (skipped, ==,
                   "  skipped, line 4: “Fernste Zukunft”: the date “Sun, 07 Jul 3013 15:06:01 +0000” is not a possible date\n"
                   "  skipped, line 5: “Ohne Datum” has no date, and its text names none\n");

  /* Imported twice: the second time all is already there. */
  assert_fixture_imports (store, "feed-one-bad-item.rss", &again);
  g_assert_cmpuint (again.n_new, ==, 0);
  g_assert_cmpuint (again.n_known, ==, 2);
  again_line = atlas_import_result_describe (&again);
  g_assert_nonnull (strstr (again_line, "0 new, 0 updated, 2 already in the catalogue, 2 skipped"));
}

/* Files that are not feeds say what they are; broken structure refuses the
 * whole file. */
static void
test_messages (AtlasTestDir  *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  static const struct { const char *file; int code; const char *line; } cases[] = {
    { "notiz.xml", ATLAS_IMPORT_ERROR_NOT_XML, "notiz.xml: This is not an XML file but text" },
    { "bild.xml", ATLAS_IMPORT_ERROR_NOT_XML, "bild.xml: This is not an XML file but a PNG image" },
    { "katalog.xml", ATLAS_IMPORT_ERROR_NOT_XML,
      "katalog.xml: This is not an XML file but a database, perhaps a catalogue" },
    { "feed-truncated.rss", ATLAS_IMPORT_ERROR_TRUNCATED,
      "feed-truncated.rss: The file ends in the middle of line 4 – it is probably incomplete" },
    { "feed-broken-structure.rss", ATLAS_IMPORT_ERROR_MALFORMED,
      "feed-broken-structure.rss, line 4, column 56: The file is not well-formed XML in line 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(AtlasImportResult) result = { 0 };
      g_autofree char *line = NULL;

      g_assert_false (import_fixture (store, cases[i].file, &result));
      g_assert_error (result.error, ATLAS_IMPORT_ERROR, cases[i].code);
      line = atlas_import_result_describe (&result);
      g_assert_cmpstr (line, ==, cases[i].line);
    }
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 0);
}

/* A catalogue that cannot be written says so, SQLite's words as details. */
static void
test_catalogue_not_writable (AtlasTestDir  *fixture,
                             gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_autoptr(AtlasStore) read_only = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AtlasImportResult) result = { 0 };
  g_autofree char *line = NULL;

  g_clear_object (&store);
  read_only = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (import_fixture (read_only, "feed-one-bad-item.rss", &result));
  g_assert_error (result.error, ATLAS_STORE_ERROR, result.error->code);
  g_assert_nonnull (result.detail);
  line = atlas_import_result_describe (&result);
  g_assert_true (g_str_has_prefix (line, "feed-one-bad-item.rss: The catalogue could not be written: "));
}

/* A catalogue that fails in the middle of a long file, while the parsing
 * thread is releases ahead of the storing one: the import stops there,
 * keeps nothing and says why (the parser waiting for room is woken). */
static void
test_store_fails_midway (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_autoptr(GString) rss = g_string_new ("<rss version='2.0'><channel><title>C</title>");
  g_auto(AtlasImportResult) result = { 0 };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON release "
                                     "WHEN NEW.title = 'Nummer 150' BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (rss, "<item><title>Nummer %u</title><guid>%u</guid>"
                                 "<pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate>"
                                 "<description>Staatssekretärin Serap Güler besuchte das "
                                 "Integrationszentrum in Köln.</description></item>", i, i);
  g_string_append (rss, "</channel></rss>");

  g_assert_false (import_string (store, rss->str, rss->len, &result));
  g_assert_true (result.rejected);
  g_assert_error (result.error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (result.detail, "refused"));
  g_assert_cmpuint (result.n_new, ==, 0);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 0);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);
}

/* HTML entities are mapped in the stream: also across the reader's 64 KiB
 * chunks, never inside CDATA or comments. */
static void
test_entities_streamed (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_autoptr(GString) rss = g_string_new ("<rss version='2.0'><channel><title>C</title><!-- ");
  g_auto(AtlasImportResult) result = { 0 };
  g_autoptr(AtlasRelease) r = NULL;
  const char *head = "<item><title>Caf&eacute;</title>";

  /* A comment pads the file so that the title's entity starts 3 bytes
   * before the end of the first chunk. */
  while (rss->len + strlen (" &eacute; -->") + strlen ("<item><title>Caf") < 65536 - 3)
    g_string_append_c (rss, 'x');
  g_string_append (rss, " &eacute; -->");
  g_assert_cmpuint (rss->len + strlen ("<item><title>Caf"), ==, 65536 - 3);
  g_string_append (rss, head);
  g_string_append (rss, "<guid>1</guid><pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate>"
                        "<description><![CDATA[<p>Im Quelltext: &amp;eacute; &eacute;</p>]]></description>"
                        "</item></channel></rss>");

  g_assert_true (import_string (store, rss->str, rss->len, &result));
  r = only_release (store);
  g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_TITLE), ==, "Café");
  /* The CDATA's HTML read as HTML: its own entities, as written. */
  g_assert_cmpstr (atlas_release_get_field (r, ATLAS_RELEASE_BODY), ==, "Im Quelltext: &eacute; é");
}

/* Hostile files ---------------------------------------------------------------- */

static void
test_hostile (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autofree char *secret = g_build_filename (fixture->dir, "secret.txt", NULL);
  g_autofree char *xxe = NULL;
  g_autoptr(GString) deep = g_string_new ("<rss version='2.0'><channel><title>x</title><item><title>t</title><description>");
  g_autoptr(GString) huge_laughs = g_string_new ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a0 'ha'>");
  static const guchar gzip_bytes[] = { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00 };
  struct { const char *what; const char *xml; gssize len; int code; } cases[] = {
    { "xxe", NULL, -1, ATLAS_IMPORT_ERROR_UNSAFE },
    { "billion laughs", NULL, -1, ATLAS_IMPORT_ERROR_UNSAFE },
    { "parameter entity",
      "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY % p SYSTEM 'http://127.0.0.1:9/x'> %p;]><rss/>",
      -1, -1 },
    /* HTML 4's &nbsp; is read from a table; other names stay refused. */
    { "undeclared entity", "<rss version='2.0'><channel><title>&secret;</title></channel></rss>", -1,
      ATLAS_IMPORT_ERROR_UNSAFE },
    { "deep nesting", NULL, -1, -1 },
    { "truncated", "<rss version='2.0'><channel><title>Abgeschnitten</title><item><title>x", -1,
      ATLAS_IMPORT_ERROR_TRUNCATED },
    { "invalid utf-8", "<rss version='2.0'><channel><title>\xff\xfe</title></channel></rss>", -1,
      ATLAS_IMPORT_ERROR_MALFORMED },
    { "wrong encoding declaration",
      "<?xml version='1.0' encoding='UTF-16'?><rss version='2.0'><channel/></rss>", -1, -1 },
    { "html", "<html><head><title>x</title></head><body><p>Seite</p></body></html>", -1,
      ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT },
    { "gzip", (const char *) gzip_bytes, sizeof gzip_bytes, ATLAS_IMPORT_ERROR_COMPRESSED },
    { "empty", "", 0, ATLAS_IMPORT_ERROR_MALFORMED },
    { "not xml", "Dies ist keine XML-Datei.", -1, ATLAS_IMPORT_ERROR_NOT_XML },
    /* A namespace error leaves the structure alone: "a:rss" is no feed. */
    { "bad namespace", "<a:rss xmlns:b='urn:b'><channel/></a:rss>", -1, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT },
    { "junk after root", "<rss version='2.0'><channel><title>x</title></channel></rss><rss/>", -1,
      ATLAS_IMPORT_ERROR_MALFORMED },
  };
  g_autoptr(AtlasStore) store = open_store (fixture);

  g_assert_true (atlas_xml_entity_loader_is_safe ());
  g_assert_true (g_file_set_contents (secret, "TOP SECRET", -1, NULL));
  xxe = g_strdup_printf ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file://%s'>]>"
                         "<rss version='2.0'><channel><title>&x;</title><item><title>&x;</title>"
                         "<pubDate>Wed, 28 Aug 2019 10:00:00 +0200</pubDate></item></channel></rss>", secret);
  cases[0].xml = xxe;

  for (int i = 1; i < 10; i++)
    g_string_append_printf (huge_laughs, "<!ENTITY a%d '&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;'>",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (huge_laughs, "]><rss version='2.0'><channel><title>&a9;</title></channel></rss>");
  cases[1].xml = huge_laughs->str;

  for (int i = 0; i < 5000; i++)
    g_string_append (deep, "<div>");
  cases[4].xml = deep->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(AtlasImportResult) result = { 0 };
      gint64 start = g_get_monotonic_time ();

      if (import_string (store, cases[i].xml, cases[i].len, &result))
        g_error ("%s was accepted", cases[i].what);
      g_assert_true (result.rejected);
      g_assert_nonnull (result.error);
      if (cases[i].code >= 0 && !g_error_matches (result.error, ATLAS_IMPORT_ERROR, cases[i].code))
        g_error ("%s: expected code %d, got %s %d: %s", cases[i].what, cases[i].code,
                 g_quark_to_string (result.error->domain), result.error->code, result.error->message);
      g_assert_null (strstr (result.error->message, "TOP SECRET"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }

  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL), ==, 0);
}

static void
test_plain_doctype (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture);
  g_auto(AtlasImportResult) result = { 0 };
  const char *rss091 =
    "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
    "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
    "  \"http://127.0.0.1:9/rss-0.91.dtd\">\n"
    "<rss version='0.91'><channel><title>Alt</title><link>http://example.org/</link>\n"
    "<description>d</description><language>de</language>\n"
    "<item><title>M\xfcnster im Blick</title><link>http://example.org/1</link>"
    "<description>Besuch am 4. Mai 2001.</description></item></channel></rss>";

  /* The DTD is neither fetched nor needed. */
  if (!import_string (store, rss091, -1, &result))
    g_error ("rejected: %s", result.error->message);
  g_assert_cmpuint (result.n_new, ==, 1);
  {
    g_autoptr(AtlasRelease) release = only_release (store);

    g_assert_cmpstr (atlas_release_get_field (release, ATLAS_RELEASE_TITLE), ==, "Münster im Blick");
  }
}

static void
test_describe (void)
{
  g_auto(AtlasImportResult) result = { 0 };
  g_autofree char *line = NULL;

  result.path = g_strdup ("feed.xml");
  result.rejected = TRUE;
  result.line = 12;
  result.column = 7;
  result.error = g_error_new_literal (ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED, "kaputt");
  line = atlas_import_result_describe (&result);
  g_assert_cmpstr (line, ==, "feed.xml, line 12, column 7: kaputt");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/dates-in-text", test_dates_in_text);
  g_test_add_func ("/import/html", test_html);
  g_test_add_func ("/import/detection", test_detection);
  g_test_add_func ("/import/describe", test_describe);
  ATLAS_TEST_ADD ("/import/seed-releases", test_seed_releases);
  ATLAS_TEST_ADD ("/import/evidence", test_evidence);
  ATLAS_TEST_ADD ("/import/visit-sources", test_visit_sources);
  ATLAS_TEST_ADD ("/import/dedupe", test_dedupe);
  ATLAS_TEST_ADD ("/import/newsml-versions", test_newsml_versions);
  ATLAS_TEST_ADD ("/import/same-file-update", test_same_file_update);
  ATLAS_TEST_ADD ("/import/atomic", test_atomic);
  ATLAS_TEST_ADD ("/import/bad-item-skipped", test_bad_item_skipped);
  ATLAS_TEST_ADD ("/import/tolerant", test_tolerant);
  ATLAS_TEST_ADD ("/import/field-sources", test_field_sources);
  ATLAS_TEST_ADD ("/import/items-one-by-one", test_items_one_by_one);
  ATLAS_TEST_ADD ("/import/messages", test_messages);
  ATLAS_TEST_ADD ("/import/entities-streamed", test_entities_streamed);
  ATLAS_TEST_ADD ("/import/catalogue-not-writable", test_catalogue_not_writable);
  ATLAS_TEST_ADD ("/import/store-fails-midway", test_store_fails_midway);
  ATLAS_TEST_ADD ("/import/date-from-text", test_date_from_text);
  ATLAS_TEST_ADD ("/import/hostile", test_hostile);
  ATLAS_TEST_ADD ("/import/plain-doctype", test_plain_doctype);

  return g_test_run ();
}
