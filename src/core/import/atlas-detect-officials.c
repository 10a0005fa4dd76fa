/* atlas-detect-officials.c: the officials a release names
 *
 * Who is named with their office, and where they are named again by
 * their surname alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-detect.h"
#include "atlas-detect-private.h"

/* The surnames of the officials named with their office: after
 * "Staatssekretärin Miriam Kaltenbach", "Kaltenbach" alone is her. */
GStrv
atlas_detect_official_surnames (const char *text)
{
  g_autofree char *visitors = atlas_detect_visitors (text);
  g_auto(GStrv) names = *visitors ? g_strsplit (visitors, "; ", -1) : g_new0 (char *, 1);
  GStrv surnames = g_new0 (char *, g_strv_length (names) + 1);

  for (guint i = 0; names[i]; i++)
    {
      const char *space = strrchr (names[i], ' ');

      surnames[i] = g_strdup (space ? space + 1 : names[i]);
    }
  return surnames;
}

gboolean
atlas_detect_names_surname (const char *text,
                            GStrv       surnames)
{
  for (guint i = 0; surnames != NULL && surnames[i]; i++)
    {
      gsize len = strlen (surnames[i]);

      /* A whole word: "Kaltenbach", not "Kaltenbacher". */
      for (const char *at = strstr (text, surnames[i]); at != NULL; at = strstr (at + len, surnames[i]))
        if ((at == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)))) &&
            !g_unichar_isalnum (g_utf8_get_char (at + len)))
          return TRUE;
    }
  return FALSE;
}

/* An office, then the name: "Staatssekretärin Serap Güler",
 * "Die Staatssekretärin für Integration, Serap Güler". The offices are
 * found inside compounds ("Staatsministerin", "Integrationsministerin")
 * without a leading \w*, which would make PCRE2 backtrack over every
 * word. */
static const char *visitor_pattern =
  "(*UCP)(?:Ministerpräsident(?:in)?|[Ss]taatssekretär(?:in)?|[Mm]inister(?:in)?)(?:\\s+für\\s+\\w+)?,?\\s+"
  "((?:Dr\\.\\s+)?\\p{Lu}[\\w-]+\\s+\\p{Lu}[\\w-]+)";

static GRegex *
get_visitor_regex (void)
{
  static gsize initialized = 0;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new (visitor_pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return regex;
}

/* The next place in @text where an office of visitor_pattern may stand. */
static const char *
next_office (const char *text)
{
  const char *secretary = strstr (text, "taatssekretär");
  const char *minister = strstr (text, "inister");

  if (secretary == NULL)
    return minister;
  if (minister == NULL)
    return secretary;
  return MIN (secretary, minister);
}

/**
 * atlas_detect_visitors:
 * @text: title and body
 *
 * Finds the officials named with their office ("Staatssekretärin Serap
 * Güler", "Staatsministerin Annette Widmann-Mauz").
 *
 * Returns: (transfer full): their names, "; "-separated, in order of
 *   first mention; "" when none
 */
char *
atlas_detect_visitors (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *office;
  int from = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Every match of the pattern starts at the beginning of a word that
   * holds "taatssekretär" or "inister" (all its offices do). Running it
   * only from the word of the next such occurrence finds the same matches
   * as running it over the whole text, at a fraction of the cost: the
   * pattern cannot skip ahead by itself (each word start is a try). */
  while ((office = next_office (text + from)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      const char *start = office;
      gboolean seen = FALSE;
      int end = 0;

      /* Back to the space before the word: no match can start in
       * between that the occurrence does not belong to. */
      while (start > text + from && !g_ascii_isspace (start[-1]))
        start--;
      if (!g_regex_match_full (get_visitor_regex (), text, -1, start - text, 0, &match, NULL))
        break;

      name = g_match_info_fetch (match, 1);
      g_match_info_fetch_pos (match, 0, NULL, &end);
      for (guint i = 0; i < names->len; i++)
        if (g_str_equal (names->pdata[i], name))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (names, g_steal_pointer (&name));
      from = end;
    }

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}
