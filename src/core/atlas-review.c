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
          atlas_history_push (history, ATLAS_RECORD_VISIT, was, now, NULL);
        }
      atlas_history_end_group (history);
    }

  return before->len;
}
