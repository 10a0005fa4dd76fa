/* atlas-csv.c: contacts as CSV
 *
 * Export writes CSV (RFC 4180: comma, quotes doubled, CRLF, a header row;
 * UTF-8 with a byte order mark so that Excel shows umlauts). Import reads
 * CSV as Outlook and Excel write it, in English or German: comma,
 * semicolon or tab, UTF-8 with or without BOM, UTF-16 or Windows-1252.
 * Columns are recognised by their headers.
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

GPtrArray *
atlas_contacts_parse_csv (const char  *text,
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
      atlas_contact_io_set_line (contact, start);
      atlas_contact_io_set_centre_given (contact, centre_column);
      for (guint i = 0; i < MIN (n, n_columns); i++)
        {
          if (fields[i] == 0 || *cells[i] == '\0')
            continue;
          if (is_list_field (fields[i]))
            atlas_contact_io_add_to_list (contact, fields[i], cells[i]);
          else if (*atlas_contact_get_field (contact, fields[i]) == '\0')
            atlas_contact_set_field (contact, fields[i], cells[i]);
        }
      g_ptr_array_add (contacts, g_steal_pointer (&contact));
    }

  return g_steal_pointer (&contacts);
}
