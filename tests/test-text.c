/* test-text.c: folding, collation and FTS query quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
    { "Ayşe Yıldız", "ayse yildiz" },
    { "Łukasz Wróbel", "lukasz wrobel" },
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
    { "\"unbalanced", "\"unbalanced\"*" },
    { "a OR b", "\"a\" \"OR\" \"b\"" },
    { "NEAR(x y)", "\"NEAR\" \"x\" \"y\"" },
    { "  spaced   out  ", "\"spaced\" \"out\"*" },
    { "title:foo", "\"title\" \"foo\"*" },
    { "Nordrhein-Westfalen", "\"Nordrhein\" \"Westfalen\"*" },
    { "Ko\xcc\x88ln", "\"Ko\xcc\x88ln\"*" },
    { "K", "\"K\"" },
    { "Güler K", "\"Güler\" \"K\"" },
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

static void
test_snippet (void)
{
  g_autofree char *plain = atlas_text_snippet ("Landrätin Silke Gorißen begrüßte die Gäste.",
                                               "landrätin", "[", "]", FALSE);
  g_autofree char *markup = atlas_text_snippet ("Q&A <mit> der Staatssekretärin\nin Köln",
                                                "Köln", "<b>", "</b>", TRUE);
  g_autoptr(GString) longer = g_string_new (NULL);
  g_autofree char *cut = NULL;

  g_assert_cmpstr (plain, ==, "[Landrätin] Silke Gorißen begrüßte die Gäste.");
  g_assert_cmpstr (markup, ==, "Q&amp;A &lt;mit&gt; der Staatssekretärin in <b>Köln</b>");

  for (int i = 0; i < 40; i++)
    g_string_append (longer, "Wort ");
  g_string_append (longer, "Integration ");
  for (int i = 0; i < 40; i++)
    g_string_append (longer, "Wort ");
  cut = atlas_text_snippet (longer->str, "integ", "[", "]", FALSE);
  g_assert_true (g_str_has_prefix (cut, "…"));
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_nonnull (strstr (cut, "[Integ]ration"));

  /* Folded as the search folds: the match is shown as written. */
  {
    g_autofree char *koeln = atlas_text_snippet ("Besuch in Köln", "koeln", "[", "]", FALSE);
    g_autofree char *strasse = atlas_text_snippet ("Friedrichstraße 46", "STRASSE", "[", "]", FALSE);
    g_autofree char *guler = atlas_text_snippet ("Serap Güler kam", "gueler", "[", "]", FALSE);
    g_autofree char *part = atlas_text_snippet ("Pressegespräch", "pressegespraech", "[", "]", FALSE);
    g_autofree char *half = atlas_text_snippet ("Köln", "ko", "[", "]", FALSE);

    g_assert_cmpstr (koeln, ==, "Besuch in [Köln]");
    g_assert_cmpstr (strasse, ==, "Friedrich[straße] 46");
    g_assert_cmpstr (guler, ==, "Serap [Güler] kam");
    g_assert_cmpstr (part, ==, "[Pressegespräch]");
    g_assert_cmpstr (half, ==, "[Kö]ln");
  }

  g_assert_null (atlas_text_snippet ("Nichts davon.", "Köln", "[", "]", FALSE));
  g_assert_null (atlas_text_snippet ("Text", "", "[", "]", FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold-search", test_fold_search);
  g_test_add_func ("/text/collate", test_collate);
  g_test_add_func ("/text/fts-query", test_fts_query);
  g_test_add_func ("/text/snippet", test_snippet);

  return g_test_run ();
}
