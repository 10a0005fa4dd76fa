/* test-backup.c: backups, restore, and catalogues that are damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "atlas-i18n.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_backup_and_prune (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) writer = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *first = NULL;
  g_autofree char *due = NULL;
  AtlasBackupInfo *info;

  g_assert_no_error (error);
  atlas_test_add_contacts (store, 20, "Vorher");

  /* Taken while another connection writes: consistent, and whole. */
  writer = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING, &error);
  atlas_store_begin (writer, &error);
  atlas_test_add_contacts (writer, 5, "Ungespeichert");
  first = atlas_store_backup (store, &error);
  g_assert_no_error (error);
  atlas_store_commit (writer, &error);

  list = atlas_store_list_backups (fixture->db_path, TRUE);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_true (info->sound);
  g_assert_cmpstr (info->path, ==, first);
  g_assert_cmpint (info->n_contacts, ==, 20);
  g_assert_cmpint (info->schema_version, ==, atlas_store_latest_version ());
  g_assert_nonnull (info->taken);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A backup is one file: no -wal beside it is needed. */
  {
    g_autofree char *wal = g_strconcat (first, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* Daily: nothing due right after one; due with an age of zero. */
  due = atlas_store_backup_if_due (store, 10, G_TIME_SPAN_DAY, &error);
  g_assert_no_error (error);
  g_assert_null (due);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *made = NULL;

      g_usleep (1100 * G_TIME_SPAN_MILLISECOND);  /* names are per second */
      made = atlas_store_backup_if_due (store, 2, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (made);
    }
  list = atlas_store_list_backups (fixture->db_path, FALSE);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
}

static void
test_restore (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before_sum = NULL;
  g_autofree char *aside_sum = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.sqlite", NULL);

  g_assert_no_error (error);
  atlas_test_add_contacts (store, 3, "Gesichert");
  backup = atlas_store_backup (store, &error);
  atlas_test_add_contacts (store, 4, "Danach");

  /* Open: refused, nothing touched. */
  g_assert_false (atlas_store_restore (fixture->db_path, backup, NULL, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&store);

  /* A damaged file is refused. */
  before_sum = checksum_of (fixture->db_path);
  g_assert_true (g_file_set_contents (bad, "SQLite format 3\\0 but not really", -1, NULL));
  g_assert_false (atlas_store_restore (fixture->db_path, bad, NULL, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  {
    g_autofree char *unchanged = checksum_of (fixture->db_path);

    g_assert_cmpstr (unchanged, ==, before_sum);
  }

  /* Restored: the backup's data, the old file kept byte for byte. */
  g_assert_true (atlas_store_restore (fixture->db_path, backup, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  aside_sum = checksum_of (aside);
  g_assert_cmpstr (aside_sum, ==, before_sum);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_CHECK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 3);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, NULL), ==, 54);
}

typedef enum {
  DAMAGE_TRUNCATE,
  DAMAGE_ZERO_PAGE_1,
  DAMAGE_OVERWRITE_PAGE,
  DAMAGE_NOT_A_DATABASE,
} Damage;

static void
damage (const char *path,
        Damage      how)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  switch (how)
    {
    case DAMAGE_TRUNCATE:
      len = len / 3 + 100;
      break;
    case DAMAGE_ZERO_PAGE_1:
      memset (contents, 0, 4096);
      break;
    case DAMAGE_OVERWRITE_PAGE:
      /* Garbage over a page in the middle: b-tree pages of the tables. */
      for (gsize i = 0; i < 4096; i++)
        contents[len / 2 / 4096 * 4096 + i] = (char) (i * 7 + 3);
      break;
    case DAMAGE_NOT_A_DATABASE:
      memcpy (contents, "Dies ist keine Datenbank.\n", 26);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
test_damaged (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  const Damage kinds[] = { DAMAGE_TRUNCATE, DAMAGE_ZERO_PAGE_1, DAMAGE_OVERWRITE_PAGE, DAMAGE_NOT_A_DATABASE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasStore) store = NULL;
      g_autoptr(AtlasStore) again = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *damaged_sum = NULL;
      g_autofree char *path = g_strdup_printf ("%s/damaged-%u.sqlite", fixture->dir, k);
      g_autofree char *backup = NULL;

      store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      atlas_test_add_contacts (store, 400, "Beschädigt");
      backup = atlas_store_backup (store, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      damage (path, kinds[k]);
      damaged_sum = checksum_of (path);

      /* Opening with the check fails clearly and changes nothing. */
      again = atlas_store_new (path, ATLAS_STORE_OPEN_CHECK, &error);
      g_assert_null (again);
      g_assert_nonnull (error);
      g_assert_true (error->code == ATLAS_STORE_ERROR_CORRUPT || error->code == ATLAS_STORE_ERROR_OPEN);
      {
        g_autofree char *unchanged = checksum_of (path);

        g_assert_cmpstr (unchanged, ==, damaged_sum);
      }

      /* The newest sound backup is there to offer, and restores. */
      backups = atlas_store_list_backups (path, TRUE);
      g_assert_cmpuint (backups->len, >=, 1);
      g_assert_true (((AtlasBackupInfo *) g_ptr_array_index (backups, 0))->sound);
      g_clear_error (&error);
      g_assert_true (atlas_store_restore (path, backup, NULL, &error));
      g_assert_no_error (error);
      again = atlas_store_new (path, ATLAS_STORE_OPEN_CHECK, &error);
      g_assert_no_error (error);
      g_assert_cmpint (atlas_store_count (again, ATLAS_RECORD_CONTACT, NULL), ==, 400);
      atlas_test_rm_rf (backup);
    }
}

/* A -wal file that does not belong to the database is ignored. */
static void
test_orphaned_wal (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *junk = g_malloc0 (32768);

  atlas_test_add_contacts (store, 10, "Vorhanden");
  g_clear_object (&store);
  for (guint i = 0; i < 32768; i++)
    junk[i] = (char) (i * 13);
  g_assert_true (g_file_set_contents (wal, junk, 32768, NULL));

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_CHECK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 10);
}

/* A file the user may not write: opened, but it says so. */
static void
test_read_only_file (AtlasTestDir  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasContact) c = atlas_contact_new ();
  g_autofree char *sum = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root may write any file");
      return;
    }
  g_clear_object (&store);
  g_chmod (fixture->db_path, 0444);
  sum = checksum_of (fixture->db_path);
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    {
      g_assert_true (atlas_store_is_read_only (store));
      atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, "Nie");
      g_assert_cmpint (atlas_store_save_contact (store, c, &error), ==, 0);
      g_assert_nonnull (error);
    }
  else
    g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
  {
    g_autofree char *unchanged = checksum_of (fixture->db_path);

    g_assert_cmpstr (unchanged, ==, sum);
  }
  g_chmod (fixture->db_path, 0644);
}

static gint64
count_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
  return atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL);
}

/* A second connection in the same process (the backup thread, an import)
 * comes and goes while the first stays open; then another program writes
 * and closes. The first connection must still hold SQLite's locks, so the
 * other program's close does not fold and delete the -wal under it. */
static void
test_second_store_keeps_locks (AtlasTestDir  *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasStore) second = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *backup = NULL;

  if (g_test_subprocess ())
    {
      store = atlas_store_new (g_getenv ("ATLAS_TEST_DB"), ATLAS_STORE_OPEN_EXISTING, &error);
      g_assert_no_error (error);
      atlas_test_add_contacts (store, 1, "Nebenan");
      return;
    }

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  atlas_test_add_contacts (store, 3, "Fenster");

  second = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  backup = atlas_store_backup (second, &error);
  g_assert_no_error (error);
  g_clear_object (&second);

  g_setenv ("ATLAS_TEST_DB", fixture->db_path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (atlas_test_holds_deleted (wal));
  atlas_test_add_contacts (store, 2, "Danach");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 6);
  g_clear_object (&store);
  g_assert_cmpint (count_in (fixture->db_path), ==, 6);
}

/* Two catalogues in one folder: each lists, offers and restores only its
 * own backups. */
static void
test_backups_belong_to_catalogue (AtlasTestDir  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "leer.sqlite", NULL);
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) empty = atlas_store_new (other, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(AtlasBackupInfo) offered = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  atlas_test_add_contacts (store, 2, "Eigen");
  backup = atlas_store_backup (empty, &error);
  g_assert_no_error (error);
  name = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (name, "leer-"));

  mine = atlas_store_list_backups (fixture->db_path, FALSE);
  g_assert_cmpuint (mine->len, ==, 0);
  offered = atlas_store_find_sound_backup (fixture->db_path);
  g_assert_null (offered);
  theirs = atlas_store_list_backups (other, FALSE);
  g_assert_cmpuint (theirs->len, ==, 1);
}

/* Backups and restores in the same second never replace an earlier file. */
static void
test_names_never_overwrite (AtlasTestDir  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *original = NULL;
  g_autofree char *first_aside = NULL;
  g_autofree char *second_aside = NULL;
  g_autofree char *kept = NULL;

  g_assert_no_error (error);
  atlas_test_add_contacts (store, 1, "Eins");
  backup = atlas_store_backup (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *another = atlas_store_backup (store, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (another, !=, backup);
    }
  list = atlas_store_list_backups (fixture->db_path, FALSE);
  g_assert_cmpuint (list->len, ==, 4);
  atlas_test_add_contacts (store, 1, "Zwei");
  g_clear_object (&store);

  /* A restore, and at once another (a retry, a double click). */
  original = checksum_of (fixture->db_path);
  g_assert_true (atlas_store_restore (fixture->db_path, backup, &first_aside, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_store_restore (fixture->db_path, backup, &second_aside, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first_aside, !=, second_aside);
  kept = checksum_of (first_aside);
  g_assert_cmpstr (kept, ==, original);
  g_assert_cmpint (count_in (first_aside), ==, 2);
  g_assert_cmpint (count_in (fixture->db_path), ==, 1);
}

/* What a crashed backup and a crashed restore leave is tidied on the next
 * open; the catalogue itself is untouched. */
static void
test_leftovers_swept (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *part = g_build_filename (backups, "catalogue-20260101T000000.sqlite.17-0.part", NULL);
  g_autofree char *part_journal = g_strconcat (part, "-journal", NULL);
  /* Another catalogue's, whose name begins with this one's: not touched. */
  g_autofree char *other_part = g_build_filename (backups, "catalogue-alt-20260101T000000.sqlite.17-0.part", NULL);
  g_autofree char *restoring = g_strconcat (fixture->db_path, ".restoring", NULL);
  g_autofree char *linked = g_strconcat (fixture->db_path, ".replaced-20260101T000000", NULL);
  g_autofree char *older = g_strconcat (fixture->db_path, ".replaced-20250101T000000", NULL);
  g_autofree char *sum = NULL;

  g_assert_no_error (error);
  atlas_test_add_contacts (store, 5, "Bleibt");
  g_clear_object (&store);
  sum = checksum_of (fixture->db_path);

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (part, "halb", -1, NULL));
  g_assert_true (g_file_set_contents (part_journal, "halb", -1, NULL));
  g_assert_true (g_file_set_contents (other_part, "halb", -1, NULL));
  g_assert_true (g_file_set_contents (restoring, "halb", -1, NULL));
  g_assert_true (g_file_set_contents (older, "ein früher ersetzter Katalog", -1, NULL));
  /* A restore that stopped after giving the catalogue its second name. */
  g_assert_cmpint (link (fixture->db_path, linked), ==, 0);

  g_assert_cmpint (count_in (fixture->db_path), ==, 5);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (restoring, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (linked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (older, G_FILE_TEST_EXISTS));
  {
    g_autofree char *unchanged = checksum_of (fixture->db_path);

    g_assert_cmpstr (unchanged, ==, sum);
  }
}

/* An empty file is said out loud, not quietly made a new catalogue. */
static void
test_empty_file (AtlasTestDir  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (fixture->db_path, "", 0, NULL));
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "0"));
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  g_clear_error (&error);

  /* When the user says so, it becomes a new catalogue. */
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_ALLOW_EMPTY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CENTRE, NULL), ==, 54);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

/* A write cut off in rollback-journal mode (the very first open, or an
 * old backup): a look cannot finish it, but it is no damage. */
static void
test_hot_journal (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *scratch = g_build_filename (fixture->dir, "scratch.db", NULL);
  g_autofree char *scratch_journal = g_strconcat (scratch, "-journal", NULL);
  g_autofree char *journal = g_strconcat (fixture->db_path, "-journal", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *details = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (scratch, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;"
                                 "CREATE TABLE t (x); INSERT INTO t VALUES (1); BEGIN;"
                                 "WITH RECURSIVE r (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 500)"
                                 " INSERT INTO t SELECT randomblob (1000) FROM r;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (scratch_journal, G_FILE_TEST_EXISTS));
  copy_file (scratch, fixture->db_path);
  copy_file (scratch_journal, journal);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  plain = atlas_store_error_split (error, &details);
  g_assert_null (strstr (plain, "SQLite"));
  g_assert_nonnull (details);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A backup in that state is not offered, and not called damaged. */
  {
    g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
    g_autofree char *backup = g_build_filename (backups, "catalogue-20260101T000000.sqlite", NULL);
    g_autofree char *backup_journal = g_strconcat (backup, "-journal", NULL);
    g_autoptr(AtlasBackupInfo) info = NULL;

    g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
    copy_file (fixture->db_path, backup);
    copy_file (journal, backup_journal);
    info = atlas_store_inspect_backup (backup, TRUE);
    g_assert_false (info->sound);
    g_assert_nonnull (strstr (info->problem, "not damaged"));
  }

  /* The command line's check says so, and that it is no damage. */
  {
    const char *argv[] = { g_getenv ("ATLAS_CLI"), "--db", fixture->db_path, "check", NULL };
    g_autofree char *out = NULL;
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "not damaged"));
    g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* The next normal open rolls it back and goes on. */
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* What cannot be used is said in plain words; SQLite's text comes apart. */
static void
test_unusable_messages (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *details = NULL;
  g_autofree char *junk = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (fixture->db_path, junk, -1, NULL));
  store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_CHECK, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  plain = atlas_store_error_split (error, &details);
  g_assert_nonnull (strstr (plain, "is not a catalogue file"));
  g_assert_null (strstr (plain, "database"));
  g_assert_nonnull (strstr (details, "file is not a database"));
}

int
main (int   argc,
      char *argv[])
{
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/backup/backup-and-prune", test_backup_and_prune);
  ATLAS_TEST_ADD ("/backup/restore", test_restore);
  ATLAS_TEST_ADD ("/backup/damaged", test_damaged);
  ATLAS_TEST_ADD ("/backup/orphaned-wal", test_orphaned_wal);
  ATLAS_TEST_ADD ("/backup/read-only-file", test_read_only_file);
  ATLAS_TEST_ADD ("/lock/second-store-keeps-locks", test_second_store_keeps_locks);
  ATLAS_TEST_ADD ("/backup/belong-to-catalogue", test_backups_belong_to_catalogue);
  ATLAS_TEST_ADD ("/backup/names-never-overwrite", test_names_never_overwrite);
  ATLAS_TEST_ADD ("/backup/leftovers-swept", test_leftovers_swept);
  ATLAS_TEST_ADD ("/open/empty-file", test_empty_file);
  ATLAS_TEST_ADD ("/open/hot-journal", test_hot_journal);
  ATLAS_TEST_ADD ("/open/unusable-messages", test_unusable_messages);

  return g_test_run ();
}
