/* main.c: integrationsatlas, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AtlasApplication) app = NULL;

  /* A file-size limit (ulimit -f) must fail a write with an error that
   * SQLite reports as a full disk, not kill the process mid-transaction. */
  signal (SIGXFSZ, SIG_IGN);
  atlas_i18n_init ();
  g_set_application_name ("Integrationsatlas");

  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
