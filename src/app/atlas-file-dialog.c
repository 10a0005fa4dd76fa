/* atlas-file-dialog.c: file dialogs that open where the user was last
 *
 * Without an initial folder GTK's own dialog (outside the Flatpak's
 * portal) opens a save dialog in the process's working folder: started
 * from a checkout, exported contacts went into the build folder, and an
 * import began in "Recent" however often the user had picked files from
 * one folder. Every dialog now opens in the folder of the last file
 * chosen in any of them, and before the first choice in the user's
 * documents folder (or home, where there is none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-file-dialog.h"

static GFile *last_folder;

/**
 * atlas_file_dialog_new:
 *
 * Returns: (transfer full): a file dialog whose initial folder is the
 *   folder of the file last chosen, or the documents folder
 */
GtkFileDialog *
atlas_file_dialog_new (void)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  if (last_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, last_folder);
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autoptr(GFile) folder = NULL;

      if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
        documents = g_get_home_dir ();
      folder = g_file_new_for_path (documents);
      gtk_file_dialog_set_initial_folder (dialog, folder);
    }
  return dialog;
}

/**
 * atlas_file_dialog_remember:
 * @chosen: (nullable): a file the user chose in a dialog
 *
 * The next dialog opens in @chosen's folder.
 */
void
atlas_file_dialog_remember (GFile *chosen)
{
  GFile *parent;

  if (chosen == NULL || (parent = g_file_get_parent (chosen)) == NULL)
    return;
  g_clear_object (&last_folder);
  last_folder = parent;
}

/* Forgets the folder remembered (for tests). */
void
atlas_file_dialog_forget (void)
{
  g_clear_object (&last_folder);
}
