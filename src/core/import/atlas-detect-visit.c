/* atlas-detect-visit.c: whether a sentence reports a visit, and its day
 *
 * A visit sentence has a visit expression: nouns ("Besuch",
 * "Ministerbesuch", "Stippvisite", "Station", "Sommertour"), verbs
 * ("besuchte", "informierte sich", "kamen nach", "trafen sich", "schaute
 * vorbei", "empfing") and idioms ("führte ihr Weg in", "machte sich ein
 * Bild", "stattete einen Besuch ab", "machte Halt in"). Its venue decides
 * whose visit it is: the centre (or a meeting it hosts), another venue (a
 * Jobcenter, a reception centre, a town hall, a school, a party event:
 * not a visit to the centre), or a place with no venue named. Visits
 * recalled from the past ("im vergangenen Jahr") and stops still to come
 * ("Weitere Stationen") are no news.
 *
 * The day is the date nearest to the visit expression in the same
 * sentence, leaving out periods, deadlines and opening hours ("noch bis
 * zum 13. April", "seit dem 1. Januar", "ab dem 3. April"); a weekday
 * alone is the latest such day on or before the publication day, or the
 * next one for an announcement ("wird … besuchen").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-detect-private.h"

#define WEEKDAYS "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
#define MONTHS "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|" \
               "Jan\\.|Feb\\.|Febr\\.|Mrz\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."

static const char *visit_pattern =
  "(*UCP)(?:[Bb]esuch(?:t|te|ten|test|en|e|s)?(?!\\w)|"
  "\\b(?:Stippvisite|zu\\s+Gast|Station|Halt\\s+(?:in|im|bei|beim)|"
  "informiert(?:e|en)?\\s+sich|sich\\b.{0,80}?\\b(?:informiert|ausgetauscht)|"
  "(?:ist|sind)\\b.{0,60}?\\bgekommen|ha(?:t|ben)\\b.{0,80}?\\bgetroffen|kam(?:en)?\\b.{0,60}?\\b(?:nach|ins|in\\s+(?:den|die|das))|"
  "komm(?:t|en)\\b.{0,60}?\\b(?:nach|ins|in\\s+(?:den|die|das))|"
  "tr(?:af|afen|ifft|effen)\\s+sich|führte\\b.{0,40}?\\bWeg|Weg\\s+führte|"
  "mach(?:t|te|ten)\\s+sich\\b.{0,60}?\\bein\\s+Bild|ein\\s+Bild\\s+(?:von|über)|"
  "schaut(?:e|en)?\\b.{0,80}?\\bvorbei|statte(?:t|te|ten)\\b.{0,80}?\\bBesuch|"
  "tauscht(?:e|en)?\\s+sich|empf(?:ing|ängt|angen)|begrüßt(?:e|en)?|"
  "war(?:en)?\\b.{0,60}?\\b(?:beim|bei\\s+de[rmn]|im|in|vor\\s+Ort)|"
  "(?:ging|reiste|fuhr)\\b.{0,60}?\\b(?:nach|ins|in\\s+(?:den|die|das)|zum|zur)|nahm(?:en)?\\b.{0,100}?\\bteil|"
  "Sommertour|Herbsttour|Integrationstour|Tour\\s+durch)(?!\\w))";

/* Needed with the verbs that alone say nothing of a visit. */
static const char *official_pattern =
  "(*UCP)(?:[Ss]taatssekretär(?:in|innen|s)?|[Mm]inister(?:in|innen|s|präsident(?:in)?)?)(?!\\w)|Ministerbesuch";

static const char *recalled_pattern =
  "(*UCP)\\b(?:[Ii]m\\s+(?:vergangenen|letzten|vorigen)\\s+Jahr|[Ii]n\\s+den\\s+(?:letzten|vergangenen)\\s+Jahren|"
  "Vorjahr|[Dd]amals|früheren\\s+Jahren|[Vv]or\\s+\\w+\\s+Jahren)\\b";

/* Stops still to come: they name places, not the one visited. */
static const char *stops_pattern =
  "(*UCP)\\b(?:(?:[Ww]eitere|[Nn]ächste|[Kk]ommende|[Ff]olgende)\\s+Station(?:en)?|Stationen\\s+der\\s+Tour)\\b";

static const char *centre_pattern =
  "(*UCP)(?:Integrationszentr|\\bKIZ?\\b|\\bZentrum\\b|Haus\\s+der\\s+Integration)";

static const char *other_venue_pattern =
  "(*UCP)(?:Jobcenter|[Ee]rstaufnahme|[Uu]nterbringung|[Uu]nterkunft|Rathaus|"
  "\\bPartei|[Mm]oschee|Unternehmen|\\bFirma\\b|\\bBetrieb\\b|[Ss]chule\\b|Gymnasium|"
  "\\bKita\\b|Kindertagesstätte|Ausländerbehörde|Arbeitsagentur|Agentur\\s+für\\s+Arbeit|"
  "Krankenhaus|Klinik|Polizei|Feuerwehr|Goldene\\w*\\s+Buch)";

static const char *future_pattern =
  "(*UCP)\\b(?:wird|werden|will|wollen|möchte|möchten|plant|geplant|kommenden|nächsten)\\b";

/* Weekday and date together first, so that "Donnerstag, 16. Januar" is one
 * date. */
static const char *date_pattern =
  "(*UCP)(?:(?:(?<wd1>" WEEKDAYS ")(?:,\\s*|\\s+)(?:den\\s+)?)?"
  "(?<day>\\d{1,2})\\.\\s*(?:(?<month>" MONTHS ")(?:\\s+(?<year>\\d{4}))?|(?<mnum>\\d{1,2})\\.(?<ynum>\\d{2,4})?)"
  "|\\b(?<rel>[Hh]eute|[Hh]eutigen|[Gg]estern|[Gg]estrigen|[Vv]orgestern|[Mm]orgen(?=\\s+\\p{Ll})|[Üü]bermorgen)\\b"
  "|\\b(?<wd2>" WEEKDAYS ")(?:vormittag|nachmittag|abend|mittag|morgen)?\\b)";

typedef enum {
  REGEX_VISIT,
  REGEX_OFFICIAL,
  REGEX_RECALLED,
  REGEX_STOPS,
  REGEX_CENTRE,
  REGEX_OTHER_VENUE,
  REGEX_FUTURE,
  REGEX_DATE,
  N_REGEXES
} RegexId;

static GRegex *
get_regex (RegexId id)
{
  static gsize initialized = 0;
  static GRegex *regexes[N_REGEXES];

  if (g_once_init_enter (&initialized))
    {
      const char *patterns[N_REGEXES] = {
        visit_pattern, official_pattern, recalled_pattern, stops_pattern, centre_pattern,
        other_venue_pattern, future_pattern, date_pattern,
      };

      for (guint i = 0; i < N_REGEXES; i++)
        {
          g_autoptr(GError) error = NULL;

          /* JIT-compiled: see ATLAS_DETECT_SLACK. */
          regexes[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, &error);
          /* The patterns are ours; a broken one is a programming error. */
          g_assert_no_error (error);
        }
      g_once_init_leave (&initialized, 1);
    }

  return regexes[id];
}

/**
 * atlas_detect_names_official:
 *
 * Returns: %TRUE when @text names a state secretary or minister
 */
gboolean
atlas_detect_names_official (const char *text)
{
  return g_regex_match (get_regex (REGEX_OFFICIAL), text, 0, NULL);
}

/**
 * atlas_detect_visit_sentence:
 * @sentence: one sentence
 * @official_named: whether the release names a visiting official
 * @verb_offset: (out): where the visit expression starts
 *
 * Returns: what @sentence says about a visit
 */
AtlasVisitSentence
atlas_detect_visit_sentence (const char *sentence,
                             gboolean    official_named,
                             int        *verb_offset)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *verb = NULL;
  int start = 0, end = 0;

  *verb_offset = 0;
  /* Every match of stops_pattern holds "Station"; most sentences have none. */
  if (strstr (sentence, "Station") != NULL && g_regex_match (get_regex (REGEX_STOPS), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_RECALLED;
  if (!official_named || !g_regex_match (get_regex (REGEX_VISIT), sentence, 0, &match))
    return ATLAS_VISIT_SENTENCE_NONE;

  g_match_info_fetch_pos (match, 0, &start, &end);
  *verb_offset = start;
  verb = g_match_info_fetch (match, 0);

  /* Receiving, greeting, being and going somewhere are visits only when
   * the official is named. */
  if ((g_str_has_prefix (verb, "empf") || g_str_has_prefix (verb, "begrüßt") || g_str_has_prefix (verb, "war") ||
       g_str_has_prefix (verb, "ging") || g_str_has_prefix (verb, "reiste") || g_str_has_prefix (verb, "fuhr")) &&
      !g_regex_match (get_regex (REGEX_OFFICIAL), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_NONE;

  if (g_regex_match (get_regex (REGEX_RECALLED), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_RECALLED;
  if (g_regex_match (get_regex (REGEX_CENTRE), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_CENTRE;
  if (g_regex_match (get_regex (REGEX_OTHER_VENUE), sentence, 0, NULL))
    return ATLAS_VISIT_SENTENCE_OTHER_VENUE;
  return ATLAS_VISIT_SENTENCE_PLACE;
}

/**
 * atlas_detect_publication_day:
 *
 * The day in Germany of @published.
 */
void
atlas_detect_publication_day (gint64  published,
                              GDate  *day)
{
  static gsize initialized = 0;
  static GTimeZone *berlin;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (published);
  g_autoptr(GDateTime) local = NULL;

  /* Looked up once: reading the zone file is most of the work. */
  if (g_once_init_enter (&initialized))
    {
      berlin = g_time_zone_new_identifier ("Europe/Berlin");
      if (berlin == NULL)
        berlin = g_time_zone_new_utc ();
      g_once_init_leave (&initialized, 1);
    }

  g_date_clear (day, 1);
  if (utc == NULL)
    {
      g_date_set_dmy (day, 1, 1, 1970);
      return;
    }
  local = g_date_time_to_timezone (utc, berlin);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

static int
month_number (const char *name)
{
  static const char *months[] = { "Jan", "Feb", "M", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez" };

  if (g_str_has_prefix (name, "Jä"))
    return 1;
  if (g_str_has_prefix (name, "Mai"))
    return 5;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (name, months[i]))
      return i + 1;
  return 0;
}

static GDateWeekday
weekday_number (const char *name)
{
  static const char *days[] = { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" };

  if (g_str_has_prefix (name, "Sonnabend"))
    return G_DATE_SATURDAY;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (g_str_has_prefix (name, days[i]))
      return i + 1;
  return G_DATE_BAD_WEEKDAY;
}

/* Dates that bound a period or a deadline: "bis zum 13. April", "seit dem
 * 1. Januar", "ab dem 3. April", "vom 22. bis 29. September". */
static gboolean
bounds_a_period (const char *sentence,
                 int         start)
{
  static const char *bounds[] = { "bis", "seit", "ab", "vom", "von", "zum", "zur", "spätestens", "Frist" };
  g_autofree char *before = g_strndup (sentence, start);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (before), " \t\n,", -1);
  guint n = g_strv_length (words);

  for (guint back = 1; back <= 2 && back <= n; back++)
    {
      g_autofree char *word = g_utf8_strdown (words[n - back], -1);

      for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
        if (g_ascii_strcasecmp (word, bounds[i]) == 0)
          return TRUE;
      /* Only an article may stand between: "bis zum", "seit dem". */
      if (!g_str_equal (word, "dem") && !g_str_equal (word, "den") && !g_str_equal (word, "der"))
        break;
    }
  return FALSE;
}

/* Reads the date of @match; FALSE if it is not a possible day. */
static gboolean
read_date (GMatchInfo    *match,
           const GDate   *published,
           gboolean       planned,
           GDate         *day)
{
  g_autofree char *rel = g_match_info_fetch_named (match, "rel");
  g_autofree char *wd = g_match_info_fetch_named (match, "wd2");
  g_autofree char *dd = g_match_info_fetch_named (match, "day");
  g_autofree char *month = g_match_info_fetch_named (match, "month");
  g_autofree char *year = g_match_info_fetch_named (match, "year");
  g_autofree char *mnum = g_match_info_fetch_named (match, "mnum");
  g_autofree char *ynum = g_match_info_fetch_named (match, "ynum");

  *day = *published;
  if (rel != NULL && *rel != '\0')
    {
      g_autofree char *lower = g_utf8_strdown (rel, -1);

      if (g_str_has_prefix (lower, "vorgestern"))
        g_date_subtract_days (day, 2);
      else if (g_str_has_prefix (lower, "gestern") || g_str_has_prefix (lower, "gestrigen"))
        g_date_subtract_days (day, 1);
      else if (g_str_has_prefix (lower, "übermorgen"))
        g_date_add_days (day, 2);
      else if (g_str_has_prefix (lower, "morgen"))
        g_date_add_days (day, 1);
      return TRUE;
    }

  if (wd != NULL && *wd != '\0')
    {
      GDateWeekday want = weekday_number (wd);

      /* The latest such day on or before publication; the next one for an
       * announcement. */
      while (g_date_get_weekday (day) != want)
        {
          if (planned)
            g_date_add_days (day, 1);
          else
            g_date_subtract_days (day, 1);
        }
      return TRUE;
    }

  if (dd != NULL && *dd != '\0')
    {
      int d = atoi (dd);
      int m = month != NULL && *month != '\0' ? month_number (month) : atoi (mnum ? mnum : "0");
      const char *y = year != NULL && *year != '\0' ? year : ynum;
      int yy = y != NULL && *y != '\0' ? atoi (y) : 0;
      gboolean year_given = yy != 0;

      if (yy > 0 && yy < 100)
        yy += 2000;
      if (!year_given)
        yy = g_date_get_year (published);
      if (m < 1 || m > 12 || yy < 1990 || yy > 2100 || !g_date_valid_dmy (d, m, yy))
        return FALSE;
      g_date_set_dmy (day, d, m, yy);

      /* "16. Januar" without a year: the one nearest the release. */
      if (!year_given && !planned && g_date_days_between (published, day) > 31)
        g_date_subtract_months (day, 12);
      else if (!year_given && planned && g_date_days_between (day, published) > 31)
        g_date_add_months (day, 12);
      return TRUE;
    }

  return FALSE;
}

/**
 * atlas_detect_visit_day:
 * @sentence: a visit sentence
 * @verb_offset: where its visit expression starts
 * @published: the release's date
 * @planned: (inout): set when the visit is still to come (a future verb, or
 *   a day after publication); read as whether to look ahead for weekdays
 * @day: (out caller-allocates): the day
 *
 * Returns: %TRUE when @sentence states the day of the visit
 */
gboolean
atlas_detect_visit_day (const char *sentence,
                        int         verb_offset,
                        gint64      published,
                        gboolean   *planned,
                        GDate      *day)
{
  g_autoptr(GMatchInfo) match = NULL;
  GDate pub;
  gboolean found = FALSE;
  int best_distance = G_MAXINT;

  atlas_detect_publication_day (published, &pub);
  if (g_regex_match (get_regex (REGEX_FUTURE), sentence, 0, NULL))
    *planned = TRUE;

  g_regex_match (get_regex (REGEX_DATE), sentence, 0, &match);
  while (g_match_info_matches (match))
    {
      int start = 0, end = 0;
      GDate candidate;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (!bounds_a_period (sentence, start) && read_date (match, &pub, *planned, &candidate))
        {
          int distance = ABS (start - verb_offset);

          if (distance < best_distance)
            {
              best_distance = distance;
              *day = candidate;
              found = TRUE;
            }
        }
      g_match_info_next (match, NULL);
    }

  if (found && g_date_compare (day, &pub) > 0)
    *planned = TRUE;
  return found;
}
