/* atlas-validate.c: the rules a field's text must follow before it is saved
 *
 * Every check accepts an empty field (nothing known yet is not an error)
 * except ATLAS_CHECK_REQUIRED. A failed check returns a sentence that says
 * what is wrong and what would be right, for the user to read beside the
 * field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "atlas-validate.h"
#include "atlas-visit-date.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A domain: labels of letters (any script), digits and inner hyphens,
 * at least two, the last one letters only. */
static gboolean
domain_ok (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *l = labels[i];
      gsize len = strlen (l);

      if (len == 0 || len > 63 || l[0] == '-' || l[len - 1] == '-')
        return FALSE;
      for (const char *p = l; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!(g_unichar_isalnum (c) || c == '-'))
            return FALSE;
          if (i == n - 1 && !g_unichar_isalpha (c))
            return FALSE;
        }
    }

  return strlen (labels[n - 1]) >= 2;
}

static gboolean
email_ok (const char *text)
{
  const char *at = strrchr (text, '@');
  g_autofree char *local = NULL;

  if (at == NULL || at == text || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  local = g_strndup (text, at - text);
  if (local[0] == '.' || g_str_has_suffix (local, ".") || strstr (local, "..") != NULL)
    return FALSE;
  for (const char *p = local; *p; p++)
    if (!(g_ascii_isalnum (*p) || strchr (".!#$%&'*+/=?^_`{|}~-", *p) != NULL ||
          (guchar) *p >= 0x80))
      return FALSE;

  return domain_ok (at + 1);
}

/* German numbers as people write them: «0211 837-2417», «(0211) 8372417»,
 * «0211/837 24 17», «+49 211 837-2417», «+49 (0)211 837 2417», with an
 * extension after a hyphen. A national number starts with 0, an
 * international one with + or 00; between 6 and 15 digits in all. */
static gboolean
phone_ok (const char *text)
{
  guint digits = 0;
  int depth = 0;
  gboolean started = FALSE;
  char first = 0;

  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if (g_ascii_isdigit (c))
        {
          if (!started)
            first = c;
          started = TRUE;
          digits++;
        }
      else if (c == '+')
        {
          if (started || p != text)
            return FALSE;
          first = '+';
          started = TRUE;
        }
      else if (c == '(')
        {
          if (++depth > 1)
            return FALSE;
        }
      else if (c == ')')
        {
          if (--depth < 0)
            return FALSE;
        }
      else if (c != ' ' && c != '-' && c != '/' && c != '.')
        return FALSE;
    }

  return depth == 0 && (first == '0' || first == '+') && digits >= 6 && digits <= 15;
}

static gboolean
url_ok (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    return FALSE;
  host = g_uri_get_host (uri);
  if (host == NULL || strchr (text, ' ') != NULL)
    return FALSE;

  return domain_ok (host) || g_str_equal (host, "localhost");
}

/* dd.mm.yyyy (also d.m.yyyy) or yyyy-mm-dd; NULL unless a real day. */
static GDateTime *
parse_date (const char *text)
{
  int d, m, y;

  if (!atlas_day_parse (text, &y, &m, &d))
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* Returns the first item of the list that fails @ok, or NULL. */
static char *
first_bad_item (const char *text,
                gboolean  (*ok) (const char *))
{
  g_auto(GStrv) items = atlas_list_split (text);

  for (guint i = 0; items[i]; i++)
    if (!ok (items[i]))
      return g_strdup (items[i]);

  return NULL;
}

/**
 * atlas_validate:
 * @text: (nullable): what the user typed
 *
 * Returns: (transfer full) (nullable): %NULL when @text may be saved,
 *   otherwise a translated explanation
 */
/* For a date written like 31.02.2017 whose day does not exist: says so,
 * rather than that it is no date at all. NULL for anything else. */
static char *
impossible_day (const char *text)
{
  unsigned day, month, year;
  int end = 0;

  if (sscanf (text, "%2u.%2u.%4u%n", &day, &month, &year, &end) != 3 || text[end] != '\0' ||
      year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 ||
      g_date_valid_dmy (day, month, year))
    return NULL;
  /* TRANSLATORS: %s is the date as typed, %u the number of days of its month */
  return g_strdup_printf (ngettext ("There is no %s: that month has %u day.",
                                    "There is no %s: that month has %u days.",
                                    g_date_get_days_in_month (month, year)),
                          text, (unsigned) g_date_get_days_in_month (month, year));
}

char *
atlas_validate (AtlasCheck  check,
                const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (check == ATLAS_CHECK_REQUIRED)
    return is_blank (stripped) ? g_strdup (_("This field cannot be empty.")) : NULL;

  if (*stripped == '\0')
    return NULL;

  switch (check)
    {
    case ATLAS_CHECK_EMAIL:
      if (!email_ok (stripped))
        return g_strdup (_("Not an e-mail address. Write it like name@example.de."));
      return NULL;

    case ATLAS_CHECK_EMAILS:
      {
        g_autofree char *bad = first_bad_item (stripped, email_ok);

        if (bad == NULL)
          return NULL;
        /* TRANSLATORS: %s is what the user typed */
        return g_strdup_printf (_("“%s” is not an e-mail address. Write it like name@example.de and separate several with commas."), bad);
      }

    case ATLAS_CHECK_PHONE:
      if (!phone_ok (stripped))
        return g_strdup (_("Not a phone number. Write it like 0211 837-2417 or +49 211 837-2417."));
      return NULL;

    case ATLAS_CHECK_PHONES:
      {
        g_autofree char *bad = first_bad_item (stripped, phone_ok);

        if (bad == NULL)
          return NULL;
        /* TRANSLATORS: %s is what the user typed */
        return g_strdup_printf (_("“%s” is not a phone number. Write it like 0211 837-2417 and separate several with commas."), bad);
      }

    case ATLAS_CHECK_POSTAL_CODE:
      if (strlen (stripped) != 5 || strspn (stripped, "0123456789") != 5 ||
          g_str_has_prefix (stripped, "00"))
        return g_strdup (_("A postal code has five digits, like 40213."));
      return NULL;

    case ATLAS_CHECK_URL:
      if (!url_ok (stripped))
        return g_strdup (_("Not a web address. Write it with http:// or https://, like https://www.example.de."));
      return NULL;

    case ATLAS_CHECK_DATE:
      {
        g_autoptr(GDateTime) dt = parse_date (stripped);

        if (dt == NULL)
          {
            char *impossible = impossible_day (stripped);

            return impossible ? impossible : g_strdup (_("Not a date. Write it like 22.11.2026."));
          }
        return NULL;
      }

    case ATLAS_CHECK_VISIT_DATE:
      {
        g_autofree char *stored = atlas_visit_parse_date (stripped);

        if (stored == NULL)
          {
            char *impossible = impossible_day (stripped);

            return impossible ? impossible
                              : g_strdup (_("Not a date. Write it like 02.10.2018; when only the month or year is known, like 10/2018 or 2018; a range like 31.07.–15.08.2017."));
          }
        return NULL;
      }

    case ATLAS_CHECK_NONE:
    case ATLAS_CHECK_REQUIRED:
    default:
      return NULL;
    }
}

/**
 * atlas_validate_normalize:
 *
 * Returns: (transfer full): @text as it is stored: without leading and
 *   trailing blanks, lists joined with ", ", dates as yyyy-mm-dd. Only
 *   for text that atlas_validate() accepted.
 */
char *
atlas_validate_normalize (AtlasCheck  check,
                          const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  switch (check)
    {
    case ATLAS_CHECK_EMAILS:
    case ATLAS_CHECK_PHONES:
      {
        g_auto(GStrv) items = atlas_list_split (stripped);

        return atlas_list_join ((const char * const *) items);
      }

    case ATLAS_CHECK_DATE:
      {
        g_autoptr(GDateTime) dt = parse_date (stripped);

        if (dt != NULL)
          return g_date_time_format (dt, "%Y-%m-%d");
        return g_steal_pointer (&stripped);
      }

    case ATLAS_CHECK_VISIT_DATE:
      {
        char *stored = atlas_visit_parse_date (stripped);

        return stored ? stored : g_steal_pointer (&stripped);
      }

    case ATLAS_CHECK_NONE:
    case ATLAS_CHECK_REQUIRED:
    case ATLAS_CHECK_EMAIL:
    case ATLAS_CHECK_PHONE:
    case ATLAS_CHECK_POSTAL_CODE:
    case ATLAS_CHECK_URL:
    default:
      return g_steal_pointer (&stripped);
    }
}

/**
 * atlas_validate_display:
 *
 * Returns: (transfer full): the stored text as the user sees it: dates as
 *   dd.mm.yyyy, everything else unchanged
 */
char *
atlas_validate_display (AtlasCheck  check,
                        const char *stored)
{
  if (check == ATLAS_CHECK_VISIT_DATE && stored != NULL && *stored != '\0')
    return atlas_format_visit_date (stored);

  if (check == ATLAS_CHECK_DATE && stored != NULL)
    {
      g_autoptr(GDateTime) dt = parse_date (stored);

      if (dt != NULL)
        return g_date_time_format (dt, "%d.%m.%Y");
    }

  return g_strdup (stored ? stored : "");
}

AtlasCheck
atlas_centre_field_check (AtlasCentreField field)
{
  switch (field)
    {
    case ATLAS_CENTRE_NAME:
      return ATLAS_CHECK_REQUIRED;
    case ATLAS_CENTRE_POSTAL_CODE:
      return ATLAS_CHECK_POSTAL_CODE;
    case ATLAS_CENTRE_PHONE:
      return ATLAS_CHECK_PHONE;
    case ATLAS_CENTRE_EMAIL:
      return ATLAS_CHECK_EMAIL;
    case ATLAS_CENTRE_WEBSITE:
      return ATLAS_CHECK_URL;
    case ATLAS_CENTRE_VERIFIED_ON:
      return ATLAS_CHECK_DATE;
    case ATLAS_CENTRE_AGS:
    case ATLAS_CENTRE_DISTRICT:
    case ATLAS_CENTRE_STREET:
    case ATLAS_CENTRE_CITY:
    case ATLAS_CENTRE_HEAD:
    case ATLAS_CENTRE_FOCUS:
    case ATLAS_CENTRE_NOTES:
    case ATLAS_CENTRE_N_FIELDS:
    default:
      return ATLAS_CHECK_NONE;
    }
}

AtlasCheck
atlas_contact_field_check (AtlasContactField field)
{
  switch (field)
    {
    case ATLAS_CONTACT_PHONES:
      return ATLAS_CHECK_PHONES;
    case ATLAS_CONTACT_EMAILS:
      return ATLAS_CHECK_EMAILS;
    case ATLAS_CONTACT_HONORIFIC:
    case ATLAS_CONTACT_GIVEN_NAME:
    case ATLAS_CONTACT_FAMILY_NAME:
    case ATLAS_CONTACT_ROLE:
    case ATLAS_CONTACT_ORGANISATION:
    case ATLAS_CONTACT_CENTRE_AGS:
    case ATLAS_CONTACT_NOTES:
    case ATLAS_CONTACT_TAGS:
    case ATLAS_CONTACT_N_FIELDS:
    default:
      return ATLAS_CHECK_NONE;
    }
}

/**
 * atlas_list_split:
 * @text: (nullable): items separated by commas, semicolons or new lines
 *
 * Returns: (transfer full): the items without blanks around them, empty
 *   ones left out
 */
char **
atlas_list_split (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;\n", -1);
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (items, parts[i]);
    }

  return g_strv_builder_end (items);
}

char *
atlas_list_join (const char * const *items)
{
  return g_strjoinv (", ", (char **) items);
}

/**
 * atlas_list_union:
 *
 * Returns: (transfer full): the items of @a, then those of @b that @a
 *   lacks (compared without case), joined with ", "
 */
char *
atlas_list_union (const char *a,
                  const char *b)
{
  g_auto(GStrv) items_a = atlas_list_split (a);
  g_auto(GStrv) items_b = atlas_list_split (b);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GStrv lists[] = { items_a, items_b };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i]; i++)
      {
        char *key = g_utf8_casefold (lists[l][i], -1);

        if (g_hash_table_add (seen, key))
          g_strv_builder_add (out, lists[l][i]);
      }

  joined = g_strv_builder_end (out);
  return atlas_list_join ((const char * const *) joined);
}

AtlasCheck
atlas_visit_field_check (AtlasVisitField field)
{
  return field == ATLAS_VISIT_DATE ? ATLAS_CHECK_VISIT_DATE : ATLAS_CHECK_NONE;
}
