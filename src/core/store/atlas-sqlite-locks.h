/* atlas-sqlite-locks.h: SQLite's file locks that survive a stray close()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes SQLite's unix VFS take open-file-description locks that only its
 * own close() of a file's last descriptor releases. Call before the first
 * connection of the process; later calls do nothing. Returns FALSE where
 * the system has no such locks (SQLite's POSIX locks stay). */
gboolean atlas_sqlite_locks_install (void);

G_END_DECLS
