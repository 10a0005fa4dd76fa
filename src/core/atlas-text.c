/* atlas-text.c: folding and quoting of German text for search and sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-text.h"

typedef enum {
  FOLD_SEARCH,  /* ä → ae: "Muenster" and "Münster" find each other */
  FOLD_SORT,    /* ä → a: DIN 5007-1, the order of dictionaries */
} FoldMode;

static void
append_folded_char (GString  *out,
                    gunichar  c,
                    FoldMode  mode)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  c = g_unichar_tolower (c);

  switch (c)
    {
    case 0x00E4: /* ä */
      g_string_append (out, mode == FOLD_SEARCH ? "ae" : "a");
      return;
    case 0x00F6: /* ö */
      g_string_append (out, mode == FOLD_SEARCH ? "oe" : "o");
      return;
    case 0x00FC: /* ü */
      g_string_append (out, mode == FOLD_SEARCH ? "ue" : "u");
      return;
    case 0x00DF: /* ß */
    case 0x1E9E: /* capital ß */
      g_string_append (out, "ss");
      return;
    /* Letters without a decomposition that German keyboards type as the
     * plain letter: Yıldız as Yildiz, Łódź as Lodz, Øresund as Oresund. */
    case 0x0131: /* ı */
      g_string_append_c (out, 'i');
      return;
    case 0x0142: /* ł */
      g_string_append_c (out, 'l');
      return;
    case 0x00F8: /* ø */
      g_string_append_c (out, 'o');
      return;
    case 0x0111: /* đ */
      g_string_append_c (out, 'd');
      return;
    default:
      break;
    }

  /* Other accents (é, ç, ş) are dropped: the base letter is
   * the first character of the canonical decomposition. */
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0 && decomposed[0] < 0x0300)
    g_string_append_unichar (out, decomposed[0]);
  else
    g_string_append_unichar (out, c);
}

/* With @sources, each byte of the result is paired with the offset in
 * @text of the character it came from. */
static char *
fold_mapped (const char *text,
             FoldMode    mode,
             GArray     *sources)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gsize from = out->len;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      /* Combining marks of decomposed input (u + ¨) fold like the
       * precomposed letter would. */
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          if (c == 0x0308 && mode == FOLD_SEARCH && out->len > 0)
            {
              char last = out->str[out->len - 1];

              if (last == 'a' || last == 'o' || last == 'u')
                g_string_append_c (out, 'e');
            }
        }
      else
        append_folded_char (out, c, mode);

      if (sources != NULL)
        for (gsize source = p - text; from < out->len; from++)
          g_array_append_val (sources, source);
    }

  return g_string_free (out, FALSE);
}

static char *
fold (const char *text,
      FoldMode    mode)
{
  return fold_mapped (text, mode, NULL);
}

/**
 * atlas_text_fold_search:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for matching: lower case, umlauts as two letters (ä → ae),
 * ß → ss, other accents dropped. Query and stored text are folded alike, so
 * "koeln", "Köln" and "KÖLN" find each other.
 *
 * Returns: (transfer full): the folded text
 */
char *
atlas_text_fold_search (const char *text)
{
  return fold (text, FOLD_SEARCH);
}

/**
 * atlas_text_fold_sort:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): a key that sorts by German dictionary order
 *   (DIN 5007-1: ä sorts with a, ß as ss) with plain byte comparison
 */
char *
atlas_text_fold_sort (const char *text)
{
  return fold (text, FOLD_SORT);
}

/**
 * atlas_text_collate:
 *
 * Compares two strings in German dictionary order; strings equal after
 * folding are ordered by their bytes, so the order is total.
 */
int
atlas_text_collate (const char *a,
                    const char *b)
{
  g_autofree char *ka = atlas_text_fold_sort (a);
  g_autofree char *kb = atlas_text_fold_sort (b);
  int r = strcmp (ka, kb);

  if (r != 0)
    return r;

  return g_strcmp0 (a, b);
}

/* The characters the full-text index's tokenizer keeps in words (unicode61
 * with categories 'L* N* Co Mn'); all others separate words. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * atlas_text_fts_query:
 * @user_text: what the user typed
 *
 * Turns free text into an FTS5 query that cannot fail to parse: every word
 * the index knows becomes a quoted term of its own, and everything between
 * words (operators, brackets, stray quotes, the hyphen of
 * "Nordrhein-Westfalen") only separates them, as in the index. A term is
 * one word, never a phrase, since the index keeps no word positions. The
 * last word is a prefix query, so results appear while typing.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @user_text
 *   holds no word
 */
char *
atlas_text_fts_query (const char *user_text)
{
  g_autoptr(GString) q = g_string_new (NULL);
  const char *word = NULL;
  glong last_len = 0;

  if (user_text == NULL || !g_utf8_validate (user_text, -1, NULL))
    return NULL;

  for (const char *p = user_text;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && is_word_char (g_utf8_get_char (p));

      if (in_word && word == NULL)
        word = p;
      else if (!in_word && word != NULL)
        {
          if (q->len > 0)
            g_string_append_c (q, ' ');
          g_string_append_c (q, '"');
          g_string_append_len (q, word, p - word);
          g_string_append_c (q, '"');
          last_len = g_utf8_strlen (word, p - word);
          word = NULL;
        }
      if (*p == '\0')
        break;
    }

  if (q->len == 0)
    return NULL;

  /* The last word is still being typed: search it as a prefix, once it has
   * two letters (one letter would match nearly everything). */
  if (last_len > 1)
    g_string_append_c (q, '*');

  return g_string_free (g_steal_pointer (&q), FALSE);
}

static char *
escape (const char *text,
        gssize      len,
        gboolean    markup)
{
  return markup ? g_markup_escape_text (text, len) : g_strndup (text, len);
}

/**
 * atlas_text_snippet:
 * @text: the text searched
 * @query: what the user typed
 * @mark_start: what goes before the match
 * @mark_end: what goes after it
 * @markup: whether to escape the text for Pango markup
 *
 * An excerpt of @text on one line, about sixty characters either side of
 * the first place where a word of @query occurs, the match marked.
 *
 * Returns: (transfer full) (nullable): the excerpt, or %NULL when no word
 *   of @query occurs as written (matches of folded forms are not marked)
 */
char *
atlas_text_snippet (const char *text,
                    const char *query,
                    const char *mark_start,
                    const char *mark_end,
                    gboolean    markup)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *line = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) sources = NULL;
  const char *hit = NULL, *start, *end, *stop;
  gsize hit_len = 0, offset;

  if (query == NULL || *query == '\0' || text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Matched as the search matches, folded ("koeln" finds Köln), and shown
   * as written: each folded byte knows the character it came from. */
  line = g_strdelimit (g_strdup (text), "\n", ' ');
  sources = g_array_new (FALSE, FALSE, sizeof (gsize));
  folded = fold_mapped (line, FOLD_SEARCH, sources);

  words = g_strsplit_set (query, " \t\"*()", -1);
  for (guint i = 0; words[i] && hit == NULL; i++)
    {
      g_autofree char *w = atlas_text_fold_search (words[i]);
      const char *found;

      if (strlen (w) >= 2 && (found = strstr (folded, w)) != NULL)
        {
          gsize first = g_array_index (sources, gsize, found - folded);
          gsize last = g_array_index (sources, gsize, found - folded + strlen (w) - 1);

          hit = line + first;
          hit_len = g_utf8_next_char (line + last) - hit;
        }
    }
  if (hit == NULL)
    return NULL;

  offset = hit - line;
  start = line + offset;
  for (int n = 0; n < 60 && start > line; n++)
    start = g_utf8_find_prev_char (line, start);
  end = line + offset + hit_len;
  stop = end;
  for (int n = 0; n < 60 && *stop; n++)
    stop = g_utf8_next_char (stop);

  before = escape (start, line + offset - start, markup);
  match = escape (line + offset, hit_len, markup);
  after = escape (end, stop - end, markup);

  return g_strconcat (start > line ? "…" : "", before, mark_start, match, mark_end, after,
                      *stop ? "…" : "", NULL);
}
