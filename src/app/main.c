/* main.c: integrationsatlas, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AtlasApplication) app = NULL;

  atlas_i18n_init ();
  g_set_application_name ("Integrationsatlas");

  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
