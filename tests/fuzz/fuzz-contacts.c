/* fuzz-contacts.c: the vCard and CSV readers, and writing back what they
 * read (which must read again without error)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-contact-io.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contacts = NULL;
  AtlasContactFormat format;

  contacts = atlas_contacts_parse (bytes, &format, messages, NULL);
  if (contacts != NULL && contacts->len > 0)
    {
      g_autofree char *vcard = atlas_contacts_to_vcard (contacts);
      g_autofree char *csv = atlas_contacts_to_csv (contacts);
      g_autoptr(GBytes) vcard_bytes = g_bytes_new_static (vcard, strlen (vcard));
      g_autoptr(GBytes) csv_bytes = g_bytes_new_static (csv, strlen (csv));
      g_autoptr(GPtrArray) again_v = atlas_contacts_parse (vcard_bytes, &format, NULL, NULL);
      g_autoptr(GPtrArray) again_c = atlas_contacts_parse (csv_bytes, &format, NULL, NULL);

      /* What we write, we read: the same number of contacts. */
      g_assert_nonnull (again_v);
      g_assert_cmpuint (again_v->len, ==, contacts->len);
      g_assert_nonnull (again_c);
    }
  return 0;
}
