/* atlas-contact-io.c: contacts as vCard and CSV files
 *
 * Export writes vCard 4.0 (RFC 6350) and CSV (RFC 4180: comma, quotes
 * doubled, CRLF, a header row; UTF-8 with a byte order mark so that Excel
 * shows umlauts). Import reads vCard 2.1, 3.0 and 4.0 (folded lines,
 * quoted-printable, charsets) and CSV as Outlook and Excel write it, in
 * English or German: comma, semicolon or tab, UTF-8 with or without BOM,
 * UTF-16 or Windows-1252. Columns are recognised by their headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-centre-index.h"
#include "atlas-contact-io.h"
#include "atlas-record.h"
#include "atlas-text.h"
#include "atlas-validate.h"

#define LINE_KEY "atlas-source-line"

static void
set_line (AtlasContact *contact,
          guint         line)
{
  g_object_set_data (G_OBJECT (contact), LINE_KEY, GUINT_TO_POINTER (line));
}

static guint
get_line (AtlasContact *contact)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (contact), LINE_KEY));
}

/* A file that says the centre (ours: vCard's X-INTEGRATIONSATLAS-AGS, CSV's
 * centre-ags column), empty for none, is not second-guessed. */
#define CENTRE_GIVEN_KEY "atlas-source-centre-given"

static gboolean
get_centre_given (AtlasContact *contact)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (contact), CENTRE_GIVEN_KEY));
}

static void
set_centre_given (AtlasContact *contact,
                  gboolean      given)
{
  g_object_set_data (G_OBJECT (contact), CENTRE_GIVEN_KEY, GINT_TO_POINTER (given));
}

/* A contact keeps no address; a vCard's is read only to find its centre. */
#define ADDRESS_KEY "atlas-source-address"

static const char *
get_address (AtlasContact *contact)
{
  return g_object_get_data (G_OBJECT (contact), ADDRESS_KEY);
}

static void
set_address (AtlasContact *contact,
             const char   *address)
{
  g_object_set_data_full (G_OBJECT (contact), ADDRESS_KEY, g_strdup (address), g_free);
}

gboolean
atlas_contact_format_for_path (const char         *path,
                               AtlasContactFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    *format = ATLAS_CONTACT_FORMAT_VCARD;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = ATLAS_CONTACT_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

/* vCard writing ------------------------------------------------------------ */

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

/* CSV writing ---------------------------------------------------------------- */

static const AtlasContactField csv_fields[] = {
  ATLAS_CONTACT_HONORIFIC, ATLAS_CONTACT_GIVEN_NAME, ATLAS_CONTACT_FAMILY_NAME,
  ATLAS_CONTACT_ROLE, ATLAS_CONTACT_ORGANISATION, ATLAS_CONTACT_CENTRE_AGS,
  ATLAS_CONTACT_PHONES, ATLAS_CONTACT_EMAILS, ATLAS_CONTACT_NOTES, ATLAS_CONTACT_TAGS,
};

static void
append_csv_cell (GString    *out,
                 const char *text)
{
  if (strpbrk (text, ",\"\r\n;") == NULL && *text != ' ')
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * atlas_contacts_to_csv:
 * @contacts: (element-type AtlasContact)
 *
 * Returns: (transfer full): the contacts as CSV with a header row of the
 *   field names (honorific, given-name, …)
 */
char *
atlas_contacts_to_csv (GPtrArray *contacts)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
    {
      if (f > 0)
        g_string_append_c (out, ',');
      g_string_append (out, atlas_contact_field_name (csv_fields[f]));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < contacts->len; i++)
    {
      AtlasContact *c = g_ptr_array_index (contacts, i);

      for (guint f = 0; f < G_N_ELEMENTS (csv_fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, atlas_contact_get_field (c, csv_fields[f]));
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* Reading -------------------------------------------------------------------- */

/**
 * atlas_contact_text_to_utf8:
 *
 * Decodes a text file as people have them: UTF-8 with or without a byte
 * order mark, UTF-16 with one, otherwise Windows-1252 (which also covers
 * ISO-8859-1).
 *
 * Returns: (transfer full) (nullable): the text as UTF-8
 */
char *
atlas_contact_text_to_utf8 (GBytes  *bytes,
                            GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  char *text;

  if (len == 0)
    return g_strdup ("");

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";

      return g_convert (data + 2, len - 2, "UTF-8", charset, NULL, NULL, error);
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is not text (it contains null bytes)."));
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  text = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, NULL, error);
  return text;
}

static void
add_to_list (AtlasContact      *contact,
             AtlasContactField  field,
             const char        *value)
{
  g_autofree char *joined = atlas_list_union (atlas_contact_get_field (contact, field), value);

  atlas_contact_set_field (contact, field, joined);
}

/* vCard ------------------------------------------------------------------ */

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
      add_to_list (contact, g_ascii_strcasecmp (name, "TEL") == 0 ? ATLAS_CONTACT_PHONES : ATLAS_CONTACT_EMAILS,
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
        add_to_list (contact, ATLAS_CONTACT_TAGS, parts[i]);
    }
  else if (g_ascii_strcasecmp (name, "ADR") == 0 && get_address (contact) == NULL)
    {
      /* PO box; extended; street; locality; region; postal code; country */
      g_auto(GStrv) parts = vcard_split (value, ';');

      if (g_strv_length (parts) >= 6)
        {
          g_autofree char *address = g_strdup_printf ("%s, %s %s", g_strstrip (parts[2]),
                                                      g_strstrip (parts[5]), g_strstrip (parts[3]));

          set_address (contact, address);
        }
    }
  else if (g_ascii_strcasecmp (name, "X-INTEGRATIONSATLAS-AGS") == 0)
    {
      atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, g_strstrip (value));
      set_centre_given (contact, TRUE);
    }
}

static GPtrArray *
parse_vcard (const char  *text,
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
          set_line (current, number);
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

/* CSV -------------------------------------------------------------------- */

/* Reads one record (which may span lines inside quotes) from *pos. */
static char **
csv_record (const char **pos,
            char         sep,
            guint       *line)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  GString *cell = g_string_new (NULL);
  const char *p = *pos;
  gboolean quoted = FALSE;

  for (;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            break;
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              if (*p == '\n')
                (*line)++;
              if (*p != '\r')
                g_string_append_c (cell, *p);
            }
          continue;
        }

      if (*p == '"' && cell->len == 0)
        quoted = TRUE;
      else if (*p == sep)
        {
          g_strv_builder_add (cells, cell->str);
          g_string_truncate (cell, 0);
        }
      else if (*p == '\n' || *p == '\0')
        break;
      else if (*p != '\r')
        g_string_append_c (cell, *p);
    }

  g_strv_builder_add (cells, cell->str);
  g_string_free (cell, TRUE);
  if (*p == '\n')
    {
      (*line)++;
      p++;
    }
  *pos = p;
  return g_strv_builder_end (cells);
}

static char
csv_separator (const char *text)
{
  guint counts[3] = { 0 };
  const char seps[3] = { ',', ';', '\t' };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p && (quoted || *p != '\n'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < 3; i++)
        counts[i] += *p == seps[i];
    }
  for (guint i = 1; i < 3; i++)
    if (counts[i] > counts[best])
      best = i;
  return seps[best];
}

/* Headers of our own export, of Outlook (English and German) and Excel. */
static const struct {
  const char *header;
  AtlasContactField field;
} csv_headers[] = {
  { "honorific", ATLAS_CONTACT_HONORIFIC }, { "title", ATLAS_CONTACT_HONORIFIC },
  { "anrede", ATLAS_CONTACT_HONORIFIC }, { "titel", ATLAS_CONTACT_HONORIFIC },
  { "given-name", ATLAS_CONTACT_GIVEN_NAME }, { "first name", ATLAS_CONTACT_GIVEN_NAME },
  { "vorname", ATLAS_CONTACT_GIVEN_NAME }, { "given name", ATLAS_CONTACT_GIVEN_NAME },
  { "family-name", ATLAS_CONTACT_FAMILY_NAME }, { "last name", ATLAS_CONTACT_FAMILY_NAME },
  { "nachname", ATLAS_CONTACT_FAMILY_NAME }, { "family name", ATLAS_CONTACT_FAMILY_NAME },
  { "surname", ATLAS_CONTACT_FAMILY_NAME },
  { "role", ATLAS_CONTACT_ROLE }, { "job title", ATLAS_CONTACT_ROLE },
  { "position", ATLAS_CONTACT_ROLE }, { "funktion", ATLAS_CONTACT_ROLE },
  { "organisation", ATLAS_CONTACT_ORGANISATION }, { "organization", ATLAS_CONTACT_ORGANISATION },
  { "company", ATLAS_CONTACT_ORGANISATION }, { "firma", ATLAS_CONTACT_ORGANISATION },
  { "organisation name", ATLAS_CONTACT_ORGANISATION },
  { "centre-ags", ATLAS_CONTACT_CENTRE_AGS },
  { "phones", ATLAS_CONTACT_PHONES }, { "business phone", ATLAS_CONTACT_PHONES },
  { "business phone 2", ATLAS_CONTACT_PHONES }, { "mobile phone", ATLAS_CONTACT_PHONES },
  { "primary phone", ATLAS_CONTACT_PHONES }, { "company main phone", ATLAS_CONTACT_PHONES },
  { "telefon geschäftlich", ATLAS_CONTACT_PHONES }, { "telefon geschäftlich 2", ATLAS_CONTACT_PHONES },
  { "mobiltelefon", ATLAS_CONTACT_PHONES }, { "haupttelefon", ATLAS_CONTACT_PHONES },
  { "telefon", ATLAS_CONTACT_PHONES }, { "phone", ATLAS_CONTACT_PHONES },
  { "emails", ATLAS_CONTACT_EMAILS }, { "e-mail address", ATLAS_CONTACT_EMAILS },
  { "e-mail 2 address", ATLAS_CONTACT_EMAILS }, { "e-mail 3 address", ATLAS_CONTACT_EMAILS },
  { "e-mail-adresse", ATLAS_CONTACT_EMAILS }, { "e-mail 2: adresse", ATLAS_CONTACT_EMAILS },
  { "e-mail 3: adresse", ATLAS_CONTACT_EMAILS }, { "e-mail", ATLAS_CONTACT_EMAILS },
  { "email", ATLAS_CONTACT_EMAILS },
  { "notes", ATLAS_CONTACT_NOTES }, { "notizen", ATLAS_CONTACT_NOTES },
  { "tags", ATLAS_CONTACT_TAGS }, { "categories", ATLAS_CONTACT_TAGS },
  { "kategorien", ATLAS_CONTACT_TAGS },
};

static AtlasContactField
field_for_header (const char *header)
{
  g_autofree char *key = g_utf8_strdown (header, -1);

  g_strstrip (key);
  for (guint i = 0; i < G_N_ELEMENTS (csv_headers); i++)
    if (g_str_equal (key, csv_headers[i].header))
      return csv_headers[i].field;
  /* Our own export before the fields had property names. */
  if (g_str_equal (key, "given_name"))
    return ATLAS_CONTACT_GIVEN_NAME;
  if (g_str_equal (key, "family_name"))
    return ATLAS_CONTACT_FAMILY_NAME;
  if (g_str_equal (key, "centre_ags"))
    return ATLAS_CONTACT_CENTRE_AGS;
  return 0;
}

static gboolean
is_list_field (AtlasContactField field)
{
  return field == ATLAS_CONTACT_PHONES || field == ATLAS_CONTACT_EMAILS || field == ATLAS_CONTACT_TAGS;
}

static GPtrArray *
parse_csv (const char  *text,
           GPtrArray   *messages,
           GError     **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) header = NULL;
  g_autofree AtlasContactField *fields = NULL;
  const char *pos = text;
  char sep = csv_separator (text);
  guint line = 1, n_columns, n_known = 0;
  gboolean centre_column = FALSE;

  header = csv_record (&pos, sep, &line);
  n_columns = g_strv_length (header);
  fields = g_new0 (AtlasContactField, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      n_known += (fields[i] = field_for_header (header[i])) != 0;
      centre_column |= fields[i] == ATLAS_CONTACT_CENTRE_AGS;
    }

  if (n_known == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The first line names no column this program knows (such as “Vorname”, “Nachname”, “Firma”, “E-Mail-Adresse” or “First Name”)."));
      return NULL;
    }

  while (*pos != '\0')
    {
      guint start = line;
      g_auto(GStrv) cells = csv_record (&pos, sep, &line);
      g_autoptr(AtlasContact) contact = NULL;
      guint n = g_strv_length (cells);
      gboolean blank = TRUE;

      for (guint i = 0; i < n; i++)
        blank &= *g_strstrip (cells[i]) == '\0';
      if (blank)
        continue;

      if (n != n_columns && messages != NULL)
        g_ptr_array_add (messages,
                         g_strdup_printf (_("Line %u has %u cells where the header has %u; the cells are read in order."),
                                          start, n, n_columns));

      contact = atlas_contact_new ();
      set_line (contact, start);
      set_centre_given (contact, centre_column);
      for (guint i = 0; i < MIN (n, n_columns); i++)
        {
          if (fields[i] == 0 || *cells[i] == '\0')
            continue;
          if (is_list_field (fields[i]))
            add_to_list (contact, fields[i], cells[i]);
          else if (*atlas_contact_get_field (contact, fields[i]) == '\0')
            atlas_contact_set_field (contact, fields[i], cells[i]);
        }
      g_ptr_array_add (contacts, g_steal_pointer (&contact));
    }

  return g_steal_pointer (&contacts);
}

/**
 * atlas_contacts_parse:
 * @format: (out): the format found, by content
 * @messages: (nullable) (element-type utf8): gets notes on what was odd
 *
 * Returns: (transfer full) (element-type AtlasContact): the contacts of
 *   a vCard or CSV file, not yet checked against the catalogue
 */
GPtrArray *
atlas_contacts_parse (GBytes              *bytes,
                      AtlasContactFormat  *format,
                      GPtrArray           *messages,
                      GError             **error)
{
  g_autofree char *text = atlas_contact_text_to_utf8 (bytes, error);
  const char *start;

  if (text == NULL)
    return NULL;

  for (start = text; g_ascii_isspace (*start); start++)
    ;
  if (*start == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return NULL;
    }

  if (g_ascii_strncasecmp (start, "BEGIN:VCARD", 11) == 0)
    {
      *format = ATLAS_CONTACT_FORMAT_VCARD;
      return parse_vcard (start, messages, error);
    }

  *format = ATLAS_CONTACT_FORMAT_CSV;
  return parse_csv (text, messages, error);
}

/* Importing ------------------------------------------------------------------ */

void
atlas_contact_report_clear (AtlasContactReport *report)
{
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  report->added = report->merged = report->skipped = 0;
}

char *
atlas_contact_report_summary (const AtlasContactReport *report)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added", report->added), report->added);
  g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u merged", "%u merged", report->merged), report->merged);
  g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", report->skipped), report->skipped);

  return g_strjoin (", ", added, merged, skipped, NULL);
}

/* The catalogue's contacts by what makes two of them the same, built once
 * per import so that each imported contact is one lookup, not a scan (a
 * scan per contact took 45 s for 10,000). The rules are those of
 * atlas_store_find_contact() and atlas_store_find_duplicates(). */
typedef struct {
  GHashTable *exact;   /* given, family, organisation, e-mails → id */
  GHashTable *names;   /* "given family", folded → id */
  GHashTable *emails;  /* an e-mail address, case folded → id */
} ContactIndex;

static char *
exact_key (AtlasContact *c)
{
  return g_strjoin ("\x1f",
                    atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME),
                    atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME),
                    atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION),
                    atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS),
                    NULL);
}

static char *
name_key (AtlasContact *c)
{
  g_autofree char *name = NULL;

  if (*atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME) == '\0')
    return NULL;
  name = g_strjoin (" ", atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME),
                    atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), NULL);
  return atlas_text_fold_search (g_strstrip (name));
}

static void
index_add (ContactIndex *ix,
           AtlasContact *c)
{
  gpointer id = GSIZE_TO_POINTER ((gsize) atlas_contact_get_id (c));
  g_auto(GStrv) emails = atlas_list_split (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS));
  char *name = name_key (c);

  g_hash_table_insert (ix->exact, exact_key (c), id);
  /* The first contact of a name or address stays the one found. */
  if (name != NULL && !g_hash_table_contains (ix->names, name))
    g_hash_table_insert (ix->names, name, id);
  else
    g_free (name);
  for (guint i = 0; emails[i]; i++)
    {
      char *key = g_utf8_casefold (emails[i], -1);

      if (!g_hash_table_contains (ix->emails, key))
        g_hash_table_insert (ix->emails, key, id);
      else
        g_free (key);
    }
}

static gint64
index_duplicate (ContactIndex *ix,
                 AtlasContact *c)
{
  g_autofree char *name = name_key (c);
  g_auto(GStrv) emails = atlas_list_split (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS));
  gpointer id;

  if (name != NULL && (id = g_hash_table_lookup (ix->names, name)) != NULL)
    return (gint64) GPOINTER_TO_SIZE (id);
  for (guint i = 0; emails[i]; i++)
    {
      g_autofree char *key = g_utf8_casefold (emails[i], -1);

      if ((id = g_hash_table_lookup (ix->emails, key)) != NULL)
        return (gint64) GPOINTER_TO_SIZE (id);
    }
  return 0;
}

static void
index_clear (ContactIndex *ix)
{
  g_clear_pointer (&ix->exact, g_hash_table_unref);
  g_clear_pointer (&ix->names, g_hash_table_unref);
  g_clear_pointer (&ix->emails, g_hash_table_unref);
}

static gboolean
index_fill (ContactIndex  *ix,
            AtlasStore    *store,
            GError       **error)
{
  g_autoptr(GPtrArray) all = atlas_contacts_collect (store, NULL, error);

  ix->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ix->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ix->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    index_add (ix, g_ptr_array_index (all, i));
  return TRUE;
}

/* Whether @organisation is a centre or its district's administration
 * («Kommunales Integrationszentrum Kreis Kleve», «Stadt Köln», «Rhein-Kreis
 * Neuss»), whose place then names the centre; a newspaper, a broadcaster
 * or a state authority in the same town («Rheinische Post Düsseldorf»,
 * «Bezirksregierung Köln») is no centre's. */
static gboolean
is_centre_or_district (const char *organisation)
{
  g_autofree char *folded = atlas_text_fold_search (organisation);
  g_auto(GStrv) words = g_regex_split_simple ("[^a-z0-9]+", folded, 0, 0);

  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];

      if (strstr (w, "integrationszentrum") != NULL || g_str_equal (w, "ki") ||
          g_str_has_suffix (w, "kreis") || g_str_has_suffix (w, "stadt") ||
          g_str_equal (w, "staedteregion") || g_str_equal (w, "stadtverwaltung") ||
          g_str_equal (w, "kreisverwaltung"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
import_one (AtlasStore          *store,
            AtlasContact        *contact,
            AtlasCentreIndex    *centres,
            ContactIndex        *ix,
            AtlasContactReport  *report,
            GError             **error)
{
  const char *ags = atlas_contact_get_field (contact, ATLAS_CONTACT_CENTRE_AGS);
  g_autofree char *exact = NULL;
  gint64 same;

  if (*atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME) == '\0' &&
      *atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME) == '\0' &&
      *atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION) == '\0')
    {
      report->skipped++;
      g_ptr_array_add (report->messages,
                       g_strdup_printf (_("Line %u: skipped, it has neither a name nor an organisation."),
                                        get_line (contact)));
      return TRUE;
    }

  if (*ags != '\0')
    {
      AtlasCentre *centre = atlas_centre_index_match (centres, ags, NULL, NULL, NULL);

      atlas_contact_set_centre_id (contact, centre ? atlas_centre_get_id (centre) : 0);
      if (centre == NULL)
        {
          g_ptr_array_add (report->messages,
                           g_strdup_printf (_("Line %u: no centre has the district key “%s”; the contact is kept without a centre."),
                                            get_line (contact), ags));
          atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, "");
        }
    }
  else if (!get_centre_given (contact))
    {
      /* A file from another program: the centre its address or its
       * organisation names, as a release or a calendar's event is linked. */
      const char *organisation = atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION);
      AtlasCentre *centre = atlas_centre_index_match (centres, NULL, get_address (contact),
                                                      is_centre_or_district (organisation) ? organisation : NULL,
                                                      NULL);

      if (centre != NULL)
        {
          atlas_contact_set_centre_id (contact, atlas_centre_get_id (centre));
          atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, atlas_centre_get_field (centre, ATLAS_CENTRE_AGS));
        }
    }

  atlas_contact_set_id (contact, 0);
  exact = exact_key (contact);
  if (g_hash_table_contains (ix->exact, exact))
    {
      report->skipped++;
      return TRUE;
    }

  same = index_duplicate (ix, contact);
  if (same > 0)
    {
      g_autoptr(GObject) existing = atlas_store_load (store, ATLAS_RECORD_CONTACT, same, error);

      if (existing == NULL)
        return FALSE;
      if (!atlas_contact_merge (ATLAS_CONTACT (existing), contact))
        {
          report->skipped++;
          return TRUE;
        }
      if (atlas_store_save_contact (store, ATLAS_CONTACT (existing), error) == 0)
        return FALSE;
      index_add (ix, ATLAS_CONTACT (existing));
      report->merged++;
      return TRUE;
    }

  if (atlas_store_save_contact (store, contact, error) == 0)
    return FALSE;
  index_add (ix, contact);
  report->added++;
  return TRUE;
}

/**
 * atlas_contacts_import:
 * @contacts: (element-type AtlasContact): as parsed
 * @dry_run: count only: what an import would do (for a preview)
 *
 * Adds each contact, merges it into an existing one with the same name
 * or e-mail (see atlas_contact_merge()), or skips it when nothing would
 * change or it has no name. All in one transaction: on error nothing is
 * imported.
 */
gboolean
atlas_contacts_import (AtlasStore          *store,
                       GPtrArray           *contacts,
                       gboolean             dry_run,
                       AtlasContactReport  *report,
                       GError             **error)
{
  g_autoptr(AtlasCentreIndex) centres = NULL;
  ContactIndex ix = { 0 };

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  atlas_contact_report_clear (report);
  report->messages = g_ptr_array_new_with_free_func (g_free);

  if (!(centres = atlas_centre_index_new (store, error)))
    return FALSE;
  if (!atlas_store_begin (store, error))
    return FALSE;
  if (!index_fill (&ix, store, error))
    {
      index_clear (&ix);
      atlas_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      /* A copy: a dry run must not give the caller's contacts ids. */
      g_autoptr(AtlasContact) contact = ATLAS_CONTACT (atlas_record_copy (g_ptr_array_index (contacts, i)));

      set_line (contact, get_line (g_ptr_array_index (contacts, i)));
      set_address (contact, get_address (g_ptr_array_index (contacts, i)));
      set_centre_given (contact, get_centre_given (g_ptr_array_index (contacts, i)));
      if (!import_one (store, contact, centres, &ix, report, error))
        {
          index_clear (&ix);
          atlas_store_rollback (store);
          return FALSE;
        }
    }
  index_clear (&ix);

  if (dry_run)
    {
      atlas_store_rollback (store);
      return TRUE;
    }
  return atlas_store_commit (store, error);
}

/**
 * atlas_contacts_collect:
 * @filter: (nullable): search text, as in the contacts list
 *
 * Returns: (transfer full) (element-type AtlasContact): the contacts the
 *   list shows for @filter, in its order
 */
GPtrArray *
atlas_contacts_collect (AtlasStore  *store,
                        const char  *filter,
                        GError     **error)
{
  g_autoptr(GArray) ids = atlas_store_query_ids (store, ATLAS_RECORD_CONTACT, filter, error);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      GObject *contact = atlas_store_load (store, ATLAS_RECORD_CONTACT,
                                           g_array_index (ids, gint64, i), error);

      if (contact == NULL)
        return NULL;
      g_ptr_array_add (contacts, contact);
    }
  return g_steal_pointer (&contacts);
}

/**
 * atlas_contacts_write:
 *
 * Writes @contacts to @file as vCard or CSV, replacing it only once the
 * whole file is written.
 */
gboolean
atlas_contacts_write (GPtrArray           *contacts,
                      AtlasContactFormat   format,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *text = format == ATLAS_CONTACT_FORMAT_VCARD
                          ? atlas_contacts_to_vcard (contacts)
                          : atlas_contacts_to_csv (contacts);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
