/* atlas-detect.c: which centres a press release is about
 *
 * Each of the 54 centres has the names German press text uses for its
 * district: the official name and its declined forms, the seat of a Kreis,
 * genitives and inhabitants ("Kölns", "Kölnerinnen und Kölner") and a few
 * epithets ("Klingenstadt" for Solingen). Ambiguous names need their
 * qualifier: "Mülheim" alone is a quarter of Köln, so only "Mülheim an der
 * Ruhr" counts; "Städteregion Aachen" is its own centre beside Stadt
 * Aachen.
 *
 * A centre named in the title or the first paragraph is the one visited;
 * others are mentioned. Sentences that announce further stops ("Weitere
 * Stationen der Tour sind …") only mention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-detect.h"

typedef struct {
  const char *ags;
  const char *pattern;  /* alternatives, PCRE syntax */
} Alias;

/* Inhabitant and genitive endings of city names. */
#define ER "(?:s|er|ers|erin|erinnen|ern)?"

/* Order matters: longer names first ("Städteregion Aachen" before
 * "Aachen"); see alias_regex(). */
static const Alias aliases[] = {
  { "05334", "Städteregion\\s+Aachen|StädteRegion\\s+Aachen|Städteregion" },
  { "05117", "Mülheim\\s+an\\s+der\\s+Ruhr|Mülheim/Ruhr|Mülheim\\s+a\\.\\s*d\\.\\s*Ruhr|Mülheimer\\s+an\\s+der\\s+Ruhr" },
  { "05162", "Rhein-Kreis(?:es)?\\s+Neuss|Neuss" ER "|Neuß" ER },
  { "05362", "Rhein-Erft-Kreis(?:es)?|Bergheim" ER },
  { "05382", "Rhein-Sieg-Kreis(?:es)?|Siegburg" ER },
  { "05374", "Oberbergische[nrs]?\\s+Kreis(?:es)?|Oberberg|Gummersbach" ER },
  { "05378", "Rheinisch-Bergische[nrs]?\\s+Kreis(?:es)?|Bergisch\\s+Gladbach" },
  { "05954", "Ennepe-Ruhr-Kreis(?:es)?|Schwelm" ER },
  { "05958", "Hochsauerlandkreis(?:es)?|Meschede" ER },
  { "05962", "Märkische[nrs]?\\s+Kreis(?:es)?|Lüdenscheid" ER },
  { "05970", "Siegen-Wittgenstein|Siegen" ER },
  { "05770", "Minden-Lübbecke|Minden" ER },
  { "05766", "Kreis(?:es)?\\s+Lippe|Detmold" ER },
  { "05116", "Mönchengladbach" ER },
  { "05111", "Düsseldorf" ER },
  { "05112", "Duisburg" ER },
  { "05113", "Essen" "(?:s|er|ers|erin|erinnen|ern)?" },
  { "05114", "Krefeld" ER },
  { "05119", "Oberhausen" ER },
  { "05120", "Remscheid" ER },
  { "05122", "Solingen" "(?:s)?|Solinger(?:in|innen|n)?|Klingenstadt" },
  { "05124", "Wuppertal" ER },
  { "05154", "Kleve" "(?:s|r|rs|rin|rinnen)?" },
  { "05158", "Mettmann" ER },
  { "05166", "Viersen" ER },
  { "05170", "Wesel" ER },
  { "05314", "Bonn" ER },
  { "05315", "Köln" ER },
  { "05316", "Leverkusen" ER },
  { "05334002", "Aachen" ER },
  { "05358", "Düren" ER },
  { "05366", "Euskirchen" ER },
  { "05370", "Heinsberg" ER },
  { "05512", "Bottrop" ER },
  { "05513", "Gelsenkirchen" ER },
  { "05515", "Münster" "(?:s|aner|anerin|anerinnen|anern)?" },
  { "05554", "Borken" ER },
  { "05558", "Coesfeld" ER },
  { "05562", "Recklinghausen" ER },
  { "05566", "Steinfurt" ER },
  { "05570", "Warendorf" ER },
  { "05711", "Bielefeld" ER },
  { "05754", "Gütersloh" ER },
  { "05758", "Herford" ER },
  { "05762", "Höxter" ER },
  { "05774", "Paderborn" ER },
  { "05911", "Bochum" ER },
  { "05913", "Dortmund" ER },
  { "05914", "Hagen" ER },
  { "05915", "Hamm" "(?:s)?" },
  { "05916", "Herne" "(?:s|r|rin|rinnen)?" },
  { "05966", "Olpe" "(?:s|r)?" },
  { "05974", "Soest" ER },
  { "05978", "Unna" "(?:s|er|erin|erinnen)?" },
};

/* Sentences that list stops still to come. */
static const char *announcement_pattern =
  "(*UCP)\\b(?:[Ww]eitere|[Nn]ächste|[Kk]ommende|[Ff]olgende)\\s+Station(?:en)?\\b|\\bStationen\\s+der\\s+Tour\\b";

static const char *visit_pattern =
  "(*UCP)\\b(?:besucht\\w*|[Bb]esuch\\w*|zu\\s+Gast|Station|informierte\\s+sich|"
  "Sommertour|Herbsttour|Tour\\s+durch|vor\\s+Ort)\\b";

/* An office, then the name: "Staatssekretärin Serap Güler",
 * "Die Staatssekretärin für Integration, Serap Güler". */
static const char *visitor_pattern =
  "(*UCP)\\b(?:\\w*[Ss]taatssekretär(?:in)?|Staatsminister(?:in)?|\\w*[Mm]inister(?:in)?|"
  "Ministerpräsident(?:in)?)(?:\\s+für\\s+\\w+)?,?\\s+"
  "((?:Dr\\.\\s+)?\\p{Lu}[\\w-]+\\s+\\p{Lu}[\\w-]+)";

typedef enum {
  REGEX_ALIASES,
  REGEX_SENTENCE_END,
  REGEX_ANNOUNCEMENT,
  REGEX_VISIT,
  REGEX_VISITOR,
  N_REGEXES
} RegexId;

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  /* The patterns are ours; a broken one is a programming error. */
  g_assert_no_error (error);
  return regex;
}

/* Compiled once per process, shared by import threads (GRegex is
 * immutable and thread-safe). */
static GRegex *
get_regex (RegexId id)
{
  static gsize initialized = 0;
  static GRegex *regexes[N_REGEXES];

  if (g_once_init_enter (&initialized))
    {
      /* All aliases in one regex, one group each: a single pass finds them
       * all, and at any position the earlier (longer) alternative wins, so
       * "Städteregion Aachen" is never also read as "Aachen". Whole words
       * only: no letter or digit after; what stands before is checked in
       * scan(), because a lookbehind here would keep PCRE2 from skipping
       * ahead to the letters a name can start with. */
      g_autoptr(GString) pattern = g_string_new ("(*UCP)(?:");

      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        g_string_append_printf (pattern, "%s(%s)", i > 0 ? "|" : "", aliases[i].pattern);
      g_string_append (pattern, ")(?!\\w)");

      regexes[REGEX_ALIASES] = compile (pattern->str);
      regexes[REGEX_SENTENCE_END] = compile ("(?<=[.!?:])\\s+|\\n");
      regexes[REGEX_ANNOUNCEMENT] = compile (announcement_pattern);
      regexes[REGEX_VISIT] = compile (visit_pattern);
      regexes[REGEX_VISITOR] = compile (visitor_pattern);
      g_once_init_leave (&initialized, 1);
    }

  return regexes[id];
}

static void
add_mention (GArray     *mentions,
             const char *ags,
             gboolean    visited)
{
  AtlasCentreMention m = { { 0 }, visited };

  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *seen = &g_array_index (mentions, AtlasCentreMention, i);

      if (g_str_equal (seen->ags, ags))
        {
          seen->visited |= visited;
          return;
        }
    }

  g_strlcpy (m.ags, ags, sizeof m.ags);
  g_array_append_val (mentions, m);
}

/* Adds the centres named in @text to @mentions. */
static void
scan (GArray     *mentions,
      const char *text,
      gboolean    visited)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (get_regex (REGEX_ALIASES), text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      /* No letter, digit or hyphen before the name (the "Sieg" in
       * "Rhein-Sieg"). */
      if (g_match_info_fetch_pos (match, 0, &start, &end) && start > 0)
        {
          const char *before = g_utf8_find_prev_char (text, text + start);
          gunichar c = before ? g_utf8_get_char (before) : ' ';

          if (g_unichar_isalnum (c) || c == '-' || c == '_')
            {
              g_match_info_next (match, NULL);
              continue;
            }
        }

      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        if (g_match_info_fetch_pos (match, i + 1, &start, &end) && start >= 0)
          {
            add_mention (mentions, aliases[i].ags, visited);
            break;
          }
      g_match_info_next (match, NULL);
    }
}

/* The end of the first paragraph; a dateline ("Duisburg") alone before it
 * belongs to the lead too. */
static const char *
lead_end (const char *body)
{
  const char *end = strstr (body, "\n\n");

  if (end != NULL && end - body < 80 && memchr (body, '.', end - body) == NULL)
    {
      const char *next = strstr (end + 2, "\n\n");

      end = next;
    }
  return end;
}

/* Moves the sentences of @lead that announce later stops to @rest. */
static char *
split_announcements (const char *lead,
                     GString    *rest)
{
  g_auto(GStrv) sentences = g_regex_split (get_regex (REGEX_SENTENCE_END), lead, 0);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; sentences[i]; i++)
    {
      GString *target = g_regex_match (get_regex (REGEX_ANNOUNCEMENT), sentences[i], 0, NULL)
                        ? rest : kept;

      g_string_append (target, sentences[i]);
      g_string_append_c (target, '\n');
    }

  return g_string_free (kept, FALSE);
}

/**
 * atlas_detect_centres:
 * @title: the release's title
 * @body: its plain text, paragraphs separated by blank lines
 *
 * Returns: (transfer full) (element-type AtlasCentreMention): the centres
 *   named, visited ones first
 */
GArray *
atlas_detect_centres (const char *title,
                      const char *body)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, TRUE, sizeof (AtlasCentreMention));
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *kept = NULL;
  const char *para_end;
  GArray *sorted;

  if (body == NULL)
    body = "";

  /* The lead is the title and the first paragraph (with the dateline). */
  para_end = lead_end (body);
  first = para_end ? g_strndup (body, para_end - body) : g_strdup (body);
  lead = g_strconcat (title ? title : "", "\n", first, NULL);
  if (para_end != NULL)
    g_string_append (rest, para_end);
  kept = split_announcements (lead, rest);

  scan (mentions, kept, TRUE);
  scan (mentions, rest->str, FALSE);

  /* Visited first, each group in the order of the alias table. */
  sorted = g_array_new (FALSE, TRUE, sizeof (AtlasCentreMention));
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < mentions->len; i++)
      {
        AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);

        if (m->visited == pass)
          g_array_append_val (sorted, *m);
      }

  return sorted;
}

/**
 * atlas_detect_is_visit:
 *
 * Returns: %TRUE when the title or first paragraph report (or announce) a
 *   visit
 */
gboolean
atlas_detect_is_visit (const char *title,
                       const char *body)
{
  const char *para_end = body ? lead_end (body) : NULL;
  g_autofree char *first = body ? (para_end ? g_strndup (body, para_end - body) : g_strdup (body)) : NULL;
  g_autofree char *text = g_strconcat (title ? title : "", "\n", first ? first : "", NULL);

  /* Only the title and the first paragraph: a visit that is news is said
   * there, one merely recalled further down is not a new visit. */
  return g_regex_match (get_regex (REGEX_VISIT), text, 0, NULL);
}

static void
mention_clear (gpointer data)
{
  AtlasCentreMention *m = data;

  g_clear_pointer (&m->evidence, g_free);
  g_clear_pointer (&m->visit_evidence, g_free);
}

GArray *
atlas_detect_release (const char *title,
                      const char *body,
                      const char *source,
                      gint64      published)
{
  GArray *mentions = atlas_detect_centres (title, body);
  g_autofree char *text = g_strconcat (title ? title : "", "\n\n", body ? body : "", NULL);
  gboolean visit = atlas_detect_is_visit (title, body);
  GDate day;

  g_array_set_clear_func (mentions, mention_clear);
  if (!atlas_date_from_german_text (text, published, &day))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (published);

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
    }
  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);

      if (m->visited && visit)
        {
          m->visit = ATLAS_DETECT_VISIT_DONE;
          g_date_strftime (m->day, sizeof m->day, "%Y-%m-%d", &day);
        }
    }
  return mentions;
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
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    return g_strdup ("");

  g_regex_match (get_regex (REGEX_VISITOR), text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      gboolean seen = FALSE;

      for (guint i = 0; i < names->len; i++)
        if (g_str_equal (names->pdata[i], name))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (names, g_steal_pointer (&name));
      g_match_info_next (match, NULL);
    }

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}
