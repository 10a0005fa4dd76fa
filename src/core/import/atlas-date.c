/* atlas-date.c: the dates press releases are written with
 *
 * RFC 822 (RSS, also with German day and month names), RFC 3339 / ISO 8601
 * in extended and basic form (Atom, NewsML-G2, NITF's norm attributes), and
 * the dates German press releases give in their text ("am heutigen
 * Dienstag, 2. Oktober 2018", "gestern").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-text.h"

typedef struct {
  const char *name;  /* folded, as atlas_text_fold_search() writes it */
  int month;
} MonthName;

/* English and German, full and abbreviated; "mae" is "Mä(rz)" folded. */
static const MonthName month_names[] = {
  { "january", 1 }, { "januar", 1 }, { "jan", 1 }, { "jaenner", 1 },
  { "february", 2 }, { "februar", 2 }, { "feb", 2 },
  { "march", 3 }, { "maerz", 3 }, { "mar", 3 }, { "maer", 3 }, { "mrz", 3 },
  { "april", 4 }, { "apr", 4 },
  { "may", 5 }, { "mai", 5 },
  { "june", 6 }, { "juni", 6 }, { "jun", 6 },
  { "july", 7 }, { "juli", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "october", 10 }, { "oktober", 10 }, { "oct", 10 }, { "okt", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dezember", 12 }, { "dec", 12 }, { "dez", 12 },
};

static int
month_from_name (const char *word)
{
  g_autofree char *folded = atlas_text_fold_search (word);
  gsize len = strlen (folded);

  /* "Okt." and "Dec." carry a dot. */
  if (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (folded, month_names[i].name))
      return month_names[i].month;

  return 0;
}

/* Offsets in minutes east of UTC for the zone names RFC 822 allows. */
static gboolean
zone_offset (const char *zone,
             int        *minutes)
{
  static const struct { const char *name; int minutes; } zones[] = {
    { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
    { "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
    { "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
    { "CET", 60 }, { "CEST", 120 }, { "MEZ", 60 }, { "MESZ", 120 },
    { "Etc/GMT", 0 }, { "Etc/UTC", 0 },
  };

  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 5 &&
      g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) &&
      g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]))
    {
      int hh = (zone[1] - '0') * 10 + (zone[2] - '0');
      int mm = (zone[3] - '0') * 10 + (zone[4] - '0');

      if (hh > 23 || mm > 59)
        return FALSE;
      *minutes = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_ascii_strcasecmp (zone, zones[i].name) == 0)
      {
        *minutes = zones[i].minutes;
        return TRUE;
      }

  /* RFC 2822 §4.3: other zone names (military letters, local names) are
   * read as UTC, "-0000". */
  for (const char *p = zone; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  *minutes = 0;
  return *zone != '\0' && strlen (zone) <= 5;
}

static gboolean
make_utc (int     year,
          int     month,
          int     day,
          int     hour,
          int     minute,
          double  seconds,
          int     offset_minutes,
          gint64 *unix_utc)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_minutes * 60);
  g_autoptr(GDateTime) dt = NULL;

  if (year < 1970 || year > 2100 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  dt = g_date_time_new (tz, year, month, day, hour, minute, seconds);
  if (dt == NULL)
    return FALSE;

  *unix_utc = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
parse_number (const char *word,
              int        *value)
{
  char *end = NULL;
  gint64 v;

  if (word == NULL || !g_ascii_isdigit (word[0]))
    return FALSE;

  v = g_ascii_strtoll (word, &end, 10);
  if (*end == '.')  /* "2." as German day numbers are written */
    end++;
  if (*end != '\0' || v > 99999)
    return FALSE;

  *value = (int) v;
  return TRUE;
}

/**
 * atlas_date_parse_rfc822:
 * @text: a date such as "Tue, 02 Oct 2018 10:15:00 +0200" or
 *   "Di, 2 Okt 2018 10:15 MESZ"
 * @unix_utc: (out): seconds since the epoch
 *
 * Returns: %TRUE when @text is a valid, possible date
 */
gboolean
atlas_date_parse_rfc822 (const char *text,
                         gint64     *unix_utc)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  int day, month, year, hour = 0, minute = 0, offset = 0;
  double seconds = 0;
  guint i = 0;

  if (text == NULL)
    return FALSE;

  words = g_strsplit_set (text, " \t\r\n,", -1);
  for (guint w = 0; words[w]; w++)
    if (*words[w] != '\0')
      g_ptr_array_add (parts, words[w]);

  /* An optional day name in front, English or German. */
  if (i < parts->len && g_ascii_isalpha (((char *) parts->pdata[i])[0]) &&
      month_from_name (parts->pdata[i]) == 0)
    i++;

  if (i + 3 > parts->len)
    return FALSE;

  if (!parse_number (parts->pdata[i], &day))
    return FALSE;
  month = month_from_name (parts->pdata[i + 1]);
  if (month == 0 || !parse_number (parts->pdata[i + 2], &year))
    return FALSE;
  i += 3;

  /* Two-digit years (RFC 822 proper): 70–99 are 19xx. */
  if (year < 100)
    year += year < 70 ? 2000 : 1900;

  if (i < parts->len)
    {
      const char *t = parts->pdata[i];
      int n;

      n = sscanf (t, "%2d:%2d:%lf", &hour, &minute, &seconds);
      if (n < 2 || hour > 23 || minute > 59 || seconds < 0 || seconds >= 61)
        return FALSE;
      if (seconds >= 60)
        seconds = 59;  /* a leap second */
      i++;
    }

  if (i < parts->len)
    {
      if (!zone_offset (parts->pdata[i], &offset))
        return FALSE;
      i++;
    }

  /* Trailing words ("(CEST)") are comments. */
  if (i < parts->len && ((char *) parts->pdata[i])[0] != '(')
    return FALSE;

  return make_utc (year, month, day, hour, minute, seconds, offset, unix_utc);
}

/**
 * atlas_date_parse_iso8601:
 * @text: "2018-10-02T10:15:00+02:00", "2018-10-02T10:15Z" (W3C-DTF allows
 *   the seconds left out), "2018-10-02", "2018-10", "2018",
 *   "20181002T101500+0200" (NITF's norm), "2018-10-02 10:15:00"
 *
 * A time without a zone is the publisher's: German time (Europe/Berlin).
 * A date alone is midnight UTC of that day, a month or a year alone its
 * first day.
 */
gboolean
atlas_date_parse_iso8601 (const char *text,
                          gint64     *unix_utc)
{
  static GRegex *form = NULL;
  static gsize made = 0;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;
  int y, mo = 1, d = 1, h = 0, mi = 0;
  double sec = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  /* ISO 8601 is ASCII; GRegex wants valid UTF-8 anyway. */
  for (const char *p = copy; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  /* Extended or basic form; T or a space between date and time. Made
   * once: imports read many dates. */
  if (g_once_init_enter (&made))
    {
      form = g_regex_new ("^(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2})"
                          "(?:[T ](\\d{1,2}):?(\\d{2})(?::?(\\d{1,2}(?:[.,]\\d+)?))?"
                          "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?$",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&made, 1);
    }
  if (!g_regex_match (form, copy, 0, &match))
    return FALSE;

  {
    g_autofree char *ys = g_match_info_fetch (match, 1);
    g_autofree char *mos = g_match_info_fetch (match, 2);
    g_autofree char *ds = g_match_info_fetch (match, 3);
    g_autofree char *hs = g_match_info_fetch (match, 4);
    g_autofree char *mis = g_match_info_fetch (match, 5);
    g_autofree char *ss = g_match_info_fetch (match, 6);
    g_autofree char *zs = g_match_info_fetch (match, 7);

    y = atoi (ys);
    if (mos && *mos)
      mo = atoi (mos);
    if (ds && *ds)
      d = atoi (ds);
    /* A year written as eight digits alone is a basic-form date, not a
     * year and a month. */
    if (mos && *mos && !(ds && *ds) && strchr (copy, '-') == NULL)
      return FALSE;

    if (!(hs && *hs))
      return make_utc (y, mo, d, 0, 0, 0, 0, unix_utc);

    h = atoi (hs);
    mi = atoi (mis);
    if (ss && *ss)
      {
        char *comma = strchr (ss, ',');

        if (comma)
          *comma = '.';
        sec = g_ascii_strtod (ss, NULL);
      }
    if (h > 23 || mi > 59 || sec >= 61)
      return FALSE;
    if (sec >= 60)
      sec = 59;  /* a leap second */

    if (zs && *zs)
      {
        int offset = 0;

        if (g_ascii_toupper (zs[0]) != 'Z')
          {
            int hh = (zs[1] - '0') * 10 + (zs[2] - '0'), mm = 0;
            const char *rest = zs + 3;

            if (*rest == ':')
              rest++;
            if (*rest)
              mm = atoi (rest);
            if (hh > 23 || mm > 59)
              return FALSE;
            offset = (zs[0] == '-' ? -1 : 1) * (hh * 60 + mm);
          }
        return make_utc (y, mo, d, h, mi, sec, offset, unix_utc);
      }
  }

  /* No zone: the publisher's, German time. */
  zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (zone == NULL || y < 1970 || y > 2100 || !g_date_valid_dmy (d, mo, y))
    return FALSE;
  dt = g_date_time_new (zone, y, mo, d, h, mi, sec);
  if (dt == NULL)
    return FALSE;
  *unix_utc = g_date_time_to_unix (dt);
  return TRUE;
}

/* "06.06.2012 13:05" or "06.06.2012", German time, as some German feeds
 * write their dates. */
static gboolean
parse_german_numeric (const char *text,
                      gint64     *unix_utc)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) dt = NULL;
  int day, month, year, hour = 0, minute = 0, n;
  char rest = 0;

  n = sscanf (text, " %2d.%2d.%4d %2d:%2d %c", &day, &month, &year, &hour, &minute, &rest);
  if ((n != 3 && n != 5) || rest != 0 || berlin == NULL)
    return FALSE;
  if (year < 1970 || year > 2100 || !g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59)
    return FALSE;

  dt = g_date_time_new (berlin, year, month, day, hour, minute, 0);
  if (dt == NULL)
    return FALSE;
  *unix_utc = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * atlas_date_parse_any:
 *
 * Tries ISO 8601 first, then RFC 822, then the German numeric form.
 */
gboolean
atlas_date_parse_any (const char *text,
                      gint64     *unix_utc)
{
  return atlas_date_parse_iso8601 (text, unix_utc) ||
         atlas_date_parse_rfc822 (text, unix_utc) ||
         (text != NULL && parse_german_numeric (text, unix_utc));
}

static void
date_from_unix (gint64  unix_utc,
                int     days_back,
                GDate  *date)
{
  /* Releases are written in Germany: "heute" is the Berlin day. */
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, berlin ? berlin : utc_zone);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  if (days_back > 0)
    g_date_subtract_days (date, days_back);
}

/**
 * atlas_date_from_german_text:
 * @text: the text of a release
 * @published: when it was published (seconds, UTC), or 0 if unknown
 * @date: (out caller-allocates): the day the text says the event was
 *
 * Finds the day a release reports: a full date in the text ("2. Oktober
 * 2018", "02.10.2018"), else "gestern" or "heute"/"am heutigen …" relative
 * to @published.
 *
 * Returns: %TRUE when the text names a day
 */
gboolean
atlas_date_from_german_text (const char *text,
                             gint64      published,
                             GDate      *date)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  words = g_strsplit_set (text, " \t\r\n,;()", -1);
  for (guint i = 0; words[i]; i++)
    {
      int day, month, year;

      /* "2. Oktober 2018" */
      if (g_ascii_isdigit (words[i][0]) && parse_number (words[i], &day) && day >= 1 && day <= 31 &&
          words[i + 1] != NULL && (month = month_from_name (words[i + 1])) != 0 &&
          words[i + 2] != NULL && parse_number (words[i + 2], &year) &&
          year >= 1990 && year <= 2100 && g_date_valid_dmy (day, month, year))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }

      /* "02.10.2018" */
      if (g_ascii_isdigit (words[i][0]) && strchr (words[i], '.') != NULL &&
          sscanf (words[i], "%2d.%2d.%4d", &day, &month, &year) == 3 &&
          year >= 1990 && year <= 2100 && g_date_valid_dmy (day, month, year))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }
    }

  if (published <= 0)
    return FALSE;

  /* Folding is only needed for the words below; lower case will do. */
  folded = g_ascii_strdown (text, -1);
  if (strstr (folded, "vorgestern") != NULL)
    {
      date_from_unix (published, 2, date);
      return TRUE;
    }
  if (strstr (folded, "gestern") != NULL)
    {
      date_from_unix (published, 1, date);
      return TRUE;
    }
  if (strstr (folded, "heute") != NULL || strstr (folded, "am heutigen") != NULL)
    {
      date_from_unix (published, 0, date);
      return TRUE;
    }

  return FALSE;
}
