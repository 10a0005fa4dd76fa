/* atlas-xml-reader.c: libxml2's streaming reader, set up for untrusted files
 *
 * What ../shared/RELIABILITY.md measured on libxml2 2.9.14 decides the set-up:
 * - the bytes come through our own read callback from a GInputStream, never
 *   from a file name, so libxml2 neither gunzips nor opens other files;
 * - no NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER or XINCLUDE; NONET;
 * - a deny-all external entity loader for the whole process;
 * - a document whose DTD declares entities is rejected before any of them
 *   could be expanded, and entity references are never followed;
 * - every error of level XML_ERR_ERROR or worse rejects the file (libxml2
 *   goes on after some, such as broken namespaces);
 * - limits on size and depth.
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
#include <libxml/parser.h>
#include <libxml/xmlIO.h>

#include "atlas-xml-reader.h"

/* A release nests a few levels; NewsML-G2 with inline NITF maybe twenty. */
#define MAX_DEPTH 64
#define DEFAULT_MAX_BYTES ((goffset) 2 * 1024 * 1024 * 1024)
#define CHUNK 65536
/* "&thetasym;" is the longest HTML 4 entity; what may still follow. */
#define HOLD_BACK 16
/* How far into a file the XML declaration is looked for. */
#define HEAD_MAX 1024

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)

struct _AtlasXmlReader
{
  xmlTextReaderPtr reader;
  GInputStream *stream;
  GCancellable *cancellable;
  char *name;

  goffset n_bytes;
  goffset max_bytes;
  gboolean first_read;

  /* Bytes repaired and waiting for libxml2; see the top of the file. */
  GByteArray *pending;
  gsize pending_pos;
  GByteArray *carry;     /* unfiltered tail held back for the next chunk */
  gboolean eof;
  gboolean map_entities; /* not for UTF-16 */
  int state;             /* 0 text, 1 in a comment, 2 in CDATA */
  int n_lines;           /* lines read so far */
  int line_offset;       /* lines dropped before the XML declaration */
  char *detail;          /* libxml2's own words for the first error */

  /* The first problem found; later ones are consequences. */
  GError *error;
  int error_line;
  int error_column;
  gboolean root_seen;
  /* Asking the reader for its document makes it ours to free. */
  xmlDocPtr doc;
};

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  context)
{
  /* Imports read the one file they were given and nothing else. */
  return NULL;
}

/**
 * atlas_xml_init:
 *
 * Sets up libxml2 for the process: the deny-all entity loader. Safe to call
 * from any thread, any number of times.
 */
void
atlas_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

/* For the tests: the loader in force is ours. */
gboolean
atlas_xml_entity_loader_is_safe (void)
{
  atlas_xml_init ();
  return xmlGetExternalEntityLoader () == deny_entity_loader;
}

static void
set_error (AtlasXmlReader *self,
           int             code,
           int             line,
           int             column,
           const char     *message)
{
  if (self->error != NULL)
    return;

  self->error = g_error_new_literal (ATLAS_IMPORT_ERROR, code, message);
  self->error_line = line > 0 ? line + self->line_offset : line;
  self->error_column = column;
}

/* Whether elements were still open when the error came: at the end of the
 * file that means it was cut off (libxml2 2.9 calls that "Extra content
 * at the end of the document"). */
#if LIBXML_VERSION >= 21200
static gboolean
still_open (const xmlError *err)
#else
static gboolean
still_open (xmlErrorPtr err)
#endif
{
  xmlParserCtxtPtr ctxt = err->domain == XML_FROM_PARSER ? err->ctxt : NULL;

  /* What the parser says when the bytes run out, not a tag mismatch. */
  switch (err->code)
    {
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_LITERAL_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return ctxt != NULL && ctxt->nameNr > 0;
    default:
      return FALSE;
    }
}

#if LIBXML_VERSION >= 21200
static void
structured_error_cb (void            *user_data,
                     const xmlError  *err)
#else
static void
structured_error_cb (void      *user_data,
                     xmlErrorPtr err)
#endif
{
  AtlasXmlReader *self = user_data;
  g_autofree char *message = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR)
    return;

  /* A prefix without a declaration or a namespace URI with a line break
   * leaves the tree as it is: the element keeps its prefixed name. */
  if (err->domain == XML_FROM_NAMESPACE)
    return;

  message = g_strchomp (g_strdup (err->message ? err->message : _("XML error")));
  if (self->error != NULL)
    return;
  g_free (self->detail);
  self->detail = g_strdup (message);

  if (err->code == XML_ERR_UNDECLARED_ENTITY || err->code == XML_WAR_UNDECLARED_ENTITY ||
      err->code == XML_ERR_ENTITY_LOOP || err->code == XML_ERR_ENTITY_BOUNDARY)
    {
      g_autofree char *what = g_strdup_printf (_("The file uses an entity that is not declared (%s)"), message);

      set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, err->line, err->int2, what);
    }
  else if (err->code == XML_ERR_DOCUMENT_EMPTY && !self->root_seen)
    set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, 1, 1, _("The file is empty"));
  else if (self->eof && self->pending_pos >= self->pending->len && still_open (err))
    {
      g_autofree char *what = g_strdup_printf (_("The file ends in the middle of line %d – it is probably incomplete"),
                                               MAX (self->n_lines, 1));

      set_error (self, ATLAS_IMPORT_ERROR_TRUNCATED, MAX (self->n_lines - self->line_offset, 1), 0, what);
    }
  else
    {
      g_autofree char *what = g_strdup_printf (_("The file is not well-formed XML in line %d"),
                                               MAX (err->line, 1) + self->line_offset);

      set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, err->line, err->int2, what);
    }
}

/* What a file that is not XML is, from its first bytes. */
static const char *
not_xml_kind (const guchar *b,
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
static gboolean
harmless_prefix (const guchar *b,
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

static gssize
find_declaration (const guchar *b,
                  gsize         n)
{
  gsize max = MIN (n, HEAD_MAX);

  for (gsize i = 0; i + 6 <= max; i++)
    if (memcmp (b + i, "<?xml", 5) == 0 && g_ascii_isspace (b[i + 5]))
      return i;
  return -1;
}

/* Appends @b to the pending bytes, HTML entities mapped; the last
 * HOLD_BACK bytes wait for more unless @last. */
/* A declaration that says ISO-8859-1 (or windows-1252, latin1) over bytes
 * that are UTF-8, as real feeds have it (a template's header over UTF-8
 * text): read as declared, every umlaut becomes two letters ("StraÃŸe"),
 * and the catalogue is searched in vain. When the first chunk holds UTF-8
 * sequences and no byte that UTF-8 cannot have there, the declaration is
 * taken to be wrong, as feed readers do. A Latin-1 file with an umlaut in
 * its first chunk is never valid UTF-8, so it is read as declared.
 * Returns whether to read UTF-8; @at and @len: the declared name. */
static gboolean
mislabelled_utf8 (const guchar *b,
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

static void
filter (AtlasXmlReader *self,
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

/* Reads the next chunk of the stream into the pending bytes. */
static gboolean
fill (AtlasXmlReader *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  guchar *b;
  gsize n, at, len;
  gssize got;

  g_byte_array_append (raw, self->carry->data, self->carry->len);
  g_byte_array_set_size (self->carry, 0);
  n = raw->len;
  g_byte_array_set_size (raw, n + CHUNK);
  got = g_input_stream_read (self->stream, raw->data + n, CHUNK, self->cancellable, &error);
  if (got < 0)
    {
      if (self->error == NULL)
        {
          self->error = g_steal_pointer (&error);
          self->error_line = 0;
        }
      return FALSE;
    }
  g_byte_array_set_size (raw, n + got);
  self->n_bytes += got;
  if (self->n_bytes > self->max_bytes)
    {
      g_autofree char *limit = g_format_size (self->max_bytes);
      g_autofree char *message = g_strdup_printf (_("The file is larger than %s"), limit);

      set_error (self, ATLAS_IMPORT_ERROR_TOO_LARGE, 0, 0, message);
      return FALSE;
    }
  if (got == 0)
    self->eof = TRUE;

  b = raw->data;
  n = raw->len;

  if (self->first_read && n > 0)
    {
      const char *kind;
      gssize decl;

      self->first_read = FALSE;
      if (n >= 2 && ((b[0] == 0x1f && b[1] == 0x8b) || (b[0] == 'P' && b[1] == 'K')))
        {
          set_error (self, ATLAS_IMPORT_ERROR_COMPRESSED, 0, 0,
                     _("The file is compressed (gzip or zip), not XML; unpack it first"));
          return FALSE;
        }
      if ((kind = not_xml_kind (b, n)) != NULL)
        {
          set_error (self, ATLAS_IMPORT_ERROR_NOT_XML, 0, 0, kind);
          return FALSE;
        }

      /* UTF-16 without a byte-order mark: libxml2 reads it with one. */
      if (n >= 2 && ((b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0)))
        {
          static const guint8 be[] = { 0xfe, 0xff }, le[] = { 0xff, 0xfe };

          g_byte_array_append (self->pending, b[0] == 0 ? be : le, 2);
          self->map_entities = FALSE;
        }
      else if ((decl = find_declaration (b, n)) > 0 && harmless_prefix (b, decl))
        {
          /* The lines dropped still count for the line numbers shown. */
          for (gssize k = 0; k < decl; k++)
            if (b[k] == '\n')
              {
                self->n_lines++;
                self->line_offset++;
              }
          b += decl;
          n -= decl;
        }
      else if (n >= 2 && (b[0] == 0xfe || b[0] == 0xff))
        self->map_entities = FALSE;

      if (self->map_entities && mislabelled_utf8 (b, n, self->eof, &at, &len))
        {
          g_autoptr(GByteArray) fixed = g_byte_array_sized_new (n);

          g_byte_array_append (fixed, b, at);
          g_byte_array_append (fixed, (const guint8 *) "UTF-8", 5);
          g_byte_array_append (fixed, b + at + len, n - at - len);
          filter (self, fixed->data, fixed->len, self->eof);
          return TRUE;
        }
    }

  filter (self, b, n, self->eof);
  return TRUE;
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  AtlasXmlReader *self = context;
  gsize n;

  while (self->pending_pos >= self->pending->len && !self->eof)
    {
      g_byte_array_set_size (self->pending, 0);
      self->pending_pos = 0;
      if (!fill (self))
        return -1;
    }

  n = MIN ((gsize) len, self->pending->len - self->pending_pos);
  if (n > 0)
    memcpy (buffer, self->pending->data + self->pending_pos, n);
  self->pending_pos += n;
  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

/**
 * atlas_xml_reader_new:
 * @stream: the file's bytes
 * @name: the file's name, for messages
 *
 * Returns: (transfer full): a reader; errors show on the first read
 */
AtlasXmlReader *
atlas_xml_reader_new (GInputStream *stream,
                      const char   *name,
                      GCancellable *cancellable)
{
  AtlasXmlReader *self = g_new0 (AtlasXmlReader, 1);

  atlas_xml_init ();

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->name = g_strdup (name);
  self->max_bytes = DEFAULT_MAX_BYTES;
  self->first_read = TRUE;
  self->pending = g_byte_array_new ();
  self->carry = g_byte_array_new ();
  self->map_entities = TRUE;
  self->n_lines = 1;

  /* NONET, and nothing that loads or expands anything else. */
  self->reader = xmlReaderForIO (read_cb, close_cb, self, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (self->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (self->reader, (xmlStructuredErrorFunc) structured_error_cb, self);

  return self;
}

void
atlas_xml_reader_free (AtlasXmlReader *self)
{
  if (self == NULL)
    return;

  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  if (self->doc != NULL)
    xmlFreeDoc (self->doc);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_byte_array_unref (self->pending);
  g_byte_array_unref (self->carry);
  g_free (self->detail);
  g_free (self->name);
  g_free (self);
}

xmlTextReaderPtr
atlas_xml_reader_get (AtlasXmlReader *self)
{
  return self->reader;
}

/* libxml2's own message for the first error, for "Details"; or NULL. */
const char *
atlas_xml_reader_get_detail (AtlasXmlReader *self)
{
  return self->detail;
}

void
atlas_xml_reader_set_max_bytes (AtlasXmlReader *self,
                                goffset         max_bytes)
{
  self->max_bytes = max_bytes;
}

int
atlas_xml_reader_get_line (AtlasXmlReader *self)
{
  return self->reader ? xmlTextReaderGetParserLineNumber (self->reader) + self->line_offset : 0;
}

/* Add to libxml2's line numbers for the file's own. */
int
atlas_xml_reader_get_line_offset (AtlasXmlReader *self)
{
  return self->line_offset;
}

/* Where the first problem was found, or where the reader is. */
void
atlas_xml_reader_get_position (AtlasXmlReader *self,
                               int            *line,
                               int            *column)
{
  if (self->error != NULL && self->error_line > 0)
    {
      *line = self->error_line;
      *column = self->error_column;
    }
  else if (self->reader != NULL)
    {
      *line = xmlTextReaderGetParserLineNumber (self->reader) + self->line_offset;
      *column = xmlTextReaderGetParserColumnNumber (self->reader);
    }
  else
    {
      *line = 0;
      *column = 0;
    }
}

static gboolean
check_document (AtlasXmlReader  *self,
                GError         **error)
{
  xmlTextReaderPtr r = self->reader;
  int type = xmlTextReaderNodeType (r);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  /* The internal subset has been read by the time the root starts: a
   * document that declares entities is refused before any is used. */
  if (type == XML_READER_TYPE_ELEMENT && !self->root_seen)
    {
      xmlDocPtr doc = xmlTextReaderCurrentDoc (r);

      self->doc = doc;
      self->root_seen = TRUE;
      if (doc != NULL && doc->intSubset != NULL &&
          (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL))
        {
          set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, xmlTextReaderGetParserLineNumber (r), 0,
                     _("The document declares entities, which are not accepted in imports"));
          g_propagate_error (error, g_error_copy (self->error));
          return FALSE;
        }
    }

  if (type == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, xmlTextReaderGetParserLineNumber (r), 0,
                 _("The document refers to an entity, which is not accepted in imports"));
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (xmlTextReaderDepth (r) > MAX_DEPTH)
    {
      set_error (self, ATLAS_IMPORT_ERROR_TOO_DEEP, xmlTextReaderGetParserLineNumber (r), 0,
                 _("The document is nested too deeply"));
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fail_read (AtlasXmlReader  *self,
           GError         **error)
{
  if (self->error == NULL)
    set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, xmlTextReaderGetParserLineNumber (self->reader),
               xmlTextReaderGetParserColumnNumber (self->reader),
               _("The file is not well-formed XML"));
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

/**
 * atlas_xml_reader_read:
 *
 * Returns: 1 when a node was read, 0 at the end, -1 on error
 */
int
atlas_xml_reader_read (AtlasXmlReader  *self,
                       GError         **error)
{
  int ret;

  if (self->reader == NULL)
    {
      g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                           _("Could not start reading the file"));
      return -1;
    }

  ret = xmlTextReaderRead (self->reader);
  if (ret < 0)
    return fail_read (self, error) ? 0 : -1;
  if (ret == 0)
    {
      /* libxml2 reports some errors only at the end. */
      if (self->error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->error));
          return -1;
        }
      if (!self->root_seen)
        {
          set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, 1, 1, _("The file is empty"));
          g_propagate_error (error, g_error_copy (self->error));
          return -1;
        }
      return 0;
    }

  return check_document (self, error) ? 1 : -1;
}

/* Moves past the current node's subtree. */
gboolean
atlas_xml_reader_next (AtlasXmlReader  *self,
                       GError         **error)
{
  int ret = xmlTextReaderNext (self->reader);

  if (ret < 0)
    return fail_read (self, error);

  return ret == 0 ? (self->error == NULL || fail_read (self, error)) : check_document (self, error);
}

/* Reads forward to the root element. */
gboolean
atlas_xml_reader_start_element (AtlasXmlReader  *self,
                                GError         **error)
{
  int ret;

  while ((ret = atlas_xml_reader_read (self, error)) == 1)
    if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT)
      return TRUE;

  if (ret == 0)
    g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                         _("The file has no root element"));
  return FALSE;
}

/**
 * atlas_xml_reader_expand:
 *
 * Reads the current element's subtree into memory (it stays valid until
 * the reader moves on). Memory is bounded by one item, not the file.
 *
 * Returns: (transfer none) (nullable): the element
 */
xmlNode *
atlas_xml_reader_expand (AtlasXmlReader  *self,
                         GError         **error)
{
  xmlNode *node = xmlTextReaderExpand (self->reader);

  if (node == NULL || self->error != NULL)
    {
      fail_read (self, error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;

  return node;
}
