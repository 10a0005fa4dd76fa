/* test-crash-points.c: a crash at every write-like system call
 *
 * Runs a command-line command (an import, an edit, a backup, a restore,
 * an edit that upgrades an older catalogue first) with crash-shim.so
 * preloaded, which kills it just before its Nth write, pwrite, fsync,
 * fdatasync, ftruncate, rename, link or unlink, for every N (or, where a
 * command makes more calls than ATLAS_CRASH_POINTS_MAX, that many points
 * spread over all of them). After each crash:
 *  - the catalogue opens normally and passes the integrity check;
 *  - the command's change is there whole or not at all;
 *  - what was there before (the confirmed edits) is still there;
 *  - every backup listed is whole and sound;
 *  - after a restore, the replaced catalogue is the file's content or is
 *    kept beside it;
 *  - the same command then succeeds, and the catalogue is sound after it.
 *
 * The power-cut side: a rename or link the program relies on only survives
 * a power cut when the folder is synced after it, and names a whole file
 * only when the file was synced before it. From the log of calls, every
 * rename and link of a backup, a restore and an upgrade must come after an
 * fsync of the file (where the program wrote it) and be followed by an
 * fsync of its folder before the command ends.
 *
 * The power cut itself: one more run keeps, at every fsync, what it made
 * durable (crash-shim.c, ATLAS_POWERCUT_DIR). The disk as a power cut just
 * after each fsync would leave it (each folder's entries as at its last
 * sync, each file's content as at its last sync, unsynced new files empty)
 * and as after the command's end is rebuilt and checked like a crash; after
 * the end the change must be there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "atlas-i18n.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

#define CONTACTS_BEFORE 3
#define CONTACTS_AFTER_BACKUP 5
#define FEED_ITEMS 25

typedef enum {
  OP_IMPORT,
  OP_EDIT,
  OP_BACKUP,
  OP_RESTORE,
  OP_UPGRADE,
} Op;

static const char * const op_names[] = { "import", "edit", "backup", "restore", "upgrade" };

typedef struct {
  Op op;
  char *root;       /* scratch folder */
  char *pristine;   /* the catalogue before the command */
  char *work;       /* a copy, crashed into */
  char *db_path;    /* in work */
  char *feed;
  gint64 releases_after; /* after the whole import */
  guint points;
  guint crashes;
  guint power_cuts;
} Case;

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dest = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        copy_tree (src, dest);
      else
        {
          g_autofree char *contents = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
          g_assert_true (g_file_set_contents (dest, contents, len, NULL));
        }
    }
}

static char *
write_feed (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "feed.rss", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<rss version=\"2.0\"><channel><title>Test</title>\n");

  for (guint i = 0; i < FEED_ITEMS; i++)
    g_string_append_printf (xml,
                            "<item><guid>point-%u</guid><title>Meldung %u aus Köln</title>"
                            "<description>Das Integrationszentrum in Köln lädt ein, Meldung %u.</description>"
                            "<pubDate>Mon, 02 Mar 2026 10:00:00 +0100</pubDate></item>\n",
                            i, i, i);
  g_string_append (xml, "</channel></rss>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  return g_steal_pointer (&path);
}

static char *
first_backup (const char *db_dir)
{
  g_autofree char *dir_path = g_build_filename (db_dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sqlite"))
      return g_build_filename (dir_path, name, NULL);
  return NULL;
}

static GStrv
command_for (Case *c)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv argv;

  g_strv_builder_add_many (builder, g_getenv ("ATLAS_CLI"), "--db", c->db_path, NULL);
  switch (c->op)
    {
    case OP_IMPORT:
      g_strv_builder_add_many (builder, "import", c->feed, NULL);
      break;
    case OP_EDIT:
    case OP_UPGRADE:
      g_strv_builder_add_many (builder, "add-visit", "05315", "2026-05-05", NULL);
      break;
    case OP_BACKUP:
      g_strv_builder_add (builder, "backup");
      break;
    case OP_RESTORE:
      {
        g_autofree char *backup = first_backup (c->work);

        g_assert_nonnull (backup);
        g_strv_builder_add_many (builder, "restore", backup, NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return argv;
}

/* Runs the command on a fresh copy; returns the wait status. */
static int
run (Case       *c,
     guint       crash_at,
     const char *count_file,
     const char *log_file)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *at = g_strdup_printf ("%u", crash_at);
  int status = 0;

  atlas_test_rm_rf (c->work);
  copy_tree (c->pristine, c->work);
  argv = command_for (c);
  env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("ATLAS_CRASH_SHIM"), TRUE);
  env = g_environ_setenv (env, "ATLAS_CRASH_AT", at, TRUE);
  if (count_file)
    env = g_environ_setenv (env, "ATLAS_CRASH_COUNT", count_file, TRUE);
  if (log_file)
    env = g_environ_setenv (env, "ATLAS_CRASH_LOG", log_file, TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return status;
}

static void
run_plain (Case *c)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = command_for (c);
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s after a crash: the next command failed: %s", op_names[c->op], err);
}

static AtlasStore *
open_sound (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_CHECK, &error);
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
  return g_steal_pointer (&store);
}

static guint
sound_backups (const char *db_path)
{
  g_autoptr(GPtrArray) list = atlas_store_list_backups (db_path, TRUE);

  for (guint i = 0; i < list->len; i++)
    {
      AtlasBackupInfo *info = g_ptr_array_index (list, i);

      if (!info->sound)
        g_error ("backup %s is listed but not whole: %s", info->path, info->problem);
    }
  return list->len;
}

/* Whether a replaced catalogue with @contacts is kept beside the catalogue. */
static gboolean
replaced_kept (const char *db_path,
               gint64      contacts)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *prefix = g_path_get_basename (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(AtlasStore) old = NULL;

      if (!g_str_has_prefix (name, prefix) || strstr (name, ".replaced-") == NULL)
        continue;
      /* Not its -wal, -shm or .lock. */
      if (strchr (name + strlen (prefix) + strlen (".replaced-"), '.') != NULL ||
          g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      old = open_sound (path);
      if (atlas_store_count (old, ATLAS_RECORD_CONTACT, NULL) == contacts)
        return TRUE;
    }
  return FALSE;
}

static void
check_after (Case    *c,
             gboolean done_expected,
             gboolean after_next)
{
  g_autoptr(AtlasStore) store = open_sound (c->db_path);
  gint64 contacts = atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL);
  gint64 visits = atlas_store_count (store, ATLAS_RECORD_VISIT, NULL);
  gint64 releases = atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL);

  switch (c->op)
    {
    case OP_IMPORT:
      g_assert_cmpint (contacts, ==, CONTACTS_BEFORE);
      g_assert_true (releases == 0 || releases == c->releases_after);
      if (done_expected)
        g_assert_cmpint (releases, ==, c->releases_after);
      break;
    case OP_EDIT:
    case OP_UPGRADE:
      g_assert_cmpint (contacts, ==, CONTACTS_BEFORE);
      g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_latest_version ());
      /* Once after the crashed run and once more by the next command. */
      g_assert_cmpint (visits, >=, done_expected ? 1 : 0);
      g_assert_cmpint (visits, <=, after_next ? 2 : 1);
      break;
    case OP_BACKUP:
      g_assert_cmpint (contacts, ==, CONTACTS_BEFORE);
      break;
    case OP_RESTORE:
      g_assert_true (contacts == CONTACTS_AFTER_BACKUP || contacts == CONTACTS_BEFORE);
      if (done_expected)
        g_assert_cmpint (contacts, ==, CONTACTS_BEFORE);
      /* Restored: the catalogue it replaced is kept, whole. */
      if (contacts == CONTACTS_BEFORE)
        g_assert_true (replaced_kept (c->db_path, CONTACTS_AFTER_BACKUP));
      break;
    default:
      g_assert_not_reached ();
    }
  g_clear_object (&store);
  sound_backups (c->db_path);
}

/* Every rename and link is made to last by an fsync of its folder later. */
static void
check_folder_syncs (Case       *c,
                    const char *log_file)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (log_file, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);
      g_autofree char *dir = NULL;
      gboolean synced = FALSE;

      if (g_strv_length (parts) != 3 || (!g_str_equal (parts[0], "rename") && !g_str_equal (parts[0], "link")))
        continue;
      dir = g_path_get_dirname (parts[2]);
      for (guint k = i + 1; lines[k] != NULL && !synced; k++)
        {
          g_autofree char *expected = g_strconcat ("fsync ", dir, NULL);

          synced = g_str_equal (lines[k], expected);
        }
      if (!synced)
        g_error ("%s: “%s” is not followed by an fsync of its folder", op_names[c->op], lines[i]);

      /* A file written here is on the disk before it gets its new name. */
      for (guint k = i; k-- > 0;)
        {
          g_autofree char *wrote = g_strconcat ("write ", parts[1], NULL);
          g_autofree char *flushed = g_strconcat ("fsync ", parts[1], NULL);

          if (g_str_equal (lines[k], flushed))
            break;
          if (g_str_equal (lines[k], wrote))
            g_error ("%s: “%s” names a file whose last writes were not synced", op_names[c->op], lines[i]);
        }
    }
}

static void
prepare (Case *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *db = g_build_filename (c->pristine, "catalogue.sqlite", NULL);

  g_assert_cmpint (g_mkdir_with_parents (c->pristine, 0700), ==, 0);
  if (c->op == OP_UPGRADE)
    store = atlas_store_new_at_version (db, ATLAS_STORE_OPEN_DEFAULT, atlas_store_latest_version () - 1, &error);
  else
    store = atlas_store_new (db, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  atlas_test_add_contacts (store, CONTACTS_BEFORE, "Bestätigt");
  if (c->op == OP_RESTORE)
    {
      g_autofree char *backup = atlas_store_backup (store, &error);

      g_assert_no_error (error);
      atlas_test_add_contacts (store, CONTACTS_AFTER_BACKUP - CONTACTS_BEFORE, "Danach");
    }
  g_clear_object (&store);
}


/* The power cut --------------------------------------------------------------- */

typedef struct {
  guint seq;
  gboolean is_dir;
  guint64 ino;     /* of a file's snapshot */
  char *path;      /* the snapshot */
  char *dir_path;  /* of a folder's snapshot: the folder */
} Durable;

static void
durable_free (Durable *d)
{
  g_free (d->path);
  g_free (d->dir_path);
  g_free (d);
}

typedef struct {
  GHashTable *start_files;  /* inode → the file's content before the command (pristine path) */
  GHashTable *start_dirs;   /* folder → its entries before the command ("ino d|f name") */
  GPtrArray *durable;       /* Durable, in no order */
} PowerCut;

static void
note_start (PowerCut   *pc,
            const char *work_dir,
            const char *pristine_dir)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_autofree char *pristine = g_build_filename (pristine_dir, name, NULL);
      gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_ptr_array_add (entries, g_strdup_printf ("%lu %c %s", (unsigned long) st.st_ino, is_dir ? 'd' : 'f', name));
      if (is_dir)
        note_start (pc, path, pristine);
      else
        {
          guint64 *key = g_new (guint64, 1);

          *key = st.st_ino;
          g_hash_table_insert (pc->start_files, key, g_steal_pointer (&pristine));
        }
    }
  g_hash_table_insert (pc->start_dirs, g_strdup (work_dir), entries);
}

static const Durable *
last_durable (PowerCut   *pc,
              guint       limit,
              gboolean    is_dir,
              guint64     ino,
              const char *dir_path)
{
  const Durable *found = NULL;

  for (guint i = 0; i < pc->durable->len; i++)
    {
      const Durable *d = g_ptr_array_index (pc->durable, i);

      if (d->seq > limit || d->is_dir != is_dir ||
          (is_dir ? g_strcmp0 (d->dir_path, dir_path) != 0 : d->ino != ino))
        continue;
      if (found == NULL || d->seq > found->seq)
        found = d;
    }
  return found;
}

/* The folder @work_dir as the disk holds it after a power cut just after
 * call @limit: the entries of its last sync (or as before the command),
 * each file with the content of its last sync (or as before, or empty). */
static void
build_image (PowerCut   *pc,
             guint       limit,
             const char *work_dir,
             const char *image_dir)
{
  const Durable *listing = last_durable (pc, limit, TRUE, 0, work_dir);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (image_dir, 0700), ==, 0);
  if (listing != NULL)
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (listing->path, &text, NULL, NULL));
      lines = g_strsplit (strchr (text, '\n') + 1, "\n", -1);
    }
  else
    {
      GPtrArray *entries = g_hash_table_lookup (pc->start_dirs, work_dir);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (entries, i));
      lines = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);
      g_autofree char *work_path = NULL;
      g_autofree char *image_path = NULL;
      guint64 ino;

      if (g_strv_length (parts) != 3)
        continue;
      ino = g_ascii_strtoull (parts[0], NULL, 10);
      work_path = g_build_filename (work_dir, parts[2], NULL);
      image_path = g_build_filename (image_dir, parts[2], NULL);
      if (g_str_equal (parts[1], "d"))
        build_image (pc, limit, work_path, image_path);
      else
        {
          const Durable *content = last_durable (pc, limit, FALSE, ino, NULL);
          const char *before = g_hash_table_lookup (pc->start_files, &ino);
          g_autofree char *data = NULL;
          gsize len = 0;

          if (content != NULL)
            g_assert_true (g_file_get_contents (content->path, &data, &len, NULL));
          else if (before != NULL)
            g_assert_true (g_file_get_contents (before, &data, &len, NULL));
          g_assert_true (g_file_set_contents (image_path, data ? data : "", len, NULL));
        }
    }
}

/* One run that keeps what each fsync made durable; then the disk after a
 * power cut just after each fsync, and after the command's end: each must
 * open, pass the check, hold the change whole or not at all, and after the
 * end hold it (a backup or restore that said it was done is done). */
static void
check_power_cuts (Case *c)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *pc_dir = g_build_filename (c->root, "durable", NULL);
  g_autofree char *image = g_build_filename (c->root, "image", NULL);
  g_autofree char *image_db = g_build_filename (image, "catalogue.sqlite", NULL);
  g_autofree char *work_db = g_strdup (c->db_path);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));
  PowerCut pc = {
    .start_files = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    .start_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref),
    .durable = g_ptr_array_new_with_free_func ((GDestroyNotify) durable_free),
  };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint last = G_MAXUINT;
  int status = 0;

  atlas_test_rm_rf (c->work);
  atlas_test_rm_rf (pc_dir);
  copy_tree (c->pristine, c->work);
  g_assert_cmpint (g_mkdir (pc_dir, 0700), ==, 0);
  note_start (&pc, c->work, c->pristine);
  argv = command_for (c);
  env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("ATLAS_CRASH_SHIM"), TRUE);
  env = g_environ_setenv (env, "ATLAS_POWERCUT_DIR", pc_dir, TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  dir = g_dir_open (pc_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      Durable *d = g_new0 (Durable, 1);
      const char *kind = strchr (name, '-');

      d->seq = (guint) g_ascii_strtoull (name, NULL, 10);
      d->path = g_build_filename (pc_dir, name, NULL);
      d->is_dir = g_str_equal (kind, "-dir");
      if (d->is_dir)
        {
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (d->path, &text, NULL, NULL));
          d->dir_path = g_strndup (text, strchr (text, '\n') - text);
        }
      else
        d->ino = g_ascii_strtoull (kind + strlen ("-file-"), NULL, 10);
      g_ptr_array_add (pc.durable, d);
      g_array_append_val (points, d->seq);
    }
  g_array_append_val (points, last);

  for (guint i = 0; i < points->len; i++)
    {
      guint limit = g_array_index (points, guint, i);

      atlas_test_rm_rf (image);
      build_image (&pc, limit, c->work, image);
      g_free (c->db_path);
      c->db_path = g_strdup (image_db);
      check_after (c, limit == G_MAXUINT, FALSE);
      if (limit == G_MAXUINT && c->op == OP_BACKUP)
        g_assert_cmpuint (sound_backups (image_db), ==, 1);
      run_plain (c);
      check_after (c, TRUE, TRUE);
      g_free (c->db_path);
      c->db_path = g_strdup (work_db);
      c->power_cuts++;
    }

  g_hash_table_unref (pc.start_files);
  g_hash_table_unref (pc.start_dirs);
  g_ptr_array_unref (pc.durable);
}

static void
test_points (gconstpointer data)
{
  const char *max_env = g_getenv ("ATLAS_CRASH_POINTS_MAX");
  guint max_points = max_env ? (guint) g_ascii_strtoull (max_env, NULL, 10) : 120;
  Case c = { .op = GPOINTER_TO_INT (data) };
  g_autoptr(GError) error = NULL;
  g_autofree char *count_file = NULL;
  g_autofree char *log_file = NULL;
  g_autofree char *count_text = NULL;
  guint total;
  int status;

  if (g_getenv ("ATLAS_CRASH_SHIM") == NULL || g_getenv ("ATLAS_CLI") == NULL)
    {
      g_test_skip ("needs ATLAS_CRASH_SHIM and ATLAS_CLI");
      return;
    }

  c.root = g_dir_make_tmp ("atlas-points-XXXXXX", &error);
  g_assert_no_error (error);
  c.pristine = g_build_filename (c.root, "pristine", NULL);
  c.work = g_build_filename (c.root, "work", NULL);
  c.db_path = g_build_filename (c.work, "catalogue.sqlite", NULL);
  c.feed = write_feed (c.root);
  count_file = g_build_filename (c.root, "count", NULL);
  log_file = g_build_filename (c.root, "log", NULL);
  prepare (&c);

  /* The whole command once: how many calls, and what it leaves. */
  status = run (&c, 0, count_file, log_file);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (count_file, &count_text, NULL, NULL));
  total = (guint) g_ascii_strtoull (count_text, NULL, 10);
  g_assert_cmpuint (total, >, 0);
  if (c.op == OP_IMPORT)
    {
      g_autoptr(AtlasStore) store = open_sound (c.db_path);

      c.releases_after = atlas_store_count (store, ATLAS_RECORD_RELEASE, NULL);
      g_assert_cmpint (c.releases_after, ==, FEED_ITEMS);
    }
  check_after (&c, TRUE, FALSE);
  if (c.op == OP_BACKUP || c.op == OP_RESTORE || c.op == OP_UPGRADE)
    check_folder_syncs (&c, log_file);

  for (guint i = 0; i < MIN (total, max_points); i++)
    {
      /* Every point, or points spread evenly over all of them. */
      guint n = total <= max_points ? i + 1 : 1 + (guint) ((guint64) i * (total - 1) / (max_points - 1));

      status = run (&c, n, NULL, NULL);
      c.points++;
      if (WIFSIGNALED (status))
        c.crashes++;
      check_after (&c, !WIFSIGNALED (status), FALSE);
      run_plain (&c);
      check_after (&c, TRUE, TRUE);
    }

  check_power_cuts (&c);

  g_test_message ("%s: %u write-like calls, %u points tried, %u crashes, %u power-cut images; all sound",
                  op_names[c.op], total, c.points, c.crashes, c.power_cuts);
  if (g_getenv ("ATLAS_CRASH_REPORT") != NULL)
    g_printerr ("%s: %u write-like calls, %u points tried, %u crashes, %u power-cut images; all sound\n",
                op_names[c.op], total, c.points, c.crashes, c.power_cuts);

  atlas_test_rm_rf (c.root);
  g_free (c.root);
  g_free (c.pristine);
  g_free (c.work);
  g_free (c.db_path);
  g_free (c.feed);
}

int
main (int   argc,
      char *argv[])
{
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  for (Op op = OP_IMPORT; op <= OP_UPGRADE; op++)
    {
      g_autofree char *path = g_strdup_printf ("/crash-points/%s", op_names[op]);

      g_test_add_data_func (path, GINT_TO_POINTER (op), test_points);
    }

  return g_test_run ();
}
