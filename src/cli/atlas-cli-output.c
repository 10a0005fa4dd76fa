/* atlas-cli-output.c: the command line's tables, as TSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-cli-private.h"

/* Output ------------------------------------------------------------------- */

/* TSV has no quoting: tabs and line breaks inside a value become spaces. */
static void
append_tsv_cell (GString    *line,
                 const char *value)
{
  for (const char *p = value; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_json_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
atlas_cli_table_begin (TableWriter        *writer,
                       OutputFormat        format,
                       const char * const *columns)
{
  writer->format = format;
  writer->columns = columns;
  writer->n_rows = 0;
  writer->out = g_string_new (NULL);

  if (format == FORMAT_TSV)
    {
      for (guint i = 0; columns[i]; i++)
        {
          if (i > 0)
            g_string_append_c (writer->out, '\t');
          g_string_append (writer->out, columns[i]);
        }
      g_string_append_c (writer->out, '\n');
    }
  else
    g_string_append (writer->out, "[");
}

/* @cells holds one value per column, in order. */
void
atlas_cli_table_row (TableWriter        *writer,
                     const char * const *cells)
{
  GString *out = writer->out;

  if (writer->format == FORMAT_TSV)
    {
      for (guint i = 0; writer->columns[i]; i++)
        {
          if (i > 0)
            g_string_append_c (out, '\t');
          append_tsv_cell (out, cells[i]);
        }
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, writer->n_rows > 0 ? ",\n  {" : "\n  {");
      for (guint i = 0; writer->columns[i]; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_json_string (out, writer->columns[i]);
          g_string_append (out, ": ");
          append_json_string (out, cells[i]);
        }
      g_string_append_c (out, '}');
    }

  writer->n_rows++;

  /* Long listings stream instead of growing one huge string. */
  if (out->len > 64 * 1024)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
}

void
atlas_cli_table_end (TableWriter *writer)
{
  if (writer->format == FORMAT_JSON)
    g_string_append (writer->out, writer->n_rows > 0 ? "\n]\n" : "]\n");

  fwrite (writer->out->str, 1, writer->out->len, stdout);
  fflush (stdout);
  g_string_free (writer->out, TRUE);
  writer->out = NULL;
}

char *
atlas_cli_format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}
