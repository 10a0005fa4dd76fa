/* atlas-cli-backup.c: the commands for backups: backup, backups, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-cli-private.h"

int
cmd_backup (const CliOptions  *options,
            char             **args)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  if (args[0] != NULL)
    return atlas_cli_usage_error (_("“backup” takes no arguments"));
  if (options->keep < 0)
    return atlas_cli_usage_error (_("--keep takes a number of at least 1"));

  if (!(store = atlas_cli_open_store (options, ATLAS_STORE_OPEN_EXISTING, &status)))
    return status;

  if (!(path = atlas_store_backup (store, &error)))
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }
  if (options->keep > 0)
    atlas_store_prune_backups (atlas_store_get_path (store), options->keep);

  g_print ("%s\n", path);
  return EXIT_OK;
}

int
cmd_list_backups (const CliOptions  *options,
                  char             **args)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *db_path = options->db_path;

  if (args[0] != NULL)
    return atlas_cli_usage_error (_("“backups” takes no arguments"));
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

int
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
    return atlas_cli_usage_error (_("“restore” takes one backup file"));
  if (db_path == NULL)
    db_path = default_path = atlas_store_default_path ();

  file = g_file_new_for_commandline_arg (args[0]);
  backup = g_file_get_path (file);
  if (!atlas_store_restore (db_path, backup, &aside, &error))
    {
      atlas_cli_print_error (error->message);
      return EXIT_REJECTED;
    }

  if (aside != NULL)
    /* TRANSLATORS: after a restore; %s is where the replaced file went */
    g_print (_("Restored. The catalogue it replaced is kept as %s\n"), aside);
  else
    g_print (_("Restored.\n"));
  return EXIT_OK;
}
