/* test-store.c: opening, migrating and writing the catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-store-private.h"
#include "atlas-test-store.h"
#include "atlas-test-util.h"

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static AtlasContact *
contact_new (const char *given,
             const char *family)
{
  AtlasContact *contact = atlas_contact_new ();

  atlas_contact_set_field (contact, ATLAS_CONTACT_GIVEN_NAME, given);
  atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, family);
  return contact;
}

static void
test_migrate_from_empty (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store;
  g_autofree char *journal = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *timeout = NULL;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_latest_version ());
  g_assert_cmpint (atlas_store_latest_version (), >=, 2);

  journal = atlas_store_read_pragma (store, "journal_mode");
  sync = atlas_store_read_pragma (store, "synchronous");
  fk = atlas_store_read_pragma (store, "foreign_keys");
  timeout = atlas_store_read_pragma (store, "busy_timeout");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (sync, ==, "2");   /* FULL */
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (atoi (timeout), >=, 5000);

  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, &error), ==, 0);
  g_assert_no_error (error);

  /* A new file needs no backup: there was nothing to lose. */
  {
    g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);

    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }

  g_assert_finalize_object (store);
}

static void
test_migrate_from_v1 (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasCentre) again = NULL;
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  AtlasStore *store;
  guint n_backups = 0;

  /* A catalogue as the first version of the schema left it. */
  store = atlas_store_new_at_version (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, 1);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, NULL), ==, 54);

  centre = atlas_store_get_centre_by_ags (store, "05154", &error);
  g_assert_no_error (error);
  atlas_centre_set_field (centre, ATLAS_CENTRE_PHONE, "02821 85-123");
  g_assert_true (atlas_store_update_centre (store, centre, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_latest_version ());

  again = atlas_store_get_centre_by_ags (store, "05154", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_centre_get_field (again, ATLAS_CENTRE_PHONE), ==, "02821 85-123");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_RELEASE, &error), ==, 0);
  g_assert_no_error (error);

  /* The upgrade made a backup of version 1 first, and it is a database. */
  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);
      g_autoptr(AtlasStore) copy = NULL;

      g_assert_true (g_str_has_prefix (name, "catalogue-v1-"));
      copy = atlas_store_new_at_version (path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED,
                                         1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (atlas_store_get_schema_version (copy), ==, 1);
      g_assert_cmpint (atlas_store_count (copy, ATLAS_RECORD_CENTRE, NULL), ==, 54);
      n_backups++;
    }
  g_assert_cmpuint (n_backups, ==, 1);

  g_assert_finalize_object (store);
}

static void
test_migrate_keeps_search (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRelease) release = atlas_release_new ();
  g_autoptr(GArray) found = NULL;
  AtlasStore *store;

  /* Version 1 had the full-text index without prefix indexes. */
  store = atlas_store_new_at_version (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, 1, &error);
  g_assert_no_error (error);
  atlas_release_set_field (release, ATLAS_RELEASE_GUID, "urn:test:herne");
  atlas_release_set_field (release, ATLAS_RELEASE_TITLE, "Sommertour: Besuch in Herne");
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "rss2");
  atlas_release_set_published (release, 1501761600);
  g_assert_cmpint (atlas_store_insert_release (store, release, &error), >, 0);
  g_assert_finalize_object (store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_latest_version ());
  found = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, "Som", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_finalize_object (store);
}

/* Version 7 knew one release per visit: the upgrade makes it the visit's
 * source, and the example mark starts cleared. */
static void
test_migrate_visit_sources (AtlasTestDir  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRelease) release = atlas_release_new ();
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GArray) examples = NULL;
  AtlasStore *store;
  gint64 release_id, visit_id;

  store = atlas_store_new_at_version (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, 7, &error);
  g_assert_no_error (error);
  atlas_release_set_field (release, ATLAS_RELEASE_GUID, "urn:test:kleve");
  atlas_release_set_field (release, ATLAS_RELEASE_TITLE, "Besuch in Kleve");
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "rss2");
  atlas_release_set_published (release, 1501761600);
  release_id = atlas_store_insert_release (store, release, &error);
  g_assert_cmpint (release_id, >, 0);
  centre = atlas_store_get_centre_by_ags (store, "05154", &error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_release_id (visit, release_id);
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2017-08-03");
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, "2017-08-03");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "suggested");
  visit_id = atlas_store_save_visit (store, visit, &error);
  g_assert_cmpint (visit_id, >, 0);
  g_assert_finalize_object (store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sources = atlas_store_get_visit_sources (store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpint (g_array_index (sources, gint64, 0), ==, release_id);
  examples = atlas_store_get_example_visits (store, 0, TRUE, &error);
  g_assert_cmpuint (examples->len, ==, 0);
  g_assert_finalize_object (store);
}

static void
add_release (AtlasStore *store,
             const char *guid,
             const char *title,
             const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRelease) release = atlas_release_new ();

  atlas_release_set_field (release, ATLAS_RELEASE_GUID, guid);
  atlas_release_set_field (release, ATLAS_RELEASE_TITLE, title);
  atlas_release_set_field (release, ATLAS_RELEASE_BODY, body);
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "rss2");
  atlas_release_set_published (release, 1501761600);
  atlas_store_insert_release (store, release, &error);
  g_assert_no_error (error);
}

/* Release search folds as the centre and contact searches do, whichever
 * way the word is typed, and as a prefix while it is typed. */
static void
assert_search_folds (AtlasStore *store)
{
  static const struct { const char *typed; guint found; } cases[] = {
    { "koeln", 1 }, { "Köln", 1 }, { "KÖLN", 1 }, { "koln", 1 }, { "Kö", 1 }, { "Koe", 1 },
    { "strasse", 1 }, { "Straße", 1 }, { "Straß", 1 },
    { "guler", 1 }, { "gueler", 1 }, { "Güler", 1 }, { "Gül", 1 },
    { "Nordrhein-Westfalen", 1 }, { "Besuch koeln", 1 }, { "Besuch guler", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, cases[i].typed, &error);

      g_assert_no_error (error);
      if (found->len != cases[i].found)
        g_error ("“%s” found %u, not %u", cases[i].typed, found->len, cases[i].found);
    }
}

static void
add_folding_releases (AtlasStore *store)
{
  add_release (store, "urn:test:koeln", "Besuch in Köln", "Die Staatssekretärin besuchte das Zentrum.");
  add_release (store, "urn:test:strasse", "Neues Büro", "Das Zentrum liegt an der Straße nach Bonn.");
  add_release (store, "urn:test:gueler", "Integrationsrat gewählt", "Vorsitzende ist Serap Güler aus Nordrhein-Westfalen.");
}

static void
test_search_folds (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  add_folding_releases (store);
  assert_search_folds (store);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_no_error (error);
}

/* Version 3's index (unicode61, positions, prefixes 2-6) becomes the
 * folding one, with every release in it. */
static void
test_migrate_to_folded_index (AtlasTestDir  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  AtlasStore *store;

  store = atlas_store_new_at_version (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, 3, &error);
  g_assert_no_error (error);
  add_folding_releases (store);
  g_assert_finalize_object (store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_latest_version ());
  assert_search_folds (store);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

/* An import looks up a centre's visit on a day for each visit it would
 * suggest: by an index on both, not by reading all of the centre's visits
 * (which made large imports slow down as they went). */
static void
test_visit_lookup_indexed (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  sqlite3_stmt *plan = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (atlas_store_get_db (store),
                                       "EXPLAIN QUERY PLAN SELECT id FROM visit WHERE centre_id = ?1 AND date = ?2 LIMIT 1",
                                       -1, &plan, NULL), ==, SQLITE_OK);
  while (sqlite3_step (plan) == SQLITE_ROW)
    g_string_append_printf (steps, "%s\n", sqlite3_column_text (plan, 3));
  sqlite3_finalize (plan);
  g_assert_nonnull (strstr (steps->str, "(centre_id=? AND date=?)"));
}

static void
test_reopen (AtlasTestDir  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasContact) contact = contact_new ("Serap", "Güler");
  g_autoptr(AtlasContact) loaded = NULL;
  AtlasStore *store;
  gint64 id;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = atlas_store_insert_contact (store, contact, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_finalize_object (store);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  loaded = ATLAS_CONTACT (atlas_store_load (store, ATLAS_RECORD_CONTACT, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_contact_get_field (loaded, ATLAS_CONTACT_FAMILY_NAME), ==, "Güler");
  g_assert_finalize_object (store);
}

static void
test_constraints (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasContact) orphan = contact_new ("Erika", "Mustermann");
  g_autoptr(AtlasContact) nameless = atlas_contact_new ();
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasCentre) reloaded = NULL;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* A contact of a centre that does not exist. */
  atlas_contact_set_centre_id (orphan, 999999);
  g_assert_cmpint (atlas_store_insert_contact (store, orphan, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A contact with no name at all. */
  g_assert_cmpint (atlas_store_insert_contact (store, nameless, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);

  /* A visit with an unknown status. */
  centre = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, "2018-10-02");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "maybe");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);

  /* A postal code that is not five digits leaves the stored one alone. */
  atlas_centre_set_field (centre, ATLAS_CENTRE_POSTAL_CODE, "5067");
  g_assert_false (atlas_store_update_centre (store, centre, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  reloaded = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_centre_get_field (reloaded, ATLAS_CENTRE_POSTAL_CODE), !=, "5067");
}

static void
test_failed_write_rolls_back (AtlasTestDir  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasContact) good = contact_new ("Anna", "Beispiel");
  g_autoptr(AtlasContact) bad = atlas_contact_new ();

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (atlas_store_begin (store, &error));
  g_assert_cmpint (atlas_store_insert_contact (store, good, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_insert_contact (store, bad, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "contact"));
  g_clear_error (&error);
  atlas_store_rollback (store);

  /* Neither contact was kept: the transaction is all or nothing. */
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);
}

static void
changed_cb (AtlasStore *store,
            guint       kind,
            gint64      id,
            GArray     *log)
{
  g_array_append_val (log, kind);
}

static void
test_changed_signal (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasContact) first = contact_new ("Anna", "Beispiel");
  g_autoptr(AtlasContact) second = contact_new ("Bernd", "Beispiel");
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), log);

  g_assert_cmpint (atlas_store_insert_contact (store, first, &error), >, 0);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, ATLAS_RECORD_CONTACT);

  /* Inside a transaction listeners wait for the commit … */
  g_assert_true (atlas_store_begin (store, &error));
  g_assert_cmpint (atlas_store_insert_contact (store, second, &error), >, 0);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (atlas_store_commit (store, &error));
  g_assert_cmpuint (log->len, ==, 2);

  /* … and hear nothing of a rollback. */
  g_assert_true (atlas_store_begin (store, &error));
  g_assert_cmpint (atlas_store_insert_contact (store, first, &error), >, 0);
  atlas_store_rollback (store);
  g_assert_cmpuint (log->len, ==, 2);
}

static void
test_future_version (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AtlasStore *store;
  sqlite3 *db;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Pretend a newer Integrationsatlas wrote the file. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  before = file_checksum (fixture->db_path);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FUTURE_VERSION);
  after = file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AtlasStore *store;
  g_autoptr(GString) junk = g_string_new (NULL);

  for (guint i = 0; i < 512; i++)
    g_string_append (junk, "this is not a database, ");
  g_assert_true (g_file_set_contents (fixture->db_path, junk->str, junk->len, NULL));

  before = file_checksum (fixture->db_path);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  after = file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_existing_missing (AtlasTestDir  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_check (AtlasTestDir  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *report = NULL;

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

static void
count_damaged_cb (AtlasStore *store,
                  const char *message,
                  guint      *count)
{
  g_assert_nonnull (strstr (message, atlas_store_get_path (store)));
  (*count)++;
}

/* Opened without the whole-file check (as the app opens now), a damaged
 * page is found by the first read that reaches it: the read fails as
 * damaged and ::damaged is emitted, once. */
static void
test_damage_found_by_a_read (AtlasTestDir  *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GArray) ids = NULL;
  guint damaged = 0;
  gboolean failed = FALSE;

  g_assert_no_error (error);
  atlas_test_add_releases (store, 3000);
  g_clear_object (&store);
  atlas_test_damage_releases (fixture->db_path);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (count_damaged_cb), &damaged);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, &error), ==, 54);
  g_assert_cmpuint (damaged, ==, 0);

  /* Reading every release reaches the damage. */
  for (int round = 0; round < 2; round++)
    {
      ids = atlas_store_query_ids (store, ATLAS_RECORD_RELEASE, NULL, &error);
      for (guint i = 0; ids != NULL && i < ids->len && error == NULL; i++)
        {
          g_autoptr(GObject) release = atlas_store_load (store, ATLAS_RECORD_RELEASE,
                                                         g_array_index (ids, gint64, i), &error);
        }
      g_clear_pointer (&ids, g_array_unref);
      if (error != NULL)
        {
          g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
          failed = TRUE;
        }
      g_clear_error (&error);
    }
  g_assert_true (failed);
  g_assert_cmpuint (damaged, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/store/migrate-from-empty", test_migrate_from_empty);
  ATLAS_TEST_ADD ("/store/migrate-from-v1", test_migrate_from_v1);
  ATLAS_TEST_ADD ("/store/migrate-keeps-search", test_migrate_keeps_search);
  ATLAS_TEST_ADD ("/store/migrate-to-folded-index", test_migrate_to_folded_index);
  ATLAS_TEST_ADD ("/store/migrate-visit-sources", test_migrate_visit_sources);
  ATLAS_TEST_ADD ("/store/search-folds", test_search_folds);
  ATLAS_TEST_ADD ("/store/visit-lookup-indexed", test_visit_lookup_indexed);
  ATLAS_TEST_ADD ("/store/reopen", test_reopen);
  ATLAS_TEST_ADD ("/store/constraints", test_constraints);
  ATLAS_TEST_ADD ("/store/failed-write-rolls-back", test_failed_write_rolls_back);
  ATLAS_TEST_ADD ("/store/changed-signal", test_changed_signal);
  ATLAS_TEST_ADD ("/store/future-version-refused", test_future_version);
  ATLAS_TEST_ADD ("/store/not-a-database", test_not_a_database);
  ATLAS_TEST_ADD ("/store/open-existing-missing", test_open_existing_missing);
  ATLAS_TEST_ADD ("/store/check", test_check);
  ATLAS_TEST_ADD ("/store/damage-found-by-a-read", test_damage_found_by_a_read);

  return g_test_run ();
}
