/* atlas-example-tour.c: the documented tour of 2017–2021, to try the app on
 *
 * The example's visits are marked in the catalogue (visit.example), so
 * that they can be told from the user's own and removed again. Loading
 * and removing are each one step of the history: Undo takes either back,
 * the visits coming back with their own ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-example-tour.h"
#include "atlas-record.h"
#include "atlas-visit.h"

typedef struct {
  GPtrArray *visits;   /* AtlasVisit: the example as it was loaded or removed */
  gboolean loaded;     /* the step loaded them (else removed them) */
} ExampleStep;

static void
example_step_free (gpointer data)
{
  ExampleStep *step = data;

  g_ptr_array_unref (step->visits);
  g_free (step);
}

/* Writes the visits back with their ids, marked as the example, or
 * deletes them: one transaction. */
static gboolean
put (AtlasStore  *store,
     GPtrArray   *visits,
     gboolean     present,
     GError     **error)
{
  if (!atlas_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (visits, i);
      gint64 id = atlas_visit_get_id (visit);

      if (present ? atlas_store_save_visit (store, visit, error) == 0 ||
                    !atlas_store_set_visit_example (store, id, TRUE, error)
                  : !atlas_store_delete_visit (store, id, error))
        {
          atlas_store_rollback (store);
          return FALSE;
        }
    }

  return atlas_store_commit (store, error);
}

static gboolean
example_step (AtlasStore  *store,
              gpointer     data,
              gboolean     undo,
              GError     **error)
{
  ExampleStep *step = data;

  return put (store, step->visits, step->loaded != undo, error);
}

/* The visits with @ids as they are now. */
static GPtrArray *
load_visits (AtlasStore  *store,
             GArray      *ids,
             GError     **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      GObject *visit = atlas_store_load (store, ATLAS_RECORD_VISIT, g_array_index (ids, gint64, i), error);

      if (visit == NULL)
        return NULL;
      g_ptr_array_add (visits, visit);
    }
  return g_steal_pointer (&visits);
}

static void
push (AtlasHistory *history,
      GPtrArray    *visits,
      gboolean      loaded)
{
  ExampleStep *step = g_new0 (ExampleStep, 1);

  step->visits = g_ptr_array_ref (visits);
  step->loaded = loaded;
  atlas_history_push_step (history, loaded ? _("Load the Example Tour") : _("Remove the Example Tour"),
                           example_step, step, example_step_free);
}

/**
 * atlas_example_tour_load:
 * @history: (nullable): where loading is recorded, as one step
 * @result: (out caller-allocates): what was imported, or why not
 *
 * Adds the example tour's visits to the catalogue, marked as the example.
 *
 * Returns: whether they were added (nothing was, otherwise)
 */
gboolean
atlas_example_tour_load (AtlasStore        *store,
                         AtlasHistory      *history,
                         AtlasImportResult *result)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/core/data/example-tour.xml", 0, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  /* One transaction: the new visits are the example's, and only they. */
  if ((last = atlas_store_last_visit_id (store, &error)) < 0 || !atlas_store_begin (store, &error))
    {
      memset (result, 0, sizeof *result);
      result->error = g_steal_pointer (&error);
      return FALSE;
    }
  if (!atlas_import_stream (store, stream, _("Example tour"), NULL, result))
    {
      atlas_store_rollback (store);
      return FALSE;
    }
  if ((ids = atlas_store_get_example_visits (store, last, FALSE, &error)) == NULL ||
      (visits = load_visits (store, ids, &error)) == NULL ||
      !put (store, visits, TRUE, &error) ||
      !atlas_store_commit (store, &error))
    {
      atlas_store_rollback (store);
      g_clear_error (&result->error);
      result->error = g_steal_pointer (&error);
      return FALSE;
    }

  if (history != NULL && visits->len > 0)
    push (history, visits, TRUE);
  return TRUE;
}

/**
 * atlas_example_tour_remove:
 * @history: (nullable): where removing is recorded, as one step
 *
 * Deletes the example tour's visits, changed or not; the user's own stay.
 *
 * Returns: how many visits were removed; 0 with @error set when the
 *   catalogue could not be written (nothing was removed then)
 */
guint
atlas_example_tour_remove (AtlasStore    *store,
                           AtlasHistory  *history,
                           GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) visits = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), 0);

  if ((ids = atlas_store_get_example_visits (store, 0, TRUE, error)) == NULL ||
      (visits = load_visits (store, ids, error)) == NULL ||
      !put (store, visits, FALSE, error))
    return 0;

  if (history != NULL && visits->len > 0)
    push (history, visits, FALSE);
  return visits->len;
}

/* How many of the example tour's visits are in the catalogue. */
guint
atlas_example_tour_count (AtlasStore *store)
{
  g_autoptr(GArray) ids = atlas_store_get_example_visits (store, 0, TRUE, NULL);

  return ids ? ids->len : 0;
}
