/* driver.c: runs a fuzz target over files, for builds without libFuzzer
 *
 *   fuzz-TARGET FILE|DIR…
 *
 * Every file named, and every file in each folder named, is given to
 * LLVMFuzzerTestOneInput() once; a crash or sanitizer report fails the
 * test. Prints TAP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static guint n_run;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  n_run++;
  g_print ("ok %u - %s\n", n_run, path);
}

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
                run_file (path);
            }
        }
      else
        run_file (argv[i]);
    }
  g_print ("1..%u\n", n_run);
  return n_run > 0 ? 0 : 1;
}
