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
 * Strict about safety, tolerant about data: a few harmless deviations of
 * real feeds are repaired before libxml2 sees the bytes
 * (atlas-xml-reader-repair.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>

#include "atlas-xml-reader.h"
#include "atlas-xml-reader-private.h"

/* A release nests a few levels; NewsML-G2 with inline NITF maybe twenty. */
#define MAX_DEPTH 64
#define DEFAULT_MAX_BYTES ((goffset) 2 * 1024 * 1024 * 1024)
#define CHUNK 65536

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)

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
      if ((kind = atlas_xml_not_xml_kind (b, n)) != NULL)
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
      else if ((decl = atlas_xml_find_declaration (b, n)) > 0 && atlas_xml_harmless_prefix (b, decl))
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

      if (self->map_entities && atlas_xml_mislabelled_utf8 (b, n, self->eof, &at, &len))
        {
          g_autoptr(GByteArray) fixed = g_byte_array_sized_new (n);

          g_byte_array_append (fixed, b, at);
          g_byte_array_append (fixed, (const guint8 *) "UTF-8", 5);
          g_byte_array_append (fixed, b + at + len, n - at - len);
          atlas_xml_filter (self, fixed->data, fixed->len, self->eof);
          return TRUE;
        }
    }

  atlas_xml_filter (self, b, n, self->eof);
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
