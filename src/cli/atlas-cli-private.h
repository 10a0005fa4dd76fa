/* atlas-cli-private.h: what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-store.h"

G_BEGIN_DECLS

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

typedef struct {
  OutputFormat format;
  const char * const *columns;
  guint n_rows;
  GString *out;
} TableWriter;

/* atlas-cli.c */
gboolean atlas_cli_valid_day (const char *text);
void atlas_cli_print_error (const char *message);
int atlas_cli_file_error (const char   *path,
                          const GError *error);
int atlas_cli_usage_error (const char *message);
AtlasStore *atlas_cli_open_store_as_is (const CliOptions    *options,
                                        AtlasStoreOpenFlags  flags,
                                        int                 *status);
AtlasStore *atlas_cli_open_store (const CliOptions    *options,
                                  AtlasStoreOpenFlags  flags,
                                  int                 *status);

/* atlas-cli-output.c */
void atlas_cli_table_begin (TableWriter        *writer,
                            OutputFormat        format,
                            const char * const *columns);
void atlas_cli_table_row (TableWriter        *writer,
                          const char * const *cells);
void atlas_cli_table_end (TableWriter *writer);
char *atlas_cli_format_utc (gint64 unix_seconds);

/* atlas-cli-catalogue.c */
int cmd_list (const CliOptions  *options,
              char             **args);
int cmd_show (const CliOptions  *options,
              char             **args);
int cmd_check (const CliOptions  *options,
               char             **args);
int cmd_search (const CliOptions  *options,
                char             **args);
int cmd_add_visit (const CliOptions  *options,
                   char             **args);
int cmd_accept_visits (const CliOptions  *options,
                       char             **args);
int cmd_update_facts (const CliOptions  *options,
                      char             **args);

/* atlas-cli-exchange.c */
int cmd_import (const CliOptions  *options,
                char             **args);
int cmd_export (const CliOptions  *options,
                char             **args);
int cmd_export_map (const CliOptions  *options,
                    char             **args);
int cmd_export_contacts (const CliOptions  *options,
                         char             **args);
int cmd_import_contacts (const CliOptions  *options,
                         char             **args);
int cmd_export_visits (const CliOptions  *options,
                       char             **args);
int cmd_import_visits (const CliOptions  *options,
                       char             **args);
int cmd_export_map_data (const CliOptions  *options,
                         char             **args);

/* atlas-cli-backup.c */
int cmd_backup (const CliOptions  *options,
                char             **args);
int cmd_list_backups (const CliOptions  *options,
                      char             **args);
int cmd_restore (const CliOptions  *options,
                 char             **args);

G_END_DECLS
