/* atlas-record.h: helpers shared by the model objects
 *
 * The model objects keep their text fields in an array indexed by property
 * id, so properties, the store's columns and exports walk one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void     atlas_record_install_strings (GObjectClass       *klass,
                                       GParamSpec        **pspecs,
                                       guint               first,
                                       guint               last,
                                       const char * const *names);
gboolean atlas_record_set_string      (GObject            *object,
                                       char              **slot,
                                       const char         *value,
                                       GParamSpec         *pspec);
void     atlas_record_free_strings    (char              **slots,
                                       guint               n);
GObject *atlas_record_copy            (GObject            *object);

G_END_DECLS
