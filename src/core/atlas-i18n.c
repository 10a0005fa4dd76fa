/* atlas-i18n.c: text domain set-up shared by the programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "atlas-i18n.h"

/* Binds the text domain before anything is shown. An uninstalled build
 * (`meson devenv`, the tests) points INTEGRATIONSATLAS_LOCALEDIR at the
 * translations in the build tree. */
void
atlas_i18n_init (void)
{
  const char *localedir = g_getenv ("INTEGRATIONSATLAS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
