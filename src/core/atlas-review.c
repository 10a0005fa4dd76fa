/* atlas-review.c: accepting and dismissing suggested visits
 *
 * One suggestion or hundreds (all that a filter shows), each review is
 * one transaction and one step of the history: one Undo brings them all
 * back as they were, with their own ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-record.h"
#include "atlas-review.h"
#include "atlas-visit.h"

/* What a dismissed suggestion has besides its fields: the sentence that
 * reported it, how sure the detection was, whether it was announced and
 * every release that reports it. Deleting the visit deletes them too, so
 * Undo puts them back after the visit (the step is recorded before the
 * deletion and therefore undone after it). */
typedef struct {
  gint64 visit_id;
  char *evidence;
  double confidence;
  gboolean announced;
  GArray *sources;
} Extras;

static void
extras_free (gpointer data)
{
  Extras *extras = data;

  if (extras == NULL)
    return;
  g_free (extras->evidence);
  g_clear_pointer (&extras->sources, g_array_unref);
  g_free (extras);
}

static gboolean
restore_extras (AtlasStore  *store,
                gpointer     data,
                gboolean     undo,
                GError     **error)
{
  Extras *extras = data;

  if (!undo)
    return TRUE;  /* redone, the deletion takes them along again */
  if (!atlas_store_set_visit_evidence (store, extras->visit_id, extras->evidence,
                                       extras->confidence, extras->announced, error))
    return FALSE;
  for (guint i = 0; extras->sources != NULL && i < extras->sources->len; i++)
    if (!atlas_store_add_visit_source (store, extras->visit_id,
                                       g_array_index (extras->sources, gint64, i), error))
      return FALSE;
  return TRUE;
}

/**
 * atlas_review_suggested:
 * @history: (nullable): where the review is recorded, as one step
 * @visits: (element-type AtlasVisit): visits; those not suggested are
 *   passed over
 * @accept: %TRUE to accept the suggestions as visits made (planned, for
 *   one a release announced), %FALSE to dismiss (delete) them
 *
 * Returns: how many suggestions were reviewed; 0 with @error set when
 *   the catalogue could not be written (nothing was changed then)
 */
guint
atlas_review_suggested (AtlasStore    *store,
                        AtlasHistory  *history,
                        GPtrArray     *visits,
                        gboolean       accept,
                        GError       **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) after_status = g_ptr_array_new ();
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (extras_free);

  if (!atlas_store_begin (store, error))
    return 0;

  for (guint i = 0; i < visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (visits, i);
      gint64 id = atlas_visit_get_id (visit);

      g_autofree char *evidence = NULL;
      double confidence;
      gboolean announced = FALSE;

      if (g_strcmp0 (atlas_visit_get_field (visit, ATLAS_VISIT_STATUS), "suggested") != 0)
        continue;
      if (!accept)
        {
          Extras *kept = g_new0 (Extras, 1);

          kept->visit_id = id;
          g_ptr_array_add (extras, kept);
          if (!atlas_store_get_visit_evidence (store, id, &kept->evidence, &kept->confidence,
                                               &kept->announced, error) ||
              !(kept->sources = atlas_store_get_visit_sources (store, id, error)))
            {
              atlas_store_rollback (store);
              return 0;
            }
        }
      /* A visit a release announced is still to come: accepted, it is planned. */
      if (accept ? !atlas_store_get_visit_evidence (store, id, &evidence, &confidence, &announced, error) ||
                   !atlas_store_set_visit_status (store, id, announced ? "planned" : "done", error)
                 : !atlas_store_delete_visit (store, id, error))
        {
          atlas_store_rollback (store);
          return 0;
        }
      g_ptr_array_add (before, atlas_record_copy (G_OBJECT (visit)));
      g_ptr_array_add (after_status, (gpointer) (announced ? "planned" : "done"));
    }

  if (!atlas_store_commit (store, error))
    return 0;

  if (history != NULL && before->len > 0)
    {
      g_autofree char *label = NULL;

      if (before->len == 1)
        {
          AtlasVisit *visit = g_ptr_array_index (before, 0);

          label = g_strdup_printf (accept ? _("Accept Visit to %s") : _("Dismiss Visit to %s"),
                                   atlas_visit_get_field (visit, ATLAS_VISIT_CENTRE_NAME));
        }
      else
        label = g_strdup_printf (accept ? g_dngettext (GETTEXT_PACKAGE, "Accept %u Suggested Visit",
                                                       "Accept %u Suggested Visits", before->len)
                                        : g_dngettext (GETTEXT_PACKAGE, "Dismiss %u Suggested Visit",
                                                       "Dismiss %u Suggested Visits", before->len),
                                 before->len);

      atlas_history_begin_group (history, label);
      for (guint i = 0; i < before->len; i++)
        {
          GObject *was = g_ptr_array_index (before, i);
          g_autoptr(GObject) now = NULL;

          if (accept)
            {
              now = atlas_record_copy (was);
              atlas_visit_set_field (ATLAS_VISIT (now), ATLAS_VISIT_STATUS, g_ptr_array_index (after_status, i));
            }
          else
            {
              /* Before the deletion, so that Undo restores them after the visit. */
              atlas_history_push_step (history, NULL, restore_extras, extras->pdata[i], extras_free);
              extras->pdata[i] = NULL;
            }
          atlas_history_push (history, ATLAS_RECORD_VISIT, was, now, NULL);
        }
      atlas_history_end_group (history);
    }

  return before->len;
}
