/* atlas-i18n.h: text domain set-up shared by the programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_i18n_init (void);

G_END_DECLS
