/* test-text.c: folding, collation and FTS query quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-text.h"

static void
test_fold_search (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Köln", "koeln" },
    { "KÖLN", "koeln" },
    { "Koeln", "koeln" },
    { "Mülheim an der Ruhr", "muelheim an der ruhr" },
    { "Gießen", "giessen" },
    { "Straße", "strasse" },
    { "Märkischer Kreis", "maerkischer kreis" },
    { "Ko\xcc\x88ln", "koeln" },  /* decomposed o + combining diaeresis */
    { "Café", "cafe" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = atlas_text_fold_search (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_collate (void)
{
  /* DIN 5007-1: umlauts sort with their base letter. */
  g_assert_cmpint (atlas_text_collate ("Düren", "Düsseldorf"), <, 0);
  g_assert_cmpint (atlas_text_collate ("Düsseldorf", "Duisburg"), >, 0);
  g_assert_cmpint (atlas_text_collate ("Märkischer Kreis", "Mettmann"), <, 0);
  g_assert_cmpint (atlas_text_collate ("Österreich", "Paderborn"), <, 0);
  g_assert_cmpint (atlas_text_collate ("Ülzen", "Unna"), <, 0);
  g_assert_cmpint (atlas_text_collate ("aachen", "Aachen"), !=, 0);
  g_assert_cmpint (atlas_text_collate ("Aachen", "Aachen"), ==, 0);
}

static void
test_fts_query (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Köln", "\"Köln\"*" },
    { "Güler Köln", "\"Güler\" \"Köln\"*" },
    { "\"unbalanced", "\"\"\"unbalanced\"*" },
    { "a OR b", "\"a\" \"OR\" \"b\"*" },
    { "NEAR(x y)", "\"NEAR(x\" \"y)\"*" },
    { "  spaced   out  ", "\"spaced\" \"out\"*" },
    { "title:foo", "\"title:foo\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *q = atlas_text_fts_query (cases[i].in);

      g_assert_cmpstr (q, ==, cases[i].out);
    }

  /* Nothing searchable: no query at all. */
  g_assert_null (atlas_text_fts_query (""));
  g_assert_null (atlas_text_fts_query ("   "));
  g_assert_null (atlas_text_fts_query ("* ( ) \" -"));
  g_assert_null (atlas_text_fts_query ("\xff\xfe"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold-search", test_fold_search);
  g_test_add_func ("/text/collate", test_collate);
  g_test_add_func ("/text/fts-query", test_fts_query);

  return g_test_run ();
}
