/* main.c: integrationsatlas-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cli.h"
#include "atlas-i18n.h"

int
main (int    argc,
      char **argv)
{
  atlas_i18n_init ();

  return atlas_cli_run (argc, argv);
}
