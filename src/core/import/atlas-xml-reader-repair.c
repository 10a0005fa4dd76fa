/* atlas-xml-reader-repair.c: what a file's bytes are, and the repairs
 * made before libxml2 sees them
 *
 * Strict about safety, tolerant about data: before libxml2 sees the bytes,
 * a few harmless deviations of real feeds are repaired explicitly, never by
 * libxml2's RECOVER mode:
 * - white space, stray bytes or comments before the XML declaration are
 *   dropped ("XML declaration allowed only at the start");
 * - UTF-16 without a byte-order mark (told by "<" and a zero byte) gets one;
 * - HTML 4 named entities (&eacute;, &nbsp;) become character references,
 *   from libxml2's own HTML table; no DTD is read for them, and a document
 *   that declares entities is still refused;
 * - namespace errors (an undeclared prefix, a broken namespace URI) do not
 *   change the document's structure and are let pass.
 * Broken structure (mismatched or unfinished tags) still refuses the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "atlas-xml-reader.h"
#include "atlas-xml-reader-private.h"

/* What a file that is not XML is, from its first bytes. */
const char *
atlas_xml_not_xml_kind (const guchar *b,
                        gsize         n)
{
  static const struct { const char *magic; gsize len; const char *what; } kinds[] = {
    { "\x89PNG", 4, N_("This is not an XML file but a PNG image") },
    { "\xff\xd8\xff", 3, N_("This is not an XML file but a JPEG image") },
    { "GIF8", 4, N_("This is not an XML file but a GIF image") },
    { "%PDF", 4, N_("This is not an XML file but a PDF document") },
    { "{\\rtf", 5, N_("This is not an XML file but an RTF document") },
    { "\xd0\xcf\x11\xe0", 4, N_("This is not an XML file but an old Office document") },
    { "SQLite format 3", 16, N_("This is not an XML file but a database, perhaps a catalogue") },
    { "PK\x03\x04", 4, N_("This is not an XML file but a ZIP archive, perhaps a Word or Excel document") },
  };
  gsize i = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (n >= kinds[k].len && memcmp (b, kinds[k].magic, kinds[k].len) == 0)
      return _(kinds[k].what);

  if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
    i = 3;
  while (i < n && g_ascii_isspace (b[i]))
    i++;
  if (i < n && b[i] != '<' && b[i] != 0 && !(n >= 2 && (b[0] == 0xfe || b[0] == 0xff)))
    {
      /* No markup where a document starts, unless it follows after stray
       * bytes: then it is text. */
      if (memchr (b + i, '<', n - i) == NULL)
        return _("This is not an XML file but text");
    }

  return NULL;
}

/* Only white space, control bytes, a byte-order mark, stray bytes or whole
 * comments before the XML declaration at @decl. */
gboolean
atlas_xml_harmless_prefix (const guchar *b,
                           gsize         decl)
{
  for (gsize i = 0; i < decl; i++)
    if (b[i] == '<')
      {
        const guchar *end;

        if (decl - i < 7 || memcmp (b + i, "<!--", 4) != 0)
          return FALSE;
        end = (const guchar *) g_strstr_len ((const char *) b + i + 4, decl - i - 4, "-->");
        if (end == NULL)
          return FALSE;
        i = end - b + 2;
      }
  return TRUE;
}

gssize
atlas_xml_find_declaration (const guchar *b,
                            gsize         n)
{
  gsize max = MIN (n, HEAD_MAX);

  for (gsize i = 0; i + 6 <= max; i++)
    if (memcmp (b + i, "<?xml", 5) == 0 && g_ascii_isspace (b[i + 5]))
      return i;
  return -1;
}

/* A declaration that says ISO-8859-1 (or windows-1252, latin1) over bytes
 * that are UTF-8, as real feeds have it (a template's header over UTF-8
 * text): read as declared, every umlaut becomes two letters ("StraÃŸe"),
 * and the catalogue is searched in vain. When the first chunk holds UTF-8
 * sequences and no byte that UTF-8 cannot have there, the declaration is
 * taken to be wrong, as feed readers do. A Latin-1 file with an umlaut in
 * its first chunk is never valid UTF-8, so it is read as declared.
 * Returns whether to read UTF-8; @at and @len: the declared name. */
gboolean
atlas_xml_mislabelled_utf8 (const guchar *b,
                            gsize         n,
                            gboolean      last,
                            gsize        *at,
                            gsize        *len)
{
  static const char *const latin[] = { "iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                       "iso-8859-15", "windows-1252", "cp1252", NULL };
  gsize max = MIN (n, HEAD_MAX), i, start;
  const char *end = NULL;
  gboolean high = FALSE;
  char quote;

  if (n < 6 || memcmp (b, "<?xml", 5) != 0)
    return FALSE;
  for (i = 5; i + 1 < max && !(b[i] == '?' && b[i + 1] == '>'); i++)
    if (i + 8 < max && memcmp (b + i, "encoding", 8) == 0)
      break;
  if (i + 8 >= max || memcmp (b + i, "encoding", 8) != 0)
    return FALSE;
  for (i += 8; i < max && (b[i] == ' ' || b[i] == '=' || b[i] == '\t'); i++)
    ;
  if (i >= max || (b[i] != '"' && b[i] != '\''))
    return FALSE;
  quote = b[i];
  start = ++i;
  while (i < max && b[i] != quote)
    i++;
  if (i >= max)
    return FALSE;
  *at = start;
  *len = i - start;
  {
    g_autofree char *name = g_ascii_strdown ((const char *) b + start, *len);
    gboolean known = FALSE;

    for (guint k = 0; latin[k] != NULL; k++)
      known |= g_str_equal (name, latin[k]);
    if (!known)
      return FALSE;
  }

  for (i = 0; i < n && !high; i++)
    high = b[i] >= 0x80;
  if (!high)
    return FALSE;
  if (g_utf8_validate_len ((const char *) b, n, &end))
    return TRUE;
  /* A chunk may end inside a character: only that may be cut. */
  return !last && (gsize) ((const char *) b + n - end) < 4 && (guchar) *end >= 0xc0;
}

/* Appends @b to the pending bytes, HTML entities mapped; the last
 * HOLD_BACK bytes wait for more unless @last. */
void
atlas_xml_filter (AtlasXmlReader *self,
                  const guchar   *b,
                  gsize           n,
                  gboolean        last)
{
  gsize end = last ? n : (n > HOLD_BACK ? n - HOLD_BACK : 0);
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    if (b[k] == '\n')
      self->n_lines++;

  if (!self->map_entities)
    {
      g_byte_array_append (self->pending, b, n);
      return;
    }

  while (i < end)
    {
      gsize run = i;

      /* Plain bytes go on in one piece. */
      while (run < end && b[run] != '<' && b[run] != '&' && b[run] != '-' && b[run] != ']')
        run++;
      if (run > i)
        {
          g_byte_array_append (self->pending, b + i, run - i);
          i = run;
          continue;
        }

      if (self->state == 1 || self->state == 2)
        {
          const char *close = self->state == 1 ? "-->" : "]]>";

          if (i + 3 <= n && memcmp (b + i, close, 3) == 0)
            {
              g_byte_array_append (self->pending, b + i, 3);
              i += 3;
              self->state = 0;
              continue;
            }
        }
      else if (b[i] == '<' && i + 4 <= n && memcmp (b + i, "<!--", 4) == 0)
        {
          g_byte_array_append (self->pending, b + i, 4);
          i += 4;
          self->state = 1;
          continue;
        }
      else if (b[i] == '<' && i + 9 <= n && memcmp (b + i, "<![CDATA[", 9) == 0)
        {
          g_byte_array_append (self->pending, b + i, 9);
          i += 9;
          self->state = 2;
          continue;
        }
      else if (b[i] == '&' && i + 1 < n && g_ascii_isalpha (b[i + 1]))
        {
          gsize j = i + 1;

          while (j < n && j - i <= 10 && g_ascii_isalnum (b[j]))
            j++;
          if (j < n && b[j] == ';')
            {
              char name[12] = { 0 };
              const htmlEntityDesc *entity = NULL;

              memcpy (name, b + i + 1, MIN (j - i - 1, sizeof name - 1));
              /* XML's own are left to libxml2. */
              if (strcmp (name, "amp") != 0 && strcmp (name, "lt") != 0 && strcmp (name, "gt") != 0 &&
                  strcmp (name, "quot") != 0 && strcmp (name, "apos") != 0)
                entity = htmlEntityLookup ((const xmlChar *) name);
              if (entity != NULL)
                {
                  char ref[16];
                  int len = g_snprintf (ref, sizeof ref, "&#%u;", entity->value);

                  g_byte_array_append (self->pending, (const guint8 *) ref, len);
                  i = j + 1;
                  continue;
                }
            }
        }

      g_byte_array_append (self->pending, b + i, 1);
      i++;
    }

  /* What is left (some of it may have been consumed past @end) waits. */
  g_byte_array_append (self->carry, b + i, n - i);
  for (gsize k = i; k < n; k++)
    if (b[k] == '\n')
      self->n_lines--;
}
