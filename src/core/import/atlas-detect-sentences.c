/* atlas-detect-sentences.c: a release read as sentences
 *
 * The title and each line of the body split into sentences, each with its
 * position (headline, lead, body, dateline, caption, address), and the
 * patterns that tell them apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-detect.h"
#include "atlas-detect-private.h"

/* Sentences ---------------------------------------------------------------- */

static const char *abbreviations[] = {
  "Dr", "Str", "St", "Nr", "bzw", "ca", "Prof", "z", "B", "u", "a", "v", "l", "r", "Tel", "Abs",
  "Jan", "Feb", "Febr", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez", "Hr", "Fr", NULL
};

/* Splits a line into sentences: at ".", "!" or "?" before a space and a
 * capital, not after day numbers ("16. Mai") or abbreviations. */
static void
split_sentences (GPtrArray  *sentences,
                 const char *line,
                 guint       line_number,
                 Position    position)
{
  const char *start = line;

  for (const char *p = line; *p; p++)
    {
      const char *after = p + 1;
      const char *word = p;
      gboolean split;

      if ((*p != '.' && *p != '!' && *p != '?') || (*after != ' ' && *after != '\0'))
        continue;
      while (*after == ' ')
        after++;
      if (*after == '\0')
        continue;
      split = g_unichar_isupper (g_utf8_get_char (after)) || *after == '"' || g_str_has_prefix (after, "„");
      if (split && *p == '.')
        {
          g_autofree char *w = NULL;

          while (word > line && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (word))))
            word = g_utf8_prev_char (word);
          w = g_strndup (word, p - word);
          if ((strlen (w) <= 2 && g_ascii_isdigit (w[0])) || atlas_detect_word_in (w, abbreviations))
            split = FALSE;
        }
      if (split)
        {
          Sentence *s = g_new0 (Sentence, 1);

          s->text = g_strstrip (atlas_detect_strndup (start, p + 1 - start));
          s->position = position;
          s->line = line_number;
          g_ptr_array_add (sentences, s);
          start = after;
        }
    }

  if (*start != '\0')
    {
      Sentence *s = g_new0 (Sentence, 1);

      s->text = g_strstrip (atlas_detect_strndup (start, strlen (start)));
      s->position = position;
      s->line = line_number;
      g_ptr_array_add (sentences, s);
    }
}

static void
sentence_free (gpointer data)
{
  Sentence *s = data;

  g_free (s->text);
  g_free (s);
}

static const char *patterns[N_PATTERNS] = {
  "^\\(?(?:Foto|Fotos|Bild|Bildunterschrift|Quelle)\\b|\\((?:Foto|Bild)\\b|Fotograf",
  "\\b\\d{5}\\s+\\p{Lu}|(?:Str\\.|[Ss]traße)\\s*\\d",
  "Nordrhein-Westfalen|\\bNRW\\b|landesweit|Landesregierung|alle\\s+54",
  "Ministerium|Landesregierung|Staatskanzlei",
  "Städte[Rr]egion",
  "\\b(?:Beispiele[n]?\\b|Beispiel\\s+wie|zum\\s+Beispiel|beispielsweise|(?:[Ww]ie\\s+)?etwa\\s+(?:in|im|bei|beim|die|der|das)|"
  "(?:Projekte|Angebote|Initiativen|Orte|Städte|Kommunen|Kreise|Programme|Modelle)\\s+wie)\\b",
  "^(?:ab\\s+)?\\d{1,2}(?:[.:]\\d{2})?\\s*(?:Uhr\\b|[-–:])|^\\d{1,2}[.:]\\d{2}\\b",
};

/* Five digits in a row (\d with (*UCP) is any decimal digit). */
static gboolean
has_five_digits (const char *text)
{
  int run = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gboolean digit = (guchar) *p < 0x80 ? g_ascii_isdigit (*p) : g_unichar_isdigit (g_utf8_get_char (p));

      run = digit ? run + 1 : 0;
      if (run == 5)
        return TRUE;
    }
  return FALSE;
}

/* Whether @text can match the pattern at all: every match of it holds one
 * of these words. A look for them costs far less than the pattern, and
 * most lines and texts have none. */
static gboolean
may_match (PatternId   id,
           const char *text)
{
  switch (id)
    {
    case PATTERN_CAPTION:
      return strstr (text, "Foto") != NULL || strstr (text, "Bild") != NULL || strstr (text, "Quelle") != NULL;
    case PATTERN_ADDRESS:
      return strstr (text, "Str.") != NULL || strstr (text, "traße") != NULL || has_five_digits (text);
    case PATTERN_STAEDTEREGION:
      return strstr (text, "Städte") != NULL;
    case PATTERN_EXAMPLE:
      return strstr (text, "eispiel") != NULL || strstr (text, "etwa") != NULL || strstr (text, " wie ") != NULL;
    case PATTERN_SCHEDULE:
      return g_ascii_isdigit (text[0]) || g_str_has_prefix (text, "ab ");
    case PATTERN_STATEWIDE:
    case PATTERN_STATE_SOURCE:
    case N_PATTERNS:
    default:
      return TRUE;
    }
}

/* Compiled once per process, shared by import threads (GRegex is
 * immutable and thread-safe). @start: (out) (optional): where the first
 * match starts. */
gboolean
atlas_detect_match_at (PatternId   id,
                       const char *text,
                       int        *start)
{
  g_autoptr(GMatchInfo) match = NULL;
  static gsize initialized = 0;
  static GRegex *regexes[N_PATTERNS];

  if (!may_match (id, text))
    return FALSE;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        {
          g_autofree char *pattern = g_strconcat ("(*UCP)", patterns[i], NULL);

          /* JIT-compiled: see ATLAS_DETECT_SLACK. */
          regexes[i] = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
          /* The patterns are ours; a broken one is a programming error. */
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&initialized, 1);
    }
  if (!g_regex_match (regexes[id], text, 0, &match))
    return FALSE;
  if (start != NULL)
    g_match_info_fetch_pos (match, 0, start, NULL);
  return TRUE;
}

gboolean
atlas_detect_matches (PatternId   id,
                      const char *text)
{
  return atlas_detect_match_at (id, text, NULL);
}

/* The title, then each line of the body with its position. */
GPtrArray *
atlas_detect_read_sentences (const char *title,
                             const char *body)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (sentence_free);
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  gboolean lead_seen = FALSE;

  split_sentences (sentences, title, 0, POSITION_TITLE);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (atlas_detect_strndup (lines[i], strlen (lines[i])));
      Position position;

      if (*line == '\0')
        continue;
      /* Captions and address lines are short; paragraphs need no look. */
      if (strlen (line) <= 300 && atlas_detect_matches (PATTERN_CAPTION, line))
        position = POSITION_CAPTION;
      else if (strlen (line) <= 300 && atlas_detect_matches (PATTERN_ADDRESS, line))
        position = POSITION_ADDRESS;
      else if (!lead_seen && (g_utf8_strlen (line, -1) <= 60 && !g_str_has_suffix (line, ".")))
        position = POSITION_DATELINE;
      else if (!lead_seen)
        {
          position = POSITION_LEAD;
          lead_seen = TRUE;
        }
      else
        position = POSITION_BODY;
      {
        guint first = sentences->len;
        gboolean schedule = atlas_detect_matches (PATTERN_SCHEDULE, line);

        split_sentences (sentences, line, i + 1, position);
        for (guint k = first; k < sentences->len; k++)
          ((Sentence *) sentences->pdata[k])->schedule = schedule;
      }
    }

  return sentences;
}
