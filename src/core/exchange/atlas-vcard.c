/* atlas-vcard.c: contacts as vCard
 *
 * Export writes vCard 4.0 (RFC 6350). Import reads vCard 2.1, 3.0 and 4.0
 * (folded lines, quoted-printable, charsets).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-contact-io-private.h"
#include "atlas-record.h"
#include "atlas-text.h"
#include "atlas-validate.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ',': g_string_append (out, "\\,"); break;
      case ';': g_string_append (out, "\\;"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
}

/* Appends a content line, folded after 75 octets without splitting a
 * character (RFC 6350, 3.2). */
static void
append_line (GString    *out,
             const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gsize len = g_utf8_next_char (p) - p;

      if (width + len > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, len);
      width += len;
    }
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_line (out, line->str);
}

static void
append_list_property (GString    *out,
                      const char *name,
                      const char *list,
                      gboolean    one_line)
{
  g_auto(GStrv) items = atlas_list_split (list);
  g_autoptr(GString) line = NULL;

  if (items[0] == NULL)
    return;
  if (!one_line)
    {
      for (guint i = 0; items[i]; i++)
        append_property (out, name, items[i]);
      return;
    }

  line = g_string_new (name);
  g_string_append_c (line, ':');
  for (guint i = 0; items[i]; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_escaped (line, items[i]);
    }
  append_line (out, line->str);
}

/**
 * atlas_contacts_to_vcard:
 * @contacts: (element-type AtlasContact)
 *
 * Returns: (transfer full): the contacts as vCard 4.0, UTF-8, CRLF lines
 */
char *
atlas_contacts_to_vcard (GPtrArray *contacts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      AtlasContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *fn = atlas_contact_dup_display_name (c);
      g_autoptr(GString) n = g_string_new ("N:");

      append_line (out, "BEGIN:VCARD");
      append_line (out, "VERSION:4.0");
      append_property (out, "FN", *fn ? fn : "-");
      /* N: family; given; additional; prefixes; suffixes */
      append_escaped (n, atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME));
      g_string_append_c (n, ';');
      append_escaped (n, atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME));
      g_string_append (n, ";;");
      append_escaped (n, atlas_contact_get_field (c, ATLAS_CONTACT_HONORIFIC));
      g_string_append_c (n, ';');
      append_line (out, n->str);
      append_property (out, "ORG", atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION));
      append_property (out, "TITLE", atlas_contact_get_field (c, ATLAS_CONTACT_ROLE));
      append_list_property (out, "TEL;VALUE=text", atlas_contact_get_field (c, ATLAS_CONTACT_PHONES), FALSE);
      append_list_property (out, "EMAIL", atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS), FALSE);
      append_property (out, "NOTE", atlas_contact_get_field (c, ATLAS_CONTACT_NOTES));
      append_list_property (out, "CATEGORIES", atlas_contact_get_field (c, ATLAS_CONTACT_TAGS), TRUE);
      /* Always, empty for none: a contact the user keeps apart from any
       * centre stays so when the file is read back (see import_one()). */
      if (*atlas_contact_get_field (c, ATLAS_CONTACT_CENTRE_AGS) == '\0')
        append_line (out, "X-INTEGRATIONSATLAS-AGS:");
      else
        append_property (out, "X-INTEGRATIONSATLAS-AGS", atlas_contact_get_field (c, ATLAS_CONTACT_CENTRE_AGS));
      append_line (out, "END:VCARD");
    }

  return g_string_free (out, FALSE);
}

/* Undoes \n, \, \; \\ (and \N). */
static char *
vcard_unescape (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\\' && i + 1 < len)
        {
          char next = text[++i];

          g_string_append_c (out, next == 'n' || next == 'N' ? '\n' : next);
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* Splits at unescaped @sep, unescaping each part. */
static char **
vcard_split (const char *value,
             char        sep)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  const char *start = value;

  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == sep || *p == '\0')
        {
          g_autofree char *part = vcard_unescape (start, p - start);

          g_strv_builder_add (parts, part);
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return g_strv_builder_end (parts);
}

static char *
decode_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Unfolds the logical lines of a vCard file: a line starting with a blank
 * continues the one before; a quoted-printable line ending in = too. */
static GPtrArray *
vcard_lines (const char *text,
             GArray     *numbers)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  guint current_number = 0;
  gboolean qp_soft_break = FALSE;

  for (guint i = 0; raw[i]; i++)
    {
      char *line = raw[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (current != NULL && (qp_soft_break || line[0] == ' ' || line[0] == '\t'))
        {
          g_string_append (current, qp_soft_break ? line : line + 1);
        }
      else
        {
          if (current != NULL)
            {
              g_ptr_array_add (lines, g_string_free (current, FALSE));
              g_array_append_val (numbers, current_number);
            }
          current = g_string_new (line);
          current_number = i + 1;
        }

      qp_soft_break = FALSE;
      if (current->len > 0 && current->str[current->len - 1] == '=')
        {
          g_autofree char *upper = g_ascii_strup (current->str, -1);
          char *colon = strchr (upper, ':');

          if (colon != NULL && strstr (upper, "QUOTED-PRINTABLE") != NULL &&
              strstr (upper, "QUOTED-PRINTABLE") < colon)
            {
              g_string_truncate (current, current->len - 1);
              qp_soft_break = TRUE;
            }
        }
    }
  if (current != NULL)
    {
      g_ptr_array_add (lines, g_string_free (current, FALSE));
      g_array_append_val (numbers, current_number);
    }

  return lines;
}

static char *
param_value (char      **params,
             const char *name)
{
  gsize n = strlen (name);

  for (guint i = 0; params[i]; i++)
    if (g_ascii_strncasecmp (params[i], name, n) == 0 && params[i][n] == '=')
      {
        const char *v = params[i] + n + 1;

        if (*v == '"')
          return g_strndup (v + 1, MAX (strlen (v), 2) - 2);
        return g_strdup (v);
      }
  return NULL;
}

static gboolean
has_bare_param (char      **params,
                const char *name)
{
  for (guint i = 0; params[i]; i++)
    if (g_ascii_strcasecmp (params[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
vcard_property (AtlasContact *contact,
                const char   *line,
                gboolean     *has_n)
{
  const char *colon = strchr (line, ':');
  g_autofree char *head = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *charset = NULL;
  const char *name;
  char *dot;

  if (colon == NULL)
    return;

  head = g_strndup (line, colon - line);
  params = g_strsplit (head, ";", -1);
  if (params[0] == NULL)  /* a line that starts with the colon */
    return;
  name = params[0];
  if ((dot = strrchr (name, '.')) != NULL)  /* item1.EMAIL */
    name = dot + 1;

  value = g_strdup (colon + 1);
  encoding = param_value (params + 1, "ENCODING");
  if ((encoding != NULL && g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0) ||
      has_bare_param (params + 1, "QUOTED-PRINTABLE"))
    {
      char *decoded = decode_quoted_printable (value);

      g_free (value);
      value = decoded;
    }
  else if (encoding != NULL)
    return;  /* base64: photos, keys */

  /* The file as a whole is UTF-8 by now; only quoted-printable bytes can
   * still be in the property's own charset. */
  charset = param_value (params + 1, "CHARSET");
  if (charset != NULL && !g_utf8_validate (value, -1, NULL))
    {
      char *converted = g_convert (value, -1, "UTF-8", charset, NULL, NULL, NULL);

      if (converted != NULL)
        {
          g_free (value);
          value = converted;
        }
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      char *converted = g_convert (value, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

      g_free (value);
      value = converted ? converted : g_strdup ("");
    }

  if (g_ascii_strcasecmp (name, "N") == 0)
    {
      g_auto(GStrv) parts = vcard_split (value, ';');
      guint n = g_strv_length (parts);

      *has_n = TRUE;
      atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, n > 0 ? g_strstrip (parts[0]) : "");
      atlas_contact_set_field (contact, ATLAS_CONTACT_GIVEN_NAME, n > 1 ? g_strstrip (parts[1]) : "");
      if (n > 3 && *g_strstrip (parts[3]) != '\0')
        atlas_contact_set_field (contact, ATLAS_CONTACT_HONORIFIC, parts[3]);
    }
  else if (g_ascii_strcasecmp (name, "FN") == 0 && !*has_n)
    {
      g_autofree char *fn = vcard_unescape (value, strlen (value));
      char *space;

      g_strstrip (fn);
      space = strrchr (fn, ' ');
      if (space != NULL)
        {
          *space = '\0';
          atlas_contact_set_field (contact, ATLAS_CONTACT_GIVEN_NAME, fn);
          atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, space + 1);
        }
      else
        atlas_contact_set_field (contact, ATLAS_CONTACT_FAMILY_NAME, fn);
    }
  else if (g_ascii_strcasecmp (name, "ORG") == 0)
    {
      g_auto(GStrv) parts = vcard_split (value, ';');

      atlas_contact_set_field (contact, ATLAS_CONTACT_ORGANISATION, parts[0] ? g_strstrip (parts[0]) : "");
    }
  else if (g_ascii_strcasecmp (name, "TITLE") == 0 ||
           (g_ascii_strcasecmp (name, "ROLE") == 0 &&
            *atlas_contact_get_field (contact, ATLAS_CONTACT_ROLE) == '\0'))
    {
      g_autofree char *text = vcard_unescape (value, strlen (value));

      atlas_contact_set_field (contact, ATLAS_CONTACT_ROLE, g_strstrip (text));
    }
  else if (g_ascii_strcasecmp (name, "TEL") == 0 || g_ascii_strcasecmp (name, "EMAIL") == 0)
    {
      g_autofree char *text = vcard_unescape (value, strlen (value));
      const char *item = g_strstrip (text);

      /* vCard 4.0 may write numbers and addresses as URIs. */
      if (g_ascii_strncasecmp (item, "tel:", 4) == 0 || g_ascii_strncasecmp (item, "mailto:", 7) == 0)
        item = strchr (item, ':') + 1;
      atlas_contact_io_add_to_list (contact, g_ascii_strcasecmp (name, "TEL") == 0 ? ATLAS_CONTACT_PHONES : ATLAS_CONTACT_EMAILS,
                                    item);
    }
  else if (g_ascii_strcasecmp (name, "NOTE") == 0)
    {
      g_autofree char *text = vcard_unescape (value, strlen (value));

      atlas_contact_set_field (contact, ATLAS_CONTACT_NOTES, g_strstrip (text));
    }
  else if (g_ascii_strcasecmp (name, "CATEGORIES") == 0)
    {
      g_auto(GStrv) parts = vcard_split (value, ',');

      for (guint i = 0; parts[i]; i++)
        atlas_contact_io_add_to_list (contact, ATLAS_CONTACT_TAGS, parts[i]);
    }
  else if (g_ascii_strcasecmp (name, "ADR") == 0 && atlas_contact_io_get_address (contact) == NULL)
    {
      /* PO box; extended; street; locality; region; postal code; country */
      g_auto(GStrv) parts = vcard_split (value, ';');

      if (g_strv_length (parts) >= 6)
        {
          g_autofree char *address = g_strdup_printf ("%s, %s %s", g_strstrip (parts[2]),
                                                      g_strstrip (parts[5]), g_strstrip (parts[3]));

          atlas_contact_io_set_address (contact, address);
        }
    }
  else if (g_ascii_strcasecmp (name, "X-INTEGRATIONSATLAS-AGS") == 0)
    {
      atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, g_strstrip (value));
      atlas_contact_io_set_centre_given (contact, TRUE);
    }
}

GPtrArray *
atlas_contacts_parse_vcard (const char  *text,
                            GPtrArray   *messages,
                            GError     **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) lines = vcard_lines (text, numbers);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasContact) current = NULL;
  gboolean has_n = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint number = g_array_index (numbers, guint, i);

      if (g_ascii_strncasecmp (line, "BEGIN:VCARD", 11) == 0)
        {
          if (current != NULL && messages != NULL)
            g_ptr_array_add (messages, g_strdup_printf (_("Line %u: a vCard without END:VCARD; it is read up to here."), number));
          if (current != NULL)
            g_ptr_array_add (contacts, g_steal_pointer (&current));
          current = atlas_contact_new ();
          atlas_contact_io_set_line (current, number);
          has_n = FALSE;
        }
      else if (g_ascii_strncasecmp (line, "END:VCARD", 9) == 0)
        {
          if (current != NULL)
            g_ptr_array_add (contacts, g_steal_pointer (&current));
        }
      else if (current != NULL)
        vcard_property (current, line, &has_n);
    }
  if (current != NULL)
    {
      if (messages != NULL)
        g_ptr_array_add (messages, g_strdup (_("The last vCard has no END:VCARD; it is read up to the end of the file.")));
      g_ptr_array_add (contacts, g_steal_pointer (&current));
    }

  if (contacts->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file contains no vCard (no line BEGIN:VCARD)."));
      return NULL;
    }

  return g_steal_pointer (&contacts);
}
