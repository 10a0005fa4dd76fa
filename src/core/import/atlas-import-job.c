/* atlas-import-job.c: importing files in a worker thread
 *
 * The thread opens its own connection to the catalogue and works on plain
 * data; the window's store learns of the new rows from the change signal
 * the caller emits when the job is done. WAL lets the window keep reading
 * while the import writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-import-job.h"

typedef struct {
  char *db_path;
  GPtrArray *files;  /* GFile */
  AtlasImportProgress progress;
  gpointer progress_data;
  GMainContext *context;
} ImportJob;

typedef struct {
  AtlasImportProgress progress;
  gpointer progress_data;
  guint done;
  guint total;
} ProgressUpdate;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_ptr_array_unref (job->files);
  g_main_context_unref (job->context);
  g_free (job);
}

void
atlas_import_result_free (AtlasImportResult *result)
{
  atlas_import_result_clear (result);
  g_free (result);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress (update->done, update->total, update->progress_data);
  return G_SOURCE_REMOVE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_import_result_free);
  g_autoptr(AtlasStore) store = NULL;
  GError *error = NULL;

  store = atlas_store_new (job->db_path, ATLAS_STORE_OPEN_EXISTING | ATLAS_STORE_OPEN_NO_SEED, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < job->files->len; i++)
    {
      AtlasImportResult *result = g_new0 (AtlasImportResult, 1);

      if (g_task_return_error_if_cancelled (task))
        {
          atlas_import_result_free (result);
          return;
        }

      atlas_import_file (store, g_ptr_array_index (job->files, i), NULL, cancellable, result);
      g_ptr_array_add (results, result);

      if (job->progress != NULL)
        {
          ProgressUpdate *update = g_new (ProgressUpdate, 1);

          *update = (ProgressUpdate) { job->progress, job->progress_data, i + 1, job->files->len };
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb, update, g_free);
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * atlas_import_files_async:
 * @db_path: the catalogue to import into
 * @progress: (nullable): told after each file, on the calling thread's
 *   main context
 *
 * Imports @files one after the other, each in its own transaction.
 * Cancelling stops after the current file (which is rolled back if it was
 * not finished).
 */
void
atlas_import_files_async (const char           *db_path,
                          GFile               **files,
                          guint                 n_files,
                          GCancellable         *cancellable,
                          AtlasImportProgress   progress,
                          gpointer              progress_data,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->db_path = g_strdup (db_path);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();

  g_task_set_source_tag (task, atlas_import_files_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * atlas_import_files_finish:
 *
 * Returns: (transfer full) (element-type AtlasImportResult): one result per
 *   file, in order
 */
GPtrArray *
atlas_import_files_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
