/* atlas-visit-date.c: the one home of dates as the app reads, stores,
 * orders and shows them
 *
 * A day typed anywhere (a visit's date, the period filters, the command
 * line) is read by atlas_day_parse(); a visit's date, which may be a day,
 * a month, a year, a calendar week or a range, is stored as
 * atlas_visit_parse_date() gives it, ordered by atlas_visit_sort_date()
 * and shown by atlas_format_visit_date(). The validation, the editors, the
 * importer, the exchange formats and the map use these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-visit-date.h"

/**
 * atlas_day_parse:
 * @text: 02.10.2018 (also 2.10.2018) or 2018-10-02, blanks around it allowed
 * @year: (out) (optional), @month: (out) (optional), @day: (out) (optional)
 *
 * The one reading of a day that the app takes, wherever a day is typed:
 * a visit's date, the period filters, the command line.
 *
 * Returns: whether @text is a real day between 1900 and 2999
 */
gboolean
atlas_day_parse (const char *text,
                 int        *year,
                 int        *month,
                 int        *day)
{
  int y = 0, m = 0, d = 0;
  char rest = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (sscanf (text, "%2d.%2d.%4d %c", &d, &m, &y, &rest) != 3 &&
      sscanf (text, "%4d-%2d-%2d %c", &y, &m, &d, &rest) != 3)
    return FALSE;
  if (y < ATLAS_FIRST_YEAR || y > ATLAS_LAST_YEAR || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/* One end of a date: dd.mm.yyyy or yyyy-mm-dd, as yyyy-mm-dd. */
static char *
parse_day (const char *text)
{
  int y, m, d;

  if (atlas_day_parse (text, &y, &m, &d))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return NULL;
}

/**
 * atlas_visit_parse_date:
 * @text: a date as typed: 02.10.2018, 2018-10-02; 10/2018 or 2018-10 when
 *   only the month is known; 2018; a calendar week (KW 31/2017, week
 *   31/2017, 2017-W31); a range (31.07.–15.08.2017, 31.07.2017–15.08.2017,
 *   or start/end)
 *
 * Returns: (transfer full) (nullable): the date as stored (2018-10-02,
 *   2018-10, 2018, 2017-W31, start/end), %NULL when @text is none of these
 */
char *
atlas_visit_parse_date (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *day = NULL;
  int y = 0, m = 0, w = 0, d = 0;
  char rest = 0;
  const char *dash;

  if (*t == '\0')
    return NULL;
  if ((day = parse_day (t)) != NULL)
    return g_steal_pointer (&day);

  /* Ranges: start/end, or with a dash (en dash or hyphen) between German dates. */
  if ((dash = strchr (t, '/')) != NULL && strchr (t, '-') != NULL)
    {
      g_autofree char *a = g_strndup (t, dash - t);
      g_autofree char *start = parse_day (a);
      g_autofree char *end = parse_day (dash + 1);

      if (start && end && strcmp (start, end) <= 0)
        return g_strconcat (start, "/", end, NULL);
      return NULL;
    }
  if ((dash = strstr (t, "–")) != NULL || ((dash = strchr (t, '-')) != NULL && strchr (t, '.') != NULL))
    {
      gsize skip = g_str_has_prefix (dash, "–") ? strlen ("–") : 1;
      g_autofree char *a = g_strstrip (g_strndup (t, dash - t));
      g_autofree char *b = g_strstrip (g_strdup (dash + skip));
      g_autofree char *end = parse_day (b);
      g_autofree char *start = parse_day (a);

      /* 31.07.–15.08.2017: the start without its year */
      if (start == NULL && end != NULL && sscanf (a, "%2d.%2d.%c", &d, &m, &rest) == 2)
        {
          g_autofree char *with_year = g_strdup_printf ("%s%.4s", a, end);

          start = parse_day (with_year);
        }
      if (start && end && strcmp (start, end) <= 0)
        return g_strconcat (start, "/", end, NULL);
      return NULL;
    }

  if ((sscanf (t, "%2d/%4d%c", &m, &y, &rest) == 2 || sscanf (t, "%2d.%4d%c", &m, &y, &rest) == 2 ||
       sscanf (t, "%4d-%2d%c", &y, &m, &rest) == 2) && m >= 1 && m <= 12 && y >= ATLAS_FIRST_YEAR && y <= ATLAS_LAST_YEAR)
    return g_strdup_printf ("%04d-%02d", y, m);

  if ((sscanf (t, "KW %2d/%4d%c", &w, &y, &rest) == 2 || sscanf (t, "week %2d/%4d%c", &w, &y, &rest) == 2 ||
       sscanf (t, "%4d-W%2d%c", &y, &w, &rest) == 2) && w >= 1 && w <= 53 && y >= ATLAS_FIRST_YEAR && y <= ATLAS_LAST_YEAR)
    return g_strdup_printf ("%04d-W%02d", y, w);

  if (sscanf (t, "%4d%c", &y, &rest) == 1 && strlen (t) == 4 && y >= ATLAS_FIRST_YEAR && y <= ATLAS_LAST_YEAR)
    return g_strdup_printf ("%04d", y);

  return NULL;
}

/**
 * atlas_visit_sort_date:
 * @date: a date as stored (see atlas_visit_parse_date())
 *
 * Returns: (transfer full) (nullable): the first day it can mean, as
 *   yyyy-mm-dd, for ordering the tour
 */
char *
atlas_visit_sort_date (const char *date)
{
  g_autofree char *stored = atlas_visit_parse_date (date);
  int y = 0, w = 0;

  if (stored == NULL)
    return NULL;
  if (strlen (stored) >= 10 && stored[4] == '-' && stored[7] == '-')
    return g_strndup (stored, 10);
  if (strlen (stored) == 7 && stored[4] == '-')
    return g_strconcat (stored, "-01", NULL);
  if (strlen (stored) == 4)
    return g_strconcat (stored, "-01-01", NULL);
  if (sscanf (stored, "%4d-W%2d", &y, &w) == 2)
    {
      /* ISO 8601: week 1 holds the 4 January; weeks start on Monday. */
      g_autoptr(GDateTime) jan4 = g_date_time_new_utc (y, 1, 4, 0, 0, 0);
      g_autoptr(GDateTime) monday = g_date_time_add_days (jan4, 1 - g_date_time_get_day_of_week (jan4) + 7 * (w - 1));

      return g_date_time_format (monday, "%Y-%m-%d");
    }
  return NULL;
}

/**
 * atlas_format_visit_date:
 * @date: as stored: 2018-10-02, 2019-08, 2018, 2017-W31 or start/end
 *
 * Returns: (transfer full): the date as German readers write it, keeping
 *   its uncertainty: 02.10.2018, 08/2019, 2018, KW 31/2017, 31.07.–15.08.2017
 */
char *
atlas_format_visit_date (const char *date)
{
  int y, m, d, w, y2, m2, d2;
  char rest;

  if (date == NULL)
    return g_strdup ("");

  if (sscanf (date, "%4d-%2d-%2d/%4d-%2d-%2d%c", &y, &m, &d, &y2, &m2, &d2, &rest) == 6)
    {
      if (y == y2)
        return g_strdup_printf ("%02d.%02d.–%02d.%02d.%04d", d, m, d2, m2, y2);
      return g_strdup_printf ("%02d.%02d.%04d–%02d.%02d.%04d", d, m, y, d2, m2, y2);
    }
  if (sscanf (date, "%4d-W%2d%c", &y, &w, &rest) == 2)
    /* Translators: a calendar week: week number, year. */
    return g_strdup_printf (_("week %d/%d"), w, y);
  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
  if (sscanf (date, "%4d-%2d%c", &y, &m, &rest) == 2)
    return g_strdup_printf ("%02d/%04d", m, y);

  return g_strdup (date);
}
