/* main.c: integrationsatlas-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "atlas-cli.h"
#include "atlas-i18n.h"

int
main (int    argc,
      char **argv)
{
  /* A file-size limit (ulimit -f) must fail a write with an error that
   * SQLite reports as a full disk, not kill the process mid-transaction. */
  signal (SIGXFSZ, SIG_IGN);
  atlas_i18n_init ();

  return atlas_cli_run (argc, argv);
}
