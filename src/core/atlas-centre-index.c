/* atlas-centre-index.c: which centre a record from elsewhere belongs to
 *
 * A calendar's event and a contact from another program name their
 * centre the way people write: its district key (our own exports), its
 * address, or its place in a name or a text ("Kommunales
 * Integrationszentrum Kreis Kleve"). One index of the catalogue's
 * centres answers for all of them, in that order, so every import links
 * the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-centre-index.h"
#include "atlas-detect.h"
#include "atlas-text.h"

struct _AtlasCentreIndex
{
  GPtrArray *centres;       /* AtlasCentre, in store order */
  GHashTable *by_ags;       /* ags → AtlasCentre */
  GPtrArray *streets;       /* folded street of each centre with a postal code, or NULL */
};

void
atlas_centre_index_free (AtlasCentreIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->by_ags, g_hash_table_unref);
  g_clear_pointer (&index->streets, g_ptr_array_unref);
  g_clear_pointer (&index->centres, g_ptr_array_unref);
  g_free (index);
}

/**
 * atlas_centre_index_new:
 *
 * Returns: (transfer full) (nullable): the catalogue's centres, to match
 *   records against; %NULL on a database error
 */
AtlasCentreIndex *
atlas_centre_index_new (AtlasStore  *store,
                        GError     **error)
{
  g_autoptr(AtlasCentreIndex) index = g_new0 (AtlasCentreIndex, 1);
  g_autoptr(GArray) ids = atlas_store_query_ids (store, ATLAS_RECORD_CENTRE, NULL, error);

  if (ids == NULL)
    return NULL;

  index->centres = g_ptr_array_new_with_free_func (g_object_unref);
  index->by_ags = g_hash_table_new (g_str_hash, g_str_equal);
  index->streets = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      GObject *object = atlas_store_load (store, ATLAS_RECORD_CENTRE, g_array_index (ids, gint64, i), error);
      AtlasCentre *centre;
      const char *street, *postal_code;

      if (object == NULL)
        return NULL;
      centre = ATLAS_CENTRE (object);
      g_ptr_array_add (index->centres, centre);
      g_hash_table_insert (index->by_ags, (gpointer) atlas_centre_get_field (centre, ATLAS_CENTRE_AGS), centre);

      street = atlas_centre_get_field (centre, ATLAS_CENTRE_STREET);
      postal_code = atlas_centre_get_field (centre, ATLAS_CENTRE_POSTAL_CODE);
      g_ptr_array_add (index->streets, *street && *postal_code ? atlas_text_fold_search (street) : NULL);
    }

  return g_steal_pointer (&index);
}

/* A centre whose street and postal code @address names; NULL when none
 * or more than one do. */
static AtlasCentre *
match_address (AtlasCentreIndex *index,
               const char       *address)
{
  g_autofree char *folded = atlas_text_fold_search (address);
  AtlasCentre *found = NULL;

  for (guint i = 0; i < index->centres->len; i++)
    {
      AtlasCentre *centre = g_ptr_array_index (index->centres, i);
      const char *street = g_ptr_array_index (index->streets, i);

      if (street == NULL || strstr (folded, street) == NULL ||
          strstr (address, atlas_centre_get_field (centre, ATLAS_CENTRE_POSTAL_CODE)) == NULL)
        continue;
      if (found != NULL && found != centre)
        return NULL;
      found = centre;
    }
  return found;
}

/**
 * atlas_centre_index_match:
 * @ags: (nullable): a district key the record carries
 * @address: (nullable): its address, as one line
 * @place: (nullable): where it is or who it is: an event's location, a
 *   contact's organisation (read like a release's title)
 * @text: (nullable): more text that may name the centre
 *
 * Returns: (transfer none) (nullable): the centre the key, else the
 *   address (street and postal code), else the first centre @place and
 *   @text name; %NULL when none does
 */
AtlasCentre *
atlas_centre_index_match (AtlasCentreIndex *index,
                          const char       *ags,
                          const char       *address,
                          const char       *place,
                          const char       *text)
{
  g_autoptr(GArray) mentions = NULL;
  AtlasCentre *centre;

  if (ags != NULL && (centre = g_hash_table_lookup (index->by_ags, ags)) != NULL)
    return centre;
  if (address != NULL && *address != '\0' && (centre = match_address (index, address)) != NULL)
    return centre;

  /* The place first, as a release's title: its names count as visited. */
  mentions = atlas_detect_centres (place ? place : "", text ? text : "");
  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);

      if ((centre = g_hash_table_lookup (index->by_ags, m->ags)) != NULL)
        return centre;
    }
  return NULL;
}
